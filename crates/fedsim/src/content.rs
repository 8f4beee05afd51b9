//! The content of one simulated instance (accounts, channels, videos, playlists) and its
//! deterministic generation from the global seed and the instance's index.

use crate::words::Lang;
use chrono::{DateTime, Duration, TimeZone, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

/// The fixed "now" that generated dates are relative to, so content does not depend on the clock.
pub fn reference_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0)
        .single()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

/// Where an actor or video lives: on the instance itself, or on another instance it federates with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Hosted by this instance.
    Local,
    /// Hosted by the instance `offset` positions further in the federation (wrapping), as seen
    /// through federation; rendered with that instance's host.
    Remote {
        /// Distance to the origin instance's index.
        offset: usize,
    },
}

impl Origin {
    /// Whether this is local content.
    pub fn is_local(self) -> bool {
        self == Origin::Local
    }
}

/// A user account.
#[derive(Debug, Clone)]
pub struct Account {
    /// Numeric id on this instance.
    pub id: u64,
    /// Username (ASCII, PeerTube-valid).
    pub name: String,
    /// Display name.
    pub display_name: String,
    /// Profile description.
    pub description: String,
    /// Which embedded avatar image it uses.
    pub avatar: usize,
    /// How many times its avatar was changed (through the control API): part
    /// of the avatar paths, so a change gives new paths and the old ones 404.
    pub avatar_version: u32,
    /// Creation date.
    pub created_at: DateTime<Utc>,
    /// Last update of the account itself (a rename); an avatar change keeps
    /// it, as PeerTube does.
    pub updated_at: DateTime<Utc>,
    /// Followers.
    pub followers: u64,
    /// Local or remote.
    pub origin: Origin,
}

/// A video channel owned by an account.
#[derive(Debug, Clone)]
pub struct Channel {
    /// Numeric id on this instance.
    pub id: u64,
    /// Channel handle name (ASCII).
    pub name: String,
    /// Display name.
    pub display_name: String,
    /// Description.
    pub description: String,
    /// Support text.
    pub support: String,
    /// Index into the instance's accounts.
    pub account: usize,
    /// Which embedded avatar image it uses.
    pub avatar: usize,
    /// How many times its avatar was changed (see [`Account::avatar_version`]).
    pub avatar_version: u32,
    /// Followers.
    pub followers: u64,
    /// Creation date.
    pub created_at: DateTime<Utc>,
    /// Last update.
    pub updated_at: DateTime<Utc>,
    /// Local or remote.
    pub origin: Origin,
}

/// A video.
#[derive(Debug, Clone)]
pub struct Video {
    /// Numeric id on this instance.
    pub id: u64,
    /// Global identifier.
    pub uuid: Uuid,
    /// Title.
    pub name: String,
    /// Full description (sometimes Markdown).
    pub description: String,
    /// Tags (only in details).
    pub tags: Vec<String>,
    /// Category id 1–18.
    pub category: Option<u8>,
    /// Licence id 1–7.
    pub licence: Option<u8>,
    /// Language, if set.
    pub language: Option<Lang>,
    /// Duration in seconds (0 for lives).
    pub duration: u64,
    /// Views.
    pub views: u64,
    /// Likes.
    pub likes: u64,
    /// Dislikes.
    pub dislikes: u64,
    /// Current live viewers.
    pub viewers: u64,
    /// Whether it is a live.
    pub is_live: bool,
    /// NSFW flag.
    pub nsfw: bool,
    /// PeerTube 7+'s NSFW flags (1 violent, 2 explicit sex), 0 unless sensitive.
    pub nsfw_flags: u8,
    /// Width / height.
    pub aspect_ratio: f64,
    /// Index into the instance's channels.
    pub channel: usize,
    /// Which embedded thumbnail it uses.
    pub thumbnail: usize,
    /// Creation date.
    pub created_at: DateTime<Utc>,
    /// Publication date.
    pub published_at: DateTime<Utc>,
    /// Last update.
    pub updated_at: DateTime<Utc>,
    /// Original publication date, when given by the uploader.
    pub originally_published_at: Option<DateTime<Utc>>,
    /// Local or remote.
    pub origin: Origin,
}

