//! Seed 002 (Khánh Sơn 2019): its Phụ lục V and VI as a fixture, and the
//! rows typed into a report as a clerk would, for the tests that read them.

use bieumau::core::grid::{cell_code, Grid};
use bieumau::core::report::Report;
use serde_json::Value;

/// The fixture: each annex's rows, their labels and cells.
pub fn fixture() -> Value {
    serde_json::from_str(include_str!("../fixtures/khanh-son-2019.json")).unwrap()
}

/// Types the fixture's rows of `section` into `report`, row by row.
pub fn typed(section: &str, fixture: &Value, report: &mut Report) {
    let mut keys = Vec::new();
    for row in fixture[section]["rows"].as_array().unwrap() {
        let key = Grid::next_key(&keys, false);
        report.set_value(&cell_code(section, &key, 2), row["label"].as_str().unwrap());
        for (column, text) in row["cells"].as_object().unwrap() {
            report.set_value(
                &cell_code(section, &key, column.parse().unwrap()),
                text.as_str().unwrap(),
            );
        }
        keys.push(key);
    }
    report.rows.insert(section.to_string(), keys);
}
