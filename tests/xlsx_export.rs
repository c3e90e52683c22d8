//! The downloaded files themselves: the .xlsx read back as a spreadsheet
//! program reads it (calamine), its layout checked part by part, and the
//! .csv checked line by line. Figures are the Hoằng Trường 2023 seed.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::{Cursor, Read};

use bieumau::core::catalog::builtin_template;
use bieumau::core::export::{csv::csv, xlsx::xlsx};
use bieumau::core::report::Report;
use bieumau::core::template::Template;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use serde_json::Value;

fn xa_01b() -> Template {
    builtin_template("xa-01b").unwrap()
}

fn seed_report(template: &Template) -> Report {
    let mut report = common::hoang_truong_2023(template);
    report.set_note("3.3.1", "=HYPERLINK(\"http://x\",\"bấm\")");
    report.set_note("3.4.3", "Số hồ sơ, không phải thủ tục");
    report
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn cell(range: &calamine::Range<Data>, reference: (u32, u32)) -> Data {
    range.get_value(reference).cloned().unwrap_or(Data::Empty)
}

/// The 0-based row whose first column is `stt`.
fn row_of(range: &calamine::Range<Data>, label_contains: &str) -> u32 {
    (0..range.height() as u32)
        .find(|&r| matches!(cell(range, (r, 1)), Data::String(ref s) if s.contains(label_contains)))
        .unwrap_or_else(|| panic!("no row labelled {label_contains}"))
}

#[test]
fn the_workbook_opens_and_holds_the_annex() {
    let t = xa_01b();
    let bytes = xlsx(&t, &seed_report(&t));
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(workbook.sheet_names(), vec!["Phụ lục 01b".to_string()]);
    let range = workbook.worksheet_range("Phụ lục 01b").unwrap();

    assert_eq!(
        cell(&range, (0, 0)),
        Data::String("ỦY BAN NHÂN DÂN HUYỆN HOẰNG HÓA".into())
    );
    assert_eq!(
        cell(&range, (0, 2)),
        Data::String("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into())
    );
    assert_eq!(
        cell(&range, (1, 0)),
        Data::String("ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG".into())
    );
    assert_eq!(
        cell(&range, (1, 2)),
        Data::String("Độc lập - Tự do - Hạnh phúc".into())
    );
    assert_eq!(cell(&range, (2, 0)), Data::String("Số: 15/BC-UBND".into()));
    assert_eq!(
        cell(&range, (2, 2)),
        Data::String("Hoằng Trường, ngày 05 tháng 01 năm 2024".into())
    );
    assert_eq!(cell(&range, (4, 0)), Data::String("Phụ lục 01b".into()));
    assert_eq!(cell(&range, (5, 0)), Data::String(t.title.clone()));
    assert_eq!(
        cell(&range, (6, 0)),
        Data::String(
            "(Kèm theo Báo cáo số 15/BC-UBND ngày 05/01/2024 của Ủy ban nhân dân xã Hoằng Trường)"
                .into()
        )
    );
    assert_eq!(cell(&range, (9, 0)), Data::String("STT".into()));
    assert_eq!(
        cell(&range, (9, 2)),
        Data::String("Kết quả thống kê".into())
    );
    assert_eq!(cell(&range, (10, 3)), Data::String("Số liệu".into()));
    for c in 0..5 {
        assert_eq!(cell(&range, (11, c)), Data::String(format!("({})", c + 1)));
    }

    // Values are numbers, not text.
    let received = row_of(&range, "Số lượng hồ sơ đã tiếp nhận");
    assert_eq!(cell(&range, (received, 0)), Data::String("3.3.1".into()));
    assert_eq!(cell(&range, (received, 3)), Data::Float(1603.0));
    assert_eq!(
        cell(&range, (received + 1, 0)),
        Data::String("Trong đó".into())
    );
    assert_eq!(cell(&range, (received + 2, 3)), Data::Float(2.0));
    assert_eq!(
        cell(
            &range,
            (row_of(&range, "Cộng các dòng “Trong đó” của 3.3.1"), 3)
        ),
        Data::Float(1597.0)
    );
    match cell(
        &range,
        (row_of(&range, "Tỷ lệ hồ sơ giải quyết đúng hẹn"), 3),
    ) {
        Data::Float(rate) => assert!((rate - 1588.0 / 1603.0).abs() < 1e-12),
        other => panic!("the rate is {other:?}"),
    }
    assert_eq!(
        cell(&range, (row_of(&range, "theo tiêu chuẩn ISO)"), 3)),
        Data::Float(1.0)
    );
    assert_eq!(
        cell(&range, (row_of(&range, "Hình thức khảo sát"), 3)),
        Data::Float(1.0)
    );
    assert_eq!(
        cell(
            &range,
            (row_of(&range, "Số TTHC đã thực hiện tiếp nhận"), 3)
        ),
        Data::Empty
    );

    // The note that looks like a formula is text, and no cell is a formula.
    assert_eq!(
        cell(&range, (received, 4)),
        Data::String("=HYPERLINK(\"http://x\",\"bấm\")".into())
    );
    let formulas = workbook.worksheet_formula("Phụ lục 01b").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));

    // The signature block and the recipients.
    let end = range.height() as u32;
    let strings: Vec<String> = (received..end)
        .flat_map(|r| (0..5).map(move |c| (r, c)))
        .filter_map(|p| match cell(&range, p) {
            Data::String(s) => Some(s),
            _ => None,
        })
        .collect();
    for expected in [
        "Nơi nhận:",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Lê Phạm Thảo",
        "- UBND huyện (b/c);",
        "- Lưu: VT.",
    ] {
        assert!(strings.iter().any(|s| s == expected), "missing {expected}");
    }
}

