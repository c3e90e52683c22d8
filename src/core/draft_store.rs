//! Drafts kept in a key-value store (the browser's local storage, or memory
//! where the browser refuses it), one key per draft.
//!
//! One key per draft means a save writes one draft only, and a corrupt
//! entry spoils nothing else: it is moved aside ("quarantined") with its raw
//! text kept for download. Every save checks the stored revision first, so
//! two tabs never overwrite each other's edits silently. The backend is a
//! small trait, so all of this is tested natively.

use std::cell::RefCell;

use super::json_read::{self, json_struct};
use super::key_map::KeyMap;

use super::copies::{self, Merged};
use super::draft::Draft;

/// Every key this app keeps in the browser starts so.
pub const STORAGE_PREFIX: &str = "bieumau.v1.";
pub const DRAFT_PREFIX: &str = "bieumau.v1.draft.";
pub const QUARANTINE_PREFIX: &str = "bieumau.v1.quarantine.";
pub const TEMPLATE_PREFIX: &str = "bieumau.v1.template.";
/// This browser's id in drafts' histories (`core::history`).
pub const REPLICA_KEY: &str = "bieumau.v1.replica";
/// When every draft was last downloaded as one backup file (ms).
pub const LAST_BACKUP_KEY: &str = "bieumau.v1.last-backup";

/// Why the store refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreFault {
    /// No storage at all: private mode, disabled, or `file://`.
    Unavailable,
    /// The quota is used up.
    Full,
    Other(String),
}

impl std::fmt::Display for StoreFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreFault::Unavailable => f.write_str("trình duyệt không cho phép lưu dữ liệu"),
            StoreFault::Full => f.write_str("bộ nhớ lưu trữ của trình duyệt đã đầy"),
            StoreFault::Other(e) => write!(f, "lỗi khi lưu: {e}"),
        }
    }
}

pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreFault>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreFault>;
    fn remove(&self, key: &str) -> Result<(), StoreFault>;
    fn keys(&self) -> Result<Vec<String>, StoreFault>;
    /// At most the first `chars` characters of a value (a store in the
    /// browser reads them without copying a large value whole).
    fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, StoreFault> {
        Ok(self.get(key)?.map(|mut text| {
            if let Some((at, _)) = text.char_indices().nth(chars) {
                text.truncate(at);
            }
            text
        }))
    }
}

/// A store in memory, used where the browser refuses storage, and in tests.
/// An optional quota (in bytes of keys and values) imitates a full storage.
#[derive(Default)]
pub struct MemoryStore {
    entries: RefCell<KeyMap<String>>,
    pub quota: Option<usize>,
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreFault> {
        Ok(self.entries.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreFault> {
        if let Some(quota) = self.quota {
            let used: usize = self
                .entries
                .borrow()
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if used + key.len() + value.len() > quota {
                return Err(StoreFault::Full);
            }
        }
        self.entries
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreFault> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreFault> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

/// A stored entry that could not be read, kept raw for the clerk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    pub key: String,
    pub raw: String,
    pub reason: String,
}

/// One saved draft in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDraft {
    pub draft: Draft,
    pub bytes: usize,
}

/// What a save did.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The revision stored now.
    pub revision: u64,
    /// Another copy was stored since this one was read (another tab): it
    /// was merged in, and this is what is stored now.
    pub merged: Option<Box<Merged>>,
}

/// How much of a stored draft [`DraftStore::stored_revision`] reads first.
const REVISION_PROBE_CHARS: usize = 1024;

/// The top-level `"revision"` of a stored envelope, from its first
/// characters: the key before `"report"` (a raw `"` always delimits a JSON
/// string, so the key cannot be text inside the name).
fn revision_in_head(head: &str) -> Option<u64> {
    let report = head.find("\"report\":").unwrap_or(head.len());
    let at = head[..report].find("\"revision\":")? + "\"revision\":".len();
    let digits: &str = head[at..].trim_start();
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    // The number must end inside the head, or it may be cut short.
    if end == 0 || end == digits.len() {
        return None;
    }
    digits[..end].parse().ok()
}

json_struct! {
    struct RevisionProbe {
        revision: u64 = default,
    }
}

pub struct DraftStore<S> {
    pub backend: S,
}

impl<S: KeyValueStore> DraftStore<S> {
    pub fn new(backend: S) -> Self {
        DraftStore { backend }
    }

