"""Checks that need the whole plan: references, uniqueness, years, ranges."""

from __future__ import annotations

from pathlib import Path

from kh68.errors import Problem, error, warning
from kh68.reading.measures import computed_value
from kh68.reading.models import Indicator, Measurement, YearData
from kh68.reading.plan import Plan
from kh68.reading.source import Document, Key
from kh68.reading.targets import TargetKind, looks_like_completion
from kh68.vnformat import format_exact, format_number


class CrossChecker:
    def __init__(self, plan: Plan, problems: list[Problem]):
        self.plan = plan
        self.problems = problems
        self._data_years: dict[int, str] = {}  # year -> name of the first data file for it

    def _add(
        self, doc: Document, loc: Key, message: str, *, key: bool = False, warn: bool = False, rule: str = ""
    ) -> None:
        line, column = doc.position(loc, key=key)
        make = warning if warn else error
        self.problems.append(make(doc.path, line, column, message, rule))

    def _unit_keys(self, doc: Document, loc: Key, keys: list[str]) -> None:
        """Each unit once: two keys naming the same unit (id and alias) are an error naming both lines."""
        first: dict[str, str] = {}
        for ref in keys:
            uid = self.plan.units.resolve(ref)
            if uid is None:
                continue
            if uid in first:
                line = doc.position((*loc, first[uid]), key=True)[0]
                self._add(
                    doc,
                    (*loc, ref),
                    f"'{ref}' và '{first[uid]}' (dòng {line}) cùng chỉ đơn vị {uid}; gộp thành một mục",
                    key=True,
                    rule="unit-duplicate",
                )
            first.setdefault(uid, ref)

    def _refs(self, doc: Document, loc: Key, refs: list[str]) -> None:
        for i, ref in enumerate(refs):
            if self.plan.units.resolve(ref) is None:
                self._add(doc, (*loc, i), self._unknown_unit(ref))

    def _unknown_unit(self, ref: str) -> str:
        return self.plan.units.unknown(ref)

    # ------------------------------------------------------------ plan files

    def check_plan(self) -> None:
        self._check_units()
        self._check_indicators()
        self._check_tasks()
        meta = self.plan.documents["plan"]
        if self.plan.units.resolve(self.plan.meta.issuing_unit) is None:
            self._add(meta, ("issuing_unit",), self._unknown_unit(self.plan.meta.issuing_unit))
        for i, duty in enumerate(self.plan.meta.duties):
            self._refs(meta, ("duties", i, "from_units"), duty.from_units)
            self._refs(meta, ("duties", i, "to_units"), duty.to_units)

    def _check_units(self) -> None:
        doc = self.plan.documents["units"]
        seen: dict[str, int] = {}
        # Index in the file of each unit the index kept: with a duplicate id the
        # index keeps the last entry, so positions must point at the last one too.
        where: dict[str, int] = {}
        raw = doc.data["units"]
        for i, entry in enumerate(raw):
            uid = entry.get("id") if isinstance(entry, dict) else None
            if uid in seen:
                self._add(doc, ("units", i, "id"), f"mã đơn vị '{uid}' bị trùng (đã dùng ở mục thứ {seen[uid] + 1})")
            seen.setdefault(uid, i)
            where[uid] = i
        for unit in self.plan.units.units.values():
            index = where[unit.id]
            self._refs(doc, ("units", index, "members"), unit.members)
            self._refs(doc, ("units", index, "successors"), unit.successors)
            if unit.start and unit.end and unit.end < unit.start:
                self._add(doc, ("units", index, "end"), "ngày kết thúc trước ngày bắt đầu")
        for name, first, second in self.plan.units.clashes:
            index = where[second]
            self._add(doc, ("units", index), f"tên gọi '{name}' đã thuộc về đơn vị '{first}'")

    def _check_indicators(self) -> None:
        doc = self.plan.documents["indicators"]
        period = self.plan.meta.period
        seen: dict[str, int] = {}
        for i, ind in enumerate(self.plan.indicators):
            if ind.id in seen:
                self._add(
                    doc,
                    ("indicators", i, "id"),
                    f"mã chỉ tiêu '{ind.id}' bị trùng (đã dùng ở mục thứ {seen[ind.id] + 1})",
                )
            seen.setdefault(ind.id, i)
            self._refs(doc, ("indicators", i, "responsible_units"), ind.responsible_units)
            for year, target in ind.targets.items():
                loc = ("indicators", i, "targets", str(year))
                if not period.start <= year <= period.end:
                    self._add(doc, loc, f"năm {year} nằm ngoài thời kỳ kế hoạch {period.start}–{period.end}", key=True)
                spec = target.spec
                if ind.unit == "%" and any(b is not None and not 0 <= b <= 100 for b in (spec.min, spec.max)):
                    self._add(doc, loc, f"chỉ tiêu '{target.text}' nằm ngoài khoảng 0–100%")
                if spec.kind is TargetKind.MILESTONE and looks_like_completion(target.text):
                    self._add(
                        doc,
                        loc,
                        f"'{target.text}' được hiểu là mốc định tính; nếu là chỉ tiêu hoàn thành, viết 'Hoàn thành'",
                        warn=True,
                    )

    def _check_tasks(self) -> None:
        doc = self.plan.documents["tasks"]
        seen: set[str] = set()
        for g, group in enumerate(self.plan.groups):
            for t, task in enumerate(group.tasks):
                loc = ("groups", g, "tasks", t)
                if task.id in seen:
                    self._add(doc, (*loc, "id"), f"mã nhiệm vụ '{task.id}' bị trùng")
                seen.add(task.id)
                self._refs(doc, (*loc, "lead_units"), task.lead_units)
                self._refs(doc, (*loc, "coordinating_units"), task.coordinating_units)

    # ------------------------------------------------------------ data files

    def check_data(self, path: Path, doc: Document, data: YearData) -> bool:
        before = len(self.problems)
        first, last = self.plan.first_year(), self.plan.meta.period.end
        if path.stem != str(data.year):
            self._add(doc, ("year",), f"năm {data.year} không khớp tên tệp {path.name}")
        if not first <= data.year <= last:
            self._add(doc, ("year",), f"năm {data.year} nằm ngoài khoảng cho phép {first}–{last}")
        if data.year in self._data_years:
            # Otherwise the later file would silently replace the earlier one.
            self._add(doc, ("year",), f"số liệu năm {data.year} đã có trong tệp {self._data_years[data.year]}")
        self._data_years.setdefault(data.year, path.name)
        for ind_id, measurement in data.indicators.items():
            indicator = self.plan.indicator(ind_id)
            if indicator is None:
                known = ", ".join(i.id for i in self.plan.indicators)
                self._add(doc, ("indicators", ind_id), f"không có chỉ tiêu '{ind_id}' (các mã: {known})", key=True)
                continue
            self._check_measurement(doc, ("indicators", ind_id), indicator, measurement)
        for task_id, by_unit in data.tasks.items():
            if self.plan.task(task_id) is None:
                self._add(doc, ("tasks", task_id), f"không có nhiệm vụ '{task_id}'", key=True)
            for unit_ref in by_unit:
                if self.plan.units.resolve(unit_ref) is None:
                    self._add(doc, ("tasks", task_id, unit_ref), self._unknown_unit(unit_ref), key=True)
            self._unit_keys(doc, ("tasks", task_id), list(by_unit))
        return not any(p.severity == "error" for p in self.problems[before:])

    def _check_measurement(self, doc: Document, loc: Key, indicator: Indicator, m: Measurement) -> None:
        if m.value is not None and not indicator.takes_value:
            self._add(doc, (*loc, "value"), f"chỉ tiêu {indicator.id} ghi trạng thái (state), không ghi số")
        if m.state is not None and not indicator.takes_state:
            self._add(doc, (*loc, "state"), f"chỉ tiêu {indicator.id} ghi số (value), không ghi trạng thái")
        self._percent(doc, (*loc, "value"), indicator, m.value)
        if m.source and m.source.unit and self.plan.units.resolve(m.source.unit) is None:
            self._add(doc, (*loc, "source", "unit"), self._unknown_unit(m.source.unit))
        for unit_ref, entry in m.by_unit.items():
            entry_loc = (*loc, "by_unit", unit_ref)
            if self.plan.units.resolve(unit_ref) is None:
                self._add(doc, entry_loc, self._unknown_unit(unit_ref), key=True)
            if entry.met is not None and indicator.basis != "share_of_units":
                self._add(doc, (*entry_loc, "met"), f"chỉ tiêu {indicator.id} không tính theo tỷ lệ đơn vị đạt chuẩn")
            self._percent(doc, (*entry_loc, "value"), indicator, entry.value)
        self._unit_keys(doc, (*loc, "by_unit"), list(m.by_unit))
        self._compare_computed(doc, loc, indicator, m)

    def _percent(self, doc: Document, loc: Key, indicator: Indicator, value: float | None) -> None:
        if indicator.unit == "%" and value is not None and not 0 <= value <= 100:
            self._add(doc, loc, f"tỷ lệ {format_exact(value)}% nằm ngoài khoảng 0–100")

    def _compare_computed(self, doc: Document, loc: Key, indicator: Indicator, m: Measurement) -> None:
        computed = computed_value(m, indicator)
        if m.value is None or computed is None:
            return
        if abs(m.value - computed) > 0.05:
            self._add(
                doc,
                (*loc, "value"),
                f"giá trị ghi {format_number(m.value)} khác giá trị tính từ các đơn vị "
                f"{format_number(computed)} (lệch hơn 0,05)",
                warn=True,
            )
