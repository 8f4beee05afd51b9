//! Timestamps as PeerTube writes them: RFC 3339, UTC, milliseconds.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time, serialised like PeerTube does (`2024-05-01T10:20:30.000Z`)
/// so that strict clients (peertube-viewer) parse it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub DateTime<Utc>);

impl Timestamp {
    /// Parses an RFC 3339 date-time, or a bare `YYYY-MM-DD` date (midnight UTC).
    pub fn parse(s: &str) -> Option<Timestamp> {
        let s = s.trim();
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Some(Timestamp(t.with_timezone(&Utc)));
        }
        let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
        Some(Timestamp(d.and_hms_opt(0, 0, 0)?.and_utc()))
    }

    /// Milliseconds since the Unix epoch, the form the index sorts on.
    pub fn millis(&self) -> i64 {
        self.0.timestamp_millis()
    }

    /// Builds a timestamp from milliseconds since the epoch, if in range.
    pub fn from_millis(ms: i64) -> Option<Timestamp> {
        DateTime::from_timestamp_millis(ms).map(Timestamp)
    }

    /// The current time.
    pub fn now() -> Timestamp {
        Timestamp(Utc::now())
    }

    /// RFC 3339 text with milliseconds and `Z`.
    pub fn to_rfc3339(&self) -> String {
        self.0.to_rfc3339_opts(SecondsFormat::Millis, true)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        Timestamp::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not an RFC 3339 date: {s:.40}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_with_millis_and_z() {
        let t = Timestamp::parse("2024-05-01T12:20:30+02:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2024-05-01T10:20:30.000Z");
        assert_eq!(Timestamp::from_millis(t.millis()), Some(t));
    }

    #[test]
    fn accepts_bare_dates_and_refuses_garbage() {
        assert_eq!(
            Timestamp::parse("2024-05-01").unwrap().to_rfc3339(),
            "2024-05-01T00:00:00.000Z"
        );
        assert!(Timestamp::parse("yesterday").is_none());
        assert!(Timestamp::parse("99999-01-01").is_none());
    }
}
