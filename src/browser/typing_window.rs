//! While the clerk types, only the part of the report near the screen is
//! drawn (issue 32).
//!
//! Each chunk of a table's rows is `content-visibility: auto` (`main.css`),
//! but Chromium draws such a chunk while it is within one and a half
//! screens of the viewport, above and below: some 1.500 fields of a
//! 10.000-cell grid, or the annexes and narrative around a short one. A
//! key typed into a field makes Chromium re-layerize every field drawn (an
//! edit in the focused field, unlike one elsewhere, takes no fast path), so
//! that margin is paid on every key.
//!
//! So from a key in the report until the keys pause, the blocks more than a
//! fifth of a screen away are `hidden="until-found"`: the chunks of rows of
//! every table, and the sections that have none (the header, the
//! narrative, the signature). They are skipped, their height kept
//! (`contain-intrinsic-size: auto`), still found by the browser's
//! find-in-page, which shows the block it finds. The block with the focus
//! is never hidden, and the window follows the screen as it scrolls as the
//! focus moves. Once the keys pause (or the clerk scrolls with the wheel
//! or by pages, a field is focused from elsewhere, or the page is printed)
//! every block is shown again, so the page is as it was: every field
//! visible, reachable and fillable.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

use super::time::now;

/// Keys that move the page rather than type: they end the window, so that
/// the screen they scroll to is drawn by the browser's own wide margin.
const PAGE_KEYS: [&str; 2] = ["PageUp", "PageDown"];
/// How long after the last key the window stays.
const RELEASE_AFTER_MS: f64 = 1500.0;
/// The blocks a window hides or shows: the chunks of rows of every table
/// (a grid's total row stays), and the report's sections that have none.
const BLOCKS: &str =
    ".grid-chunk:not(.last), .annex-chunk, :scope > section:not(:has(.grid-chunk, .annex-chunk))";
/// The blocks a window hid.
const HIDDEN: &str = "[hidden=\"until-found\"]";

struct Window {
    /// The report's page (`main.paper`).
    page: Element,
    observer: IntersectionObserver,
    last_key: f64,
    /// Tells this window's timer from an earlier one's.
    generation: u32,
    _on_change: Closure<dyn Fn(js_sys::Array)>,
}

thread_local! {
    static WINDOW: RefCell<Option<Window>> = const { RefCell::new(None) };
    static GENERATION: Cell<u32> = const { Cell::new(0) };
    /// The mouse wheel ends the window too (the same reason as the page
    /// keys). One listener for the page's life: it ends the window it is
    /// called in, so it must outlive it.
    static ON_WHEEL: Closure<dyn Fn()> = Closure::new(release);
    /// Whether the browser keeps a `hidden="until-found"` block's place and
    /// finds its text (`onbeforematch`; Chromium, Firefox from 139). One
    /// that does not (Firefox ESR 128) would take the block out of the
    /// page instead: it draws the page whole, as before.
    static UNTIL_FOUND: bool = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|b| js_sys::Reflect::has(&b, &JsValue::from_str("onbeforematch")).unwrap_or(false));
}

/// A key was pressed in the report: `event`'s listener is on its page.
pub fn key_in(event: &web_sys::Event) {
    if !UNTIL_FOUND.with(|s| *s) {
        return;
    }
    let Some(page) = event
        .current_target()
        .and_then(|t| t.dyn_into::<Element>().ok())
    else {
        return;
    };
    let pages = event
        .dyn_ref::<web_sys::KeyboardEvent>()
        .is_some_and(|k| PAGE_KEYS.contains(&k.key().as_str()));
    if pages {
        release();
        return;
    }
    let now = now();
    let same = WINDOW.with_borrow_mut(|w| match w {
        Some(w) if w.page == page => {
            w.last_key = now;
            true
        }
        _ => false,
    });
    if same {
        return;
    }
    release();
    // A browser without `:has()` draws the page whole, as before.
    let Ok(blocks) = page.query_selector_all(BLOCKS) else {
        return;
    };
    let on_change = Closure::<dyn Fn(js_sys::Array)>::new(|entries: js_sys::Array| {
        let focused = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        for entry in entries
            .iter()
            .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
        {
            let block = entry.target();
            let has_focus = focused.as_ref().is_some_and(|f| block.contains(Some(f)));
            if entry.is_intersecting() || has_focus {
                let _ = block.remove_attribute("hidden");
            } else {
                let _ = block.set_attribute("hidden", "until-found");
            }
        }
    });
    let options = IntersectionObserverInit::new();
    // A fifth of a screen: more than a row, so that Tab, Enter and the
    // arrows always land in a drawn block.
    options.set_root_margin("20% 0px 20% 0px");
    let Ok(observer) =
        IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options)
    else {
        return;
    };
    for i in 0..blocks.length() {
        if let Some(block) = blocks.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            observer.observe(&block);
        }
    }
    if let Some(window) = web_sys::window() {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(true);
        ON_WHEEL.with(|f| {
            let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
                "wheel",
                f.as_ref().unchecked_ref(),
                &options,
            );
        });
    }
    let generation = GENERATION.get().wrapping_add(1);
    GENERATION.set(generation);
    WINDOW.set(Some(Window {
        page,
        observer,
        last_key: now,
        generation,
        _on_change: on_change,
    }));
    release_when_quiet(generation, RELEASE_AFTER_MS);
}

/// Shows every block again (the keys paused, a field is to be focused from
/// elsewhere, or the page is printed).
pub fn release() {
    let Some(window) = WINDOW.take() else {
        return;
    };
    window.observer.disconnect();
    if let Some(w) = web_sys::window() {
        ON_WHEEL.with(|f| {
            let _ = w.remove_event_listener_with_callback("wheel", f.as_ref().unchecked_ref());
        });
    }
    if let Ok(blocks) = window.page.query_selector_all(HIDDEN) {
        for i in 0..blocks.length() {
            if let Some(block) = blocks.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = block.remove_attribute("hidden");
            }
        }
    }
}

/// Releases the window once no key came for `RELEASE_AFTER_MS`, checking
/// again when one did (one timer, not one per key).
fn release_when_quiet(generation: u32, after_ms: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let check = Closure::once_into_js(move || {
        let quiet = WINDOW.with_borrow(|w| {
            w.as_ref()
                .filter(|w| w.generation == generation)
                .map(|w| now() - w.last_key)
        });
        match quiet {
            Some(quiet) if quiet >= RELEASE_AFTER_MS => release(),
            Some(quiet) => release_when_quiet(generation, RELEASE_AFTER_MS - quiet),
            None => {}
        }
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        check.unchecked_ref(),
        after_ms.ceil() as i32,
    );
}
