"""The run: `deid run` end to end (`pipeline`), the two passes per record (`process`),
where they run (`engines`, `dask_engine`), the journal between the passes (`journal`), the
quarantine (`quarantine`) and where a run may write (`places`).

Imports every stage; never `commands` or the CLI."""
