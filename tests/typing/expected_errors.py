"""Lines that must be type errors. Each carries the ignore comment of the error it must raise, for
mypy (`# type: ignore[code]`) and for pyright (`# pyright: ignore[rule]`); both run with unused
ignores reported as errors, so an expected error that disappears fails `make lint`.
"""

from nip.parameters import HyperParameters, LrFactors, RlTrainerParameters

params = HyperParameters("graph_isomorphism", "vanilla_ppo", "eru10000")

# A misspelt field, read and set.
rate: float = params.rl.lrr  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownVariableType]
params.rl.lrr = 0.1  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]
RlTrainerParameters(lrr=0.1)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]

# A wrong value type: in the constructor, and when set.
HyperParameters("graph_isomorphism", "vanilla_ppo", "eru10000", seed="abc")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
params.seed = "abc"  # type: ignore[assignment]  # pyright: ignore[reportAttributeAccessIssue]
# (Set, a dict is still converted at run time, as nip's code may do; type checkers ask for the object.)
params.rl.body_lr_factor = {"actor": 0.5}  # type: ignore[assignment]  # pyright: ignore[reportAttributeAccessIssue]
RlTrainerParameters(body_lr_factor=3)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]

# A wrong enum literal.
HyperParameters("graph_isomorphism", "ppo3", "eru10000")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
params.interaction_protocol = "pvg"  # type: ignore[assignment]  # pyright: ignore[reportAttributeAccessIssue]

# A field the schema lets be null must be checked before use.
bits: int = params.rl.frames_per_batch.bit_length()  # type: ignore[union-attr]  # pyright: ignore[reportOptionalMemberAccess]

# The wrong class for a group.
RlTrainerParameters(body_lr_factor=RlTrainerParameters())  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
lr_factors: LrFactors = params.rl  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
