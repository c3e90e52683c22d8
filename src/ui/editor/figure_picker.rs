//! The figure picker of a narrative text area (search the annex's figures
//! in words, insert one at the caret, Escape back to the text) and the
//! hints on figures typed by hand, which open it already searching.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::text_field::select_words;
use crate::core::hand_figures::{dismissal_key, hand_figures};
use crate::core::narrative::{Shown, TARGET_PREFIX};
use crate::core::template::Template;
use crate::core::vn_text::ascii_base;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::erased::CollectAny;

/// Which item's figure picker is open, and the search it opens with.
#[derive(Clone, Copy)]
pub struct Picker {
    /// The item whose picker is open.
    pub open: RwSignal<Option<String>>,
    /// The search it opens with.
    pub query: RwSignal<String>,
}

impl Picker {
    pub fn closed() -> Picker {
        Picker {
            open: RwSignal::new(None),
            query: RwSignal::new(String::new()),
        }
    }

    /// Opens item `id`'s picker, searching `query`.
    pub fn show(&self, id: &str, query: String) {
        self.query.set(query);
        self.open.set(Some(id.to_string()));
    }
}

/// The figures the picker offers: token, what it is, and a key to search.
pub struct Candidate {
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

pub fn candidates(template: &Template) -> Vec<Candidate> {
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
pub fn FigurePicker(
    offered: Arc<Vec<Candidate>>,
    /// The search it opens with: the words of a figure typed by hand.
    start: String,
    insert: Callback<String>,
    close: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let query = RwSignal::new(start);
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

/// The search a replaced figure opens the picker with: the words typed
/// with its number ("hồ sơ" of "11 hồ sơ"; a percentage is a rate, "tỷ lệ").
fn search_for(words: &str, number: &str) -> String {
    let rest = words.replacen(number, "", 1);
    match rest.trim() {
        "%" => "tỷ lệ".to_string(),
        "" => number.to_string(),
        rest => rest.to_string(),
    }
}

/// Figures typed by hand that equal no figure of the report: replace with a
/// live one, or keep as typed (the dismissal is saved in the draft).
#[component]
pub fn HandFigureHints(id: String, picker: Picker) -> impl IntoView {
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
                let search = search_for(&words, &number);
                let key = dismissal_key(&id, &words);
                let hint = words.clone();
                view! {
                    <p class="hand-figure screen-only" data-hand-figure=hint.clone()>
                        "«" {hint.clone()} "» được gõ tay và không khớp số liệu nào của báo cáo. "
                        <button type="button" class="link" data-action="replace-hand-figure" on:click=move |_| {
                            if select_words(&replace_id, &words, &number) {
                                picker.show(&replace_id, search.clone());
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
