//! The narrative report, written under the header and before the annex:
//! "BÁO CÁO", its subject and opening sentence from the header, then one
//! text area per outline item with its hint, its live figures shown as the
//! annex's values, and its messages.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::text_field::{insert_at_caret, pasted_text, refocus};
use crate::core::narrative::{clean_paste, paragraphs, pieces, Piece, Shown};
use crate::core::outline::{OutlineItem, PeriodWords, CLOSING};
use crate::core::period::{parse_year, Period};
use crate::core::report::HeaderField;
use crate::ui::editor::conflict::ConflictChoice;
use crate::ui::editor::figure_picker::{
    candidates, Candidate, FigurePicker, HandFigureHints, Picker,
};
use crate::ui::editor::issue_summary::IssueMessages;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::erased::{key_of, keyed_list, memo, CollectAny, Keyed};

#[component]
pub fn NarrativeEditor() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let template = form.template.clone();
    let picker: Picker = RwSignal::new(None);
    let offered = Arc::new(candidates(&template));
    let header = form.clone();
    let words = memo(move || {
        let value = |f| header.header_signal(f).get();
        let period = Period::from_key(&value(HeaderField::Period)).unwrap_or_default();
        let words = PeriodWords::new(
            &value(HeaderField::Unit),
            &value(HeaderField::Place),
            period,
            parse_year(&value(HeaderField::Year)).ok(),
        );
        (
            words.fill(&template.outline.subject),
            words.fill(&template.outline.opening),
            words.closing_hint(&template.outline.subject),
        )
    });
    let started = form.narrative.started;
    let items = form.template.outline.items.clone();
    view! {
        <section class="narrative" class:started=move || started.get() aria-label="Nội dung báo cáo">
            <h1 class="report-title">"BÁO CÁO"</h1>
            <p class="report-subject bold" data-computed="subject">{move || words.get().0}</p>
            <span class="rule-line short"></span>
            <p class="report-opening" data-computed="opening">{move || words.get().1}</p>
            {items.into_iter().map(|item| view! { <OutlineEntry item picker offered=offered.clone() /> }).collect_any()}
            <TextEntry id=CLOSING.to_string() label="Đoạn kết".to_string() hint=Signal::derive(move || words.get().2) picker offered=offered.clone() />
        </section>
    }
}

#[component]
fn OutlineEntry(item: OutlineItem, picker: Picker, offered: Arc<Vec<Candidate>>) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let narrative = &form.narrative;
    let (headings, left_out) = (narrative.headings, narrative.left_out);
    // As printed: items left out are not, and the rest are numbered on.
    let printed = {
        let id = item.id.clone();
        memo(move || headings.with(|h| h.get(&id).cloned()))
    };
    let fallback = item.heading();
    let heading = move || printed.get().unwrap_or_else(|| fallback.clone());
    let class = format!("outline-heading depth-{}", item.depth.min(2));
    if !item.writes {
        return view! { <h2 class=class class:left-out=move || printed.with(Option::is_none)>{heading}</h2> }
            .into_any();
    }
    let period = form.header_signal(HeaderField::Period);
    let optional = {
        let item = item.clone();
        memo(move || item.optional_in(Period::from_key(&period.get()).unwrap_or_default()))
    };
    let is_out = {
        let id = item.id.clone();
        memo(move || optional.get() && left_out.with(|l| l.contains(&id)))
    };
    let toggle = {
        let (id, form) = (item.id.clone(), form.clone());
        move |out: bool| {
            form.narrative.left_out.update(|l| {
                if out {
                    l.insert(id.clone());
                } else {
                    l.remove(&id);
                }
            });
            form.edits.update(|n| *n += 1);
        }
    };
    let (omit, restore) = (toggle.clone(), toggle);
    let (id, restore_id) = (item.id.clone(), item.id.clone());
    let title = item.title.clone();
    view! {
        <div class="outline-item" class:left-out=move || is_out.get() data-outline-item=id.clone() data-left-out=move || is_out.get().then_some("true")>
            <h3 class=class>{heading}</h3>
            {move || is_out.get().then(|| {
                let (id, restore) = (restore_id.clone(), restore.clone());
                view! {
                    <p class="left-out-note screen-only">
                        "Không đưa vào báo cáo này: mục không được in và không được kiểm tra; nội dung đã gõ vẫn được giữ. "
                        <button type="button" class="link" data-action="restore-item" data-outline=id on:click=move |_| restore(false)>
                            "Đưa lại vào báo cáo"
                        </button>
                    </p>
                }
            })}
            <div class="item-body" class:collapsed=move || is_out.get()>
                <TextEntry id=item.id.clone() label=title hint=Signal::stored(item.hint.clone()) picker offered>
                    {move || (optional.get() && !is_out.get()).then(|| {
                        let (id, omit) = (item.id.clone(), omit.clone());
                        view! {
                            " · "
                            <button type="button" class="link" data-action="omit-item" data-outline=id on:click=move |_| omit(true)>
                                "Không đưa vào báo cáo"
                            </button>
                        }
                    })}
                </TextEntry>
            </div>
        </div>
    }
    .into_any()
}

