//! The realistic vocabulary: text as varied as the real federation's, for benchmarks that do
//! not flatter the engine (sepiola issue 13).
//!
//! The small vocabulary (`../data/words/`, 2,500 words per language, Zipf weights) stays the
//! default so old corpora and comparisons stay reproducible. The realistic one draws from
//! the 30,000 most frequent words of ten languages sampled by their real frequency
//! (`../data/vocabulary/<lang>.tsv`, from wordfreq, CC BY-SA 4.0), adds Chinese, people's
//! names, channel and account names of their own, and longer, more varied titles,
//! descriptions and tags. Chinese and Japanese are written without spaces.
//!
//! The choice is process-wide ([`set`]), made once by `fedsim-corpus --vocabulary`; the
//! generators of [`crate::content`] ask [`realistic`] and hand over to the functions here.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use rand::Rng;

use crate::words::{Lang, WordList};

/// Which word lists generated text draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Vocabulary {
    /// 2,500 words per language (800 Japanese), Zipf weights: the corpus of the benchmarks
    /// before issue 13.
    #[default]
    Small,
    /// 30,000 words per language by real frequency, ten languages, names (issue 13).
    Realistic,
}

static REALISTIC: AtomicBool = AtomicBool::new(false);

/// Chooses the vocabulary of every generator in this process (call it before generating).
pub fn set(v: Vocabulary) {
    REALISTIC.store(v == Vocabulary::Realistic, Ordering::Relaxed);
}

/// Whether the realistic vocabulary is in use.
pub fn realistic() -> bool {
    REALISTIC.load(Ordering::Relaxed)
}

/// The languages of the realistic vocabulary (the small one lacks Chinese).
pub const LANGS: [Lang; 10] = [
    Lang::En,
    Lang::Fr,
    Lang::De,
    Lang::Es,
    Lang::It,
    Lang::Pt,
    Lang::Nl,
    Lang::Ru,
    Lang::Ja,
    Lang::Zh,
];

fn raw(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../data/vocabulary/en.tsv"),
        Lang::Fr => include_str!("../data/vocabulary/fr.tsv"),
        Lang::De => include_str!("../data/vocabulary/de.tsv"),
        Lang::Es => include_str!("../data/vocabulary/es.tsv"),
        Lang::It => include_str!("../data/vocabulary/it.tsv"),
        Lang::Pt => include_str!("../data/vocabulary/pt.tsv"),
        Lang::Nl => include_str!("../data/vocabulary/nl.tsv"),
        Lang::Ru => include_str!("../data/vocabulary/ru.tsv"),
        Lang::Ja => include_str!("../data/vocabulary/ja.tsv"),
        Lang::Zh => include_str!("../data/vocabulary/zh.tsv"),
    }
}

fn index(lang: Lang) -> usize {
    LANGS.iter().position(|l| *l == lang).unwrap_or(0)
}

/// The realistic word list of a language, sampled by real frequency (built once).
pub fn words(lang: Lang) -> &'static WordList {
    static LISTS: OnceLock<Vec<WordList>> = OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        LANGS
            .iter()
            .map(|l| {
                let mut words = Vec::new();
                let mut weights = Vec::new();
                for line in raw(*l).lines().filter(|x| !x.starts_with('#')) {
                    let Some((w, cb)) = line.split_once('\t') else {
                        continue;
                    };
                    let Ok(cb) = cb.trim().parse::<f64>() else {
                        continue;
                    };
                    words.push(w);
                    weights.push(10f64.powf(-cb / 100.0));
                }
                WordList::weighted(words, &weights, *l)
            })
            .collect()
    });
    &lists[index(lang)]
}

/// Given and family names of one language.
#[derive(Debug)]
pub struct Names {
    /// Given names, capitalised.
    pub given: Vec<String>,
    /// Family names, capitalised.
    pub family: Vec<String>,
}

