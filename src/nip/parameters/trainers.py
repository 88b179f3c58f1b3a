# Generated from schema/1.0/trainers.json by `make generate`. Do not edit.
"""Parameters for the various ML trainers."""

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from ._objects import (
    BUILT_FROM_NONE,
    BaseRunPreserve,
    SubParameters,
    drop_extra_keys,
    dump_value,
    field_defaults,
    fixed_container,
    integral,
    register_parameter_class,
)
from .agents import (
    LrFactors,
)
from .types import IhvpVariantType, PpoLossType, SpgVariantType, TestSchemeType

__all__ = [
    "CommonPpoParameters",
    "PureTextEiParameters",
    "PureTextMaltParameters",
    "ReinforceParameters",
    "RlTrainerParameters",
    "SoloAgentParameters",
    "SpgParameters",
    "TextRlParameters",
    "VanillaPpoParameters",
]


@register_parameter_class
@dataclass
class RlTrainerParameters(SubParameters):
    """Settings common to every reinforcement-learning trainer.

    Parameters
    ----------
    frames_per_batch : int | None
        Environment steps collected per iteration; null derives it from
        rollouts_per_iteration. Range: ≥ 1.
    rollouts_per_iteration : int | None
        Rollouts per iteration when frames_per_batch is null; null means the dataset size.
        Range: ≥ 0.
    steps_per_env_per_iteration : int | None
        Steps each parallel environment runs per iteration; null means max_message_rounds.
        Range: ≥ 0.
    num_iterations : int
        Number of collect-then-train iterations. Range: ≥ 0.
    num_epochs : int
        Optimisation passes over each iteration's batch. Range: ≥ 0.
    minibatch_size : int
        Minibatch size for each optimiser step. Range: ≥ 1.
    lr : float
        Base learning rate. Range: ≥ 0.
    anneal_lr : bool
        Decrease the learning rate linearly during training.
    max_grad_norm : float
        Gradient-norm clipping threshold. Range: ≥ 0.
    loss_critic_type : str
        Critic loss form (free string; e.g. l1, l2, smooth_l1).
    clip_value : float | bool | None
        Value-prediction clipping, as a float threshold; true reuses clip_epsilon, false or
        null means none. Range: ≥ 0.
    normalize_observations : bool
        Standardise environment observations.
    num_normalization_steps : int
        Random-action steps used to estimate observation statistics. Range: ≥ 0.
    gamma : float
        Discount factor. Range: ≥ 0 and ≤ 1.
    lmbda : float
        GAE lambda. Range: ≥ 0 and ≤ 1.
    body_lr_factor : LrFactors
        Learning-rate multiplier for agent bodies applied by the trainer.
    use_shared_body : bool
        Actor and critic share one body network.
    num_test_iterations : Annotated[int, BaseRunPreserve('rerun_tests')]
        Iterations run during testing (kept from the current run when re-running tests).
        Range: ≥ 0.
    """

    frames_per_batch: int | None = 1000
    """Environment steps collected per iteration; null derives it from
    rollouts_per_iteration.

    Range: ≥ 1.

    Default: `1000`.
    """
    rollouts_per_iteration: int | None = None
    """Rollouts per iteration when frames_per_batch is null; null means the dataset size.

    Range: ≥ 0.

    Default: `None`.
    """
    steps_per_env_per_iteration: int | None = None
    """Steps each parallel environment runs per iteration; null means max_message_rounds.

    Range: ≥ 0.

    Default: `None`.
    """
    num_iterations: int = 1000
    """Number of collect-then-train iterations.

    Range: ≥ 0.

    Default: `1000`.
    """
    num_epochs: int = 4
    """Optimisation passes over each iteration's batch.

    Range: ≥ 0.

    Default: `4`.
    """
    minibatch_size: int = 64
    """Minibatch size for each optimiser step.

    Range: ≥ 1.

    Default: `64`.
    """
    lr: float = 0.003
    """Base learning rate.

    Range: ≥ 0.

    Default: `0.003`.
    """
    anneal_lr: bool = False
    """Decrease the learning rate linearly during training.

    Default: `False`.
    """
    max_grad_norm: float = 1.0
    """Gradient-norm clipping threshold.

    Range: ≥ 0.

    Default: `1.0`.
    """
    loss_critic_type: str = "smooth_l1"
    """Critic loss form (free string; e.g. l1, l2, smooth_l1).

    Default: `'smooth_l1'`.
    """
    clip_value: float | bool | None = False
    """Value-prediction clipping, as a float threshold; true reuses clip_epsilon, false or
    null means none.

    Range: ≥ 0.

    Default: `False`.
    """
    normalize_observations: bool = True
    """Standardise environment observations.

    Default: `True`.
    """
    num_normalization_steps: int = 1000
    """Random-action steps used to estimate observation statistics.

    Range: ≥ 0.

    Default: `1000`.
    """
    gamma: float = 0.9
    """Discount factor.

    Range: ≥ 0 and ≤ 1.

    Default: `0.9`.
    """
    lmbda: float = 0.95
    """GAE lambda.

    Range: ≥ 0 and ≤ 1.

    Default: `0.95`.
    """
    body_lr_factor: LrFactors = field(
        default=BUILT_FROM_NONE, metadata={"nip_class": LrFactors}
    )
    """Learning-rate multiplier for agent bodies applied by the trainer.

    Default: the group's defaults (`None` builds them).
    Accepts: `LrFactors | dict[str, Any] | None`.
    """
    use_shared_body: bool = True
    """Actor and critic share one body network.

    Default: `True`.
    """
    num_test_iterations: Annotated[int, BaseRunPreserve("rerun_tests")] = 10
    """Iterations run during testing (kept from the current run when re-running tests).

    Range: ≥ 0.

    Default: `10`.
    Accepts: `int`.
    """

    def __init__(
        self,
        frames_per_batch: int | None = 1000,
        rollouts_per_iteration: int | None = None,
        steps_per_env_per_iteration: int | None = None,
        num_iterations: int = 1000,
        num_epochs: int = 4,
        minibatch_size: int = 64,
        lr: float = 0.003,
        anneal_lr: bool = False,
        max_grad_norm: float = 1.0,
        loss_critic_type: str = "smooth_l1",
        clip_value: float | bool | None = False,
        normalize_observations: bool = True,
        num_normalization_steps: int = 1000,
        gamma: float = 0.9,
        lmbda: float = 0.95,
        body_lr_factor: LrFactors | dict[str, Any] | None = None,
        use_shared_body: bool = True,
        num_test_iterations: int = 10,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "frames_per_batch": frames_per_batch,
                "rollouts_per_iteration": rollouts_per_iteration,
                "steps_per_env_per_iteration": steps_per_env_per_iteration,
                "num_iterations": num_iterations,
                "num_epochs": num_epochs,
                "minibatch_size": minibatch_size,
                "lr": lr,
                "anneal_lr": anneal_lr,
                "max_grad_norm": max_grad_norm,
                "loss_critic_type": loss_critic_type,
                "clip_value": clip_value,
                "normalize_observations": normalize_observations,
                "num_normalization_steps": num_normalization_steps,
                "gamma": gamma,
                "lmbda": lmbda,
                "body_lr_factor": body_lr_factor,
                "use_shared_body": use_shared_body,
                "num_test_iterations": num_test_iterations,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 18:
                drop_extra_keys(cls, values)
            if type(values["frames_per_batch"]) is float:
                values["frames_per_batch"] = integral(values["frames_per_batch"])
            if type(values["rollouts_per_iteration"]) is float:
                values["rollouts_per_iteration"] = integral(
                    values["rollouts_per_iteration"]
                )
            if type(values["steps_per_env_per_iteration"]) is float:
                values["steps_per_env_per_iteration"] = integral(
                    values["steps_per_env_per_iteration"]
                )
            if type(values["num_iterations"]) is float:
                values["num_iterations"] = integral(values["num_iterations"])
            if type(values["num_epochs"]) is float:
                values["num_epochs"] = integral(values["num_epochs"])
            if type(values["minibatch_size"]) is float:
                values["minibatch_size"] = integral(values["minibatch_size"])
            if type(values["num_normalization_steps"]) is float:
                values["num_normalization_steps"] = integral(
                    values["num_normalization_steps"]
                )
            if type(values["num_test_iterations"]) is float:
                values["num_test_iterations"] = integral(values["num_test_iterations"])
        values["body_lr_factor"] = LrFactors._from_checked_dict(
            values["body_lr_factor"] or {}
        )
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "frames_per_batch": self.frames_per_batch,
            "rollouts_per_iteration": self.rollouts_per_iteration,
            "steps_per_env_per_iteration": self.steps_per_env_per_iteration,
            "num_iterations": self.num_iterations,
            "num_epochs": self.num_epochs,
            "minibatch_size": self.minibatch_size,
            "lr": self.lr,
            "anneal_lr": self.anneal_lr,
            "max_grad_norm": self.max_grad_norm,
            "loss_critic_type": self.loss_critic_type,
            "clip_value": self.clip_value,
            "normalize_observations": self.normalize_observations,
            "num_normalization_steps": self.num_normalization_steps,
            "gamma": self.gamma,
            "lmbda": self.lmbda,
            "body_lr_factor": dump_value(self.body_lr_factor),
            "use_shared_body": self.use_shared_body,
            "num_test_iterations": self.num_test_iterations,
        }


