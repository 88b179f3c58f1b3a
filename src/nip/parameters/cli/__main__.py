"""``python -m nip.parameters.cli``: the same as the ``nip-params`` console script."""

import sys

from . import main

sys.exit(main())