/// A video playlist.
#[derive(Debug, Clone)]
pub struct Playlist {
    /// Numeric id on this instance.
    pub id: u64,
    /// Global identifier.
    pub uuid: Uuid,
    /// Display name.
    pub display_name: String,
    /// Description.
    pub description: String,
    /// Privacy id (1 public, 2 unlisted).
    pub privacy: u8,
    /// Type id (1 regular).
    pub kind: u8,
    /// Number of videos.
    pub videos_length: u64,
    /// Index into the instance's channels.
    pub channel: usize,
    /// Creation date.
    pub created_at: DateTime<Utc>,
    /// Last update.
    pub updated_at: DateTime<Utc>,
    /// Local or remote.
    pub origin: Origin,
}

/// Everything one instance hosts or shows.
#[derive(Debug, Clone, Default)]
pub struct InstanceContent {
    /// Instance name.
    pub name: String,
    /// Short description.
    pub short_description: String,
    /// Main language.
    pub languages: Vec<&'static str>,
    /// Whether the instance declares itself NSFW.
    pub is_nsfw: bool,
    /// Accounts (local first, then remote).
    pub accounts: Vec<Account>,
    /// Channels (`None` once deleted, so indices stay stable).
    pub channels: Vec<Option<Channel>>,
    /// Videos (local and remote; deleted ones are removed).
    pub videos: Vec<Video>,
    /// Playlists.
    pub playlists: Vec<Playlist>,
    /// Next free numeric ids.
    pub next_ids: NextIds,
    /// The generator for content added later through the control API.
    pub rng_state: u64,
}

/// Counters for numeric ids of new objects.
#[derive(Debug, Clone, Default)]
pub struct NextIds {
    /// Next video id.
    pub video: u64,
    /// Next channel id.
    pub channel: u64,
    /// Next account id.
    pub account: u64,
    /// Next playlist id.
    pub playlist: u64,
}

/// Derives the RNG of instance `index` from the global seed, independent of the instance count.
pub fn instance_rng(seed: u64, index: u64) -> ChaCha8Rng {
    let mut s = seed ^ 0x9E37_79B9_7F4A_7C15u64.wrapping_mul(index.wrapping_add(1));
    s = splitmix(s);
    ChaCha8Rng::seed_from_u64(s)
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A standard normal sample (Box–Muller).
pub fn normal<R: Rng>(rng: &mut R) -> f64 {
    let u1: f64 = rng.random::<f64>().max(1e-12);
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// The relative size weight of instance `index` (log-normal, mean ≈ 1, capped at 40):
/// most instances are small, a few are large.
pub fn size_weight(seed: u64, index: u64) -> f64 {
    let mut rng = instance_rng(seed ^ 0x5151_5151, index);
    let sigma = 1.3;
    let mu = -sigma * sigma / 2.0;
    (mu + sigma * normal(&mut rng)).exp().min(40.0)
}

/// Sizes for `n` instances: `per_instance` average each (independent of `n`), or exactly
/// `total` spread over them by the same weights.
pub fn instance_sizes(seed: u64, n: usize, per_instance: f64, total: Option<u64>) -> Vec<usize> {
    let weights: Vec<f64> = (0..n as u64).map(|i| size_weight(seed, i)).collect();
    match total {
        None => weights
            .iter()
            .map(|w| ((w * per_instance).round() as usize).max(1))
            .collect(),
        Some(total) => {
            let sum: f64 = weights.iter().sum::<f64>().max(f64::MIN_POSITIVE);
            let exact: Vec<f64> = weights.iter().map(|w| w / sum * total as f64).collect();
            let mut sizes: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
            let assigned: usize = sizes.iter().sum();
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by(|a, b| {
                let fa = exact[*a] - exact[*a].floor();
                let fb = exact[*b] - exact[*b].floor();
                fb.total_cmp(&fa).then(a.cmp(b))
            });
            for i in order
                .into_iter()
                .take((total as usize).saturating_sub(assigned))
            {
                sizes[i] += 1;
            }
            sizes
        }
    }
}

/// PeerTube category labels, ids 1–18.
pub const CATEGORIES: [&str; 18] = [
    "Music",
    "Films",
    "Vehicles",
    "Art",
    "Sports",
    "Travels",
    "Gaming",
    "People",
    "Comedy",
    "Entertainment",
    "News & Politics",
    "How To",
    "Education",
    "Activism",
    "Science & Technology",
    "Animals",
    "Kids",
    "Food",
];

/// PeerTube licence labels, ids 1–7.
pub const LICENCES: [&str; 7] = [
    "Attribution",
    "Attribution - Share Alike",
    "Attribution - No Derivatives",
    "Attribution - Non Commercial",
    "Attribution - Non Commercial - Share Alike",
    "Attribution - Non Commercial - No Derivatives",
    "Public Domain Dedication",
];

/// Label of a category id.
pub fn category_label(id: Option<u8>) -> &'static str {
    id.and_then(|i| CATEGORIES.get(usize::from(i).wrapping_sub(1)))
        .copied()
        .unwrap_or("Unknown")
}

/// Label of a licence id.
pub fn licence_label(id: Option<u8>) -> &'static str {
    id.and_then(|i| LICENCES.get(usize::from(i).wrapping_sub(1)))
        .copied()
        .unwrap_or("Unknown")
}

