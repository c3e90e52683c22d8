//! The saved drafts on the start screen, and entries that could not be read.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::download::download;
use crate::browser::ids::new_id;
use crate::browser::storage::ask_to_persist;
use crate::browser::time::{date_time, now};
use crate::core::draft::Draft;
use crate::core::draft_store::{Quarantined, StoredDraft};
use crate::core::predecessor;
use crate::ui::context::{AppContext, Screen};
use crate::ui::shared::erased::{key_of, keyed_list, shown, Keyed};
use crate::ui::shared::merge_file::MergeFile;
use crate::ui::start::backup_panel::BackupPanel;

/// What the drafts may take before the list says so: Chromium and Firefox
/// give a site about 5 MB of local storage (no web API reports it).
const STORAGE_WARN_BYTES: usize = 4 * 1024 * 1024;

/// A draft just deleted from the list, which can be brought back (merged
/// with a copy a tab stored again since, if any).
#[derive(Clone)]
struct Deleted(Draft);

#[component]
pub fn DraftList() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let listing = Memo::new(move |before: Option<&_>| {
        ctx.stored_changed.track();
        // A draft just stored and opened (an import): the list is about to
        // go; reading every draft again for it would delay the editor.
        match before {
            Some(before)
                if ctx
                    .screen
                    .with_untracked(|s| !matches!(s, Screen::Start { .. })) =>
            {
                Clone::clone(before)
            }
            _ => ctx.session(|s| s.list()),
        }
    });
    // Another tab's save, rename or delete raises `stored_changed` (the
    // context listens): the list is read again, so that nothing here acts
    // on what the list showed before.
    let drafts = move || listing.with(|l| l.as_ref().map(|(d, _)| d.clone()).unwrap_or_default());
    let quarantined =
        move || listing.with(|l| l.as_ref().map(|(_, q)| q.clone()).unwrap_or_default());
    let deleted = RwSignal::new(None::<Deleted>);
    let message = RwSignal::new(None::<String>);
    let undo = move |_| {
        let Some(Deleted(draft)) = deleted.get_untracked() else {
            return;
        };
        deleted.set(None);
        message.set(Some(ctx.change(|s| s.undo_delete(draft))));
    };

    // Once there is a draft to keep, the browser is asked to keep it under
    // storage pressure; the list says what it answered.
    let persisted = RwSignal::new(None::<bool>);
    Effect::new(move |asked: Option<bool>| {
        let any = listing.with(|l| l.as_ref().is_ok_and(|(d, _)| !d.is_empty()));
        if asked == Some(true) || !any || !ctx.persistent {
            return asked == Some(true);
        }
        spawn_local(async move {
            persisted.try_set(Some(ask_to_persist().await.unwrap_or(false)));
        });
        true
    });

    view! {
        <section class="draft-list" aria-label="Bản nháp đã lưu">
            <h2>"Bản nháp đã lưu"</h2>
            <p class="hint keeps-drafts">
                "Bản nháp được tự động lưu ngay trong trình duyệt trên máy này, không gửi lên mạng."
            </p>
            {move || match persisted.get() {
                Some(granted) => Some(view! {
                    <p class="storage-persisted small" data-storage-persisted=granted.to_string()>
                        {if granted {
                            "Trình duyệt đã nhận giữ các bản nháp lâu dài, kể cả khi máy thiếu chỗ."
                        } else {
                            "Trình duyệt chưa nhận giữ bản nháp lâu dài: khi máy thiếu chỗ hoặc khi xóa dữ liệu duyệt web, bản nháp có thể mất. Hãy tải tệp .json của báo cáo quan trọng để giữ."
                        }}
                    </p>
                }.into_any()),
                // Its line is kept while the browser answers, so that the
                // list below does not move when it does (issue 32).
                None if ctx.persistent && listing.with(|l| l.as_ref().is_ok_and(|(d, _)| !d.is_empty())) => {
                    Some(view! { <p class="storage-persisted small">"\u{a0}"</p> }.into_any())
                }
                None => None,
            }}
            <BackupPanel listing />
            {move || {
                // Browsers give a site about 5 MB and no API says how much is left.
                let bytes: usize = listing.with(|l| l.as_ref().map(|(d, _)| d.iter().map(|s| s.bytes).sum()).unwrap_or_default());
                (bytes > STORAGE_WARN_BYTES).then(|| view! {
                    <p class="banner warning small" data-storage-total=bytes.to_string()>
                        {format!(
                            "Các bản nháp đang chiếm {} MB bộ nhớ của trình duyệt (trình duyệt thường chỉ cho khoảng 5 MB). Hãy «Sao lưu tất cả», rồi xóa những bản nháp đã gửi.",
                            crate::core::number::format_vn(bytes as f64 / 1_048_576.0, 1)
                        )}
                    </p>
                }.into_any())
            }}
            {move || deleted.get().map(|Deleted(draft)| view! {
                <p class="banner ok" role="status">
                    {format!("Đã xóa «{}». ", draft.title())}
                    <button type="button" class="link" data-action="undo-delete" on:click=undo>"Hoàn tác"</button>
                </p>
            }.into_any())}
            <MergeFile message />
            {move || message.get().map(|m| view! { <p class="banner ok" role="status" data-draft-message="">{m}</p> }.into_any())}
            {move || listing.with(|l| l.as_ref().err().map(|e| view! { <p class="banner error">"Không đọc được bản nháp: " {e.to_string()}</p> }.into_any()))}
            {shown(
                move || listing.with(|l| l.as_ref().is_ok_and(|(d, _)| d.is_empty())),
                || view! { <p class="empty">"Chưa có bản nháp nào. Chọn một biểu mẫu bên dưới để bắt đầu."</p> },
                || (),
            )}
            <ul class="drafts">
                {keyed_list(move || drafts().into_iter().map(|stored| {
                    Keyed::new(key_of(&[&stored.draft.id, &stored.draft.revision.to_string()]), move || {
                        // Its counts include the warnings against the report before.
                        let previous = listing.with_untracked(|l| {
                            let all: Vec<&Draft> = l.as_ref().map(|(d, _)| d.iter().map(|s| &s.draft).collect()).unwrap_or_default();
                            predecessor::both(&stored.draft, &all).map(|d| d.cloned())
                        });
                        view! { <DraftEntry stored previous deleted message /> }
                    })
                }).collect())}
            </ul>
            {keyed_list(move || quarantined().into_iter().map(|q| {
                Keyed::new(q.key.clone(), move || view! { <QuarantinedEntry entry=q /> })
            }).collect())}
        </section>
    }
}

