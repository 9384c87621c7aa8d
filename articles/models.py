"""Articles and the things that file them: sections, authors, tags, per-language state."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse_lazy
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_prose_editor.fields import ProseEditorField, create_sanitizer
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from newsroom.addresses import dated_address, slug_address
from newsroom.languages import (
    active_language,
    column,
    columns,
    language_codes,
    language_name,
    language_order,
    localized,
)

from . import body as body_references

# What the picture markup reads of a listed story's lead picture (media_tags.render_picture),
# besides its alt text and content warning in every language.
LISTED_IMAGE_FIELDS = (
    "file",
    "width",
    "height",
    "content_hash",
    "focal_x",
    "focal_y",
    "renditions_state",
    "renditions_ready",
)

# What an editor can do in the article body; the same list drives the sanitizer (nh3),
# so nothing the editor cannot make survives a save.
BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    # Links come from the link button (or pasted HTML anchors) only, never from plain text:
    # Tiptap's autolink turned "the alternative.You do not" into a link to alternative.You.
    "Link": {
        "enableTarget": False,
        "protocols": ["http", "https", "mailto"],
        "autolink": False,
        "linkOnPaste": False,
    },
    "HardBreak": True,
    "History": True,
    # References to placed pictures and videos (articles/body.py); the editor node and its
    # sanitizer rule are registered in settings.DJANGO_PROSE_EDITOR_EXTENSIONS.
    "Placement": {
        "thumbnailUrl": reverse_lazy("admin:media_image_thumbnail", args=[0]),
        "labels": {
            "insertImage": _("Insert picture"),
            "insertEmbed": _("Insert video or link"),
            "image": _("Picture"),
            "embed": _("Video or link"),
        },
    },
}


def unique_per_language(model, field):
    """One UNIQUE constraint per language column: a slug may repeat across languages."""
    return [
        models.UniqueConstraint(fields=[column(field, code)], name=f"{model}_{field}_{code}_uniq")
        for code in language_codes()
    ]


def slug_for(instance, language=None):
    """The slug a section or tag answers to in `language`.

    Its own slug in that language, else the default language's, else any it has: an address
    must never be empty, and the views redirect every other slug to this one. fill_slugs()
    sees to it that a saved object has a slug in at least one language.
    """
    language = language or active_language()
    for code in language_order(language):
        if slug := localized(instance, "slug", code):
            return slug
    return ""


def slug_from(text: str, max_length: int) -> str:
    """The address form of a text (letters, digits and hyphens), or "" when it has none.

    "★", "🌍", "!!!" and "🔥🔥🔥" have no letters or digits and give "".
    """
    return slugify(text or "", allow_unicode=True)[:max_length].strip("-_")


def fallback_slug(instance) -> str:
    """The stable, id-based slug ("section-12") of an object whose text gives no slug."""
    return f"{instance._meta.model_name}-{instance.pk}"


def fill_slugs(instance, source_field: str, max_length: int) -> list[str]:
    """Fill each empty language slug from that language's text; no text stays NULL.

    A text with no letters or digits gets the id-based fallback_slug(), and so does the
    default language when no language has a slug at all: every object has an address in
    every language (slug_for() falls back across languages). A new object has no id yet:
    the slug columns that still need the fallback are returned for save_with_slugs().
    """
    pending = []
    for code in language_codes():
        slug_column, text = column("slug", code), localized(instance, source_field, code)
        slug = getattr(instance, slug_column) or slug_from(text, max_length)
        if not slug and text:
            pending.append(slug_column)
        setattr(instance, slug_column, slug or None)
    if not pending and not any(localized(instance, "slug", code) for code in language_codes()):
        pending.append(column("slug", settings.LANGUAGE_CODE))
    if instance.pk is None:
        return pending
    for slug_column in pending:
        setattr(instance, slug_column, fallback_slug(instance))
    return []


def save_with_slugs(instance, save, pending: list[str]) -> None:
    """Run `save()`, then give the `pending` slug columns the id-based fallback.

    The fallback needs the id, which a new object has only once inserted: the insert and
    the update are one transaction, so nobody ever sees the object without an address.
    """
    if not pending:
        save()
        return
    with transaction.atomic(using=instance._state.db):
        save()
        for slug_column in pending:
            setattr(instance, slug_column, fallback_slug(instance))
        type(instance)._base_manager.using(instance._state.db).filter(pk=instance.pk).update(
            **{slug_column: getattr(instance, slug_column) for slug_column in pending}
        )


def fallback_addresses(instance, source_field: str) -> list[tuple[str, str]]:
    """(text, address) for each language whose slug is the id-based fallback of its text.

    What the admin tells an editor after a save ("“★” has no letters or digits ...").
    """
    if not hasattr(instance, column("slug", settings.LANGUAGE_CODE)):  # an author's one slug
        text = getattr(instance, source_field)
        if text and not slug_from(text, 255) and instance.slug == fallback_slug(instance):
            return [(text, instance.get_absolute_url())]
        return []
    found = []
    for code in language_codes():
        text = localized(instance, source_field, code)
        if (
            text
            and not slug_from(text, 255)
            and localized(instance, "slug", code) == (fallback_slug(instance))
        ):
            with translation.override(code):
                found.append((text, instance.get_absolute_url()))
    return found


class Section(models.Model):
    """A part of the paper (World, Climate, Culture) that articles are filed in."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        blank=True,
        help_text=_("Part of the section's address; filled from the name when left empty."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Sections are listed in this order.")
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "pk"]
        constraints = unique_per_language("section", "slug")

    def __str__(self):
        return self.name or localized(self, "name", settings.LANGUAGE_CODE)

    def save(self, *args, **kwargs):
        pending = fill_slugs(self, "name", 100)
        save_with_slugs(self, lambda: super(Section, self).save(*args, **kwargs), pending)

    def get_absolute_url(self):
        return slug_address("articles:section", slug_for(self), active_language())


