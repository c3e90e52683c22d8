//! Several hands on one report: a copy made for a colleague (an officer
//! fills their part on their own laptop), and «Gộp từ tệp của đồng
//! nghiệp», which merges the file they send back field by field
//! (`core::copies`): their figures arrive, and the clerk's later edits stay.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::files::{picked_files, read_text};
use crate::core::session::FileMerge;
use crate::ui::context::AppContext;
use crate::ui::shared::erased::CollectAny;

/// What a merge brought, for the page: the summary, then the fields that
/// came from the file and those waiting for a choice.
fn report(merge: FileMerge) -> impl IntoView {
    let list = |title: &'static str, hook: &'static str, items: Vec<String>| {
        let count = items.len();
        (count > 0).then(|| {
            view! {
                <details open=count <= 12>
                    <summary>{format!("{title} ({count})")}</summary>
                    <ul data-merge-list=hook>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_any()}</ul>
                </details>
            }
        })
    };
    view! {
        <p>{merge.summary}</p>
        {list("Lấy từ tệp", "taken", merge.taken)}
        {list("Chờ bạn chọn", "conflicts", merge.conflicts)}
    }
}

/// How the editor merges a file (its text and name) into the draft on
/// screen.
pub type MergeInto = Callback<(String, String), Result<FileMerge, String>>;

/// «Gộp từ tệp của đồng nghiệp…»: in the editor (`into`) it merges into the
/// draft on screen; in the list, into the stored draft the file is a copy
/// of (or adds it).
#[component]
pub fn MergeFile(
    #[prop(optional)] into: Option<MergeInto>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let outcome = RwSignal::new(None::<Result<FileMerge, String>>);
    let on_pick = move |ev: leptos::ev::Event| {
        for file in picked_files(&ev) {
            spawn_local(async move {
                let merged = match read_text(&file).await {
                    Err(e) => Err(e),
                    Ok(text) => match into {
                        Some(into) => into.run((text, file.name())),
                        None => ctx.merge_file(&text, &file.name()),
                    },
                };
                message.try_set(None);
                outcome.try_set(Some(merged));
            });
        }
    };
    view! {
        <div class="merge-file">
            <label class="file-button">
                "Gộp từ tệp của đồng nghiệp (.json)…"
                <input type="file" accept=".json,application/json" multiple data-action="merge-file" on:change=on_pick />
            </label>
            {move || outcome.get().map(|done| match done {
                Ok(merge) => view! {
                    <div class="banner ok merge-report" role="status" data-merge-report="">
                        {report(merge)}
                        <button type="button" on:click=move |_| outcome.set(None)>"Đóng"</button>
                    </div>
                }.into_any(),
                Err(e) => view! { <p class="banner error" role="alert" data-merge-error="">{e}</p> }.into_any(),
            })}
        </div>
    }
}
