//! The loader's messages told at a cell. A fault of shape names a JSON
//! path («sections[2].rows[5].decimals»): the cell that field came from
//! says it, under the column's heading. A fault that names a code or an id
//! ("Chỉ tiêu \"3.3.1\" …") is told at the row that defines it. Anything
//! else names at least the sheet of its part.

use super::read::Place;
use super::tables::*;

/// The JSON path in a message: what stands between « and ».
fn quoted_path(message: &str) -> Option<(usize, usize)> {
    let start = message.find('«')?;
    let end = start + message[start..].find('»')?;
    let path = &message[start + '«'.len_utf8()..end];
    let is_path = !path.is_empty()
        && !path.contains(' ')
        && path.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    is_path.then_some((start, end + '»'.len_utf8()))
}

/// The place recorded for `path`, or for the nearest field or item holding it.
fn place_of<'a>(path: &str, places: &'a [(String, Place)]) -> Option<&'a Place> {
    places
        .iter()
        .filter(|(p, _)| {
            path == p
                || (path.starts_with(p.as_str())
                    && matches!(path.as_bytes().get(p.len()), Some(b'.' | b'[')))
        })
        .max_by_key(|(p, _)| p.len())
        .map(|(_, place)| place)
}

/// Ids in straight quotes in a message: `Chỉ tiêu "3.3.1"` → 3.3.1.
fn quoted_names(message: &str) -> impl Iterator<Item = &str> {
    message.split('"').skip(1).step_by(2)
}

fn sheet_of(message: &str) -> &'static str {
    let lower = message.to_lowercase();
    let keys: [(&str, &str); 9] = [
        ("\"changes\"", CHANGES),
        ("\"outline\"", OUTLINE),
        ("\"rollup\"", ROLLUP),
        ("quy tắc", RULES),
        ("\"rules\"", RULES),
        ("\"targets\"", TARGETS),
        ("\"computed\"", COMPUTED),
        ("phần", SECTIONS),
        ("chỉ tiêu", ROWS),
    ];
    keys.iter()
        .find(|(key, _)| lower.contains(key))
        .map_or(INFO, |(_, sheet)| sheet)
}

const TABLES: [&Table; 13] = [
    &SECTION_TABLE,
    &ROW_TABLE,
    &GROUP_TABLE,
    &GRID_COLUMN_TABLE,
    &GRID_ROW_TABLE,
    &IDENTITY_TABLE,
    &COMPUTED_TABLE,
    &RULE_TABLE,
    &TARGET_TABLE,
    &OUTLINE_TABLE,
    &ROLLUP_COLUMN_TABLE,
    &ROLLUP_KIND_TABLE,
    &CHANGE_TABLE,
];

/// The heading of the field a « thiếu trường "kind"» fault names.
fn missing_heading(sheet: &str, rest: &str) -> Option<&'static str> {
    let field = rest
        .trim()
        .strip_prefix("thiếu trường \"")?
        .strip_suffix('"')?;
    let table = TABLES.iter().find(|t| t.name == sheet)?;
    let suffix = |path: &str| path.rsplit('.').next() == Some(field) || path == field;
    table
        .columns
        .iter()
        .find(|c| suffix(c.path))
        .map(|c| c.heading)
}

/// `message` from `Template::from_json`, told where it is in the workbook.
pub(super) fn locate(
    message: &str,
    places: &[(String, Place)],
    names: &[(String, Place)],
) -> String {
    let message = message
        .strip_prefix("Tệp biểu mẫu không đọc được: ")
        .unwrap_or(message);
    if let Some((start, end)) = quoted_path(message) {
        let path = &message[start + '«'.len_utf8()..end - '»'.len_utf8()];
        if let Some(place) = place_of(path, places) {
            let rest = &message[end..];
            let said = match place.column {
                Some((_, heading)) => format!("{}«{heading}»{rest}", &message[..start]),
                None => match missing_heading(place.sheet, rest) {
                    Some(heading) => format!("thiếu «{heading}»"),
                    None => format!("{}dòng này{rest}", &message[..start]),
                },
            };
            return place.say(&said);
        }
    }
    for name in quoted_names(message) {
        if let Some((_, place)) = names.iter().find(|(n, _)| n == name && !n.is_empty()) {
            return place.say(message);
        }
    }
    format!("Trang \"{}\": {message}", sheet_of(message))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(sheet: &'static str, row: usize, column: Option<(usize, &'static str)>) -> Place {
        Place { sheet, row, column }
    }

    #[test]
    fn a_json_path_is_told_at_its_cell() {
        let places = vec![
            ("sections[0].rows[4]".to_string(), at(ROWS, 6, None)),
            (
                "sections[0].rows[4].decimals".to_string(),
                at(ROWS, 6, Some((5, "Số lẻ"))),
            ),
        ];
        assert_eq!(
            locate("Tệp biểu mẫu không đọc được: «sections[0].rows[4].decimals» phải là một số nguyên từ 0 đến 255", &places, &[]),
            "Trang \"Chỉ tiêu\", dòng 7, cột F: «Số lẻ» phải là một số nguyên từ 0 đến 255"
        );
        assert_eq!(
            locate("«sections[0].rows[4]» thiếu trường \"kind\"", &places, &[]),
            "Trang \"Chỉ tiêu\", dòng 7: thiếu «Kiểu»"
        );
    }

    #[test]
    fn a_named_code_is_told_at_its_row_and_the_rest_at_its_sheet() {
        let names = vec![("3.3.1".to_string(), at(ROWS, 11, Some((1, "Mã"))))];
        assert_eq!(
            locate("Chỉ tiêu \"3.3.1\" có kiểu lạ", &[], &names),
            "Trang \"Chỉ tiêu\", dòng 12, cột B: Chỉ tiêu \"3.3.1\" có kiểu lạ"
        );
        assert_eq!(
            locate("\"outline\" không có mục nào (\"items\")", &[], &names),
            "Trang \"Đề cương\": \"outline\" không có mục nào (\"items\")"
        );
    }
}
