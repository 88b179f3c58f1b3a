#!/usr/bin/env python3
"""Write the shared validation corpus: tests/data/cases/{valid,invalid}/*.json.

Run by hand; the output is committed and read by the Python tests and by the Node
consumers in tests/js. Standard library only, deterministic (no clock, no randomness,
no set iteration), so re-running it on the same reference files gives the same bytes.

    python3 tests/data/make_cases.py          (tests/data/test_cases_are_current.py checks the output)

Every case file is ``{"id", "input", "why"}`` plus, for invalid cases, ``"pointer"``: the
JSON pointer of the single fault. For a missing required key it is where the key should
be; for an unknown key it is that key.

Sources (nip 1.0's own outputs and field inventory, kept in tests/data/reference/ and
tests/data/reference_samples/, not this project's schema, so the corpus checks the schema instead
of echoing it):

* valid: ``to_dict``, ``to_dict_meta`` and ``to_dict_roundtrip_nip`` of every
  ``current/`` sample, the ``expected`` of every ``migrate/`` sample, and a few
  hand-written configs (minimal, nulls, optional values set, deprecated alias, ...);
* invalid: the ``invalid/`` samples, plus single-fault mutations of the valid
  configs. The mutations are driven by the field annotations of
  ``nip-1.0-parameter-inventory.json``: every Literal field gets a value outside its list,
  and every class gets one wrong-typed value, one unknown key and one wrong ``_type``;
  then hand-picked faults for agents, update schedules, structure, value ranges and 0.1-era
  keys.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
INVENTORY = HERE / "reference" / "nip-1.0-parameter-inventory.json"
SAMPLES = HERE / "reference_samples"  # nip 1.0's outputs: current/, invalid/, migrate/
OUT = HERE / "cases"

SCENARIO_AGENT = {
    "graph_isomorphism": "GraphIsomorphismAgentParameters",
    "image_classification": "ImageClassificationAgentParameters",
    "code_validation": "CodeValidationAgentParameters",
}
# Classes that cannot appear under their own `_type` in a valid 1.0 dict.
NOT_LOCATABLE = {"AgentParameters", "PureTextAgentParameters", "LongProtocolParameters"}
# A value that is wrong for a Literal field; the default is the first allowed value
# in upper case (a case mistake). Some fields get the value an old config would have.
OLD_LITERALS = {"interaction_protocol": "pvg", "trainer": "ppo2"}


# --------------------------------------------------------------------------- helpers


def pointer(*parts: str | int) -> str:
    """The JSON pointer (RFC 6901) of a path."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def get_at(doc: Any, parts: tuple[str | int, ...]) -> Any:
    for p in parts:
        doc = doc[p]
    return doc


def dotted(parts: tuple[str | int, ...]) -> str:
    return ".".join(str(p) for p in parts) or "<root>"


def typo(name: str, taken: set[str]) -> str:
    """A realistic misspelling of a field name that is not itself a field."""
    for cand in (name[:-1], name + "s", name + "_x"):
        if len(cand) > 1 and cand not in taken:
            return cand
    raise AssertionError(name)


