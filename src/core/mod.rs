//! The domain core: templates, the report model, numbers, rules and totals.
//!
//! Pure Rust, compiled and tested natively with `cargo test`. It must never
//! touch the DOM or any browser API, and never panic on user input or
//! stored data.
//!
//! Layered without cycles: each module uses only those listed before it.
//! `tests/layers.rs` reads every use and path of the core's files and fails
//! on an edge that points upwards or sideways.

// JSON, text, numbers and dates; the field-level history of a draft.
pub mod json_text;
pub mod json_write;
pub mod json_read;
pub mod key_map;
pub mod history;
pub mod key_set;
pub mod number;
pub mod doc_date;
pub mod period;
pub mod levels;
pub mod position;
pub mod vn_text;
pub mod unit_name;
// A workbook as its cells' text (the .xlsx reader's output).
pub mod sheet;
pub mod xlsx_read;
// Where the app is: the URL hash of a screen.
pub mod route;
// Messages and the comparison behind rules and identities.
pub mod issue;
pub mod previous;
pub mod rules;
pub mod target;
// The template schema and its loader.
pub mod value;
pub mod grid;
pub mod loading;
pub mod grid_file;
pub mod outline;
pub mod paste;
pub mod template;
pub mod catalog;
pub mod template_file;
// The templates kept beside drafts, and which of two with one id is used.
pub mod kept_template;
pub mod shelf;
// The report and its one evaluation.
pub mod figures;
pub mod hand_figures;
pub mod header;
pub mod narrative_period;
pub mod narrative;
pub mod preflight;
pub mod summary;
pub mod report;
pub mod carry;
pub mod draft_fields;
pub mod eval;
pub mod migration;
pub mod report_check;
// Drafts: envelope, copies that meet, checks on import, storage.
pub mod draft;
pub mod copies;
pub mod draft_store;
pub mod elsewhere;
pub mod backup;
pub mod predecessor;
pub mod session;
// What is made from reports.
pub mod export;
pub mod summarise;
pub mod rollup_kinds;
pub mod rollup;
// A template as a spreadsheet workbook and back.
pub mod template_book;
// The province's one-file edition: the app and the templates it chose.
pub mod edition;
