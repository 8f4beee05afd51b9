//! Words of scripts written without spaces. Chinese and Japanese (and
//! Korean inside its space-separated words) have no spaces between words,
//! so a run of their characters would be one token and a word inside a
//! title could never be found. Runs of those characters become overlapping
//! bigrams (the classic approach of CJK search engines): a word of two or
//! more characters is found by its bigrams, and single characters are
//! indexed too so a one-character word is found. Everything else is split
//! like tantivy's `SimpleTokenizer` (on what is not alphanumeric).

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Whether the tokens are for the index (unigrams and bigrams of CJK runs)
/// or for a query (bigrams only; a lone character as itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Indexing: every character and every pair.
    Index,
    /// Querying: the pairs, which all must be there for a whole word.
    Query,
}

/// The tokenizer; see the module documentation.
#[derive(Debug, Clone, Copy)]
pub struct CjkTokenizer(pub Mode);

/// Characters of scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x31F0..=0x31FF    // Katakana phonetic extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFF66..=0xFF9F    // half-width Katakana
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0x1100..=0x11FF    // Hangul Jamo
        | 0x3130..=0x318F    // Hangul compatibility Jamo
        | 0x20000..=0x2FFFF) // CJK extensions B and later
}

/// The tokens of a text, computed at once.
pub struct CjkTokenStream {
    tokens: Vec<Token>,
    next: usize,
    /// Returned before the first `advance` or past the end (never indexed).
    none: Token,
}

impl Tokenizer for CjkTokenizer {
    type TokenStream<'a> = CjkTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CjkTokenStream {
        CjkTokenStream {
            tokens: tokens(text, self.0),
            next: 0,
            none: Token::default(),
        }
    }
}

impl TokenStream for CjkTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        self.next
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .unwrap_or(&self.none)
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.next.checked_sub(1) {
            Some(i) if i < self.tokens.len() => &mut self.tokens[i],
            _ => &mut self.none,
        }
    }
}

fn tokens(text: &str, mode: Mode) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut position = 0usize;
    let push = |out: &mut Vec<Token>, from: usize, to: usize, position: usize| {
        out.push(Token {
            offset_from: from,
            offset_to: to,
            position,
            text: text[from..to].to_string(),
            position_length: 1,
        });
    };
    // (byte offset, char) of the current run, and whether it is CJK.
    let mut run: Vec<(usize, char)> = Vec::new();
    let mut run_cjk = false;
    let flush =
        |run: &mut Vec<(usize, char)>, cjk: bool, out: &mut Vec<Token>, position: &mut usize| {
            if run.is_empty() {
                return;
            }
            let end = |i: usize| run[i].0 + run[i].1.len_utf8();
            if !cjk {
                push(out, run[0].0, end(run.len() - 1), *position);
                *position += 1;
            } else if run.len() == 1 {
                push(out, run[0].0, end(0), *position);
                *position += 1;
            } else {
                for i in 0..run.len() {
                    if mode == Mode::Index {
                        push(out, run[i].0, end(i), *position + i);
                    }
                    if i + 1 < run.len() {
                        push(out, run[i].0, end(i + 1), *position + i);
                    }
                }
                *position += run.len() - 1;
            }
            run.clear();
        };
    for (i, c) in text.char_indices() {
        if !c.is_alphanumeric() {
            flush(&mut run, run_cjk, &mut out, &mut position);
            continue;
        }
        let cjk = is_cjk(c);
        if !run.is_empty() && cjk != run_cjk {
            flush(&mut run, run_cjk, &mut out, &mut position);
        }
        run_cjk = cjk;
        run.push((i, c));
    }
    flush(&mut run, run_cjk, &mut out, &mut position);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, mode: Mode) -> Vec<(String, usize)> {
        tokens(text, mode)
            .into_iter()
            .map(|t| (t.text, t.position))
            .collect()
    }

    #[test]
    fn latin_words_split_like_the_simple_tokenizer() {
        let t = texts("Hello, wörld 42!", Mode::Index);
        assert_eq!(
            t,
            vec![("Hello".into(), 0), ("wörld".into(), 1), ("42".into(), 2)]
        );
    }

    #[test]
    fn cjk_runs_become_bigrams_and_unigrams_in_the_index() {
        let t = texts("東京タワー", Mode::Query);
        let q: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(q, vec!["東京", "京タ", "タワ", "ワー"]);
        let i: Vec<String> = texts("東京タワー", Mode::Index)
            .into_iter()
            .map(|x| x.0)
            .collect();
        for w in ["東", "京", "東京", "タワ", "ワー", "ー"] {
            assert!(i.contains(&w.to_string()), "{w} missing from {i:?}");
        }
        // Bigrams keep consecutive positions (phrases of bigrams match).
        assert_eq!(t.iter().map(|x| x.1).collect::<Vec<_>>(), vec![0, 1, 2, 3]);
        // A lone character is itself in both modes.
        assert_eq!(texts("猫", Mode::Query), vec![("猫".into(), 0)]);
        // Mixed scripts split at the boundary.
        let m = texts("PeerTube動画", Mode::Query);
        assert_eq!(m, vec![("PeerTube".into(), 0), ("動画".into(), 1)]);
    }

    #[test]
    fn empty_and_symbol_only_texts_give_no_token() {
        assert!(texts("", Mode::Index).is_empty());
        assert!(texts("!!! ...", Mode::Query).is_empty());
        let mut s = CjkTokenizer(Mode::Index).token_stream("");
        assert!(!s.advance());
    }
}
