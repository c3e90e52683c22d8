//! The editor of one report: its reactive state ([`state`], built from the
//! core's functions) and the views of its parts, from the header to the
//! export bar. Views use the state; the state never uses a view.

pub mod state;
pub mod autosave;
pub mod conflict;
pub mod issue_summary;
pub mod completion_meter;
pub mod stale;
pub mod save_status;
pub mod copy_for_colleague;
pub mod date_field;
pub mod report_header;
pub mod signature_block;
pub mod compare_with;
pub mod annex_keys;
pub mod value_input;
pub mod indicator_table;
pub mod grid_cells;
pub mod carry_bar;
pub mod grid_table;
pub mod figure_picker;
pub mod narrative_editor;
pub mod commune_summary;
pub mod export_bar;
pub mod report_editor;
