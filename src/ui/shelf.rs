//! The templates the app offers, as the whole app shares them: the shelf
//! (`core::shelf`, one per id, with its origin) and the list every screen
//! reads (`AppContext::templates`), changed together and only here, through
//! the shelf's one rule: at start-up, for a file loaded, for a backup's
//! templates, for a removal, and when another tab changed them.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::time::now;
use crate::core::kept_template::{fingerprint, KeptTemplate, TemplateOrigin};
use crate::core::shelf::{removal_question, Offer, Shelf};
use crate::core::template::Template;
use crate::ui::context::AppContext;

impl AppContext {
    /// Reads the kept templates onto the shelf of the shipped ones (the
    /// start-up path, and another tab's change); returns what to tell the
    /// clerk of kept entries that do not read (they stay in storage).
    pub fn read_kept_templates(&self) -> Vec<String> {
        let list = self.session(|s| s.kept_templates());
        let kept = list
            .kept
            .into_iter()
            .map(|k: KeptTemplate| (k.template, k.origin, k.at));
        self.on_shelf(|shelf| *shelf = shelf.reassembled(kept));
        self.sync_templates();
        list.broken
            .into_iter()
            .map(|b| {
                format!(
                    "biểu mẫu đã lưu «{}» không đọc được ({}); nó được giữ nguyên trong trình duyệt, hãy mở lại tệp biểu mẫu",
                    b.key, b.reason
                )
            })
            .collect()
    }

    /// Offers a template loaded from a file (or an edition) under the
    /// shelf's rule; a template taken is kept so its drafts reopen. The
    /// message says what was done, or why not.
    pub fn load_template(
        &self,
        template: Template,
        origin: TemplateOrigin,
    ) -> Result<String, String> {
        let at = now();
        let template = Arc::new(template);
        let offer = self.shelve(template.clone(), origin.clone(), Some(at));
        let kept = !offer.taken() || self.session(|s| s.keep_template(&template, origin, at));
        offer.message(&template, kept)
    }

    /// Offers a template already kept (a backup's) to the shelf.
    pub fn shelve(
        &self,
        template: Arc<Template>,
        origin: TemplateOrigin,
        at: Option<f64>,
    ) -> Offer {
        let offer = self
            .on_shelf(|shelf| shelf.offer(template, origin, at))
            .unwrap_or(Offer::Unchanged);
        if offer.taken() {
            self.sync_templates();
        }
        offer
    }

    /// Removes a loaded template: from storage, then from the shelf (a
    /// shipped one of its id comes back). Its drafts stay.
    pub fn remove_template(&self, id: &str) -> Result<(), String> {
        self.session(|s| s.remove_template(id))?;
        self.on_shelf(|shelf| shelf.remove(id));
        self.sync_templates();
        Ok(())
    }

    /// Where the template `id` came from and when it was kept.
    pub fn origin_of(&self, id: &str) -> Option<(TemplateOrigin, Option<f64>)> {
        self.on_shelf(|s| s.get(id).map(|e| (e.origin.clone(), e.at)))
            .flatten()
    }

    /// What tells two cards of one id and version apart: the template's
    /// text, its origin and when it was kept. A card is drawn anew when
    /// any of them changes, so it shows them with no signal of its own.
    pub fn card_mark(&self, template: &Template) -> String {
        let (origin, at) = self
            .origin_of(&template.id)
            .unwrap_or((TemplateOrigin::BuiltIn, None));
        format!(
            "{}.{}.{}",
            fingerprint(&template.source),
            origin.key(),
            at.map_or(0, |ms| ms as u64)
        )
    }

    /// What «Gỡ biểu mẫu» asks for the template `id`, and how many drafts
    /// use it.
    pub fn removal_question(&self, id: &str) -> (usize, String) {
        let drafts = self.session(|s| s.drafts_using(id));
        let (name, shipped) = self
            .on_shelf(|s| {
                let name = s.get(id).map(|e| e.template.name.clone());
                (name.unwrap_or_default(), s.built_in(id).map(|t| t.version))
            })
            .unwrap_or_default();
        (drafts, removal_question(&name, drafts, shipped))
    }

    /// The one access to the shelf (one copy of the stored value's code);
    /// `None` once the app is gone.
    fn on_shelf<T>(&self, work: impl FnOnce(&mut Shelf) -> T) -> Option<T> {
        self.shelf.try_update_value(work)
    }

    fn sync_templates(&self) {
        let list = self.on_shelf(|s| s.templates()).unwrap_or_default();
        self.templates.set(list);
        self.stored_changed();
    }
}
