//! The app: the start screen or the editor, around the shared context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::storage::open_session;
use crate::browser::{route, service_worker};
use crate::core::catalog::builtin_templates;
use crate::core::route::Route;
use crate::core::template::Template;
use crate::ui::context::{AppContext, Screen};
use crate::ui::editor::report_editor::ReportEditor;
use crate::ui::shared::erased::CollectAny;
use crate::ui::start::start_screen::StartScreen;

#[component]
pub fn App() -> impl IntoView {
    let session = open_session();
    let mut broken = Vec::new();
    let mut loaded: Vec<Arc<Template>> = Vec::new();
    for (name, result) in builtin_templates() {
        match result {
            Ok(template) => loaded.push(Arc::new(template)),
            Err(e) => broken.push(format!("{name}: {e}")),
        }
    }
    let edition = crate::ui::start::edition::read_at_start();
    let context = AppContext::new(session, loaded);
    // Templates opened from files earlier, so that their drafts reopen.
    broken.extend(context.read_kept_templates());
    provide_context(context);
    crate::ui::start::edition::provide(context, edition);
    context.listen_to_other_tabs();
    let screen = context.screen;
    follow_the_address(context);
    let update_ready = RwSignal::new(false);
    service_worker::register(move || update_ready.set(true));
    crate::browser::print::draw_everything_before_printing();

    view! {
        <div class="app">
            {broken.into_iter().map(|e| view! { <p class="banner error" role="alert">"Biểu mẫu lỗi: " {e}</p> }).collect_any()}
            {(!context.persistent).then(|| view! {
                <p class="banner warning storage-banner" role="alert" data-storage-state="unavailable">
                    "Trình duyệt này không cho lưu bản nháp (chế độ riêng tư, bộ nhớ bị tắt hoặc mở từ tệp). "
                    "Số liệu chỉ được giữ trong trang này cho đến khi đóng: hãy dùng nút «Tải tệp .json» để giữ lại."
                </p>
            }.into_any())}
            {move || update_ready.get().then(|| view! {
                <p class="banner ok update-banner" role="status" data-update-banner="">
                    "Có phiên bản mới — "
                    <button type="button" class="link" data-action="apply-update" on:click=|_| service_worker::apply_update()>
                        "tải lại"
                    </button>
                    " (bản nháp được giữ nguyên)."
                </p>
            }.into_any())}
            <crate::ui::start::edition_panel::EditionBanner />
            {move || match screen.get() {
                Screen::Start { notice } => view! { <StartScreen notice /> }.into_any(),
                Screen::Editing { template, draft, notice } => {
                    view! { <ReportEditor template draft=*draft notice /> }.into_any()
                }
            }}
        </div>
    }
}

/// The address names the screen: a reload reopens the draft at the same
/// place, back and forward move between the list and drafts, and opening
/// or leaving a draft makes a history entry.
fn follow_the_address(ctx: AppContext) {
    // The draft a route names, at the place its history entry kept.
    let open_at_place = move |id: &str| {
        ctx.open_stored(id);
        if let Some(place) = route::remembered_place() {
            route::return_to(place);
        }
    };
    if let Route::Draft(id) = route::current() {
        open_at_place(&id);
    }
    route::remember_scroll_as_it_changes();
    route::on_change(move |to| {
        if ctx
            .screen
            .try_with_untracked(Screen::route)
            .is_none_or(|here| here == to)
        {
            return;
        }
        match to {
            Route::List => ctx.show_list(None),
            Route::Draft(id) => open_at_place(&id),
        }
    });
    Effect::new(move |_| route::show(&ctx.screen.with(Screen::route)));
}
