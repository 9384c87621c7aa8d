"""Same-app cleanup: stored files go when their rows go, once the deletion is committed;
the remembered storage address and rendition ladder go when their settings change."""

from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Image, Rendition


def _delete_file_on_commit(field_file):
    name, storage = field_file.name, field_file.storage
    if name:
        # After the commit: a rolled-back deletion must still find its files.
        transaction.on_commit(lambda: storage.delete(name))


@receiver(post_delete, sender=Image, dispatch_uid="media_image_file_delete")
def image_deleted(sender, instance, **kwargs):
    _delete_file_on_commit(instance.file)


@receiver(post_delete, sender=Rendition, dispatch_uid="media_rendition_file_delete")
def rendition_deleted(sender, instance, **kwargs):
    _delete_file_on_commit(instance.file)


@receiver(setting_changed, dispatch_uid="media_url_base_reset")
def storage_settings_changed(sender, setting, **kwargs):
    if setting in ("STORAGES", "MEDIA_URL", "MEDIA_ROOT"):
        from .services import media_url_base

        media_url_base.cache_clear()
    if setting in ("NEWSROOM_IMAGE_WIDTHS", "NEWSROOM_IMAGE_AVIF"):
        from .services import rendition_spec

        rendition_spec.cache_clear()
