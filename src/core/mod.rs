//! The domain core: templates, the report model, numbers, rules and totals.
//!
//! Pure Rust, compiled and tested natively with `cargo test`. It must never
//! touch the DOM or any browser API, and never panic on user input or
//! stored data.
//!
//! Layered without cycles: each module uses only those listed before it.
//! `tests/layers.rs` reads the `use super::…` lines and fails on an edge
//! that points upwards.

// Text and numbers; the files' JSON.
pub mod json_write;
pub mod json_read;
pub mod key_map;
pub mod key_set;
pub mod position;
pub mod history;
pub mod number;
pub mod period;
pub mod vn_text;
pub mod unit_name;
pub mod json_text;
// Where the app is: the URL hash of a screen.
pub mod route;
// Messages and the comparison behind rules and identities.
pub mod issue;
pub mod previous;
// The template schema and its loader.
pub mod value;
pub mod rules;
pub mod target;
pub mod loading;
pub mod grid;
pub mod paste;
pub mod grid_file;
pub mod outline;
pub mod template;
pub mod template_file;
pub mod catalog;
// The report and its one evaluation.
pub mod summary;
pub mod header;
pub mod report;
pub mod report_check;
pub mod draft_fields;
pub mod narrative_period;
pub mod hand_figures;
pub mod narrative;
pub mod migration;
pub mod carry;
pub mod eval;
pub mod preflight;
// Drafts: envelope, checks on import, storage.
pub mod draft;
pub mod copies;
pub mod predecessor;
pub mod draft_store;
pub mod backup;
pub mod session;
// What is made from reports.
pub mod rollup;
pub mod export;
