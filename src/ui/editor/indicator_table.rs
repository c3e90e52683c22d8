//! The annex table: STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú, with
//! each row's messages beside it.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

use crate::browser::focus::focus_next_note;
use crate::browser::text_field::break_line_on_alt_enter;
use crate::core::issue::Severity;
use crate::core::template::{Indicator, Line, Section};
use crate::core::value::FieldState;
use crate::ui::editor::annex_keys::{number_in_note_hint, AnnexKeys};
use crate::ui::editor::conflict::ConflictChoice;
use crate::ui::editor::issue_summary::IssueMessages;
use crate::ui::editor::stale::{Codes, StaleBar};
use crate::ui::editor::state::form::FormContext;
use crate::ui::editor::value_input::{is_tab, none_to_report_button, tab_key, ValueInput};
use crate::ui::shared::deferred::Deferral;
use crate::ui::shared::erased::CollectAny;
use crate::ui::shared::settled::Settled;

/// Lines per `<table>`. A section is drawn as consecutive tables with the
/// same columns, each a layout and paint boundary the browser skips while
/// it is off screen: a keystroke re-lays out and repaints a dozen rows, not
/// a whole table (a forced layout of a 5,000-row one took ~57 ms). Real
/// keys in xa-01b, headed Chromium: tables of 100 lines had 227 of 302 keys
/// over 16 ms (p95 32 ms); tables of 12, about 100 (p95 16 ms); 6 gave no more.
const LINES_PER_TABLE: usize = 12;
/// A line's usual height on screen, for the placeholder of lines not drawn yet.
const ROW_PX: u32 = 38;

#[component]
pub fn IndicatorTable(section: Section, keys: AnnexKeys) -> impl IntoView {
    let deferral = expect_context::<Deferral>();
    let chunks = section
        .lines
        .chunks(LINES_PER_TABLE)
        .enumerate()
        .map(|(n, lines)| {
            let lines = lines.to_vec();
            let count = lines.len();
            let table = move || {
                let rows = lines
                    .iter()
                    .map(|line| match *line {
                        Line::Indicator(index) => view! { <IndicatorRow index keys /> }.into_any(),
                        Line::Computed(index) => view! { <ComputedRow index /> }.into_any(),
                    })
                    .collect::<Vec<AnyView>>();
                view! {
                    <table class="annex">
                        <colgroup>
                            <col class="col-stt" />
                            <col class="col-label" />
                            <col class="col-unit" />
                            <col class="col-value" />
                            <col class="col-note" />
                            <col class="col-messages" />
                        </colgroup>
                        {(n == 0).then(|| table_head().into_any())}
                        <tbody>{rows}</tbody>
                    </table>
                }
            };
            view! { <div class="annex-chunk">{deferral.rows(count, ROW_PX, Arc::new(move || table().into_any()))}</div> }
        })
        .collect_any();
    let form = expect_context::<FormContext>();
    let codes: Vec<String> = section
        .lines
        .iter()
        .filter_map(|line| match *line {
            Line::Indicator(i) => form.template.indicators.get(i).map(|ind| ind.code.clone()),
            Line::Computed(_) => None,
        })
        .collect();
    view! {
        <StaleBar codes=Codes::Listed(Arc::new(codes)) />
        <section class="annex-section" data-section=section.id.clone()>{chunks}</section>
    }
}

fn table_head() -> impl IntoView {
    view! {
        <thead>
            <tr>
                <th rowspan="2">"STT"</th>
                <th rowspan="2">
                    "Chỉ tiêu thống kê"
                    <br />
                    <em class="small">"(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, 9 tháng, năm)"</em>
                </th>
                <th colspan="2">"Kết quả thống kê"</th>
                <th rowspan="2">"Ghi chú"</th>
                <th rowspan="2" class="screen-only">"Kiểm tra"</th>
            </tr>
            <tr>
                <th>"Đơn vị tính"</th>
                <th>"Số liệu"</th>
            </tr>
            <tr class="column-numbers">
                <td>"(1)"</td>
                <td>"(2)"</td>
                <td>"(3)"</td>
                <td>"(4)"</td>
                <td>"(5)"</td>
                <td class="screen-only"></td>
            </tr>
        </thead>
    }
}

/// The unit text, one line per coded answer ("Trực tuyến = 0" …).
fn unit_lines(unit: &str) -> impl IntoView {
    unit.split('\n')
        .map(|line| view! { <span class="unit-line">{line.to_string()}</span> })
        .collect_any()
}

fn stt_text(indicator: &Indicator) -> String {
    match (&indicator.part_of, indicator.first_part) {
        (Some(_), true) => "Trong đó".to_string(),
        (Some(_), false) => String::new(),
        (None, _) => indicator.code.clone(),
    }
}

