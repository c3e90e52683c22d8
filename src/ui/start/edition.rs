//! An edition opened: its templates join the app's at start, first on the
//! start screen, and the ones this browser does not keep yet are kept (so
//! their drafts reopen in any page of this storage); a kept older version
//! is offered for replacement, never replaced unasked. Drafts are not
//! touched.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::edition::embedded;
use crate::core::catalog::builtin_template;
use crate::core::edition::{read, replacements, Edition, Replacement};
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

/// Reads the page's edition, if any, and puts its templates first in
/// `loaded` (a newer version already there stays).
pub fn at_start(loaded: &mut Vec<Arc<Template>>) -> Option<Result<Arc<Edition>, String>> {
    let result = read(&embedded()?).map(Arc::new);
    if let Ok(edition) = &result {
        for t in edition.templates.iter().rev() {
            if loaded.iter().any(|l| l.id == t.id && l.version > t.version) {
                continue;
            }
            loaded.retain(|l| l.id != t.id);
            loaded.insert(0, t.clone());
        }
    }
    Some(result)
}

/// Keeps what this browser lacks, finds what it could replace, and gives
/// the start screen the edition.
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
            .iter()
            .filter_map(|text| Template::from_json(text).ok())
            .collect();
        offers.set(replacements(&kept, edition));
        for t in &edition.templates {
            let shipped = builtin_template(&t.id).is_some_and(|b| b.version >= t.version);
            if !shipped && !kept.iter().any(|k| k.id == t.id) {
                keep(ctx, edition, t);
            }
        }
    }
    provide_context(Opened {
        edition,
        fault,
        offers,
    });
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

/// The one call to the store for an edition's template.
fn keep(ctx: AppContext, _edition: &Edition, template: &Template) -> bool {
    // lead: switch to origin Edition at merge
    // (keep_template(…, TemplateOrigin::Edition { province, built }) from
    // `_edition.province` and `_edition.built`).
    ctx.session(|s| s.keep_template(&template.id, &template.source))
}
