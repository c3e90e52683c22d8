//! Printing: the browser's print dialog, where "Save as PDF" is offered too.
//! Rows a large table has not drawn yet are drawn first (`near_screen`),
//! from the app's print button and from the browser's own (Ctrl+P).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Opens the print dialog; false if the browser refused.
pub fn print_page() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    super::typing_window::release();
    let later = window.clone();
    super::near_screen::draw_all_then(move || {
        let _ = later.print();
    }) || window.print().is_ok()
}

/// Draws every row before the browser prints: its print menu and Ctrl+P
/// send `beforeprint`, and the rows are drawn before it lays out the pages.
pub fn draw_everything_before_printing() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn()>::new(|| {
        super::typing_window::release();
        super::near_screen::flush();
    });
    let _ =
        window.add_event_listener_with_callback("beforeprint", listener.as_ref().unchecked_ref());
    listener.forget();
}
