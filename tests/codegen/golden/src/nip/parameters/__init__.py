# Generated from schema/1.0/ by `make generate`. Do not edit.
"""nip's hyper-parameters, generated from JSON Schema version 1.0.

Build a config with ``HyperParameters(scenario=..., trainer=..., dataset=...)``, serialise it with
``to_dict()`` and read one back with ``HyperParameters.from_dict(d)``. Every value is checked
against the schema; ``validate`` and ``iter_errors`` check a plain dict.
"""

# The names live in `_public`, imported on the first use of any of them: `nip-params validate`
# and the other tools that import only a private package (the file reader, the validator) do
# not pay for building every generated class.

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._public import *  # noqa: F403
    from ._public import __all__ as __all__
else:
    import importlib as _importlib

    # Submodules are imported alone when named (`from nip.parameters import agents`).
    _SUBMODULES = frozenset(
        [
            "cli",
            "errors",
            "parameters_base",
            "validation",
            "version",
            "workflow",
            "types",
            "things",
            "hyper_parameters",
        ]
    )

    def __getattr__(name: str) -> object:
        # Private names are submodules for the import system to find (`from .. import
        # _registry`), and dunder names are asked for by copy and pickle: never a load.
        if name.startswith("_") and name != "__all__":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        if name in _SUBMODULES:
            return _importlib.import_module(f"{__name__}.{name}")
        return getattr(_importlib.import_module(f"{__name__}._public"), name)

    def __dir__() -> list[str]:
        public = _importlib.import_module(f"{__name__}._public")
        return sorted(set(globals()) | set(public.__all__))
