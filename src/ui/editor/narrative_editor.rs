//! The narrative report, written under the header and before the annex:
//! "BÁO CÁO", its subject and opening sentence from the header, then one
//! text area per outline item with its hint, its live figures shown as the
//! annex's values, and its messages.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::text_field::{insert_at_caret, pasted_text, select_words};
use crate::core::hand_figures::{dismissal_key, hand_figures};
use crate::core::narrative::{clean_paste, paragraphs, pieces, Piece, Shown, TARGET_PREFIX};
use crate::core::outline::{OutlineItem, PeriodWords};
use crate::core::period::{parse_year, Period};
use crate::core::report::HeaderField;
use crate::core::template::Template;
use crate::core::vn_text::ascii_base;
use crate::ui::editor::conflict::ConflictChoice;
use crate::ui::editor::issue_summary::IssueMessages;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::erased::{key_of, keyed_list, memo, CollectAny, Keyed};

/// The figures the picker offers: token, what it is, and a key to search.
struct Candidate {
    token: String,
    label: String,
    key: String,
}

/// Lower-case ASCII, marks dropped: "Hồ sơ" → "ho so".
fn folded(text: &str) -> String {
    text.chars()
        .filter_map(ascii_base)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn candidates(template: &Template) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut add = |token: String, label: String| {
        let key = folded(&format!("{token} {label}"));
        out.push(Candidate { token, label, key });
    };
    for ind in template.fillable() {
        add(ind.code.clone(), ind.label.clone());
    }
    for c in &template.computed {
        add(c.code.clone(), c.label.clone());
    }
    for target in &template.targets {
        add(
            format!("{TARGET_PREFIX}{}", target.id),
            format!("Mục tiêu: {} ({})", target.label, target.goal()),
        );
    }
    for (section, grid) in template.grids() {
        let (annex, _) = section.heading(template);
        add(
            format!("{}/count", section.id),
            format!("{annex} — số dòng"),
        );
        for (i, column) in grid.columns.iter().enumerate() {
            let name = grid.column_name(i);
            if column.is_summed() {
                add(
                    format!("{}/total/c{}", section.id, column.number),
                    format!("{annex} — tổng cột {name}"),
                );
            }
            if let crate::core::grid::ColumnRole::Value(kind) = &column.role {
                for (code, label) in kind.options() {
                    add(
                        format!("{}/count/c{}={code}", section.id, column.number),
                        format!("{annex} — số dòng có {name}: {label}"),
                    );
                }
            }
        }
    }
    out
}

/// The figures of which every word of `query` begins a word (or the code),
/// at most `limit`: "ho so" finds "hồ sơ", not "kế hoạch … số".
fn matching<'a>(all: &'a [Candidate], query: &str, limit: usize) -> Vec<&'a Candidate> {
    let words: Vec<String> = query.split_whitespace().map(folded).collect();
    all.iter()
        .filter(|c| {
            words.iter().all(|w| {
                c.key
                    .split([' ', '(', ')', ','])
                    .any(|k| k.starts_with(w.as_str()))
            })
        })
        .take(limit)
        .collect()
}

#[component]
pub fn NarrativeEditor() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let template = form.template.clone();
    let picker = RwSignal::new(None::<String>);
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
        </section>
    }
}

