//! The templates the start screen offers, one per id, with where each came
//! from, and the one rule for which of two templates with the same id is
//! used. Start-up (the shipped templates, then the kept ones), a file
//! loaded, an edition's templates and a removal all go through it, so they
//! never disagree.
//!
//! The rule, as a clerk expects it:
//! - a higher version replaces a lower one, whatever their origins (a
//!   province's version 2 of `xa-01b` replaces the shipped version 1);
//! - a lower version is refused: drafts only move forward through a
//!   template's declared changes, so going back would strand them;
//! - at the same version, a file or an edition replaces a template that
//!   was also loaded (a corrected file loaded again), but never silently a
//!   shipped one: the same id and version with other contents is refused,
//!   asking for a higher version; the shipped text itself changes nothing.

use std::sync::Arc;

use crate::core::kept_template::TemplateOrigin;
use crate::core::template::Template;

/// A template on the shelf, with its origin and when it was kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Shelved {
    pub template: Arc<Template>,
    pub origin: TemplateOrigin,
    pub at: Option<f64>,
}

/// What offering a template to the shelf did.
#[derive(Debug, Clone, PartialEq)]
pub enum Offer {
    /// No template had its id: it is added.
    Added,
    /// It replaced the template of its id, which had version `was`
    /// (shipped with the app when `was_built_in`).
    Replaced { was: u32, was_built_in: bool },
    /// The same template is already there: nothing changed.
    Unchanged,
    /// It is not used; the message says why, in the clerk's words.
    Refused(String),
}

impl Offer {
    /// Whether the offered template is now the one used (and so is kept).
    pub fn taken(&self) -> bool {
        matches!(self, Offer::Added | Offer::Replaced { .. })
    }

