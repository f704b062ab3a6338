"""The other commands over the library: `deid check` (`check`, `baseline`, `review`),
`deid eval` (`evaluate`) and the entry points the CLI calls (`entry`).

Imports the stages and `run`; never the CLI."""
