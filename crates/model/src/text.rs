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
/// and for answers (which are then plain text, never markup). Block ends
/// and `<br>` become line breaks; the common entities are decoded; tags,
/// comments, scripts and styles are dropped.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('&') {
            let end = rest.bytes().take(12).position(|b| b == b';');
            let decoded = end.and_then(|e| entity(&rest[1..e]));
            match (end, decoded) {
                (Some(e), Some(c)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                _ => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        // As in HTML, `<` starts a tag only before a letter, `/` or `!`:
        // "a < b" is text (and stays text when exported and imported again).
        if !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
            out.push('<');
            rest = &rest[1..];
            continue;
        }
        let lower: String = rest
            .chars()
            .take(10)
            .collect::<String>()
            .to_ascii_lowercase();
        let skip_to = if lower.starts_with("<!--") {
            rest.find("-->").map(|e| e + 3)
        } else if lower.starts_with("<script") || lower.starts_with("<style") {
            let close = if lower.starts_with("<script") {
                "</script"
            } else {
                "</style"
            };
            rest.to_ascii_lowercase()
                .find(close)
                .and_then(|e| rest[e..].find('>').map(|g| e + g + 1))
        } else {
            rest.find('>').map(|e| e + 1)
        };
        let Some(end) = skip_to else {
            // An unclosed tag: the rest is not text.
            rest = "";
            break;
        };
        let tag = rest[..end].to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if matches!(
            name.as_str(),
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
            out.push('\n');
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "#39" => '\'',
        "nbsp" => ' ',
        n if n.starts_with("#x") || n.starts_with("#X") => {
            char::from_u32(u32::from_str_radix(&n[2..], 16).ok()?)?
        }
        n if n.starts_with('#') => char::from_u32(n[1..].parse().ok()?)?,
        _ => return None,
    })
}

/// Cleans, de-duplicates and caps tags, dropping a leading `#`.
pub fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        let t = clean_line(t.trim_start_matches('#'), crate::limits::MAX_TAG_CHARS);
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
        assert_eq!(
            html_to_text("&#xFFFFFFFF; &#99999999999;"),
            "&#xFFFFFFFF; &#99999999999;"
        );
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
