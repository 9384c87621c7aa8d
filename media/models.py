"""Images and embeds: the picture desk."""

import functools
import json
import posixpath
import re
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from newsroom.languages import column

from . import renditions as pillow_renditions


class Manifest(dict):
    """A decoded manifest of ready renditions (Image.renditions_ready): read-only, because
    every Image loaded with the same stored text in this process shares it (ManifestField).
    Its lists are tuples. `memo` keeps what is made from it alone: the ladders of
    Image.ready_renditions and the picture tag's markup. A change is a new manifest,
    written whole (media.services.manifest_refresh).
    """

    __slots__ = ("memo",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.memo = {}

    def _read_only(self, *args, **kwargs):
        raise TypeError("A stored manifest is shared and read-only: write a new one.")

    __setitem__ = __delitem__ = __ior__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only

    def __reduce__(self):
        return (Manifest, (dict(self),))


def _frozen(value):
    if isinstance(value, dict):
        return Manifest((key, _frozen(item)) for key, item in value.items())
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


# A listing page decodes the manifest of every picture it shows: 7 to 8 kB of JSON each,
# which took three times as long as the database's own work for a tag page's listing. The
# same few hundred pictures fill the listings, so each distinct text is decoded once per
# process (a changed manifest is a different text, so nothing here is ever stale).
@functools.lru_cache(maxsize=256)
def _decoded_manifest(text: str):
    try:
        return _frozen(json.loads(text))
    except json.JSONDecodeError:
        return text


class ManifestField(models.TextField):
    """JSON kept as text, decoded once per process into a shared, read-only Manifest (see
    _decoded_manifest).

    Not a JSONField: the manifest is only ever read and written whole, never queried by its
    keys, and PostgreSQL turning 7 to 8 kB of jsonb back into text for each picture of a
    listing took 0.7 ms of a tag page's 1.5 ms query (21 pictures).
    """

    def from_db_value(self, value, expression, connection):
        return value if value is None else _decoded_manifest(value)

    def to_python(self, value):
        return _decoded_manifest(value) if isinstance(value, str) else value

    def get_prep_value(self, value):
        if value is None or isinstance(value, str):
            return value
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class ImageQuerySet(models.QuerySet):
    def with_renditions(self):
        """Renditions of every crop in one extra query (the picture tag reads this cache)."""
        return self.prefetch_related("renditions")

    def missing_alt_text(self, language):
        """Pictures without alt text in `language`."""
        name = column("alt_text", language)
        return self.filter(Q(**{f"{name}__isnull": True}) | Q(**{name: ""}))


# Random URL-safe tokens of 128 bits (22 characters): a stored file's address cannot be
# guessed or counted through, so a draft's or an embargoed story's picture stays unseen
# until the story is published and shows it.
TOKEN_BYTES = 16
_TOKEN_FOLDER = re.compile(r"^images/([A-Za-z0-9_-]{22})/")
_TOKEN_NAME = re.compile(r"^images/[A-Za-z0-9_-]{22}/[A-Za-z0-9_-]{22}(\.[a-z]+)?$")


def image_upload_to(image, filename):
    """images/<token>/<token>.<ext>: nothing of the uploaded file's name, no date, no id."""
    extension = posixpath.splitext(filename)[1].lower()
    if extension.lstrip(".") not in pillow_renditions.EXTENSIONS.values():
        extension = ""
    folder, name = secrets.token_urlsafe(TOKEN_BYTES), secrets.token_urlsafe(TOKEN_BYTES)
    return f"images/{folder}/{name}{extension}"


def is_unguessable(image, renditions) -> bool:
    """Whether the image's original and its renditions are stored at unguessable names:
    images/<token>/<token>.<ext> and renditions/<that token>/<random>-... (uploads since
    these names; older pictures are moved by `manage.py move_image_files`)."""
    if not _TOKEN_NAME.match(image.file.name or ""):
        return False
    folder = f"renditions/{image.file_token}/"
    return all(
        r.file.name.startswith(folder)
        and re.fullmatch(r"[A-Za-z0-9_-]{12}-.+", r.file.name[len(folder) :])
        for r in renditions
    )


class Image(models.Model):
    """A picture in the library, with per-language title, alt text and caption."""

    file = models.ImageField(
        _("file"), upload_to=image_upload_to, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    content_hash = models.CharField(
        _("content hash"),
        max_length=64,
        editable=False,
        blank=True,
        db_index=True,
        help_text=_("SHA-256 of the uploaded file; the same picture is only kept once."),
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("For the library; readers do not see it."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=500,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    caption = models.TextField(
        _("caption"), blank=True, help_text=_("Shown under the picture on the article page.")
    )
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer or agency.")
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where the picture came from (agency reference, URL, archive)."),
    )
    focal_x = models.FloatField(
        _("focal point x"), default=0.5, help_text=_("0 is the left edge, 1 the right edge.")
    )
    focal_y = models.FloatField(
        _("focal point y"), default=0.5, help_text=_("0 is the top edge, 1 the bottom edge.")
    )
    content_warning = models.CharField(
        _("content warning"),
        max_length=255,
        blank=True,
        help_text=_(
            "Readers see this instead of the picture until they choose to see it, "
            "e.g. “Graphic violence”."
        ),
    )

    class RenditionsState(models.TextChoices):
        PENDING = "pending", _("waiting")
        PROCESSING = "processing", _("processing")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    renditions_state = models.CharField(
        _("renditions"),
        max_length=12,
        choices=RenditionsState.choices,
        default=RenditionsState.PENDING,
        editable=False,
        help_text=_(
            "The sizes readers get are made in the background after an upload or a focal "
            "point change; until they are ready, pages show the original picture."
        ),
    )
    # What the picture tag needs to know, so that a page never reads a row per rendition:
    # {"spec": <ladder signature>, "crops": {crop: [[width, height, format, name], ...]}}.
    # Written by the rendition service (media.services.manifest_refresh) from the Rendition
    # rows, in the transaction that adds or deletes them; a crop is listed only once its whole
    # ladder exists, and the whole manifest counts only for the widths and formats it was made
    # for (a changed NEWSROOM_IMAGE_WIDTHS falls back to the rows until it is rewritten).
    renditions_ready = ManifestField(
        _("ready renditions"), default=dict, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ImageQuerySet.as_manager()

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="image_focal_point_inside",
            )
        ]

    def __str__(self):
        return self.title or self.alt_text or posixpath.basename(self.file.name or "") or "#"

    def get_absolute_url(self):
        return self.file.url

    @property
    def focal_point(self):
        return (self.focal_x, self.focal_y)

    @property
    def file_token(self):
        """The random folder of the stored file; the id for files stored before there was one."""
        match = _TOKEN_FOLDER.match(self.file.name or "")
        return match.group(1) if match else str(self.pk)

    @property
    def is_processed(self):
        """The background job has made this picture's renditions (see media.jobs)."""
        return self.renditions_state == self.RenditionsState.READY

    def ready_renditions(
        self, crop: str, spec: str, url_base: str = ""
    ) -> list["ReadyRendition"] | None:
        """The whole ladder of `crop` from the manifest, narrowest first, or None when the
        manifest does not vouch for it (not made yet, or made for another `spec`).

        The addresses the manifest stored with the ladder are used when they were made for
        `url_base` (the storage's address of "" now); else each is asked of the storage.
        """
        manifest = self.renditions_ready or {}
        if manifest.get("spec") != spec:
            return None
        memo = getattr(manifest, "memo", None)
        key = ("ladder", crop, url_base)
        if memo is not None and key in memo:
            return list(memo[key])
        ladder = self._ladder(manifest, crop, url_base)
        if memo is not None and ladder is not None:
            memo[key] = tuple(ladder)  # ReadyRendition is frozen: safe to share
        return ladder

    @staticmethod
    def _ladder(manifest, crop, url_base):
        rows = manifest.get("crops", {}).get(crop)
        if not rows:
            return None
        urls = manifest.get("urls", {}).get(crop) if url_base else None
        if urls and manifest.get("url_base") == url_base and len(urls) == len(rows):
            pairs = zip(rows, urls, strict=True)
            return [ReadyRendition(*row, stored_url=url) for row, url in pairs]
        return [ReadyRendition(*row) for row in rows]

    def cached_renditions(self):
        """All renditions, from the prefetch cache when there is one."""
        cache = getattr(self, "_prefetched_objects_cache", {})
        if "renditions" in cache:
            return list(cache["renditions"])
        return list(self.renditions.all())


@dataclass(frozen=True, slots=True)
class ReadyRendition:
    """A rendition as the manifest lists it: enough for <source>/<img> markup, no row."""

    width: int
    height: int
    format: str
    name: str
    # The storage's address of `name`, as the manifest stored it ("" to ask the storage).
    stored_url: str = ""

    @property
    def url(self) -> str:
        # Rendition.file has no storage of its own: the default storage stores them.
        return self.stored_url or default_storage.url(self.name)


def rendition_upload_to(rendition, filename):
    """renditions/<image token>/<random>-<crop>-<w>x<h>.<ext>: not guessable from the
    image's address (nor from its id, for images stored before tokens)."""
    return f"renditions/{rendition.image.file_token}/{secrets.token_urlsafe(9)}-{filename}"


class Rendition(models.Model):
    """One stored derivative of an image: a crop, at one width, in one format."""

    class Crop(models.TextChoices):
        FULL = "full", _("As uploaded")
        WIDE = "wide", _("16:9 (lead)")
        STANDARD = "standard", _("4:3 (structured data)")
        SQUARE = "square", _("1:1 (thumbnail)")

    class Format(models.TextChoices):
        AVIF = "avif", "AVIF"
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"

    image = models.ForeignKey(
        Image, verbose_name=_("image"), on_delete=models.CASCADE, related_name="renditions"
    )
    crop = models.CharField(_("crop"), max_length=10, choices=Crop.choices)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    file = models.FileField(_("file"), upload_to=rendition_upload_to, max_length=255)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        ordering = ["image", "crop", "width", "format"]
        constraints = [
            models.UniqueConstraint(
                fields=["image", "crop", "width", "format"], name="rendition_image_spec_uniq"
            )
        ]

    def __str__(self):
        return f"{self.image_id} {self.crop} {self.width}w {self.format}"

    def get_absolute_url(self):
        return self.file.url

    @property
    def url(self) -> str:
        return self.file.url

    @property
    def mime_type(self):
        return pillow_renditions.MIME_TYPES[self.format]


_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def parse_video_url(url):
    """(provider, video id) for a YouTube or Vimeo address, else (None, None)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path = parts.path.strip("/").split("/")
    video_id = None
    if host in ("youtube.com", "youtube-nocookie.com", "music.youtube.com"):
        if path[0] == "watch":
            video_id = (parse_qs(parts.query).get("v") or [None])[0]
        elif path[0] in ("embed", "shorts", "live", "v") and len(path) > 1:
            video_id = path[1]
        if video_id and _YOUTUBE_ID.match(video_id):
            return Embed.Provider.YOUTUBE, video_id
    elif host == "youtu.be" and path and _YOUTUBE_ID.match(path[0]):
        return Embed.Provider.YOUTUBE, path[0]
    elif host in ("vimeo.com", "player.vimeo.com"):
        digits = [p for p in path if p.isdigit()]
        if digits:
            return Embed.Provider.VIMEO, digits[0]
    return None, None


class Embed(models.Model):
    """A video or other web page shown in a story; nothing loads from it until the reader asks."""

    class Provider(models.TextChoices):
        YOUTUBE = "youtube", "YouTube"
        VIMEO = "vimeo", "Vimeo"
        LINK = "link", _("Link")

    url = models.URLField(
        _("address"),
        max_length=1000,
        help_text=_(
            "A YouTube or Vimeo video, or any https page (shown as a link card). "
            "Nothing is loaded from it until the reader clicks."
        ),
    )
    provider = models.CharField(
        _("provider"), max_length=20, choices=Provider.choices, editable=False
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Shown on the placeholder.")
    )
    caption = models.TextField(_("caption"), blank=True)
    content_warning = models.CharField(
        _("content warning"),
        max_length=255,
        blank=True,
        help_text=_("Readers see this before the embed, e.g. “Graphic violence”."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("embed")
        verbose_name_plural = _("embeds")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title or self.url

    def save(self, *args, **kwargs):
        provider, _video = parse_video_url(self.url or "")
        self.provider = provider or self.Provider.LINK
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.url

    def clean(self):
        if self.url and urlsplit(self.url).scheme != "https":
            raise ValidationError({"url": _("Only https addresses can be embedded.")})
        provider, _video = parse_video_url(self.url or "")
        self.provider = provider or self.Provider.LINK

    @property
    def player_url(self):
        """The iframe address on the provider's privacy-enhanced host, or "" for a link card."""
        provider, video_id = parse_video_url(self.url or "")
        if provider == self.Provider.YOUTUBE:
            query = urlencode({"autoplay": 1, "rel": 0})
            return f"https://www.youtube-nocookie.com/embed/{video_id}?{query}"
        if provider == self.Provider.VIMEO:
            return (
                f"https://player.vimeo.com/video/{video_id}?{urlencode({'dnt': 1, 'autoplay': 1})}"
            )
        return ""

    @property
    def host(self):
        return (urlsplit(self.url).hostname or "").removeprefix("www.")


def image_admin_url(image):
    return reverse("admin:media_image_change", args=[image.pk])
