//! Leptos' generic building blocks, each compiled once instead of once per
//! closure.
//!
//! Every closure is a type of its own, and a generic function is a copy of
//! its code for each type it is given (`./dev.sh sizes`, `twiggy monos`).
//! These helpers box the closure first and hand Leptos the box, so there is
//! one copy per value type, or one in all:
//! - [`keyed_list`]: a `<For>` with its own item, key and view types is a
//!   copy of Leptos' keyed diffing, 4 to 15 KB of wasm each, and the app had
//!   nine. Here `<For>` is instantiated once: an item carries its key as a
//!   string and its view as a boxed closure. It behaves as `<For>` does: an
//!   item whose key stays keeps its DOM (and its field's focus); only an
//!   item with a new key is drawn, in its own reactive owner.
//! - [`memo`]: `Memo::new` once per value type, not per closure.
//! - [`shown`]: what `<Show>` does, once in all.
//! - [`CollectAny::collect_any`]: a list of views is a `Vec<AnyView>`, not a
//!   `Vec` of its own element type, whose drawing and redrawing were ~1 KB
//!   of wasm per element type (`<tr>`, `<li>`, `<td>`, …).
//!
//! The cost: one indirect call per memo run or item drawn, and, each time a
//! keyed list is read again, a key string and a boxed closure per item
//! (for the narrative, per paragraph per keystroke: a few microseconds).

use std::sync::Arc;

use leptos::prelude::*;

/// Views collected as one list type, `Vec<AnyView>` (see the module's notes).
pub trait CollectAny {
    fn collect_any(self) -> Vec<AnyView>;
}

impl<I: IntoIterator<Item = V>, V: IntoAny> CollectAny for I {
    fn collect_any(self) -> Vec<AnyView> {
        self.into_iter().map(IntoAny::into_any).collect()
    }
}

/// One item of a keyed list: its key, and how to draw it when it is new.
pub struct Keyed {
    key: String,
    draw: Box<dyn FnOnce() -> AnyView + Send>,
}

impl Keyed {
    pub fn new<V: IntoView + 'static>(
        key: String,
        draw: impl FnOnce() -> V + Send + 'static,
    ) -> Keyed {
        Keyed {
            key,
            draw: Box::new(move || draw().into_any()),
        }
    }
}

/// A key made of parts, which cannot run into each other.
pub fn key_of(parts: &[&str]) -> String {
    parts.join("\u{1f}")
}

/// The list `items` gives, kept up to date with it.
pub fn keyed_list(items: impl Fn() -> Vec<Keyed> + Send + 'static) -> AnyView {
    draw_list(Box::new(items))
}

fn draw_list(items: Box<dyn Fn() -> Vec<Keyed> + Send>) -> AnyView {
    view! { <For each=move || items() key=|item: &Keyed| item.key.clone() children=|item: Keyed| (item.draw)() /> }
        .into_any()
}

/// A memo of what `f` computes: it wakes its readers only when the value
/// changes, as `Memo::new` does.
pub fn memo<T: PartialEq + Send + Sync + 'static>(
    f: impl Fn() -> T + Send + Sync + 'static,
) -> Memo<T> {
    boxed_memo(Box::new(f))
}

fn boxed_memo<T: PartialEq + Send + Sync + 'static>(
    f: Box<dyn Fn() -> T + Send + Sync>,
) -> Memo<T> {
    Memo::new(move |_| f())
}

/// What `<Show>` does: `view` while `when` holds, `fallback` otherwise,
/// each drawn anew only when the condition flips.
pub fn shown<V: IntoView + 'static, F: IntoView + 'static>(
    when: impl Fn() -> bool + Send + Sync + 'static,
    view: impl Fn() -> V + Send + Sync + 'static,
    fallback: impl Fn() -> F + Send + Sync + 'static,
) -> AnyView {
    draw_shown(
        memo(when),
        Box::new(move || view().into_any()),
        Box::new(move || fallback().into_any()),
    )
}

type Draw = Box<dyn Fn() -> AnyView + Send + Sync>;

fn draw_shown(when: Memo<bool>, view: Draw, fallback: Draw) -> AnyView {
    (move || if when.get() { view() } else { fallback() }).into_any()
}

/// A memo's comparison for a shared value: changed unless it is the very
/// same `Arc` (or none) both times. Comparing drafts by content would walk
/// whole reports on every rerun.
pub fn arc_changed<T>(a: Option<&Option<Arc<T>>>, b: Option<&Option<Arc<T>>>) -> bool {
    match (a, b) {
        (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
        (Some(None), Some(None)) => false,
        _ => true,
    }
}
