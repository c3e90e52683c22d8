//! Fields both copies changed (`core::copies`): the two values at the
//! field, with the clerk's choice, and the list of them all.
//!
//! The page hooks: `data-conflict="<key>"` on the field's wrapper (its
//! table cell or block), and inside it `data-action="keep-this"` and
//! `data-action="take-other"`.

use leptos::prelude::*;

use crate::core::key_map::KeyMap;
use crate::ui::shared::erased::memo;

/// The open conflicts of the draft being edited: field key → the other
/// copies' values. Fields read `any` first, so that a report without
/// conflicts (nearly always) wakes nothing when the set is written.
#[derive(Clone, Copy)]
pub struct Conflicts {
    pub map: RwSignal<KeyMap<Vec<String>>>,
    pub any: Memo<bool>,
}

impl Conflicts {
    pub fn new() -> Conflicts {
        let map = RwSignal::new(KeyMap::new());
        Conflicts {
            map,
            any: memo(move || map.with(|m| !m.is_empty())),
        }
    }

    /// The open conflicts of `draft`, each field with the other values.
    pub fn show(&self, draft: &crate::core::draft::Draft) {
        self.set(
            draft
                .conflicts()
                .into_iter()
                .map(|c| (c.key, c.others))
                .collect(),
        );
    }

    pub fn set(&self, conflicts: KeyMap<Vec<String>>) {
        if self.map.with_untracked(|m| *m != conflicts) {
            self.map.set(conflicts);
        }
    }

    /// The other values of `key`, tracking the set.
    pub fn of(&self, key: &str) -> Option<Vec<String>> {
        if !self.any.get() {
            return None;
        }
        self.map.with(|m| m.get(key).cloned())
    }

    /// The keys in conflict that start with `prefix` (a grid row's cells),
    /// tracking the set.
    pub fn with_prefix(&self, prefix: &str) -> Vec<String> {
        if !self.any.get() {
            return Vec::new();
        }
        self.map.with(|m| {
            m.from_key(prefix)
                .take_while(|(k, _)| k.starts_with(prefix))
                .map(|(k, _)| k.clone())
                .collect()
        })
    }

    /// The `data-conflict` hook of a field's wrapper, while it is in conflict.
    pub fn hook(&self, key: String) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        let this = *self;
        move || this.of(&key).map(|_| key.clone())
    }
}

impl Default for Conflicts {
    fn default() -> Self {
        Conflicts::new()
    }
}
