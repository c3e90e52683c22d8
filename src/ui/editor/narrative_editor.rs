//! The narrative report, written under the header and before the annex:
//! "BÁO CÁO", its subject and opening sentence from the header, then one
//! text area per outline item with its hint, its live figures shown as the
//! annex's values, and its messages.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::text_field::{insert_at_caret, pasted_text, refocus};
use crate::core::narrative::{clean_paste, paragraphs, pieces, Piece, Shown};
use crate::core::outline::{OutlineItem, PeriodWords, Required, CLOSING};
use crate::core::period::{parse_year, Period};
use crate::core::report::HeaderField;
use crate::ui::editor::conflict::ConflictChoice;
use crate::ui::editor::figure_picker::{
    candidates, Candidate, FigurePicker, HandFigureHints, Picker,
};
use crate::ui::editor::issue_summary::IssueMessages;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::erased::{key_of, keyed_list, memo, CollectAny, Keyed};
use crate::ui::shared::settled::Settled;

#[component]
pub fn NarrativeEditor() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let template = form.template.clone();
    let picker = Picker::closed();
    let offered = Arc::new(candidates(&template));
    let header = form.clone();
    // The subject, the opening sentence and the closing paragraph's hint,
    // from the header's words once.
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
    let closing_hint = memo(move || words.with(|w| w.2.clone()));
    let started = form.narrative.started;
    let items = form.template.outline.items.clone();
    view! {
        <section class="narrative" class:started=move || started.get() aria-label="Nội dung báo cáo">
            <h1 class="report-title">"BÁO CÁO"</h1>
            <p class="report-subject bold" data-computed="subject">{move || words.with(|w| w.0.clone())}</p>
            <span class="rule-line short"></span>
            <p class="report-opening" data-computed="opening">{move || words.with(|w| w.1.clone())}</p>
            {items.into_iter().enumerate().map(|(index, item)| view! { <OutlineEntry item index picker offered=offered.clone() /> }).collect_any()}
            <TextEntry id=CLOSING.to_string() label="Đoạn kết".to_string() hint=closing_hint picker offered=offered.clone() />
        </section>
    }
}

