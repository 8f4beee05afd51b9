//! Cleaning of untrusted text: control characters, lengths, truncation.

/// Removes control characters (keeping newlines and tabs), bidi overrides and
/// NULs, and caps the text to `max_chars` characters.
pub fn clean(s: &str, max_chars: usize) -> String {
    s.chars()
        .filter(|c| !is_forbidden(*c))
        .take(max_chars)
        .collect::<String>()
        .trim()
        .to_string()
}

/// Like [`clean`] but also folds every run of white space into one space: for
/// names, titles and tags, which are one line.
pub fn clean_line(s: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max_chars * 4));
    let mut count = 0;
    let mut pending_space = false;
    for c in s.chars().filter(|c| !is_forbidden(*c)) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            if count + 1 >= max_chars {
                break;
            }
            out.push(' ');
            count += 1;
            pending_space = false;
        }
        if count >= max_chars {
            break;
        }
        out.push(c);
        count += 1;
    }
    out
}

fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Cuts `s` to at most `max_chars` characters on a character boundary, adding
/// an ellipsis when something was cut.
pub fn truncate(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max_chars.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Mobilizon descriptions are HTML: keeps the text only, for the index
/// and for answers (which are then plain text, never markup). Read by
/// html5ever's tokenizer (the WHATWG tokenizing rules, every named and
/// numeric character reference): block ends and `<br>` become line breaks;
/// tags, comments, scripts and styles are dropped. A streaming tokenizer
/// keeps no tree, so deep nesting costs nothing.
pub fn html_to_text(html: &str) -> String {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
    let sink = TextSink::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // Without scripts to run the tokenizer never pauses: one feed reads all.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.out.take()
}

/// Collects the text a tokenizer reads (see [`html_to_text`]).
#[derive(Default)]
struct TextSink {
    out: std::cell::RefCell<String>,
    /// Inside `<script>`, `<style>` or the like: their text is not text.
    hidden: std::cell::Cell<bool>,
}

impl html5ever::tokenizer::TokenSink for TextSink {
    type Handle = ();

    fn process_token(
        &self,
        token: html5ever::tokenizer::Token,
        _line: u64,
    ) -> html5ever::tokenizer::TokenSinkResult<()> {
        use html5ever::tokenizer::states::RawKind;
        use html5ever::tokenizer::{TagKind, Token, TokenSinkResult};
        match token {
            Token::CharacterTokens(t) if !self.hidden.get() => {
                // A no-break space is a space to a reader and to the index.
                let mut out = self.out.borrow_mut();
                out.extend(t.chars().map(|c| if c == '\u{a0}' { ' ' } else { c }));
            }
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                let start = tag.kind == TagKind::StartTag;
                // What a browser reads as raw text, never as markup.
                let raw = match name {
                    "script" => Some(RawKind::ScriptData),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
                    "textarea" | "title" => Some(RawKind::Rcdata),
                    _ => None,
                };
                if let Some(kind) = raw {
                    self.hidden.set(start && name != "textarea");
                    if start && !tag.self_closing {
                        return TokenSinkResult::RawData(kind);
                    }
                } else if matches!(
                    name,
                    "br" | "p"
                        | "div"
                        | "li"
                        | "ul"
                        | "ol"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "blockquote"
                        | "pre"
                        | "tr"
                ) {
                    self.out.borrow_mut().push('\n');
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Cleans, de-duplicates and caps tags, dropping a leading `#`.
pub fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        // Cleaned first, so that every `#` behind spaces or controls goes
        // too, and cleaning the result again changes nothing.
        let t = clean_line(t, crate::limits::MAX_TAG_CHARS * 2);
        let t = t.trim_start_matches(|c: char| c == '#' || c.is_whitespace());
        let t = clean_line(t, crate::limits::MAX_TAG_CHARS);
        if !t.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&t)) {
            out.push(t);
        }
        if out.len() == crate::limits::MAX_TAGS {
            break;
        }
    }
    out
}

/// Cleans an optional one-line text; empty is `None`.
pub fn clean_opt(s: Option<&str>, max_chars: usize) -> Option<String> {
    s.map(|s| clean_line(s, max_chars))
        .filter(|s| !s.is_empty())
}

/// Cleans an optional multi-line text (a description); empty is `None`.
pub fn clean_opt_text(s: Option<&str>, max_chars: usize) -> Option<String> {
    s.map(|s| clean(s, max_chars)).filter(|s| !s.is_empty())
}

/// Cleans a one-line text that must not end up empty (a title): the
/// document is refused, naming `field`, when it does.
pub fn required_line(
    s: &str,
    max_chars: usize,
    field: &'static str,
) -> Result<String, crate::ModelError> {
    let s = clean_line(s, max_chars);
    if s.is_empty() {
        return Err(crate::ModelError::Missing(field));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_text() {
        assert_eq!(
            html_to_text("<p>Hello <b>world</b> &amp; co</p><p>Bye&nbsp;&#233;&#x41;</p>"),
            "\nHello world & co\n\nBye éA\n"
        );
        assert_eq!(
            html_to_text("a<script>alert(1)</script>b<!-- x -->c"),
            "abc"
        );
        assert_eq!(html_to_text("1 < 2 <3 x<y"), "1 < 2 <3 x");
        assert_eq!(html_to_text("1 < 2 <3"), "1 < 2 <3");
        assert_eq!(
            html_to_text("fish & chips &bogus; <unclosed"),
            "fish & chips &bogus; "
        );
        // Out-of-range references are U+FFFD, as a browser reads them.
        assert_eq!(
            html_to_text("&#xFFFFFFFF; &#99999999999;"),
            "\u{fffd} \u{fffd}"
        );
        // Every named reference, not only the common few; entities in
        // attributes and raw text are never text.
        assert_eq!(html_to_text("&eacute;t&eacute; &hellip; &euro;"), "été … €");
        assert_eq!(
            html_to_text(
                "<a title=\"&lt;x&gt;\">link</a><style>p{}</style><textarea>&amp;</textarea>"
            ),
            "link&"
        );
        // Deep nesting is no recursion.
        let deep = "<div>".repeat(200_000) + "deep" + &"</div>".repeat(200_000);
        assert_eq!(html_to_text(&deep).trim(), "deep");
    }

    #[test]
    fn a_hash_behind_spaces_is_dropped_once_and_for_all() {
        let once = clean_tags(&[" #".into(), " \u{7}#rust".into(), " # #go".into()]);
        assert_eq!(once, vec!["rust".to_string(), "go".to_string()]);
        assert_eq!(clean_tags(&once), once);
    }

    #[test]
    fn removes_controls_and_bidi_overrides() {
        assert_eq!(clean("a\u{0}b\u{202E}c\nd", 100), "abc\nd");
        assert_eq!(clean_line("  a \n\t b  ", 100), "a b");
    }

    #[test]
    fn caps_lengths_on_char_boundaries() {
        assert_eq!(clean_line("ééééé", 3), "ééé");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }
}
