"""The policy a run follows: the rules files (`rules/*.yaml`; the default rules and their word
lists ship in `deid/rules/`) read and checked with file:line:key messages (`rules`,
`schema`, `yamlsource`), and the one table of actions (`actions`).

Imports only `deid.core`; never a stage that reads its rules."""
