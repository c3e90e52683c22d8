//! What a column is: its kind of cell, heading, note and path; the
//! choice lists and the sheets' names.
/// How a cell holds its field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    /// Text as typed (labels, titles, messages).
    Text,
    /// A code or id: text, spaces around it dropped.
    Code,
    /// A whole number from 0.
    Int,
    /// Any number (a comma or a point before the decimals).
    Num,
    /// «có» or empty.
    Bool,
    /// Codes separated by ", ".
    Codes,
    /// Column numbers separated by ", ".
    Numbers,
    /// Choices, one a line: `1 = Trực tiếp`.
    Options,
    /// Codes renamed, separated by ", ": `1.2 → 1.2a`.
    Renames,
    /// One of a list (a drop-down).
    Pick(&'static [&'static str]),
    /// Several of a list, separated by ", ".
    Picks(&'static [&'static str]),
}

pub(crate) struct Column {
    pub heading: &'static str,
    pub note: &'static str,
    pub path: &'static str,
    pub kind: Kind,
    /// The column must be there (its field is required, or it places the row).
    pub required: bool,
    pub width: f64,
}

/// A sheet of one row per item.
pub(crate) struct Table {
    pub name: &'static str,
    pub columns: &'static [Column],
}

pub(crate) const fn col(
    heading: &'static str,
    path: &'static str,
    kind: Kind,
    required: bool,
    width: f64,
    note: &'static str,
) -> Column {
    Column {
        heading,
        note,
        path,
        kind,
        required,
        width,
    }
}

pub(crate) use Kind::*;

pub(crate) use crate::core::template_file::ROW_KINDS;
pub(crate) const COLUMN_KINDS: &[&str] = &[
    "stt",
    "label",
    "count",
    "decimal",
    "percentage",
    "text",
    "choice",
    "sum",
];
pub(crate) const SECTION_KINDS: &[&str] = &["chỉ tiêu", "bảng"];
pub(crate) const GRID: &str = "bảng";
pub(crate) const SPLITS: &[&str] = &["parts", "partition"];
pub(crate) const OPS: &[&str] = &["=", "<=", ">=", "≤", "≥"];
pub(crate) const SEVERITIES: &[&str] = &["warning", "error"];
pub(crate) const MISSING: &[&str] = &["wait", "zero"];
pub(crate) const LEVELS: &[&str] = &["two", "three"];
pub(crate) const PERIODS: &[&str] = &["quy-1", "6-thang", "quy-3", "9-thang", "nam"];
pub(crate) const BOOLS: &[&str] = &["có", "không"];

pub(crate) const INFO: &str = "Thông tin";
pub(crate) const SECTIONS: &str = "Phần";
pub(crate) const ROWS: &str = "Chỉ tiêu";
pub(crate) const GROUPS: &str = "Nhóm Trong đó";
pub(crate) const GRID_COLUMNS: &str = "Cột bảng";
pub(crate) const GRID_ROWS: &str = "Dòng bảng";
pub(crate) const IDENTITIES: &str = "Đẳng thức bảng";
pub(crate) const COMPUTED: &str = "Giá trị tính";
pub(crate) const RULES: &str = "Quy tắc";
pub(crate) const TARGETS: &str = "Chỉ tiêu phấn đấu";
pub(crate) const OUTLINE: &str = "Đề cương";
pub(crate) const ROLLUP: &str = "Tổng hợp";
pub(crate) const ROLLUP_COLUMNS: &str = "Tổng hợp - cột";
pub(crate) const ROLLUP_KINDS: &str = "Tổng hợp - theo loại";
pub(crate) const CHANGES: &str = "Thay đổi phiên bản";

/// The settings sheet and the roll-up's: one row per field, «Mục» (the
/// field's name), «Giá trị», «Ghi chú». Paths are from the file's root.
pub(crate) struct Field {
    pub label: &'static str,
    pub path: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub note: &'static str,
}

pub(crate) const fn field(
    label: &'static str,
    path: &'static str,
    kind: Kind,
    required: bool,
    note: &'static str,
) -> Field {
    Field {
        label,
        path,
        kind,
        required,
        note,
    }
}

pub(crate) const FIELD_HEADINGS: [&str; 3] = ["Mục", "Giá trị", "Ghi chú"];

pub(crate) const CODE_NOTE: &str = "Mã duy nhất; không có dấu cách, \"/\" hay \":\".";
pub(crate) const CODES_NOTE: &str = "Các mã cách nhau bằng \", \".";
