//! The `.xlsx` reader fed random bytes, mutated workbooks (their XML
//! mutated before zipping, and their zip bytes after), and the crafted
//! attacks: a zip bomb, billion laughs, a 10-million-entry shared-string
//! table, one huge shared string in many cells, a relationship to
//! nothing, deep nesting, a cell at the grid's far corner, overlapping
//! merges. Each is refused with a Vietnamese
//! message and no panic; time is bounded by the caps the refusals name.

#[path = "../xlsx_craft/mod.rs"]
mod craft;

use super::{assert_vietnamese, cases, mutate, Rng};
use bieumau::core::xlsx_read::read_workbook;
use craft::{workbook_parts, worksheet, zeros_deflated, zip, Entry};

const SHEET: &str = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Hoằng</t></r><r><t> Trường</t></r></is></c><c r="C1"><v>1603</v></c></row><row r="3"><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A1</f><v>x</v></c></row>"#;
const MERGES: &str = r#"<mergeCells count="1"><mergeCell ref="A3:B4"/></mergeCells>"#;
const SST: &str = r#"<sst count="2"><si><t>Chỉ tiêu</t></si><si><r><rPr><b/></rPr><t>in đậm</t></r><rPh><t>x</t></rPh></si></sst>"#;

/// XML that breaks readers: references, declarations, references outside
/// the grid, shared-string indexes past the table.
const XML_TOKENS: &[&str] = &[
    "<row>",
    "</row>",
    "<c r=\"XFD1048576\">",
    "<c>",
    "</c>",
    "<v>",
    "</v>",
    "t=\"s\"",
    "<v>99999</v>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&unknown;",
    "<!DOCTYPE x>",
    "<![CDATA[a]]>",
    "<?pi?>",
    "<mergeCell ref=\"A1:XFD1048576\"/>",
    "<row r=\"0\">",
    "r=\"A0\"",
    "<is><t>",
    "</t></is>",
];

fn mutate_xml(rng: &mut Rng, seed: &str) -> String {
    let mut text = mutate(rng, seed);
    for _ in 0..rng.below(3) {
        let at = (0..=rng.below(text.len() + 1))
            .rev()
            .find(|&i| text.is_char_boundary(i));
        text.insert_str(at.unwrap_or(0), XML_TOKENS[rng.below(XML_TOKENS.len())]);
    }
    text
}

fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len());
        match rng.below(4) {
            0 if at < bytes.len() => bytes[at] = rng.next() as u8,
            1 => bytes.truncate(at),
            2 if at < bytes.len() => {
                let end = (at + 1 + rng.below(64)).min(bytes.len());
                let span = bytes[at..end].to_vec();
                bytes.splice(at..at, span);
            }
            _ => bytes.insert(at.min(bytes.len()), rng.next() as u8),
        }
    }
}

fn check(bytes: &[u8]) {
    if let Err(e) = read_workbook(bytes) {
        assert_vietnamese(&e, "");
    }
}

fn refused(bytes: &[u8], needle: &str) {
    match read_workbook(bytes) {
        Ok(_) => panic!("a hostile workbook was read ({needle})"),
        Err(e) => {
            assert_vietnamese(&e, needle);
            assert!(e.contains(needle), "{e:?} should name {needle:?}");
        }
    }
}

#[test]
fn the_workbook_reader_refuses_hostile_files() {
    let mut rng = Rng(0x6A09_E667_F3BC_C908);
    let valid = zip(&workbook_parts(
        &[("S", worksheet(SHEET, MERGES))],
        Some(SST),
    ));
    assert!(read_workbook(&valid).is_ok());
    for case in 0..cases(3_000) {
        match case % 3 {
            0 => {
                let sheet = worksheet(&mutate_xml(&mut rng, SHEET), MERGES);
                let sst = mutate_xml(&mut rng, SST);
                check(&zip(&workbook_parts(&[("S", sheet)], Some(&sst))));
            }
            1 => {
                let mut bytes = valid.clone();
                mutate_bytes(&mut rng, &mut bytes);
                check(&bytes);
            }
            _ => {
                let bytes: Vec<u8> = (0..rng.below(512)).map(|_| rng.next() as u8).collect();
                let mut zipped = bytes.clone();
                zipped.extend_from_slice(&valid[valid.len() - 22..]);
                check(&bytes);
                check(&zipped);
            }
        }
    }
}

/// A workbook whose one sheet is `entry` (named as sheet 1).
fn with_sheet(entry: Entry) -> Vec<u8> {
    let mut parts = workbook_parts(&[("S", worksheet("", ""))], None);
    let at = parts
        .iter()
        .position(|e| e.name == entry.name)
        .expect("sheet 1");
    parts[at] = entry;
    zip(&parts)
}

