//! «Tạo bản cho các đơn vị»: the province picks templates, types its name
//! and downloads one `.html` for its units; and, in such an edition, which
//! province and template versions it carries.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::download::download;
use crate::browser::edition::{app_files, from_disk};
use crate::browser::time::{date_stamp, end_measure, now, start_measure};
use crate::core::catalog::builtin_template;
use crate::core::edition::{assemble, file_name, province_of, Carried};
use crate::core::template::Template;
use crate::ui::context::{AppContext, Screen};
use crate::ui::shared::erased::CollectAny;
use crate::ui::start::edition::{replace_kept, Opened};

/// The builder, where the app can fetch its own files (not in an edition,
/// not from disk). Its contents are drawn once it is opened: closed, it is
/// the one line the first screen in index.html has too.
#[component]
pub fn EditionPanel() -> impl IntoView {
    let in_edition = use_context::<Opened>().is_some_and(|o| o.edition.is_some());
    (!in_edition && !from_disk()).then(|| view! { <Builder /> })
}

/// At the top of the start screen: the edition this page is (its province,
/// its day, its templates and versions), or why its data did not read.
#[component]
pub fn EditionBanner() -> impl IntoView {
    let Some(opened) = use_context::<Opened>() else {
        return ().into_any();
    };
    let screen = expect_context::<AppContext>().screen;
    let on_start = move || matches!(screen.get(), Screen::Start { .. });
    let fault = opened.fault.clone();
    view! {
        {fault.map(|f| view! { <p class="banner error" role="alert" data-edition-error="">{f}</p> })}
        {move || on_start().then(|| view! { <Carries opened=opened.clone() /> })}
    }
    .into_any()
}

/// «15/12/2026» from «2026-12-15».
fn day(built: &str) -> String {
    let parts: Vec<&str> = built.split('-').collect();
    match parts[..] {
        [y, m, d] => format!("{d}/{m}/{y}"),
        _ => built.to_string(),
    }
}

#[component]
fn Carries(opened: Opened) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let Some(edition) = opened.edition.clone() else {
        return ().into_any();
    };
    let replaced = RwSignal::new(None::<String>);
    let offers = opened.offers;
    let list = edition
        .templates
        .iter()
        .map(|t| {
            view! {
                <li data-edition-carries=t.id.clone()>
                    {format!("{} — mã {}, phiên bản {}", t.name, t.id, t.version)}
                </li>
            }
        })
        .collect_any();
    view! {
        <section class="banner ok edition-banner" data-edition=edition.province.clone()>
            <p>
                "Bản dành cho các đơn vị của " <strong>{edition.province.clone()}</strong>
                {format!(", tạo ngày {}. Biểu mẫu kèm theo:", day(&edition.built))}
            </p>
            <ul>{list}</ul>
            {move || {
                let offers = offers.get();
                (!offers.is_empty()).then(|| {
                    let names: Vec<String> = offers
                        .iter()
                        .map(|o| format!("«{}» (phiên bản {} → {})", o.name, o.kept, o.carried))
                        .collect();
                    let opened = opened.clone();
                    view! {
                        <p data-edition-offer="">
                            {format!("Máy này đang giữ phiên bản cũ hơn của {}. ", names.join(", "))}
                            <button type="button" data-action="replace-kept-templates" on:click=move |_| {
                                let done = replace_kept(ctx, &opened);
                                replaced.set(Some(format!("Đã thay bằng {}; bản nháp được giữ nguyên.", done.join(", "))));
                            }>"Thay bằng phiên bản của bản này"</button>
                            " (bản nháp được giữ nguyên)."
                        </p>
                    }
                })
            }}
            {move || replaced.get().map(|text| view! { <p role="status" data-edition-replaced="">{text}</p> })}
        </section>
    }
    .into_any()
}

/// Checked at first: the templates the province loaded itself, or the
/// commune's annex when it loaded none (the units fill it; the province's
/// roll-up templates are not theirs).
fn chosen_at_first(templates: &[Arc<Template>]) -> Vec<String> {
    let own: Vec<String> = templates
        .iter()
        .filter(|t| {
            builtin_template(&t.id).is_none_or(|b| b.version != t.version || *b.source != *t.source)
        })
        .map(|t| t.id.clone())
        .collect();
    if own.is_empty() {
        templates.iter().take(1).map(|t| t.id.clone()).collect()
    } else {
        own
    }
}

