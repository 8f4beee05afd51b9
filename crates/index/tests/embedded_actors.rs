//! Embedded actors: a channel's or account's new avatar and name reach
//! every video, playlist and channel embedding it, from the stored JSON,
//! with the text fields re-indexed; the rewrite is bounded and resumes.
#![allow(clippy::unwrap_used)]

use sepiola_index::{ActorRole, ActorUpdates, SearchIndex};
use sepiola_model::query::{ChannelQuery, Page, PlaylistQuery, VideoQuery};
use sepiola_model::{ActorImage, ActorSummary, Channel, Playlist, Record, Video};
use serde_json::{Value, json};

const HOST: &str = "tube.example";

fn actor(name: &str, display: &str, avatar: &str) -> Value {
    json!({"id": 7, "name": name, "displayName": display, "host": HOST,
           "url": format!("https://{HOST}/c/{name}"),
           "avatars": [{"width": 48, "height": 48, "path": format!("/lazy-static/avatars/{avatar}.png")}]})
}

fn owner() -> Value {
    let mut a = actor("alice", "Alice", "alice-old");
    a["url"] = Value::from(format!("https://{HOST}/a/alice"));
    a["description"] = Value::from("Alice's account");
    a["followersCount"] = Value::from(3);
    a
}

fn video(i: usize, channel: &str, description: &str) -> Value {
    let uuid = format!("3f1af22b-8a22-5bf0-98d3-d234176a75{i:02}");
    json!({"kind": "video", "host": HOST, "id": i, "uuid": uuid, "name": format!("Video {i}"),
           "description": description, "tags": ["kept"],
           "privacy": {"id": 1}, "createdAt": "2021-01-10T08:00:00.000Z",
           "publishedAt": "2021-01-10T08:00:00.000Z", "embedPath": format!("/videos/embed/{uuid}"),
           "url": format!("https://{HOST}/videos/watch/{uuid}"),
           "account": {"id": 7, "name": "alice", "displayName": "Alice", "host": HOST,
                       "url": format!("https://{HOST}/a/alice"),
                       "avatars": [{"width": 48, "height": 48, "path": "/lazy-static/avatars/alice-old.png"}]},
           "channel": actor(channel, "Old channel name", &format!("{channel}-old"))})
}

fn index() -> SearchIndex {
    let idx = SearchIndex::in_memory().unwrap();
    let long = "A long description that the answer cuts. ".repeat(30);
    let mut lines = vec![
        video(1, "cooking", &long),
        video(2, "cooking", "short"),
        video(3, "garden", "short"),
    ];
    for name in ["cooking", "garden"] {
        let mut c = actor(name, "Old channel name", &format!("{name}-old"));
        c["kind"] = Value::from("channel");
        c["createdAt"] = Value::from("2020-01-01T00:00:00.000Z");
        c["ownerAccount"] = owner();
        lines.push(c);
    }
    lines.push(json!({"kind": "playlist", "host": HOST, "id": 1,
        "uuid": "e7a3cb5c-836d-5286-8e6b-ea873e5033dd", "displayName": "A playlist",
        "privacy": {"id": 1}, "videosLength": 1, "type": {"id": 1},
        "url": format!("https://{HOST}/videos/watch/playlist/e7a3cb5c-836d-5286-8e6b-ea873e5033dd"),
        "createdAt": "2023-01-01T00:00:00.000Z",
        "ownerAccount": {"id": 7, "name": "alice", "displayName": "Alice", "host": HOST,
                         "url": format!("https://{HOST}/a/alice"),
                         "avatars": [{"width": 48, "height": 48, "path": "/lazy-static/avatars/alice-old.png"}]},
        "videoChannel": actor("cooking", "Old channel name", "cooking-old")}));
    for l in lines {
        let mut r = Record::from_json(&l.to_string()).unwrap();
        r.normalize().unwrap();
        idx.upsert(&r).unwrap();
    }
    idx.commit().unwrap();
    idx
}

/// The cooking channel with a new avatar and a new name, and alice with a
/// new avatar (her extras as channel listings carry them).
fn updates() -> ActorUpdates {
    let norm = |v: Value| {
        let mut a: ActorSummary = serde_json::from_value(v).unwrap();
        a.normalize("actor").unwrap();
        a
    };
    let mut u = ActorUpdates::new();
    u.insert(
        ActorRole::Channel,
        norm(actor("cooking", "Fresh kitchen", "cooking-new")),
    );
    let mut alice = owner();
    alice["avatars"][0]["path"] = Value::from("/lazy-static/avatars/alice-new.png");
    alice["followersCount"] = Value::from(5);
    u.insert(ActorRole::Account, norm(alice));
    u
}

fn all<Q>(idx: &SearchIndex, text: Option<&str>) -> Vec<Q::Doc>
where
    Q: sepiola_index::Searchable + Default + SetPage,
    Q::Doc: sepiola_index::FromStored,
{
    let mut q = Q::default();
    q.set(text);
    idx.search(&q)
        .unwrap()
        .data
        .into_iter()
        .map(|s| s.item)
        .collect()
}

trait SetPage {
    fn set(&mut self, text: Option<&str>);
}

macro_rules! set_page {
    ($q:ty) => {
        impl SetPage for $q {
            fn set(&mut self, text: Option<&str>) {
                self.search = text.map(str::to_string);
                self.page = Page {
                    start: 0,
                    count: 100,
                };
            }
        }
    };
}
set_page!(VideoQuery);
set_page!(ChannelQuery);
set_page!(PlaylistQuery);

