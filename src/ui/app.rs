//! The app: the start screen or the editor.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::catalog::builtin_templates;
use crate::core::report::Report;
use crate::core::template::Template;
use crate::ui::report_editor::ReportEditor;
use crate::ui::start_screen::StartScreen;

#[derive(Clone)]
enum Screen {
    Start,
    Editing { template: Arc<Template>, report: Report },
}

#[component]
pub fn App() -> impl IntoView {
    let mut broken = Vec::new();
    let mut loaded = Vec::new();
    for (name, result) in builtin_templates() {
        match result {
            Ok(template) => loaded.push(Arc::new(template)),
            Err(e) => broken.push(format!("{name}: {e}")),
        }
    }
    let templates = RwSignal::new(loaded);
    let screen = RwSignal::new(Screen::Start);
    let on_new = Callback::new(move |template: Arc<Template>| {
        let report = Report::new(&template);
        screen.set(Screen::Editing { template, report });
    });
    let on_close = Callback::new(move |()| screen.set(Screen::Start));

    view! {
        <div class="app">
            {broken.into_iter().map(|e| view! { <p class="banner error" role="alert">"Biểu mẫu lỗi: " {e}</p> }).collect_view()}
            {move || match screen.get() {
                Screen::Start => view! { <StartScreen templates on_new /> }.into_any(),
                Screen::Editing { template, report } => {
                    view! { <ReportEditor template report on_close /> }.into_any()
                }
            }}
        </div>
    }
}
