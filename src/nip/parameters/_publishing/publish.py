"""Resolve the authoring schema into the published form that validators and editors read.

Authoring files state inheritance with `allOf: [{"$ref": base}]` and leave classes open. The published
files are closed: each class lists its inherited fields itself (so `additionalProperties: false` works
without `unevaluatedProperties`, which editors handle only in part), allows its own `_type`, and carries
the class constants that `to_dict` writes. The bundle holds every class of every file in one `$defs`,
with local `$ref`s only, so it works on its own.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from .._schema_files import BUNDLE_FILE, JSON_SCHEMA_DIALECT, ROOT_GROUP, VERSION_KEY
from .authoring import Limits, VersionSource
from .editor_hints import agent_name_completions, branch_examples, quiet
from .ranges import described_ranges


def _base_ref(definition: dict[str, Any]) -> str | None:
    for item in definition.get("allOf", []):
        if set(item) == {"$ref"}:
            return str(item["$ref"])
    return None


def _ref_target(ref: str, here: str) -> tuple[str, str]:
    file_part, _, pointer = ref.partition("#")
    stem = file_part.removesuffix(".json") if file_part else here
    return stem, pointer.rsplit("/", 1)[-1]


def _rebase_refs(node: Any, source_stem: str, target_stem: str) -> Any:
    """Refs copied from one file into another must keep pointing at the same place."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                stem, name = _ref_target(value, source_stem)
                out[key] = f"#/$defs/{name}" if stem == target_stem else f"{stem}.json#/$defs/{name}"
            else:
                out[key] = _rebase_refs(value, source_stem, target_stem)
        return out
    if isinstance(node, list):
        return [_rebase_refs(item, source_stem, target_stem) for item in node]
    return node


def _qualify_local_refs(node: Any, stem: str) -> Any:
    """`#/$defs/X` -> `<stem>.json#/$defs/X`: editors resolve bare fragments against the bundle
    root instead of the embedded resource, so every ref names its file."""
    if isinstance(node, dict):
        return {
            key: (f"{stem}.json{value}" if key == "$ref" and isinstance(value, str)
                  and value.startswith("#") else _qualify_local_refs(value, stem))
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_qualify_local_refs(item, stem) for item in node]
    return node


