"""Writes for the picture desk: uploads, texts, focal points, embeds and renditions.

Each write takes the acting user (`by`), checks the permission (PermissionDenied) and emits
one domain event after the commit; renditions are derived data and announce nothing.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import posixpath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from newsroom import events, jobs
from newsroom.permissions import require

from . import renditions as pillow
from .models import Embed, Image, Rendition, image_upload_to, is_unguessable, rendition_upload_to
from .validators import check_image_bytes, read_upload

logger = logging.getLogger(__name__)


class DuplicateImage(ValidationError):
    """The same file is already in the library; `existing` is that image."""

    def __init__(self, existing: Image):
        super().__init__(
            _("This picture is already in the library."),
            code="duplicate",
        )
        self.existing = existing


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def image_prepare_upload(*, file) -> tuple[ContentFile, str]:
    """Check an upload and return (the cleaned file to store, the upload's content hash).

    Raises ValidationError (DuplicateImage for a file already in the library) and
    stores nothing. The stored file is upright and free of identifying metadata unless
    NEWSROOM_IMAGE_KEEP_METADATA is on; its extension follows its real format and
    nothing of the uploaded file's name is kept.
    """
    data = read_upload(file)
    check_image_bytes(data)
    digest = content_hash(data)
    existing = Image.objects.filter(content_hash=digest).first()
    if existing is not None:
        raise DuplicateImage(existing)
    cleaned, fmt = pillow.clean_original(data, keep_metadata=settings.NEWSROOM_IMAGE_KEEP_METADATA)
    # The uploaded name goes: it can tell what an embargoed story is about. Image.file's
    # upload_to gives the stored file a random address; only the real format's extension stays.
    return ContentFile(cleaned, name=f"image.{pillow.EXTENSIONS[fmt]}"), digest


@transaction.atomic
def image_create(
    *,
    by,
    file=None,
    image: Image | None = None,
    uploaded_by=None,
    reuse_existing: bool = False,
    **fields,
) -> Image:
    """Check, clean and store an uploaded picture; return the new Image. Needs media.add_image.

    Refused uploads raise ValidationError and leave nothing behind. The same file
    uploaded twice raises DuplicateImage, or returns the existing image (announcing
    nothing) when `reuse_existing` is true. The admin passes an unsaved `image` whose file
    its form already checked and cleaned with image_prepare_upload; it is stored as it is.
    The uploader is `by` unless `uploaded_by` says otherwise.
    """
    require(by, "media.add_image")
    uploaded_by = uploaded_by if uploaded_by is not None else by
    if image is None:
        try:
            image = _image_create(file=file, uploaded_by=uploaded_by, **fields)
        except DuplicateImage as duplicate:
            if reuse_existing:
                return duplicate.existing
            raise
    else:
        if image.pk is not None or file is not None or fields:
            raise ValueError("Pass an unsaved, prepared `image` alone.")
        if image.uploaded_by_id is None:
            image.uploaded_by = uploaded_by
        image.full_clean()
        image.save()
        renditions_schedule(image=image)
    events.emit(events.ImageChanged(by=by, image_id=image.pk, state=events.state(image)))
    return image


def _image_create(*, file, uploaded_by=None, reuse_existing: bool = False, **fields) -> Image:
    try:
        content, digest = image_prepare_upload(file=file)
    except DuplicateImage as duplicate:
        if reuse_existing:
            return duplicate.existing
        raise
    image = Image(file=content, uploaded_by=uploaded_by, content_hash=digest, **fields)
    image.full_clean()
    image.save()
    renditions_schedule(image=image)
    return image


def image_set_focal_point(*, image: Image, x: float, y: float, by) -> Image:
    """Move the focal point; the crops made around the old one are deleted (files after commit).

    Needs media.change_image. Setting the point it already has changes and announces nothing.
    """
    require(by, "media.change_image")
    x, y = min(max(float(x), 0.0), 1.0), min(max(float(y), 0.0), 1.0)
    if (image.focal_x, image.focal_y) == (x, y):
        return image
    with transaction.atomic():
        image.focal_x, image.focal_y = x, y
        image.full_clean()
        image.save(update_fields=["focal_x", "focal_y"])
        _focal_point_moved(image)
        events.emit(events.ImageChanged(by=by, image_id=image.pk, state=events.state(image)))
    return image


def _focal_point_moved(image: Image) -> None:
    renditions_purge(image=image, crops=[c for c in pillow.CROPS if pillow.CROPS[c]])
    renditions_schedule(image=image)


# What other apps check before a picture's texts change, added in their AppConfig.ready()
# (media imports nothing from them): each is called as check(stored=, image=) inside
# image_update's transaction, before the save, and raises ValidationError (keyed by field)
# to refuse the change. articles refuses removing an alt text that a story scheduled to go
# live needs, since nothing checks that story again when its time comes.
IMAGE_UPDATE_CHECKS: list = []


@transaction.atomic
def image_update(*, image: Image, by, **fields) -> Image:
    """Change a picture's texts, credit, source or focal point (not its file: upload a new
    picture instead). Needs media.change_image.

    Pass the changed fields, or an `image` already changed in memory (the admin's form
    instance). A moved focal point replaces the crops made around the old one.
    """
    require(by, "media.change_image")
    if "file" in fields:
        raise ValueError("A picture's file never changes; upload a new image instead.")
    stored = Image.objects.select_for_update().get(pk=image.pk)
    for name, value in fields.items():
        image._meta.get_field(name)
        setattr(image, name, value)
    image.file = stored.file
    image.full_clean()
    for check in IMAGE_UPDATE_CHECKS:
        check(stored=stored, image=image)
    image.save()
    if (stored.focal_x, stored.focal_y) != (image.focal_x, image.focal_y):
        _focal_point_moved(image)
    events.emit(events.ImageChanged(by=by, image_id=image.pk, state=events.state(image)))
    return image


@transaction.atomic
def image_delete(*, image: Image, by) -> None:
    """Delete a picture with its renditions and files (after the commit); a picture still
    placed in a story cannot go (ProtectedError). Needs media.delete_image."""
    require(by, "media.delete_image")
    image_id = image.pk
    last = events.state(image)
    image.delete()
    events.emit(events.ImageChanged(by=by, image_id=image_id, deleted=True, state=last))


def _embed_save(embed: Embed, *, by, action: str, fields: dict) -> Embed:
    require(by, f"media.{action}_embed")
    for name, value in fields.items():
        embed._meta.get_field(name)
        setattr(embed, name, value)
    embed.full_clean()
    embed.save()
    events.emit(events.EmbedChanged(by=by, embed_id=embed.pk, state=events.state(embed)))
    return embed


@transaction.atomic
def embed_create(*, by, embed: Embed | None = None, **fields) -> Embed:
    """A new video or link card (fields, or an unsaved `embed`); only https addresses.
    Needs media.add_embed."""
    return _embed_save(embed if embed is not None else Embed(), by=by, action="add", fields=fields)


@transaction.atomic
def embed_update(*, embed: Embed, by, **fields) -> Embed:
    """Change an embed's address or texts; needs media.change_embed."""
    return _embed_save(embed, by=by, action="change", fields=fields)