    /// What the clerk is told after loading `template`; `kept` is false
    /// when the browser would not keep it.
    pub fn message(&self, template: &Template, kept: bool) -> Result<String, String> {
        let (name, version) = (&template.name, template.version);
        let done = match self {
            Offer::Refused(why) => return Err(why.clone()),
            Offer::Unchanged => {
                return Ok(format!(
                    "Biểu mẫu «{name}» phiên bản {version} đã có sẵn trong ứng dụng, không có gì thay đổi."
                ))
            }
            Offer::Added => format!("Đã mở biểu mẫu «{name}» (phiên bản {version})."),
            Offer::Replaced { was, .. } if *was == version => {
                format!("Đã mở lại biểu mẫu «{name}» (phiên bản {version}).")
            }
            Offer::Replaced { was, was_built_in } => format!(
                "Đã mở biểu mẫu «{name}» phiên bản {version}, thay cho phiên bản {was}{}.",
                if *was_built_in { " có sẵn trong ứng dụng" } else { "" }
            ),
        };
        Ok(match kept {
            true => done,
            false => format!(
                "{done} Biểu mẫu chỉ dùng được cho lần này (trình duyệt không cho lưu lại)."
            ),
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shelf {
    /// In the order of the start screen: the shipped ones first, as the
    /// catalog lists them, then the others as they came.
    entries: Vec<Shelved>,
    /// The shipped templates, to come back when a template that replaced
    /// one is removed.
    built_in: Vec<Arc<Template>>,
}

impl Shelf {
    /// The shelf of the shipped templates.
    pub fn new(built_in: Vec<Arc<Template>>) -> Shelf {
        Shelf {
            entries: built_in
                .iter()
                .map(|t| Shelved {
                    template: t.clone(),
                    origin: TemplateOrigin::BuiltIn,
                    at: None,
                })
                .collect(),
            built_in,
        }
    }

    /// The shipped templates, then each kept one offered in turn: the
    /// start-up path, and a shelf read again after another tab changed it.
    pub fn assemble(
        built_in: Vec<Arc<Template>>,
        kept: impl IntoIterator<Item = (Template, TemplateOrigin, Option<f64>)>,
    ) -> Shelf {
        let mut shelf = Shelf::new(built_in);
        // In the order they were kept, as they were listed then (storage
        // keeps no order); inserted in order, with no sort in the wasm.
        let mut ordered: Vec<(Template, TemplateOrigin, Option<f64>)> = Vec::new();
        for entry in kept {
            let at = entry.2.unwrap_or(f64::NEG_INFINITY);
            let place = ordered.partition_point(|e| e.2.unwrap_or(f64::NEG_INFINITY) <= at);
            ordered.insert(place, entry);
        }
        for (template, origin, at) in ordered {
            shelf.offer(Arc::new(template), origin, at);
        }
        shelf
    }

    pub fn entries(&self) -> &[Shelved] {
        &self.entries
    }

    pub fn templates(&self) -> Vec<Arc<Template>> {
        self.entries.iter().map(|e| e.template.clone()).collect()
    }

    pub fn get(&self, id: &str) -> Option<&Shelved> {
        self.entries.iter().find(|e| e.template.id == id)
    }

    /// Offers `template` under the rule above; a taken template keeps the
    /// place of the one it replaces.
    pub fn offer(
        &mut self,
        template: Arc<Template>,
        origin: TemplateOrigin,
        at: Option<f64>,
    ) -> Offer {
        let Some(place) = self
            .entries
            .iter()
            .position(|e| e.template.id == template.id)
        else {
            self.entries.push(Shelved {
                template,
                origin,
                at,
            });
            return Offer::Added;
        };
        let current = &self.entries[place];
        let (was, was_built_in) = (
            current.template.version,
            current.origin == TemplateOrigin::BuiltIn,
        );
        let (name, id, version) = (&template.name, &template.id, template.version);
        let offer = if version < was {
            Offer::Refused(format!(
                "Biểu mẫu «{name}» (mã {id}) đang dùng phiên bản {was}; tệp này là phiên bản {version} cũ hơn nên không được dùng. Bản nháp chỉ chuyển được sang phiên bản mới hơn."
            ))
        } else if version == was && was_built_in {
            if template.source == current.template.source {
                Offer::Unchanged
            } else {
                Offer::Refused(format!(
                    "Biểu mẫu «{name}» (mã {id}) phiên bản {version} đã có sẵn trong ứng dụng, với nội dung khác tệp này. Nếu đây là bản sửa đổi, hãy tăng số phiên bản trong tệp (\"version\": {}) rồi mở lại.",
                    version + 1
                ))
            }
        } else {
            Offer::Replaced { was, was_built_in }
        };
        if offer.taken() {
            self.entries[place] = Shelved {
                template,
                origin,
                at,
            };
        }
        offer
    }

    /// Takes a loaded template off the shelf; the shipped template of the
    /// same id, if any, comes back in its place. `None` when `id` is not
    /// there or is a shipped one (those are not removed).
    pub fn remove(&mut self, id: &str) -> Option<Shelved> {
        let place = self
            .entries
            .iter()
            .position(|e| e.template.id == id && e.origin != TemplateOrigin::BuiltIn)?;
        let shipped = self.built_in.iter().find(|t| t.id == id).cloned();
        Some(match shipped {
            Some(template) => std::mem::replace(
                &mut self.entries[place],
                Shelved {
                    template,
                    origin: TemplateOrigin::BuiltIn,
                    at: None,
                },
            ),
            None => self.entries.remove(place),
        })
    }

    /// The same shipped templates with `kept` offered again: the shelf as
    /// stored now, after another tab changed it.
    pub fn reassembled(
        &self,
        kept: impl IntoIterator<Item = (Template, TemplateOrigin, Option<f64>)>,
    ) -> Shelf {
        Shelf::assemble(self.built_in.clone(), kept)
    }

    /// The shipped template of `id`, if the app has one.
    pub fn built_in(&self, id: &str) -> Option<&Arc<Template>> {
        self.built_in.iter().find(|t| t.id == id)
    }
}

/// What «Gỡ biểu mẫu» asks before removing the loaded template `name`,
/// which `drafts` stored drafts use; `shipped` is the version of the
/// shipped template of its id that comes back, if any.
pub fn removal_question(name: &str, drafts: usize, shipped: Option<u32>) -> String {
    let mut question = match drafts {
        0 => format!("Gỡ biểu mẫu «{name}» khỏi trình duyệt này? Muốn dùng lại thì mở lại tệp biểu mẫu."),
        n => format!(
            "Có {n} bản nháp đang dùng biểu mẫu «{name}». Gỡ biểu mẫu thì {} vẫn được giữ nhưng không mở được cho đến khi biểu mẫu này được mở lại từ tệp. Vẫn gỡ?",
            if n == 1 { "bản nháp đó" } else { "các bản nháp đó" }
        ),
    };
    if let Some(version) = shipped {
        question.push_str(&format!(
            " Ứng dụng sẽ dùng lại biểu mẫu có sẵn (phiên bản {version})."
        ));
    }
    question
}
