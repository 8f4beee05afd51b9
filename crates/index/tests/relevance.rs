//! Relevance rules of docs/ranking.md, checked on the committed
//! multilingual fixture (tests/fixtures/relevance.jsonl).
#![allow(clippy::unwrap_used)]

use sepiola_index::SearchIndex;
use sepiola_model::query::{ChannelQuery, Page, PlaylistQuery, Sort, VideoQuery, VideoSort};
use sepiola_model::{Record, Video};

fn fixture() -> SearchIndex {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/relevance.jsonl"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let idx = SearchIndex::in_memory().unwrap();
    for line in text.lines() {
        let mut r = Record::from_json(line).unwrap();
        r.normalize().unwrap();
        idx.upsert(&r).unwrap();
    }
    idx.commit().unwrap();
    idx
}

fn search(idx: &SearchIndex, text: &str) -> Vec<String> {
    titles(
        idx,
        VideoQuery {
            search: Some(text.into()),
            ..Default::default()
        },
    )
}

fn titles(idx: &SearchIndex, q: VideoQuery) -> Vec<String> {
    found(idx, q, |v| v.name)
}

/// One field of each video found, in rank order.
fn found(idx: &SearchIndex, q: VideoQuery, pick: fn(Video) -> String) -> Vec<String> {
    idx.search(&q)
        .unwrap()
        .data
        .into_iter()
        .map(|h| pick(h.item))
        .collect()
}

#[test]
fn exact_title_comes_first() {
    let idx = fixture();
    let r = search(&idx, "big buck bunny");
    assert_eq!(r[0], "Big Buck Bunny", "{r:?}");
    assert!(r.len() >= 2, "the compilation matches too: {r:?}");
}

#[test]
fn all_words_rank_above_some_words() {
    let idx = fixture();
    let r = search(&idx, "solar panel");
    assert_eq!(r[0], "Installing a solar panel on the roof", "{r:?}");
    assert!(r.contains(&"Solar eclipse: solar corona, solar wind, solar everything".into()));
    // a two-word name is not buried by one-word matches repeated many times
    let r = search(&idx, "Marie Curie");
    assert_eq!(r[0], "Marie Curie, a life", "{r:?}");
    assert_eq!(r[1], "Marie et les garçons", "{r:?}");
}

#[test]
fn case_and_accents_are_ignored() {
    let idx = fixture();
    for q in ["ECOLE foret", "école forêt", "Ecole FORÊT"] {
        let r = search(&idx, q);
        assert_eq!(
            r.first().map(String::as_str),
            Some("L'école de la forêt"),
            "{q}: {r:?}"
        );
    }
}

#[test]
fn plural_and_stem_forms_match_in_english_and_french() {
    let idx = fixture();
    assert!(search(&idx, "cats").contains(&"My cat plays the piano".into()));
    assert!(search(&idx, "pianos").contains(&"My cat plays the piano".into()));
    assert!(search(&idx, "running").contains(&"Run faster with these tips".into()));
    let r = search(&idx, "chevaux");
    assert!(r.contains(&"Le cheval blanc de Camargue".into()), "{r:?}");
    assert_eq!(r[0], "Les chevaux sauvages", "exact form first: {r:?}");
    assert!(search(&idx, "forêts").contains(&"L'école de la forêt".into()));
}

#[test]
fn one_typo_is_tolerated_and_ranks_below_exact() {
    let idx = fixture();
    let r = search(&idx, "tutorail");
    assert!(r.contains(&"Rust tutorial for beginners".into()), "{r:?}");
    let r = search(&idx, "rust tutorial");
    assert_eq!(r[0], "Rust tutorial for beginners", "{r:?}");
    assert!(r.contains(&"Rust tutoriel pour débutants".into()), "{r:?}");
    // short words need to be exact
    assert!(search(&idx, "rsut").is_empty());
}

