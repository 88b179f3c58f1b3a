"""Issue 11, item 9: changes by the caller never reach a validated object, and changes to what
`to_dict` returns never reach the object (nip shared both ways). Tuples stay tuples (nip's format)."""

from __future__ import annotations

from nip.parameters import (
    DatasetParameters,
    HyperParameters,
    MessageRegressionParameters,
    SpgParameters,
)

BASE = {"scenario": "graph_isomorphism", "trainer": "vanilla_ppo", "dataset": "eru10000"}


def test_the_constructor_does_not_keep_the_callers_lists():
    agents = ["prover"]
    sequence = [["verifier"], ["prover"]]
    params = HyperParameters(**BASE, message_regression={"agents": agents},
                             spg={"stackelberg_sequence": sequence})
    direct = MessageRegressionParameters(agents=agents)
    agents.append("verifier")
    sequence[0].append("prover")
    assert params.message_regression.agents == ["prover"] == direct.agents
    assert params.spg.stackelberg_sequence == [["verifier"], ["prover"]]


def test_from_dict_does_not_keep_the_callers_lists():
    data = {**BASE, "message_regression": {"agents": ["prover"]}}
    params = HyperParameters.from_dict(data)
    data["message_regression"]["agents"].append("verifier")
    assert params.message_regression.agents == ["prover"]


def test_to_dict_hands_out_copies_in_nips_types():
    sequence = (("verifier",), ("prover",))  # tuples, as nip's own configs give them
    params = HyperParameters(**BASE, message_regression={"agents": ["prover"]},
                             dataset_options={"selected_classes": (1, 2)},
                             spg=SpgParameters(stackelberg_sequence=sequence))
    out = params.to_dict()
    out["message_regression"]["agents"].append("verifier")
    assert params.message_regression.agents == ["prover"]
    assert params.to_dict()["message_regression"]["agents"] == ["prover"]
    assert out["spg"]["stackelberg_sequence"] == sequence  # tuples stay tuples, as nip writes them
    assert out["dataset_options"]["selected_classes"] == (1, 2)
    group = DatasetParameters(selected_classes=[3, 4])
    group.to_dict()["selected_classes"].append(5)
    assert group.selected_classes == [3, 4]
