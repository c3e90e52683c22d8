//! The workbook's shared strings. A sheet is written with its text inline
//! (`t="inlineStr"`), which every reader accepts, but Excel moves such text
//! to a shared-strings table and rewrites the file on its next save (the
//! Open XML SDK's app-compat check says so). So, once the sheets are
//! written, their inline text is moved into one table, each distinct text
//! once, and the cells refer to it by number.

use rustc_hash::FxHashMap;

const INLINE_OPEN: &str = " t=\"inlineStr\"><is><t xml:space=\"preserve\">";
const INLINE_CLOSE: &str = "</t></is></c>";

/// The texts in order of first use, and the index of each.
#[derive(Default)]
pub(super) struct SharedStrings {
    texts: Vec<String>,
    index: FxHashMap<String, usize>,
    uses: usize,
}

impl SharedStrings {
    /// `sheet` with each inline text replaced by its number in the table.
    /// The texts are already escaped, so they hold no `<`: the close tag
    /// after an open one is its own.
    pub(super) fn share(&mut self, sheet: &str) -> String {
        let mut out = String::with_capacity(sheet.len());
        let mut rest = sheet;
        while let Some(at) = rest.find(INLINE_OPEN) {
            let text_at = at + INLINE_OPEN.len();
            let Some(len) = rest[text_at..].find(INLINE_CLOSE) else {
                break;
            };
            let text = &rest[text_at..text_at + len];
            let next = self.texts.len();
            let n = *self.index.entry(text.to_string()).or_insert(next);
            if n == next {
                self.texts.push(text.to_string());
            }
            self.uses += 1;
            out.push_str(&rest[..at]);
            out.push_str(&format!(" t=\"s\"><v>{n}</v></c>"));
            rest = &rest[text_at + len + INLINE_CLOSE.len()..];
        }
        out.push_str(rest);
        out
    }

    /// `xl/sharedStrings.xml`.
    pub(super) fn xml(&self) -> String {
        let items: String = self
            .texts
            .iter()
            .map(|t| format!("<si><t xml:space=\"preserve\">{t}</t></si>"))
            .collect();
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{}\" uniqueCount=\"{}\">{items}</sst>",
            self.uses,
            self.texts.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_becomes_a_numbered_shared_string() {
        let mut shared = SharedStrings::default();
        let a = shared.share("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">Số &amp; chữ</t></is></c><c r=\"B1\" s=\"2\"><v>3</v></c>");
        let b = shared.share("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">Khác</t></is></c><c r=\"A2\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">Số &amp; chữ</t></is></c>");
        assert_eq!(
            a,
            "<c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"2\"><v>3</v></c>"
        );
        assert_eq!(
            b,
            "<c r=\"A1\" s=\"1\" t=\"s\"><v>1</v></c><c r=\"A2\" s=\"1\" t=\"s\"><v>0</v></c>"
        );
        assert!(shared.xml().ends_with("count=\"3\" uniqueCount=\"2\"><si><t xml:space=\"preserve\">Số &amp; chữ</t></si><si><t xml:space=\"preserve\">Khác</t></si></sst>"));
    }
}
