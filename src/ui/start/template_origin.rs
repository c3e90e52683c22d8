//! A template card's origin («Có sẵn trong ứng dụng», «Mở từ tệp «x.json»
//! ngày …», «Từ bản của tỉnh …») and, for a loaded template, «Gỡ biểu
//! mẫu», which asks first, naming the drafts that use it (they stay).

use leptos::prelude::*;

use crate::browser::time::date;
use crate::core::kept_template::TemplateOrigin;
use crate::core::shelf::removal_question;
use crate::ui::context::AppContext;

/// Where the template came from, from the shelf: it follows a template
/// replaced by one of the same version.
#[component]
pub fn TemplateOriginLine(id: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    move || {
        ctx.shelf.with(|s| s.get(&id).map(|e| (e.origin.clone(), e.at))).map(|(origin, at)| {
            view! { <p class="origin" data-template-origin=origin.key()>{origin.label(at, date)}</p> }
        })
    }
}

/// «Gỡ biểu mẫu» on a loaded template's card (none on a shipped one).
#[component]
pub fn RemoveTemplate(id: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    // The question on screen, while the clerk is asked.
    let asking = RwSignal::new(None::<(usize, String)>);
    let failed = RwSignal::new(None::<String>);
    let removable = {
        let id = id.clone();
        move || {
            ctx.shelf.with(|s| {
                s.get(&id)
                    .is_some_and(|e| e.origin != TemplateOrigin::BuiltIn)
            })
        }
    };
    let ask = {
        let id = id.clone();
        move |_| {
            let drafts = ctx.session(|s| s.drafts_using(&id));
            let (name, shipped) = ctx.shelf.with_untracked(|s| {
                let name = s.get(&id).map(|e| e.template.name.clone());
                (name.unwrap_or_default(), s.built_in(&id).map(|t| t.version))
            });
            asking.set(Some((drafts, removal_question(&name, drafts, shipped))));
        }
    };
    let remove = {
        let id = id.clone();
        move |_| {
            asking.set(None);
            failed.set(ctx.remove_template(&id).err());
        }
    };
    let removal = move || {
        let (id, ask, remove) = (id.clone(), ask.clone(), remove.clone());
        removable().then(move || match asking.get() {
            None => view! {
                <button type="button" class="danger" data-action="remove-template" data-template=id on:click=ask>
                    "Gỡ biểu mẫu"
                </button>
            }
            .into_any(),
            Some((drafts, question)) => view! {
                <p class="confirm" role="alertdialog" data-remove-template=id data-template-drafts=drafts>
                    {question} " "
                    <button type="button" class="danger" data-action="confirm" on:click=remove>"Gỡ biểu mẫu"</button>
                    <button type="button" data-action="cancel" on:click=move |_| asking.set(None)>"Thôi"</button>
                </p>
            }
            .into_any(),
        })
    };
    view! {
        {removal}
        {move || failed.get().map(|e| view! { <p class="banner error" role="alert">{e}</p> })}
    }
}
