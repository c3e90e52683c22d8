//! The first screen in `index.html`: the start screen's static part, readable
//! before the wasm has loaded (issue 32). The app, once mounted beside it,
//! takes it away in the same task, so that no frame shows both or neither.

/// Removes the static first screen, if the page has one.
pub fn take_over() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(first)) = document.query_selector("[data-first-screen]") {
        first.remove();
    }
}
