//! The stylesheet part: the fonts and `cellXfs` the styles need, and each
//! style's position in `cellXfs`, its `s` attribute.

use super::look::{Font, Xf, BODY, DEFAULT, TOTAL_FORMAT};
use super::names::Style;
use super::table::STYLES;

impl Style {
    /// The style's `s` attribute: its position in `cellXfs`, where 0 is the
    /// workbook's default.
    pub(crate) fn index(self) -> usize {
        STYLES
            .iter()
            .position(|(s, _)| *s == self)
            .map_or(0, |i| i + 1)
    }
}

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

pub(crate) fn styles_xml() -> String {
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