#[test]
fn layout_follows_decree_30() {
    let t = xa_01b();
    let bytes = xlsx(&t, &seed_report(&t));
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    let styles = part(&bytes, "xl/styles.xml");
    let workbook = part(&bytes, "xl/workbook.xml");
    assert!(sheet.contains(
        "<pageSetup paperSize=\"9\" orientation=\"portrait\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
    ));
    assert!(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"));
    // 30 mm left, 15 mm right, 20 mm top and bottom.
    assert!(sheet
        .contains("<pageMargins left=\"1.181\" right=\"0.591\" top=\"0.787\" bottom=\"0.787\""));
    // Page numbers as Decree 30 and the .docx put them: at the top, centred,
    // from page 2 (a first page of its own, with an empty header).
    assert!(sheet.contains(
        "<headerFooter differentFirst=\"1\"><oddHeader>&amp;C&amp;\"Times New Roman\"&amp;13&amp;P</oddHeader><firstHeader></firstHeader></headerFooter>"
    ));
    assert!(!sheet.contains("oddFooter") && !sheet.contains("Trang"));
    assert!(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Phụ lục 01b'!$10:$12</definedName>"));
    assert!(styles.matches("<name val=\"Times New Roman\"/>").count() >= 9);
    assert!(!styles.contains("Calibri") && !styles.contains("Arial"));
    // The count in 3.3.1 uses #,##0 (built-in 3), the rate 0.00% (built-in 10).
    let xfs: Vec<&str> = styles.split("<xf ").skip(2).collect();
    // Text is in the shared strings: a cell holds its number there.
    let strings = part(&bytes, "xl/sharedStrings.xml");
    let shared_ref = |needle: &str| -> Option<String> {
        let at = strings.find(needle)?;
        Some(format!(
            " t=\"s\"><v>{}</v>",
            strings[..at].matches("<si>").count() - 1
        ))
    };
    let style_of = |needle: &str| -> usize {
        // The style of the cell that holds `needle`: its own `<c … s="N">`.
        let needle = if sheet.contains(needle) {
            needle.to_string()
        } else {
            shared_ref(needle).unwrap_or_else(|| panic!("no {needle}"))
        };
        let at = sheet.find(&needle).unwrap_or_else(|| panic!("no {needle}"));
        let open = &sheet[sheet[..at].rfind("<c ").unwrap()..at];
        let s = &open[open.find(" s=\"").unwrap() + 4..];
        s[..s.find('"').unwrap()].parse().unwrap()
    };
    assert!(
        xfs[style_of("<v>1603</v>")].starts_with("numFmtId=\"3\""),
        "{}",
        xfs[style_of("<v>1603</v>")]
    );
    let rate_style = style_of("<v>0.990642545228</v>");
    assert!(xfs[rate_style].starts_with("numFmtId=\"10\""));
    // Formula-like text is marked literal, so editing it never runs it.
    let literal = style_of("=HYPERLINK(");
    assert!(xfs[literal].contains("quotePrefix=\"1\""));
    // Recipients ("- UBND huyện …") are literal too, but outside the table: no borders.
    let recipient = style_of("- UBND huyện (b/c);");
    assert!(
        xfs[recipient].contains("quotePrefix=\"1\"") && xfs[recipient].contains("borderId=\"0\""),
        "{}",
        xfs[recipient]
    );
}

#[test]
fn the_csv_file() {
    let t = xa_01b();
    let text = csv(&t, &seed_report(&t));
    assert!(text.starts_with('\u{feff}'));
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], "Mã,Chỉ tiêu,Đơn vị tính,Số liệu,Ghi chú");
    assert!(lines.contains(&"3.3.1,Số lượng hồ sơ đã tiếp nhận,Số lượng hồ sơ,1.603,\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\""));
    assert!(lines.contains(
        &"3.3.2.ty-le-dung-hen,Tỷ lệ hồ sơ giải quyết đúng hẹn (3.3.2 / 3.3.1),%,\"99,06\","
    ));
    assert!(lines.contains(&"3.4.3,Số TTHC đã tích hợp dịch vụ thanh toán trực tuyến trên Cổng dịch vụ công,Thủ tục,1.599,\"Số hồ sơ, không phải thủ tục\""));
}

