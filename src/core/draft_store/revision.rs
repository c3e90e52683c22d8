//! The revision of a stored draft, read from the first characters of its
//! text: a save checks it every time, without parsing the draft.

use super::backend::{KeyValueStore, StoreFault};
use super::store::DraftStore;
use crate::core::json_read::{self, json_struct};

/// How much of a stored draft [`DraftStore::stored_revision`] reads first.
pub(super) const REVISION_PROBE_CHARS: usize = 1024;

/// The top-level `"revision"` of a stored envelope, from its first
/// characters: the key before `"report"` (a raw `"` always delimits a JSON
/// string, so the key cannot be text inside the name).
pub(super) fn revision_in_head(head: &str) -> Option<u64> {
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

impl<S: KeyValueStore> DraftStore<S> {
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
}
