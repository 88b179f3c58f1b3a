"""What read_config accepts, and what it gives back: plain, unshared JSON-like data."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest
import yaml

from nip.parameters import _files as _io
from nip.parameters._files import dump_config, parse_config, read_config, yaml_loader
from nip.parameters._validation import plain_data
from nip.parameters.errors import ConfigFileError

CONFIG = {
    "scenario": "graph_isomorphism",
    "trainer": "vanilla_ppo",
    "dataset": "eru10000",
    "seed": 8144,
    "rl": {"lr": 0.0003, "use_shared_body": False, "gamma": 0.95},
    "spg": {"stackelberg_sequence": [["verifier"], ["prover"]], "variant": None},
}
TEXTS = {
    "json": json.dumps(CONFIG, indent=2),
    "yaml": yaml.safe_dump(CONFIG, sort_keys=False),
    "toml": (
        'scenario = "graph_isomorphism"\ntrainer = "vanilla_ppo"\ndataset = "eru10000"\n'
        "seed = 8144\n[rl]\nlr = 0.0003\nuse_shared_body = false\ngamma = 0.95\n"
        '[spg]\nstackelberg_sequence = [["verifier"], ["prover"]]\n'
    ),
}


def _without_nulls(data: dict) -> dict:  # TOML has no null
    return {
        **data,
        "spg": {"stackelberg_sequence": data["spg"]["stackelberg_sequence"]},
    }


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
@pytest.mark.parametrize("bom", [False, True], ids=["plain", "bom"])
def test_each_format_by_extension(tmp_path: Path, fmt: str, bom: bool) -> None:
    path = tmp_path / f"run.{fmt}"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + TEXTS[fmt].encode())
    loaded = read_config(path)
    expected = _without_nulls(CONFIG) if fmt == "toml" else CONFIG
    assert (loaded.data, loaded.format, loaded.path, loaded.name) == (
        expected,
        fmt,
        path,
        str(path),
    )


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
def test_unknown_extension_and_stdin_are_sniffed(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _without_nulls(CONFIG) if fmt == "toml" else CONFIG
    path = tmp_path / "run.conf"
    path.write_text(TEXTS[fmt])
    assert read_config(path).data == expected
    assert read_config(path).format == fmt
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(TEXTS[fmt].encode())))
    loaded = read_config("-")
    assert (loaded.data, loaded.format, loaded.path, loaded.name) == (
        expected,
        fmt,
        None,
        "<stdin>",
    )


def test_yml_extension_and_explicit_format(tmp_path: Path) -> None:
    path = tmp_path / "run.YML"
    path.write_text("seed: 1\n")
    assert read_config(path).format == "yaml"
    with pytest.raises(ConfigFileError, match="invalid JSON"):
        read_config(path, format="json")


def test_yaml_is_read_as_yaml_12_core_dates_and_yes_are_strings() -> None:
    data, _ = parse_config(
        "run_id: 2024-01-01\nflag: yes\nversion: '1.0'\nlr: 1e-3\nn: 010\non: true\n",
        name="x",
        format="yaml",
    )
    assert data == {
        "run_id": "2024-01-01",
        "flag": "yes",
        "version": "1.0",
        "lr": 0.001,
        "n": 10,
        "on": True,
    }


def test_yaml_merge_keys_and_anchors_give_unshared_copies() -> None:
    text = (
        "base: &lr {actor: 1.0, critic: 1.0}\n"
        "agents:\n"
        "  prover: {agent_lr_factor: *lr}\n"
        "  verifier:\n"
        "    agent_lr_factor:\n"
        "      <<: *lr\n"
        "      critic: 0.5\n"
    )
    data, _ = parse_config(text, name="x.yaml", format="yaml")
    assert data["agents"]["verifier"]["agent_lr_factor"] == {
        "actor": 1.0,
        "critic": 0.5,
    }
    assert data["agents"]["prover"]["agent_lr_factor"] == data["base"]
    assert data["agents"]["prover"]["agent_lr_factor"] is not data["base"]
    assert list(data["agents"]["verifier"]["agent_lr_factor"]) == ["actor", "critic"]


def test_yaml_merge_keys_follow_the_merge_rules_and_sit_where_the_merge_is() -> None:
    """Explicit keys win (before or after the <<), then earlier sources; merged keys take the
    place of the <<, as eemeli/yaml (the editors' parser) orders them."""
    text = (
        "a: &a {x: 1, y: 2}\n"
        "b: &b {y: 3, z: 4}\n"
        "m:\n  k: 0\n  <<: [*a, *b]\n  x: 9\n  w: 5\n"
    )
    data, _ = parse_config(text, name="x.yaml", format="yaml")
    assert list(data["m"].items()) == [("k", 0), ("x", 9), ("y", 2), ("z", 4), ("w", 5)]


def test_key_order_is_kept() -> None:
    text = '{"z": 1, "a": {"y": 2, "b": 3}}'
    for fmt, source in [("json", text), ("yaml", text)]:
        data, _ = parse_config(source, name="x", format=fmt)  # JSON is valid YAML
        assert list(data) == ["z", "a"] and list(data["a"]) == ["y", "b"]


def test_the_yaml_reader_tokenises_with_libyaml_when_built_and_constructs_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = "CSafeLoader" if yaml.__with_libyaml__ else "SafeLoader"
    assert expected == yaml_loader.PARSER

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("a PyYAML constructor or resolver ran")

    # Only the parser's events are used: PyYAML's constructors and 1.1 resolver never run.
    for name in ("construct_object", "construct_document"):
        monkeypatch.setattr(yaml.constructor.BaseConstructor, name, forbidden)
    monkeypatch.setattr(yaml.resolver.BaseResolver, "resolve", forbidden)
    if yaml.__with_libyaml__:
        monkeypatch.setattr(yaml.CSafeLoader, "construct_document", forbidden)
        monkeypatch.setattr(yaml.CSafeLoader, "resolve", forbidden)
    text = "a: &a {x: 1, y: [2.5, null, true]}\nb:\n  <<: *a\n  z: !!str 3\n"
    assert parse_config(text, name="x", format="yaml")[0]["b"] == {
        "x": 1,
        "y": [2.5, None, True],
        "z": "3",
    }
    allowed = {
        f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float", "str")
    }
    assert allowed == yaml_loader._SCALAR_TAGS


def _mutations(text: bytes, rng: random.Random, count: int) -> list[bytes]:
    specials = [
        b"\x00",
        b"\xff",
        b"{",
        b"}",
        b"[",
        b"]",
        b'"',
        b":",
        b"&a",
        b"*a",
        b"!!",
        b"NaN",
        b"\n",
        b"  ",
        b"-",
        b"=",
        b"#",
        b"\xef\xbb\xbf",
        b"1e999",
        b"<<",
    ]
    out = []
    for _ in range(count):
        data = bytearray(text)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(data) + 1)
            action = rng.random()
            if action < 0.4:
                data[at:at] = rng.choice(specials)
            elif action < 0.7:
                del data[at : at + rng.randint(1, 8)]
            else:
                data[at : at + 1] = bytes([rng.randrange(256)])
        out.append(bytes(data))
    return out


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml", None])
def test_mutated_files_either_load_or_raise_config_file_error(fmt: str | None) -> None:
    """A seeded fuzz: whatever the bytes, the only exception is ConfigFileError."""
    rng = random.Random(f"nip-params-{fmt}")
    base = TEXTS[fmt or "yaml"].encode()
    outcomes = {"loaded": 0, "refused": 0}
    for data in _mutations(base, rng, 400):
        try:
            loaded, _ = parse_config(data, name="fuzz", format=fmt)
        except ConfigFileError as error:
            assert error.file == "fuzz"
            outcomes["refused"] += 1
        else:
            json.dumps(loaded, allow_nan=False)  # whatever loads is plain JSON
            outcomes["loaded"] += 1
    assert outcomes["refused"] > 50  # the mutations really do break files


