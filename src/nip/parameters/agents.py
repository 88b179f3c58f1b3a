# Generated from schema/1.0/agents.json by `make generate`. Do not edit.
"""Parameters which specify agent configurations."""

from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from ._objects import (
    BUILT_FROM_NONE,
    FIELD_DEFAULT,
    AgentBehaviour,
    AgentsParameters,
    SubParameters,
    drop_extra_keys,
    dump_value,
    env_default,
    env_value,
    field_defaults,
    integral,
    register_parameter_class,
    register_parameter_value_class,
)
from .types import ActivationType, ImageBuildingBlockType
from .update_schedule import AgentUpdateSchedule, ConstantUpdateSchedule

__all__ = [
    "AgentParameters",
    "AgentsParameters",
    "CodeValidationAgentParameters",
    "GraphIsomorphismAgentParameters",
    "ImageClassificationAgentParameters",
    "LrFactors",
    "PureTextAgentParameters",
    "RandomAgentParameters",
]


@register_parameter_class
@dataclass
class LrFactors(SubParameters):
    """A pair of learning-rate multipliers, one for the actor (policy) and one for the critic
    (value) part of a network.

    Parameters
    ----------
    actor : float
        Multiplier on the learning rate for the policy (actor) part. Range: ≥ 0.
    critic : float
        Multiplier on the learning rate for the value (critic) part. Range: ≥ 0.
    """

    actor: float = 1.0
    """Multiplier on the learning rate for the policy (actor) part.

    Range: ≥ 0.

    Default: `1.0`.
    """
    critic: float = 1.0
    """Multiplier on the learning rate for the value (critic) part.

    Range: ≥ 0.

    Default: `1.0`.
    """

    def __init__(
        self,
        actor: float = 1.0,
        critic: float = 1.0,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "actor": actor,
                "critic": critic,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 2:
                drop_extra_keys(cls, values)
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "critic": self.critic,
        }


LrFactors._FIELD_DEFAULTS = field_defaults(LrFactors)


@register_parameter_class
@dataclass
class AgentParameters(AgentBehaviour, SubParameters):
    """Settings shared by every agent, whatever the scenario: learning-rate factors, when the
    agent updates, checkpoint loading and weight initialisation.

    Parameters
    ----------
    agent_lr_factor : LrFactors
        Learning-rate multiplier for the whole agent relative to the base rate (actor/critic
        pair).
    body_lr_factor : LrFactors
        Extra learning-rate multiplier for the agent's body relative to the agent rate.
    update_schedule : AgentUpdateSchedule
        On which training iterations this agent's weights are allowed to change.
    use_manual_architecture : bool
        Replace the learned network with a hand-written strategy for this agent.
    normalize_message_history : bool
        Standardise the message history before the encoder sees it.
    load_checkpoint_and_parameters : bool
        Load this agent's weights and settings from a W&B checkpoint instead of initialising
        fresh.
    checkpoint_entity : str
        W&B entity of the checkpoint run (default taken from WANDB_ENTITY).
    checkpoint_project : str
        W&B project of the checkpoint run (default taken from WANDB_PROJECT).
    checkpoint_run_id : str | None
        W&B run id to load the checkpoint from (needed when loading).
    checkpoint_version : str
        Which artifact version of the checkpoint to use.
    use_orthogonal_initialisation : bool
        Initialise network weights orthogonally.
    orthogonal_initialisation_gain : float
        Gain applied with orthogonal initialisation.
    """

    is_random: ClassVar[bool] = False
    LOAD_PRESERVED_PARAMETERS: ClassVar[list[str]] = [
        "load_checkpoint_and_parameters",
        "checkpoint_entity",
        "checkpoint_project",
        "checkpoint_run_id",
        "checkpoint_version",
    ]
    SERIALISED_CLASSVARS: ClassVar[tuple[str, ...]] = ("is_random",)
    agent_lr_factor: LrFactors = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": LrFactors}
    )
    """Learning-rate multiplier for the whole agent relative to the base rate (actor/critic
    pair).

    Default: the group's defaults (`None` builds them).
    Accepts: `LrFactors | dict[str, Any] | None`.
    """
    body_lr_factor: LrFactors = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": LrFactors}
    )
    """Extra learning-rate multiplier for the agent's body relative to the agent rate.

    Default: the group's defaults (`None` builds them).
    Accepts: `LrFactors | dict[str, Any] | None`.
    """
    update_schedule: AgentUpdateSchedule = field(
        default=ConstantUpdateSchedule(),
        metadata={"nip_value_class": AgentUpdateSchedule},
    )
    """On which training iterations this agent's weights are allowed to change.

    Default: `ConstantUpdateSchedule()`.
    Accepts: `AgentUpdateSchedule | dict[str, Any]`.
    """
    use_manual_architecture: bool = False
    """Replace the learned network with a hand-written strategy for this agent.

    Default: `False`.
    """
    normalize_message_history: bool = False
    """Standardise the message history before the encoder sees it.

    Default: `False`.
    """
    load_checkpoint_and_parameters: bool = False
    """Load this agent's weights and settings from a W&B checkpoint instead of initialising
    fresh.

    Default: `False`.
    """
    checkpoint_entity: str = field(default_factory=env_default("WANDB_ENTITY", ""))
    """W&B entity of the checkpoint run (default taken from WANDB_ENTITY).

    Default: env `WANDB_ENTITY`, else `''`.
    """
    checkpoint_project: str = field(default_factory=env_default("WANDB_PROJECT", ""))
    """W&B project of the checkpoint run (default taken from WANDB_PROJECT).

    Default: env `WANDB_PROJECT`, else `''`.
    """
    checkpoint_run_id: str | None = None
    """W&B run id to load the checkpoint from (needed when loading).

    Default: `None`.
    """
    checkpoint_version: str = "latest"
    """Which artifact version of the checkpoint to use.

    Default: `'latest'`.
    """
    use_orthogonal_initialisation: bool = True
    """Initialise network weights orthogonally.

    Default: `True`.
    """
    orthogonal_initialisation_gain: float = 1.0
    """Gain applied with orthogonal initialisation.

    Default: `1.0`.
    """

    def __init__(
        self,
        agent_lr_factor: LrFactors | dict[str, Any] | None = None,
        body_lr_factor: LrFactors | dict[str, Any] | None = None,
        update_schedule: AgentUpdateSchedule | dict[str, Any] = FIELD_DEFAULT,
        use_manual_architecture: bool = False,
        normalize_message_history: bool = False,
        load_checkpoint_and_parameters: bool = False,
        checkpoint_entity: str = FIELD_DEFAULT,
        checkpoint_project: str = FIELD_DEFAULT,
        checkpoint_run_id: str | None = None,
        checkpoint_version: str = "latest",
        use_orthogonal_initialisation: bool = True,
        orthogonal_initialisation_gain: float = 1.0,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "agent_lr_factor": agent_lr_factor,
                "body_lr_factor": body_lr_factor,
                "update_schedule": self._FIELD_DEFAULTS["update_schedule"]
                if update_schedule is FIELD_DEFAULT
                else update_schedule,
                "use_manual_architecture": use_manual_architecture,
                "normalize_message_history": normalize_message_history,
                "load_checkpoint_and_parameters": load_checkpoint_and_parameters,
                "checkpoint_entity": env_value("WANDB_ENTITY", "")
                if checkpoint_entity is FIELD_DEFAULT
                else checkpoint_entity,
                "checkpoint_project": env_value("WANDB_PROJECT", "")
                if checkpoint_project is FIELD_DEFAULT
                else checkpoint_project,
                "checkpoint_run_id": checkpoint_run_id,
                "checkpoint_version": checkpoint_version,
                "use_orthogonal_initialisation": use_orthogonal_initialisation,
                "orthogonal_initialisation_gain": orthogonal_initialisation_gain,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            values.pop("is_random", None)
            if len(values) > 12:
                drop_extra_keys(cls, values)
        values["agent_lr_factor"] = LrFactors._from_checked_dict(
            values["agent_lr_factor"] or {}
        )
        values["body_lr_factor"] = LrFactors._from_checked_dict(
            values["body_lr_factor"] or {}
        )
        if type(values["update_schedule"]) is dict:
            values["update_schedule"] = AgentUpdateSchedule.from_checked_dict(
                values["update_schedule"]
            )
        if "checkpoint_entity" not in data:
            values["checkpoint_entity"] = env_value("WANDB_ENTITY", "")
        if "checkpoint_project" not in data:
            values["checkpoint_project"] = env_value("WANDB_PROJECT", "")
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "agent_lr_factor": dump_value(self.agent_lr_factor),
            "body_lr_factor": dump_value(self.body_lr_factor),
            "update_schedule": dump_value(self.update_schedule),
            "use_manual_architecture": self.use_manual_architecture,
            "normalize_message_history": self.normalize_message_history,
            "load_checkpoint_and_parameters": self.load_checkpoint_and_parameters,
            "checkpoint_entity": self.checkpoint_entity,
            "checkpoint_project": self.checkpoint_project,
            "checkpoint_run_id": self.checkpoint_run_id,
            "checkpoint_version": self.checkpoint_version,
            "use_orthogonal_initialisation": self.use_orthogonal_initialisation,
            "orthogonal_initialisation_gain": self.orthogonal_initialisation_gain,
        }


