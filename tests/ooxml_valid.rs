//! Every .docx and .xlsx the app writes, checked against the Office Open
//! XML schemas by an independent validator (openxml-audit, a port of the
//! Open XML SDK's checks; `./dev.sh setup` installs it): the seed's
//! commune report (Hoằng Trường 2023), the district report of seed 002
//! (Khánh Sơn 2019) and a roll-up of commune files. A canary first: a
//! document with its table properties out of order must fail, so that the
//! check cannot pass by checking nothing.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/khanh_son.rs"]
mod khanh_son;

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use bieumau::core::catalog::builtin_template;
use bieumau::core::draft::Draft;
use bieumau::core::export::{docx::docx, xlsx::xlsx};
use bieumau::core::report::Report;
use bieumau::core::rollup::roll_up;
use bieumau::core::template::Template;
use bieumau::core::template_book::template_workbook;

/// Where the files are written, for a person to open them too.
fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ooxml-check");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The validator's violations for `files`; panics, saying how to install
/// it, when it is missing.
fn violations(files: &[PathBuf]) -> (bool, String) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/validate-ooxml.py");
    let output = Command::new(&script)
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_ne!(
        output.status.code(),
        Some(3),
        "the OOXML validator is missing: run ./dev.sh setup\n{text}"
    );
    (output.status.success(), text)
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = out_dir().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn seed_commune(template: &Template) -> Report {
    let mut report = common::hoang_truong_2023(template);
    report.narrative.insert(
        "II.2".into(),
        "Số hồ sơ đã tiếp nhận là: {3.3.1} hồ sơ.\n\n- Quá hạn: 11 hồ sơ.".into(),
    );
    report
}

fn khanh_son(template: &Template) -> Report {
    let fixture = khanh_son::fixture();
    let mut report = Report::new(template);
    report.header.year = "2019".into();
    report.header.unit = "UBND HUYỆN KHÁNH SƠN".into();
    for section in ["pl5", "pl6"] {
        khanh_son::typed(section, &fixture, &mut report);
    }
    report
}

fn rolled_up(district: &Template, commune: &Template) -> Report {
    let files: Vec<(String, String)> = ["ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG", "UBND xã Hoằng Hải"]
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            let mut draft = Draft::new(format!("id-{i}"), commune, 1.0);
            draft.report = common::hoang_truong_2023(commune);
            draft.report.header.unit = unit.to_string();
            (format!("{i}.json"), draft.to_json())
        })
        .collect();
    roll_up(district, &Report::new(district), commune, &files)
        .unwrap()
        .report
}

#[test]
fn the_validator_catches_table_properties_out_of_order() {
    let commune = builtin_template("xa-01b").unwrap();
    let good = docx(&commune, &seed_commune(&commune));
    let broken = canary(&good);
    let path = write("canary-tblLayout-before-tblBorders.docx", &broken);
    let (ok, text) = violations(&[path]);
    assert!(
        !ok,
        "the validator passed a tblPr with tblLayout before tblBorders:\n{text}"
    );
    assert!(
        text.contains("tblBorders") || text.contains("tblLayout"),
        "{text}"
    );
}

/// The document with `tblLayout` moved before `tblBorders` in its first
/// table, which the schema's order forbids.
fn canary(docx_bytes: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx_bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        if name == "word/document.xml" {
            let layout = "<w:tblLayout w:type=\"fixed\"/>";
            let without = text.replacen(layout, "", 1);
            let borders = without.find("<w:tblBorders>").expect("a ruled table");
            text = format!("{}{layout}{}", &without[..borders], &without[borders..]);
        }
        out.start_file(name, stored).unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn every_document_the_app_writes_is_valid_open_xml() {
    let commune = builtin_template("xa-01b").unwrap();
    let district = builtin_template("huyen-cchc").unwrap();
    let seed = seed_commune(&commune);
    let ks = khanh_son(&district);
    let roll = rolled_up(&district, &commune);
    let province = builtin_template("tinh-cchc").unwrap();
    let province_roll = rolled_up(&province, &commune);
    let files = vec![
        write("xa-01b_hoang-truong_nam-2023.docx", &docx(&commune, &seed)),
        write("xa-01b_hoang-truong_nam-2023.xlsx", &xlsx(&commune, &seed)),
        write("huyen-cchc_khanh-son_nam-2019.docx", &docx(&district, &ks)),
        write("huyen-cchc_khanh-son_nam-2019.xlsx", &xlsx(&district, &ks)),
        write("huyen-cchc_tong-hop.docx", &docx(&district, &roll)),
        write("huyen-cchc_tong-hop.xlsx", &xlsx(&district, &roll)),
        write("tinh-cchc_tong-hop.docx", &docx(&province, &province_roll)),
        write("tinh-cchc_tong-hop.xlsx", &xlsx(&province, &province_roll)),
        write(
            "bieu-06_trong.docx",
            &docx(
                &builtin_template("bieu-06").unwrap(),
                &Report::new(&builtin_template("bieu-06").unwrap()),
            ),
        ),
    ];
    let mut files = files;
    // Every template as the workbook «Tải biểu mẫu dạng Excel» downloads.
    for id in ["xa-01b", "huyen-cchc", "tinh-cchc", "bieu-06"] {
        let template = builtin_template(id).unwrap();
        files.push(write(
            &format!("{id}_bieu-mau.xlsx"),
            &template_workbook(&template),
        ));
    }
    let (ok, text) = violations(&files);
    assert!(ok, "the OOXML validator found violations:\n{text}");
}
