//! Printing: the browser's print dialog, where "Save as PDF" is offered too.

/// Opens the print dialog; false if the browser refused.
pub fn print_page() -> bool {
    web_sys::window().is_some_and(|w| w.print().is_ok())
}
