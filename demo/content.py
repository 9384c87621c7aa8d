"""The demo's texts, read from the data files beside this module.

data/content.toml holds the sections, tags, authors, pictures and videos; data/stories.toml
the articles. Everything there was written for this project; the places and people are
invented. The files are data, not code: a writer can change a story without reading Python.
"""

import tomllib
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

PUBLISHED, SCHEDULED, DRAFT = "published", "scheduled", "draft"


def load(name: str) -> dict:
    """One data file, parsed (TOML keeps the order of tables and keys as written)."""
    with (DATA / name).open("rb") as file:
        return tomllib.load(file)


_content = load("content.toml")
SECTIONS: dict = _content["sections"]
TAGS: dict = _content["tags"]
AUTHORS: dict = _content["authors"]
IMAGES: dict = _content["images"]
FIGURES: dict = _content["figures"]
EMBEDS: dict = _content["embeds"]
CREDIT: str = _content["credit"]
SOURCE: str = _content["source"]

STORIES: list[dict] = load("stories.toml")["stories"]
