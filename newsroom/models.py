"""The project package's one model: revisions of sections, tags, authors and images
(newsroom/history.py)."""

from .history import ObjectRevision  # noqa: F401
