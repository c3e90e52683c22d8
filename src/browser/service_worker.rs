//! The service worker (`sw.js`, written at build time by
//! `scripts/post-build.mjs`): the app works offline after one visit, and a
//! new deployment is offered, never forced, so nobody's typing is cut off.
//! Drafts live in local storage, which an update never touches.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let window = web_sys::window()?;
    let protocol = window.location().protocol().ok()?;
    // Opened from disk (file://) there are no service workers: nothing to do.
    if protocol != "http:" && protocol != "https:" {
        return None;
    }
    let navigator = window.navigator();
    // Older or locked-down browsers lack `serviceWorker`; check before use.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .ok()?
        .then(|| navigator.service_worker())
}

/// Registers `sw.js` next to the page (so any sub-path works), and calls
/// `on_update_ready` when a new version is installed and waiting.
pub fn register(on_update_ready: impl Fn() + Clone + 'static) {
    let Some(container) = container() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        let controlled = container.controller().is_some();
        if registration.waiting().is_some() && controlled {
            on_update_ready();
        }
        let watched = registration.clone();
        let found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let ready = on_update_ready.clone();
            let changed = Closure::<dyn FnMut()>::new(move || {
                let has_controller = web_sys::window()
                    .map(|w| w.navigator().service_worker())
                    .is_some_and(|c| c.controller().is_some());
                // The first install has no controller yet: that is not an update.
                if worker.state() == ServiceWorkerState::Installed && has_controller {
                    ready();
                }
            });
            installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        });
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
    });
}

/// Lets the waiting version take over, then reloads into it.
pub fn apply_update() {
    let Some(container) = container() else { return };
    let reload = Closure::<dyn FnMut()>::once(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        match registration.waiting() {
            Some(waiting) => {
                let _ = waiting.post_message(&"skip-waiting".into());
            }
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    });
}