fn capitalize_words(s: &str) -> String {
    s.split('_')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The people's names of a language (`../data/vocabulary/names.tsv`, built once).
pub fn names(lang: Lang) -> &'static Names {
    static NAMES: OnceLock<Vec<Names>> = OnceLock::new();
    let all = NAMES.get_or_init(|| {
        let text = include_str!("../data/vocabulary/names.tsv");
        LANGS
            .iter()
            .map(|l| {
                let row = text
                    .lines()
                    .filter(|x| !x.starts_with('#'))
                    .find_map(|x| {
                        x.strip_prefix(&format!("{}\t", l.code()))
                            .map(str::to_owned)
                    })
                    .unwrap_or_default();
                let mut cols = row.split('\t');
                let list = |c: Option<&str>| -> Vec<String> {
                    c.unwrap_or("")
                        .split_whitespace()
                        .map(capitalize_words)
                        .collect()
                };
                let given = list(cols.next());
                let family = list(cols.next());
                Names { given, family }
            })
            .collect()
    });
    &all[index(lang)]
}

fn pick<'a, R: Rng>(rng: &mut R, v: &'a [String]) -> &'a str {
    if v.is_empty() {
        "Alex"
    } else {
        &v[rng.random_range(0..v.len())]
    }
}

/// A person's name as written in the language ("Marie Dubois", "佐藤翔太").
pub fn person<R: Rng>(rng: &mut R, lang: Lang) -> String {
    let n = names(lang);
    let given = pick(rng, &n.given).to_string();
    let family = pick(rng, &n.family).to_string();
    if lang.spaced() {
        format!("{given} {family}")
    } else {
        format!("{family}{given}")
    }
}

fn join(lang: Lang, words: &[String]) -> String {
    if lang.spaced() {
        words.join(" ")
    } else {
        words.concat()
    }
}

fn capitalize(s: &str) -> String {
    capitalize_words(&s.replace('_', "\u{1}")).replace('\u{1}', "_")
}

/// Latin words that Chinese and Japanese titles mix in.
const LATIN_IN_CJK: [&str; 10] = [
    "PeerTube", "vlog", "live", "Linux", "PC", "YouTube", "game", "DIY", "Python", "VR",
];

/// `n` words of running text: content words with glue words between them.
fn words_run<R: Rng>(rng: &mut R, lang: Lang, n: usize, glue: f64) -> Vec<String> {
    let list = words(lang);
    (0..n)
        .map(|i| {
            if i > 0 && rng.random_bool(glue) {
                list.sample(rng).to_string()
            } else {
                list.sample_content(rng).to_string()
            }
        })
        .collect()
}

/// A video title: 1–12 words, sometimes a person's name, an episode number or a year;
/// Chinese and Japanese ones sometimes mix in a Latin word.
pub fn title<R: Rng>(rng: &mut R, lang: Lang) -> String {
    let n = match rng.random_range(0..10) {
        0 => 1,
        1..=3 => rng.random_range(2..=4),
        4..=7 => rng.random_range(4..=8),
        _ => rng.random_range(8..=12),
    };
    let mut w = words_run(rng, lang, n, 0.3);
    if rng.random_bool(0.15) {
        let at = rng.random_range(0..=w.len());
        w.insert(at, person(rng, lang));
    }
    if !lang.spaced() && rng.random_bool(0.2) {
        let at = rng.random_range(0..=w.len());
        w.insert(
            at,
            LATIN_IN_CJK[rng.random_range(0..LATIN_IN_CJK.len())].to_string(),
        );
    }
    let mut t = capitalize(&join(lang, &w));
    match rng.random_range(0..20) {
        0 => t.push_str(&format!(" #{}", rng.random_range(1..300))),
        1 => t.push_str(&format!(" ({})", rng.random_range(1990..2026))),
        2 => t = format!("{} | {t}", person(rng, lang)),
        _ => {}
    }
    t
}

