//! From raw parameters to validated queries: [`Decoder`] reads typed
//! values with errors naming the parameter, and each kind's query
//! implements [`FromParams`] with it (PeerTube kinds in `peertube`,
//! Mobilizon's in `mobilizon`).

mod mobilizon;
mod peertube;

pub use mobilizon::{event_query, group_query};
pub use peertube::{channel_query, playlist_query, video_query};

use sepiola_model::host::normalize_host;
use sepiola_model::labels::normalize_language_code;
use sepiola_model::query::{
    Blocks, MAX_COUNT, MAX_SEARCH_CHARS, Page, Sort, SortColumn, UNKNOWN_LANGUAGE,
};
use sepiola_model::{Host, Timestamp};

use crate::location::Location;
use crate::params::{RawParams, Scalar};
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
                Scalar::Structured => return Err(not_scalar(name, loc)),
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
            Scalar::Structured => return Err(not_scalar(name, loc)),
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
            Scalar::Structured => Err(not_scalar(name, loc)),
        }
    }

    /// A finite decimal number.
    pub fn float(&self, name: &str) -> Result<Option<f64>, ApiError> {
        let Some((loc, v)) = self.single(name)? else {
            return Ok(None);
        };
        let n = match v {
            Scalar::Structured => return Err(not_scalar(name, loc)),
            Scalar::Number(n) => n.as_f64(),
            Scalar::Text(s) if s.trim().is_empty() => return Ok(None),
            Scalar::Text(s) if s.len() <= 32 => s.trim().parse::<f64>().ok(),
            _ => None,
        };
        match n.filter(|x| x.is_finite()) {
            Some(x) => Ok(Some(x)),
            None => Err(ApiError::invalid(name, loc, "must be a number")),
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

    /// `start` (any non-negative integer: a page past the index's window
    /// is answered with the exact total and what exists of it, never
    /// refused, see [`Page::served`]) and `count` (at most
    /// [`MAX_COUNT`], as PeerTube's own validator says).
    pub fn page(&self) -> Result<Page, ApiError> {
        let start = self.uint("start", u64::MAX)?;
        let count = self.uint("count", MAX_COUNT as u64)?;
        Ok(Page {
            start: start.map_or(0, |s| usize::try_from(s).unwrap_or(usize::MAX)),
            count: count.map_or(Page::default().count, |c| c as usize),
        })
    }

    /// `sort`, among the columns of the kind's sort enum.
    pub fn sort<C: SortColumn>(&self) -> Result<Sort<C>, ApiError> {
        self.sort_named("sort")
    }

    /// The sort sent under the parameter `name` (Mobilizon sends `sortBy`).
    pub fn sort_named<C: SortColumn>(&self, name: &str) -> Result<Sort<C>, ApiError> {
        let Some(raw) = self.text(name, 64)? else {
            return Ok(Sort::default());
        };
        let (descending, column) = match raw.strip_prefix('-') {
            Some(c) => (true, c),
            None => (false, raw.as_str()),
        };
        let field = C::NAMES
            .iter()
            .find(|(name, _)| *name == column)
            .map(|(_, f)| *f)
            .ok_or_else(|| {
                let names: Vec<&str> = C::NAMES.iter().map(|(n, _)| *n).collect();
                ApiError::invalid(
                    name,
                    self.location(name),
                    format!("must be one of {} (with or without -)", names.join(", ")),
                )
            })?;
        // Ascending relevance is useless; Grayjay sends `match` meaning best first.
        let descending = descending || field.is_match();
        Ok(Sort { field, descending })
    }

    /// `host`: a host name, lower-cased.
    pub fn host(&self) -> Result<Option<Host>, ApiError> {
        match self.text("host", 260)? {
            None => Ok(None),
            Some(h) => Host::parse(&h).map(Some).ok_or_else(|| {
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
                .filter_map(|h| Host::parse(h))
                .collect(),
            accounts: self
                .list("blockedAccounts")?
                .iter()
                .filter_map(|h| normalize_handle(h))
                .collect(),
            ..Blocks::default()
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

/// A known parameter given an object or a nested array.
fn not_scalar(name: &str, loc: Location) -> ApiError {
    ApiError::invalid(name, loc, "must be a scalar or an array of scalars")
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

/// A query the API decodes from request parameters: one impl per kind.
pub trait FromParams: Sized {
    /// Decodes and validates the parameters.
    fn from_params(p: &RawParams) -> Result<Self, ApiError>;
}
