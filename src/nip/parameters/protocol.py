# Generated from schema/1.0/protocol.json by `make generate`. Do not edit.
"""Parameters for the interaction protocols."""

from dataclasses import dataclass
from typing import Any

from ._objects import (
    SubParameters,
    drop_extra_keys,
    field_defaults,
    integral,
    register_parameter_class,
)
from .types import GuessType

__all__ = [
    "CommonProtocolParameters",
    "DebateProtocolParameters",
    "LongProtocolParameters",
    "MnipProtocolParameters",
    "NipProtocolParameters",
    "ZkProtocolParameters",
]


@register_parameter_class
@dataclass
class CommonProtocolParameters(SubParameters):
    """Settings common to every interaction protocol.

    Parameters
    ----------
    verifier_first : bool
        The verifier moves first.
    randomize_prover_stance : bool
        Randomly choose which verdict a single prover argues for (text protocols).
    prover_reward : float
        Prover's reward when the verifier accepts.
    verifier_reward : float
        Verifier's reward for a correct decision.
    verifier_incorrect_penalty : float
        Verifier's reward (negative) for a wrong decision.
    verifier_terminated_penalty : float
        Verifier's reward if the episode ends before it decides.
    verifier_no_guess_reward : float
        Verifier's per-round reward for not deciding yet.
    shared_reward : bool
        Give the prover the verifier's reward (overrides prover_reward).
    force_guess : GuessType | None
        Force the verifier's decision to this value; null lets the policy decide.
    zero_knowledge : bool
        Use the zero-knowledge version of the protocol.
    """

    verifier_first: bool = True
    """The verifier moves first.

    Default: `True`.
    """
    randomize_prover_stance: bool = False
    """Randomly choose which verdict a single prover argues for (text protocols).

    Default: `False`.
    """
    prover_reward: float = 1.0
    """Prover's reward when the verifier accepts.

    Default: `1.0`.
    """
    verifier_reward: float = 1.0
    """Verifier's reward for a correct decision.

    Default: `1.0`.
    """
    verifier_incorrect_penalty: float = -1.0
    """Verifier's reward (negative) for a wrong decision.

    Default: `-1.0`.
    """
    verifier_terminated_penalty: float = -1.0
    """Verifier's reward if the episode ends before it decides.

    Default: `-1.0`.
    """
    verifier_no_guess_reward: float = 0.0
    """Verifier's per-round reward for not deciding yet.

    Default: `0.0`.
    """
    shared_reward: bool = False
    """Give the prover the verifier's reward (overrides prover_reward).

    Default: `False`.
    """
    force_guess: GuessType | None = None
    """Force the verifier's decision to this value; null lets the policy decide.

    Default: `None`.
    """
    zero_knowledge: bool = False
    """Use the zero-knowledge version of the protocol.

    Default: `False`.
    """

    def __init__(
        self,
        verifier_first: bool = True,
        randomize_prover_stance: bool = False,
        prover_reward: float = 1.0,
        verifier_reward: float = 1.0,
        verifier_incorrect_penalty: float = -1.0,
        verifier_terminated_penalty: float = -1.0,
        verifier_no_guess_reward: float = 0.0,
        shared_reward: bool = False,
        force_guess: GuessType | None = None,
        zero_knowledge: bool = False,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "verifier_first": verifier_first,
                "randomize_prover_stance": randomize_prover_stance,
                "prover_reward": prover_reward,
                "verifier_reward": verifier_reward,
                "verifier_incorrect_penalty": verifier_incorrect_penalty,
                "verifier_terminated_penalty": verifier_terminated_penalty,
                "verifier_no_guess_reward": verifier_no_guess_reward,
                "shared_reward": shared_reward,
                "force_guess": force_guess,
                "zero_knowledge": zero_knowledge,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 10:
                drop_extra_keys(cls, values)
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "verifier_first": self.verifier_first,
            "randomize_prover_stance": self.randomize_prover_stance,
            "prover_reward": self.prover_reward,
            "verifier_reward": self.verifier_reward,
            "verifier_incorrect_penalty": self.verifier_incorrect_penalty,
            "verifier_terminated_penalty": self.verifier_terminated_penalty,
            "verifier_no_guess_reward": self.verifier_no_guess_reward,
            "shared_reward": self.shared_reward,
            "force_guess": self.force_guess,
            "zero_knowledge": self.zero_knowledge,
        }


