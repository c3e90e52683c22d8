//! The keys this app keeps in the browser's storage.

/// Every key this app keeps in the browser starts so.
pub const STORAGE_PREFIX: &str = "bieumau.v1.";
pub const DRAFT_PREFIX: &str = "bieumau.v1.draft.";
pub const QUARANTINE_PREFIX: &str = "bieumau.v1.quarantine.";
pub const TEMPLATE_PREFIX: &str = "bieumau.v1.template.";
/// This browser's id in drafts' histories (`core::history`).
pub const REPLICA_KEY: &str = "bieumau.v1.replica";
/// When every draft was last downloaded as one backup file (ms).
pub const LAST_BACKUP_KEY: &str = "bieumau.v1.last-backup";
/// A hint the clerk closed, by name (`bieumau.v1.hint.keys`): it stays closed.
pub const HINT_PREFIX: &str = "bieumau.v1.hint.";
