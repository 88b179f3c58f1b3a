"""``python -m nip.parameters``: the ``nip-params`` command, as the console script runs it."""

import sys

from .cli import main

sys.exit(main())
