//! The start screen: saved drafts, new drafts from a template, opening a
//! report file, and loading a template file.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::files::{picked_files, read_bytes, read_text};
use crate::browser::ids::new_id;
use crate::browser::time::{measured, now};
use crate::core::draft::Draft;
use crate::core::kept_template::TemplateOrigin;
use crate::core::session::Import;
use crate::core::template::Template;
use crate::core::template_book::template_from_file;
use crate::ui::context::AppContext;
use crate::ui::shared::erased::{key_of, keyed_list, Keyed};
use crate::ui::start::draft_list::DraftList;
use crate::ui::start::edition::carried_ids;
use crate::ui::start::edition_panel::EditionPanel;
use crate::ui::start::template_origin::{RemoveTemplate, TemplateOriginLine};
use crate::ui::start::template_workbook::TemplateWorkbookButton;

#[component]
pub fn StartScreen(notice: Option<String>) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let templates = ctx.templates;
    let load_message = RwSignal::new(None::<Result<String, String>>);
    // In an edition, the templates it carries come first.
    let carried = carried_ids();
    let import_message = RwSignal::new(None::<String>);

    let on_pick_template = move |ev: leptos::ev::Event| {
        for file in picked_files(&ev) {
            spawn_local(async move {
                let outcome = match read_bytes(&file).await {
                    Err(e) => Err(e),
                    Ok(bytes) => match measured("bieumau:template-read", || {
                        template_from_file(&bytes)
                    }) {
                        Err(e) => Err(format!("Không mở được biểu mẫu «{}»: {e}", file.name())),
                        Ok(template) => {
                            ctx.load_template(template, TemplateOrigin::File { name: file.name() })
                        }
                    },
                };
                load_message.set(Some(outcome));
            });
        }
    };

    // The editor opens the draft exactly as it is now stored (a draft this
    // browser had is merged with the file first).
    let open_imported = move |draft: Draft, notice: String| {
        if let Err(e) = ctx.open(draft, Some(notice)) {
            import_message.set(Some(e));
        }
    };
    let on_import = move |ev: leptos::ev::Event| {
        let Some(file) = picked_files(&ev).into_iter().next() else {
            return;
        };
        spawn_local(async move {
            let text = match read_text(&file).await {
                Ok(text) => text,
                Err(e) => return import_message.set(Some(e)),
            };
            match ctx.change(|s| s.import(&text, &file.name(), |id| ctx.template(id))) {
                Import::Refused(text) => import_message.set(Some(text)),
                Import::Open(draft, notice) => {
                    import_message.set(None);
                    open_imported(*draft, notice);
                }
            }
        });
    };

    view! {
        <main class="start-screen">
            <header class="start-header">
                <h1>"Biểu mẫu báo cáo cải cách hành chính"</h1>
                <p class="lead">
                    "Điền phụ lục thống kê ngay trên trình duyệt: số liệu được kiểm tra và cộng tổng khi gõ, tự động lưu, không cần mạng."
                </p>
            </header>
            {notice.map(|text| view! { <p class="banner warning" role="alert" data-route-notice="">{text}</p> }.into_any())}
            <DraftList />
            <section class="template-list" aria-label="Chọn biểu mẫu">
                <h2>"Tạo báo cáo mới"</h2>
                {keyed_list(move || first_carried(templates.get(), &carried).into_iter().map(|t| {
                    // A file of the same version may replace a loaded one: drawn anew.
                    let mark = ctx.card_mark(&t);
                    Keyed::new(key_of(&[&t.id, &t.version.to_string(), &mark]), move || {
                        let tables = t.grids().count();
                        let contents = if tables > 0 {
                            let identities: usize = t.grids().map(|(_, g)| g.identities.len()).sum();
                            format!("{tables} bảng · {identities} đẳng thức kiểm tra mỗi dòng")
                        } else {
                            format!("{} chỉ tiêu · {} quy tắc kiểm tra", t.fillable().count(), t.rules.len())
                        };
                        let open = t.clone();
                        let book = t.clone();
                        view! {
                            <article class="template-card">
                                <h3>{t.name.clone()}</h3>
                                <p>{t.description.clone()}</p>
                                <p class="levels" data-levels=t.levels.map_or("any", |l| l.key())>
                                    {t.levels.map_or("Dùng cho mọi kỳ báo cáo, trước và sau 01/7/2025", |l| l.label())}
                                </p>
                                <p class="meta">
                                    {format!("{contents} · mã {} · phiên bản {}", t.id, t.version)}
                                </p>
                                <TemplateOriginLine id=t.id.clone() />
                                <button
                                    type="button"
                                    class="primary"
                                    data-action="new-draft"
                                    data-template=t.id.clone()
                                    on:click=move |_| {
                                        let draft = ctx.session(|s| s.create(new_id(), &open, now()));
                                        let _ = ctx.open(draft, None);
                                    }
                                >
                                    "Tạo báo cáo mới"
                                </button>
                                <TemplateWorkbookButton template=book />
                                <RemoveTemplate id=t.id.clone() />
                            </article>
                        }
                    })
                }).collect())}
            </section>
            <section class="open-files">
                <h2>"Mở tệp"</h2>
                <label class="file-button">
                    "Mở tệp báo cáo (.json)…"
                    <input type="file" accept=".json,application/json" data-action="import" on:change=on_import />
                </label>
                {move || import_message.get().map(|m| view! { <p class="banner error" role="alert" data-import-error="">{m}</p> }.into_any())}
                <label class="file-button">
                    "Mở tệp biểu mẫu của tỉnh (.json, .xlsx)…"
                    <input type="file" accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-action="load-template" on:change=on_pick_template />
                </label>
                <p class="hint">"Biểu mẫu được kiểm tra đầy đủ trước khi dùng."</p>
                {move || load_message.get().map(|m| match m {
                    Ok(text) => view! { <p class="banner ok" role="status">{text}</p> }.into_any(),
                    Err(text) => view! { <p class="banner error" role="alert" data-template-error="">{text}</p> }.into_any(),
                })}
            </section>
            <EditionPanel />
        </main>
    }
}

/// `list` with the templates of `carried` first, in its order; the others
/// after them, as they were.
fn first_carried(mut list: Vec<Arc<Template>>, carried: &[String]) -> Vec<Arc<Template>> {
    list.sort_by_key(|t| {
        carried
            .iter()
            .position(|id| *id == t.id)
            .unwrap_or(usize::MAX)
    });
    list
}
