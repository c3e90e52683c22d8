//! The completed report as `.docx`, laid out as Decree 30/2020 asks: the
//! two-column header, "BÁO CÁO" and its subject, the narrative with its
//! headings and its live figures written as plain text, the signature
//! block beside "Nơi nhận", then each annex from a new page (landscape
//! where it is wide). A4, the decree's margins, Times New Roman 14 pt,
//! page numbers at the top from page 2.
//!
//! Written directly as WordprocessingML in the stored zip the `.xlsx` uses.
//! docx-rs is not in this build's offline registry, and it brings the zip
//! crate's deflate, measured at +84 KB gzipped for the `.xlsx`; this writer
//! costs a few KB.

mod annex;
mod parts;
mod xml;

use self::parts::package;
use self::xml::{
    paragraph, row, run, section_end, section_props, short_rule, table, Cell, Setting, BODY, BOLD,
    ITALIC, LINE, PLAIN, TEXT_WIDTH,
};
use super::zip::stored_zip;
use crate::core::eval::{EvaluatedFigures, Evaluation};
use crate::core::narrative::{paragraphs, plain};
use crate::core::outline::{PeriodWords, CLOSING};
use crate::core::period::parse_year;
use crate::core::report::Report;
use crate::core::template::Template;
use crate::core::vn_text::upper;

/// The report as a `.docx` document.
pub fn docx(template: &Template, report: &Report) -> Vec<u8> {
    let evaluation = report.evaluate(template);
    let document = document_xml(template, report, &evaluation);
    stored_zip(&package(document))
}

/// The issuer and the national motto side by side, as every official document opens.
fn header_table(report: &Report) -> String {
    let h = &report.header;
    let (left, right) = (TEXT_WIDTH * 2 / 5, TEXT_WIDTH - TEXT_WIDTH * 2 / 5);
    let centered = LINE.centered();
    let or_dots = |text: &str| {
        if text.trim().is_empty() {
            "…".to_string()
        } else {
            upper(text.trim())
        }
    };
    let number = if h.number.trim().is_empty() {
        "     "
    } else {
        h.number.trim()
    };
    let issuer = [
        paragraph(centered, &run(&or_dots(&h.parent_body), PLAIN.sized(13.0))),
        paragraph(centered, &run(&or_dots(&h.unit), BOLD.sized(13.0))),
        short_rule(left),
        paragraph(
            centered,
            &run(
                &format!("Số: {number}/{}", h.number_suffix.trim()),
                PLAIN.sized(13.0),
            ),
        ),
    ]
    .concat();
    let nation = [
        paragraph(
            centered,
            &run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", BOLD.sized(12.5)),
        ),
        paragraph(
            centered,
            &run("Độc lập - Tự do - Hạnh phúc", BOLD.sized(13.5)),
        ),
        short_rule(right),
        paragraph(centered, &run(&h.place_and_date(), ITALIC)),
    ]
    .concat();
    table(
        &[left, right],
        &row(&[Cell::new(left, issuer), Cell::new(right, nation)], false),
        false,
    )
}

/// "Nơi nhận" and its lines on the left, the signature on the right.
fn signature_table(report: &Report) -> String {
    let h = &report.header;
    let half = TEXT_WIDTH / 2;
    let mut recipients = paragraph(LINE, &run("Nơi nhận:", BOLD.sized(12.0).italic()));
    for line in h.recipients.lines().filter(|l| !l.trim().is_empty()) {
        recipients += &paragraph(LINE, &run(line.trim(), PLAIN.sized(11.0)));
    }
    let centered = LINE.centered();
    let mut signer = String::new();
    for line in [&h.signing_capacity, &h.signer_title]
        .into_iter()
        .filter(|l| !l.trim().is_empty())
    {
        signer += &paragraph(centered, &run(&upper(line.trim()), BOLD));
    }
    signer += &paragraph(centered, &run("\n\n\n", PLAIN));
    signer += &paragraph(centered, &run(h.signer.trim(), BOLD));
    // Kept with the table: the narrative's last paragraph, this space and
    // the signature's one unsplittable row share a page.
    let spaced = paragraph(LINE.kept_with_next(), "");
    spaced
        + &table(
            &[half, TEXT_WIDTH - half],
            &row(
                &[
                    Cell::new(half, recipients),
                    Cell::new(TEXT_WIDTH - half, signer),
                ],
                false,
            ),
            false,
        )
}

