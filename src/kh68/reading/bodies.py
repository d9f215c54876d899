"""Who is who in a plan: each unit as a body that issues documents, and who sends, drafts and signs a report.

Everything comes from the plan's data (``units.yaml``: ``abbreviation``, ``header``,
``head_title``, ``collective``, ``parent``, ``place``; ``plan.yaml``: ``issuing_unit``,
``tracker``, each duty's ``issued_as``, ``drafter``, ``signer``, ``copy_to``). Where the
data leaves a part out, it is derived from what the data does say, with the words of
Vietnamese public administration and nothing of any one plan:

* a unit named "Ủy ban nhân dân <địa bàn>" is headed ``ỦY BAN NHÂN DÂN`` / ``<ĐỊA BÀN>``,
  abbreviated ``UBND``, signs ``TM. ỦY BAN NHÂN DÂN`` / ``CHỦ TỊCH``, and dates its
  documents at its own place (the commune's, the province's name);
* a unit with a parent (a division of a department) is headed by its parent's name,
  then its own name without what it shares with its parent;
* the head's title follows the first word of the name (Sở: GIÁM ĐỐC, Phòng: TRƯỞNG PHÒNG …);
* the plan's issuer is abbreviated as its plan's symbol says (``KH-UBND`` → ``UBND``)
  and headed as ``plan.yaml`` writes it (``parent_body``, ``issuing_body``) when it does.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kh68.reading.enums import DutyKind, UnitKind
from kh68.reading.models import Duty, Signer, Unit
from kh68.reading.plan import Plan

PEOPLES_COMMITTEE = "ỦY BAN NHÂN DÂN"
PEOPLES_COMMITTEE_SHORT = "UBND"
# A unit's name starts with one of these words (lower case, NFC): the title of its head.
HEAD_TITLES: tuple[tuple[str, str], ...] = (
    ("ủy ban nhân dân", "CHỦ TỊCH"),
    ("ubnd", "CHỦ TỊCH"),
    ("hội đồng nhân dân", "CHỦ TỊCH"),
    ("công an xã", "TRƯỞNG CÔNG AN XÃ"),
    ("công an phường", "TRƯỞNG CÔNG AN PHƯỜNG"),
    ("công an đặc khu", "TRƯỞNG CÔNG AN ĐẶC KHU"),
    ("công an tỉnh", "GIÁM ĐỐC"),  # a province's or a centrally-run city's police (a smaller city's: not known)
    ("công an thành phố", "GIÁM ĐỐC"),
    ("bộ chỉ huy", "CHỈ HUY TRƯỞNG"),
    ("bộ đội biên phòng", "CHỈ HUY TRƯỞNG"),
    ("bộ tư lệnh", "TƯ LỆNH"),
    ("tiểu ban", "TRƯỞNG TIỂU BAN"),
    ("ban", "TRƯỞNG BAN"),
    ("bộ", "BỘ TRƯỞNG"),
    ("sở", "GIÁM ĐỐC"),
    ("trung tâm", "GIÁM ĐỐC"),
    ("bệnh viện", "GIÁM ĐỐC"),
    ("trạm", "TRẠM TRƯỞNG"),  # trạm y tế, trạm khuyến nông …
    ("viện kiểm sát", "VIỆN TRƯỞNG"),
    ("viện", "VIỆN TRƯỞNG"),
    ("tòa án", "CHÁNH ÁN"),
    ("thanh tra chính phủ", "TỔNG THANH TRA"),
    ("thanh tra", "CHÁNH THANH TRA"),
    ("kho bạc", "GIÁM ĐỐC"),
    ("đội", "ĐỘI TRƯỞNG"),
    ("văn phòng", "CHÁNH VĂN PHÒNG"),
    ("chi cục", "CHI CỤC TRƯỞNG"),
    ("cục", "CỤC TRƯỞNG"),
    ("phòng", "TRƯỞNG PHÒNG"),
    ("tổ", "TỔ TRƯỞNG"),
    ("trường", "HIỆU TRƯỞNG"),
)
UNIT_HEAD = "THỦ TRƯỞNG ĐƠN VỊ"
# Agencies a ministry runs down to the locality (police, military command, tax, customs, treasury, statistics,
# social insurance, the State Bank, procuracy, courts, enforcement): not the People's Committee's, so their header
# has no "UBND …" line and their name keeps its territory.
VERTICAL = (
    "công an",
    "bộ chỉ huy",
    "bộ tư lệnh",
    "bộ đội biên phòng",
    "thuế",
    "cục thuế",
    "chi cục thuế",
    "hải quan",
    "cục hải quan",
    "chi cục hải quan",
    "kho bạc",
    "thống kê",
    "cục thống kê",
    "chi cục thống kê",
    "bảo hiểm xã hội",
    "ngân hàng nhà nước",
    "ngân hàng chính sách xã hội",
    "viện kiểm sát",
    "tòa án",
    "thi hành án",
    "cục thi hành án",
    "chi cục thi hành án",
)
# The level of a local government's territory, before its name ("xã Khe Tre", "thành phố Huế").
LEVELS = ("tỉnh", "thành phố", "xã", "phường", "thị trấn", "đặc khu", "huyện", "quận", "thị xã")
_LEVEL = re.compile("|".join(sorted(LEVELS, key=len, reverse=True)))  # longest first: "thành phố" before "tỉnh"
UNKNOWN_ABBREVIATION = "…"
ARCHIVE_ONLY = "Lưu: VT."  # the archive line without a drafting unit


@dataclass(frozen=True)
class Body:
    """A unit as the issuer of a document: what its header, symbol, place and signature say."""

    unit_id: str
    name: str
    abbreviation: str | None
    parent_lines: tuple[str, ...]
    own_lines: tuple[str, ...]
    head_title: str
    collective: str | None
    place: str
    has_parent: bool

    @property
    def symbol(self) -> str:
        """``BC-UBND``: a report's symbol (``BC-…`` while the abbreviation is unknown)."""
        return f"BC-{self.abbreviation or UNKNOWN_ABBREVIATION}"

    def signature(self, signer: Signer | None = None) -> tuple[str, ...]:
        """The lines above the signature, Decree 30: ``TM. …``, ``KT. …``/``Q. …``/``TL. …``/``TUQ. …``, the title."""
        signer = signer or Signer()
        lines = [f"TM. {self.collective}"] if self.collective and signer.on_behalf else []
        head = signer.for_title or self.head_title
        form = signer.form
        if form is None:
            lines.append(signer.title or head)
        elif form == "Q.":
            lines.append(f"Q. {head}")
        else:
            lines.append(f"{form} {head}")
            lines.append(signer.title or f"PHÓ {head}")
        return tuple(lines)


