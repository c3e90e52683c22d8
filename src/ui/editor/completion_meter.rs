//! How many indicators are filled.

use leptos::prelude::*;

use crate::core::number::format_count;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::settled::Settled;

#[component]
pub fn CompletionMeter() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let filled = expect_context::<Settled>().follow(form.filled);
    let total = form.fillable;
    let noun = if form.grids.is_empty() {
        " chỉ tiêu"
    } else {
        " ô số liệu"
    };
    view! {
        <div class="completion" data-completion=move || format!("{}/{}", filled.get(), total.get())>
            <span class="completion-text">
                "Đã điền " {move || format!("{}/{}", format_count(filled.get() as f64), format_count(total.get() as f64))} {noun}
            </span>
            <progress max=move || total.get().to_string() value=move || filled.get().to_string() aria-label="Mức độ hoàn thành"></progress>
        </div>
    }
}
