//! Saving a file to the user's computer: a Blob, an object URL and a click.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `file_name`. Returns false if the
/// browser refused; nothing panics.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> bool {
    try_download(file_name, mime, bytes).is_some()
}

fn try_download(file_name: &str, mime: &str, bytes: &[u8]) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_attribute("hidden", "").ok()?;
    document.body()?.append_child(&anchor).ok()?;
    anchor.click();
    anchor.remove();
    // Revoke later: some browsers start the download after the click returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)
        .ok()?;
    Some(())
}
