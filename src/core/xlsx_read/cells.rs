//! A worksheet's `<sheetData>` as rows of cell text. Cells are placed by
//! their `r="B5"` reference, or after the previous one when a writer leaves
//! it out; rows may come in any order. Under a merged range only the
//! top-left cell keeps its value, as a spreadsheet program shows it.

use super::limits::{Room, MAX_CELLS, MAX_CELL_TEXT_BYTES, MAX_COLUMNS, MAX_MERGE_STEPS, MAX_ROWS};
use super::xml::{name, unescape_office, Step, Xml};
use crate::core::sheet::cell_name;

/// A cell's place, rows and columns from 1 as in the file.
type Place = (u32, u32);

/// Reads one sheet's cells; `room` is what remains of the workbook's caps.
pub fn read_sheet(
    text: &str,
    part: &str,
    sheet: &str,
    shared: &[String],
    room: &mut Room,
) -> Result<Vec<Vec<String>>, String> {
    let mut xml = Xml::new(text, part);
    let mut cells: Vec<(Place, String)> = Vec::new();
    let mut merges: Vec<(Place, Place)> = Vec::new();
    let (mut row, mut column) = (0u32, 0u32);
    let too_many = || too_many_cells(sheet);
    loop {
        match xml.next()? {
            Step::Open(e) | Step::Empty(e) if name(&e) == "row" => {
                row = match xml.attr(&e, "r")? {
                    Some(r) => parse_row(&r).ok_or_else(|| outside(sheet, &format!("dòng {r}")))?,
                    None => row + 1,
                };
                if row > MAX_ROWS {
                    return Err(outside(sheet, &format!("dòng {row}")));
                }
                column = 0;
            }
            Step::Open(e) if name(&e) == "c" => {
                let place = place(xml.attr(&e, "r")?.as_deref(), row, column, sheet)?;
                (row, column) = place;
                let kind = xml.attr(&e, "t")?.map(|k| k.into_owned());
                let value = cell_value(&mut xml, kind.as_deref(), shared, sheet, place)?;
                if !value.is_empty() {
                    if cells.len() >= room.cells {
                        return Err(too_many());
                    }
                    room.text = room.text.checked_sub(value.len()).ok_or_else(|| {
                        format!(
                            "Trang «{sheet}» của tệp .xlsx có quá nhiều chữ (cả tệp tối đa {} MB trong các ô): không phải một biểu mẫu.",
                            MAX_CELL_TEXT_BYTES >> 20
                        )
                    })?;
                    cells.push((place, value));
                }
            }
            Step::Empty(e) if name(&e) == "c" => {
                (row, column) = place(xml.attr(&e, "r")?.as_deref(), row, column, sheet)?;
            }
            Step::Open(e) | Step::Empty(e) if name(&e) == "mergeCell" => {
                if let Some(range) = xml.attr(&e, "ref")? {
                    merges.push(merge_range(&range, sheet)?);
                }
            }
            Step::End => break,
            _ => {}
        }
    }
    // Later cells at one place win, as they would overwrite in a writer.
    cells.sort_by_key(|(place, _)| *place);
    cells.dedup_by(|later, earlier| {
        let same = later.0 == earlier.0;
        if same {
            std::mem::swap(&mut later.1, &mut earlier.1);
        }
        same
    });
    clear_merged(&mut cells, &merges, sheet)?;
    lay_out(cells, sheet, &mut room.cells)
}

fn too_many_cells(sheet: &str) -> String {
    format!(
        "Trang «{sheet}» của tệp .xlsx có quá nhiều ô (cả tệp tối đa {} ô): không phải một biểu mẫu.",
        crate::core::number::format_count(MAX_CELLS as f64)
    )
}

fn outside(sheet: &str, what: &str) -> String {
    format!("Trang «{sheet}» của tệp .xlsx có {what} ngoài phạm vi một bảng tính (tối đa 1.048.576 dòng, 16.384 cột).")
}

