"""Build the demo site through the same services an editor's actions use.

`manage.py seed_demo` is the front door; these functions do the work and can be called from
tests. They expect to run inside one transaction (the command opens it), and act as the
demo's `editor` account (a member of Editors, who may publish): the demo content is what
that editor would have written, and every write is checked and announced like theirs.
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

from articles import body as body_references
from articles import services
from articles.models import Article, Author, Section, Tag
from media.models import Embed, Image
from media.services import embed_create, image_create
from newsroom.languages import column, language_codes

from .content import (
    AUTHORS,
    CREDIT,
    DRAFT,
    EMBEDS,
    FIGURES,
    IMAGES,
    SCHEDULED,
    SECTIONS,
    SOURCE,
    STORIES,
    TAGS,
)
from .images import render_jpeg

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
    "placement",
)
# Placements: their captions in the translator's languages (articles/admin/roles.py).
TRANSLATOR_CHANGE_MODELS = ("article", "articlevariant", "placement")


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


def body_html(text: str, placed: dict[str, str] | None = None) -> str:
    """Turn the stories' small markup into the simple HTML the body editor produces.

    Blocks are separated by blank lines; "## " makes a subheading and "> " a block quote;
    "[[picture KEY]]" and "[[video KEY]]" are references to the placements `placed` maps
    KEY to (as the editor's "Insert picture" writes them).
    """
    blocks = []
    for block in text.strip().split("\n\n"):
        block = " ".join(line.strip() for line in block.strip().splitlines())
        if block.startswith("[[") and block.endswith("]]"):
            _kind, key = block[2:-2].split()
            blocks.append(body_references.reference((placed or {})[key]))
        elif block.startswith("## "):
            blocks.append(f"<h2>{escape(block[3:])}</h2>")
        elif block.startswith("> "):
            blocks.append(f"<blockquote><p>{escape(block[2:])}</p></blockquote>")
        else:
            blocks.append(f"<p>{escape(block)}</p>")
    return "".join(blocks)


def _translated(prefix: str, values: dict[str, str]) -> dict[str, str]:
    return {column(prefix, code): value for code, value in values.items()}


def _sections(by) -> tuple[dict[str, Section], int]:
    found, created = {}, 0
    for position, (key, names) in enumerate(SECTIONS.items(), start=1):
        section = Section.objects.filter(slug_en=key).first()
        if section is None:
            section = services.section_create(
                by=by, position=position, slug_en=key, **_translated("name", names)
            )
            created += 1
        found[key] = section
    return found, created


def _tags(by) -> tuple[dict[str, Tag], int]:
    found, created = {}, 0
    for key, names in TAGS.items():
        tag = Tag.objects.filter(slug_en=key).first()
        if tag is None:
            tag = services.tag_create(by=by, slug_en=key, **_translated("name", names))
            created += 1
        found[key] = tag
    return found, created


def _authors(by) -> tuple[dict[str, Author], int]:
    found, created = {}, 0
    for slug, data in AUTHORS.items():
        author = Author.objects.filter(slug=slug).first()
        if author is None:
            author = services.author_create(
                by=by,
                slug=slug,
                name=data["name"],
                is_organisation=data.get("is_organisation", False),
                **_translated("bio", data["bio"]),
            )
            created += 1
        found[slug] = author
    return found, created


def _image(key: str, specs: dict = IMAGES, *, by) -> Image:
    spec = specs[key]
    data = render_jpeg(spec["kind"], spec["palette"], spec["seed"], **spec.get("options", {}))
    # The same seed draws the same bytes: a picture left over from an earlier run (its
    # article deleted since) is reused instead of being refused as a duplicate.
    return image_create(
        file=ContentFile(data, name=f"demo-{key}.jpg"),
        reuse_existing=True,
        by=by,
        title_en=spec["title"],
        credit=CREDIT,
        source=SOURCE,
        **_translated("alt_text", spec["alt"]),
        **_translated("caption", spec["caption"]),
        **_translated("content_warning", spec.get("content_warning", {})),
    )


def _embed(key: str, *, by) -> Embed:
    """The demo video `key`, reused when an earlier run left it in the library."""
    spec = EMBEDS[key]
    embed = Embed.objects.filter(url=spec["url"]).first()
    if embed is None:
        embed = embed_create(
            by=by,
            url=spec["url"],
            **_translated("title", spec["title"]),
            **_translated("caption", spec["caption"]),
            **_translated("content_warning", spec.get("content_warning", {})),
        )
    return embed


def _placed_items(story: dict, *, by) -> dict[str, str]:
    """{demo key: placement key} for the story's pictures and videos (made if missing)."""
    placed, taken = {}, set()
    for item in story.get("placements", ()):
        if "image" in item:
            demo_key, kind, pk = item["image"], "image", _image(item["image"], FIGURES, by=by).pk
        else:
            demo_key, kind, pk = item["embed"], "embed", _embed(item["embed"], by=by).pk
        placed[demo_key] = body_references.key_for(kind, pk, taken)
        taken.add(placed[demo_key])
    return placed


def _placement_captions(article: Article, story: dict, placed: dict[str, str], *, by) -> int:
    """Give the placements that saving the article made their captions for this story, as
    an editor does: a second save of the article whose placement inline fills them in (the
    service checks the change, records a revision and announces it). Returns how many items
    the story places."""
    items = story.get("placements", ())
    captioned = [item for item in items if item.get("caption")]
    if not captioned:
        return len(items)

    def fill_captions(saved: Article) -> None:
        for item in captioned:
            placement = saved.placements.get(key=placed[item.get("image") or item["embed"]])
            for name, value in _translated("caption_override", item["caption"]).items():
                setattr(placement, name, value)
            placement.full_clean()
            placement.save()

    services.article_update(article=article, by=by, related=fill_captions)
    return len(items)


def _exists(story: dict) -> bool:
    source = story["source"]
    title = story["text"][source]["title"]
    return Article.objects.filter(**{column("title", source): title}).exists()


def _article(
    story: dict, *, by, now: datetime, sections, authors, tags, report: SeedReport
) -> Article:
    fields = {}
    placed = _placed_items(story, by=by)
    for code, text in story["text"].items():
        fields[column("title", code)] = text["title"]
        fields[column("standfirst", code)] = text["standfirst"]
        fields[column("body", code)] = body_html(text["body"], placed)
    fields.update(_translated("content_warning", story.get("content_warning", {})))
    # As the admin does it: fields, byline and tags in one write; saving makes the
    # placements from the references in the bodies.
    article = services.article_create(
        by=by,
        source_language=story["source"],
        section=sections[story["section"]],
        lead_image=_image(story["image"], by=by),
        bylines=[authors[slug] for slug in story["authors"]],
        tags=[tags[key] for key in story["tags"]],
        **fields,
    )
    report.placements += _placement_captions(article, story, placed, by=by)
    if story["status"] == DRAFT:
        return article
    when = now - timedelta(hours=story["hours_ago"])
    if story["status"] == SCHEDULED:
        assert when > now, "a scheduled demo story needs a time in the future"
    services.article_publish(article=article, by=by, at=when)
    for code in story["text"]:
        services.variant_set_state(article=article, language=code, state="published", by=by)
    return article


def seed_content(*, by, now: datetime | None = None) -> SeedReport:
    """Create the demo sections, tags, authors, pictures, videos and articles that are not
    there yet, as the user `by`. Placed pictures and videos come with their (new) article
    only, so a re-run never places anything twice."""
    now = now or timezone.now()
    report = SeedReport()
    images_before, embeds_before = Image.objects.count(), Embed.objects.count()
    sections, report.sections = _sections(by)
    tags, report.tags = _tags(by)
    authors, report.authors = _authors(by)
    for story in STORIES:
        if _exists(story):
            report.skipped_articles += 1
            continue
        _article(
            story, by=by, now=now, sections=sections, authors=authors, tags=tags, report=report
        )
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