@transaction.atomic
def embed_delete(*, embed: Embed, by) -> None:
    """Delete an embed no story places (ProtectedError otherwise); needs media.delete_embed."""
    require(by, "media.delete_embed")
    embed_id = embed.pk
    last = events.state(embed)
    embed.delete()
    events.emit(events.EmbedChanged(by=by, embed_id=embed_id, deleted=True, state=last))


def renditions_schedule(*, image: Image) -> None:
    """Have every crop's renditions made in the background once the transaction commits.

    The editor's upload (or focal point change) answers at once; the picture waits
    ("pending") until the job (media.jobs.make_renditions, on the Redis worker or in this
    process after the response: newsroom.jobs) has made them, and readers meanwhile get the
    original, scaled by the browser.
    """
    if image.renditions_state != Image.RenditionsState.PENDING:
        Image.objects.filter(pk=image.pk).update(renditions_state=Image.RenditionsState.PENDING)
        image.renditions_state = Image.RenditionsState.PENDING
    jobs.enqueue_on_commit("media.jobs.make_renditions", image.pk)


def renditions_make(*, image: Image) -> int:
    """Make whatever renditions of `image` are missing, for every crop; return how many exist."""
    return sum(len(image_renditions(image=image, crop=crop)) for crop in pillow.CROPS)


