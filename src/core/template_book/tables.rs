//! The workbook's layout: each sheet's name and columns, each column's
//! heading, its note (row 2), the JSON field it holds and how its cell is
//! written. Writer and reader both follow these tables, so a column is
//! declared once.
//!
//! A path is a field of the item's JSON object (`code`), a field inside
//! one (`change.ratio`, `grid.add_rows`), or `@…`: where the row sits
//! (its section, its depth, its parent row), placed by `assemble`.

/// How a cell holds its field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Kind {
    /// Text as typed (labels, titles, messages).
    Text,
    /// A code or id: text, spaces around it dropped.
    Code,
    /// A whole number from 0.
    Int,
    /// Any number (a comma or a point before the decimals).
    Num,
    /// «có» or empty.
    Bool,
    /// Codes separated by ", ".
    Codes,
    /// Column numbers separated by ", ".
    Numbers,
    /// Choices, one a line: `1 = Trực tiếp`.
    Options,
    /// Codes renamed, separated by ", ": `1.2 → 1.2a`.
    Renames,
    /// One of a list (a drop-down).
    Pick(&'static [&'static str]),
    /// Several of a list, separated by ", ".
    Picks(&'static [&'static str]),
}

pub(super) struct Column {
    pub heading: &'static str,
    pub note: &'static str,
    pub path: &'static str,
    pub kind: Kind,
    /// The column must be there (its field is required, or it places the row).
    pub required: bool,
    pub width: f64,
}

/// A sheet of one row per item.
pub(super) struct Table {
    pub name: &'static str,
    pub columns: &'static [Column],
}

const fn col(
    heading: &'static str,
    path: &'static str,
    kind: Kind,
    required: bool,
    width: f64,
    note: &'static str,
) -> Column {
    Column {
        heading,
        note,
        path,
        kind,
        required,
        width,
    }
}

use Kind::*;

pub(super) const ROW_KINDS: &[&str] = &[
    "heading",
    "count",
    "decimal",
    "percentage",
    "yes-no",
    "choice",
    "text",
];
pub(super) const COLUMN_KINDS: &[&str] = &[
    "stt",
    "label",
    "count",
    "decimal",
    "percentage",
    "text",
    "choice",
    "sum",
];
pub(super) const SECTION_KINDS: &[&str] = &["chỉ tiêu", "bảng"];
pub(super) const GRID: &str = "bảng";
const SPLITS: &[&str] = &["parts", "partition"];
const OPS: &[&str] = &["=", "<=", ">=", "≤", "≥"];
const SEVERITIES: &[&str] = &["warning", "error"];
const MISSING: &[&str] = &["wait", "zero"];
pub(super) const LEVELS: &[&str] = &["two", "three"];
const PERIODS: &[&str] = &["quy-1", "6-thang", "quy-3", "9-thang", "nam"];
pub(super) const BOOLS: &[&str] = &["có", "không"];

pub(super) const INFO: &str = "Thông tin";
pub(super) const SECTIONS: &str = "Phần";
pub(super) const ROWS: &str = "Chỉ tiêu";
pub(super) const GROUPS: &str = "Nhóm Trong đó";
pub(super) const GRID_COLUMNS: &str = "Cột bảng";
pub(super) const GRID_ROWS: &str = "Dòng bảng";
pub(super) const IDENTITIES: &str = "Đẳng thức bảng";
pub(super) const COMPUTED: &str = "Giá trị tính";
pub(super) const RULES: &str = "Quy tắc";
pub(super) const TARGETS: &str = "Chỉ tiêu phấn đấu";
pub(super) const OUTLINE: &str = "Đề cương";
pub(super) const ROLLUP: &str = "Tổng hợp";
pub(super) const ROLLUP_COLUMNS: &str = "Tổng hợp - cột";
pub(super) const ROLLUP_KINDS: &str = "Tổng hợp - theo loại";
pub(super) const CHANGES: &str = "Thay đổi phiên bản";

/// The settings sheet and the roll-up's: one row per field, «Mục» (the
/// field's name), «Giá trị», «Ghi chú». Paths are from the file's root.
pub(super) struct Field {
    pub label: &'static str,
    pub path: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub note: &'static str,
}

