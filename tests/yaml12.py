"""A YAML reader that sees what an editor sees, for validating against JSON Schema.

How the validator sees a YAML file matters. PyYAML's default (YAML 1.1)
loader turns ``2024-05-09`` into a date and ``yes`` into True; the kh68 loader
keeps every scalar as text. Neither is what an editor sees: the VS Code YAML
extension (yaml-language-server) reads YAML 1.2 core-schema types by default
— ``99.5`` and ``100`` are numbers, ``true`` a boolean, ``null``/``~``/empty
null, and everything else (``99,5``, ``2024-05-09``, ``yes``, ``05/11``) a
string. ``Yaml12Loader`` below reproduces exactly those rules, so the test
reports what the editor would mark, no more, no less. Mapping keys are the
key text as written (JSON property names are strings).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 core schema, as yaml-language-server resolves plain scalars."""


Yaml12Loader.yaml_implicit_resolvers = {}
_RESOLVERS = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", [*list("~nN"), ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]
for _tag, _regexp, _first in _RESOLVERS:
    Yaml12Loader.add_implicit_resolver(_tag, re.compile(_regexp), _first)


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = node.value
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)


def _float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = node.value.lower().replace(".inf", "inf").replace(".nan", "nan")
    return float(text)


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    return {key.value: loader.construct_object(value, deep=True) for key, value in node.value}


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float)
Yaml12Loader.add_constructor("tag:yaml.org,2002:map", _mapping)


def editor_view(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)
