//! The workbook's cell styles, by name. Each [`Style`] is defined once in
//! `STYLES` (number format, font, border, alignment); its position in
//! `cellXfs` and its font's position in `fonts` are looked up, never
//! written by hand, so adding or reordering a style cannot shift another.

/// A cell style of the workbook.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Style {
    ParentBody,
    IssuingBody,
    Nation,
    Motto,
    NumberLine,
    PlaceDate,
    AnnexName,
    Title,
    Attached,
    TableHead,
    ColumnNumber,
    CellText,
    CellHeading,
    CellCenter,
    Count,
    PercentWhole,
    Percent,
    Decimal,
    ComputedCount,
    ComputedPercent,
    ComputedLabel,
    RecipientsHead,
    Recipient,
    SigningCapacity,
    SignerName,
    CellLiteral,
    Code,
    RecipientLiteral,
    TotalCount,
    TotalLabel,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Font {
    size: u8,
    bold: bool,
    italic: bool,
}

/// One `<xf>`: what a style looks like.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Xf {
    /// A built-in number format id, or [`TOTAL_FORMAT`].
    format: u8,
    font: Font,
    border: bool,
    /// (horizontal, vertical)
    align: (&'static str, &'static str),
    wrap: bool,
    /// Text shown as typed even when it looks like a formula (quotePrefix).
    literal: bool,
}

const GENERAL: u8 = 0;
const WHOLE: u8 = 1;
const THOUSANDS: u8 = 3;
const THOUSANDS_DECIMAL: u8 = 4;
const PERCENT_WHOLE: u8 = 9;
const PERCENT: u8 = 10;
/// `#,##0;-#,##0;"-"`: a custom format, for total rows (a zero prints "-").
const TOTAL_FORMAT: u8 = 164;

/// All Times New Roman.
const BODY: Font = Font {
    size: 12,
    bold: false,
    italic: false,
};
const BODY_BOLD: Font = Font {
    size: 12,
    bold: true,
    italic: false,
};
const HEAD_BOLD: Font = Font {
    size: 13,
    bold: true,
    italic: false,
};
const HEAD: Font = Font {
    size: 13,
    bold: false,
    italic: false,
};
const HEAD_ITALIC: Font = Font {
    size: 13,
    bold: false,
    italic: true,
};
const SMALL_ITALIC: Font = Font {
    size: 11,
    bold: false,
    italic: true,
};
const BODY_ITALIC: Font = Font {
    size: 12,
    bold: false,
    italic: true,
};
const BODY_BOLD_ITALIC: Font = Font {
    size: 12,
    bold: true,
    italic: true,
};
const SMALL: Font = Font {
    size: 11,
    bold: false,
    italic: false,
};

