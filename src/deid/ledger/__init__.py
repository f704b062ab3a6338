"""Stage 6, the evidence: the audit ledger a run writes (`audit`), the one reader of a
published folder (`published`, which reads an older ledger as the current schema: `lift`),
`deid verify` of a published folder (`verify`) and the HTML report (`report`).

Imports the stages before it; never `run`, `commands` or the CLI."""
