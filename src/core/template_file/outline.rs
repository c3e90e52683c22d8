//! Loading a template's `outline`: the narrative's sections and items,
//! checked like the rest (ids unique, codes known, periods named rightly).

use rustc_hash::FxHashSet;

use crate::core::json_read::json_struct;

use crate::core::loading::{fail, TemplateError};
use crate::core::outline::{item_number, Outline, OutlineItem, Required};
use crate::core::period::Period;
use crate::core::template::Template;

/// The default opening sentence and subject line.
const OPENING: &str =
    "Thực hiện nhiệm vụ cải cách hành chính trên địa bàn, {don-vi} báo cáo kết quả công tác cải cách hành chính {ky}, nhiệm vụ trọng tâm {ky-toi} như sau:";
const SUBJECT: &str =
    "Công tác cải cách hành chính {ky}, nhiệm vụ công tác cải cách hành chính {ky-toi}";

/// How deep items may nest: I → 1 → a).
const MAX_DEPTH: usize = 3;

json_struct! { strict;
    pub(super) struct OutlineFile {
        opening: Option<String> = default,
        subject: Option<String> = default,
        items: Vec<ItemFile>,
    }
}

json_struct! { strict;
    pub(super) struct ItemFile {
        id: String,
        title: String,
        hint: String = default,
        required: bool = default,
        /// Period keys ("nam", "6-thang" …): required only in those.
        required_in: Vec<String> = default,
        codes: Vec<String> = default,
        items: Vec<ItemFile> = default,
    }
}

impl Template {
    pub(super) fn add_outline(&mut self, file: Option<OutlineFile>) -> Result<(), TemplateError> {
        let Some(file) = file else { return Ok(()) };
        if file.items.is_empty() {
            return fail("\"outline\" không có mục nào (\"items\")");
        }
        let mut items = Vec::new();
        let mut seen = FxHashSet::default();
        self.outline_items(&file.items, 0, &mut seen, &mut items)?;
        self.outline = Outline {
            opening: file.opening.unwrap_or_else(|| OPENING.to_string()),
            subject: file.subject.unwrap_or_else(|| SUBJECT.to_string()),
            items,
        };
        Ok(())
    }

    fn outline_items(
        &self,
        files: &[ItemFile],
        depth: usize,
        seen: &mut FxHashSet<String>,
        out: &mut Vec<OutlineItem>,
    ) -> Result<(), TemplateError> {
        if depth >= MAX_DEPTH {
            return fail(format!("\"outline\" lồng quá {MAX_DEPTH} cấp (I → 1 → a)"));
        }
        for (n, item) in files.iter().enumerate() {
            let id = item.id.trim();
            let who = format!("Mục \"{id}\" của \"outline\"");
            if id.is_empty() || id.contains(char::is_whitespace) || id.contains(['/', '"']) {
                return fail(format!(
                    "{who}: mã mục không được rỗng, chứa dấu cách, \"/\" hay dấu nháy"
                ));
            }
            if !seen.insert(id.to_string()) {
                return fail(format!("{who} xuất hiện hai lần"));
            }
            if item.title.trim().is_empty() {
                return fail(format!("{who} chưa có tiêu đề (\"title\")"));
            }
            for code in &item.codes {
                if self.indicator(code).is_none() && self.grid(code).is_none() {
                    return fail(format!(
                        "{who} nhắc đến \"{code}\", nhưng biểu mẫu không có chỉ tiêu hay bảng (grid) nào mang mã này"
                    ));
                }
            }
            let required = match (item.required, item.required_in.is_empty()) {
                (false, true) => Required::No,
                (true, true) => Required::Always,
                (false, false) => {
                    let mut periods = Vec::new();
                    for key in &item.required_in {
                        match Period::from_key(key) {
                            Some(p) => periods.push(p),
                            None => {
                                let keys: Vec<&str> = Period::ALL.iter().map(|p| p.key()).collect();
                                return fail(format!("{who}: kỳ \"{key}\" trong \"required_in\" không có; dùng một trong: {}", keys.join(", ")));
                            }
                        }
                    }
                    Required::In(periods)
                }
                (true, false) => {
                    return fail(format!(
                        "{who} có cả \"required\" lẫn \"required_in\"; chỉ được một"
                    ))
                }
            };
            out.push(OutlineItem {
                id: id.to_string(),
                number: item_number(depth, n + 1),
                title: item.title.trim().to_string(),
                hint: item.hint.trim().to_string(),
                required,
                codes: item.codes.clone(),
                depth,
                writes: item.items.is_empty(),
            });
            self.outline_items(&item.items, depth + 1, seen, out)?;
        }
        Ok(())
    }
}
