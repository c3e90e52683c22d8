//! Autosave: every edit reaches storage within a second, and every other
//! copy's save is merged in as it comes.
//!
//! One effect watches the form's edit counter (not every field). It saves
//! 300 ms after typing pauses, and when an edit has waited 700 ms (in the
//! next idle moment, never on a keystroke's own task), so continuous
//! typing is saved too. Leaving the tab or closing the page flushes at
//! once. A save records the edits in the draft's history and, when another
//! tab saved the draft since, merges its copy field by field
//! (`core::copies`): the fields this tab did not change show the other
//! tab's values, and saving never pauses. A field both changed keeps this
//! tab's value on screen until the clerk chooses (`Form::conflicts`).
//! Another tab's save is merged at once: the context hears the `storage`
//! event and tells the open editor (`AppContext::hear`).

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;

use crate::browser::time::{measured, now};
use crate::core::copies::merge;
use crate::core::draft::Draft;
use crate::core::draft_store::StoreFault;
use crate::core::elsewhere::Elsewhere;
use crate::core::report::Report;
use crate::core::session::{file_merge, FileMerge};
use crate::ui::context::AppContext;
use crate::ui::editor::state::form::FormContext;
use crate::ui::shared::pause::Pause;

/// A pause this long in the typing saves.
const QUIET_MS: u64 = 300;
/// Typing on without a pause saves this long after the first unsaved key.
const MAX_WAIT_MS: f64 = 700.0;

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Nothing typed since the draft was opened.
    Unchanged,
    Pending,
    Saved(f64),
    Failed(StoreFault),
    /// Deleted in another tab: kept on this page, stored again once the
    /// clerk types or restores it.
    Deleted,
}

impl SaveState {
    pub fn key(&self) -> &'static str {
        match self {
            SaveState::Unchanged => "unchanged",
            SaveState::Pending => "pending",
            SaveState::Saved(_) => "saved",
            SaveState::Failed(_) => "failed",
            SaveState::Deleted => "deleted",
        }
    }
}

/// Why a save runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Why {
    /// Edits are waiting (a pause in typing, leaving the page).
    Edits,
    /// Another tab stored the draft: merge it in.
    Other,
    /// Store it even with nothing new (the clerk restores a draft deleted
    /// elsewhere, or chose in a conflict).
    Store,
}

#[derive(Clone, Copy)]
pub struct Autosave {
    pub state: RwSignal<SaveState>,
    /// What the last merge of another tab's save brought, for the page.
    pub merged_note: RwSignal<Option<String>>,
    /// The draft as last saved or merged: its envelope, report and history.
    draft: StoredValue<Draft>,
    save: Callback<Why>,
    form: StoredValue<FormContext>,
    ctx: AppContext,
}

