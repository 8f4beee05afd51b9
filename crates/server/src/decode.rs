//! From raw parameters to validated queries (contract A.3–A.7).

use sepiola_model::Timestamp;
use sepiola_model::actor::normalize_host;
use sepiola_model::labels::normalize_language_code;
use sepiola_model::query::{
    Blocks, ChannelQuery, DateRange, MAX_COUNT, MAX_SEARCH_CHARS, MAX_WINDOW, Page, PlaylistQuery,
    Sort, SortField, UNKNOWN_LANGUAGE, VideoQuery,
};

use crate::params::{Location, RawParams, Scalar};
use crate::problem::ApiError;

/// Longest value of any other parameter.
const MAX_VALUE_CHARS: usize = 1_024;

/// Typed access to request parameters, with errors naming the parameter.
pub struct Decoder<'a> {
    p: &'a RawParams,
}

impl<'a> Decoder<'a> {
    /// Wraps raw parameters.
    pub fn new(p: &'a RawParams) -> Self {
        Decoder { p }
    }

    fn texts(&self, name: &str, max_chars: usize) -> Result<(Location, Vec<String>), ApiError> {
        let Some((loc, values)) = self.p.values(name) else {
            return Ok((Location::Query, Vec::new()));
        };
        let mut out = Vec::with_capacity(values.len());
        for v in values {
            let s = match v {
                Scalar::Text(s) => s.clone(),
                Scalar::Number(n) => n.to_string(),
                Scalar::Bool(b) => b.to_string(),
                Scalar::Null => continue,
            };
            if s.chars().count() > max_chars {
                return Err(ApiError::invalid(
                    name,
                    loc,
                    format!("is longer than {max_chars} characters"),
                ));
            }
            out.push(s);
        }
        Ok((loc, out))
    }

