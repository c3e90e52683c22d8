//! What the store keeps beside drafts: templates loaded at run time, and
//! when every draft was last backed up.

use super::backend::{KeyValueStore, StoreFault};
use super::keys::{HINT_PREFIX, LAST_BACKUP_KEY, TEMPLATE_PREFIX};
use super::store::DraftStore;

impl<S: KeyValueStore> DraftStore<S> {
    /// Templates loaded at run time, kept so their drafts reopen: `stored`
    /// is the entry's text (`core::kept_template`).
    pub fn save_template(&self, id: &str, stored: &str) -> Result<(), StoreFault> {
        self.backend.set(&format!("{TEMPLATE_PREFIX}{id}"), stored)
    }

    pub fn remove_template(&self, id: &str) -> Result<(), StoreFault> {
        self.backend.remove(&format!("{TEMPLATE_PREFIX}{id}"))
    }

    /// Kept as whole milliseconds: an integer's text needs none of the
    /// float formatting and parsing code in the wasm.
    pub fn last_backup(&self) -> Option<f64> {
        self.backend
            .get(LAST_BACKUP_KEY)
            .ok()
            .flatten()?
            .trim()
            .parse::<u64>()
            .ok()
            .map(|ms| ms as f64)
    }

    pub fn set_last_backup(&self, at: f64) -> Result<(), StoreFault> {
        self.backend
            .set(LAST_BACKUP_KEY, &(at.max(0.0) as u64).to_string())
    }

    /// Whether the clerk closed the hint `name`; a store that cannot be
    /// read shows it again, which is harmless.
    pub fn hint_closed(&self, name: &str) -> bool {
        matches!(
            self.backend.get(&format!("{HINT_PREFIX}{name}")),
            Ok(Some(_))
        )
    }

    pub fn close_hint(&self, name: &str) -> Result<(), StoreFault> {
        self.backend.set(&format!("{HINT_PREFIX}{name}"), "1")
    }

    /// Every kept template's entry: its id (from the key) and its text.
    pub fn templates(&self) -> Result<Vec<(String, String)>, StoreFault> {
        let mut out = Vec::new();
        for key in self.backend.keys()? {
            let Some(id) = key.strip_prefix(TEMPLATE_PREFIX) else {
                continue;
            };
            if let Some(raw) = self.backend.get(&key)? {
                out.push((id.to_string(), raw));
            }
        }
        Ok(out)
    }
}
