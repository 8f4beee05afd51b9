//! What a lookup can refuse.

/// Why a place lookup was refused (the caller's input, never the data).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PlaceError {
    /// Nothing is left of the name once accents, case and punctuation
    /// are folded away.
    #[error("the place name is empty")]
    EmptyQuery,
    /// The name is longer than any place name the gazetteer holds.
    #[error("the place name is longer than {max} characters")]
    QueryTooLong {
        /// The longest accepted, in characters.
        max: usize,
    },
    /// A coordinate is not a finite number in range.
    #[error("the point ({lat}, {lon}) is not on the map")]
    BadPoint {
        /// The latitude given.
        lat: f64,
        /// The longitude given.
        lon: f64,
    },
}
