//! «Tải biểu mẫu dạng Excel» on a template's card: the template as a
//! workbook a province can edit in a spreadsheet program and load back.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::download::download;
use crate::core::template::Template;
use crate::core::template_book::{template_workbook, workbook_file_name};

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[component]
pub fn TemplateWorkbookButton(template: Arc<Template>) -> impl IntoView {
    let id = template.id.clone();
    view! {
        <button
            type="button"
            class="secondary"
            data-action="template-workbook"
            data-template=id
            on:click=move |_| {
                let bytes = template_workbook(&template);
                download(&workbook_file_name(&template), XLSX_MIME, &bytes);
            }
        >
            "Tải biểu mẫu dạng Excel"
        </button>
    }
}
