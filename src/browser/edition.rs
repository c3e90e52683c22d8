//! The one-file edition's two contacts with the page: the data block an
//! edition carries, and the app's own files fetched from its origin (the
//! service worker answers from its cache when offline) to build one.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::edition::{needed, Files, DATA_ID};

/// The text of the edition's data block, if this page is an edition.
pub fn embedded() -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.get_element_by_id(DATA_ID)?.text_content()
}

/// True when the page was opened from disk (`file://`): there are no files
/// to fetch an edition from.
pub fn from_disk() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_none_or(|p| p == "file:")
}

async fn fetch(path: &str) -> Result<Vec<u8>, String> {
    let fault = || {
        format!("Không lấy được tệp «{path}» của ứng dụng (mở lại trang khi có mạng một lần rồi thử lại).")
    };
    let window = web_sys::window().ok_or_else(fault)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path))
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or_else(fault)?;
    if !response.ok() {
        return Err(fault());
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| fault())?)
        .await
        .map_err(|_| fault())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The app's `index.html` and every file it names, from this origin.
pub async fn app_files() -> Result<(String, Files), String> {
    let index = String::from_utf8(fetch("index.html").await?)
        .map_err(|_| "Tệp index.html của ứng dụng không đọc được.".to_string())?;
    let mut have = Files::new();
    // The start-up script names the glue and the wasm: two rounds at most.
    for _ in 0..4 {
        let missing = needed(&index, &have)?;
        if missing.is_empty() {
            return Ok((index, have));
        }
        for path in missing {
            let bytes = fetch(&path).await?;
            have.insert(path, bytes);
        }
    }
    Err("index.html nêu quá nhiều tệp lồng nhau.".into())
}