/// The place of a cell from its reference, or the next after the previous.
fn place(r: Option<&str>, row: u32, column: u32, sheet: &str) -> Result<Place, String> {
    match r {
        Some(r) => parse_ref(r).ok_or_else(|| outside(sheet, &format!("ô «{r}»"))),
        None if column >= MAX_COLUMNS => Err(outside(sheet, "một ô")),
        None => Ok((row.max(1), column + 1)),
    }
}

fn parse_row(text: &str) -> Option<u32> {
    let n: u32 = text.trim().parse().ok()?;
    (1..=MAX_ROWS).contains(&n).then_some(n)
}

/// "B5" → (5, 2); "$B$5" too; outside Excel's grid → `None`.
pub fn parse_ref(text: &str) -> Option<Place> {
    let text = text.trim().replace('$', "");
    let digits_at = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = text.split_at(digits_at);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let column = (letters.bytes()).fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row = parse_row(digits)?;
    (column <= MAX_COLUMNS).then_some((row, column))
}

/// "A1:C2" → its corners, top-left first; "A1" alone is one cell.
fn merge_range(text: &str, sheet: &str) -> Result<(Place, Place), String> {
    let (a, b) = text.split_once(':').unwrap_or((text, text));
    let bad = || outside(sheet, &format!("vùng gộp ô «{text}»"));
    let ((r1, c1), (r2, c2)) = (parse_ref(a).ok_or_else(bad)?, parse_ref(b).ok_or_else(bad)?);
    Ok(((r1.min(r2), c1.min(c2)), (r1.max(r2), c1.max(c2))))
}

/// The text of the cell just opened, by its type `t`.
fn cell_value(
    xml: &mut Xml<'_>,
    kind: Option<&str>,
    shared: &[String],
    sheet: &str,
    (row, column): Place,
) -> Result<String, String> {
    let (mut value, mut inline) = (None::<String>, None::<String>);
    loop {
        match xml.next()? {
            Step::Open(e) => match name(&e) {
                "v" => value = Some(element_text(xml)?),
                "is" => inline = Some(super::parts::string_item(xml)?),
                _ => xml.skip()?,
            },
            Step::Close => break,
            Step::End => return Err(xml.broken("XML bị cắt giữa chừng")),
            Step::Empty(_) | Step::Text(_) => {}
        }
    }
    let value = value.unwrap_or_default();
    Ok(match kind {
        Some("s") if value.trim().is_empty() => String::new(),
        Some("s") => {
            let found = value
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|i| shared.get(i));
            found.cloned().ok_or_else(|| {
                format!(
                    "Trang «{sheet}», ô {} của tệp .xlsx chỉ tới chuỗi dùng chung số {} mà bảng chỉ có {} chuỗi.",
                    cell_name(row as usize - 1, column as usize - 1),
                    value.trim(),
                    shared.len()
                )
            })?
        }
        Some("inlineStr") => inline.unwrap_or_else(|| unescape_office(value)),
        Some("str") => unescape_office(value),
        Some("b") => match value.trim() {
            "1" | "true" => "TRUE".into(),
            "0" | "false" => "FALSE".into(),
            other => other.into(),
        },
        // Numbers (absent or "n"), errors ("e": "#DIV/0!"), dates ("d"): as written.
        _ => value,
    })
}

/// The text of the element just opened, up to its close.
fn element_text(xml: &mut Xml<'_>) -> Result<String, String> {
    let mut text = String::new();
    loop {
        match xml.next()? {
            Step::Text(t) => text.push_str(&t),
            Step::Open(_) => xml.skip()?,
            Step::Close => return Ok(text),
            Step::End => return Err(xml.broken("XML bị cắt giữa chừng")),
            Step::Empty(_) => {}
        }
    }
}

