from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = _("Images and embeds")

    def ready(self):
        from . import signals  # noqa: F401 - connects the file cleanup
