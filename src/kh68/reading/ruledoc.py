"""The rules applied while a file is read (YAML, encoding, schema), and what every rule says of itself.

The rules that need the whole plan live in ``kh68.lint.rules``, one module each;
these are applied by ``source``, ``validation`` and ``load`` as they read a file,
so they are declared here, where those modules can import them without a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kh68.core.errors import Severity


@dataclass(frozen=True)
class RuleDoc:
    """A rule's stable id, its severity, what it checks and a message it gives (both in Vietnamese)."""

    id: str
    severity: Severity
    summary: str
    example: str
    # Whether a plan may turn the rule off or change its level (``plan.yaml`` › ``rules``, ``# kh68: disable-line``):
    # not for a rule whose finding leaves the plan unreadable or ambiguous (an unknown unit, a duplicated id).
    adjustable: bool = field(default=False, kw_only=True)


FILE_MISSING = RuleDoc(
    "file-missing",
    Severity.ERROR,
    "thư mục kế hoạch có đủ plan.yaml, units.yaml, tasks.yaml (indicators.yaml: khi kế hoạch có bảng chỉ tiêu)",
    "thiếu tệp tasks.yaml trong thư mục kế hoạch",
)
FILE_UNREADABLE = RuleDoc(
    "file-unreadable",
    Severity.ERROR,
    "tệp đọc được (quyền truy cập; là tệp thông thường, không phải thư mục)",
    "không đọc được tệp: không có quyền truy cập",
)
FILE_STRAY = RuleDoc(
    "file-stray",
    Severity.WARNING,
    "không có tệp YAML nào kh68 không đọc (thường là tệp đặt nhầm chỗ hoặc đặt nhầm tên)",
    "kh68 không đọc tệp chi-tieu-moi.yaml: kế hoạch gồm indicators.yaml, plan.yaml, tasks.yaml, units.yaml và data/<năm>.yaml",
    adjustable=True,
)
DATA_FILE_STRAY = RuleDoc(
    "data-file-stray",
    Severity.WARNING,
    "mọi mục trong data/ là một tệp <năm>.yaml kh68 đọc (không thư mục con, không đuôi viết hoa, không tên khác)",
    "đuôi tệp phải viết thường: đổi tên thành 2024.yaml",
    adjustable=True,
)
FILE_ENCODING = RuleDoc(
    "file-encoding",
    Severity.ERROR,
    "tệp được lưu với mã hóa UTF-8 (có hoặc không có BOM) và không bị cắt cụt",
    "tệp được mã hóa UTF-16; hãy lưu lại tệp với mã hóa UTF-8",
)
YAML_SYNTAX = RuleDoc(
    "yaml-syntax",
    Severity.ERROR,
    "tệp là một tài liệu YAML hợp lệ, không chứa ký tự điều khiển",
    "YAML không hợp lệ: thiếu dấu ':' sau khóa",
)
YAML_EMPTY = RuleDoc("yaml-empty", Severity.ERROR, "tệp không rỗng", "tệp rỗng: cần một bảng khóa–giá trị (mapping)")
YAML_ALIAS = RuleDoc(
    "yaml-alias",
    Severity.ERROR,
    "không dùng anchor/alias YAML (&, *), nên không có 'billion laughs'",
    "không hỗ trợ anchor/alias YAML (&, *): hãy viết giá trị trực tiếp",
)
YAML_TAG = RuleDoc(
    "yaml-tag",
    Severity.ERROR,
    "không dùng thẻ YAML ngoài các kiểu cơ bản (không có !!python/object)",
    "thẻ YAML 'tag:yaml.org,2002:python/object' không được phép trong tệp kế hoạch",
)
YAML_DUPLICATE_KEY = RuleDoc(
    "yaml-duplicate-key",
    Severity.ERROR,
    "mỗi khóa chỉ xuất hiện một lần trong một bảng",
    "khóa 'name' bị lặp (đã có ở dòng 3)",
)
YAML_COMPLEX_KEY = RuleDoc(
    "yaml-complex-key",
    Severity.ERROR,
    "khóa là một chuỗi đơn giản (không có khóa phức hợp hay '<<')",
    "khóa phải là một chuỗi đơn giản (không hỗ trợ khóa phức hợp hay '<<')",
)
YAML_KEY_SPACE = RuleDoc(
    "yaml-key-space",
    Severity.ERROR,
    "khóa không có khoảng trắng ở đầu hay cuối (không thì 'a1 ' và 'a1' là hai khóa mà người đọc thấy là một)",
    "khóa 'a1 ' có khoảng trắng ở đầu hoặc cuối: viết 'a1'",
)
KEY_UNKNOWN = RuleDoc(
    "key-unknown",
    Severity.ERROR,
    "mọi khóa đều là khóa của lược đồ (gợi ý khóa gần đúng)",
    "khóa không hợp lệ 'lead_unit' (có phải ý bạn là 'lead_units'?)",
)
SCHEMA = RuleDoc(
    "schema",
    Severity.ERROR,
    "mỗi giá trị đúng kiểu của lược đồ: trường bắt buộc, số, ngày, mã, lựa chọn",
    "state: giá trị 'dang_lam' không hợp lệ; chọn một trong: 'not_started', 'in_progress', 'done', 'ongoing'",
)
TARGET_UNPARSABLE = RuleDoc(
    "target-unparsable",
    Severity.ERROR,
    "chỉ tiêu viết theo một dạng đọc được (bảng các dạng chỉ tiêu: ít nhất, trên, không quá, dưới, khoảng, "
    "so với năm gốc, bình quân, tổng giai đoạn, Hoàn thành, -, mốc định tính) hoặc dạng cấu trúc",
    "không đọc được chỉ tiêu '9O,5'; các dạng đọc được: 99,5 | ít nhất 30% | trên 60 | … "
    "(hoặc dạng cấu trúc {at_least: 3, text: '…'})",
)
TIMING_UNPARSABLE = RuleDoc(
    "timing-unparsable",
    Severity.ERROR,
    "thời gian thực hiện của nhiệm vụ viết theo một dạng đọc được (bảng các dạng thời gian: thường xuyên, hằng năm, "
    "quý, tháng, năm, giai đoạn, trước ngày, từ … đến …, sơ kết) hoặc dạng cấu trúc",
    "không hiểu thời gian thực hiện 'Cuối kỳ'; các dạng đọc được: Thường xuyên | Hằng năm | … "
    "(hoặc dạng cấu trúc {text: '…', due: 2026-06-30}: lời văn như kế hoạch viết, kèm hạn)",
)

