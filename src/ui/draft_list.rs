//! The saved drafts on the start screen, and entries that could not be read.

use leptos::prelude::*;

use crate::browser::download::download;
use crate::browser::storage::{date_time, new_id, now};
use crate::core::draft::Draft;
use crate::core::draft_store::{Quarantined, StoredDraft};
use crate::ui::AppContext;

#[component]
pub fn DraftList() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let listing = Memo::new(move |_| {
        ctx.stored_changed.track();
        ctx.drafts.with_value(|store| store.list())
    });
    let drafts = move || listing.with(|l| l.as_ref().map(|(d, _)| d.clone()).unwrap_or_default());
    let quarantined = move || listing.with(|l| l.as_ref().map(|(_, q)| q.clone()).unwrap_or_default());
    let deleted = RwSignal::new(None::<Draft>);
    let message = RwSignal::new(None::<String>);
    let undo = move |_| {
        if let Some(draft) = deleted.get_untracked() {
            let restored = ctx.drafts.with_value(|s| s.save_over(&draft));
            message.set(Some(match restored {
                Ok(_) => format!("Đã khôi phục «{}».", draft.title()),
                Err(e) => format!("Không khôi phục được: {e}. Hãy tải tệp .json của bản nháp."),
            }));
            deleted.set(None);
            ctx.stored_changed();
        }
    };

    view! {
        <section class="draft-list" aria-label="Bản nháp đã lưu">
            <h2>"Bản nháp đã lưu"</h2>
            {move || deleted.get().map(|d| view! {
                <p class="banner ok" role="status">
                    {format!("Đã xóa «{}». ", d.title())}
                    <button type="button" class="link" data-action="undo-delete" on:click=undo>"Hoàn tác"</button>
                </p>
            })}
            {move || message.get().map(|m| view! { <p class="banner ok" role="status" data-draft-message="">{m}</p> })}
            {move || listing.with(|l| l.as_ref().err().map(|e| view! { <p class="banner error">"Không đọc được bản nháp: " {e.to_string()}</p> }))}
            <Show when=move || listing.with(|l| l.as_ref().is_ok_and(|(d, _)| d.is_empty()))>
                <p class="empty">"Chưa có bản nháp nào. Chọn một biểu mẫu bên dưới để bắt đầu."</p>
            </Show>
            <ul class="drafts">
                <For
                    each=drafts
                    key=|s| (s.draft.id.clone(), s.draft.revision)
                    children=move |stored| view! { <DraftEntry stored deleted message /> }
                />
            </ul>
            <For
                each=quarantined
                key=|q| q.key.clone()
                children=move |q| view! { <QuarantinedEntry entry=q /> }
            />
        </section>
    }
}

