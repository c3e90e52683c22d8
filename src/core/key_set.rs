//! A set of keys (indicator codes, grid row keys, outline item ids), kept
//! sorted: a report's values not yet updated since it was copied, and the
//! warnings the clerk dismissed.
//!
//! A [`KeyMap`] without values, not a `BTreeSet<String>`: it iterates in
//! the same order and is written to JSON the same way, and the `BTreeSet`
//! was 8 KB of wasm of its own. Looking a key up is a binary search; adding
//! or removing one moves the keys after it (for the 10.000 keys of a copied
//! district grid, a few microseconds); a set is built from a list by one sort.

use serde_json::Value;

use super::json_read::{At, FromValue};
use super::json_write::{array, Omitted, ToJson};
use super::key_map::KeyMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeySet(KeyMap<()>);

/// The keys of a set, in order.
pub type Keys<'a> =
    std::iter::Map<std::slice::Iter<'a, (String, ())>, fn(&(String, ())) -> &String>;

impl KeySet {
    pub fn new() -> KeySet {
        KeySet::default()
    }

    pub fn contains(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    /// Adds `key`; false if it was there already.
    pub fn insert(&mut self, key: String) -> bool {
        self.0.insert(key, ()).is_none()
    }

    /// Takes `key` out; false if it was not there.
    pub fn remove(&mut self, key: &str) -> bool {
        self.0.remove(key).is_some()
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&String) -> bool) {
        self.0.retain(|key, _| keep(key));
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The keys in order.
    pub fn iter(&self) -> Keys<'_> {
        self.0.iter().map(|(key, _)| key)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<String> for KeySet {
    fn from_iter<I: IntoIterator<Item = String>>(keys: I) -> KeySet {
        KeySet(keys.into_iter().map(|key| (key, ())).collect())
    }
}

impl Extend<String> for KeySet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, keys: I) {
        self.0
            .set_many(keys.into_iter().map(|key| (key, Some(()))).collect());
    }
}

impl<'a> IntoIterator for &'a KeySet {
    type Item = &'a String;
    type IntoIter = Keys<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl IntoIterator for KeySet {
    type Item = String;
    type IntoIter = std::iter::Map<std::vec::IntoIter<(String, ())>, fn((String, ())) -> String>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter().map(|(key, _)| key)
    }
}

/// Written as a JSON list of strings, in order (as a `BTreeSet` was).
impl ToJson for KeySet {
    fn write_json(&self, out: &mut Vec<u8>) {
        array(self.iter(), out);
    }
}

impl Omitted for KeySet {
    fn omitted(&self) -> bool {
        self.is_empty()
    }
}

/// Read from a JSON list of strings, in any order, repeats kept once.
impl FromValue for KeySet {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        Vec::<String>::from_value(value, at).map(KeySet::from_iter)
    }
}

#[cfg(test)]
mod tests {
    use super::KeySet;

    #[test]
    fn a_sorted_set() {
        let mut set: KeySet = ["b", "a", "c", "a"].map(String::from).into_iter().collect();
        assert_eq!(
            set.iter().map(String::as_str).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert!(set.insert("ab".into()));
        assert!(!set.insert("ab".into()));
        assert!(set.contains("ab") && !set.contains("d"));
        assert!(set.remove("a") && !set.remove("a"));
        set.extend(["0".to_string(), "c".to_string()]);
        assert_eq!(
            set.iter().map(String::as_str).collect::<Vec<_>>(),
            ["0", "ab", "b", "c"]
        );
        set.retain(|k| k != "b");
        assert_eq!(set.len(), 3);
        set.clear();
        assert!(set.is_empty());
    }
}