#[component]
fn OutlineEntry(
    item: OutlineItem,
    index: usize,
    picker: Picker,
    offered: Arc<Vec<Candidate>>,
) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let (headings, left_out) = (form.narrative.headings, form.narrative.left_out);
    // As printed: items left out are not, and the rest are numbered on.
    let fallback = item.heading();
    let heading = move || {
        headings
            .with(|h| h.get(index).filter(|h| !h.is_empty()).cloned())
            .unwrap_or_else(|| fallback.clone())
    };
    let class = format!("outline-heading depth-{}", item.depth.min(2));
    if !item.writes {
        let gone = move || headings.with(|h| h.get(index).is_none_or(String::is_empty));
        return view! { <h2 class=class class:left-out=gone>{heading}</h2> }.into_any();
    }
    let entry = view! { <TextEntry id=item.id.clone() label=item.title.clone() hint=memo(String::new) picker offered /> };
    if item.required == Required::Always {
        return view! {
            <div class="outline-item" data-outline-item=item.id.clone()>
                <h3 class=class>{heading}</h3>
                {entry}
            </div>
        }
        .into_any();
    }
    // Optional (in some periods): «Không đưa vào báo cáo» and back; both
    // drawn once, the classes say which shows (`style/main.css`).
    let period = form.header_signal(HeaderField::Period);
    let id = item.id.clone();
    let optional =
        memo(move || item.optional_in(Period::from_key(&period.get()).unwrap_or_default()));
    let is_out = {
        let id = id.clone();
        memo(move || optional.get() && left_out.with(|l| l.contains(&id)))
    };
    let set = {
        let (id, form) = (id.clone(), form.clone());
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
    let (omit, restore) = (set.clone(), set);
    let (item_id, restore_id, omit_id) = (id.clone(), id.clone(), id);
    view! {
        <div class="outline-item" class:can-omit=move || optional.get() class:left-out=move || is_out.get() data-outline-item=item_id data-left-out=move || is_out.get().then_some("true")>
            <h3 class=class>{heading}</h3>
            <p class="left-out-note screen-only">
                "Không đưa vào báo cáo này: mục không được in và không được kiểm tra; nội dung đã gõ vẫn được giữ. "
                <button type="button" class="link" data-action="restore-item" data-outline=restore_id on:click=move |_| restore(false)>"Đưa lại vào báo cáo"</button>
            </p>
            <div class="item-body">
                {entry}
                <p class="omit-tools screen-only">
                    <button type="button" class="link" data-action="omit-item" data-outline=omit_id on:click=move |_| omit(true)>"Không đưa vào báo cáo"</button>
                </p>
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
    /// Shown while empty when not empty itself; else the item's own hint.
    hint: Memo<String>,
    picker: Picker,
    offered: Arc<Vec<Candidate>>,
) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let conflict_hook = form.conflicts.hook(format!("outline:{id}"));
    let Some(text) = form.narrative.text(&id) else {
        return ().into_any();
    };
    let own_hint = form
        .template
        .outline
        .item(&id)
        .map(|i| i.hint.clone())
        .unwrap_or_default();
    // Shown on the frame after the key's (ui/shared/settled.rs).
    let issues = expect_context::<Settled>().follow_frame(
        form.narrative
            .item_issues
            .get(&id)
            .copied()
            .unwrap_or_else(|| memo(Vec::new)),
    );
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
    let picker_open = {
        let id = id.clone();
        move || picker.open.with(|p| p.as_deref() == Some(id.as_str()))
    };
    let insert = Callback::new({
        let id = id.clone();
        move |token: String| {
            picker.open.set(None);
            if let Some(new_text) = insert_at_caret(&id, &format!("{{{token}}}")) {
                pick_form.set_narrative(text, new_text);
            }
        }
    });
    let close_id = id.clone();
    let close = move || {
        picker.open.set(None);
        refocus(&close_id);
    };
    let closing = id == CLOSING;
    view! {
        <div class="text-entry" class:closing-entry=closing data-conflict=conflict_hook>
            {closing.then(|| view! { <p class="closing-label screen-only">"Đoạn kết — để trống thì in câu gợi ý dưới đây"</p> })}
            <textarea
                class="narrative-input screen-only"
                data-outline=id.clone()
                aria-label=label
                placeholder=move || hint.with(|h| if h.is_empty() { own_hint.clone() } else { h.clone() })
                rows=rows
                // Set once: typing, a figure inserted and a paste all write
                // the area first (the last two through `text_field`), so
                // the text never has to be written back on a keystroke.
                prop:value=text.get_untracked()
                on:input=on_input
                on:paste=on_paste
            ></textarea>
            <div class="outline-tools screen-only">
                <button type="button" class="link" data-action="insert-figure" on:click=move |_| picker.show(&open_id, String::new())>
                    "Chèn số liệu từ phụ lục"
                </button>
                <span class="tool-hint">" hoặc gõ mã trong ngoặc nhọn, ví dụ {3.3.1}, tỷ lệ {3.3.2/3.3.1}"</span>
            </div>
            {move || picker_open().then(|| view! { <FigurePicker offered=offered.clone() start=picker.query.get_untracked() insert close=close.clone() /> })}
            <div class="narrative-text" class:has-figures=move || text.with(|t| t.contains('{'))>
                // Keyed by place and text: a keystroke redraws its own paragraph only.
                {keyed_list(move || text.with(|t| {
                    paragraphs(t).enumerate().map(|(n, p)| {
                        let p = p.to_string();
                        Keyed::new(key_of(&[&n.to_string(), &p]), move || view! { <p>{paragraph(&p)}</p> })
                    }).collect()
                }))}
                // The closing paragraph left empty prints the usual sentence.
                {closing.then(|| view! {
                    <p class="print-only" class:filled=move || text.with(|t| !t.trim().is_empty())>{move || hint.get()}</p>
                })}
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
