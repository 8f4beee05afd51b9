//! fedsim: a simulated PeerTube and Mobilizon federation on loopback, for sepiola's crawler tests, benchmarks
//! and demos. Many PeerTube 6.x instances with deterministic multilingual content, a
//! joinpeertube-style instance list, hostile instances on demand, a decoy that must never be
//! contacted, Mobilizon instances answering GraphQL ([`mobilizon`]) with an
//! instances.joinmobilizon.org-style list, and a control API (see README.md).

pub mod content;
pub mod control;
pub mod corpus;
pub mod directory;
pub mod error;
pub mod hostile;
pub mod images;
pub mod launch;
pub mod listener;
pub mod mobilizon;
pub mod mobilizon_corpus;
pub mod peertube_api;
pub mod render;
pub mod request_log;
pub mod short_uuid;
pub mod sim;
pub mod version;
pub mod vocabulary;
pub mod words;

pub use error::FedsimError;
pub use hostile::HostileKind;
pub use launch::{Running, start};
pub use sim::{SimConfig, StartupInfo};
pub use version::{PeerTubeVersion, VersionMix};
