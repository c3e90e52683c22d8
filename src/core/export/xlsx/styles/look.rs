//! What a cell style is made of: its font, number format, border and
//! alignment (one `<xf>`); the fonts and built-in number formats the
//! styles use, and the workbook's default look.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Font {
    pub(super) size: u8,
    pub(super) bold: bool,
    pub(super) italic: bool,
}

/// One `<xf>`: what a style looks like.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Xf {
    /// A built-in number format id, or [`TOTAL_FORMAT`].
    pub(super) format: u8,
    pub(super) font: Font,
    pub(super) border: bool,
    /// (horizontal, vertical)
    pub(super) align: (&'static str, &'static str),
    pub(super) wrap: bool,
    /// Text shown as typed even when it looks like a formula (quotePrefix).
    pub(super) literal: bool,
}

pub(super) const GENERAL: u8 = 0;
pub(super) const WHOLE: u8 = 1;
pub(super) const THOUSANDS: u8 = 3;
pub(super) const THOUSANDS_DECIMAL: u8 = 4;
pub(super) const PERCENT_WHOLE: u8 = 9;
pub(super) const PERCENT: u8 = 10;
/// `@`: what is typed stays text, as typed (no `2.10` → 2,1, no `1/7` → a date).
pub(super) const TEXT: u8 = 49;
/// `#,##0;-#,##0;"-"`: a custom format, for total rows (a zero prints "-").
pub(super) const TOTAL_FORMAT: u8 = 164;

/// All Times New Roman.
pub(super) const BODY: Font = Font {
    size: 12,
    bold: false,
    italic: false,
};
pub(super) const BODY_BOLD: Font = Font {
    size: 12,
    bold: true,
    italic: false,
};
pub(super) const HEAD_BOLD: Font = Font {
    size: 13,
    bold: true,
    italic: false,
};
pub(super) const HEAD: Font = Font {
    size: 13,
    bold: false,
    italic: false,
};
pub(super) const HEAD_ITALIC: Font = Font {
    size: 13,
    bold: false,
    italic: true,
};
pub(super) const SMALL_ITALIC: Font = Font {
    size: 11,
    bold: false,
    italic: true,
};
pub(super) const BODY_ITALIC: Font = Font {
    size: 12,
    bold: false,
    italic: true,
};
pub(super) const BODY_BOLD_ITALIC: Font = Font {
    size: 12,
    bold: true,
    italic: true,
};
pub(super) const SMALL: Font = Font {
    size: 11,
    bold: false,
    italic: false,
};

pub(super) const DEFAULT: Xf = Xf {
    format: GENERAL,
    font: BODY,
    border: false,
    align: ("", ""),
    wrap: false,
    literal: false,
};