#[test]
fn a_typo_in_the_first_letter_counts_as_two() {
    let idx = fixture();
    // eight letters allow one typo, not in the first letter
    assert!(search(&idx, "rutorial ").is_empty());
    assert!(search(&idx, "tutprial ").contains(&"Rust tutorial for beginners".into()));
    // ten letters allow two: the first letter alone, or two edits after it
    assert_eq!(
        search(&idx, "jubernetes "),
        vec!["Kubernetes in production"]
    );
    assert_eq!(
        search(&idx, "kubrenetse "),
        vec!["Kubernetes in production"]
    );
    assert!(search(&idx, "jubernetis ").is_empty());
}

#[test]
fn last_word_matches_as_a_prefix() {
    let idx = fixture();
    assert_eq!(search(&idx, "kubern"), vec!["Kubernetes in production"]);
    assert_eq!(search(&idx, "in kubern")[0], "Kubernetes in production");
    // not when followed by a space (the word is complete)
    assert!(search(&idx, "kubern ").is_empty());
}

#[test]
fn quoted_phrase_matches_as_a_phrase() {
    let idx = fixture();
    assert_eq!(search(&idx, "\"red apple\""), vec!["Red apple pie recipe"]);
    let r = search(&idx, "red apple");
    assert_eq!(r.len(), 2, "{r:?}");
}

#[test]
fn uuid_and_short_uuid_find_their_document() {
    let idx = fixture();
    let all = idx
        .search(&VideoQuery {
            search: Some("Kubernetes".into()),
            ..Default::default()
        })
        .unwrap();
    let v = &all.data[0].item;
    assert_eq!(search(&idx, &v.uuid), vec![v.name.clone()]);
    assert_eq!(search(&idx, &v.uuid.to_uppercase()), vec![v.name.clone()]);
    assert_eq!(search(&idx, &v.short_uuid), vec![v.name.clone()]);
}

