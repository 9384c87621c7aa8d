"""Build the demo site through the same services an editor's actions use.

`manage.py seed_demo` is the front door; these functions do the work and can be called from
tests. They expect to run inside one transaction (the command opens it).
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape

from articles import services
from articles.models import Article, Author, Byline, Section, Tag
from media.models import Embed, Image, Placement
from media.services import image_create
from newsroom.languages import column, language_codes

from .content import AUTHORS, CREDIT, EMBEDS, FIGURES, IMAGES, SECTIONS, SOURCE, TAGS
from .images import render_jpeg
from .stories import DRAFT, SCHEDULED, STORIES

EDITOR_USERNAME = "editor"
EDITORS_GROUP = "Editors"
TRANSLATORS_GROUP = "Translators"

# Models an editor manages in full; translators may only look at most of them.
EDITOR_MODELS = (
    "article",
    "section",
    "author",
    "tag",
    "taggedarticle",
    "byline",
    "articlevariant",
)
TRANSLATOR_CHANGE_MODELS = ("article", "articlevariant")


@dataclass
class SeedReport:
    """What a seeding run did, for the command's summary."""

    sections: int = 0
    tags: int = 0
    authors: int = 0
    images: int = 0
    embeds: int = 0
    placements: int = 0
    articles: int = 0
    skipped_articles: int = 0
    visible: dict[str, int] = field(default_factory=dict)


def body_html(text: str) -> str:
    """Turn the stories' small markup into the simple HTML the body editor produces.

    Blocks are separated by blank lines; "## " makes a subheading and "> " a block quote.
    """
    blocks = []
    for block in text.strip().split("\n\n"):
        block = " ".join(line.strip() for line in block.strip().splitlines())
        if block.startswith("## "):
            blocks.append(f"<h2>{escape(block[3:])}</h2>")
        elif block.startswith("> "):
            blocks.append(f"<blockquote><p>{escape(block[2:])}</p></blockquote>")
        else:
            blocks.append(f"<p>{escape(block)}</p>")
    return "".join(blocks)


def _translated(prefix: str, values: dict[str, str]) -> dict[str, str]:
    return {column(prefix, code): value for code, value in values.items()}


def _sections() -> tuple[dict[str, Section], int]:
    found, created = {}, 0
    for position, (key, names) in enumerate(SECTIONS.items(), start=1):
        section = Section.objects.filter(slug_en=key).first()
        if section is None:
            section = Section(position=position, slug_en=key, **_translated("name", names))
            section.full_clean()
            section.save()
            created += 1
        found[key] = section
    return found, created


def _tags() -> tuple[dict[str, Tag], int]:
    found, created = {}, 0
    for key, names in TAGS.items():
        tag = Tag.objects.filter(slug_en=key).first()
        if tag is None:
            tag = Tag(slug_en=key, **_translated("name", names))
            tag.full_clean()
            tag.save()
            created += 1
        found[key] = tag
    return found, created


def _authors() -> tuple[dict[str, Author], int]:
    found, created = {}, 0
    for slug, data in AUTHORS.items():
        author = Author.objects.filter(slug=slug).first()
        if author is None:
            author = Author(
                slug=slug,
                name=data["name"],
                is_organisation=data.get("is_organisation", False),
                **_translated("bio", data["bio"]),
            )
            author.full_clean()
            author.save()
            created += 1
        found[slug] = author
    return found, created


def _image(key: str, specs: dict = IMAGES) -> Image:
    spec = specs[key]
    data = render_jpeg(spec["kind"], spec["palette"], spec["seed"], **spec.get("options", {}))
    # The same seed draws the same bytes: a picture left over from an earlier run (its
    # article deleted since) is reused instead of being refused as a duplicate.
    return image_create(
        file=ContentFile(data, name=f"demo-{key}.jpg"),
        reuse_existing=True,
        title_en=spec["title"],
        credit=CREDIT,
        source=SOURCE,
        **_translated("alt_text", spec["alt"]),
        **_translated("caption", spec["caption"]),
        **_translated("content_warning", spec.get("content_warning", {})),
    )


def _embed(key: str) -> Embed:
    """The demo video `key`, reused when an earlier run left it in the library."""
    spec = EMBEDS[key]
    embed = Embed.objects.filter(url=spec["url"]).first()
    if embed is None:
        # media.services has no write for embeds; validate as the admin form would.
        embed = Embed(
            url=spec["url"],
            **_translated("title", spec["title"]),
            **_translated("caption", spec["caption"]),
            **_translated("content_warning", spec.get("content_warning", {})),
        )
        embed.full_clean()
        embed.save()
    return embed


def _placements(article: Article, story: dict) -> int:
    """Place the story's pictures and videos in its body; returns how many were placed."""
    items = story.get("placements", ())
    for position, item in enumerate(items):
        placement = Placement(
            article=article,
            after_block=item["after"],
            position=position,
            image=_image(item["image"], FIGURES) if "image" in item else None,
            embed=_embed(item["embed"]) if "embed" in item else None,
            **_translated("caption_override", item.get("caption", {})),
        )
        placement.full_clean()
        placement.save()
    return len(items)


