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

#[cfg(test)]
mod tests {
    use super::*;

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