#[component]
fn OutlineEntry(
    item: OutlineItem,
    picker: RwSignal<Option<String>>,
    offered: Arc<Vec<Candidate>>,
) -> impl IntoView {
    let heading = item.heading();
    let class = format!("outline-heading depth-{}", item.depth.min(2));
    if !item.writes {
        return view! { <h2 class=class>{heading}</h2> }.into_any();
    }
    let form = expect_context::<FormContext>();
    let conflict_hook = form.conflicts.hook(format!("outline:{}", item.id));
    let Some(text) = form.narrative.text(&item.id) else {
        return ().into_any();
    };
    let issues = form
        .narrative
        .item_issues
        .get(&item.id)
        .copied()
        .unwrap_or_else(|| memo(Vec::new));
    let id = item.id.clone();
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
        move || picker.get().as_deref() == Some(id.as_str())
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
    view! {
        <div class="outline-item" data-outline-item=id.clone() data-conflict=conflict_hook>
            <h3 class=class>{heading}</h3>
            <textarea
                class="narrative-input screen-only"
                data-outline=id.clone()
                aria-label=item.title.clone()
                placeholder=item.hint.clone()
                rows=rows
                // Set once: typing, a figure inserted and a paste all write
                // the area first (the last two through `text_field`), so
                // the text never has to be written back on a keystroke.
                prop:value=text.get_untracked()
                on:input=on_input
                on:paste=on_paste
            ></textarea>
            <div class="outline-tools screen-only">
                <button type="button" class="link" data-action="insert-figure" on:click=move |_| picker.set(Some(open_id.clone()))>
                    "Chèn số liệu từ phụ lục"
                </button>
                <span class="tool-hint">" hoặc gõ mã trong ngoặc nhọn, ví dụ {3.3.1}, tỷ lệ {3.3.2/3.3.1}"</span>
            </div>
            {move || picker_open().then(|| view! { <FigurePicker offered=offered.clone() insert close=move || picker.set(None) /> })}
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

#[component]
fn FigurePicker(
    offered: Arc<Vec<Candidate>>,
    insert: Callback<String>,
    close: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let form = expect_context::<FormContext>();
    let found = {
        let offered = offered.clone();
        move || {
            query.with(|q| {
                matching(&offered, q, 40)
                    .into_iter()
                    .map(|c| {
                        let token = c.token.clone();
                        let value = match form.narrative.show(&c.token) {
                            Shown::Text(t) => t,
                            _ => "chưa có số liệu".to_string(),
                        };
                        view! {
                            <li>
                                <button type="button" class="figure-option" data-figure-option=c.token.clone() on:click=move |_| insert.run(token.clone())>
                                    <span class="code">{c.token.clone()}</span>
                                    <span class="label">{c.label.clone()}</span>
                                    <span class="value">{value}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_any()
            })
        }
    };
    let first = {
        let offered = offered.clone();
        move || query.with(|q| matching(&offered, q, 1).first().map(|c| c.token.clone()))
    };
    let escape = close.clone();
    let search = NodeRef::<leptos::html::Input>::new();
    search.on_load(|input| {
        let _ = input.focus();
    });
    view! {
        <div class="figure-picker screen-only" role="dialog" aria-label="Chèn số liệu từ phụ lục">
            <input
                type="search"
                data-figure-search=""
                placeholder="Tìm theo mã hoặc tên chỉ tiêu, ví dụ 3.3.1 hoặc đúng hẹn"
                node_ref=search
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=move |ev| match ev.key().as_str() {
                    "Escape" => escape(),
                    "Enter" => {
                        ev.prevent_default();
                        if let Some(token) = first() {
                            insert.run(token);
                        }
                    }
                    _ => {}
                }
            />
            <ul class="figure-options">{found}</ul>
            <button type="button" class="link" data-action="close-picker" on:click=move |_| close()>"Đóng"</button>
        </div>
    }
}

/// Figures typed by hand that equal no figure of the report: replace with a
/// live one, or keep as typed (the dismissal is saved in the draft).
#[component]
fn HandFigureHints(id: String, picker: RwSignal<Option<String>>) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let hints = form.narrative.hints(&id);
    // A few at most: drawn again as a list, without a keyed list's code.
    move || {
        hints
            .get()
            .into_iter()
            .map(|words| {
                let (replace_id, form) = (id.clone(), form.clone());
                let number = hand_figures(&words).into_iter().next().map(|f| f.number).unwrap_or_default();
                let key = dismissal_key(&id, &words);
                let hint = words.clone();
                view! {
                    <p class="hand-figure screen-only" data-hand-figure=hint.clone()>
                        "«" {hint.clone()} "» được gõ tay và không khớp số liệu nào của báo cáo. "
                        <button type="button" class="link" data-action="replace-hand-figure" on:click=move |_| {
                            if select_words(&replace_id, &words, &number) {
                                picker.set(Some(replace_id.clone()));
                            }
                        }>"Thay bằng số liệu từ phụ lục"</button>
                        " · "
                        <button type="button" class="link" data-action="dismiss-hint" on:click=move |_| {
                            form.narrative.dismissed.update(|d| {
                                d.insert(key.clone());
                            });
                            form.edits.update(|n| *n += 1);
                        }>"Giữ nguyên"</button>
                    </p>
                }
            })
            .collect_any()
    }
}
