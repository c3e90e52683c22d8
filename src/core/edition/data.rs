//! The templates an edition carries, as JSON in a
//! `<script type="application/json">` data block: written with `<`, `>`,
//! `&` and U+2028/9 escaped, so no text in a template can end the block or
//! be read as markup, and read back as strictly as a template file.

use std::sync::Arc;

use serde_json::Value;

use crate::core::draft::ascii_slug;
use crate::core::json_read::{parse, At, Fields};
use crate::core::json_write::{Object, ToJson};
use crate::core::template::Template;
use crate::core::unit_name::unit_in_sentence;

/// The id of the data block in the page.
pub const DATA_ID: &str = "bieumau-edition";

/// What the data says it is: another kind or a later format is refused.
const FORMAT: &str = "bieumau-edition/1";

/// The most templates an edition carries: more is not a province's choice.
const MAX_TEMPLATES: usize = 64;

/// An edition's data, read and every template checked.
#[derive(Debug)]
pub struct Edition {
    pub province: String,
    /// The day it was made, as `YYYY-MM-DD`.
    pub built: String,
    pub templates: Vec<Arc<Template>>,
}

impl Edition {
    /// The day it was made, as milliseconds since 1970 at 00:00 UTC (0 for a
    /// day that does not read): when its templates are shown as kept.
    pub fn built_ms(&self) -> f64 {
        let mut parts = self.built.splitn(3, '-').map(|p| p.parse::<i64>().ok());
        let (Some(Some(y)), Some(Some(m)), Some(Some(d))) =
            (parts.next(), parts.next(), parts.next())
        else {
            return 0.0;
        };
        // Days from 1970-03-01 by whole years from March (H. Hinnant's
        // `days_from_civil`), then to 1970-01-01.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        days as f64 * 86_400_000.0
    }
}

struct Carried<'a>(&'a Template);

impl ToJson for Carried<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut o = Object::new(out);
        o.field("id", &self.0.id)
            .field("version", &self.0.version)
            .field("source", &*self.0.source);
        o.end();
    }
}

/// The data block's text: the province, the day and each template's own
/// JSON text, escaped for a place inside `<script>`.
pub fn embed(province: &str, built: &str, templates: &[&Template]) -> String {
    let mut out = Vec::new();
    let carried: Vec<Carried> = templates.iter().map(|t| Carried(t)).collect();
    let mut o = Object::new(&mut out);
    o.field("format", FORMAT)
        .field("province", province)
        .field("built", built)
        .field("templates", &carried);
    o.end();
    script_safe(&String::from_utf8(out).unwrap_or_default())
}

/// JSON text that cannot end a `<script>` nor open a comment in it: these
/// characters only occur inside strings, where `\uXXXX` means the same.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn broken(what: &str) -> String {
    format!("Dữ liệu biểu mẫu trong bản này bị hỏng: {what}. Hãy xin tỉnh bản mới.")
}

/// Reads an edition's data block: every template is checked in full; any
/// fault refuses the whole edition with a Vietnamese message.
pub fn read(text: &str) -> Result<Edition, String> {
    let value = parse(text).map_err(|e| broken(&e))?;
    let mut f = Fields::of(value, At::Root).map_err(|e| broken(&e))?;
    let format: String = f.req("format");
    let province: String = f.req("province");
    let built: String = f.req("built");
    let carried: Vec<Value> = f.req("templates");
    f.done().map_err(|e| broken(&e))?;
    if format != FORMAT {
        return Err(broken(&format!(
            "định dạng «{format}» không phải «{FORMAT}»"
        )));
    }
    let province = province.trim().to_string();
    if province.is_empty() || province.chars().count() > 100 {
        return Err(broken("tên tỉnh trống hoặc quá dài"));
    }
    if carried.is_empty() || carried.len() > MAX_TEMPLATES {
        return Err(broken(&format!(
            "bản phải mang từ 1 đến {MAX_TEMPLATES} biểu mẫu, đang có {}",
            carried.len()
        )));
    }
    let mut templates: Vec<Arc<Template>> = Vec::new();
    for (n, value) in carried.into_iter().enumerate() {
        let template = one(value, n)?;
        if templates.iter().any(|t| t.id == template.id) {
            return Err(broken(&format!("biểu mẫu «{}» có hai lần", template.id)));
        }
        templates.push(Arc::new(template));
    }
    Ok(Edition {
        province,
        built,
        templates,
    })
}

fn one(value: Value, n: usize) -> Result<Template, String> {
    let list = At::Field(&At::Root, "templates");
    let mut f = Fields::of(value, At::Item(&list, n)).map_err(|e| broken(&e))?;
    let id: String = f.req("id");
    let version: u32 = f.req("version");
    let source: String = f.req("source");
    f.done().map_err(|e| broken(&e))?;
    let template = Template::from_json(&source)
        .map_err(|e| broken(&format!("biểu mẫu thứ {} («{id}»): {e}", n + 1)))?;
    if template.id != id || template.version != version {
        return Err(broken(&format!(
            "biểu mẫu thứ {} ghi «{id}» phiên bản {version} nhưng nội dung là «{}» phiên bản {}",
            n + 1,
            template.id,
            template.version
        )));
    }
    Ok(template)
}

/// The file a province downloads: `bieumau-<province>-<YYYY-MM-DD>.html`.
pub fn file_name(province: &str, built: &str) -> String {
    let slug = ascii_slug(province);
    let slug = if slug.is_empty() {
        "tinh".to_string()
    } else {
        slug
    };
    format!("bieumau-{slug}-{built}.html")
}

/// A kept template an edition carries a newer version of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    pub id: String,
    pub name: String,
    pub kept: u32,
    pub carried: u32,
}

/// The kept templates (opened earlier, from a file or another edition)
/// that `edition` carries a newer version of: what it offers to replace.
pub fn replacements(kept: &[Template], edition: &Edition) -> Vec<Replacement> {
    edition
        .templates
        .iter()
        .filter_map(|t| {
            let old = kept
                .iter()
                .find(|k| k.id == t.id && k.version < t.version)?;
            Some(Replacement {
                id: t.id.clone(),
                name: t.name.clone(),
                kept: old.version,
                carried: t.version,
            })
        })
        .collect()
}

/// The province a report of the province names as its unit («UBND TỈNH
/// THANH HÓA» → «Tỉnh Thanh Hóa»), to fill in the edition's province.
pub fn province_of(unit: &str, place: &str) -> Option<String> {
    // Written as a sentence has it: «UBND tỉnh Thanh Hóa», the kind in
    // lower case (no `to_lowercase`: its Unicode tables are kilobytes).
    let unit = unit_in_sentence(unit, place);
    let at = ["tỉnh ", "thành phố "]
        .iter()
        .filter_map(|kind| unit.find(kind))
        .min()?;
    // Both kinds begin with an ASCII «t».
    Some(format!("T{}", unit[at + 1..].trim()))
}
