from __future__ import annotations

import sys

from mockmic.cli import main

sys.exit(main())
