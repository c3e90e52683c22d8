//! What the file tests share: the Hoằng Trường 2023 report of seed 001.

use bieumau::core::report::{HeaderField, Report};
use bieumau::core::template::Template;
use serde_json::Value;

/// The seed's annex figures and header, numbered 15 and dated 05/01/2024.
pub fn hoang_truong_2023(template: &Template) -> Report {
    let fixture: Value =
        serde_json::from_str(include_str!("../fixtures/hoang-truong-2023.json")).unwrap();
    let mut report = Report::new(template);
    for (code, text) in fixture["values"].as_object().unwrap() {
        report.set_value(code, text.as_str().unwrap());
    }
    for field in HeaderField::ALL {
        if let Some(v) = fixture["header"][field.key()].as_str() {
            report.header.set(field, v.to_string());
        }
    }
    report.header.number = "15".into();
    report.header.date = "2024-01-05".into();
    report
}