def test_dump_config_json_and_yaml_round_trip() -> None:
    shared = {"actor": 1.0, "critic": 1.0}
    data = {
        "b": 1,
        "a": {"x": shared, "y": shared},
        "seq": ("verifier", "prover"),
        "d": "2024-01-01",
        "n": None,
        "t": True,
        "s": "yes",
    }
    as_json = dump_config(data, "json")
    assert as_json.endswith("}\n") and '"b": 1' in as_json
    as_yaml = dump_config(data, "yaml")
    assert "&" not in as_yaml and "*" not in as_yaml  # no anchors for repeated objects
    assert as_yaml.startswith("b: 1\n")  # key order kept
    expected = {**data, "seq": ["verifier", "prover"]}
    assert parse_config(as_json, name="x", format="json")[0] == expected
    assert parse_config(as_yaml, name="x", format="yaml")[0] == expected


def test_dump_config_refuses_nan_and_unknown_formats() -> None:
    with pytest.raises(ValueError):
        dump_config({"lr": float("nan")}, "json")
    with pytest.raises(ValueError, match="toml"):
        dump_config({}, "toml")


def test_limits_are_documented_numbers() -> None:
    assert (
        _io.MAX_FILE_BYTES,
        plain_data.MAX_DEPTH,
        _io.MAX_VALUES,
        plain_data.MAX_STRING_LENGTH,
    ) == (
        8 * 1024 * 1024,
        200,
        100_000,
        65_536,
    )
    assert _io.MAX_EXPANDED_BYTES == _io.MAX_FILE_BYTES == 8_388_608
    doc = (Path(__file__).parents[2] / "docs" / "cli.md").read_text()
    security = (Path(__file__).parents[2] / "SECURITY.md").read_text()
    for number in ("8 MiB", "8,388,608 bytes", "200", "100,000", "65,536", "10,000"):
        assert number in doc and number in security, number
    for name in ("MAX_FILE_BYTES", "MAX_EXPANDED_BYTES", "MAX_VALUES", "MAX_YAML_ALIASES"):
        assert name in doc and name in security, name
