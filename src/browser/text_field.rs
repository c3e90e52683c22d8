//! Writing into a text area where the caret is: a figure from the picker or
//! a tidied paste in a narrative, a line break in a note or a grid's text
//! cell. The caret is kept after what was written.

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

use super::focus::css_string;

fn text_area(item: &str) -> Option<HtmlTextAreaElement> {
    let selector = format!("textarea[data-outline=\"{}\"]", css_string(item));
    web_sys::window()?
        .document()?
        .query_selector(&selector)
        .ok()??
        .dyn_into()
        .ok()
}

/// The byte index in `text` of a UTF-16 offset, as the DOM counts.
fn byte_index(text: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    for (i, c) in text.char_indices() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

/// Replaces the selection of item `item`'s text area with `inserted`, puts
/// the caret after it and focuses the area. Returns the new text, for the
/// item's signal; `None` when the area is not on the page.
pub fn insert_at_caret(item: &str, inserted: &str) -> Option<String> {
    let area = text_area(item)?;
    let value = area.value();
    let start = byte_index(
        &value,
        area.selection_start().ok().flatten().unwrap_or(u32::MAX),
    );
    let end = byte_index(
        &value,
        area.selection_end().ok().flatten().unwrap_or(u32::MAX),
    )
    .max(start);
    let text = format!("{}{inserted}{}", &value[..start], &value[end..]);
    area.set_value(&text);
    let caret = (value[..start].encode_utf16().count() + inserted.encode_utf16().count()) as u32;
    let _ = area.focus();
    let _ = area.set_selection_range(caret, caret);
    Some(text)
}

/// Focuses item `item`'s text area again with its caret (or selection)
/// where it was, as a picker closed with Escape leaves it.
pub fn refocus(item: &str) {
    let Some(area) = text_area(item) else { return };
    let start = area.selection_start().ok().flatten();
    let end = area.selection_end().ok().flatten();
    let _ = area.focus();
    if let (Some(start), Some(end)) = (start, end) {
        let _ = area.set_selection_range(start, end);
    }
}

/// Writes `text` into item `item`'s text area when it holds something
/// else (another copy's text merged in); the area is written only here
/// and by the clerk's typing.
pub fn show_text(item: &str, text: &str) {
    if let Some(area) = text_area(item).filter(|a| a.value() != text) {
        area.set_value(text);
    }
}

/// The plain text of a paste, if the clipboard has any.
pub fn pasted_text(event: &web_sys::ClipboardEvent) -> Option<String> {
    event.clipboard_data()?.get_data("text/plain").ok()
}

/// Selects `part` of the first `words` in item `item`'s text area ("11" of
/// "11 hồ sơ") and focuses it, so that a figure inserted next replaces it.
/// False when they are not there.
pub fn select_words(item: &str, words: &str, part: &str) -> bool {
    let Some(area) = text_area(item) else {
        return false;
    };
    let value = area.value();
    let Some(at) = value.find(words) else {
        return false;
    };
    let at = at + words.find(part).unwrap_or(0);
    let start = value[..at].encode_utf16().count() as u32;
    let end = start + part.encode_utf16().count() as u32;
    let _ = area.focus();
    area.set_selection_range(start, end).is_ok()
}

/// Alt+Enter in a one-line text area that Enter leaves (a note, a grid's
/// text cell), as in a spreadsheet cell: breaks the line at the caret and
/// returns the new text. `None` for any other key (Enter then moves on).
pub fn break_line_on_alt_enter(ev: &web_sys::KeyboardEvent) -> Option<String> {
    if ev.key() != "Enter" || ev.is_composing() || !ev.alt_key() {
        return None;
    }
    ev.prevent_default();
    let area: HtmlTextAreaElement = ev.target()?.dyn_into().ok()?;
    let start = area.selection_start().ok().flatten()?;
    let end = area.selection_end().ok().flatten()?;
    area.set_range_text_with_start_and_end_and_mode("\n", start, end, "end")
        .ok()?;
    Some(area.value())
}
