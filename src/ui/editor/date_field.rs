//! The document's date, typed as Vietnamese clerks write it (15/12/2023,
//! 15-12-2023, 15.12.2023, 15122023), with a calendar beside it. The text
//! is stored as typed; an impossible date stays as typed, with its error.

use leptos::prelude::*;

use crate::core::doc_date::{parse_doc_date, shown};
use crate::core::report::HeaderField;
use crate::ui::editor::conflict::ConflictChoice;
use crate::ui::editor::state::form::FormContext;

#[component]
pub fn DateField() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let date = form.header_signal(HeaderField::Date);
    let key = "header:date".to_string();
    let (on_type, on_leave, on_pick) = (form.clone(), form.clone(), form.clone());
    let conflict = form.conflicts.hook(key.clone());
    let problem = move || date.with(|text| parse_doc_date(text).err());
    let picker = NodeRef::<leptos::html::Input>::new();
    let open_calendar = move |_| {
        if let Some(input) = picker.get() {
            // Browsers without showPicker still let the field be focused and typed.
            if input.show_picker().is_err() {
                let _ = input.focus();
            }
        }
    };
    view! {
        <span class="header-field date-field" data-conflict=conflict>
            "ngày "
            <input
                type="text"
                class="header-input date"
                data-header="date"
                inputmode="numeric"
                autocomplete="off"
                spellcheck="false"
                placeholder=HeaderField::Date.placeholder()
                aria-label="Ngày ban hành (ngày/tháng/năm)"
                title="Ngày ban hành, ví dụ 15/12/2023 (để trống nếu sẽ ghi tay khi ký)"
                aria-invalid=move || problem().is_some().to_string()
                aria-describedby="date-issue"
                // Drafts before stored the ISO form; it shows as clerks write it.
                prop:value=move || date.with(|text| if text.len() == 10 && text.as_bytes()[4] == b'-' { shown(text) } else { text.clone() })
                on:input=move |ev| on_type.set_header(HeaderField::Date, event_target_value(&ev))
                on:blur=move |_| {
                    let text = date.get_untracked();
                    let tidy = shown(&text);
                    if tidy != text {
                        on_leave.set_header(HeaderField::Date, tidy);
                    }
                }
            />
            <span class="calendar">
                <button
                    type="button"
                    class="calendar-button"
                    data-action="pick-date"
                    aria-label="Chọn ngày ban hành trên lịch"
                    title="Chọn ngày trên lịch"
                    on:click=open_calendar
                >"📅"</button>
                <input
                    type="date"
                    class="calendar-picker"
                    node_ref=picker
                    tabindex="-1"
                    aria-hidden="true"
                    prop:value=move || date.with(|text| parse_doc_date(text).ok().flatten().map(|d| d.iso()).unwrap_or_default())
                    on:change=move |ev| {
                        if let Ok(Some(day)) = parse_doc_date(&event_target_value(&ev)) {
                            on_pick.set_header(HeaderField::Date, day.slashed());
                        }
                    }
                />
            </span>
            <ConflictChoice key=key current=date.into() />
            {move || problem().map(|text| view! { <span class="field-issue" id="date-issue" role="alert" data-header-issue="date">{text}</span> }.into_any())}
        </span>
    }
}