class Author(models.Model):
    """A name in a byline: a person, the newsroom itself, a partner or a wire agency."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        NEWSROOM = "newsroom", _("The newsroom itself")
        PARTNER = "partner", _("Partner organisation")
        AGENCY = "agency", _("News agency (wire)")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text=_("Part of the author's address; filled from the name when left empty."),
    )
    bio = models.TextField(_("biography"), blank=True, help_text=_("A short paragraph."))
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.PERSON,
        help_text=_(
            "A person, or an organisation credited as such: the newsroom itself "
            "(“Newsroom staff”), a partner, or a news agency."
        ),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author",
    )

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Author slugs are not translated: one slug, by the same rule as fill_slugs().
        self.slug = self.slug or slug_from(self.name, 200)
        if not self.slug and self.pk is not None:
            self.slug = fallback_slug(self)
        pending = [] if self.slug else ["slug"]
        save_with_slugs(self, lambda: super(Author, self).save(*args, **kwargs), pending)

    def get_absolute_url(self):
        return slug_address("articles:author", self.slug, active_language())

    @property
    def is_organisation(self) -> bool:
        """An organisation's byline (the newsroom, a partner, an agency), not a person's."""
        return self.kind != self.Kind.PERSON

    @is_organisation.setter
    def is_organisation(self, value: bool) -> None:
        # The boolean this field replaced meant "the newsroom itself"; old callers keep working.
        if value:
            self.kind = self.Kind.NEWSROOM if self.kind == self.Kind.PERSON else self.kind
        else:
            self.kind = self.Kind.PERSON


class Tag(TagBase):
    """A topic; one identity across languages, with a name and slug in each."""

    # TagBase's unique name/slug would also bind the untranslated columns; uniqueness is
    # per language column instead (see Meta.constraints).
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True, blank=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = unique_per_language("tag", "slug") + unique_per_language("tag", "name")

    def __str__(self):
        for code in language_order(active_language()):
            if name := localized(self, "name", code):
                return name
        return ""

    def save(self, *args, **kwargs):
        pending = fill_slugs(self, "name", 100)
        # TagBase.save() would build a slug from the active language only.
        save_with_slugs(self, lambda: models.Model.save(self, *args, **kwargs), pending)

    def get_absolute_url(self):
        return slug_address("articles:tag", slug_for(self), active_language())


class TaggedArticle(TaggedItemBase):
    """The link between an article and one of its tags."""

    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")

    class Meta:
        verbose_name = _("tagged article")
        verbose_name_plural = _("tagged articles")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_article_uniq")
        ]


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """Published, and its time has come (a future published_at schedules it).
        `now`: the time to compare with, when not the present (a prepared query's stand-in)."""
        return self.filter(
            status=Article.Status.PUBLISHED,
            published_at__lte=timezone.now() if now is None else now,
        )

    def in_language(self, code):
        """Whose variant in this language is published."""
        return self.filter(variants__language=code, variants__state=ArticleVariant.State.PUBLISHED)

    def visible(self, code, now=None):
        """What a reader of this language may see."""
        return self.published(now).in_language(code)

    def in_section(self, section):
        return self.filter(section=section)

    def for_listing(self):
        """Everything a listing shows (title, standfirst, date, section, lead picture), in one
        query however long the list.

        The lead picture's renditions come from the image's own manifest, not from a
        prefetch of its rows; the bodies (every language's) are not read. A page that shows
        bylines or tags adds with_filing(): a listing of twenty would otherwise build
        hundreds of byline, author, tag and taggit manager objects it never shows.
        """
        return self.select_related("section", "lead_image").defer("body", *columns("body"))

    def listed_in(self, language):
        """for_listing() with only the columns a listed story shows in `language`: its
        title, address and standfirst in that language (story_item), not the dozens of
        every language's texts; the lead picture without its titles, captions and credit,
        which a listing does not show. No section: a listed story does not show it (the
        home page adds it for its lead). Each joined table and column is planning and
        compiling work for every page.
        """
        return (
            self.for_listing()
            .select_related(None)
            .select_related("lead_image")
            .only(
                "pk",
                "published_at",
                "created_at",
                "section",
                "lead_image",
                column("title", language),
                column("slug", language),
                column("standfirst", language),
                *(f"lead_image__{name}" for name in LISTED_IMAGE_FIELDS),
                *(f"lead_image__{name}" for name in columns("alt_text", "content_warning")),
            )
        )

    def with_filing(self):
        """Bylines (with their authors, in order) and tags, in two more queries.

        Tags are prefetched through the link table into `tag_links` (a plain list, read by
        Article.tag_objects()), ordered by their name in the active language: taggit's
        manager would build a queryset per article.
        """
        return self.prefetch_related(
            models.Prefetch(
                "bylines", queryset=Byline.objects.select_related("author").order_by("position")
            ),
            models.Prefetch(
                "taggedarticle_set",
                queryset=TaggedArticle.objects.select_related("tag").order_by(
                    f"tag__{column('name', active_language())}", "tag__pk"
                ),
                to_attr="tag_links",
            ),
        )


class Article(models.Model):
    """A story, written in one source language and translated into others."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    source_language = models.CharField(
        _("source language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the story was written in; translations follow it."),
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        allow_unicode=True,
        blank=True,
        help_text=_("Part of the address; filled from the title when left empty."),
    )
    standfirst = models.TextField(
        _("standfirst"), blank=True, help_text=_("One or two sentences under the headline.")
    )
    body = ProseEditorField(
        _("body"),
        blank=True,
        config={"extensions": BODY_EXTENSIONS},
        # nh3 first (the allowlist from BODY_EXTENSIONS), then only well-formed references
        # keep their <figure>.
        sanitize=[body_references.keep_only_references, create_sanitizer],
    )
    seo_title = models.CharField(
        _("SEO title"),
        max_length=255,
        blank=True,
        help_text=_("For search engines and social cards; the title when left empty."),
    )
    seo_description = models.CharField(
        _("SEO description"),
        max_length=300,
        blank=True,
        help_text=_("For search engines; the standfirst when left empty."),
    )
    content_warning = models.CharField(
        _("content warning"),
        max_length=255,
        blank=True,
        help_text=_("Shown before the story, e.g. “Contains descriptions of violence.”"),
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
    )
    authors = models.ManyToManyField(
        Author, verbose_name=_("authors"), through="Byline", related_name="articles", blank=True
    )
    tags = TaggableManager(
        verbose_name=_("tags"), through=TaggedArticle, blank=True, help_text=_("Comma-separated.")
    )
    lead_image = models.ForeignKey(
        "media.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("A time in the future schedules the article."),
    )
    first_published_at = models.DateTimeField(
        _("first published"), null=True, blank=True, editable=False
    )
    source_version = models.PositiveIntegerField(
        _("source version"),
        default=1,
        editable=False,
        help_text=_("Goes up each time the source-language text changes."),
    )
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_(
            "Goes up on every write to the article or its pending changes; a save that "
            "started from an older version is refused."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="articles_created",
        help_text=_("The story's owner: a reporter may change their own stories."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-pk"]
        constraints = unique_per_language("article", "slug")
        # What every reader listing filters and orders by (published(), newest first): the
        # count and the page read this index only, not the wide rows with every language's
        # text (on SQLite the home page's count went from about 8 ms to under 1 ms). SQLite's
        # index carries the row id anyway; PostgreSQL's needs it included for the join with
        # the variants to stay in the index (a count of 2,000 stories: about 5 ms to 2 ms).
        indexes = [
            models.Index(
                fields=["status", "published_at"], include=["id"], name="article_status_published"
            )
        ]
        permissions = [("publish_article", _("Can publish and unpublish articles"))]

    def __str__(self):
        return (
            localized(self, "title")
            or localized(self, "title", self.source_language)
            or f"#{self.pk}"
        )

    def save(self, *args, **kwargs):
        pending = fill_slugs(self, "title", 255)
        # full_clean() sanitizes too; this also covers writes that skip it (imports, shell),
        # since reader pages print the body as HTML.
        for code in language_codes():
            field = self._meta.get_field(column("body", code))
            value = getattr(self, field.attname)
            if value:
                setattr(self, field.attname, field.sanitize(value))
        save_with_slugs(self, lambda: super(Article, self).save(*args, **kwargs), pending)

    def get_absolute_url(self, language=None):
        language = language or active_language()
        slug = localized(self, "slug", language)
        when = timezone.localtime(self.published_at or self.created_at or timezone.now())
        return dated_address("articles:article", when, slug or str(self.pk), language)

    def clean(self):
        if not localized(self, "title", self.source_language):
            raise ValidationError(
                {column("title", self.source_language): _("The source-language title is required.")}
            )
        fill_slugs(self, "title", 255)

    def is_published(self, language=None):
        """Keep in step with ArticleQuerySet.visible()."""
        if self.status != self.Status.PUBLISHED or not self.published_at:
            return False
        if self.published_at > timezone.now():
            return False
        if language is None:
            return True
        return language in self.published_languages()

    def tag_objects(self) -> list:
        """The article's tags, from with_filing()'s prefetch when there is one."""
        links = getattr(self, "tag_links", None)
        if links is not None:
            return [link.tag for link in links]
        return list(self.tags.all())

    def published_languages(self):
        """Languages whose variant is published (uses the prefetch cache when there is one)."""
        published = ArticleVariant.State.PUBLISHED
        return {v.language for v in self.variants.all() if v.state == published}


class Byline(models.Model):
    """An author credited on an article, in byline order."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        Author, verbose_name=_("author"), on_delete=models.PROTECT, related_name="bylines"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_article_author_uniq")
        ]

    def __str__(self):
        return str(self.author)


