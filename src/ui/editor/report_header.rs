//! The header of the report as Decree 30/2020 lays it out, and the annex
//! heading. The window of dates is derived from the period and the year.

use leptos::prelude::*;

use crate::core::levels::Levels;
use crate::core::period::{parse_year, Period};
use crate::core::report::HeaderField;
use crate::ui::editor::conflict::ConflictChoice;
use crate::ui::editor::date_field::DateField;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::erased::CollectAny;

/// A one-line header field bound to its signal. On paper it prints as
/// plain text, which wraps where an input would cut it off.
pub fn header_input(field: HeaderField, class: &'static str) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let value = form.header_signal(field);
    let (edit, leave) = (form.clone(), form.clone());
    let key = format!("header:{}", field.key());
    view! {
        <span class="header-field" data-conflict=form.conflicts.hook(key.clone())>
        <span class=format!("print-only print-text {class}")>{move || value.get()}</span>
        <input
            type="text"
            class=format!("header-input {class}")
            data-header=field.key()
            placeholder={
                let form = form.clone();
                move || field.placeholder_in(levels(&form))
            }
            aria-label=field.label()
            title=field.label()
            aria-invalid=move || value.with(|t| field.issue(t).is_some()).to_string()
            prop:value=move || value.with(|t| field.shown(t))
            on:input=move |ev| edit.set_header(field, event_target_value(&ev))
            // Once left, a real date is shown as clerks write it (15/12/2023).
            // A field removed with the editor is left after its signals are
            // gone: a `try_` read, and nothing to tidy.
            on:blur=move |_| {
                let Some((text, tidy)) = value.try_with_untracked(|t| (t.clone(), field.tidied(t))) else {
                    return;
                };
                if tidy != text {
                    leave.set_header(field, tidy);
                }
            }
        />
        <ConflictChoice key=key.clone() current=value.into() />
        </span>
    }
}

/// The structure of local government the report belongs to, tracking its
/// period and year (`None` while the year is not valid).
pub fn levels(form: &FormContext) -> Option<Levels> {
    let period = Period::from_key(&form.header_signal(HeaderField::Period).get())?;
    let year = parse_year(&form.header_signal(HeaderField::Year).get()).ok()?;
    Some(Levels::of(&period.window(year)))
}

#[component]
pub fn ReportHeaderBlock() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let period = form.header_signal(HeaderField::Period);
    let year = form.header_signal(HeaderField::Year);
    let edit_period = form.clone();
    let window = move || match (Period::from_key(&period.get()), parse_year(&year.get())) {
        (Some(p), Ok(y)) => {
            let w = p.window(y);
            Ok(format!(
                "Số liệu tính từ ngày {} đến ngày {}; hạn gửi báo cáo: {}",
                w.from, w.to, w.due
            ))
        }
        (_, Err(e)) => Err(e),
        (None, _) => Err("Chưa chọn kỳ báo cáo".to_string()),
    };
    view! {
        <section class="document-header" aria-label="Tiêu đề báo cáo">
            <div class="issuer">
                {header_input(HeaderField::ParentBody, "caps")}
                {header_input(HeaderField::Unit, "caps bold")}
                <span class="rule-line"></span>
                <p class="number">
                    "Số: " {header_input(HeaderField::Number, "short")} "/" {header_input(HeaderField::NumberSuffix, "short")}
                </p>
            </div>
            <div class="nation">
                <p class="caps bold">"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"</p>
                <p class="bold motto">"Độc lập - Tự do - Hạnh phúc"</p>
                <span class="rule-line"></span>
                // The line as the documents print it; the fields that make it below.
                <p class="place-date" data-computed="place-date">{
                    let header = form.clone();
                    move || header.header_value().place_and_date()
                }</p>
                <p class="place-date-fields screen-only">
                    {header_input(HeaderField::Place, "place")} ", ngày "
                    {header_input(HeaderField::Date, "date")}
                    <DateField />
                </p>
            </div>
        </section>
        <section class="period" aria-label="Kỳ báo cáo">
            <label>
                "Kỳ báo cáo "
                <select
                    data-header="period"
                    prop:value=move || period.get()
                    on:change=move |ev| edit_period.set_header(HeaderField::Period, event_target_value(&ev))
                >
                    {Period::ALL
                        .into_iter()
                        .map(|p| view! { <option value=p.key() selected=move || period.get() == p.key()>{p.label()}</option> })
                        .collect_any()}
                </select>
            </label>
            <label>"Năm " {header_input(HeaderField::Year, "year")}</label>
            {move || match window() {
                Ok(text) => view! { <p class="window" data-computed="period-window">{text}</p> }.into_any(),
                Err(e) => view! { <p class="window pending" data-computed="period-window" data-header-issue="year">{e}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
pub fn AnnexHeading() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let header = form.clone();
    let attached_to = move || header.header_value().attachment_line();
    let header = form.clone();
    // The screen has the period's own fields above; paper has the .xlsx's line.
    let period_line = move || header.header_value().period_line();
    view! {
        <section class="annex-heading">
            <p class="annex-name bold">{form.template.annex.clone()}</p>
            <h1 class="annex-title">{form.template.title.clone()}</h1>
            <p class="attached italic">{attached_to}</p>
            <p class="period-line italic print-only">{period_line}</p>
            {form.template.unit_note.clone().map(|note| view! { <p class="unit-note italic">"Đơn vị tính: " {note}</p> }.into_any())}
        </section>
    }
}
