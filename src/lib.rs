//! Biểu mẫu CCHC: an offline form for the statistical annexes of Vietnamese
//! administrative-reform (CCHC) reports.
//!
//! - [`core`]: the domain, pure Rust, tested natively.
//! - [`ui`]: thin Leptos components that ask the core.
//! - [`browser`]: adapters to browser APIs (focus, files, storage).

pub mod browser;
pub mod core;
pub mod ui;

/// Starts the app in the page: the only thing `main` does.
pub fn mount() {
    browser::panic_banner::install();
    browser::first_screen::once_painted(|| {
        leptos::mount::mount_to_body(ui::app::App);
        browser::first_screen::take_over();
    });
}
