"""The names of the files a schema tree is made of, stated once for the runtime and the generator.

A schema tree (``schema/`` of a checkout, or ``_schemas/`` of the package) holds one directory per
version; in it one JSON file per group of classes, the migration step into that version, and, once
published, the bundle. Beside the version directories sit the files shared by every version.
"""

from __future__ import annotations

__all__ = [
    "BUNDLE_FILE",
    "CATALOG_FILE",
    "COMPLETION_KEYWORD",
    "FORMAT_SCHEMA_FILES",
    "JSON_SCHEMA_DIALECT",
    "LIMITS_FILE",
    "MIGRATION_FILE",
    "MIGRATION_SCHEMA_FILE",
    "NOT_GROUP_FILES",
    "ROOT_GROUP",
    "SWEEP_SPEC_SCHEMA_FILE",
    "VERSION_KEY",
    "VOCABULARY_FILE",
]

#: The dialect every schema of the tree is written in.
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: In a version directory: the migration step from the previous version (data, not a schema).
MIGRATION_FILE = "migration.json"
#: In a published version directory: every class of the version in one self-contained document.
BUNDLE_FILE = "bundle.json"
#: The group whose `$ref` is the class of a whole config (file stem).
ROOT_GROUP = "hyper_parameters"

#: Beside the version directories.
VOCABULARY_FILE = "vocabulary.json"
LIMITS_FILE = "limits.json"
CATALOG_FILE = "catalog.json"
#: The schemas of this project's own file formats (a migration step, a sweep spec), beside the
#: version directories: they describe files, not configs, and are the same for every version.
MIGRATION_SCHEMA_FILE = "migration.schema.json"
SWEEP_SPEC_SCHEMA_FILE = "sweep-spec.schema.json"
FORMAT_SCHEMA_FILES = (MIGRATION_SCHEMA_FILE, SWEEP_SPEC_SCHEMA_FILE)

#: The key of a config that states the version of the package that wrote it.
VERSION_KEY = "_package_version"

#: Files of a (published) version directory that are not a group of classes.
NOT_GROUP_FILES = frozenset({MIGRATION_FILE, BUNDLE_FILE})

#: Marks an `if`/`then` the publisher adds only to list names for editors to offer (the agents of
#: a protocol, from `x-agent-names`): it changes no verdict, so the schema differ skips it.
COMPLETION_KEYWORD = "x-completion"
