//! Values copied from the period before and not yet updated: the count per
//! section with "Giữ nguyên cả phần", beside the per-value marks drawn by
//! the rows and cells (`Form::stale_mark`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::erased::{memo, shown};

/// Which codes belong to a section: its indicators' codes, or a grid's
/// `<section>/…` cells.
#[derive(Clone)]
pub enum Codes {
    Listed(Arc<Vec<String>>),
    Grid(String),
}

impl Codes {
    fn holds(&self, code: &str) -> bool {
        match self {
            Codes::Listed(codes) => codes.iter().any(|c| c == code),
            Codes::Grid(section) => code
                .strip_prefix(section.as_str())
                .is_some_and(|rest| rest.starts_with('/')),
        }
    }
}

/// Above a section that still holds copied values; nothing otherwise.
#[component]
pub fn StaleBar(codes: Codes) -> impl IntoView {
    let form = expect_context::<FormContext>();
    let unconfirmed = form.unconfirmed;
    if !unconfirmed.with_untracked(|s| s.iter().any(|c| codes.holds(c))) {
        return ().into_any();
    }
    let counted = codes.clone();
    let count = memo(move || unconfirmed.with(|s| s.iter().filter(|c| counted.holds(c)).count()));
    shown(
        move || count.get() > 0,
        move || {
            view! {
                <p class="stale-bar screen-only" data-stale-count=move || count.get()>
                    {move || format!("Phần này còn {} số liệu chép từ kỳ trước, chưa cập nhật. ", count.get())}
                    <button type="button" class="link" data-action="confirm-section" on:click={
                        let (form, codes) = (form.clone(), codes.clone());
                        move |_| form.confirm_where(|c| codes.holds(c))
                    }>"Giữ nguyên cả phần"</button>
                </p>
            }
        },
        || (),
    )
}