RlTrainerParameters._FIELD_DEFAULTS = field_defaults(RlTrainerParameters)


@register_parameter_class
@dataclass
class CommonPpoParameters(SubParameters):
    """Settings common to the PPO-based trainers.

    Parameters
    ----------
    loss_type : PpoLossType
        PPO objective variant.
    clip_epsilon : float
        Clip range for the clipped objective. Range: ≥ 0.
    kl_target : float
        Target KL for the KL-penalty objective. Range: ≥ 0.
    kl_beta : float
        Starting weight of the KL penalty.
    kl_decrement : float
        Factor by which the KL weight shrinks.
    kl_increment : float
        Factor by which the KL weight grows.
    critic_coef : float
        Weight of the critic loss.
    entropy_eps : float
        Weight of the entropy bonus.
    normalize_advantage : bool
        Standardise advantages before the loss.
    """

    loss_type: PpoLossType = "clip"
    """PPO objective variant.

    Default: `'clip'`.
    """
    clip_epsilon: float = 0.2
    """Clip range for the clipped objective.

    Range: ≥ 0.

    Default: `0.2`.
    """
    kl_target: float = 0.01
    """Target KL for the KL-penalty objective.

    Range: ≥ 0.

    Default: `0.01`.
    """
    kl_beta: float = 1.0
    """Starting weight of the KL penalty.

    Default: `1.0`.
    """
    kl_decrement: float = 0.5
    """Factor by which the KL weight shrinks.

    Default: `0.5`.
    """
    kl_increment: float = 2.0
    """Factor by which the KL weight grows.

    Default: `2.0`.
    """
    critic_coef: float = 1.0
    """Weight of the critic loss.

    Default: `1.0`.
    """
    entropy_eps: float = 0.001
    """Weight of the entropy bonus.

    Default: `0.001`.
    """
    normalize_advantage: bool = True
    """Standardise advantages before the loss.

    Default: `True`.
    """

    def __init__(
        self,
        loss_type: PpoLossType = "clip",
        clip_epsilon: float = 0.2,
        kl_target: float = 0.01,
        kl_beta: float = 1.0,
        kl_decrement: float = 0.5,
        kl_increment: float = 2.0,
        critic_coef: float = 1.0,
        entropy_eps: float = 0.001,
        normalize_advantage: bool = True,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "loss_type": loss_type,
                "clip_epsilon": clip_epsilon,
                "kl_target": kl_target,
                "kl_beta": kl_beta,
                "kl_decrement": kl_decrement,
                "kl_increment": kl_increment,
                "critic_coef": critic_coef,
                "entropy_eps": entropy_eps,
                "normalize_advantage": normalize_advantage,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 9:
                drop_extra_keys(cls, values)
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "loss_type": self.loss_type,
            "clip_epsilon": self.clip_epsilon,
            "kl_target": self.kl_target,
            "kl_beta": self.kl_beta,
            "kl_decrement": self.kl_decrement,
            "kl_increment": self.kl_increment,
            "critic_coef": self.critic_coef,
            "entropy_eps": self.entropy_eps,
            "normalize_advantage": self.normalize_advantage,
        }