/// Every style, in the order of `cellXfs` after the default, with its look.
const STYLES: [(Style, Xf); 30] = [
    (
        Style::ParentBody,
        Xf {
            format: GENERAL,
            font: BODY,
            border: false,
            align: ("center", "center"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::IssuingBody,
        Xf {
            format: GENERAL,
            font: BODY_BOLD,
            border: false,
            align: ("center", "center"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::Nation,
        Xf {
            format: GENERAL,
            font: BODY_BOLD,
            border: false,
            align: ("center", "center"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::Motto,
        Xf {
            format: GENERAL,
            font: HEAD_BOLD,
            border: false,
            align: ("center", "center"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::NumberLine,
        Xf {
            format: GENERAL,
            font: HEAD,
            border: false,
            align: ("center", "center"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::PlaceDate,
        Xf {
            format: GENERAL,
            font: HEAD_ITALIC,
            border: false,
            align: ("center", "center"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::AnnexName,
        Xf {
            format: GENERAL,
            font: HEAD_BOLD,
            border: false,
            align: ("center", "center"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::Title,
        Xf {
            format: GENERAL,
            font: HEAD_BOLD,
            border: false,
            align: ("center", "center"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::Attached,
        Xf {
            format: GENERAL,
            font: HEAD_ITALIC,
            border: false,
            align: ("center", "center"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::TableHead,
        Xf {
            format: GENERAL,
            font: BODY_BOLD,
            border: true,
            align: ("center", "center"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::ColumnNumber,
        Xf {
            format: GENERAL,
            font: SMALL_ITALIC,
            border: true,
            align: ("center", "center"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::CellText,
        Xf {
            format: GENERAL,
            font: BODY,
            border: true,
            align: ("left", "top"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::CellHeading,
        Xf {
            format: GENERAL,
            font: BODY_BOLD,
            border: true,
            align: ("left", "top"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::CellCenter,
        Xf {
            format: GENERAL,
            font: BODY,
            border: true,
            align: ("center", "top"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::Count,
        Xf {
            format: THOUSANDS,
            font: BODY,
            border: true,
            align: ("right", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::PercentWhole,
        Xf {
            format: PERCENT_WHOLE,
            font: BODY,
            border: true,
            align: ("right", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::Percent,
        Xf {
            format: PERCENT,
            font: BODY,
            border: true,
            align: ("right", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::Decimal,
        Xf {
            format: THOUSANDS_DECIMAL,
            font: BODY,
            border: true,
            align: ("right", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::ComputedCount,
        Xf {
            format: THOUSANDS,
            font: BODY_ITALIC,
            border: true,
            align: ("right", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::ComputedPercent,
        Xf {
            format: PERCENT,
            font: BODY_ITALIC,
            border: true,
            align: ("right", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::ComputedLabel,
        Xf {
            format: GENERAL,
            font: BODY_ITALIC,
            border: true,
            align: ("left", "top"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::RecipientsHead,
        Xf {
            format: GENERAL,
            font: BODY_BOLD_ITALIC,
            border: false,
            align: ("left", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::Recipient,
        Xf {
            format: GENERAL,
            font: SMALL,
            border: false,
            align: ("left", "top"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::SigningCapacity,
        Xf {
            format: GENERAL,
            font: HEAD_BOLD,
            border: false,
            align: ("center", "center"),
            wrap: true,
            literal: false,
        },
    ),
    (
        Style::SignerName,
        Xf {
            format: GENERAL,
            font: HEAD_BOLD,
            border: false,
            align: ("center", "center"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::CellLiteral,
        Xf {
            format: GENERAL,
            font: BODY,
            border: true,
            align: ("left", "top"),
            wrap: true,
            literal: true,
        },
    ),
    (
        Style::Code,
        Xf {
            format: WHOLE,
            font: BODY,
            border: true,
            align: ("center", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::RecipientLiteral,
        Xf {
            format: GENERAL,
            font: SMALL,
            border: false,
            align: ("left", "top"),
            wrap: true,
            literal: true,
        },
    ),
    (
        Style::TotalCount,
        Xf {
            format: TOTAL_FORMAT,
            font: BODY_BOLD,
            border: true,
            align: ("right", "top"),
            wrap: false,
            literal: false,
        },
    ),
    (
        Style::TotalLabel,
        Xf {
            format: GENERAL,
            font: BODY_BOLD,
            border: true,
            align: ("left", "top"),
            wrap: true,
            literal: false,
        },
    ),
];

impl Style {
    /// The style's `s` attribute: its position in `cellXfs`, where 0 is the
    /// workbook's default.
    pub(super) fn index(self) -> usize {
        STYLES
            .iter()
            .position(|(s, _)| *s == self)
            .map_or(0, |i| i + 1)
    }
}

const DEFAULT: Xf = Xf {
    format: GENERAL,
    font: BODY,
    border: false,
    align: ("", ""),
    wrap: false,
    literal: false,
};

/// The fonts the styles use, each once; `BODY` first, as the default.
fn fonts() -> Vec<Font> {
    let mut fonts = vec![BODY];
    for (_, xf) in STYLES {
        let font = xf.font;
        if !fonts.contains(&font) {
            fonts.push(font);
        }
    }
    fonts
}

fn xf_xml(xf: &Xf, fonts: &[Font]) -> String {
    let font = fonts.iter().position(|f| *f == xf.font).unwrap_or(0);
    let mut align = String::new();
    if !xf.align.0.is_empty() {
        align.push_str(&format!(" horizontal=\"{}\"", xf.align.0));
    }
    if !xf.align.1.is_empty() {
        align.push_str(&format!(" vertical=\"{}\"", xf.align.1));
    }
    if xf.wrap {
        align.push_str(" wrapText=\"1\"");
    }
    format!(
        "<xf numFmtId=\"{}\" fontId=\"{font}\" fillId=\"0\" borderId=\"{}\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"{}><alignment{align}/></xf>",
        xf.format,
        u8::from(xf.border),
        if xf.literal { " quotePrefix=\"1\"" } else { "" }
    )
}

pub(super) fn styles_xml() -> String {
    let fonts = fonts();
    let fonts_xml: String = fonts
        .iter()
        .map(|f| {
            format!(
                "<font>{}{}<sz val=\"{}\"/><color rgb=\"FF000000\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>",
                if f.bold { "<b/>" } else { "" },
                if f.italic { "<i/>" } else { "" },
                f.size
            )
        })
        .collect();
    let xfs: String = std::iter::once(DEFAULT)
        .chain(STYLES.iter().map(|(_, xf)| *xf))
        .map(|xf| xf_xml(&xf, &fonts))
        .collect();
    let side = |name: &str| format!("<{name} style=\"thin\"><color auto=\"1\"/></{name}>");
    format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
            "<numFmts count=\"1\"><numFmt numFmtId=\"{total}\" formatCode=\"#,##0;\\-#,##0;&quot;-&quot;\"/></numFmts>",
            "<fonts count=\"{font_count}\">{fonts}</fonts>",
            "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>",
            "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>",
            "<border>{l}{r}{t}{b}<diagonal/></border></borders>",
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
            "<cellXfs count=\"{xf_count}\">{xfs}</cellXfs>",
            "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
            "</styleSheet>"
        ),
        total = TOTAL_FORMAT,
        font_count = fonts.len(),
        fonts = fonts_xml,
        l = side("left"),
        r = side("right"),
        t = side("top"),
        b = side("bottom"),
        xf_count = STYLES.len() + 1,
        xfs = xfs,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_style_is_listed_once_and_found_by_name() {
        for (i, (style, xf)) in STYLES.iter().enumerate() {
            assert_eq!(style.index(), i + 1, "{style:?} is listed once");
            assert!(
                xf.format == GENERAL || xf.border,
                "{style:?}: figures sit in bordered table cells"
            );
        }
        let xml = styles_xml();
        assert_eq!(
            xml.matches("<xf numFmtId").count(),
            STYLES.len() + 2,
            "cellStyleXfs' one, the default and each style"
        );
        assert!(xml.contains("<fonts count=\"9\">"));
    }
}