def renditions_purge(*, image: Image, crops=None) -> int:
    """Delete an image's renditions (of `crops`, or all); files go after the commit."""
    queryset = Rendition.objects.filter(image=image)
    if crops is not None:
        queryset = queryset.filter(crop__in=list(crops))
    count = 0
    for rendition in queryset:  # one by one so each file's deletion is scheduled
        rendition.delete()
        count += 1
    cache = getattr(image, "_prefetched_objects_cache", {})
    cache.pop("renditions", None)
    if count:
        manifest_refresh(image=image)
    return count


def rendition_formats() -> tuple[str, ...]:
    return pillow.output_formats(avif=settings.NEWSROOM_IMAGE_AVIF)


@functools.cache
def rendition_spec() -> str:
    """The signature of the ladder in force ("320,640|avif,webp,jpeg"); a manifest made for
    another one is not trusted.

    Kept for the process (every picture on a page asks, and asking Pillow whether it can
    write AVIF is not free); media.signals clears it when the image settings change (tests).
    """
    widths = ",".join(str(w) for w in sorted(set(settings.NEWSROOM_IMAGE_WIDTHS)))
    return f"{widths}|{','.join(rendition_formats())}"


@functools.cache
def media_url_base() -> str:
    """The storage's address of "" (its base URL), which tells whether the addresses a
    manifest stored are still the storage's: a moved MEDIA_URL or bucket domain changes
    it, and the pictures then ask the storage again until their manifests are rewritten.

    "" when the storage's addresses carry a query string (signed S3 addresses expire and
    must not be stored). Kept for the process; media.signals clears it when the storage
    settings change (tests).
    """
    base = default_storage.url("")
    return "" if "?" in base else base


def _complete(image: Image, crop: str, rows: list) -> bool:
    if not (image.width and image.height):
        return False
    sizes = pillow.plan(
        (image.width, image.height), crop, image.focal_point, settings.NEWSROOM_IMAGE_WIDTHS
    )
    have = {(r.width, r.format) for r in rows}
    return all((w, f) in have for w, _h in sizes for f in rendition_formats())


def manifest_refresh(*, image: Image) -> dict:
    """Rewrite the image's manifest of ready renditions (Image.renditions_ready) from its
    Rendition rows, and return it.

    Rebuilt from the rows rather than patched, under a lock on the image row, so that two
    processes making different crops at once cannot leave an entry for a deleted file: the
    last writer lists what is committed. A crop is listed only when its whole ladder (every
    planned width in every format) exists. Derived data: announces nothing.
    """
    with transaction.atomic():
        locked = Image.objects.select_for_update().filter(pk=image.pk).values_list("pk")
        if not locked:  # deleted meanwhile
            return {}
        rows = list(Rendition.objects.filter(image_id=image.pk).order_by("width", "format"))
        crops, urls = {}, {}
        for crop in pillow.CROPS:
            of_crop = [r for r in rows if r.crop == crop]
            if of_crop and _complete(image, crop, of_crop):
                crops[crop] = [[r.width, r.height, r.format, r.file.name] for r in of_crop]
                urls[crop] = [r.file.url for r in of_crop]
        manifest = {"spec": rendition_spec(), "crops": crops}
        if media_url_base():
            # The addresses too, so that a page asks the storage for none of them.
            manifest.update(url_base=media_url_base(), urls=urls)
        Image.objects.filter(pk=image.pk).update(renditions_ready=manifest)
    image.renditions_ready = manifest
    return manifest


def picture_renditions(*, image: Image, crop: str) -> list | None:
    """What the picture tag shows for `crop`: the manifest's ladder when it lists the crop
    (no query); None while the background job has not finished the picture (the page then
    shows the original: a reader's request never makes renditions the job is making);
    else the stored renditions, made on demand (image_renditions), which also record the
    crop in the manifest for the next page."""
    ready = image.ready_renditions(crop, rendition_spec(), media_url_base())
    if ready is not None:
        return ready
    if not image.is_processed:
        return None
    return image_renditions(image=image, crop=crop)