CommonPpoParameters._FIELD_DEFAULTS = field_defaults(CommonPpoParameters)


@register_parameter_class
@dataclass
class VanillaPpoParameters(SubParameters):
    """Settings of the vanilla PPO trainer, in which every agent learns on its own. It has none
    of its own yet.
    """

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 0:
                drop_extra_keys(cls, values)
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj


VanillaPpoParameters._FIELD_DEFAULTS = field_defaults(VanillaPpoParameters)


@register_parameter_class
@dataclass
class SpgParameters(SubParameters):
    """Settings of Stackelberg policy gradient and its variants (LOLA, POLA, SOS, PSOS).

    Parameters
    ----------
    variant : SpgVariantType
        Which Stackelberg / opponent-shaping algorithm to use.
    stackelberg_sequence : tuple[tuple[str, ...], ...] | None
        Ordered groups of agent names, leaders first; null lets the protocol decide.
    additional_lola_term : bool
        Add the extra term that matches later LOLA formulations.
    sos_scaling_factor : float
        SOS scaling factor (called sos_a_param before 1.0).
    sos_threshold_factor : float
        SOS threshold factor (called sos_b_param before 1.0).
    ihvp_variant : IhvpVariantType
        Method for approximating inverse-Hessian-vector products.
    ihvp_num_iterations : int
        Iterations of the IHVP approximation. Range: ≥ 0.
    ihvp_rank : int
        Rank used by the IHVP approximation. Range: ≥ 0.
    ihvp_rho : float
        Damping used by the IHVP approximation.
    """

    variant: SpgVariantType = "psos"
    """Which Stackelberg / opponent-shaping algorithm to use.

    Default: `'psos'`.
    """
    stackelberg_sequence: tuple[tuple[str, ...], ...] | None = None
    """Ordered groups of agent names, leaders first; null lets the protocol decide.

    Default: `None`.
    """
    additional_lola_term: bool = True
    """Add the extra term that matches later LOLA formulations.

    Default: `True`.
    """
    sos_scaling_factor: float = 0.5
    """SOS scaling factor (called sos_a_param before 1.0).

    Default: `0.5`.
    """
    sos_threshold_factor: float = 0.1
    """SOS threshold factor (called sos_b_param before 1.0).

    Default: `0.1`.
    """
    ihvp_variant: IhvpVariantType = "nystrom"
    """Method for approximating inverse-Hessian-vector products.

    Default: `'nystrom'`.
    """
    ihvp_num_iterations: int = 5
    """Iterations of the IHVP approximation.

    Range: ≥ 0.

    Default: `5`.
    """
    ihvp_rank: int = 5
    """Rank used by the IHVP approximation.

    Range: ≥ 0.

    Default: `5`.
    """
    ihvp_rho: float = 0.1
    """Damping used by the IHVP approximation.

    Default: `0.1`.
    """

    def __init__(
        self,
        variant: SpgVariantType = "psos",
        stackelberg_sequence: tuple[tuple[str, ...], ...] | None = None,
        additional_lola_term: bool = True,
        sos_scaling_factor: float = 0.5,
        sos_threshold_factor: float = 0.1,
        ihvp_variant: IhvpVariantType = "nystrom",
        ihvp_num_iterations: int = 5,
        ihvp_rank: int = 5,
        ihvp_rho: float = 0.1,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "variant": variant,
                "stackelberg_sequence": stackelberg_sequence,
                "additional_lola_term": additional_lola_term,
                "sos_scaling_factor": sos_scaling_factor,
                "sos_threshold_factor": sos_threshold_factor,
                "ihvp_variant": ihvp_variant,
                "ihvp_num_iterations": ihvp_num_iterations,
                "ihvp_rank": ihvp_rank,
                "ihvp_rho": ihvp_rho,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 9:
                drop_extra_keys(cls, values)
            if (
                type(values["stackelberg_sequence"]) is list
                or type(values["stackelberg_sequence"]) is dict
            ):
                values["stackelberg_sequence"] = fixed_container(
                    cls, "stackelberg_sequence", values["stackelberg_sequence"]
                )
            if type(values["ihvp_num_iterations"]) is float:
                values["ihvp_num_iterations"] = integral(values["ihvp_num_iterations"])
            if type(values["ihvp_rank"]) is float:
                values["ihvp_rank"] = integral(values["ihvp_rank"])
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "variant": self.variant,
            "stackelberg_sequence": self.stackelberg_sequence,
            "additional_lola_term": self.additional_lola_term,
            "sos_scaling_factor": self.sos_scaling_factor,
            "sos_threshold_factor": self.sos_threshold_factor,
            "ihvp_variant": self.ihvp_variant,
            "ihvp_num_iterations": self.ihvp_num_iterations,
            "ihvp_rank": self.ihvp_rank,
            "ihvp_rho": self.ihvp_rho,
        }


