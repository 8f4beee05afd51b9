//! How much of each field a document may keep: caps applied while
//! normalising whatever an instance sends, so one hostile instance cannot
//! bloat the index or the answers.

/// Longest title kept (PeerTube allows 120; some instances allow more).
pub const MAX_NAME_CHARS: usize = 300;
/// Longest description kept for search; the API answers with 250 characters.
pub const MAX_DESCRIPTION_CHARS: usize = 10_000;
/// Description length in API answers, as the Framasoft index does by default.
pub const API_DESCRIPTION_CHARS: usize = 250;
/// Most tags kept per document.
pub const MAX_TAGS: usize = 16;
/// Longest tag kept.
pub const MAX_TAG_CHARS: usize = 64;
/// Longest URL or path kept.
pub const MAX_URL_CHARS: usize = 2_048;
/// Longest accepted actor name or display name.
pub const MAX_ACTOR_NAME_CHARS: usize = 120;