    /// The one value of a scalar parameter, if present.
    fn single(&self, name: &str) -> Result<Option<(Location, &Scalar)>, ApiError> {
        let Some((loc, values)) = self.p.values(name) else {
            return Ok(None);
        };
        match values.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some((loc, *one))),
            _ => Err(ApiError::invalid(name, loc, "must have a single value")),
        }
    }

    /// The value as text, trimmed; empty is absent.
    pub fn text(&self, name: &str, max_chars: usize) -> Result<Option<String>, ApiError> {
        self.single(name)?;
        let (_, v) = self.texts(name, max_chars)?;
        Ok(v.into_iter()
            .next()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()))
    }

    /// Every value as text, trimmed, empties dropped.
    pub fn list(&self, name: &str) -> Result<Vec<String>, ApiError> {
        let (_, v) = self.texts(name, MAX_VALUE_CHARS)?;
        Ok(v.into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect())
    }

    /// A non-negative integer no larger than `max`.
    pub fn uint(&self, name: &str, max: u64) -> Result<Option<u64>, ApiError> {
        let Some((loc, v)) = self.single(name)? else {
            return Ok(None);
        };
        let n = match v {
            Scalar::Number(n) => n.as_u64(),
            Scalar::Text(s) if s.trim().is_empty() => return Ok(None),
            Scalar::Text(s) => s.trim().parse::<u64>().ok(),
            _ => None,
        };
        match n {
            Some(n) if n <= max => Ok(Some(n)),
            Some(_) => Err(ApiError::invalid(
                name,
                loc,
                format!("must be at most {max}"),
            )),
            None => Err(ApiError::invalid(
                name,
                loc,
                "must be a non-negative integer",
            )),
        }
    }

    /// Integers, each no larger than `max`.
    pub fn uint_list(&self, name: &str, max: u64) -> Result<Vec<u32>, ApiError> {
        let (loc, values) = self.texts(name, 20)?;
        values
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| match s.trim().parse::<u32>() {
                Ok(n) if u64::from(n) <= max => Ok(n),
                _ => Err(ApiError::invalid(
                    name,
                    loc,
                    format!("must hold integers from 0 to {max}"),
                )),
            })
            .collect()
    }

    /// `true`/`false` as JSON or text (also `1`/`0`). Sepia Search's own
    /// client sends `isLive=both` meaning live: like the original index,
    /// any other non-empty text is true.
    pub fn boolean(&self, name: &str) -> Result<Option<bool>, ApiError> {
        let Some((loc, v)) = self.single(name)? else {
            return Ok(None);
        };
        match v {
            Scalar::Bool(b) => Ok(Some(*b)),
            Scalar::Number(n) => Ok(Some(n.as_f64() != Some(0.0))),
            Scalar::Text(s) => match s.trim().to_ascii_lowercase().as_str() {
                "" => Ok(None),
                "false" | "0" => Ok(Some(false)),
                s if s.len() > 10 => Err(ApiError::invalid(name, loc, "must be a boolean")),
                _ => Ok(Some(true)),
            },
            Scalar::Null => Ok(None),
        }
    }

    /// An RFC 3339 date-time or a `YYYY-MM-DD` date.
    pub fn date(&self, name: &str) -> Result<Option<Timestamp>, ApiError> {
        let Some(s) = self.text(name, 64)? else {
            return Ok(None);
        };
        Timestamp::parse(&s).map(Some).ok_or_else(|| {
            let (loc, _) = self.p.values(name).unwrap_or((Location::Query, Vec::new()));
            ApiError::invalid(name, loc, "must be an ISO 8601 date")
        })
    }

    pub(crate) fn location(&self, name: &str) -> Location {
        self.p
            .values(name)
            .map(|(l, _)| l)
            .unwrap_or(Location::Query)
    }

    /// The search text, if any.
    pub fn search(&self) -> Result<Option<String>, ApiError> {
        self.text("search", MAX_SEARCH_CHARS)
    }

    /// `start` and `count`, within the window the index serves.
    pub fn page(&self) -> Result<Page, ApiError> {
        let start = self.uint("start", MAX_WINDOW as u64)? as Option<u64>;
        let count = self.uint("count", MAX_COUNT as u64)?;
        let page = Page {
            start: start.unwrap_or(0) as usize,
            count: count.map(|c| c as usize).unwrap_or(Page::default().count),
        };
        if page.start + page.count > MAX_WINDOW {
            return Err(ApiError::invalid(
                "start",
                self.location("start"),
                format!("plus count must be at most {MAX_WINDOW}"),
            ));
        }
        Ok(page)
    }

    /// `sort`, among the columns the endpoint offers.
    pub fn sort(&self, allowed: &[(&str, SortField)]) -> Result<Sort, ApiError> {
        let Some(raw) = self.text("sort", 64)? else {
            return Ok(Sort::default());
        };
        let (descending, column) = match raw.strip_prefix('-') {
            Some(c) => (true, c),
            None => (false, raw.as_str()),
        };
        let field = allowed
            .iter()
            .find(|(name, _)| *name == column)
            .map(|(_, f)| *f)
            .ok_or_else(|| {
                let names: Vec<&str> = allowed.iter().map(|(n, _)| *n).collect();
                ApiError::invalid(
                    "sort",
                    self.location("sort"),
                    format!("must be one of {} (with or without -)", names.join(", ")),
                )
            })?;
        // Ascending relevance is useless; Grayjay sends `match` meaning best first.
        let descending = descending || field == SortField::Match;
        Ok(Sort { field, descending })
    }

    /// `host`: a host name, lower-cased.
    pub fn host(&self) -> Result<Option<String>, ApiError> {
        match self.text("host", 260)? {
            None => Ok(None),
            Some(h) => normalize_host(&h).map(Some).ok_or_else(|| {
                ApiError::invalid("host", self.location("host"), "must be a host name")
            }),
        }
    }

    /// `blockedHosts` and `blockedAccounts` (entries that cannot match are dropped).
    pub fn blocks(&self) -> Result<Blocks, ApiError> {
        Ok(Blocks {
            hosts: self
                .list("blockedHosts")?
                .iter()
                .filter_map(|h| normalize_host(h))
                .collect(),
            accounts: self
                .list("blockedAccounts")?
                .iter()
                .filter_map(|h| normalize_handle(h))
                .collect(),
        })
    }

    /// Language codes (`_unknown` kept, others normalised, invalid dropped).
    pub fn languages(&self, name: &str) -> Result<Vec<String>, ApiError> {
        Ok(self
            .list(name)?
            .iter()
            .filter_map(|l| {
                if l == UNKNOWN_LANGUAGE {
                    Some(l.clone())
                } else {
                    normalize_language_code(l)
                }
            })
            .collect())
    }

    /// UUIDs or short UUIDs (anything else cannot match and is dropped).
    pub fn uuids(&self) -> Result<Vec<String>, ApiError> {
        Ok(self
            .list("uuids")?
            .into_iter()
            .filter(|u| u.len() <= 64 && u.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            .collect())
    }
}

