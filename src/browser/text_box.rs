//! A grid's number cell as a one-line text box (`contenteditable`) rather
//! than an `<input>`: Chromium draws a key in a few hundred text boxes in
//! half the time it takes for as many inputs (issue 32; `./dev.sh bench`
//! prints both floors). These functions keep it a plain one-line field:
//! its text, no markup, no line break, the whole text selected on entry.

use std::cell::OnceCell;

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlDocument, HtmlElement};

thread_local! {
    static EDITABLE: OnceCell<&'static str> = const { OnceCell::new() };
}

/// The `contenteditable` value for a text box of plain text:
/// `plaintext-only` where the browser has it (Chromium, Firefox 136+),
/// else `true` (Firefox before 136), where [`typed_text`] reads the text
/// alone and [`paste_plain`] keeps markup out.
pub fn plain_text_editable() -> &'static str {
    EDITABLE.with(|value| {
        *value.get_or_init(|| {
            let probe = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.create_element("div").ok())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            match probe {
                // The attribute, not the property: a browser without the
                // value throws from the property's setter.
                Some(div) => {
                    let _ = div.set_attribute("contenteditable", "plaintext-only");
                    if div.content_editable() == "plaintext-only" {
                        "plaintext-only"
                    } else {
                        "true"
                    }
                }
                None => "true",
            }
        })
    })
}

/// The text a key or a paste left in the text box, on one line.
pub fn typed_text(ev: &Event) -> String {
    ev.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.text_content())
        .unwrap_or_default()
        .replace(['\n', '\r'], "")
}

/// Text of more characters than this may not fit a grid's narrowest cell
/// (48 px in a 16-column landscape grid holds `12.345`).
const FITS: usize = 5;

/// Whether the box's text may be too wide for it: such a box is `data-long`,
/// and cuts its text at its edge with "…" (the style sheet). Other boxes
/// do not clip: a clip in each of the few hundred boxes on screen made
/// every key's frame re-layerize them all (issue 32).
pub fn is_long(text: &str) -> bool {
    text.chars().count() > FITS
}

/// Writes `text` into the box when it shows something else (the model's
/// text changed: a number tidied, a block pasted, another copy merged),
/// and marks it `data-long` or not. The box is written only here and by the
/// clerk's keys, so a key's own text is never written back under the caret.
pub fn show(element: &Element, text: &str) {
    if element.text_content().unwrap_or_default() != text {
        element.set_text_content(Some(text));
    }
    let _ = element.toggle_attribute_with_force("data-long", is_long(text));
}

/// Selects the box's whole text, as Tab into an `<input>` does, so a
/// figure typed next replaces it.
pub fn select_all(element: &Element) {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.select_all_children(element);
    }
}

/// Pastes `text` as plain text on one line, where the caret is, as an
/// `<input>` takes it: the browser's own insertion, so the box gets its
/// `input` event and Ctrl+Z takes it back. False if the browser refused.
pub fn paste_plain(text: &str) -> bool {
    let line = text.replace(['\n', '\r'], "");
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<HtmlDocument>().ok())
        .and_then(|d| {
            d.exec_command_with_show_ui_and_value("insertText", false, &line)
                .ok()
        })
        .unwrap_or(false)
}
