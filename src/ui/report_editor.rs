//! The editor: the report as a paper document, with the checks beside it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::report::Report;
use crate::core::template::Template;
use crate::ui::completion_meter::CompletionMeter;
use crate::ui::form_state::Form;
use crate::ui::indicator_table::IndicatorTable;
use crate::ui::issue_summary::IssueSummary;
use crate::ui::report_header::{AnnexHeading, ReportHeaderBlock};
use crate::ui::signature_block::SignatureBlock;
use crate::ui::FormContext;

#[component]
pub fn ReportEditor(template: Arc<Template>, report: Report, on_close: Callback<()>) -> impl IntoView {
    let form: FormContext = Arc::new(Form::new(template.clone(), &report));
    provide_context(form.clone());
    let sections = template.sections.clone();
    view! {
        <div class="editor" data-template-id=template.id.clone()>
            <header class="toolbar">
                <button type="button" class="back" on:click=move |_| on_close.run(())>"← Danh sách biểu mẫu"</button>
                <span class="toolbar-title">{template.name.clone()}</span>
                <CompletionMeter />
            </header>
            <div class="editor-body">
                <main class="paper">
                    <ReportHeaderBlock />
                    <AnnexHeading />
                    {sections.into_iter().map(|section| view! { <IndicatorTable section /> }).collect_view()}
                    <SignatureBlock />
                </main>
                <aside class="sidebar">
                    <IssueSummary />
                </aside>
            </div>
        </div>
    }
}
