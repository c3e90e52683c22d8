//! The `.xlsx` reader (core::xlsx_read) against what really writes
//! workbooks: the app's own export, LibreOffice Calc and openpyxl (fixtures
//! in tests/fixtures/xlsx, made by scripts/xlsx-fixtures.py), and files made
//! by hand for what those do not write (inline strings, cells without
//! references, rows out of order). Every cell is compared with calamine
//! reading the same bytes; each kind of fault has its message.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/khanh_son.rs"]
mod khanh_son;
mod xlsx_craft;

use std::io::Cursor;

use bieumau::core::catalog::builtin_template;
use bieumau::core::export::xlsx::xlsx;
use bieumau::core::report::Report;
use bieumau::core::sheet::{cell_name, Workbook};
use bieumau::core::xlsx_read::read_workbook;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use xlsx_craft::{workbook_parts, worksheet, zip, Entry};

/// A calamine cell as the reader gives it: numbers compared as numbers.
fn same(ours: &str, theirs: &Data) -> bool {
    let number = |f: f64| ours.parse::<f64>().is_ok_and(|n| n == f);
    match theirs {
        Data::Empty => ours.is_empty(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => ours == s,
        Data::Float(f) => number(*f),
        Data::Int(i) => number(*i as f64),
        Data::Bool(b) => ours == if *b { "TRUE" } else { "FALSE" },
        Data::DateTime(d) => number(d.as_f64()),
        Data::Error(e) => ours == e.to_string(),
    }
}

/// Reads `bytes` with both readers and compares every sheet cell by cell.
fn read_as_calamine_reads(bytes: &[u8]) -> Workbook {
    let ours = read_workbook(bytes).unwrap_or_else(|e| panic!("refused: {e}"));
    let mut theirs: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let names: Vec<String> = ours.sheets.iter().map(|s| s.name.clone()).collect();
    assert_eq!(names, theirs.sheet_names());
    for sheet in &ours.sheets {
        let range = theirs.worksheet_range(&sheet.name).unwrap();
        let (end_row, end_column) = range.end().unwrap_or_default();
        let rows = sheet.rows.len().max(end_row as usize + 1);
        let columns =
            (sheet.rows.iter().map(Vec::len).max().unwrap_or(0)).max(end_column as usize + 1);
        for r in 0..rows {
            for c in 0..columns {
                let theirs = range
                    .get_value((r as u32, c as u32))
                    .cloned()
                    .unwrap_or(Data::Empty);
                assert!(
                    same(sheet.cell(r, c), &theirs),
                    "«{}» {}: ours {:?}, calamine {theirs:?}",
                    sheet.name,
                    cell_name(r, c),
                    sheet.cell(r, c)
                );
            }
        }
        assert!(
            sheet.rows.last().is_none_or(|r| !r.is_empty()),
            "no empty trailing row"
        );
        assert!(sheet
            .rows
            .iter()
            .all(|r| r.last().is_none_or(|c| !c.is_empty())));
    }
    ours
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/xlsx/{name}")).expect("a fixture")
}

/// The exports the fixtures are made from: `XLSX_FIXTURE_OUT=dir` writes
/// them there for scripts/xlsx-fixtures.py.
fn exports() -> Vec<(&'static str, Vec<u8>)> {
    let xa = builtin_template("xa-01b").unwrap();
    let huyen = builtin_template("huyen-cchc").unwrap();
    let mut district = Report::new(&huyen);
    khanh_son::typed("pl5", &khanh_son::fixture(), &mut district);
    let files = vec![
        ("xa-01b.xlsx", xlsx(&xa, &common::hoang_truong_2023(&xa))),
        ("huyen-cchc.xlsx", xlsx(&huyen, &district)),
    ];
    if let Ok(dir) = std::env::var("XLSX_FIXTURE_OUT") {
        for (name, bytes) in &files {
            std::fs::write(format!("{dir}/{name}"), bytes).unwrap();
        }
    }
    files
}

#[test]
fn the_apps_own_exports_read_as_calamine_reads_them() {
    let exports = exports();
    let xa = read_as_calamine_reads(&exports[0].1);
    let annex = xa.sheet("Phụ lục 01b").expect("the annex sheet");
    assert_eq!(annex.cell(0, 0), "ỦY BAN NHÂN DÂN HUYỆN HOẰNG HÓA");
    let total = (annex.rows.iter()).find(|r| r.first().is_some_and(|c| c == "3.3.1"));
    assert!(
        total.is_some_and(|r| r.contains(&"1603".to_string())),
        "{total:?}"
    );
    let district = read_as_calamine_reads(&exports[1].1);
    assert!(district.sheets.len() > 1, "one sheet per annex");
}

#[test]
fn workbooks_saved_by_libreoffice_read_as_calamine_reads_them() {
    // The app's export of seed 001, opened and saved by LibreOffice Calc:
    // deflated, its own shared strings and merges.
    let xa = read_as_calamine_reads(&fixture("xa-01b.libreoffice.xlsx"));
    let annex = xa.sheet("Phụ lục 01b").expect("the annex sheet");
    assert_eq!(annex.cell(1, 0), "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG");
    read_as_calamine_reads(&fixture("huyen-cchc.libreoffice.xlsx"));
    let features = read_as_calamine_reads(&fixture("features.libreoffice.xlsx"));
    features_are_read(&features);
}

#[test]
fn workbooks_written_by_openpyxl_read_as_calamine_reads_them() {
    // openpyxl 3.1 writes every text as an inline string, rich text as
    // inline runs; LibreOffice's copy of the same sheet has shared ones.
    let features = read_as_calamine_reads(&fixture("features.openpyxl.xlsx"));
    features_are_read(&features);
}

/// What scripts/xlsx-fixtures.py put in its "Mẫu" sheet.
fn features_are_read(workbook: &Workbook) {
    let s = workbook.sheet("Mẫu").expect("the sheet");
    // Rich text, its runs joined.
    assert_eq!(s.cell(0, 0), "Chỉ tiêu in đậm và nghiêng");
    // Numbers stored as text keep their text; numbers give theirs.
    assert_eq!(s.cell(1, 0), "1.603");
    assert_eq!(s.cell(1, 1), "007");
    assert_eq!(s.cell(1, 2), "1603");
    assert_eq!(s.cell(1, 3), "99.06");
    assert_eq!(s.cell(1, 4), "TRUE");
    // A merged heading: the top-left holds the text, the rest is empty.
    assert_eq!(s.cell(2, 0), "Nhóm gộp");
    assert_eq!(s.cell(2, 1), "");
    assert_eq!(s.cell(3, 0), "");
    assert_eq!(s.cell(3, 2), "sau vùng gộp");
    // Formatted but empty rows after the last value are not rows.
    assert_eq!(s.rows.len(), 5, "{:?}", s.rows);
    assert_eq!(s.cell(4, 1), "dòng cuối");
    assert_eq!(workbook.sheets.len(), 2);
    assert!(workbook.sheets[1].rows.is_empty(), "an empty sheet");
}

#[test]
fn inline_strings_and_cells_without_references_are_placed() {
    let data = r#"<row r="4"><c r="C4" t="str"><f>A1&amp;"!"</f><v>x!</v></c></row><row r="1"><c t="inlineStr"><is><t xml:space="preserve">Ủy ban </t></is></c><c t="inlineStr"><is><r><t>Hoằng</t></r><r><rPr><b/></rPr><t xml:space="preserve"> Trường</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c><c t="e"><v>#DIV/0!</v></c><c t="b"><v>0</v></c></row><row><c><v>1.5E-3</v></c><c r="D2" t="s"><v>0</v></c></row>"#;
    let parts = workbook_parts(
        &[
            ("Trang 1", worksheet(data, "")),
            ("Trống", worksheet("", "")),
        ],
        Some(r#"<sst><si><t>dòng_x000D_ hai</t></si></sst>"#),
    );
    let workbook = read_as_calamine_reads(&zip(&parts));
    assert_eq!(
        workbook.sheets[0].rows,
        vec![
            vec!["Ủy ban ", "Hoằng Trường", "#DIV/0!", "FALSE"],
            vec!["1.5E-3", "", "", "dòng\r hai"],
            vec![],
            vec!["", "", "x!"],
        ]
    );
}

/// A workbook of one sheet around `data`, with `sst` as its shared strings.
fn one_sheet(data: &str, after: &str) -> Vec<Entry> {
    workbook_parts(
        &[("S", worksheet(data, after))],
        Some("<sst><si><t>a</t></si></sst>"),
    )
}

fn refused(bytes: &[u8], needle: &str) {
    match read_workbook(bytes) {
        Ok(w) => panic!("read, expected a refusal naming {needle:?}: {w:?}"),
        Err(e) => assert!(e.contains(needle), "{e:?} should name {needle:?}"),
    }
}

#[test]
fn each_fault_is_refused_with_its_message() {
    let good = one_sheet(r#"<row><c t="s"><v>0</v></c></row>"#, "");
    assert_eq!(
        read_workbook(&zip(&good)).unwrap().sheets[0].rows,
        vec![vec!["a"]]
    );
    refused(b"", "không phải tệp .xlsx");
    refused(b"PK\x03\x04 not really", "không phải tệp .xlsx");
    refused(
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
        "Excel cũ (.xls) hoặc tệp .xlsx đặt mật khẩu",
    );
    let with = |f: &dyn Fn(&mut Vec<Entry>)| {
        let mut parts = one_sheet(r#"<row><c t="s"><v>0</v></c></row>"#, "");
        f(&mut parts);
        zip(&parts)
    };
    refused(&with(&|p| p[2].flags |= 1), "được mã hóa");
    refused(&with(&|p| p[2].method = 12), "cách nén số 12");
    refused(&with(&|p| p[2].crc ^= 1), "sai mã kiểm tra (CRC)");
    refused(&with(&|p| p[2].size += 1), "không đúng kích thước");
    refused(&with(&|p| p[2].size = u32::MAX), "zip64");
    refused(
        &with(&|p| p.retain(|e| e.name != "xl/workbook.xml")),
        "không có phần bảng tính «xl/workbook.xml»",
    );
    refused(
        &with(&|p| p.retain(|e| !e.name.contains("sheet1"))),
        "phần «xl/worksheets/sheet1.xml» được nhắc tới",
    );
    refused(
        &with(&|p| p.retain(|e| e.name != "xl/_rels/workbook.xml.rels")),
        "chỉ tới liên kết «rId1» không có",
    );
    refused(
        &with(&|p| p.push(Entry::stored("xl/workbook.xml", b"<x/>"))),
        "có hai lần",
    );
    let bytes = zip(&good);
    // Bytes appended after the archive (as some mail gateways do) are ignored.
    let mut appended = bytes.clone();
    appended.extend_from_slice(b"\r\n-- \r\n");
    assert_eq!(read_workbook(&appended), read_workbook(&bytes));
    refused(&bytes[..bytes.len() - 30], "không phải tệp .xlsx");
    let mut shifted = bytes.clone();
    let at = shifted.len() - 6;
    shifted[at] ^= 0x40; // the directory's offset points elsewhere
    refused(&shifted, "Tệp .xlsx bị hỏng");
    refused(
        &zip(&one_sheet(r#"<row><c t="s"><v>3</v></c></row>"#, "")),
        "ô A1 của tệp .xlsx chỉ tới chuỗi dùng chung số 3 mà bảng chỉ có 1 chuỗi",
    );
    refused(
        &zip(&one_sheet(r#"<row><c r="XFE1"><v>1</v></c></row>"#, "")),
        "ô «XFE1» ngoài phạm vi",
    );
    refused(
        &zip(&one_sheet(r#"<row r="1048577"/>"#, "")),
        "dòng 1048577 ngoài phạm vi",
    );
    refused(
        &zip(&one_sheet(r#"<row><c><v>1</c></row>"#, "")),
        "XML sai cấu trúc",
    );
    refused(
        &zip(&one_sheet(
            r#"<row><c><v>1</v></c></row>"#,
            "<mergeCells><mergeCell ref=\"A1:B\"/></mergeCells>",
        )),
        "vùng gộp ô «A1:B»",
    );
    let doctype = worksheet("<row><c t=\"inlineStr\"><is><t>&a;</t></is></c></row>", "").replacen(
        "<worksheet",
        "<!DOCTYPE w [<!ENTITY a \"x\">]><worksheet",
        1,
    );
    refused(
        &zip(&workbook_parts(&[("S", doctype)], None)),
        "DOCTYPE/ENTITY",
    );
    let deep = worksheet(&format!("{}{}", "<x>".repeat(200), "</x>".repeat(200)), "");
    refused(
        &zip(&workbook_parts(&[("S", deep)], None)),
        "lồng nhau quá 100 tầng",
    );
}

#[test]
fn prefixed_elements_and_strict_relationship_types_are_read() {
    // Strict OOXML names its relationship types under purl.oclc.org, and
    // some writers prefix every element (`x:row`).
    let strict = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    let sheet = r#"<x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Phường</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"#;
    let parts = [
        Entry::deflated(
            "_rels/.rels",
            format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="{strict}/officeDocument" Target="/xl/book.xml"/></Relationships>"#).as_bytes(),
        ),
        Entry::deflated(
            "xl/book.xml",
            r#"<x:workbook xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><x:sheets><x:sheet name="Một" sheetId="1" r:id="s1"/></x:sheets></x:workbook>"#.as_bytes(),
        ),
        Entry::deflated(
            "xl/_rels/book.xml.rels",
            format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="{strict}/worksheet" Target="../xl/sheets/one.xml"/><Relationship Id="h" Type="{strict}/hyperlink" Target="http://x" TargetMode="External"/></Relationships>"#).as_bytes(),
        ),
        Entry::stored("xl/sheets/one.xml", sheet.as_bytes()),
    ];
    let workbook = read_workbook(&zip(&parts)).unwrap();
    assert_eq!(workbook.sheets[0].name, "Một");
    assert_eq!(workbook.sheets[0].rows, vec![vec![], vec!["", "Phường"]]);
}