AgentParameters._FIELD_DEFAULTS = field_defaults(AgentParameters)


@register_parameter_class
@dataclass
class RandomAgentParameters(AgentParameters):
    """An agent that picks its actions uniformly at random. It has only the shared agent
    settings.
    """

    is_random: ClassVar[bool] = True

    def __init__(
        self,
        agent_lr_factor: LrFactors | dict[str, Any] | None = None,
        body_lr_factor: LrFactors | dict[str, Any] | None = None,
        update_schedule: AgentUpdateSchedule | dict[str, Any] = FIELD_DEFAULT,
        use_manual_architecture: bool = False,
        normalize_message_history: bool = False,
        load_checkpoint_and_parameters: bool = False,
        checkpoint_entity: str = FIELD_DEFAULT,
        checkpoint_project: str = FIELD_DEFAULT,
        checkpoint_run_id: str | None = None,
        checkpoint_version: str = "latest",
        use_orthogonal_initialisation: bool = True,
        orthogonal_initialisation_gain: float = 1.0,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "agent_lr_factor": agent_lr_factor,
                "body_lr_factor": body_lr_factor,
                "update_schedule": self._FIELD_DEFAULTS["update_schedule"]
                if update_schedule is FIELD_DEFAULT
                else update_schedule,
                "use_manual_architecture": use_manual_architecture,
                "normalize_message_history": normalize_message_history,
                "load_checkpoint_and_parameters": load_checkpoint_and_parameters,
                "checkpoint_entity": env_value("WANDB_ENTITY", "")
                if checkpoint_entity is FIELD_DEFAULT
                else checkpoint_entity,
                "checkpoint_project": env_value("WANDB_PROJECT", "")
                if checkpoint_project is FIELD_DEFAULT
                else checkpoint_project,
                "checkpoint_run_id": checkpoint_run_id,
                "checkpoint_version": checkpoint_version,
                "use_orthogonal_initialisation": use_orthogonal_initialisation,
                "orthogonal_initialisation_gain": orthogonal_initialisation_gain,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            values.pop("is_random", None)
            if len(values) > 12:
                drop_extra_keys(cls, values)
        values["agent_lr_factor"] = LrFactors._from_checked_dict(
            values["agent_lr_factor"] or {}
        )
        values["body_lr_factor"] = LrFactors._from_checked_dict(
            values["body_lr_factor"] or {}
        )
        if type(values["update_schedule"]) is dict:
            values["update_schedule"] = AgentUpdateSchedule.from_checked_dict(
                values["update_schedule"]
            )
        if "checkpoint_entity" not in data:
            values["checkpoint_entity"] = env_value("WANDB_ENTITY", "")
        if "checkpoint_project" not in data:
            values["checkpoint_project"] = env_value("WANDB_PROJECT", "")
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj


RandomAgentParameters._FIELD_DEFAULTS = field_defaults(RandomAgentParameters)


@register_parameter_class
@dataclass
class GraphIsomorphismAgentParameters(AgentParameters):
    """An agent for the graph-isomorphism scenario: a graph neural network body, an optional
    transformer, and heads that select nodes, decide and estimate value.

    Parameters
    ----------
    body_lr_factor : LrFactors
        Extra learning-rate multiplier for the body (re-declared here; same position and
        meaning).
    activation_function : ActivationType
        Non-linearity used inside the agent's networks.
    num_gnn_layers : int
        Depth of the graph neural network. Range: ≥ 0.
    d_gnn : int
        Hidden width of the GNN (also the attention embedding width). Range: ≥ 0.
    d_gin_mlp : int
        Hidden width of the MLP inside each GIN layer. Range: ≥ 0.
    gnn_output_digits : int | None
        Round GNN outputs to this many digits; null means no rounding.
    use_dual_gnn : bool
        Run a second GNN copy on zeroed features alongside the message-history one.
    num_heads : int
        Attention heads in the transformer. Range: ≥ 1.
    num_transformer_layers : int
        Number of transformer layers. Range: ≥ 0.
    d_transformer : int
        Model width of the transformer. Range: ≥ 0.
    d_transformer_mlp : int
        Hidden width of the transformer feed-forward block. Range: ≥ 0.
    transformer_dropout : float
        Dropout rate inside the transformer. Range: ≥ 0 and ≤ 1.
    d_node_selector : int
        Hidden width of the head that picks a node to send. Range: ≥ 0.
    num_node_selector_layers : int
        Depth of the node-picking head. Range: ≥ 0.
    d_decider : int
        Hidden width of the head that decides accept/reject/continue. Range: ≥ 0.
    num_decider_layers : int
        Depth of the decision head. Range: ≥ 0.
    include_round_in_decider : bool
        Feed the round number into the decision head.
    d_linear_message_selector : int
        Hidden width of the head choosing the extra linear message. Range: ≥ 0.
    num_linear_message_selector_layers : int
        Depth of the linear-message head. Range: ≥ 0.
    d_value : int
        Hidden width of the value (critic) head. Range: ≥ 0.
    num_value_layers : int
        Depth of the value head. Range: ≥ 0.
    include_round_in_value : bool
        Feed the round number into the value head.
    use_batch_norm : bool
        Use batch normalisation in global pooling.
    noise_sigma : float
        Relative std of Gaussian noise added to graph-level representations. Range: ≥ 0.
    use_pair_invariant_pooling : bool
        Make pooled representations independent of the order of the graph pair.
    gnn_lr_factor : LrFactors
        Learning-rate multiplier for the GNN relative to the body rate.
    """

    TEST_PARAMETERS: ClassVar[dict[str, Any]] = {
        "num_gnn_layers": 1,
        "d_gnn": 1,
        "d_gin_mlp": 1,
        "num_heads": 2,
        "num_transformer_layers": 1,
        "d_transformer": 2,
        "d_transformer_mlp": 1,
        "d_node_selector": 1,
        "num_node_selector_layers": 1,
        "d_decider": 1,
        "num_decider_layers": 1,
        "d_linear_message_selector": 1,
        "num_linear_message_selector_layers": 1,
        "d_value": 1,
        "num_value_layers": 1,
    }
    body_lr_factor: LrFactors = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": LrFactors}
    )
    """Extra learning-rate multiplier for the body (re-declared here; same position and
    meaning).

    Default: the group's defaults (`None` builds them).
    Accepts: `LrFactors | dict[str, Any] | None`.
    """
    activation_function: ActivationType = "tanh"
    """Non-linearity used inside the agent's networks.

    Default: `'tanh'`.
    """
    num_gnn_layers: int = 5
    """Depth of the graph neural network.

    Range: ≥ 0.

    Default: `5`.
    """
    d_gnn: int = 16
    """Hidden width of the GNN (also the attention embedding width).

    Range: ≥ 0.

    Default: `16`.
    """
    d_gin_mlp: int = 64
    """Hidden width of the MLP inside each GIN layer.

    Range: ≥ 0.

    Default: `64`.
    """
    gnn_output_digits: int | None = None
    """Round GNN outputs to this many digits; null means no rounding.

    Default: `None`.
    """
    use_dual_gnn: bool = True
    """Run a second GNN copy on zeroed features alongside the message-history one.

    Default: `True`.
    """
    num_heads: int = 4
    """Attention heads in the transformer.

    Range: ≥ 1.

    Default: `4`.
    """
    num_transformer_layers: int = 4
    """Number of transformer layers.

    Range: ≥ 0.

    Default: `4`.
    """
    d_transformer: int = 16
    """Model width of the transformer.

    Range: ≥ 0.

    Default: `16`.
    """
    d_transformer_mlp: int = 64
    """Hidden width of the transformer feed-forward block.

    Range: ≥ 0.

    Default: `64`.
    """
    transformer_dropout: float = 0.0
    """Dropout rate inside the transformer.

    Range: ≥ 0 and ≤ 1.

    Default: `0.0`.
    """
    d_node_selector: int = 16
    """Hidden width of the head that picks a node to send.

    Range: ≥ 0.

    Default: `16`.
    """
    num_node_selector_layers: int = 2
    """Depth of the node-picking head.

    Range: ≥ 0.

    Default: `2`.
    """
    d_decider: int = 16
    """Hidden width of the head that decides accept/reject/continue.

    Range: ≥ 0.

    Default: `16`.
    """
    num_decider_layers: int = 2
    """Depth of the decision head.

    Range: ≥ 0.

    Default: `2`.
    """
    include_round_in_decider: bool = True
    """Feed the round number into the decision head.

    Default: `True`.
    """
    d_linear_message_selector: int = 16
    """Hidden width of the head choosing the extra linear message.

    Range: ≥ 0.

    Default: `16`.
    """
    num_linear_message_selector_layers: int = 2
    """Depth of the linear-message head.

    Range: ≥ 0.

    Default: `2`.
    """
    d_value: int = 16
    """Hidden width of the value (critic) head.

    Range: ≥ 0.

    Default: `16`.
    """
    num_value_layers: int = 2
    """Depth of the value head.

    Range: ≥ 0.

    Default: `2`.
    """
    include_round_in_value: bool = True
    """Feed the round number into the value head.

    Default: `True`.
    """
    use_batch_norm: bool = True
    """Use batch normalisation in global pooling.

    Default: `True`.
    """
    noise_sigma: float = 0.0
    """Relative std of Gaussian noise added to graph-level representations.

    Range: ≥ 0.

    Default: `0.0`.
    """
    use_pair_invariant_pooling: bool = True
    """Make pooled representations independent of the order of the graph pair.

    Default: `True`.
    """
    gnn_lr_factor: LrFactors = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": LrFactors}
    )
    """Learning-rate multiplier for the GNN relative to the body rate.

    Default: the group's defaults (`None` builds them).
    Accepts: `LrFactors | dict[str, Any] | None`.
    """

    def __init__(
        self,
        agent_lr_factor: LrFactors | dict[str, Any] | None = None,
        body_lr_factor: LrFactors | dict[str, Any] | None = None,
        update_schedule: AgentUpdateSchedule | dict[str, Any] = FIELD_DEFAULT,
        use_manual_architecture: bool = False,
        normalize_message_history: bool = False,
        load_checkpoint_and_parameters: bool = False,
        checkpoint_entity: str = FIELD_DEFAULT,
        checkpoint_project: str = FIELD_DEFAULT,
        checkpoint_run_id: str | None = None,
        checkpoint_version: str = "latest",
        use_orthogonal_initialisation: bool = True,
        orthogonal_initialisation_gain: float = 1.0,
        activation_function: ActivationType = "tanh",
        num_gnn_layers: int = 5,
        d_gnn: int = 16,
        d_gin_mlp: int = 64,
        gnn_output_digits: int | None = None,
        use_dual_gnn: bool = True,
        num_heads: int = 4,
        num_transformer_layers: int = 4,
        d_transformer: int = 16,
        d_transformer_mlp: int = 64,
        transformer_dropout: float = 0.0,
        d_node_selector: int = 16,
        num_node_selector_layers: int = 2,
        d_decider: int = 16,
        num_decider_layers: int = 2,
        include_round_in_decider: bool = True,
        d_linear_message_selector: int = 16,
        num_linear_message_selector_layers: int = 2,
        d_value: int = 16,
        num_value_layers: int = 2,
        include_round_in_value: bool = True,
        use_batch_norm: bool = True,
        noise_sigma: float = 0.0,
        use_pair_invariant_pooling: bool = True,
        gnn_lr_factor: LrFactors | dict[str, Any] | None = None,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "agent_lr_factor": agent_lr_factor,
                "body_lr_factor": body_lr_factor,
                "update_schedule": self._FIELD_DEFAULTS["update_schedule"]
                if update_schedule is FIELD_DEFAULT
                else update_schedule,
                "use_manual_architecture": use_manual_architecture,
                "normalize_message_history": normalize_message_history,
                "load_checkpoint_and_parameters": load_checkpoint_and_parameters,
                "checkpoint_entity": env_value("WANDB_ENTITY", "")
                if checkpoint_entity is FIELD_DEFAULT
                else checkpoint_entity,
                "checkpoint_project": env_value("WANDB_PROJECT", "")
                if checkpoint_project is FIELD_DEFAULT
                else checkpoint_project,
                "checkpoint_run_id": checkpoint_run_id,
                "checkpoint_version": checkpoint_version,
                "use_orthogonal_initialisation": use_orthogonal_initialisation,
                "orthogonal_initialisation_gain": orthogonal_initialisation_gain,
                "activation_function": activation_function,
                "num_gnn_layers": num_gnn_layers,
                "d_gnn": d_gnn,
                "d_gin_mlp": d_gin_mlp,
                "gnn_output_digits": gnn_output_digits,
                "use_dual_gnn": use_dual_gnn,
                "num_heads": num_heads,
                "num_transformer_layers": num_transformer_layers,
                "d_transformer": d_transformer,
                "d_transformer_mlp": d_transformer_mlp,
                "transformer_dropout": transformer_dropout,
                "d_node_selector": d_node_selector,
                "num_node_selector_layers": num_node_selector_layers,
                "d_decider": d_decider,
                "num_decider_layers": num_decider_layers,
                "include_round_in_decider": include_round_in_decider,
                "d_linear_message_selector": d_linear_message_selector,
                "num_linear_message_selector_layers": num_linear_message_selector_layers,
                "d_value": d_value,
                "num_value_layers": num_value_layers,
                "include_round_in_value": include_round_in_value,
                "use_batch_norm": use_batch_norm,
                "noise_sigma": noise_sigma,
                "use_pair_invariant_pooling": use_pair_invariant_pooling,
                "gnn_lr_factor": gnn_lr_factor,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            values.pop("is_random", None)
            if len(values) > 37:
                drop_extra_keys(cls, values)
            if type(values["num_gnn_layers"]) is float:
                values["num_gnn_layers"] = integral(values["num_gnn_layers"])
            if type(values["d_gnn"]) is float:
                values["d_gnn"] = integral(values["d_gnn"])
            if type(values["d_gin_mlp"]) is float:
                values["d_gin_mlp"] = integral(values["d_gin_mlp"])
            if type(values["gnn_output_digits"]) is float:
                values["gnn_output_digits"] = integral(values["gnn_output_digits"])
            if type(values["num_heads"]) is float:
                values["num_heads"] = integral(values["num_heads"])
            if type(values["num_transformer_layers"]) is float:
                values["num_transformer_layers"] = integral(
                    values["num_transformer_layers"]
                )
            if type(values["d_transformer"]) is float:
                values["d_transformer"] = integral(values["d_transformer"])
            if type(values["d_transformer_mlp"]) is float:
                values["d_transformer_mlp"] = integral(values["d_transformer_mlp"])
            if type(values["d_node_selector"]) is float:
                values["d_node_selector"] = integral(values["d_node_selector"])
            if type(values["num_node_selector_layers"]) is float:
                values["num_node_selector_layers"] = integral(
                    values["num_node_selector_layers"]
                )
            if type(values["d_decider"]) is float:
                values["d_decider"] = integral(values["d_decider"])
            if type(values["num_decider_layers"]) is float:
                values["num_decider_layers"] = integral(values["num_decider_layers"])
            if type(values["d_linear_message_selector"]) is float:
                values["d_linear_message_selector"] = integral(
                    values["d_linear_message_selector"]
                )
            if type(values["num_linear_message_selector_layers"]) is float:
                values["num_linear_message_selector_layers"] = integral(
                    values["num_linear_message_selector_layers"]
                )
            if type(values["d_value"]) is float:
                values["d_value"] = integral(values["d_value"])
            if type(values["num_value_layers"]) is float:
                values["num_value_layers"] = integral(values["num_value_layers"])
        values["agent_lr_factor"] = LrFactors._from_checked_dict(
            values["agent_lr_factor"] or {}
        )
        values["body_lr_factor"] = LrFactors._from_checked_dict(
            values["body_lr_factor"] or {}
        )
        if type(values["update_schedule"]) is dict:
            values["update_schedule"] = AgentUpdateSchedule.from_checked_dict(
                values["update_schedule"]
            )
        if "checkpoint_entity" not in data:
            values["checkpoint_entity"] = env_value("WANDB_ENTITY", "")
        if "checkpoint_project" not in data:
            values["checkpoint_project"] = env_value("WANDB_PROJECT", "")
        values["gnn_lr_factor"] = LrFactors._from_checked_dict(
            values["gnn_lr_factor"] or {}
        )
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "agent_lr_factor": dump_value(self.agent_lr_factor),
            "body_lr_factor": dump_value(self.body_lr_factor),
            "update_schedule": dump_value(self.update_schedule),
            "use_manual_architecture": self.use_manual_architecture,
            "normalize_message_history": self.normalize_message_history,
            "load_checkpoint_and_parameters": self.load_checkpoint_and_parameters,
            "checkpoint_entity": self.checkpoint_entity,
            "checkpoint_project": self.checkpoint_project,
            "checkpoint_run_id": self.checkpoint_run_id,
            "checkpoint_version": self.checkpoint_version,
            "use_orthogonal_initialisation": self.use_orthogonal_initialisation,
            "orthogonal_initialisation_gain": self.orthogonal_initialisation_gain,
            "activation_function": self.activation_function,
            "num_gnn_layers": self.num_gnn_layers,
            "d_gnn": self.d_gnn,
            "d_gin_mlp": self.d_gin_mlp,
            "gnn_output_digits": self.gnn_output_digits,
            "use_dual_gnn": self.use_dual_gnn,
            "num_heads": self.num_heads,
            "num_transformer_layers": self.num_transformer_layers,
            "d_transformer": self.d_transformer,
            "d_transformer_mlp": self.d_transformer_mlp,
            "transformer_dropout": self.transformer_dropout,
            "d_node_selector": self.d_node_selector,
            "num_node_selector_layers": self.num_node_selector_layers,
            "d_decider": self.d_decider,
            "num_decider_layers": self.num_decider_layers,
            "include_round_in_decider": self.include_round_in_decider,
            "d_linear_message_selector": self.d_linear_message_selector,
            "num_linear_message_selector_layers": self.num_linear_message_selector_layers,
            "d_value": self.d_value,
            "num_value_layers": self.num_value_layers,
            "include_round_in_value": self.include_round_in_value,
            "use_batch_norm": self.use_batch_norm,
            "noise_sigma": self.noise_sigma,
            "use_pair_invariant_pooling": self.use_pair_invariant_pooling,
            "gnn_lr_factor": dump_value(self.gnn_lr_factor),
        }


