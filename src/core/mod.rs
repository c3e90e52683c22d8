//! The domain core: templates, the report model, numbers, rules and totals.
//!
//! Pure Rust, compiled and tested natively with `cargo test`. It must never
//! touch the DOM or any browser API, and never panic on user input or
//! stored data.

pub mod catalog;
pub mod number;
pub mod period;
pub mod report;
pub mod rules;
pub mod template;
pub mod value;
pub mod draft;
pub mod draft_store;
pub mod export;
pub mod grid;
pub mod rollup;
pub mod vn_text;
