//! The query mix of the realistic corpus (`fedsim-corpus --vocabulary realistic`, issue 13):
//! what users type, in ten languages, drawn from the same 30,000-word lists the corpus is
//! written from, grouped under `# kind: NAME` lines so `bench each` can report each kind
//! apart. Committed as `bench/queries-realistic.txt` (`cargo run -p bench -- queries
//! --realistic`); the first mix (`bench/queries.txt`) stays as it was so older comparisons
//! hold.

use fedsim::vocabulary::{self, LANGS};
use fedsim::words::Lang;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::queries::enc;

/// A content word of rank `from..to`: at least 4 characters (2 in Chinese and Japanese),
/// letters only.
fn word(rng: &mut ChaCha8Rng, lang: Lang, from: usize, to: usize) -> String {
    let list = vocabulary::words(lang);
    let to = to.min(list.len());
    let min = if lang.spaced() { 4 } else { 2 };
    for _ in 0..200 {
        let w = list
            .word(rng.random_range(from.min(to.saturating_sub(1))..to))
            .unwrap_or("video");
        if w.chars().count() >= min && w.chars().all(char::is_alphabetic) {
            return w.to_string();
        }
    }
    "video".to_string()
}

/// A typo as people make them: a letter swapped with its neighbour, dropped or doubled.
fn typo(rng: &mut ChaCha8Rng, w: &str) -> String {
    let mut c: Vec<char> = w.chars().collect();
    if c.len() < 5 {
        return w.to_string();
    }
    let i = rng.random_range(1..c.len() - 1);
    match rng.random_range(0..3) {
        0 => c.swap(i, i + 1),
        1 => {
            c.remove(i);
        }
        _ => c.insert(i, c[i]),
    }
    c.into_iter().collect()
}

/// A word found nowhere: syllables no list holds (checked against the language's list).
fn nowhere(rng: &mut ChaCha8Rng, lang: Lang) -> String {
    const SYL: [&str; 12] = [
        "zor", "vak", "plin", "qua", "treb", "ulm", "xen", "dro", "fip", "gask", "yol", "kru",
    ];
    let list = vocabulary::words(lang);
    loop {
        let n = rng.random_range(3..=4);
        let w: String = (0..n)
            .map(|_| SYL[rng.random_range(0..SYL.len())])
            .collect();
        if !(0..list.len()).any(|i| list.word(i) == Some(w.as_str())) {
            return w;
        }
    }
}

/// Generates the realistic mix.
pub fn mix(seed: u64) -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5245_414C);
    let v = "/api/v1/search/videos?";
    let filters = [
        "&languageOneOf=en",
        "&languageOneOf=fr&languageOneOf=de",
        "&categoryOneOf=15",
        "&nsfw=false",
        "&durationMin=600",
        "&startDate=2024-01-01",
        "&sort=-publishedAt",
        "&sort=-views",
    ];
    let mut kinds: Vec<(&str, Vec<String>)> = [
        "one common word",
        "one rare word",
        "two common words",
        "two-word name",
        "three words",
        "typo of a rare word",
        "one- or two-letter prefix",
        "word found nowhere",
        "CJK word",
        "CJK two words",
        "CJK name",
        "one word with filters",
        "channels and playlists",
        "browsing (no words)",
    ]
    .into_iter()
    .map(|k| (k, Vec::new()))
    .collect();
    let push = |kinds: &mut Vec<(&str, Vec<String>)>, kind: usize, q: String| {
        kinds[kind].1.push(format!("{v}search={}", enc(&q)));
    };
    for lang in LANGS {
        let cjk = !lang.spaced();
        for _ in 0..5 {
            push(&mut kinds, 0, word(&mut rng, lang, 150, 1_500));
        }
        for _ in 0..5 {
            push(&mut kinds, 1, word(&mut rng, lang, 8_000, 30_000));
        }
        let sep = if cjk { "" } else { " " };
        for _ in 0..3 {
            let q = format!(
                "{}{sep}{}",
                word(&mut rng, lang, 150, 2_000),
                word(&mut rng, lang, 150, 2_000)
            );
            push(&mut kinds, if cjk { 9 } else { 2 }, q);
        }
        for _ in 0..3 {
            let name = vocabulary::person(&mut rng, lang);
            push(&mut kinds, if cjk { 10 } else { 3 }, name);
        }
        for _ in 0..3 {
            let q = [0, 1, 2]
                .map(|_| word(&mut rng, lang, 150, 5_000))
                .join(" ");
            push(&mut kinds, 4, q);
        }
        if cjk {
            for _ in 0..8 {
                push(&mut kinds, 8, word(&mut rng, lang, 100, 10_000));
            }
            // A CJK word beside a Latin one, as in mixed titles.
            let q = format!("{} vlog", word(&mut rng, lang, 100, 3_000));
            push(&mut kinds, 9, q);
        } else {
            for _ in 0..3 {
                let w = word(&mut rng, lang, 3_000, 20_000);
                push(&mut kinds, 5, typo(&mut rng, &w));
            }
            for _ in 0..2 {
                let w = word(&mut rng, lang, 150, 2_000);
                let n = rng.random_range(1..=2);
                push(&mut kinds, 6, w.chars().take(n).collect());
            }
            for _ in 0..2 {
                push(&mut kinds, 7, nowhere(&mut rng, lang));
            }
        }
        for _ in 0..3 {
            let f = filters[rng.random_range(0..filters.len())];
            let w = word(&mut rng, lang, 150, 3_000);
            kinds[11].1.push(format!("{v}search={}{f}", enc(&w)));
        }
        kinds[12].1.push(format!(
            "/api/v1/search/video-channels?search={}",
            enc(&vocabulary::person(&mut rng, lang))
        ));
        kinds[12].1.push(format!(
            "/api/v1/search/video-playlists?search={}",
            enc(&word(&mut rng, lang, 150, 3_000))
        ));
    }
    for f in filters {
        kinds[13]
            .1
            .push(format!("{v}{}&count=20", f.trim_start_matches('&')));
    }
    let mut out = format!(
        "# sepiola realistic query mix (generated by `cargo run -p bench -- queries --realistic`, seed {seed}),\n\
         # for the corpus `fedsim-corpus --vocabulary realistic`. One request per line, grouped by kind.\n"
    );
    for (kind, lines) in kinds {
        out.push_str(&format!("# kind: {kind}\n"));
        for l in lines {
            out.push_str(&l);
            out.push('\n');
        }
    }
    // `bench run` wants at least one results page.
    out.push_str("# kind: results page\n/search?search=musique\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_realistic_mix_is_deterministic_and_has_every_kind() {
        let a = mix(42);
        assert_eq!(a, mix(42));
        let mix = crate::queries::parse(&a);
        for k in [
            "one rare word",
            "two-word name",
            "typo of a rare word",
            "word found nowhere",
            "CJK word",
            "one- or two-letter prefix",
        ] {
            let n = mix.kinds.iter().filter(|x| x.as_str() == k).count();
            assert!(n >= 10, "{k}: {n}");
        }
        assert_eq!(mix.kinds.len(), mix.api.len());
        assert!(mix.api.len() > 250);
    }
}
