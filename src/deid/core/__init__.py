"""What every stage shares: the records, findings and decisions passed between stages
(`model`, with the strengths of evidence and the mark of an earlier run's stand-in), errors, keys, the closed word lists (`wordlists`), the name and word lexicons
(`lexicon`), the words of a personal name (`nameparts`), text normalisation, the names of the files a run writes (`layout`), Markdown's markup
as every stage reads it (`markup`) and slugs read as words (`slugs`).

Imports nothing else of deid."""
