//! The package around a workbook's sheets: content types, relationships,
//! the workbook part, styles, theme and shared strings, in a stored zip.
//! The report's `.xlsx` and the template workbook (`book`) both use it.

use super::shared::SharedStrings;
use super::sheet::escape;
use super::styles::styles_xml;
use crate::core::export::theme::{THEME, THEME_CONTENT_TYPE, THEME_RELATIONSHIP};
use crate::core::export::zip::stored_zip;

/// The `.xlsx` bytes of `parts` (each a sheet's name and its worksheet
/// XML, text inline), with `defined_names` (a `<definedNames>` element or
/// nothing) in the workbook part.
pub(super) fn package(parts: Vec<(String, String)>, defined_names: &str) -> Vec<u8> {
    let sheets: String = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
                escape(&p.0),
                i + 1,
                i + 1
            )
        })
        .collect();
    let workbook = format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ",
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
            "<sheets>{sheets}</sheets>{defined_names}",
            "</workbook>"
        ),
        sheets = sheets,
        defined_names = defined_names,
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
    for (i, (_, xml)) in parts.iter().enumerate() {
        files.push((
            format!("xl/worksheets/sheet{}.xml", i + 1),
            shared.share(xml).into_bytes(),
        ));
    }
    files.push((
        "xl/sharedStrings.xml".to_string(),
        shared.xml().into_bytes(),
    ));
    stored_zip(&files)
}
