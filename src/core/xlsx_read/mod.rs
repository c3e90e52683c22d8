//! Reads an `.xlsx` file into a [`Workbook`]: every sheet, in tab order,
//! as its cells' text. A workbook is untrusted input (a province's file,
//! saved by Excel, LibreOffice or anything else), so everything here is
//! bounded ([`limits`]) and every refusal is a Vietnamese sentence; no
//! input may panic or hang it.
//!
//! The layers: the zip container ([`zip`]), quick-xml under the reader's
//! rules ([`xml`]), the parts that say where sheets are ([`parts`]), and a
//! sheet's cells ([`cells`]). What a cell holds is given as text: numbers
//! as the file writes them ("12", "1.5", "0.30000000000000004"), booleans
//! as "TRUE"/"FALSE", errors as "#DIV/0!"; the consumer parses.

mod cells;
pub mod limits;
mod parts;
mod xml;
mod zip;

use crate::core::sheet::{Sheet, Workbook};
use limits::{Budget, Room};
use parts::{folder, relationships, rels_of, Relationship};

/// What an old `.xls`, and an `.xlsx` Excel encrypted with a password,
/// start with: an OLE compound file, not a zip.
const COMPOUND_FILE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The workbook in `bytes`, or why it cannot be read.
pub fn read_workbook(bytes: &[u8]) -> Result<Workbook, String> {
    if bytes.starts_with(COMPOUND_FILE) {
        return Err("Tệp này là bảng tính Excel cũ (.xls) hoặc tệp .xlsx đặt mật khẩu. Hãy mở nó bằng Excel hoặc LibreOffice, bỏ mật khẩu nếu có, rồi lưu lại dạng .xlsx.".into());
    }
    let archive = zip::Archive::open(bytes)?;
    let mut budget = Budget::default();
    let mut read =
        |name: &str| -> Result<Option<Vec<u8>>, String> { archive.read(name, &mut budget) };
    // The package says where its workbook is; files that omit the package
    // relationships put it at the usual place.
    let workbook_part = match read("_rels/.rels")? {
        Some(bytes) => {
            let rels = relationships(xml::text(&bytes, "_rels/.rels")?, "_rels/.rels", "")?;
            find(&rels, "officeDocument").map(|r| r.target.clone())
        }
        None => None,
    }
    .unwrap_or_else(|| "xl/workbook.xml".into());
    let workbook = read(&workbook_part)?.ok_or_else(|| {
        format!("Tệp .xlsx không có phần bảng tính «{workbook_part}»: có thể đây là tệp Word hoặc PowerPoint, hoặc tệp bị hỏng.")
    })?;
    let sheets = parts::sheet_list(xml::text(&workbook, &workbook_part)?, &workbook_part)?;
    let rels_part = rels_of(&workbook_part);
    let rels = match read(&rels_part)? {
        Some(bytes) => relationships(
            xml::text(&bytes, &rels_part)?,
            &rels_part,
            folder(&workbook_part),
        )?,
        None => Vec::new(),
    };
    let shared = match find(&rels, "sharedStrings") {
        Some(r) => match read(&r.target)? {
            Some(bytes) => parts::shared_strings(xml::text(&bytes, &r.target)?, &r.target)?,
            None => return Err(missing_part(&r.target)),
        },
        None => Vec::new(),
    };
    let mut room = Room::default();
    let mut out = Workbook::default();
    for (name, id) in sheets {
        let target = rels.iter().find(|r| r.id == id).ok_or_else(|| {
            format!("Trang «{name}» của tệp .xlsx chỉ tới liên kết «{id}» không có trong tệp: tệp bị hỏng.")
        })?;
        let bytes = read(&target.target)?.ok_or_else(|| missing_part(&target.target))?;
        let text = xml::text(&bytes, &target.target)?;
        let rows = cells::read_sheet(text, &target.target, &name, &shared, &mut room)?;
        out.sheets.push(Sheet { name, rows });
    }
    Ok(out)
}

fn find<'r>(rels: &'r [Relationship], kind: &str) -> Option<&'r Relationship> {
    rels.iter().find(|r| r.kind == kind)
}

fn missing_part(part: &str) -> String {
    format!("Tệp .xlsx bị hỏng: phần «{part}» được nhắc tới nhưng không có trong tệp.")
}
