//! The page's language: picked from the URL (`lang=`), else from
//! `Accept-Language`, else English. Strings come from Fluent files embedded
//! in the binary (`crates/server/locales/<code>/main.ftl`).

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Fluent wraps arguments in invisible bidi isolation marks by
        // default; our arguments are numbers and host names, keep text plain.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Languages the page is translated into (a new one: add its `.ftl` file and its code here).
pub const SUPPORTED: [&str; 2] = ["en", "fr"];

/// A chosen language and the lookups that go with it.
#[derive(Debug, Clone)]
pub struct Lang {
    code: &'static str,
    id: LanguageIdentifier,
}

impl Lang {
    /// A supported language by code, if it is one.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = SUPPORTED
            .iter()
            .find(|c| c.eq_ignore_ascii_case(code.trim()))?;
        Some(Lang {
            code,
            id: code.parse().ok()?,
        })
    }

    /// English, the fallback.
    pub fn english() -> Lang {
        Lang {
            code: "en",
            id: LanguageIdentifier::default(),
        }
    }

    /// The language from an explicit choice, else the browser's preference.
    pub fn negotiate(explicit: Option<&str>, accept_language: Option<&str>) -> Lang {
        explicit
            .and_then(Lang::from_code)
            .or_else(|| {
                browser_languages(accept_language.unwrap_or(""))
                    .iter()
                    .find_map(|l| Lang::from_code(l))
            })
            .unwrap_or_else(Lang::english)
    }

    /// The two-letter code (for `<html lang>` and links).
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// A message without arguments.
    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(&self.id, key)
    }

    /// A message with arguments.
    pub fn ta(&self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Num(n) => FluentValue::from(*n),
                    Arg::Text(s) => FluentValue::from(s.clone()),
                };
                (Cow::Borrowed(*k), value)
            })
            .collect();
        LOCALES.lookup_with_args(&self.id, key, &map)
    }

    /// A number with the language's thousands separator.
    pub fn number(&self, n: u64) -> String {
        let sep = if self.code == "fr" { '\u{202F}' } else { ',' };
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// A date in the language's short form.
    pub fn date(&self, t: &sepiola_model::Timestamp) -> String {
        self.day(t.0.date_naive())
    }

    /// A day (already in the time zone it is shown in) in the language's
    /// short form, with its weekday.
    pub fn weekday_and_day(&self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let wd = d.weekday().number_from_monday();
        self.ta(
            "weekday-date",
            &[
                ("weekday", Arg::Text(self.t(&format!("weekday-{wd}")))),
                ("date", Arg::Text(self.day(d))),
            ],
        )
    }

    /// A day in the language's short form.
    pub fn day(&self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        self.ta(
            "date-format",
            &[
                ("day", Arg::Num(i64::from(d.day()))),
                ("month", Arg::Text(self.t(&format!("month-{}", d.month())))),
                ("year", Arg::Num(i64::from(d.year()))),
            ],
        )
    }
}

/// A Fluent argument.
#[derive(Debug, Clone)]
pub enum Arg {
    /// A number (selects plural forms).
    Num(i64),
    /// Text.
    Text(String),
}

/// The primary language subtags of an `Accept-Language` header, best first
/// (q-values honoured, at most 10).
pub fn browser_languages(header: &str) -> Vec<String> {
    let mut langs: Vec<(f32, usize, String)> = header
        .split(',')
        .take(20)
        .enumerate()
        .filter_map(|(i, part)| {
            let mut it = part.split(';');
            let tag = it.next()?.trim();
            let primary = sepiola_model::labels::normalize_language_code(tag)?;
            let q = it
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0 && q.is_finite()).then_some((q, i, primary))
        })
        .collect();
    langs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, _, l) in langs {
        if !out.contains(&l) {
            out.push(l);
        }
        if out.len() == 10 {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_from_url_then_header() {
        assert_eq!(Lang::negotiate(Some("fr"), Some("en")).code(), "fr");
        assert_eq!(
            Lang::negotiate(None, Some("de-DE,fr;q=0.8,en;q=0.5")).code(),
            "fr"
        );
        assert_eq!(Lang::negotiate(Some("xx"), Some("de")).code(), "en");
        assert_eq!(Lang::negotiate(None, None).code(), "en");
    }

    #[test]
    fn browser_languages_follow_q_values() {
        assert_eq!(
            browser_languages("en;q=0.2, fr-CA, de;q=0.9, fr;q=0.1, *;q=0.5"),
            vec!["fr", "de", "en"]
        );
        assert!(browser_languages("<script>").is_empty());
    }

    fn keys(ftl: &str) -> std::collections::BTreeSet<String> {
        ftl.lines()
            .filter(|l| !l.starts_with([' ', '#', '*', '[']) && l.contains(" ="))
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
            .collect()
    }

    #[test]
    fn every_key_exists_in_every_language() {
        // The loader falls back to English silently, so compare the files.
        let en = keys(include_str!("../../locales/en/main.ftl"));
        let fr = keys(include_str!("../../locales/fr/main.ftl"));
        assert!(en.len() > 100);
        assert_eq!(en, fr, "fr.ftl and en.ftl must define the same messages");
        let fr = Lang::from_code("fr").unwrap();
        assert_eq!(fr.ta("views", &[("count", Arg::Num(0))]), "aucune vue");
        assert_eq!(fr.ta("views", &[("count", Arg::Num(1))]), "une vue");
        assert_eq!(fr.number(1234567), "1\u{202F}234\u{202F}567");
        assert_eq!(Lang::english().number(1234), "1,234");
    }
}
