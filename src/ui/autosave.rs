//! Autosave: every edit reaches storage within a second.
//!
//! One effect watches the form's edit counter (not every field). It saves
//! 300 ms after typing pauses, and when an edit has waited 700 ms (in the
//! next idle moment, never on a keystroke's own task), so continuous
//! typing is saved too. Leaving the tab or closing the page
//! flushes at once. Another tab's save of the same draft (the `storage`
//! event, or a revision check at save time) pauses saving until the clerk
//! chooses whose version to keep: nobody's edits are overwritten silently.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::browser::idle::when_idle;
use crate::browser::storage::{measured, now};
use crate::core::draft::Draft;
use crate::core::draft_store::{SaveOutcome, StoreFault, DRAFT_PREFIX};
use crate::core::report::Report;
use crate::ui::{AppContext, FormContext};

const QUIET_MS: u64 = 300;
const MAX_WAIT_MS: f64 = 700.0;
/// How long a save due may wait for the browser to be idle.
const IDLE_TIMEOUT_MS: u32 = 250;

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Nothing typed since the draft was opened.
    Unchanged,
    Pending,
    Saved(f64),
    Failed(StoreFault),
    /// Another tab saved this draft; waiting for the clerk's choice.
    Conflict,
}

impl SaveState {
    pub fn key(&self) -> &'static str {
        match self {
            SaveState::Unchanged => "unchanged",
            SaveState::Pending => "pending",
            SaveState::Saved(_) => "saved",
            SaveState::Failed(_) => "failed",
            SaveState::Conflict => "conflict",
        }
    }
}

#[derive(Clone, Copy)]
pub struct Autosave {
    pub state: RwSignal<SaveState>,
    /// The other tab's version, while the clerk chooses.
    pub theirs: RwSignal<Option<Draft>>,
    /// The draft as last saved (its id, name, revision, timestamps), without
    /// its report.
    saved: StoredValue<Draft>,
    save: Callback<()>,
    form: StoredValue<FormContext>,
}

/// The draft without its report: what autosave keeps of the last save (the
/// report on screen is the form's). A copy of a large report on every save
/// would cost as much as the save itself.
fn envelope(mut draft: Draft) -> Draft {
    draft.report = Report::default();
    draft
}

impl Autosave {
    /// Starts saving `form` as `draft`. Call inside the editor's component,
    /// so the listeners are removed when it goes.
    pub fn start(ctx: AppContext, form: FormContext, draft: Draft) -> Autosave {
        let state = RwSignal::new(SaveState::Unchanged);
        let theirs = RwSignal::new(None::<Draft>);
        let key = format!("{DRAFT_PREFIX}{}", draft.id);
        let saved = StoredValue::new(envelope(draft));
        let saved_edits = StoredValue::new(0u64);
        let pending_since = StoredValue::new(None::<f64>);
        let edits = form.edits;
        let form_for_save = form.clone();

        // Timers and window events may fire after the editor is gone: every
        // read here is a `try_` read, and a disposed editor simply saves nothing.
        let save = Callback::new(move |()| {
            let _ = measured("bieumau:save", || -> Option<()> {
                let edits_now = edits.try_get_untracked()?;
                if edits_now == saved_edits.try_get_value()? {
                    return Some(());
                }
                if theirs.try_with_untracked(Option::is_some)? {
                    state.try_set(SaveState::Conflict);
                    return Some(());
                }
                let mut draft = saved.try_get_value()?;
                draft.report = form_for_save.try_snapshot()?;
                draft.updated_at = now();
                match ctx.try_session(|s| s.save(&draft))? {
                    Ok(SaveOutcome::Saved(revision)) => {
                        draft.revision = revision;
                        saved.try_set_value(envelope(draft));
                        saved_edits.try_set_value(edits_now);
                        pending_since.try_set_value(None);
                        state.try_set(SaveState::Saved(now()));
                    }
                    Ok(SaveOutcome::Conflict(other)) => {
                        theirs.try_set(Some(*other));
                        state.try_set(SaveState::Conflict);
                    }
                    Err(fault) => {
                        state.try_set(SaveState::Failed(fault));
                    }
                }
                Some(())
            });
        });

        let timer = StoredValue::new(None::<TimeoutHandle>);
        let idle_save_asked = StoredValue::new(false);
        Effect::new(move |_| {
            let n = edits.get();
            if n == saved_edits.get_value() {
                return;
            }
            if !matches!(state.get_untracked(), SaveState::Pending | SaveState::Failed(_) | SaveState::Conflict) {
                state.set(SaveState::Pending);
            }
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
            let first = *pending_since.get_value().get_or_insert(now());
            pending_since.update_value(|p| *p = Some(first));
            if now() - first >= MAX_WAIT_MS {
                // Never on the keystroke's own task: the save would delay
                // the paint of what was typed. Once the frame is out, or
                // within the second that autosave promises.
                if !idle_save_asked.get_value() {
                    idle_save_asked.set_value(true);
                    when_idle(
                        move || {
                            idle_save_asked.try_set_value(false);
                            save.try_run(());
                        },
                        IDLE_TIMEOUT_MS,
                    );
                }
            } else {
                let handle = set_timeout_with_handle(
                    move || {
                        save.try_run(());
                    },
                    Duration::from_millis(QUIET_MS),
                );
                timer.set_value(handle.ok());
            }
        });

        let on_hide = window_event_listener(ev::pagehide, move |_| {
            save.try_run(());
        });
        let on_visibility = window_event_listener_untyped("visibilitychange", move |_| {
            let hidden = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden());
            if hidden {
                save.try_run(());
            }
        });
        let on_storage = window_event_listener(ev::storage, move |event: web_sys::StorageEvent| {
            if event.key().as_deref() != Some(key.as_str()) {
                return;
            }
            match event.new_value().map(|text| Draft::from_json(&text)) {
                Some(Ok(other)) if Some(other.revision) != saved.try_with_value(|d| d.revision) => {
                    theirs.try_set(Some(other));
                    state.try_set(SaveState::Conflict);
                }
                // Deleted in the other tab: this tab still has it all, so save it back.
                None => {
                    saved_edits.try_set_value(u64::MAX);
                    save.try_run(());
                }
                _ => {}
            }
        });
        on_cleanup(move || {
            if let Some(Some(handle)) = timer.try_get_value() {
                handle.clear();
            }
            on_hide.remove();
            on_visibility.remove();
            on_storage.remove();
        });

