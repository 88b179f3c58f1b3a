# Generated from schema/1.0/hyper_parameters.json by `make generate`. Do not edit.
"""The root of the hyper-parameter tree."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from ._objects import (
    BUILT_FROM_NONE,
    BaseHyperParameters,
    HyperParametersBehaviour,
    deprecated_value,
    drop_extra_keys,
    dump_value,
    field_defaults,
    integral,
    register_parameter_class,
)
from .agents import (
    AgentParameters,
    AgentsParameters,
    CodeValidationAgentParameters,
    GraphIsomorphismAgentParameters,
    ImageClassificationAgentParameters,
    RandomAgentParameters,
)
from .base_run import BaseRunParameters
from .dataset import DatasetParameters
from .message_regression import MessageRegressionParameters
from .protocol import (
    CommonProtocolParameters,
    DebateProtocolParameters,
    MnipProtocolParameters,
    NipProtocolParameters,
    ZkProtocolParameters,
)
from .scenario import CodeValidationParameters, ImageClassificationParameters
from .trainers import (
    CommonPpoParameters,
    PureTextEiParameters,
    PureTextMaltParameters,
    ReinforceParameters,
    RlTrainerParameters,
    SoloAgentParameters,
    SpgParameters,
    TextRlParameters,
    VanillaPpoParameters,
)
from .types import (
    InteractionProtocolType,
    ScenarioType,
    TrainerType,
)

__all__ = ["HyperParameters"]


@register_parameter_class
@dataclass
class HyperParameters(HyperParametersBehaviour, BaseHyperParameters):
    """All hyper-parameters of one experiment. An experiment can be reproduced from them, up to
    hardware and API quirks.

    Parameters
    ----------
    scenario : ScenarioType
        Which task domain the experiment runs (decides the agent parameter class).
    trainer : TrainerType
        Which training algorithm is used.
    dataset : str
        Name of the dataset to load (free-form string).
    interaction_protocol : InteractionProtocolType
        Which prover/verifier interaction game is played.
    seed : int
        Random seed for the run. Range: ≥ 0 and ≤ 4294967295.
    functionalize_modules : bool
        Run agent networks in functional form (slower; enables some extra features).
    pretrain_agents : bool
        Pretrain agent bodies on their own (using solo_agent settings) before main training.
    test_size : float
        Fraction of the dataset held out for testing. Range: > 0 and < 1.
    d_representation : int
        Width of the representation each agent body outputs. Range: ≥ 0.
    message_size : int
        Number of message slots sent at once (a dimension of the message space). Range: ≥ 0.
    include_linear_message_space : bool
        Add an extra one-number message channel next to the scenario's normal messages.
    d_linear_message_space : int
        How many distinct values the extra linear message can take (used only when it is
        enabled). Range: ≥ 0.
    agents : AgentsParameters[AgentParameters]
        Per-agent settings keyed by agent name; null means scenario defaults for every
        agent.
    rl : RlTrainerParameters
        Settings shared by all reinforcement-learning trainers.
    ppo : CommonPpoParameters
        Settings shared by the PPO-style trainers.
    vanilla_ppo : VanillaPpoParameters
        Settings specific to independent-agent PPO (currently none).
    spg : SpgParameters
        Settings for Stackelberg policy gradient and its relatives.
    reinforce : ReinforceParameters
        Settings for the REINFORCE trainer.
    solo_agent : SoloAgentParameters
        Settings for supervised training of single agents (also used for pretraining).
    text_rl : TextRlParameters
        Settings shared by the text (API-model) trainers.
    pure_text_ei : PureTextEiParameters
        Settings for expert iteration with API-based text agents.
    pure_text_malt : PureTextMaltParameters
        Settings for MALT (multi-agent LLM training) with API-based text agents.
    image_classification : ImageClassificationParameters
        Network-shape settings for the image classification scenario.
    code_validation : CodeValidationParameters
        Dataset settings for the code validation scenario.
    dataset_options : DatasetParameters
        How the dataset is binarised, balanced and truncated.
    protocol_common : CommonProtocolParameters
        Reward and turn-order settings shared by every protocol.
    nip_protocol : NipProtocolParameters
        Round limits for the NIP protocol.
    debate_protocol : DebateProtocolParameters
        Round limits and ordering for the debate protocol.
    mnip_protocol : MnipProtocolParameters
        Round limits and ordering for the two-prover NIP protocol.
    zk_protocol : ZkProtocolParameters
        Coefficients used by the zero-knowledge protocol variants.
    message_regression : MessageRegressionParameters
        Optional probe that tries to predict labels from agents' messages.
    base_run : BaseRunParameters
        Whether and how this run is derived from an earlier W&B run.
    """

    AGENT_CLASS_BY_SCENARIO: ClassVar[dict[str, type[AgentParameters]]] = {
        "graph_isomorphism": GraphIsomorphismAgentParameters,
        "image_classification": ImageClassificationAgentParameters,
        "code_validation": CodeValidationAgentParameters,
    }
    RANDOM_AGENT_CLASS: ClassVar[type[AgentParameters]] = RandomAgentParameters
    scenario: ScenarioType
    """Which task domain the experiment runs (decides the agent parameter class).

    Default: required.
    """
    trainer: TrainerType = field(metadata={"deprecated_values": {"ppo": "vanilla_ppo"}})
    """Which training algorithm is used.

    Default: required.
    Accepts: `TrainerType | Literal['ppo']`.
    """
    dataset: str
    """Name of the dataset to load (free-form string).

    Default: required.
    """
    interaction_protocol: InteractionProtocolType = "nip"
    """Which prover/verifier interaction game is played.

    Default: `'nip'`.
    """
    seed: int = 6198
    """Random seed for the run.

    Range: ≥ 0 and ≤ 4294967295.

    Default: `6198`.
    """
    functionalize_modules: bool = False
    """Run agent networks in functional form (slower; enables some extra features).

    Default: `False`.
    """
    pretrain_agents: bool = False
    """Pretrain agent bodies on their own (using solo_agent settings) before main training.

    Default: `False`.
    """
    test_size: float = 0.2
    """Fraction of the dataset held out for testing.

    Range: > 0 and < 1.

    Default: `0.2`.
    """
    d_representation: int = 16
    """Width of the representation each agent body outputs.

    Range: ≥ 0.

    Default: `16`.
    """
    message_size: int = 1
    """Number of message slots sent at once (a dimension of the message space).

    Range: ≥ 0.

    Default: `1`.
    """
    include_linear_message_space: bool = False
    """Add an extra one-number message channel next to the scenario's normal messages.

    Default: `False`.
    """
    d_linear_message_space: int = 2
    """How many distinct values the extra linear message can take (used only when it is
    enabled).

    Range: ≥ 0.

    Default: `2`.
    """
    agents: AgentsParameters[AgentParameters] = field(
        default=BUILT_FROM_NONE, metadata={"nip_collection": AgentsParameters}
    )
    """Per-agent settings keyed by agent name; null means scenario defaults for every
    agent.

    Default: the group's defaults (`None` builds them).
    Accepts: `AgentsParameters | Mapping[str, AgentParameters | Mapping[str, Any]] | None`.
    """
    rl: RlTrainerParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": RlTrainerParameters}
    )
    """Settings shared by all reinforcement-learning trainers.

    Default: the group's defaults (`None` builds them).
    Accepts: `RlTrainerParameters | dict[str, Any] | None`.
    """
    ppo: CommonPpoParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": CommonPpoParameters}
    )
    """Settings shared by the PPO-style trainers.

    Default: the group's defaults (`None` builds them).
    Accepts: `CommonPpoParameters | dict[str, Any] | None`.
    """
    vanilla_ppo: VanillaPpoParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": VanillaPpoParameters}
    )
    """Settings specific to independent-agent PPO (currently none).

    Default: the group's defaults (`None` builds them).
    Accepts: `VanillaPpoParameters | dict[str, Any] | None`.
    """
    spg: SpgParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": SpgParameters}
    )
    """Settings for Stackelberg policy gradient and its relatives.

    Default: the group's defaults (`None` builds them).
    Accepts: `SpgParameters | dict[str, Any] | None`.
    """
    reinforce: ReinforceParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": ReinforceParameters}
    )
    """Settings for the REINFORCE trainer.

    Default: the group's defaults (`None` builds them).
    Accepts: `ReinforceParameters | dict[str, Any] | None`.
    """
    solo_agent: SoloAgentParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": SoloAgentParameters}
    )
    """Settings for supervised training of single agents (also used for pretraining).

    Default: the group's defaults (`None` builds them).
    Accepts: `SoloAgentParameters | dict[str, Any] | None`.
    """
    text_rl: TextRlParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": TextRlParameters}
    )
    """Settings shared by the text (API-model) trainers.

    Default: the group's defaults (`None` builds them).
    Accepts: `TextRlParameters | dict[str, Any] | None`.
    """
    pure_text_ei: PureTextEiParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": PureTextEiParameters}
    )
    """Settings for expert iteration with API-based text agents.

    Default: the group's defaults (`None` builds them).
    Accepts: `PureTextEiParameters | dict[str, Any] | None`.
    """
    pure_text_malt: PureTextMaltParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": PureTextMaltParameters}
    )
    """Settings for MALT (multi-agent LLM training) with API-based text agents.

    Default: the group's defaults (`None` builds them).
    Accepts: `PureTextMaltParameters | dict[str, Any] | None`.
    """
    image_classification: ImageClassificationParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": ImageClassificationParameters}
    )
    """Network-shape settings for the image classification scenario.

    Default: the group's defaults (`None` builds them).
    Accepts: `ImageClassificationParameters | dict[str, Any] | None`.
    """
    code_validation: CodeValidationParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": CodeValidationParameters}
    )
    """Dataset settings for the code validation scenario.

    Default: the group's defaults (`None` builds them).
    Accepts: `CodeValidationParameters | dict[str, Any] | None`.
    """
    dataset_options: DatasetParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": DatasetParameters}
    )
    """How the dataset is binarised, balanced and truncated.

    Default: the group's defaults (`None` builds them).
    Accepts: `DatasetParameters | dict[str, Any] | None`.
    """
    protocol_common: CommonProtocolParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": CommonProtocolParameters}
    )
    """Reward and turn-order settings shared by every protocol.

    Default: the group's defaults (`None` builds them).
    Accepts: `CommonProtocolParameters | dict[str, Any] | None`.
    """
    nip_protocol: NipProtocolParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": NipProtocolParameters}
    )
    """Round limits for the NIP protocol.

    Default: the group's defaults (`None` builds them).
    Accepts: `NipProtocolParameters | dict[str, Any] | None`.
    """
    debate_protocol: DebateProtocolParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": DebateProtocolParameters}
    )
    """Round limits and ordering for the debate protocol.

    Default: the group's defaults (`None` builds them).
    Accepts: `DebateProtocolParameters | dict[str, Any] | None`.
    """
    mnip_protocol: MnipProtocolParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": MnipProtocolParameters}
    )
    """Round limits and ordering for the two-prover NIP protocol.

    Default: the group's defaults (`None` builds them).
    Accepts: `MnipProtocolParameters | dict[str, Any] | None`.
    """
    zk_protocol: ZkProtocolParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": ZkProtocolParameters}
    )
    """Coefficients used by the zero-knowledge protocol variants.

    Default: the group's defaults (`None` builds them).
    Accepts: `ZkProtocolParameters | dict[str, Any] | None`.
    """
    message_regression: MessageRegressionParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": MessageRegressionParameters}
    )
    """Optional probe that tries to predict labels from agents' messages.

    Default: the group's defaults (`None` builds them).
    Accepts: `MessageRegressionParameters | dict[str, Any] | None`.
    """
    base_run: BaseRunParameters = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": BaseRunParameters}
    )
    """Whether and how this run is derived from an earlier W&B run.

    Default: the group's defaults (`None` builds them).
    Accepts: `BaseRunParameters | dict[str, Any] | None`.
    """

    def __init__(
        self,
        scenario: ScenarioType,
        trainer: TrainerType | Literal["ppo"],
        dataset: str,
        interaction_protocol: InteractionProtocolType = "nip",
        seed: int = 6198,
        functionalize_modules: bool = False,
        pretrain_agents: bool = False,
        test_size: float = 0.2,
        d_representation: int = 16,
        message_size: int = 1,
        include_linear_message_space: bool = False,
        d_linear_message_space: int = 2,
        agents: AgentsParameters
        | Mapping[str, AgentParameters | Mapping[str, Any]]
        | None = None,
        rl: RlTrainerParameters | dict[str, Any] | None = None,
        ppo: CommonPpoParameters | dict[str, Any] | None = None,
        vanilla_ppo: VanillaPpoParameters | dict[str, Any] | None = None,
        spg: SpgParameters | dict[str, Any] | None = None,
        reinforce: ReinforceParameters | dict[str, Any] | None = None,
        solo_agent: SoloAgentParameters | dict[str, Any] | None = None,
        text_rl: TextRlParameters | dict[str, Any] | None = None,
        pure_text_ei: PureTextEiParameters | dict[str, Any] | None = None,
        pure_text_malt: PureTextMaltParameters | dict[str, Any] | None = None,
        image_classification: ImageClassificationParameters
        | dict[str, Any]
        | None = None,
        code_validation: CodeValidationParameters | dict[str, Any] | None = None,
        dataset_options: DatasetParameters | dict[str, Any] | None = None,
        protocol_common: CommonProtocolParameters | dict[str, Any] | None = None,
        nip_protocol: NipProtocolParameters | dict[str, Any] | None = None,
        debate_protocol: DebateProtocolParameters | dict[str, Any] | None = None,
        mnip_protocol: MnipProtocolParameters | dict[str, Any] | None = None,
        zk_protocol: ZkProtocolParameters | dict[str, Any] | None = None,
        message_regression: MessageRegressionParameters | dict[str, Any] | None = None,
        base_run: BaseRunParameters | dict[str, Any] | None = None,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "scenario": scenario,
                "trainer": trainer,
                "dataset": dataset,
                "interaction_protocol": interaction_protocol,
                "seed": seed,
                "functionalize_modules": functionalize_modules,
                "pretrain_agents": pretrain_agents,
                "test_size": test_size,
                "d_representation": d_representation,
                "message_size": message_size,
                "include_linear_message_space": include_linear_message_space,
                "d_linear_message_space": d_linear_message_space,
                "agents": agents,
                "rl": rl,
                "ppo": ppo,
                "vanilla_ppo": vanilla_ppo,
                "spg": spg,
                "reinforce": reinforce,
                "solo_agent": solo_agent,
                "text_rl": text_rl,
                "pure_text_ei": pure_text_ei,
                "pure_text_malt": pure_text_malt,
                "image_classification": image_classification,
                "code_validation": code_validation,
                "dataset_options": dataset_options,
                "protocol_common": protocol_common,
                "nip_protocol": nip_protocol,
                "debate_protocol": debate_protocol,
                "mnip_protocol": mnip_protocol,
                "zk_protocol": zk_protocol,
                "message_regression": message_regression,
                "base_run": base_run,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 32:
                drop_extra_keys(cls, values)
            if values["trainer"] in {"ppo": "vanilla_ppo"}:
                values["trainer"] = deprecated_value(
                    "trainer", values["trainer"], {"ppo": "vanilla_ppo"}
                )
            if type(values["seed"]) is float:
                values["seed"] = integral(values["seed"])
            if type(values["d_representation"]) is float:
                values["d_representation"] = integral(values["d_representation"])
            if type(values["message_size"]) is float:
                values["message_size"] = integral(values["message_size"])
            if type(values["d_linear_message_space"]) is float:
                values["d_linear_message_space"] = integral(
                    values["d_linear_message_space"]
                )
        values["agents"] = cls._collection_from_checked(
            data, values["agents"], AgentsParameters
        )
        values["rl"] = RlTrainerParameters._from_checked_dict(values["rl"] or {})
        values["ppo"] = CommonPpoParameters._from_checked_dict(values["ppo"] or {})
        values["vanilla_ppo"] = VanillaPpoParameters._from_checked_dict(
            values["vanilla_ppo"] or {}
        )
        values["spg"] = SpgParameters._from_checked_dict(values["spg"] or {})
        values["reinforce"] = ReinforceParameters._from_checked_dict(
            values["reinforce"] or {}
        )
        values["solo_agent"] = SoloAgentParameters._from_checked_dict(
            values["solo_agent"] or {}
        )
        values["text_rl"] = TextRlParameters._from_checked_dict(values["text_rl"] or {})
        values["pure_text_ei"] = PureTextEiParameters._from_checked_dict(
            values["pure_text_ei"] or {}
        )
        values["pure_text_malt"] = PureTextMaltParameters._from_checked_dict(
            values["pure_text_malt"] or {}
        )
        values["image_classification"] = (
            ImageClassificationParameters._from_checked_dict(
                values["image_classification"] or {}
            )
        )
        values["code_validation"] = CodeValidationParameters._from_checked_dict(
            values["code_validation"] or {}
        )
        values["dataset_options"] = DatasetParameters._from_checked_dict(
            values["dataset_options"] or {}
        )
        values["protocol_common"] = CommonProtocolParameters._from_checked_dict(
            values["protocol_common"] or {}
        )
        values["nip_protocol"] = NipProtocolParameters._from_checked_dict(
            values["nip_protocol"] or {}
        )
        values["debate_protocol"] = DebateProtocolParameters._from_checked_dict(
            values["debate_protocol"] or {}
        )
        values["mnip_protocol"] = MnipProtocolParameters._from_checked_dict(
            values["mnip_protocol"] or {}
        )
        values["zk_protocol"] = ZkProtocolParameters._from_checked_dict(
            values["zk_protocol"] or {}
        )
        values["message_regression"] = MessageRegressionParameters._from_checked_dict(
            values["message_regression"] or {}
        )
        values["base_run"] = BaseRunParameters._from_checked_dict(
            values["base_run"] or {}
        )
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "trainer": self.trainer,
            "dataset": self.dataset,
            "interaction_protocol": self.interaction_protocol,
            "seed": self.seed,
            "functionalize_modules": self.functionalize_modules,
            "pretrain_agents": self.pretrain_agents,
            "test_size": self.test_size,
            "d_representation": self.d_representation,
            "message_size": self.message_size,
            "include_linear_message_space": self.include_linear_message_space,
            "d_linear_message_space": self.d_linear_message_space,
            "agents": dump_value(self.agents),
            "rl": dump_value(self.rl),
            "ppo": dump_value(self.ppo),
            "vanilla_ppo": dump_value(self.vanilla_ppo),
            "spg": dump_value(self.spg),
            "reinforce": dump_value(self.reinforce),
            "solo_agent": dump_value(self.solo_agent),
            "text_rl": dump_value(self.text_rl),
            "pure_text_ei": dump_value(self.pure_text_ei),
            "pure_text_malt": dump_value(self.pure_text_malt),
            "image_classification": dump_value(self.image_classification),
            "code_validation": dump_value(self.code_validation),
            "dataset_options": dump_value(self.dataset_options),
            "protocol_common": dump_value(self.protocol_common),
            "nip_protocol": dump_value(self.nip_protocol),
            "debate_protocol": dump_value(self.debate_protocol),
            "mnip_protocol": dump_value(self.mnip_protocol),
            "zk_protocol": dump_value(self.zk_protocol),
            "message_regression": dump_value(self.message_regression),
            "base_run": dump_value(self.base_run),
        }


HyperParameters._FIELD_DEFAULTS = field_defaults(HyperParameters)
