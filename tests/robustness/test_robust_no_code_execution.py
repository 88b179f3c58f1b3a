"""No code execution and no fetching, whatever a config says.

* A `_type` is a name looked up in the class registry, never an import path: `os.system`,
  `builtins.eval`, `__import__`, `subprocess.Popen` or `nip.parameters.HyperParameters.__init__`, at
  the root, in a group, an agent, a learning-rate pair or an update schedule, through every entry
  point, neither imports a module (sys.modules is unchanged, and a spy on `builtins.__import__` sees
  no such name) nor calls anything (spies on os.system, subprocess.Popen, eval and exec).
* `$ref`, `$schema` and `$id` values inside a user config are data: `file:` and `http:` URLs are
  never opened (spies on urllib's urlopen, socket connections and file opens fail the test).

YAML tags such as `!!python/object/apply:os.system` are tested where files are read
(tests/files/test_files_broken_inputs.py::test_no_yaml_tag_is_ever_executed).
"""

from __future__ import annotations

import builtins
import copy
import importlib
import io
import os
import random
import socket
import subprocess
import sys
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest
from robust_support import SLOW, count, current_configs, record_error

import nip.parameters
from nip.parameters import (
    AgentsParameters,
    AgentUpdateSchedule,
    HyperParameters,
    LrFactors,
    RlTrainerParameters,
    get_parameter_class,
    get_parameter_or_parameter_value_class,
    iter_errors,
    validate,
)
from nip.parameters.errors import NipParametersError, ParameterValidationError
from nip.parameters.version import convert_hyper_param_dict

HOSTILE_TYPES = [
    "os.system",
    "builtins.eval",
    "builtins.exec",
    "__import__",
    "subprocess.Popen",
    "nip.parameters.HyperParameters.__init__",
    "nip.parameters.version.convert_hyper_param_dict",
    "importlib.import_module",
    "posix.system",
    "HyperParameters.__init__",
    "__builtins__",
    "pickle.loads",
    "antigravity",  # importing it would open a web browser
    "this",  # importing it would print the Zen of Python
]
HOSTILE_MODULES = {"os", "builtins", "subprocess", "importlib", "posix", "pickle", "antigravity",
                   "this", "nip.parameters.HyperParameters", "nip.parameters.version"}

BASE = dict(current_configs())["sched-alternating-pair"]


