"""`nip-params migrate --in-place` survives a failure at every step of writing.

The write is: copy the original to FILE.bak (temp file, write, flush, fsync, chmod, rename), then the
same for the new text over FILE, then fsync the directory. A fault is injected at the 1st, 2nd, ...
of those operations in turn, as a disk error (OSError: the command reports it and exits 1) and as an
interruption (KeyboardInterrupt). After each: FILE holds the original bytes or the complete migrated
bytes, never a mix; FILE.bak, if present, holds the original; no temporary file is left behind.
(tests/cli/test_cli_migrate.py covers the two classic cases, a crash before the rename and one inside
the write; this walks every step.)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from robust_support import count

from nip.parameters.cli import main

OLD_EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples" / "old").glob("*.json"))
YAML_OLD = """\
# an old config, with comments
scenario: graph_isomorphism   # the task
trainer: spg
dataset: eru10000
interaction_protocol: pvg
spg:
  sos_a_param: 0.25
_package_version: "0.1.0"
"""


class Injected(OSError):
    pass


class Faults:
    """Counts the file-system operations of a write and fails the `fail_at`-th one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, fail_at: int, kind: type[BaseException]) -> None:
        self.calls = 0
        self.fail_at, self.kind = fail_at, kind
        self.hit = False
        for owner, name in ((os, "fsync"), (os, "replace"), (os, "chmod"), (os, "fdopen"),
                            (os, "open"), (tempfile, "mkstemp")):
            monkeypatch.setattr(owner, name, self._wrap(getattr(owner, name), f"{owner.__name__}.{name}"))

    def _step(self, what: str) -> None:
        self.calls += 1
        if self.calls == self.fail_at:
            self.hit = True
            raise (Injected(5, f"injected at {what}") if self.kind is OSError else self.kind())

    def _wrap(self, real: Callable[..., Any], what: str) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self._step(what)
            result = real(*args, **kwargs)
            if what == "os.fdopen":
                return _FailingWrites(result, self)
            return result
        return wrapper


class _FailingWrites:
    """The temp file's handle: `write` and `flush` are steps too."""

    def __init__(self, handle: Any, faults: Faults) -> None:
        self.handle, self.faults = handle, faults

    def write(self, data: Any) -> int:
        self.faults._step("write")
        return int(self.handle.write(data))

    def flush(self) -> None:
        self.faults._step("flush")
        self.handle.flush()

    def fileno(self) -> int:
        return int(self.handle.fileno())

    def close(self) -> None:
        self.handle.close()

    def __enter__(self) -> _FailingWrites:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _sources(tmp_path: Path) -> list[Path]:
    out = []
    for example in OLD_EXAMPLES:
        out.append(Path(shutil.copy(example, tmp_path / example.name)))
    yaml = tmp_path / "old.yaml"
    yaml.write_text(YAML_OLD)
    return [*out, yaml]


def _argv(source: Path, target: Path) -> list[str]:
    unmarked = b"_package_version" not in source.read_bytes()  # the CLI reads those as current
    return ["migrate", "--in-place", *(["--from", "unversioned"] if unmarked else []), str(target)]


def _migrated(source: Path, tmp_path: Path) -> bytes:
    """What a successful in-place migration writes."""
    copy = tmp_path / "expected" / source.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copy(source, copy)
    assert main(_argv(source, copy)) == 0
    return copy.read_bytes()


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("kind", [OSError, KeyboardInterrupt], ids=["disk-error", "interrupt"])
def test_a_fault_at_any_step_leaves_the_original_or_the_whole_new_file(
    tmp_path: Path, kind: type[BaseException], capsys: pytest.CaptureFixture[str]
) -> None:
    for source in _sources(tmp_path):
        original = source.read_bytes()
        migrated = _migrated(source, tmp_path)
        assert migrated != original
        step = 0
        while True:
            step += 1
            work = tmp_path / f"{source.stem}-{source.suffix[1:]}-{step}"
            work.mkdir()
            target = work / source.name
            target.write_bytes(original)
            count("in-place writes interrupted")
            with pytest.MonkeyPatch.context() as monkeypatch:
                faults = Faults(monkeypatch, step, kind)
                try:
                    code = main(_argv(source, target))
                except KeyboardInterrupt:
                    code = None
            capsys.readouterr()
            content = target.read_bytes()
            assert content in (original, migrated), f"{source.name}, fault at step {step}: a mix"
            backup = work / (source.name + ".bak")
            if backup.exists():
                assert backup.read_bytes() == original, f"{source.name}, step {step}: bad backup"
            leftovers = [p.name for p in work.iterdir() if p.name not in (source.name, backup.name)]
            assert leftovers == [], f"{source.name}, step {step}: {leftovers}"
            if faults.hit:
                if content == original:
                    assert code != 0, f"{source.name}, step {step}: a failed write reported success"
                continue
            assert code == 0 and content == migrated and backup.read_bytes() == original
            break
        assert step > 10, "the write has fewer steps than expected: is the fault injection working?"
