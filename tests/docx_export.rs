//! The .docx read back: every part well-formed XML, and the document's
//! header, narrative, live figures, signature, annex tables (merged nested
//! headers repeated on every page) and page sizes as Decree 30 lays them out.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::{Cursor, Read};

use bieumau::core::catalog::builtin_template;
use bieumau::core::export::docx::docx;
use bieumau::core::report::Report;
use bieumau::core::template::Template;
use quick_xml::events::Event;
use quick_xml::Reader;

fn seed_report(template: &Template) -> Report {
    let mut report = common::hoang_truong_2023(template);
    report.narrative.insert(
        "II.2".into(),
        "Số hồ sơ đã tiếp nhận là: {3.3.1} hồ sơ, giải quyết đúng hạn {3.3.2} hồ sơ = {3.3.2/3.3.1}.\n\n- Quá hạn: 11 hồ sơ.".into(),
    );
    report.narrative.insert(
        "I.1".into(),
        "Ủy ban nhân dân xã đã ban hành Kế hoạch số 01/KH-UBND ngày 03-01-2023.".into(),
    );
    report
}

fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().unwrap().to_string(), text)
        })
        .collect()
}

fn part(bytes: &[u8], name: &str) -> String {
    parts(bytes)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t)
        .unwrap_or_else(|| panic!("no {name}"))
}

/// Each paragraph's text, in order; a line break as "\n". Fails on XML that is not well-formed.
fn paragraphs(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let (mut out, mut current, mut in_text) = (Vec::new(), String::new(), false);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().0 == "w:t" => in_text = true,
            Event::End(e) if e.name().0 == "w:t" => in_text = false,
            Event::Empty(e) if e.name().0 == "w:br" => current.push('\n'),
            Event::Text(t) if in_text => current.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => current.push_str(match &*r {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                _ => "?",
            }),
            Event::End(e) if e.name().0 == "w:p" => out.push(std::mem::take(&mut current)),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn well_formed(xml: &str) {
    let mut reader = Reader::from_str(xml);
    let mut depth = 0i32;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0);
}

/// The page size of each section, in order: (width, height) in twips.
fn sections(xml: &str) -> Vec<(u32, u32, bool)> {
    xml.match_indices("<w:pgSz ")
        .map(|(at, _)| {
            let tag = &xml[at..at + xml[at..].find("/>").unwrap()];
            let number = |name: &str| {
                tag.split(&format!("{name}=\""))
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
                    .parse::<u32>()
                    .unwrap()
            };
            (number("w:w"), number("w:h"), tag.contains("landscape"))
        })
        .collect()
}