const fn field(
    label: &'static str,
    path: &'static str,
    kind: Kind,
    required: bool,
    note: &'static str,
) -> Field {
    Field {
        label,
        path,
        kind,
        required,
        note,
    }
}

pub(super) const FIELD_HEADINGS: [&str; 3] = ["Mục", "Giá trị", "Ghi chú"];

pub(super) const INFO_FIELDS: &[Field] = &[
    field(
        "Định dạng tệp",
        "format",
        Int,
        true,
        "Định dạng của tệp biểu mẫu; bản này đọc định dạng 1.",
    ),
    field(
        "Mã biểu mẫu",
        "id",
        Code,
        true,
        "Chữ thường không dấu, chữ số và dấu gạch ngang, vd. xa-01b.",
    ),
    field(
        "Phiên bản",
        "version",
        Int,
        true,
        "Tăng lên khi đổi dòng; ghi thay đổi ở trang \"Thay đổi phiên bản\".",
    ),
    field("Tên biểu mẫu", "name", Text, true, "Hiện ở màn hình đầu."),
    field(
        "Mô tả",
        "description",
        Text,
        false,
        "Hiện dưới tên ở màn hình đầu.",
    ),
    field(
        "Tên phụ lục",
        "annex",
        Text,
        true,
        "Dòng tên phụ lục khi in, vd. Phụ lục 01b.",
    ),
    field(
        "Tiêu đề",
        "title",
        Text,
        true,
        "Tiêu đề in trên bảng số liệu.",
    ),
    field(
        "Đơn vị tính chung",
        "unit_note",
        Text,
        false,
        "Dòng \"Đơn vị tính: …\" trên bảng; để trống nếu không có.",
    ),
    field(
        "Cấp chính quyền",
        "levels",
        Pick(LEVELS),
        false,
        "two: hai cấp (từ 01/7/2025); three: ba cấp (trước đó); để trống: mọi kỳ.",
    ),
    field(
        "Nơi nhận",
        "recipients",
        Text,
        false,
        "Nơi nhận ban đầu của báo cáo hai cấp; để trống: mặc định.",
    ),
    field(
        "Câu mở đầu",
        "outline.opening",
        Text,
        false,
        "Câu mở đầu báo cáo; {don-vi}, {ky}, {ky-toi} được thay khi điền.",
    ),
    field(
        "Trích yếu",
        "outline.subject",
        Text,
        false,
        "Trích yếu báo cáo; {ky}, {ky-toi} được thay khi điền.",
    ),
];

pub(super) const ROLLUP_FIELDS: &[Field] = &[
    field(
        "Lấy từ biểu mẫu",
        "rollup.from",
        Code,
        true,
        "Mã biểu mẫu của tệp các đơn vị gửi lên, vd. xa-01b.",
    ),
    field(
        "Phần bảng đơn vị",
        "rollup.section",
        Code,
        true,
        "Mã phần (kiểu bảng) nhận mỗi đơn vị một dòng.",
    ),
    field(
        "Ghi chú",
        "rollup.note",
        Text,
        false,
        "Giải thích cách tổng hợp, hiện cho người dùng.",
    ),
    field(
        "Loại đơn vị nhận",
        "rollup.kinds",
        Codes,
        false,
        "Các loại đơn vị được nhận, cách nhau \", \" (xã, phường, đặc khu…); trống: mọi loại.",
    ),
    field(
        "Gọi đơn vị là",
        "rollup.units",
        Text,
        false,
        "Từ gọi các đơn vị, vd. đơn vị; mặc định: xã.",
    ),
    field(
        "Báo cáo gửi lên",
        "rollup.to",
        Text,
        false,
        "Tên báo cáo nhận, vd. báo cáo của tỉnh.",
    ),
    field(
        "Phần theo loại",
        "rollup.by_kind.section",
        Code,
        false,
        "Mã phần cộng theo loại đơn vị; trống nếu không có.",
    ),
    field(
        "Cột số đơn vị",
        "rollup.by_kind.units_column",
        Int,
        false,
        "Số cột (n) ghi số đơn vị của mỗi loại.",
    ),
];

