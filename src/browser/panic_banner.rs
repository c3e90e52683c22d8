//! The last line of defence: if a panic still happens, say so on the page.
//!
//! In wasm a panic stops the app. Whatever was saved stays saved; the banner
//! tells the clerk to reload, which brings the saved draft back.

use wasm_bindgen::JsCast;

const MESSAGE: &str = "Ứng dụng gặp lỗi không mong muốn và đã dừng. Các số liệu đã lưu vẫn còn nguyên: \
hãy tải lại trang (F5) để tiếp tục. Nếu lỗi lặp lại, hãy tải bản sao lưu (.json) từ danh sách bản nháp.";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("panic: {info}").into());
        show_banner();
    }));
}

fn show_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(banner) = document.create_element("div") else { return };
    banner.set_class_name("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-panic", "");
    banner.set_text_content(Some(MESSAGE));
    if let Some(body) = document.body() {
        let _ = body.append_child(banner.unchecked_ref());
    }
}
