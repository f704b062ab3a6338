"""Stage 1, read: which files a run takes (`inputs`), how their bytes become text
(`textio`), the formats (`formats/`: a Reader and a Writer each), the one way every
command opens a file with the options it was told (`opening`), headers and keys as
fields of their own (`labels`) and record ids and file names as published (`ids`).

Imports only `deid.core` and `deid.policy`; never a later stage."""
