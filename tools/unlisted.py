"""Words no bundled list holds: the names of the sites that host code and packages. deid
runs offline and no file of it names a download host, so the build tools leave these out of
every word list and the gazetteer (the towns that share such a name, Anaconda in Montana and
Conda in Idaho, are not in it either: a town the gazetteer lacks is still found by position)."""

SITE_NAMES = frozenset("github gitlab bitbucket sourceforge pypi conda anaconda npm npmjs huggingface".split())
