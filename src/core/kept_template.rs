//! A template the app keeps beside the drafts (loaded from a file, or
//! brought by a province's edition): its origin, when it was kept, and the
//! stored text of the two.
//!
//! A stored entry is read as strictly as any stored file: a fault is
//! reported with the entry, never a panic, and the entry is never dropped
//! from storage for it. Entries written before origins were kept (the
//! template's JSON alone) still load, as opened from a file.

use crate::core::json_read::{self, At, Fields};
use crate::core::json_write::Object;
use crate::core::template::Template;

/// Where a template on the start screen came from.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplateOrigin {
    /// Shipped with the app (`core::catalog`).
    BuiltIn,
    /// Opened from a file; `name` is empty for entries kept before the
    /// file's name was.
    File { name: String },
    /// Carried by a province's one-file edition, built at `built` (ms).
    Edition { province: String, built: f64 },
}

impl TemplateOrigin {
    /// The card's line, with `at` (when it was kept, ms) written by `date`
    /// («07/12/2026», the clerk's local date).
    pub fn label(&self, at: Option<f64>, date: impl Fn(f64) -> String) -> String {
        let on = |ms: Option<f64>| {
            ms.map(|ms| format!(" ngày {}", date(ms)))
                .unwrap_or_default()
        };
        match self {
            TemplateOrigin::BuiltIn => "Có sẵn trong ứng dụng".to_string(),
            TemplateOrigin::File { name } if name.is_empty() => format!("Mở từ tệp{}", on(at)),
            TemplateOrigin::File { name } => format!("Mở từ tệp «{name}»{}", on(at)),
            TemplateOrigin::Edition { province, built } => {
                format!("Từ bản của tỉnh {province}{}", on(Some(*built)))
            }
        }
    }

    /// The page hook's word: `built-in`, `file` or `edition`.
    pub fn key(&self) -> &'static str {
        match self {
            TemplateOrigin::BuiltIn => "built-in",
            TemplateOrigin::File { .. } => "file",
            TemplateOrigin::Edition { .. } => "edition",
        }
    }
}

/// A template kept in storage, with its origin.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptTemplate {
    pub template: Template,
    pub origin: TemplateOrigin,
    /// When it was kept (ms); `None` for entries of the older format.
    pub at: Option<f64>,
}

/// The first field of a stored entry of this format; the older format is a
/// template file, whose first field is never this one.
const FORMAT: &str = "bieumau.kept-template.v1";

impl KeptTemplate {
    /// The stored text: a small JSON object with the template's own text in
    /// it, kept as it came.
    pub fn to_stored(&self) -> String {
        stored_text(&self.template, &self.origin, self.at)
    }

    /// Reads a stored entry kept under template id `id`; the message says
    /// what is wrong with it.
    pub fn from_stored(id: &str, raw: &str) -> Result<KeptTemplate, String> {
        let kept = Self::read(raw)?;
        if kept.template.id != id {
            return Err(format!(
                "biểu mẫu mang mã «{}» nhưng được lưu dưới mã «{id}»",
                kept.template.id
            ));
        }
        Ok(kept)
    }

    /// Reads the text of a kept template: the stored entry with its origin
    /// ([`KeptTemplate::to_stored`]), or the template's JSON alone (entries
    /// kept before origins were, and the templates of a backup written
    /// before it carried them), taken as opened from a file of no name, at
    /// no known time.
    pub fn read(raw: &str) -> Result<KeptTemplate, String> {
        let value = json_read::parse(raw)?;
        // Over the fields, not a lookup: no map code in the wasm for it.
        let is_envelope = value.as_object().is_some_and(|o| {
            o.iter()
                .any(|(k, v)| k == "format" && v.as_str() == Some(FORMAT))
        });
        if is_envelope {
            return Self::from_envelope(value);
        }
        let template = Template::from_json(raw).map_err(|e| e.to_string())?;
        Ok(KeptTemplate {
            template,
            origin: TemplateOrigin::File {
                name: String::new(),
            },
            at: None,
        })
    }

    fn from_envelope(value: serde_json::Value) -> Result<KeptTemplate, String> {
        let mut fields = Fields::of(value, At::Root)?;
        let _: String = fields.req("format");
        let origin: String = fields.req("origin");
        let origin = match origin.as_str() {
            "file" => TemplateOrigin::File {
                name: fields.req("file"),
            },
            "edition" => TemplateOrigin::Edition {
                province: fields.req("province"),
                built: fields.req("built"),
            },
            "built-in" => TemplateOrigin::BuiltIn,
            other => {
                return Err(format!(
                    "nguồn biểu mẫu \"{other}\" không hợp lệ; các giá trị hợp lệ: file, edition, built-in"
                ))
            }
        };
        let at: Option<f64> = fields.opt("at");
        let text: String = fields.req("template");
        fields.done()?;
        let template = Template::from_json(&text).map_err(|e| e.to_string())?;
        Ok(KeptTemplate {
            template,
            origin,
            at,
        })
    }
}

/// The stored text of `template` kept with its origin and time: a small
/// JSON object with the template's own text in it, as it came.
pub fn stored_text(template: &Template, origin: &TemplateOrigin, at: Option<f64>) -> String {
    let mut out = Vec::new();
    let mut object = Object::new(&mut out);
    object.field("format", FORMAT);
    match origin {
        TemplateOrigin::BuiltIn => object.field("origin", "built-in"),
        TemplateOrigin::File { name } => object.field("origin", "file").field("file", name),
        TemplateOrigin::Edition { province, built } => object
            .field("origin", "edition")
            .field("province", province)
            .field("built", built),
    };
    if let Some(at) = at {
        object.field("at", &at);
    }
    object.field("template", &*template.source);
    object.end();
    String::from_utf8(out).unwrap_or_default()
}

/// A stored entry that could not be read: left in storage, raw, and
/// reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenKept {
    pub key: String,
    pub raw: String,
    pub reason: String,
}

/// A short mark of a template's text, to tell two texts of one id and
/// version apart (a card drawn again when a file replaces a loaded one).
pub fn fingerprint(text: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    text.hash(&mut hasher);
    format!("{:x}", hasher.finish())
}
