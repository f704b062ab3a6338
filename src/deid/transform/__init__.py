"""Stage 4, transform: decisions applied to the text (`rewrite`), the batch's stand-ins
(`surrogates`), generalised values (`generalize`) and shifted dates (`dateshift`).

Imports the stages before it; never `final_check`, `ledger`, `run` or `commands`."""
