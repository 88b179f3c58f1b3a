"""Every generated file, as {repo-relative path: text}."""

from __future__ import annotations

import json
from pathlib import Path

from nip.parameters._publishing import Publisher, generated
from nip.parameters._schema_files import (
    BUNDLE_FILE,
    CATALOG_FILE,
    FORMAT_SCHEMA_FILES,
    VOCABULARY_FILE,
)
from nip.parameters._validation.ecma_regex import UnsupportedPattern, translate

from .evolution import CHANGELOG, changelog
from .parse import VersionParser, dump
from .render import PACKAGE, Renderer
from .sources import load_all, load_limits, load_vocabulary
from .typescript import declarations


def _vendor_keywords(node: object, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key.startswith("x-") or key in ("markdownDescription", "enumDescriptions",
                                                "markdownEnumDescriptions", "deprecationMessage",
                                                "doNotSuggest", "defaultSnippets"):
                found.add(key)
            if key not in ("properties", "$defs", "x-test-params", "x-classvars"):
                _vendor_keywords(value, found)
            else:
                for sub in value.values() if isinstance(value, dict) else []:
                    _vendor_keywords(sub, found)
    elif isinstance(node, list):
        for item in node:
            _vendor_keywords(item, found)
    return found


def _patterns(node: object) -> list[str]:
    """Every `pattern` of a published document (the only regex keyword the schemas use)."""
    if isinstance(node, dict):
        own = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return own + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for item in node for p in _patterns(item)]
    return []


def catalog(schema_root: Path, bundle_ids: dict[str, str],
            format_ids: dict[str, str]) -> dict[str, object] | None:
    """The SchemaStore catalog of the bundles and of the format schemas, from schema/catalog.json
    (absent in fixtures)."""
    entry_file = schema_root / CATALOG_FILE
    if not entry_file.exists():
        return None
    doc = json.loads(entry_file.read_text(encoding="utf-8"))
    formats = doc.pop("formats", [])
    entry = {k: v for k, v in doc.items() if not k.startswith("$")}
    current = list(bundle_ids)[-1]
    entry.update(url=bundle_ids[current], versions=bundle_ids)
    format_entries = [{**{k: v for k, v in item.items() if k != "schema"}, "url": format_ids[item["schema"]]}
                      for item in formats]
    return {
        "$schema": "https://json.schemastore.org/schema-catalog.json",
        "version": 1,
        "schemas": [entry, *format_entries],
    }


def format_schemas(schema_root: Path) -> dict[str, dict[str, object]]:
    """This project's own file formats (the migration step, the sweep spec), as shipped."""
    out: dict[str, dict[str, object]] = {}
    for name in FORMAT_SCHEMA_FILES:
        path = schema_root / name
        if path.exists():  # a fixture tree may leave them out
            doc = json.loads(path.read_text(encoding="utf-8"))
            note = doc.pop("$comment", "")
            out[name] = {"$comment": f"{generated(f'schema/{name}')} {note}".strip(), **doc}
    return out


def shipped_vocabulary(schema_root: Path) -> dict[str, object]:
    """schema/vocabulary.json as shipped: other validators register its keywords (ajv)."""
    doc = json.loads((schema_root / VOCABULARY_FILE).read_text(encoding="utf-8"))
    note = doc.pop("$comment", "")
    return {"$comment": f"{generated('schema/vocabulary.json')} {note}".strip(), **doc}


def generate_all(repo: Path) -> dict[str, str]:
    schema_root = repo / "schema"
    versions = load_all(schema_root)
    vocabulary = load_vocabulary(schema_root)
    limits = load_limits(schema_root)
    outputs: dict[str, str] = {}
    bundle_ids: dict[str, str] = {}
    published_by_version: dict[str, dict[str, dict[str, object]]] = {}
    for source in versions:
        published = published_by_version[source.version] = Publisher(source, limits).publish()
        bundle_ids[source.version] = published[BUNDLE_FILE]["$id"]
        unknown = _vendor_keywords(published, set()) - vocabulary
        if unknown:
            raise SystemExit(
                f"schema/{source.version} uses keywords missing from schema/vocabulary.json: "
                f"{sorted(unknown)}"
            )
        for pattern in _patterns(published):  # one that the engines read alike, or none
            try:
                translate(pattern)
            except UnsupportedPattern as error:
                raise SystemExit(f"schema/{source.version}: {error}") from None
        for name, doc in {**published, **source.data_files}.items():
            outputs[f"{PACKAGE}/_schemas/{source.version}/{name}"] = dump(doc)
        outputs[f"{PACKAGE}/_schemas/{source.version}/bundle.d.ts"] = declarations(
            published[BUNDLE_FILE], f"schema/{source.version}/")
    outputs[f"{PACKAGE}/_schemas/vocabulary.json"] = dump(shipped_vocabulary(schema_root))
    formats = format_schemas(schema_root)
    for name, doc in formats.items():
        unknown = _vendor_keywords(doc, set()) - vocabulary
        if unknown:
            raise SystemExit(f"schema/{name} uses keywords missing from schema/vocabulary.json: {sorted(unknown)}")
        outputs[f"{PACKAGE}/_schemas/{name}"] = dump(doc)
    entries = catalog(schema_root, bundle_ids, {name: str(doc["$id"]) for name, doc in formats.items()})
    if entries is not None:
        outputs[f"{PACKAGE}/_schemas/catalog.json"] = dump(entries)
    current = versions[-1]
    package = VersionParser(current).package()
    outputs.update(Renderer(package, limits).files())
    outputs[CHANGELOG] = changelog(versions, published_by_version)
    return dict(sorted(outputs.items()))