CommonProtocolParameters._FIELD_DEFAULTS = field_defaults(CommonProtocolParameters)


@dataclass
class LongProtocolParameters(SubParameters):
    """Settings of protocols that run for several message rounds.

    Parameters
    ----------
    max_message_rounds : int
        Upper bound on the number of rounds. Range: ≥ 1.
    min_message_rounds : int
        Rounds before which verifier decisions are ignored (1.0 meaning; pre-1.0 values were
        one lower). Range: ≥ 0.
    """

    max_message_rounds: int = 8
    """Upper bound on the number of rounds.

    Range: ≥ 1.

    Default: `8`.
    """
    min_message_rounds: int = 1
    """Rounds before which verifier decisions are ignored (1.0 meaning; pre-1.0 values were
    one lower).

    Range: ≥ 0.

    Default: `1`.
    """

    def __init__(
        self,
        max_message_rounds: int = 8,
        min_message_rounds: int = 1,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "max_message_rounds": max_message_rounds,
                "min_message_rounds": min_message_rounds,
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
            if type(values["max_message_rounds"]) is float:
                values["max_message_rounds"] = integral(values["max_message_rounds"])
            if type(values["min_message_rounds"]) is float:
                values["min_message_rounds"] = integral(values["min_message_rounds"])
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "max_message_rounds": self.max_message_rounds,
            "min_message_rounds": self.min_message_rounds,
        }


LongProtocolParameters._FIELD_DEFAULTS = field_defaults(LongProtocolParameters)


