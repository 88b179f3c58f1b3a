"""A script as nip's code uses the parameters; it must check clean under strict mypy and pyright."""

from nip.parameters import (
    AgentsParameters,
    GraphIsomorphismAgentParameters,
    HyperParameters,
    RlTrainerParameters,
)


def build_params(dataset: str) -> HyperParameters:
    params = HyperParameters(
        scenario="graph_isomorphism",
        trainer="vanilla_ppo",
        dataset="eru10000",
        rl=RlTrainerParameters(lr=3e-4, num_iterations=100),
        agents=AgentsParameters(
            prover=GraphIsomorphismAgentParameters(d_gnn=16),
            verifier=GraphIsomorphismAgentParameters(d_gnn=8),
        ),
    )
    params.dataset = dataset  # nip's scripts set fields
    return params


def prover_width(params: HyperParameters) -> int:
    # The scenario decides the agent class at run time; isinstance narrows to it (as nip does).
    prover = params.agents["prover"]
    assert isinstance(prover, GraphIsomorphismAgentParameters)
    return prover.d_gnn


def resume(params: HyperParameters, earlier: HyperParameters) -> HyperParameters:
    resumed = params.with_overrides({"rl.num_iterations": 200})
    resumed.base_run = earlier.base_run  # as nip does when resuming a run
    return resumed


params = build_params("eru10000")
doubled: float = params.rl.lr * 2
widths = {name: agent.normalize_message_history for name, agent in params.agents.items()}
print(doubled, prover_width(params), widths, resume(params, params).rl.num_iterations)
