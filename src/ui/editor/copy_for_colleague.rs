//! «Tạo bản cho đồng nghiệp»: a copy of the draft for a colleague to fill.

use crate::browser::download::download;
use crate::browser::ids::random_id;
use crate::browser::time::now;
use crate::ui::editor::autosave::Autosave;
use leptos::prelude::*;

/// «Tạo bản cho đồng nghiệp»: the draft's `.json` with who it is for,
/// for an officer to fill their part and send back.
#[component]
pub fn CopyForColleague(autosave: Autosave) -> impl IntoView {
    let author = RwSignal::new(String::new());
    let make = move |_| {
        autosave.flush();
        let Some(draft) = autosave.current() else {
            return;
        };
        let who = author.get_untracked();
        let who = if who.trim().is_empty() {
            "Bản cho đồng nghiệp".to_string()
        } else {
            who.trim().to_string()
        };
        // Its own replica: the copy's change is not one this tab made.
        let copy = draft.for_colleague(&who, &format!("copy-{}", random_id(10)), now());
        let stem = format!(
            "{}_{}",
            draft.file_stem(),
            crate::core::draft::ascii_slug(&who)
        );
        download(
            &format!("{stem}.json"),
            "application/json",
            copy.to_pretty_json().as_bytes(),
        );
    };
    view! {
        <div class="copy-for-colleague" role="group" aria-label="Bản cho đồng nghiệp">
            <input
                type="text"
                data-field="author"
                aria-label="Bản cho ai"
                placeholder="Ví dụ: Bản cho công chức tư pháp"
                prop:value=move || author.get()
                on:input=move |ev| author.set(event_target_value(&ev))
            />
            <button type="button" data-action="copy-for-colleague" on:click=make>"Tải bản cho đồng nghiệp"</button>
        </div>
    }
}
