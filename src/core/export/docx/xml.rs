//! WordprocessingML's few pieces this document needs: runs, paragraphs,
//! tables with merged cells, and section properties. Sizes are in
//! half-points (`sz`) and twentieths of a point (twips), as the format
//! counts them.

use crate::core::export::xml_escape;

/// A4 in twips, and the decree's margins: 20 mm top and bottom, 30 mm left, 15 mm right.
pub const A4_SHORT: u32 = 11906;
pub const A4_LONG: u32 = 16838;
const MARGIN_TOP: u32 = 1134;
const MARGIN_BOTTOM: u32 = 1134;
const MARGIN_LEFT: u32 = 1701;
const MARGIN_RIGHT: u32 = 850;
/// The width text may take on a portrait or landscape page.
pub const TEXT_WIDTH: u32 = A4_SHORT - MARGIN_LEFT - MARGIN_RIGHT;
pub const TEXT_WIDTH_WIDE: u32 = A4_LONG - MARGIN_LEFT - MARGIN_RIGHT;
/// 1,27 cm: the first line of a body paragraph.
const FIRST_LINE: u32 = 720;

/// How a run of text looks.
#[derive(Clone, Copy, Default)]
pub struct Look {
    pub bold: bool,
    pub italic: bool,
    /// Points; 0 keeps the document's 14 pt.
    pub size: f32,
}

pub const PLAIN: Look = Look {
    bold: false,
    italic: false,
    size: 0.0,
};
pub const BOLD: Look = Look {
    bold: true,
    italic: false,
    size: 0.0,
};
pub const ITALIC: Look = Look {
    bold: false,
    italic: true,
    size: 0.0,
};

impl Look {
    pub fn sized(self, size: f32) -> Look {
        Look { size, ..self }
    }
    pub fn italic(self) -> Look {
        Look {
            italic: true,
            ..self
        }
    }
}

/// A run of text; a line break in `text` is a line break in the run.
pub fn run(text: &str, look: Look) -> String {
    let mut props = String::new();
    if look.bold {
        props.push_str("<w:b/><w:bCs/>");
    }
    if look.italic {
        props.push_str("<w:i/><w:iCs/>");
    }
    if look.size > 0.0 {
        let half_points = (look.size * 2.0).round() as u32;
        props.push_str(&format!(
            "<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/>"
        ));
    }
    let props = if props.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{props}</w:rPr>")
    };
    let body: Vec<String> = text
        .split('\n')
        .map(|line| format!("<w:t xml:space=\"preserve\">{}</w:t>", xml_escape(line)))
        .collect();
    format!("<w:r>{props}{}</w:r>", body.join("<w:br/>"))
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    Both,
}

/// How a paragraph is set.
#[derive(Clone, Copy)]
pub struct Setting {
    pub align: Align,
    /// Indent the first line by 1,27 cm.
    pub first_line: bool,
    /// Space before and after, in points.
    pub before: u32,
    pub after: u32,
    /// Kept on the page of the paragraph after it (a heading).
    pub keep_next: bool,
    /// Its lines never split across pages.
    pub keep_lines: bool,
}

/// A body paragraph: justified, first line indented, 6 pt after.
pub const BODY: Setting = Setting {
    align: Align::Both,
    first_line: true,
    before: 0,
    after: 6,
    keep_next: false,
    keep_lines: false,
};
/// A line of the header or a table cell: no indent, no space.
pub const LINE: Setting = Setting {
    align: Align::Left,
    first_line: false,
    before: 0,
    after: 0,
    keep_next: false,
    keep_lines: false,
};

impl Setting {
    pub fn centered(self) -> Setting {
        Setting {
            align: Align::Center,
            first_line: false,
            ..self
        }
    }
    pub fn aligned(self, align: Align) -> Setting {
        Setting { align, ..self }
    }
    /// On the page of what follows, whole: the end of the narrative before
    /// the signature.
    pub fn kept_with_next(self) -> Setting {
        Setting {
            keep_next: true,
            keep_lines: true,
            ..self
        }
    }
    pub fn heading(self) -> Setting {
        Setting {
            keep_next: true,
            before: 6,
            after: 3,
            ..self
        }
    }
}

