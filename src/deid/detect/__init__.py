"""Stage 2, detect: the Presidio analyzer over spaCy (`detector`), deid's recognizers
(`recognizers/`, one registry), the name lexicon (`namefinder`), how strong a finding's
evidence is (`evidence`), how a removed value is looked for again (`mentions`) and the
cutting of long texts (`pieces`).

Imports `deid.core`, `deid.policy` and `deid.read`; never a later stage."""
