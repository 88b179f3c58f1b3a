"""Every kind of broken or hostile config file ends in ConfigFileError naming the file.

Each case gives the file's bytes, a substring of the message, and the line and column the error
must carry (None where the parser cannot know them).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
import yaml

from nip.parameters._files import MAX_FILE_BYTES, read_config
from nip.parameters._validation.plain_data import MAX_STRING_LENGTH
from nip.parameters.errors import ConfigFileError, NipParametersError

DEEP = 10_000
FLOW_LIMIT_COLUMN = 1001 if yaml.__with_libyaml__ else 201
BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)


class Case(NamedTuple):
    name: str
    content: bytes
    message: str
    line: int | None
    column: int | None


CASES = [
    # --- JSON
    Case("syntax.json", b'{"seed": 1,}', "invalid JSON", 1, 12),
    Case(
        "syntax-multiline.json",
        b'{\n  "seed": 1\n  "trainer": "spg"\n}',
        "invalid JSON",
        3,
        3,
    ),
    Case("trailing-garbage.json", b'{"seed": 1} x', "Extra data", 1, 13),
    Case("truncated.json", b'{"agents": {"prover": {', "invalid JSON", 1, 24),
    Case("duplicate.json", b'{"seed": 1,\n "seed": 2}', "duplicate key 'seed'", 2, 2),
    Case(
        "duplicate-nested.json",
        b'{"rl": {"lr": 1, "x": {"lr": 2}, "lr": 3}}',
        "duplicate key 'lr'",
        1,
        34,
    ),
    Case("nan.json", b'{"lr": "NaN", "gamma": NaN}', "NaN", 1, 24),
    Case("lone-surrogate.json", b'{"dataset": "a\\ud800b"}', "lone UTF-16 surrogate", None, None),
    Case("lone-surrogate-key.json", b'{"a\\udfffb": 1}', "lone UTF-16 surrogate", None, None),
    Case("infinity.json", b'{\n "lr": Infinity}', "Infinity", 2, 8),
    Case("minus-infinity.json", b'{"lr": -Infinity}', "-Infinity", 1, 8),
    Case(
        "overflow-float.json",
        b'{"rl": {"lr": 1e999}}',
        "not a finite number",
        None,
        None,
    ),
    Case(
        "huge-int.json",
        b'{"seed": ' + b"9" * 5000 + b"}",
        "more than 4300 digits",
        1,
        10,
    ),
    Case("deep-10000.json", b"[" * DEEP + b"]" * DEEP, "nesting", None, None),
    Case(
        "deep-201.json",
        b'{"a": ' * 201 + b"1" + b"}" * 201,
        "deeper than the limit of 200",
        None,
        None,
    ),
    Case("nul-byte.json", b'{"seed": 1\x00}', "invalid JSON", 1, 11),
    Case("control-char.json", b'{"dataset": "a\x01b"}', "invalid JSON", 1, 15),
    Case(
        "long-string.json",
        b'{"dataset": "' + b"x" * 1_000_000 + b'"}',
        "longer than the limit",
        None,
        None,
    ),
    Case("bom-then-syntax.json", b'\xef\xbb\xbf{"seed": 1,}', "invalid JSON", 1, 12),
    # --- encodings and sizes
    Case("latin1.json", b'{"dataset": "caf\xe9"}', "not valid UTF-8", 1, 17),
    Case("latin1-line3.yaml", b"a: 1\nb: 2\nc: \xff\xfe\n", "not valid UTF-8", 3, 4),
    Case("utf16.json", '{"seed": 1}'.encode("utf-16"), "UTF-16", None, None),
    Case("empty.json", b"", "empty", None, None),
    Case("blank.yaml", b"  \n\n\t\n", "empty", None, None),
    Case(
        "comments-only.yaml", b"# just a comment\n---\n", "no YAML document", None, None
    ),
    # --- YAML
    Case("syntax.yaml", b"seed: [1, 2\ntrainer: spg\n", "invalid YAML", 2, 8),
    Case("bad-indent.yaml", b"rl:\n  lr: 1\n bad: 2\n", "invalid YAML", 3, 2),
    Case(
        "duplicate.yaml",
        b"seed: 1\nrl:\n  lr: 1\n  lr: 2\n",
        "duplicate key 'lr'",
        4,
        3,
    ),
    Case(
        "duplicate-in-merge.yaml",
        b"a:\n  <<: {x: 1, x: 2}\n",
        "duplicate key 'x'",
        2,
        14,
    ),
    Case(
        "python-apply.yaml",
        b"seed: !!python/object/apply:os.system ['touch PWNED']\n",
        "'!!python/object/apply:os.system' is not allowed",
        1,
        7,
    ),
    Case("python-name.yaml", b"x: !!python/name:os.system\n", "is not allowed", 1, 4),
    Case(
        "python-object.yaml",
        b"x: !!python/object:os.PathLike {}\n",
        "is not allowed",
        1,
        4,
    ),
    Case("binary.yaml", b"x: !!binary aGVsbG8=\n", "'!!binary' is not allowed", 1, 4),
    Case("set.yaml", b"x: !!set {a, b}\n", "'!!set' is not allowed", 1, 4),
    Case("local-tag.yaml", b"x: !secret abc\n", "'!secret' is not allowed", 1, 4),
    Case("alias-bomb.yaml", BOMB.encode(), "more than 100,000 values", 6, 8),
    Case("recursive-alias.yaml", b"a: &a [1, *a]\n", "recursive", 1, 11),
    Case("undefined-alias.yaml", b"a: *nope\n", "undefined alias", 1, 4),
    Case(
        "deep-10000.yaml", b"- " * DEEP + b"x\n", "deeper than the limit of 200", 1, 401
    ),
    # libyaml stops at its own limit of 1000 levels; the pure-Python parser at ours
    Case(
        "deep-flow-10000.yaml",
        b"[" * DEEP + b"]" * DEEP,
        "nesting",
        1,
        FLOW_LIMIT_COLUMN,
    ),
    Case("nan.yaml", b"lr: .nan\n", "not a finite number", 1, 5),
    Case("inf.yaml", b"rl:\n  lr: -.inf\n", "not a finite number", 2, 7),
    Case("bool-key.yaml", b"true: 1\n", "is not a string", 1, 1),
    Case("null-key.yaml", b"seed: 1\n~: 1\n", "is not a string", 2, 1),
    Case("int-key.yaml", b"seed: 1\n12: x\n", "is not a string", 2, 1),
    Case(
        "huge-int.yaml", b"seed: " + b"9" * 5000 + b"\n", "integer cannot be read", 1, 7
    ),
    Case("two-documents.yaml", b"seed: 1\n---\nseed: 2\n", "single document", 2, 1),
    Case(
        "long-string.yaml",
        b"dataset: " + b"x" * 1_000_000 + b"\n",
        "longer than the limit",
        None,
        None,
    ),
    # --- TOML
    Case("syntax.toml", b"seed = \n", "invalid TOML", 1, 8),
    Case("unclosed.toml", b"seed = 1\n[rl\nlr = 1\n", "invalid TOML", 2, 4),
    Case("duplicate.toml", b"seed = 1\nseed = 2\n", "Cannot overwrite a value", 2, 9),
    Case("deep-10000.toml", b"a = " + b"[" * DEEP + b"]" * DEEP, "nesting", None, None),
    Case(
        "deep-201.toml",
        b"a = " + b"[" * 201 + b"]" * 201,
        "deeper than the limit",
        None,
        None,
    ),
    Case("nan.toml", b"[rl]\nlr = nan\n", "not a finite number", None, None),
    Case("date.toml", b"dataset = 1979-05-27\n", "a date is not a config value", None, None),
    Case("huge-int.toml", b"seed = " + b"9" * 5000 + b"\n", "4300", None, None),
    Case(
        "long-string.toml",
        b'dataset = "' + b"x" * 1_000_000 + b'"\n',
        "longer than the limit",
        None,
        None,
    ),
    # --- sniffed (unknown extension)
    Case("sniffed-nan.conf", b'{"lr": NaN}', "NaN", 1, 8),
    Case("sniffed-garbage.conf", b"{a: [}", "invalid JSON", 1, 2),
    Case("sniffed-yaml-error.conf", b"a: b: c\n", "invalid YAML", 1, 5),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_input_raises_config_file_error(tmp_path: Path, case: Case) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.content)
    with pytest.raises(ConfigFileError) as caught:
        read_config(path)
    error = caught.value
    assert isinstance(error, NipParametersError) and isinstance(error, ValueError)
    assert error.file == str(path)
    assert str(error).startswith(str(path))
    assert case.message in error.reason
    assert (error.line, error.column) == (case.line, case.column), str(error)
    if case.line is not None:
        where = f"{path}:{case.line}" + (f":{case.column}" if case.column else "")
        assert str(error).startswith(where + ":")


def test_no_yaml_tag_is_ever_executed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "evil.yaml"
    path.write_text("a: !!python/object/apply:os.system ['touch PWNED']\n")
    with pytest.raises(ConfigFileError):
        read_config(path)
    assert not (tmp_path / "PWNED").exists()


def test_file_larger_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(
            MAX_FILE_BYTES + 1
        )  # sparse: refused from its size, before reading
    with pytest.raises(
        ConfigFileError, match="larger than the limit of 8,388,608 bytes"
    ):
        read_config(path)


def test_stream_larger_than_the_limit_is_not_read_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Endless:
        """A stdin that never ends, like /dev/zero: reading must stop at the limit."""

        def __init__(self) -> None:
            self.served = 0

        def read(self, size: int = -1) -> bytes:
            assert size > 0, "an unbounded read of stdin"
            self.served += size
            return b" " * size

    endless = Endless()
    monkeypatch.setattr("sys.stdin", type("S", (), {"buffer": endless})())
    with pytest.raises(ConfigFileError, match="larger than the limit") as caught:
        read_config("-")
    assert caught.value.file == "<stdin>"
    assert endless.served <= MAX_FILE_BYTES + 1


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p, "no such file"),
        (lambda p: (p.mkdir(), p)[1], "is a directory"),
    ],
    ids=["missing", "directory"],
)
def test_unreadable_paths(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path / "config.json")
    with pytest.raises(ConfigFileError, match=message) as caught:
        read_config(path)
    assert caught.value.file == str(path)


def test_string_at_the_limit_is_accepted_and_one_more_is_not(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text('{"dataset": "' + "x" * MAX_STRING_LENGTH + '"}')
    assert len(read_config(path).data["dataset"]) == MAX_STRING_LENGTH
    path.write_text('{"dataset": "' + "x" * (MAX_STRING_LENGTH + 1) + '"}')
    with pytest.raises(ConfigFileError, match="at dataset"):
        read_config(path)


def test_nesting_at_the_limit_is_accepted(tmp_path: Path) -> None:
    for name, text in [
        ("c.json", '{"a": ' * 199 + "[1]" + "}" * 199),
        (
            "c.yaml",
            "".join("  " * i + "a:\n" for i in range(199)) + "  " * 199 + "- 1\n",
        ),
        ("c.toml", "a = " + "[" * 199 + "1" + "]" * 199),
    ]:
        path = tmp_path / name
        path.write_text(text)
        read_config(path)  # 200 levels including the top-level table: fine
