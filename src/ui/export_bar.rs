//! Downloads and printing. A report with open errors or warnings may still
//! be sent (clerks send drafts for review), but the clerk sees the list and
//! confirms first. The `.json` backup never asks.

use leptos::prelude::*;

use crate::browser::download::download;
use crate::browser::print::print_page;
use crate::browser::storage::measured;
use crate::core::export::{csv::csv, docx::docx, xlsx::xlsx};
use crate::ui::erased::CollectAny;
use crate::ui::autosave::Autosave;
use crate::ui::save_status::download_current;
use crate::ui::FormContext;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Export {
    Docx,
    Xlsx,
    Csv,
    Print,
}

impl Export {
    fn verb(self) -> &'static str {
        match self {
            Export::Docx => "Vẫn tải tệp .docx",
            Export::Xlsx => "Vẫn tải tệp .xlsx",
            Export::Csv => "Vẫn tải tệp .csv",
            Export::Print => "Vẫn in",
        }
    }
}

#[component]
pub fn ExportBar(autosave: Autosave) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let asking = RwSignal::new(None::<Export>);
    let template = form.template.clone();
    let run = Callback::new(move |export: Export| {
        asking.set(None);
        // Whatever is on screen is saved first, so the file and the draft agree.
        autosave.flush();
        let Some(draft) = autosave.current() else { return };
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
                download(&format!("{stem}.csv"), "text/csv;charset=utf-8", text.as_bytes());
            }
            Export::Print => {
                print_page();
            }
        }
    });
    let (issues, unconfirmed, conflicts) = (form.issues, form.unconfirmed, form.conflicts);
    let request = Callback::new(move |export: Export| {
        let open = conflicts.map.with_untracked(|c| !c.is_empty());
        if issues.with_untracked(Vec::is_empty) && unconfirmed.with_untracked(|s| s.is_empty()) && !open {
            run.run(export);
        } else {
            asking.set(Some(export));
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
        {move || asking.get().map(|export| {
            let (errors, warnings) = (form.errors.get(), form.warnings.get());
            let stale = unconfirmed.with(|s| s.len());
            let open = conflicts.map.with(|c| c.len());
            view! {
                <div class="export-confirm banner warning" role="alertdialog" aria-label="Báo cáo còn sai sót" data-export-confirm="">
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
                    <p><strong>{format!("Báo cáo còn {errors} lỗi và {warnings} cảnh báo chưa xử lý:")}</strong></p>
                    <ul>
                        {issues.get().into_iter().map(|issue| view! {
                            <li class=issue.severity.as_str()>{format!("{}: {}", issue.severity.label(), issue.message)}</li>
                        }).collect_any()}
                    </ul>
                    <p>"Có thể vẫn gửi để xin ý kiến, nhưng nên ghi giải thích vào cột Ghi chú."</p>
                    <button type="button" class="primary" data-action="confirm" on:click=move |_| run.run(export)>{export.verb()}</button>
                    <button type="button" data-action="cancel" on:click=move |_| asking.set(None)>"Quay lại sửa"</button>
                </div>
            }.into_any()
        })}
    }
}
