//! The workbook's cell styles, by name. Each [`Style`] is defined once in
//! `STYLES` (number format, font, border, alignment); its position in
//! `cellXfs` and its font's position in `fonts` are looked up, never
//! written by hand, so adding or reordering a style cannot shift another.
//!
//! Here: the styles' names (`names`); what a style is made of, fonts and
//! number formats (`look`); every style with its look (`table`); the
//! stylesheet part, and each style's position in it (`xml`).

mod look;
mod names;
mod table;
mod xml;

pub(super) use self::names::Style;
pub(super) use self::xml::styles_xml;

#[cfg(test)]
mod tests {
    use super::look::GENERAL;
    use super::table::STYLES;
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