#[test]
fn language_boost_reorders_but_does_not_filter() {
    let idx = fixture();
    let q = |boost: &[&str]| VideoQuery {
        search: Some("jazz night".into()),
        boost_languages: boost.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    let plain = idx.search(&q(&[])).unwrap();
    let fr = idx.search(&q(&["fr"])).unwrap();
    let de = idx.search(&q(&["de"])).unwrap();
    assert_eq!(plain.total, 3);
    assert_eq!(fr.total, 3);
    assert_eq!(fr.data[0].item.language.id.as_deref(), Some("fr"));
    assert_eq!(de.data[0].item.language.id.as_deref(), Some("de"));
    assert!(fr.data[0].score > fr.data[1].score);
}

#[test]
fn no_text_browses_everything_and_ties_break_stably() {
    let idx = fixture();
    let a = idx.search(&VideoQuery::default()).unwrap();
    assert_eq!(a.total, 45);
    let b = idx.search(&VideoQuery::default()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn sorts_order_by_their_column() {
    let idx = fixture();
    let by = |field, descending| {
        idx.search(&VideoQuery {
            sort: Sort { field, descending },
            ..Default::default()
        })
        .unwrap()
        .data
        .into_iter()
        .map(|h| h.item)
        .collect::<Vec<_>>()
    };
    let views = by(VideoSort::Views, true);
    assert!(views.windows(2).all(|w| w[0].views >= w[1].views));
    let dur = by(VideoSort::Duration, false);
    assert!(dur.windows(2).all(|w| w[0].duration <= w[1].duration));
    let names = by(VideoSort::Name, false);
    assert_eq!(names[0].name, "An apple that is red and green");
    let recent = by(VideoSort::PublishedAt, true);
    assert!(
        recent
            .windows(2)
            .all(|w| w[0].published_at >= w[1].published_at)
    );
}

#[test]
fn channels_and_playlists_are_searchable() {
    let idx = fixture();
    let c = idx
        .search(&ChannelQuery {
            search: Some("histoire sciences".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(c.data[0].item.name, "histoire");
    let p = idx
        .search(&PlaylistQuery {
            search: Some("jazz".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(p.total, 1);
    assert_eq!(p.data[0].item.display_name, "Best of jazz");
}

#[test]
fn delete_and_inventory_follow_writes() {
    let idx = fixture();
    let inv = idx
        .inventory(sepiola_model::DocKind::Video, "peertube.example.de:8443")
        .unwrap();
    assert_eq!(inv.len(), 4);
    idx.delete_host("peertube.example.de:8443").unwrap();
    idx.commit().unwrap();
    assert!(search(&idx, "kubernetes").is_empty());
    let counts = idx.host_counts().unwrap();
    assert!(!counts.contains_key("peertube.example.de:8443"));
    assert_eq!(counts.get("video.example.fr"), Some(&(12 + 2 + 1)));
}

/// The index keeps the uuid only and turns a shortUUID asked for into it,
/// in the search text and in the `uuids` filter.
#[test]
fn a_video_is_found_by_uuid_or_short_uuid() {
    let idx = fixture();
    let uuid = "9eb1f2b6-27ba-5424-a78c-ce58c5f473a5";
    let short = "kAA7MHEBBTSictzwv3Jghr";
    let no_dashes = uuid.replace('-', "");
    for search in [uuid, short, &uuid.to_uppercase(), &no_dashes] {
        let hits = found(
            &idx,
            VideoQuery {
                search: Some(search.to_string()),
                ..Default::default()
            },
            |v| v.uuid,
        );
        assert_eq!(hits.first().map(String::as_str), Some(uuid), "{search}");
    }
    for ids in [vec![short.to_string()], vec![uuid.to_string()]] {
        let hits = found(
            &idx,
            VideoQuery {
                uuids: ids.clone(),
                ..Default::default()
            },
            |v| v.uuid,
        );
        assert_eq!(hits, vec![uuid.to_string()], "{ids:?}");
    }
    // Two ids, one of each form; and a string that is neither finds nothing.
    let both = found(
        &idx,
        VideoQuery {
            uuids: vec![
                short.to_string(),
                "3f1af22b-8a22-5bf0-98d3-d234176a75ad".to_string(),
            ],
            ..Default::default()
        },
        |v| v.uuid,
    );
    assert_eq!(both.len(), 2);
    let none = found(
        &idx,
        VideoQuery {
            uuids: vec!["not-an-id-0OIl".to_string()],
            ..Default::default()
        },
        |v| v.uuid,
    );
    assert!(none.is_empty());
}

/// The crawler refuses a uuid another host brought first: the index names
/// that host, per kind, and nobody for a uuid it does not hold.
#[test]
fn uuid_owner_names_the_host_that_holds_it() {
    let idx = fixture();
    let some = idx.search(&VideoQuery::default()).unwrap().data[0]
        .item
        .clone();
    let owner = idx
        .uuid_owner(sepiola_model::DocKind::Video, &some.uuid.to_uppercase())
        .unwrap();
    assert_eq!(owner.as_deref(), Some(some.host.as_str()));
    let other_kind = idx
        .uuid_owner(sepiola_model::DocKind::Playlist, &some.uuid)
        .unwrap();
    assert_eq!(other_kind, None);
    let unknown = idx
        .uuid_owner(
            sepiola_model::DocKind::Video,
            "00000000-0000-4000-8000-000000000000",
        )
        .unwrap();
    assert_eq!(unknown, None);
    assert_eq!(
        idx.uuid_owner(sepiola_model::DocKind::Channel, &some.uuid)
            .unwrap(),
        None
    );
}

/// A watch link pasted into the search box finds its video first, whatever
/// the form (issue 14): short and long watch URLs, with or without the
/// scheme, a bare path, a query string; the URL's host and path words do not
/// pull in other videos ahead of it.
#[test]
fn a_pasted_watch_url_finds_its_video_first() {
    let idx = fixture();
    let uuid = "9eb1f2b6-27ba-5424-a78c-ce58c5f473a5";
    let short = "kAA7MHEBBTSictzwv3Jghr";
    for search in [
        format!("https://tube.example.org/w/{short}"),
        format!("https://tube.example.org/videos/watch/{uuid}"),
        format!("http://tube.example.org/videos/watch/{uuid}?start=30s"),
        format!("tube.example.org/w/{short}"),
        format!("/w/{short}"),
        format!("https://tube.example.org/videos/embed/{uuid}#t=1"),
    ] {
        let hits = found(
            &idx,
            VideoQuery {
                search: Some(search.clone()),
                ..Default::default()
            },
            |v| v.uuid,
        );
        assert_eq!(
            hits.first().map(String::as_str),
            Some(uuid),
            "{search}: {hits:?}"
        );
        assert_eq!(
            hits.len(),
            1,
            "{search}: the URL's words matched others: {hits:?}"
        );
    }
}

/// The boost languages a French visitor's browser sends, and none (as
/// PeerTube's global search sends): the tiers of issue 14 hold with both.
const VISITORS: [&[&str]; 2] = [&["fr"], &[]];

/// A video query for `text` with these boost languages and sort.
fn query(text: &str, boost: &[&str], sort: Sort<VideoSort>) -> VideoQuery {
    VideoQuery {
        search: Some(text.into()),
        boost_languages: boost.iter().map(|s| s.to_string()).collect(),
        sort,
        ..Default::default()
    }
}

fn best_match() -> Sort<VideoSort> {
    Sort {
        field: VideoSort::Match,
        descending: true,
    }
}

fn newest_first() -> Sort<VideoSort> {
    Sort {
        field: VideoSort::PublishedAt,
        descending: true,
    }
}

/// The fixture's videos whose own text (title, tags, description), folded
/// the simple way, holds `word`: the truth the name-only rules are checked
/// against, independent of the index.
fn own_text_holding(word: &str) -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/relevance.jsonl"
    );
    let words = |t: &str| -> Vec<String> {
        t.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_string)
            .collect()
    };
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["kind"] == "video")
        .filter(|v| {
            let tags = v["tags"].as_array().unwrap();
            std::iter::once(&v["name"])
                .chain(tags)
                .chain(std::iter::once(&v["description"]))
                .filter_map(|t| t.as_str())
                .any(|t| words(t).iter().any(|w| w == word))
        })
        .map(|v| v["name"].as_str().unwrap().to_string())
        .collect()
}

/// Issue 14: "family" put first a French video matching only through its
/// channel "Família y" (famili, the English stem of family, is what the
/// French stemmer makes of it), above the video with "family" in its title.
#[test]
fn a_title_word_beats_another_languages_stem_in_a_channel_name() {
    let idx = fixture();
    for boost in VISITORS {
        let r = titles(&idx, query("family", boost, best_match()));
        assert_eq!(
            r,
            vec!["Family picnic in the park", "Recette de la tortilla"],
            "boost {boost:?}"
        );
    }
}

/// Issue 14: « sécurité » put the one video holding that word 4th, behind
/// English "security" videos (secur is the French stem of sécurité, not the
/// English one). The word as typed, even in a description, comes first;
/// then the French stem (sécurités) in a French title; then the English
/// videos, whose stem only another language's stemmer gives the query.
#[test]
fn as_typed_beats_the_documents_stem_which_beats_another_languages_stem() {
    let idx = fixture();
    for boost in VISITORS {
        let r = titles(&idx, query("sécurité", boost, best_match()));
        assert_eq!(r.len(), 5, "boost {boost:?}: {r:?}");
        assert_eq!(r[0], "Sauvegarder ses photos", "boost {boost:?}: {r:?}");
        assert_eq!(
            r[1], "Les sécurités oubliées de nos vieilles maisons de campagne",
            "boost {boost:?}: {r:?}"
        );
        let mut english = r[2..].to_vec();
        english.sort();
        assert_eq!(
            english,
            vec![
                "Home security cameras",
                "Network security",
                "Security basics"
            ],
            "boost {boost:?}"
        );
    }
    // Typed in English, the same English videos are exact and come first.
    let r = search(&idx, "security");
    assert!(
        r[..3].iter().all(|t| t.to_lowercase().contains("security")),
        "{r:?}"
    );
}

/// Both words in a title (a video without a language) rank above one of
/// them in a French channel's name, even for a French visitor whose boost
/// favours the French video: the field tiers come before the language.
#[test]
fn a_title_match_beats_a_channel_name_match_before_the_language_boost() {
    let idx = fixture();
    for boost in VISITORS {
        let r = titles(&idx, query("hiver lumière", boost, best_match()));
        assert_eq!(
            r,
            vec!["Hiver et lumière", "Hiver en montagne"],
            "boost {boost:?}"
        );
    }
    // The boost still reorders within a tier: "jazz night" (same titles).
    let q = query("jazz night", &["fr"], best_match());
    let first = idx.search(&q).unwrap().data[0].item.clone();
    assert_eq!(first.language.id.as_deref(), Some("fr"));
}

/// Issue 14: "garden" through a real PeerTube's global search listed every
/// video of the channel garden_channel (they match only by its name), and
/// sorted by date they came first. Best match: every video with the word in
/// its own text ranks above them. Newest first: they are not listed, and
/// the total counts only what is listed.
#[test]
fn name_only_matches_rank_last_and_leave_date_sorted_lists() {
    let idx = fixture();
    let own = own_text_holding("garden");
    assert_eq!(own.len(), 3, "the fixture's own-text matches: {own:?}");
    let channel = [
        "Pruning roses in winter",
        "Compost basics",
        "Tomato seedlings",
    ];
    for boost in VISITORS {
        let r = titles(&idx, query("garden", boost, best_match()));
        assert_eq!(r.len(), 6, "boost {boost:?}: {r:?}");
        let mut first: Vec<String> = r[..3].to_vec();
        first.sort();
        let mut expected = own.clone();
        expected.sort();
        assert_eq!(first, expected, "boost {boost:?}: {r:?}");
        assert!(
            r[3..].iter().all(|t| channel.contains(&t.as_str())),
            "{r:?}"
        );
        // Within the own-text tier: title, then tags, then description.
        assert_eq!(
            r[..3],
            ["My garden tour", "Spring planting", "Weekend vlog"],
            "boost {boost:?}"
        );

        let hits = idx.search(&query("garden", boost, newest_first())).unwrap();
        let r: Vec<String> = hits.data.iter().map(|h| h.item.name.clone()).collect();
        assert_eq!(
            r,
            vec!["Weekend vlog", "Spring planting", "My garden tour"],
            "boost {boost:?}: newest first, own text only"
        );
        assert_eq!(hits.total, 3, "the total counts what the list shows");
    }
}

/// Typing the channel's handle (or its words, as its display name reads)
/// names it: its videos are then listed by date too.
#[test]
fn a_query_naming_the_channel_lists_its_videos_by_date() {
    let idx = fixture();
    for text in [
        "garden_channel",
        "Garden channel",
        "garden_channel@garden.example.net",
    ] {
        let hits = idx.search(&query(text, &[], newest_first())).unwrap();
        let r: Vec<String> = hits.data.iter().map(|h| h.item.name.clone()).collect();
        assert_eq!(
            r[..3],
            [
                "Pruning roses in winter",
                "Compost basics",
                "Tomato seedlings"
            ],
            "{text}: {r:?}"
        );
        assert_eq!(hits.total, r.len() as u64, "{text}");
    }
    // An identifier still finds its video by date (its words are in no text).
    let uuid = "9eb1f2b6-27ba-5424-a78c-ce58c5f473a5";
    let hits = idx.search(&query(uuid, &[], newest_first())).unwrap();
    assert_eq!(
        hits.data.first().map(|h| h.item.uuid.as_str()),
        Some(uuid),
        "{:?}",
        hits.data.iter().map(|h| &h.item.name).collect::<Vec<_>>()
    );
    // Another channel's handle does not let garden_channel's videos in.
    let hits = idx
        .search(&query("garden alice_channel", &[], newest_first()))
        .unwrap();
    assert!(
        hits.data
            .iter()
            .all(|h| h.item.channel.name != "garden_channel"),
        "{:?}",
        hits.data.iter().map(|h| &h.item.name).collect::<Vec<_>>()
    );
}
/// The fixture's records of one kind, as JSON.
fn records(kind: &str) -> Vec<serde_json::Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/relevance.jsonl"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|r| r["kind"] == kind)
        .collect()
}

/// `name@host` of an actor in a record's JSON.
fn handle_of(actor: &serde_json::Value) -> String {
    format!(
        "{}@{}",
        actor["name"].as_str().unwrap(),
        actor["host"].as_str().unwrap()
    )
}

/// The handles of the channels a search finds, in rank order.
fn channel_handles(idx: &SearchIndex, search: &str) -> Vec<String> {
    idx.search(&ChannelQuery {
        search: Some(search.into()),
        ..Default::default()
    })
    .unwrap()
    .data
    .into_iter()
    .map(|h| h.item.handle())
    .collect()
}

/// The fixture plus a second `alice_channel`, on video.example.fr (the
/// fixture's videos already name one there): two channels of one name, so
/// that the host of a link decides.
fn fixture_with_namesake() -> SearchIndex {
    let idx = fixture();
    let original = records("channel")
        .into_iter()
        .find(|c| c["name"] == "alice_channel")
        .unwrap();
    let line = original
        .to_string()
        .replace("tube.example.org", "video.example.fr");
    let mut r = Record::from_json(&line).unwrap();
    r.normalize().unwrap();
    idx.upsert(&r).unwrap();
    idx.commit().unwrap();
    idx
}

/// A pasted channel link finds that channel, whatever the form (issue 14):
/// `/c/…`, `/c/…/videos`, `/video-channels/…`, with or without the scheme
/// and host. The host must be the channel's; without one, the name alone
/// finds that name on every host; an unknown host finds nothing, and the
/// link's words do not match other channels.
#[test]
fn a_pasted_channel_url_finds_that_channel() {
    let idx = fixture_with_namesake();
    let org = "alice_channel@tube.example.org".to_string();
    let fr = "alice_channel@video.example.fr".to_string();
    for search in [
        "https://tube.example.org/c/alice_channel",
        "https://tube.example.org/c/alice_channel/videos",
        "tube.example.org/c/alice_channel",
        "http://tube.example.org/video-channels/alice_channel?sort=-publishedAt",
        "https://video.example.fr/c/alice_channel@tube.example.org",
    ] {
        assert_eq!(channel_handles(&idx, search), vec![org.clone()], "{search}");
    }
    assert_eq!(
        channel_handles(&idx, "https://video.example.fr/c/alice_channel"),
        vec![fr.clone()]
    );
    let mut both = channel_handles(&idx, "/c/alice_channel");
    both.sort();
    assert_eq!(both, vec![org.clone(), fr.clone()], "the name alone");
    assert_eq!(
        channel_handles(&idx, "https://peertube.example.de:8443/c/ops"),
        vec!["ops@peertube.example.de:8443".to_string()],
        "a host with a port"
    );
    for search in [
        "https://unknown.example/c/alice_channel",
        "https://tube.example.org/c/musique",
        "/c/no_such_channel",
    ] {
        assert_eq!(
            channel_handles(&idx, search),
            Vec::<String>::new(),
            "{search}"
        );
    }
    // The link and words: the channel first, then what the words find.
    let r = channel_handles(&idx, "https://video.example.fr/c/histoire musique");
    assert_eq!(
        r.first().map(String::as_str),
        Some("histoire@video.example.fr"),
        "{r:?}"
    );
    assert!(r.contains(&"musique@video.example.fr".to_string()), "{r:?}");
}

/// A pasted account link lists that account's channels on the channels
/// tab, its videos on the videos tab; checked against the fixture filtered
/// by owner.
#[test]
fn a_pasted_account_url_finds_its_channels_and_videos() {
    let idx = fixture();
    let mut want: Vec<String> = records("channel")
        .iter()
        .filter(|c| handle_of(&c["ownerAccount"]) == "alice@tube.example.org")
        .map(handle_of)
        .collect();
    want.sort();
    assert!(want.len() >= 2, "{want:?}");
    for search in [
        "https://tube.example.org/a/alice",
        "https://tube.example.org/accounts/alice/video-channels",
        "tube.example.org/a/alice",
    ] {
        let mut got = channel_handles(&idx, search);
        got.sort();
        assert_eq!(got, want, "{search}");
    }
    assert_eq!(
        channel_handles(&idx, "https://peertube.example.de:8443/a/alice"),
        Vec::<String>::new(),
        "alice has no account there"
    );
    let mut want: Vec<String> = records("video")
        .iter()
        .filter(|v| handle_of(&v["account"]) == "claire@video.example.fr" && v["nsfw"] != true)
        .map(|v| v["uuid"].as_str().unwrap().to_string())
        .collect();
    want.sort();
    let mut got = found(
        &idx,
        VideoQuery {
            search: Some("https://video.example.fr/a/claire".into()),
            nsfw: Some(false),
            ..Default::default()
        },
        |v| v.uuid,
    );
    got.sort();
    assert!(want.len() >= 3, "{want:?}");
    assert_eq!(got, want);
}

/// On the videos tab a channel link lists that channel's videos (the host
/// deciding between the two `alice_channel`s), and on the playlists tab its
/// playlists.
#[test]
fn a_pasted_channel_url_lists_its_videos_and_playlists() {
    let idx = fixture();
    let videos_of = |handle: &str| {
        let mut v: Vec<String> = records("video")
            .iter()
            .filter(|v| handle_of(&v["channel"]) == handle && v["nsfw"] != true)
            .map(|v| v["uuid"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    let search = |text: &str| {
        let mut got = found(
            &idx,
            VideoQuery {
                search: Some(text.into()),
                nsfw: Some(false),
                page: Page {
                    start: 0,
                    count: 100,
                },
                ..Default::default()
            },
            |v| v.uuid,
        );
        got.sort();
        got
    };
    let fr = videos_of("alice_channel@video.example.fr");
    assert_eq!(fr.len(), 3, "{fr:?}");
    assert_eq!(search("https://video.example.fr/c/alice_channel"), fr);
    let org = videos_of("alice_channel@tube.example.org");
    assert!(org.len() > fr.len());
    assert_eq!(search("tube.example.org/c/alice_channel/videos"), org);
    let mut all: Vec<String> = org.iter().chain(&fr).cloned().collect();
    all.sort();
    assert_eq!(
        search("/c/alice_channel"),
        all,
        "the name alone: both hosts"
    );
    assert!(search("https://unknown.example/c/alice_channel").is_empty());

    let playlists = |text: &str| -> Vec<String> {
        idx.search(&PlaylistQuery {
            search: Some(text.into()),
            ..Default::default()
        })
        .unwrap()
        .data
        .into_iter()
        .map(|h| h.item.display_name)
        .collect()
    };
    assert_eq!(
        playlists("https://tube.example.org/c/blender_lab"),
        vec!["Open movies"]
    );
    assert!(playlists("https://video.example.fr/c/blender_lab").is_empty());
}

/// A pasted playlist link finds that playlist first, short or long form,
/// with or without the host; on the channels tab a watch link is not read
/// as words (its host and path would match junk).
#[test]
fn a_pasted_playlist_url_finds_that_playlist() {
    let idx = fixture();
    let playlist = records("playlist")
        .into_iter()
        .find(|p| p["displayName"] == "Best of jazz")
        .unwrap();
    let uuid = playlist["uuid"].as_str().unwrap();
    let short = playlist["shortUUID"].as_str().unwrap();
    for search in [
        format!("https://video.example.fr/w/p/{short}"),
        format!("video.example.fr/w/p/{short}"),
        format!("/w/p/{short}"),
        format!("https://video.example.fr/videos/watch/playlist/{uuid}"),
        format!("https://video.example.fr/videos/watch/playlist/{uuid}?playlistPosition=2"),
    ] {
        let hits: Vec<String> = idx
            .search(&PlaylistQuery {
                search: Some(search.clone()),
                ..Default::default()
            })
            .unwrap()
            .data
            .into_iter()
            .map(|h| h.item.uuid)
            .collect();
        assert_eq!(hits, vec![uuid.to_string()], "{search}");
    }
    let watch = "https://tube.example.org/w/kAA7MHEBBTSictzwv3Jghr";
    assert_eq!(channel_handles(&idx, watch), Vec::<String>::new());
    assert_eq!(
        titles(
            &idx,
            VideoQuery {
                search: Some(format!("https://video.example.fr/w/p/{short}")),
                ..Default::default()
            }
        ),
        Vec::<String>::new(),
        "a playlist link is not words on the videos tab"
    );
}