fn avatar(a: &ActorSummary) -> &str {
    a.avatars
        .first()
        .map_or("", |i: &ActorImage| i.path.as_str())
}

#[test]
fn a_changed_channel_and_account_reach_every_document_embedding_them() {
    let idx = index();
    let u = updates();
    // Three videos and the playlist hold alice; two videos and the playlist
    // the cooking channel; both channels are owned by alice.
    assert_eq!(idx.stale_actor_copies(&u).unwrap(), 6);
    let r = idx.rewrite_actors(&u, 1_000).unwrap();
    assert_eq!((r.stale, r.rewritten, r.complete()), (6, 6, true));
    idx.commit().unwrap();
    assert_eq!(idx.stale_actor_copies(&u).unwrap(), 0);
    assert_eq!(idx.rewrite_actors(&u, 1_000).unwrap().stale, 0);

    let videos: Vec<Video> = all::<VideoQuery>(&idx, None);
    assert_eq!(videos.len(), 3);
    for v in &videos {
        assert_eq!(avatar(&v.account), "/lazy-static/avatars/alice-new.png");
        // A summary stays a summary.
        assert_eq!(v.account.followers_count, None);
        assert_eq!(v.tags, vec!["kept".to_string()]);
        if v.channel.name == "cooking" {
            assert_eq!(v.channel.display_name, "Fresh kitchen");
            assert_eq!(avatar(&v.channel), "/lazy-static/avatars/cooking-new.png");
            assert_eq!(
                v.channel.avatar.as_ref().map(|a| a.path.as_str()),
                Some("/lazy-static/avatars/cooking-new.png")
            );
        } else {
            assert_eq!(v.channel.display_name, "Old channel name");
            assert_eq!(avatar(&v.channel), "/lazy-static/avatars/garden-old.png");
        }
    }
    // The new name is searched; the whole description was kept.
    let found: Vec<Video> = all::<VideoQuery>(&idx, Some("fresh kitchen"));
    assert_eq!(found.len(), 2);
    let mut out = Vec::new();
    idx.export(&mut out).unwrap();
    let export = String::from_utf8(out).unwrap();
    assert!(
        export.contains(
            &"A long description that the answer cuts. "
                .repeat(30)
                .trim_end()
                .to_string()
        )
    );

    let channels: Vec<Channel> = all::<ChannelQuery>(&idx, None);
    assert_eq!(channels.len(), 2);
    for c in &channels {
        assert_eq!(
            avatar(&c.owner_account),
            "/lazy-static/avatars/alice-new.png"
        );
        // The owner's extras stay, updated.
        assert_eq!(c.owner_account.followers_count, Some(5));
        assert_eq!(
            c.owner_account.description.as_deref(),
            Some("Alice's account")
        );
        // The channel documents themselves are the channel listing's business.
        assert_eq!(c.display_name, "Old channel name");
    }
    let playlists: Vec<Playlist> = all::<PlaylistQuery>(&idx, None);
    assert_eq!(playlists.len(), 1);
    let p = &playlists[0];
    assert_eq!(
        avatar(&p.owner_account),
        "/lazy-static/avatars/alice-new.png"
    );
    let vc = p.video_channel.as_ref().unwrap();
    assert_eq!(vc.display_name, "Fresh kitchen");
    assert_eq!(all::<PlaylistQuery>(&idx, Some("kitchen")).len(), 1);
}

#[test]
fn a_rewrite_is_bounded_and_the_next_one_resumes() {
    let idx = index();
    let u = updates();
    let r = idx.rewrite_actors(&u, 2).unwrap();
    assert_eq!((r.stale, r.rewritten, r.complete()), (6, 2, false));
    idx.commit().unwrap();
    let r = idx.rewrite_actors(&u, 3).unwrap();
    assert_eq!((r.stale, r.rewritten), (4, 3));
    idx.commit().unwrap();
    let r = idx.rewrite_actors(&u, 3).unwrap();
    assert_eq!((r.stale, r.rewritten, r.complete()), (1, 1, true));
    idx.commit().unwrap();
    assert_eq!(idx.stale_actor_copies(&u).unwrap(), 0);
    // Nothing else changed: as many documents as before.
    let counts = idx.doc_counts();
    assert_eq!(counts.get(sepiola_model::DocKind::Video), 3);
    assert_eq!(counts.get(sepiola_model::DocKind::Channel), 2);
    assert_eq!(counts.get(sepiola_model::DocKind::Playlist), 1);
}

#[test]
fn unchanged_actors_are_not_stale() {
    let idx = index();
    let norm = |v: Value| {
        let mut a: ActorSummary = serde_json::from_value(v).unwrap();
        a.normalize("actor").unwrap();
        a
    };
    let mut u = ActorUpdates::new();
    u.insert(
        ActorRole::Channel,
        norm(actor("garden", "Old channel name", "garden-old")),
    );
    // Same summary, other extras (counts move all the time): not stale.
    let mut alice = owner();
    alice["followersCount"] = Value::from(99);
    u.insert(ActorRole::Account, norm(alice));
    assert_eq!(idx.stale_actor_copies(&u).unwrap(), 0);
    // An account named like a channel is another actor.
    let mut u = ActorUpdates::new();
    u.insert(
        ActorRole::Account,
        norm(actor("garden", "Someone", "someone")),
    );
    assert_eq!(idx.stale_actor_copies(&u).unwrap(), 0);
}
