//! Drawing put off until it is needed. A large table registers a `show`
//! callback for each placeholder; it runs when the placeholder comes within
//! a screen's height of the viewport (an `IntersectionObserver`), or when the
//! browser is idle, a few rows at a time in page order, whichever comes
//! first. `flush` runs every one still waiting, before printing or to reach
//! a field that is not drawn yet. Nothing here panics: without an observer
//! (an old browser), idle time alone draws the rest.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

use super::idle::when_idle;

/// Rows drawn per idle callback: about 10–15 ms of work on an office laptop,
/// so a key pressed meanwhile waits no longer than one frame.
const ROWS_PER_IDLE_STEP: usize = 48;

struct Pending {
    element: Element,
    rows: usize,
    show: Box<dyn FnOnce()>,
}

thread_local! {
    static PENDING: RefCell<Vec<Pending>> = const { RefCell::new(Vec::new()) };
    static OBSERVER: RefCell<Option<IntersectionObserver>> = const { RefCell::new(None) };
    static IDLE_SCHEDULED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `show` when `element` nears the screen, or in idle time. `rows` is
/// how much drawing it is, to pace the idle work.
pub fn when_near_screen(element: Element, rows: usize, show: impl FnOnce() + 'static) {
    with_observer(|observer| observer.observe(&element));
    PENDING.with_borrow_mut(|pending| {
        pending.push(Pending {
            element,
            rows,
            show: Box::new(show),
        })
    });
    schedule_idle_step();
}

/// Runs every waiting `show` now, in page order. True if there were any.
pub fn flush() -> bool {
    let all = PENDING.with_borrow_mut(std::mem::take);
    let any = !all.is_empty();
    for item in all {
        run(item);
    }
    any
}

/// Draws every waiting row, then runs `then` on the next frame, once they
/// are on the page. False, and `then` is not run, if nothing was waiting.
pub fn draw_all_then(then: impl FnOnce() + 'static) -> bool {
    if !flush() {
        return false;
    }
    // The rows are drawn in a microtask, before the next frame.
    leptos::prelude::request_animation_frame(then);
    true
}

fn run(item: Pending) {
    with_observer(|observer| observer.unobserve(&item.element));
    (item.show)();
}

fn with_observer(use_it: impl FnOnce(&IntersectionObserver)) {
    OBSERVER.with_borrow_mut(|slot| {
        if slot.is_none() {
            *slot = new_observer();
        }
        if let Some(observer) = slot.as_ref() {
            use_it(observer);
        }
    });
}

fn new_observer() -> Option<IntersectionObserver> {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(|entries: js_sys::Array| {
        let near: Vec<Element> = entries
            .iter()
            .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
            .filter(|e| e.is_intersecting())
            .map(|e| e.target())
            .collect();
        let due: Vec<Pending> = PENDING.with_borrow_mut(|pending| {
            let (due, waiting) = std::mem::take(pending)
                .into_iter()
                .partition(|p| near.contains(&p.element));
            *pending = waiting;
            due
        });
        due.into_iter().for_each(run);
    });
    let options = IntersectionObserverInit::new();
    // A screen above and below: rows are drawn before they show.
    options.set_root_margin("100% 0px 100% 0px");
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok();
    // The observer lives as long as the page.
    callback.forget();
    observer
}

fn schedule_idle_step() {
    if IDLE_SCHEDULED.replace(true) {
        return;
    }
    when_idle(
        || {
            IDLE_SCHEDULED.set(false);
            let step = PENDING.with_borrow_mut(|pending| {
                let mut rows = 0;
                let count = pending.iter().take_while(|p| {
                    let take = rows < ROWS_PER_IDLE_STEP;
                    rows += p.rows;
                    take
                });
                let count = count.count();
                pending.drain(..count).collect::<Vec<_>>()
            });
            step.into_iter().for_each(run);
            if PENDING.with_borrow(|pending| !pending.is_empty()) {
                schedule_idle_step();
            }
        },
        1000,
    );
}

/// Drops the waiting `show` of `element`, whose table is gone.
pub fn forget(element: &Element) {
    let gone = PENDING.with_borrow_mut(|pending| {
        pending
            .iter()
            .position(|p| &p.element == element)
            .map(|i| pending.remove(i))
    });
    if gone.is_some() {
        with_observer(|observer| observer.unobserve(element));
    }
}
