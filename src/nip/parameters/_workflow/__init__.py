"""The everyday workflow on top of the objects: composing a config from bases and overrides,
expanding and writing sweeps (and W&B sweep configurations), and comparing two configs.

The public face is `nip.parameters.workflow` (`expand_sweep`, `diff`), `params.with_overrides`
and the `compose`, `sweep` and `diff` commands. Works on the root class found in the class
registry, so it sits below the generated modules (see docs/architecture.md).
"""
