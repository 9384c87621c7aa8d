from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from media import services as media_services
        from newsroom import pagecache

        from . import history, memory, search, services

        # Reader pages are cached; every committed change purges the pages that show it.
        pagecache.connect()
        # A stored page is answered only while no scheduled change is due (read with it).
        pagecache.serve_only_if(services.NEXT_DUE_KEY, services.nothing_due)
        # The search index follows the write path's events (after each commit).
        search.connect()
        # Sections, tags, authors, images and embeds keep revisions (from the same events).
        history.connect()
        # Published translations feed the translation memory (articles/memory.py).
        memory.connect()
        # A picture's alt text that a story scheduled to go live needs stays (services.py).
        if services.scheduled_alt_text_check not in media_services.IMAGE_UPDATE_CHECKS:
            media_services.IMAGE_UPDATE_CHECKS.append(services.scheduled_alt_text_check)
