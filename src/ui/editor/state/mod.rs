//! The report being edited, as fine-grained signals and memos built from
//! the core's functions: [`form::Form`] holds them all.

pub mod header;
pub mod field;
pub mod conflict;
pub mod before;
pub mod grid_cells;
pub mod grid_before;
pub mod grid_rows;
pub mod grid;
pub mod narrative;
pub mod form;
pub mod form_report;