SpgParameters._FIELD_DEFAULTS = field_defaults(SpgParameters)


@register_parameter_class
@dataclass
class ReinforceParameters(SubParameters):
    """Settings of the REINFORCE trainer.

    Parameters
    ----------
    use_advantage_and_critic : bool
        Train a critic and use advantages instead of plain reward-to-go.
    """

    use_advantage_and_critic: bool = False
    """Train a critic and use advantages instead of plain reward-to-go.

    Default: `False`.
    """

    def __init__(
        self,
        use_advantage_and_critic: bool = False,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "use_advantage_and_critic": use_advantage_and_critic,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 1:
                drop_extra_keys(cls, values)
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "use_advantage_and_critic": self.use_advantage_and_critic,
        }


ReinforceParameters._FIELD_DEFAULTS = field_defaults(ReinforceParameters)


@register_parameter_class
@dataclass
class SoloAgentParameters(SubParameters):
    """Settings for training one agent alone with supervision, used by the `solo_agent` trainer
    and for pretraining.

    Parameters
    ----------
    num_epochs : int
        Supervised training epochs. Range: ≥ 0.
    batch_size : int
        Supervised batch size. Range: ≥ 1.
    learning_rate : float
        Supervised learning rate. Range: ≥ 0.
    body_lr_factor_override : bool
        Ignore body learning-rate factors (treat them as 1) during this training.
    """

    num_epochs: int = 100
    """Supervised training epochs.

    Range: ≥ 0.

    Default: `100`.
    """
    batch_size: int = 256
    """Supervised batch size.

    Range: ≥ 1.

    Default: `256`.
    """
    learning_rate: float = 0.001
    """Supervised learning rate.

    Range: ≥ 0.

    Default: `0.001`.
    """
    body_lr_factor_override: bool = False
    """Ignore body learning-rate factors (treat them as 1) during this training.

    Default: `False`.
    """

    def __init__(
        self,
        num_epochs: int = 100,
        batch_size: int = 256,
        learning_rate: float = 0.001,
        body_lr_factor_override: bool = False,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "num_epochs": num_epochs,
                "batch_size": batch_size,
                "learning_rate": learning_rate,
                "body_lr_factor_override": body_lr_factor_override,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 4:
                drop_extra_keys(cls, values)
            if type(values["num_epochs"]) is float:
                values["num_epochs"] = integral(values["num_epochs"])
            if type(values["batch_size"]) is float:
                values["batch_size"] = integral(values["batch_size"])
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "num_epochs": self.num_epochs,
            "batch_size": self.batch_size,
            "learning_rate": self.learning_rate,
            "body_lr_factor_override": self.body_lr_factor_override,
        }