_OLD_PLACEMENT = re.compile(r"(?<![qQ])([oOuU])([àáảãạÀÁẢÃẠỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])")
"""The older placement of the tone mark on the second vowel of "oa", "uy" at a word's end ("Toà", "Uỷ"): the same
word as "Tòa", "Ủy"."""
_TONE_MOVED = {
    **{c: (t, "a") for t, c in zip("òóỏõọ", "àáảãạ", strict=True)},
    **{c: (t, "A") for t, c in zip("ÒÓỎÕỌ", "ÀÁẢÃẠ", strict=True)},
    **{c: (t, "y") for t, c in zip("ùúủũụ", "ỳýỷỹỵ", strict=True)},
    **{c: (t, "Y") for t, c in zip("ÙÚỦŨỤ", "ỲÝỶỸỴ", strict=True)},
}


def _nfc(text: str) -> str:
    """NFC text with the tone mark where a name's words are compared ("Uỷ ban" is "Ủy ban", "Toà án" "Tòa án")."""
    return _OLD_PLACEMENT.sub(_tone_on_first, unicodedata.normalize("NFC", text))


def _tone_on_first(found: re.Match[str]) -> str:
    vowel, marked = found[1], found[2]
    toned, plain = _TONE_MOVED[marked]
    if vowel.isupper() != toned.isupper():
        toned = toned.upper() if vowel.isupper() else toned.lower()
    if (vowel.lower() == "o") != (plain.lower() == "a"):  # "ua", "oy": no such pair, as written
        return found[0]
    return toned + plain


def _words(text: str) -> list[str]:
    return _nfc(text).split()


def _starts_with(name: str, phrase: str) -> bool:
    words, wanted = [w.lower() for w in _words(name)], phrase.split()
    return words[: len(wanted)] == wanted


def is_peoples_committee(name: str) -> bool:
    return _starts_with(name, "ủy ban nhân dân") or _starts_with(name, "ubnd")


def is_vertical(name: str) -> bool:
    """Whether a unit of this name is an agency a ministry runs down to the locality (``VERTICAL``)."""
    return any(_starts_with(name, phrase) for phrase in VERTICAL)


