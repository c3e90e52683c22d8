//! `.xlsx` in the official layout (Decree 30/2020): the header block, the
//! annex title, the table with its (1) (2) … row, the signature block and
//! the recipients; Times New Roman, A4 with the decree's margins, header
//! rows repeated on every page, fitted to the page width.
//!
//! Written directly as SpreadsheetML in a stored zip. rust_xlsxwriter (with
//! its `wasm` feature) was measured at about +245 KB of gzipped wasm, over
//! twice the 120 KB allowed for this export; this writer costs a few KB.
//! Numbers are stored as numbers with built-in formats (`#,##0`, `0.00%`),
//! which a Vietnamese-locale Excel or LibreOffice shows as `1.603`, `99,06%`.

pub mod book;
mod package;
mod shared;
mod sheet;
mod styles;
mod tables;

use self::package::package;
use self::sheet::{escape, sheet_name, SheetPart};
use self::tables::{grid_sheet, indicator_sheet, summary_sheet};
use crate::core::eval::annex_of;
use crate::core::report::Report;
use crate::core::template::Template;

/// The report as an `.xlsx` workbook: one sheet for the indicator annex,
/// one per grid annex, and one for a roll-up's commune summary.
pub fn xlsx(template: &Template, report: &Report) -> Vec<u8> {
    let evaluation = report.evaluate(template);
    let mut parts: Vec<SheetPart> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let take = |annex: &str, names: &mut Vec<String>| {
        let name = sheet_name(annex, names);
        names.push(name.clone());
        name
    };
    if template.sections.iter().any(|s| s.grid.is_none()) {
        let name = take(&template.annex, &mut names);
        parts.push(indicator_sheet(template, report, &evaluation, name));
    }
    for ((section, grid), grid_evaluation) in template.grids().zip(&evaluation.grids) {
        let name = take(annex_of(template, section), &mut names);
        parts.push(grid_sheet(
            template,
            section,
            grid,
            grid_evaluation,
            report,
            name,
        ));
    }
    if let Some(summary) = &report.commune_summary {
        let name = take(&format!("Tổng hợp {}", summary.noun()), &mut names);
        parts.push(summary_sheet(summary, report, name));
    }

    let titles: String = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">'{}'!${}:${}</definedName>",
                escape(&p.name.replace('\'', "''")),
                p.head_rows.0,
                p.head_rows.1
            )
        })
        .collect();
    let sheets = parts.into_iter().map(|p| (p.name, p.xml)).collect();
    package(sheets, &format!("<definedNames>{titles}</definedNames>"))
}