#[test]
fn crafted_attacks_are_refused_by_their_caps() {
    let name = "xl/worksheets/sheet1.xml";
    // A zip bomb: 1 GB of zeros in about 1 MB, declared as what it is, and
    // as 1 KB (a lie: the inflater stops at 1 KB); 40 MB of zeros in 40 KB
    // declared as 40 MB, under the size cap and over the ratio.
    let claiming = |data: Vec<u8>, size: u32| Entry {
        method: 8,
        data,
        size,
        crc: 0,
        ..Entry::stored(name, b"")
    };
    let bomb = zeros_deflated(1024);
    refused(
        &with_sheet(claiming(bomb.clone(), 1 << 30)),
        "vượt giới hạn 50 MB",
    );
    refused(
        &with_sheet(claiming(bomb, 1024)),
        "không đúng kích thước khai báo",
    );
    refused(
        &with_sheet(claiming(zeros_deflated(40), 40 << 20)),
        "bom zip",
    );
    // Billion laughs: refused at its declaration, before any expansion.
    let mut laughs = String::from("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for i in 1..10 {
        laughs.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!("&lol{};", i - 1).repeat(10)
        ));
    }
    laughs.push_str("]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>");
    refused(
        &with_sheet(Entry::deflated(name, laughs.as_bytes())),
        "DOCTYPE/ENTITY",
    );
    // 10 million shared strings (120 MB of `<si><t/></si>`, deflated to
    // about 120 KB),
    // and 1.000.001 stored, under the size and ratio caps.
    let sst = |entry: Entry| {
        let mut parts = workbook_parts(&[("S", worksheet("", ""))], Some("<sst/>"));
        let at = parts
            .iter()
            .position(|e| e.name == entry.name)
            .expect("sst");
        parts[at] = entry;
        zip(&parts)
    };
    let ten_million = format!("<sst>{}</sst>", "<si><t/></si>".repeat(10_000_000));
    refused(
        &sst(Entry::deflated(
            "xl/sharedStrings.xml",
            ten_million.as_bytes(),
        )),
        "vượt giới hạn 50 MB",
    );
    let one_too_many = format!("<sst>{}</sst>", "<si/>".repeat(1_000_001));
    refused(
        &sst(Entry::stored(
            "xl/sharedStrings.xml",
            one_too_many.as_bytes(),
        )),
        "Bảng chuỗi dùng chung",
    );
    // One 10 MB shared string in 100 cells: a gigabyte of cell text.
    let big = format!("<sst><si><t>{}</t></si></sst>", "a".repeat(10 << 20));
    let cells: String = (1..=100)
        .map(|r| format!("<row r=\"{r}\"><c t=\"s\"><v>0</v></c></row>"))
        .collect();
    let mut parts = workbook_parts(&[("S", worksheet(&cells, ""))], Some("<sst/>"));
    let at = parts
        .iter()
        .position(|e| e.name == "xl/sharedStrings.xml")
        .expect("sst");
    parts[at] = Entry::stored("xl/sharedStrings.xml", big.as_bytes());
    refused(&zip(&parts), "quá nhiều chữ");
    // A sheet whose relationship points nowhere.
    let mut parts = workbook_parts(&[("S", worksheet("", ""))], None);
    let workbook = parts
        .iter_mut()
        .find(|e| e.name == "xl/workbook.xml")
        .expect("workbook");
    *workbook = Entry::deflated(
        "xl/workbook.xml",
        br#"<workbook><sheets><sheet name="S" sheetId="1" r:id="rId9"/></sheets></workbook>"#,
    );
    refused(&zip(&parts), "liên kết «rId9» không có");
    // 100.000 nested elements.
    let deep = format!("{}{}", "<x>".repeat(100_000), "</x>".repeat(100_000));
    refused(
        &with_sheet(Entry::deflated(name, worksheet(&deep, "").as_bytes())),
        "lồng nhau",
    );
    // One value at the grid's far corner: a million empty cells before it.
    let corner = worksheet(
        r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
        "",
    );
    refused(
        &with_sheet(Entry::deflated(name, corner.as_bytes())),
        "quá nhiều ô",
    );
    // 5.000 copies of one merge over 3.000 cells: 15 million steps.
    let cells: String = (1..=3_000)
        .map(|r| format!("<row r=\"{r}\"><c><v>1</v></c></row>"))
        .collect();
    let merges = format!(
        "<mergeCells>{}</mergeCells>",
        "<mergeCell ref=\"A1:XFD1048576\"/>".repeat(5_000)
    );
    refused(
        &with_sheet(Entry::deflated(name, worksheet(&cells, &merges).as_bytes())),
        "chồng lên nhau",
    );
}
