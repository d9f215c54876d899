"""``kh68 export``: the validated plan as UTF-8 JSON in a stable key order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN, FIXTURE_PLAN, invoke, replace_in
from kh68.kinds.targets import parse_target
from kh68.kinds.verdict import Direction
from kh68.outputs.export import target_to_dict

INDICATOR_KEYS = [
    "id", "task", "name", "unit", "direction", "basis", "responsible_units", "targets", "notes",
    "reporters", "counted_over", "breaks",
]  # fmt: skip
UNIT_KEYS = [
    "id", "name", "short_names", "members", "kind", "in_document", "start", "end", "successors",
    "outside_document", "source", "verify",
]  # fmt: skip


def export(root: Path) -> str:
    return invoke(["export", "--plan", root], 0).stdout


def test_export_is_utf8_json_not_ascii_escaped() -> None:
    out = export(FIXTURE_PLAN)
    assert "\\u" not in out
    assert "Tỷ lệ huy động trẻ em nhà trẻ" in out
    assert "Phòng Giáo dục Tiểu học - Giáo dục Mầm non" in out
    json.loads(out)


def test_export_is_stable() -> None:
    assert export(FIXTURE_PLAN) == export(FIXTURE_PLAN)


def test_top_level_and_indicator_key_order() -> None:
    data = json.loads(export(FIXTURE_PLAN))
    assert list(data) == ["plan", "indicators", "tasks", "units"]
    assert list(data["plan"]) == [
        "symbol",
        "title",
        "issuing_body",
        "parent_body",
        "year",
        "period",
        "synthetic",
        "number",
        "type",
        "place",
        "date",
        "legal_bases",
        "purposes",
        "requirements",
        "overall_goal",
        "vision",
        "duties",
        "notes",
        "opening",
        "implementation",
        "closing",
        "typos",
        "breaks",
    ]
    duties = {d["id"]: d for d in data["plan"]["duties"]}
    assert (duties["unit_report"]["deadline"], duties["unit_report"]["to_units"]) == ("05/11", ["phong_tchc"])
    assert (duties["plan_report"]["deadline"], duties["plan_report"]["to_units"]) == (
        "10/11",
        ["ubnd_tinh", "so_ldtbxh"],
    )
    assert [b["number"] for b in data["plan"]["legal_bases"]] == ["68/NQ-CP", "78-CTr/TU", "42-NQ/TW", "6121/KH-UBND"]
    for ind in data["indicators"]:
        assert list(ind) == INDICATOR_KEYS
        assert list(ind["targets"]) == ["2025", "2030"]
        for target in ind["targets"].values():
            assert list(target)[:2] == ["text", "kind"]
    for task in data["tasks"]:
        assert list(task) == ["id", "group", "title", "lead_units", "coordinating_units", "timing", "kind"]
    for unit in data["units"]:
        assert list(unit) == UNIT_KEYS


def test_document_facts_and_later_facts_are_told_apart() -> None:
    data = json.loads(export(FIXTURE_PLAN))
    units = {u["id"]: u for u in data["units"]}
    # A unit of the document, with nothing added: no outside fact.
    assert (units["phong_tchc"]["in_document"], units["phong_tchc"]["outside_document"]) == (True, False)
    assert (units["phong_tchc"]["end"], units["phong_tchc"]["successors"], units["phong_tchc"]["source"]) == (
        None,
        [],
        None,
    )
    # A unit of the document with later facts: dates and successors, with their source and what to verify.
    ldtbxh = units["so_ldtbxh"]
    assert (ldtbxh["in_document"], ldtbxh["outside_document"], ldtbxh["end"]) == (True, True, "2025-02-28")
    assert ldtbxh["successors"][0] == {"unit": "so_noi_vu", "function": "chính sách xã hội"}
    assert ldtbxh["source"].startswith("Nghị định số 45/2025/NĐ-CP ngày 28/02/2025")
    assert ldtbxh["verify"] == "Đối chiếu với quyết định của tỉnh thành lập Sở Nội vụ."
    # A unit the document does not name at all.
    assert (units["so_noi_vu"]["in_document"], units["so_noi_vu"]["outside_document"]) == (False, True)
    notes = data["plan"]["notes"]
    assert [n["about"] for n in notes if not n["outside_document"]] == ["IV", "III.1.a", "II.2", "IV.1"]
    assert [n["about"] for n in notes if n["outside_document"]] == ["IV.1", "IV.2, IV.4", "6.1, 6.9"]
    assert data["plan"]["breaks"] == [
        {
            "date": "2025-07-01",
            "kind": "territory",
            "reason": "Tỉnh Lâm Đồng, tỉnh Đắk Nông và tỉnh Bình Thuận hợp nhất thành tỉnh Lâm Đồng mới: số liệu "
            "từ năm 2025 tính trên địa bàn rộng hơn số liệu năm 2024 trở về trước.",
            "outside_document": True,
            "source": "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính cấp "
            "tỉnh (thông tin ngoài văn bản kế hoạch).",
            "verify": None,
        }
    ]
    by_id = {i["id"]: i for i in data["indicators"]}
    assert [i for i, ind in by_id.items() if ind["counted_over"]] == ["6.1", "6.9"]
    assert {t["id"]: t["kind"] for t in data["tasks"]}["III.5"] == "request"


def test_indicator_contents() -> None:
    data = json.loads(export(FIXTURE_PLAN))
    by_id = {i["id"]: i for i in data["indicators"]}
    assert list(by_id) == [f"6.{i}" for i in range(1, 14)]
    assert by_id["6.3"] == {
        "id": "6.3",
        "task": None,
        "name": "Tỷ lệ huy động trẻ em mẫu giáo",
        "unit": "%",
        "direction": "higher",
        "basis": "value",
        "responsible_units": ["phong_gdth_gdmn"],
        "targets": {
            "2025": {"text": "95", "kind": "at_least", "min": 95.0},
            "2030": {"text": "95- 97", "kind": "range", "min": 95.0, "max": 97.0},
        },
        "notes": ["Ô đơn vị chủ trì để trống trong bảng (ô gộp với dòng 6.1)."],
        "reporters": None,
        "counted_over": None,
        "breaks": [],
    }
    assert by_id["6.1"]["targets"]["2025"] == {
        "text": "Triển khai theo đề án",
        "kind": "milestone",
        "footnote": "Triển khai các nội dung đề án phổ cập giáo dục mầm non cho trẻ mẫu giáo từ 3 đến 5 tuổi theo giai đoạn.",
    }
    assert by_id["6.1"]["targets"]["2030"] == {"text": "Hoàn thành", "kind": "completion"}
    assert by_id["6.5"]["targets"]["2030"] == {"text": "> 60", "kind": "greater_than", "min": 60.0, "exclusive": True}
    assert by_id["6.7"]["targets"]["2025"] == {"text": "-", "kind": "none"}
    assert by_id["6.5"]["responsible_units"] == ["phong_qlcl_gdtx", "phong_gdth_gdmn"]


def test_responsible_units_are_exported_as_ids(fixture_copy: Path) -> None:
    replace_in(
        fixture_copy / "indicators.yaml",
        "responsible_units: [phong_gdtrh]\n    responsible_text: Phòng GDTrH",
        "responsible_units: [Phòng GDTrH]\n    responsible_text: Phòng GDTrH",
    )
    replace_in(
        fixture_copy / "indicators.yaml",
        "responsible_units: [phong_qlcl_gdtx, phong_gdth_gdmn]\n    responsible_text: Phòng QLCL-GDTX và GDTH-GDMN",
        "responsible_units: [QLCL-GDTX, Phòng GDTH – GDMN]\n    responsible_text: Phòng QLCL-GDTX và GDTH-GDMN",
    )
    by_id = {i["id"]: i for i in json.loads(export(fixture_copy))["indicators"]}
    assert by_id["6.11"]["responsible_units"] == ["phong_gdtrh"]
    assert by_id["6.5"]["responsible_units"] == ["phong_qlcl_gdtx", "phong_gdth_gdmn"]


def test_task_timing_is_exported() -> None:
    tasks = {t["id"]: t for t in json.loads(export(FIXTURE_PLAN))["tasks"]}
    nothing_else = {"every": None, "at_event": False, "tentative": False, "condition": None}
    assert tasks["III.2.c"]["timing"] == {
        "text": "Năm 2024 và các năm tiếp theo.",
        "kind": "from_year",
        "start": "2024-01-01",
        "due": None,
        **nothing_else,
    }
    assert tasks["III.2.a"]["timing"] == {
        "text": "Đến năm 2025 và các năm tiếp theo.",
        "kind": "by_year",
        "start": None,
        "due": "2025-12-31",
        **nothing_else,
    }
    assert tasks["III.1.a"]["timing"] == {
        "text": "Thường xuyên",
        "kind": "ongoing",
        "start": None,
        "due": None,
        **nothing_else,
    }
    assert tasks["III.1.b"]["timing"]["at_event"] is True
    assert tasks["III.5"]["timing"] is None
    assert tasks["III.5"]["group"] == "III.5"


def test_example_plan_is_marked_synthetic() -> None:
    assert json.loads(export(EXAMPLE_PLAN))["plan"]["synthetic"] is True
    assert json.loads(export(FIXTURE_PLAN))["plan"]["synthetic"] is False


def test_export_of_invalid_plan_fails_with_problems(fixture_copy: Path) -> None:
    replace_in(fixture_copy / "indicators.yaml", '"2030": "90"', '"2030": "190"')
    result = invoke(["export", "--plan", fixture_copy], 1)
    assert result.stdout == ""
    assert f"{fixture_copy.as_posix()}/indicators.yaml:" in result.output
    assert "lỗi: chỉ tiêu '190' nằm ngoài khoảng 0–100%" in result.output
    assert "kh68: lỗi:" in result.output


def test_an_upper_bound_is_exported_as_the_highest_value_not_the_lowest(fixture_copy: Path) -> None:
    replace_in(fixture_copy / "indicators.yaml", '"2030": "> 60"', '"2030": "không quá 5"')
    by_id = {i["id"]: i for i in json.loads(export(fixture_copy))["indicators"]}
    assert by_id["6.5"]["targets"]["2030"] == {"text": "không quá 5", "kind": "at_most", "max": 5.0}


@pytest.mark.parametrize(
    ("text", "data"),
    [
        # Bắc Ninh 144: "mỗi năm … từ 05" exported as {"text", "kind": "per_year"}, its 5 gone
        ("mỗi năm từ 05", {"kind": "per_year", "min": 5.0, "span": [2026, 2030], "aggregate": "each_year"}),
        (
            "trung bình mỗi năm từ 05 trở lên",
            {"kind": "per_year", "min": 5.0, "span": [2026, 2030], "aggregate": "mean"},
        ),
        (
            "tổng giai đoạn 2026 - 2030 ít nhất 5.000",
            {"kind": "total", "min": 5000.0, "span": [2026, 2030], "aggregate": "sum"},
        ),
        ("giảm 10% so với năm 2025", {"kind": "change", "base_year": 2025, "change": -10.0, "relative": True}),
        ("trên 60", {"kind": "greater_than", "min": 60.0, "exclusive": True}),
        (
            "mỗi năm trên 5",
            {"kind": "per_year", "min": 5.0, "span": [2026, 2030], "exclusive": True, "aggregate": "each_year"},
        ),
    ],
)
def test_every_number_a_target_says_is_exported(text: str, data: dict[str, object]) -> None:
    meaning = parse_target(text).with_defaults(year=2030, start=2026, end=2030)
    assert target_to_dict(text, meaning, Direction.HIGHER) == {"text": text, **data}
