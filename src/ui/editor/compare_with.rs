//! "So sánh với": the reports a draft is read against. Its figures'
//! changes are judged against the same period a year earlier; dossiers in
//! progress are carried over from the report whose window ends where this
//! one's starts. The period rules find both among the saved drafts; the
//! clerk may pick others or none. The choices are saved with the draft.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use leptos::task::spawn_local;

use crate::browser::files::{picked_files, read_text};
use crate::core::predecessor::{self, Role};
use crate::ui::context::AppContext;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::erased::{key_of, keyed_list, Keyed};

const AUTO: &str = "tu-dong";
const NONE: &str = "khong";
const DRAFT: &str = "ban-nhap:";

#[component]
pub fn CompareWith(own_id: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let form = expect_context::<FormContext>();
    let before = form.before;
    let stored = before.stored;
    // The saved drafts, read once the editor is on screen: opening a draft
    // never waits for every other one to be read.
    let read_stored = {
        let own_id = own_id.clone();
        move || {
            let drafts = ctx
                .try_session(|s| s.list().map(|(list, _)| list).unwrap_or_default())
                .unwrap_or_default();
            // A draft read again at the same revision keeps its `Arc`, so the
            // report compared with is not taken as new (every row's messages
            // would be worked out again).
            stored.try_update(|kept| {
                *kept = drafts
                    .into_iter()
                    .filter(|s| s.draft.id != own_id)
                    .map(|s| {
                        let same = kept.iter().find(|k| {
                            k.id == s.draft.id
                                && k.revision == s.draft.revision
                                && k.updated_at == s.draft.updated_at
                        });
                        same.cloned().unwrap_or_else(|| {
                            // A report of an older version of the template is read
                            // with its codes migrated (in memory only), so that
                            // renamed rows still find last year's figures.
                            let mut draft = s.draft;
                            if let Some(template) = ctx.template(&draft.report.template_id) {
                                if draft.report.template_version < template.version {
                                    let _ = draft.migrate(&template);
                                }
                            }
                            Arc::new(draft)
                        })
                    })
                    .collect();
            });
        }
    };
    set_timeout(read_stored.clone(), Duration::ZERO);
    // A report before from a file: checked as strictly as any draft file,
    // kept among the drafts (so it is there next time), and chosen for
    // changes unless a period rule finds it already.
    let file_message = RwSignal::new(None::<String>);
    let template = form.template.clone();
    let read_again = read_stored.clone();
    let edits = form.edits;
    let header = form.clone();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = picked_files(&ev).into_iter().next() else {
            return;
        };
        let (template, read_stored, header) =
            (template.clone(), read_again.clone(), header.clone());
        spawn_local(async move {
            let outcome = match read_text(&file).await {
                Err(e) => Err(e),
                Ok(text) => ctx.change(|s| {
                    s.keep_predecessor(&text, &file.name(), &template, &header.header_value())
                }),
            };
            match outcome {
                Ok((id, found_by_rule, text)) => {
                    read_stored();
                    if !found_by_rule {
                        before.compare_with.set(Some(id));
                        edits.update(|n| *n += 1);
                    }
                    file_message.set(Some(text));
                }
                Err(e) => file_message.set(Some(e)),
            }
        });
    };
    let template_id = form.template.id.clone();
    let chooser = |role: Role, label: &'static str, action: &'static str| {
        let choice = match role {
            Role::Change => before.compare_with,
            Role::Carry => before.carry_from,
        };
        let found = move || match role {
            Role::Change => before.change.with(|c| c.as_ref().map(|c| c.draft.title())),
            Role::Carry => before.carry.with(|d| d.as_ref().map(|d| d.title())),
        };
        let (template_id, header, read_stored) =
            (template_id.clone(), form.clone(), read_stored.clone());
        let options = move || {
            stored.with(|all| {
                all.iter()
                    .filter(|d| d.report.template_id == template_id)
                    .map(|d| {
                        // A derived title names the period already; the clerk's own may not.
                        let label = if d.name.trim().is_empty() {
                            d.title()
                        } else {
                            format!("{} ({})", d.title(), d.period_text())
                        };
                        (format!("{DRAFT}{}", d.id), label)
                    })
                    .collect::<Vec<_>>()
            })
        };
        let auto_label = move || {
            let wanted = predecessor::wanted_text(&header.header_value(), role);
            match (choice.get().is_none(), found(), wanted) {
                (true, Some(found), _) => format!("Tự tìm: {found}"),
                (_, _, Some(wanted)) => format!("Tự tìm báo cáo {wanted} của đơn vị này (chưa có)"),
                _ => "Tự tìm (chưa nhập năm báo cáo)".to_string(),
            }
        };
        let selected = move || match choice.get() {
            None => AUTO.to_string(),
            Some(id) if id.is_empty() => NONE.to_string(),
            Some(id) => format!("{DRAFT}{id}"),
        };
        let on_change = move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            choice.set(match value.as_str() {
                AUTO => None,
                NONE => Some(String::new()),
                other => Some(other.trim_start_matches(DRAFT).to_string()),
            });
            edits.update(|n| *n += 1);
        };
        let none = match role {
            Role::Change => "Không so sánh",
            Role::Carry => "Không chuyển tiếp",
        };
        view! {
            <label>
                {label}
                <select data-action=action on:change=on_change on:focus=move |_| read_stored() prop:value=selected>
                    <option value=AUTO selected=move || selected() == AUTO>{auto_label}</option>
                    <option value=NONE selected=move || selected() == NONE>{none}</option>
                    {keyed_list(move || options().into_iter().map(|(value, label)| {
                        Keyed::new(key_of(&[&value, &label]), move || view! {
                            <option value=value.clone() selected={ let value = value.clone(); move || selected() == value }>{label}</option>
                        })
                    }).collect())}
                </select>
            </label>
        }
    };
    // Only a template with a carried-over column asks where dossiers come from.
    let carries = form.template.grids().any(|(_, g)| g.carried_over.is_some());
    view! {
        <div class="compare-with screen-only">
            {chooser(Role::Change, "So sánh số liệu với: ", "set-predecessor")}
            {carries.then(|| chooser(Role::Carry, " Hồ sơ kỳ trước chuyển sang lấy từ: ", "set-carry-from"))}
            <label class="file-button small">
                "Mở tệp kỳ trước (.json)…"
                <input type="file" accept=".json,application/json" data-action="open-predecessor" on:change=on_file />
            </label>
            {move || file_message.get().map(|m| view! { <span class="small" role="status" data-predecessor-message="">" " {m}</span> }.into_any())}
            {move || before.change.get().map(|c| view! {
                <span class="small muted" data-predecessor=c.draft.id.clone()>
                    {format!(" Số liệu «{}» ({}) hiện bên cạnh từng chỉ tiêu.", c.draft.title(), c.label)}
                </span>
            }.into_any())}
        </div>
    }
}
