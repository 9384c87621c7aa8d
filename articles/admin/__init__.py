"""The editors' and translators' admin: articles in every language, and what files them.

One module per concern; importing them registers the admins.

- filing.py: sections, authors and tags (what an article is filed under)
- articles.py: the article form, its saving through the services, bulk publishing
- inlines.py: byline, tags and language versions on the article form
- placements.py: the placed pictures and videos, and the warning about gaps
- changelist.py: the article list: per-language filters, summary and titles
- accounts.py: accounts, groups and translators' languages, for chief editors
- desk.py: the translation desk, a translator's worklist
"""

from . import accounts, articles, desk, filing  # noqa: F401  (registers the admins)
