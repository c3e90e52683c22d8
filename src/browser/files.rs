//! Reading files the user picks.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, File, HtmlInputElement};

/// Files bigger than this are refused before reading: no form is that large.
pub const MAX_FILE_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// The files picked in the `<input type="file">` that fired `event`.
pub fn picked_files(event: &Event) -> Vec<File> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
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
    within(file, limit)?;
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| format!("Không đọc được tệp «{}»", file.name()))?;
    text.as_string()
        .ok_or_else(|| format!("Tệp «{}» không phải là văn bản", file.name()))
}

/// Refuses, before reading, a file bigger than `limit` bytes.
fn within(file: &File, limit: f64) -> Result<(), String> {
    if file.size() > limit {
        let mb = (limit as u64) >> 20;
        return Err(format!(
            "Tệp «{}» lớn hơn {mb} MB, không phải tệp của ứng dụng này",
            file.name()
        ));
    }
    Ok(())
}

/// Reads a picked file as bytes (a workbook), with a Vietnamese message on
/// failure; refused before reading when over [`MAX_FILE_BYTES`].
pub async fn read_bytes(file: &File) -> Result<Vec<u8>, String> {
    within(file, MAX_FILE_BYTES)?;
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("Không đọc được tệp «{}»", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads every picked file, each as its name with its text or a Vietnamese
/// message. The files are read as one blob: `Blob.text()` costs the page
/// about 0,2 ms per call, 200 ms for a roll-up of 1.000 files, while one
/// read of them all is done by the browser off the page's thread.
pub async fn read_all_text(files: &[File]) -> Vec<(String, Result<String, String>)> {
    let fits = |file: &File| file.size() <= MAX_FILE_BYTES;
    let parts = js_sys::Array::new();
    for file in files.iter().filter(|f| fits(f)) {
        parts.push(file);
    }
    let whole = match web_sys::Blob::new_with_blob_sequence(&parts) {
        Ok(blob) => JsFuture::from(blob.array_buffer())
            .await
            .ok()
            .map(|b| js_sys::Uint8Array::new(&b).to_vec()),
        Err(_) => None,
    };
    // A file moved or deleted since it was picked fails the read of all.
    let whole = whole.unwrap_or_default();
    let mut at = 0usize;
    files
        .iter()
        .map(|file| {
            let name = file.name();
            if !fits(file) {
                return (
                    name.clone(),
                    Err(format!(
                        "Tệp «{name}» lớn hơn 5 MB, không phải tệp của ứng dụng này"
                    )),
                );
            }
            let end = at.saturating_add(file.size() as usize);
            let text = whole.get(at..end).and_then(|bytes| {
                // As `Blob.text()`: UTF-8, without a byte order mark.
                let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                String::from_utf8(bytes.to_vec()).ok()
            });
            at = end;
            (
                name.clone(),
                text.ok_or_else(|| format!("Không đọc được tệp «{name}» thành văn bản")),
            )
        })
        .collect()
}
