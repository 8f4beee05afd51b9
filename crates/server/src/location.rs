//! Where a request parameter came from (query string or body), which
//! PeerTube's error format names beside the parameter.

/// Where a parameter came from, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// The URL's query string.
    Query,
    /// The request body.
    Body,
}

impl Location {
    /// The name PeerTube's error format uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Location::Query => "query",
            Location::Body => "body",
        }
    }
}
