//! How many indicators are filled.

use leptos::prelude::*;

use crate::ui::FormContext;

#[component]
pub fn CompletionMeter() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let filled = form.filled;
    let total = form.fillable;
    let noun = if form.grids.is_empty() { " chỉ tiêu" } else { " ô số liệu" };
    view! {
        <div class="completion" data-completion=move || format!("{}/{}", filled.get(), total.get())>
            <span class="completion-text">"Đã điền " {move || filled.get()} "/" {move || total.get()} {noun}</span>
            <progress max=move || total.get() value=move || filled.get() aria-label="Mức độ hoàn thành"></progress>
        </div>
    }
}