/// Number of embedded thumbnails / avatars to pick from.
pub const IMAGE_VARIANTS: usize = 4;

/// Generates text for one instance.
pub struct TextGen<'a, R: Rng> {
    rng: &'a mut R,
}

impl<'a, R: Rng> TextGen<'a, R> {
    /// Wraps an RNG.
    pub fn new(rng: &'a mut R) -> Self {
        TextGen { rng }
    }

    fn join(lang: Lang, words: &[&str]) -> String {
        if lang.spaced() {
            words.join(" ")
        } else {
            words.concat()
        }
    }

    fn capitalize(s: &str) -> String {
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        }
    }

    /// A title of 2–8 words.
    pub fn title(&mut self, lang: Lang) -> String {
        if crate::vocabulary::realistic() {
            return crate::vocabulary::title(self.rng, lang);
        }
        let n = self.rng.random_range(2..=8);
        let list = lang.words();
        let mut words: Vec<&str> = Vec::with_capacity(n);
        for i in 0..n {
            // Titles are mostly content words, with some glue words.
            if i > 0 && self.rng.random_bool(0.3) {
                words.push(list.sample(self.rng));
            } else {
                words.push(list.sample_content(self.rng));
            }
        }
        Self::capitalize(&Self::join(lang, &words))
    }

    /// One sentence of 5–16 words.
    pub fn sentence(&mut self, lang: Lang) -> String {
        if crate::vocabulary::realistic() {
            return crate::vocabulary::sentence(self.rng, lang);
        }
        let n = self.rng.random_range(5..=16);
        let list = lang.words();
        let words: Vec<&str> = (0..n)
            .map(|_| {
                if self.rng.random_bool(0.35) {
                    list.sample_content(self.rng)
                } else {
                    list.sample(self.rng)
                }
            })
            .collect();
        let end = if lang.spaced() {
            if self.rng.random_bool(0.1) { "?" } else { "." }
        } else {
            "。"
        };
        format!("{}{}", Self::capitalize(&Self::join(lang, &words)), end)
    }

    /// A description: a few sentences, sometimes Markdown; sometimes empty.
    pub fn description(&mut self, lang: Lang) -> String {
        if crate::vocabulary::realistic() {
            return crate::vocabulary::description(self.rng, lang);
        }
        if self.rng.random_bool(0.08) {
            return String::new();
        }
        let sentences = self.rng.random_range(1..=5);
        let sep = if lang.spaced() { " " } else { "" };
        let para: Vec<String> = (0..sentences).map(|_| self.sentence(lang)).collect();
        let mut text = para.join(sep);
        if self.rng.random_bool(0.3) {
            let list = lang.words();
            let a = list.sample_content(self.rng);
            let b = list.sample_content(self.rng);
            let c = list.sample_content(self.rng);
            let more = self.sentence(lang);
            text = format!(
                "## {}\n\n{}\n\n- **{a}**\n- {b}\n- *{c}*\n\n{more} [PeerTube](https://joinpeertube.org)",
                Self::capitalize(&self.title(lang)),
                text
            );
        }
        text
    }

    /// 0–8 distinct tags of content words (PeerTube allows at most 5; some instances show more).
    pub fn tags(&mut self, lang: Lang) -> Vec<String> {
        if crate::vocabulary::realistic() {
            return crate::vocabulary::tags(self.rng, lang);
        }
        let n = match self.rng.random_range(0..10) {
            0 => 0,
            1..=7 => self.rng.random_range(1..=5),
            _ => self.rng.random_range(3..=5),
        };
        let mut tags: Vec<String> = Vec::with_capacity(n);
        for _ in 0..n * 3 {
            if tags.len() >= n {
                break;
            }
            let t = lang.words().sample_content(self.rng).to_string();
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        tags
    }

    /// A channel's display name (a title in the small vocabulary).
    pub fn channel_name(&mut self, lang: Lang) -> String {
        if crate::vocabulary::realistic() {
            return crate::vocabulary::channel_name(self.rng, lang);
        }
        self.title(lang)
    }

    /// An account's display name (a title in the small vocabulary).
    pub fn account_name(&mut self, lang: Lang) -> String {
        if crate::vocabulary::realistic() {
            return crate::vocabulary::account_name(self.rng, lang);
        }
        self.title(lang)
    }

    /// An ASCII PeerTube-valid handle from Latin-script words.
    pub fn handle(&mut self, used: &mut std::collections::HashSet<String>) -> String {
        if crate::vocabulary::realistic() {
            return crate::vocabulary::handle(self.rng, used);
        }
        const LATIN: [Lang; 7] = [
            Lang::En,
            Lang::Fr,
            Lang::De,
            Lang::Es,
            Lang::It,
            Lang::Pt,
            Lang::Nl,
        ];
        loop {
            let lang = LATIN[self.rng.random_range(0..LATIN.len())];
            let w = lang.words().sample_content(self.rng);
            if !w.chars().all(|c| c.is_ascii_alphanumeric()) {
                continue;
            }
            let name = if self.rng.random_bool(0.5) {
                format!("{}_{}", w.to_lowercase(), self.rng.random_range(1..1000))
            } else {
                w.to_lowercase()
            };
            if used.insert(name.clone()) {
                return name;
            }
        }
    }
}

