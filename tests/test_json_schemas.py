"""``kh68 schema``: committed schemas are fresh, and every plan file validates.

How the validator sees a file (as VS Code does: YAML 1.2 types) is explained
in ``tests/yaml12.py``.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURE_PLAN, invoke
from kh68.lint.check import check_plan
from kh68.outputs.schema import kind_of, schema_file_name
from kh68.reading.models import FILE_MODELS
from yaml12 import editor_view

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "schemas"


def validator(kind: str) -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMAS / schema_file_name(kind)).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def plan_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml") if kind_of(p))


BUNDLED = plan_files(FIXTURE_PLAN) + plan_files(ROOT / "examples" / "plan")


def test_committed_schemas_are_what_kh68_schema_generates(tmp_path):
    result = invoke(["schema", "--out", tmp_path / "out"], 0)
    names = sorted(schema_file_name(kind) for kind in FILE_MODELS)
    assert result.output == "".join(
        f"Đã ghi {(tmp_path / 'out' / n).as_posix()}\n" for n in [schema_file_name(k) for k in FILE_MODELS]
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names
    for name in names:
        generated = (tmp_path / "out" / name).read_text(encoding="utf-8")
        committed = (SCHEMAS / name).read_text(encoding="utf-8")
        assert committed == generated, f"schemas/{name} đã cũ: chạy 'make schema'"


def test_schema_refuses_a_file_as_out(tmp_path):
    (tmp_path / "f").write_text("x")
    result = invoke(["schema", "--out", tmp_path / "f"], 2)
    assert result.output == f"kh68: lỗi: '{(tmp_path / 'f').as_posix()}' là một tệp, không phải thư mục; không ghi gì\n"


@pytest.mark.parametrize("kind", list(FILE_MODELS))
def test_every_field_has_a_vietnamese_title_and_description(kind):
    schema = json.loads((SCHEMAS / schema_file_name(kind)).read_text(encoding="utf-8"))
    objects = [schema, *list(schema.get("definitions", {}).values())]
    seen = 0
    for obj in objects:
        branches = [obj, *obj.get("anyOf", [])]
        for branch in branches:
            for name, prop in branch.get("properties", {}).items():
                seen += 1
                assert prop.get("title"), f"{kind}: trường {name} thiếu title"
                assert prop.get("description"), f"{kind}: trường {name} thiếu description"
        assert obj["title"]
        assert obj["description"]
        assert not re.fullmatch(r"[A-Za-z]+", obj["title"]), f"{kind}: tiêu đề tiếng Anh {obj['title']}"
    assert seen > 0


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_bundled_file_starts_with_its_modeline_and_validates(path):
    kind = kind_of(path)
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{path}: dòng đầu phải là modeline yaml-language-server"
    target = (path.parent / match[1]).resolve()
    assert target == (SCHEMAS / schema_file_name(kind)).resolve()
    errors = sorted(validator(kind).iter_errors(editor_view(path)), key=lambda e: list(e.absolute_path))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in errors] == []


def test_the_bundled_plans_are_what_the_loader_accepts():
    for root in (FIXTURE_PLAN, ROOT / "examples" / "plan"):
        plan, problems = check_plan(root)
        assert plan is not None, problems


def _write_minimal(tmp_path: Path) -> Path:
    root = tmp_path / "plan"
    shutil.copytree(ROOT / "examples" / "plan", root)
    return root


def test_loader_spellings_pass_both_the_loader_and_the_schema(tmp_path):
    root = _write_minimal(tmp_path)
    (root / "data" / "2024.yaml").write_text(
        """year: "2024"
synthetic: yes
indicators:
  "6.3":
    value: 95.4
    source: {document: Báo cáo, date: 30/10/2025, unit: Phòng GDTH – GDMN}
  "6.4":
    value: 99,55
  "6.2":
    by_unit:
      pgd_da_lat: {numerator: 2.140, denominator: "6 210"}
      pgd_bao_loc: {numerator: 1320, denominator: 3980}
  "6.9":
    by_unit:
      pgd_da_lat: {met: true}
      pgd_bao_loc: {met: no}
tasks:
  III.1.a:
    phong_tchc: {state: ongoing, date: 2025-11-01}
""",
        encoding="utf-8",
    )
    text = (root / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace("deadline: 10/11", "deadline: {day: 10, month: 11}").replace(
        "date: 2024-05-09", "date: 09/5/2024"
    )
    (root / "plan.yaml").write_text(text, encoding="utf-8")
    with (root / "indicators.yaml").open("a", encoding="utf-8") as f:
        f.write(
            """
  - id: 6.99
    name: Chỉ tiêu thử
    unit: "%"
    targets:
      2025: 30-35
      "2026": 99,5
      "2027": 99.5
      "2028": 100
      "2030": {text: "> 60", footnote: Ghi chú}
    responsible_units: so_gddt
"""
        )
    plan, problems = check_plan(root)
    assert plan is not None, problems
    for path in plan_files(root):
        errors = list(validator(kind_of(path)).iter_errors(editor_view(path)))
        assert [e.message for e in errors] == [], path


@pytest.mark.parametrize(
    ("kind", "document", "message"),
    [
        (
            "indicators",
            {
                "indicators": [
                    {"id": "6.1", "name": "x", "unit": "%", "targets": {}, "responsible_units": [], "unit_typo": 1}
                ]
            },
            "Additional properties are not allowed ('unit_typo' was unexpected)",
        ),
        (
            "indicators",
            {
                "indicators": [
                    {
                        "id": "6.1",
                        "name": "x",
                        "unit": "%",
                        "targets": {"2025": {"at_lest": 3}},
                        "responsible_units": [],
                    }
                ]
            },
            "is not valid under any of the given schemas",
        ),
        (
            "indicators",
            {
                "indicators": [
                    {"id": "6.1", "name": "x", "unit": "%", "targets": {"năm 2025": "30"}, "responsible_units": []}
                ]
            },
            "does not match",
        ),
        (
            "data",
            {"year": 2025, "indicators": {"6.2": {"value": "chín mươi"}}},
            "is not valid under any of the given schemas",
        ),
        (
            "data",
            {"year": 2025, "tasks": {"III.1.a": {"phong_tchc": {"state": "finished"}}}},
            "'finished' is not one of",
        ),
        ("units", {"units": [{"id": "Phong TCHC", "name": "x"}]}, "does not match"),
        ("plan", {"symbol": "x"}, "is a required property"),
    ],
)
def test_the_schema_marks_real_mistakes(kind, document, message):
    errors = list(validator(kind).iter_errors(document))
    assert errors
    assert any(message in e.message or any(message in c.message for c in e.context) for e in errors), [
        e.message for e in errors
    ]


def test_check_does_not_import_the_schema_module():
    import subprocess
    import sys

    code = "import sys, kh68.cli; print(sorted(m for m in ('kh68.outputs.schema', 'kh68.repo.scaffold', 'kh68.outputs.diff_compare', 'kh68.repo.gitplan') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
