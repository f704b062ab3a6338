"""Stage 4, transform: decisions applied to the text (`rewrite`), the batch's stand-ins
(`surrogates`; those of a value's shape in `fakes`), generalised values (`generalize`) and
shifted dates (`dateshift`).

Imports the stages before it; never `final_check`, `ledger`, `run` or `commands`."""