    fn key(id: &str) -> String {
        format!("{DRAFT_PREFIX}{id}")
    }

    /// Every readable draft, newest first, and every unreadable entry, which
    /// is moved aside so that it never stands in the way again.
    pub fn list(&self) -> Result<(Vec<StoredDraft>, Vec<Quarantined>), StoreFault> {
        let mut drafts = Vec::new();
        for key in self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(DRAFT_PREFIX))
        {
            let Some(raw) = self.backend.get(&key)? else {
                continue;
            };
            match Draft::from_json(&raw) {
                Ok(draft) if key == Self::key(&draft.id) => {
                    // Newest first, kept in order as read (no sort: one copy less of it in the wasm).
                    let at = drafts.partition_point(|d: &StoredDraft| {
                        d.draft.updated_at.total_cmp(&draft.updated_at).is_ge()
                    });
                    drafts.insert(
                        at,
                        StoredDraft {
                            draft,
                            bytes: key.len() + raw.len(),
                        },
                    );
                }
                Ok(_) => self.quarantine(&key, &raw),
                Err(_) => self.quarantine(&key, &raw),
            }
        }
        Ok((drafts, self.quarantined()?))
    }

    /// Moves an unreadable entry aside. If the store is too full to copy it,
    /// it stays where it is and is still reported, raw, by `quarantined`.
    fn quarantine(&self, key: &str, raw: &str) {
        let id = key.trim_start_matches(DRAFT_PREFIX);
        let target = format!("{QUARANTINE_PREFIX}{id}");
        if self.backend.set(&target, raw).is_ok() {
            let _ = self.backend.remove(key);
        }
    }

    pub fn quarantined(&self) -> Result<Vec<Quarantined>, StoreFault> {
        let mut out = Vec::new();
        for key in self.backend.keys()? {
            let in_place = key.starts_with(DRAFT_PREFIX);
            if !(key.starts_with(QUARANTINE_PREFIX) || in_place) {
                continue;
            }
            let Some(raw) = self.backend.get(&key)? else {
                continue;
            };
            let reason = match Draft::from_json(&raw) {
                Ok(draft) if in_place && key == Self::key(&draft.id) => continue,
                Ok(_) => "mã bản nháp không khớp với khóa lưu trữ".to_string(),
                Err(e) => e.to_string(),
            };
            out.push(Quarantined { key, raw, reason });
        }
        Ok(out)
    }

    pub fn discard_quarantined(&self, key: &str) -> Result<(), StoreFault> {
        self.backend.remove(key)
    }

    pub fn load(&self, id: &str) -> Result<Option<Draft>, StoreFault> {
        Ok(self
            .backend
            .get(&Self::key(id))?
            .and_then(|raw| Draft::from_json(&raw).ok()))
    }

    /// The revision stored now, if the draft is stored and readable.
    ///
    /// A save checks this every time, so it must not read and parse a large
    /// draft whole: the envelope is written with `revision` before the
    /// report, and the first characters of the stored text are enough. Text
    /// written otherwise is parsed in full.
    pub fn stored_revision(&self, id: &str) -> Result<Option<u64>, StoreFault> {
        let key = Self::key(id);
        let Some(head) = self.backend.get_head(&key, REVISION_PROBE_CHARS)? else {
            return Ok(None);
        };
        if let Some(revision) = revision_in_head(&head) {
            return Ok(Some(revision));
        }
        Ok(self
            .backend
            .get(&key)?
            .and_then(|raw| json_read::read::<RevisionProbe>(&raw).ok())
            .map(|p| p.revision))
    }

