//! Drafts kept in a key-value store (the browser's local storage, or memory
//! where the browser refuses it), one key per draft.
//!
//! One key per draft means a save writes one draft only, and a corrupt
//! entry spoils nothing else: it is moved aside ("quarantined") with its raw
//! text kept for download. Every save checks the stored revision first, so
//! two tabs never overwrite each other's edits silently. The backend is a
//! small trait, so all of this is tested natively.
//!
//! Here: the keys this app keeps (`keys`); the key-value store beneath
//! (`backend`); the drafts in it (`store`) and the revision a save checks
//! (`revision`); what it keeps beside drafts (`kept`).

mod backend;
mod keys;
mod kept;
mod revision;
mod store;

pub use self::backend::{KeyValueStore, MemoryStore, StoreFault};
pub use self::keys::{
    DRAFT_PREFIX, LAST_BACKUP_KEY, QUARANTINE_PREFIX, REPLICA_KEY, STORAGE_PREFIX, TEMPLATE_PREFIX,
};
pub use self::store::{DraftStore, Quarantined, Saved, StoredDraft};

#[cfg(test)]
#[path = "../tests/draft_store.rs"]
mod tests;
