//! What another tab's change to this browser's storage means here: the
//! page's `storage` event, read as a typed outcome. The session layer
//! (`ui::context`) is the only listener, and tells the list and the open
//! editor.

use super::draft_store::{DRAFT_PREFIX, STORAGE_PREFIX};

/// A change another tab made to the stored drafts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elsewhere {
    /// A draft was saved, renamed, merged or deleted (`deleted`).
    Draft { id: String, deleted: bool },
    /// Something else of the app's changed: a template, a kept-aside
    /// entry, the backup date.
    Other,
    /// The whole storage was cleared (the browser's "clear site data").
    Cleared,
}

impl Elsewhere {
    /// The change behind a `storage` event: its key (`None` when storage
    /// was cleared) and whether the key has no value any more. `None` for
    /// keys that are not the app's.
    pub fn of(key: Option<&str>, removed: bool) -> Option<Elsewhere> {
        let Some(key) = key else {
            return Some(Elsewhere::Cleared);
        };
        if let Some(id) = key.strip_prefix(DRAFT_PREFIX) {
            return Some(Elsewhere::Draft {
                id: id.to_string(),
                deleted: removed,
            });
        }
        key.starts_with(STORAGE_PREFIX).then_some(Elsewhere::Other)
    }

    /// Whether the draft `id` itself changed, and if so whether it was
    /// deleted. A clear of the whole storage is not a draft's change: the
    /// open editor keeps everything and saves it again with the next edit.
    pub fn touches(&self, id: &str) -> Option<bool> {
        match self {
            Elsewhere::Draft { id: other, deleted } if other == id => Some(*deleted),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_events_read_as_typed_changes() {
        let saved = Elsewhere::of(Some("bieumau.v1.draft.abc"), false);
        assert_eq!(
            saved,
            Some(Elsewhere::Draft {
                id: "abc".into(),
                deleted: false
            })
        );
        assert_eq!(saved.as_ref().and_then(|c| c.touches("abc")), Some(false));
        assert_eq!(saved.as_ref().and_then(|c| c.touches("xyz")), None);
        let deleted = Elsewhere::of(Some("bieumau.v1.draft.abc"), true).unwrap();
        assert_eq!(deleted.touches("abc"), Some(true));
        assert_eq!(
            Elsewhere::of(Some("bieumau.v1.last-backup"), false),
            Some(Elsewhere::Other)
        );
        assert_eq!(Elsewhere::of(Some("someone-else"), false), None);
        assert_eq!(Elsewhere::of(None, true), Some(Elsewhere::Cleared));
        assert_eq!(Elsewhere::Cleared.touches("abc"), None);
    }
}
