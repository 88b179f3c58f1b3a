"""Problems point at their line and column in the file (`run.yaml:6:12: ...`), in JSON, YAML and
TOML alike, at the key for an unknown key; `--format github` prints them as Actions annotations."""

from __future__ import annotations

import pytest

from nip.parameters._files import locate
from nip.parameters.cli import main
from nip.parameters.cli._output import annotation

HEAD = "scenario: graph_isomorphism\ntrainer: vanilla_ppo\ndataset: eru10000\n"

# The same three faults in each format; the expected places are counted by hand in each text.
FILES = {
    "run.yaml": (HEAD + "agents:\n  prover:\n    d_gnn: big\n    nonsense: 3\n"
                 "rl:\n  lr: -1\n"),
    "run.json": ('{\n  "scenario": "graph_isomorphism", "trainer": "vanilla_ppo",\n'
                 '  "dataset": "eru10000",\n'
                 '  "agents": {"prover": {"d_gnn": "big",\n'
                 '                        "nonsense": 3}},\n'
                 '  "rl": {"lr": -1}\n}\n'),
    "run.toml": ('scenario = "graph_isomorphism"\ntrainer = "vanilla_ppo"\ndataset = "eru10000"\n'
                 'rl.lr = -1  # dotted\n\n[agents.prover]\nd_gnn = "big"\n"nonsense" = 3\n'),
}
EXPECTED = {
    "run.yaml": {"d_gnn": "6:12", "nonsense": "7:5", "lr": "9:7"},
    "run.json": {"d_gnn": "4:34", "nonsense": "5:25", "lr": "6:16"},
    "run.toml": {"d_gnn": "7:9", "nonsense": "8:1", "lr": "4:9"},
}


def _validate(tmp_path, capsys, name, text, *options):
    (tmp_path / name).write_text(text, encoding="utf-8")
    capsys.readouterr()
    code = main(["validate", *options, str(tmp_path / name)])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_problem_is_at_its_line_and_column(tmp_path, capsys, name):
    code, out = _validate(tmp_path, capsys, name, FILES[name])
    assert code == 1
    path = tmp_path / name
    where = EXPECTED[name]
    assert f"{path}:{where['d_gnn']}: agents.prover.d_gnn: expected integer" in out, out
    assert f"{path}:{where['nonsense']}: agents.prover.nonsense: unknown key" in out, out
    assert f"{path}:{where['lr']}: rl.lr: expected a number" in out, out


@pytest.mark.parametrize("name", sorted(FILES))
def test_github_annotations_carry_line_and_col(tmp_path, capsys, name):
    code, out = _validate(tmp_path, capsys, name, FILES[name], "--format", "github")
    assert code == 1
    line, col = EXPECTED[name]["d_gnn"].split(":")
    file = str(tmp_path / name).replace(":", "%3A").replace(",", "%2C")
    assert (f"::error file={file},line={line},col={col}::agents.prover.d_gnn: expected integer"
            in out), out
    assert all(row.startswith(("::error ", "::notice ")) for row in out.splitlines())


def test_github_escapes_as_the_actions_toolkit():
    text = annotation("error", "50% off\r\nnext: a,b", "dir:1/a,b.yaml", 3, 4)
    assert text == "::error file=dir%3A1/a%2Cb.yaml,line=3,col=4::50%25 off%0D%0Anext: a,b\n"


def test_json_report_has_line_and_column(tmp_path, capsys):
    import json

    _, out = _validate(tmp_path, capsys, "run.yaml", FILES["run.yaml"], "--format", "json")
    problems = {p["address"]: (p["line"], p["column"]) for p in json.loads(out)[0]["problems"]}
    assert problems["agents.prover.d_gnn"] == (6, 12)
    assert problems["agents.prover.nonsense"] == (7, 5)


