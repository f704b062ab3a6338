"""Stage 3, decide: findings become decisions by the rules (`decisions`), after
`detect.standing` says which stand: keep what is
only medical or ordinary words, merge, spread to other mentions, column rules.

Imports the stages before it (`core`, `policy`, `read`, `detect`); never a later one."""