class ArticleVariantQuerySet(models.QuerySet):
    def outdated(self):
        """Translations whose source text changed since they were brought up to date.

        Keep in step with ArticleVariant.is_outdated.
        """
        return (
            self.exclude(state=ArticleVariant.State.MISSING)
            .exclude(language=models.F("article__source_language"))
            .filter(source_version__lt=models.F("article__source_version"))
        )


class ArticleVariant(models.Model):
    """Where one language version of an article stands."""

    class State(models.TextChoices):
        MISSING = "missing", _("Missing")
        IN_PROGRESS = "in_progress", _("In progress")
        READY = "ready", _("Ready for review")
        PUBLISHED = "published", pgettext_lazy("language version state", "Published")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="variants")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.MISSING
    )
    source_version = models.PositiveIntegerField(
        _("translated from version"),
        default=0,
        help_text=_("The source version this translation was last brought up to date with."),
    )
    content_updated_at = models.DateTimeField(
        _("text updated"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When this language's title, standfirst or body last changed after the story "
            "was first published (readers see “Updated”)."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleVariantQuerySet.as_manager()

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        ordering = ["article", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="variant_article_language_uniq"
            )
        ]
        # in_language(): answered from an index alone, without reading the variant rows: for
        # one article (the article page), or for every article of a language (a listing's
        # count on PostgreSQL, which scans the language's published variants).
        indexes = [
            models.Index(fields=["article", "language", "state"], name="variant_visible_lookup"),
            models.Index(fields=["language", "state", "article"], name="variant_language_state"),
        ]

    def __str__(self):
        return f"{self.article} [{self.language}]"

    @property
    def is_outdated(self):
        """The source text changed since this translation was brought up to date.

        Keep in step with ArticleVariantQuerySet.outdated().
        """
        return (
            self.language != self.article.source_language
            and self.state != self.State.MISSING
            and self.source_version < self.article.source_version
        )


class Correction(models.Model):
    """A dated note on one language version of a story: a correction or an update."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="corrections"
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        help_text=_("The language version the note is shown on."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(
        _("text"),
        help_text=_(
            "What was wrong and what is right now, or what is new. Plain text; "
            "links, bold and italics are kept."
        ),
    )
    created_at = models.DateTimeField(_("date"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["article", "language"], name="correction_article_lang")]

    def __str__(self):
        return f"{self.get_kind_display()} [{self.language}] {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return self.article.get_absolute_url(self.language) + f"#correction-{self.pk}"


class SlugHistory(models.Model):
    """An address an article used to have; it answers with a permanent redirect."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("old slug")
        verbose_name_plural = _("old slugs")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "slug"], name="slughistory_language_slug_uniq"
            )
        ]

    def __str__(self):
        return f"{self.language}/{self.slug}"


