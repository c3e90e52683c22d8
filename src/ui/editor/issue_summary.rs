//! Every message in one list, with the counts; a click goes to the field.

use leptos::prelude::*;

use crate::browser::focus::focus_field;
use crate::core::issue::{Issue, Severity};
use crate::core::narrative::{is_empty_item, issue_code};
use crate::core::number::format_count;
use crate::core::report::HeaderField;
use crate::core::target::TargetState;
use crate::core::template::Template;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::erased::{key_of, keyed_list, shown, CollectAny, Keyed};
use crate::ui::shared::settled::Settled;

#[component]
pub fn IssueSummary() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let settled = expect_context::<Settled>();
    let (issues, errors, warnings) = (
        settled.follow(form.issues),
        settled.follow(form.errors),
        settled.follow(form.warnings),
    );
    let unconfirmed = form.unconfirmed;
    let targets = form
        .template
        .targets
        .iter()
        .cloned()
        .zip(form.targets.iter().copied())
        .map(|(target, result)| {
            let (id, label) = (target.id.clone(), target.label.clone());
            let state = move || result.get().state;
            // Figures that disagree are not met, and never shown as met.
            view! {
                <li
                    class="target"
                    data-target=id
                    data-met=move || result.get().met().map(|m| m.to_string())
                    data-target-state=move || state().map(TargetState::hook)
                    class:met=move || state() == Some(TargetState::Met)
                    class:not-met=move || state() == Some(TargetState::NotMet)
                    class:mismatch=move || state() == Some(TargetState::Mismatch)
                >
                    <span class="target-label">{label}</span>
                    <span class="target-result">{move || target.text(result.get())}</span>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let has_targets = !targets.is_empty();
    let template = form.template.clone();
    // Kept outside the list: the group stays open as its members change.
    let expanded = RwSignal::new(false);
    view! {
        <section
            class="issue-summary"
            id="kiem-tra"
            aria-label="Kết quả kiểm tra"
            data-checks=move || if settled.pending.get() { "pending" } else { "shown" }
        >
            <h2>"Kiểm tra số liệu"</h2>
            <p class="counts">
                <span class="count error" data-count="error">{move || format_count(errors.get() as f64)} " lỗi"</span>
                <span class="count warning" data-count="warning">{move || format_count(warnings.get() as f64)} " cảnh báo"</span>
                {move || unconfirmed.with(|s| (!s.is_empty()).then(|| s.len())).map(|n| view! {
                    <span class="count stale" data-count="stale" title="Số liệu chép từ kỳ trước, chưa sửa hay xác nhận">
                        {format_count(n as f64)} " chưa cập nhật"
                    </span>
                }.into_any())}
            </p>
            {shown(move || issues.with(Vec::is_empty), || view! { <p class="all-good">"Chưa phát hiện sai sót."</p> }, || ())}
            {has_targets.then(|| view! {
                <h3 class="targets-heading">"Mục tiêu"</h3>
                <ul class="targets">{targets}</ul>
            }.into_any())}
            <ol class="summary-list" aria-live="polite">
                {keyed_list(move || {
                    let all = issues.get();
                    let empty: Vec<Issue> = all.iter().filter(|i| is_empty_item(i)).cloned().collect();
                    let grouped = empty.len() >= 2;
                    let mut out = Vec::new();
                    let mut group = Some(empty);
                    for issue in all {
                        let template = template.clone();
                        if !(grouped && is_empty_item(&issue)) {
                            let key = key_of(&[&issue.code, &issue.message]);
                            out.push(Keyed::new(key, move || entry(&template, Entry::One(issue), expanded)));
                        } else if let Some(members) = group.take() {
                            // The group stands where its first member would.
                            let codes: Vec<&str> = members.iter().map(|i| i.code.as_str()).collect();
                            let key = key_of(&codes);
                            out.push(Keyed::new(key, move || entry(&template, Entry::Group(members), expanded)));
                        }
                    }
                    out
                })}
            </ol>
        </section>
    }
}

/// One message's card: a click goes to its field. A narrative item is
/// named as in the document («Mục I.3 "Về công tác tuyên truyền …"»).
fn card(template: &Template, issue: Issue) -> impl IntoView {
    let code = issue.code.clone();
    let header = code.strip_prefix("header:").and_then(HeaderField::from_key);
    let name = match header {
        Some(field) => field.label().to_string(),
        None => code
            .strip_prefix(&issue_code(""))
            .and_then(|id| template.outline.item(id))
            .map_or_else(|| code.clone(), |item| item.named()),
    };
    // Named in the title, the message need not say it again.
    let message = issue
        .message
        .strip_prefix(name.as_str())
        .map_or(issue.message.as_str(), |m| m.trim_start_matches(':').trim())
        .to_string();
    view! {
        <li>
            <button
                type="button"
                class=format!("summary-item {}", issue.severity.as_str())
                data-summary-for=issue.code.clone()
                data-summary-severity=issue.severity.as_str()
                title="Đến ô số liệu"
                on:click=move |_| {
                    focus_field(&code);
                }
            >
                <span class="severity">{issue.severity.label()} " · " {name}</span>
                <span class="message">{message}</span>
            </button>
        </li>
    }
}

/// A line of the summary: one message, or the empty items together.
enum Entry {
    One(Issue),
    Group(Vec<Issue>),
}

/// One closure type for every line, so the list is one instantiation.
fn entry(template: &Template, entry: Entry, expanded: RwSignal<bool>) -> AnyView {
    match entry {
        Entry::One(issue) => card(template, issue).into_any(),
        Entry::Group(members) => empty_items(template, members, expanded).into_any(),
    }
}

/// Narrative items still empty, as one line that opens to their cards
/// («7 mục chưa có nội dung»); closed, the cards stay on the page hidden.
fn empty_items(
    template: &Template,
    members: Vec<Issue>,
    expanded: RwSignal<bool>,
) -> impl IntoView {
    let count = format!(
        "{} mục chưa có nội dung",
        format_count(members.len() as f64)
    );
    let cards = members
        .into_iter()
        .map(|issue| card(template, issue))
        .collect_any();
    view! {
        <li class="issue-group" data-issue-group="empty-items">
            <button
                type="button"
                class="summary-item summary-group warning"
                data-action="expand-group"
                aria-expanded=move || expanded.get().to_string()
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                <span class="severity">{Severity::Warning.label()} " · Nội dung báo cáo"</span>
                <span class="message">{count} {move || if expanded.get() { " — thu gọn" } else { " — bấm để xem từng mục" }}</span>
            </button>
            <ol class="summary-list group-members" hidden=move || !expanded.get()>{cards}</ol>
        </li>
    }
}

/// The counts alone, for the toolbar of narrow windows, where the summary
/// sits below the form so that it never pushes the field being typed.
#[component]
pub fn IssueCounts() -> impl IntoView {
    let form = expect_context::<FormContext>();
    let settled = expect_context::<Settled>();
    let (errors, warnings) = (settled.follow(form.errors), settled.follow(form.warnings));
    view! {
        <a class="issue-counts" href="#kiem-tra" title="Xem danh sách kiểm tra">
            <span class="count error">{move || format_count(errors.get() as f64)} " lỗi"</span>
            <span class="count warning">{move || format_count(warnings.get() as f64)} " cảnh báo"</span>
        </a>
    }
}

/// The messages shown beside (or under) one row, each with its page hooks.
///
/// A message keeps its element while its field and severity stay: when a
/// key changes only its text (a sum that no longer matches by another
/// amount), the text changes in place, and the browser repaints that text
/// alone rather than a paragraph taken out and another put in.
#[component]
pub fn IssueMessages(issues: Memo<Vec<crate::core::issue::Issue>>) -> impl IntoView {
    keyed_list(move || {
        issues.with(|list| {
            list.iter()
                .enumerate()
                .map(|(i, issue)| {
                    // The n-th message of this field and severity in the list.
                    let nth = list[..i].iter().filter(|o| o.code == issue.code && o.severity == issue.severity).count();
                    let (code, severity) = (issue.code.clone(), issue.severity);
                    Keyed::new(key_of(&[&issue.code, severity.as_str(), &nth.to_string()]), move || {
                        let hook = code.clone();
                        let text = move || {
                            issues.with(|list| {
                                list.iter()
                                    .filter(|o| o.code == code && o.severity == severity)
                                    .nth(nth)
                                    .map(|o| o.message.clone())
                                    .unwrap_or_default()
                            })
                        };
                        view! {
                            <p class=format!("issue {}", severity.as_str()) data-issue-for=hook data-severity=severity.as_str()>
                                {text}
                            </p>
                        }
                    })
                })
                .collect()
        })
    })
}
