//! Moving the keyboard focus between the form's fields.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Every editable value of the form, in page order (a grid's number is a
/// text box: see `text_box`).
const VALUE_FIELDS: &str =
    "input[data-code], select[data-code], textarea[data-code], [contenteditable][data-code]";

pub(super) fn css_string(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

fn focus_and_show(element: &HtmlElement) {
    let _ = element.focus();
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Focuses the value field of `code` and scrolls it into view.
pub fn focus_field(code: &str) -> bool {
    // A row hidden while the clerk typed elsewhere is shown first.
    super::typing_window::release();
    // A narrative's message goes to its text area; a total's to the total.
    let selector = match code.strip_prefix("outline:") {
        Some(item) => format!("textarea[data-outline=\"{}\"]", css_string(item)),
        None if code.starts_with("header:") => {
            format!("[data-header=\"{}\"]", css_string(&code["header:".len()..]))
        }
        None if code.contains("/total/") => format!("[data-computed=\"{}\"]", css_string(code)),
        None => format!("[data-code=\"{}\"]", css_string(code)),
    };
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    match found {
        Some(element) => {
            focus_and_show(&element);
            true
        }
        // Not drawn yet (a large table draws far rows later): draw them all,
        // and focus it once they are on the page.
        None => {
            let code = code.to_string();
            super::near_screen::draw_all_then(move || {
                focus_field(&code);
            })
        }
    }
}

/// Every row's note but a heading's (`tabindex="-1"`: no key stops there).
const NOTES: &str = "[data-note]:not([tabindex=\"-1\"])";
/// Where Tab stops in the annex table, in page order: each row's figure,
/// then its note, as across a spreadsheet's row.
const ANNEX_TAB_STOPS: &str =
    ".annex-section .value-input, .annex-section .note-input:not([tabindex=\"-1\"])";

/// Moves from `current` to the next (or previous) value field, as Enter
/// does; after the last one, to the export bar.
pub fn focus_next_value(current: &HtmlElement, backwards: bool) -> bool {
    focus_neighbour(VALUE_FIELDS, current, backwards) || (!backwards && focus_export_bar())
}

/// Moves from a note to the next (or previous) row's note, as Enter does
/// down a spreadsheet's column; after the last one, to the export bar.
pub fn focus_next_note(current: &HtmlElement, backwards: bool) -> bool {
    focus_neighbour(NOTES, current, backwards) || (!backwards && focus_export_bar())
}

/// Tab in the annex table: a figure, its note, the next row's figure
/// (headings have no stop), as across a spreadsheet; after the last row,
/// the export bar rather than the messages. False where the browser's own
/// Tab should go on (Shift+Tab before the first figure).
pub fn tab_in_annex(current: &HtmlElement, backwards: bool) -> bool {
    focus_neighbour(ANNEX_TAB_STOPS, current, backwards) || (!backwards && focus_export_bar())
}

/// Focuses the export bar's first button (where the annex ends).
pub fn focus_export_bar() -> bool {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".export-bar button").ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    match found {
        Some(button) => {
            focus_and_show(&button);
            true
        }
        None => false,
    }
}

/// Focuses the element after (or before) `current` among those `selector` finds.
fn focus_neighbour(selector: &str, current: &HtmlElement, backwards: bool) -> bool {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(selector).ok())
    else {
        return false;
    };
    let fields: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect();
    let Some(here) = fields.iter().position(|f| f == current) else {
        return false;
    };
    let next = if backwards {
        here.checked_sub(1)
    } else {
        Some(here + 1)
    };
    match next.and_then(|i| fields.get(i)) {
        Some(element) => {
            focus_and_show(element);
            true
        }
        None => false,
    }
}

/// In a grid, moves to the same column of the next (or previous) row, as
/// Enter does in a spreadsheet.
pub fn focus_cell_below(current: &HtmlElement, backwards: bool) -> bool {
    let Some(code) = current.get_attribute("data-code") else {
        return false;
    };
    let mut parts = code.rsplitn(3, '/');
    let (Some(column), Some(_row), Some(section)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let selector = format!(
        "[data-section=\"{}\"] [data-code$=\"/{}\"]",
        css_string(section),
        css_string(column)
    );
    focus_neighbour(&selector, current, backwards)
}

/// Leaves the field that has the keyboard focus, as a click elsewhere
/// would: its `blur` handler (a date or a number tidied) runs now, while
/// its screen is still there. A focused field removed with its screen
/// gets `blur` too, but only after the screen's signals are gone.
pub fn leave_focused_field() {
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(element) = focused {
        element.blur().ok();
    }
}

/// Scrolls the page back to its top, as a new screen should open.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
