"""The engine through small step documents: each operation, the chain, the report, the checks."""

from __future__ import annotations

import copy
import json
import warnings
from typing import Any

import pytest
from migration_support import REPO, config

from nip.parameters import version as nip_version
from nip.parameters._migration import ABSENT, migrate
from nip.parameters._migration.steps import (
    Chain,
    PythonStep,
    directory_steps,
    load_step,
    package_steps,
)
from nip.parameters.errors import MigrationError, ParameterValidationError
from nip.parameters.version import (
    ConversionFunctionAlreadyRegisteredError,
    ConversionFunctionNotFoundError,
    convert_hyper_param_dict,
    register_conversion_function,
)


def step(*ops: dict[str, Any], frm: str | None = "7.0", to: str = "7.1") -> Any:
    doc = {"from": frm, "to": to, "package": {"name": "demo", "version": f"{to}.0"},
           "description": "test step", "operations": list(ops)}
    return load_step(doc, "test")


def run(data: dict[str, Any], *ops: dict[str, Any], keep_key_order: bool = False):
    chain = Chain([step(*ops)])
    return migrate(data, from_version="7.0", to_version="7.1", chain=chain,
                   keep_key_order=keep_key_order, validate=False)


# --- operations -------------------------------------------------------------------------------

def test_rename_key_in_every_agent_with_a_wildcard():
    data = {"agents": {"a": {"old": 1, "x": 0}, "b": {"x": 0}, "agents_update_repr": "Standard"}}
    result = run(data, {"op": "rename_key", "at": "agents.*.old", "to": "new"})
    assert result.data["agents"] == {"a": {"x": 0, "new": 1}, "b": {"x": 0}, "agents_update_repr": "Standard"}
    change, stamp = result.report.changes
    assert stamp.kind == "package_meta"
    assert (change.kind, change.address, change.new_address) == ("rename_key", "agents.a.old", "agents.a.new")
    assert str(change) == "agents.a.old -> agents.a.new"


def test_rename_key_keeping_order():
    result = run({"g": {"a": 1, "old": 2, "z": 3}}, {"op": "rename_key", "at": "g.old", "to": "new"},
                 keep_key_order=True)
    assert list(result.data["g"]) == ["a", "new", "z"]


def test_move_creates_parents_and_refuses_to_overwrite():
    result = run({"a": {"b": 5}}, {"op": "move", "at": "a.b", "to": "c.d.e"})
    assert result.data == {"a": {}, "c": {"d": {"e": 5}}, "_package_version": "7.1.0"}
    with pytest.raises(MigrationError, match=r"c\.d already exists"):
        run({"a": {"b": 5}, "c": {"d": 1}}, {"op": "move", "at": "a.b", "to": "c.d"})
    with pytest.raises(MigrationError, match="is not an object"):
        run({"a": {"b": 5}, "c": 3}, {"op": "move", "at": "a.b", "to": "c.d"})


def test_map_values_only_maps_strings_of_the_map():
    ops = {"op": "map_values", "at": ["x", "y", "z"], "map": {"old": "new", "1": "one"}}
    result = run({"x": "old", "y": 1, "z": "other"}, ops)
    assert result.data["x"] == "new" and result.data["y"] == 1 and result.data["z"] == "other"
    assert [str(c) for c in result.report.changes] == ['x: "old" -> "new"', '_package_version: (absent) -> "7.1.0"']


def test_set_value_and_set_default_if_absent():
    result = run({"g": {"k": 1}, "h": None},
                 {"op": "set_value", "at": "g.k", "value": 2},
                 {"op": "set_default_if_absent", "at": ["g.k", "g.m"], "value": False},
                 {"op": "set_default_if_absent", "at": "h.n", "value": 0},
                 {"op": "set_default_if_absent", "at": "i.n", "value": 0, "create_parents": True})
    assert result.data["g"] == {"k": 2, "m": False}
    assert result.data["h"] is None, "without create_parents a null parent is left alone"
    assert result.data["i"] == {"n": 0}


def test_set_value_tells_json_types_apart():
    result = run({"k": True}, {"op": "set_value", "at": "k", "value": 1})
    assert result.data["k"] == 1 and type(result.data["k"]) is int
    assert len(result.report.changes) == 1 + 1  # the value, then _package_version


