//! The browser's local storage as a [`KeyValueStore`], through
//! gloo-storage, or memory where the browser refuses it (private mode,
//! storage disabled, some `file://` pages).
//!
//! Every access can fail in a browser; each failure becomes a [`StoreFault`]
//! and nothing here panics. gloo's `LocalStorage` throws when there is no
//! storage at all, so it is used only once a probe through `web-sys` found
//! storage that takes writes; where there is none, memory is used instead.
//! Drafts are stored as their own JSON text, read back as text: gloo's typed
//! `get`/`set` would encode that text again as a JSON string (a format
//! change, and a second parse on every save), and an entry that does not
//! parse must still be read, to be kept aside for the clerk.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use crate::browser::ids::random_id;
use crate::core::draft_store::{KeyValueStore, MemoryStore, StoreFault, REPLICA_KEY};
use crate::core::session::Session;

const PROBE_KEY: &str = "bieumau.v1.probe";

fn fault(error: wasm_bindgen::JsValue) -> StoreFault {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => StoreFault::Full,
        Some(e) if e.name() == "SecurityError" => StoreFault::Unavailable,
        Some(e) => StoreFault::Other(e.message()),
        None => StoreFault::Other(match error.dyn_ref::<js_sys::Error>() {
            Some(e) => e.message().into(),
            None => error
                .as_string()
                .unwrap_or_else(|| "lỗi không rõ của trình duyệt".into()),
        }),
    }
}

/// Local storage, by the handle gloo gives once storage is known to exist.
pub struct BrowserStorage(web_sys::Storage);

impl BrowserStorage {
    fn open() -> BrowserStorage {
        BrowserStorage(LocalStorage::raw())
    }
}

impl KeyValueStore for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreFault> {
        self.0.get_item(key).map_err(fault)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreFault> {
        self.0.set_item(key, value).map_err(fault)
    }
    fn remove(&self, key: &str) -> Result<(), StoreFault> {
        LocalStorage::delete(key);
        Ok(())
    }
    fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, StoreFault> {
        // getItem through js_sys keeps the value a JS string, so only the
        // slice is copied into wasm (a large draft is hundreds of KB).
        let get_item = js_sys::Reflect::get(&self.0, &"getItem".into()).map_err(fault)?;
        let Some(get_item) = get_item.dyn_ref::<js_sys::Function>() else {
            return self
                .get(key)
                .map(|v| v.map(|t| t.chars().take(chars).collect()));
        };
        let value = get_item.call1(&self.0, &key.into()).map_err(fault)?;
        Ok(value
            .dyn_ref::<js_sys::JsString>()
            .map(|text| String::from(text.slice(0, chars as u32))))
    }
    fn keys(&self) -> Result<Vec<String>, StoreFault> {
        let length = LocalStorage::length();
        let mut keys = Vec::with_capacity(length as usize);
        for i in 0..length {
            if let Some(key) = self.0.key(i).map_err(fault)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// Local storage when the browser allows it, memory otherwise.
pub enum Backend {
    Browser(BrowserStorage),
    Memory(MemoryStore),
}

impl KeyValueStore for Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreFault> {
        match self {
            Backend::Browser(s) => s.get(key),
            Backend::Memory(s) => s.get(key),
        }
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreFault> {
        match self {
            Backend::Browser(s) => s.set(key, value),
            Backend::Memory(s) => s.set(key, value),
        }
    }
    fn remove(&self, key: &str) -> Result<(), StoreFault> {
        match self {
            Backend::Browser(s) => s.remove(key),
            Backend::Memory(s) => s.remove(key),
        }
    }
    fn keys(&self) -> Result<Vec<String>, StoreFault> {
        match self {
            Backend::Browser(s) => s.keys(),
            Backend::Memory(s) => s.keys(),
        }
    }
    fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, StoreFault> {
        match self {
            Backend::Browser(s) => s.get_head(key, chars),
            Backend::Memory(s) => s.get_head(key, chars),
        }
    }
}

/// Opens local storage, checking first that it really accepts writes (a
/// full storage still counts: reading and deleting work), and the session
/// over it; memory where the browser refuses storage.
pub fn open_session() -> Session<Backend> {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    if let Some(storage) = storage {
        let probe = storage.set_item(PROBE_KEY, "1").map_err(fault);
        let _ = storage.remove_item(PROBE_KEY);
        if matches!(probe, Ok(()) | Err(StoreFault::Full)) {
            let backend = BrowserStorage::open();
            let replica = replica(&backend);
            return Session::new(Backend::Browser(backend), true, replica);
        }
    }
    Session::new(
        Backend::Memory(MemoryStore::default()),
        false,
        replica(&MemoryStore::default()),
    )
}

/// This tab's id in drafts' histories: the browser's id, kept in its
/// storage (its tabs share it), and a part of the tab's own, so that two
/// tabs saving in one millisecond never write one change under one name.
fn replica(store: &impl KeyValueStore) -> String {
    let browser = match store.get(REPLICA_KEY) {
        Ok(Some(id)) if crate::core::history::valid_replica(&id) && id.len() <= 16 => id,
        _ => {
            let id = random_id(10);
            let _ = store.set(REPLICA_KEY, &id);
            id
        }
    };
    format!("{browser}-{}", random_id(4))
}

/// Asks the browser to keep this site's storage when space runs short
/// (`navigator.storage.persist()`; Safari's 7-day rule and storage pressure
/// evict it otherwise). The answer, or `None` where the browser has no such
/// API (a page opened from a file, an older browser).
pub async fn ask_to_persist() -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &"storage".into())
        .ok()
        .filter(|m| m.is_object())?;
    let ask = |method: &str| -> Option<js_sys::Promise> {
        let function = js_sys::Reflect::get(&manager, &method.into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        function
            .call0(&manager)
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    };
    let granted = wasm_bindgen_futures::JsFuture::from(ask("persisted")?)
        .await
        .ok()?
        .as_bool()?;
    if granted {
        return Some(true);
    }
    wasm_bindgen_futures::JsFuture::from(ask("persist")?)
        .await
        .ok()?
        .as_bool()
}

/// Listens for another tab's change to this browser's storage (the page's
/// `storage` event, which never fires for this tab's own writes): `heard`
/// gets the key (`None` when storage was cleared) and whether it has no
/// value any more. The listener ends with the returned handle.
pub fn on_change_elsewhere(
    heard: impl Fn(Option<String>, bool) + 'static,
) -> leptos::prelude::WindowListenerHandle {
    leptos::prelude::window_event_listener(
        leptos::ev::storage,
        move |event: web_sys::StorageEvent| heard(event.key(), event.new_value().is_none()),
    )
}