impl Autosave {
    /// Starts saving `form` as `draft`. Call inside the editor's component,
    /// so the listeners are removed when it goes.
    pub fn start(ctx: AppContext, form: FormContext, draft: Draft) -> Autosave {
        let state = RwSignal::new(SaveState::Unchanged);
        let merged_note = RwSignal::new(None::<String>);
        form.conflicts.show(&draft);
        let held = StoredValue::new(draft);
        let saved_edits = StoredValue::new(0u64);
        let pause = Pause::new(QUIET_MS, MAX_WAIT_MS);
        let edits = form.edits;
        let form_for_save = form.clone();
        let replica = ctx.session(|s| s.replica.clone());

        // Timers and window events may fire after the editor is gone: every
        // read here is a `try_` read, and a disposed editor simply saves nothing.
        let save = Callback::new(move |why: Why| {
            let _ = measured("bieumau:save", || -> Option<()> {
                let edits_now = edits.try_get_untracked()?;
                let typed = edits_now != saved_edits.try_get_value()?;
                let deleted = state.try_with_untracked(|s| *s == SaveState::Deleted)?;
                if (why == Why::Edits && !typed) || (why == Why::Other && deleted) {
                    return Some(());
                }
                let report = form_for_save.try_snapshot()?;
                let at = now();
                let outcome = held.try_update_value(|draft| {
                    draft.commit(report, &replica, at);
                    let saved = ctx.try_session(|s| s.save(draft))?;
                    Some(saved.map(|saved| {
                        draft.revision = saved.revision;
                        saved.merged.map(|merged| {
                            *draft = merged.draft;
                            merged.taken.len()
                        })
                    }))
                })??;
                match outcome {
                    Ok(merged) => {
                        saved_edits.try_set_value(edits_now);
                        pause.done();
                        if typed || why == Why::Store || deleted {
                            state.try_set(SaveState::Saved(now()));
                        }
                        // Conflicts change only with another copy's save or a choice.
                        let recount = merged.is_some() || why == Why::Store;
                        if let Some(taken) = merged {
                            let shown = measured("bieumau:merge-show", || {
                                held.try_with_value(|d| form_for_save.show_merged(&d.report))
                            })?;
                            if !shown {
                                // The other copy changed what the editor has no signal for: open it anew.
                                let draft = held.try_get_value()?;
                                let _ = ctx.open(
                                    draft,
                                    Some("Bản nháp vừa được cập nhật từ một thẻ khác.".into()),
                                );
                                return Some(());
                            }
                            if taken > 0 {
                                let taken = crate::core::number::format_count(taken as f64);
                                merged_note.try_set(Some(format!(
                                    "Đã cập nhật {taken} mục do thẻ khác lưu."
                                )));
                            }
                        }
                        if recount {
                            held.try_with_value(|d| form_for_save.conflicts.show(d));
                        }
                    }
                    Err(fault) => {
                        state.try_set(SaveState::Failed(fault));
                    }
                }
                Some(())
            });
        });

        Effect::new(move |_| {
            let n = edits.get();
            if n == saved_edits.get_value() {
                return;
            }
            if !matches!(
                state.get_untracked(),
                SaveState::Pending | SaveState::Failed(_)
            ) {
                state.set(SaveState::Pending);
            }
            // Never on the keystroke's own task: the save would delay the
            // paint of what was typed. Once the frame is out, or within the
            // second that autosave promises.
            pause.changed(move || {
                save.try_run(Why::Edits);
            });
        });

        // Closing or hiding the page always writes what is typed, merged
        // with whatever another tab stored.
        let on_hide = window_event_listener(ev::pagehide, move |_| {
            save.try_run(Why::Edits);
        });
        let on_visibility = window_event_listener_untyped("visibilitychange", move |_| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.hidden());
            if hidden {
                save.try_run(Why::Edits);
            }
        });
        // Another tab's change to this draft (the context hears it).
        let id = held.with_value(|d| d.id.clone());
        let hearing = ctx.hear(Arc::new(move |change: &Elsewhere| {
            match change.touches(&id) {
                None => {}
                Some(true) => {
                    // Deleted in another tab: this page keeps it all, and
                    // stores it again only when the clerk types or restores it.
                    held.try_update_value(|d| d.revision = 0);
                    state.try_set(SaveState::Deleted);
                }
                Some(false) => {
                    if state.try_with_untracked(|s| *s == SaveState::Deleted) == Some(true) {
                        // Stored again (an undo in the list): merged as any save.
                        state.try_set(SaveState::Unchanged);
                    }
                    save.try_run(Why::Other);
                }
            }
        }));
        on_cleanup(move || {
            pause.cancel();
            on_hide.remove();
            on_visibility.remove();
            ctx.stop_hearing(hearing);
        });

        Autosave {
            state,
            merged_note,
            draft: held,
            save,
            form: StoredValue::new(form),
            ctx,
        }
    }

    /// Saves now if anything is unsaved.
    pub fn flush(&self) {
        self.save.try_run(Why::Edits);
    }

    /// Stores the draft again after it was deleted in another tab.
    pub fn restore(&self) {
        self.save.try_run(Why::Store);
    }

    /// The draft with everything on screen (`None` once the editor is gone).
    pub fn current(&self) -> Option<Draft> {
        let report = self.form.try_with_value(|f| f.try_snapshot())??;
        let mut draft = self.draft.try_get_value()?;
        draft.report = report;
        Some(draft)
    }

    pub fn last_saved_at(&self) -> Option<f64> {
        self.draft
            .try_with_value(|d| (d.revision > 0).then_some(d.updated_at))
            .flatten()
    }

    /// The clerk's choice in a conflict: `value` becomes the field's, on
    /// screen and stored, as an edit that settles the conflict everywhere.
    pub fn choose(&self, key: &str, value: &str) {
        self.flush();
        let replica = self.ctx.session(|s| s.replica.clone());
        self.draft
            .update_value(|d| d.set_field(key, value, &replica, now()));
        self.draft
            .with_value(|d| self.form.with_value(|f| f.show_merged(&d.report)));
        self.save.try_run(Why::Store);
    }

    /// Replaces the whole report (after a roll-up), saves it at once and
    /// reopens the editor on it.
    pub fn replace_report(&self, ctx: AppContext, report: Report, notice: String) {
        self.flush();
        let Some(draft) = self.draft.try_get_value() else {
            return;
        };
        let (draft, problem) = ctx.change(|s| s.replace(draft, report, now()));
        let _ = ctx.open(draft, Some(notice + problem.as_deref().unwrap_or_default()));
    }

    /// Merges a colleague's `.json` (or another copy of this draft) into
    /// the draft on screen, and stores the result; the report says what
    /// came from it. A file of another report is added to the list instead.
    pub fn merge_file(&self, text: &str, file_name: &str) -> Result<FileMerge, String> {
        self.flush();
        let ctx = self.ctx;
        let (file, template, notice) = measured("bieumau:merge-read", || {
            ctx.session(|s| s.read_copy(text, file_name, |id| ctx.template(id)))
        })?;
        let ours = self.draft.try_get_value().ok_or_else(String::new)?;
        if file.id != ours.id {
            let added = ctx.merge_file(text, file_name)?;
            return Err(format!(
                "«{file_name}» là một báo cáo khác («{}»), không phải bản sao của báo cáo đang mở: đã thêm nó vào danh sách bản nháp.",
                added.draft.title()
            ));
        }
        let merged = measured("bieumau:merge", || merge(&ours, &file));
        let mut draft = merged.draft.clone();
        match measured("bieumau:merge-store", || ctx.change(|s| s.save(&draft))) {
            Ok(saved) => {
                draft.revision = saved.revision;
                if let Some(again) = saved.merged {
                    draft = again.draft;
                }
            }
            Err(fault) => {
                self.state.try_set(SaveState::Failed(fault));
            }
        }
        // The file was read after an await: the editor may be gone by now.
        self.draft.try_set_value(draft.clone());
        if let Some(form) = self.form.try_get_value() {
            if !measured("bieumau:merge-show", || form.show_merged(&draft.report)) {
                let _ = ctx.open(draft.clone(), None);
            }
            form.conflicts.show(&draft);
        }
        let mut report = file_merge(&template, &file, file_name, &merged, draft);
        if let Some(notice) = notice {
            report.summary = format!("{} {notice}", report.summary);
        }
        Ok(report)
    }
}
