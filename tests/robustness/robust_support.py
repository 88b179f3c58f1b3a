"""Shared helpers of the robustness tests: samples, counters, a timeout guard, schema inlining.

Named `robust_support` (not `conftest`) so that `from ... import` never picks another directory's
module of the same name.
"""

from __future__ import annotations

import copy
import json
import os
import re
import signal
import sys
import textwrap
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

from nip.parameters._validation import schemas as schema_store

TESTS = Path(__file__).resolve().parent.parent
SAMPLES = TESTS / "data" / "reference_samples"
VERSION = schema_store.CURRENT_VERSION
SLOW = os.environ.get("NIP_SLOW", "") not in ("", "0")

# ---- hypothesis profiles: bounded by default, deeper with NIP_SLOW=1 ---------------------------
def _profile(name: str, examples: int) -> settings:
    settings.register_profile(
        name,
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    return settings.get_profile(name)


PROFILE = _profile("nip-robust-slow", 1500) if SLOW else _profile("nip-robust", 100)
"""Per class. Applied as a decorator to each property test (not loaded globally: other suites
keep their own settings)."""
CONFIG_PROFILE = _profile("nip-robust-configs-slow", 5000) if SLOW else _profile("nip-robust-configs", 1000)
"""For whole configs."""


# ---- counting what was tried (printed at the end of the session by conftest.py) ----------------
COUNTS: Counter[str] = Counter()
ERROR_MESSAGES: set[str] = set()
_LOCK = threading.Lock()


def count(what: str, n: int = 1) -> None:
    with _LOCK:
        COUNTS[what] += n


_NUMBER = re.compile(r"-?\d+(\.\d+)?(e[-+]?\d+)?")
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_ADDRESS = re.compile(r"^\S+: ")  # "agents.prover.d_gnn: " -- the place, not the kind of error


def normalise_message(text: str) -> str:
    """One line of an error, without its address, quoted values and numbers: its kind."""
    text = _ADDRESS.sub("", text.strip(), count=1)
    return _NUMBER.sub("N", _QUOTED.sub("'…'", text))


def record_error(error: BaseException) -> None:
    for line in str(error).splitlines():
        with _LOCK:
            ERROR_MESSAGES.add(normalise_message(line.strip()))


# ---- reference samples --------------------------------------------------------------------------
def load(kind: str) -> list[dict[str, Any]]:
    return [json.loads(p.read_text()) for p in sorted((SAMPLES / kind).glob("*.json"))]


def current_configs() -> list[tuple[str, dict[str, Any]]]:
    """(id, to_dict) of every current reference sample."""
    return [(case["id"], case["to_dict"]) for case in load("current")]


def every_sample_input() -> list[tuple[str, dict[str, Any]]]:
    """Every dict a user could hand the library, from every reference sample kind."""
    out = []
    for case in load("current"):
        out.append((f"current/{case['id']}", case["to_dict"]))
        out.append((f"current/{case['id']}/meta", case["to_dict_meta"]))
    for case in load("migrate"):
        out.append((f"migrate/{case['id']}", case["input"]))
    for case in load("invalid"):
        out.append((f"invalid/{case['id']}", case["input"]))
    return out


def strict(value: Any) -> str:
    """JSON text that tells 1 from 1.0 from true, and keeps key order."""
    return json.dumps(value, allow_nan=False)


# ---- a timeout guard (main thread: SIGALRM; the suite runs single-process) -----------------------
class Hang(AssertionError):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail the test with `Hang` if the body runs longer than `seconds`."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def alarm(_signum: int, _frame: Any) -> None:
        raise Hang(f"did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ---- the published schema, made digestible for hypothesis-jsonschema -----------------------------
INT_MIN, INT_MAX = -(2**63), 2**64 - 1  # what the runtime accepts as an integer (see SECURITY.md)
_ANNOTATIONS = {
    "title", "description", "markdownDescription", "default", "examples", "enumDescriptions",
    "markdownEnumDescriptions", "defaultSnippets", "deprecationMessage", "doNotSuggest",
    "$comment", "$schema", "$id", "deprecated",
}


def _resolve(ref: str, here: str) -> tuple[dict[str, Any], str]:
    """The schema a `$ref` of the published per-group files points to, and its file."""
    file, _, pointer = ref.partition("#")
    file = file.rsplit("/", 1)[-1] or here
    node: Any = schema_store.load_group(VERSION, file)
    for part in [p for p in pointer.split("/") if p]:
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node, file


def _tagged_union(items: list[Any]) -> list[Any] | None:
    """`allOf: [{if: {_type: const X}, then: S}, ...]` (the schedule union) as the list of S."""
    thens = []
    for item in items:
        if not (isinstance(item, dict) and set(item) == {"if", "then"}):
            return None
        tag = item["if"].get("properties", {}).get("_type", {})
        if "const" not in tag:
            return None
        thens.append(item["then"])
    return thens


def inline(schema: Any, here: str) -> Any:
    """`schema` with every `$ref` replaced by its target, vendor keywords and annotations dropped.

    Deprecated aliases (the branches marked `deprecated` of the `oneOf` that offers them) are
    dropped: from_dict rewrites them, so they cannot round-trip unchanged. (That `oneOf`'s branches
    are disjoint, so what is left is read as an `anyOf`.) Numbers may also be integers (nip keeps an int in a float
    field, and `1` vs `1.0` must survive); integers stay within the 64-bit range the runtime takes.
    """
    if isinstance(schema, list):
        return [inline(item, here) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key.startswith("x-") or key in _ANNOTATIONS:
            continue
        if key == "$ref":
            target, file = _resolve(value, here)
            out.setdefault("allOf", []).append(inline(target, file))
        elif key in ("anyOf", "oneOf"):
            out["anyOf"] = [inline(v, here) for v in value if not v.get("deprecated")]
        elif key == "allOf" and (thens := _tagged_union(value)) is not None:
            out.setdefault("allOf", []).append({"anyOf": [inline(t, here) for t in thens]})
        elif key in ("properties", "$defs", "patternProperties"):
            out[key] = {k: inline(v, here) for k, v in value.items()}
        else:
            out[key] = inline(value, here)
    types = out.get("type")
    numeric = {"number", "integer"} & set([types] if isinstance(types, str) else types or [])
    if numeric:
        others = [t for t in ([types] if isinstance(types, str) else types) if t not in numeric]
        branches: list[dict[str, Any]] = [{"type": "integer", "minimum": INT_MIN, "maximum": INT_MAX}]
        if "number" in numeric:
            branches.append({"type": "number"})
        if others:
            branches.append({"type": others})
        del out["type"]
        out.setdefault("allOf", []).append({"anyOf": branches})
    if len(out.get("allOf", ())) == 1 and set(out) == {"allOf"}:
        return out["allOf"][0]
    return out


def class_generation_schema(class_name: str) -> dict[str, Any]:
    """A self-contained schema of one published class, for `hypothesis_jsonschema.from_schema`."""
    for file in schema_store.group_names(VERSION):
        if class_name in schema_store.load_group(VERSION, file).get("$defs", {}):
            schema = schema_store.class_schema(VERSION, class_name)
            return inline(copy.deepcopy(schema), file)
    raise KeyError(class_name)


# ---- strategies ---------------------------------------------------------------------------------
# hypothesis-jsonschema 0.23.1 generates objects through a private hypothesis API (`cu.many().more()`)
# that the pinned hypothesis (6.170) no longer has. So objects are composed here, key by key, and
# hypothesis-jsonschema's public `from_schema` generates every value that is not an object.
def _merge(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """Shallow conjunction of the inlined parts (they never constrain the same keyword twice)."""
    out: dict[str, Any] = {}
    for part in parts:
        part = _flatten(part)
        for key, value in part.items():
            if key == "properties":
                out.setdefault("properties", {}).update(value)
            elif key == "required":
                out["required"] = sorted(set(out.get("required", [])) | set(value))
            elif key in ("minimum", "maximum") and key in out:  # both bounds hold: the tighter one
                out[key] = max(out[key], value) if key == "minimum" else min(out[key], value)
            elif key in out and out[key] != value:
                raise ValueError(f"cannot merge two different {key!r}: {out[key]!r} / {value!r}")
            else:
                out[key] = value
    return out


def _flatten(schema: dict[str, Any]) -> dict[str, Any]:
    if "allOf" not in schema:
        return schema
    rest = {k: v for k, v in schema.items() if k != "allOf"}
    return _merge([rest, *schema["allOf"]])


def _is_object(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "object" or "properties" in schema


def strategy_for(schema: Any) -> Any:
    """A hypothesis strategy of the instances of an inlined schema (see `inline`)."""
    from hypothesis import strategies as st
    from hypothesis_jsonschema import from_schema

    if schema is True or schema == {}:
        return from_schema(True)
    schema = _flatten(schema)
    if "anyOf" in schema:
        rest = {k: v for k, v in schema.items() if k != "anyOf"}
        return st.one_of([strategy_for(_merge([rest, branch])) for branch in schema["anyOf"]])
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if _is_object(schema):
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        if schema.get("additionalProperties", False) not in (False, None):
            raise ValueError("objects with free keys are composed by the tests themselves")
        return st.fixed_dictionaries(
            {k: strategy_for(v) for k, v in properties.items() if k in required},
            optional={k: strategy_for(v) for k, v in properties.items() if k not in required},
        )
    return from_schema(schema)


@cache
def class_strategy(class_name: str) -> Any:
    """Valid dicts of one published class (any subset of optional keys, any valid values)."""
    return strategy_for(class_generation_schema(class_name))


# `python -c KILLER N ARGV...`: `nip-params ARGV` that kills itself with SIGKILL at its Nth
# file-system step (the kill -9 tests of in-place migration and of sweeps step through every N).
KILLER = textwrap.dedent("""\
    import os, signal, sys, tempfile
    from nip.parameters.cli import main
    at, calls = int(sys.argv[1]), [0]
    def wrap(owner, name):
        real = getattr(owner, name)
        def step(*args, **kwargs):
            calls[0] += 1
            if calls[0] == at:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)
        setattr(owner, name, step)
    for owner, name in [(os, "open"), (os, "fsync"), (os, "replace"), (os, "chmod"), (os, "mkdir"),
                        (os, "fdopen"), (os, "unlink"), (tempfile, "mkstemp"), (tempfile, "mkdtemp")]:
        wrap(owner, name)
    sys.exit(main(sys.argv[2:]))
""")


def run_together(argvs: list[list[str]], logs: list[str] | None = None) -> list[int]:
    """`nip-params ARGV` for each of `argvs`, in forked processes released at the same moment
    through a pipe (so the scheduler interleaves them); each one's output goes to its log, or
    nowhere. Their exit statuses, in order."""
    from nip.parameters.cli import main

    read, write = os.pipe()
    children = []
    for index, argv in enumerate(argvs):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os.close(write)
            os.read(read, 1)
            code = 99
            try:
                with open(logs[index] if logs else os.devnull, "w", encoding="utf-8") as out:
                    sys.stdout = sys.stderr = out  # the test runner's capture is not fd 1
                    code = main(argv)
            finally:
                os._exit(code)
        children.append(pid)
    os.close(read)
    os.write(write, b"x" * len(argvs))
    os.close(write)
    return [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children]
