//! What the page shows of its checks follows them once typing pauses
//! (issue 32).
//!
//! The checks run on every key (`Form::issues`: the batch's rules, order
//! and counts), and a field's own messages (`data-issue-for`), its row's
//! marks, the live figures and the targets show at once. What sums them up
//! far from the field — the list and counts beside the form, the counts
//! and the completion meter in the toolbar — waits for a still moment:
//! 300 ms after the last change, or, while the clerk types on without a
//! pause, in an idle moment once a change has waited a second. So a
//! keystroke's frame repaints the field and what is beside it, not the
//! sidebar and the toolbar too: on a 2-core machine the screen drawn
//! between them, rastered and composited with the field, is what made a
//! grid's keys late. While changes wait, the summary says so
//! (`data-checks="pending"`, else `"shown"`), for a test to wait on.
//!
//! A field's own messages and its row's marks follow the checks sooner:
//! on the frame after the key's (`follow_frame`). The key's frame paints
//! the field and its figures; the message under the row, which may change
//! its words, its height and so the rows below it, is painted on the next
//! one, some 16 ms later, not within the key's own frame (issue 32).

use leptos::prelude::*;

use crate::browser::idle::after_paint;
use crate::ui::shared::erased::memo;
use crate::ui::shared::pause::Pause;

/// A pause this long in the changes shows them.
const QUIET_MS: u64 = 300;
/// Changes waiting this long are shown in the next idle moment.
const MAX_WAIT_MS: f64 = 1000.0;

/// The moments the page shows what its checks found.
#[derive(Clone, Copy)]
pub struct Settled {
    tick: RwSignal<u64>,
    /// The frame followers whose source changed since a frame was last
    /// painted: only their ticks move when one is (a painted tick that
    /// every follower read again cost the 10.000-cell grid 10–19 ms per
    /// key, right after the key's frame, beside its raster and draw). A
    /// frame is awaited while the list is not empty.
    due: StoredValue<Vec<RwSignal<u64>>>,
    /// Changes wait to be shown.
    pub pending: RwSignal<bool>,
}

impl Settled {
    /// Watches what `watch` reads (every message and count of the form):
    /// each change to it is shown, at every follower, once changes pause.
    pub fn new(watch: impl Fn() + Send + Sync + 'static) -> Settled {
        let tick = RwSignal::new(0u64);
        let pending = RwSignal::new(false);
        let pause = Pause::new(QUIET_MS, MAX_WAIT_MS);
        // Timers may fire after the editor is gone: `try_` throughout.
        let settle = move || {
            pause.done();
            tick.try_update(|n| *n += 1);
            pending.try_set(false);
        };
        Effect::new(move |ran: Option<()>| {
            watch();
            // The first run only subscribes: followers start with the values.
            if ran.is_none() {
                return;
            }
            pending.set(true);
            pause.changed(settle);
        });
        on_cleanup(move || pause.cancel());
        Settled {
            tick,
            due: StoredValue::new(Vec::new()),
            pending,
        }
    }

    /// `source` as the page shows it: its value at the last still moment
    /// (its value now, when the view is first drawn).
    pub fn follow<T: Clone + PartialEq + Send + Sync + 'static>(self, source: Memo<T>) -> Memo<T> {
        follower(self.tick, source)
    }

    /// `source` as the page shows it beside its field: its value once the
    /// frame of the key that changed it is painted.
    pub fn follow_frame<T: Clone + PartialEq + Send + Sync + 'static>(
        self,
        source: Memo<T>,
    ) -> Memo<T> {
        // This follower's own tick: a change to its source moves it once
        // the key's frame is painted (and once after it is first drawn).
        let frame = RwSignal::new(0u64);
        Effect::new(move |_| {
            source.track();
            self.after_frame(frame);
        });
        follower(frame, source)
    }

    /// Moves a follower's `frame` once the frame being drawn is painted;
    /// one wait serves every change made before that frame.
    fn after_frame(self, frame: RwSignal<u64>) {
        let first = self.due.try_update_value(|due| {
            due.push(frame);
            due.len() == 1
        });
        if first != Some(true) {
            return;
        }
        leptos::task::spawn_local(async move {
            after_paint().await;
            if let Some(due) = self.due.try_update_value(std::mem::take) {
                for frame in due {
                    frame.try_update(|n| *n += 1);
                }
            }
        });
    }
}

/// `source`'s value as of `tick`'s last change (its value now at first).
fn follower<T: Clone + PartialEq + Send + Sync + 'static>(
    tick: RwSignal<u64>,
    source: Memo<T>,
) -> Memo<T> {
    memo(move || {
        tick.track();
        source.get_untracked()
    })
}