def image_renditions(*, image: Image, crop: str) -> list[Rendition]:
    """The stored renditions of `crop` (the whole ladder, every format), made once on demand.

    Uses the prefetch cache, makes only what is missing, decoding the source once.
    A missing or unreadable source returns what exists (possibly nothing) instead of failing.
    """
    widths = settings.NEWSROOM_IMAGE_WIDTHS
    formats = rendition_formats()
    existing = [r for r in image.cached_renditions() if r.crop == crop]
    have = {(r.width, r.format) for r in existing}
    if image.width and image.height:
        sizes = pillow.plan((image.width, image.height), crop, image.focal_point, widths)
        wanted = {(crop, w, f) for w, _h in sizes for f in formats if (w, f) not in have}
        if not wanted:
            existing = sorted(existing, key=lambda r: r.width)
            if image.ready_renditions(crop, rendition_spec()) is None:
                manifest_refresh(image=image)  # made before there was a manifest
            return existing
    else:
        wanted = None
    made = []
    try:
        with image.file.open("rb") as source:
            outputs = list(
                pillow.render(
                    source,
                    crops=[crop],
                    formats=formats,
                    focal=image.focal_point,
                    widths=widths,
                    wanted=wanted,
                )
            )
    except (FileNotFoundError, OSError, ValueError) as error:
        logger.warning("Cannot make renditions of image %s: %s", image.pk, error)
        return sorted(existing, key=lambda r: r.width)
    for output in outputs:
        if (output.width, output.format) in have:
            continue
        made.append(_rendition_store(image, output))
    result = sorted([*existing, *[r for r in made if r]], key=lambda r: r.width)
    cache = getattr(image, "_prefetched_objects_cache", None)
    if cache is not None and "renditions" in cache:
        cache["renditions"] = [r for r in image.cached_renditions() if r.crop != crop] + result
    if image.pk is not None and _complete(image, crop, result):
        manifest_refresh(image=image)
    return result


def _rendition_store(image: Image, output: pillow.Output) -> Rendition | None:
    extension = "jpg" if output.format == "jpeg" else output.format
    rendition = Rendition(
        image=image,
        crop=output.crop,
        width=output.width,
        height=output.height,
        format=output.format,
    )
    name = f"{output.crop}-{output.width}x{output.height}.{extension}"
    rendition.file.save(name, ContentFile(output.data), save=False)
    try:
        with transaction.atomic():
            rendition.save()
    except IntegrityError:
        # Another request made the same rendition meanwhile: keep theirs.
        rendition.file.storage.delete(rendition.file.name)
        return Rendition.objects.filter(
            image=image, crop=output.crop, width=output.width, format=output.format
        ).first()
    return rendition


# -- Moving pictures stored before unguessable names --


def image_files_move(*, image: Image) -> int:
    """Move a picture stored at a guessable address (images/2025/03/harbour.jpg, renditions
    under the image's id) to unguessable names, as an upload today gets; return how many
    files moved (0 when it already has them: running it again changes nothing).

    The files are copied through the storage API first, then the rows and the manifest
    point at the copies in one transaction; the old files are deleted once it commits (the
    copies, if it fails). A rendition whose file is gone is dropped, to be made again.
    Derived storage, changed by the system: ImageChanged(renditions_only) lets the pages
    showing the picture be purged. Call it outside a transaction.
    """
    image = Image.objects.get(pk=image.pk)
    renditions = list(Rendition.objects.filter(image=image))
    if is_unguessable(image, renditions):
        return 0
    storage = image.file.storage
    copies, old_names = [], []
    try:
        with transaction.atomic():
            original = _storage_copy(
                storage, image.file.name, image_upload_to(image, image.file.name)
            )
            copies.append(original)
            old_names.append(image.file.name)
            Image.objects.filter(pk=image.pk).update(file=original)
            image.file.name = original
            for rendition in renditions:
                rendition.image = image  # its folder is the image's new token
                extension = "jpg" if rendition.format == "jpeg" else rendition.format
                wanted = rendition_upload_to(
                    rendition, f"{rendition.crop}-{rendition.width}x{rendition.height}.{extension}"
                )
                if not storage.exists(rendition.file.name):
                    rendition.delete()  # made again on demand or by make_renditions
                    continue
                copies.append(_storage_copy(storage, rendition.file.name, wanted))
                old_names.append(rendition.file.name)
                Rendition.objects.filter(pk=rendition.pk).update(file=copies[-1])
            manifest_refresh(image=image)
            transaction.on_commit(lambda: [storage.delete(name) for name in old_names])
            events.emit(events.ImageChanged(by=None, image_id=image.pk, renditions_only=True))
    except Exception:
        for name in copies:
            storage.delete(name)
        raise
    return len(copies)


def _storage_copy(storage, name: str, wanted: str) -> str:
    """Copy a stored file to `wanted` (or the free name the storage picks); the name used."""
    with storage.open(name, "rb") as source:
        return storage.save(wanted, File(source, name=posixpath.basename(wanted)))
