//! Reading files the user picks.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, File, HtmlInputElement};

/// Files bigger than this are refused before reading: no form is that large.
pub const MAX_FILE_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// The files picked in the `<input type="file">` that fired `event`.
pub fn picked_files(event: &Event) -> Vec<File> {
    let Some(input) = event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
        return Vec::new();
    };
    let files = input.files();
    let picked = files
        .map(|list| (0..list.length()).filter_map(|i| list.item(i)).collect())
        .unwrap_or_default();
    // Clear the input so that picking the same file again fires `change` again.
    input.set_value("");
    picked
}

/// A backup holds every draft: at most what local storage takes (5 million
/// characters in Chromium and Firefox, up to 3 bytes each in UTF-8).
pub const MAX_BACKUP_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// Reads a picked file as UTF-8 text, with a Vietnamese message on failure.
pub async fn read_text(file: &File) -> Result<String, String> {
    read_text_within(file, MAX_FILE_BYTES).await
}

/// The same, for a file that may be up to `limit` bytes.
pub async fn read_text_within(file: &File, limit: f64) -> Result<String, String> {
    if file.size() > limit {
        let mb = (limit as u64) >> 20;
        return Err(format!("Tệp «{}» lớn hơn {mb} MB, không phải tệp của ứng dụng này", file.name()));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| format!("Không đọc được tệp «{}»", file.name()))?;
    text.as_string().ok_or_else(|| format!("Tệp «{}» không phải là văn bản", file.name()))
}

/// Reads every picked file at once (the browser reads them in parallel);
/// each result is the file's name with its text or a Vietnamese message.
pub async fn read_all_text(files: &[File]) -> Vec<(String, Result<String, String>)> {
    let promises = js_sys::Array::new();
    for file in files {
        if file.size() > MAX_FILE_BYTES {
            promises.push(&js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL));
        } else {
            promises.push(&file.text());
        }
    }
    let settled = match JsFuture::from(js_sys::Promise::all_settled(&promises)).await {
        Ok(list) => js_sys::Array::from(&list),
        Err(_) => js_sys::Array::new(),
    };
    files
        .iter()
        .enumerate()
        .map(|(i, file)| {
            let name = file.name();
            if file.size() > MAX_FILE_BYTES {
                return (name.clone(), Err(format!("Tệp «{name}» lớn hơn 5 MB, không phải tệp của ứng dụng này")));
            }
            let value = js_sys::Reflect::get(&settled.get(i as u32), &"value".into()).ok().and_then(|v| v.as_string());
            let result = value.ok_or_else(|| format!("Không đọc được tệp «{name}»"));
            (name, result)
        })
        .collect()
}
