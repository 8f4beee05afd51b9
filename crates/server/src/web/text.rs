//! Turning untrusted document text into what a result card shows: plain
//! text snippets (Markdown rendered to text, never to HTML) with the query's
//! words marked. Escaping is the template engine's job.

use pulldown_cmark::{Event, Parser, TagEnd};
use sepiola_index::{Analysis, MatchedForms};

/// A piece of a snippet: text, marked when it matches the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text (escaped by the template).
    pub text: String,
    /// Whether it is one of the query's words.
    pub hit: bool,
}

/// Plain text of a Markdown description, white space folded, cut to `max` chars.
pub fn markdown_to_text(md: &str, max: usize) -> String {
    let mut out = String::new();
    for ev in Parser::new(md) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Item)
            | Event::End(TagEnd::Heading(_)) => out.push(' '),
            _ => {}
        }
        if out.len() > max * 4 {
            break;
        }
    }
    let folded = out.split_whitespace().collect::<Vec<_>>().join(" ");
    sepiola_model::text::truncate(&folded, max)
}

/// What to mark: every word of a text the query matched, in any of the
/// forms the search matches (as typed, a stem, a typo, the start of a
/// longer word for the last one: [`MatchedForms`]).
#[derive(Debug, Clone, Default)]
pub struct Highlighter {
    forms: MatchedForms,
}

impl Highlighter {
    /// Prepares the query's words.
    pub fn new(analysis: &Analysis, query: &str) -> Highlighter {
        Highlighter {
            forms: MatchedForms::new(analysis, query),
        }
    }

    /// Splits `text`, of a document in `language`, into marked and
    /// unmarked segments.
    pub fn segments(
        &self,
        analysis: &Analysis,
        text: &str,
        language: Option<&str>,
    ) -> Vec<Segment> {
        let mut out: Vec<Segment> = Vec::new();
        let mut push = |s: &str, hit: bool| match out.last_mut() {
            Some(last) if last.hit == hit => last.text.push_str(s),
            _ => out.push(Segment {
                text: s.to_string(),
                hit,
            }),
        };
        if self.forms.is_empty() {
            push(text, false);
            return out;
        }
        let mut start = 0;
        let mut in_word = false;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let alnum = c.is_alphanumeric() && i < text.len();
            if alnum && !in_word {
                push(&text[start..i], false);
                start = i;
                in_word = true;
            } else if !alnum && in_word {
                let word = &text[start..i];
                push(word, self.forms.matches(analysis, word, language));
                start = i;
                in_word = false;
            }
        }
        if start < text.len() {
            push(&text[start..], false);
        }
        out.retain(|s| !s.text.is_empty());
        out
    }
}

/// `1:02:03` or `4:05`.
pub fn duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, (secs / 60) % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_plain_text() {
        let t = markdown_to_text(
            "# Title\n\nSome *bold* <script>alert(1)</script> [link](http://x)",
            200,
        );
        assert!(t.starts_with("Title Some bold"), "{t}");
        assert!(t.contains("link"));
        assert!(!t.contains('*') && !t.contains("http://x"));
        assert_eq!(
            markdown_to_text(&"word ".repeat(100), 20).chars().count(),
            20
        );
    }

    #[test]
    fn query_words_are_marked_whatever_their_case_and_accents() {
        let a = Analysis::new();
        let h = Highlighter::new(&a, "ecole kub");
        let segs = h.segments(&a, "L'École de Kubernetes, école!", Some("fr"));
        let hits: Vec<&str> = segs
            .iter()
            .filter(|s| s.hit)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(hits, vec!["École", "Kubernetes", "école"]);
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, "L'École de Kubernetes, école!");
    }

    /// Issue 14: the snippet marks every form the search matched, not only
    /// the word as typed.
    #[test]
    fn stems_typos_and_prefixes_are_marked_too() {
        let a = Analysis::new();
        let hits = |query: &str, text: &str, language: Option<&str>| -> Vec<String> {
            Highlighter::new(&a, query)
                .segments(&a, text, language)
                .into_iter()
                .filter(|s| s.hit)
                .map(|s| s.text)
                .collect()
        };
        assert_eq!(
            hits(
                "sécurité",
                "Les sécurités de la maison, la sécurité.",
                Some("fr")
            ),
            ["sécurités", "sécurité"]
        );
        assert_eq!(
            hits("chevaux", "Un cheval blanc et des chevaux.", Some("fr")),
            ["cheval", "chevaux"]
        );
        assert_eq!(
            hits(
                "running shoes",
                "She runs. Running shoe reviews.",
                Some("en")
            ),
            ["runs", "Running", "shoe"]
        );
        assert_eq!(
            hits("tutorail", "A short tutorial, no tutor.", Some("en")),
            ["tutorial"]
        );
        assert_eq!(
            hits("gard", "The gardens of Kew, a guard.", Some("en")),
            ["gardens"]
        );
        // a complete last word (a space after it) is no prefix
        assert!(hits("kubern ", "Kubernetes", None).is_empty());
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(65), "1:05");
        assert_eq!(duration(3725), "1:02:05");
        assert_eq!(duration(0), "0:00");
    }
}
