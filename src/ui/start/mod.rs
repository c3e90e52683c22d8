//! The first screen: the drafts in this browser, backups, and new reports
//! from the templates.

pub mod backup_panel;
pub mod draft_list;
pub mod edition;
pub mod edition_panel;
pub mod start_screen;
pub mod template_workbook;
pub mod template_origin;
