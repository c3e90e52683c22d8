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

mod shared;
mod sheet;
mod styles;
mod tables;

use self::shared::SharedStrings;
use self::sheet::{escape, sheet_name, SheetPart};
use self::styles::styles_xml;
use self::tables::{grid_sheet, indicator_sheet, summary_sheet};
use super::theme::{THEME, THEME_CONTENT_TYPE, THEME_RELATIONSHIP};
use super::zip::stored_zip;
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

    let sheets: String = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
                escape(&p.name),
                i + 1,
                i + 1
            )
        })
        .collect();
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
    let workbook = format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ",
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
            "<sheets>{sheets}</sheets><definedNames>{titles}</definedNames>",
            "</workbook>"
        ),
        sheets = sheets,
        titles = titles,
    );
    let overrides: String = (1..=parts.len())
        .map(|i| format!("<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
        .collect();
    let content_types = format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>",
            "{overrides}",
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>",
            "<Override PartName=\"/xl/theme/theme1.xml\" ContentType=\"{theme}\"/>",
            "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>",
            "</Types>"
        ),
        overrides = overrides,
        theme = THEME_CONTENT_TYPE,
    );
    let root_rels = concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>",
        "</Relationships>"
    );
    let sheet_rels: String = (1..=parts.len())
        .map(|i| format!("<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"))
        .collect();
    let workbook_rels = format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
            "{sheet_rels}",
            "<Relationship Id=\"rId{styles}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
            "<Relationship Id=\"rId{theme_id}\" Type=\"{theme}\" Target=\"theme/theme1.xml\"/>",
            "<Relationship Id=\"rId{strings_id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>",
            "</Relationships>"
        ),
        sheet_rels = sheet_rels,
        styles = parts.len() + 1,
        theme_id = parts.len() + 2,
        strings_id = parts.len() + 3,
        theme = THEME_RELATIONSHIP,
    );
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".to_string(),
            content_types.into_bytes(),
        ),
        ("_rels/.rels".to_string(), root_rels.as_bytes().to_vec()),
        ("xl/workbook.xml".to_string(), workbook.into_bytes()),
        (
            "xl/_rels/workbook.xml.rels".to_string(),
            workbook_rels.into_bytes(),
        ),
        ("xl/styles.xml".to_string(), styles_xml().into_bytes()),
        ("xl/theme/theme1.xml".to_string(), THEME.as_bytes().to_vec()),
    ];
    let mut shared = SharedStrings::default();
    for (i, part) in parts.into_iter().enumerate() {
        files.push((
            format!("xl/worksheets/sheet{}.xml", i + 1),
            shared.share(&part.xml).into_bytes(),
        ));
    }
    files.push((
        "xl/sharedStrings.xml".to_string(),
        shared.xml().into_bytes(),
    ));
    stored_zip(&files)
}
