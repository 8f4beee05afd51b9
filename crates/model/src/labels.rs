//! `{id, label}` pairs and PeerTube's label tables.
//!
//! PeerTube's web client re-translates `label`, so every such object must
//! carry one. Categories, licences and privacies get PeerTube's English
//! labels whatever an instance sent; languages keep the instance's label
//! (it may name a region: "Spanish (Spain)") and get ours when it sent none.

use serde::{Deserialize, Serialize};

/// An `{id, label}` pair with a numeric id (category, licence, privacy, type).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct NumericLabel {
    /// The id, or null when the instance gave none.
    #[serde(default)]
    pub id: Option<u32>,
    /// Human-readable English label.
    #[serde(default)]
    pub label: String,
}

/// An `{id, label}` pair with a text id (language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Label {
    /// The id (a language code), or null when unknown.
    #[serde(default)]
    pub id: Option<String>,
    /// Human-readable English label.
    #[serde(default)]
    pub label: String,
}

/// PeerTube's video categories (ids 1–18).
pub const CATEGORIES: [(u32, &str); 18] = [
    (1, "Music"),
    (2, "Films"),
    (3, "Vehicles"),
    (4, "Art"),
    (5, "Sports"),
    (6, "Travels"),
    (7, "Gaming"),
    (8, "People"),
    (9, "Comedy"),
    (10, "Entertainment"),
    (11, "News & Politics"),
    (12, "How To"),
    (13, "Education"),
    (14, "Activism"),
    (15, "Science & Technology"),
    (16, "Animals"),
    (17, "Kids"),
    (18, "Food"),
];

/// PeerTube's video licences (ids 1–7).
pub const LICENCES: [(u32, &str); 7] = [
    (1, "Attribution"),
    (2, "Attribution - Share Alike"),
    (3, "Attribution - No Derivatives"),
    (4, "Attribution - Non Commercial"),
    (5, "Attribution - Non Commercial - Share Alike"),
    (6, "Attribution - Non Commercial - No Derivatives"),
    (7, "Public Domain Dedication"),
];

/// Video and playlist privacy levels.
pub const PRIVACIES: [(u32, &str); 5] = [
    (1, "Public"),
    (2, "Unlisted"),
    (3, "Private"),
    (4, "Internal"),
    (5, "Password protected"),
];

/// Playlist types.
pub const PLAYLIST_TYPES: [(u32, &str); 2] = [(1, "Regular"), (2, "Watch later")];

