//! The first screen in `index.html`: the start screen's static part, readable
//! before the wasm has loaded (issue 32). The app mounts once that screen has
//! reached the display, and takes it away in the same task as it mounts, so
//! that no frame shows both or neither.
//!
//! Why wait for the paint: the browser counts a text as painted (its Largest
//! Contentful Paint) only once its frame is presented. The same text taken
//! over before then is painted anew by the app, and the page's largest paint
//! moves to the wasm's arrival. Waiting costs nothing on a first visit (the
//! static screen paints long before the wasm is ready) and at most
//! `AT_THE_LATEST_MS` when the wasm comes from the cache.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Never wait longer than this for the paint (a browser without paint timing).
const AT_THE_LATEST_MS: i32 = 400;
const STEP_MS: i32 = 16;

type Start = Rc<Cell<Option<Box<dyn FnOnce()>>>>;

/// Runs `start` once the static first screen has been painted, or at once
/// when there is nothing to wait for (no static screen, hidden by a draft's
/// address, a tab in the background, or a paint reported already).
pub fn once_painted(start: impl FnOnce() + 'static) {
    let start: Start = Rc::new(Cell::new(Some(Box::new(start))));
    poll(start, 0);
}

fn run(start: &Start) {
    if let Some(start) = start.take() {
        start();
    }
}

fn poll(start: Start, waited: i32) {
    let Some(window) = web_sys::window() else {
        return run(&start);
    };
    if waited >= AT_THE_LATEST_MS || !still_unpainted(&window) {
        return run(&start);
    }
    let again = start.clone();
    let tick = Closure::once_into_js(move || poll(again, waited + STEP_MS));
    if window
        .set_timeout_with_callback_and_timeout_and_arguments_0(tick.unchecked_ref(), STEP_MS)
        .is_err()
    {
        run(&start);
    }
}

/// Whether the static screen is shown and no contentful paint is reported yet.
fn still_unpainted(window: &web_sys::Window) -> bool {
    let Some(document) = window.document() else {
        return false;
    };
    if document.hidden() {
        return false;
    }
    let shown = document
        .query_selector("[data-first-screen]")
        .ok()
        .flatten()
        .is_some_and(|first| first.get_bounding_client_rect().height() > 0.0);
    let painted = window
        .performance()
        .is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0);
    shown && !painted
}

/// Removes the static first screen, if the page has one.
pub fn take_over() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(first)) = document.query_selector("[data-first-screen]") {
        first.remove();
    }
}
