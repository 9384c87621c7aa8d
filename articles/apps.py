from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from newsroom import pagecache

        from . import history, memory, search

        # Reader pages are cached; every committed change purges the pages that show it.
        pagecache.connect()
        # The search index follows the write path's events (after each commit).
        search.connect()
        # Sections, tags, authors, images and embeds keep revisions (from the same events).
        history.connect()
        # Published translations feed the translation memory (articles/memory.py).
        memory.connect()