#[test]
fn the_commune_report_reads_back_as_decree_30_lays_it_out() {
    let t = builtin_template("xa-01b").unwrap();
    let bytes = docx(&t, &seed_report(&t));
    for (name, xml) in parts(&bytes) {
        assert!(name.ends_with(".xml") || name.ends_with(".rels"), "{name}");
        well_formed(&xml);
    }
    let document = part(&bytes, "word/document.xml");
    let text = paragraphs(&document);
    let has = |wanted: &str| {
        assert!(
            text.iter().any(|p| p == wanted),
            "no paragraph {wanted:?} in {text:#?}"
        )
    };
    has("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    has("Độc lập - Tự do - Hạnh phúc");
    has("ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG");
    has("Số: 15/BC-UBND");
    has("Hoằng Trường, ngày 05 tháng 01 năm 2024");
    has("BÁO CÁO");
    has("Công tác cải cách hành chính năm 2023, nhiệm vụ công tác cải cách hành chính năm 2024");
    has("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH");
    has("2. Công tác kiểm tra cải cách hành chính");
    // The live figures, as plain text, and the paragraphs as typed.
    has("Số hồ sơ đã tiếp nhận là: 1.603 hồ sơ, giải quyết đúng hạn 1.588 hồ sơ = 99,06 %.");
    has("- Quá hạn: 11 hồ sơ.");
    assert!(!document.contains("{3.3.1}"));
    has("Nơi nhận:");
    // The annex after the narrative, on a page of its own.
    has("Phụ lục 01b");
    has("(Kèm theo Báo cáo số 15/BC-UBND ngày 05/01/2024 của Ủy ban nhân dân xã Hoằng Trường)");
    let annex_at = text.iter().position(|p| p == "Phụ lục 01b").unwrap();
    let signed_at = text.iter().position(|p| p == "Nơi nhận:").unwrap();
    assert!(
        signed_at < annex_at,
        "the signature closes the narrative, before the annex"
    );
    // The annex table: merged "Kết quả thống kê" over two columns, STT merged down, three header rows repeated.
    assert_eq!(document.matches("<w:tblHeader/>").count(), 3);
    assert!(document.contains("<w:gridSpan w:val=\"2\"/>"));
    assert!(document.contains("<w:vMerge w:val=\"restart\"/>"));
    for figure in ["1.603", "1.588", "99,06", "(5)"] {
        has(figure);
    }
    // Two portrait A4 sections; page 1 without its number, later pages numbered at the top.
    assert_eq!(
        sections(&document),
        [(11906, 16838, false), (11906, 16838, false)]
    );
    assert_eq!(document.matches("<w:titlePg/>").count(), 1);
    assert!(part(&bytes, "word/header1.xml").contains("PAGE"));
    assert!(part(&bytes, "word/styles.xml").contains("Times New Roman"));
}

#[test]
fn an_item_left_out_is_not_printed_and_the_closing_paragraph_comes_before_the_signature() {
    let t = builtin_template("xa-01b").unwrap();
    let mut report = seed_report(&t);
    report
        .narrative
        .insert("I.4".into(), "Hoàn thành các nhiệm vụ được giao.".into());
    let text = |report: &Report| paragraphs(&part(&docx(&t, report), "word/document.xml"));
    assert!(text(&report).contains(&"4. Thực hiện nhiệm vụ cấp trên giao".to_string()));
    report.left_out.insert("I.4".into());
    report.left_out.insert("I.2".into()); // required: a mark that is not honoured
    report.narrative.insert(
        "closing".into(),
        "Trên đây là báo cáo công tác cải cách hành chính năm 2023 của Ủy ban nhân dân xã Hoằng Trường./.".into(),
    );
    let text = text(&report);
    assert!(
        !text
            .iter()
            .any(|p| p.contains("Thực hiện nhiệm vụ cấp trên giao")
                || p.contains("Hoàn thành các nhiệm vụ được giao")),
        "{text:#?}"
    );
    assert!(text.contains(&"2. Công tác kiểm tra cải cách hành chính".to_string()));
    let closing = text
        .iter()
        .position(|p| p.starts_with("Trên đây là báo cáo"))
        .expect("the closing paragraph");
    let v = text
        .iter()
        .position(|p| p == "V. KIẾN NGHỊ, ĐỀ XUẤT")
        .unwrap();
    let signed = text.iter().position(|p| p == "Nơi nhận:").unwrap();
    assert!(
        v < closing && closing < signed,
        "V, the closing, then the signature"
    );
    // The text of an item left out is kept in the draft.
    assert!(report.narrative.get("I.4").is_some());
}

#[test]
fn a_closing_paragraph_left_empty_prints_the_usual_sentence_once() {
    let t = builtin_template("xa-01b").unwrap();
    let mut report = seed_report(&t);
    let closings = |report: &Report| {
        paragraphs(&part(&docx(&t, report), "word/document.xml"))
            .into_iter()
            .filter(|p| p.starts_with("Trên đây là báo cáo"))
            .collect::<Vec<_>>()
    };
    let usual = closings(&report);
    assert_eq!(usual.len(), 1, "{usual:#?}");
    assert!(
        usual[0].contains("năm 2023") && usual[0].ends_with("xem xét, tổng hợp./."),
        "{usual:#?}"
    );
    report
        .narrative
        .insert("closing".into(), "Trên đây là báo cáo của xã./.".into());
    assert_eq!(closings(&report), ["Trên đây là báo cáo của xã./."]);
}

#[test]
fn a_district_report_puts_its_wide_annexes_on_landscape_pages() {
    let t = builtin_template("huyen-cchc").unwrap();
    let mut r = Report::new(&t);
    r.header.year = "2019".into();
    r.header.unit = "UBND HUYỆN KHÁNH SƠN".into();
    r.rows.insert("pl5".into(), vec!["1".into(), "2".into()]);
    r.set_value("pl5/1/c2", "Tư pháp");
    r.set_value("pl5/1/c5", "100");
    r.set_value("pl5/2/c2", "Đất đai & <xây dựng>");
    r.set_value("pl5/2/c5", "71");
    let bytes = docx(&t, &r);
    let document = part(&bytes, "word/document.xml");
    well_formed(&document);
    let text = paragraphs(&document);
    assert!(
        text.iter().any(|p| p == "Đất đai & <xây dựng>"),
        "escaped and read back"
    );
    assert!(text.iter().any(|p| p == "171"), "the total of (5)");
    let pages = sections(&document);
    assert_eq!(
        pages.len(),
        1 + t.grids().count(),
        "the narrative, then one section per annex"
    );
    let landscape: Vec<bool> = pages.iter().map(|p| p.2).collect();
    let expected: Vec<bool> = std::iter::once(false)
        .chain(t.grids().map(|(s, _)| s.landscape))
        .collect();
    assert_eq!(landscape, expected);
    assert!(landscape.iter().any(|l| *l));
    assert!(pages.iter().all(|(w, h, l)| if *l {
        (*w, *h) == (16838, 11906)
    } else {
        (*w, *h) == (11906, 16838)
    }));
}

#[test]
fn an_annex_alone_has_no_narrative_and_signs_after_the_table() {
    let t = builtin_template("bieu-06").unwrap();
    assert!(t.outline.is_empty());
    let document = part(&docx(&t, &Report::new(&t)), "word/document.xml");
    let text = paragraphs(&document);
    assert!(!text.iter().any(|p| p == "BÁO CÁO"));
    let table_end = document.rfind("</w:tbl>").unwrap();
    assert!(document[..table_end].contains("(1)"));
    assert!(text.iter().position(|p| p == "Nơi nhận:").is_some());
}
