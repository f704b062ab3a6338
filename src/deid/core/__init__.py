"""What every stage shares: the records, findings and decisions passed between stages
(`model`), errors, keys, the closed word lists (`wordlists`), the name and word lexicons
(`lexicon`), the words of a personal name (`nameparts`), text normalisation and the names
of the files a run writes (`layout`).

Imports nothing else of deid."""