#[component]
fn Builder() -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let chosen = RwSignal::new(Vec::new());
    // Until the province ticks a box, opening the panel ticks the default
    // anew (a template loaded since is among them).
    let touched = RwSignal::new(false);
    let province = RwSignal::new(String::new());
    let status = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(false);
    let open = RwSignal::new(false);
    let build = move |_| {
        busy.set(true);
        status.set(None);
        spawn_local(async move {
            start_measure("build-edition");
            let outcome =
                build_edition(ctx, chosen.get_untracked(), province.get_untracked()).await;
            end_measure("build-edition");
            busy.set(false);
            status.set(Some(outcome));
        });
    };
    view! {
        <details class="edition-panel" data-edition-panel="" prop:open=open>
            <summary on:click=move |ev| {
                ev.prevent_default();
                if !touched.get_untracked() {
                    chosen.set(ctx.templates.with_untracked(|t| chosen_at_first(t)));
                }
                // Read from the stored drafts when asked for, not with every list.
                if province.get_untracked().is_empty() {
                    province.set(province_known(ctx));
                }
                open.update(|o| *o = !*o);
            }>"Tạo bản cho các đơn vị"</summary>
            {move || open.get().then(|| view! {
            <p class="hint">
                "Một tệp .html mang ứng dụng và các biểu mẫu đã chọn: các xã, phường, đặc khu mở bằng cách bấm đúp, "
                "không cần mạng, rồi gửi lại tệp .json để tỉnh tổng hợp."
            </p>
            <fieldset>
                <legend>"Biểu mẫu gửi kèm"</legend>
                {move || ctx.templates.get().into_iter().map(|t| {
                    let id = t.id.clone();
                    let checked = chosen.with(|c| c.contains(&id));
                    view! {
                        <label class="edition-choice">
                            <input type="checkbox" data-edition-template=t.id.clone() prop:checked=checked on:change=move |_| {
                                touched.set(true);
                                chosen.update(|c| if c.contains(&id) { c.retain(|x| *x != id) } else { c.push(id.clone()) });
                            } />
                            {format!(" {} (mã {}, phiên bản {})", t.name, t.id, t.version)}
                        </label>
                    }
                }).collect_any()}
            </fieldset>
            <label>
                "Tên tỉnh, thành phố "
                <input type="text" data-field="edition-province" placeholder="vd. Tỉnh Thanh Hóa" value=province.get_untracked()
                    on:input=move |ev| province.set(event_target_value(&ev)) />
            </label>
            <button type="button" class="primary" data-action="build-edition" disabled=busy on:click=build>
                "Tải bản .html"
            </button>
            {move || status.get().map(|m| match m {
                Ok(text) => view! { <p class="banner ok" role="status" data-edition-built="">{text}</p> }.into_any(),
                Err(text) => view! { <p class="banner error" role="alert" data-edition-error="">{text}</p> }.into_any(),
            })}
            })}
        </details>
    }
}

/// The province as its latest report of the province (`tinh-cchc`) names
/// it, or nothing.
fn province_known(ctx: AppContext) -> String {
    let drafts = ctx
        .session(|s| s.list())
        .map(|(list, _)| list)
        .unwrap_or_default();
    drafts
        .iter()
        .filter(|s| s.draft.report.template_id == "tinh-cchc")
        .max_by(|a, b| a.draft.updated_at.total_cmp(&b.draft.updated_at))
        .and_then(|s| province_of(&s.draft.report.header.unit, &s.draft.report.header.place))
        .unwrap_or_default()
}

/// Fetches the app's files, assembles the page and downloads it.
async fn build_edition(
    ctx: AppContext,
    chosen: Vec<String>,
    province: String,
) -> Result<String, String> {
    let province = province.trim();
    if province.is_empty() {
        return Err("Hãy nhập tên tỉnh, thành phố: bản ghi rõ là của tỉnh nào.".into());
    }
    let templates: Vec<Arc<Template>> = ctx
        .templates
        .get_untracked()
        .into_iter()
        .filter(|t| chosen.contains(&t.id))
        .collect();
    if templates.is_empty() {
        return Err("Hãy chọn ít nhất một biểu mẫu gửi kèm.".into());
    }
    let (index, files) = app_files().await?;
    let built = date_stamp(now());
    let refs: Vec<&Template> = templates.iter().map(|t| &**t).collect();
    let carried = Carried {
        province,
        built: &built,
        templates: &refs,
    };
    let page = assemble(&index, &files, Some(&carried))
        .map_err(|e| format!("Không tạo được bản: {e}."))?;
    let name = file_name(province, &built);
    if !download(&name, "text/html", page.as_bytes()) {
        return Err("Trình duyệt không cho tải tệp xuống.".into());
    }
    Ok(format!("Đã tạo «{name}» với {} biểu mẫu.", refs.len()))
}
