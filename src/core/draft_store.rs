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

use super::draft::Draft;

/// Every key this app keeps in the browser starts so.
pub const STORAGE_PREFIX: &str = "bieumau.v1.";
pub const DRAFT_PREFIX: &str = "bieumau.v1.draft.";
pub const QUARANTINE_PREFIX: &str = "bieumau.v1.quarantine.";
pub const TEMPLATE_PREFIX: &str = "bieumau.v1.template.";
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
        self.entries.borrow_mut().insert(key.to_string(), value.to_string());
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

#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    /// Saved; the draft's new revision.
    Saved(u64),
    /// Another tab saved this draft since we last read it; nothing was written.
    Conflict(Box<Draft>),
}

/// What a write from the list of drafts did.
#[derive(Debug, Clone, PartialEq)]
pub enum ListWrite {
    /// Written; the draft as stored now.
    Done(Box<Draft>),
    /// Nothing readable is stored under that id any more; nothing written.
    Gone,
    /// A copy was stored since; nothing written. The stored copy.
    Newer(Box<Draft>),
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
    let end = digits.find(|c: char| !c.is_ascii_digit()).unwrap_or(digits.len());
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
        for key in self.backend.keys()?.into_iter().filter(|k| k.starts_with(DRAFT_PREFIX)) {
            let Some(raw) = self.backend.get(&key)? else { continue };
            match Draft::from_json(&raw) {
                Ok(draft) if key == Self::key(&draft.id) => {
                    // Newest first, kept in order as read (no sort: one copy less of it in the wasm).
                    let at = drafts.partition_point(|d: &StoredDraft| d.draft.updated_at.total_cmp(&draft.updated_at).is_ge());
                    drafts.insert(at, StoredDraft { draft, bytes: key.len() + raw.len() });
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
            let Some(raw) = self.backend.get(&key)? else { continue };
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
        Ok(self.backend.get(&Self::key(id))?.and_then(|raw| Draft::from_json(&raw).ok()))
    }

    /// The revision stored now, if the draft is stored and readable.
    ///
    /// A save checks this every time, so it must not read and parse a large
    /// draft whole: the envelope is written with `revision` before the
    /// report, and the first characters of the stored text are enough. Text
    /// written otherwise is parsed in full.
    pub fn stored_revision(&self, id: &str) -> Result<Option<u64>, StoreFault> {
        let key = Self::key(id);
        let Some(head) = self.backend.get_head(&key, REVISION_PROBE_CHARS)? else { return Ok(None) };
        if let Some(revision) = revision_in_head(&head) {
            return Ok(Some(revision));
        }
        Ok(self
            .backend
            .get(&key)?
            .and_then(|raw| json_read::read::<RevisionProbe>(&raw).ok())
            .map(|p| p.revision))
    }

    /// Saves `draft` if the stored copy is still the revision it was based
    /// on (`draft.revision`); the stored copy gets the next revision.
    pub fn save(&self, draft: &Draft) -> Result<SaveOutcome, StoreFault> {
        match self.stored_revision(&draft.id)? {
            Some(stored) if stored != draft.revision => {
                if let Some(theirs) = self.load(&draft.id)? {
                    return Ok(SaveOutcome::Conflict(Box::new(theirs)));
                }
            }
            _ => {}
        }
        self.write(draft).map(SaveOutcome::Saved)
    }

    /// Saves `draft` over whatever is stored, after the clerk chose to.
    pub fn save_over(&self, draft: &Draft) -> Result<SaveOutcome, StoreFault> {
        self.write_over(draft).map(SaveOutcome::Saved)
    }

    /// Stores `draft` as the revision after the newer of its own and the
    /// stored one; returns the new revision.
    fn write_over(&self, draft: &Draft) -> Result<u64, StoreFault> {
        let base = self.stored_revision(&draft.id)?.map_or(draft.revision, |stored| draft.revision.max(stored));
        self.write_after(draft, base)
    }

    fn write(&self, draft: &Draft) -> Result<u64, StoreFault> {
        self.write_after(draft, draft.revision)
    }

    /// Stores `draft` as the revision after `base`; returns that revision.
    fn write_after(&self, draft: &Draft, base: u64) -> Result<u64, StoreFault> {
        self.write_as(draft, base + 1)
    }

    fn write_as(&self, draft: &Draft, revision: u64) -> Result<u64, StoreFault> {
        self.backend.set(&Self::key(&draft.id), &draft.to_json_at(revision))?;
        Ok(revision)
    }

    /// Stores a draft from a backup at its own revision, so that the
    /// browsers it came from and goes to count its saves alike.
    /// Unreadable text under its key is moved aside first, never written over.
    pub fn put_as_backed_up(&self, draft: &Draft) -> Result<(), StoreFault> {
        let key = Self::key(&draft.id);
        if let Some(raw) = self.backend.get(&key)? {
            if Draft::from_json(&raw).is_err() {
                self.quarantine(&key, &raw);
            }
        }
        self.write_as(draft, draft.revision.max(1)).map(|_| ())
    }

    pub fn delete(&self, id: &str) -> Result<(), StoreFault> {
        self.backend.remove(&Self::key(id))
    }

    // Writes from the list of drafts. The list on screen may be out of date
    // (another tab saved since it was drawn), so each of these starts from
    // what is stored now, never from the list's copy.

    /// Renames the stored draft, keeping everything else as stored now.
    pub fn rename(&self, id: &str, name: &str) -> Result<ListWrite, StoreFault> {
        let Some(mut draft) = self.load(id)? else { return Ok(ListWrite::Gone) };
        draft.name = name.trim().to_string();
        draft.revision = self.write(&draft)?;
        Ok(ListWrite::Done(Box::new(draft)))
    }

    /// Deletes the draft and returns it as it was stored, for an undo.
    pub fn take(&self, id: &str) -> Result<Option<Draft>, StoreFault> {
        let stored = self.load(id)?;
        if stored.is_some() {
            self.delete(id)?;
        }
        Ok(stored)
    }

    /// Puts back a draft that [`take`](Self::take) removed, unless the draft
    /// was stored again since (an open tab saves it back): then nothing is
    /// written and the stored copy is returned, for the clerk to choose.
    pub fn restore(&self, draft: &Draft) -> Result<ListWrite, StoreFault> {
        if let Some(stored) = self.load(&draft.id)? {
            return Ok(ListWrite::Newer(Box::new(stored)));
        }
        if self.stored_revision(&draft.id)?.is_some() {
            // Something unreadable sits under the key: never write over it.
            return Ok(ListWrite::Gone);
        }
        let mut restored = draft.clone();
        restored.revision = self.write(draft)?;
        Ok(ListWrite::Done(Box::new(restored)))
    }

    /// Stores `draft` as the clerk's choice, over whatever is stored, and
    /// returns it with its new revision.
    pub fn put(&self, draft: &Draft) -> Result<Draft, StoreFault> {
        let mut stored = draft.clone();
        stored.revision = self.write_over(draft)?;
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
        self.backend.get(LAST_BACKUP_KEY).ok().flatten()?.trim().parse::<u64>().ok().map(|ms| ms as f64)
    }

    pub fn set_last_backup(&self, at: f64) -> Result<(), StoreFault> {
        self.backend.set(LAST_BACKUP_KEY, &(at.max(0.0) as u64).to_string())
    }

    pub fn templates(&self) -> Result<Vec<String>, StoreFault> {
        let mut out = Vec::new();
        for key in self.backend.keys()?.into_iter().filter(|k| k.starts_with(TEMPLATE_PREFIX)) {
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
