//! The page's language: picked from the URL (`lang=`), else from
//! `Accept-Language`, else English. From the header, tags are taken best
//! q-value first and the first one a supported language serves wins: exactly
//! or as its region's language (`pt-BR` → `pt`, `fr-CA` → `fr`; `zh-CN`,
//! `zh-Hans`, `zh-SG`, and also `zh-TW`/`zh-Hant`, → simplified Chinese, the
//! one Chinese translation). Strings come from Fluent files embedded in the
//! binary (`crates/server/locales/<code>/main.ftl`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
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

/// Languages the page is translated into (a new one: add its `.ftl` file and
/// its code here), in the order the language menu lists them: by their own
/// names, Latin script A–Z, then Cyrillic, then Japanese and Chinese.
pub const SUPPORTED: [&str; 12] = [
    "de", "en", "es", "fr", "it", "nl", "pl", "pt", "sv", "ru", "ja", "zh",
];

/// `SUPPORTED` as language identifiers, for negotiation (same order).
fn available() -> &'static [LanguageIdentifier] {
    static IDS: OnceLock<Vec<LanguageIdentifier>> = OnceLock::new();
    IDS.get_or_init(|| fluent_langneg::convert_vec_str_to_langids_lossy(SUPPORTED))
}

/// A chosen language and the lookups that go with it.
#[derive(Debug, Clone)]
pub struct Lang {
    code: &'static str,
    id: LanguageIdentifier,
}