/// The district bundle: Phụ lục V typed from seed 002, one sheet per annex.
fn khanh_son_report(template: &Template) -> Report {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/khanh-son-2019.json")).unwrap();
    let mut report = Report::new(template);
    let mut keys = Vec::new();
    for (n, row) in fixture["pl5"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        let key = (n + 1).to_string();
        report.set_value(&format!("pl5/{key}/c2"), row["label"].as_str().unwrap());
        for (column, text) in row["cells"].as_object().unwrap() {
            report.set_value(&format!("pl5/{key}/c{column}"), text.as_str().unwrap());
        }
        keys.push(key);
    }
    report.rows.insert("pl5".into(), keys);
    report
        .rows
        .insert("tien-do".into(), vec!["g1".into(), "1".into()]);
    report.set_value("tien-do/g1/c2", "Cải cách thể chế");
    report.set_value("tien-do/1/c2", "Hoàn thiện các quy định về đầu tư");
    report.set_value("tien-do/1/c4", "1");
    report.set_value("pl4/1/c5", "287");
    report.set_value("pl4/1/c6", "164");
    report
}

#[test]
fn the_district_workbook_has_a_sheet_per_annex_with_totals_as_numbers() {
    let t = builtin_template("huyen-cchc").unwrap();
    let bytes = xlsx(&t, &khanh_son_report(&t));
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "Bảng tổng hợp",
            "Phụ lục 1",
            "Phụ lục 2",
            "Phụ lục 3",
            "Phụ lục 4",
            "Phụ lục V",
            "Phụ lục VI"
        ]
    );
    let v = workbook.worksheet_range("Phụ lục V").unwrap();
    let total = row_of(&v, "Tổng cộng");
    let seed = [
        "1.562", "23", "1.539", "1.292", "1.278", "-", "14", "171", "164", "-", "7", "44", "31",
        "-", "13", "55",
    ];
    for (i, expected) in seed.iter().enumerate() {
        let number: f64 = if *expected == "-" {
            0.0
        } else {
            expected.replace('.', "").parse().unwrap()
        };
        assert_eq!(
            cell(&v, (total, 2 + i as u32)),
            Data::Float(number),
            "column ({})",
            3 + i
        );
    }
    let tai_nguyen = row_of(&v, "Tài nguyên");
    assert_eq!(cell(&v, (tai_nguyen, 0)), Data::String("6".into()));
    assert_eq!(cell(&v, (tai_nguyen, 2)), Data::Float(671.0));
    // The header row of column numbers, and the nested headers above it.
    let numbers = total - 12;
    assert_eq!(cell(&v, (numbers, 17)), Data::String("(18)".into()));
    assert_eq!(
        cell(&v, (numbers - 3, 2)),
        Data::String("Hồ sơ giải quyết".into())
    );
    assert_eq!(
        cell(&v, (numbers - 2, 5)),
        Data::String("Đồng ý giải quyết".into())
    );
    assert_eq!(cell(&v, (numbers - 1, 5)), Data::String("Tổng số".into()));

    let progress = workbook.worksheet_range("Bảng tổng hợp").unwrap();
    let task = row_of(&progress, "Hoàn thiện");
    assert_eq!(
        cell(&progress, (task, 3)),
        Data::String("Đã hoàn thành".into()),
        "a choice is written as its label"
    );
    assert_eq!(cell(&progress, (task - 1, 0)), Data::String("I".into()));
    let pl4 = workbook.worksheet_range("Phụ lục 4").unwrap();
    assert_eq!(
        cell(&pl4, (row_of(&pl4, "công khai đầy đủ"), 2)),
        Data::Float(451.0),
        "Tổng số is computed"
    );

    let sheet_v = part(&bytes, "xl/worksheets/sheet6.xml");
    assert!(sheet_v.contains("orientation=\"landscape\""));
    assert!(part(&bytes, "xl/worksheets/sheet3.xml").contains("orientation=\"portrait\""));
    assert!(part(&bytes, "xl/styles.xml").contains("formatCode=\"#,##0;\\-#,##0;&quot;-&quot;\""));
    let workbook_xml = part(&bytes, "xl/workbook.xml");
    assert!(workbook_xml.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"5\">'Phụ lục V'!$10:$13</definedName>"), "{workbook_xml}");
}