def test_remove_key_is_reported_with_its_value():
    result = run({"g": {"gone": "x", "kept": 1}}, {"op": "remove_key", "at": "g.gone", "why": "unused"})
    assert result.data["g"] == {"kept": 1}
    change = result.report.changes[0]
    assert (change.kind, change.address, change.old, change.new, change.note) == (
        "remove_key", "g.gone", "x", ABSENT, "unused")
    assert str(change) == 'g.gone: "x" -> (absent) (removed)  [unused]'


def test_reject_value_names_value_and_address():
    op = {"op": "reject_value", "at": "p", "values": ["bad", 1],
          "message": "{value!r} at {address} was removed in 7.1"}
    with pytest.raises(MigrationError, match=r"p: 'bad' at p was removed in 7\.1"):
        run({"p": "bad"}, op)
    assert run({"p": True}, op).data["p"] is True, "true is not 1"


def test_hook_and_warn():
    result = run({"g": {"min_message_rounds": 3}},
                 {"op": "hook", "name": "round_minimum_counts_from_one", "at": "g.min_message_rounds"})
    assert result.data["g"]["min_message_rounds"] == 4
    with pytest.warns(UserWarning, match="careful"):
        result = run({}, {"op": "warn", "message": "careful"})
    assert result.report.warnings == ["careful"]


def test_missing_parents_are_skipped():
    result = run({"g": None}, {"op": "rename_key", "at": "g.a", "to": "b"},
                 {"op": "remove_key", "at": "x.y.z", "why": "-"},
                 {"op": "map_values", "at": "*.q", "map": {"a": "b"}})
    assert result.data == {"g": None, "_package_version": "7.1.0"}


# --- step files -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"operations": [{"op": "explode", "at": "a"}]}, "operations.0.op: expected one of 'rename_key', .*got 'explode'"),
        ({"operations": [{"op": "rename_key", "at": "a"}]}, "operations.0.to: missing required key 'to'"),
        ({"operations": [{"op": "rename_key", "at": "a", "to": "b.c"}]}, "operations.0.to: .*no dots"),
        ({"operations": [{"op": "remove_key", "at": "a", "why": "x", "extra": 1}]}, "operations.0.extra: unknown key 'extra' for remove_key"),
        ({"operations": [{"op": "hook", "at": "a", "name": "nope"}]}, "operations.0.name: no hook named 'nope'"),
        ({"operations": [{"op": "move", "at": "a.*", "to": "b"}]}, "operations.0.at: .*without `\\*`"),
        ({"operations": [{"op": "map_values", "at": "a..b", "map": {}}]}, "operations.0.at: 'a..b' does not match"),
        ({"from": "7.1"}, "must be older"),
        ({"package": {"name": "demo", "version": "9.0.0"}}, "not a 7.1 release"),
        ({"format": 2}, "format: expected 1, got 2"),
        ({"surprise": 1}, "surprise: unknown key 'surprise' for nip-parameters migration step"),
    ],
)
def test_step_file_errors_name_the_problem(change, words):
    doc = {"from": "7.0", "to": "7.1", "package": {"name": "demo", "version": "7.1.0"},
           "description": "d", "operations": []}
    doc.update(change)
    with pytest.raises(MigrationError, match=words):
        load_step(doc, "schema/7.1/migration.json")


def test_step_must_live_next_to_the_newer_schema():
    doc = {"from": "7.0", "to": "7.1", "package": {"name": "demo", "version": "7.1.0"},
           "description": "d", "operations": []}
    with pytest.raises(MigrationError, match=r"schema/7\.1/"):
        load_step(doc, "x", directory_version="7.0")


def test_the_step_files_ship_in_the_package():
    """codegen copies schema/<v>/migration.json into nip/parameters/_schemas/<v>/: run make generate."""
    shipped = {(s.from_version, s.to_version): s.operations for s in package_steps()}
    source = {(s.from_version, s.to_version): s.operations for s in directory_steps(REPO / "schema")}
    assert shipped == source, "out of date: run `make generate`"


def test_every_version_has_a_step_into_it():
    versions = sorted(d.name for d in (REPO / "schema").iterdir() if d.is_dir() and d.name[0].isdigit())
    for version in versions:
        assert (REPO / "schema" / version / "migration.json").is_file(), version


