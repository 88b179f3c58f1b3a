"""Root behaviour: agents from the scenario, package metadata, migrating old dicts (and W&B's),
and overrides."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from ..._validation.agent_names import warn_unrun_agents
from ..._validation.versions import VERSION_KEY
from ..._validation.wandb_dicts import is_wandb_dict, plain_run_config
from ...errors import ParameterValidationError
from ..agents import DEFAULT_AGENT, UPDATE_REPR_KEY, AgentsParameters
from ..build import build_checked, check_class, default_object, group_from_mapping

if TYPE_CHECKING:
    from ..overrides import Override


# `type[_H] -> _H` rather than `Self`: the same for mypy and pyright, and jedi follows only this.
_H = TypeVar("_H")

class HyperParametersBehaviour:
    """Mixed into `HyperParameters` (see `x-python-mixin` in schema/<version>/hyper_parameters.json).

    The scenario -> agent class table is generated from the root schema's `if`/`then` rules.
    """

    AGENT_CLASS_BY_SCENARIO: ClassVar[dict[str, type]]
    RANDOM_AGENT_CLASS: ClassVar[type]
    scenario: Any
    agents: Any

    def _normalise(self) -> None:
        self._process_agents()
        super()._normalise()  # type: ignore[misc]

    # ---- agents -------------------------------------------------------------------------------
    @classmethod
    def _scenario_agent_class(cls, scenario: Any) -> type | None:
        return cls.AGENT_CLASS_BY_SCENARIO.get(scenario) if isinstance(scenario, str) else None

    @classmethod
    def _is_random_entry(cls, entry: Mapping[str, Any]) -> bool:
        return bool(entry.get("is_random")) or entry.get("_type") == cls.RANDOM_AGENT_CLASS.__name__

    @classmethod
    def _collection_entry_class(cls, data: Mapping[str, Any], entry: Mapping[str, Any]) -> type:
        """The class of one agent entry of a dict config: the position decides it."""
        if cls._is_random_entry(entry):
            return cls.RANDOM_AGENT_CLASS
        return cls._scenario_agent_class(data.get("scenario")) or cls.RANDOM_AGENT_CLASS

    @classmethod
    def _collection_from_checked(cls, data: Mapping[str, Any], value: Any, collection_class: type) -> Any:
        """The agents of a checked config, as `_process_agents` leaves them: the scenario's agent
        class (or the random one) for each entry, the default agent when none is given, and no
        `agents_update_repr` (a summary `to_dict` writes, not an agent)."""
        agent_class = cls._scenario_agent_class(data.get("scenario"))
        if agent_class is None:  # not after the check, which knows every scenario
            return value
        if value is None:
            return collection_class({DEFAULT_AGENT: build_checked(agent_class, {})})
        warn_unrun_agents(data)
        return collection_class({name: build_checked(cls._collection_entry_class(data, entry), entry)
                                 for name, entry in value.items() if name != UPDATE_REPR_KEY})

    @classmethod
    def _collection_entry_classes(cls) -> tuple[type, ...]:
        return (*dict.fromkeys(cls.AGENT_CLASS_BY_SCENARIO.values()), cls.RANDOM_AGENT_CLASS)

    def _process_agents(self) -> None:
        agent_class = self._scenario_agent_class(self.scenario)
        if agent_class is None:
            return  # an unknown scenario: nip leaves the agents alone; the schema check reports it
        if self.agents is None:
            self.agents = AgentsParameters({DEFAULT_AGENT: default_object(agent_class)})
            return
        if not isinstance(self.agents, Mapping):
            raise ParameterValidationError.single(
                ("agents",),
                f"expected a dict of agent name -> agent parameters, got {type(self.agents).__name__}",
            )
        self.agents = AgentsParameters(
            {
                name: self._agent(name, value, agent_class)
                for name, value in self.agents.items()
                if name != UPDATE_REPR_KEY
            }
        )
        warn_unrun_agents(self)

    def _agent(self, name: str, value: Any, agent_class: type) -> Any:
        if isinstance(value, (agent_class, self.RANDOM_AGENT_CLASS)):
            return value
        if isinstance(value, Mapping):
            target = self.RANDOM_AGENT_CLASS if self._is_random_entry(value) else agent_class
            return group_from_mapping(target, value, ("agents", name))
        raise ParameterValidationError.single(
            ("agents", name),
            f"expected {agent_class.__name__} or {self.RANDOM_AGENT_CLASS.__name__} "
            f"(or a dict of their fields) for scenario {self.scenario!r}, "
            f"got {type(value).__name__}",
        )

    # ---- dict form ----------------------------------------------------------------------------
    def to_dict(self, include_package_meta: bool = False) -> dict[str, Any]:
        """nip's format; with `include_package_meta`, also `_package_version` and `_package_name`."""
        out: dict[str, Any] = super().to_dict()  # type: ignore[misc]
        if include_package_meta:
            from ..._migration import (
                package_meta,  # migration is loaded when it is used
            )

            out.update(package_meta())
        return out

    # ---- files --------------------------------------------------------------------------------
    @classmethod
    def from_file(cls: type[_H], path: str | os.PathLike[str], *, ignore_extra_keys: bool = False) -> _H:
        """Read a config file (``.json``, ``.yaml``/``.yml`` or ``.toml``, by extension).

        The file is read as the command line reads it (YAML 1.2 as editors read it, safe, within
        the limits of docs/cli.md), then built as by :meth:`from_dict` (an older
        ``_package_version`` is migrated, with a warning). Raises ``ConfigFileError`` for a file
        that cannot be read and ``ParameterValidationError`` for an invalid config.
        """
        from ..._files.api import load_config_file

        return cls.from_dict(load_config_file(path), ignore_extra_keys=ignore_extra_keys)  # type: ignore[attr-defined]

    def to_file(self, path: str | os.PathLike[str], *, include_package_meta: bool = True) -> None:
        """Write the config to ``path`` as JSON or YAML (by extension), atomically.

        The content is :meth:`to_dict`, with ``_package_version`` and ``_package_name`` unless
        ``include_package_meta=False``: a file outlives the code that wrote it, and the version
        lets a later release carry it forward. Raises ``ParameterValidationError`` (and writes
        nothing) when the config is not valid.
        """
        from ..._files.api import save_config_file

        data = self.to_dict(include_package_meta=include_package_meta)
        # Fields are checked when set, but the agents are a dict anyone can change in place: a
        # file that `from_file` would refuse is never written.
        check_class(type(self), data)
        save_config_file(data, path)

    @classmethod
    def _prepare_dict(cls, params_dict: Mapping[str, Any]) -> Mapping[str, Any]:
        """W&B's additions are dropped (a run file's wrapping, the API's `_wandb`); then a dict that
        states an older `_package_version` is migrated, with a warning."""
        if is_wandb_dict(params_dict):
            params_dict = plain_run_config(params_dict)
        if VERSION_KEY not in params_dict:
            return params_dict  # the current version: nothing to migrate
        from ..._migration import migrate_on_load  # loaded when an old config is read

        return migrate_on_load(params_dict)

    # ---- overrides ----------------------------------------------------------------------------
    def with_overrides(
        self: _H, overrides: Mapping[str, Any] | Iterable[str | Override]
    ) -> _H:
        """A new config: this one with `overrides` applied, checked; this object is unchanged.

        `overrides` is a mapping of dotted address -> value (``{"rl.lr": 1e-4}``; a key
        ``"~ADDRESS"`` removes the value there, so its default applies again) or a list of
        ``"ADDRESS=VALUE"`` / ``"~ADDRESS"`` strings, VALUE read as YAML (``["rl.lr=1e-4"]``).
        Agents are addressed by name (``agents.prover.d_gnn``, ``agents._default.d_gnn``) and
        list items by index. Values are converted to the type the schema gives the address.
        """
        from ..overrides import (
            build_with_overrides,  # with the file readers: loaded when used
        )

        config: Any = self  # (typed `_H` for the caller; here it is a config with `to_dict`)
        return build_with_overrides(type(self), config.to_dict(), overrides)
