//! What the whole app shares: the one session that owns the stored drafts,
//! the known templates, and which screen is showing. Components ask it and
//! show the typed outcome it returns; they never touch storage.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::storage::on_change_elsewhere;
use crate::browser::storage::Backend;
use crate::core::draft::Draft;
use crate::core::draft_store::TEMPLATE_PREFIX;
use crate::core::elsewhere::Elsewhere;
use crate::core::route::Route;
use crate::core::session::{adopt, Session, GONE};
use crate::core::shelf::Shelf;
use crate::core::template::Template;

/// Saves the open editor's edits not saved yet (its autosave's flush).
pub type Flush = Arc<dyn Fn() + Send + Sync>;

/// What the open editor does when another tab changes the stored drafts.
pub type Hear = Arc<dyn Fn(&Elsewhere) + Send + Sync>;

/// What the whole app shares: the stored drafts and the known templates.
#[derive(Clone, Copy)]
pub struct AppContext {
    /// The one owner of the stored drafts.
    session: StoredValue<Session<Backend>, LocalStorage>,
    /// False when the browser refuses storage and drafts live in memory only.
    pub persistent: bool,
    pub templates: RwSignal<Vec<Arc<Template>>>,
    /// The same templates with their origins; changed only with
    /// `templates`, in `ui::shelf`, and read there (tracking `templates`).
    pub(super) shelf: StoredValue<Shelf>,
    /// Raised whenever stored drafts change, so lists read them again.
    pub stored_changed: RwSignal<u64>,
    pub screen: RwSignal<Screen>,
    /// How the open editor saves what it has not saved yet, run before
    /// anything leaves it.
    editing: StoredValue<Option<Flush>>,
    /// The open editor's ear for other tabs' changes, with its token.
    hearing: StoredValue<Option<(u64, Hear)>>,
}

#[derive(Clone)]
pub enum Screen {
    Start {
        notice: Option<String>,
    },
    Editing {
        template: Arc<Template>,
        draft: Box<Draft>,
        notice: Option<String>,
    },
}

impl Screen {
    /// The address of this screen.
    pub fn route(&self) -> Route {
        match self {
            Screen::Start { .. } => Route::List,
            Screen::Editing { draft, .. } => Route::Draft(draft.id.clone()),
        }
    }
}

impl AppContext {
    pub fn new(session: Session<Backend>, templates: Vec<Arc<Template>>) -> AppContext {
        AppContext {
            persistent: session.persistent,
            session: StoredValue::new_local(session),
            shelf: StoredValue::new(Shelf::new(templates.clone())),
            templates: RwSignal::new(templates),
            stored_changed: RwSignal::new(0),
            screen: RwSignal::new(Screen::Start { notice: None }),
            editing: StoredValue::new(None),
            hearing: StoredValue::new(None),
        }
    }

    pub fn template(&self, id: &str) -> Option<Arc<Template>> {
        self.templates
            .with_untracked(|list| list.iter().find(|t| t.id == id).cloned())
    }

    pub fn stored_changed(&self) {
        self.stored_changed.update(|n| *n += 1);
    }

    /// Asks the session something that changes no stored draft.
    pub fn session<T>(&self, ask: impl FnOnce(&Session<Backend>) -> T) -> T {
        self.session.with_value(ask)
    }

    /// The same, once the app may be gone (timers, window events).
    pub fn try_session<T>(&self, ask: impl FnOnce(&Session<Backend>) -> T) -> Option<T> {
        self.session.try_with_value(ask)
    }

    /// Asks the session for a change to the stored drafts, then has every
    /// list read them again.
    pub fn change<T>(&self, ask: impl FnOnce(&Session<Backend>) -> T) -> T {
        let outcome = self.session.with_value(ask);
        self.stored_changed();
        outcome
    }

    /// Merges a draft's `.json` (a colleague's copy) into the stored copy,
    /// or adds it; lists read the drafts again.
    pub fn merge_file(
        &self,
        text: &str,
        file_name: &str,
    ) -> Result<crate::core::session::FileMerge, String> {
        let ctx = *self;
        crate::browser::time::measured("bieumau:merge", || {
            ctx.change(|s| s.merge_file(text, file_name, |id| ctx.template(id)))
        })
    }