def _with_territory(plan: Plan, name: str) -> str:
    """``Công an thành phố Hà Nội`` of "Công an Thành phố" in a plan issued by "Ủy ban nhân dân thành phố Hà Nội":
    a name that ends with the level of the issuer's territory, without its name, completed with it."""
    issuer = issuer_id(plan)
    territory = _territory(plan.units.units[issuer].name) if issuer is not None else None
    place = _place_of_territory(territory) if territory is not None else None
    if territory is None or place is None:
        return name
    level = territory[: -len(place)].strip()
    written = " ".join(_words(name))
    if written.lower().endswith(" " + level.lower()):
        return f"{written[: -len(level)]}{level} {place}"
    return written


def _territory(name: str) -> str | None:
    """``thành phố Huế`` of "Ủy ban nhân dân thành phố Huế" (``None`` for another name)."""
    rest = _after_committee(name)
    # "Ủy ban nhân dân các xã, phường" is a group, not a territory.
    return " ".join(rest) if rest and rest[0].lower() != "các" else None


def stands_for_many(unit: Unit) -> bool:
    """Whether ``unit`` is many bodies under one name (its ``members``; "Các phòng thuộc Sở"; a People's Committee
    of no one place: "Ủy ban nhân dân các xã, phường", "UBND xã, phường", "UBND cấp xã"): none of them issues a
    document in that name."""
    if unit.members or _starts_with(unit.name, "các"):
        return True
    rest = " ".join(_after_committee(unit.name) or []).lower()
    # "các xã", "cấp xã", "xã, phường, đặc khu": levels, not a place (one level alone, "tỉnh", is the plan's own)
    levels = _LEVEL.findall(rest)
    unnamed = not re.sub(r"[\s,]|\bvà\b", "", _LEVEL.sub("", rest))
    many_levels = rest.startswith("cấp ") and not rest.startswith(("cấp tỉnh", "cấp thành phố"))  # "cấp xã"
    return rest.startswith("các ") or many_levels or (len(levels) > 1 and unnamed)


def none_named(plan: Plan, unit_id: str) -> bool:
    """Many bodies under one name the plan lists no members of ("Ủy ban nhân dân các xã, phường"): no one of them
    can send its report, and no form is made for it."""
    unit = plan.units.units[unit_id]
    return not unit.members and stands_for_many(unit)


def _after_committee(name: str) -> list[str] | None:
    """The words after "Ủy ban nhân dân" / "UBND" in a People's Committee's name; ``None`` for another name."""
    words = _words(name)
    if _starts_with(name, "ủy ban nhân dân"):
        return words[4:]
    if _starts_with(name, "ubnd"):
        return words[1:]
    return None


def _place_of_territory(territory: str) -> str | None:
    """``Huế`` of ``thành phố Huế``, ``Khe Tre`` of ``xã Khe Tre``; ``None`` unless a proper name follows a level."""
    lowered = territory.lower()
    for level in sorted(LEVELS, key=len, reverse=True):
        rest = territory[len(level) + 1 :]
        if lowered.startswith(level + " ") and rest[:1].isupper():
            return rest
    return None


def head_title_of(unit: Unit) -> str:
    if unit.head_title:
        return unit.head_title
    for phrase, title in HEAD_TITLES:
        if _starts_with(unit.name, phrase):
            return title
    return UNIT_HEAD


def _acronym(text: str) -> bool:
    """One word of capitals (and digits, dashes, at most a lower-case letter among them): ``KHTH``, ``VHXH``, ``QLCL-KT``."""
    return (
        bool(re.fullmatch(r"[^\W\d_a-zđ][\w-]*", text))
        and sum(c.isupper() for c in text) >= 2
        and not any(c.islower() for c in text[:2])
    )


def issuer_id(plan: Plan) -> str | None:
    return plan.units.resolve(plan.meta.issuing_unit)


def tracker_id(plan: Plan) -> str | None:
    """The body that tracks the plan (cơ quan thường trực): ``tracker``, else the issuer."""
    if plan.meta.tracker is not None:
        return plan.units.resolve(plan.meta.tracker)
    return issuer_id(plan)


