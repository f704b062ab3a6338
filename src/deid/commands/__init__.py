"""The other commands over the library, each with the thin function the CLI calls:
`deid check` (`check`, its `baseline`, and `review`), `deid eval` (`evaluate`), and
`deid verify` and `deid report` over a published folder (`published`).

Imports the stages and `run`; never the CLI."""
