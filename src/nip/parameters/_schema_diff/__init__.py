"""Schema evolution: what changed between two published schema versions, and whether a migration
step covers every breaking change.

It works on plain dicts (the published files of each version) and depends on nothing else of the
package but `nip.parameters.errors`, so the command line (`nip-params schema diff`) and the
generator (`make check`, the changelog) share it.
"""

from .coverage import (
    TODO,
    Coverage,
    check_coverage,
    coverage_json,
    suggest_operations,
    todos,
)
from .differ import diff
from .keywords import (
    ANNOTATION_KEYWORDS,
    STEP_KEYWORDS,
    meaning,
    meaning_digest,
    strip_annotations,
)
from .model import ANNOTATION, BREAKING, COMPATIBLE, KINDS, SchemaChange, SchemaDiff

__all__ = [
    "ANNOTATION",
    "ANNOTATION_KEYWORDS",
    "BREAKING",
    "COMPATIBLE",
    "KINDS",
    "STEP_KEYWORDS",
    "TODO",
    "Coverage",
    "SchemaChange",
    "SchemaDiff",
    "check_coverage",
    "coverage_json",
    "diff",
    "meaning",
    "meaning_digest",
    "strip_annotations",
    "suggest_operations",
    "todos",
]
