from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The audit trail: who published, unpublished, scheduled, restored, deleted or changed
    permissions, and when."""

    name = "audit"
    verbose_name = _("Audit trail")

    def ready(self):
        from . import signals, subscribers

        subscribers.connect()
        signals.connect()