/// A text area of the narrative (an item's or the closing paragraph's),
/// with its picker, its printed paragraphs, its messages and hints.
#[component]
fn TextEntry(
    id: String,
    label: String,
    hint: Signal<String>,
    picker: Picker,
    offered: Arc<Vec<Candidate>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let conflict_hook = form.conflicts.hook(format!("outline:{id}"));
    let Some(text) = form.narrative.text(&id) else {
        return ().into_any();
    };
    let issues = form
        .narrative
        .item_issues
        .get(&id)
        .copied()
        .unwrap_or_else(|| memo(Vec::new));
    let (edit, paste_form, pick_form) = (form.clone(), form.clone(), form.clone());
    let on_input = move |ev| edit.set_narrative(text, event_target_value(&ev));
    let paste_id = id.clone();
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(pasted) = pasted_text(&ev) else {
            return;
        };
        ev.prevent_default();
        if let Some(new_text) = insert_at_caret(&paste_id, &clean_paste(&pasted)) {
            paste_form.set_narrative(text, new_text);
        }
    };
    // A few more rows than the text has lines, so it grows as it is typed.
    let rows = move || {
        text.with(|t| {
            t.lines()
                .map(|l| 1 + l.chars().count() / 90)
                .sum::<usize>()
                .clamp(2, 60)
                + 1
        })
    };
    let open_id = id.clone();
    let picker_start = {
        let id = id.clone();
        move || {
            picker.with(|p| {
                p.as_ref()
                    .filter(|(open, _)| *open == id)
                    .map(|(_, query)| query.clone())
            })
        }
    };
    let insert = Callback::new({
        let id = id.clone();
        move |token: String| {
            picker.set(None);
            if let Some(new_text) = insert_at_caret(&id, &format!("{{{token}}}")) {
                pick_form.set_narrative(text, new_text);
            }
        }
    });
    let close_id = id.clone();
    let close = move || {
        picker.set(None);
        refocus(&close_id);
    };
    let closing = id == CLOSING;
    view! {
        <div class="text-entry" class:closing-entry=closing data-conflict=conflict_hook>
            <textarea
                class="narrative-input screen-only"
                data-outline=id.clone()
                aria-label=label
                placeholder=move || hint.get()
                rows=rows
                // Set once: typing, a figure inserted and a paste all write
                // the area first (the last two through `text_field`), so
                // the text never has to be written back on a keystroke.
                prop:value=text.get_untracked()
                on:input=on_input
                on:paste=on_paste
            ></textarea>
            <div class="outline-tools screen-only">
                <button type="button" class="link" data-action="insert-figure" on:click=move |_| picker.set(Some((open_id.clone(), String::new())))>
                    "Chèn số liệu từ phụ lục"
                </button>
                <span class="tool-hint">" hoặc gõ mã trong ngoặc nhọn, ví dụ {3.3.1}, tỷ lệ {3.3.2/3.3.1}"</span>
                {children.map(|c| c())}
            </div>
            {move || picker_start().map(|start| view! { <FigurePicker offered=offered.clone() start insert close=close.clone() /> })}
            <div class="narrative-text" class:has-figures=move || text.with(|t| t.contains('{'))>
                // Keyed by place and text: a keystroke redraws its own paragraph only.
                {keyed_list(move || text.with(|t| {
                    paragraphs(t).enumerate().map(|(n, p)| {
                        let p = p.to_string();
                        Keyed::new(key_of(&[&n.to_string(), &p]), move || view! { <p>{paragraph(&p)}</p> })
                    }).collect()
                }))}
            </div>
            <ConflictChoice key=format!("outline:{id}") current=text.into() />
            <div class="issues screen-only"><IssueMessages issues /></div>
            <HandFigureHints id=id.clone() picker />
        </div>
    }
    .into_any()
}

/// One paragraph, its figures drawn from the annex as it changes.
fn paragraph(text: &str) -> impl IntoView {
    let form = expect_context::<FormContext>();
    pieces(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(t) => t.to_string().into_any(),
            Piece::Figure(token) => {
                let (token, form) = (token.to_string(), form.clone());
                let (hook, typed) = (token.clone(), token.clone());
                let shown = memo(move || form.narrative.show(&token));
                view! {
                    <span class="figure" class:empty=move || shown.with(|s| !matches!(s, Shown::Text(_))) data-figure=hook>
                        {move || match shown.get() {
                            Shown::Text(t) => t,
                            Shown::Empty => "…".to_string(),
                            Shown::Unknown => format!("{{{typed}}}"),
                        }}
                    </span>
                }
                .into_any()
            }
        })
        .collect_any()
}
