"""Stage 5, the final check of every record before it is written (`residuals`): no
removed value again, nothing the rules remove outside the transformed spans.

Imports the stages before it; never `ledger`, `run` or `commands`."""