class PlacementQuerySet(models.QuerySet):
    def for_body(self):
        """With images and embeds: what `{% article_body %}` shows (the pictures' renditions
        come from each image's manifest)."""
        return self.select_related("image", "embed")


class Placement(models.Model):
    """An image or embed placed in an article's body; each language's body says where,
    with a reference to its key (articles/body.py)."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="placements",
    )
    key = models.CharField(
        _("key"),
        max_length=40,
        help_text=_("Names this item in the body of every language."),
    )
    image = models.ForeignKey(
        "media.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placements",
    )
    embed = models.ForeignKey(
        "media.Embed",
        verbose_name=_("embed"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placements",
    )
    caption_override = models.TextField(
        _("caption for this article"),
        blank=True,
        help_text=_("Replaces the image's or embed's own caption in this article only."),
    )
    accepted_gaps = models.JSONField(
        _("left out on purpose in"),
        default=list,
        blank=True,
        help_text=_("Languages whose text leaves this item out on purpose (no warning)."),
    )

    objects = PlacementQuerySet.as_manager()

    class Meta:
        verbose_name = _("placed image or embed")
        verbose_name_plural = _("placed images and embeds")
        ordering = ["article", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(image__isnull=False, embed__isnull=True)
                    | models.Q(image__isnull=True, embed__isnull=False)
                ),
                name="article_placement_image_xor_embed",
            ),
            models.UniqueConstraint(fields=["article", "key"], name="placement_article_key_uniq"),
        ]

    def __str__(self):
        return str(self.image or self.embed or self.key)

    def get_absolute_url(self):
        return self.article.get_absolute_url()

    def clean(self):
        if bool(self.image_id) == bool(self.embed_id):
            raise ValidationError(_("Choose either an image or an embed."))
        if not body_references.is_key(self.key):
            raise ValidationError({"key": _("Not a placement key.")})


def placements_prefetch(lookup="placements"):
    """The one prefetch `{% article_body %}` needs: placed items with their images and
    embeds (one query for any number of placements)."""
    return models.Prefetch(lookup, queryset=Placement.objects.for_body())


class ArticleSearch(models.Model):
    """One language version of an article as site search reads it (articles/search.py).

    Written by the search index hooks after each committed change, never by hand: `document`
    is the folded text the embedded (SQLite) search matches words in, `body_text` the plain
    text snippets are cut from, and on PostgreSQL `vector` the weighted tsvector (title A,
    standfirst B, body C) in the language's text search configuration, behind a GIN index.
    The index exists on PostgreSQL only, so it is made by the migration and not declared in
    Meta.indexes (SQLite, which rebuilds tables to alter them, would fail on `USING gin`).
    """

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="search_entries", editable=False
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    document = models.TextField(_("folded text"), blank=True, editable=False)
    body_text = models.TextField(_("body as plain text"), blank=True, editable=False)
    vector = SearchVectorField(_("search vector"), null=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        ordering = ["article", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="articlesearch_article_language_uniq"
            )
        ]

    def __str__(self):
        return f"{self.article_id} [{self.language}]"


class Revision(models.Model):
    """One save, publication, restore or refused save of an article: who, when, and the
    whole article as it then stood (articles/revisions.py writes and reads `data`).

    Immutable once written; the newest revision of each part a PendingChange points to is
    the pending content of that part.
    """

    class Kind(models.TextChoices):
        SAVED = "saved", pgettext_lazy("revision kind", "Saved")
        PUBLISHED = "published", pgettext_lazy("revision kind", "Published")
        UNPUBLISHED = "unpublished", pgettext_lazy("revision kind", "Unpublished")
        SCHEDULED = "scheduled", pgettext_lazy("revision kind", "Scheduled")
        RESTORED = "restored", pgettext_lazy("revision kind", "Restored")
        SUBMITTED = "submitted", pgettext_lazy("revision kind", "Submitted for review")
        SENT_BACK = "sent_back", pgettext_lazy("revision kind", "Sent back")
        CONFLICT = "conflict", pgettext_lazy("revision kind", "Refused save (kept)")
        UP_TO_DATE = "up_to_date", pgettext_lazy("revision kind", "Marked up to date")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("number"), help_text=_("1, 2, … per article."))
    version = models.PositiveIntegerField(
        _("article version"), default=0, help_text=_("The article's version after this write.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SAVED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_("The languages whose text this revision changed; “*” for the shared fields."),
    )
    data = models.JSONField(_("content"), default=dict)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["article", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="revision_article_number_uniq"
            )
        ]

    def __str__(self):
        return f"{self.article_id} #{self.number} ({self.kind})"


class PendingChange(models.Model):
    """A part of a published article that was changed and waits to go live: one language's
    text, or ("" language) the shared fields, byline, tags and placed items.

    Its content is that part of `revision.data`. Readers keep seeing the Article row until
    someone allowed to publish makes it live (now, or at `scheduled_at`).
    """

    SHARED = ""

    class State(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("pending change state", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("pending change state", "Submitted for review")
        SENT_BACK = "sent_back", pgettext_lazy("pending change state", "Sent back")

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="pending_changes",
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("Empty for the shared fields, byline, tags and placed items."),
    )
    revision = models.ForeignKey(
        Revision, verbose_name=_("revision"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    scheduled_at = models.DateTimeField(
        _("goes live at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The change goes live by itself at this time."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    comment = models.TextField(_("reviewer's note"), blank=True)

    class Meta:
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")
        ordering = ["article", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="pendingchange_article_language_uniq"
            )
        ]

    def __str__(self):
        return f"{self.article_id} [{self.language or '*'}]"


class ObjectRevision(models.Model):
    """One saved state of a section, tag, author, image or embed: who, when, and every field
    (each language's column included) as it then stood. Written after each committed
    change (articles/history.py), never edited; kept when the object is deleted."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of object"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    object_repr = models.CharField(_("object"), max_length=255, blank=True)
    number = models.PositiveIntegerField(_("number"), help_text=_("1, 2, … per object."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    deleted = models.BooleanField(_("deleted"), default=False)
    data = models.JSONField(_("content"), default=dict)

    class Meta:
        verbose_name = _("object revision")
        verbose_name_plural = _("object revisions")
        ordering = ["content_type", "object_id", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "number"],
                name="objectrevision_object_number_uniq",
            )
        ]

    def __str__(self):
        return f"{self.object_repr} #{self.number}"


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        """Neither revoked nor expired: links that still open their preview."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """A signed, expiring address at which anyone holding it sees the pending version of an
    article in one language without logging in (articles/previews.py signs and checks it).

    The row is what can be revoked: the signature proves the link was made here, the row
    says whether it still works.
    """

    token = models.UUIDField(_("token"), unique=True, editable=False)
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="preview_links"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.article} [{self.language}]"

    def get_absolute_url(self):
        from .previews import preview_url

        return preview_url(self)

    @property
    def is_active(self) -> bool:
        """Keep in step with PreviewLinkQuerySet.active()."""
        return self.revoked_at is None and self.expires_at > timezone.now()


class ReviewQueue(PendingChange):
    """The pending changes waiting for review, as the admin's index and sidebar list them
    (its admin page is the review queue, articles/admin/review.py)."""

    class Meta:
        proxy = True
        verbose_name = _("review queue")
        verbose_name_plural = _("review queue")


class TranslationDesk(ArticleVariant):
    """The translators' worklist, as the admin's index and sidebar list it (its admin page
    is the desk, articles/admin/desk.py)."""

    class Meta:
        proxy = True
        verbose_name = _("translation desk")
        verbose_name_plural = _("translation desk")


class TranslatorProfile(models.Model):
    """The languages a translator is assigned to: the only ones whose text they may change."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.CASCADE,
        related_name="translator_profile",
    )
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_("The languages this person translates into; never a story's source language."),
    )

    class Meta:
        verbose_name = _("translator's languages")
        verbose_name_plural = _("translators' languages")
        ordering = ["user"]

    def __str__(self):
        return ", ".join(str(language_name(code)) for code in self.languages) or "–"

    def clean(self):
        unknown = [code for code in self.languages if code not in language_codes()]
        if not isinstance(self.languages, list) or unknown:
            raise ValidationError({"languages": _("Choose site languages only.")})