#[test]
fn the_district_csv_keeps_a_code_per_figure() {
    let t = builtin_template("huyen-cchc").unwrap();
    let text = csv(&t, &khanh_son_report(&t));
    assert!(text.contains("\r\npl5/6/c3,\"Phụ lục V, dòng 6 (Tài nguyên và Môi trường): (3) Tổng số\",hồ sơ,671,\r\n"), "{text}");
    assert!(text
        .contains("\r\npl5/total/c5,\"Phụ lục V, Tổng cộng: (5) Nhận trong kỳ\",hồ sơ,1.539,\r\n"));
    assert!(text.contains("\r\ntien-do/1/c4,\"Bảng tổng hợp, dòng 1 (Hoàn thiện các quy định về đầu tư): (4) Tiến độ\",,Đã hoàn thành,\r\n"));
}

/// One row model: every figure the .csv writes for a grid is the figure
/// (or label) the .xlsx holds in the same cell, a zero total is "-" in the
/// .csv and a 0 shown as "-" by the sheet's format, an invalid entry is
/// kept as typed in both, and no cell of any sheet is left unstyled.
#[test]
fn csv_and_xlsx_decide_each_cell_alike() {
    let t = builtin_template("huyen-cchc").unwrap();
    let mut report = khanh_son_report(&t);
    report.set_value("pl5/2/c4", "12 hồ sơ");
    let text = csv(&t, &report);
    assert!(text.contains("\r\npl5/2/c4,\"Phụ lục V, dòng 2"), "{text}");
    assert!(
        text.contains(": (4) Kỳ trước chuyển sang\",hồ sơ,12 hồ sơ,\r\n"),
        "an invalid entry is kept as typed: {text}"
    );
    let bytes = xlsx(&t, &report);
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let v = workbook.worksheet_range("Phụ lục V").unwrap();
    let row = (0..v.height() as u32)
        .find(|&r| cell(&v, (r, 0)) == Data::String("2".into()))
        .unwrap();
    assert_eq!(cell(&v, (row, 3)), Data::String("12 hồ sơ".into()));
    let total = row_of(&v, "Tổng cộng");
    for line in text.lines().filter(|l| l.starts_with("pl5/total/")) {
        let column: u32 = line["pl5/total/c".len()..]
            .split(',')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let figure = line.rsplit(',').nth(1).unwrap();
        let expected = if figure == "-" {
            0.0
        } else {
            figure
                .replace('.', "")
                .parse()
                .unwrap_or_else(|_| panic!("{line}"))
        };
        assert_eq!(
            cell(&v, (total, column - 1)),
            Data::Float(expected),
            "total of ({column})"
        );
    }
    assert!(
        text.lines()
            .any(|l| l.starts_with("pl5/total/") && l.ends_with(",-,")),
        "a zero total is printed \"-\": {text}"
    );
    for n in 1..=7 {
        let sheet = part(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(
            !sheet.contains(" s=\"0\""),
            "sheet {n} has a cell without a style of the table"
        );
    }
}