const CODE_NOTE: &str = "Mã duy nhất; không có dấu cách, \"/\" hay \":\".";
const CODES_NOTE: &str = "Các mã cách nhau bằng \", \".";

pub(super) const SECTION_TABLE: Table = Table {
    name: SECTIONS,
    columns: &[
        col("Mã phần", "id", Code, true, 14.0, CODE_NOTE),
        col(
            "Kiểu phần",
            "@kind",
            Pick(SECTION_KINDS),
            true,
            12.0,
            "chỉ tiêu: các dòng ở trang \"Chỉ tiêu\"; bảng: cột ở trang \"Cột bảng\".",
        ),
        col("Tiêu đề", "title", Text, false, 40.0, "Tiêu đề của phần."),
        col(
            "Tên phụ lục",
            "annex",
            Text,
            false,
            16.0,
            "Phần in dưới tên phụ lục riêng (vd. Phụ lục V).",
        ),
        col(
            "Đơn vị tính",
            "unit_note",
            Text,
            false,
            14.0,
            "Dòng \"Đơn vị tính\" riêng của phần.",
        ),
        col(
            "Trang ngang",
            "landscape",
            Bool,
            false,
            10.0,
            "có: in trên trang A4 ngang.",
        ),
        col(
            "Thêm dòng",
            "grid.add_rows",
            Text,
            false,
            16.0,
            "Bảng: người điền tự thêm dòng; chữ gọi một dòng, vd. lĩnh vực.",
        ),
        col(
            "Dòng nhóm",
            "grid.groups",
            Bool,
            false,
            10.0,
            "có: được thêm dòng nhóm I, II, …",
        ),
        col(
            "Dòng tổng",
            "grid.total_row",
            Text,
            false,
            14.0,
            "Tên dòng tổng cộng; trống: không có.",
        ),
        col(
            "Cột chuyển sang",
            "grid.carried_over.column",
            Int,
            false,
            12.0,
            "Số cột (n) nhận số kỳ trước chuyển sang.",
        ),
        col(
            "Từ cột kỳ trước",
            "grid.carried_over.from",
            Int,
            false,
            12.0,
            "Số cột (n) của báo cáo kỳ trước được chuyển sang.",
        ),
    ],
};

pub(super) const ROW_TABLE: Table = Table {
    name: ROWS,
    columns: &[
        col(
            "Phần",
            "@section",
            Code,
            true,
            12.0,
            "Mã phần ở trang \"Phần\".",
        ),
        col("Mã", "code", Code, true, 12.0, CODE_NOTE),
        col(
            "Nội dung",
            "label",
            Text,
            true,
            48.0,
            "Tên chỉ tiêu như in.",
        ),
        col(
            "Đơn vị tính",
            "unit",
            Text,
            false,
            16.0,
            "Cột \"Đơn vị tính\" như in.",
        ),
        col(
            "Kiểu",
            "kind",
            Pick(ROW_KINDS),
            true,
            12.0,
            "heading: tiêu đề; count: số nguyên; decimal; percentage; yes-no; choice; text.",
        ),
        col(
            "Số lẻ",
            "decimals",
            Int,
            false,
            8.0,
            "Số chữ số thập phân (decimal, percentage).",
        ),
        col(
            "Lựa chọn",
            "options",
            Options,
            false,
            24.0,
            "Kiểu choice: mỗi dòng một lựa chọn \"mã = tên\", vd. 1 = Trực tiếp.",
        ),
        col(
            "Chữ cho Có",
            "yes",
            Text,
            false,
            10.0,
            "Kiểu yes-no: chữ cho 1 (mặc định Có).",
        ),
        col(
            "Chữ cho Không",
            "no",
            Text,
            false,
            10.0,
            "Kiểu yes-no: chữ cho 0 (mặc định Không).",
        ),
        col(
            "Trong đó của",
            "part_of",
            Code,
            false,
            12.0,
            "Mã dòng cha (ở phía trên) nếu là dòng \"Trong đó\".",
        ),
        col(
            "Nhóm",
            "group",
            Code,
            false,
            14.0,
            "Nhóm của dòng cha (trang \"Nhóm Trong đó\") mà dòng này thuộc.",
        ),
        col(
            "Cách tách",
            "breakdown",
            Pick(SPLITS),
            false,
            12.0,
            "Dòng cha: partition (các dòng Trong đó cộng bằng) hoặc parts.",
        ),
        col(
            "Ngưỡng thay đổi (tỷ lệ)",
            "change.ratio",
            Num,
            false,
            12.0,
            "Cảnh báo khi đổi quá tỷ lệ này so với kỳ trước (mặc định 0,5).",
        ),
        col(
            "Ngưỡng thay đổi (từ)",
            "change.from",
            Num,
            false,
            12.0,
            "… khi số kỳ trước từ mức này (mặc định 20).",
        ),
    ],
};