def test_current_version_agrees_with_the_schema_store():
    from nip.parameters._migration import current_version
    from nip.parameters._validation import schemas as schema_store

    assert current_version() == schema_store.CURRENT_VERSION
    assert nip_version.get_version() == "1.0.0"
    assert nip_version.get_package_name() == "nip"


# --- the chain and custom steps ---------------------------------------------------------------

def test_each_version_has_one_outgoing_step():
    with pytest.raises(ConversionFunctionAlreadyRegisteredError, match="already registered"):
        Chain([step(), step()])
    with pytest.raises(ConversionFunctionAlreadyRegisteredError):
        @register_conversion_function("0.1", "1.0")
        def again(d):  # pragma: no cover - never registered
            return d


def test_a_registered_python_step_extends_the_chain():
    from nip.parameters._migration.steps import _registered, unregister_step

    @register_conversion_function("1.0", "1.1")
    def add_note(d):
        d["note"] = "hello"
        d.pop("seed", None)

    try:
        registered = _registered[-1]
        assert isinstance(registered, PythonStep) and registered.func is add_note
        data = config("0.1.0", seed=3, interaction_protocol="pvg")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            result = migrate(data, to_version="1.1")
        assert result.data["note"] == "hello" and "seed" not in result.data
        assert result.data["interaction_protocol"] == "nip"
        assert result.data["_package_version"] == "1.1.0"
        assert result.report.steps == ["0.1 -> 1.0", "1.0 -> 1.1"]
        custom = {(c.kind, c.address) for c in result.report.changes if c.step == "1.0 -> 1.1"}
        assert ("custom_step", "note") in custom and ("custom_step", "seed") in custom
        assert data["seed"] == 3
    finally:
        unregister_step(registered)
    with pytest.raises(ConversionFunctionNotFoundError, match=r"1\.1"):
        migrate(config("1.0.0"), to_version="1.1")


def test_cannot_migrate_backwards():
    with pytest.raises(ConversionFunctionNotFoundError, match="back to the older"):
        migrate(config("1.0.0"), to_version="0.1")


def test_from_version_overrides_the_dict():
    data = config(None, interaction_protocol="pvg")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = migrate(data, from_version="0.1")
    assert result.data["interaction_protocol"] == "nip"
    assert result.report.from_version == "0.1"
    assert migrate(data, from_version="1.0", validate=False).data == data
    with pytest.raises(ParameterValidationError, match=r"(?s)config \(version 1\.0\).*interaction_protocol"):
        migrate(data, from_version="1.0")


def test_migrating_to_0_1_only_warns():
    data = config(None, interaction_protocol="pvg")
    with pytest.warns(UserWarning, match="before versions were recorded"):
        result = migrate(data, to_version="0.1")
    assert result.data == dict(data, _package_version="0.1.0")


# --- checks -----------------------------------------------------------------------------------

def test_source_problems_are_warnings_and_the_target_is_strict():
    data = config("0.1.0", trainer="bogus")
    with pytest.warns(UserWarning, match="does not match schema 0.1"), \
            pytest.raises(ParameterValidationError) as info:
        convert_hyper_param_dict(data)
    assert any(p.address == "trainer" for p in info.value.problems)
    assert "after migrating 0.1 -> 1.0" in str(info.value)


def test_a_hand_added_key_is_kept_by_conversion_and_left_to_from_dict():
    from nip.parameters import HyperParameters

    data = config("0.1.0", rl={"my_note": 1})
    with pytest.warns(UserWarning, match=r"kept 1 key .*: rl\.my_note"):
        converted = convert_hyper_param_dict(data)
    assert converted["rl"] == {"my_note": 1}
    with pytest.raises(ParameterValidationError, match=r"rl\.my_note"):
        HyperParameters.from_dict(converted)
    assert HyperParameters.from_dict(converted, ignore_extra_keys=True).rl.to_dict() == \
        HyperParameters.from_dict({**converted, "rl": {}}).rl.to_dict()
    result = None
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        result = migrate(data, validate=False)
    assert any("rl.my_note" in w for w in result.report.warnings)
    assert result.data["rl"] == {"my_note": 1}, "never dropped"


