"""The JSON Schema is the single description of the file format; this module applies it.

jsonschema's errors are rephrased for authors: each becomes a Problem at the
offending key or value, with a fix ("did you mean", "quote it", a kebab-case id).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import fastjsonschema

from mkdocs_sremgr import rules
from mkdocs_sremgr.errors import Problem, did_you_mean
from mkdocs_sremgr.yamlload import Document, JsonPath

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

KINDS = ("checklist", "extension", "antipattern", "pulse")
_YAML_TYPES = {
    bool: "true/false",
    int: "a number",
    float: "a number",
    type(None): "empty (null)",
    dict: "a mapping",
    list: "a list",
    str: "text",
}
_JSON_TYPES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
}


@cache
def schema() -> dict[str, Any]:
    """The published JSON Schema (draft 2020-12)."""
    text = files("mkdocs_sremgr").joinpath("schema/sremgr.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def schema_text() -> str:
    return files("mkdocs_sremgr").joinpath("schema/sremgr.schema.json").read_text("utf-8")


@cache
def _fast_check(kind: str) -> Callable[[Any], Any]:
    """The same schema compiled to Python by fastjsonschema: about seven times faster than
    jsonschema on valid files, which are nearly all of them. It stops at the first error,
    so jsonschema still finds and explains every problem of an invalid file. The schema
    uses no keyword that draft 7 and draft 2020-12 read differently (a test holds them to
    the same verdict)."""
    full = schema()
    return fastjsonschema.compile(
        {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$ref": f"#/$defs/{kind}",
            "$defs": full["$defs"],
        },
        use_default=False,
        use_formats=False,
    )


def is_valid_fast(data: Any) -> bool:
    try:
        _fast_check(kind_of(data))(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


@cache
def _validator(kind: str) -> Draft202012Validator:
    # Imported here: only invalid files need it, and importing it costs a build ~40 ms.
    from jsonschema import Draft202012Validator

    full = schema()
    return Draft202012Validator({"$ref": f"#/$defs/{kind}", "$defs": full["$defs"]})


def kind_of(data: dict[str, Any]) -> str:
    """Which part of the schema a document must follow."""
    if data.get("kind") in ("antipattern", "pulse"):
        return str(data["kind"])
    return "extension" if "extends" in data else "checklist"


def validate(doc: Document, *, fast: bool = False) -> list[Problem]:
    """Every schema problem of `doc`, rephrased for the author.

    `fast` first asks the compiled check, which pays off over many files (see catalog.py).
    """
    if not isinstance(doc.data, dict):
        return [
            doc.problem(
                (),
                f"the top level must be a mapping of keys, not {_what(doc.data)}",
                "start with `id: my-checklist` on the first line",
            )
        ]
    kind = doc.data.get("kind", "checklist")
    if kind not in ("checklist", "antipattern", "pulse"):
        hint = did_you_mean(str(kind), ("checklist", "antipattern", "pulse")) or (
            "use `checklist`, `antipattern` or `pulse`"
        )
        return [doc.problem(("kind",), f"unknown kind `{kind}`", hint)]
    ids = _id_problems(doc)
    if fast and not ids and is_valid_fast(doc.data):
        return []
    errors = sorted(
        _validator(kind_of(doc.data)).iter_errors(doc.data),
        key=lambda e: (list(map(str, e.absolute_path)), e.validator),
    )
    problems: list[Problem] = list(ids)
    for error in errors:
        problems.extend(_explain(doc, error))
    return sorted(set(problems))


def _id_problems(doc: Document) -> list[Problem]:
    """Ids checked whole. The schema's `pattern` is searched, and in Python (jsonschema,
    fastjsonschema) its `$` also matches before a final newline: "x\\n" would pass."""
    out = []
    for path in doc.positions:
        if path and _is_id_path(path):
            value = _at(doc.data, path)
            if isinstance(value, str) and not _id_check(path)(value):
                out.append(_not_an_id(doc, path, value))
    return out


def _id_check(path: JsonPath) -> Callable[[object], bool]:
    """What the id at `path` must be: an item alias may name another checklist's item
    (`checklist/item`), an anti-pattern's `counters` always do."""
    if _is_ref_path(path):
        return rules.is_item_ref
    if _is_item_alias_path(path):
        return rules.is_item_alias
    return rules.is_id


def _is_ref_path(path: JsonPath) -> bool:
    return len(path) == 2 and path[0] == "counters"


def _is_item_alias_path(path: JsonPath) -> bool:
    return len(path) >= 4 and path[-2] == "aliases" and path[-4] == "items"


