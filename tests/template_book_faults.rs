//! A bad template workbook, one fault at a time, with its exact message:
//! the sheet, the row and the column, in Vietnamese.
#![cfg(not(target_arch = "wasm32"))]

use bieumau::core::catalog::builtin_template;
use bieumau::core::sheet::Workbook;
use bieumau::core::template_book::{as_workbook, template_from_workbook, template_sheets};

fn xa_01b() -> Workbook {
    as_workbook(&template_sheets(&builtin_template("xa-01b").unwrap()))
}

/// Sets the cell of sheet `sheet`, row `row` (as the sheet numbers it), in
/// the column headed `heading`.
fn set(book: &mut Workbook, sheet: &str, row: usize, heading: &str, text: &str) {
    let sheet = book.sheets.iter_mut().find(|s| s.name == sheet).unwrap();
    let column = sheet.rows[0].iter().position(|h| h == heading).unwrap();
    let row = &mut sheet.rows[row - 1];
    if row.len() <= column {
        row.resize(column + 1, String::new());
    }
    row[column] = text.to_string();
}

fn fault(book: &Workbook) -> String {
    template_from_workbook(book).expect_err("the workbook is refused")
}

#[test]
fn the_unchanged_workbook_loads() {
    assert!(template_from_workbook(&xa_01b()).is_ok());
}

#[test]
fn an_unknown_code_in_a_rule() {
    let mut book = xa_01b();
    set(&mut book, "Quy tắc", 12, "Vế phải", "9.9.9");
    assert_eq!(
        fault(&book),
        "Trang \"Quy tắc\", dòng 12, cột D: mã «9.9.9» không có trong biểu mẫu"
    );
}

#[test]
fn a_kind_that_is_not_in_the_list() {
    let mut book = xa_01b();
    set(&mut book, "Chỉ tiêu", 4, "Kiểu", "số");
    assert_eq!(
        fault(&book),
        "Trang \"Chỉ tiêu\", dòng 4, cột E: «số» không hợp lệ; chọn một trong: heading, count, decimal, percentage, yes-no, choice, text"
    );
}

#[test]
fn a_duplicate_code() {
    let mut book = xa_01b();
    set(&mut book, "Chỉ tiêu", 5, "Mã", "1.1");
    assert_eq!(
        fault(&book),
        "Trang \"Chỉ tiêu\", dòng 5, cột B: mã «1.1» đã có ở dòng 4"
    );
}

#[test]
fn a_required_column_missing() {
    let mut book = xa_01b();
    set(&mut book, "Chỉ tiêu", 1, "Nội dung", "Tên");
    assert_eq!(
        fault(&book),
        "Trang \"Chỉ tiêu\", dòng 1: thiếu cột «Nội dung»"
    );
}

#[test]
fn text_where_a_number_is_expected() {
    let mut book = xa_01b();
    set(&mut book, "Thông tin", 4, "Giá trị", "hai");
    assert_eq!(
        fault(&book),
        "Trang \"Thông tin\", dòng 4, cột B: «hai» phải là một số nguyên không âm, vd. 2"
    );
    let mut book = xa_01b();
    set(&mut book, "Chỉ tiêu phấn đấu", 3, "Mức", "chín lăm");
    assert_eq!(
        fault(&book),
        "Trang \"Chỉ tiêu phấn đấu\", dòng 3, cột G: «chín lăm» phải là một số, vd. 0,5"
    );
}

#[test]
fn a_number_where_text_is_expected() {
    // Every cell of a spreadsheet is text to read: a number in a text
    // column is its text, and only a list column refuses it.
    let mut book = xa_01b();
    set(&mut book, "Chỉ tiêu", 4, "Nội dung", "2024");
    let template = template_from_workbook(&book).unwrap();
    assert_eq!(template.indicators[1].label, "2024");
    set(&mut book, "Quy tắc", 3, "Mức độ", "1");
    assert_eq!(
        fault(&book),
        "Trang \"Quy tắc\", dòng 3, cột G: «1» không hợp lệ; chọn một trong: warning, error"
    );
}

#[test]
fn a_sheet_missing() {
    let mut book = xa_01b();
    book.sheets.retain(|s| s.name != "Quy tắc");
    assert_eq!(
        fault(&book),
        "Tệp Excel thiếu trang \"Quy tắc\" của biểu mẫu; hãy tải lại mẫu Excel của biểu mẫu để có đủ các trang"
    );
}

#[test]
fn a_loader_fault_at_a_json_path_is_told_at_its_cell() {
    let mut book = xa_01b();
    set(&mut book, "Chỉ tiêu", 36, "Số lẻ", "300");
    assert_eq!(
        fault(&book),
        "Trang \"Chỉ tiêu\", dòng 36, cột F: «Số lẻ» phải là một số nguyên từ 0 đến 255"
    );
}

#[test]
fn a_loader_fault_naming_a_code_is_told_at_its_row() {
    let mut book = xa_01b();
    // 1.1.1 a breakdown of 1.1.2, which comes after it.
    set(&mut book, "Chỉ tiêu", 5, "Trong đó của", "1.1.2");
    let message = fault(&book);
    assert!(
        message.starts_with("Trang \"Chỉ tiêu\", dòng 5, cột B: Chỉ tiêu \"1.1.1\" là dòng \"Trong đó\" của \"1.1.2\""),
        "{message}"
    );
}

#[test]
fn what_spreadsheet_programs_leave_is_read() {
    let mut book = xa_01b();
    // A whole number written "2.0", a decimal comma, a code with spaces
    // around it, headings in another case, columns in another order.
    set(&mut book, "Thông tin", 4, "Giá trị", "1.0");
    set(&mut book, "Chỉ tiêu", 36, "Số lẻ", "2.0");
    set(&mut book, "Chỉ tiêu phấn đấu", 3, "Mức", "95,0");
    set(&mut book, "Quy tắc", 3, "Vế trái", " 1.1.2 ");
    let rules = book
        .sheets
        .iter_mut()
        .find(|s| s.name == "Quy tắc")
        .unwrap();
    for row in &mut rules.rows {
        row.resize(9, String::new());
        row.swap(0, 3);
    }
    rules.rows[0][1] = "VẾ  TRÁI".into();
    let original = builtin_template("xa-01b").unwrap();
    let mut back = template_from_workbook(&book).unwrap();
    back.source = original.source.clone();
    assert_eq!(back, original);
}

#[test]
fn a_roll_up_into_a_section_that_is_not_there() {
    let mut book = as_workbook(&template_sheets(&builtin_template("tinh-cchc").unwrap()));
    set(&mut book, "Tổng hợp", 3, "Giá trị", "pl9");
    assert_eq!(
        fault(&book),
        "Trang \"Tổng hợp\", dòng 3, cột B: phần «pl9» không có ở trang \"Phần\""
    );
}

#[test]
fn a_depth_out_of_bounds_is_refused_at_its_cell() {
    let mut book = xa_01b();
    set(&mut book, "Đề cương", 4, "Cấp", "3");
    assert_eq!(
        fault(&book),
        "Trang \"Đề cương\", dòng 4, cột A: cấp 3 phải ngay sau một dòng cấp 2"
    );
    set(&mut book, "Đề cương", 4, "Cấp", "100000");
    assert_eq!(
        fault(&book),
        "Trang \"Đề cương\", dòng 4, cột A: cấp phải từ 1 đến 8"
    );
}