pub(super) const GROUP_TABLE: Table = Table {
    name: GROUPS,
    columns: &[
        col(
            "Mã dòng cha",
            "@parent",
            Code,
            true,
            14.0,
            "Mã chỉ tiêu được tách theo nhiều cách.",
        ),
        col(
            "Nhóm",
            "group",
            Code,
            true,
            16.0,
            "Mã nhóm; không có dấu cách hay \":\".",
        ),
        col(
            "Cách tách",
            "kind",
            Pick(SPLITS),
            true,
            12.0,
            "partition: cộng bằng dòng cha; parts: mỗi dòng không quá dòng cha.",
        ),
        col(
            "Tên nhóm",
            "label",
            Text,
            false,
            30.0,
            "Tên nhóm trong thông báo, sau \"Trong đó\".",
        ),
    ],
};

pub(super) const GRID_COLUMN_TABLE: Table = Table {
    name: GRID_COLUMNS,
    columns: &[
        col("Phần", "@section", Code, true, 12.0, "Mã phần (kiểu bảng)."),
        col(
            "Cấp",
            "@depth",
            Int,
            true,
            6.0,
            "1: cột ngoài cùng; 2: cột con của cột cấp 1 ngay trên; …",
        ),
        col(
            "Số in",
            "@number",
            Text,
            false,
            8.0,
            "Số cột (n) khi in; tự đánh theo thứ tự, chỉ để đọc.",
        ),
        col("Tên cột", "label", Text, true, 30.0, "Tên cột như in."),
        col(
            "Kiểu",
            "kind",
            Pick(COLUMN_KINDS),
            false,
            12.0,
            "stt, label, count, decimal, percentage, text, choice, sum; trống: nhóm tiêu đề.",
        ),
        col(
            "Lựa chọn",
            "options",
            Options,
            false,
            20.0,
            "Kiểu choice: mỗi dòng \"mã = tên\".",
        ),
        col(
            "Cộng các cột",
            "sum",
            Numbers,
            false,
            12.0,
            "Kiểu sum: số các cột được cộng, vd. 4, 5, 6.",
        ),
        col("Số lẻ", "decimals", Int, false, 8.0, "Số chữ số thập phân."),
        col(
            "Độ rộng",
            "width",
            Num,
            false,
            8.0,
            "Độ rộng cột, tính bằng ký tự.",
        ),
    ],
};

pub(super) const GRID_ROW_TABLE: Table = Table {
    name: GRID_ROWS,
    columns: &[
        col(
            "Phần",
            "@section",
            Code,
            true,
            12.0,
            "Mã phần (kiểu bảng) có dòng cố định.",
        ),
        col("Mã dòng", "key", Code, true, 10.0, "Mã dòng, in ở cột STT."),
        col("Nội dung", "label", Text, true, 50.0, "Tên dòng."),
    ],
};

pub(super) const IDENTITY_TABLE: Table = Table {
    name: IDENTITIES,
    columns: &[
        col("Phần", "@section", Code, true, 12.0, "Mã phần (kiểu bảng)."),
        col(
            "Vế trái",
            "left",
            Numbers,
            true,
            12.0,
            "Số các cột, cách nhau \", \"; mỗi vế là tổng.",
        ),
        col("So sánh", "op", Pick(OPS), true, 8.0, "=, <= hoặc >=."),
        col(
            "Vế phải",
            "right",
            Numbers,
            true,
            12.0,
            "Số các cột, cách nhau \", \".",
        ),
        col(
            "Mức độ",
            "severity",
            Pick(SEVERITIES),
            false,
            10.0,
            "warning (mặc định) hoặc error.",
        ),
    ],
};

