//! The active filters as chips above the results: each a plain link that
//! drops that one filter and keeps the query and the others, and a link
//! that drops them all. On a phone they stand in for the filter panel,
//! which then sits after the results (issue 14).
//!
//! Chips are read off the filter fields the page shows (each field knows
//! its label and its selected value), so a new filter gets its chip by
//! being a field; how a filter leaves the URL is [`SearchForm::without`].

use super::form::SearchForm;
use super::i18n::{Arg, Lang};

/// One filter in effect, as its field shows it.
pub(super) struct Active {
    /// The URL parameter.
    pub name: &'static str,
    /// The field's label ("Language").
    pub filter: String,
    /// The value's label ("French").
    pub value: String,
}

/// One chip: what it says and where it leads.
pub(super) struct Chip {
    /// "Language: French".
    pub text: String,
    /// The same search without that filter.
    pub href: String,
}

/// The chips of a results page, and the "clear all" link when two or more.
pub(super) struct Chips {
    /// One per filter in effect, in the panel's order.
    pub items: Vec<Chip>,
    /// "Remove filter:", said before each chip's text to screen readers
    /// only (in the link's text rather than an `aria-label`, so that the
    /// chip is not a second element labelled "Language").
    pub remove: String,
    /// The same search without any of them (sort, tab and text kept).
    pub clear_href: Option<String>,
}

/// The chips for the filters `active` in `form` (links in page language `lang`).
pub(super) fn chips(l: &Lang, form: &SearchForm, active: &[Active], lang: Option<&str>) -> Chips {
    let tab = form.tab();
    let link = |f: &SearchForm| format!("/search?{}", f.query_string(tab, 1, lang));
    let items = active
        .iter()
        .map(|a| {
            let text = l.ta(
                "chip-text",
                &[
                    ("filter", Arg::Text(a.filter.clone())),
                    ("value", Arg::Text(a.value.clone())),
                ],
            );
            Chip {
                text,
                href: link(&form.without(a.name)),
            }
        })
        .collect();
    let clear_href = (active.len() >= 2).then(|| {
        let none = active.iter().fold(form.clone(), |f, a| f.without(a.name));
        link(&none)
    });
    Chips {
        items,
        remove: l.t("chip-remove"),
        clear_href,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn active(name: &'static str, filter: &str, value: &str) -> Active {
        Active {
            name,
            filter: filter.into(),
            value: value.into(),
        }
    }

    #[test]
    fn each_chip_drops_its_filter_and_clear_all_drops_them_all() {
        let l = Lang::english();
        let form = SearchForm::parse("search=jazz&sort=views&language=fr&duration=long&page=2");
        let on = [
            active("duration", "Duration", "Long"),
            active("language", "Language", "French"),
        ];
        let c = chips(&l, &form, &on, None);
        assert_eq!(c.items.len(), 2);
        assert_eq!(c.items[0].text, "Duration: Long");
        assert_eq!(c.remove, "Remove filter:");
        assert_eq!(
            c.items[0].href,
            "/search?search=jazz&sort=views&language=fr"
        );
        assert_eq!(
            c.items[1].href,
            "/search?search=jazz&sort=views&duration=long"
        );
        assert_eq!(
            c.clear_href.as_deref(),
            Some("/search?search=jazz&sort=views")
        );
        let one = chips(&l, &form, &on[..1], Some("fr"));
        assert_eq!(one.clear_href, None, "no clear-all for one chip");
        assert!(
            one.items[0].href.ends_with("&lang=fr"),
            "{}",
            one.items[0].href
        );
    }
}
