//! A map from text keys (indicator codes, grid cells, outline item ids) to
//! values, kept sorted by key: a report's typed values and notes, its grid
//! rows and its narrative. And [`NumberKeys`], a template's object keyed by
//! column numbers.
//!
//! A sorted list, not a `BTreeMap<String, _>`: it iterates in the same
//! order and is written to JSON the same way, and the `BTreeMap`s were
//! about 10 KB of wasm of their own. Looking a key up is a binary search;
//! setting or removing one key moves the entries after it. Many keys at
//! once go through [`KeyMap::set_many`] or `collect`: one sort and one
//! merge, never one move per key (the 10.000 cells of a district grid).

use serde_json::Value;

use super::json_read::{object, At, FromValue};
use super::json_write::{Object, Omitted, ToJson};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyMap<V>(Vec<(String, V)>);

impl<V> Default for KeyMap<V> {
    fn default() -> Self {
        KeyMap(Vec::new())
    }
}

impl<V> KeyMap<V> {
    pub fn new() -> Self {
        KeyMap::default()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|at| &self.0[at].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.find(key).ok().map(|at| &mut self.0[at].1)
    }

    /// The value of `key`, set to the default first if there was none.
    pub fn get_or_default(&mut self, key: String) -> &mut V
    where
        V: Default,
    {
        let at = match self.find(&key) {
            Ok(at) => at,
            Err(at) => {
                self.0.insert(at, (key, V::default()));
                at
            }
        };
        &mut self.0[at].1
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key`; the value it had, if any.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, value)),
            Err(at) => {
                self.0.insert(at, (key, value));
                None
            }
        }
    }

    /// Takes `key` out; the value it had, if any.
    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|at| self.0.remove(at).1)
    }

    /// Sets (`Some`) or removes (`None`) many keys at once, the last of a
    /// repeated key winning: one sort of the changes and one merge.
    pub fn set_many(&mut self, changes: Vec<(String, Option<V>)>) {
        let changes = sorted_last_wins(changes);
        let old = std::mem::take(&mut self.0);
        let mut merged = Vec::with_capacity(old.len() + changes.len());
        let mut old = old.into_iter().peekable();
        for (key, value) in changes {
            while let Some(kept) = old.next_if(|(k, _)| *k < key) {
                merged.push(kept);
            }
            old.next_if(|(k, _)| *k == key);
            if let Some(value) = value {
                merged.push((key, value));
            }
        }
        merged.extend(old);
        self.0 = merged;
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&String, &V) -> bool) {
        self.0.retain(|(k, v)| keep(k, v));
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The entries in key order, as a slice.
    pub fn as_slice(&self) -> &[(String, V)] {
        &self.0
    }

    /// The entries in key order, values to change in place.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&String, &mut V)> {
        self.0.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The entries in key order.
    pub fn iter(&self) -> std::slice::Iter<'_, (String, V)> {
        self.0.iter()
    }

    /// The entries from the first key not before `key`, in order.
    pub fn from_key(&self, key: &str) -> std::slice::Iter<'_, (String, V)> {
        let at = self.0.partition_point(|(k, _)| k.as_str() < key);
        self.0[at..].iter()
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Sorted by key, one entry a key: the last given.
fn sorted_last_wins<K: Ord, V>(mut entries: Vec<(K, V)>) -> Vec<(K, V)> {
    // Reversed, then sorted stably: of a repeated key, the last given comes
    // first, and `dedup_by` keeps the first.
    entries.reverse();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries.dedup_by(|later, first| later.0 == first.0);
    entries
}

impl<V> FromIterator<(String, V)> for KeyMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        KeyMap(sorted_last_wins(entries.into_iter().collect()))
    }
}

impl<'a, V> IntoIterator for &'a KeyMap<V> {
    type Item = &'a (String, V);
    type IntoIter = std::slice::Iter<'a, (String, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<V> IntoIterator for KeyMap<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// Written as a JSON object, keys in order (as a `BTreeMap` was).
impl<V: ToJson> ToJson for KeyMap<V> {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut object = Object::new(out);
        for (key, value) in self {
            object.field(key, value);
        }
        object.end();
    }
}

impl<V> Omitted for KeyMap<V> {
    fn omitted(&self) -> bool {
        self.is_empty()
    }
}

/// Read from a JSON object, its fields in any order.
impl<V: FromValue> FromValue for KeyMap<V> {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        let mut entries = Vec::new();
        for (key, item) in object(value, at)? {
            let value = V::from_value(item, At::Field(&at, &key))?;
            entries.push((key, value));
        }
        Ok(entries.into_iter().collect())
    }
}

/// A JSON object whose keys are whole numbers (`{"4": …, "5": …}`), as
/// pairs in the order of the numbers; of a number given twice, the last.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NumberKeys<T>(pub Vec<(u32, T)>);

impl<T: FromValue> FromValue for NumberKeys<T> {
    fn from_value(value: Value, at: At<'_>) -> Result<Self, String> {
        let mut pairs = Vec::new();
        for (key, item) in object(value, at)? {
            let value = T::from_value(item, At::Field(&at, &key))?;
            let number = key
                .parse()
                .map_err(|_| at.fault("phải là một đối tượng có khóa là số"))?;
            pairs.push((number, value));
        }
        Ok(NumberKeys(sorted_last_wins(pairs)))
    }
}

/// Written with the numbers as text, as JSON keys must be.
impl<T: ToJson> ToJson for NumberKeys<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut object = Object::new(out);
        for (number, value) in &self.0 {
            object.field(&number.to_string(), value);
        }
        object.end();
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::KeyMap;

    fn entries(map: &KeyMap<u8>) -> Vec<(String, u8)> {
        map.iter().cloned().collect()
    }

    #[test]
    fn a_sorted_map() {
        let mut map: KeyMap<u8> = [("b", 1), ("a", 2), ("c", 3), ("a", 4)]
            .map(|(k, v)| (k.to_string(), v))
            .into_iter()
            .collect();
        assert_eq!(
            entries(&map),
            [("a".into(), 4), ("b".into(), 1), ("c".into(), 3)]
        );
        assert_eq!(map.insert("ab".into(), 5), None);
        assert_eq!(map.insert("ab".into(), 6), Some(5));
        assert_eq!((map.get("ab"), map.get("d")), (Some(&6), None));
        assert_eq!((map.remove("a"), map.remove("a")), (Some(4), None));
        assert_eq!(
            map.from_key("b")
                .map(|(k, _)| k.as_str())
                .collect::<Vec<_>>(),
            ["b", "c"]
        );
        assert_eq!(map.from_key("bb").count(), 1);
        *map.get_or_default("d".into()) += 1;
        *map.get_or_default("d".into()) += 1;
        *map.get_mut("c").unwrap() = 9;
        assert_eq!(
            map.iter().skip(2).cloned().collect::<Vec<_>>(),
            [("c".into(), 9), ("d".into(), 2)]
        );
        map.remove("d");
        map.retain(|k, _| k != "b");
        assert_eq!(
            map.keys().map(String::as_str).collect::<Vec<_>>(),
            ["ab", "c"]
        );
    }

    proptest! {
        /// Whatever is set, removed or set many at once, the map holds what
        /// a `BTreeMap` would, in the same order.
        #[test]
        fn holds_what_a_btree_map_would(
            start in proptest::collection::vec(("[a-e]{1,2}", any::<u8>()), 0..20),
            singles in proptest::collection::vec(("[a-e]{1,2}", proptest::option::of(any::<u8>())), 0..10),
            many in proptest::collection::vec(("[a-e]{1,2}", proptest::option::of(any::<u8>())), 0..30),
        ) {
            let mut map: KeyMap<u8> = start.iter().cloned().collect();
            let mut model: BTreeMap<String, u8> = start.into_iter().collect();
            for (key, value) in singles {
                match value {
                    Some(v) => prop_assert_eq!(map.insert(key.clone(), v), model.insert(key, v)),
                    None => prop_assert_eq!(map.remove(&key), model.remove(&key)),
                }
            }
            for (key, value) in &many {
                match value {
                    Some(v) => model.insert(key.clone(), *v),
                    None => model.remove(key),
                };
            }
            map.set_many(many);
            prop_assert_eq!(entries(&map), model.into_iter().collect::<Vec<_>>());
        }
    }
}
