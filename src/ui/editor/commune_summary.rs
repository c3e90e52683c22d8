//! Roll-up of units' report files into a district's or a province's draft:
//! the file picker, and the summary of the units' indicators it leaves
//! behind. The words for the units come from the template's `rollup`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::files::{picked_files, read_all_text};
use crate::browser::idle::{after_paint, next_task, sleep};
use crate::browser::time::{end_measure, page_clock, start_measure};
use crate::core::number::format_vn;
use crate::core::rollup::{read_unit_file, roll_up_read, rollup_spec};
use crate::core::summary::{CommuneSummary, SummaryValue};
use crate::core::template::RollupSpec;
use crate::ui::context::AppContext;
use crate::ui::editor::autosave::Autosave;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::deferred::Deferral;
use crate::ui::shared::erased::CollectAny;

/// A slice of file reading between two turns of the browser's loop.
const SLICE_MS: f64 = 40.0;
/// After this long, the panel says how far the reading is.
const PROGRESS_AFTER_MS: f64 = 300.0;

/// "Tổng hợp từ báo cáo của các xã" (or "đơn vị"): pick the units' `.json` files.
#[component]
pub fn RollupPanel(autosave: Autosave, spec: RollupSpec) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let form = expect_context::<FormContext>();
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let progress = RwSignal::new(None::<String>);
    let from = spec.from.clone();
    let noun = spec.noun().to_string();
    let (units, pick) = (noun.clone(), noun.clone());
    // "Phụ lục VI": the table the rows go to, as the page heads it.
    let annex = form
        .template
        .sections
        .iter()
        .find(|s| s.id == spec.section)
        .and_then(|s| s.annex.clone())
        .unwrap_or_else(|| spec.section.clone());
    let annex_shown = annex.clone();
    let on_change = move |ev: web_sys::Event| {
        let files = picked_files(&ev);
        if files.is_empty() {
            return;
        }
        let Some(commune_template) = ctx.template(&from) else {
            problem.set(Some(format!(
                "Ứng dụng chưa có biểu mẫu «{from}» của {units} để đọc các tệp này."
            )));
            return;
        };
        let district_template = form.template.clone();
        let form = form.clone();
        busy.set(true);
        problem.set(None);
        let (units, annex) = (units.clone(), annex.clone());
        // Past 300 ms with files still being read, a line says so; the
        // reading below then says how far it is.
        spawn_local(async move {
            sleep(PROGRESS_AFTER_MS as i32).await;
            if busy.try_get_untracked() == Some(true)
                && progress.try_with_untracked(Option::is_none) == Some(true)
            {
                progress.try_set(Some("Đang đọc các tệp…".to_string()));
            }
        });
        spawn_local(async move {
            let started = page_clock();
            let mut texts = Vec::with_capacity(files.len());
            let mut unread = Vec::new();
            for (name, result) in read_all_text(&files).await {
                match result {
                    Ok(text) => texts.push((name, text)),
                    Err(e) => unread.push(format!("Bỏ qua: {e}.")),
                }
            }
            // Read in slices of about 40 ms with the browser let in between,
            // so that 3.321 files never freeze the page; past 300 ms a line
            // says how far it is.
            start_measure("bieumau:rollup");
            let outcome = match rollup_spec(&district_template, &commune_template) {
                Err(e) => Err(e),
                Ok(spec) => {
                    let mut read = Vec::with_capacity(texts.len());
                    let mut slice = page_clock();
                    for (done, (name, text)) in texts.iter().enumerate() {
                        match read_unit_file(spec, name, text) {
                            Ok(unit) => read.push(unit),
                            Err(notice) => unread.push(notice),
                        }
                        if page_clock() - slice > SLICE_MS {
                            if page_clock() - started > PROGRESS_AFTER_MS {
                                progress.try_set(Some(format!(
                                    "Đang đọc tệp {}/{}…",
                                    format_vn((done + 1) as f64, 0),
                                    format_vn(texts.len() as f64, 0)
                                )));
                            }
                            next_task().await;
                            slice = page_clock();
                        }
                    }
                    if page_clock() - started > PROGRESS_AFTER_MS {
                        progress.try_set(Some("Đang cộng và lập bảng…".to_string()));
                        next_task().await;
                    }
                    // The report as it is now: what was typed while the
                    // files were read is kept.
                    let Some(report) = form.try_snapshot() else {
                        end_measure("bieumau:rollup");
                        return;
                    };
                    roll_up_read(
                        &district_template,
                        &report,
                        &commune_template,
                        read,
                        std::mem::take(&mut unread),
                    )
                }
            };
            end_measure("bieumau:rollup");
            if outcome.is_ok() && page_clock() - started > PROGRESS_AFTER_MS {
                // Laying out thousands of rows is one long task: say so first.
                progress.try_set(Some("Đang lập bảng…".to_string()));
                after_paint().await;
            }
            progress.try_set(None);
            busy.try_set(false);
            match outcome {
                Ok(outcome) => {
                    let skipped = outcome.notices.len();
                    let notice = format!(
                        "Đã tổng hợp {} tệp của {units} vào bảng {} và bảng tổng hợp chỉ tiêu{}.",
                        outcome.used,
                        annex,
                        if skipped > 0 {
                            format!("; có {skipped} lưu ý ở phần tổng hợp")
                        } else {
                            String::new()
                        }
                    );
                    autosave.replace_report(ctx, outcome.report, notice);
                }
                Err(e) => {
                    problem.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section class="rollup-panel screen-only" aria-label=format!("Tổng hợp từ báo cáo của các {noun}")>
            <h2>{format!("Tổng hợp từ báo cáo của các {noun}")}</h2>
            <p>
                {format!("Chọn các tệp .json mà các {noun} đã tải từ ứng dụng này (biểu mẫu {}). Mỗi {noun} thành một dòng của bảng ", spec.from)}
                <strong>{annex_shown}</strong>
                {format!("; các chỉ tiêu của {noun} được cộng lại thành bảng tổng hợp ở cuối trang. Chọn lại lần nữa sẽ cập nhật đúng các dòng đó.")}
            </p>
            {(!spec.note.is_empty()).then(|| view! { <p class="small">{spec.note.clone()}</p> }.into_any())}
            <label class="file-button">
                <span>{move || if busy.get() { "Đang đọc các tệp…".to_string() } else { format!("Chọn tệp của các {pick}…") }}</span>
                <input type="file" multiple accept=".json,application/json" data-action="rollup" on:change=on_change />
            </label>
            {move || progress.get().map(|text| view! { <p class="rollup-progress" role="status" data-rollup-progress="">{text}</p> }.into_any())}
            {move || problem.get().map(|text| view! { <p class="banner error" role="alert" data-rollup-error="">{text}</p> }.into_any())}
        </section>
    }
}

/// The communes' indicators summed for the district, with the files used.
#[component]
pub fn CommuneSummaryView(summary: Arc<CommuneSummary>) -> impl IntoView {
    let communes = summary.sources.len();
    let lines = summary
        .lines
        .iter()
        .map(|line| {
            let heading = matches!(line.value, SummaryValue::Heading);
            let text = line.value.text(summary.noun());
            let detail = line.value.detail(communes, summary.noun());
            view! {
                <tr class:heading=heading data-summary-code=line.code.clone()>
                    <td class="stt">{if heading { line.code.clone() } else { String::new() }}</td>
                    <td class="label">{(!heading).then(|| view! { <span class="part-code">{line.code.clone()}</span> }.into_any())}{line.label.clone()}</td>
                    <td class="unit">{line.unit.replace('\n', "; ")}</td>
                    <td class="value number" data-computed=format!("tong-hop-xa/{}", line.code)>{text}</td>
                    <td class="note small">{detail}</td>
                </tr>
            }
        })
        .collect_any();
    // The files used, a thousand lines after a district's roll-up, in a
    // list the clerk opens: drawn when near the screen or in idle time, as
    // a large table's rows are, so the tables come on screen first.
    let sources = {
        let (summary, count) = (summary.clone(), summary.sources.len());
        let draw = move || {
            let lines = summary.sources.iter().map(|s| {
                view! { <li data-rollup-source=s.file.clone()>{format!("{} — {} ({})", s.file, s.unit, s.period)}</li> }
            });
            view! { <ol>{lines.collect_any()}</ol> }.into_any()
        };
        expect_context::<Deferral>().rows(count, 22, Arc::new(draw))
    };
    let notices = summary
        .notices
        .iter()
        .map(|n| view! { <li class="warning" data-rollup-notice="">{n.clone()}</li> })
        .collect_any();
    view! {
        <section class="grid-section own-page commune-summary" data-section="tong-hop-xa">
            <div class="annex-heading">
                <p class="annex-name bold">"Tổng hợp"</p>
                <h2 class="annex-title">{summary.title()}</h2>
                <p class="italic small">
                    "Số lượng được cộng; tỷ lệ được tính lại từ các số đã cộng, không cộng hay lấy trung bình; câu trả lời có/không và mã lựa chọn được đếm theo số "
                    {summary.noun().to_string()} "."
                </p>
            </div>
            <details class="rollup-sources screen-only" open=!summary.notices.is_empty()>
                <summary>{format!("Đã dùng {communes} tệp{}", if summary.notices.is_empty() { String::new() } else { format!(", {} lưu ý", summary.notices.len()) })}</summary>
                <ul class="rollup-notices">{notices}</ul>
                {sources}
            </details>
            <table class="annex summary-table">
                <colgroup>
                    <col class="col-stt" />
                    <col class="col-label" />
                    <col class="col-unit" />
                    <col class="col-value" />
                    <col class="col-note" />
                </colgroup>
                <thead>
                    <tr>
                        <th>"STT"</th>
                        <th>"Chỉ tiêu"</th>
                        <th>"Đơn vị tính"</th>
                        <th>"Tổng hợp"</th>
                        <th>"Cách tính"</th>
                    </tr>
                </thead>
                <tbody>{lines}</tbody>
            </table>
        </section>
    }
}
