"""Re-identification risk across a batch: the details each record publishes that
describe a person without naming them (``profile``), and how many records of the
batch share them (``batch``). Reads plans and the rules; never imports the run, the
ledger or the commands."""
