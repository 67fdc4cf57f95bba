import sys

from rnngraded.cli import main

sys.exit(main())