/// Picks a language for a video (or event) on an instance whose main language is `main`:
/// the language the text is written in, and the one the document declares.
pub fn pick_language<R: Rng>(rng: &mut R, main: Lang) -> (Lang, Option<Lang>) {
    if crate::vocabulary::realistic() {
        return crate::vocabulary::pick_language(rng, main);
    }
    let x: f64 = rng.random();
    if x < 0.05 {
        // No language set; text still in the main language.
        (main, None)
    } else if x < 0.72 {
        (main, Some(main))
    } else if x < 0.74 {
        (Lang::Ja, Some(Lang::Ja))
    } else {
        let l = Lang::ALL[rng.random_range(0..Lang::ALL.len() - 1)];
        (l, Some(l))
    }
}

/// Picks an instance's main language: mostly the big European ones, rarely Japanese.
pub fn pick_main_language<R: Rng>(rng: &mut R) -> Lang {
    if crate::vocabulary::realistic() {
        return crate::vocabulary::pick_main_language(rng);
    }
    const WEIGHTED: [(Lang, u32); 9] = [
        (Lang::En, 30),
        (Lang::Fr, 20),
        (Lang::De, 15),
        (Lang::Es, 8),
        (Lang::It, 7),
        (Lang::Pt, 6),
        (Lang::Nl, 6),
        (Lang::Ru, 6),
        (Lang::Ja, 2),
    ];
    let total: u32 = WEIGHTED.iter().map(|(_, w)| w).sum();
    let mut x = rng.random_range(0..total);
    for (l, w) in WEIGHTED {
        if x < w {
            return l;
        }
        x -= w;
    }
    Lang::En
}

