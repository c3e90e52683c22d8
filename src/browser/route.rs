//! The URL's hash and the history behind the browser's back button: the
//! address names the open screen (`core::route`), so a reload returns to
//! the draft, and back returns to the list. The scroll position is kept in
//! the history entry, which outlives a reload.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::route::Route;

/// The route the address names now.
pub fn current() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

/// Makes the address name `route`, as a new history entry (so that back
/// returns here); nothing if it names it already.
pub fn show(route: &Route) {
    if current() == *route {
        return;
    }
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.hash());
    }
}

/// Makes the address name `route` in place of the current entry: a link to
/// a draft that is gone becomes the list, with no dead entry to go back to.
pub fn replace(route: &Route) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&route.hash()));
    }
}

/// Calls `changed` whenever back, forward or an edited address changes the
/// route. For the app's lifetime.
pub fn on_change(changed: impl Fn(Route) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn()>::new(move || changed(current()));
    let _ =
        window.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Keeps the clerk's place in the current history entry, a moment after
/// each scroll and when the page is left (the entry's state is taken before
/// `pagehide`, so that is too late); [`remembered_place`] reads it back
/// after a reload. The app restores it itself: the browser would try before
/// the rows exist.
pub fn remember_scroll_as_it_changes() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let pending = std::rc::Rc::new(std::cell::Cell::new(None::<i32>));
    let later = window.clone();
    let store = Closure::<dyn Fn()>::new({
        let pending = pending.clone();
        move || {
            pending.set(None);
            remember_scroll();
        }
    });
    let listener = Closure::<dyn Fn()>::new(move || {
        if let Some(handle) = pending.take() {
            later.clear_timeout_with_handle(handle);
        }
        let handle = later.set_timeout_with_callback_and_timeout_and_arguments_0(
            store.as_ref().unchecked_ref(),
            SCROLL_QUIET_MS,
        );
        pending.set(handle.ok());
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(true);
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        "scroll",
        listener.as_ref().unchecked_ref(),
        &options,
    );
    listener.forget();
    // A reload straight after scrolling: `beforeunload` still comes before
    // the entry's state is taken.
    let leaving = Closure::<dyn Fn()>::new(remember_scroll);
    let _ =
        window.add_event_listener_with_callback("beforeunload", leaving.as_ref().unchecked_ref());
    leaving.forget();
}

/// How long scrolling must pause before the position is kept.
const SCROLL_QUIET_MS: i32 = 250;

/// Keeps the clerk's place in the current history entry now.
pub fn remember_scroll() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let place = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &place,
        &"y".into(),
        &window.scroll_y().unwrap_or(0.0).into(),
    );
    if let Some((row, top)) = row_at_top(&window) {
        let _ = js_sys::Reflect::set(&place, &"row".into(), &row.into());
        let _ = js_sys::Reflect::set(&place, &"top".into(), &top.into());
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state(&place, "");
    }
}

/// The row at the top of the window, below the sticky toolbar: a selector
/// for it and how far below the window's top it stands. Sections off screen
/// have estimated heights until laid out, so a row places the clerk where a
/// pixel offset would not.
fn row_at_top(window: &web_sys::Window) -> Option<(String, f64)> {
    let document = window.document()?;
    let below = document
        .query_selector(".toolbar")
        .ok()
        .flatten()
        .map_or(0.0, |t| t.get_bounding_client_rect().bottom());
    // Rows are in page order, so their tops rise: a binary search finds the
    // first one below the toolbar in a dozen reads, even in 5.000 rows.
    let rows = document
        .query_selector_all("tr[data-row-code], tr[data-row]")
        .ok()?;
    let top_of = |i: u32| {
        rows.item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            .map(|e| (e.get_bounding_client_rect().top(), e))
    };
    let (mut low, mut high) = (0, rows.length());
    while low < high {
        let middle = low + (high - low) / 2;
        match top_of(middle) {
            Some((top, _)) if top < below => low = middle + 1,
            _ => high = middle,
        }
    }
    let (_, row) = top_of(low)?;
    let selector = match row.get_attribute("data-row-code") {
        Some(code) => format!("tr[data-row-code=\"{}\"]", super::focus::css_string(&code)),
        None => {
            let key = row.get_attribute("data-row")?;
            let section = row
                .closest("[data-section]")
                .ok()??
                .get_attribute("data-section")?;
            format!(
                "[data-section=\"{}\"] tr[data-row=\"{}\"]",
                super::focus::css_string(&section),
                super::focus::css_string(&key)
            )
        }
    };
    Some((selector, row.get_bounding_client_rect().top()))
}

/// A place kept in the current history entry, if any.
#[derive(Clone)]
pub struct Place {
    y: f64,
    row: Option<(String, f64)>,
}

/// The place kept in the current history entry, if any.
pub fn remembered_place() -> Option<Place> {
    let state = web_sys::window()?.history().ok()?.state().ok()?;
    let get = |key: &str| js_sys::Reflect::get(&state, &key.into()).ok();
    let y = get("y")?.as_f64()?;
    let row = get("row")
        .and_then(|r| r.as_string())
        .zip(get("top").and_then(|t| t.as_f64()));
    Some(Place { y, row })
}

/// Returns the clerk to `place` once the next frame has laid out the page,
/// and again on the frames after while the sections around it take their
/// real heights: by its row when the row is drawn, else by the offset. It
/// stops as soon as the clerk scrolls, clicks, touches or types, so it never
/// pulls the page from under their hand (a click in those frames would
/// otherwise press down on one thing and let go on another).
pub fn return_to(place: Place) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let stopped = Rc::new(Cell::new(false));
    let stop = Rc::new(Closure::<dyn Fn()>::new({
        let stopped = stopped.clone();
        move || stopped.set(true)
    }));
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(true);
    options.set_capture(true);
    for event in CLERK_ACTS {
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            (*stop).as_ref().unchecked_ref(),
            &options,
        );
    }
    settle(place, SETTLE_FRAMES, Settling { stopped, stop });
}

/// What the clerk does that ends the settling.
const CLERK_ACTS: [&str; 5] = ["pointerdown", "wheel", "touchstart", "keydown", "mousedown"];

/// Frames to keep a restored place while the page settles.
const SETTLE_FRAMES: u32 = 20;

struct Settling {
    stopped: Rc<Cell<bool>>,
    stop: Rc<Closure<dyn Fn()>>,
}

impl Settling {
    fn end(self, window: &web_sys::Window) {
        for event in CLERK_ACTS {
            let _ = window.remove_event_listener_with_callback_and_bool(
                event,
                (*self.stop).as_ref().unchecked_ref(),
                true,
            );
        }
    }
}

fn settle(place: Place, frames_left: u32, settling: Settling) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let later = window.clone();
    let step = Closure::once_into_js(move || {
        if settling.stopped.get() {
            return settling.end(&later);
        }
        let row = place.row.as_ref().and_then(|(selector, top)| {
            let element = later.document()?.query_selector(selector).ok()??;
            Some(element.get_bounding_client_rect().top() - top)
        });
        match row {
            Some(off) if off.abs() >= 1.0 => later.scroll_by_with_x_and_y(0.0, off),
            Some(_) => {}
            None if (later.scroll_y().unwrap_or(place.y) - place.y).abs() >= 1.0 => {
                later.scroll_to_with_x_and_y(0.0, place.y)
            }
            None => {}
        }
        if frames_left > 1 {
            settle(place, frames_left - 1, settling);
        } else {
            settling.end(&later);
        }
    });
    let _ = window.request_animation_frame(step.unchecked_ref());
}
