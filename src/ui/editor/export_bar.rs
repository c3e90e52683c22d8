//! Downloads and printing. A report with anything open may still be sent
//! (clerks send drafts for review), but the clerk sees one list first, the
//! core's pre-flight (`core::preflight`) for that document: errors and
//! warnings (those explained in a note marked so), values «chưa cập nhật»,
//! required narrative items still empty, fields changed on both sides. The
//! `.json` backup never asks.

use leptos::prelude::*;

use crate::browser::download::download;
use crate::browser::print::print_page;
use crate::browser::time::measured;
use crate::core::export::{csv::csv, docx::docx, xlsx::xlsx};
use crate::core::issue::Severity;
use crate::core::period::{parse_year, Period};
use crate::core::preflight::{preflight, Document, Open, Preflight};
use crate::core::report::HeaderField;
use crate::ui::editor::autosave::Autosave;
use crate::ui::editor::save_status::download_current;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::erased::CollectAny;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

type Export = Document;

fn verb(export: Export) -> &'static str {
    match export {
        Export::Docx => "Vẫn tải tệp .docx",
        Export::Xlsx => "Vẫn tải tệp .xlsx",
        Export::Csv => "Vẫn tải tệp .csv",
        Export::Print => "Vẫn in",
    }
}

#[component]
pub fn ExportBar(autosave: Autosave) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let asking = RwSignal::new(None::<(Export, Preflight)>);
    let template = form.template.clone();
    let run = Callback::new(move |export: Export| {
        asking.set(None);
        // Whatever is on screen is saved first, so the file and the draft agree.
        autosave.flush();
        let Some(draft) = autosave.current() else {
            return;
        };
        let stem = draft.file_stem();
        match export {
            Export::Docx => {
                let bytes = measured("bieumau:export-docx", || docx(&template, &draft.report));
                download(&format!("{stem}.docx"), DOCX_MIME, &bytes);
            }
            Export::Xlsx => {
                let bytes = measured("bieumau:export-xlsx", || xlsx(&template, &draft.report));
                download(&format!("{stem}.xlsx"), XLSX_MIME, &bytes);
            }
            Export::Csv => {
                let text = measured("bieumau:export-csv", || csv(&template, &draft.report));
                download(
                    &format!("{stem}.csv"),
                    "text/csv;charset=utf-8",
                    text.as_bytes(),
                );
            }
            Export::Print => {
                print_page();
            }
        }
    });
    let (issues, unconfirmed, conflicts) = (form.issues, form.unconfirmed, form.conflicts);
    // The pre-flight of a document, read once from the editor's signals
    // when the clerk asks for it (not tracked: typing a note while the
    // list is open does not work it out again).
    let check = {
        let form = form.clone();
        move |export: Export| -> Preflight {
            untrack(|| {
                let note_of =
                    |code: &str| form.field(code).map(|f| f.note.get()).unwrap_or_default();
                let text_of =
                    |id: &str| form.narrative.text(id).map(|t| t.get()).unwrap_or_default();
                let period = Period::from_key(&form.header_signal(HeaderField::Period).get())
                    .unwrap_or_default();
                let year = parse_year(&form.header_signal(HeaderField::Year).get()).ok();
                issues.with(|issues| {
                    let open = Open {
                        issues,
                        note_of: &note_of,
                        text_of: &text_of,
                        left_out: &|id| form.narrative.left_out.with(|l| l.contains(id)),
                        period,
                        year,
                        source: &*form.narrative.live,
                        stale: unconfirmed.with(|s| s.len()),
                        conflicts: conflicts.map.with(|c| c.len()),
                    };
                    preflight(export, &form.template, &open)
                })
            })
        }
    };
    let request = Callback::new(move |export: Export| {
        let found = check(export);
        if found.is_clear() {
            run.run(export);
        } else {
            asking.set(Some((export, found)));
        }
    });
    view! {
        <div class="export-bar" role="group" aria-label="Tải về và in">
            <button type="button" data-action="export-docx" title="Cả báo cáo (phần thuyết minh và phụ lục) theo thể thức Nghị định 30/2020" on:click=move |_| request.run(Export::Docx)>"Tải .docx"</button>
            <button type="button" data-action="export-xlsx" on:click=move |_| request.run(Export::Xlsx)>"Tải .xlsx"</button>
            <button type="button" data-action="export-csv" on:click=move |_| request.run(Export::Csv)>"Tải .csv"</button>
            <button type="button" data-action="export-json" title="Bản sao lưu mở lại được trong ứng dụng, trên máy này hoặc máy khác" on:click=move |_| download_current(autosave)>
                "Tải .json"
            </button>
            <button type="button" data-action="print" on:click=move |_| request.run(Export::Print)>"In / Lưu PDF"</button>
        </div>
        {move || asking.get().map(|(export, found)| {
            let (stale, open) = (found.stale, found.conflicts);
            let errors = found.listed.iter().filter(|l| l.issue.severity == Severity::Error).count();
            let warnings = found.listed.len() - errors;
            let explained = found.explained();
            view! {
                <div class="export-confirm banner warning" role="alertdialog" aria-label="Báo cáo còn sai sót" data-export-confirm=document_key(export)>
                    {(open > 0).then(|| view! {
                        <p data-export-conflicts=open>
                            <strong>{format!("Còn {open} mục có hai bản khác nhau chưa chọn")}</strong>
                            " (đánh dấu «Hai bản khác nhau» trên trang): tệp tải về dùng bản ở trình duyệt này."
                        </p>
                    }.into_any())}
                    {(stale > 0).then(|| view! {
                        <p data-export-stale=stale>
                            <strong>{format!("Còn {stale} số liệu chép từ kỳ trước chưa cập nhật")}</strong>
                            " (đánh dấu «chưa cập nhật» trên trang): hãy sửa, hoặc bấm «Giữ nguyên» nếu số liệu vẫn đúng."
                        </p>
                    }.into_any())}
                    {(!found.listed.is_empty()).then(|| view! {
                        <p data-export-counts=format!("{errors}/{warnings}/{explained}")>
                            <strong>{format!("Báo cáo còn {errors} lỗi và {warnings} cảnh báo chưa xử lý")}</strong>
                            {(explained > 0).then(|| format!(" ({explained} cảnh báo đã có giải thích ở cột Ghi chú)"))}
                            ":"
                        </p>
                        <ul>
                            {found.listed.into_iter().map(|l| view! {
                                <li class=l.issue.severity.as_str() data-export-issue=l.issue.code.clone() data-explained=l.explained.to_string()>
                                    {format!("{}: {}", l.issue.severity.label(), l.issue.message)}
                                    {l.explained.then(|| view! { <em class="explained">" — đã giải thích ở Ghi chú"</em> })}
                                </li>
                            }).collect_any()}
                        </ul>
                    }.into_any())}
                    <p>"Có thể vẫn gửi để xin ý kiến, nhưng nên ghi giải thích vào cột Ghi chú."</p>
                    <button type="button" class="primary" data-action="confirm" on:click=move |_| run.run(export)>{verb(export)}</button>
                    <button type="button" data-action="cancel" on:click=move |_| asking.set(None)>"Quay lại sửa"</button>
                </div>
            }.into_any()
        })}
    }
}

/// The document a pre-flight is for, as its page hook says it.
fn document_key(export: Export) -> &'static str {
    match export {
        Export::Docx => "docx",
        Export::Xlsx => "xlsx",
        Export::Csv => "csv",
        Export::Print => "print",
    }
}
