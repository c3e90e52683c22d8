//! The .docx as a clerk prints it: LibreOffice (headless) makes a PDF,
//! poppler's pdftotext reads its pages back. A new draft with only its
//! header and a few figures ends its narrative near the foot of page 1;
//! the signature block and «Nơi nhận» must then move with the narrative's
//! last lines, never stand alone on a page.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;
use std::process::Command;

use bieumau::core::catalog::builtin_template;
use bieumau::core::export::docx::docx;

/// Each page's text (pdftotext -layout), of `bytes` printed by LibreOffice.
fn printed_pages(bytes: &[u8], name: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/docx-print")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join(format!("{name}.docx"));
    std::fs::write(&source, bytes).unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let status = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&dir)
        .arg(&source)
        .output()
        .expect("LibreOffice (soffice) is missing: run ./dev.sh setup");
    assert!(
        status.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let pdf = dir.join(format!("{name}.pdf"));
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext is missing: run ./dev.sh setup");
    let mut pages: Vec<String> = String::from_utf8_lossy(&text.stdout)
        .split('\u{c}')
        .map(str::to_string)
        .collect();
    // pdftotext ends every page with a form feed: the text after the last is no page.
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

#[test]
fn the_signature_never_stands_alone_on_a_page() {
    let t = builtin_template("xa-01b").unwrap();
    // A new draft: the seed's header and figures, no narrative typed.
    let report = common::hoang_truong_2023(&t);
    let pages = printed_pages(&docx(&t, &report), "new-draft");
    let signed = pages
        .iter()
        .position(|p| p.contains("Nơi nhận:"))
        .expect("a page with «Nơi nhận»");
    let annex = pages
        .iter()
        .position(|p| p.contains("Phụ lục 01b"))
        .expect("the annex");
    assert!(signed < annex);
    // The narrative ends near the foot of page 1, so this case tests the
    // keeping: without it the signature is alone on page 2.
    assert!(
        signed >= 1,
        "the narrative fitted page 1 with its signature; the case no longer tests the keeping"
    );
    let last = t.outline.items.last().unwrap();
    let last_heading = if last.depth == 0 {
        bieumau::core::vn_text::upper(&last.heading())
    } else {
        last.heading()
    };
    let start: String = last_heading
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let page = &pages[signed];
    assert!(
        page.contains(&start),
        "the page of «Nơi nhận» lacks the narrative's last heading {start:?}:\n{page}"
    );
    assert!(page.contains(&report.header.signer), "{page}");
    assert_no_blank_page(&pages);
}

/// No page holds only its number: the section break after the signature
/// never spills onto a page of its own.
fn assert_no_blank_page(pages: &[String]) {
    for (i, page) in pages.iter().enumerate() {
        let words = page
            .split_whitespace()
            .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
            .count();
        assert!(words > 0, "page {} of {} is blank", i + 1, pages.len());
    }
}

#[test]
fn a_new_quarter_with_a_few_figures_has_no_blank_page() {
    use bieumau::core::period::Period;
    use bieumau::core::report::Report;
    let t = builtin_template("xa-01b").unwrap();
    // As a clerk starts one: the unit in capitals, Quý I, four figures,
    // no signer, no recipients.
    let mut report = Report::new(&t);
    report.header.unit = "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG".into();
    report.header.period = Period::QuarterOne;
    report.header.year = "2024".into();
    for (code, value) in [
        ("3.3.1", "800"),
        ("3.3.2", "790"),
        ("3.1.3", "189"),
        ("3.4.3", "1599"),
    ] {
        report.set_value(code, value);
    }
    let pages = printed_pages(&docx(&t, &report), "new-quarter");
    let first = pages[0].split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        first.contains("Ủy ban nhân dân xã Hoằng Trường báo cáo"),
        "{first}"
    );
    assert_no_blank_page(&pages);
}
