//! Thin Leptos components. They ask the core (through [`form_state::Form`])
//! and the browser adapters; they never evaluate rules or touch storage
//! themselves.

pub mod app;
pub mod autosave;
pub mod completion_meter;
pub mod draft_list;
pub mod export_bar;
pub mod form_state;
pub mod grid_state;
pub mod grid_table;
pub mod commune_summary;
pub mod indicator_table;
pub mod issue_summary;
pub mod report_editor;
pub mod report_header;
pub mod save_status;
pub mod signature_block;
pub mod start_screen;

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::storage::Drafts;
use crate::core::draft::Draft;
use crate::core::template::Template;

/// The form being edited, shared with every component of the editor.
pub type FormContext = Arc<form_state::Form>;

/// What the whole app shares: the stored drafts and the known templates.
#[derive(Clone, Copy)]
pub struct AppContext {
    pub drafts: StoredValue<Drafts, LocalStorage>,
    /// False when the browser refuses storage and drafts live in memory only.
    pub persistent: bool,
    pub templates: RwSignal<Vec<Arc<Template>>>,
    /// Raised whenever stored drafts change, so lists read them again.
    pub stored_changed: RwSignal<u64>,
    pub screen: RwSignal<Screen>,
}

#[derive(Clone)]
pub enum Screen {
    Start { notice: Option<String> },
    Editing { template: Arc<Template>, draft: Draft, notice: Option<String> },
}

impl AppContext {
    pub fn new(drafts: Drafts, persistent: bool, templates: Vec<Arc<Template>>) -> AppContext {
        AppContext {
            drafts: StoredValue::new_local(drafts),
            persistent,
            templates: RwSignal::new(templates),
            stored_changed: RwSignal::new(0),
            screen: RwSignal::new(Screen::Start { notice: None }),
        }
    }

    pub fn template(&self, id: &str) -> Option<Arc<Template>> {
        self.templates.with_untracked(|list| list.iter().find(|t| t.id == id).cloned())
    }

    pub fn stored_changed(&self) {
        self.stored_changed.update(|n| *n += 1);
    }

    /// Opens a draft in the editor, adopting the current template version.
    /// Values of codes the template no longer has are kept and shown.
    pub fn open(&self, mut draft: Draft, notice: Option<String>) -> Result<(), String> {
        let Some(template) = self.template(&draft.report.template_id) else {
            return Err(format!(
                "Không có biểu mẫu «{}» để mở bản nháp này. Hãy mở tệp biểu mẫu đó trước.",
                draft.report.template_id
            ));
        };
        let mut notices: Vec<String> = notice.into_iter().collect();
        if draft.report.template_version != template.version {
            let kept = draft.orphans(&template).len();
            notices.push(format!(
                "Biểu mẫu đã đổi từ phiên bản {} sang {}: số liệu của các chỉ tiêu không đổi được giữ nguyên{}.",
                draft.report.template_version,
                template.version,
                if kept > 0 { format!("; {kept} mục không còn trong biểu mẫu được giữ lại ở cuối trang") } else { String::new() }
            ));
            draft.adopt(&template);
        }
        let notice = (!notices.is_empty()).then(|| notices.join(" "));
        self.screen.set(Screen::Editing { template, draft, notice });
        crate::browser::focus::scroll_to_top();
        Ok(())
    }
}
