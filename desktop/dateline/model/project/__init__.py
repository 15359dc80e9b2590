"""Projects (``*.dateline``): the corpus folders, the user's corrections, stars, tags,
notes and saved views in one SQLite file, and the cited briefing (Qt-free).

Import the parts from their modules: ``file.Project``, ``records`` (keys and values),
``corrections`` (re-applying them), ``views``, ``briefing``.
"""
