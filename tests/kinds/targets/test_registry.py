"""The table of target kinds: every kind reads its own phrasings, and nothing else reads them."""

from __future__ import annotations

import pytest

from kh68.kinds.targets import KINDS, TargetUnparsable, from_fields, parse_target, structured_fields

PHRASINGS = [(kind.kind, text) for kind in KINDS for text in kind.phrasings if not text.startswith("(")]


@pytest.mark.parametrize(("kind", "text"), PHRASINGS)
def test_each_phrasing_a_kind_lists_is_read_as_that_kind(kind: str, text: str) -> None:
    assert parse_target(text).kind == kind


def test_every_kind_says_itself_for_the_readme() -> None:
    for kind in KINDS:
        assert kind.example, kind
        assert kind.meaning, kind
        assert kind.phrasings, kind
        assert kind.fields, kind


def test_the_structured_form_names_its_kind_by_one_key() -> None:
    assert from_fields({"at_most": 5.0}, "tối đa 5").kind == "at_most"
    with pytest.raises(TargetUnparsable, match="có 2 khóa loại chỉ tiêu \\(at_least, at_most\\)"):
        from_fields({"at_least": 1.0, "at_most": 5.0}, "x")
    with pytest.raises(TargetUnparsable, match="khóa tolerance không dùng với chỉ tiêu loại at_least"):
        from_fields({"at_least": 1.0, "tolerance": 5.0}, "x")


def test_one_type_per_structured_key() -> None:
    fields = structured_fields()
    assert fields["relative"] == fields["relative"]
    assert list(fields)[:5] == ["at_least", "greater_than", "at_most", "less_than", "range"]


@pytest.mark.parametrize(
    ("text", "kind", "bound", "year"),
    [
        # Sơn La 2954, mục II.1: the pledge ("phấn đấu", "dự kiến") before or after the year, then "đạt"
        ("phấn đấu đến năm 2030 đạt trên 46.200 tấn", "greater_than", 46200, 2030),
        ("đến năm 2030 phấn đấu đạt 14.500 tấn", "at_least", 14500, 2030),
        ("đến năm 2030 dự kiến đạt trên 48,3 triệu USD", "greater_than", 48.3, 2030),
        ("dự kiến đạt 2,5 triệu USD", "at_least", 2.5, None),
        ("Phấn đấu đạt 99,5%", "at_least", 99.5, None),
        # a share "chiếm" of a whole, as "đạt" (Đồng Nai 179: "chiếm tối thiểu 20%")
        ("chiếm tối thiểu 20%", "at_least", 20, None),
        ("đến năm 2030 chiếm trên 30%", "greater_than", 30, 2030),
        # Đồng Tháp 556: a pledge or "có" before the bound, a number grouped by a space
        ("đảm bảo 100%", "at_least", 100, None),
        ("Phấn đấu 100%", "at_least", 100, None),
        ("Có ít nhất 02 vùng dự án", "at_least", 2, None),
        ("đạt 1 700 ha", "at_least", 1700, None),
        ("Duy trì 100%", "at_least", 100, None),
        ("Đảm bảo đến năm 2030 đạt 100%", "at_least", 100, 2030),
        # a probe of real plans: the year before without "đến", after without "vào"; pledges one after another;
        # a rise or a fall to a level without its verb; what is done said with two verbs
        ("Năm 2025 đạt 60%", "at_least", 60, 2025),
        ("Phấn đấu năm 2025 đạt 60%", "at_least", 60, 2025),
        ("Trong năm 2026, có ít nhất 3 mô hình", "at_least", 3, 2026),
        ("đạt 20% xã, phường năm 2025", "at_least", 20, 2025),
        ("Phấn đấu đảm bảo 100%", "at_least", 100, None),
        ("lên tối thiểu 80%", "at_least", 80, None),
        ("còn dưới 2%", "less_than", 2, None),
        ("xuống dưới 30% vào năm 2025", "less_than", 30, 2025),
        ("Phát triển và triển khai tối thiểu 01 sàn giao dịch dữ liệu", "at_least", 1, None),
    ],
)
def test_words_of_pledge_before_a_target_are_read_past(text: str, kind: str, bound: float, year: int | None) -> None:
    target = parse_target(text)
    assert (target.kind, target.bound, target.year) == (kind, bound, year)


@pytest.mark.parametrize("text", ["phấn đấu đến năm 2030", "dự kiến đạt", "dự kiến đến năm 2030"])
def test_a_pledge_without_a_number_is_refused_as_missing_it(text: str) -> None:
    # nothing to reach, and no milestone either: a bound whose number was left out (it was read as a milestone)
    with pytest.raises(TargetUnparsable, match="là lời của một mức mà thiếu con số"):
        parse_target(text)


@pytest.mark.parametrize(("text", "digits"), [("９５", "９５"), ("٩٥%", "٩٥"), ("đạt ９０ - ９５%", "９０５")])
def test_digits_other_than_0_to_9_are_refused_not_read_as_words(text: str, digits: str) -> None:
    with pytest.raises(TargetUnparsable, match=rf"có chữ số không phải 0–9 \({digits}: "):
        parse_target(text)


def test_a_unit_with_a_superscript_is_no_other_digit() -> None:
    assert parse_target("500 m²").kind != "milestone"


@pytest.mark.parametrize(
    ("text", "base"),
    [("tăng 10% so với năm 2025", 2025), ("không thấp hơn năm 2025", 2025), ("gấp đôi năm 2025", 2025)],
)
def test_a_year_after_a_comparison_is_its_base_not_the_targets_year(text: str, base: int) -> None:
    target = parse_target(text)
    assert (target.kind, target.base, target.year) == ("change", base, None)  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", ["năm 2025", "Đến năm 2030", "vào năm 2025"])
def test_a_year_alone_is_no_target(text: str) -> None:
    """ "Đến năm 2030" alone was read as no target ("-") of 2030."""
    with pytest.raises(TargetUnparsable) as info:
        parse_target(text)
    assert str(info.value).startswith(f"không đọc được chỉ tiêu '{text}'; các dạng đọc được: ")


def test_a_fall_below_a_level_without_its_base_reads_two_ways() -> None:
    with pytest.raises(TargetUnparsable) as info:
        parse_target("giảm dưới 6%")
    assert str(info.value) == (
        "chỉ tiêu 'giảm dưới 6%' đọc được hai cách: giảm xuống dưới 6% (viết 'giảm xuống dưới 6%'), hoặc một mức giảm "
        "so với một năm (viết rõ năm gốc, ví dụ 'giảm không quá 6% so với năm …'); viết một trong hai"
    )


@pytest.mark.parametrize(
    "text",
    [
        "đạt 60% từ năm 2026",  # from 2026 on, not in 2026
        "đạt 60% trước năm 2025",
        "đạt 80% mức năm 2025",  # 2025 is a base
        "nâng lên 2 lần",  # by, not to
        "nâng lên 5 bậc",
        "giảm xuống 3 bậc",
    ],
)
def test_words_a_rewrite_would_misread_are_left_to_no_kind(text: str) -> None:
    """A review of the rewrites: each of these was read, as a level or as the target's year, against its words."""
    with pytest.raises(TargetUnparsable) as info:
        parse_target(text)
    assert str(info.value).startswith(f"không đọc được chỉ tiêu '{text}'")