/// One sentence of 4–24 words.
pub fn sentence<R: Rng>(rng: &mut R, lang: Lang) -> String {
    let n = rng.random_range(4..=24);
    let mut w = words_run(rng, lang, n, 0.6);
    if rng.random_bool(0.1) {
        let at = rng.random_range(0..=w.len());
        w.insert(at, person(rng, lang));
    }
    let end = if !lang.spaced() {
        "。"
    } else if rng.random_bool(0.1) {
        "?"
    } else {
        "."
    };
    format!("{}{end}", capitalize(&join(lang, &w)))
}

/// A description: empty (a fifth of them), a line, or paragraphs with links and credits.
pub fn description<R: Rng>(rng: &mut R, lang: Lang) -> String {
    let sep = if lang.spaced() { " " } else { "" };
    let paragraphs = match rng.random_range(0..10) {
        0 | 1 => return String::new(),
        2..=5 => 1,
        6..=8 => rng.random_range(2..=3),
        _ => rng.random_range(4..=8),
    };
    let mut out: Vec<String> = Vec::with_capacity(paragraphs + 1);
    for _ in 0..paragraphs {
        let n = rng.random_range(1..=4);
        let p: Vec<String> = (0..n).map(|_| sentence(rng, lang)).collect();
        out.push(p.join(sep));
    }
    if rng.random_bool(0.25) {
        out.push(format!(
            "{}: {} — https://{}.example/@{}",
            capitalize(words(lang).sample_content(rng)),
            person(rng, lang),
            words(Lang::En).sample_content(rng).to_lowercase(),
            handle_word(rng)
        ));
    }
    out.join("\n\n")
}

/// 0–5 tags (PeerTube's limit): content words, sometimes two words or a name.
pub fn tags<R: Rng>(rng: &mut R, lang: Lang) -> Vec<String> {
    let n = match rng.random_range(0..10) {
        0..=2 => 0,
        3..=5 => rng.random_range(1..=3),
        _ => rng.random_range(3..=5),
    };
    let mut tags: Vec<String> = Vec::with_capacity(n);
    for _ in 0..n * 3 {
        if tags.len() >= n {
            break;
        }
        let t = match rng.random_range(0..10) {
            0 => person(rng, lang),
            1 => join(lang, &words_run(rng, lang, 2, 0.0)),
            _ => words(lang).sample_content(rng).to_string(),
        };
        // PeerTube's tags are 2–30 characters.
        if (2..=30).contains(&t.chars().count()) && !tags.contains(&t) {
            tags.push(t);
        }
    }
    tags
}

/// A channel's display name: a person's, a show's or a place's.
pub fn channel_name<R: Rng>(rng: &mut R, lang: Lang) -> String {
    let list = words(lang);
    let w = capitalize(list.sample_content(rng));
    match (lang.spaced(), rng.random_range(0..6)) {
        (_, 0) => person(rng, lang),
        (true, 1) => format!("{w} TV"),
        (true, 2) => format!("{} {w}", pick(rng, &names(lang).given)),
        (false, 1) => format!("{w}チャンネル"),
        (false, 2) => format!("{}{w}", pick(rng, &names(lang).family)),
        _ => title(rng, lang),
    }
}

/// An account's display name: mostly a person's, sometimes a nickname.
pub fn account_name<R: Rng>(rng: &mut R, lang: Lang) -> String {
    if rng.random_bool(0.7) {
        person(rng, lang)
    } else {
        capitalize(words(lang).sample_content(rng))
    }
}

fn ascii_fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let c = c.to_lowercase().next().unwrap_or(c);
            if c.is_ascii_alphanumeric() {
                return Some(c);
            }
            let folded = match c {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
                'ç' => 'c',
                'è' | 'é' | 'ê' | 'ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' => 'i',
                'ñ' => 'n',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
                'ù' | 'ú' | 'û' | 'ü' => 'u',
                'ß' => 's',
                _ => return None,
            };
            Some(folded)
        })
        .collect()
}