#[component]
fn DraftEntry(
    stored: StoredDraft,
    previous: [Option<Draft>; 2],
    deleted: RwSignal<Option<Deleted>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let draft = stored.draft;
    let template = ctx.template(&draft.report.template_id);
    let status = template
        .as_ref()
        .map(|t| draft.status(t, previous.each_ref().map(Option::as_ref)));
    let noun = if template
        .as_ref()
        .is_some_and(|t| t.grids().next().is_some())
    {
        "ô số liệu"
    } else {
        "chỉ tiêu"
    };
    let template_name = template
        .as_ref()
        .map(|t| t.name.clone())
        .unwrap_or_else(|| {
            format!(
                "Biểu mẫu «{}» (chưa có trong ứng dụng)",
                draft.report.template_id
            )
        });
    let renaming = RwSignal::new(false);
    let id = draft.id.clone();
    let rename_hook = id.clone();
    let current_name = draft.name.clone();
    let period = draft.period_text();
    let edited = date_time(draft.updated_at);

    // Every action reads the draft from storage now: the list may be older
    // than another tab's last save.
    let stored_now = move |id: &str| match ctx.session(|s| s.stored(id)) {
        Ok(draft) => Some(draft),
        Err(text) => {
            message.set(Some(text));
            ctx.stored_changed();
            None
        }
    };
    let open = {
        let id = id.clone();
        move |_| {
            let Some(draft) = stored_now(&id) else { return };
            if let Err(e) = ctx.open(draft, None) {
                message.set(Some(e));
            }
        }
    };
    let rename = {
        let id = id.clone();
        let listed_name = draft.name.clone();
        move |name: String| {
            // Enter renames, then the field's blur as it goes must not again;
            // nor a blur that comes after the list is gone (a screen switch
            // leaves the field first, `focus::leave_focused_field`).
            if renaming.try_get_untracked() != Some(true) || name.trim() == listed_name {
                renaming.set(false);
                return;
            }
            renaming.set(false);
            if let Err(text) = ctx.change(|s| s.rename(&id, &name, now())) {
                message.set(Some(text));
            }
        }
    };
    let rename_on_key = rename.clone();
    let next_period = {
        let id = id.clone();
        move |_| {
            message.set(Some(
                ctx.change(|s| s.copy_to_next_period(&id, new_id(), now())),
            ));
        }
    };
    let export = {
        let id = id.clone();
        move |_| {
            let Some(draft) = stored_now(&id) else { return };
            download(
                &format!("{}.json", draft.file_stem()),
                "application/json",
                draft.to_pretty_json().as_bytes(),
            );
        }
    };
    let delete = {
        let id = id.clone();
        move |_| match ctx.change(|s| s.delete(&id)) {
            Ok(stored) => {
                deleted.set(Some(Deleted(stored)));
                message.set(None);
            }
            Err(text) => message.set(Some(text)),
        }
    };

    view! {
        <li class="draft-entry" data-draft-id=id>
            <div class="draft-main">
                {shown(
                    move || renaming.get(),
                    move || view! {
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
                    },
                    {
                        let title = draft.title();
                        move || view! { <h3 class="draft-title">{title.clone()}</h3> }
                    },
                )}
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
                }.into_any())}
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
    let file_name = format!(
        "ban-nhap-hong_{}.json",
        crate::core::draft::ascii_slug(&name)
    );
    view! {
        <div class="banner error quarantined" role="alert" data-quarantined=entry.key.clone()>
            <p>
                "Một bản nháp đã lưu không đọc được (" {entry.reason.clone()} "). "
                "Nội dung gốc được giữ nguyên để bạn tải về; các bản nháp khác không bị ảnh hưởng."
            </p>
            <button type="button" data-action="download-quarantined" on:click=move |_| {
                download(&file_name, "application/json", raw.as_bytes());
            }>"Tải nội dung gốc"</button>
            {shown(
                move || confirming.get(),
                move || {
                    let key = key.clone();
                    view! {
                        <span class="confirm">
                            "Xóa hẳn nội dung này? "
                            <button type="button" class="danger" data-action="confirm" on:click=move |_| {
                                let _ = ctx.change(|s| s.discard_quarantined(&key));
                            }>"Xóa"</button>
                            <button type="button" on:click=move |_| confirming.set(false)>"Thôi"</button>
                        </span>
                    }
                },
                move || view! { <button type="button" data-action="discard-quarantined" on:click=move |_| confirming.set(true)>"Xóa hẳn"</button> },
            )}
        </div>
    }
}
