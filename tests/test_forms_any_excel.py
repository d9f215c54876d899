"""Forms that survive any Excel (issue 16.6): the sent date, received dates, decimals and dates typed either way.

Excel set to English turns a typed ``04/11/2025`` into 11 April and leaves ``99,5`` as text; Excel set to
Vietnamese does the opposite. Every test here runs the real CLI: ``kh68 form``, a fill as a clerk would
(openpyxl stores what Excel would), ``kh68 import``; messages, exit codes and data files are exact.
"""

from __future__ import annotations

import re
import shutil
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from tests.conftest import invoke, replace_in
from tests.formtools import FORM, UNIT, edit_workbook, fill, make_form, sent, snapshot

from kh68.core.vnformat import format_date, parse_exact
from kh68.entry.forms import cells
from tools import require

DATA = "data/2025.yaml"
UNIT_NAME = "Phòng Giáo dục Tiểu học - Giáo dục Mầm non"


@pytest.fixture
def form(example_copy: Path, tmp_path: Path) -> Path:
    return make_form(example_copy, tmp_path / "forms")


def imported(plan: Path, path: Path, *options: str, exit_code: int = 0) -> str:
    return invoke(["import", "--plan", plan, path, *options], exit_code).output


def receipt(plan: Path, unit: str = UNIT) -> dict[str, Any]:
    return yaml.safe_load((plan / DATA).read_text(encoding="utf-8"))["forms"][unit]


def refused(plan: Path, path: Path, *messages: str, options: tuple[str, ...] = ()) -> None:
    before = snapshot(plan)
    assert imported(plan, path, *options, exit_code=1) == (
        f"{path.name}: bị từ chối, không ghi gì từ tệp này\n"
        + "".join(f"kh68: lỗi: {m}\n" for m in messages)
        + "Nhập 1 tệp: 0 tệp được nhận, 1 tệp bị từ chối; không có gì thay đổi.\n"
    )
    assert snapshot(plan) == before


def status_line(plan: Path, today: str) -> str:
    """The unit's line among the late and missing reports of ``kh68 status`` (wrapped lines joined)."""
    out = invoke(["status", "--plan", plan, "--year", "2025", "--today", today], 0).output
    lines = " ".join(out.split()).replace(" • ", "\n• ").splitlines()
    return next((line.split(" Hạn ")[0] for line in lines if line.startswith(f"• {UNIT_NAME}:")), "")


# ------------------------------------------------------------ a form without its sent date


