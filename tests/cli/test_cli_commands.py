"""`nip-params` top level, `schema`, `defaults` and `get`."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest
import yaml

import nip.parameters.cli as cli_pkg
from nip.parameters import HyperParameters, iter_errors
from nip.parameters._validation import schemas as schema_store
from nip.parameters.cli import COMMANDS, build_parser, command_module
from nip.parameters.cli import defaults as defaults_cmd
from nip.parameters.errors import ConfigFileError, ParameterValidationError

# --- top level


def test_every_command_has_help_with_examples(cli) -> None:
    top = cli("--help")
    assert top.code == 0 and "examples:" in top.out
    for name in COMMANDS:
        assert name in top.out
        run = cli(name, "--help")
        assert run.code == 0, name
        assert "examples:" in run.out, name
        assert f"nip-params {name}" in run.out, name
        assert "exit status" in run.out, name


def test_every_command_is_in_the_command_table() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    names = ["validate", "schema", "defaults", "get", "migrate", "compose", "sweep", "diff"]
    assert list(sub.choices) == list(COMMANDS) == names
    assert [command_module(name).__name__.rsplit(".", 1)[-1] for name in COMMANDS] == names


def test_only_the_command_run_is_imported() -> None:
    script = (
        "import sys\n"
        "from nip.parameters.cli import main\n"
        "main(['validate', '--help'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('nip.parameters.cli.')\n"
        "                and not m.startswith('nip.parameters.cli._'))\n"
        "print(loaded)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip().splitlines()[-1] == "['nip.parameters.cli.validate']"


def test_version(cli) -> None:
    run = cli("--version")
    assert run.code == 0
    assert (
        run.out.startswith("nip-params ")
        and f"schema {schema_store.CURRENT_VERSION}" in run.out
    )


def test_usage_errors_exit_2(cli) -> None:
    assert cli().code == 2
    assert cli("frobnicate").code == 2
    assert cli("get", "only-a-file").code == 2


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (ConfigFileError("x.yaml", "boom", line=3, column=4), 2),
        (ParameterValidationError.single(("rl", "lr"), "expected number"), 1),
        (RuntimeError("a bug"), 3),
    ],
)
def test_errors_never_print_a_traceback(cli, monkeypatch, error, code) -> None:
    def explode(args):
        raise error

    monkeypatch.setattr(defaults_cmd, "run", explode)
    run = cli("defaults", "--scenario", "s", "--trainer", "t")
    assert run.code == code
    assert run.err.startswith("nip-params: ")
    if code == 2:
        assert run.err == "nip-params: error: x.yaml:3:4: boom\n"
    if code == 1:
        assert "rl.lr: expected number" in run.err
    if code == 3:
        assert "internal error (RuntimeError: a bug)" in run.err


def test_internal_error_traceback_on_request(cli, monkeypatch) -> None:
    monkeypatch.setenv("NIP_PARAMS_TRACEBACK", "1")
    monkeypatch.setattr(defaults_cmd, "run", lambda args: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        cli_pkg.main(["defaults", "--scenario", "s", "--trainer", "t"])


# --- schema


def test_schema_prints_the_bundle(cli) -> None:
    run = cli("schema")
    assert run.code == 0
    assert json.loads(run.out) == json.loads(schema_store.bundle_path().read_text())
    for version in schema_store.available_versions():
        run = cli("schema", "--version", version)
        assert json.loads(run.out)["$id"] == schema_store.load_bundle(version)["$id"]


def test_schema_path(cli) -> None:
    run = cli("schema", "path")
    assert run.code == 0
    assert run.out == f"{schema_store.bundle_path()}\n"
    assert schema_store.bundle_path().is_file()


def test_schema_out_exports_bundle_groups_vocabulary_and_catalog(cli, tmp_path) -> None:
    out = tmp_path / "exported" / "schemas"
    run = cli("schema", "--out", str(out))
    assert run.code == 0
    source = schema_store.schema_dir(schema_store.CURRENT_VERSION)
    files = {p.name: p for p in source.glob("*.json")}
    files["bundle.d.ts"] = source / "bundle.d.ts"  # the TypeScript declarations beside the bundle
    files |= {p.name: p for p in (source.parent / "vocabulary.json", source.parent / "catalog.json",
                                   source.parent / "migration.schema.json", source.parent / "sweep-spec.schema.json")}
    assert {"bundle.json", "bundle.d.ts", "hyper_parameters.json", "vocabulary.json", "catalog.json",
            "migration.schema.json", "sweep-spec.schema.json"} <= set(files)
    assert sorted(p.name for p in out.iterdir()) == sorted(files)
    for name, path in files.items():
        assert (out / name).read_bytes() == path.read_bytes()
    assert sorted(run.out.splitlines()) == sorted(str(out / name) for name in files)
    vocabulary = json.loads((out / "vocabulary.json").read_text())
    assert "markdownDescription" in vocabulary["editor"] and "x-alias-of" in vocabulary["nip"]
    catalog = json.loads((out / "catalog.json").read_text())
    assert catalog["schemas"][0]["url"].endswith(f"/{schema_store.CURRENT_VERSION}/bundle.json")


def test_schema_usage_errors(cli, tmp_path) -> None:
    assert cli("schema", "--version", "7.0").code == 2
    assert cli("schema", "path", "--out", str(tmp_path)).code == 2
    blocker = tmp_path / "file"
    blocker.write_text("")
    run = cli("schema", "--out", str(blocker / "sub"))
    assert run.code == 2 and "cannot write" in run.err


# --- defaults

GI = (
    "--scenario",
    "graph_isomorphism",
    "--trainer",
    "vanilla_ppo",
    "--dataset",
    "eru10000",
)


def test_defaults_json_is_to_dict(cli) -> None:
    run = cli("defaults", *GI)
    assert run.code == 0
    expected = HyperParameters(
        scenario="graph_isomorphism", trainer="vanilla_ppo", dataset="eru10000"
    ).to_dict()
    assert run.out == json.dumps(expected, indent=2) + "\n"
    assert list(iter_errors(run.json())) == []


def test_defaults_yaml_with_protocol(cli) -> None:
    run = cli("defaults", *GI, "--protocol", "debate", "--format", "yaml")
    assert run.code == 0
    data = yaml.safe_load(run.out)
    assert (
        data
        == HyperParameters(
            scenario="graph_isomorphism",
            trainer="vanilla_ppo",
            dataset="eru10000",
            interaction_protocol="debate",
        ).to_dict()
    )
    assert data["interaction_protocol"] == "debate"


def test_defaults_package_meta(cli) -> None:
    data = cli("defaults", *GI, "--package-meta").json()
    assert "_package_version" in data and "_package_name" in data


def test_defaults_bad_values_are_usage_errors_with_hints(cli) -> None:
    run = cli(
        "defaults",
        "--scenario",
        "graph_isomorphizm",
        "--trainer",
        "vanilla_ppo",
        "--dataset",
        "d",
    )
    assert run.code == 2
    assert "--scenario" in run.err and "did you mean 'graph_isomorphism'?" in run.err
    assert cli("defaults", "--scenario", "graph_isomorphism").code == 2  # no --trainer


def test_defaults_without_dataset(cli, monkeypatch) -> None:
    monkeypatch.setattr(defaults_cmd, "_schema_dataset", lambda: None)
    run = cli("defaults", *GI[:4])
    assert run.code == 2 and "--dataset is required" in run.err
    monkeypatch.setattr(defaults_cmd, "_schema_dataset", lambda: "from-schema")
    run = cli("defaults", *GI[:4])
    assert run.code == 0 and run.json()["dataset"] == "from-schema"


# --- get


@pytest.fixture
def config_file(write, valid_config):
    valid_config["spg"]["stackelberg_sequence"] = [["verifier"], ["prover"]]
    return write("run.yaml", yaml.safe_dump(valid_config, sort_keys=False))


def test_get_scalars(cli, config_file) -> None:
    assert cli("get", str(config_file), "trainer").out == "vanilla_ppo\n"
    assert (
        cli("get", str(config_file), "trainer", "--format", "json").out
        == '"vanilla_ppo"\n'
    )
    assert cli("get", str(config_file), "agents._default.d_gnn").out == "16\n"
    assert cli("get", str(config_file), "pretrain_agents").out == "false\n"
    assert (
        cli("get", str(config_file), "agents._default.checkpoint_run_id").out
        == "null\n"
    )
    assert cli("get", str(config_file), "/agents/_default/d_gnn").out == "16\n"
    assert (
        cli("get", str(config_file), "spg.stackelberg_sequence.1.0").out == "prover\n"
    )
    assert (
        cli("get", str(config_file), "spg.stackelberg_sequence.-1").out
        == '[\n  "prover"\n]\n'
    )


def test_get_groups_as_json_or_yaml(cli, config_file, valid_config) -> None:
    run = cli("get", str(config_file), "rl")
    assert run.code == 0 and run.json() == valid_config["rl"]
    run = cli("get", str(config_file), "agents._default", "--format", "yaml")
    assert yaml.safe_load(run.out) == valid_config["agents"]["_default"]


def test_get_fills_defaults_unless_raw(cli, write, valid_config) -> None:
    minimal = write(
        "min.yaml", "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: x\n"
    )
    run = cli("get", str(minimal), "rl.lr")
    assert run.code == 0 and run.out == json.dumps(valid_config["rl"]["lr"]) + "\n"
    run = cli("get", "--raw", str(minimal), "rl.lr")
    assert run.code == 1 and "the config has no key 'rl'" in run.err


def test_get_missing_address_exit_1_with_hint(cli, config_file) -> None:
    run = cli("get", str(config_file), "rl.lrr")
    assert run.code == 1
    assert run.err == (
        f"nip-params get: error: no value at 'rl.lrr' in {config_file}: rl has no key 'lrr' "
        "(did you mean 'lr'?)\n"
    )
    assert cli("get", str(config_file), "spg.stackelberg_sequence.7").code == 1
    assert cli("get", str(config_file), "trainer.x").code == 1


def test_get_invalid_or_unreadable_file(cli, write, valid_config) -> None:
    valid_config["rl"]["lr"] = "fast"
    bad = write("bad.json", valid_config)
    run = cli("get", str(bad), "trainer")
    assert run.code == 1 and "rl.lr" in run.err
    assert cli("get", "--raw", str(bad), "rl.lr").out == "fast\n"
    broken = write("broken.json", "{")
    run = cli("get", str(broken), "trainer")
    assert run.code == 2 and run.err.startswith(
        f"nip-params: error: {broken}:1:2: invalid JSON"
    )
    listed = write("list.json", [1, 2])
    assert cli("get", str(listed), "0").code == 1
    assert cli("get", "--raw", str(listed), "0").out == "1\n"


def test_get_finds_what_python_get_finds_on_the_defaults_output(cli, tmp_path) -> None:
    """`defaults` writes one `_default` agent; `get agents.prover.x` falls back to it, as
    `HyperParameters.get` does, with or without --raw."""
    out = tmp_path / "run.json"
    made = cli("defaults", "--scenario", "graph_isomorphism", "--trainer", "vanilla_ppo",
               "--dataset", "eru10000")
    assert made.code == 0
    out.write_text(made.out, encoding="utf-8")
    params = HyperParameters.from_dict(json.loads(out.read_text()))
    for raw in ((), ("--raw",)):
        run = cli("get", *raw, str(out), "agents.prover.d_gnn")
        assert run.code == 0 and run.out == f"{params.get('agents.prover.d_gnn')}\n", run.err
        assert cli("get", *raw, str(out), "/agents/verifier/d_gnn").out == run.out
    run = cli("get", str(out), "agents.prover.d_gnm")
    assert run.code == 1 and "agents.prover has no key 'd_gnm' (did you mean 'd_gnn'?)" in run.err


@pytest.mark.parametrize("index", ["--0", "²", "9" * 5000, "٣"])
def test_get_a_bad_list_index_is_exit_1(cli, config_file, index) -> None:
    run = cli("get", str(config_file), f"spg.stackelberg_sequence.{index}")
    assert run.code == 1 and "is not an index of it" in run.err
    assert len(run.err) < 500


def test_get_reads_stdin(cli, monkeypatch, valid_config) -> None:
    import io

    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(valid_config).encode()))
    )
    assert cli("get", "-", "dataset").out == "eru10000\n"


def test_library_warnings_are_one_plain_line(cli, write, monkeypatch) -> None:
    import warnings

    def warn_and_fail(args):
        warnings.warn(
            "migrated a config from version 0.1.0 to 1.0", UserWarning, stacklevel=1
        )
        warnings.warn("'ppo' is deprecated", DeprecationWarning, stacklevel=1)
        return 0

    monkeypatch.setattr(defaults_cmd, "run", warn_and_fail)
    run = cli("defaults", "--scenario", "s", "--trainer", "t")
    assert run.code == 0
    assert run.err == (
        "nip-params: warning: migrated a config from version 0.1.0 to 1.0\n"
        "nip-params: deprecated: 'ppo' is deprecated\n"
    )
