"""Decode the `recipe` of a reference sample into a constructor call (format: samples/README.md)."""

from __future__ import annotations

from typing import Any

import nip.parameters


def build(node: Any) -> Any:
    if isinstance(node, list):
        return [build(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "class" not in node:
        return {key: build(value) for key, value in node.items()}
    name = node["class"]
    if name == "tuple":
        return tuple(build(item) for item in node["items"])
    cls = getattr(nip.parameters, name)
    if node.get("call") == "construct_test_params":
        return cls.construct_test_params()
    if "items" in node:
        return cls(**{key: build(value) for key, value in node["items"].items()})
    args = [build(a) for a in node.get("args", [])]
    kwargs = {key: build(value) for key, value in node.get("kwargs", {}).items()}
    return cls(*args, **kwargs)