/// An ASCII word for handles (a Latin name or word folded to ASCII).
fn handle_word<R: Rng>(rng: &mut R) -> String {
    const LATIN: [Lang; 7] = [
        Lang::En,
        Lang::Fr,
        Lang::De,
        Lang::Es,
        Lang::It,
        Lang::Pt,
        Lang::Nl,
    ];
    for _ in 0..16 {
        let lang = LATIN[rng.random_range(0..LATIN.len())];
        let w = if rng.random_bool(0.5) {
            ascii_fold(pick(rng, &names(lang).given))
        } else {
            ascii_fold(words(lang).sample_content(rng))
        };
        if w.len() >= 3 {
            return w;
        }
    }
    "user".to_string()
}

/// An ASCII PeerTube-valid handle ("marie_dubois", "jardin42"), unique in `used`.
pub fn handle<R: Rng>(rng: &mut R, used: &mut std::collections::HashSet<String>) -> String {
    loop {
        let a = handle_word(rng);
        let name = match rng.random_range(0..4) {
            0 => format!("{a}_{}", handle_word(rng)),
            1 => format!("{a}{}", rng.random_range(1..10_000)),
            2 => format!("{a}.{}", handle_word(rng)),
            _ => a,
        };
        let name: String = name.chars().take(50).collect();
        if used.insert(name.clone()) {
            return name;
        }
    }
}

/// An instance's main language: European ones first, Russian, Japanese and Chinese too.
pub fn pick_main_language<R: Rng>(rng: &mut R) -> Lang {
    const WEIGHTED: [(Lang, u32); 10] = [
        (Lang::En, 30),
        (Lang::Fr, 18),
        (Lang::De, 14),
        (Lang::Es, 8),
        (Lang::It, 6),
        (Lang::Pt, 6),
        (Lang::Nl, 5),
        (Lang::Ru, 6),
        (Lang::Ja, 4),
        (Lang::Zh, 3),
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

/// A video's text language and declared language on an instance whose main one is `main`.
pub fn pick_language<R: Rng>(rng: &mut R, main: Lang) -> (Lang, Option<Lang>) {
    let x: f64 = rng.random();
    if x < 0.05 {
        (main, None)
    } else if x < 0.75 {
        (main, Some(main))
    } else {
        let l = LANGS[rng.random_range(0..LANGS.len())];
        (l, Some(l))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn every_language_has_tens_of_thousands_of_words_and_names() {
        for l in LANGS {
            assert!(words(l).len() >= 29_000, "{l:?}: {}", words(l).len());
            assert!(
                names(l).given.len() >= 10 && names(l).family.len() >= 10,
                "{l:?}"
            );
        }
        assert!(names(Lang::Nl).family.iter().any(|f| f == "Van Den Berg"));
    }

    #[test]
    fn sampling_follows_real_frequency() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let list = words(Lang::En);
        let n = 50_000;
        let the = (0..n).filter(|_| list.sample(&mut rng) == "the").count();
        // "the" is 10^-1.27 ≈ 5.4% of English words (over the list's total weight).
        assert!(the > n / 30 && the < n / 10, "{the}");
        // And many distinct words come out: the long tail is there.
        let distinct: std::collections::HashSet<&str> =
            (0..n).map(|_| list.sample_content(&mut rng)).collect();
        assert!(distinct.len() > 10_000, "{}", distinct.len());
    }

    #[test]
    fn cjk_text_has_no_spaces_and_handles_are_ascii() {
        let mut rng = ChaCha8Rng::seed_from_u64(4);
        let mut used = std::collections::HashSet::new();
        for _ in 0..200 {
            for l in [Lang::Ja, Lang::Zh] {
                let t = title(&mut rng, l);
                // Only the " #N" / " (year)" / " | " decorations put spaces in.
                let bare = t
                    .split(" #")
                    .next()
                    .unwrap_or("")
                    .split(" (")
                    .next()
                    .unwrap_or("");
                assert!(!bare.contains(' ') || t.contains(" | "), "{t}");
                assert!(!sentence(&mut rng, l).contains(' '));
            }
            let h = handle(&mut rng, &mut used);
            assert!(
                h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.'),
                "{h}"
            );
            assert!(tags(&mut rng, Lang::Fr).len() <= 5);
        }
    }
}