/// Empties every cell a merged range covers but its top-left one. `cells`
/// is sorted by place.
fn clear_merged(
    cells: &mut [(Place, String)],
    merges: &[(Place, Place)],
    sheet: &str,
) -> Result<(), String> {
    let mut steps = 0usize;
    for &(top_left, (r2, c2)) in merges {
        let start = cells.partition_point(|(place, _)| *place < top_left);
        for ((r, c), text) in &mut cells[start..] {
            steps += 1;
            if steps > MAX_MERGE_STEPS {
                return Err(format!(
                    "Trang «{sheet}» của tệp .xlsx có quá nhiều vùng gộp ô chồng lên nhau."
                ));
            }
            if *r > r2 {
                break;
            }
            if (top_left.1..=c2).contains(c) && (*r, *c) != top_left {
                text.clear();
            }
        }
    }
    Ok(())
}

/// Rows of text from sorted non-empty cells, each row cut after its last
/// value; the empty cells before a value count against the cap too.
fn lay_out(
    cells: Vec<(Place, String)>,
    sheet: &str,
    cells_left: &mut usize,
) -> Result<Vec<Vec<String>>, String> {
    let cells: Vec<_> = cells.into_iter().filter(|(_, t)| !t.is_empty()).collect();
    let mut needed = cells.last().map_or(0, |((r, _), _)| *r as usize);
    for (i, ((r, c), _)) in cells.iter().enumerate() {
        if cells.get(i + 1).is_none_or(|((next, _), _)| next != r) {
            // Saturating: on wasm32 a million rows of 16.384 columns overflow.
            needed = needed.saturating_add(*c as usize);
        }
    }
    *cells_left = cells_left
        .checked_sub(needed)
        .ok_or_else(|| too_many_cells(sheet))?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    for ((r, c), text) in cells {
        let (r, c) = (r as usize - 1, c as usize - 1);
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        let row = &mut rows[r];
        if row.len() < c {
            row.resize_with(c, String::new);
        }
        row.push(text);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_read_within_the_grid() {
        assert_eq!(parse_ref("A1"), Some((1, 1)));
        assert_eq!(parse_ref("$ab$12"), Some((12, 28)));
        assert_eq!(parse_ref("XFD1048576"), Some((1_048_576, 16_384)));
        assert_eq!(parse_ref("XFE1"), None);
        assert_eq!(parse_ref("A1048577"), None);
        assert_eq!(parse_ref("A0"), None);
        assert_eq!(parse_ref("1A"), None);
        assert_eq!(parse_ref("ZZZZ1"), None);
    }

    fn sheet(data: &str) -> Result<Vec<Vec<String>>, String> {
        let xml = format!("<worksheet><sheetData>{data}</sheetData></worksheet>");
        read_sheet(&xml, "s.xml", "S", &["chung".into()], &mut Room::default())
    }

    #[test]
    fn cells_land_where_their_references_say() {
        let rows = sheet(
            r#"<row r="3"><c r="B3"><v>1.5</v></c></row><row r="1"><c><v>12</v></c><c t="s"><v>0</v></c><c/><c t="b"><v>1</v></c></row>"#,
        )
        .unwrap();
        assert_eq!(
            rows,
            vec![vec!["12", "chung", "", "TRUE"], vec![], vec!["", "1.5"]]
        );
        let broken = sheet(r#"<row><c t="s"><v>7</v></c></row>"#).unwrap_err();
        assert!(
            broken.contains("ô A1") && broken.contains("số 7"),
            "{broken}"
        );
    }

    #[test]
    fn a_merged_range_keeps_its_top_left_value() {
        let rows = sheet(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Đầu</t></is></c><c r="B1"><v>9</v></c><c r="D1"><v>4</v></c></row><row r="2"><c r="A2"><v>5</v></c></row></sheetData><mergeCells><mergeCell ref="A1:C2"/></mergeCells><sheetData>"#,
        )
        .unwrap();
        assert_eq!(rows, vec![vec!["Đầu", "", "", "4"]]);
    }
}
