//! sepiola's end-to-end tests, in one test binary (as ripgrep's
//! `tests/tests.rs` and meilisearch's `tests/` do): one module per area and
//! a shared harness. Tests that only read from a server over a committed
//! fixture share one server per fixture ([`harness::shared`],
//! [`harness::shared_mobilizon`]); tests that need their own configuration
//! or write start their own. Heavy tests (crawls over fedsim, Chromium) hold
//! [`harness::heavy`] so that no two of them run at once on a small machine.
//!
//! Filter semantics are tested at the index level
//! (crates/index/tests/filters.rs) and parameter encodings at the decoder
//! level (crates/server/tests/decode_encodings.rs); here each endpoint and
//! client gets its end-to-end check.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod harness;

mod admin;
mod api;
mod clients;
mod compat;
mod compression;
mod crawl_actors;
mod crawl_kill;
mod crawl_once;
mod crawl_serve;
mod crawl_shapes;
mod demo;
mod first_run;
mod full_disk;
mod hostile;
mod image_proxy;
mod instance_mode;
mod limits;
mod metrics;
mod mobilizon_api;
mod mobilizon_client;
mod mobilizon_crawl;
mod moderation;
mod pasted_links;
mod places_api;
mod sepia_links;
mod upgrade;
mod web;
mod web_events;
mod web_fedsim;
mod web_moderation;
