//! «Không phát sinh» (nothing to report in the period) is not 0: the meter
//! counts it as done, sums, rules and rates read no number, the report
//! before's comparison skips it, and the files show «—» (the .csv an empty
//! cell), never 0. Seed 001 leaves 2.1–2.5 and 1.1.1–1.1.2 blank because
//! nothing happened.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::{Cursor, Read};

use bieumau::core::catalog::builtin_template;
use bieumau::core::eval::Before;
use bieumau::core::export::{csv::csv, docx::docx, xlsx::xlsx};
use bieumau::core::report::Report;
use bieumau::core::template::Template;
use bieumau::core::value::{FieldState, NONE_TO_REPORT};
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

fn xa_01b() -> Template {
    builtin_template("xa-01b").unwrap()
}

/// The seed with 2.1 marked by the words a clerk types, and 2.2 by the
/// button's.
fn marked_seed(template: &Template) -> Report {
    let mut report = common::hoang_truong_2023(template);
    report.set_value("2.1", "không phát sinh");
    report.set_value("2.2", NONE_TO_REPORT);
    report
}

#[test]
fn the_meter_counts_it_as_done() {
    let t = xa_01b();
    let seed = common::hoang_truong_2023(&t);
    let before = seed.evaluate(&t);
    let after = marked_seed(&t).evaluate(&t);
    assert_eq!(after.filled, before.filled + 2);
    assert_eq!(after.fillable, before.fillable);
    assert_eq!(after.states["2.1"], FieldState::NoneToReport);
    assert_eq!(
        after.issues, before.issues,
        "no message: it is neither an error nor a figure a rule reads"
    );
}

#[test]
fn sums_rules_and_rates_read_no_number() {
    let t = xa_01b();
    let mut report = Report::new(&t);
    // A parent with nothing to report and a part with a figure: the
    // breakdown waits, as it does for an empty parent.
    report.set_value("3.3.1", NONE_TO_REPORT);
    report.set_value("3.3.1.a", "3");
    report.set_value("3.3.2", "2");
    // A rate over a row with nothing to report shows nothing, not 0.
    report.set_value("1.1.1", NONE_TO_REPORT);
    report.set_value("1.1.2", "5");
    let evaluation = report.evaluate(&t);
    assert!(
        evaluation.issues.iter().all(|i| i.code != "3.3.1"),
        "{:?}",
        evaluation.issues
    );
    for (i, c) in t.computed.iter().enumerate() {
        if c.code == "1.1.ty-le-hoan-thanh" || c.code == "3.3.2.ty-le-dung-hen" {
            assert_eq!(evaluation.computed[i], None, "{}", c.code);
        }
    }
    let rows = csv(&t, &report);
    let rate = rows
        .lines()
        .find(|l| l.starts_with("1.1.ty-le-hoan-thanh,"))
        .unwrap();
    assert!(rate.ends_with(",,"), "{rate}");
}

#[test]
fn the_report_before_skips_it() {
    let t = xa_01b();
    let mut last_year = Report::new(&t);
    last_year.set_value("2.1", NONE_TO_REPORT);
    last_year.set_value("2.2", "30");
    let mut now = Report::new(&t);
    now.set_value("2.1", "100");
    now.set_value("2.2", NONE_TO_REPORT);
    let before = Before {
        change: Some((&last_year, "cùng kỳ 2022")),
        carry: None,
    };
    let evaluation = now.evaluate_against(&t, before);
    assert!(
        evaluation
            .issues
            .iter()
            .all(|i| !i.message.contains("cùng kỳ")),
        "{:?}",
        evaluation.issues
    );
    // And a real change is still one (the threshold works here).
    now.set_value("2.2", "100");
    let evaluation = now.evaluate_against(&t, before);
    assert!(evaluation
        .issues
        .iter()
        .any(|i| i.code == "2.2" && i.message.contains("cùng kỳ 2022")));
    // Beside the field: no «Cùng kỳ» figure for a row that had nothing.
    let row = t.indicators.iter().find(|i| i.code == "2.1").unwrap();
    assert_eq!(
        row.previous_shown(last_year.value("2.1"), &FieldState::Number(100.0)),
        None
    );
    let row = t.indicators.iter().find(|i| i.code == "2.2").unwrap();
    assert_eq!(
        row.previous_shown(last_year.value("2.2"), &FieldState::NoneToReport),
        Some(("30".into(), None))
    );
}

#[test]
fn the_csv_leaves_the_cell_empty() {
    let t = xa_01b();
    let text = csv(&t, &marked_seed(&t));
    for code in ["2.1", "2.2"] {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{code},")))
            .unwrap();
        assert!(line.ends_with(",Văn bản,,"), "{line}");
    }
}

#[test]
fn the_xlsx_shows_a_dash() {
    let t = xa_01b();
    let bytes = xlsx(&t, &marked_seed(&t));
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    let row_of = |stt: &str| {
        (0..range.height() as u32)
            .find(|&r| cell(r, 0) == Data::String(stt.into()))
            .unwrap_or_else(|| panic!("no row {stt}"))
    };
    for code in ["2.1", "2.2"] {
        assert_eq!(cell(row_of(code), 3), Data::String("—".into()), "{code}");
    }
    // A figure next to them is still a number.
    assert_eq!(cell(row_of("3.3.1"), 3), Data::Float(1603.0));
}

#[test]
fn the_docx_shows_a_dash() {
    let t = xa_01b();
    let bytes = docx(&t, &marked_seed(&t));
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    // The row of 2.1: its STT cell, then label, unit and the value «—».
    for code in ["2.1", "2.2"] {
        let at = xml
            .find(&format!(">{code}</w:t>"))
            .unwrap_or_else(|| panic!("no row {code}"));
        let row = &xml[at..at + xml[at..].find("</w:tr>").unwrap()];
        assert!(row.contains(">—</w:t>"), "{code}: {row}");
        assert!(!row.contains(">0</w:t>"), "{code}: {row}");
    }
}
