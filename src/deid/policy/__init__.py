"""The policy a run follows: the rules files (`rules/*.yaml`; the default rules and their word
lists ship in `deid/rules/`) read and checked with file:line:key messages (`rules`,
`schema`, `yamlsource`; the rules' own recognizers: `recognizers`), built into one `RuleSet` from the
canonical form the ledger records (`ruleset`), the one table of actions (`actions`) and the shape of each entity's values, which
says which values a column rule governs (`shapes`).

Imports only `deid.core`; never a stage that reads its rules."""
