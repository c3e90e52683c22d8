//! The parts that say where things are: the package's and the workbook's
//! relationships, the workbook's sheet list, and the shared-string table.

use super::limits::{MAX_SHARED_BYTES, MAX_SHARED_STRINGS, MAX_SHEETS};
use super::xml::{name, unescape_office, Step, Xml};

/// One relationship of a part: its id, its type's last word
/// ("worksheet", "sharedStrings", "officeDocument") and its target part.
pub struct Relationship {
    pub id: String,
    pub kind: String,
    pub target: String,
}

/// The relationships in a `.rels` part, targets resolved against the
/// folder of the part they belong to; external targets are left out.
pub fn relationships(text: &str, part: &str, base: &str) -> Result<Vec<Relationship>, String> {
    let mut xml = Xml::new(text, part);
    let mut out = Vec::new();
    loop {
        match xml.next()? {
            Step::Open(e) | Step::Empty(e) if name(&e) == "Relationship" => {
                if xml.attr(&e, "TargetMode")?.as_deref() == Some("External") {
                    continue;
                }
                let (Some(id), Some(kind), Some(target)) = (
                    xml.attr(&e, "Id")?,
                    xml.attr(&e, "Type")?,
                    xml.attr(&e, "Target")?,
                ) else {
                    continue;
                };
                let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
                out.push(Relationship {
                    id: id.into_owned(),
                    kind,
                    target: resolve(base, &target),
                });
            }
            Step::End => return Ok(out),
            _ => {}
        }
    }
}

/// A target as a part name: "/xl/worksheets/sheet1.xml" is absolute,
/// "worksheets/sheet1.xml" and "../xl/x.xml" are relative to `base`.
pub fn resolve(base: &str, target: &str) -> String {
    let mut parts: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => base.split('/').filter(|p| !p.is_empty()).collect(),
    };
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The folder of a part name: "xl/workbook.xml" → "xl".
pub fn folder(part: &str) -> &str {
    part.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// The `.rels` part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
pub fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// The workbook's sheets in tab order: (name, relationship id).
pub fn sheet_list(text: &str, part: &str) -> Result<Vec<(String, String)>, String> {
    let mut xml = Xml::new(text, part);
    let mut out = Vec::new();
    loop {
        match xml.next()? {
            Step::Open(e) | Step::Empty(e) if name(&e) == "sheet" => {
                let sheet_name = xml.attr(&e, "name")?.unwrap_or_default();
                let Some(id) = xml.attr(&e, "id")? else {
                    return Err(format!(
                        "Trang «{sheet_name}» của tệp .xlsx không chỉ tới phần nào (thiếu r:id)."
                    ));
                };
                if out.len() == MAX_SHEETS {
                    return Err(format!(
                        "Tệp .xlsx có hơn {MAX_SHEETS} trang tính: không phải một biểu mẫu."
                    ));
                }
                out.push((sheet_name.into_owned(), id.into_owned()));
            }
            Step::End => return Ok(out),
            _ => {}
        }
    }
}

/// The shared-string table: each `<si>`'s text, its rich-text runs joined
/// and its phonetic runs (`<rPh>`, furigana) left out.
pub fn shared_strings(text: &str, part: &str) -> Result<Vec<String>, String> {
    let mut xml = Xml::new(text, part);
    let mut out = Vec::new();
    let mut bytes = 0usize;
    loop {
        match xml.next()? {
            Step::Open(e) if name(&e) == "si" => {
                let item = string_item(&mut xml)?;
                bytes += item.len();
                out.push(item);
            }
            Step::Empty(e) if name(&e) == "si" => out.push(String::new()),
            Step::End => return Ok(out),
            _ => continue,
        }
        if out.len() > MAX_SHARED_STRINGS || bytes > MAX_SHARED_BYTES {
            return Err(format!(
                "Bảng chuỗi dùng chung của tệp .xlsx quá lớn (hơn {} chuỗi hoặc {} MB): không phải một biểu mẫu.",
                crate::core::number::format_count(MAX_SHARED_STRINGS as f64),
                MAX_SHARED_BYTES / (1024 * 1024)
            ));
        }
    }
}

/// The text of a string item (`<si>` or a cell's `<is>`) just opened, up
/// to its close: the `<t>` elements outside `<rPh>`.
pub fn string_item(xml: &mut Xml<'_>) -> Result<String, String> {
    let mut text = String::new();
    let mut depth = 1usize;
    let mut in_t = false;
    loop {
        match xml.next()? {
            Step::Open(e) => match name(&e) {
                "rPh" => xml.skip()?,
                "t" => {
                    in_t = true;
                    depth += 1;
                }
                _ => depth += 1,
            },
            Step::Close => {
                in_t = false;
                depth -= 1;
                if depth == 0 {
                    return Ok(unescape_office(text));
                }
            }
            Step::Text(t) if in_t => text.push_str(&t),
            Step::End => return Err(xml.broken("XML bị cắt giữa chừng")),
            Step::Empty(_) | Step::Text(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_relative_and_absolute() {
        assert_eq!(
            resolve("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl", "/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(resolve("xl", "../xl/./a.xml"), "xl/a.xml");
        assert_eq!(resolve("", "xl/workbook.xml"), "xl/workbook.xml");
        assert_eq!(rels_of("xl/workbook.xml"), "xl/_rels/workbook.xml.rels");
        assert_eq!(folder("xl/workbook.xml"), "xl");
    }

    #[test]
    fn rich_text_is_joined_and_phonetic_runs_skipped() {
        let sst = r#"<sst xmlns="x" count="3"><si><t xml:space="preserve"> a </t></si><si><r><rPr><b/></rPr><t>Hoằng </t></r><r><t>Trường</t></r><rPh sb="0" eb="1"><t>ホ</t></rPh></si><si/></sst>"#;
        assert_eq!(
            shared_strings(sst, "sst.xml").unwrap(),
            vec![" a ", "Hoằng Trường", ""]
        );
    }
}
