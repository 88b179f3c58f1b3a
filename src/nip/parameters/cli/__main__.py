"""``python -m nip.parameters.cli``: the same as the ``nip-params`` console script."""

import sys

from nip.parameters.cli import main

sys.exit(main())