impl Lang {
    /// A supported language by code (`pt`), or the supported language a
    /// longer tag falls back to (`pt-BR` → `pt`, `zh-Hans-CN` → `zh`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim();
        if let Some(i) = SUPPORTED.iter().position(|c| c.eq_ignore_ascii_case(code)) {
            return Lang::at(i);
        }
        let tag: LanguageIdentifier = code.parse().ok()?;
        Lang::best_of(&[tag])
    }

    /// The `i`th supported language.
    fn at(i: usize) -> Option<Lang> {
        Some(Lang {
            code: SUPPORTED.get(i)?,
            id: available().get(i)?.clone(),
        })
    }

    /// The supported language that best serves tags listed best first:
    /// the first tag any supported language matches wins, exactly or as a
    /// range (`fr-CA` is served by `fr`), per `fluent-langneg`'s lookup.
    fn best_of(requested: &[LanguageIdentifier]) -> Option<Lang> {
        let found = *negotiate_languages(requested, available(), None, NegotiationStrategy::Lookup)
            .first()?;
        Lang::at(available().iter().position(|a| a == found)?)
    }

    /// English, the fallback.
    pub fn english() -> Lang {
        Lang {
            code: "en",
            id: LanguageIdentifier::default(),
        }
    }

    /// The language from an explicit choice, else the browser's preference
    /// (the best supported one by q-value, see [`accepted_languages`]), else
    /// English.
    pub fn negotiate(explicit: Option<&str>, accept_language: Option<&str>) -> Lang {
        explicit
            .and_then(Lang::from_code)
            .or_else(|| Lang::best_of(&accepted_languages(accept_language.unwrap_or(""))))
            .unwrap_or_else(Lang::english)
    }

    /// Every supported language, in menu order.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..SUPPORTED.len()).filter_map(Lang::at)
    }

    /// The BCP 47 tag for `lang` attributes: the code, except that Chinese
    /// says which script it is written in (`zh-Hans`), so that browsers pick
    /// simplified Chinese fonts.
    pub fn tag(&self) -> &'static str {
        match self.code {
            "zh" => "zh-Hans",
            code => code,
        }
    }

    /// The language's own name (Deutsch, 日本語), for the language menu.
    pub fn name(&self) -> String {
        self.t("language-name")
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

    /// A number with the language's digit grouping (CLDR's separators;
    /// Spanish and Polish leave four-digit numbers ungrouped).
    pub fn number(&self, n: u64) -> String {
        let (sep, min_digits) = match self.code {
            "fr" => ('\u{202F}', 4),
            "ru" | "sv" => ('\u{A0}', 4),
            "pl" => ('\u{A0}', 5),
            "es" => ('.', 5),
            "de" | "it" | "nl" | "pt" => ('.', 4),
            _ => (',', 4),
        };
        let digits = n.to_string();
        if digits.len() < min_digits {
            return digits;
        }
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
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

/// How many entries of an `Accept-Language` header are read (the rest is
/// ignored: no browser sends that many, a hostile client gains nothing).
const MAX_ACCEPTED: usize = 20;

/// The language tags of an `Accept-Language` header, best first: sorted by
/// q-value, ties in the header's order. Entries with `q=0`, a q-value that
/// is not a number from 0 to 1, `*`, or a tag that is not BCP 47 are
/// dropped; at most [`MAX_ACCEPTED`] entries are read.
pub fn accepted_languages(header: &str) -> Vec<LanguageIdentifier> {
    let mut tags: Vec<(f32, usize, LanguageIdentifier)> = header
        .split(',')
        .take(MAX_ACCEPTED)
        .enumerate()
        .filter_map(|(i, part)| {
            let mut it = part.split(';');
            let tag = it.next()?.trim();
            if tag.len() > 35 {
                return None;
            }
            let id: LanguageIdentifier = tag.parse().ok()?;
            if id.language.is_empty() {
                return None;
            }
            let q = match it.find_map(|p| {
                let p = p.trim();
                p.strip_prefix("q=").or_else(|| p.strip_prefix("Q="))
            }) {
                None => 1.0,
                Some(q) => q.trim().parse::<f32>().ok()?,
            };
            ((0.0..=1.0).contains(&q) && q > 0.0).then_some((q, i, id))
        })
        .collect();
    tags.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    tags.into_iter().map(|(_, _, id)| id).collect()
}

/// The primary language subtags of an `Accept-Language` header, best first
/// (q-values honoured, at most 10): the languages whose results get a boost.
pub fn browser_languages(header: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in accepted_languages(header) {
        let primary = id.language.as_str().to_string();
        if !out.contains(&primary) {
            out.push(primary);
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
    use std::collections::{BTreeMap, BTreeSet};

    fn from_header(header: &str) -> &'static str {
        Lang::negotiate(None, Some(header)).code()
    }

    #[test]
    fn negotiates_from_url_then_header() {
        assert_eq!(Lang::negotiate(Some("fr"), Some("en")).code(), "fr");
        assert_eq!(Lang::negotiate(Some("DE"), None).code(), "de");
        assert_eq!(Lang::negotiate(Some("pt-BR"), Some("en")).code(), "pt");
        assert_eq!(from_header("de-DE,fr;q=0.8,en;q=0.5"), "de");
        assert_eq!(Lang::negotiate(Some("xx"), Some("de")).code(), "de");
        assert_eq!(Lang::negotiate(Some("xx"), Some("tlh")).code(), "en");
        assert_eq!(Lang::negotiate(None, None).code(), "en");
    }

    #[test]
    fn regional_tags_fall_back_to_their_language() {
        assert_eq!(from_header("pt-BR"), "pt");
        assert_eq!(from_header("fr-CA"), "fr");
        assert_eq!(from_header("de-AT;q=0.8"), "de");
        assert_eq!(from_header("es-419,es;q=0.9"), "es");
        assert_eq!(from_header("sv-FI"), "sv");
        assert_eq!(from_header("nl-BE"), "nl");
        assert_eq!(from_header("en-GB"), "en");
        assert_eq!(from_header("ja-JP"), "ja");
        assert_eq!(from_header("RU-ru"), "ru");
    }

    #[test]
    fn chinese_tags_pick_simplified_chinese() {
        for tag in ["zh", "zh-CN", "zh-Hans", "zh-SG", "zh-Hans-CN"] {
            assert_eq!(from_header(tag), "zh", "{tag}");
        }
        // Traditional Chinese is not translated: its readers get the
        // simplified text rather than English.
        for tag in ["zh-TW", "zh-Hant", "zh-HK"] {
            assert_eq!(from_header(tag), "zh", "{tag}");
        }
        assert_eq!(Lang::from_code("zh").map(|l| l.tag()), Some("zh-Hans"));
        assert_eq!(Lang::from_code("ja").map(|l| l.tag()), Some("ja"));
    }

    #[test]
    fn the_best_supported_language_by_q_wins() {
        assert_eq!(from_header("en;q=0.5, ja;q=0.9, de;q=0.7"), "ja");
        assert_eq!(from_header("it;q=0.1, pl"), "pl");
        // ties keep the header's order
        assert_eq!(from_header("nl;q=0.5, sv;q=0.5"), "nl");
        // an unsupported first choice falls through to the next
        assert_eq!(from_header("ko-KR, tr;q=0.9, ru;q=0.8, en;q=0.7"), "ru");
        assert_eq!(from_header("eu, ca;q=0.9"), "en");
        // q=0 means "not this one"; malformed q-values drop the entry
        assert_eq!(from_header("de;q=0, es;q=0.1"), "es");
        assert_eq!(from_header("de;q=2, fr;q=abc, it;q=0.3"), "it");
        assert_eq!(from_header("*, sv;q=0.5"), "sv");
        assert_eq!(from_header("<script>, ,;;, q=1"), "en");
        assert_eq!(from_header(&"x-a-b, ".repeat(5000)), "en");
    }

    #[test]
    fn browser_languages_follow_q_values() {
        assert_eq!(
            browser_languages("en;q=0.2, fr-CA, de;q=0.9, fr;q=0.1, *;q=0.5"),
            vec!["fr", "de", "en"]
        );
        assert_eq!(
            browser_languages("pt-BR, pt;q=0.9, zh-Hant;q=0.8"),
            vec!["pt", "zh"]
        );
        assert!(browser_languages("<script>").is_empty());
    }

    #[test]
    fn menu_lists_every_language_under_its_own_name() {
        let names: Vec<String> = Lang::all().map(|l| l.name()).collect();
        assert_eq!(
            names,
            [
                "Deutsch",
                "English",
                "Español",
                "Français",
                "Italiano",
                "Nederlands",
                "Polski",
                "Português",
                "Svenska",
                "Русский",
                "日本語",
                "简体中文"
            ]
        );
    }

    #[test]
    fn numbers_follow_each_language() {
        let n = |code: &str, n: u64| Lang::from_code(code).map(|l| l.number(n));
        assert_eq!(n("fr", 1234567).as_deref(), Some("1\u{202F}234\u{202F}567"));
        assert_eq!(n("de", 1234567).as_deref(), Some("1.234.567"));
        assert_eq!(n("es", 1234).as_deref(), Some("1234"));
        assert_eq!(n("es", 12345).as_deref(), Some("12.345"));
        assert_eq!(n("ru", 1234).as_deref(), Some("1\u{A0}234"));
        assert_eq!(n("ja", 1234).as_deref(), Some("1,234"));
        assert_eq!(Lang::english().number(1234), "1,234");
        assert_eq!(Lang::english().number(999), "999");
    }

    /// A file's messages, with for each the placeholders it uses.
    fn messages(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current = None;
        for line in ftl.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with([' ', '*', '[', '}'])
                && let Some((k, _)) = line.split_once(" =")
            {
                current = Some(k.trim().to_string());
            }
            let Some(key) = &current else { continue };
            let vars = out.entry(key.clone()).or_default();
            for part in line.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                vars.insert(name);
            }
        }
        out
    }

    /// Every locale file, by code.
    fn files() -> Vec<(&'static str, &'static str)> {
        vec![
            ("de", include_str!("../../locales/de/main.ftl")),
            ("en", include_str!("../../locales/en/main.ftl")),
            ("es", include_str!("../../locales/es/main.ftl")),
            ("fr", include_str!("../../locales/fr/main.ftl")),
            ("it", include_str!("../../locales/it/main.ftl")),
            ("nl", include_str!("../../locales/nl/main.ftl")),
            ("pl", include_str!("../../locales/pl/main.ftl")),
            ("pt", include_str!("../../locales/pt/main.ftl")),
            ("sv", include_str!("../../locales/sv/main.ftl")),
            ("ru", include_str!("../../locales/ru/main.ftl")),
            ("ja", include_str!("../../locales/ja/main.ftl")),
            ("zh", include_str!("../../locales/zh/main.ftl")),
        ]
    }

    /// Fluent parses the file without errors and formats every message,
    /// with each plural count that selects a different form somewhere, without
    /// errors (a missing variable or a bad selector would show here, while the
    /// loader would quietly print a fallback).
    fn resolves_without_errors(code: &str, ftl: &str, en: &BTreeMap<String, BTreeSet<String>>) {
        use fluent_templates::fluent_bundle::{FluentArgs, FluentResource, bundle::FluentBundle};
        let res = FluentResource::try_new(ftl.to_string())
            .unwrap_or_else(|(_, e)| panic!("{code}.ftl does not parse: {e:?}"));
        let id: LanguageIdentifier = code.parse().unwrap();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.add_resource(res).unwrap();
        for (key, vars) in en {
            let pattern = bundle
                .get_message(key)
                .and_then(|m| m.value())
                .unwrap_or_else(|| panic!("{code}.ftl: {key} has no value"));
            for n in [0, 1, 2, 5, 12, 21, 22, 1000] {
                let mut args = FluentArgs::new();
                for v in vars {
                    args.set(v.as_str(), n);
                }
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{code}.ftl: {key} ({n}): {errors:?}");
                assert!(!text.trim().is_empty(), "{code}.ftl: {key} is empty");
            }
        }
    }

    #[test]
    fn every_key_exists_in_every_language() {
        // The loader falls back to English silently, so compare the files:
        // the same messages, each with the same placeholders.
        let codes: Vec<&str> = files().iter().map(|(c, _)| *c).collect();
        assert_eq!(codes, SUPPORTED, "one file per supported language");
        let en = messages(include_str!("../../locales/en/main.ftl"));
        assert!(en.len() > 100);
        for (code, ftl) in files() {
            let other = messages(ftl);
            let keys = |m: &BTreeMap<String, BTreeSet<String>>| -> BTreeSet<String> {
                m.keys().cloned().collect()
            };
            assert_eq!(
                keys(&other),
                keys(&en),
                "{code}.ftl and en.ftl must define the same messages"
            );
            for (key, vars) in &en {
                assert_eq!(
                    other.get(key),
                    Some(vars),
                    "{code}.ftl: {key} must use the same placeholders"
                );
            }
            resolves_without_errors(code, ftl, &en);
        }
        let fr = Lang::from_code("fr").unwrap();
        assert_eq!(fr.ta("views", &[("count", Arg::Num(0))]), "aucune vue");
        assert_eq!(fr.ta("views", &[("count", Arg::Num(1))]), "une vue");
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let views = |code: &str, n: i64| {
            Lang::from_code(code)
                .unwrap()
                .ta("views", &[("count", Arg::Num(n))])
        };
        assert_eq!(views("ru", 1), "1 просмотр");
        assert_eq!(views("ru", 3), "3 просмотра");
        assert_eq!(views("ru", 5), "5 просмотров");
        assert_eq!(views("ru", 21), "21 просмотр");
        assert_eq!(views("pl", 1), "1 wyświetlenie");
        assert_eq!(views("pl", 3), "3 wyświetlenia");
        assert_eq!(views("pl", 5), "5 wyświetleń");
        assert_eq!(views("pl", 22), "22 wyświetlenia");
        assert_eq!(views("de", 1), "ein Aufruf");
        assert_eq!(views("de", 2), "2 Aufrufe");
        assert_eq!(views("ja", 2), "2 回視聴");
    }
}