    /// Opens a draft in the editor, adopting the current template version.
    /// Values of codes the template no longer has are kept and shown.
    pub fn open(&self, draft: Draft, notice: Option<String>) -> Result<(), String> {
        let template = self.template(&draft.report.template_id);
        let (draft, notice) = adopt(draft, template.as_deref(), notice)?;
        let Some(template) = template else {
            return Ok(());
        };
        crate::browser::focus::leave_focused_field();
        self.screen.set(Screen::Editing {
            template,
            draft: Box::new(draft),
            notice,
        });
        crate::browser::focus::scroll_to_top();
        Ok(())
    }

    /// The editor that opened tells whose edits to save before leaving it.
    pub fn editing(&self, flush: Flush) {
        self.editing.set_value(Some(flush));
    }

    /// Listens, for the whole app, to other tabs' changes to this browser's
    /// storage (the one listener of the `storage` event): lists read the
    /// drafts again, and the open editor hears what changed.
    pub fn listen_to_other_tabs(&self) {
        let ctx = *self;
        let handle = on_change_elsewhere(move |key, removed| {
            // A template kept or removed in another tab is offered here too.
            if key
                .as_deref()
                .is_none_or(|k| k.starts_with(TEMPLATE_PREFIX))
            {
                ctx.read_kept_templates();
            }
            let Some(change) = Elsewhere::of(key.as_deref(), removed) else {
                return;
            };
            ctx.stored_changed.try_update(|n| *n += 1);
            if let Some((_, hear)) = ctx.hearing.try_get_value().flatten() {
                hear(&change);
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// The open editor hears other tabs' changes through `hear` until it
    /// calls [`AppContext::stop_hearing`] with the token returned.
    pub fn hear(&self, hear: Hear) -> u64 {
        let token = self
            .hearing
            .with_value(|h| h.as_ref().map_or(0, |(t, _)| t + 1));
        self.hearing.set_value(Some((token, hear)));
        token
    }

    /// Ends what [`AppContext::hear`] began, unless another editor has
    /// taken over since (opening a draft from another disposes the first
    /// editor after the second is built).
    pub fn stop_hearing(&self, token: u64) {
        self.hearing.try_update_value(|h| {
            if h.as_ref().is_some_and(|(t, _)| *t == token) {
                *h = None;
            }
        });
    }

    /// Saves what the open editor has not saved yet, before leaving it.
    /// The focused field is left first, while the editor is there: its
    /// tidying is saved too, and its `blur` does not come after the editor
    /// is gone (a panic on back from a header field).
    fn flush_editor(&self) {
        crate::browser::focus::leave_focused_field();
        if let Some(flush) = self.editing.try_get_value().flatten() {
            flush();
        }
    }

    /// Back to the draft list, the open editor's edits saved first.
    pub fn show_list(&self, notice: Option<String>) {
        self.flush_editor();
        self.stored_changed();
        self.screen.set(Screen::Start { notice });
        crate::browser::focus::scroll_to_top();
    }

    /// Opens the stored draft a route names; the list, saying why, if it
    /// cannot be had.
    pub fn open_stored(&self, id: &str) {
        self.flush_editor();
        let opened = self
            .session(|s| s.stored(id))
            .and_then(|draft| self.open(draft, None));
        if let Err(e) = opened {
            crate::browser::route::replace(&Route::List);
            let why = if e == GONE {
                format!("Bản nháp «{id}» không có trong trình duyệt này: có thể nó đã bị xóa, chưa được lưu lần nào (chưa gõ gì) hoặc ở máy khác (khi đó hãy mở tệp .json của nó).")
            } else {
                format!("Không mở được bản nháp «{id}»: {e}")
            };
            self.show_list(Some(format!(
                "{why} Chọn một bản nháp trong danh sách dưới đây."
            )));
        }
    }
}
