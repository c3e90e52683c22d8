//! Large tables open at once: the rows of the first screens are drawn with
//! the page, and the rest as placeholders of about their height, drawn when
//! they come near the screen or when the browser is idle
//! (`browser::near_screen`). A report that fits in a few screens is drawn
//! whole, as before, and so is a row the clerk adds.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::near_screen;

/// A report of up to this many rows is drawn whole when it opens (in about
/// 150 ms on an office laptop), so find-in-page sees all of it at once.
const DRAWN_WHOLE: usize = 400;
/// Rows drawn at once per frame: a few screens' worth. More (a large report
/// opening, a roll-up adding 1,000 rows) wait as placeholders; a row the
/// clerk adds is always drawn at once.
const ROWS_PER_FRAME: usize = 48;

/// How many more rows may be drawn at once in this frame, for one report.
#[derive(Clone, Copy)]
pub struct Deferral {
    rows_left: StoredValue<usize>,
    refill_asked: StoredValue<bool>,
}

impl Deferral {
    /// For a report of `rows` rows being opened.
    pub fn new(rows: usize) -> Self {
        let now = if rows <= DRAWN_WHOLE {
            usize::MAX
        } else {
            ROWS_PER_FRAME
        };
        let deferral = Deferral {
            rows_left: StoredValue::new(now),
            refill_asked: StoredValue::new(false),
        };
        deferral.refill_next_frame();
        deferral
    }

    fn refill_next_frame(self) {
        if self.refill_asked.try_get_value().unwrap_or(true) {
            return;
        }
        self.refill_asked.set_value(true);
        request_animation_frame(move || {
            self.rows_left.try_set_value(ROWS_PER_FRAME);
            self.refill_asked.try_set_value(false);
        });
    }

    /// Whether `rows` more rows are drawn now.
    fn draws_now(&self, rows: usize) -> bool {
        let left = self.rows_left.try_get_value().unwrap_or(0);
        if left == 0 {
            return false;
        }
        self.rows_left.try_set_value(left.saturating_sub(rows));
        self.refill_next_frame();
        true
    }

    /// `draw`n now, or a placeholder `rows` × `row_px` high until it is
    /// needed. Not generic: one copy of this code serves every table.
    pub fn rows(
        &self,
        rows: usize,
        row_px: u32,
        draw: Arc<dyn Fn() -> AnyView + Send + Sync>,
    ) -> AnyView {
        if self.draws_now(rows) {
            return draw();
        }
        let shown = RwSignal::new(false);
        let placeholder = NodeRef::<leptos::html::Div>::new();
        placeholder.on_load(move |element| {
            let element: web_sys::Element = element.into();
            near_screen::when_near_screen(element.clone(), rows, move || {
                shown.try_set(true);
            });
            on_cleanup(move || near_screen::forget(&element));
        });
        let height = format!("{}px", rows as u32 * row_px);
        (move || {
            if shown.get() {
                draw()
            } else {
                view! { <div class="rows-later" aria-busy="true" style:height=height.clone() node_ref=placeholder></div> }.into_any()
            }
        })
        .into_any()
    }
}