#[component]
fn DraftEntry(stored: StoredDraft, deleted: RwSignal<Option<Draft>>, message: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let draft = stored.draft;
    let template = ctx.template(&draft.report.template_id);
    let status = template.as_ref().map(|t| draft.status(t));
    let noun = if template.as_ref().is_some_and(|t| t.grids().next().is_some()) { "ô số liệu" } else { "chỉ tiêu" };
    let template_name = template
        .as_ref()
        .map(|t| t.name.clone())
        .unwrap_or_else(|| format!("Biểu mẫu «{}» (chưa có trong ứng dụng)", draft.report.template_id));
    let renaming = RwSignal::new(false);
    let id = draft.id.clone();
    let rename_hook = id.clone();
    let current_name = draft.name.clone();
    let period = draft.period_text();
    let edited = date_time(draft.updated_at);

    let open = {
        let draft = draft.clone();
        move |_| {
            if let Err(e) = ctx.open(draft.clone(), None) {
                message.set(Some(e));
            }
        }
    };
    let rename = {
        let draft = draft.clone();
        move |name: String| {
            renaming.set(false);
            let mut renamed = draft.clone();
            renamed.name = name.trim().to_string();
            if renamed.name != draft.name {
                if let Err(e) = ctx.drafts.with_value(|s| s.save_over(&renamed)) {
                    message.set(Some(format!("Không đổi tên được: {e}")));
                }
                ctx.stored_changed();
            }
        }
    };
    let rename_on_key = rename.clone();
    let next_period = {
        let draft = draft.clone();
        move |_| {
            let (copy, text) = draft.start_next_period(new_id(), now());
            message.set(Some(match ctx.drafts.with_value(|s| s.save(&copy)) {
                Ok(_) => text,
                Err(e) => format!("Không tạo được bản sao: {e}"),
            }));
            ctx.stored_changed();
        }
    };
    let export = {
        let draft = draft.clone();
        move |_| {
            download(&format!("{}.json", draft.file_stem()), "application/json", draft.to_pretty_json().as_bytes());
        }
    };
    let delete = {
        let draft = draft.clone();
        move |_| {
            if ctx.drafts.with_value(|s| s.delete(&draft.id)).is_ok() {
                deleted.set(Some(draft.clone()));
                message.set(None);
                ctx.stored_changed();
            }
        }
    };

    view! {
        <li class="draft-entry" data-draft-id=id>
            <div class="draft-main">
                <Show
                    when=move || renaming.get()
                    fallback={
                        let title = draft.title();
                        move || view! { <h3 class="draft-title">{title.clone()}</h3> }
                    }
                >
                    <input
                        type="text"
                        class="rename-input"
                        data-rename=rename_hook.clone()
                        aria-label="Tên bản nháp"
                        prop:value=current_name.clone()
                        autofocus
                        on:keydown={
                            let rename = rename_on_key.clone();
                            move |ev| {
                                if ev.key() == "Enter" {
                                    rename(event_target_value(&ev));
                                } else if ev.key() == "Escape" {
                                    renaming.set(false);
                                }
                            }
                        }
                        on:blur={
                            let rename = rename.clone();
                            move |ev| rename(event_target_value(&ev))
                        }
                    />
                </Show>
                <p class="draft-meta">
                    {template_name} " · " {period} " · sửa lần cuối " {edited}
                </p>
                {status.map(|s| view! {
                    <p class="draft-status">
                        <span data-draft-filled="">{format!("Đã điền {}/{} {noun}", s.filled, s.fillable)}</span>
                        " · "
                        <span class:error={s.errors > 0} data-draft-errors=s.errors>{format!("{} lỗi", s.errors)}</span>
                        " · "
                        <span class:warning={s.warnings > 0} data-draft-warnings=s.warnings>{format!("{} cảnh báo", s.warnings)}</span>
                    </p>
                })}
            </div>
            <div class="draft-actions">
                <button type="button" class="primary" data-action="open-draft" on:click=open>"Mở"</button>
                <button type="button" data-action="rename-draft" on:click=move |_| renaming.set(true)>"Đổi tên"</button>
                <button type="button" data-action="duplicate-draft" title="Tạo bản sao cho kỳ báo cáo tiếp theo" on:click=next_period>
                    "Sao chép sang kỳ sau"
                </button>
                <button type="button" data-action="export-json" on:click=export>"Tải .json"</button>
                <button type="button" class="danger" data-action="delete-draft" on:click=delete>"Xóa"</button>
            </div>
        </li>
    }
}

#[component]
fn QuarantinedEntry(entry: Quarantined) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let confirming = RwSignal::new(false);
    let raw = entry.raw.clone();
    let key = entry.key.clone();
    let name = key.rsplit('.').next().unwrap_or("ban-nhap").to_string();
    let file_name = format!("ban-nhap-hong_{}.json", crate::core::draft::ascii_slug(&name));
    view! {
        <div class="banner error quarantined" role="alert" data-quarantined=entry.key.clone()>
            <p>
                "Một bản nháp đã lưu không đọc được (" {entry.reason.clone()} "). "
                "Nội dung gốc được giữ nguyên để bạn tải về; các bản nháp khác không bị ảnh hưởng."
            </p>
            <button type="button" data-action="download-quarantined" on:click=move |_| {
                download(&file_name, "application/json", raw.as_bytes());
            }>"Tải nội dung gốc"</button>
            <Show
                when=move || confirming.get()
                fallback=move || view! { <button type="button" data-action="discard-quarantined" on:click=move |_| confirming.set(true)>"Xóa hẳn"</button> }
            >
                {
                    let key = key.clone();
                    view! {
                        <span class="confirm">
                            "Xóa hẳn nội dung này? "
                            <button type="button" class="danger" data-action="confirm" on:click=move |_| {
                                let _ = ctx.drafts.with_value(|s| s.discard_quarantined(&key));
                                ctx.stored_changed();
                            }>"Xóa"</button>
                            <button type="button" on:click=move |_| confirming.set(false)>"Thôi"</button>
                        </span>
                    }
                }
            </Show>
        </div>
    }
}
