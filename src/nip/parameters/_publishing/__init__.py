"""Publishing: an authoring schema version resolved into the closed files validators and editors
read, and the bundle. The generator (`make generate`) calls it for every version of the checkout;
`nip-params schema diff` calls it on an authoring directory a user names. It works on plain data
(the caller reads the files), imports nothing above the foundation and runs no code of its input.
"""

from __future__ import annotations

from .authoring import Limits, VersionSource, limits_from, version_source
from .publish import Publisher, bundle, generated

__all__ = ["Limits", "Publisher", "VersionSource", "bundle", "generated", "limits_from", "version_source"]
