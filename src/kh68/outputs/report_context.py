"""The context of the yearly report: plain values for the templates, no I/O.

``build_report`` turns the engine's and tracker's verdicts (``kh68.outputs.status_view``)
into a tree of dicts, lists, strings, numbers and dates.  Templates (Markdown,
HTML) and the Word writer read only this tree; every key is documented in the
README ("Mẫu báo cáo").  Numbers are already in Vietnamese form where they are
meant to be printed as they are (``ket_qua``, ``so_sanh`` …); raw numbers are
kept beside them (``gia_tri``) for templates that format them otherwise.

The engine's API this module reads (stable; for the report's rewrite):
``build_status(...).results`` is a ``kh68.tracking.engine.PlanResult`` (iterable of
``IndicatorResult``; ``count(status)``, ``with_status(...)``, ``get(id)``,
``final_year``).  Each ``IndicatorResult`` has ``target`` (``TargetInForce``:
``text`` the plan's words, ``display`` what is compared, ``decimals``, ``derived``,
``footnote``), ``value`` / ``value_display``, ``state``, ``status``, ``gap`` at
``decimals``, ``previous`` (``year``, ``value``, ``change``), ``series`` (``Point``s),
``final`` (``year``, ``text``, ``spec``, ``goal``, ``display``), ``goal``,
``progress`` (``category``, ``ratio``, ``projected``, ``final_year``, ``data_year``),
``coverage`` and ``comparable_since``.  Every word comes from ``kh68.vocab``:
``Status.label``, ``vocab.against_target`` ("vượt 0,4% so với chỉ tiêu",
"thấp hơn chỉ tiêu 1,2 điểm phần trăm"), ``vocab.against_year`` ("tăng 1,5 điểm
phần trăm so với năm 2024"), ``vocab.NO_TARGET``, ``vocab.task_state_label``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from kh68 import vocab
from kh68.outputs.status_view import build_status
from kh68.reading.models import Measurement
from kh68.reading.plan import Plan
from kh68.reading.targets import Basis, DutyKind, TargetKind, TaskState
from kh68.tracking.engine import IndicatorResult
from kh68.tracking.tasks import Deadline, TaskStatus
from kh68.vnformat import format_date, long_date
from kh68.vocab import Category, Status

SYNTHETIC_NOTICE = (
    "SỐ LIỆU MINH HỌA: báo cáo này được lập từ kế hoạch mẫu có số liệu minh họa, "
    "không có thật; không dùng để gửi hoặc trích dẫn."
)
ARCHIVE = "VT, TCHC"
BAR_WIDTH = 20
DERIVED_NOTE = (
    'Chỉ tiêu năm {year} ghi "(mốc nội suy)" không phải chỉ tiêu nguyên văn của Kế hoạch: mốc số được nội suy '
    "tuyến tính giữa hai năm Kế hoạch có chỉ tiêu; mốc định tính giữ nguyên chỉ tiêu của năm có chỉ tiêu gần nhất trước đó."
)


def build_report(plan: Plan, year: int, today: date, unit: str | None = None) -> dict[str, Any]:
    """The whole report for ``year`` as of ``today`` (optionally one unit's part)."""
    plan.require_year(year, baseline=False)
    unit_id = plan.require_unit(unit) if unit is not None else None
    view = build_status(plan, year, today, unit_id)
    meta = plan.meta
    year_data = plan.data.get(year)
    issuer_name = plan.unit_name(meta.issuing_unit)
    basis = meta.legal_bases[0] if meta.legal_bases else None
    basis_text = basis.title or f"{basis.number}" if basis else meta.title
    plan_ref = _plan_reference(plan)
    subject = f"Kết quả thực hiện năm {year} {plan_ref} thực hiện {basis_text}"
    if unit_id is not None:
        subject += f" (phần việc của {plan.unit_name(unit_id)})"
    wanted = _unit_filter(plan, unit_id)

    indicators, notes = _indicator_rows(plan, view.results.results, year)
    groups = _task_groups(plan, view.tasks, wanted)
    entries = [(t, uid, p) for t in view.tasks for uid, p in t.entries.items() if wanted(uid)]

    def gathered(attr: str) -> list[dict[str, Any]]:
        return [
            {
                "don_vi": plan.unit_name(uid),
                "ma_don_vi": uid,
                "nhiem_vu": t.task.id,
                "ten_nhiem_vu": t.task.title,
                "noi_dung": getattr(p, attr),
            }
            for t, uid, p in entries
            if getattr(p, attr)
        ]

    counts = {s.value: sum(1 for r in indicators if r["trang_thai"] == s.value) for s in Status}
    final_year = view.results.final_year or meta.period.end
    return {
        "so_lieu_minh_hoa": plan.synthetic,
        "canh_bao_minh_hoa": SYNTHETIC_NOTICE if plan.synthetic else "",
        "nam": year,
        "nam_cuoi_ky": final_year,
        "ky_ke_hoach": {"bat_dau": meta.period.start, "ket_thuc": meta.period.end},
        "ngay_bao_cao": today,
        "co_quan_chu_quan": meta.parent_body,
        "co_quan_ban_hanh": meta.issuing_body,
        "ten_co_quan": issuer_name,
        "so_ky_hieu": f"…/{meta.report_symbol}",
        "ky_hieu_bao_cao": meta.report_symbol,
        "dia_danh": meta.place,
        "dia_danh_ngay": f"{meta.place}, {long_date(today)}",
        "loai_van_ban": "BÁO CÁO",
        "trich_yeu": subject,
        "ke_hoach": {
            "so": meta.number,
            "ky_hieu": meta.symbol,
            "ngay": meta.date,
            "nam": meta.year,
            "trich_yeu": meta.title,
            "ten_goi": plan_ref,
        },
        "mo_dau": (
            f"Thực hiện {plan_ref} của {issuer_name} {_lower_first(meta.title)}, "
            f"{issuer_name} báo cáo kết quả thực hiện năm {year} như sau:"
        ),
        "don_vi": {"ma": unit_id, "ten": plan.unit_name(unit_id)} if unit_id else None,
        "co_so_lieu": year_data is not None and bool(year_data.indicators or year_data.tasks),
        "nhom_nhiem_vu": groups,
        "chi_tieu": indicators,
        "ghi_chu_bang": notes,
        "thong_ke": counts,
        "chi_tieu_chua_dat": [
            f"Chỉ tiêu {r['ma']} ({r['ten']}): {r['so_sanh']}." for r in indicators if r["trang_thai"] == Status.NOT_MET
        ],
        "nhiem_vu_chua_trien_khai": [
            nv
            for nhom in groups
            for nv in nhom["nhiem_vu"]
            if nv["trang_thai"] == TaskState.NOT_STARTED or (nv["trang_thai"] == "no_report" and nv["chua_bao_cao"])
        ],
        "kho_khan": gathered("difficulties"),
        "phuong_huong": gathered("directions"),
        "kien_nghi": gathered("proposals"),
        "tinh_hinh_bao_cao": _reporting(plan, view.deadlines),
        "noi_nhan": _recipients(plan, today, unit_id),
        "luu": ARCHIVE,
        "nguoi_ky": {
            "quyen_han": meta.signer.authority or "",
            "chuc_vu": meta.signer.title,
            "ho_ten": meta.signer.name or "",
        },
        "ket_luan": (f"Trên đây là báo cáo kết quả thực hiện năm {year} {plan_ref} của {issuer_name}./."),
    }


# ----------------------------------------------------------------- pieces


def _plan_reference(plan: Plan) -> str:
    """``Kế hoạch số …/KH-SGDĐT năm 2024`` or with number and date when the plan has them."""
    meta = plan.meta
    number = meta.number or "…"
    when = f"ngày {format_date(meta.date)}" if meta.date else f"năm {meta.year}"
    return f"{meta.type.capitalize()} số {number}/{meta.symbol} {when}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _unit_filter(plan: Plan, unit_id: str | None) -> Callable[[str], bool]:
    if unit_id is None:
        return lambda uid: True
    members = set(plan.units.expand(unit_id)) | {unit_id}
    return lambda uid: uid in members


def _strip_stop(text: str | None) -> str | None:
    return text.rstrip(" .;") if text else text


def _task_groups(plan: Plan, tasks: list[TaskStatus], wanted: Callable[[str], bool]) -> list[dict[str, Any]]:
    by_group: dict[str, list[TaskStatus]] = {}
    for t in tasks:
        by_group.setdefault(t.group_id, []).append(t)
    out = []
    for group in plan.groups:
        items = by_group.get(group.id)
        if not items:
            continue
        rows = []
        for t in items:
            task = t.task
            suffix = task.id[len(group.id) :].lstrip(".") if task.id.startswith(group.id) else task.id
            rows.append(
                {
                    "ma": task.id,
                    "thu_tu": f"{suffix})" if suffix else "",
                    "ten": task.title,
                    "don_vi_chu_tri": _strip_stop(task.lead_text) or ", ".join(plan.unit_names(task.lead_units)),
                    "don_vi_phoi_hop": _strip_stop(task.coordinating_text)
                    or ", ".join(plan.unit_names(task.coordinating_units)),
                    "thoi_gian": _strip_stop(task.timing) or "",
                    "trang_thai": t.state.value if t.state else "no_report",
                    "trang_thai_nhan": vocab.task_state_label(t.state),
                    "chua_bao_cao": plan.unit_names(t.missing_leads),
                    "ket_qua": [
                        {
                            "don_vi": plan.unit_name(uid),
                            "ma_don_vi": uid,
                            "trang_thai": p.state.value,
                            "trang_thai_nhan": vocab.task_state_label(p.state),
                            "ngay": p.date,
                            "noi_dung": p.results or "",
                        }
                        for uid, p in t.entries.items()
                        if wanted(uid)
                    ],
                }
            )
        number = group.id.rsplit(".", 1)[-1]
        out.append({"ma": group.id, "so": number, "ten": group.title, "nhiem_vu": rows})
    return out


def _gap_text(result: IndicatorResult) -> str:
    """The engine's verdict in words (``kh68.vocab.against_target``): ``Vượt 0,4% so với chỉ tiêu`` …"""
    ind, target = result.indicator, result.target
    if not result.has_data or target is None:
        return "—"
    if result.value is None and not (target.kind.numeric or ind.basis is Basis.SHARE_OF_UNITS):
        return vocab.task_state_label(result.state)
    words = vocab.against_target(
        result.status, result.gap, ind.unit, ind.direction, result.decimals, target.kind is TargetKind.RANGE
    )
    if result.status is Status.IN_PROGRESS and words:
        words += f"; {vocab.task_state_label(result.state).lower()}"
    return vocab.sentence(words) or "—"


def _progress_text(result: IndicatorResult, year: int) -> str:
    p = result.progress
    text = p.category.label
    if p.projected is not None and p.final_year:
        text += f"; dự báo năm {p.final_year}: {vocab.amount(p.projected, result.indicator.unit)}"
    if p.data_year is not None and p.data_year < year:
        text += f" (theo số liệu năm {p.data_year})"
    return text


def _source_note(m: Measurement | None, plan: Plan, computed: bool, unit: str) -> list[str]:
    parts: list[str] = []
    if m is None:
        return parts
    if m.source:
        src = [m.source.document or ""]
        if m.source.date:
            src.append(f"ngày {format_date(m.source.date)}")
        if m.source.unit:
            src.append(f"({plan.unit_name(m.source.unit)})")
        text = " ".join(s for s in src if s)
        if text:
            parts.append(f"Nguồn: {text}.")
    if computed and m.value is None and m.by_unit:
        how = (
            "tổng tử số/tổng mẫu số"
            if any(e.numerator is not None for e in m.by_unit.values())
            else "số đơn vị đạt/tổng số đơn vị"
        )
        parts.append(f"Giá trị toàn tỉnh tính từ số liệu của {len(m.by_unit)} đơn vị ({how}).")
    if m.note:
        parts.append(f"Ghi chú: {m.note}")
    return parts


def bar(value: float | None, target: float | None, scale: float) -> str:
    """A Unicode bar of ``BAR_WIDTH`` cells; ``┃`` marks the target."""
    if value is None or scale <= 0:
        return "░" * BAR_WIDTH
    filled = max(0, min(BAR_WIDTH, round(value / scale * BAR_WIDTH)))
    cells = ["█"] * filled + ["░"] * (BAR_WIDTH - filled)
    if target is not None:
        mark = max(0, min(BAR_WIDTH - 1, round(target / scale * BAR_WIDTH) - 1))
        cells[mark] = "┃"
    return "".join(cells)


def _indicator_rows(
    plan: Plan, results: list[IndicatorResult] | tuple[IndicatorResult, ...], year: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from kh68.outputs.charts import indicator_chart

    rows = []
    notes: list[dict[str, Any]] = []
    derived_note: int | None = None
    for stt, r in enumerate(results, 1):
        ind = r.indicator
        unit = ind.unit
        target = r.target
        if target is None:
            target_text = vocab.NO_TARGET
        else:
            target_text = target.text + (vocab.DERIVED_SUFFIX if target.derived else "")
        if r.value is not None:
            shown = r.value_display
            if r.state is not None:
                shown += f" ({vocab.task_state_label(r.state).lower()})"
        elif r.state is not None:
            shown = vocab.task_state_label(r.state)
        else:
            shown = Status.NO_DATA.label
        row_notes = _source_note(r.measurement, plan, r.computed is not None, unit)
        if target is not None and target.footnote:
            row_notes.insert(0, f"Chỉ tiêu: {target.footnote}")
        numbers = []
        if target is not None and target.derived:
            if derived_note is None:
                notes.append({"so": len(notes) + 1, "chi_tieu": "", "noi_dung": DERIVED_NOTE.format(year=year)})
                derived_note = len(notes)
            numbers.append(derived_note)
        for text in row_notes:
            notes.append({"so": len(notes) + 1, "chi_tieu": ind.id, "noi_dung": text})
            numbers.append(len(notes))
        scale = (
            100.0
            if unit == "%"
            else max([*(p.value for p in r.series), *([r.goal] if r.goal else [])], default=0) * 1.1
        )
        rows.append(
            {
                "stt": stt,
                "ma": ind.id,
                "ten": ind.name,
                "don_vi_tinh": unit,
                "don_vi_chu_tri": _strip_stop(ind.responsible_text)
                or ", ".join(plan.unit_names(ind.responsible_units)),
                "chi_tieu_nam": target_text,
                "chi_tieu_noi_suy": bool(target and target.derived),
                "nam_cuoi_ky": r.final.year if r.final else None,
                "chi_tieu_cuoi_ky": r.final.text if r.final else "",
                "co_so_lieu": r.has_data,
                "gia_tri": r.value,
                "tinh_trang_thuc_hien": r.state.value if r.state else None,
                "ket_qua": shown,
                "so_sanh": _gap_text(r),
                "chenh_lech": r.gap,
                "trang_thai": r.status.value,
                "danh_gia": r.status.label,
                "tien_do": _progress_text(r, year) if r.series else Category.NOT_AVAILABLE.label,
                "tien_do_ma": r.progress.category.value,
                "du_bao": r.progress.projected,
                "ghi_chu_so": numbers,
                "thanh": bar(r.value, r.goal, scale) if r.value is not None else "",
                "chuoi_so_lieu": [{"nam": p.year, "gia_tri": p.value} for p in r.series],
                "bieu_do": indicator_chart(plan, r) if r.series else "",
            }
        )
    return rows, notes


def _reporting(plan: Plan, owed: list[Deadline]) -> dict[str, Any]:
    duty = next((d for d in owed if d.duty.kind is DutyKind.UNIT_REPORT), None)
    if duty is None:
        return {"co_han": False, "han": None, "muc": "", "chua_bao_cao": [], "bao_cao_muon": [], "da_bao_cao": []}
    return {
        "co_han": True,
        "han": duty.due,
        "muc": duty.duty.section,
        "chua_bao_cao": [plan.unit_name(u.unit_id) for u in duty.units if not u.reported],
        "bao_cao_muon": [
            {"don_vi": plan.unit_name(u.unit_id), "ngay": u.on, "so_ngay": (u.on - duty.due).days}
            for u in duty.units
            if u.reported and u.late and u.on
        ],
        "da_bao_cao": [plan.unit_name(u.unit_id) for u in duty.units if u.reported and not u.late],
    }


def _recipients(plan: Plan, today: date, unit_id: str | None) -> list[str]:
    """Section IV's addressees of the report (the department's, or a unit's to the department)."""
    kind = DutyKind.UNIT_REPORT if unit_id else DutyKind.PLAN_REPORT
    duty = next((d for d in plan.meta.duties if d.kind is kind), None)
    if duty is None:
        return []
    names: list[str] = []
    for uid in plan.unit_ids(duty.to_units):
        unit = plan.units.units[uid]
        current = [uid]
        if unit.end is not None and unit.end < today and unit.successors:
            current = list(plan.unit_ids(unit.successors)) or [uid]
        for c in current:
            name = plan.unit_name(c)
            if name not in names:
                names.append(name)
    return names


__all__ = ["SYNTHETIC_NOTICE", "bar", "build_report", "long_date"]