/// A random (version 4) UUID from the RNG.
pub fn random_uuid<R: Rng>(rng: &mut R) -> Uuid {
    let bytes: [u8; 16] = rng.random();
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// A uniformly random instant in `[from, to)`.
pub fn date_between<R: Rng>(rng: &mut R, from: DateTime<Utc>, to: DateTime<Utc>) -> DateTime<Utc> {
    let span = (to - from).num_milliseconds().max(1);
    from + Duration::milliseconds(rng.random_range(0..span))
}

/// Options for generating one instance.
#[derive(Debug, Clone, Copy)]
pub struct GenParams {
    /// Global seed.
    pub seed: u64,
    /// Instance index.
    pub index: u64,
    /// Number of local videos.
    pub videos: usize,
    /// Whether to also show a few remote (federated) videos and channels.
    pub with_remote: bool,
}

/// Generates an instance's content; equal parameters give equal content.
pub fn generate(p: GenParams) -> InstanceContent {
    let mut rng = instance_rng(p.seed, p.index);
    let main = pick_main_language(&mut rng);
    let now = reference_now();
    let epoch = now - Duration::days(365 * 6);
    let mut used = std::collections::HashSet::new();
    let mut c = InstanceContent {
        languages: vec![main.code()],
        is_nsfw: rng.random_bool(0.03),
        ..Default::default()
    };
    {
        let mut t = TextGen::new(&mut rng);
        c.name = format!("{} PeerTube", t.title(main));
        c.short_description = t.sentence(main);
    }

    // Accounts: about one per 8 videos; channels: 1–3 per account.
    let n_accounts = (p.videos / 8).clamp(1, 2000);
    for a in 0..n_accounts {
        let created = date_between(&mut rng, epoch, now - Duration::days(30));
        let mut t = TextGen::new(&mut rng);
        let name = t.handle(&mut used);
        let display_name = t.account_name(main);
        let description = t.sentence(main);
        c.accounts.push(Account {
            id: a as u64 + 1,
            name,
            display_name,
            description,
            avatar: rng.random_range(0..IMAGE_VARIANTS),
            avatar_version: 0,
            created_at: created,
            updated_at: created,
            followers: heavy_tail(&mut rng, 2.0, 1.5),
            origin: Origin::Local,
        });
        let n_channels = 1 + usize::from(rng.random_bool(0.3)) + usize::from(rng.random_bool(0.1));
        for _ in 0..n_channels {
            let ch = make_channel(
                &mut rng,
                &mut used,
                main,
                a,
                created,
                now,
                Origin::Local,
                c.channels.len(),
            );
            c.channels.push(Some(ch));
        }
    }
    let local_channels = c.channels.len();

    // Remote accounts/channels seen through federation (on about half the instances).
    if p.with_remote && rng.random_bool(0.5) {
        let n_remote = rng.random_range(1..=3);
        for r in 0..n_remote {
            let origin = Origin::Remote { offset: r + 1 };
            let created = date_between(&mut rng, epoch, now - Duration::days(30));
            let mut t = TextGen::new(&mut rng);
            let name = t.handle(&mut used);
            let display_name = t.account_name(main);
            let description = t.sentence(main);
            let account_idx = c.accounts.len();
            c.accounts.push(Account {
                id: account_idx as u64 + 1,
                name,
                display_name,
                description,
                avatar: rng.random_range(0..IMAGE_VARIANTS),
                avatar_version: 0,
                created_at: created,
                updated_at: created,
                followers: heavy_tail(&mut rng, 2.0, 1.5),
                origin,
            });
            let ch = make_channel(
                &mut rng,
                &mut used,
                main,
                account_idx,
                created,
                now,
                origin,
                c.channels.len(),
            );
            c.channels.push(Some(ch));
        }
    }

    for v in 0..p.videos {
        let ch = rng.random_range(0..local_channels.max(1));
        let video = make_video(&mut rng, main, v as u64 + 1, ch, &c, now);
        c.videos.push(video);
    }
    // Remote videos, listed only without isLocal=true.
    for ch in local_channels..c.channels.len() {
        let origin = c.channels[ch]
            .as_ref()
            .map(|x| x.origin)
            .unwrap_or(Origin::Local);
        for _ in 0..rng.random_range(1..=4) {
            let id = c.videos.len() as u64 + 1;
            let mut video = make_video(&mut rng, main, id, ch, &c, now);
            video.origin = origin;
            c.videos.push(video);
        }
    }

    // Playlists: about one per three channels, on local channels.
    for ch in 0..local_channels {
        if !rng.random_bool(0.35) {
            continue;
        }
        let created = date_between(&mut rng, epoch, now);
        let mut t = TextGen::new(&mut rng);
        let display_name = t.title(main);
        let description = if rng.random_bool(0.6) {
            TextGen::new(&mut rng).sentence(main)
        } else {
            String::new()
        };
        let id = c.playlists.len() as u64 + 1;
        c.playlists.push(Playlist {
            id,
            uuid: random_uuid(&mut rng),
            display_name,
            description,
            privacy: 1,
            kind: 1,
            videos_length: rng.random_range(0..30),
            channel: ch,
            created_at: created,
            updated_at: date_between(&mut rng, created, now),
            origin: Origin::Local,
        });
    }
    c.next_ids = NextIds {
        video: c.videos.len() as u64 + 1,
        channel: c.channels.len() as u64 + 1,
        account: c.accounts.len() as u64 + 1,
        playlist: c.playlists.len() as u64 + 1,
    };
    c.rng_state = rng.random();
    c
}

/// `exp(N(mu, sigma))` rounded: a heavy-tailed count.
pub fn heavy_tail<R: Rng>(rng: &mut R, mu: f64, sigma: f64) -> u64 {
    let x = (mu + sigma * normal(rng)).exp();
    if x.is_finite() { x.min(1e9) as u64 } else { 0 }
}

#[allow(clippy::too_many_arguments)]
fn make_channel<R: Rng>(
    rng: &mut R,
    used: &mut std::collections::HashSet<String>,
    lang: Lang,
    account: usize,
    account_created: DateTime<Utc>,
    now: DateTime<Utc>,
    origin: Origin,
    idx: usize,
) -> Channel {
    let created = date_between(rng, account_created, now);
    let mut t = TextGen::new(rng);
    let name = t.handle(used);
    let display_name = t.channel_name(lang);
    let description = t.description(lang);
    let support = if rng.random_bool(0.3) {
        TextGen::new(rng).sentence(lang)
    } else {
        String::new()
    };
    Channel {
        id: idx as u64 + 1,
        name: format!("{name}_channel"),
        display_name,
        description,
        support,
        account,
        avatar: rng.random_range(0..IMAGE_VARIANTS),
        avatar_version: 0,
        followers: heavy_tail(rng, 2.5, 1.6),
        created_at: created,
        updated_at: date_between(rng, created, now),
        origin,
    }
}

/// Makes one video on channel `channel`, its dates after the channel's creation.
pub fn make_video<R: Rng>(
    rng: &mut R,
    main: Lang,
    id: u64,
    channel: usize,
    c: &InstanceContent,
    now: DateTime<Utc>,
) -> Video {
    let (text_lang, language) = pick_language(rng, main);
    let ch_created = c
        .channels
        .get(channel)
        .and_then(|x| x.as_ref())
        .map(|x| x.created_at)
        .unwrap_or(now - Duration::days(365));
    let created = date_between(rng, ch_created, now);
    let published = created + Duration::seconds(rng.random_range(0..86_400));
    let updated = if rng.random_bool(0.3) {
        date_between(rng, published, now.max(published))
    } else {
        published
    };
    let is_live = rng.random_bool(0.02);
    let duration = if is_live {
        0
    } else {
        // Log-normal around ~8 minutes, 5 s to 10 h.
        ((6.2 + 1.1 * normal(rng)).exp()).clamp(5.0, 36_000.0) as u64
    };
    let views = heavy_tail(rng, 3.5, 2.0);
    let likes = (views as f64 * rng.random_range(0.0..0.06)) as u64;
    let dislikes = (likes as f64 * rng.random_range(0.0..0.1)) as u64;
    let mut t = TextGen::new(rng);
    let name = t.title(text_lang);
    let description = t.description(text_lang);
    let tags = t.tags(text_lang);
    let aspect_ratio = match rng.random_range(0..10) {
        0 => 0.5625,
        1 => 1.3333,
        _ => 1.7778,
    };
    let mut v = Video {
        id,
        uuid: random_uuid(rng),
        name,
        description,
        tags,
        category: if rng.random_bool(0.9) {
            Some(rng.random_range(1..=18))
        } else {
            None
        },
        licence: if rng.random_bool(0.8) {
            Some(rng.random_range(1..=7))
        } else {
            None
        },
        language,
        duration,
        views,
        likes,
        dislikes,
        viewers: if is_live { rng.random_range(0..50) } else { 0 },
        is_live,
        nsfw: rng.random_bool(0.05),
        nsfw_flags: 0,
        aspect_ratio,
        channel,
        thumbnail: rng.random_range(0..IMAGE_VARIANTS),
        created_at: created,
        published_at: published,
        updated_at: updated,
        originally_published_at: if rng.random_bool(0.15) {
            Some(date_between(rng, created - Duration::days(3650), created))
        } else {
            None
        },
        origin: Origin::Local,
    };
    // From the uuid, not the generator: the rest of the content stays what
    // it was before flags existed.
    v.nsfw_flags = if v.nsfw { v.uuid.as_bytes()[15] % 4 } else { 0 };
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(index: u64, videos: usize) -> GenParams {
        GenParams {
            seed: 42,
            index,
            videos,
            with_remote: true,
        }
    }

    #[test]
    fn same_seed_same_content() {
        let a = generate(params(3, 200));
        let b = generate(params(3, 200));
        assert_eq!(a.videos.len(), b.videos.len());
        for (x, y) in a.videos.iter().zip(&b.videos) {
            assert_eq!(x.uuid, y.uuid);
            assert_eq!(x.name, y.name);
            assert_eq!(x.tags, y.tags);
            assert_eq!(x.published_at, y.published_at);
        }
        let c = generate(GenParams {
            seed: 43,
            ..params(3, 200)
        });
        assert_ne!(a.videos[0].uuid, c.videos[0].uuid);
        let d = generate(params(4, 200));
        assert_ne!(a.videos[0].uuid, d.videos[0].uuid);
    }

    #[test]
    fn sizes_do_not_depend_on_instance_count() {
        let small = instance_sizes(7, 10, 50.0, None);
        let large = instance_sizes(7, 1000, 50.0, None);
        assert_eq!(small[..], large[..10]);
        let total = instance_sizes(7, 1000, 0.0, Some(100_000));
        assert_eq!(total.iter().sum::<usize>(), 100_000);
        let max = total.iter().max().copied().unwrap_or(0);
        let median = {
            let mut s = total.clone();
            s.sort_unstable();
            s[500]
        };
        assert!(max > 1000, "a few large instances: {max}");
        assert!(median < 100, "most are small: {median}");
    }

    #[test]
    fn distributions_are_sane() {
        let mut videos = Vec::new();
        for i in 0..20 {
            videos.extend(
                generate(params(i, 500))
                    .videos
                    .into_iter()
                    .filter(|v| v.origin.is_local()),
            );
        }
        let n = videos.len() as f64;
        let nsfw = videos.iter().filter(|v| v.nsfw).count() as f64 / n;
        let live = videos.iter().filter(|v| v.is_live).count() as f64 / n;
        let nolang = videos.iter().filter(|v| v.language.is_none()).count() as f64 / n;
        assert!((0.03..0.07).contains(&nsfw), "{nsfw}");
        assert!((0.01..0.03).contains(&live), "{live}");
        assert!((0.03..0.07).contains(&nolang), "{nolang}");
        assert!(
            videos
                .iter()
                .all(|v| v.category.is_none_or(|c| (1..=18).contains(&c)))
        );
        assert!(
            videos
                .iter()
                .all(|v| v.licence.is_none_or(|c| (1..=7).contains(&c)))
        );
        let mut langs = std::collections::HashSet::new();
        for v in &videos {
            if let Some(l) = v.language {
                langs.insert(l);
            }
            assert!(!v.name.is_empty());
            assert!(v.published_at <= reference_now() + Duration::days(1));
        }
        assert_eq!(langs.len(), Lang::ALL.len());
        let mut views: Vec<u64> = videos.iter().map(|v| v.views).collect();
        views.sort_unstable();
        let median = views[views.len() / 2];
        let max = views[views.len() - 1];
        assert!(max > median * 100, "heavy tail: median {median} max {max}");
        let with_tags = videos.iter().filter(|v| !v.tags.is_empty()).count() as f64 / n;
        assert!(with_tags > 0.8);
    }

    #[test]
    fn some_instances_list_remote_videos() {
        let remote = (0..20)
            .filter(|i| {
                generate(params(*i, 30))
                    .videos
                    .iter()
                    .any(|v| !v.origin.is_local())
            })
            .count();
        assert!(remote > 3 && remote < 18, "{remote}");
    }
}