GraphIsomorphismAgentParameters._FIELD_DEFAULTS = field_defaults(
    GraphIsomorphismAgentParameters
)


@register_parameter_class
@dataclass
class ImageClassificationAgentParameters(AgentParameters):
    """An agent for the image-classification scenario: a convolutional body built from groups
    of blocks, and heads that select latent pixels, decide and estimate value.

    Parameters
    ----------
    activation_function : ActivationType
        Non-linearity used inside the agent's networks.
    building_block_type : ImageBuildingBlockType
        Kind of block the CNN is built from.
    num_blocks_per_group : int
        Blocks in each group of the CNN. Range: ≥ 0.
    kernel_size : int
        Convolution kernel size of the blocks. Range: ≥ 1.
    stride : int
        Convolution stride of the blocks. Range: ≥ 1.
    pretrained_embeddings_model : str | None
        Name of a pretrained model whose last-layer embeddings are added; null for none.
    pretrained_embedding_channels : int
        Channels the pretrained embeddings are projected to (1x1 conv). Range: ≥ 0.
    d_latent_pixel_selector : int
        Hidden width of the head that picks a latent pixel to send. Range: ≥ 0.
    num_latent_pixel_selector_layers : int
        Depth of the latent-pixel head. Range: ≥ 0.
    d_decider : int
        Hidden width of the decision head. Range: ≥ 0.
    num_decider_layers : int
        Depth of the decision head. Range: ≥ 0.
    include_round_in_decider : bool
        Feed the round number into the decision head.
    d_linear_message_selector : int
        Hidden width of the head choosing the extra linear message. Range: ≥ 0.
    num_linear_message_selector_layers : int
        Depth of the linear-message head. Range: ≥ 0.
    d_value : int
        Hidden width of the value (critic) head. Range: ≥ 0.
    num_value_layers : int
        Depth of the value head. Range: ≥ 0.
    include_round_in_value : bool
        Feed the round number into the value head.
    """

    TEST_PARAMETERS: ClassVar[dict[str, Any]] = {
        "num_blocks_per_group": 1,
        "d_latent_pixel_selector": 1,
        "num_latent_pixel_selector_layers": 1,
        "d_decider": 1,
        "num_decider_layers": 1,
        "d_linear_message_selector": 1,
        "num_linear_message_selector_layers": 1,
        "d_value": 1,
        "num_value_layers": 1,
    }
    activation_function: ActivationType = "tanh"
    """Non-linearity used inside the agent's networks.

    Default: `'tanh'`.
    """
    building_block_type: ImageBuildingBlockType = "conv2d"
    """Kind of block the CNN is built from.

    Default: `'conv2d'`.
    """
    num_blocks_per_group: int = 2
    """Blocks in each group of the CNN.

    Range: ≥ 0.

    Default: `2`.
    """
    kernel_size: int = 3
    """Convolution kernel size of the blocks.

    Range: ≥ 1.

    Default: `3`.
    """
    stride: int = 1
    """Convolution stride of the blocks.

    Range: ≥ 1.

    Default: `1`.
    """
    pretrained_embeddings_model: str | None = None
    """Name of a pretrained model whose last-layer embeddings are added; null for none.

    Default: `None`.
    """
    pretrained_embedding_channels: int = 64
    """Channels the pretrained embeddings are projected to (1x1 conv).

    Range: ≥ 0.

    Default: `64`.
    """
    d_latent_pixel_selector: int = 16
    """Hidden width of the head that picks a latent pixel to send.

    Range: ≥ 0.

    Default: `16`.
    """
    num_latent_pixel_selector_layers: int = 2
    """Depth of the latent-pixel head.

    Range: ≥ 0.

    Default: `2`.
    """
    d_decider: int = 16
    """Hidden width of the decision head.

    Range: ≥ 0.

    Default: `16`.
    """
    num_decider_layers: int = 2
    """Depth of the decision head.

    Range: ≥ 0.

    Default: `2`.
    """
    include_round_in_decider: bool = True
    """Feed the round number into the decision head.

    Default: `True`.
    """
    d_linear_message_selector: int = 16
    """Hidden width of the head choosing the extra linear message.

    Range: ≥ 0.

    Default: `16`.
    """
    num_linear_message_selector_layers: int = 2
    """Depth of the linear-message head.

    Range: ≥ 0.

    Default: `2`.
    """
    d_value: int = 16
    """Hidden width of the value (critic) head.

    Range: ≥ 0.

    Default: `16`.
    """
    num_value_layers: int = 2
    """Depth of the value head.

    Range: ≥ 0.

    Default: `2`.
    """
    include_round_in_value: bool = True
    """Feed the round number into the value head.

    Default: `True`.
    """

    def __init__(
        self,
        agent_lr_factor: LrFactors | dict[str, Any] | None = None,
        body_lr_factor: LrFactors | dict[str, Any] | None = None,
        update_schedule: AgentUpdateSchedule | dict[str, Any] = FIELD_DEFAULT,
        use_manual_architecture: bool = False,
        normalize_message_history: bool = False,
        load_checkpoint_and_parameters: bool = False,
        checkpoint_entity: str = FIELD_DEFAULT,
        checkpoint_project: str = FIELD_DEFAULT,
        checkpoint_run_id: str | None = None,
        checkpoint_version: str = "latest",
        use_orthogonal_initialisation: bool = True,
        orthogonal_initialisation_gain: float = 1.0,
        activation_function: ActivationType = "tanh",
        building_block_type: ImageBuildingBlockType = "conv2d",
        num_blocks_per_group: int = 2,
        kernel_size: int = 3,
        stride: int = 1,
        pretrained_embeddings_model: str | None = None,
        pretrained_embedding_channels: int = 64,
        d_latent_pixel_selector: int = 16,
        num_latent_pixel_selector_layers: int = 2,
        d_decider: int = 16,
        num_decider_layers: int = 2,
        include_round_in_decider: bool = True,
        d_linear_message_selector: int = 16,
        num_linear_message_selector_layers: int = 2,
        d_value: int = 16,
        num_value_layers: int = 2,
        include_round_in_value: bool = True,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "agent_lr_factor": agent_lr_factor,
                "body_lr_factor": body_lr_factor,
                "update_schedule": self._FIELD_DEFAULTS["update_schedule"]
                if update_schedule is FIELD_DEFAULT
                else update_schedule,
                "use_manual_architecture": use_manual_architecture,
                "normalize_message_history": normalize_message_history,
                "load_checkpoint_and_parameters": load_checkpoint_and_parameters,
                "checkpoint_entity": env_value("WANDB_ENTITY", "")
                if checkpoint_entity is FIELD_DEFAULT
                else checkpoint_entity,
                "checkpoint_project": env_value("WANDB_PROJECT", "")
                if checkpoint_project is FIELD_DEFAULT
                else checkpoint_project,
                "checkpoint_run_id": checkpoint_run_id,
                "checkpoint_version": checkpoint_version,
                "use_orthogonal_initialisation": use_orthogonal_initialisation,
                "orthogonal_initialisation_gain": orthogonal_initialisation_gain,
                "activation_function": activation_function,
                "building_block_type": building_block_type,
                "num_blocks_per_group": num_blocks_per_group,
                "kernel_size": kernel_size,
                "stride": stride,
                "pretrained_embeddings_model": pretrained_embeddings_model,
                "pretrained_embedding_channels": pretrained_embedding_channels,
                "d_latent_pixel_selector": d_latent_pixel_selector,
                "num_latent_pixel_selector_layers": num_latent_pixel_selector_layers,
                "d_decider": d_decider,
                "num_decider_layers": num_decider_layers,
                "include_round_in_decider": include_round_in_decider,
                "d_linear_message_selector": d_linear_message_selector,
                "num_linear_message_selector_layers": num_linear_message_selector_layers,
                "d_value": d_value,
                "num_value_layers": num_value_layers,
                "include_round_in_value": include_round_in_value,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            values.pop("is_random", None)
            if len(values) > 29:
                drop_extra_keys(cls, values)
            if type(values["num_blocks_per_group"]) is float:
                values["num_blocks_per_group"] = integral(
                    values["num_blocks_per_group"]
                )
            if type(values["kernel_size"]) is float:
                values["kernel_size"] = integral(values["kernel_size"])
            if type(values["stride"]) is float:
                values["stride"] = integral(values["stride"])
            if type(values["pretrained_embedding_channels"]) is float:
                values["pretrained_embedding_channels"] = integral(
                    values["pretrained_embedding_channels"]
                )
            if type(values["d_latent_pixel_selector"]) is float:
                values["d_latent_pixel_selector"] = integral(
                    values["d_latent_pixel_selector"]
                )
            if type(values["num_latent_pixel_selector_layers"]) is float:
                values["num_latent_pixel_selector_layers"] = integral(
                    values["num_latent_pixel_selector_layers"]
                )
            if type(values["d_decider"]) is float:
                values["d_decider"] = integral(values["d_decider"])
            if type(values["num_decider_layers"]) is float:
                values["num_decider_layers"] = integral(values["num_decider_layers"])
            if type(values["d_linear_message_selector"]) is float:
                values["d_linear_message_selector"] = integral(
                    values["d_linear_message_selector"]
                )
            if type(values["num_linear_message_selector_layers"]) is float:
                values["num_linear_message_selector_layers"] = integral(
                    values["num_linear_message_selector_layers"]
                )
            if type(values["d_value"]) is float:
                values["d_value"] = integral(values["d_value"])
            if type(values["num_value_layers"]) is float:
                values["num_value_layers"] = integral(values["num_value_layers"])
        values["agent_lr_factor"] = LrFactors._from_checked_dict(
            values["agent_lr_factor"] or {}
        )
        values["body_lr_factor"] = LrFactors._from_checked_dict(
            values["body_lr_factor"] or {}
        )
        if type(values["update_schedule"]) is dict:
            values["update_schedule"] = AgentUpdateSchedule.from_checked_dict(
                values["update_schedule"]
            )
        if "checkpoint_entity" not in data:
            values["checkpoint_entity"] = env_value("WANDB_ENTITY", "")
        if "checkpoint_project" not in data:
            values["checkpoint_project"] = env_value("WANDB_PROJECT", "")
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "agent_lr_factor": dump_value(self.agent_lr_factor),
            "body_lr_factor": dump_value(self.body_lr_factor),
            "update_schedule": dump_value(self.update_schedule),
            "use_manual_architecture": self.use_manual_architecture,
            "normalize_message_history": self.normalize_message_history,
            "load_checkpoint_and_parameters": self.load_checkpoint_and_parameters,
            "checkpoint_entity": self.checkpoint_entity,
            "checkpoint_project": self.checkpoint_project,
            "checkpoint_run_id": self.checkpoint_run_id,
            "checkpoint_version": self.checkpoint_version,
            "use_orthogonal_initialisation": self.use_orthogonal_initialisation,
            "orthogonal_initialisation_gain": self.orthogonal_initialisation_gain,
            "activation_function": self.activation_function,
            "building_block_type": self.building_block_type,
            "num_blocks_per_group": self.num_blocks_per_group,
            "kernel_size": self.kernel_size,
            "stride": self.stride,
            "pretrained_embeddings_model": self.pretrained_embeddings_model,
            "pretrained_embedding_channels": self.pretrained_embedding_channels,
            "d_latent_pixel_selector": self.d_latent_pixel_selector,
            "num_latent_pixel_selector_layers": self.num_latent_pixel_selector_layers,
            "d_decider": self.d_decider,
            "num_decider_layers": self.num_decider_layers,
            "include_round_in_decider": self.include_round_in_decider,
            "d_linear_message_selector": self.d_linear_message_selector,
            "num_linear_message_selector_layers": self.num_linear_message_selector_layers,
            "d_value": self.d_value,
            "num_value_layers": self.num_value_layers,
            "include_round_in_value": self.include_round_in_value,
        }


