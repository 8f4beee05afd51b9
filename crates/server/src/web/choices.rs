//! The closed sets of values the search page's filters take. Each value
//! knows how the URL writes it, which message names it on the page and
//! which API parameter value it stands for, so the form, the `<select>`
//! options and the queries are all read off one table.

use chrono::{Duration, NaiveDate};

/// A closed set of values one URL parameter takes. The page's `<select>`
/// lists them and `query_string` writes them back from this one table.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order the `<select>` offers them.
    const ALL: &'static [Self];
    /// The value in the URL (empty for a default, which links leave out).
    fn url_value(self) -> &'static str;
    /// The message that names the value on the page.
    fn message_key(self) -> &'static str;
    /// The value a URL names, if it is one of ours.
    fn from_url(v: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.url_value() == v)
    }
}

/// Declares an enum and its [`Choice`] table: `Variant = (url value, message key)`.
macro_rules! choice {
    ($(#[$m:meta])* $name:ident {
        $($(#[$vm:meta])* $v:ident = ($url:literal, $key:literal),)+
    }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vm])* $v,)+
        }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$($name::$v),+];
            fn url_value(self) -> &'static str {
                match self { $($name::$v => $url,)+ }
            }
            fn message_key(self) -> &'static str {
                match self { $($name::$v => $key,)+ }
            }
        }
    };
}

choice! {
    /// Which kind of result the page lists (`type=`).
    Tab {
        /// Videos.
        Videos = ("videos", "tab-videos"),
        /// Channels.
        Channels = ("channels", "tab-channels"),
        /// Playlists.
        Playlists = ("playlists", "tab-playlists"),
        /// Mobilizon events.
        Events = ("events", "tab-events"),
        /// Mobilizon groups.
        Groups = ("groups", "tab-groups"),
    }
}

impl Tab {
    /// Whether the tab lists Mobilizon documents (a place box, no video filters).
    pub fn is_mobilizon(self) -> bool {
        matches!(self, Tab::Events | Tab::Groups)
    }
}

choice! {
    /// How far from the chosen place (`radius=`, km; 50 as Mobilizon's default).
    #[derive(Default)]
    Radius {
        /// 5 km.
        Km5 = ("5", "radius-5"),
        /// 10 km.
        Km10 = ("10", "radius-10"),
        /// 25 km.
        Km25 = ("25", "radius-25"),
        /// 50 km, the default.
        #[default]
        Km50 = ("", "radius-50"),
        /// 100 km.
        Km100 = ("100", "radius-100"),
        /// 250 km.
        Km250 = ("250", "radius-250"),
    }
}

choice! {
    /// When an event starts (`when=`), in the chosen place's time zone.
    EventWhen {
        /// Today.
        Today = ("today", "when-today"),
        /// Saturday and Sunday (these days, or the coming ones).
        Weekend = ("weekend", "when-weekend"),
        /// From today to Sunday.
        Week = ("week", "when-week"),
        /// From today to the end of the month.
        Month = ("month", "when-month"),
        /// Between the `from` and `to` dates.
        Range = ("range", "when-range"),
    }
}

choice! {
    /// Online or in person (`attend=`).
    Attendance {
        /// Held online.
        Online = ("online", "attend-online"),
        /// Held in a place.
        InPerson = ("inperson", "attend-inperson"),
    }
}

impl Attendance {
    /// The API's `isOnline`.
    pub(super) fn is_online(self) -> &'static str {
        match self {
            Attendance::Online => "true",
            Attendance::InPerson => "false",
        }
    }
}

choice! {
    /// An event's status (`status=`).
    StatusChoice {
        /// Confirmed.
        Confirmed = ("confirmed", "status-confirmed"),
        /// Tentative.
        Tentative = ("tentative", "status-tentative"),
        /// Cancelled.
        Cancelled = ("cancelled", "status-cancelled"),
    }
}

impl StatusChoice {
    /// The API's `statusOneOf` value.
    pub(super) fn api(self) -> &'static str {
        match self {
            StatusChoice::Confirmed => "CONFIRMED",
            StatusChoice::Tentative => "TENTATIVE",
            StatusChoice::Cancelled => "CANCELLED",
        }
    }
}

impl Radius {
    /// The distance in kilometres.
    pub(super) fn km(self) -> u32 {
        match self {
            Radius::Km5 => 5,
            Radius::Km10 => 10,
            Radius::Km25 => 25,
            Radius::Km50 => 50,
            Radius::Km100 => 100,
            Radius::Km250 => 250,
        }
    }
}

choice! {
    /// The order of results (`sort=`).
    #[derive(Default)]
    SortOrder {
        /// Best match first.
        #[default]
        Match = ("", "sort-match"),
        /// Newest first.
        Recent = ("recent", "sort-recent"),
        /// Oldest first.
        Oldest = ("oldest", "sort-oldest"),
        /// Most viewed first (videos only).
        Views = ("views", "sort-views"),
    }
}

choice! {
    /// Whether sensitive content is shown (`sensitive=`).
    #[derive(Default)]
    Sensitive {
        /// Hidden, as on PeerTube instances by default.
        #[default]
        Hide = ("", "sensitive-hide"),
        /// Shown along the rest.
        Show = ("show", "sensitive-show"),
    }
}

choice! {
    /// Live streams or recorded videos only (`live=`).
    Live {
        /// Live streams only.
        Live = ("live", "live-live"),
        /// Recorded videos only.
        Vod = ("vod", "live-vod"),
    }
}

