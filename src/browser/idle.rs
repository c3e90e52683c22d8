//! Work that must not delay a keystroke's paint: run it when the browser is
//! idle, or after `timeout_ms` at the latest. Browsers without
//! `requestIdleCallback` (Safari) run it in a task of its own instead.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub fn when_idle(work: impl FnOnce() + 'static, timeout_ms: u32) {
    let Some(window) = web_sys::window() else {
        return work();
    };
    let callback = Closure::once_into_js(work);
    let function: &js_sys::Function = callback.unchecked_ref();
    let has_idle =
        js_sys::Reflect::has(&window, &JsValue::from_str("requestIdleCallback")).unwrap_or(false);
    if has_idle {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(timeout_ms);
        if window
            .request_idle_callback_with_options(function, &options)
            .is_ok()
        {
            return;
        }
    }
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(function, 0);
}

/// Lets the browser run what is waiting (a key, a click, a frame) before
/// the caller goes on: long work done in slices awaits this between them.
pub async fn next_task() {
    sleep(0).await;
}

/// Resumes the caller after `ms` milliseconds, the page free meanwhile.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().is_some_and(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .is_ok()
        });
        if !scheduled {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until the browser has painted a frame: what the caller set on
/// screen (a progress line) is seen before long work that follows.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        // The frame's callback runs before its paint; a task queued from it
        // runs after.
        let queued = window.clone();
        let after = Closure::once_into_js(move || {
            let _ = queued.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
        let _ = window.request_animation_frame(after.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
