//! The words of the index that start with a prefix, when there are few: the
//! last word of a query matches them as one list instead of an automaton
//! walked over every document.

use tantivy::Searcher;
use tantivy::schema::Field;

use crate::text_query::ranking;

/// The words of `field` starting with `prefix` in every segment, or None
/// when a segment has more than [`ranking::PREFIX_MAX_TERMS`] of them (or
/// its dictionary cannot be read: the caller then uses an automaton).
pub fn words_with_prefix(searcher: &Searcher, field: Field, prefix: &str) -> Option<Vec<String>> {
    let mut upper = prefix.to_string();
    upper.push(char::MAX);
    let mut out: Vec<String> = Vec::new();
    for seg in searcher.segment_readers() {
        let inverted = seg.inverted_index(field).ok()?;
        let mut stream = inverted
            .terms()
            .range()
            .ge(prefix.as_bytes())
            .lt(upper.as_bytes())
            .into_stream()
            .ok()?;
        let mut n = 0;
        while stream.advance() {
            n += 1;
            if n > ranking::PREFIX_MAX_TERMS {
                return None;
            }
            let word = std::str::from_utf8(stream.key()).ok()?;
            if !out.iter().any(|w| w == word) {
                out.push(word.to_string());
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text_query::ranking;

    #[test]
    fn words_with_prefix_lists_few_and_gives_up_on_many() {
        let n = ranking::PREFIX_MAX_TERMS + 1;
        let docs =
            (0..n).map(|i| format!("many{i:03} {}", if i % 2 == 0 { "fewa" } else { "fewb" }));
        let (searcher, f) = crate::test_index::words_index("w", docs);
        let mut few = words_with_prefix(&searcher, f, "few").expect("few");
        few.sort();
        assert_eq!(few, vec!["fewa", "fewb"]);
        assert_eq!(words_with_prefix(&searcher, f, "many"), None);
        assert_eq!(
            words_with_prefix(&searcher, f, "many00").map(|v| v.len()),
            Some(10)
        );
        assert_eq!(words_with_prefix(&searcher, f, "zzz"), Some(vec![]));
    }
}
