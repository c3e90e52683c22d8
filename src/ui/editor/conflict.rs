//! The choice at each field both copies changed, and the list of them all.
//!
//! The page hooks: `data-conflict="<key>"` on the field's wrapper (its
//! table cell or block), and inside it `data-action="keep-this"` and
//! `data-action="take-other"`.

use leptos::prelude::*;

use crate::core::copies::field_label;
use crate::ui::editor::autosave::Autosave;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::erased::CollectAny;

/// How a value reads in the choice: an empty one says so.
fn shown(value: &str) -> String {
    if value.trim().is_empty() {
        "(để trống)".to_string()
    } else {
        value.to_string()
    }
}

/// The choice at a field in conflict; nothing otherwise.
#[component]
pub fn ConflictChoice(key: String, current: Signal<String>) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let autosave = expect_context::<Autosave>();
    let conflicts = form.conflicts;
    move || {
        let others = conflicts.of(&key)?;
        let (keep, mine) = (key.clone(), current.get_untracked());
        let takes = others
            .into_iter()
            .map(|other| {
                let (key, value) = (key.clone(), other.clone());
                view! {
                    <button type="button" data-action="take-other" on:click=move |_| autosave.choose(&key, &value)>
                        {format!("Lấy bản kia: {}", shown(&other))}
                    </button>
                }
            })
            .collect_any();
        Some(view! {
            <span class="conflict-choice screen-only" role="group" aria-label="Hai bản khác nhau">
                <span class="conflict-title">"Hai bản khác nhau"</span>
                <button type="button" data-action="keep-this" on:click=move |_| autosave.choose(&keep, &mine)>
                    {format!("Giữ bản này: {}", shown(&current.get_untracked()))}
                </button>
                {takes}
            </span>
        })
    }
}

/// Every open conflict, named as the clerk knows the field, each with
/// its choice: fields far down the page, and those with no place of their
/// own (the draft's name).
#[component]
pub fn ConflictList() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let autosave = expect_context::<Autosave>();
    let conflicts = form.conflicts;
    move || {
        if !conflicts.any.get() {
            return None;
        }
        let draft = autosave.current()?;
        let report = &draft.report;
        let items = conflicts.map.with(|m| {
            m.iter()
                .map(|(key, others)| {
                    let label = field_label(&form.template, report, key);
                    let mine = draft
                        .parts()
                        .get(key)
                        .map(|v| v.into_owned())
                        .unwrap_or_default();
                    let (keep, take, key_hook, mine_text) = (key.clone(), key.clone(), key.clone(), mine.clone());
                    let other = others.first().cloned().unwrap_or_default();
                    let other_text = others.iter().map(|o| shown(o)).collect::<Vec<_>>().join(" / ");
                    view! {
                        <li data-conflict-item=key_hook>
                            <strong>{label}</strong>
                            {format!(": bản này «{}», bản kia «{}». ", shown(&mine_text), other_text)}
                            <button type="button" class="link" data-action="keep-this" on:click=move |_| autosave.choose(&keep, &mine)>"Giữ bản này"</button>
                            " · "
                            <button type="button" class="link" data-action="take-other" on:click=move |_| autosave.choose(&take, &other)>"Lấy bản kia"</button>
                        </li>
                    }
                })
                .collect_any()
        });
        let count = conflicts.map.with(|m| m.len());
        Some(view! {
            <div class="banner warning conflicts" role="alert" data-conflicts=count>
                <p>{format!(
                    "{count} mục đã được sửa khác nhau ở hai nơi (thẻ khác, máy khác hoặc tệp của đồng nghiệp). Trang và các tệp tải về đang dùng bản ở đây; hãy chọn bản giữ lại cho từng mục:"
                )}</p>
                <ul>{items}</ul>
            </div>
        })
    }
}