/// "BÁO CÁO", the subject, the opening sentence and the narrative. Its last
/// paragraph is kept with the signature after it (keepNext, and its lines
/// together), so the signature never stands alone on the last page.
fn narrative(template: &Template, report: &Report, evaluation: &Evaluation) -> String {
    let h = &report.header;
    let words = PeriodWords::new(&h.unit, &h.place, h.period, parse_year(&h.year).ok());
    let outline = &template.outline;
    let source = EvaluatedFigures {
        template,
        evaluation,
    };
    let mut out = paragraph(LINE.centered().heading(), &run("BÁO CÁO", BOLD));
    out += &paragraph(LINE.centered(), &run(&words.fill(&outline.subject), BOLD));
    out += &short_rule(TEXT_WIDTH);
    let mut body: Vec<(Setting, String)> = vec![(BODY, run(&words.fill(&outline.opening), PLAIN))];
    // Items left out are not printed; the rest are numbered on.
    let left_out = |id: &str| report.left_out.contains(id);
    let text = |id: &str| report.narrative.get(id).map_or("", String::as_str);
    for (item, heading) in outline.printed(h.period, &left_out) {
        let look = if item.depth == 2 { BOLD.italic() } else { BOLD };
        let title = if item.depth == 0 {
            upper(&heading)
        } else {
            heading
        };
        body.push((BODY.heading(), run(&title, look)));
        for p in paragraphs(text(&item.id)) {
            body.push((BODY, run(plain(p.trim(), &source).trim(), PLAIN)));
        }
    }
    // The closing paragraph, after V and before the signature; left empty,
    // the usual sentence is printed, as its hint on screen says.
    let closing = text(CLOSING);
    if closing.trim().is_empty() {
        body.push((BODY, run(&words.closing_hint(&outline.subject), PLAIN)));
    }
    for p in paragraphs(closing) {
        body.push((BODY, run(plain(p.trim(), &source).trim(), PLAIN)));
    }

    if let Some(last) = body.last_mut() {
        last.0 = last.0.kept_with_next();
    }
    for (setting, runs) in body {
        out += &paragraph(setting, &runs);
    }
    out
}

fn document_xml(template: &Template, report: &Report, evaluation: &Evaluation) -> String {
    let mut body = header_table(report);
    let has_narrative = !template.outline.is_empty();
    // Each annex is a section of its own page size; a section's properties
    // close it, in its last paragraph (the last one's in the body).
    let mut annexes: Vec<(bool, String)> = Vec::new();
    if template.sections.iter().any(|s| s.grid.is_none()) {
        let heading = annex::heading(
            &template.annex,
            &template.title,
            template.unit_note.as_deref(),
            report,
        );
        annexes.push((
            false,
            heading + &annex::indicator_table(template, report, evaluation),
        ));
    }
    for ((section, grid), grid_evaluation) in template.grids().zip(&evaluation.grids) {
        let (name, title) = section.heading(template);
        let heading = annex::heading(name, title, section.unit_note.as_deref(), report);
        annexes.push((
            section.landscape,
            heading + &annex::grid_table(section, grid, grid_evaluation, report),
        ));
    }
    if has_narrative {
        body += &narrative(template, report, evaluation);
        body += &signature_table(report);
    }
    // The first page has no number; later sections continue the count.
    let mut first = true;
    let mut previous_landscape = false;
    let count = annexes.len();
    for (i, (landscape, content)) in annexes.into_iter().enumerate() {
        if has_narrative || i > 0 {
            body += &section_end(&section_props(previous_landscape, !first));
            first = false;
        } else {
            body += &paragraph(LINE, "");
        }
        body += &content;
        if !has_narrative && i + 1 == count {
            body += &signature_table(report);
        }
        previous_landscape = landscape;
    }
    if count == 0 && !has_narrative {
        body += &signature_table(report);
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{body}{}</w:body></w:document>",
        section_props(previous_landscape, !first)
    )
}