pub(super) const COMPUTED_TABLE: Table = Table {
    name: COMPUTED,
    columns: &[
        col("Mã", "code", Code, true, 20.0, CODE_NOTE),
        col(
            "Nội dung",
            "label",
            Text,
            true,
            40.0,
            "Tên giá trị tính như in.",
        ),
        col(
            "Đơn vị tính",
            "unit",
            Text,
            false,
            12.0,
            "Cột \"Đơn vị tính\".",
        ),
        col(
            "Sau dòng",
            "after",
            Code,
            false,
            12.0,
            "Hiện ngay sau dòng có mã này; trống: cuối bảng.",
        ),
        col(
            "Cộng",
            "sum",
            Codes,
            false,
            24.0,
            "Tổng các mã (hoặc dùng Tử số, Mẫu số). Các mã cách nhau \", \".",
        ),
        col(
            "Tử số",
            "rate.numerator",
            Codes,
            false,
            16.0,
            "Tỷ lệ %: tổng các mã ở tử số.",
        ),
        col(
            "Mẫu số",
            "rate.denominator",
            Codes,
            false,
            16.0,
            "Tỷ lệ %: tổng các mã ở mẫu số.",
        ),
        col(
            "Số lẻ",
            "decimals",
            Int,
            false,
            8.0,
            "Số chữ số thập phân (tỷ lệ mặc định 2).",
        ),
    ],
};

pub(super) const RULE_TABLE: Table = Table {
    name: RULES,
    columns: &[
        col(
            "Mã quy tắc",
            "id",
            Code,
            false,
            18.0,
            "Tùy chọn; tên ngắn của quy tắc.",
        ),
        col("Vế trái", "left", Codes, true, 18.0, CODES_NOTE),
        col("So sánh", "op", Pick(OPS), true, 8.0, "=, <= hoặc >=."),
        col("Vế phải", "right", Codes, false, 18.0, CODES_NOTE),
        col(
            "Hằng số vế phải",
            "right_constant",
            Num,
            false,
            10.0,
            "Số cộng thêm vào vế phải, vd. 100.",
        ),
        col(
            "Hiện ở dòng",
            "at",
            Code,
            false,
            12.0,
            "Mã dòng hiện thông báo; mặc định mã đầu của vế trái.",
        ),
        col(
            "Mức độ",
            "severity",
            Pick(SEVERITIES),
            false,
            10.0,
            "warning (mặc định) hoặc error.",
        ),
        col(
            "Thông báo",
            "message",
            Text,
            false,
            50.0,
            "Tùy chọn; dùng {at}, {left}, {right}, {diff}, {left_codes}, {right_codes}.",
        ),
        col(
            "Khi thiếu số liệu",
            "when_missing",
            Pick(MISSING),
            false,
            10.0,
            "wait (mặc định): chờ đủ số; zero: ô trống tính là 0.",
        ),
    ],
};