fn paragraph_props(setting: Setting, extra: &str) -> String {
    let align = match setting.align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Both => "both",
    };
    let indent = if setting.first_line {
        format!("<w:ind w:firstLine=\"{FIRST_LINE}\"/>")
    } else {
        String::new()
    };
    // The schema's order: keepNext, then keepLines.
    let keep = match (setting.keep_next, setting.keep_lines) {
        (true, true) => "<w:keepNext/><w:keepLines/>",
        (true, false) => "<w:keepNext/>",
        (false, true) => "<w:keepLines/>",
        (false, false) => "",
    };
    format!(
        "<w:pPr>{keep}<w:spacing w:before=\"{}\" w:after=\"{}\"/>{indent}<w:jc w:val=\"{align}\"/>{extra}</w:pPr>",
        setting.before * 20,
        setting.after * 20
    )
}

/// A paragraph of `runs` (already made with [`run`]).
pub fn paragraph(setting: Setting, runs: &str) -> String {
    format!("<w:p>{}{runs}</w:p>", paragraph_props(setting, ""))
}

/// The short rule under the issuing body and the motto: an empty paragraph
/// with a top border, narrowed to about a third of its cell.
pub fn short_rule(cell_width: u32) -> String {
    let inset = cell_width / 3;
    format!(
        "<w:p><w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"60\" w:line=\"120\" w:lineRule=\"exact\"/><w:ind w:left=\"{inset}\" w:right=\"{inset}\"/></w:pPr></w:p>"
    )
}

/// One cell: its width in twips, the columns it spans, and whether it
/// opens (`Some(true)`) or continues (`Some(false)`) a vertical merge.
pub struct Cell {
    pub width: u32,
    pub span: usize,
    pub merge: Option<bool>,
    /// Its paragraphs, already made.
    pub content: String,
}

impl Cell {
    pub fn new(width: u32, content: String) -> Cell {
        Cell {
            width,
            span: 1,
            merge: None,
            content,
        }
    }
}

fn cell_xml(cell: &Cell) -> String {
    let span = if cell.span > 1 {
        format!("<w:gridSpan w:val=\"{}\"/>", cell.span)
    } else {
        String::new()
    };
    let merge = match cell.merge {
        Some(true) => "<w:vMerge w:val=\"restart\"/>",
        Some(false) => "<w:vMerge/>",
        None => "",
    };
    // A cell must hold a paragraph, even a continued merge.
    let content = if cell.content.is_empty() {
        "<w:p/>".to_string()
    } else {
        cell.content.clone()
    };
    format!("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{span}{merge}<w:vAlign w:val=\"center\"/></w:tcPr>{content}</w:tc>", cell.width)
}

/// A row; a header row repeats at the top of every page the table spans.
pub fn row(cells: &[Cell], header: bool) -> String {
    let props = if header {
        "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
    } else {
        "<w:trPr><w:cantSplit/></w:trPr>"
    };
    format!(
        "<w:tr>{props}{}</w:tr>",
        cells.iter().map(cell_xml).collect::<String>()
    )
}

/// A table of fixed column widths, ruled or not. The properties follow the
/// schema's order (tblW, tblBorders, tblLayout, tblCellMar): Word repairs a
/// file whose `tblLayout` comes before `tblBorders`.
pub fn table(widths: &[u32], rows: &str, ruled: bool) -> String {
    let total: u32 = widths.iter().sum();
    let grid: String = widths
        .iter()
        .map(|w| format!("<w:gridCol w:w=\"{w}\"/>"))
        .collect();
    let line = if ruled { "single" } else { "nil" };
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|side| {
            format!("<w:{side} w:val=\"{line}\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>")
        })
        .collect();
    format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
    )
}

/// A section's page: A4 portrait or landscape with the decree's margins,
/// the page number at the top (`numbered_first` false leaves page 1 bare).
pub fn section_props(landscape: bool, numbered_first: bool) -> String {
    let (w, h, orient) = if landscape {
        (A4_LONG, A4_SHORT, " w:orient=\"landscape\"")
    } else {
        (A4_SHORT, A4_LONG, "")
    };
    let title_page = if numbered_first { "" } else { "<w:titlePg/>" };
    format!(
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdPage\"/><w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/><w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_LEFT}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>{title_page}</w:sectPr>"
    )
}

/// The paragraph that ends a section (the next starts on a new page).
/// The paragraph that ends a section: one twip high, so that a section
/// whose last table (the signature) ends at the foot of a page does not
/// spill an empty page before the next section.
pub fn section_end(props: &str) -> String {
    format!(
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/></w:rPr>{props}</w:pPr></w:p>"
    )
}