def parent_id(plan: Plan, unit_id: str) -> str | None:
    """The body ``unit_id`` belongs to: its ``parent``; a division's is the tracker (a division tracking the plan:
    its own body, never a fellow division's); an agency's an issuing authority."""
    unit = plan.units.units[unit_id]
    found: str | None = None
    if unit.parent is not None:
        found = plan.units.resolve(unit.parent)
    elif unit.kind is UnitKind.DIVISION:
        found = tracker_id(plan)
        if found == unit_id:  # the tracking division itself belongs to the issuer
            found = issuer_id(plan)
        elif found is not None and plan.units.units[found].kind is UnitKind.DIVISION:
            found = parent_id(plan, found)  # "Phòng Văn hóa - Xã hội" tracks: its fellow divisions are the xã's too
    elif unit.kind is UnitKind.AGENCY and not is_vertical(unit.name):
        issuer = issuer_id(plan)
        if issuer is not None and plan.units.units[issuer].kind is UnitKind.AUTHORITY:
            found = issuer
    return found if found != unit_id else None


def abbreviation_of(plan: Plan, unit_id: str) -> str | None:
    unit = plan.units.units[unit_id]
    if unit.abbreviation:
        return unit.abbreviation
    if unit_id == issuer_id(plan):
        _, dash, rest = plan.meta.symbol.partition("-")
        if dash and rest.strip():
            return rest.strip()
    if is_peoples_committee(unit.name):
        return PEOPLES_COMMITTEE_SHORT
    return next((s for s in unit.short_names if _acronym(s)), None)


def _header_name(name: str) -> str:
    """A parent's line: its name in capitals, "Ủy ban nhân dân" written ``UBND`` as headers do."""
    territory = _territory(name)
    if territory is not None:
        return f"{PEOPLES_COMMITTEE_SHORT} {territory.upper()}"
    return _nfc(name).upper()


def _without_shared(plan: Plan, unit: Unit, parent: Unit) -> str:
    """``Phòng Kế hoạch`` of "Phòng Kế hoạch Sở X" under Sở X; ``Sở Du lịch`` of "Sở Du lịch thành phố Huế"
    under "Ủy ban nhân dân thành phố Huế": the unit's name without the words it repeats of its parent."""
    name = " ".join(_words(unit.name))
    for other in sorted((parent.name, *parent.short_names), key=len, reverse=True):
        other = " ".join(_words(other))
        if name.endswith(" " + other) and len(name) > len(other) + 1:
            return name[: -len(other) - 1]
    # The territory both names end with ("thành phố Huế"), from its level word on.
    mine, theirs = _words(unit.name), _words(parent.name)
    shared = 0
    while shared < min(len(mine), len(theirs)) - 1 and mine[-1 - shared] == theirs[-1 - shared]:
        shared += 1
    for cut in range(max(len(mine) - shared, 1), len(mine) - 1):
        if _place_of_territory(" ".join(mine[cut:])) is not None:
            return " ".join(mine[:cut])
    return name


def body(plan: Plan, ref: str) -> Body:
    """Unit ``ref`` as the issuer of a document."""
    unit_id = plan.units.resolve(ref) or ref
    unit = plan.units.units[unit_id]
    parent = parent_id(plan, unit_id)
    parent_unit = plan.units.units[parent] if parent else None
    territory = _territory(unit.name)
    meta = plan.meta
    if unit.header is not None:
        parent_lines, own_lines = tuple(unit.header.parent), tuple(unit.header.own)
    elif unit_id == issuer_id(plan) and meta.issuing_body:
        parent_lines = (meta.parent_body,) if meta.parent_body else ()
        own_lines = (meta.issuing_body,)
    else:
        parent_lines = (_header_name(parent_unit.name),) if parent_unit else ()
        if territory is not None:
            own_lines = (PEOPLES_COMMITTEE, territory.upper())
        else:
            own = _without_shared(plan, unit, parent_unit) if parent_unit else _with_territory(plan, unit.name)
            own_lines = (_nfc(own).upper(),)
    collective = unit.collective or (PEOPLES_COMMITTEE if territory is not None else None)
    return Body(
        unit_id=unit_id,
        name=unit.name,
        abbreviation=abbreviation_of(plan, unit_id),
        parent_lines=parent_lines,
        own_lines=own_lines,
        head_title=head_title_of(unit),
        collective=collective,
        place=place_of(plan, unit_id),
        has_parent=parent is not None,
    )


def place_of(plan: Plan, unit_id: str, _seen: frozenset[str] = frozenset()) -> str:
    """Where a unit dates its documents: its ``place``; a local government's own territory; its parent's; the plan's."""
    unit = plan.units.units[unit_id]
    if unit.place:
        return unit.place
    territory = _territory(unit.name)
    own = _place_of_territory(territory) if territory is not None else None
    if own is not None:
        return own
    parent = parent_id(plan, unit_id)
    if parent is not None and parent not in _seen:
        return place_of(plan, parent, _seen | {unit_id})
    return plan.meta.place


