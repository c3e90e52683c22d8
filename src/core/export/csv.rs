//! `.csv`: UTF-8 with a byte-order mark, so that Excel shows Vietnamese
//! correctly; columns Mã, Chỉ tiêu, Đơn vị tính, Số liệu, Ghi chú.
//! Numbers are written the Vietnamese way, as on the form.

use super::looks_like_formula;
use super::table::{grid_lines, rows, total_line, Value};
use crate::core::eval::annex_of;
use crate::core::grid::{cell_code, row_name, TOTAL_ROW};
use crate::core::report::Report;
use crate::core::template::Template;

const BOM: &str = "\u{feff}";

/// One field: quoted when needed, and neutralised when a spreadsheet could
/// take it for a formula.
fn field(text: &str) -> String {
    let text = if looks_like_formula(text) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r', ';']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// One line: code, label, unit, value, note.
fn push_line(out: &mut String, cells: [&str; 5]) {
    out.push_str(&cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
}

/// A value as the `.csv` holds it: «Không phát sinh» is an empty cell, so
/// that a spreadsheet reading the file never takes it for a figure.
fn cell_text(value: &Value) -> String {
    match value {
        Value::NoneToReport => String::new(),
        value => value.text(),
    }
}

pub fn csv(template: &Template, report: &Report) -> String {
    let evaluation = report.evaluate(template);
    let mut out = String::from(BOM);
    out.push_str("Mã,Chỉ tiêu,Đơn vị tính,Số liệu,Ghi chú\r\n");
    for row in rows(template, report, &evaluation) {
        let unit = row.unit.replace('\n', "; ");
        push_line(
            &mut out,
            [
                &row.code,
                &row.label,
                &unit,
                &cell_text(&row.value),
                &row.note,
            ],
        );
    }
    // Grid annexes, one line per filled cell and per total: long format,
    // so that every figure keeps its own code.
    for ((section, grid), evaluation) in template.grids().zip(&evaluation.grids) {
        let annex = annex_of(template, section);
        let unit = section.unit_note.clone().unwrap_or_default();
        let mut line = |code: String, label: String, value: &Value| {
            if !matches!(value, Value::Empty | Value::NoneToReport) {
                push_line(&mut out, [&code, &label, &unit, &value.text(), ""]);
            }
        };
        for row in grid_lines(&section.id, grid, evaluation, report) {
            let name = row_name(annex, &row.stt, &row.label);
            for (column, value) in grid.columns.iter().zip(&row.cells) {
                let label = format!("{name}: ({}) {}", column.number, column.label);
                line(
                    cell_code(&section.id, &row.key, column.number),
                    label,
                    value,
                );
            }
        }
        let total = grid.total_label.as_deref().unwrap_or_default();
        for (column, value) in grid
            .columns
            .iter()
            .zip(total_line(grid, evaluation).unwrap_or_default())
        {
            let label = format!("{annex}, {total}: ({}) {}", column.number, column.label);
            line(
                cell_code(&section.id, TOTAL_ROW, column.number),
                label,
                &value,
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::xa_01b_for_tests as xa;

    #[test]
    fn escaping() {
        assert_eq!(field("1.603"), "1.603");
        assert_eq!(field("99,06"), "\"99,06\"");
        assert_eq!(field("nói \"không\""), "\"nói \"\"không\"\"\"");
        assert_eq!(field("dòng 1\ndòng 2"), "\"dòng 1\ndòng 2\"");
        assert_eq!(
            field("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("-3 hồ sơ"), "'-3 hồ sơ");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
    }

    #[test]
    fn the_annex_as_csv() {
        let t = xa();
        let mut r = Report::new(&t);
        r.set_value("3.3.1", "1.603");
        r.set_value("3.3.2", "1588");
        r.set_value("3.2.4", "99,5");
        r.set_note("3.3.1", "=1+1");
        let text = csv(&t, &r);
        assert!(text.starts_with("\u{feff}Mã,Chỉ tiêu,Đơn vị tính,Số liệu,Ghi chú\r\n"));
        assert!(
            text.contains("\r\n3.3.1,Số lượng hồ sơ đã tiếp nhận,Số lượng hồ sơ,1.603,'=1+1\r\n"),
            "{text}"
        );
        assert!(text.contains("\r\n3.2.4,Tỷ lệ TTHC đã được phê duyệt quy trình nội bộ (theo tiêu chuẩn ISO),%,\"99,5\",\r\n"));
        assert!(text.contains("\r\n3.3.2.ty-le-dung-hen,Tỷ lệ hồ sơ giải quyết đúng hẹn (3.3.2 / 3.3.1),%,\"99,06\",\r\n"));
        assert!(text.contains(
            "\r\n1.4.2,Hình thức khảo sát,\"Trực tuyến = 0; Phát phiếu = 1; Kết hợp = 2\",,\r\n"
        ));
        assert_eq!(
            text.matches("\r\n").count(),
            1 + t.indicators.len() + t.computed.len()
        );
    }
}
