//! Beside the document's date (a header field typed as Vietnamese clerks
//! write it: 15/12/2023, 15-12-2023, 15.12.2023, 15122023), a calendar
//! button and the date's error. The text is stored as typed; an impossible
//! date stays as typed, with its error.

use leptos::prelude::*;

use crate::core::doc_date::parse_doc_date;
use crate::core::report::HeaderField;
use crate::ui::editor::state::form::FormContext;

#[component]
pub fn DateField() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let date = form.header_signal(HeaderField::Date);
    let picker = NodeRef::<leptos::html::Input>::new();
    let open_calendar = move |_| {
        if let Some(input) = picker.get() {
            let day = date.with_untracked(|t| parse_doc_date(t).ok().flatten());
            input.set_value(&day.map(|d| d.iso()).unwrap_or_default());
            // Browsers without showPicker still let the calendar's field be used.
            if input.show_picker().is_err() {
                let _ = input.focus();
            }
        }
    };
    view! {
        <span class="calendar">
            <button
                type="button"
                class="calendar-button"
                data-action="pick-date"
                aria-label="Chọn ngày ban hành trên lịch"
                title="Chọn ngày trên lịch"
                on:click=open_calendar
            ></button>
            <input
                type="date"
                class="calendar-picker"
                node_ref=picker
                tabindex="-1"
                aria-hidden="true"
                on:change=move |ev| {
                    if let Ok(Some(day)) = parse_doc_date(&event_target_value(&ev)) {
                        form.set_header(HeaderField::Date, day.slashed());
                    }
                }
            />
        </span>
        {move || date.with(|t| HeaderField::Date.issue(t)).map(|text| view! {
            <span class="field-issue" role="alert" data-header-issue="date" data-issue-for="header:date" data-severity="error">{text}</span>
        })}
    }
}