class TranslationMemory(models.Model):
    """A text translated before on this site, as an editor published it: one source
    segment (a paragraph, a caption, an alt text, a warning, a tag name) and its
    translation, found again by the hash of its normalised source (articles/memory.py
    fills and reads it)."""

    source_language = models.CharField(_("source language"), max_length=10)
    target_language = models.CharField(_("target language"), max_length=10)
    source_hash = models.CharField(
        _("source hash"), max_length=64, help_text=_("SHA-256 of the normalised source text.")
    )
    source_text = models.TextField(_("source text"))
    target_text = models.TextField(_("translation"))
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    field = models.CharField(
        _("field"),
        max_length=100,
        help_text=_("Where the text was: “body”, “title”, “image:12.alt_text”, …"),
    )
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        verbose_name = _("translation memory entry")
        verbose_name_plural = _("translation memory")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(
                fields=["source_language", "target_language", "source_hash"],
                name="memory_pair_hash",
            )
        ]

    def __str__(self):
        return f"{self.source_language}→{self.target_language}: {self.source_text[:40]}"


class SourceText(models.Model):
    """The source-language title, standfirst and body of an article at one source version.

    Written by services.article_saved each time Article.source_version goes up (and for a
    new article), never edited: a translation made from version N is compared with the
    source as it stood at N ("what changed since"). A Revision cannot say this: it holds
    the editors' pending view (drafts included), and the source version counts changes of
    the live row only.
    """

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="source_texts"
    )
    version = models.PositiveIntegerField(_("source version"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    text = models.JSONField(
        _("text"), default=dict, help_text=_("Title, standfirst and body at this version.")
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("source text")
        verbose_name_plural = _("source texts")
        ordering = ["article", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "version"], name="sourcetext_article_version_uniq"
            )
        ]

    def __str__(self):
        return f"{self.article_id} v{self.version} [{self.language}]"

    def get_absolute_url(self):
        return self.article.get_absolute_url(self.language)