choice! {
    /// How recently a video was published (`date=`).
    DateWindow {
        /// Since midnight UTC today.
        Today = ("today", "date-today"),
        /// In the last 7 days.
        Days7 = ("7", "date-7"),
        /// In the last 30 days.
        Days30 = ("30", "date-30"),
        /// In the last 365 days.
        Days365 = ("365", "date-365"),
    }
}

choice! {
    /// A video's length (`duration=`), in Sepia Search's buckets.
    DurationBucket {
        /// Under 4 minutes.
        Short = ("short", "duration-short"),
        /// 4 to 10 minutes.
        Medium = ("medium", "duration-medium"),
        /// Over 10 minutes.
        Long = ("long", "duration-long"),
    }
}

/// Sepia Search's way of writing the same choices, so that its links
/// (`/search?sort=-publishedAt&nsfw=both&durationRange=short…`) open the
/// same search here. Each maps one Sepia value onto ours, if it has one.
pub trait FromSepia: Sized {
    /// Our value for Sepia Search's `v`.
    fn from_sepia(v: &str) -> Option<Self>;
}

impl FromSepia for SortOrder {
    /// Sepia's `sort` is the API's: `-match`, `-publishedAt`, …
    fn from_sepia(v: &str) -> Option<Self> {
        match v {
            "-match" | "match" => Some(SortOrder::Match),
            "-publishedAt" | "-createdAt" => Some(SortOrder::Recent),
            "publishedAt" | "createdAt" => Some(SortOrder::Oldest),
            "-views" => Some(SortOrder::Views),
            _ => None,
        }
    }
}

impl FromSepia for Sensitive {
    /// Sepia's `nsfw`: `both` (or `true`) shows sensitive content.
    fn from_sepia(v: &str) -> Option<Self> {
        match v {
            "both" | "true" => Some(Sensitive::Show),
            "false" => Some(Sensitive::Hide),
            _ => None,
        }
    }
}

impl FromSepia for DurationBucket {
    /// Sepia's `durationRange`: the same three buckets.
    fn from_sepia(v: &str) -> Option<Self> {
        Self::from_url(v)
    }
}

impl FromSepia for DateWindow {
    /// Sepia's `publishedDateRange`.
    fn from_sepia(v: &str) -> Option<Self> {
        match v {
            "today" => Some(DateWindow::Today),
            "last_7days" => Some(DateWindow::Days7),
            "last_30days" => Some(DateWindow::Days30),
            "last_365days" => Some(DateWindow::Days365),
            _ => None,
        }
    }
}

impl SortOrder {
    /// The orders a tab offers (views count only for videos).
    pub fn offered(tab: Tab) -> &'static [SortOrder] {
        match tab {
            Tab::Videos => Self::ALL,
            Tab::Channels | Tab::Playlists | Tab::Events | Tab::Groups => &Self::ALL[..3],
        }
    }

    /// The API's `sort` for events: by start time; `None` is the API's
    /// default (best match, or upcoming first without text).
    pub(super) fn event_sort(self) -> Option<&'static str> {
        match self {
            SortOrder::Recent => Some("-startTime"),
            SortOrder::Oldest => Some("startTime"),
            SortOrder::Match | SortOrder::Views => None,
        }
    }

    /// The API's `sort` for videos; `None` is the API's default, best match.
    pub(super) fn video_sort(self) -> Option<&'static str> {
        match self {
            SortOrder::Match => None,
            SortOrder::Recent => Some("-publishedAt"),
            SortOrder::Oldest => Some("publishedAt"),
            SortOrder::Views => Some("-views"),
        }
    }

    /// The API's `sort` for channels and playlists (by views: best match).
    pub(super) fn actor_sort(self) -> Option<&'static str> {
        match self {
            SortOrder::Recent => Some("-createdAt"),
            SortOrder::Oldest => Some("createdAt"),
            SortOrder::Match | SortOrder::Views => None,
        }
    }
}

impl Sensitive {
    /// The API's `nsfw`.
    pub(super) fn nsfw(self) -> &'static str {
        match self {
            Sensitive::Hide => "false",
            Sensitive::Show => "both",
        }
    }
}

impl Live {
    /// The API's `isLive`.
    pub(super) fn is_live(self) -> &'static str {
        match self {
            Live::Live => "true",
            Live::Vod => "false",
        }
    }
}

impl DateWindow {
    /// The first day of the window ending `today`.
    pub(super) fn start(self, today: NaiveDate) -> Option<NaiveDate> {
        let days = match self {
            DateWindow::Today => 0,
            DateWindow::Days7 => 7,
            DateWindow::Days30 => 30,
            DateWindow::Days365 => 365,
        };
        today.checked_sub_signed(Duration::days(days))
    }
}

impl DurationBucket {
    /// The API's `durationMin` and `durationMax`, in seconds.
    pub(super) fn bounds(self) -> (Option<u32>, Option<u32>) {
        match self {
            DurationBucket::Short => (None, Some(240)),
            DurationBucket::Medium => (Some(240), Some(600)),
            DurationBucket::Long => (Some(600), None),
        }
    }
}

/// The URL value of an optional choice (empty when unset).
pub(super) fn url_of<C: Choice>(c: Option<C>) -> &'static str {
    c.map_or("", C::url_value)
}