def test_valid_files_never_compute_positions(tmp_path, capsys, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("positions computed for a valid file")

    monkeypatch.setattr("nip.parameters.cli.validate.locator", refuse)
    code, out = _validate(tmp_path, capsys, "ok.yaml", HEAD)
    assert (code, out) == (0, f"{tmp_path / 'ok.yaml'}: ok\n")


def test_yaml_aliases_and_merges_point_where_the_value_is_written():
    text = ("base: &b\n  d_gnn: big\nagents:\n  prover:\n    <<: *b\n    own: 1\n"
            "  verifier: *b\nlist: [1, {a: 2}]\n")
    where = locate.locator(text, "yaml")
    assert where.find(("agents", "prover", "d_gnn")) == (2, 10)  # merged in from the anchor
    assert where.find(("agents", "verifier", "d_gnn")) == (2, 10)  # through the alias
    assert where.find(("agents", "prover", "own")) == (6, 10)
    assert where.find(("list", 1, "a")) == (8, 15)
    assert where.find(("agents", "prover", "missing")) == (4, 3)  # the deepest part it holds


def test_toml_arrays_of_tables_inline_tables_and_multiline_strings():
    text = ('# c\nspg = { seq = [["verifier"], ["prover", 3]] }\n'
            '[[items]]\na = 1\n[[items]]\na = "x"\n[items.sub]\nb = """two\nlines"""\nc = 2\n')
    where = locate.locator(text, "toml")
    assert where.find(("spg", "seq", 1, 1)) == (2, 41)
    assert where.find(("items", 0, "a")) == (4, 5)
    assert where.find(("items", 1, "a")) == (6, 5)
    assert where.find(("items", 1, "sub", "c")) == (10, 5)


def test_wandb_run_files_point_inside_value(tmp_path, capsys):
    text = ("wandb_version: 1\n_wandb:\n  desc: null\n  value: {cli_version: 0.16.0}\n"
            "scenario:\n  desc: null\n  value: graph_isomorphism\n"
            "trainer:\n  desc: null\n  value: vanilla_ppo\n"
            "dataset:\n  desc: null\n  value: eru10000\n"
            "rl:\n  desc: null\n  value:\n    lr: -1\n")
    (tmp_path / "config.yaml").write_text(text)
    capsys.readouterr()
    assert main(["validate", str(tmp_path / "config.yaml")]) == 1
    assert f"{tmp_path / 'config.yaml'}:17:9: rl.lr: expected a number" in capsys.readouterr().out


def test_a_text_the_walker_cannot_follow_gives_no_position():
    assert locate.locator("{not json", "json").find(("a",)) is None
    assert locate.locator("a = [1,", "toml").find(("a",)) is None


@pytest.mark.parametrize("name", sorted(FILES))
def test_migrate_lists_each_problem_at_its_place(tmp_path, capsys, name):
    (tmp_path / name).write_text(FILES[name], encoding="utf-8")
    capsys.readouterr()
    assert main(["migrate", "--dry-run", str(tmp_path / name)]) == 1
    out = capsys.readouterr().out
    assert f"  {tmp_path / name}:{EXPECTED[name]['d_gnn']}: agents.prover.d_gnn: " in out, out


def test_compose_places_a_problem_in_the_last_base_that_gives_it(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text(HEAD + "seed: x\nrl: {lr: -1}\n", encoding="utf-8")
    (tmp_path / "b.json").write_text('{\n  "rl": {"lr": -2}\n}\n', encoding="utf-8")
    capsys.readouterr()
    code = main(["compose", str(tmp_path / "a.yaml"), str(tmp_path / "b.json"), "seed=y"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"  {tmp_path / 'b.json'}:2:16: rl.lr: expected a number" in err, err  # b wins over a
    assert "  seed: expected integer, got string 'y' (set by 'seed=y')" in err, err  # an override


def test_an_unknown_key_on_the_first_line_is_at_column_one():
    assert locate.locator('sede = 3\n', "toml").find(("sede",), at_key=True) == (1, 1)
    assert locate.locator('sede: 3\n', "yaml").find(("sede",), at_key=True) == (1, 1)


TOML_HEAD = 'scenario = "graph_isomorphism"\ntrainer = "vanilla_ppo"\ndataset = "d"\n'
JSON_HEAD = '"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "d"'


@pytest.mark.parametrize(("name", "text", "where"), [
    ("deep.json", "{" + JSON_HEAD + ', "rl": {"lr": -1}, "seed": ' + "[" * 199 + "]" * 199 + "}",
     "1:90"),
    ("deep.toml", TOML_HEAD + "rl.lr = -1\nseed = " + "[" * 190 + "]" * 190 + "\n", "4:9"),
    ("deep.yaml", HEAD + "rl: {lr: -1}\nseed: " + "[" * 199 + "]" * 199 + "\n", "4:10"),
])
def test_nesting_at_the_readers_limit_is_located_without_running_out_of_stack(
        tmp_path, capsys, name, text, where):
    code, out = _validate(tmp_path, capsys, name, text)
    assert code == 1
    assert f"{tmp_path / name}:{where}: rl.lr: expected a number" in out, out
    assert "seed: expected integer" in out, out
