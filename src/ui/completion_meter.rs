//! How many indicators are filled.

use leptos::prelude::*;

use crate::ui::FormContext;

#[component]
pub fn CompletionMeter() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let filled = form.filled;
    let total = form.fillable;
    view! {
        <div class="completion" data-completion=move || format!("{}/{total}", filled.get())>
            <span class="completion-text">"Đã điền " {move || filled.get()} "/" {total} " chỉ tiêu"</span>
            <progress max=total value=move || filled.get() aria-label="Mức độ hoàn thành"></progress>
        </div>
    }
}