SoloAgentParameters._FIELD_DEFAULTS = field_defaults(SoloAgentParameters)


@register_parameter_class
@dataclass
class TextRlParameters(SubParameters):
    """Settings common to the trainers of text-model agents.

    Parameters
    ----------
    fine_tune_on_all_previous_rollouts : bool
        Fine-tune on rollouts from all past iterations, not just the latest.
    verifier_guess_replacement_proportion : float
        Share of rollouts whose final verifier guess is swapped for the true label before
        fine-tuning. Range: ≥ 0 and ≤ 1.
    verifier_guess_replacement_annealing : Literal['none', 'linear', 'exponential']
        How that share decays over iterations.
    verifier_guess_replacement_annealing_rate : float
        Rate used by the decay.
    save_transcripts : bool
        Also write human-readable transcripts of rollouts.
    transcript_format : Literal['json', 'yaml']
        File format for transcripts.
    test_scheme : Annotated[TestSchemeType, BaseRunPreserve('rerun_tests')]
        On which iterations the test loop runs (kept from the current run when re-running
        tests).
    test_on_whole_dataset : Annotated[bool, BaseRunPreserve('rerun_tests')]
        Test on the full dataset rather than one iteration's worth (kept when re-running
        tests).
    """

    fine_tune_on_all_previous_rollouts: bool = False
    """Fine-tune on rollouts from all past iterations, not just the latest.

    Default: `False`.
    """
    verifier_guess_replacement_proportion: float = 0.0
    """Share of rollouts whose final verifier guess is swapped for the true label before
    fine-tuning.

    Range: ≥ 0 and ≤ 1.

    Default: `0.0`.
    """
    verifier_guess_replacement_annealing: Literal["none", "linear", "exponential"] = (
        "none"
    )
    """How that share decays over iterations.

    Default: `'none'`.
    """
    verifier_guess_replacement_annealing_rate: float = 0.1
    """Rate used by the decay.

    Default: `0.1`.
    """
    save_transcripts: bool = True
    """Also write human-readable transcripts of rollouts.

    Default: `True`.
    """
    transcript_format: Literal["json", "yaml"] = "yaml"
    """File format for transcripts.

    Default: `'yaml'`.
    """
    test_scheme: Annotated[TestSchemeType, BaseRunPreserve("rerun_tests")] = "none"
    """On which iterations the test loop runs (kept from the current run when re-running
    tests).

    Default: `'none'`.
    Accepts: `TestSchemeType`.
    """
    test_on_whole_dataset: Annotated[bool, BaseRunPreserve("rerun_tests")] = True
    """Test on the full dataset rather than one iteration's worth (kept when re-running
    tests).

    Default: `True`.
    Accepts: `bool`.
    """

    def __init__(
        self,
        fine_tune_on_all_previous_rollouts: bool = False,
        verifier_guess_replacement_proportion: float = 0.0,
        verifier_guess_replacement_annealing: Literal[
            "none", "linear", "exponential"
        ] = "none",
        verifier_guess_replacement_annealing_rate: float = 0.1,
        save_transcripts: bool = True,
        transcript_format: Literal["json", "yaml"] = "yaml",
        test_scheme: TestSchemeType = "none",
        test_on_whole_dataset: bool = True,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "fine_tune_on_all_previous_rollouts": fine_tune_on_all_previous_rollouts,
                "verifier_guess_replacement_proportion": verifier_guess_replacement_proportion,
                "verifier_guess_replacement_annealing": verifier_guess_replacement_annealing,
                "verifier_guess_replacement_annealing_rate": verifier_guess_replacement_annealing_rate,
                "save_transcripts": save_transcripts,
                "transcript_format": transcript_format,
                "test_scheme": test_scheme,
                "test_on_whole_dataset": test_on_whole_dataset,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 8:
                drop_extra_keys(cls, values)
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "fine_tune_on_all_previous_rollouts": self.fine_tune_on_all_previous_rollouts,
            "verifier_guess_replacement_proportion": self.verifier_guess_replacement_proportion,
            "verifier_guess_replacement_annealing": self.verifier_guess_replacement_annealing,
            "verifier_guess_replacement_annealing_rate": self.verifier_guess_replacement_annealing_rate,
            "save_transcripts": self.save_transcripts,
            "transcript_format": self.transcript_format,
            "test_scheme": self.test_scheme,
            "test_on_whole_dataset": self.test_on_whole_dataset,
        }


