//! The template workbook: every shipped template written as `.xlsx`, read
//! back as a spreadsheet program reads it (calamine) and loaded again is
//! the same template; a bad workbook is refused with a message naming its
//! sheet, row and column.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Cursor;

use bieumau::core::catalog::{builtin_template, builtin_templates};
use bieumau::core::sheet::{Sheet, Workbook};
use bieumau::core::template::Template;
use bieumau::core::template_book::{
    as_workbook, template_from_file, template_from_workbook, template_sheets, template_workbook,
};
use bieumau::core::xlsx_read::read_workbook;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

/// A cell as the `.xlsx` reader gives it: its text, a whole number without
/// a point.
fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The `.xlsx` read by calamine into the app's `Workbook`.
pub fn read_xlsx(bytes: &[u8]) -> Workbook {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let names = book.sheet_names().to_vec();
    let sheets = names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let (end_row, end_col) = range.end().unwrap_or((0, 0));
            let mut rows: Vec<Vec<String>> = (0..=end_row)
                .map(|r| {
                    let mut row: Vec<String> = (0..=end_col)
                        .map(|c| range.get_value((r, c)).map(text).unwrap_or_default())
                        .collect();
                    while row.last().is_some_and(String::is_empty) {
                        row.pop();
                    }
                    row
                })
                .collect();
            while rows.last().is_some_and(Vec::is_empty) {
                rows.pop();
            }
            Sheet { name, rows }
        })
        .collect();
    Workbook { sheets }
}

fn with_source(mut template: Template, like: &Template) -> Template {
    template.source = like.source.clone();
    template
}

#[test]
fn every_shipped_template_reads_back_from_its_xlsx() {
    for (id, template) in builtin_templates() {
        let template = template.unwrap();
        let bytes = template_workbook(&template);
        let book = read_xlsx(&bytes);
        assert_eq!(
            book,
            as_workbook(&template_sheets(&template)),
            "{id}: the cells as written"
        );
        assert_eq!(
            read_workbook(&bytes),
            Ok(book.clone()),
            "{id}: the app's reader agrees"
        );
        let back = template_from_workbook(&book).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(with_source(back, &template), template, "{id}");
        // The way a picked file goes: its bytes, told apart by content.
        let picked = template_from_file(&bytes).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(
            with_source(picked, &template),
            template,
            "{id}: as a picked file"
        );
    }
}

#[test]
fn a_picked_file_is_read_as_json_or_as_a_workbook_by_its_content() {
    let template = builtin_template("bieu-06").unwrap();
    let json = template.source.as_bytes();
    assert_eq!(template_from_file(json), Ok(template.clone()));
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), json].concat();
    assert_eq!(template_from_file(&with_bom), Ok(template.clone()));
    let not_text = template_from_file(&[0xFF, 0xFE, 0x00, 0x7B]).unwrap_err();
    assert!(not_text.contains("không phải văn bản JSON"), "{not_text}");
    let broken_zip = template_from_file(b"PK\x03\x04 not really a zip").unwrap_err();
    assert!(!broken_zip.is_empty());
    let old_excel =
        template_from_file(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap_err();
    assert!(old_excel.contains(".xls"), "{old_excel}");
}

#[test]
fn the_workbook_has_a_sheet_per_part_with_headings_notes_and_drop_downs() {
    let template = builtin_template("xa-01b").unwrap();
    let book = read_xlsx(&template_workbook(&template));
    let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Thông tin",
            "Phần",
            "Chỉ tiêu",
            "Nhóm Trong đó",
            "Cột bảng",
            "Dòng bảng",
            "Đẳng thức bảng",
            "Giá trị tính",
            "Quy tắc",
            "Chỉ tiêu phấn đấu",
            "Đề cương",
            "Thay đổi phiên bản"
        ]
    );
    let rows = book.sheet("Chỉ tiêu").unwrap();
    assert_eq!(
        &rows.rows[0][..5],
        ["Phần", "Mã", "Nội dung", "Đơn vị tính", "Kiểu"]
    );
    assert!(rows.rows[1][1].starts_with("Mã duy nhất"));
    assert_eq!(
        &rows.rows[2][..5],
        [
            "chi-tieu",
            "1",
            "Công tác chỉ đạo điều hành CCHC",
            "",
            "heading"
        ]
    );
    let info = book.sheet("Thông tin").unwrap();
    assert_eq!(info.rows[2][..2], ["Mã biểu mẫu", "xa-01b"]);
    let groups = book.sheet("Nhóm Trong đó").unwrap();
    assert_eq!(
        groups.rows[2][..4],
        [
            "3.3.2",
            "tra-ket-qua",
            "partition",
            "theo hình thức trả kết quả"
        ]
    );
    let mut zip = zip::ZipArchive::new(Cursor::new(template_workbook(&template))).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet3.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(xml.contains("sqref=\"E3:E1000\"><formula1>&quot;heading,count,decimal,percentage,yes-no,choice,text&quot;</formula1>"), "the kind is a drop-down");
    assert!(
        xml.contains("<pane ySplit=\"2\" topLeftCell=\"A3\""),
        "headings and notes stay in view"
    );
    let province = read_xlsx(&template_workbook(&builtin_template("tinh-cchc").unwrap()));
    assert!(province.sheet("Tổng hợp").is_some() && province.sheet("Tổng hợp - cột").is_some());
}

/// `bytes` opened and saved again as `.xlsx` by LibreOffice Calc, headless.
fn saved_by_libreoffice(bytes: &[u8], name: &str) -> Vec<u8> {
    let dir = std::env::temp_dir().join(format!("bieumau-book-{name}-{}", std::process::id()));
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let source = dir.join(format!("{name}.xlsx"));
    std::fs::write(&source, bytes).unwrap();
    let status = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
        ])
        .arg(&out)
        .arg(&source)
        .output()
        .unwrap_or_else(|e| panic!("LibreOffice (soffice) is needed for this test: {e}"));
    assert!(status.status.success(), "{status:?}");
    std::fs::read(out.join(format!("{name}.xlsx"))).unwrap()
}

#[test]
fn a_workbook_saved_again_by_libreoffice_loads_with_an_edit_in_place() {
    let template = builtin_template("xa-01b").unwrap();
    let mut sheets = template_sheets(&template);
    // An edit as a province makes it: a label changed in the sheet.
    let rows = sheets.iter_mut().find(|s| s.name == "Chỉ tiêu").unwrap();
    rows.rows[3][2] = bieumau::core::export::xlsx::book::BookCell::Text(
        "Kế hoạch cải cách hành chính năm".into(),
    );
    let bytes = bieumau::core::export::xlsx::book::book_xlsx(&sheets);
    let saved = saved_by_libreoffice(&bytes, "xa-01b");
    assert_eq!(
        read_workbook(&saved),
        Ok(read_xlsx(&saved)),
        "read as calamine reads it"
    );
    let back = template_from_file(&saved).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.indicators[1].label, "Kế hoạch cải cách hành chính năm");
    let mut expected = template.clone();
    expected.indicators[1].label = "Kế hoạch cải cách hành chính năm".into();
    assert_eq!(with_source(back, &expected), expected);
    for id in ["huyen-cchc", "tinh-cchc", "bieu-06"] {
        let template = builtin_template(id).unwrap();
        let saved = saved_by_libreoffice(&template_workbook(&template), id);
        let back = template_from_file(&saved).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(with_source(back, &template), template, "{id}");
    }
}
