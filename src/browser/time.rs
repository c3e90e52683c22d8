//! The browser's clock: the time now, local times as a clerk reads them,
//! and User Timing measures for the benchmark.

/// Milliseconds since the Unix epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// "14:32", local time.
pub fn clock(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// "22/11/2026 14:32", local time.
pub fn date_time(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:02}/{:02}/{} {}",
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year(),
        clock(ms)
    )
}

/// "22/11/2026", local date.
pub fn date(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:02}/{:02}/{}",
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year()
    )
}

/// "2026-11-23", local time: for file names.
pub fn date_stamp(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// Milliseconds since the page started, for timing work in slices.
pub fn page_clock() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(now, |p| p.now())
}

/// Marks the start of a User Timing measure `name` that
/// [`end_measure`] closes: for work done across several tasks.
pub fn start_measure(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}:start"));
    }
}

/// Closes the measure [`start_measure`] opened.
pub fn end_measure(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let start = format!("{name}:start");
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
}

/// Runs `work` inside a User Timing measure named `name`, visible in the
/// browser's performance tools and read by the benchmark.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let result = work();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
    result
}
