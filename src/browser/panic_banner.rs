//! The last line of defence: if a panic still happens, say so on the page.
//!
//! In wasm a panic stops the app. Whatever was saved stays saved; the banner
//! tells the clerk to reload, which brings the saved draft back.
//!
//! The release build aborts at once on a panic (`-Cpanic=immediate-abort`,
//! see `dev.sh`): no hook runs and no message is formatted, the wasm traps.
//! The trap reaches the page as a `WebAssembly.RuntimeError`, uncaught in an
//! event handler (the window's `error` event) or in a task
//! (`unhandledrejection`), and that is where the banner is put up. Builds that
//! do run the panic hook (tests, `cargo build`) also log the panic's message.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

const MESSAGE: &str = "Ứng dụng gặp lỗi không mong muốn và đã dừng. Các số liệu đã lưu vẫn còn nguyên: \
hãy tải lại trang (F5) để tiếp tục. Nếu lỗi lặp lại, hãy tải bản sao lưu (.json) từ danh sách bản nháp.";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("panic: {info}").into());
        show_banner();
    }));
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(|event: web_sys::ErrorEvent| {
        if is_trap(&event.error()) {
            show_banner();
        }
    });
    let on_rejection = Closure::<dyn Fn(web_sys::PromiseRejectionEvent)>::new(
        |event: web_sys::PromiseRejectionEvent| {
            if is_trap(&event.reason()) {
                show_banner();
            }
        },
    );
    let _ = window.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback(
        "unhandledrejection",
        on_rejection.as_ref().unchecked_ref(),
    );
    // Both listen for the page's lifetime.
    on_error.forget();
    on_rejection.forget();
}

/// A wasm trap: what a panic becomes when it aborts at once.
fn is_trap(error: &JsValue) -> bool {
    error.is_instance_of::<js_sys::WebAssembly::RuntimeError>()
}

/// Puts the banner up once, however many errors follow the first.
fn show_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document
        .query_selector("[data-panic]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_class_name("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-panic", "");
    banner.set_text_content(Some(MESSAGE));
    if let Some(body) = document.body() {
        let _ = body.append_child(banner.unchecked_ref());
    }
}
