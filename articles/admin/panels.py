"""Panels that apps built on articles add to the article form.

The article admin imports no app above it (tests/newsroom/test_import_graph.py). An app that
keeps something about a story, such as the audit trail, registers a panel from its own admin
module: a label and a function that renders the panel for a saved article. The article form
shows the registered panels in one read-only row, labelled with their labels.
"""

from collections.abc import Callable

from django.utils.functional import lazy
from django.utils.html import format_html_join

_PANELS: dict[str, tuple[str, Callable]] = {}


def article_panel_register(*, name: str, label: str, render: Callable) -> None:
    """Show `render(article)` (safe HTML, or "" for nothing) on the article form; a second
    registration under the same `name` replaces the first."""
    _PANELS[name] = (label, render)


def _labels() -> str:
    return " · ".join(str(label) for label, _render in _PANELS.values())


panels_label = lazy(_labels, str)


def article_panels(article) -> str:
    """The registered panels for `article`, one after the other, as safe HTML."""
    rendered = [(render(article),) for _label, render in _PANELS.values()]
    return format_html_join("", "{}", (row for row in rendered if row[0]))
