//! How a grid's cells and rows are named: a cell's code, the keys of group
//! rows and of the total row, the STT of each row (1, 2, … and I, II, …),
//! a row's name in messages and the figure of a total.

use crate::core::number::format_vn;

/// Key of a group heading row in an editable list starts with this.
pub const GROUP_PREFIX: char = 'g';
/// The key of the computed total row (a page hook).
pub const TOTAL_ROW: &str = "total";

pub fn cell_code(section: &str, row: &str, number: u32) -> String {
    // Built by hand: a 10.000-cell grid makes this code for every cell it
    // reads, and `format!` was a fifth of a whole evaluation.
    let number = number.to_string();
    let mut code = String::with_capacity(section.len() + row.len() + number.len() + 3);
    for part in [section, "/", row, "/c", &number] {
        code.push_str(part);
    }
    code
}

pub fn is_group_key(key: &str) -> bool {
    key.starts_with(GROUP_PREFIX)
}

/// "I", "II", … for group rows.
pub fn roman(mut n: usize) -> String {
    const NUMERALS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, text) in NUMERALS {
        while n >= value {
            out.push_str(text);
            n -= value;
        }
    }
    out
}

/// How a row is named in messages: "Phụ lục VI, dòng 6 (UBND xã Sơn Bình)".
pub fn row_name(annex: &str, stt: &str, label: &str) -> String {
    let label = label.trim();
    let mut name = String::new();
    if !annex.is_empty() {
        name.push_str(annex);
        name.push_str(", ");
    }
    name.push_str("dòng ");
    name.push_str(stt);
    if !label.is_empty() {
        let short: String = label.chars().take(60).collect();
        name.push_str(&format!(
            " ({short}{})",
            if short.len() < label.len() { "…" } else { "" }
        ));
    }
    name
}

/// The STT of each row: 1, 2, … for rows and I, II, … for group rows.
pub fn numbering(keys: &[String]) -> Vec<String> {
    let (mut items, mut groups) = (0, 0);
    keys.iter()
        .map(|key| {
            if is_group_key(key) {
                groups += 1;
                roman(groups)
            } else {
                items += 1;
                items.to_string()
            }
        })
        .collect()
}

/// The figure shown in a total row: a zero total is printed "-", as the
/// official tables do.
pub fn total_text(value: Option<f64>, decimals: u8) -> String {
    match value {
        Some(v) if v != 0.0 => format_vn(v, decimals),
        Some(_) => "-".to_string(),
        None => String::new(),
    }
}