    /// Saves `draft`. When another copy was stored since `draft` was read
    /// (its revision differs), the two are merged field by field and the
    /// merge is stored; nothing is written when the stored copy already
    /// holds everything `draft` has (so two tabs never echo each other).
    pub fn save(&self, draft: &Draft) -> Result<Saved, StoreFault> {
        if self
            .stored_revision(&draft.id)?
            .is_some_and(|stored| stored != draft.revision)
        {
            if let Some(theirs) = self.load(&draft.id)? {
                let mut merged = copies::merge(draft, &theirs);
                let revision = match merged.draft.history == theirs.history {
                    true => theirs.revision,
                    false => {
                        self.write_after(&merged.draft, theirs.revision.max(draft.revision))?
                    }
                };
                merged.draft.revision = revision;
                return Ok(Saved {
                    revision,
                    merged: Some(Box::new(merged)),
                });
            }
        }
        self.write(draft).map(|revision| Saved {
            revision,
            merged: None,
        })
    }

    /// Merges `draft` into the stored copy, or stores it where there is
    /// none (a backup, a file, a draft brought back after a delete).
    /// `None` when the stored copy already held all of it.
    pub fn merge_in(&self, draft: &Draft) -> Result<(Draft, Option<Merged>), StoreFault> {
        let key = Self::key(&draft.id);
        match self.load(&draft.id)? {
            Some(stored) => {
                let mut merged = copies::merge(&stored, draft);
                if merged.changed {
                    merged.draft.revision = self.write_after(&merged.draft, stored.revision)?;
                }
                Ok((merged.draft.clone(), Some(merged)))
            }
            None => {
                // Unreadable text under the key is moved aside, never written over.
                if let Some(raw) = self.backend.get(&key)? {
                    self.quarantine(&key, &raw);
                }
                let mut stored = draft.clone();
                stored.revision = self.write_as(draft, draft.revision.max(1))?;
                Ok((stored, None))
            }
        }
    }

    /// Changes the stored draft with `edit` and stores it as the next
    /// revision; `None` when nothing readable is stored under `id`.
    pub fn update(
        &self,
        id: &str,
        edit: impl FnOnce(&mut Draft),
    ) -> Result<Option<Draft>, StoreFault> {
        let Some(mut draft) = self.load(id)? else {
            return Ok(None);
        };
        edit(&mut draft);
        draft.revision = self.write(&draft)?;
        Ok(Some(draft))
    }

    fn write(&self, draft: &Draft) -> Result<u64, StoreFault> {
        self.write_after(draft, draft.revision)
    }

    /// Stores `draft` as the revision after `base`; returns that revision.
    fn write_after(&self, draft: &Draft, base: u64) -> Result<u64, StoreFault> {
        self.write_as(draft, base + 1)
    }

    fn write_as(&self, draft: &Draft, revision: u64) -> Result<u64, StoreFault> {
        self.backend
            .set(&Self::key(&draft.id), &draft.to_json_at(revision))?;
        Ok(revision)
    }

    pub fn delete(&self, id: &str) -> Result<(), StoreFault> {
        self.backend.remove(&Self::key(id))
    }

    // Writes from the list of drafts. The list on screen may be out of date
    // (another tab saved since it was drawn), so each of these starts from
    // what is stored now, never from the list's copy.

    /// Deletes the draft and returns it as it was stored, for an undo.
    pub fn take(&self, id: &str) -> Result<Option<Draft>, StoreFault> {
        let stored = self.load(id)?;
        if stored.is_some() {
            self.delete(id)?;
        }
        Ok(stored)
    }

    #[cfg(test)]
    pub(crate) fn backend_for_tests(&self) -> &S {
        &self.backend
    }

    /// Templates loaded at run time, kept so their drafts reopen.
    pub fn save_template(&self, id: &str, json: &str) -> Result<(), StoreFault> {
        self.backend.set(&format!("{TEMPLATE_PREFIX}{id}"), json)
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

    pub fn templates(&self) -> Result<Vec<String>, StoreFault> {
        let mut out = Vec::new();
        for key in self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(TEMPLATE_PREFIX))
        {
            if let Some(raw) = self.backend.get(&key)? {
                out.push(raw);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
#[path = "tests/draft_store.rs"]
mod tests;
