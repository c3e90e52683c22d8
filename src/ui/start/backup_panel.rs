//! "Sao lưu tất cả" and "Khôi phục" on the start screen: one file with every
//! draft, read back draft by draft, and the reminder when drafts changed
//! since a backup long ago. The session decides and words each outcome.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::download::download;
use crate::browser::files::{picked_files, read_text_within, MAX_BACKUP_BYTES};
use crate::browser::time::{date_stamp, date_time, now};
use crate::core::backup::{self, Restored};
use crate::core::session::Listing;
use crate::ui::context::AppContext;
use crate::ui::shared::erased::{memo, CollectAny};

#[component]
pub fn BackupPanel(listing: Memo<Listing>) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let last_backup = RwSignal::new(ctx.session(|s| s.last_backup()));
    let message = RwSignal::new(None::<Result<String, String>>);
    let report = RwSignal::new(None::<(String, Vec<Restored>)>);
    let shown_at = now();
    let reminder = memo(move || {
        let last = last_backup.get();
        listing.with(|l| {
            l.as_ref()
                .ok()
                .and_then(|(drafts, _)| backup::reminder(drafts, last, shown_at))
        })
    });
    let no_drafts = move || listing.with(|l| l.as_ref().map_or(true, |(d, _)| d.is_empty()));

    let backup_all = move |_| {
        let at = now();
        match ctx.session(|s| s.backup(at)) {
            Ok((text, count)) => {
                if download(
                    &format!("sao-luu-ban-nhap_{}.json", date_stamp(at)),
                    "application/json",
                    text.as_bytes(),
                ) {
                    ctx.session(|s| s.backed_up(at));
                    last_backup.set(Some(at));
                    message.set(Some(Ok(format!(
                        "Đã tải tệp sao lưu {count} bản nháp. Hãy cất tệp ra ngoài trình duyệt (USB, thư điện tử); «Khôi phục» đọc lại tệp đó trên bất kỳ máy nào."
                    ))));
                } else {
                    message.set(Some(Err(
                        "Trình duyệt không cho tải tệp sao lưu xuống.".into()
                    )));
                }
            }
            Err(e) => message.set(Some(Err(e))),
        }
    };
    let on_restore = move |ev: leptos::ev::Event| {
        let Some(file) = picked_files(&ev).into_iter().next() else {
            return;
        };
        spawn_local(async move {
            let read = read_text_within(&file, MAX_BACKUP_BYTES)
                .await
                .and_then(|text| {
                    backup::read(&text).map_err(|e| format!("«{}»: {e}", file.name()))
                });
            let backup = match read {
                Ok(backup) => backup,
                Err(e) => {
                    report.set(None);
                    return message.set(Some(Err(e)));
                }
            };
            // The backup's templates first, so that their drafts open.
            let (at, name) = (now(), file.name());
            let restored = ctx.session(|s| {
                s.restore_templates(
                    &backup.templates,
                    |id| ctx.template(id).is_some(),
                    &name,
                    at,
                )
            });
            let mut headline = format!("Khôi phục từ «{}»", file.name());
            if let Some(at) = backup.created_at {
                headline.push_str(&format!(" (sao lưu lúc {})", date_time(at)));
            }
            headline.push_str(". ");
            headline.push_str(&backup::summary_of_templates(&restored));
            let lines = {
                for kept in restored.added {
                    ctx.shelve(Arc::new(kept.template), kept.origin, kept.at);
                }
                ctx.change(|s| s.restore(backup.drafts, |id| ctx.template(id)))
            };
            headline.push_str(&backup::summary(&lines));
            message.set(None);
            report.set(Some((headline, lines)));
        });
    };

    view! {
        <div class="backup-panel">
            {move || reminder.get().map(|text| view! { <p class="banner warning" role="status" data-backup-reminder="">{text}</p> }.into_any())}
            <div class="backup-actions">
                <button type="button" data-action="backup-all" disabled=no_drafts on:click=backup_all
                    title="Tải một tệp chứa mọi bản nháp và biểu mẫu đã mở, để giữ ngoài trình duyệt">
                    "Sao lưu tất cả"
                </button>
                <label class="file-button">
                    "Khôi phục từ tệp sao lưu…"
                    <input type="file" accept=".json,application/json" data-action="restore" on:change=on_restore />
                </label>
                <span class="small muted" data-last-backup="">
                    {move || match last_backup.get() {
                        Some(at) => format!("Sao lưu gần nhất: {}", date_time(at)),
                        None => "Chưa sao lưu lần nào".to_string(),
                    }}
                </span>
            </div>
            {move || message.get().map(|m| {
                let (class, text) = match m {
                    Ok(text) => ("banner ok", text),
                    Err(text) => ("banner error", text),
                };
                view! { <p class=class role="status" data-backup-message="">{text}</p> }.into_any()
            })}
            {move || report.get().map(|(headline, lines)| view! {
                <div class="banner ok restore-report" role="status" data-restore-report="">
                    <p>{headline}</p>
                    <ul>{lines.into_iter().map(|line| view! { <RestoreLine line /> }).collect_any()}</ul>
                    <button type="button" on:click=move |_| report.set(None)>"Đóng"</button>
                </div>
            }.into_any())}
        </div>
    }
}

/// One draft of the file and what was done with it.
#[component]
fn RestoreLine(line: Restored) -> impl IntoView {
    view! { <li data-restore-outcome=line.hook() data-restore-id=line.id.clone()>{line.text()}</li> }
}