#[component]
fn IndicatorRow(index: usize, keys: AnnexKeys) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let Some(indicator) = form.template.indicators.get(index).cloned() else {
        return ().into_any();
    };
    let Some(field) = form.field(&indicator.code) else {
        return ().into_any();
    };
    let code = indicator.code.clone();
    // Shown on the frame after the key's (ui/shared/settled.rs).
    let issues = expect_context::<Settled>().follow_frame(field.issues);
    let indicator_for_previous = indicator.clone();
    let row_class = format!(
        "row depth-{} {}{}",
        indicator.depth().min(4),
        if indicator.is_heading() {
            "heading"
        } else {
            "indicator"
        },
        if indicator.part_of.is_some() {
            " part"
        } else {
            ""
        }
    );
    let value_cell = match indicator.kind.clone() {
        None => ().into_any(),
        Some(kind) => {
            // The report before's figure, and the change to this one.
            // The figure is drawn once per report compared with; a keystroke
            // updates only the text of the change.
            let (previous, state, hook) = (form.before.change, field.state, code.clone());
            let shown = move |now: &FieldState| {
                previous.with(|p| {
                    let compared = p.as_ref()?;
                    indicator_for_previous.previous_shown(
                        compared.draft.report.value(&indicator_for_previous.code),
                        now,
                    )
                })
            };
            let figure = {
                let shown = shown.clone();
                move || {
                    shown(&FieldState::Empty).map(|(value, _)| {
                        (
                            previous
                                .with(|p| p.as_ref().map(|c| c.title()))
                                .unwrap_or_default(),
                            value,
                        )
                    })
                }
            };
            let change = move || {
                state
                    .with(|now| shown(now))
                    .and_then(|(_, c)| c)
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default()
            };
            let stale = form.stale_mark(&code).map(|mark| {
                let (form, code) = (form.clone(), code.clone());
                move || mark.get().then(|| {
                    let (form, code, hook) = (form.clone(), code.clone(), code.clone());
                    view! {
                        <span class="stale screen-only" data-stale=hook>
                            "Chép từ kỳ trước, chưa cập nhật · "
                            <button type="button" class="link" data-action="confirm-value" on:click=move |_| form.confirm(&code)>
                                "Giữ nguyên"
                            </button>
                        </span>
                    }
                    .into_any()
                })
            });
            view! {
                <ValueInput code=code.clone() kind field keys />
                {stale}
                {move || figure().map(|(name, value)| {
                    let change = change.clone();
                    view! {
                        <span class="previous screen-only">
                            {name} ": " <span data-previous=hook.clone()>{value}</span> {change}
                        </span>
                    }
                    .into_any()
                })}
            }
            .into_any()
        }
    };
    let note = field.note;
    let heading = indicator.is_heading();
    // The next row's figure, where a number typed after Tab was meant to go.
    let next = form
        .template
        .indicators
        .iter()
        .skip(index + 1)
        .find(|i| i.kind.is_some())
        .map(|i| i.code.clone());
    let hint = number_in_note_hint(keys, code.clone(), next);
    let none_button = (!heading).then(|| none_to_report_button(code.clone(), field));
    let typed_code = code.clone();
    view! {
        <tr
            class=row_class
            data-row-code=code.clone()
            class:has-error=move || issues.with(|l| l.iter().any(|i| i.severity == Severity::Error))
            class:has-warning=move || issues.with(|l| l.iter().any(|i| i.severity == Severity::Warning))
        >
            <td class="stt">{stt_text(&indicator)}</td>
            <td class="label">
                {indicator.part_of.as_ref().map(|_| view! { <span class="part-code">{code.clone()}</span> }.into_any())}
                {indicator.label.clone()}
            </td>
            <td class="unit">{unit_lines(&indicator.unit)}</td>
            <td class="value" data-conflict=form.conflicts.hook(code.clone())>
                {value_cell}
                <ConflictChoice key=code.clone() current=field.raw.into() />
            </td>
            <td class="note" data-conflict=form.conflicts.hook(format!("note:{code}"))>
                // A box that grows with its text (field-sizing), so a long
                // note is read whole. Enter goes to the next row's note, as
                // down a spreadsheet's column; Alt+Enter breaks the line;
                // Tab goes on to the next row's figure. A heading's note
                // takes no key stop.
                <textarea
                    class="note-input"
                    rows="1"
                    placeholder="Ghi chú"
                    tabindex=if heading { "-1" } else { "0" }
                    data-note=code.clone()
                    aria-label=format!("Ghi chú {code}")
                    prop:value=move || note.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        keys.note_typed(&typed_code, &text);
                        field.set_note(text);
                    }
                    on:keydown=move |ev: KeyboardEvent| match break_line_on_alt_enter(&ev) {
                        Some(text) => field.set_note(text),
                        None if ev.key() == "Enter" && !ev.is_composing() => {
                            ev.prevent_default();
                            if let Some(here) = ev.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
                                focus_next_note(&here, ev.shift_key());
                            }
                        }
                        None if is_tab(&ev) => {
                            tab_key(&ev);
                        }
                        None => {}
                    }
                ></textarea>
                // On paper the whole note, wrapped, in the document's type.
                <span class="print-only note-text">{move || note.get()}</span>
                {hint}
                <ConflictChoice key=format!("note:{code}") current=note.into() />
            </td>
            <td class="messages" aria-live="polite">
                {none_button}
                <IssueMessages issues />
            </td>
        </tr>
    }
    .into_any()
}

#[component]
fn ComputedRow(index: usize) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let (Some(computed), Some(value)) = (
        form.template.computed.get(index).cloned(),
        form.computed.get(index).copied(),
    ) else {
        return ().into_any();
    };
    let code = computed.code.clone();
    let label = computed.label.clone();
    let unit = computed.unit.clone();
    view! {
        <tr class="row computed-row">
            <td class="stt"></td>
            <td class="label">{label}</td>
            <td class="unit">{unit}</td>
            <td class="value">
                <output data-computed=code>{move || computed.display(value.get())}</output>
            </td>
            <td class="note"></td>
            <td class="messages"></td>
        </tr>
    }
    .into_any()
}
