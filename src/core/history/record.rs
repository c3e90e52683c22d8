//! A history: the entries each field holds and the newest clock seen of
//! each copy; what one save writes, and the history of a draft stored
//! before fields had one.

use super::dot::{Dot, Entries, MAX_HLC};
use crate::core::key_map::KeyMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// The newest clock seen of each replica.
    pub(super) seen: KeyMap<u64>,
    pub(super) fields: KeyMap<Entries>,
}

impl History {
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty() && self.fields.is_empty()
    }

    /// Whether this history has seen the change `dot`.
    pub fn covers(&self, dot: &Dot) -> bool {
        self.seen.get(&dot.replica).is_some_and(|n| *n >= dot.hlc)
    }

    /// The newest clock this history has seen.
    pub fn clock(&self) -> u64 {
        self.seen.values().copied().max().unwrap_or(0)
    }

    pub fn seen(&self) -> &KeyMap<u64> {
        &self.seen
    }

    /// The dot of a change made now by `replica`: the wall clock, or past
    /// everything seen when that is later.
    pub fn next_dot(&self, replica: &str, now_ms: f64) -> Dot {
        let wall = if now_ms.is_finite() && now_ms > 0.0 {
            (now_ms as u64).min(MAX_HLC)
        } else {
            0
        };
        Dot {
            hlc: wall.max(self.clock().saturating_add(1)),
            replica: replica.into(),
        }
    }

    pub fn entries(&self, key: &str) -> &[(Dot, String)] {
        self.fields.get(key).map_or(&[], Vec::as_slice)
    }

    pub fn fields(&self) -> &KeyMap<Entries> {
        &self.fields
    }

    /// Moves the entries of `from` to `to` (a code a template renamed).
    pub fn rename(&mut self, from: &str, to: &str) {
        let Some(entries) = self.fields.remove(from) else {
            return;
        };
        self.fields.get_or_default(to.to_string()).extend(entries);
    }

    /// The fields whose keys start with `prefix`, in order.
    pub fn with_prefix<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = &'a (String, Entries)> + 'a {
        self.fields
            .from_key(prefix)
            .take_while(move |(k, _)| k.starts_with(prefix))
    }

    /// Records one change: each field given now holds its new value alone,
    /// written at `dot`, which replaces every entry this history holds.
    pub fn write(&mut self, changes: Vec<(String, String)>, dot: &Dot) {
        if changes.is_empty() {
            return;
        }
        self.see(dot);
        self.fields.set_many(
            changes
                .into_iter()
                .map(|(key, value)| (key, Some(vec![(dot.clone(), value)])))
                .collect(),
        );
    }

    pub(super) fn see(&mut self, dot: &Dot) {
        let seen = self.seen.get_or_default(dot.replica.to_string());
        *seen = (*seen).max(dot.hlc);
    }

    /// The distinct values of a field; more than one is a conflict.
    pub fn values(&self, key: &str) -> Vec<&str> {
        let mut values: Vec<&str> = self.entries(key).iter().map(|(_, v)| v.as_str()).collect();
        values.sort_unstable();
        values.dedup();
        values
    }

    /// The keys of the fields with more than one value.
    pub fn conflicted(&self) -> impl Iterator<Item = &String> {
        self.fields
            .iter()
            .filter(|(_, e)| e.iter().any(|(_, v)| *v != e[0].1))
            .map(|(k, _)| k)
    }

    /// The history of a draft stored before fields had one: each field
    /// written at one dot named after the content, so that copies of one
    /// content (two tabs, a backup restored where the draft was never
    /// changed) agree, and copies that differ conflict where they differ.
    pub fn legacy(fields: Vec<(String, String)>) -> History {
        // FNV-1a over the sorted fields: the same name in every browser.
        let mut sorted = fields;
        sorted.sort_unstable();
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for (key, value) in &sorted {
            for byte in key.bytes().chain([0]).chain(value.bytes()).chain([0]) {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        let dot = Dot {
            hlc: 1,
            replica: format!("0{hash:016x}").into(),
        };
        let mut history = History::default();
        history.see(&dot);
        history.write(sorted, &dot);
        history
    }
}
