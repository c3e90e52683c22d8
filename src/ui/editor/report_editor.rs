//! The editor: the report as a paper document, with the checks beside it,
//! saved as it is typed.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::typing_window;
use crate::core::draft::Draft;
use crate::core::template::Template;
use crate::ui::context::AppContext;
use crate::ui::editor::annex_keys::{keys_hint_bar, AnnexKeys, KEYS_HINT};
use crate::ui::editor::autosave::Autosave;
use crate::ui::editor::commune_summary::{CommuneSummaryView, RollupPanel};
use crate::ui::editor::compare_with::CompareWith;
use crate::ui::editor::completion_meter::CompletionMeter;
use crate::ui::editor::copy_for_colleague::CopyForColleague;
use crate::ui::editor::export_bar::ExportBar;
use crate::ui::editor::grid_table::GridSection;
use crate::ui::editor::indicator_table::IndicatorTable;
use crate::ui::editor::issue_summary::{IssueCounts, IssueSummary};
use crate::ui::editor::narrative_editor::NarrativeEditor;
use crate::ui::editor::report_header::{AnnexHeading, ReportHeaderBlock};
use crate::ui::editor::save_status::{SaveIndicator, SaveProblems};
use crate::ui::editor::signature_block::{SignatureBlock, SignatureOnPaper};
use crate::ui::editor::state::form::Form;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::deferred::Deferral;
use crate::ui::shared::erased::CollectAny;
use crate::ui::shared::merge_file::MergeFile;
use crate::ui::shared::settled::Settled;

#[component]
pub fn ReportEditor(
    template: Arc<Template>,
    draft: Draft,
    notice: Option<String>,
) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let form: FormContext = Arc::new(Form::new(template.clone(), &draft.report, draft.id.clone()));
    provide_context(form.clone());
    let rows = template
        .sections
        .iter()
        .map(|s| s.lines.len())
        .sum::<usize>()
        + form
            .grids
            .iter()
            .map(|g| g.rows.with_untracked(Vec::len))
            .sum::<usize>();
    provide_context(Deferral::new(rows));
    // The summary and counts beside the form follow the checks once typing
    // pauses; a field's own messages, once the key's frame is painted.
    let (issues, filled) = (form.issues, form.filled);
    provide_context(Settled::new(move || {
        issues.track();
        filled.track();
    }));
    let keys = AnnexKeys::new(ctx.session(|s| s.hint_closed(KEYS_HINT)));
    let orphans = draft.orphans(&template);
    let own_id = draft.id.clone();
    let autosave = Autosave::start(ctx, form.clone(), draft);
    provide_context(autosave);
    ctx.editing(std::sync::Arc::new(move || autosave.flush()));
    let merge_message = RwSignal::new(None::<String>);
    let merge_into =
        Callback::new(move |(text, name): (String, String)| autosave.merge_file(&text, &name));
    let sections = template.sections.clone();
    // A template of several annexes prints a heading above each one instead.
    let shared_heading = sections.iter().any(|s| s.annex.is_none());
    let grids = form.grids.clone();
    let summary = form.commune_summary.clone();
    let rollup = template.rollup.clone();
    let has_narrative = !template.outline.is_empty();
    let started = form.narrative.started;
    let signed_above = move || has_narrative && started.get();
    let back = move |_| {
        // Back in history returns here, at the same place.
        crate::browser::route::remember_scroll();
        ctx.show_list(None);
    };
    view! {
        <div class="editor" class:with-narrative=signed_above data-template-id=template.id.clone()>
            <header class="toolbar">
                <button type="button" class="back" data-action="back" on:click=back>"← Danh sách"</button>
                <span class="toolbar-title">{template.name.clone()}</span>
                <SaveIndicator autosave />
                <CompletionMeter />
                <IssueCounts />
            </header>
            <div class="banners">
                <ExportBar autosave />
                {notice.map(|text| view! { <p class="banner ok" role="status" data-notice="">{text}</p> }.into_any())}
                <SaveProblems autosave />
                <div class="hands screen-only">
                    <MergeFile into=merge_into message=merge_message />
                    <CopyForColleague autosave />
                </div>
            </div>
            <div class="editor-body">
                // While the clerk types, only what is near the screen is drawn.
                <main class="paper" on:keydown=|ev| typing_window::key_in(&ev)>
                    <CompareWith own_id=own_id />
                    <ReportHeaderBlock />
                    {has_narrative.then(|| view! { <NarrativeEditor /> })}
                    // The signature closes the narrative, before the annex, as in the .docx.
                    {has_narrative.then(|| view! { <SignatureBlock /> })}
                    {rollup.map(|spec| view! { <RollupPanel autosave spec /> })}
                    {shared_heading.then(|| view! { <AnnexHeading /> })}
                    {sections
                        .into_iter()
                        .map(|section| match grids.iter().find(|g| g.section.id == section.id) {
                            Some(grid) => view! { <GridSection grid=grid.clone() /> }.into_any(),
                            None => view! { <IndicatorTable section keys /> }.into_any(),
                        })
                        .collect::<Vec<AnyView>>()}
                    {summary.map(|summary| view! { <CommuneSummaryView summary /> })}
                    {(!orphans.is_empty()).then(|| view! {
                        <section class="orphans screen-only" aria-label="Số liệu không còn trong biểu mẫu">
                            <h2>"Số liệu không còn trong biểu mẫu"</h2>
                            <p>"Các mục dưới đây có trong bản nháp nhưng biểu mẫu hiện tại không còn chỉ tiêu tương ứng. Chúng được giữ nguyên trong bản nháp và tệp .json."</p>
                            <ul>
                                {orphans.into_iter().map(|(code, value, note)| { let hook = code.clone(); view! {
                                    <li data-orphan=hook>
                                        <strong>{code}</strong> ": " {value}
                                        {(!note.is_empty()).then(|| format!(" (ghi chú: {note})"))}
                                        " — không còn trong biểu mẫu"
                                    </li>
                                }}).collect_any()}
                            </ul>
                        </section>
                    }.into_any())}
                    // Without a narrative, or on paper before it is begun (the annex
                    // printed alone, as the .xlsx), the signature follows the annex.
                    {(!has_narrative).then(|| view! { <SignatureBlock /> })}
                    {move || (has_narrative && !started.get()).then(|| view! { <SignatureOnPaper /> })}
                </main>
                <aside class="sidebar">
                    <IssueSummary />
                </aside>
            </div>
            {keys_hint_bar(keys)}
        </div>
    }
}