ImageClassificationAgentParameters._FIELD_DEFAULTS = field_defaults(
    ImageClassificationAgentParameters
)


@dataclass
class PureTextAgentParameters(AgentParameters):
    """An agent backed by a text model behind an API: which model, how it samples, and how it
    is fine-tuned.

    Parameters
    ----------
    model_provider : Literal['OpenAI']
        Which API vendor serves the model (only OpenAI).
    model_name : str
        Model identifier at the provider.
    use_dummy_api : bool
        Use a fake offline API (for tests) instead of real calls.
    shared_model_group : str | None
        Agents with the same group name share one model and its fine-tuning; null means the
        agent's own group.
    temperature : float | None
        Sampling temperature; null leaves the provider default. Range: ≥ 0.
    top_p : float | None
        Nucleus-sampling cutoff; null leaves the provider default. Range: ≥ 0 and ≤ 1.
    fine_tune_from_scratch : bool
        Restart fine-tuning from the base model every iteration rather than continuing.
    freeze_agent : bool
        Never fine-tune this agent.
    max_response_words : int
        Word limit stated to the model in its system prompt. Range: ≥ 0.
    max_tokens_per_message : int | None
        Hard token cap per generated message; null derives it from the word limit. Range: ≥
        0.
    num_invalid_generation_retries : int
        How often to retry when the model's reply is unusable. Range: ≥ 0.
    """

    TEST_PARAMETERS: ClassVar[dict[str, Any]] = {"use_dummy_api": True}
    model_provider: Literal["OpenAI"] = "OpenAI"
    """Which API vendor serves the model (only OpenAI).

    Default: `'OpenAI'`.
    """
    model_name: str = "gpt-4o-mini-2024-07-18"
    """Model identifier at the provider.

    Default: `'gpt-4o-mini-2024-07-18'`.
    """
    use_dummy_api: bool = False
    """Use a fake offline API (for tests) instead of real calls.

    Default: `False`.
    """
    shared_model_group: str | None = None
    """Agents with the same group name share one model and its fine-tuning; null means the
    agent's own group.

    Default: `None`.
    """
    temperature: float | None = None
    """Sampling temperature; null leaves the provider default.

    Range: ≥ 0.

    Default: `None`.
    """
    top_p: float | None = None
    """Nucleus-sampling cutoff; null leaves the provider default.

    Range: ≥ 0 and ≤ 1.

    Default: `None`.
    """
    fine_tune_from_scratch: bool = True
    """Restart fine-tuning from the base model every iteration rather than continuing.

    Default: `True`.
    """
    freeze_agent: bool = False
    """Never fine-tune this agent.

    Default: `False`.
    """
    max_response_words: int = 150
    """Word limit stated to the model in its system prompt.

    Range: ≥ 0.

    Default: `150`.
    """
    max_tokens_per_message: int | None = None
    """Hard token cap per generated message; null derives it from the word limit.

    Range: ≥ 0.

    Default: `None`.
    """
    num_invalid_generation_retries: int = 20
    """How often to retry when the model's reply is unusable.

    Range: ≥ 0.

    Default: `20`.
    """

    def __init__(
        self,
        agent_lr_factor: LrFactors | dict[str, Any] | None = None,
        body_lr_factor: LrFactors | dict[str, Any] | None = None,
        update_schedule: AgentUpdateSchedule | dict[str, Any] = FIELD_DEFAULT,
        use_manual_architecture: bool = False,
        normalize_message_history: bool = False,
        load_checkpoint_and_parameters: bool = False,
        checkpoint_entity: str = FIELD_DEFAULT,
        checkpoint_project: str = FIELD_DEFAULT,
        checkpoint_run_id: str | None = None,
        checkpoint_version: str = "latest",
        use_orthogonal_initialisation: bool = True,
        orthogonal_initialisation_gain: float = 1.0,
        model_provider: Literal["OpenAI"] = "OpenAI",
        model_name: str = "gpt-4o-mini-2024-07-18",
        use_dummy_api: bool = False,
        shared_model_group: str | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        fine_tune_from_scratch: bool = True,
        freeze_agent: bool = False,
        max_response_words: int = 150,
        max_tokens_per_message: int | None = None,
        num_invalid_generation_retries: int = 20,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "agent_lr_factor": agent_lr_factor,
                "body_lr_factor": body_lr_factor,
                "update_schedule": self._FIELD_DEFAULTS["update_schedule"]
                if update_schedule is FIELD_DEFAULT
                else update_schedule,
                "use_manual_architecture": use_manual_architecture,
                "normalize_message_history": normalize_message_history,
                "load_checkpoint_and_parameters": load_checkpoint_and_parameters,
                "checkpoint_entity": env_value("WANDB_ENTITY", "")
                if checkpoint_entity is FIELD_DEFAULT
                else checkpoint_entity,
                "checkpoint_project": env_value("WANDB_PROJECT", "")
                if checkpoint_project is FIELD_DEFAULT
                else checkpoint_project,
                "checkpoint_run_id": checkpoint_run_id,
                "checkpoint_version": checkpoint_version,
                "use_orthogonal_initialisation": use_orthogonal_initialisation,
                "orthogonal_initialisation_gain": orthogonal_initialisation_gain,
                "model_provider": model_provider,
                "model_name": model_name,
                "use_dummy_api": use_dummy_api,
                "shared_model_group": shared_model_group,
                "temperature": temperature,
                "top_p": top_p,
                "fine_tune_from_scratch": fine_tune_from_scratch,
                "freeze_agent": freeze_agent,
                "max_response_words": max_response_words,
                "max_tokens_per_message": max_tokens_per_message,
                "num_invalid_generation_retries": num_invalid_generation_retries,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            values.pop("is_random", None)
            if len(values) > 23:
                drop_extra_keys(cls, values)
            if type(values["max_response_words"]) is float:
                values["max_response_words"] = integral(values["max_response_words"])
            if type(values["max_tokens_per_message"]) is float:
                values["max_tokens_per_message"] = integral(
                    values["max_tokens_per_message"]
                )
            if type(values["num_invalid_generation_retries"]) is float:
                values["num_invalid_generation_retries"] = integral(
                    values["num_invalid_generation_retries"]
                )
        values["agent_lr_factor"] = LrFactors._from_checked_dict(
            values["agent_lr_factor"] or {}
        )
        values["body_lr_factor"] = LrFactors._from_checked_dict(
            values["body_lr_factor"] or {}
        )
        if type(values["update_schedule"]) is dict:
            values["update_schedule"] = AgentUpdateSchedule.from_checked_dict(
                values["update_schedule"]
            )
        if "checkpoint_entity" not in data:
            values["checkpoint_entity"] = env_value("WANDB_ENTITY", "")
        if "checkpoint_project" not in data:
            values["checkpoint_project"] = env_value("WANDB_PROJECT", "")
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "agent_lr_factor": dump_value(self.agent_lr_factor),
            "body_lr_factor": dump_value(self.body_lr_factor),
            "update_schedule": dump_value(self.update_schedule),
            "use_manual_architecture": self.use_manual_architecture,
            "normalize_message_history": self.normalize_message_history,
            "load_checkpoint_and_parameters": self.load_checkpoint_and_parameters,
            "checkpoint_entity": self.checkpoint_entity,
            "checkpoint_project": self.checkpoint_project,
            "checkpoint_run_id": self.checkpoint_run_id,
            "checkpoint_version": self.checkpoint_version,
            "use_orthogonal_initialisation": self.use_orthogonal_initialisation,
            "orthogonal_initialisation_gain": self.orthogonal_initialisation_gain,
            "model_provider": self.model_provider,
            "model_name": self.model_name,
            "use_dummy_api": self.use_dummy_api,
            "shared_model_group": self.shared_model_group,
            "temperature": self.temperature,
            "top_p": self.top_p,
            "fine_tune_from_scratch": self.fine_tune_from_scratch,
            "freeze_agent": self.freeze_agent,
            "max_response_words": self.max_response_words,
            "max_tokens_per_message": self.max_tokens_per_message,
            "num_invalid_generation_retries": self.num_invalid_generation_retries,
        }


