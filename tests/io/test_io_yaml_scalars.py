"""Every command reads YAML as editors do: the YAML 1.2 core schema, row by row of a shared table.

tests/io/yaml_scalars.json lists scalars and documents that YAML 1.1 readers (PyYAML, nip 1.0) and
YAML 1.2 readers disagree on, with what YAML 1.2 core reads. tests/js/yaml-scalars.test.js checks
the same table against yaml-language-server's own parser; this file runs each row through the
library reader, `validate`, `get --raw`, `get`, `migrate`'s round-trip reader and writer, `defaults`
and the writers, and `HyperParameters.from_file`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from nip.parameters import HyperParameters
from nip.parameters._files import dump_config, parse_config, read_config
from nip.parameters._files.roundtrip import read_document, render_document
from nip.parameters._validation import schemas
from nip.parameters.cli import main
from nip.parameters.errors import ConfigFileError

TABLE = json.loads((Path(__file__).parent / "yaml_scalars.json").read_text(encoding="utf-8"))
SCALARS: list[dict[str, Any]] = TABLE["scalars"]
DOCUMENTS: list[dict[str, Any]] = TABLE["documents"]
VALUES = [row for row in SCALARS if "value" in row]
STRINGS = [row for row in VALUES if isinstance(row["value"], str)]
REFUSED = [row for row in SCALARS if "refused" in row]
# What our message says for each reason a row is refused.
REASONS = {
    "range": ("64-bit range", "digits"),
    "non-finite": ("not a finite number",),
    "tag": ("is not allowed", "is not a valid"),
    "yaml-1.1": ("%YAML 1.1",),
    "duplicate": ("duplicate key",),
    "merge": ("merge key",),
    "key": ("is not a string",),
    "documents": ("single document",),
}
BASE = "scenario: graph_isomorphism\ntrainer: vanilla_ppo\n"


def _id(row: dict[str, Any]) -> str:
    text = row.get("name") or row["yaml"] or "<empty>"
    return text if len(text) < 30 else text[:27] + "..."


def same(a: Any, b: Any) -> bool:
    """Equal values of the same JSON kind (True is not 1, 1.0 is not 1), keys in the same order."""
    kinds = (bool, int, float, str, dict, list, type(None))
    if next(k for k in kinds if isinstance(a, k)) is not next(k for k in kinds if isinstance(b, k)):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and code != 3, err
    return code, out, err


def test_the_table_covers_what_the_issue_names() -> None:
    written = {row["yaml"] for row in SCALARS}
    for text in ("1e-3", "3e-3", "010", "0o10", "0x1F", "no", "off", "yes", "on", "~", "null",
                 "2024-01-01", "1:0:0", ".inf", ".nan", "+1", "1_000", "'quoted'"):
        assert text in written, text
    assert any("<<" in row["yaml"] for row in DOCUMENTS)


# ---- the library reader ------------------------------------------------------------------------


@pytest.mark.parametrize("row", VALUES, ids=_id)
def test_reader_gives_the_yaml_12_core_value(row: dict[str, Any]) -> None:
    data, fmt = parse_config(f"v: {row['yaml']}\n", name="t.yaml", format="yaml")
    assert fmt == "yaml" and same(data, {"v": row["value"]}), data


@pytest.mark.parametrize("row", REFUSED + [d for d in DOCUMENTS if "refused" in d], ids=_id)
def test_reader_refuses_with_a_reason_a_line_and_a_column(row: dict[str, Any]) -> None:
    text = row["yaml"] if "name" in row else f"v: {row['yaml']}\n"
    with pytest.raises(ConfigFileError) as caught:
        parse_config(text, name="t.yaml", format="yaml")
    error = caught.value
    assert any(part in error.reason for part in REASONS[row["refused"]]), error.reason
    assert error.line is not None and error.column is not None, str(error)
    assert len(str(error)) < 400  # a 5,000-digit number is not echoed whole


@pytest.mark.parametrize("row", [d for d in DOCUMENTS if "value" in d], ids=_id)
def test_reader_reads_whole_documents_as_yaml_12(row: dict[str, Any]) -> None:
    data, _ = parse_config(row["yaml"], name="t.yaml", format="yaml")
    assert same(data, row["value"]), data


@pytest.mark.parametrize("row", VALUES, ids=_id)
def test_the_file_api_reads_the_same(tmp_path: Path, row: dict[str, Any]) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(f"v: {row['yaml']}\n", encoding="utf-8")
    assert same(read_config(path).data, {"v": row["value"]})


# ---- the commands --------------------------------------------------------------------------


@pytest.mark.parametrize("row", SCALARS, ids=_id)
def test_validate_and_get_raw_read_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], row: dict[str, Any]
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(f"{BASE}dataset: d\nprobe: {row['yaml']}\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--format", "json", str(path))
    report = json.loads(out)[0]
    if "refused" in row:
        assert code == 2 and report["error"]["line"] == 4, report
        assert run(capsys, "get", "--raw", str(path), "probe")[0] == 2
        return
    assert code == 1  # probe is an unknown key: the only problem
    [problem] = report["problems"]
    assert problem["address"] == "probe"
    if len(row["yaml"]) < 60:  # messages may shorten long values
        assert same(problem["actual"], row["value"]), problem
    code, out, _ = run(capsys, "get", "--raw", "--format", "json", str(path), "probe")
    assert code == 0 and same(json.loads(out), row["value"]), out


_SEED = schemas.class_schema(schemas.CURRENT_VERSION, "HyperParameters")["properties"]["seed"]


def _typed_field(value: Any) -> str | None:
    """A field of the root whose type holds `value` (so the full config stays valid)."""
    if isinstance(value, bool):
        return "pretrain_agents"
    if isinstance(value, int):
        return "seed" if _SEED["minimum"] <= value <= _SEED["maximum"] else None
    if isinstance(value, str):
        return "dataset"
    return None


TYPED = [row for row in VALUES if _typed_field(row["value"]) is not None]


@pytest.mark.parametrize("row", TYPED, ids=_id)
def test_get_and_from_file_read_the_same_in_a_valid_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], row: dict[str, Any]
) -> None:
    field = _typed_field(row["value"])
    assert field is not None
    dataset = "" if field == "dataset" else "dataset: d\n"
    path = tmp_path / "t.yaml"
    path.write_text(f"{BASE}{dataset}{field}: {row['yaml']}\n", encoding="utf-8")
    code, out, err = run(capsys, "get", "--format", "json", str(path), field)
    assert code == 0 and same(json.loads(out), row["value"]), (out, err)
    assert same(HyperParameters.from_file(path).to_dict()[field], row["value"])


@pytest.mark.parametrize("row", VALUES + [d for d in DOCUMENTS if "value" in d], ids=_id)
def test_migrates_round_trip_reader_reads_the_same_and_rewrites_the_text_unchanged(
    tmp_path: Path, row: dict[str, Any]
) -> None:
    text = row["yaml"] if "name" in row else f"v: {row['yaml']}\n"
    expected = row["value"] if "name" in row else {"v": row["value"]}
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    if "\t" in text.replace('"tab\\there"', ""):
        with pytest.raises(ConfigFileError, match="tabs used as spaces"):
            read_document(str(path))  # ruamel.yaml cannot parse them: a clear refusal
        return
    doc = read_document(str(path))
    written = render_document(doc, doc.data, "yaml")
    assert same(parse_config(written, name="w.yaml", format="yaml")[0], expected), written
    # The text is written back as it was, but for the spellings ruamel.yaml normalises (the
    # value stays) and the characters YAML 1.1 readers take for line breaks (escaped).
    key = row.get("name") or row["yaml"]
    assert (written != text) == (key in RESPELLED), written


RESPELLED = {
    "-.5e-3", "0.1e-400", "-0", "+1", "True", "TRUE", "~", "null", "Null", "NULL", "",
    '"x\\/y"', "x\x85y", "'a\u2028b'", '"a\x85 b"', "<<",
    "!!str 12", '!!int "12"', "!!int 0x1F", '!!null ""', "! 12", "!!float 1.5", "!!bool true",
    "!!str", "aliases are copies of the anchored value", "JSON is YAML",
    "%YAML 1.2 is the version read",
    # ruamel.yaml writes an escaped private-use character as the character itself
    "an escaped private-use character reads back exactly beside a U+2028 in a comment",
    "escaped private-use characters read back exactly beside U+2029 and U+0085 in values",
}


OLD = (
    "scenario: graph_isomorphism\ntrainer: spg\ninteraction_protocol: pvg\n"
    "spg:\n  sos_a_param: 0.25\n_package_version: '0.1.0'\n"
)


@pytest.mark.parametrize("row", TYPED, ids=_id)
def test_migrate_keeps_each_value_and_its_spelling(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], row: dict[str, Any]
) -> None:
    field = _typed_field(row["value"])
    dataset = "" if field == "dataset" else "dataset: d\n"
    path = tmp_path / "old.yaml"
    line = f"{field}: {row['yaml']}\n"
    path.write_text(OLD + dataset + line, encoding="utf-8")
    code, out, err = run(capsys, "migrate", str(path))
    assert code == 0, err
    assert (line in out) == (row["yaml"] not in RESPELLED), out  # written back as it was
    assert same(parse_config(out, name="m.yaml", format="yaml")[0][field], row["value"])


@pytest.mark.parametrize("row", STRINGS, ids=_id)
def test_defaults_and_the_writers_round_trip_every_string(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], row: dict[str, Any]
) -> None:
    value = row["value"]
    for fmt in ("yaml", "json"):
        code, out, err = run(capsys, "defaults", "--scenario", "graph_isomorphism",
                             "--trainer", "vanilla_ppo", f"--dataset={value}", "--format", fmt)
        assert code == 0, err
        assert same(parse_config(out, name=f"d.{fmt}", format=fmt)[0]["dataset"], value)
    text = dump_config({"v": value}, "yaml")
    assert same(parse_config(text, name="w.yaml", format="yaml")[0], {"v": value}), text
    # ... and a YAML 1.1 reader (PyYAML, nip 1.0) reads what we write the same way
    assert same(yaml.safe_load(text), {"v": value}), text
    path = tmp_path / "t.yaml"
    HyperParameters(scenario="graph_isomorphism", trainer="vanilla_ppo", dataset=value).to_file(path)
    assert HyperParameters.from_file(path).dataset == value


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_migrate_in_place_writes_an_escaped_value_back_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], separator: str
) -> None:
    """Issue 17, item 16: a U+2028 anywhere in the file (here in a comment) turned the escaped
    `"run\\uE000x"` into `run<U+2028>x`, and `migrate --in-place` wrote the changed value."""
    path = tmp_path / "old.yaml"
    path.write_text(f"# note:{separator}kept\n" + OLD + 'dataset: "run\\uE000x"\n', encoding="utf-8")
    assert read_config(path).data["dataset"] == "run\ue000x"
    code, _, err = run(capsys, "migrate", "--in-place", str(path))
    assert code == 0, err
    assert read_config(path).data["dataset"] == "run\ue000x"
    assert separator in path.read_text(encoding="utf-8").split("\n")[0]  # the comment is kept
