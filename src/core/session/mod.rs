//! The session: the one owner of the stored drafts, and every operation on
//! them (open, create, save, save over, rename, copy to the next period,
//! delete and undo, import, template migration, the two-tab conflict,
//! backup and restore).
//!
//! Components ask the session and show the typed outcome it returns, with
//! its message already worded; they never reach the store. Each list
//! action starts from what is stored now, never from a list drawn earlier.
//! Generic over the key-value store, so all of it is tested natively with
//! a store that fails on demand.
//!
//! Here: the session, its list actions and storage writes, and opening a
//! stored draft (`drafts`); a draft's file imported or merged in, and a
//! report before opened from a file (`import`); the backup file and its
//! restore (`restore`); the templates kept beside the drafts (`templates`).

mod drafts;
mod import;
mod restore;
mod templates;

pub use self::drafts::{adopt, Listing, Session, GONE};
pub use self::import::{file_merge, merge_summary, FileMerge, Import};
pub use self::templates::KeptList;

#[cfg(test)]
#[path = "../tests/session.rs"]
mod tests;

#[cfg(test)]
#[path = "../tests/kept_templates.rs"]
mod kept_tests;