def rename_key(obj: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """A copy of obj with one key renamed in place (key order kept)."""
    return {(new if k == old else k): v for k, v in obj.items()}


class Field:
    """One dataclass field of the inventory, classified by its annotation."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.name: str = raw["name"]
        self.nullable: bool = raw["nullable"]
        t = raw["type_expanded"]
        t = re.sub(r"^Annotated\[(.*), BaseRunPreserve\([^)]*\)\]$", r"\1", t)
        literal = re.match(r"^Literal\[(.*?)\](?: \| None)?$", t)
        if literal:
            self.kind = "literal"
            self.values = [v.strip().strip("'") for v in literal.group(1).split(",")]
        else:
            base = t.removesuffix(" | None")
            self.kind = base if base in ("int", "float", "bool", "str") else "other"
            self.values = []


class Inventory:
    def __init__(self, path: Path) -> None:
        raw = json.loads(path.read_text())
        self.classes: dict[str, list[Field]] = {
            c["name"]: [Field(f) for f in c.get("fields", [])] for c in raw["classes"]
        }
        reg = raw["registry"]
        self.registered: list[str] = reg["PARAMETER_CLASSES"] + reg["PARAMETER_VALUE_CLASSES"]


# --------------------------------------------------------------------------- sources


def load_samples(samples: Path) -> tuple[list[tuple[str, dict]], list[dict]]:
    """(valid configs as (id, dict) pairs, the invalid/ files)."""
    valid: list[tuple[str, dict]] = []
    for f in sorted((samples / "current").glob("*.json")):
        s = json.loads(f.read_text())
        valid.append((f"current-{s['id']}", s["to_dict"]))
        valid.append((f"current-{s['id']}-meta", s["to_dict_meta"]))
        if "to_dict_roundtrip_nip" in s:
            valid.append((f"current-{s['id']}-roundtrip-nip", s["to_dict_roundtrip_nip"]))
    for f in sorted((samples / "migrate").glob("*.json")):
        s = json.loads(f.read_text())
        valid.append((f"migrate-{s['id']}-expected", s["expected"]))
    invalid = [json.loads(f.read_text()) for f in sorted((samples / "invalid").glob("*.json"))]
    return valid, invalid


def locations(configs: list[tuple[str, dict]]) -> dict[str, list[tuple[str, tuple]]]:
    """Class name -> every (config id, path) where an object of that class sits."""
    found: dict[str, list[tuple[str, tuple]]] = {}

    def walk(cid: str, node: Any, path: tuple) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("_type"), str):
                found.setdefault(node["_type"], []).append((cid, path))
            for k, v in node.items():
                walk(cid, v, (*path, k))

    for cid, cfg in configs:
        walk(cid, cfg, ())
    return found


# --------------------------------------------------------------------------- cases


class Corpus:
    def __init__(self) -> None:
        self.valid: dict[str, dict] = {}
        self.invalid: dict[str, dict] = {}

    def add_valid(self, cid: str, cfg: dict, why: str) -> None:
        assert cid not in self.valid, cid
        self.valid[cid] = {"id": cid, "input": cfg, "why": why}

    def add_invalid(self, cid: str, cfg: dict, parts: tuple, why: str) -> None:
        assert cid not in self.invalid, cid
        self.invalid[cid] = {"id": cid, "input": cfg, "pointer": pointer(*parts), "why": why}


def mutate(cfg: dict, parts: tuple, value: Any) -> dict:
    out = copy.deepcopy(cfg)
    get_at(out, parts[:-1])[parts[-1]] = value
    return out


def delete(cfg: dict, parts: tuple) -> dict:
    out = copy.deepcopy(cfg)
    del get_at(out, parts[:-1])[parts[-1]]
    return out


# Wrong-typed values, tried in rotation so that each class gets one and each kind is
# spread over several classes: (name, field kinds it applies to, bad value, wording).
TYPE_FAULTS: list[tuple[str, tuple[str, ...], Any, str]] = [
    ("int-given-float", ("int",), 2.5, "a non-integral float"),
    ("int-given-string", ("int",), "16", "a quoted number (string)"),
    ("float-given-bool", ("float",), True, "a bool (bools are not numbers)"),
    ("null-non-nullable", ("int", "float", "bool", "str", "literal"), None, "null"),
    ("int-given-bool", ("int",), False, "a bool (bools are not numbers)"),
    ("bool-given-int", ("bool",), 1, "an int (numbers are not bools)"),
    ("str-given-int", ("str",), 5, "an int"),
    ("float-given-string", ("float",), "0.5", "a quoted number (string)"),
    ("bool-given-string", ("bool",), "true", "the string 'true'"),
]


def class_cases(corpus: Corpus, inv: Inventory, configs: dict[str, dict],
                where: dict[str, list[tuple[str, tuple]]]) -> None:
    """Per-class mutations: Literal values, one wrong type, one unknown key, wrong _type."""
    rotation = 0
    located = [c for c in inv.registered if c in where and inv.classes.get(c) and c not in NOT_LOCATABLE]
    for i, cls in enumerate(located):
        fields = inv.classes[cls]
        cid, base_path = where[cls][i % len(where[cls])]
        base = configs[cid]
        obj = get_at(base, base_path)
        label = dotted(base_path) if base_path else "root"
        if base_path[:1] == ("agents",) and len(base_path) == 2:
            tag = f"agent-{cls}"
        else:
            tag = "-".join(str(p) for p in base_path) or "root"
        names = {f.name for f in fields}

        for f in fields:
            if f.kind != "literal" or f.name not in obj:
                continue
            bad = OLD_LITERALS.get(f.name, f.values[0].upper())
            corpus.add_invalid(
                f"enum-{tag}-{f.name}", mutate(base, (*base_path, f.name), bad),
                (*base_path, f.name),
                f"expected one of {f.values} for {dotted((*base_path, f.name))}, got {bad!r}")

        for _ in range(len(TYPE_FAULTS)):
            kind, applies, bad, words = TYPE_FAULTS[rotation % len(TYPE_FAULTS)]
            rotation += 1
            eligible = [f for f in fields if f.kind in applies and f.name in obj
                        and not (kind == "null-non-nullable" and f.nullable)]
            if eligible:
                f = eligible[i % len(eligible)]
                p = (*base_path, f.name)
                given = "null" if kind == "null-non-nullable" else kind.split("-given-")[1]
                corpus.add_invalid(f"type-{tag}-{f.name}-{given}",
                                   mutate(base, p, bad), p,
                                   f"{f.kind} field {dotted(p)} ({cls}) given {words}")
                break

        present = [f.name for f in fields if f.name in obj]
        old = present[(i + 1) % len(present)]
        new = typo(old, names)
        renamed = copy.deepcopy(base)
        if base_path:
            parent = get_at(renamed, base_path[:-1])
            parent[base_path[-1]] = rename_key(obj, old, new)
        else:
            renamed = rename_key(renamed, old, new)
        corpus.add_invalid(f"unknown-key-{tag}-{new}", renamed, (*base_path, new),
                           f"{new!r} is not a field of {cls} (misspelt {old!r}) at {label}")

        if cls not in SCENARIO_AGENT.values() and cls != "RandomAgentParameters":
            others = [c for c in inv.registered if c != cls and c in inv.classes]
            wrong = others[(i * 7) % len(others)]
            corpus.add_invalid(f"wrong-type-tag-{tag}", mutate(base, (*base_path, "_type"), wrong),
                               (*base_path, "_type"),
                               f"{label} must be a {cls}, its _type names {wrong}")


def agent_cases(corpus: Corpus, configs: dict[str, dict]) -> None:
    """Agents: another scenario's class, unregistered classes, is_random, random agents."""
    for scenario, own in SCENARIO_AGENT.items():
        cid = next(c for c, cfg in configs.items() if cfg["scenario"] == scenario)
        cfg = configs[cid]
        name = next(n for n, a in cfg["agents"].items() if isinstance(a, dict) and a["_type"] == own)
        for other in sorted(set(SCENARIO_AGENT.values()) - {own}):
            p = ("agents", name, "_type")
            corpus.add_invalid(f"agent-{scenario}-typed-{other}", mutate(cfg, p, other), p,
                               f"scenario {scenario} takes {own} agents, not {other}")
    gi = configs["current-testparams-graph_isomorphism"]
    cv = configs["current-agents-code_validation-random-dict"]
    p = ("agents", "_default", "_type")
    corpus.add_invalid("agent-typed-unregistered-AgentParameters", mutate(gi, p, "AgentParameters"), p,
                       "the bare base class AgentParameters is not an agent class of any scenario")
    p = ("agents", "verifier", "_type")
    corpus.add_invalid("agent-code_validation-typed-PureTextAgentParameters",
                       mutate(cv, p, "PureTextAgentParameters"), p,
                       "PureTextAgentParameters is unregistered; code_validation takes CodeValidationAgentParameters")
    p = ("agents", "_default", "_type")
    corpus.add_invalid("agent-unknown-type-tag", mutate(gi, p, "GraphIsomorphismAgentParameter"), p,
                       "no such class (misspelt GraphIsomorphismAgentParameters)")
    p = ("agents", "_default", "is_random")
    corpus.add_invalid("agent-is_random-string", mutate(gi, p, "false"), p,
                       "is_random is the boolean class constant, not a string")

    random_agent = copy.deepcopy(cv["agents"]["prover"])
    with_random = copy.deepcopy(gi)
    with_random["agents"] = {"_default": gi["agents"]["_default"], "prover": random_agent,
                             "agents_update_repr": "Standard"}
    corpus.add_valid("agents-graph_isomorphism-with-random-agent", with_random,
                     "a RandomAgentParameters entry is allowed in every scenario")
    p = ("agents", "prover", "d_gnn")
    corpus.add_invalid("agent-random-with-scenario-field", mutate(with_random, p, 16), p,
                       "a random agent has only the shared agent fields; d_gnn is not one")


def schedule_cases(corpus: Corpus, configs: dict[str, dict]) -> None:
    cfg = configs["current-sched-alternating-pair"]
    us = ("agents", "verifier", "update_schedule")
    args = (*us, "AlternatingPeriodicUpdateSchedule")
    corpus.add_invalid("schedule-missing-argument-period", delete(cfg, (*args, "period")), (*args, "period"),
                       "AlternatingPeriodicUpdateSchedule needs its period argument")
    corpus.add_invalid("schedule-missing-arguments-object", delete(cfg, args), args,
                       "the schedule's arguments are written under its class name")
    corpus.add_invalid("schedule-argument-string", mutate(cfg, (*args, "period"), "4"), (*args, "period"),
                       "period is an int")
    corpus.add_invalid("schedule-unknown-argument", mutate(cfg, (*args, "stop"), 3), (*args, "stop"),
                       "stop is an argument of ContiguousPeriodicUpdateSchedule, not of the alternating one")
    corpus.add_invalid("schedule-type-not-a-schedule", mutate(cfg, (*us, "_type"), "LrFactors"), (*us, "_type"),
                       "LrFactors is a class, but not an update schedule")
    corpus.add_invalid("schedule-unknown-type", mutate(cfg, (*us, "_type"), "os.system"), (*us, "_type"),
                       "a _type is resolved in the registry only; os.system is not there")
    corpus.add_invalid("schedule-missing-type", delete(cfg, (*us, "_type")), (*us, "_type"),
                       "an update schedule must say which class it is")
    corpus.add_invalid("schedule-null", mutate(cfg, us, None), us, "update_schedule is not Optional")
    corpus.add_invalid("schedule-string", mutate(cfg, us, "constant"), us,
                       "update_schedule is a schedule object, not a name")
    const = configs["current-testparams-graph_isomorphism"]
    cus = ("agents", "_default", "update_schedule")
    corpus.add_invalid("schedule-constant-with-arguments",
                       mutate(const, (*cus, "ConstantUpdateSchedule"), {}), (*cus, "ConstantUpdateSchedule"),
                       "ConstantUpdateSchedule takes no arguments")
    contiguous = mutate(const, cus, {"_type": "ContiguousPeriodicUpdateSchedule",
                                     "ContiguousPeriodicUpdateSchedule": {"period": 5, "start": 0, "stop": 2}})
    contiguous["agents"]["agents_update_repr"] = "Custom('_default': ContiguousPeriodicUpdateSchedule(5, 0, 2))"
    corpus.add_valid("schedule-contiguous", contiguous, "a ContiguousPeriodicUpdateSchedule with its three arguments")
    corpus.add_invalid("schedule-contiguous-missing-stop",
                       delete(contiguous, (*cus, "ContiguousPeriodicUpdateSchedule", "stop")),
                       (*cus, "ContiguousPeriodicUpdateSchedule", "stop"), "stop has no default")


def structure_cases(corpus: Corpus, configs: dict[str, dict]) -> None:
    gi = configs["current-testparams-graph_isomorphism"]
    for key in ("trainer", "dataset"):
        corpus.add_invalid(f"missing-{key}", delete(gi, (key,)), (key,), f"{key} has no default")
    checks: list[tuple[str, tuple, Any, str]] = [
        ("agents-list", ("agents",), [gi["agents"]["_default"]], "agents is a mapping of name to agent"),
        ("agents-entry-int", ("agents", "_default"), 3, "an agent entry is an agent object"),
        ("agents-update-repr-int", ("agents", "agents_update_repr"), 5, "agents_update_repr is a string"),
        ("group-rl-string", ("rl",), "default", "a group is an object or null"),
        ("group-ppo-list", ("ppo",), [], "a group is an object or null"),
        ("lr-factors-number", ("rl", "body_lr_factor"), 0.5, "body_lr_factor is an LrFactors object or null"),
        ("dataset-selected-classes-three", ("dataset_options", "selected_classes"), [1, 2, 3],
         "selected_classes is a pair (tuple[int, int])"),
        ("dataset-selected-classes-one", ("dataset_options", "selected_classes"), [1],
         "selected_classes is a pair (tuple[int, int])"),
        ("spg-stackelberg-sequence-flat", ("spg", "stackelberg_sequence", 0), "verifier",
         "stackelberg_sequence is a sequence of groups (lists) of agent names"),
        ("message-regression-agents-string", ("message_regression", "agents"), "prover",
         "message_regression.agents is a list of agent names"),
        ("root-type-tag-unknown", ("_type",), "HyperParams", "no such class; the root object is a HyperParameters"),
        ("group-type-tag-unknown", ("ppo", "_type"), "CommonPPOParameters",
         "no such class (class names are case-sensitive: CommonPpoParameters)"),
        ("lr-factors-type-tag-unknown", ("rl", "body_lr_factor", "_type"), "LRFactors",
         "no such class (class names are case-sensitive: LrFactors)"),
        ("package-version-number", ("_package_version",), 1.0, "_package_version is a version string"),
        ("old-pvg-protocol-key", ("pvg_protocol",), gi["nip_protocol"],
         "pvg_protocol is the 0.1 name of nip_protocol (migrate the config)"),
        ("old-min-message-rounds-scheduler", ("debate_protocol", "min_message_rounds_scheduler"), "constant",
         "min_message_rounds_scheduler was removed in 1.0 (migrate the config)"),
        ("old-spg-sos-a-param", ("spg", "sos_a_param"), 0.5, "sos_a_param is the 0.1 name of sos_scaling_factor"),
    ]
    for cid, parts, value, why in checks:
        cfg = copy.deepcopy(gi)
        if parts[0] == "dataset_options" or parts[:2] == ("spg", "stackelberg_sequence"):
            cfg = mutate(cfg, parts[:2], [3, 5] if parts[0] == "dataset_options" else [["verifier"], ["prover"]])
        corpus.add_invalid(cid, mutate(cfg, parts, value), parts, why)
    corpus.add_invalid("dataset-selected-classes-string-item",
                       mutate(gi, ("dataset_options", "selected_classes"), [1, "2"]),
                       ("dataset_options", "selected_classes", 1), "selected_classes holds ints")
    corpus.add_invalid("message-regression-agents-int-item",
                       mutate(gi, ("message_regression", "agents"), ["prover", 2]),
                       ("message_regression", "agents", 1), "agent names are strings")


def extra_valid(corpus: Corpus, configs: dict[str, dict]) -> None:
    gi = configs["current-testparams-graph_isomorphism"]
    for scenario in SCENARIO_AGENT:
        corpus.add_valid(f"minimal-{scenario}", {"scenario": scenario, "trainer": "vanilla_ppo", "dataset": "d"},
                         "only the three required fields; everything else has a default")
    nulls = {k: (None if isinstance(v, dict) else v) for k, v in gi.items()}
    corpus.add_valid("all-groups-null", nulls, "null means defaults for agents and for every group")
    corpus.add_valid("trainer-deprecated-alias-ppo", mutate(gi, ("trainer",), "ppo"),
                     "'ppo' is accepted (with a deprecation warning) as an alias of 'vanilla_ppo'")
    corpus.add_valid("agents-empty", mutate(gi, ("agents",), {}), "an empty agents mapping is allowed")
    corpus.add_valid("agents-partial-entry",
                     mutate(gi, ("agents",), {"_default": {"d_gnn": 8, "_type": "GraphIsomorphismAgentParameters",
                                                           "is_random": False}}),
                     "agent fields all have defaults; agents_update_repr is optional")
    corpus.add_valid("root-with-schema-key",
                     {"$schema": "https://nip-parameters.org/schema/1.0/bundle.json", **gi},
                     "editors link a config to its schema through a $schema key")
    opt = copy.deepcopy(gi)
    opt["rl"]["clip_value"] = 0.2
    opt["rl"]["rollouts_per_iteration"] = 64
    opt["rl"]["frames_per_batch"] = None
    opt["protocol_common"]["force_guess"] = "y"
    opt["dataset_options"]["selected_classes"] = [3, 5]
    opt["dataset_options"]["max_train_size"] = 1000
    opt["spg"]["stackelberg_sequence"] = [["verifier"], ["prover0", "prover1"]]
    opt["message_regression"]["agents"] = ["prover"]
    opt["pure_text_ei"]["weighting_minimum"] = 0.05
    opt["agents"]["_default"]["gnn_output_digits"] = 3
    opt["agents"]["_default"]["checkpoint_run_id"] = "abc123"
    opt["agents"]["_default"]["agent_lr_factor"] = None
    corpus.add_valid("optional-values-set", opt, "Optional fields given real values, and a group field set to null")
    edge = mutate(gi, ("seed",), 0)
    edge["protocol_common"]["prover_reward"] = -3
    edge["protocol_common"]["verifier_no_guess_reward"] = -0.5
    edge["agents"]["_default"]["transformer_dropout"] = 1
    edge["agents"]["_default"]["gnn_output_digits"] = -1
    edge["rl"].update(lr=0, gamma=1, num_epochs=0)
    edge["message_regression"]["test_size"] = 0.999
    corpus.add_valid("numbers-at-range-edges", edge,
                     "rewards may be negative; a range's own bounds are allowed; an int is a valid float")
    cv = configs["current-agents-code_validation-random-dict"]
    text = copy.deepcopy(cv)
    text["agents"]["verifier"].update({"temperature": 0.7, "top_p": 1, "shared_model_group": "g",
                                       "max_tokens_per_message": 300})
    corpus.add_valid("code_validation-text-agent-optionals", text, "a text agent's Optional fields set")


def range_cases(corpus: Corpus, configs: dict[str, dict]) -> None:
    """Values that cannot mean anything: negative counts, sizes and learning rates, fractions and
    probabilities outside [0, 1], test sizes outside (0, 1), seeds numpy refuses."""
    gi = configs["current-testparams-graph_isomorphism"]
    checks: list[tuple[str, tuple, Any, str]] = [
        ("range-lr-negative", ("rl", "lr"), -0.003, "a learning rate cannot be negative"),
        ("range-lr-factor-negative", ("agents", "_default", "agent_lr_factor", "actor"), -1.0,
         "a learning-rate multiplier cannot be negative"),
        ("range-test-size-one", ("test_size",), 1.0, "test_size is a fraction strictly between 0 and 1"),
        ("range-test-size-zero", ("message_regression", "test_size"), 0,
         "test_size is a fraction strictly between 0 and 1"),
        ("range-dropout-above-one", ("agents", "_default", "transformer_dropout"), 1.5,
         "a dropout probability is in [0, 1]"),
        ("range-gamma-above-one", ("rl", "gamma"), 1.1, "a discount factor is in [0, 1]"),
        ("range-count-negative", ("rl", "num_iterations"), -5, "a count cannot be negative"),
        ("range-width-negative", ("agents", "_default", "d_gnn"), -1, "a width cannot be negative"),
        ("range-minibatch-zero", ("rl", "minibatch_size"), 0, "a minibatch holds at least one example"),
        ("range-seed-negative", ("seed",), -1, "numpy takes seeds in [0, 2**32) only"),
    ]
    for cid, parts, value, why in checks:
        corpus.add_invalid(cid, mutate(gi, parts, value), parts, why)
    cfg = configs["current-sched-alternating-pair"]
    period = ("agents", "verifier", "update_schedule", "AlternatingPeriodicUpdateSchedule", "period")
    corpus.add_invalid("range-schedule-period-zero", mutate(cfg, period, 0), period,
                       "a cycle is at least one iteration long")


def sample_invalid(corpus: Corpus, samples: list[dict]) -> None:
    for s in samples:
        parts = tuple(s["path"].split("."))
        corpus.add_invalid(f"sample-{s['id']}", s["input"], parts, s["why"])


# --------------------------------------------------------------------------- main


def build(inventory: Path = INVENTORY, samples: Path = SAMPLES) -> Corpus:
    inv = Inventory(inventory)
    valid, invalid_samples = load_samples(samples)
    corpus = Corpus()
    for cid, cfg in valid:
        corpus.add_valid(cid, cfg, "written by nip 1.0.0 (reference sample)")
    # Mutations start from nip's own plain to_dict outputs (not the meta/round-trip copies).
    bases = {cid: cfg for cid, cfg in valid if not cid.endswith(("-meta", "-roundtrip-nip"))}
    sample_invalid(corpus, invalid_samples)
    class_cases(corpus, inv, bases, locations(list(bases.items())))
    agent_cases(corpus, bases)
    schedule_cases(corpus, bases)
    structure_cases(corpus, bases)
    range_cases(corpus, bases)
    extra_valid(corpus, bases)
    return corpus


def write(corpus: Corpus) -> Iterator[Path]:
    for kind, cases in (("valid", corpus.valid), ("invalid", corpus.invalid)):
        d = OUT / kind
        d.mkdir(parents=True, exist_ok=True)
        for old in d.glob("*.json"):
            old.unlink()
        for cid in sorted(cases):
            path = d / f"{cid}.json"
            path.write_text(json.dumps(cases[cid], indent=2, ensure_ascii=False) + "\n")
            yield path


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    corpus = build()
    n = sum(1 for _ in write(corpus))
    print(f"wrote {n} cases ({len(corpus.valid)} valid, {len(corpus.invalid)} invalid) to {OUT}")


if __name__ == "__main__":
    main()