pub(super) const TARGET_TABLE: Table = Table {
    name: TARGETS,
    columns: &[
        col(
            "Mã",
            "id",
            Code,
            true,
            14.0,
            "Mã chỉ tiêu phấn đấu, dùng trong {muc-tieu:mã}.",
        ),
        col(
            "Nội dung",
            "label",
            Text,
            true,
            40.0,
            "Nói rõ chia gì cho gì.",
        ),
        col(
            "Cộng",
            "sum",
            Codes,
            false,
            16.0,
            "Tổng các mã (hoặc Tử số, Mẫu số).",
        ),
        col(
            "Tử số",
            "rate.numerator",
            Codes,
            false,
            16.0,
            "Tỷ lệ %: các mã ở tử số; ô tổng của bảng: phần/total/c5.",
        ),
        col(
            "Mẫu số",
            "rate.denominator",
            Codes,
            false,
            16.0,
            "Tỷ lệ %: các mã ở mẫu số.",
        ),
        col("So sánh", "op", Pick(OPS), true, 8.0, "=, <= hoặc >=."),
        col("Mức", "limit", Num, true, 8.0, "Mức chỉ tiêu, vd. 95."),
        col("Đơn vị tính", "unit", Text, false, 8.0, "Tùy chọn."),
        col("Số lẻ", "decimals", Int, false, 8.0, "Tùy chọn."),
        col(
            "Mức độ",
            "severity",
            Pick(SEVERITIES),
            false,
            10.0,
            "warning (mặc định) hoặc error.",
        ),
        col("Chữ khi đạt", "met", Text, false, 14.0, "Mặc định: đạt."),
        col(
            "Chữ khi chưa đạt",
            "not_met",
            Text,
            false,
            14.0,
            "Mặc định: chưa đạt.",
        ),
        col(
            "Hiện ở dòng",
            "at",
            Code,
            false,
            12.0,
            "Mã dòng hiện thông báo; mặc định mã đầu.",
        ),
    ],
};

pub(super) const OUTLINE_TABLE: Table = Table {
    name: OUTLINE,
    columns: &[
        col(
            "Cấp",
            "@depth",
            Int,
            true,
            6.0,
            "1: mục lớn (I, II…); 2: mục con của mục cấp 1 ngay trên; 3.",
        ),
        col(
            "Mã mục",
            "id",
            Code,
            true,
            10.0,
            "Duy nhất; không có dấu cách hay \"/\".",
        ),
        col("Tiêu đề", "title", Text, true, 40.0, "Tiêu đề in của mục."),
        col("Gợi ý", "hint", Text, false, 40.0, "Hiện trong ô trống."),
        col(
            "Bắt buộc",
            "required",
            Bool,
            false,
            10.0,
            "có: mục phải có nội dung.",
        ),
        col(
            "Bắt buộc trong kỳ",
            "required_in",
            Picks(PERIODS),
            false,
            16.0,
            "Chỉ bắt buộc trong các kỳ: quy-1, 6-thang, quy-3, 9-thang, nam.",
        ),
        col(
            "Số liệu liên quan",
            "codes",
            Codes,
            false,
            16.0,
            "Mã chỉ tiêu hoặc mã phần bảng mục này báo cáo.",
        ),
    ],
};

pub(super) const ROLLUP_COLUMN_TABLE: Table = Table {
    name: ROLLUP_COLUMNS,
    columns: &[
        col(
            "Cột",
            "@column",
            Int,
            true,
            8.0,
            "Số cột (n) của phần bảng đơn vị.",
        ),
        col(
            "Cộng các chỉ tiêu",
            "@codes",
            Codes,
            true,
            30.0,
            "Mã chỉ tiêu của biểu mẫu gửi lên, cách nhau \", \".",
        ),
    ],
};

pub(super) const ROLLUP_KIND_TABLE: Table = Table {
    name: ROLLUP_KINDS,
    columns: &[
        col(
            "Dòng",
            "row",
            Code,
            true,
            8.0,
            "Mã dòng của phần theo loại.",
        ),
        col(
            "Loại đơn vị",
            "kinds",
            Codes,
            true,
            30.0,
            "Các loại đơn vị cộng vào dòng này, cách nhau \", \".",
        ),
    ],
};

pub(super) const CHANGE_TABLE: Table = Table {
    name: CHANGES,
    columns: &[
        col(
            "Phiên bản",
            "version",
            Int,
            true,
            10.0,
            "Phiên bản đạt được sau thay đổi (2, 3, …).",
        ),
        col(
            "Đổi mã",
            "renamed",
            Renames,
            false,
            24.0,
            "Mã cũ → mã mới, cách nhau \", \".",
        ),
        col("Thêm", "added", Codes, false, 16.0, "Mã dòng thêm mới."),
        col("Bỏ", "removed", Codes, false, 16.0, "Mã dòng bỏ đi."),
        col("Ghi chú", "note", Text, false, 40.0, "Cho người đọc."),
    ],
};