TextRlParameters._FIELD_DEFAULTS = field_defaults(TextRlParameters)


@register_parameter_class
@dataclass
class PureTextEiParameters(SubParameters):
    """Settings of the expert-iteration trainer for text-model agents.

    Parameters
    ----------
    rollout_selection_method : Literal['threshold', 'weighted_sampling']
        How rollouts are chosen for the fine-tuning set.
    reward_threshold : float
        Minimum reward for a rollout to be kept (threshold method).
    weighting_sample_size_factor : float
        Sample count as a multiple of the rollout count (weighted method). Range: ≥ 0.
    weighting_minimum : float | None
        Floor applied to rewards before using them as weights; null for none.
    weighting_use_replacement : bool
        Sample with replacement (weighted method).
    weighting_epsilon : float
        Smoothing mass added to the normalised weights (weighted method).
    """

    rollout_selection_method: Literal["threshold", "weighted_sampling"] = "threshold"
    """How rollouts are chosen for the fine-tuning set.

    Default: `'threshold'`.
    """
    reward_threshold: float = 0.9
    """Minimum reward for a rollout to be kept (threshold method).

    Default: `0.9`.
    """
    weighting_sample_size_factor: float = 0.5
    """Sample count as a multiple of the rollout count (weighted method).

    Range: ≥ 0.

    Default: `0.5`.
    """
    weighting_minimum: float | None = None
    """Floor applied to rewards before using them as weights; null for none.

    Default: `None`.
    """
    weighting_use_replacement: bool = True
    """Sample with replacement (weighted method).

    Default: `True`.
    """
    weighting_epsilon: float = 0.01
    """Smoothing mass added to the normalised weights (weighted method).

    Default: `0.01`.
    """

    def __init__(
        self,
        rollout_selection_method: Literal[
            "threshold", "weighted_sampling"
        ] = "threshold",
        reward_threshold: float = 0.9,
        weighting_sample_size_factor: float = 0.5,
        weighting_minimum: float | None = None,
        weighting_use_replacement: bool = True,
        weighting_epsilon: float = 0.01,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "rollout_selection_method": rollout_selection_method,
                "reward_threshold": reward_threshold,
                "weighting_sample_size_factor": weighting_sample_size_factor,
                "weighting_minimum": weighting_minimum,
                "weighting_use_replacement": weighting_use_replacement,
                "weighting_epsilon": weighting_epsilon,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 6:
                drop_extra_keys(cls, values)
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "rollout_selection_method": self.rollout_selection_method,
            "reward_threshold": self.reward_threshold,
            "weighting_sample_size_factor": self.weighting_sample_size_factor,
            "weighting_minimum": self.weighting_minimum,
            "weighting_use_replacement": self.weighting_use_replacement,
            "weighting_epsilon": self.weighting_epsilon,
        }


PureTextEiParameters._FIELD_DEFAULTS = field_defaults(PureTextEiParameters)


@register_parameter_class
@dataclass
class PureTextMaltParameters(SubParameters):
    """Settings of the MALT trainer (multi-agent tree sampling) for text-model agents.

    Parameters
    ----------
    num_responses_per_timestep : int
        Branching factor, the responses sampled per step, giving a tree of rollouts. Range:
        ≥ 1.
    """

    num_responses_per_timestep: int = 2
    """Branching factor, the responses sampled per step, giving a tree of rollouts.

    Range: ≥ 1.

    Default: `2`.
    """

    def __init__(
        self,
        num_responses_per_timestep: int = 2,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "num_responses_per_timestep": num_responses_per_timestep,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 1:
                drop_extra_keys(cls, values)
            if type(values["num_responses_per_timestep"]) is float:
                values["num_responses_per_timestep"] = integral(
                    values["num_responses_per_timestep"]
                )
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "num_responses_per_timestep": self.num_responses_per_timestep,
        }


PureTextMaltParameters._FIELD_DEFAULTS = field_defaults(PureTextMaltParameters)