/// `name@host` with the host normalised; a leading `@` is dropped.
pub fn normalize_handle(h: &str) -> Option<String> {
    let h = h.trim().trim_start_matches('@');
    let (name, host) = h.rsplit_once('@')?;
    if name.is_empty() || name.len() > 120 || name.chars().any(char::is_whitespace) {
        return None;
    }
    Some(format!("{name}@{}", normalize_host(host)?))
}

const VIDEO_SORTS: [(&str, SortField); 9] = [
    ("match", SortField::Match),
    ("name", SortField::Name),
    ("duration", SortField::Duration),
    ("createdAt", SortField::CreatedAt),
    ("publishedAt", SortField::PublishedAt),
    ("originallyPublishedAt", SortField::OriginallyPublishedAt),
    ("views", SortField::Views),
    ("likes", SortField::Likes),
    ("hot", SortField::Hot),
];

const ACTOR_SORTS: [(&str, SortField); 3] = [
    ("match", SortField::Match),
    ("displayName", SortField::Name),
    ("createdAt", SortField::CreatedAt),
];

/// Decodes a video search (contract A.5).
pub fn video_query(p: &RawParams) -> Result<VideoQuery, ApiError> {
    let d = Decoder::new(p);
    let nsfw = match d.text("nsfw", 16)?.as_deref().map(str::to_ascii_lowercase) {
        None => None,
        Some(s) if s == "both" => None,
        Some(s) if s == "true" || s == "1" => Some(true),
        Some(s) if s == "false" || s == "0" => Some(false),
        Some(_) => {
            return Err(ApiError::invalid(
                "nsfw",
                d.location("nsfw"),
                "must be true, false or both",
            ));
        }
    };
    let q = VideoQuery {
        search: d.search()?,
        nsfw,
        is_live: d.boolean("isLive")?,
        categories: d.uint_list("categoryOneOf", 10_000)?,
        licences: d.uint_list("licenceOneOf", 10_000)?,
        languages: d.languages("languageOneOf")?,
        tags_one_of: d.list("tagsOneOf")?,
        tags_all_of: d.list("tagsAllOf")?,
        host: d.host()?,
        published: DateRange {
            from: d.date("startDate")?,
            to: d.date("endDate")?,
        },
        originally_published: DateRange {
            from: d.date("originallyPublishedStartDate")?,
            to: d.date("originallyPublishedEndDate")?,
        },
        duration_min: d.uint("durationMin", u64::from(u32::MAX))?,
        duration_max: d.uint("durationMax", u64::from(u32::MAX))?,
        uuids: d.uuids()?,
        boost_languages: d.languages("boostLanguages")?,
        blocks: d.blocks()?,
        sort: d.sort(&VIDEO_SORTS)?,
        page: d.page()?,
    };
    Ok(q)
}

/// Decodes a channel search (contract A.6).
pub fn channel_query(p: &RawParams) -> Result<ChannelQuery, ApiError> {
    let d = Decoder::new(p);
    Ok(ChannelQuery {
        search: d.search()?.map(|s| s.trim_start_matches('@').to_string()),
        host: d.host()?,
        handles: d
            .list("handles")?
            .iter()
            .filter_map(|h| normalize_handle(h))
            .collect(),
        blocks: d.blocks()?,
        sort: d.sort(&ACTOR_SORTS)?,
        page: d.page()?,
    })
}