def _unlisted_aliases(node: Any) -> Any:
    """A deprecated alias (`const` + `x-alias-of`) becomes a one-value `pattern`: validators accept
    it the same, but editors cannot enumerate it, so completion offers only the real values.

    The choice between the real values and the alias is a `oneOf` (the same verdicts: an alias is
    never a real value): yaml-language-server reads an `anyOf` whose branches it cannot tell apart
    as "every branch matched" and prints the field's title once per branch
    (`#### trainer || trainer`)."""
    if isinstance(node, dict):
        if "x-alias-of" in node and "const" in node:
            out = {k: v for k, v in node.items() if k != "const"}
            out.update(type="string", pattern="^" + re.escape(str(node["const"])) + "$")
            return out
        branches = node.get("anyOf")
        if isinstance(branches, list) and any(isinstance(b, dict) and "x-alias-of" in b for b in branches):
            rest = {k: v for k, v in node.items() if k != "anyOf"}
            return {**_unlisted_aliases(rest), "oneOf": _unlisted_aliases(branches)}
        return {key: _unlisted_aliases(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_unlisted_aliases(item) for item in node]
    return node


def _with_limits(node: Any, limits: Limits | None) -> Any:
    """Every string gets `maxLength`, every integer the 64-bit range, every free key (an agent's
    name) `propertyNames`: so each validator enforces the limits the file reader applies.

    Numbers get no range: in jsonschema-rs a bound on a number costs 0.5 us a field (4x on the
    whole tree), so an integer too large for a double is caught by the runtime's plain-data check.
    """
    if limits is None:
        return node
    if isinstance(node, list):
        return [_with_limits(item, limits) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _with_limits(value, limits) for key, value in node.items()}
    types = node.get("type", [])
    types = [types] if isinstance(types, str) else types
    if "string" in types and not {"enum", "const", "pattern"} & node.keys():
        out.setdefault("maxLength", limits.max_string_length)
    if "integer" in types:
        out.setdefault("minimum", limits.integer_minimum)
        out.setdefault("maximum", limits.integer_maximum)
    if "object" in types and node.get("additionalProperties", False) is not False:
        out.setdefault("propertyNames", {"maxLength": limits.max_string_length})
    return out


def _markdown(node: Any) -> None:
    """Editors render `markdownDescription`; give it wherever a description uses Markdown."""
    if isinstance(node, dict):
        desc = node.get("description")
        if isinstance(desc, str) and "`" in desc and "markdownDescription" not in node:
            node["markdownDescription"] = desc
        for value in node.values():
            _markdown(value)
    elif isinstance(node, list):
        for item in node:
            _markdown(item)


class Publisher:
    def __init__(self, source: VersionSource, limits: Limits | None = None) -> None:
        self.source = source
        self.limits = limits
        self.defs = source.class_defs()

    def _inherited(self, name: str) -> tuple[dict[str, Any], list[str], dict[str, Any]]:
        """(properties in dataclass order, required, class constants) of a class, bases included."""
        stem, definition = self.defs[name]
        props: dict[str, Any] = {}
        required: list[str] = []
        classvars: dict[str, Any] = {}
        base = _base_ref(definition)
        if base:
            base_stem, base_name = _ref_target(base, stem)
            base_props, base_required, classvars = self._inherited(base_name)
            props = {k: _rebase_refs(v, base_stem, stem) for k, v in base_props.items()}
            required = list(base_required)
            classvars = dict(classvars)
        for key, value in definition.get("properties", {}).items():
            props[key] = value  # a re-declared field keeps its inherited position
        required += [r for r in definition.get("required", []) if r not in required]
        classvars.update(definition.get("x-classvars", {}))
        return props, required, classvars

    def _serialised_classvars(self, name: str) -> list[str]:
        stem, definition = self.defs[name]
        names = list(definition.get("x-serialised-classvars", []))
        base = _base_ref(definition)
        return self._serialised_classvars(_ref_target(base, stem)[1]) + names if base else names

    def publish_class(self, name: str, definition: dict[str, Any]) -> dict[str, Any]:
        out = {k: copy.deepcopy(v) for k, v in definition.items() if k not in ("properties", "required")}
        if "properties" not in definition and _base_ref(definition) is None:
            return out  # an alias (enum) or a value union: nothing to close
        base = _base_ref(definition)
        if base:
            out["allOf"] = [item for item in out["allOf"] if item != {"$ref": base}] or None
            if out["allOf"] is None:
                del out["allOf"]
        props, required, classvars = self._inherited(name)
        props = copy.deepcopy(props)
        if "_type" not in props and not definition.get("x-python-handwritten"):
            props["_type"] = {
                "title": "_type",
                "description": f"The class of this object, `{name}`. Optional in hand-written configs.",
                "const": name,
            }
        for var in self._serialised_classvars(name):
            props[var] = {
                "title": var,
                "description": f"`{var}` of `{name}`, written by `to_dict`. Optional when writing by hand.",
                "const": classvars[var],
            }
        out["properties"] = props
        if required:
            out["required"] = required
        if not definition.get("x-python-handwritten"):  # a value union: its variants are closed
            out.setdefault("additionalProperties", False)
        return out

    def _published_class(self, class_name: str) -> dict[str, Any]:
        return self.publish_class(class_name, self.defs[class_name][1])

    def publish_group(self, stem: str) -> dict[str, Any]:
        doc = copy.deepcopy(self.source.groups[stem])
        doc["$defs"] = {
            name: quiet(agent_name_completions(self.publish_class(name, definition)))
            for name, definition in self.source.groups[stem].get("$defs", {}).items()
        }
        doc = described_ranges(branch_examples(doc, self._published_class))
        _markdown(doc)
        doc = _with_limits(_unlisted_aliases(_qualify_local_refs(doc, stem)), self.limits)
        return {"$comment": generated(f"schema/{self.source.version}/{stem}.json"), **doc}

    def publish(self) -> dict[str, dict[str, Any]]:
        """File name -> published document, including the bundle."""
        files = {f"{stem}.json": self.publish_group(stem) for stem in self.source.groups}
        files[BUNDLE_FILE] = bundle(self.source.version, files)
        return files


def generated(source: str) -> str:
    return f"Generated from {source} by `make generate`. Do not edit."


def _local_refs(node: Any) -> Any:
    """`<group>.json#/$defs/X` -> `#/$defs/X`: in the bundle every class sits in one `$defs`."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                file_part, _, pointer = value.partition("#")
                if not file_part.endswith(".json") or not pointer.startswith("/$defs/"):
                    raise ValueError(f"$ref {value!r} names no class of a group file")
                out[key] = "#" + pointer
            else:
                out[key] = _local_refs(value)
        return out
    if isinstance(node, list):
        return [_local_refs(item) for item in node]
    return node


def bundle(version: str, files: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One self-contained 2020-12 document: every class of every group under one `$defs`, every
    `$ref` a JSON pointer into the document itself and no embedded `$id`. Editors that resolve a
    `$ref` against the URL they loaded the file from (VS Code) need nothing else, so a user can
    copy this one file anywhere."""
    root = files[f"{ROOT_GROUP}.json"]
    base_id = root["$id"].rsplit("/", 1)[0] + "/"
    defs: dict[str, Any] = {}
    for name, doc in files.items():
        for class_name, definition in doc.get("$defs", {}).items():
            if class_name in defs:
                raise ValueError(f"schema/{version}: class {class_name} is defined twice ({name})")
            defs[class_name] = _local_refs(definition)
    return {
        "$comment": generated(f"schema/{version}/"),
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": base_id + BUNDLE_FILE,
        "title": f"nip hyper-parameters {version}",
        "description": f"A complete nip experiment config, schema version {version}. This one file "
        "is the whole schema: every $ref points into it, and nothing is fetched.",
        **version_gate(version, _local_refs({"$ref": root["$ref"]})),
        "$defs": defs,
    }


def accepted_versions_pattern(version: str) -> str:
    """The `_package_version`s of schema version ``major.minor``: ``1.0``, ``1.0.7`` (and ``1``
    for a ``.0``), as the runtime reads them (`_validation.versions.version_key`)."""
    major, minor = version.split(".")
    return rf"^{major}(\.{minor}(\.[0-9]+)?)?$" if minor == "0" else rf"^{major}\.{minor}(\.[0-9]+)?$"


def version_gate(version: str, config: dict[str, Any]) -> dict[str, Any]:
    """The root of a bundle: a config that states another version's `_package_version` gets one
    error that says what to do, instead of one error per field the versions name differently.

    `if` the stated version is not this one, `then` it fails a `not` whose schema is only the advice:
    python-jsonschema (check-jsonschema) prints that schema in its message, ajv gives it as the
    error's `parentSchema`; `else` the config is checked as usual (editors complete through it).
    (`type: object`, which the config requires anyway, keeps ajv's strict mode content.)
    """
    pattern = accepted_versions_pattern(version)
    advice = (f"This config states a {VERSION_KEY} that schema {version} does not accept (it accepts "
              f"{version} and {version}.x). A config of an older version: migrate it with `nip-params "
              f"migrate FILE` (or `convert_hyper_param_dict` in Python). A newer one: check it with the "
              "schema of its version (`nip-params schema --version V`).")
    return {
        "if": {"type": "object", "required": [VERSION_KEY],
               "properties": {VERSION_KEY: {"type": "string", "not": {"pattern": pattern}}}},
        "then": {"type": "object", "properties": {VERSION_KEY: {"description": advice, "not": {"description": advice}}}},
        "else": config,
    }
