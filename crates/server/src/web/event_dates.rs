//! The events' date filter in a place's own time zone: "today" in Lyon is
//! midnight to midnight in Europe/Paris, not in UTC.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Offset, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use super::choices::EventWhen;

/// A time zone by its IANA name (`Europe/Paris`), if chrono-tz knows it.
pub fn zone(name: &str) -> Option<Tz> {
    name.parse::<Tz>().ok()
}

/// The first instant of a local day in a zone (the first valid local
/// time when midnight falls in a daylight-saving gap).
fn local_midnight(tz: Tz, day: NaiveDate) -> Option<DateTime<Utc>> {
    let mut t = day.and_hms_opt(0, 0, 0)?;
    // A gap is at most a few hours: step to the first time that exists.
    for _ in 0..6 {
        if let Some(local) = tz.from_local_datetime(&t).earliest() {
            return Some(local.with_timezone(&Utc));
        }
        t += Duration::hours(1);
    }
    None
}

/// The start-time window `[from, to]` (inclusive, as the API reads
/// `startDateMin` and `startDateMax`) a date choice means at `now` in `tz`.
/// `Range` uses the `from` and `to` days (either may be open; swapped
/// when reversed).
pub fn window(
    when: EventWhen,
    range: (Option<NaiveDate>, Option<NaiveDate>),
    now: DateTime<Utc>,
    tz: Tz,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let today = now.with_timezone(&tz).date_naive();
    let days = |d: NaiveDate, n: i64| d.checked_add_signed(Duration::days(n));
    let (first, after) = match when {
        EventWhen::Today => (Some(today), days(today, 1)),
        EventWhen::Weekend => {
            let start = match today.weekday() {
                Weekday::Sat | Weekday::Sun => today,
                w => days(today, 5 - i64::from(w.num_days_from_monday())).unwrap_or(today),
            };
            let monday = 7 - i64::from(start.weekday().num_days_from_monday());
            (Some(start), days(start, monday))
        }
        EventWhen::Week => {
            let monday = 7 - i64::from(today.weekday().num_days_from_monday());
            (Some(today), days(today, monday))
        }
        EventWhen::Month => {
            let next = if today.month() == 12 {
                NaiveDate::from_ymd_opt(today.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(today.year(), today.month() + 1, 1)
            };
            (Some(today), next)
        }
        EventWhen::Range => {
            let (a, b) = match range {
                (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                other => other,
            };
            (a, b.and_then(|b| days(b, 1)))
        }
    };
    let from = first.and_then(|d| local_midnight(tz, d));
    let to = after
        .and_then(|d| local_midnight(tz, d))
        .map(|t| t - Duration::seconds(1));
    (from, to)
}

/// The offset of a zone at an instant, as `UTC+02:00` (`UTC` at zero).
pub fn offset_label(tz: Tz, at: DateTime<Utc>) -> String {
    let secs = at.with_timezone(&tz).offset().fix().local_minus_utc();
    if secs == 0 {
        return "UTC".into();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let m = secs.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn paris() -> Tz {
        zone("Europe/Paris").unwrap()
    }

    #[test]
    fn today_is_the_local_day() {
        // 23:30 UTC on Tue 30 June is already Wednesday 1 July in Paris.
        let (from, to) = window(
            EventWhen::Today,
            (None, None),
            utc("2026-06-30T23:30:00Z"),
            paris(),
        );
        assert_eq!(from, Some(utc("2026-06-30T22:00:00Z")));
        assert_eq!(to, Some(utc("2026-07-01T21:59:59Z")));
        // Tokyo's day is UTC+9.
        let tokyo = zone("Asia/Tokyo").unwrap();
        let (from, _) = window(
            EventWhen::Today,
            (None, None),
            utc("2026-06-30T23:30:00Z"),
            tokyo,
        );
        assert_eq!(from, Some(utc("2026-06-30T15:00:00Z")));
    }

    #[test]
    fn weekend_week_and_month() {
        // Wednesday 2 December 2026, Paris in winter (UTC+1).
        let now = utc("2026-12-02T10:00:00Z");
        let (from, to) = window(EventWhen::Weekend, (None, None), now, paris());
        assert_eq!(from, Some(utc("2026-12-04T23:00:00Z")), "Saturday 5th");
        assert_eq!(
            to,
            Some(utc("2026-12-06T22:59:59Z")),
            "to the end of Sunday 6th"
        );
        // On a Sunday the weekend is today.
        let (from, _) = window(
            EventWhen::Weekend,
            (None, None),
            utc("2026-12-06T10:00:00Z"),
            paris(),
        );
        assert_eq!(from, Some(utc("2026-12-05T23:00:00Z")));
        let (from, to) = window(EventWhen::Week, (None, None), now, paris());
        assert_eq!(from, Some(utc("2026-12-01T23:00:00Z")));
        assert_eq!(to, Some(utc("2026-12-06T22:59:59Z")));
        let (_, to) = window(EventWhen::Month, (None, None), now, paris());
        assert_eq!(to, Some(utc("2026-12-31T22:59:59Z")));
    }

    #[test]
    fn a_range_is_whole_local_days_and_daylight_saving_is_honoured() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let now = utc("2026-01-01T00:00:00Z");
        // Reversed ends are swapped; 29 March 2026 is the switch to UTC+2.
        let (from, to) = window(
            EventWhen::Range,
            (d("2026-03-29"), d("2026-03-28")),
            now,
            paris(),
        );
        assert_eq!(from, Some(utc("2026-03-27T23:00:00Z")));
        assert_eq!(to, Some(utc("2026-03-29T21:59:59Z")));
        let (from, to) = window(EventWhen::Range, (None, d("2026-03-28")), now, paris());
        assert_eq!((from, to.is_some()), (None, true));
    }

    #[test]
    fn offsets_read_as_people_write_them() {
        let at = utc("2026-07-01T12:00:00Z");
        assert_eq!(offset_label(paris(), at), "UTC+02:00");
        assert_eq!(
            offset_label(zone("America/St_Johns").unwrap(), at),
            "UTC-02:30"
        );
        assert_eq!(offset_label(zone("UTC").unwrap(), at), "UTC");
        assert!(zone("Mars/Olympus").is_none());
    }
}
