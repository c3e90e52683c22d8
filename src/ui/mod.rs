//! Thin Leptos components. They ask the core (through [`form_state::Form`])
//! and the browser adapters; they never evaluate rules or touch storage
//! themselves.

pub mod app;
pub mod completion_meter;
pub mod form_state;
pub mod indicator_table;
pub mod issue_summary;
pub mod report_editor;
pub mod report_header;
pub mod signature_block;
pub mod start_screen;

use std::sync::Arc;

/// The form being edited, shared with every component of the editor.
pub type FormContext = Arc<form_state::Form>;
