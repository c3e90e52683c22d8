//! The key-value store beneath the drafts: what it does, why it refuses,
//! and a store in memory.

use std::cell::RefCell;

use crate::core::key_map::KeyMap;

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
    pub(super) entries: RefCell<KeyMap<String>>,
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
