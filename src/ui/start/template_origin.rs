//! A template card's origin («Có sẵn trong ứng dụng», «Mở từ tệp «x.json»
//! ngày …», «Từ bản của tỉnh …») and, for a loaded template, «Gỡ biểu
//! mẫu», which asks first, naming the drafts that use it (they stay).
//! Both are drawn once: a card whose origin changes is drawn anew
//! (`AppContext::card_mark`).

use leptos::prelude::*;

use crate::browser::time::date;
use crate::core::kept_template::TemplateOrigin;
use crate::ui::context::AppContext;
use crate::ui::shared::erased::shown;

#[component]
pub fn TemplateOriginLine(id: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    ctx.origin_of(&id).map(|(origin, at)| {
        view! { <p class="origin" data-template-origin=origin.key()>{origin.label(at, date)}</p> }
    })
}

/// «Gỡ biểu mẫu» on a loaded template's card (none on a shipped one).
#[component]
pub fn RemoveTemplate(id: String) -> impl IntoView {
    let ctx = expect_context::<AppContext>();
    let loaded = ctx
        .origin_of(&id)
        .is_some_and(|(o, _)| o != TemplateOrigin::BuiltIn);
    // The question on screen, while the clerk is asked.
    let asking = RwSignal::new(None::<(usize, String)>);
    let failed = RwSignal::new(None::<String>);
    let question = {
        let id = id.clone();
        move || {
            let (id, hook) = (id.clone(), id.clone());
            let (drafts, question) = asking.get().unwrap_or_default();
            view! {
                <p class="confirm" role="alertdialog" data-remove-template=hook data-template-drafts=drafts>
                    {question} " "
                    <button type="button" class="danger" data-action="confirm" on:click=move |_| {
                        asking.set(None);
                        failed.set(ctx.remove_template(&id).err());
                    }>"Gỡ biểu mẫu"</button>
                    <button type="button" data-action="cancel" on:click=move |_| asking.set(None)>"Thôi"</button>
                </p>
            }
        }
    };
    let button = move || {
        let (id, hook) = (id.clone(), id.clone());
        view! {
            <button type="button" class="danger" data-action="remove-template" data-template=hook
                on:click=move |_| asking.set(Some(ctx.removal_question(&id)))>
                "Gỡ biểu mẫu"
            </button>
        }
    };
    loaded.then(move || {
        view! {
            {shown(move || asking.with(Option::is_some), question, button)}
            {move || failed.get().map(|e| view! { <p class="banner error" role="alert">{e}</p> }.into_any())}
        }
    })
}
