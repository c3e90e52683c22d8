//! Tests of `core::unit_name`.
//! Included only under #[cfg(test)] by its module: never compiled into the app.

use super::*;

fn sentence(unit: &str, place: &str) -> String {
    UnitName::new(unit, place).sentence()
}

#[test]
fn all_caps_lower_and_mixed_give_one_spelling() {
    for typed in [
        "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG",
        "ủy ban nhân dân xã hoằng trường",
        "Ủy Ban Nhân Dân Xã Hoằng Trường",
        "Ủy ban nhân dân xã Hoằng Trường",
        "  UỶ BAN  NHÂN DÂN XÃ HOẰNG   TRƯỜNG ",
        "ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG",
    ] {
        assert_eq!(
            sentence(typed, ""),
            "Ủy ban nhân dân xã Hoằng Trường",
            "{typed:?}"
        );
    }
}

#[test]
fn acronyms_stay_acronyms() {
    assert_eq!(sentence("UBND XÃ HOẰNG TRƯỜNG", ""), "UBND xã Hoằng Trường");
    assert_eq!(sentence("ubnd xã hoằng trường", ""), "UBND xã Hoằng Trường");
    assert_eq!(sentence("HĐND HUYỆN KHÁNH SƠN", ""), "HĐND huyện Khánh Sơn");
    assert_eq!(
        sentence("HỘI ĐỒNG NHÂN DÂN TỈNH THANH HÓA", ""),
        "Hội đồng nhân dân tỉnh Thanh Hóa"
    );
    assert_eq!(sentence("UBND TP. HỒ CHÍ MINH", ""), "UBND TP. Hồ Chí Minh");
    assert_eq!(sentence("UBND tp. Hồ Chí Minh", ""), "UBND TP. Hồ Chí Minh");
}

#[test]
fn every_kind_of_unit() {
    assert_eq!(
        sentence("ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH", ""),
        "Ủy ban nhân dân phường Ba Đình"
    );
    assert_eq!(
        sentence("UBND ĐẶC KHU PHÚ QUỐC", ""),
        "UBND đặc khu Phú Quốc"
    );
    assert_eq!(
        sentence("ỦY BAN NHÂN DÂN THỊ TRẤN TÔ HẠP", ""),
        "Ủy ban nhân dân thị trấn Tô Hạp"
    );
    assert_eq!(
        sentence("ỦY BAN NHÂN DÂN HUYỆN HOẰNG HÓA", ""),
        "Ủy ban nhân dân huyện Hoằng Hóa"
    );
    assert_eq!(
        sentence("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", ""),
        "Ủy ban nhân dân tỉnh Đắk Lắk"
    );
    assert_eq!(
        sentence("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", ""),
        "Ủy ban nhân dân thành phố Hà Nội"
    );
    assert_eq!(sentence("UBND THỊ XÃ BỈM SƠN", ""), "UBND thị xã Bỉm Sơn");
    assert_eq!(sentence("XÃ HOẰNG TRƯỜNG", ""), "xã Hoằng Trường");
    assert_eq!(sentence("phường ba đình", ""), "phường Ba Đình");
    assert_eq!(sentence("ĐẶC KHU PHÚ QUỐC", ""), "đặc khu Phú Quốc");
    assert_eq!(sentence("UBND PHƯỜNG II", ""), "UBND phường II");
    assert_eq!(sentence("UBND PHƯỜNG 12", ""), "UBND phường 12");
}

#[test]
fn every_vietnamese_letter_changes_case() {
    assert_eq!(
        sentence("UBND XÃ ĐỒNG ƯƠM ƠN ỨNG ỸÊN", ""),
        "UBND xã Đồng Ươm Ơn Ứng Ỹên"
    );
    // Decomposed letters (a combining tone after the vowel) are composed first.
    assert_eq!(
        sentence("UBND XA\u{303} HOA\u{306}\u{300}NG TRƯƠ\u{300}NG", ""),
        "UBND xã Hoằng Trường"
    );
}

#[test]
fn the_place_field_spells_the_name() {
    assert_eq!(
        sentence("UBND HUYỆN CƯ M'GAR", "Cư M'gar"),
        "UBND huyện Cư M'gar"
    );
    assert_eq!(
        sentence("UBND HUYỆN CƯ M'GAR", "Cư M'Gar"),
        "UBND huyện Cư M'Gar"
    );
    assert_eq!(
        sentence("ỦY BAN NHÂN DÂN XÃ EA H'LEO", "ea h'leo"),
        "Ủy ban nhân dân xã ea h'leo"
    );
    assert_eq!(
        sentence("ỦY BAN NHÂN DÂN HUYỆN EA H'LEO", "Ea H'leo"),
        "Ủy ban nhân dân huyện Ea H'leo"
    );
    // A place that is not the unit's name changes nothing.
    assert_eq!(
        sentence("UBND XÃ HOẰNG TRƯỜNG", "Thanh Hóa"),
        "UBND xã Hoằng Trường"
    );
    // A word typed in mixed case is the clerk's spelling.
    assert_eq!(sentence("UBND xã Ea H'Leo", ""), "UBND xã Ea H'Leo");
}

#[test]
fn row_labels_use_the_acronym() {
    assert_eq!(
        UnitName::new("ỦY BAN NHÂN DÂN XÃ BA CÙM NAM", "").row_label(),
        "UBND xã Ba Cùm Nam"
    );
    assert_eq!(
        UnitName::new("Phường Đông Vệ", "").row_label(),
        "phường Đông Vệ"
    );
    assert_eq!(
        UnitName::new("ỦY BAN NHÂN DÂN XÃ HOẰNG TRƯỜNG", "").name,
        "Hoằng Trường"
    );
}

#[test]
fn odd_input_never_panics() {
    for typed in [
        "",
        " ",
        "UBND",
        "ỦY BAN NHÂN DÂN",
        "XÃ",
        "UBND XÃ",
        "'",
        "ǅ ß ﬁ İ",
        "\u{300}\u{301}",
        "x\u{300}\u{300}",
    ] {
        let n = UnitName::new(typed, typed);
        let _ = (n.sentence(), n.row_label());
    }
    assert_eq!(sentence("", ""), "");
    assert_eq!(sentence("UBND", ""), "UBND");
    assert_eq!(sentence("UBND XÃ", ""), "UBND Xã");
}

#[test]
fn the_kind_of_a_unit_in_every_case_and_spelling() {
    for (typed, kind) in [
        ("ĐẶC KHU PHÚ QUỐC", "đặc khu"),
        ("UBND Đặc khu Phú Quốc", "đặc khu"),
        ("Ủy ban nhân dân đặc khu Côn Đảo", "đặc khu"),
        ("ỦY BAN NHÂN DÂN PHƯỜNG BẾN THÀNH", "phường"),
        ("UBND xã Hoằng Trường", "xã"),
        ("UỶ BAN NHÂN DÂN THỊ TRẤN TÔ HẠP", "thị trấn"),
        ("UBND HUYỆN KHÁNH SƠN", "huyện"),
        ("UBND Hoằng Trường", ""),
        ("UBND xã", ""),
    ] {
        assert_eq!(UnitName::new(typed, "").kind(), kind, "{typed}");
    }
    assert_eq!(
        UnitName::new("ĐẶC KHU PHÚ QUỐC", "").row_label(),
        "đặc khu Phú Quốc"
    );
    assert!(is_unit_kind("Đặc Khu") && is_unit_kind("XÃ") && !is_unit_kind("khu"));
    assert!(same_kind("ĐẶC KHU", "đặc khu") && !same_kind("xã", "phường") && !same_kind("", ""));
}
