//! The save indicator ("Đã lưu lúc 14:32") and the banners for storage
//! faults and for a draft changed in another tab.

use leptos::prelude::*;

use crate::browser::download::download;
use crate::browser::idle::after_paint;
use crate::browser::time::{clock, measured};
use crate::core::draft_store::StoreFault;
use crate::core::number::format_vn;
use crate::ui::context::AppContext;
use crate::ui::editor::autosave::{Autosave, SaveState};
use crate::ui::editor::conflict::ConflictList;
use crate::ui::shared::erased::CollectAny;

/// Offers the draft on screen as a `.json` file.
pub fn download_current(autosave: Autosave) {
    let Some(draft) = autosave.current() else {
        return;
    };
    let text = measured("bieumau:export-json", || draft.to_pretty_json());
    download(
        &format!("{}.json", draft.file_stem()),
        "application/json",
        text.as_bytes(),
    );
}

#[component]
pub fn SaveIndicator(autosave: Autosave) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let state = autosave.state;
    // «Đang lưu…» is shown once the frame of the key that began it is out
    // (issue 32): the toolbar far from the field is then not repainted with
    // the typed character. Every other state shows at once, and the page
    // hook (`data-save-state`) is never late.
    let shown = RwSignal::new(state.get_untracked());
    Effect::new(move |_| {
        let now = state.get();
        if now != SaveState::Pending {
            shown.set(now);
            return;
        }
        leptos::task::spawn_local(async move {
            after_paint().await;
            if let Some(now) = state.try_get_untracked() {
                shown.try_set(now);
            }
        });
    });
    let text = move || {
        let where_ = if ctx.persistent {
            ""
        } else {
            " (chỉ trong trang này)"
        };
        match shown.get() {
            SaveState::Unchanged => match autosave.last_saved_at() {
                Some(at) => format!("Đã lưu lúc {}{where_}", clock(at)),
                None => "Chưa có thay đổi".to_string(),
            },
            SaveState::Pending => "Đang lưu…".to_string(),
            SaveState::Saved(at) => format!("Đã lưu lúc {}{where_}", clock(at)),
            SaveState::Failed(fault) => format!("Chưa lưu được: {fault}"),
            SaveState::Deleted => "Đã bị xóa ở thẻ khác; vẫn còn trên trang này".to_string(),
        }
    };
    view! {
        <span
            class=move || format!("save-state {}", shown.with(SaveState::key))
            data-save-state=move || if ctx.persistent { state.with(SaveState::key).to_string() } else { "memory".to_string() }
            role="status"
        >
            {text}
        </span>
    }
}

#[component]
pub fn SaveProblems(autosave: Autosave) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let state = autosave.state;
    let merged_note = autosave.merged_note;
    let others = move || {
        ctx.stored_changed.track();
        let current = autosave.current().map(|d| d.id).unwrap_or_default();
        ctx.session(|s| s.others(&current))
    };
    view! {
        {(!ctx.persistent).then(|| view! {
            <div class="banner warning" role="alert" data-storage-banner="unavailable">
                "Trình duyệt không cho lưu bản nháp: số liệu chỉ nằm trong trang này. "
                <button type="button" data-action="export-json" on:click=move |_| download_current(autosave)>"Tải tệp .json để giữ lại"</button>
            </div>
        }.into_any())}
        {move || matches!(state.get(), SaveState::Failed(StoreFault::Full)).then(|| view! {
            <div class="banner error" role="alert" data-storage-banner="full">
                <p>
                    "Bộ nhớ lưu trữ của trình duyệt đã đầy nên chưa lưu được các thay đổi mới. "
                    "Mọi số liệu vẫn còn trên trang này. Hãy tải tệp .json, hoặc xóa bớt bản nháp cũ rồi lưu lại."
                </p>
                <button type="button" data-action="export-json" on:click=move |_| download_current(autosave)>"Tải tệp .json"</button>
                <button type="button" data-action="retry-save" on:click=move |_| autosave.flush()>"Lưu lại"</button>
                <ul class="old-drafts">
                    {others().into_iter().map(|stored| {
                        let id = stored.draft.id.clone();
                        let hook = id.clone();
                        view! {
                            <li data-draft-id=hook>
                                {stored.draft.title()} {format!(" ({} KB) ", format_vn(stored.bytes as f64 / 1024.0, 1))}
                                <button type="button" class="danger" data-action="delete-draft" on:click=move |_| {
                                    let _ = ctx.change(|s| s.delete_for_space(&id));
                                    autosave.flush();
                                }>"Xóa"</button>
                            </li>
                        }
                    }).collect_any()}
                </ul>
            </div>
        }.into_any())}
        {move || match state.get() {
            SaveState::Failed(fault) if fault != StoreFault::Full => Some(view! {
                <div class="banner error" role="alert" data-storage-banner="failed">
                    {format!("Chưa lưu được ({fault}). Mọi số liệu vẫn còn trên trang này. ")}
                    <button type="button" data-action="export-json" on:click=move |_| download_current(autosave)>"Tải tệp .json"</button>
                    <button type="button" data-action="retry-save" on:click=move |_| autosave.flush()>"Thử lưu lại"</button>
                </div>
            }),
            _ => None,
        }}
        {move || (state.get() == SaveState::Deleted).then(|| view! {
            <div class="banner warning" role="alert" data-deleted-elsewhere="">
                <p>
                    "Bản nháp này vừa bị xóa ở một thẻ hoặc cửa sổ khác. Mọi số liệu vẫn còn trên trang này; "
                    "gõ tiếp hoặc bấm «Khôi phục» để lưu lại vào trình duyệt."
                </p>
                <button type="button" class="primary" data-action="restore-deleted" on:click=move |_| autosave.restore()>"Khôi phục"</button>
                <button type="button" data-action="export-json" on:click=move |_| download_current(autosave)>"Tải tệp .json"</button>
            </div>
        }.into_any())}
        {move || merged_note.get().map(|note| view! {
            <p class="banner ok" role="status" data-merged-note="">
                {note} " "
                <button type="button" class="link" on:click=move |_| merged_note.set(None)>"Đóng"</button>
            </p>
        }.into_any())}
        <ConflictList />
    }
}