PureTextAgentParameters._FIELD_DEFAULTS = field_defaults(PureTextAgentParameters)


@register_parameter_class
@dataclass
class CodeValidationAgentParameters(PureTextAgentParameters):
    """An agent for the code-validation scenario. It has exactly the settings of a text-model
    agent.
    """

    def __init__(
        self,
        agent_lr_factor: LrFactors | dict[str, Any] | None = None,
        body_lr_factor: LrFactors | dict[str, Any] | None = None,
        update_schedule: AgentUpdateSchedule | dict[str, Any] = FIELD_DEFAULT,
        use_manual_architecture: bool = False,
        normalize_message_history: bool = False,
        load_checkpoint_and_parameters: bool = False,
        checkpoint_entity: str = FIELD_DEFAULT,
        checkpoint_project: str = FIELD_DEFAULT,
        checkpoint_run_id: str | None = None,
        checkpoint_version: str = "latest",
        use_orthogonal_initialisation: bool = True,
        orthogonal_initialisation_gain: float = 1.0,
        model_provider: Literal["OpenAI"] = "OpenAI",
        model_name: str = "gpt-4o-mini-2024-07-18",
        use_dummy_api: bool = False,
        shared_model_group: str | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        fine_tune_from_scratch: bool = True,
        freeze_agent: bool = False,
        max_response_words: int = 150,
        max_tokens_per_message: int | None = None,
        num_invalid_generation_retries: int = 20,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "agent_lr_factor": agent_lr_factor,
                "body_lr_factor": body_lr_factor,
                "update_schedule": self._FIELD_DEFAULTS["update_schedule"]
                if update_schedule is FIELD_DEFAULT
                else update_schedule,
                "use_manual_architecture": use_manual_architecture,
                "normalize_message_history": normalize_message_history,
                "load_checkpoint_and_parameters": load_checkpoint_and_parameters,
                "checkpoint_entity": env_value("WANDB_ENTITY", "")
                if checkpoint_entity is FIELD_DEFAULT
                else checkpoint_entity,
                "checkpoint_project": env_value("WANDB_PROJECT", "")
                if checkpoint_project is FIELD_DEFAULT
                else checkpoint_project,
                "checkpoint_run_id": checkpoint_run_id,
                "checkpoint_version": checkpoint_version,
                "use_orthogonal_initialisation": use_orthogonal_initialisation,
                "orthogonal_initialisation_gain": orthogonal_initialisation_gain,
                "model_provider": model_provider,
                "model_name": model_name,
                "use_dummy_api": use_dummy_api,
                "shared_model_group": shared_model_group,
                "temperature": temperature,
                "top_p": top_p,
                "fine_tune_from_scratch": fine_tune_from_scratch,
                "freeze_agent": freeze_agent,
                "max_response_words": max_response_words,
                "max_tokens_per_message": max_tokens_per_message,
                "num_invalid_generation_retries": num_invalid_generation_retries,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            values.pop("is_random", None)
            if len(values) > 23:
                drop_extra_keys(cls, values)
            if type(values["max_response_words"]) is float:
                values["max_response_words"] = integral(values["max_response_words"])
            if type(values["max_tokens_per_message"]) is float:
                values["max_tokens_per_message"] = integral(
                    values["max_tokens_per_message"]
                )
            if type(values["num_invalid_generation_retries"]) is float:
                values["num_invalid_generation_retries"] = integral(
                    values["num_invalid_generation_retries"]
                )
        values["agent_lr_factor"] = LrFactors._from_checked_dict(
            values["agent_lr_factor"] or {}
        )
        values["body_lr_factor"] = LrFactors._from_checked_dict(
            values["body_lr_factor"] or {}
        )
        if type(values["update_schedule"]) is dict:
            values["update_schedule"] = AgentUpdateSchedule.from_checked_dict(
                values["update_schedule"]
            )
        if "checkpoint_entity" not in data:
            values["checkpoint_entity"] = env_value("WANDB_ENTITY", "")
        if "checkpoint_project" not in data:
            values["checkpoint_project"] = env_value("WANDB_PROJECT", "")
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj


CodeValidationAgentParameters._FIELD_DEFAULTS = field_defaults(
    CodeValidationAgentParameters
)


# Written by hand in the runtime; registered here, so that the registry keeps nip's order.
register_parameter_value_class(AgentsParameters)
