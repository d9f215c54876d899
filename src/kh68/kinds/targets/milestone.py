"""milestone: a qualitative target, words without a number (``Triển khai theo đề án``): judged by reported state.

Words with a number that no kind reads are refused, not taken for a milestone;
a qualitative milestone that does contain a number is written in the structured
form ``{milestone: true, text: "Triển khai Đề án 06"}``. Words that say only which way a figure should go
("Hằng năm, giảm", "Giảm dần", "Không tăng") are a measure without its size, not a milestone: refused, saying so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar, Self

from kh68.core.safetext import excerpt
from kh68.kinds.measure import Measure
from kh68.kinds.phrases import fold
from kh68.kinds.targets.base import Feed, FieldType, Style, Target, TargetUnparsable
from kh68.kinds.targets.completion import near_miss
from kh68.kinds.verdict import Direction

_EVERY_YEAR = r"(?:(?:hằng|hàng|mỗi) năm|qua các năm|so với (?:năm trước|cùng kỳ(?: năm trước)?))"
_LEAD = r"(?:(?:phấn đấu|tiếp tục|bảo đảm|đảm bảo)\s+)*"  # "Tiếp tục giảm", "Phấn đấu giảm"
_HOW = r"(?:\s+(?:dần|liên tục|mạnh|nhanh|sâu|đều|ổn định|rõ rệt))*"  # "Giảm mạnh", "tăng đều"
_DIRECTION_ONLY = re.compile(
    rf"^(?:{_EVERY_YEAR},?\s*)?{_LEAD}(?:(?:không\s+)?(?:tăng|giảm){_HOW}|(?:duy trì|giữ vững|giữ ổn định)"
    r"(?:\s+và\s+(?:nâng cao|tăng|phát triển))?)"
    rf"(?:,?\s*{_EVERY_YEAR})?\s*[.;]?$"
)
"""A target that says only the way its figure should go: "Hàng năm, giảm", "Giảm dần", "Không tăng"."""
_PLEDGES = r"(?:phấn đấu|đảm bảo|bảo đảm|dự kiến|có|đạt|chiếm)"
_BOUNDS = r"(?:ít nhất|tối thiểu|tối đa|trên|dưới|không quá|không dưới|khoảng|từ|trở lên|trở xuống)"
_BOUND_ONLY = re.compile(
    rf"^(?:{_PLEDGES}\s*)*(?:{_BOUNDS}\s*)+[.;]?$|^(?:phấn đấu|đảm bảo|bảo đảm|dự kiến)(?:\s+{_PLEDGES})*[.;]?$"
)
"""Words of a bound with its number left out: "có ít nhất", "tối thiểu", "đạt trên", "Đảm bảo"."""
_SPELLED = re.compile(
    r"\b(?:(?:ít nhất|tối thiểu|tối đa|không quá|không dưới|trên|dưới|khoảng|có|đạt)\s+"
    r"(?P<a>một|hai|ba|bốn|sáu|bảy|tám|chín|mười|vài)"
    r"|(?:ít nhất|tối thiểu|tối đa|không quá|không dưới)\s+(?P<b>năm))\b"
)
_DIGIT_OF = dict(
    zip(("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"), map(str, range(1, 11)), strict=False)
)
"""A bound with its number written as a word ("Có ít nhất một cơ sở y tế"): a number, never a milestone's words
("năm" only after a bound that needs a number: "từ năm sau" is a time)."""


class Milestone(Target):
    kind = "milestone"
    example = "mốc định tính không có chữ số"
    phrasings = ("Triển khai theo đề án",)
    meaning = "theo trạng thái được báo cáo"
    fields: ClassVar[dict[str, FieldType]] = {"milestone": FieldType.FLAG}
    feed = Feed.STATE
    numeric = False

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        if re.search(r"[0-9]", phrase) or phrase[:1] in "<>≥≤=~":
            return None
        if spelled := _SPELLED.search(phrase):
            word = spelled["a"] or spelled["b"]
            digits = _DIGIT_OF.get(word)
            rewrite = f"viết lại bằng chữ số ('{word}' là {digits})" if digits else "viết lại bằng chữ số"
            raise TargetUnparsable(
                f"chỉ tiêu {excerpt(text)} ghi số bằng chữ ('{word}'): kh68 đọc số viết bằng chữ số; {rewrite}, "
                "hoặc dạng cấu trúc {milestone: true, text: '…'} nếu là mốc định tính"
            )
        if _BOUND_ONLY.match(phrase):
            raise TargetUnparsable(
                f"{excerpt(text)} là lời của một mức mà thiếu con số: ghi đủ như văn bản (ví dụ 'ít nhất 30%', "
                "'tối thiểu 02 vùng'), hoặc dạng cấu trúc {milestone: true, text: '…'} nếu là mốc định tính"
            )
        if _DIRECTION_ONLY.match(phrase):
            raise TargetUnparsable(
                f"{excerpt(text)} chỉ nói chiều thay đổi (tăng, giảm, duy trì) mà không nói mức: không phải mốc định tính, "
                "và kh68 không tự đặt mức; ghi mức như văn bản (ví dụ 'giảm 10% so với năm 2025', 'giảm bình quân "
                "5%/năm') hoặc, để theo dõi theo trạng thái báo cáo, dạng cấu trúc {milestone: true, text: '…'}"
            )
        return cls(text=text)

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any], text: str) -> Self:
        return cls(text=text)

    def doubt(self) -> str | None:
        if near_miss(fold(self.text)):
            return f"{excerpt(self.text)} được hiểu là mốc định tính; nếu là chỉ tiêu hoàn thành, viết 'Hoàn thành'"
        return None

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        return "mốc định tính" if style is Style.MEANING else self.text