def _exists(story: dict) -> bool:
    source = story["source"]
    title = story["text"][source]["title"]
    return Article.objects.filter(**{column("title", source): title}).exists()


def _article(story: dict, *, now: datetime, sections, authors, tags, report: SeedReport) -> Article:
    fields = {}
    for code, text in story["text"].items():
        fields[column("title", code)] = text["title"]
        fields[column("standfirst", code)] = text["standfirst"]
        fields[column("body", code)] = body_html(text["body"])
    fields.update(_translated("content_warning", story.get("content_warning", {})))
    article = Article(
        source_language=story["source"],
        section=sections[story["section"]],
        lead_image=_image(story["image"]),
        **fields,
    )
    # As the admin does it: validate (this also sanitizes the body), save, then bookkeeping.
    article.full_clean()
    article.save()
    services.article_saved(article=article, previous=None)
    for position, slug in enumerate(story["authors"]):
        Byline.objects.create(article=article, author=authors[slug], position=position)
    article.tags.add(*(tags[key] for key in story["tags"]))
    report.placements += _placements(article, story)
    if story["status"] == DRAFT:
        return article
    when = now - timedelta(hours=story["hours_ago"])
    if story["status"] == SCHEDULED:
        assert when > now, "a scheduled demo story needs a time in the future"
    services.article_publish(article=article, at=when)
    for code in story["text"]:
        services.variant_set_state(article=article, language=code, state="published")
    return article


def seed_content(*, now: datetime | None = None) -> SeedReport:
    """Create the demo sections, tags, authors, pictures, videos and articles that are not
    there yet. Placed pictures and videos come with their (new) article only, so a re-run
    never places anything twice."""
    now = now or timezone.now()
    report = SeedReport()
    images_before, embeds_before = Image.objects.count(), Embed.objects.count()
    sections, report.sections = _sections()
    tags, report.tags = _tags()
    authors, report.authors = _authors()
    for story in STORIES:
        if _exists(story):
            report.skipped_articles += 1
            continue
        _article(story, now=now, sections=sections, authors=authors, tags=tags, report=report)
        report.articles += 1
    report.images = Image.objects.count() - images_before
    report.embeds = Embed.objects.count() - embeds_before
    report.visible = {code: Article.objects.visible(code).count() for code in language_codes()}
    return report


def _permissions(query: Q, expected: int | None = None) -> list[Permission]:
    permissions = list(Permission.objects.filter(query))
    if expected is not None and len(permissions) != expected:
        raise ImproperlyConfigured(
            "Some permissions are missing; run `manage.py migrate` before seed_demo."
        )
    return permissions


def ensure_groups() -> tuple[Group, Group]:
    """The "Editors" and "Translators" groups with their permissions.

    Permissions are only ever added, so changes an administrator made to these groups
    survive a re-run. The media app's models are looked up at run time, so models the
    picture desk adds later are covered too.
    """
    actions = ("add", "change", "view", "delete")
    editor_codenames = [f"{a}_{m}" for m in EDITOR_MODELS for a in actions]
    editor_perms = _permissions(
        Q(content_type__app_label="articles", codename__in=editor_codenames),
        expected=len(editor_codenames),
    )
    editor_perms += _permissions(
        Q(content_type__app_label="articles", codename="publish_article"), expected=1
    )
    editor_perms += _permissions(Q(content_type__app_label="media"))

    translator_codenames = [
        f"{a}_{m}" for m in TRANSLATOR_CHANGE_MODELS for a in ("change", "view")
    ] + [f"view_{m}" for m in EDITOR_MODELS if m not in TRANSLATOR_CHANGE_MODELS]
    translator_perms = _permissions(
        Q(content_type__app_label="articles", codename__in=translator_codenames),
        expected=len(translator_codenames),
    )
    translator_perms += _permissions(
        Q(content_type__app_label="media", codename__startswith="view_")
    )

    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    editors.permissions.add(*editor_perms)
    translators, _ = Group.objects.get_or_create(name=TRANSLATORS_GROUP)
    translators.permissions.add(*translator_perms)
    return editors, translators


def ensure_editor(*, group: Group, password: str | None, generated: str):
    """Create the staff user `editor` in `group`, or leave an existing one alone.

    Returns (user, password set now or None). A new account gets `password` or else
    `generated`; an existing one only changes when `password` is given.
    """
    model = get_user_model()
    user = model.objects.filter(username=EDITOR_USERNAME).first()
    if user is None:
        user = model.objects.create_user(
            username=EDITOR_USERNAME, email="editor@example.org", is_staff=True
        )
        user.groups.add(group)
        password = password or generated
    if password:
        user.set_password(password)
        user.save(update_fields=["password"])
    return user, password