/// Language codes PeerTube content commonly uses, with English names.
pub const LANGUAGES: [(&str, &str); 48] = [
    ("ar", "Arabic"),
    ("bg", "Bulgarian"),
    ("br", "Breton"),
    ("ca", "Catalan"),
    ("cs", "Czech"),
    ("cy", "Welsh"),
    ("da", "Danish"),
    ("de", "German"),
    ("el", "Greek"),
    ("en", "English"),
    ("eo", "Esperanto"),
    ("es", "Spanish"),
    ("et", "Estonian"),
    ("eu", "Basque"),
    ("fa", "Persian"),
    ("fi", "Finnish"),
    ("fr", "French"),
    ("ga", "Irish"),
    ("gd", "Gaelic"),
    ("gl", "Galician"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("hr", "Croatian"),
    ("hu", "Hungarian"),
    ("id", "Indonesian"),
    ("is", "Icelandic"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("lt", "Lithuanian"),
    ("lv", "Latvian"),
    ("nb", "Norwegian Bokmål"),
    ("nl", "Dutch"),
    ("no", "Norwegian"),
    ("oc", "Occitan"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ro", "Romanian"),
    ("ru", "Russian"),
    ("sk", "Slovak"),
    ("sl", "Slovenian"),
    ("sr", "Serbian"),
    ("sv", "Swedish"),
    ("ta", "Tamil"),
    ("th", "Thai"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("zh", "Chinese"),
];

/// Every category id PeerTube defines, in table order: what a category
/// filter may offer and accept, so no caller writes its own `1..=18`.
pub fn category_ids() -> impl Iterator<Item = u32> {
    CATEGORIES.iter().map(|(id, _)| *id)
}

/// Every licence id PeerTube defines, in table order: what a licence
/// filter may offer and accept, so no caller writes its own `1..=7`.
pub fn licence_ids() -> impl Iterator<Item = u32> {
    LICENCES.iter().map(|(id, _)| *id)
}

fn lookup(table: &[(u32, &'static str)], id: u32) -> Option<&'static str> {
    table.iter().find(|(i, _)| *i == id).map(|(_, l)| *l)
}

/// The label object for a category id (unknown ids keep their id, label "Unknown").
pub fn category(id: Option<u32>) -> NumericLabel {
    numeric(&CATEGORIES, id, "Unknown")
}

/// The label object for a licence id.
pub fn licence(id: Option<u32>) -> NumericLabel {
    numeric(&LICENCES, id, "Unknown")
}

/// The label object for a privacy id.
pub fn privacy(id: u32) -> NumericLabel {
    numeric(&PRIVACIES, Some(id), "Unknown")
}

/// The label object for a playlist type id.
pub fn playlist_type(id: u32) -> NumericLabel {
    numeric(&PLAYLIST_TYPES, Some(id), "Unknown")
}

fn numeric(table: &[(u32, &'static str)], id: Option<u32>, unknown: &str) -> NumericLabel {
    let label = id.and_then(|i| lookup(table, i)).unwrap_or(unknown);
    NumericLabel {
        id,
        label: label.to_string(),
    }
}

/// The English name of a language code, if we know it.
pub fn language_name(code: &str) -> Option<&'static str> {
    LANGUAGES.iter().find(|(c, _)| *c == code).map(|(_, l)| *l)
}

/// The label object for a language code (`None` → `{id: null, label: "Unknown"}`).
pub fn language(code: Option<&str>) -> Label {
    match code {
        Some(c) => Label {
            id: Some(c.to_string()),
            label: language_name(c).unwrap_or(c).to_string(),
        },
        None => Label {
            id: None,
            label: "Unknown".to_string(),
        },
    }
}

/// The label object for a language code with the label the instance sent
/// ("Spanish (Spain)" stays so; PeerTube's client re-translates it), or
/// ours when it sent none (or no code at all).
pub fn language_as_sent(code: Option<&str>, sent: &str) -> Label {
    let mut l = language(code);
    let sent = crate::text::clean_line(sent, MAX_LABEL_CHARS);
    if l.id.is_some() && !sent.is_empty() {
        l.label = sent;
    }
    l
}

/// Longest label kept from an instance.
pub const MAX_LABEL_CHARS: usize = 100;

/// Normalises a language code as sent by an instance or a client:
/// lower-case, primary subtag only, letters only, at most 8 letters.
pub fn normalize_language_code(code: &str) -> Option<String> {
    let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    if primary.is_empty() || primary.len() > 8 || !primary.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    Some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_come_from_the_tables() {
        assert_eq!(category(Some(15)).label, "Science & Technology");
        assert_eq!(category(Some(99)).label, "Unknown");
        assert_eq!(category(None).id, None);
        assert_eq!(licence(Some(2)).label, "Attribution - Share Alike");
        assert_eq!(language(Some("fr")).label, "French");
        assert_eq!(language(None).label, "Unknown");
        assert_eq!(
            language_as_sent(Some("es"), "Spanish (Spain)").label,
            "Spanish (Spain)"
        );
        assert_eq!(language_as_sent(Some("es"), " ").label, "Spanish");
        assert_eq!(language_as_sent(None, "Klingon").label, "Unknown");
        assert!(category_ids().eq(1..=18));
        assert!(licence_ids().eq(1..=7));
    }

    #[test]
    fn language_codes_are_normalised() {
        assert_eq!(normalize_language_code("fr-CA").as_deref(), Some("fr"));
        assert_eq!(normalize_language_code("EN").as_deref(), Some("en"));
        assert_eq!(normalize_language_code("<b>"), None);
        assert_eq!(normalize_language_code(""), None);
    }
}