def short_name(plan: Plan, unit_id: str, among: str | None) -> str:
    """A unit's name as its fellow units say it: without its parent's name when ``among`` shares that parent."""
    unit = plan.units.units[unit_id]
    parent = parent_id(plan, unit_id)
    if parent is not None and among is not None and parent in (among, parent_id(plan, among)):
        return _without_shared(plan, unit, plan.units.units[parent])
    return unit.name


@dataclass(frozen=True)
class Sender:
    """Who a report is from: the body it is issued as, the unit that drafted it, who signs."""

    issued_as: Body
    drafter: str | None
    signature: tuple[str, ...]
    name: str

    def archive(self, plan: Plan) -> str:
        """``Lưu: VT, DL.`` (the drafting unit's abbreviation); ``Lưu: VT.`` when it has none, or is the body itself
        (a Sở's own report said "Lưu: VT, SCT.": its drafting division is for the plan to name, ``drafter``); a
        division's own report is kept under its own abbreviation."""
        own = self.drafter == self.issued_as.unit_id
        if self.drafter is None or (own and plan.units.units[self.drafter].kind is not UnitKind.DIVISION):
            return ARCHIVE_ONLY
        abbreviation = abbreviation_of(plan, self.drafter)
        return f"Lưu: VT, {abbreviation}." if abbreviation else ARCHIVE_ONLY


def is_above(plan: Plan, sender_id: str, recipient_id: str) -> bool:
    """``recipient_id`` is a body above ``sender_id``: one the sender belongs to (its parent chain), or a higher
    authority (kind ``authority``) other than the sender itself. A Sở does not "kính báo cáo" a fellow Sở."""
    if recipient_id == sender_id:
        return False
    if plan.units.units[recipient_id].kind is UnitKind.AUTHORITY:
        return True
    return belongs_to(plan, sender_id, recipient_id)


def belongs_to(plan: Plan, unit_id: str, body_id: str) -> bool:
    """Whether ``body_id`` is in ``unit_id``'s parent chain (its body, that body's body …), never ``unit_id`` itself;
    each unit visited once (a chain that loops ends)."""
    seen = {unit_id}
    found = parent_id(plan, unit_id)
    while found is not None and found not in seen:
        if found == body_id:
            return True
        seen.add(found)
        found = parent_id(plan, found)
    return False


def plan_report_sender(plan: Plan, duty: Duty | None) -> Sender:
    """The sender of the report on the plan: ``issued_as`` (else the drafter's body), ``drafter``, ``signer``."""
    drafter = None
    if duty is not None:
        drafter = plan.units.resolve(duty.drafter) if duty.drafter else next(iter(plan.unit_ids(duty.from_units)), None)
    issued: str | None = None
    if duty is not None and duty.issued_as:
        issued = plan.units.resolve(duty.issued_as)
    elif drafter is not None:
        issued = parent_id(plan, drafter) if plan.units.units[drafter].kind is UnitKind.DIVISION else drafter
        issued = issued or drafter
    issued = issued or tracker_id(plan) or plan.meta.issuing_unit
    signer = duty.signer if duty is not None and duty.signer is not None else plan.meta.signer
    issued_body = body(plan, issued)
    return Sender(issued_body, drafter, issued_body.signature(signer), signer.name or "")


def unit_sender(plan: Plan, unit_id: str) -> Sender:
    """A unit reporting in its own name: its header, signed by its head."""
    own = body(plan, unit_id)
    return Sender(own, unit_id, own.signature(), "")


def above_the_units(plan: Plan, unit_id: str) -> str | None:
    """Why ``unit_id`` sends no unit report: it issues or tracks the plan (it reports in the plan's report), or
    receives the plan's report; ``None`` for a unit that may."""
    if unit_id in (issuer_id(plan), tracker_id(plan)):
        return "là cơ quan ban hành hoặc theo dõi Kế hoạch, báo cáo bằng báo cáo chung của Kế hoạch"
    recipients = {u for d in plan.meta.duties if d.kind is DutyKind.PLAN_REPORT for u in plan.unit_ids(d.to_units)}
    return "là nơi nhận báo cáo của Kế hoạch" if unit_id in recipients else None


def coordinator_id(plan: Plan) -> str | None:
    """The unit the units report to (the first recipient of the ``unit_report`` duty)."""
    duty = plan.duty(DutyKind.UNIT_REPORT)
    ids = plan.unit_ids(duty.to_units) if duty else []
    return ids[0] if ids else None