        Autosave { state, theirs, saved, save, form: StoredValue::new(form) }
    }

    /// Saves now if anything is unsaved.
    pub fn flush(&self) {
        self.save.try_run(());
    }

    /// The draft with everything on screen (`None` once the editor is gone).
    pub fn current(&self) -> Option<Draft> {
        let mut draft = self.saved.try_get_value()?;
        draft.report = self.form.try_with_value(|f| f.try_snapshot())??;
        Some(draft)
    }

    pub fn last_saved_at(&self) -> Option<f64> {
        self.saved.try_with_value(|d| (d.revision > 0).then_some(d.updated_at)).flatten()
    }

    /// The clerk keeps this tab's version, over the other tab's.
    pub fn keep_mine(&self, ctx: AppContext) {
        let Some(mut draft) = self.current() else { return };
        draft.updated_at = now();
        if let Some(other) = self.theirs.get_untracked() {
            draft.revision = draft.revision.max(other.revision);
        }
        match ctx.session(|s| s.save_over(&draft)) {
            Ok(SaveOutcome::Saved(revision)) => {
                draft.revision = revision;
                self.saved.set_value(envelope(draft));
                self.theirs.set(None);
                self.state.set(SaveState::Saved(now()));
            }
            Ok(SaveOutcome::Conflict(_)) => {}
            Err(fault) => self.state.set(SaveState::Failed(fault)),
        }
    }

    /// Replaces the whole report (after a roll-up), saves it at once and
    /// reopens the editor on it.
    pub fn replace_report(&self, ctx: AppContext, report: Report, notice: String) {
        self.flush();
        let Some(mut draft) = self.current() else { return };
        draft.report = report;
        draft.updated_at = now();
        let (draft, problem) = ctx.change(|s| s.replace(draft));
        let _ = ctx.open(draft, Some(notice + problem.as_deref().unwrap_or_default()));
    }

    /// The clerk takes the other tab's version; this tab's unsaved edits are
    /// offered as a file first by the caller.
    pub fn take_theirs(&self, ctx: AppContext) {
        if let Some(other) = self.theirs.get_untracked() {
            let _ = ctx.open(other, Some("Đã chuyển sang bản được lưu ở thẻ khác.".to_string()));
        }
    }
}