def _at(data: Any, path: JsonPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _not_an_id(doc: Document, path: JsonPath, value: str) -> Problem:
    if _is_ref_path(path) or (_is_item_alias_path(path) and "/" in value):
        return doc.problem(
            path,
            f"{_name(path)} `{_shown(value)}` is not a `checklist-id/item-id` reference",
            "name a checklist and one of its items by id, e.g. "
            f"`{'/'.join(rules.slugify(part) for part in value.split('/', 1))}`"
            if "/" in value
            else "write `checklist-id/item-id`, e.g. `be-on-call/took-shift-this-quarter`",
        )
    if len(value) > rules.ID_MAX_LENGTH:
        return doc.problem(
            path,
            f"{_name(path)} is too long ({len(value)} characters)",
            f"keep it under {rules.ID_MAX_LENGTH} characters",
        )
    return doc.problem(
        path,
        f"{_name(path)} `{_shown(value)}` is not a kebab-case id",
        f"use lowercase letters, digits and hyphens, e.g. `{rules.slugify(value)}`",
    )


def _shown(value: Any) -> str:
    """A value as it may appear inside a one-line message."""
    text = str(value)
    text = text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text
    return text if len(text) <= 60 else text[:57] + "..."


_RULE_TEXTS: dict[str, tuple[str, str]] = {
    "pattern": (
        "{name} `{value}` has the wrong form",
        "links must start with http://, https://, / or ./",
    ),
    "minItems": ("{name} is empty", "add at least one entry"),
    "maxItems": (
        "{name} has too many entries ({size})",
        "keep it to {expected}; split the checklist",
    ),
    "minLength": ("{name} is empty", "write some text or remove the key"),
    "maxLength": ("{name} is too long ({size} characters)", "keep it under {expected} characters"),
    "uniqueItems": ("{name} lists the same value twice", "remove the repeat"),
    **dict.fromkeys(
        ("exclusiveMinimum", "maximum", "minimum"),
        ("{name} is {value}: {detail}", "use a positive number such as 1, 2 or 3"),
    ),
}
"""The message and hint of each schema rule that needs no more than the value, its size and
the rule's limit (`{name}`, `{value}`, `{size}`, `{expected}`, `{detail}` are filled in)."""


def _explain(doc: Document, error: ValidationError) -> list[Problem]:
    path: JsonPath = tuple(error.absolute_path)
    name = _name(path)
    rule = error.validator
    instance: Any = error.instance
    # jsonschema types these as "maybe unset"; for an error they are always set.
    part: Any = error.schema
    expected: Any = error.validator_value
    if rule == "additionalProperties":
        allowed = sorted(part.get("properties", {}))
        out = []
        for key in sorted(set(instance) - set(allowed)):
            hint = did_you_mean(key, allowed) or f"allowed keys here: {', '.join(allowed)}"
            out.append(doc.problem((*path, key), f"unknown key `{key}`", hint, key=True))
        return out
    if rule == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        key = missing.group(1) if missing else "?"
        where = f" in {name}" if path else ""
        return [doc.problem(path, f"missing required key `{key}`{where}", f"add `{key}: ...`")]
    if rule == "type":
        return [_type_problem(doc, path, name, instance, expected)]
    if rule in ("enum", "const"):
        choices = expected if rule == "enum" else [expected]
        hint = did_you_mean(str(instance), map(str, choices)) or (
            f"use one of: {', '.join(map(str, choices))}"
        )
        return [doc.problem(path, f"{name} is `{instance}`, which is not allowed", hint)]
    if rule in ("pattern", "maxLength") and path and _is_id_path(path):
        return [_not_an_id(doc, path, str(instance))]
    if rule == "pattern" and _elsewhere(instance):
        host = instance.lstrip("/\\\t\n\r")
        return [
            doc.problem(
                path,
                f"{name} `{_shown(instance)}` leads to another site: a link that starts "
                "with // (or /\\) names a host, not a page of this site",
                f"write the whole address, https://{_shown(host)}, or a path with one /",
            )
        ]
    if rule in _RULE_TEXTS:
        message, hint = _RULE_TEXTS[rule]
        fields = {
            "name": name,
            "value": _shown(instance),
            "size": len(instance) if isinstance(instance, (str, list, dict)) else 0,
            "expected": expected,
            "detail": error.message,
        }
        return [doc.problem(path, message.format(**fields), hint.format(**fields))]
    return [doc.problem(path, f"{name}: {error.message}")]


def _elsewhere(value: Any) -> bool:
    """A protocol-relative link: browsers read `\\` as `/` and drop tabs and line breaks."""
    if not isinstance(value, str):
        return False
    squeezed = re.sub(r"[\t\n\r]", "", value).replace("\\", "/")
    return squeezed.startswith("//")


def _type_problem(
    doc: Document, path: JsonPath, name: str, instance: Any, expected: str | list[str]
) -> Problem:
    wanted = expected if isinstance(expected, str) else expected[0]
    raw = doc.plain_scalars.get(path)
    if wanted == "string" and raw is not None:
        return doc.problem(
            path,
            f"{name} should be text, but YAML reads `{raw}` as {_what(instance)}",
            f'quote it: "{raw}"',
        )
    hint = ""
    if wanted == "array":
        hint = f"write a list, e.g. `{path[-1]}: [{raw or 'a'}]`" if path else "write a list"
    elif wanted == "object":
        hint = "write `key: value` pairs indented under it"
    return doc.problem(
        path, f"{name} should be {_JSON_TYPES.get(wanted, wanted)}, not {_what(instance)}", hint
    )


def _what(value: Any) -> str:
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    for kind, text in _YAML_TYPES.items():
        if isinstance(value, kind):
            return text
    return "a date" if hasattr(value, "isoformat") else type(value).__name__


def _name(path: JsonPath) -> str:
    if not path:
        return "the file"
    parts = [f"[{p}]" if isinstance(p, int) else f".{p}" for p in path]
    return "`" + "".join(parts).lstrip(".") + "`"


def _is_id_path(path: JsonPath) -> bool:
    return (
        path[-1] in ("id", "extends")
        or (len(path) >= 2 and path[-2] in ("aliases", "antipatterns", "checklists", "counters"))
        or _is_lesson_path(path)
    )


def _is_lesson_path(path: JsonPath) -> bool:
    """A pulse statement's `lesson`: a checklist id (a checklist's own `lesson` is text)."""
    return len(path) == 3 and path[0] == "statements" and path[-1] == "lesson"