@register_parameter_class
@dataclass
class NipProtocolParameters(LongProtocolParameters):
    """Settings of the neural interactive proof (NIP) protocol."""

    def __init__(
        self,
        max_message_rounds: int = 8,
        min_message_rounds: int = 1,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "max_message_rounds": max_message_rounds,
                "min_message_rounds": min_message_rounds,
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
            if type(values["max_message_rounds"]) is float:
                values["max_message_rounds"] = integral(values["max_message_rounds"])
            if type(values["min_message_rounds"]) is float:
                values["min_message_rounds"] = integral(values["min_message_rounds"])
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj


NipProtocolParameters._FIELD_DEFAULTS = field_defaults(NipProtocolParameters)


@register_parameter_class
@dataclass
class DebateProtocolParameters(LongProtocolParameters):
    """Settings of the debate protocol.

    Parameters
    ----------
    sequential : bool
        Provers speak one after another instead of simultaneously.
    prover0_first : bool
        With sequential provers, prover0 goes first.
    randomize_channel_order : bool
        Shuffle the channel order shown to the verifier (text protocols).
    """

    sequential: bool = False
    """Provers speak one after another instead of simultaneously.

    Default: `False`.
    """
    prover0_first: bool = True
    """With sequential provers, prover0 goes first.

    Default: `True`.
    """
    randomize_channel_order: bool = True
    """Shuffle the channel order shown to the verifier (text protocols).

    Default: `True`.
    """

    def __init__(
        self,
        max_message_rounds: int = 8,
        min_message_rounds: int = 1,
        sequential: bool = False,
        prover0_first: bool = True,
        randomize_channel_order: bool = True,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "max_message_rounds": max_message_rounds,
                "min_message_rounds": min_message_rounds,
                "sequential": sequential,
                "prover0_first": prover0_first,
                "randomize_channel_order": randomize_channel_order,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 5:
                drop_extra_keys(cls, values)
            if type(values["max_message_rounds"]) is float:
                values["max_message_rounds"] = integral(values["max_message_rounds"])
            if type(values["min_message_rounds"]) is float:
                values["min_message_rounds"] = integral(values["min_message_rounds"])
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "max_message_rounds": self.max_message_rounds,
            "min_message_rounds": self.min_message_rounds,
            "sequential": self.sequential,
            "prover0_first": self.prover0_first,
            "randomize_channel_order": self.randomize_channel_order,
        }


DebateProtocolParameters._FIELD_DEFAULTS = field_defaults(DebateProtocolParameters)


@register_parameter_class
@dataclass
class MnipProtocolParameters(LongProtocolParameters):
    """Settings of the NIP protocol with two provers (MNIP).

    Parameters
    ----------
    sequential : bool
        Provers speak one after another instead of simultaneously.
    prover0_first : bool
        With sequential provers, prover0 goes first.
    randomize_channel_order : bool
        Shuffle the channel order shown to the verifier (text protocols).
    """

    sequential: bool = False
    """Provers speak one after another instead of simultaneously.

    Default: `False`.
    """
    prover0_first: bool = True
    """With sequential provers, prover0 goes first.

    Default: `True`.
    """
    randomize_channel_order: bool = True
    """Shuffle the channel order shown to the verifier (text protocols).

    Default: `True`.
    """

    def __init__(
        self,
        max_message_rounds: int = 8,
        min_message_rounds: int = 1,
        sequential: bool = False,
        prover0_first: bool = True,
        randomize_channel_order: bool = True,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "max_message_rounds": max_message_rounds,
                "min_message_rounds": min_message_rounds,
                "sequential": sequential,
                "prover0_first": prover0_first,
                "randomize_channel_order": randomize_channel_order,
            },
        )
        self.__post_init__()

    @classmethod
    def _from_checked_dict(cls, data: dict[str, Any]) -> Any:
        """Build from a dict the schema has accepted: the fields filled directly."""
        values = {**cls._FIELD_DEFAULTS, **data}
        if data:
            values.pop("_type", None)
            if len(values) > 5:
                drop_extra_keys(cls, values)
            if type(values["max_message_rounds"]) is float:
                values["max_message_rounds"] = integral(values["max_message_rounds"])
            if type(values["min_message_rounds"]) is float:
                values["min_message_rounds"] = integral(values["min_message_rounds"])
        obj = object.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        return obj

    def _fields_to_dict(self) -> dict[str, Any]:
        return {
            "max_message_rounds": self.max_message_rounds,
            "min_message_rounds": self.min_message_rounds,
            "sequential": self.sequential,
            "prover0_first": self.prover0_first,
            "randomize_channel_order": self.randomize_channel_order,
        }


MnipProtocolParameters._FIELD_DEFAULTS = field_defaults(MnipProtocolParameters)


@register_parameter_class
@dataclass
class ZkProtocolParameters(SubParameters):
    """Settings of the zero-knowledge variants of the protocols.

    Parameters
    ----------
    simulator_reward_coefficient : float
        Scale turning logit closeness into the simulator's reward.
    aux_prover_reward_coefficient : float
        Weight of the simulator reward inside the prover's reward.
    """

    simulator_reward_coefficient: float = 1.0
    """Scale turning logit closeness into the simulator's reward.

    Default: `1.0`.
    """
    aux_prover_reward_coefficient: float = 1.0
    """Weight of the simulator reward inside the prover's reward.

    Default: `1.0`.
    """

    def __init__(
        self,
        simulator_reward_coefficient: float = 1.0,
        aux_prover_reward_coefficient: float = 1.0,
    ) -> None:
        # The dataclass `__init__`, written out: the fields stored at once (not one checked
        # assignment each), then `__post_init__` normalises and checks the object.
        object.__setattr__(
            self,
            "__dict__",
            {
                "simulator_reward_coefficient": simulator_reward_coefficient,
                "aux_prover_reward_coefficient": aux_prover_reward_coefficient,
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
            "simulator_reward_coefficient": self.simulator_reward_coefficient,
            "aux_prover_reward_coefficient": self.aux_prover_reward_coefficient,
        }


ZkProtocolParameters._FIELD_DEFAULTS = field_defaults(ZkProtocolParameters)
