"""Render the intermediate model with jinja2, then format Python with the pinned ruff."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import jinja2

from nip.parameters._publishing import Limits

from .model import ClassSpec, FieldSpec, ModuleSpec, PackageSpec

TEMPLATES = Path(__file__).parent / "templates"
PACKAGE = "src/nip/parameters"
RUNTIME = "._objects"  # the runtime package every generated module stands on
BUILT_FROM_NONE = "BUILT_FROM_NONE"  # the runtime's None default of a field that None builds


def header(source: str, comment: str = "#") -> str:
    return f"{comment} Generated from {source} by `make generate`. Do not edit."


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["zip"] = lambda a, b: list(zip(a, b, strict=True))
    env.filters["md_cell"] = lambda s: str(s).replace("|", "\\|").replace("\n", " ")
    env.filters["md_code"] = lambda s: f"`{s}`"
    return env


def _wrap(text: str, indent: str = "") -> str:
    return "\n".join(
        textwrap.fill(part, width=88, initial_indent=indent, subsequent_indent=indent)
        for part in text.split("\n\n")
    )


def docstring(cls: ClassSpec) -> str:
    """numpy-style: the class description, then one entry per field of its own."""
    lines = [_wrap(cls.description)]
    if cls.fields:
        lines += ["", "Parameters", "----------"]
        for f in cls.fields:
            lines.append(f"{f.name} : {f.type_hint}")
            lines.append(_wrap(f.description, "    "))
    return "\n".join(lines).replace("\\", "\\\\") + "\n"


def field_doc(f: FieldSpec) -> str:
    """The attribute docstring editors show on hover (pyright, pylance and jedi read it): the
    description, its range, the default, and what setting it accepts when that is more.

    Sphinx's napoleon reads an attribute docstring's first line as ``type: description`` when it
    holds a colon, so that line must have none outside backquotes (nip's site documents these
    classes with autodoc and napoleon)."""
    summary = _wrap(f.summary or f.description, "    ").strip()
    first_line = summary.split("\n", 1)[0]
    if ":" in re.sub(r"`[^`]*`", "", first_line):
        raise ValueError(f"the description of field {f.name!r} has a colon on its first line, which "
                         f"Sphinx's napoleon would read as a type: {first_line!r}. Reword it in schema/.")
    default = "the group's defaults (`None` builds them)" if f.built_from_none else f.doc_default
    lines = [summary, ""]
    if f.range_text:
        lines += [f"    Range: {f.range_text}.", ""]
    lines.append(f"    Default: {default}.")
    if f.init_type_hint:
        lines.append(f"    Accepts: `{f.accepts}`.")
    return ("\n".join(lines) + "\n    ").replace("\\", "\\\\")


def decorators(cls: ClassSpec) -> list[str]:
    lines = []
    if cls.value_class:
        lines.append("@register_parameter_value_class")
    elif cls.registered:
        lines.append("@register_parameter_class")
    lines.append("@dataclass(frozen=True)" if cls.frozen else "@dataclass")
    return lines


def field_value(f: FieldSpec) -> str:
    """What follows the annotation: ` = default` or ` = field(...)`."""
    args = []
    default = f.default
    if f.built_from_none:
        default = BUILT_FROM_NONE
    if f.default_factory:
        args.append(f"default_factory={f.default_factory}")
    elif default is not None:
        args.append(f"default={default}")
    if f.metadata:
        meta = ", ".join(f"{k!r}: {v}" for k, v in f.metadata.items())
        args.append(f"metadata={{{meta}}}")
    if not args:
        return ""
    if len(args) == 1 and default is not None:
        return f" = {default}"
    return f" = field({', '.join(args)})"


def init_default(f: FieldSpec) -> str:
    """The default in the generated `__init__` signature: the field's own constant; `...` for one
    made when the object is (read from the environment, a value object)."""
    if f.default is not None and "(" not in f.default:
        return f" = {f.default}"
    return " = ..." if f.default is not None or f.default_factory else ""


def runtime_default(f: FieldSpec) -> str:
    """The default of the generated `__init__` (the dataclass field's own): a constant as the field
    states it; `FIELD_DEFAULT` for a value object (the field's one shared instance, as in nip) and
    for a value read when the object is made."""
    if f.default_factory or (f.default is not None and "(" in f.default):
        return " = FIELD_DEFAULT"
    return "" if f.default is None else f" = {f.default}"


def init_value(f: FieldSpec) -> str:
    """What the generated `__init__` stores for an argument (a factory's value when not given)."""
    if f.env_variable:
        read = f"env_value({f.env_variable!r}, {f.env_fallback!r})"
        return f"{read} if {f.name} is FIELD_DEFAULT else {f.name}"
    if f.default_factory:
        return f"{f.default_factory}() if {f.name} is FIELD_DEFAULT else {f.name}"
    if f.default is not None and "(" in f.default:
        return f"self._FIELD_DEFAULTS[{f.name!r}] if {f.name} is FIELD_DEFAULT else {f.name}"
    return f.name


def _imports(module: ModuleSpec, package: PackageSpec) -> list[str]:
    """The runtime names the model says the module needs, and every name of the earlier generated
    modules (which ones a type hint uses is ruff's to find: it removes the unused ones)."""
    lines = [f"from {RUNTIME} import {', '.join(module.runtime_names)}"] if module.runtime_names else []
    for other in package.modules:
        if other.name == module.name:
            break
        if other.exports:
            lines.append(f"from .{other.name} import {', '.join(other.exports)}")
    return lines


def ruff_format(code: str, filename: str, *, prune_imports: bool = True) -> str:
    """Format with the pinned ruff; optionally drop unused imports and sort the rest."""
    ruff = [sys.executable, "-m", "ruff"]
    fixed = code
    if prune_imports:
        fixed = subprocess.run(
            [*ruff, "check", "--quiet", "--fix-only", "--select", "F401,I", "--stdin-filename",
             filename, "--exit-zero", "-"],
            input=code, capture_output=True, text=True, check=True,
        ).stdout
    return subprocess.run(
        [*ruff, "format", "--quiet", "--stdin-filename", filename, "-"],
        input=fixed, capture_output=True, text=True, check=True,
    ).stdout


class Renderer:
    def __init__(self, package: PackageSpec, limits: Limits | None = None) -> None:
        self.package = package
        self.limits = limits
        self.env = _environment()

    def python_module(self, module: ModuleSpec) -> str:
        code = self.env.get_template("module.py.jinja2").render(
            header=header(module.source),
            module=module,
            imports=_imports(module, self.package),
            exports=sorted(module.exports),
            docstrings={c.name: docstring(c) for c in module.classes},
            decorators={c.name: decorators(c) for c in module.classes},
            field_values={c.name: {f.name: field_value(f) for f in c.fields} for c in module.classes},
            field_docs={c.name: {f.name: field_doc(f) for f in c.fields} for c in module.classes},
            init_defaults={c.name: {f.name: init_default(f) for f in c.init_fields}
                           for c in module.classes},
            runtime_defaults={c.name: {f.name: runtime_default(f) for f in c.init_fields}
                              for c in module.classes},
            init_values={c.name: {f.name: init_value(f) for f in c.init_fields}
                         for c in module.classes},
        )
        return ruff_format(code, f"{PACKAGE}/{module.name}.py")

    def registry(self) -> str:
        code = self.env.get_template("registry.py.jinja2").render(
            header=header(f"schema/{self.package.version}/"), package=self.package,
            limits=self.limits,
        )
        return ruff_format(code, f"{PACKAGE}/_registry.py")

    def init(self) -> str:
        names = [n for m in self.package.modules for n in m.exports]
        names += [other for other, _ in self.package.other_names]
        code = self.env.get_template("public.py.jinja2").render(
            header=header(f"schema/{self.package.version}/"),
            package=self.package,
            generated_names=sorted(names),
        )
        # Import order is registration order (nip's PARAMETER_CLASSES), so it must not be sorted.
        return ruff_format(code, f"{PACKAGE}/_public.py", prune_imports=False)

    def lazy_init(self) -> str:
        code = self.env.get_template("init.py.jinja2").render(
            header=header(f"schema/{self.package.version}/"), package=self.package,
        )
        return ruff_format(code, f"{PACKAGE}/__init__.py", prune_imports=False)

    def reference(self, module: ModuleSpec) -> str:
        return self.env.get_template("reference.md.jinja2").render(
            header_text=header(module.source, comment="").strip(),
            module=module,
        )

    def files(self) -> dict[str, str]:
        out = {f"{PACKAGE}/{m.name}.py": self.python_module(m) for m in self.package.modules}
        out[f"{PACKAGE}/_registry.py"] = self.registry()
        out[f"{PACKAGE}/_public.py"] = self.init()
        out[f"{PACKAGE}/__init__.py"] = self.lazy_init()
        for m in self.package.modules:
            out[f"docs/reference/{m.name}.md"] = self.reference(m)
        out["docs/reference/index.md"] = self.env.get_template("index.md.jinja2").render(
            header_text=header(f"schema/{self.package.version}/", comment="").strip(),
            package=self.package,
        )
        return out