def _places(config: dict[str, Any]) -> Iterator[tuple[str, ...]]:
    """Every object in the config that can carry a `_type`: root, groups, agents, schedules."""
    def walk(value: Any, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        if isinstance(value, dict):
            if path[:1] != ("agents",) or len(path) != 1:  # the agents mapping itself has none
                yield path
            for key, child in value.items():
                yield from walk(child, (*path, key))
    yield from walk(config, ())


def _with_type(config: dict[str, Any], path: tuple[str, ...], name: str) -> dict[str, Any]:
    out = copy.deepcopy(config)
    node = out
    for part in path:
        node = node[part]
    node["_type"] = name
    if "_type" in node and path[-1:] == ("update_schedule",):
        node[name] = {"command": "echo pwned"}  # a schedule's arguments sit under its class name
    return out


ALL_PLACES = list(_places(BASE))
# By default the root, one agent with its learning-rate pair and schedules, and a sample of the rest;
# every place with NIP_SLOW=1.
_KEY_PLACES = [(), ("rl",), ("agents", "verifier"), ("agents", "verifier", "agent_lr_factor"),
               ("agents", "verifier", "update_schedule"),
               ("agents", "verifier", "update_schedule", "AlternatingPeriodicUpdateSchedule")]
PLACES = ALL_PLACES if SLOW else _KEY_PLACES + random.Random(3).sample(
    [p for p in ALL_PLACES if p not in _KEY_PLACES], 6)


def _iter_errors_raising(config: dict[str, Any]) -> None:
    problems = list(iter_errors(config))
    if problems:
        raise ParameterValidationError(problems)


def _entry_points() -> dict[str, Callable[[dict[str, Any]], Any]]:
    def old_version(config: dict[str, Any]) -> Any:
        return convert_hyper_param_dict({**config, "_package_version": "0.1.0"})

    def constructor(config: dict[str, Any]) -> Any:
        kwargs = {k: v for k, v in config.items() if k != "_type"}
        return HyperParameters(**kwargs)

    return {
        "from_dict": HyperParameters.from_dict,
        "from_dict(ignore_extra_keys)": lambda c: HyperParameters.from_dict(c, ignore_extra_keys=True),
        "validate": validate,
        "iter_errors": _iter_errors_raising,
        "convert_hyper_param_dict": convert_hyper_param_dict,
        "convert_hyper_param_dict(0.1)": old_version,
        "from_dict(0.1)": lambda c: HyperParameters.from_dict({**c, "_package_version": "0.1.0"}),
        "constructor": constructor,
    }


ENTRY_POINTS = _entry_points()


@contextmanager
def spied() -> Iterator[Spies]:
    """Spies on for the body only (pytest itself compiles and imports when it reports)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        spies = Spies(monkeypatch)
        yield spies
    spies.check()


class Spies:
    """Fail on any call of the dangerous functions; record every import asked for."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.called: list[str] = []
        self.imports: list[str] = []
        real_import = builtins.__import__

        def spy_import(name: str, globals: Any = None, locals: Any = None, fromlist: Any = (),
                       level: int = 0) -> Any:
            if level == 0:
                self.imports.append(name)
            return real_import(name, globals, locals, fromlist, level)

        def forbidden(what: str) -> Callable[..., Any]:
            def call(*args: Any, **kwargs: Any) -> Any:
                self.called.append(what)
                raise AssertionError(f"{what} was called with {args!r:.200}")
            return call

        monkeypatch.setattr(builtins, "__import__", spy_import)
        for owner, name in ((os, "system"), (os, "popen"), (os, "execv"), (os, "execvp"),
                            (subprocess, "Popen"), (subprocess, "run"), (builtins, "eval"),
                            (builtins, "exec"), (builtins, "compile")):
            monkeypatch.setattr(owner, name, forbidden(f"{owner.__name__}.{name}"))
        monkeypatch.setattr(importlib, "import_module", forbidden("importlib.import_module"))

    def check(self) -> None:
        assert not self.called, self.called
        asked = {name for name in self.imports if name in HOSTILE_MODULES or name in HOSTILE_TYPES}
        assert not asked, f"imports asked for: {sorted(asked)}"


def _warm_up() -> None:
    """Use every entry point once on a valid and an invalid config, so that lazy imports (jsonschema
    is imported for the first invalid config) are done before."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for call in ENTRY_POINTS.values():
            for config in (copy.deepcopy(BASE), {**copy.deepcopy(BASE), "seed": "not a number"}):
                with suppress(NipParametersError):
                    call(config)
        for name in ("os.system", "RlTrainerParameters"):
            for lookup in (get_parameter_class, get_parameter_or_parameter_value_class):
                with suppress(NipParametersError):
                    lookup(name)


@pytest.mark.slow
@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_a_hostile_type_anywhere_imports_and_calls_nothing(entry: str) -> None:
    _warm_up()
    call = ENTRY_POINTS[entry]
    modules = set(sys.modules)
    accepted: list[str] = []
    with spied():
        _try_every_place(call, entry, accepted)
    assert not accepted, accepted[:10]
    assert set(sys.modules) == modules, sorted(set(sys.modules) - modules)


def _try_every_place(call: Callable[[dict[str, Any]], Any], entry: str, accepted: list[str]) -> None:
    tried = 0
    for path in PLACES:
        if entry == "constructor" and not path:
            continue  # `_type` is not a constructor argument
        for name in HOSTILE_TYPES:
            config = _with_type(BASE, path, name)
            count("hostile inputs tried")
            tried += 1
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    call(config)
                except NipParametersError as error:
                    record_error(error)
                else:
                    accepted.append(f"{entry} accepted _type {name!r} at {'.'.join(path) or '<root>'}")
    assert tried > 100


@pytest.mark.parametrize("name", HOSTILE_TYPES)
def test_class_lookups_and_direct_from_dicts_refuse_hostile_names(name: str) -> None:
    _warm_up()
    modules = set(sys.modules)
    attempts: list[Callable[[], Any]] = [
        lambda: get_parameter_class(name),
        lambda: get_parameter_or_parameter_value_class(name),
        lambda: AgentUpdateSchedule.from_dict({"_type": name, name: {"command": "echo pwned"}}),
        lambda: AgentsParameters.from_dict({"prover": {"_type": name}}),
        lambda: RlTrainerParameters.from_dict({"_type": name}),
        lambda: LrFactors.from_dict({"_type": name}),
        lambda: HyperParameters(scenario="graph_isomorphism", trainer="vanilla_ppo", dataset="d",
                                agents={"prover": {"_type": name}}),
        lambda: HyperParameters(scenario="graph_isomorphism", trainer="vanilla_ppo", dataset="d",
                                agents={"prover": {"update_schedule": {"_type": name}}}),
    ]
    outcomes = []
    with spied():
        for attempt in attempts:
            count("hostile inputs tried")
            try:
                attempt()
            except NipParametersError:
                outcomes.append("refused")
            except Exception as error:  # reported below, once the spies are off
                outcomes.append(f"{type(error).__name__}: {error}")
            else:
                outcomes.append("accepted")
    assert outcomes == ["refused"] * len(attempts)
    assert set(sys.modules) == modules, sorted(set(sys.modules) - modules)


def test_registries_hold_only_parameter_classes() -> None:
    """What a `_type` can name: parameter classes registered by name (the package's, and those a
    user registers with `register_parameter_class`), never a function or a dotted path."""
    from nip.parameters.parameters_base import (
        PARAMETER_CLASSES,
        PARAMETER_VALUE_CLASSES,
        ParameterValue,
    )

    for name, cls in {**PARAMETER_CLASSES, **PARAMETER_VALUE_CLASSES}.items():
        assert isinstance(cls, type) and issubclass(cls, ParameterValue), name
        assert cls.__name__ == name
        assert "." not in name


def test_hostile_names_are_valid_agent_names_and_stay_names() -> None:
    """Agent names are free text: an agent called `os.system` is just a name."""
    _warm_up()
    modules = set(sys.modules)
    config = copy.deepcopy(BASE)
    config["agents"] = {name: {} for name in HOSTILE_TYPES}
    with spied():
        written = HyperParameters.from_dict(config).to_dict()
    assert list(written["agents"])[:-1] == HOSTILE_TYPES
    assert set(sys.modules) == modules


# ---- no fetching -------------------------------------------------------------------------------------
class NetworkSpies:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, forbidden_files: list[Path]) -> None:
        self.events: list[str] = []
        self.forbidden = {str(p) for p in forbidden_files}

        def refuse(what: str) -> Callable[..., Any]:
            def call(*args: Any, **kwargs: Any) -> Any:
                self.events.append(what)
                raise AssertionError(f"{what} called: {args!r:.200}")
            return call

        monkeypatch.setattr(urllib.request, "urlopen", refuse("urllib.request.urlopen"))
        monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse("OpenerDirector.open"))
        monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
        monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
        monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
        monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
        real_open = builtins.open

        def spy_open(file: Any, *args: Any, **kwargs: Any) -> Any:
            if str(file) in self.forbidden:
                self.events.append(f"open({file})")
                raise AssertionError(f"opened {file}")
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", spy_open)
        monkeypatch.setattr(io, "open", spy_open)

    def check(self) -> None:
        assert not self.events, self.events


def _schema_file(tmp_path: Path) -> Path:
    """A schema that would accept anything, if it were ever loaded."""
    path = tmp_path / "evil.json"
    path.write_text('{"$id": "file:///evil", "type": "object"}')
    return path


def _ref_configs(evil: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    urls = [evil.as_uri(), f"file://{evil}", "http://127.0.0.1:9/schema.json",
            "https://example.invalid/schema.json", "urn:evil", str(evil)]
    for url in urls:
        for path in PLACES:
            for key in ("$ref", "$id", "$schema", "$dynamicRef", "$anchor"):
                config = copy.deepcopy(BASE)
                node = config
                for part in path:
                    node = node[part]
                node[key] = url
                yield f"{key}={url} at {'.'.join(path) or '<root>'}", config
        yield f"$schema={url} at <root> (a known key)", {**copy.deepcopy(BASE), "$schema": url}


@pytest.mark.slow
def test_refs_and_ids_in_a_config_are_never_fetched(tmp_path: Path) -> None:
    _warm_up()
    evil = _schema_file(tmp_path)
    cases = list(_ref_configs(evil))
    outcomes: dict[str, list[str]] = {"rejected": [], "accepted": [], "fetch refused": []}
    with pytest.MonkeyPatch.context() as monkeypatch:
        spies = NetworkSpies(monkeypatch, [evil])
        for label, config in cases:
            for entry in ("from_dict", "validate", "iter_errors", "convert_hyper_param_dict"):
                count("hostile inputs tried")
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    try:
                        ENTRY_POINTS[entry](config)
                    except NipParametersError as error:
                        record_error(error)
                        refused = "refusing to fetch" in str(error)
                        outcomes["fetch refused" if refused else "rejected"].append(f"{entry}: {label}")
                    else:
                        outcomes["accepted"].append(f"{entry}: {label}")
    spies.check()
    assert outcomes["fetch refused"] == []  # not even tried: a config's `$ref` is data
    # only the root's `$schema` (an editor hint, a known key) is accepted; elsewhere unknown keys,
    # which conversion keeps as data (with a warning) for from_dict to refuse
    assert all(a.split(": ", 1)[1].startswith("$schema=") and "at <root>" in a
               for a in outcomes["accepted"] if not a.startswith("convert_hyper_param_dict"))
    assert len(outcomes["rejected"]) > 500


def test_the_shipped_registries_refuse_to_retrieve(tmp_path: Path) -> None:
    """The validators' registries contain the shipped files only, and do not fetch what is missing."""
    from referencing.exceptions import Unresolvable

    from nip.parameters._validation import schemas as schema_store

    evil = _schema_file(tmp_path)
    registry = schema_store.registry(schema_store.CURRENT_VERSION)
    shipped = {str(p.name) for p in schema_store.schema_dir().glob("*.json")}
    assert all(uri.rsplit("/", 1)[-1] in shipped for uri in registry), list(registry)
    unresolved = []
    with pytest.MonkeyPatch.context() as monkeypatch:
        spies = NetworkSpies(monkeypatch, [evil])
        for uri in (evil.as_uri(), "http://127.0.0.1:9/schema.json", "https://example.invalid/x.json"):
            try:
                registry.resolver().lookup(uri)
            except Unresolvable:
                unresolved.append(uri)
    spies.check()
    assert len(unresolved) == 3


def test_the_fast_validator_refuses_retrieval() -> None:
    """jsonschema-rs would follow http and file references by default; ours has a refusing retriever."""
    from nip.parameters._validation import validators as validation

    with pytest.raises(ValueError, match="refusing to fetch"):
        validation._refuse_fetch("http://127.0.0.1:9/schema.json")


def test_package_modules_do_not_import_network_clients() -> None:
    """Importing the library (in a fresh interpreter) loads no HTTP client at all."""
    import subprocess as real_subprocess

    code = (
        "import sys, nip.parameters, nip.parameters.version, nip.parameters.cli\n"
        "bad = [m for m in ('urllib.request', 'http.client', 'requests', 'urllib3', 'httpx')"
        " if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = real_subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.stdout.strip() == "", out.stdout
    assert nip.parameters  # the in-process import is the same package
