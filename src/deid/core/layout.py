"""The names deid gives the files it writes beside what it publishes.

Reading needs them too: a run never takes its own ledger or journal for input.
"""

LEDGER_NAME = "deid-audit.jsonl"  # the audit ledger at the top of --out
TEMP_PREFIX = ".deid-tmp-"      # a file being written (``files.atomic_writer``); a run removes any it finds in its folders
WORK_SUFFIX = ".deid-work"        # a run's journal beside --out (run/journal.py): never input
