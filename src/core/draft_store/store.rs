//! The drafts in the store, one key each: listed (unreadable entries moved
//! aside), loaded, saved against the stored revision with a merge where
//! another tab saved since, merged in, changed, deleted.

use super::backend::{KeyValueStore, StoreFault};
use super::keys::{DRAFT_PREFIX, QUARANTINE_PREFIX};
use crate::core::copies::{self, Merged};
use crate::core::draft::Draft;

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

pub struct DraftStore<S> {
    pub backend: S,
}

impl<S: KeyValueStore> DraftStore<S> {
    pub fn new(backend: S) -> Self {
        DraftStore { backend }
    }

    pub(super) fn key(id: &str) -> String {
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
}