RULE_CONFIG = RuleDoc(
    "rule-config",
    Severity.ERROR,
    "cấu hình quy tắc (plan.yaml › rules, chú thích '# kh68: disable-line …') chỉ nêu quy tắc có thật và tắt hay đổi "
    "mức được",
    "không có quy tắc 'unit-unknow' (có phải ý bạn là 'unit-unknown'?)",
)

READ_RULES: tuple[RuleDoc, ...] = (
    FILE_MISSING,
    FILE_UNREADABLE,
    FILE_STRAY,
    DATA_FILE_STRAY,
    FILE_ENCODING,
    YAML_SYNTAX,
    YAML_EMPTY,
    YAML_ALIAS,
    YAML_TAG,
    YAML_DUPLICATE_KEY,
    YAML_COMPLEX_KEY,
    YAML_KEY_SPACE,
    KEY_UNKNOWN,
    SCHEMA,
    TARGET_UNPARSABLE,
    TIMING_UNPARSABLE,
    RULE_CONFIG,
)


READ_RULE_BY_ID = {rule.id: rule for rule in READ_RULES}
"""A phrase's error names its rule by id (``kh68.kinds`` cannot import this module)."""


class RuleValueError(ValueError):
    """A validator's ``ValueError`` that names the rule it breaks (pydantic keeps it in the error's context)."""

    rule: RuleDoc = SCHEMA
