from deid.cli import main
import sys

sys.exit(main())
