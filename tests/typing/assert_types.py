"""What type checkers infer for the generated classes: each field read has its exact type.

Checked by mypy and pyright in `make lint` (see README.md here); a line here that no longer holds
fails that run.
"""

from typing import Literal, assert_type

from nip.parameters import (
    AgentParameters,
    AgentsParameters,
    AgentUpdateSchedule,
    BaseRunParameters,
    GraphIsomorphismAgentParameters,
    HyperParameters,
    LrFactors,
    RlTrainerParameters,
)

params = HyperParameters("graph_isomorphism", "vanilla_ppo", "eru10000")

# A group is its class once built, whatever the constructor was given (object, dict or None).
assert_type(params.rl, RlTrainerParameters)
assert_type(params.base_run, BaseRunParameters)
assert_type(params.rl.body_lr_factor, LrFactors)
assert_type(params.agents, AgentsParameters[AgentParameters])
assert_type(params.agents["prover"], AgentParameters)

# Scalars: the schema's type; `| None` only where the schema allows null.
assert_type(params.seed, int)
assert_type(params.dataset, str)
assert_type(params.rl.lr, float)
assert_type(params.rl.anneal_lr, bool)
assert_type(params.rl.frames_per_batch, int | None)
assert_type(params.rl.clip_value, float | bool | None)

# Enums are Literal types (a deprecated value is accepted, but never read back).
assert_type(params.scenario, Literal["graph_isomorphism", "image_classification", "code_validation"])
assert_type(params.base_run.base_run_type, Literal["none", "parameters", "rerun_tests"])

# Agents: the entry is the common agent class; isinstance narrows it to the scenario's class.
agent = params.agents["prover"]
assert_type(agent.update_schedule, AgentUpdateSchedule)
if isinstance(agent, GraphIsomorphismAgentParameters):
    assert_type(agent.d_gnn, int)

# Class methods and the ones that make a new config return the precise class.
assert_type(HyperParameters.from_dict({}), HyperParameters)
assert_type(HyperParameters.from_file("run.yaml"), HyperParameters)
assert_type(params.with_overrides({"rl.lr": 1e-4}), HyperParameters)
assert_type(RlTrainerParameters.from_dict({"lr": 0.1}), RlTrainerParameters)
assert_type(GraphIsomorphismAgentParameters.construct_test_params(), GraphIsomorphismAgentParameters)

# The constructor accepts what nip accepts: objects, dicts, None, and ints for floats.
assert_type(HyperParameters("graph_isomorphism", "vanilla_ppo", "d", rl={"lr": 1}), HyperParameters)
assert_type(RlTrainerParameters(lr=1, body_lr_factor=None), RlTrainerParameters)
assert_type(RlTrainerParameters(body_lr_factor=LrFactors(actor=0.5)), RlTrainerParameters)
assert_type(HyperParameters("code_validation", "ppo", "d"), HyperParameters)  # deprecated "ppo"
gi_agents: dict[str, GraphIsomorphismAgentParameters] = {"prover": GraphIsomorphismAgentParameters()}
assert_type(HyperParameters("graph_isomorphism", "vanilla_ppo", "d", agents=gi_agents), HyperParameters)
assert_type(
    HyperParameters("graph_isomorphism", "vanilla_ppo", "d", agents={"prover": {"d_gnn": 8}}),
    HyperParameters,
)
