"""Stage 1, read: which files a run takes (`inputs`), how their bytes become text
(`textio`), the formats (`formats/`: a Reader and a Writer each), headers and keys as
fields of their own (`labels`), record ids and file names as published (`ids`) and slugs read as words (`slugs`).

Imports only `deid.core` and `deid.policy`; never a later stage."""
