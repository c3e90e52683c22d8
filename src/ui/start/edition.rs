//! An edition opened: its templates join the app's at start, first on the
//! start screen, and the ones this browser does not keep yet are kept (so
//! their drafts reopen in any page of this storage); a kept older version
//! is offered for replacement, never replaced unasked. Drafts are not
//! touched.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::edition::embedded;
use crate::core::edition::{read, replacements, Edition, Replacement};
use crate::core::kept_template::TemplateOrigin;
use crate::core::template::Template;
use crate::ui::context::AppContext;

/// What the start screen shows of the edition this page is, if it is one.
#[derive(Clone)]
pub struct Opened {
    pub edition: Option<Arc<Edition>>,
    /// Its data did not read: the message for the banner.
    pub fault: Option<String>,
    /// Kept templates it carries a newer version of.
    pub offers: RwSignal<Vec<Replacement>>,
}

/// Reads the page's edition, if any: `None` in the app itself.
pub fn read_at_start() -> Option<Result<Arc<Edition>, String>> {
    Some(read(&embedded()?).map(Arc::new))
}

/// Offers the edition's templates to the shelf (its one rule: one this
/// browser lacks is kept, a newer one already here stays), finds the kept
/// older versions it could replace, and gives the start screen the edition.
pub fn provide(ctx: AppContext, opened: Option<Result<Arc<Edition>, String>>) {
    let (edition, fault) = match opened {
        None => (None, None),
        Some(Ok(edition)) => (Some(edition), None),
        Some(Err(fault)) => (None, Some(fault)),
    };
    let offers = RwSignal::new(Vec::new());
    if let Some(edition) = &edition {
        let kept: Vec<Template> = ctx
            .session(|s| s.kept_templates())
            .kept
            .into_iter()
            .map(|k| k.template)
            .collect();
        let older = replacements(&kept, edition);
        for t in &edition.templates {
            // A kept older version is replaced only when the clerk says so;
            // the same text, or a newer version, is here already.
            let here = ctx.template(&t.id);
            let had = here.is_some_and(|h| h.version > t.version || h.source == t.source);
            if !had && !older.iter().any(|r| r.id == t.id) {
                keep(ctx, edition, t);
            }
        }
        offers.set(older);
    }
    provide_context(Opened {
        edition,
        fault,
        offers,
    });
}

/// The edition's templates' ids, for the start screen to list them first.
pub fn carried_ids() -> Vec<String> {
    use_context::<Opened>()
        .and_then(|o| o.edition)
        .map(|e| e.templates.iter().map(|t| t.id.clone()).collect())
        .unwrap_or_default()
}

/// Replaces the kept older versions with the edition's, as the clerk asked.
pub fn replace_kept(ctx: AppContext, opened: &Opened) -> Vec<String> {
    let Some(edition) = &opened.edition else {
        return Vec::new();
    };
    let mut replaced = Vec::new();
    for offer in opened.offers.get_untracked() {
        if let Some(t) = edition.templates.iter().find(|t| t.id == offer.id) {
            if keep(ctx, edition, t) {
                replaced.push(format!("«{}» phiên bản {}", t.name, t.version));
            }
        }
    }
    opened.offers.set(Vec::new());
    replaced
}

/// The one call to the shelf for an edition's template, under the shelf's
/// rule; true when it was taken.
fn keep(ctx: AppContext, edition: &Edition, template: &Template) -> bool {
    let origin = TemplateOrigin::Edition {
        province: edition.province.clone(),
        built: edition.built_ms(),
    };
    ctx.load_template(template.clone(), origin).is_ok()
}
