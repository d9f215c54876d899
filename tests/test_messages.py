"""Small messages in Vietnamese, with hints: a missing plan folder says how to name or make one;
Jinja's English (undefined values, syntax, sandbox) is said in Vietnamese, with file:line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN, invoke
from kh68.outputs.jinja_words import jinja_message

HINT = (
    "Gợi ý: chỉ thư mục kế hoạch bằng --plan <thư mục> hoặc biến môi trường KH68_PLAN; "
    "chưa có kế hoạch thì tạo một kế hoạch mới bằng kh68 init <thư mục>.\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["check"],
        ["export"],
        ["report", "--year", "2025"],
        ["record", "1", "--year", "2025", "--value", "1"],
        ["form", "--year", "2025", "-o", "bieu-mau"],
    ],
    ids=lambda args: args[0],
)
def test_no_plan_folder_says_how_to_name_or_make_one(tmp_path: Path, monkeypatch, args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KH68_PLAN", raising=False)
    result = invoke(args, 2)
    assert result.stdout == ""
    assert result.stderr == "kh68: lỗi: không có thư mục kế hoạch 'plan'\n" + HINT
    assert list(tmp_path.iterdir()) == []


def test_the_plan_folder_named_and_not_there(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co"
    assert (
        invoke(["status", "--plan", missing], 2).stderr == f"kh68: lỗi: không có thư mục kế hoạch '{missing}'\n" + HINT
    )
    assert invoke(["check", missing], 2).stderr == f"kh68: lỗi: không có thư mục kế hoạch '{missing}'\n" + HINT


def test_a_plan_folder_that_is_something_else_gets_no_such_hint(tmp_path: Path) -> None:
    (tmp_path / "tep").write_text("x", encoding="utf-8")
    assert invoke(["check", tmp_path / "tep"], 2).stderr == (
        f"kh68: lỗi: '{tmp_path / 'tep'}' là một tệp, không phải thư mục kế hoạch\n"
    )
    if os.name == "posix":
        (tmp_path / "lien-ket").symlink_to(tmp_path / "da-chuyen")
        assert invoke(["check", tmp_path / "lien-ket"], 2).stderr == (
            f"kh68: lỗi: không có thư mục kế hoạch '{tmp_path / 'lien-ket'}': liên kết tượng trưng (symlink) "
            f"trỏ tới nơi không có ({tmp_path / 'da-chuyen'})\n"
        )


def test_init_from_a_missing_plan_says_it_of_from(tmp_path: Path) -> None:
    result = invoke(["init", "--no-git", "--from", tmp_path / "khong-co", tmp_path / "moi"], 2)
    assert result.output == f"kh68: lỗi: --from: không có thư mục kế hoạch '{(tmp_path / 'khong-co').as_posix()}'\n"


# ---------------------------------------------------------------- report templates

REPORT = ["report", "--plan", str(EXAMPLE_PLAN), "--year", "2025", "--date", "2025-11-10"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{{ nam_bao_cao }}", "2: mẫu báo cáo dùng biến 'nam_bao_cao' không có"),
        ("{{ header.so_hieu }}", "2: mẫu báo cáo dùng thuộc tính 'so_hieu' không có trong Header"),
        ("{{ annex.table.rows[999] }}", "2: mẫu báo cáo dùng phần tử 999 không có trong danh sách"),
        ("{{ none.x }}", "2: mẫu báo cáo dùng thuộc tính 'x' không có trong giá trị rỗng (None)"),
        (
            "{% for x in chi_tieu %}",
            (
                "2: lỗi cú pháp mẫu: mẫu kết thúc khi còn khối chưa đóng: đang cần thẻ 'endfor' hoặc 'else'; "
                "khối trong cùng chưa đóng là 'for'"
            ),
        ),
        (
            "{% for x in chi_tieu %}{% endif %}",
            (
                "2: lỗi cú pháp mẫu: thẻ không biết hoặc không đúng chỗ 'endif'; đang cần thẻ 'endfor' hoặc 'else'; "
                "khối trong cùng chưa đóng là 'for'"
            ),
        ),
        ("{% foo %}", "2: lỗi cú pháp mẫu: thẻ không biết hoặc không đúng chỗ 'foo'"),
        ("{{ x }", "2: lỗi cú pháp mẫu: '}' không đúng chỗ"),
        ("{{ (1 }}", "2: lỗi cú pháp mẫu: gặp '}' ở chỗ cần ')'"),
        ("{{ 1 ! 2 }}", "2: lỗi cú pháp mẫu: ký tự không dùng được ở đây '!'"),
        ("{{ a. }}", "2: lỗi cú pháp mẫu: sau dấu chấm cần một tên hoặc một số"),
        ("{{ 1|khong_co }}", "2: lỗi cú pháp mẫu: không có bộ lọc 'khong_co'"),
        ("{% if 1 is khong_co %}{% endif %}", "2: lỗi khi dựng báo cáo: không có phép thử (sau 'is') 'khong_co'"),
        (
            "{% block a %}{% endblock %}{% block a %}{% endblock %}",
            "2: lỗi cú pháp mẫu: khối 'a' được định nghĩa hai lần",
        ),
        ("{# chú thích", "2: lỗi cú pháp mẫu: chú thích '{#' không có '#}' đóng"),
        ('{{ 1 + "a" }}', "2: lỗi khi dựng báo cáo (TypeError): phép + không dùng được giữa int và str"),
        ("{{ 1 / 0 }}", "2: lỗi khi dựng báo cáo (ZeroDivisionError): chia cho 0"),
        ('{{ "x"|so }}', "2: lỗi khi dựng báo cáo (ValueError): không đọc được 'x' thành số"),
        (
            "{{ year|ngay(1) }}",
            "2: lỗi khi dựng báo cáo (TypeError): f_ngay() nhận 1 đối số, mẫu đưa 2",
        ),
        (
            "{{ ''.__class__ }}",
            (
                "2: mẫu báo cáo dùng thao tác không được phép (chỉ được đọc dữ liệu báo cáo và dùng các bộ lọc): "
                "không được đọc thuộc tính '__class__' của một 'str'"
            ),
        ),
    ],
)
def test_a_template_error_is_said_in_vietnamese_with_its_line(tmp_path: Path, text: str, message: str) -> None:
    template = tmp_path / "mau.md.j2"
    template.write_text(f"# Báo cáo\n{text}\n", encoding="utf-8")
    result = invoke([*REPORT, "--template", template], 1)
    assert result.stdout == ""
    assert result.stderr == f"kh68: lỗi: {template}:{message}\n"


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("expected token 'end of print statement', got 'x'", "cần '}}' nhưng gặp 'x'"),
        ("expected token 'name', got 'end of statement block'", "cần một tên nhưng gặp '%}'"),
        ("unexpected end of template, expected 'end of statement block'.", "mẫu kết thúc giữa chừng: còn thiếu '%}'"),
        ("tag name expected", "thiếu tên thẻ sau '{%'"),
        ("'<built-in method x>' is not safely callable", "không được gọi '<built-in method x>'"),
        # A form this module does not know (a later Jinja's) is kept as Jinja wrote it.
        ("something new went wrong", "something new went wrong"),
    ],
)
def test_jinja_message(english: str, vietnamese: str) -> None:
    assert jinja_message(english) == vietnamese