/// Decodes a playlist search (contract A.7).
pub fn playlist_query(p: &RawParams) -> Result<PlaylistQuery, ApiError> {
    let d = Decoder::new(p);
    Ok(PlaylistQuery {
        search: d.search()?,
        host: d.host()?,
        uuids: d.uuids()?,
        blocks: d.blocks()?,
        sort: d.sort(&ACTOR_SORTS)?,
        page: d.page()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(s: &str) -> Result<VideoQuery, ApiError> {
        video_query(&RawParams::from_urlencoded(s.as_bytes(), Location::Query)?)
    }

    #[test]
    fn decodes_every_video_parameter() {
        let v = q(
            "search=cats&nsfw=false&isLive=true&categoryOneOf=15&categoryOneOf=2\
                   &licenceOneOf[]=1&languageOneOf=fr-FR&languageOneOf=_unknown&tagsOneOf=a\
                   &tagsAllOf=b&host=Tube.Example&startDate=2024-01-01&endDate=2024-12-31T00:00:00Z\
                   &durationMin=10&durationMax=600&uuids=abc&boostLanguages=en\
                   &blockedHosts=x.org&blockedAccounts=@bob@y.org&sort=-views&start=10&count=5",
        )
        .unwrap();
        assert_eq!(v.search.as_deref(), Some("cats"));
        assert_eq!(v.nsfw, Some(false));
        assert_eq!(v.is_live, Some(true));
        assert_eq!(v.categories, vec![15, 2]);
        assert_eq!(v.licences, vec![1]);
        assert_eq!(v.languages, vec!["fr", "_unknown"]);
        assert_eq!(v.host.as_deref(), Some("tube.example"));
        assert!(v.published.from.is_some() && v.published.to.is_some());
        assert_eq!((v.duration_min, v.duration_max), (Some(10), Some(600)));
        assert_eq!(v.blocks.accounts, vec!["bob@y.org"]);
        assert_eq!(
            v.sort,
            Sort {
                field: SortField::Views,
                descending: true
            }
        );
        assert_eq!(
            v.page,
            Page {
                start: 10,
                count: 5
            }
        );
    }

    #[test]
    fn refuses_what_cannot_be_meant() {
        for bad in [
            "count=101",
            "count=-1",
            "start=-5",
            "start=9999&count=20",
            "count=abc",
            "sort=random",
            "sort=displayName",
            "nsfw=maybe",
            "startDate=yesterday",
            "categoryOneOf=music",
            "durationMin=99999999999999999999",
            "host=not%20a%20host",
        ] {
            assert!(q(bad).is_err(), "{bad} accepted");
        }
        let long = format!("search={}", "a".repeat(MAX_SEARCH_CHARS + 1));
        assert!(q(&long).is_err());
    }

    #[test]
    fn match_and_minus_match_are_best_first() {
        assert_eq!(q("sort=match").unwrap().sort, Sort::default());
        assert_eq!(q("sort=-match").unwrap().sort, Sort::default());
        assert_eq!(
            q("").unwrap().page,
            Page {
                start: 0,
                count: 20
            }
        );
    }

    proptest! {
        #[test]
        fn decoding_never_panics_on_any_query_string(s in ".{0,300}") {
            if let Ok(p) = RawParams::from_urlencoded(s.as_bytes(), Location::Query) {
                let _ = video_query(&p);
                let _ = channel_query(&p);
                let _ = playlist_query(&p);
            }
        }

        #[test]
        fn decoding_never_panics_on_any_bytes(b in proptest::collection::vec(any::<u8>(), 0..300)) {
            if let Ok(p) = RawParams::from_urlencoded(&b, Location::Query) {
                let _ = video_query(&p);
            }
            if let Ok(p) = RawParams::from_json(&b) {
                let _ = video_query(&p);
                let _ = channel_query(&p);
            }
        }

        #[test]
        fn decoding_never_panics_on_structured_params(
            keys in proptest::collection::vec(prop_oneof![
                Just("start"), Just("count"), Just("sort"), Just("nsfw"), Just("isLive"),
                Just("categoryOneOf"), Just("startDate"), Just("durationMin"), Just("host"),
                Just("blockedAccounts"), Just("uuids"), Just("languageOneOf"), Just("search")
            ], 0..8),
            values in proptest::collection::vec(".{0,40}", 8),
        ) {
            let s: Vec<String> = keys.iter().zip(values.iter())
                .map(|(k, v)| format!("{k}={}", percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC)))
                .collect();
            let p = RawParams::from_urlencoded(s.join("&").as_bytes(), Location::Query).unwrap();
            let _ = video_query(&p);
            let _ = channel_query(&p);
            let _ = playlist_query(&p);
        }
    }
}
