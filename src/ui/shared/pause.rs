//! Work done once changes pause, never on a keystroke's own task.
//!
//! Autosave and the summary beside the form (`settled.rs`) both wait for
//! the clerk to stop typing: `quiet_ms` after the last change, or, while
//! the changes go on without a pause, in the next idle moment once the
//! first of them has waited `max_wait_ms` (within `IDLE_TIMEOUT_MS`).

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::idle::when_idle;
use crate::browser::time::now;

/// How long work due may wait for the browser to be idle.
const IDLE_TIMEOUT_MS: u32 = 250;

/// One kind of work waiting for a pause in the changes.
#[derive(Clone, Copy)]
pub struct Pause {
    quiet_ms: u64,
    max_wait_ms: f64,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// When the first change still waiting was made.
    since: StoredValue<Option<f64>>,
    idle_asked: StoredValue<bool>,
}

impl Pause {
    pub fn new(quiet_ms: u64, max_wait_ms: f64) -> Pause {
        Pause {
            quiet_ms,
            max_wait_ms,
            timer: StoredValue::new(None),
            since: StoredValue::new(None),
            idle_asked: StoredValue::new(false),
        }
    }

    /// A change was made: `work` runs once changes pause. Timers may fire
    /// after the owner is gone, so `work` reads with `try_` only.
    pub fn changed(self, work: impl Fn() + Copy + 'static) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let first = self.since.get_value().unwrap_or_else(now);
        self.since.set_value(Some(first));
        if now() - first < self.max_wait_ms {
            let handle = set_timeout_with_handle(work, Duration::from_millis(self.quiet_ms));
            self.timer.set_value(handle.ok());
        } else if !self.idle_asked.get_value() {
            // Never on the keystroke's own task: once its frame is out.
            self.idle_asked.set_value(true);
            let idle_asked = self.idle_asked;
            when_idle(
                move || {
                    idle_asked.try_set_value(false);
                    work();
                },
                IDLE_TIMEOUT_MS,
            );
        }
    }

    /// The owner is going: the timer waiting, if any, is cleared.
    pub fn cancel(self) {
        if let Some(Some(handle)) = self.timer.try_get_value() {
            handle.clear();
        }
    }

    /// What waited was done: the next change waits afresh.
    pub fn done(self) {
        self.since.try_set_value(None);
    }
}
