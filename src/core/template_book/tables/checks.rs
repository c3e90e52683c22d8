//! The sheets of what is worked out and checked over the rows: computed
//! values, rules, targets; the narrative outline, the roll-up's tables
//! and the version changes.

use super::kinds::*;

pub(crate) const COMPUTED_TABLE: Table = Table {
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

pub(crate) const RULE_TABLE: Table = Table {
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

pub(crate) const TARGET_TABLE: Table = Table {
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

pub(crate) const OUTLINE_TABLE: Table = Table {
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

pub(crate) const ROLLUP_COLUMN_TABLE: Table = Table {
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

pub(crate) const ROLLUP_KIND_TABLE: Table = Table {
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

pub(crate) const CHANGE_TABLE: Table = Table {
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