def test_a_key_0_1_did_not_know_but_1_0_does_is_only_a_warning():
    data = config("0.1.0", code_validation={"apps_exclude_flagged": True})
    with pytest.warns(UserWarning, match="apps_exclude_flagged"):
        out = convert_hyper_param_dict(data)
    assert out["code_validation"]["apps_exclude_flagged"] is True


def test_from_dict_reads_a_versionless_dict_as_current():
    from nip.parameters import HyperParameters

    data = config(None, nip_protocol={"min_message_rounds": 2})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        params = HyperParameters.from_dict(copy.deepcopy(data))
    assert params.nip_protocol.min_message_rounds == 2


def test_from_dict_migrates_an_old_dict_with_a_warning_naming_both_versions():
    from nip.parameters import HyperParameters

    data = config("0.1.0", pvg_protocol={"min_message_rounds": 2, "min_message_rounds_scheduler": "constant"})
    before = copy.deepcopy(data)
    with pytest.warns(UserWarning) as record:
        params = HyperParameters.from_dict(data)
    assert data == before
    assert params.nip_protocol.min_message_rounds == 3
    assert params.interaction_protocol == "nip"
    assert params.code_validation.apps_exclude_flagged is False
    text = " ".join(str(w.message) for w in record)
    assert "0.1.0" in text and "1.0" in text


def test_a_meta_round_trip_is_not_migrated():
    from nip.parameters import HyperParameters

    params = HyperParameters.from_dict(config(None, nip_protocol={"min_message_rounds": 2}))
    saved = json.loads(json.dumps(params.to_dict(include_package_meta=True)))
    assert convert_hyper_param_dict(saved) == saved
    assert HyperParameters.from_dict(saved).to_dict() == params.to_dict()


def test_report_text_and_json():
    data = config("0.1.0", interaction_protocol="pvg", spg={"sos_a_param": 0.2})
    result = migrate(data, validate=False)
    text = str(result.report)
    assert text.startswith("0.1 -> 1.0: ")
    assert 'interaction_protocol: "pvg" -> "nip"' in text
    assert "spg.sos_a_param -> spg.sos_scaling_factor" in text
    as_json = result.report.to_json()
    json.dumps(as_json)
    kinds = {c["kind"] for c in as_json["changes"]}
    assert {"map_values", "rename_key", "set_default_if_absent", "package_meta"} <= kinds
    nothing = migrate(config("1.0.0")).report
    assert str(nothing) == "1.0 -> 1.0: nothing to do"


def test_not_a_dict():
    with pytest.raises(MigrationError, match="expected a dict"):
        migrate(["not", "a", "dict"])  # type: ignore[arg-type]


# --- what from_dict calls -----------------------------------------------------------------------

def test_migrate_on_load_leaves_current_dicts_alone():
    from nip.parameters._migration import migrate_on_load

    for data in (config(None, pvg_protocol={}), config("1.0.0"), config("1.0.3")):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert migrate_on_load(data) is data


def test_migrate_on_load_migrates_old_dicts_and_leaves_the_check_to_the_caller():
    from nip.parameters._migration import migrate_on_load

    data = config("0.1.0", interaction_protocol="pvg", rl={"extra": 1})
    before = copy.deepcopy(data)
    with pytest.warns(UserWarning, match=r"written by version 0\.1\.0 and was migrated to 1\.0"):
        out = migrate_on_load(data)
    assert data == before
    assert out["interaction_protocol"] == "nip"
    assert out["rl"] == {"extra": 1}, "from_dict decides (ignore_extra_keys) what happens to it"


@pytest.mark.parametrize("version", ["2.0.0", "0.0.3", "x"])
def test_migrate_on_load_names_the_version_it_cannot_read(version):
    from nip.parameters._migration import migrate_on_load

    with pytest.raises(ConversionFunctionNotFoundError, match="_package_version"):
        migrate_on_load(config(version))


def test_the_engine_names_loaded_on_first_use_are_the_engines():
    from nip.parameters import _migration
    from nip.parameters._migration import chain as engine

    assert set(_migration.CHAIN_NAMES) == set(engine.__all__)
    assert all(getattr(_migration, name) is getattr(engine, name) for name in engine.__all__)