def test_a_form_without_its_sent_date_is_dated_the_day_it_is_imported(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G8"): "32,5"})
    before = date.today()
    out = imported(example_copy, form)
    today = format_date(before) if format_date(before) in out else format_date(date.today())  # midnight
    assert out == (
        f"{FORM}: {UNIT} năm 2025: 1 số liệu, 0 nhiệm vụ, không ghi ngày gửi: lấy ngày nhận {today}\n"
        f"Nhập 1 tệp: 1 tệp được nhận, 0 tệp bị từ chối; đã ghi {(example_copy / DATA).as_posix()}.\n"
    )
    got = receipt(example_copy)
    assert (got["date_source"], got["version"], format_date(got["received"])) == ("received", 2, today)


def test_received_dates_a_form_without_sent_date_and_lateness_is_judged_on_it(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G8"): "32,5", ("Nhiệm vụ", "E7"): "Đang triển khai"})
    out = imported(example_copy, form, "--received", "06/11/2025")
    assert out.splitlines()[0] == (
        f"{FORM}: {UNIT} năm 2025: 1 số liệu, 1 nhiệm vụ, không ghi ngày gửi: lấy ngày nhận 06/11/2025"
    )
    text = (example_copy / DATA).read_text(encoding="utf-8")
    assert f"  {UNIT}:\n    received: 2025-11-06\n    date_source: received\n    version: 2\n" in text
    assert f"    {UNIT}:\n      state: in_progress\n      date: 2025-11-06\n" in text  # its progress: the same day
    invoke(["check", example_copy], 0)
    # The deadline is 05/11: received on the 6th is late, and said to be the day received.
    assert status_line(example_copy, "2025-11-08") == (
        f"• {UNIT_NAME}: nhận muộn ngày 06/11/2025 (biểu mẫu không ghi ngày gửi)"
    )
    internal = invoke(
        ["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-08", "--internal"], 0
    ).output
    assert f"| 2 | {UNIT_NAME} | 06/11/2025 (ngày nhận) | chậm 1 ngày |\n" in internal


def test_received_on_the_deadline_is_on_time(example_copy: Path, form: Path) -> None:
    from kh68.lint.check import load_plan
    from kh68.tracking.tasks import deadlines

    fill(form, {("Chỉ tiêu", "G8"): "32,5"})
    imported(example_copy, form, "--received", "2025-11-05")
    report = next(
        d for d in deadlines(load_plan(example_copy), 2025, date(2025, 11, 8)) if d.duty.kind == "unit_report"
    )
    unit = next(u for u in report.units if u.unit_id == UNIT)
    assert (unit.on, unit.late, unit.received) == (date(2025, 11, 5), False, True)
    assert status_line(example_copy, "2025-11-08") == ""  # not listed among the late or missing


def test_a_dateless_form_imported_again_keeps_the_day_it_was_first_received(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G8"): "32,5"})
    imported(example_copy, form, "--received", "06/11/2025")
    written = snapshot(example_copy)
    out = imported(example_copy, form)  # days later, without --received
    assert out == (
        f"{FORM}: {UNIT} năm 2025: 1 số liệu, 0 nhiệm vụ, không ghi ngày gửi: lấy ngày nhận 06/11/2025\n"
        "Nhập 1 tệp: 1 tệp được nhận, 0 tệp bị từ chối; không có gì thay đổi.\n"
    )
    assert snapshot(example_copy) == written


def test_a_sent_date_written_later_replaces_the_received_date_only_with_force(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G8"): "32,5"})
    imported(example_copy, form, "--received", "06/11/2025")
    fill(form, sent(4, 11))
    out = imported(example_copy, form, exit_code=1)
    assert (
        f"kh68: lỗi: {FORM} › Nhiệm vụ › C4:G4: biểu mẫu năm 2025 của {UNIT} đã có received = 2025-11-06; "
        "dùng --force để ghi đè bằng 2025-11-04\n"
    ) in out
    imported(example_copy, form, "--force")
    assert (receipt(example_copy)["received"], receipt(example_copy)["date_source"]) == (date(2025, 11, 4), "form")


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("31/02/2025", "--received: '31/02/2025' không phải là ngày hợp lệ (dùng dạng 2025-03-15 hoặc 15/3/2025)"),
        ("hôm qua", "--received: 'hôm qua' không phải là ngày hợp lệ (dùng dạng 2025-03-15 hoặc 15/3/2025)"),
        ("FUTURE", "--received: ngày FUTURE chưa tới (sau hôm nay)"),
    ],
)
def test_received_is_a_date_like_any_other_and_not_one_to_come(
    example_copy: Path, form: Path, option: str, message: str
) -> None:
    future = date.today() + timedelta(days=3)
    option = option.replace("FUTURE", future.isoformat())
    message = message.replace("FUTURE", format_date(future))
    fill(form, {("Chỉ tiêu", "G8"): "32,5"})
    before = snapshot(example_copy)
    assert imported(example_copy, form, "--received", option, exit_code=2) == f"kh68: lỗi: {message}\n"
    assert snapshot(example_copy) == before


def test_a_sent_date_after_the_day_received_is_refused(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G8"): "32,5", **sent(7, 11)})
    refused(
        example_copy,
        form,
        f"{FORM} › Nhiệm vụ › C4:G4: ngày gửi báo cáo 07/11/2025 sau ngày nhận 06/11/2025 (--received)",
        options=("--received", "06/11/2025"),
    )
    fill(form, sent(6, 11))  # the same day is fine; the form's own date wins over --received
    assert "gửi ngày 06/11/2025\n" in imported(example_copy, form, "--received", "06/11/2025")
    assert receipt(example_copy)["date_source"] == "form"


def test_an_empty_form_without_its_date_is_still_refused(example_copy: Path, form: Path) -> None:
    refused(
        example_copy,
        form,
        f"{FORM}: biểu mẫu chưa điền gì (không có số liệu, tiến độ nhiệm vụ hay ngày gửi báo cáo)",
        options=("--received", "06/11/2025"),
    )


# ------------------------------------------------------------ the day the form was made


def test_a_sent_date_before_the_form_was_made_is_refused(example_copy: Path, tmp_path: Path) -> None:
    invoke(
        ["form", "--plan", example_copy, "--year", "2025", "--unit", UNIT, "--date", "20/10/2025", "-o", tmp_path], 0
    )
    path = tmp_path / FORM
    assert openpyxl.load_workbook(path)["kh68"]["B7"].value == "2025-10-20"
    fill(path, {("Chỉ tiêu", "G8"): "32,5", **sent(15, 10)})
    refused(
        example_copy, path, f"{FORM} › Nhiệm vụ › C4:G4: ngày gửi báo cáo 15/10/2025 trước ngày lập biểu mẫu 20/10/2025"
    )
    fill(path, sent(20, 10))
    assert "gửi ngày 20/10/2025\n" in imported(example_copy, path)


def test_a_received_date_before_the_form_was_made_is_refused(example_copy: Path, tmp_path: Path) -> None:
    invoke(
        ["form", "--plan", example_copy, "--year", "2025", "--unit", UNIT, "--date", "20/10/2025", "-o", tmp_path], 0
    )
    path = fill(tmp_path / FORM, {("Chỉ tiêu", "G8"): "32,5"})
    refused(
        example_copy,
        path,
        f"{FORM} › Nhiệm vụ › C4:G4: không ghi ngày gửi báo cáo, mà ngày nhận 15/10/2025 trước ngày lập biểu mẫu "
        "20/10/2025",
        options=("--received", "15/10/2025"),
    )


def test_a_received_date_before_the_report_year_is_refused(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G8"): "32,5"})
    refused(
        example_copy,
        form,
        f"{FORM} › Nhiệm vụ › C4:G4: không ghi ngày gửi báo cáo, mà ngày nhận 20/12/2024 trước năm báo cáo 2025",
        options=("--received", "20/12/2024"),
    )


def test_a_form_whose_day_made_was_tampered_is_refused(example_copy: Path, form: Path) -> None:
    fill(form, {("kh68", "B7"): "hôm qua", ("Chỉ tiêu", "G8"): "32,5"})
    refused(
        example_copy,
        form,
        f"{FORM} › thông tin biểu mẫu: ngày lập biểu mẫu 'hôm qua' không hợp lệ; lập lại biểu mẫu bằng "
        f"'kh68 form --year 2025 --unit {UNIT}' và gửi đơn vị điền lại",
    )


def test_a_form_of_version_1_is_refused_with_the_command_to_make_a_new_one(example_copy: Path, form: Path) -> None:
    # Version 1 had one sent-date cell (a date Excel converted by its locale) and number cells.
    def as_version_1(wb) -> None:
        meta = wb["kh68"]
        meta["B5"] = "1"
        meta.delete_rows(7)  # no day made
        wb["Chỉ tiêu"]["G8"] = 32.5
        wb["Nhiệm vụ"]["C4"] = datetime(2025, 4, 11)

    edit_workbook(form, as_version_1)
    refused(
        example_copy,
        form,
        f"{FORM} › thông tin biểu mẫu: biểu mẫu phiên bản 1 (kh68 cũ): Excel có thể đã tự đổi ô ngày gửi và ô số "
        "của phiên bản này theo cài đặt của máy (Excel tiếng Anh đọc 04/11/2025 thành ngày 11 tháng 4, 7.080 "
        f"thành 7,08), nên không đọc chắc chắn được; lập lại biểu mẫu bằng 'kh68 form --year 2025 --unit {UNIT}' "
        "và gửi đơn vị điền lại",
    )


# ------------------------------------------------------------ the sent date's three cells


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (sent(4, 11, None), "G4: thiếu năm của ngày gửi báo cáo (ghi đủ ngày, tháng, năm; hoặc để trống cả ba ô)"),
        (sent(None, 11, 2025), "C4: thiếu ngày của ngày gửi báo cáo (ghi đủ ngày, tháng, năm; hoặc để trống cả ba ô)"),
        (sent(31, 2), "C4:G4: ngày gửi báo cáo: không có ngày 31 tháng 2 năm 2025"),
        (sent(4, 13), "E4: ngày gửi báo cáo: '13' không phải là số tháng (từ 1 đến 12, ví dụ 11)"),
        (sent(4, 11, 25), "G4: ngày gửi báo cáo: '25' không phải là năm (ghi đủ 4 chữ số, ví dụ 2025)"),
        # Typed 04/11/2025 into the day cell: Excel refuses it (a whole number 1-31); pasted, it is said.
        (
            sent(datetime(2025, 4, 11), None, None),
            "C4: ngày gửi báo cáo: '11/4/2025' không phải là số ngày (từ 1 đến 31, ví dụ 4)",
        ),
    ],
    ids=["no-year", "no-day", "31-feb", "month-13", "two-digit-year", "a-date-in-the-day-cell"],
)
def test_a_sent_date_that_is_not_a_date(example_copy: Path, form: Path, typed: dict, message: str) -> None:
    fill(form, {("Chỉ tiêu", "G8"): "32,5", **{k: v for k, v in typed.items() if v is not None}})
    refused(example_copy, form, f"{FORM} › Nhiệm vụ › {message}")


@pytest.mark.parametrize("typed", [sent(4, 11), sent("04", "11", "2025"), sent(4.0, 11.0, 2025.0)])
def test_the_sent_date_typed_as_numbers_or_text(example_copy: Path, form: Path, typed: dict) -> None:
    fill(form, {("Chỉ tiêu", "G8"): "32,5", **typed})
    assert "gửi ngày 04/11/2025\n" in imported(example_copy, form)
    assert (receipt(example_copy)["received"], receipt(example_copy)["date_source"]) == (date(2025, 11, 4), "form")


# ------------------------------------------------------------ decimals and dates typed either way


def values(plan: Path, *indicators: str) -> list[Decimal]:
    data = yaml.safe_load((plan / DATA).read_text(encoding="utf-8"))["indicators"]
    return [Decimal(str(data[i]["value"]).replace(",", ".")) for i in indicators]


def test_decimals_typed_either_way_are_read(example_copy: Path, form: Path) -> None:
    # Rows 8-11 are 6.2-6.5. "99,5" is text in an English Excel, 99.5 a number in a Vietnamese one.
    fill(form, {("Chỉ tiêu", "G8"): "99,5", ("Chỉ tiêu", "G9"): 99.5, ("Chỉ tiêu", "G10"): "99.5"})
    fill(form, {("Chỉ tiêu", "G11"): "99,5%"})
    assert "4 số liệu" in imported(example_copy, form, "--force")
    assert values(example_copy, "6.2", "6.3", "6.4", "6.5") == [Decimal("99.5")] * 4


@pytest.mark.parametrize("typed", ["99,5", "99.5", "1.234,5", "7.080", "7,080", "12,500", "0,5", "１２", "1e3"])
def test_text_numbers_are_read_by_the_shared_parser(typed: str) -> None:
    """Whatever ``kh68.core.vnformat.parse_exact`` says of a text, the form's value cell says the same."""
    try:
        expected: Decimal | None = parse_exact(typed)
    except ValueError:
        expected = None
    try:
        read: Decimal | None = Decimal(cells.decimal_text(typed))
    except ValueError:
        read = None
    assert read == expected


def test_a_document_date_excel_may_have_swapped_is_refused_with_both_readings(example_copy: Path, form: Path) -> None:
    # An English Excel stores a typed 04/11/2025 as 11 April (pasted into the text cell with its format).
    fill(form, {("Chỉ tiêu", "G8"): "32,5", ("Chỉ tiêu", "M8"): datetime(2025, 4, 11)})
    refused(
        example_copy,
        form,
        f"{FORM} › Chỉ tiêu › M8 (chỉ tiêu 6.2): Excel đã tự đổi ô này thành ngày theo cài đặt của máy, có thể "
        "đã đảo ngày và tháng; gõ lại đúng ngày dạng ngày/tháng/năm, ví dụ 11/4/2025 hoặc 04/11/2025",
    )
    fill(form, {("Chỉ tiêu", "M8"): "04/11/2025"})  # typed, the text cell keeps it as typed
    imported(example_copy, form, "--force")  # 6.2's source had another date
    source = yaml.safe_load((example_copy / DATA).read_text(encoding="utf-8"))["indicators"]["6.2"]["source"]
    assert source["date"] == date(2025, 11, 4)


# ------------------------------------------------------------ every example the form shows, fed back in

EXAMPLE = re.compile(r"(?:ví dụ|hoặc|dạng) (\d[\d.,/%-]*\d%?|\d)")
SENT_EXAMPLE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")


def examples(text: str | None) -> list[str]:
    return EXAMPLE.findall(text or "")


@pytest.fixture
def forms(example_copy: Path, tmp_path: Path) -> dict[str, Path]:
    """A division's form (percentages, one plain number: 6.13 counted in children) and a commune's (counts)."""
    replace_in(
        example_copy / "indicators.yaml",
        'tiếp cận giáo dục\n    unit: "%"\n',
        "tiếp cận giáo dục\n    unit: trẻ\n",
    )
    return {
        "division": make_form(example_copy, tmp_path / "a"),
        "commune": make_form(example_copy, tmp_path / "b", "xa_mh_01"),
    }


def _fresh(path: Path, tmp_path: Path, n: int) -> Path:
    copy = tmp_path / f"round-{n}" / path.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copy(path, copy)
    return copy


class _Rounds:
    """Examples to type into cells of the forms; each round types one example per cell into fresh copies of the
    forms, with the cells a value needs beside it (``partners``, keyed ``form:sheet!cell``), and imports them."""

    def __init__(self, plan: Path, tmp_path: Path, forms: dict[str, Path]) -> None:
        self.plan, self.tmp_path, self.forms = plan, tmp_path, forms
        self.wanted: dict[str, list[Any]] = {}  # "division:Chỉ tiêu!G8" → examples
        self.rounds = 0

    def add(self, form: str, cell: str, example: Any) -> None:
        typed = self.wanted.setdefault(f"{form}:{cell}", [])
        if example not in typed:
            typed.append(example)

    def run(self, partners: dict[str, dict[str, Any]]) -> None:
        for n in range(max(len(v) for v in self.wanted.values())):
            this_round = {key: typed[n] for key, typed in self.wanted.items() if n < len(typed)}
            by_form: dict[str, dict[tuple[str, ...], Any]] = {}
            for key in this_round:
                form = key.split(":")[0]
                by_form.setdefault(form, {}).update({tuple(k.split("!")): v for k, v in partners.get(key, {}).items()})
            for key, example in this_round.items():
                form, cell = key.split(":")
                by_form[form][tuple(cell.split("!"))] = example
            for form, fills in by_form.items():
                path = fill(_fresh(self.forms[form], self.tmp_path, self.rounds), fills)
                self.rounds += 1
                out = imported(self.plan, path, "--force", "--received", "06/11/2025")
                assert ", 0 tệp bị từ chối;" in out, (fills, out)


SENT_TODAY = {"Nhiệm vụ!C4": 4, "Nhiệm vụ!E4": 11, "Nhiệm vụ!G4": 2025}
PARTNERS = {  # what a cell needs beside it to be imported: a document's date its row's value, …
    "division:Chỉ tiêu!M7": {"Chỉ tiêu!G7": "95"},
    "division:Chỉ tiêu!M8": {"Chỉ tiêu!G8": "32,5"},
    "division:Chỉ tiêu!M9": {"Chỉ tiêu!G9": "95"},
    "division:Chỉ tiêu!M10": {"Chỉ tiêu!G10": "99"},
    "commune:Chỉ tiêu!M7": {"Chỉ tiêu!H7": 1, "Chỉ tiêu!I7": 20000},
    "commune:Chỉ tiêu!H7": {"Chỉ tiêu!I7": 20000},  # … a numerator its denominator
} | {f"{form}:{cell}": SENT_TODAY for form in ("division", "commune") for cell in SENT_TODAY}  # … a day its month


def test_every_example_the_form_shows_is_one_it_takes(example_copy: Path, forms: dict, tmp_path: Path) -> None:
    rounds = _Rounds(example_copy, tmp_path, forms)
    shown: list[str] = []
    for name, form in forms.items():
        wb = openpyxl.load_workbook(form)
        for sheet in ("Chỉ tiêu", "Nhiệm vụ"):
            for dv in wb[sheet].data_validations.dataValidation:
                cell = str(dv.sqref).split()[0]
                for example in examples(dv.prompt) + examples(dv.error):
                    shown.append(example)
                    rounds.add(name, f"{sheet}!{cell}", example)
                    if dv.type == "whole":  # Excel stores a typed whole number as a number
                        rounds.add(name, f"{sheet}!{cell}", int(example))
        guide = "\n".join(str(c.value) for row in wb["Hướng dẫn"].iter_rows() for c in row if c.value)
        for example in examples(guide):
            shown.append(example)
            if "/" in example:
                rounds.add("division", "Chỉ tiêu!M8", example)  # a document's date
                continue
            if not example.endswith("%"):  # a "%" is a rate's: refused of a count (see the test below)
                rounds.add("division", "Chỉ tiêu!G14", example)  # 6.13: a plain number
            if parse_exact(example.rstrip("%")) <= 100:
                rounds.add("division", "Chỉ tiêu!G8", example)  # 6.2: a percentage
            if example.isdigit():
                rounds.add("commune", "Chỉ tiêu!H7", example)  # a count
        for day, month, year in SENT_EXAMPLE.findall(guide):
            shown.append(f"{day}/{month}/{year}")
            for cell, part in zip(SENT_TODAY, (day, month, year), strict=True):
                rounds.add(name, cell, part)
    assert {"95,4", "95.4", "99,5", "99.5", "99,5%", "12500", "2140", "04/11/2025", "4/11/2025"} <= set(shown)
    rounds.run(PARTNERS)
    assert rounds.rounds >= 6


def test_every_example_a_refusal_gives_is_one_the_form_takes(example_copy: Path, forms: dict, tmp_path: Path) -> None:
    wrong = {
        "division": {
            ("Chỉ tiêu", "G8"): "chín lăm",  # a percentage
            ("Chỉ tiêu", "G14"): "x",  # a plain number
            ("Chỉ tiêu", "G9"): "95",
            ("Chỉ tiêu", "M9"): "hôm qua",  # a document's date
            ("Chỉ tiêu", "G10"): "99",
            ("Chỉ tiêu", "M10"): datetime(2025, 4, 11),  # a date Excel may have swapped
            ("Nhiệm vụ", "C4"): "x",
            ("Nhiệm vụ", "E4"): 13,
            ("Nhiệm vụ", "G4"): 25,
        },
        "commune": {("Chỉ tiêu", "H7"): "hai", ("Chỉ tiêu", "I7"): 10},
    }
    rounds = _Rounds(example_copy, tmp_path, forms)
    said = []
    for name, fills in wrong.items():
        out = imported(example_copy, fill(_fresh(forms[name], tmp_path, 100 + len(said)), fills), exit_code=1)
        for sheet, cell, message in re.findall(r"› (Chỉ tiêu|Nhiệm vụ) › ([A-Z]+\d+)(?: \([^)]*\))?: (.*)", out):
            said.append(message)
            assert examples(message), message
            for example in examples(message):
                rounds.add(name, f"{sheet}!{cell}", example)
    assert len(said) == 8, said  # each wrong cell said once, with examples
    rounds.run(PARTNERS)


# ------------------------------------------------------------ LibreOffice Calc


@pytest.mark.slow
@pytest.mark.needs("calc")
def test_a_form_filled_either_way_survives_libreoffice_calc(example_copy: Path, form: Path, tmp_path: Path) -> None:
    import subprocess

    soffice = require("calc").program
    fill(
        form,
        {
            ("Chỉ tiêu", "G8"): "99,5",
            ("Chỉ tiêu", "G9"): 99.5,
            ("Chỉ tiêu", "G10"): "99.5",
            ("Chỉ tiêu", "L8"): "15/BC-PGDTH",
            ("Chỉ tiêu", "M8"): "04/11/2025",
            **sent(4, 11),
        },
    )
    out = tmp_path / "lo"
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--convert-to", "xlsx",
         "--outdir", str(out), str(form)],
        check=True,
        capture_output=True,
        timeout=180,
    )  # fmt: skip
    saved = out / FORM
    assert saved.read_bytes() != form.read_bytes()
    assert imported(example_copy, saved, "--force").startswith(
        f"{FORM}: {UNIT} năm 2025: 3 số liệu, 0 nhiệm vụ, gửi ngày 04/11/2025\n"
    )
    assert values(example_copy, "6.2", "6.3", "6.4") == [Decimal("99.5")] * 3
    source = yaml.safe_load((example_copy / DATA).read_text(encoding="utf-8"))["indicators"]["6.2"]["source"]
    assert source["date"] == date(2025, 11, 4)
