"""Small builders for test data; each returns a saved object with sensible defaults.

They write through the services, as a superuser (`superuser()`) unless given `by`.
"""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from articles import services
from newsroom.languages import language_codes

_counter = itertools.count(1)

SUPERUSER = "factories"
# Every user the factories make signs in with it.
PASSWORD = "pw-for-tests-only"
LANGUAGES = tuple(language_codes())


def superuser():
    """The superuser the factories write as (one per test database, made on first use)."""
    model = get_user_model()
    found = model.objects.filter(username=SUPERUSER).first()
    if found is not None:
        return found
    return model.objects.create_superuser(
        username=SUPERUSER, email="factories@example.org", password=PASSWORD
    )


def section(*, by=None, **fields):
    n = next(_counter)
    defaults = {f"name_{code}": f"Section {n} {code}" for code in language_codes()}
    defaults.update(fields)
    return services.section_create(by=by or superuser(), **defaults)


def author(*, by=None, **fields):
    n = next(_counter)
    fields.setdefault("name", f"Author {n}")
    fields.setdefault("slug", f"author-{n}")
    return services.author_create(by=by or superuser(), **fields)


def tag(*, by=None, **fields):
    n = next(_counter)
    defaults = {f"name_{code}": f"Tag {n} {code}" for code in language_codes()}
    defaults.update(fields)
    return services.tag_create(by=by or superuser(), **defaults)


def staff_author():
    """The newsroom's own byline: what a published factory article is credited to when no
    author is given (publishing needs a byline)."""
    from articles.models import Author

    found = Author.objects.filter(slug="newsroom-staff").first()
    if found is not None:
        return found
    return services.author_create(
        by=superuser(), name="Newsroom staff", slug="newsroom-staff", is_organisation=True
    )


def article(
    *,
    languages=("en",),
    published=True,
    published_at=None,
    authors=(),
    tags=(),
    source_language="en",
    by=None,
    **fields,
):
    """An article with text in `languages`; when `published`, those variants are published.
    Credited to staff_author() when no `authors` are given: publishing needs a byline."""
    by = by or superuser()
    n = next(_counter)
    authors = authors or [staff_author()]
    for code in languages:
        fields.setdefault(f"title_{code}", f"Story {n} in {code}")
        fields.setdefault(f"standfirst_{code}", f"Standfirst {n} in {code}.")
        fields.setdefault(f"body_{code}", f"<p>Body {n} in {code}.</p>")
    obj = services.article_create(
        by=by, source_language=source_language, bylines=authors, tags=tags, **fields
    )
    if published:
        services.article_publish(
            article=obj, by=by, at=published_at or timezone.now() - timedelta(hours=1)
        )
        for code in languages:
            services.variant_set_state(article=obj, language=code, state="published", by=by)
    return obj


def user(*, superuser=False, **fields):
    n = next(_counter)
    fields.setdefault("username", f"user{n}")
    fields.setdefault("email", f"user{n}@example.org")
    model = get_user_model()
    if superuser:
        return model.objects.create_superuser(password=PASSWORD, **fields)
    fields.setdefault("is_staff", True)
    return model.objects.create_user(password=PASSWORD, **fields)


def image(*, by=None, **fields):
    """A small stored picture; each call makes a different one (the library refuses duplicates)."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PillowImage

    from media.services import image_create

    n = next(_counter)
    if not any(name.startswith("alt_text") for name in fields):
        # Publishing a story with a lead image needs its alt text (articles/publishing.py).
        fields.update({f"alt_text_{code}": f"Picture {n} in {code}" for code in LANGUAGES})
    colour = (n * 37 % 256, n * 91 % 256, n * 53 % 256)
    buffer = io.BytesIO()
    PillowImage.new("RGB", (80, 45), colour).save(buffer, "PNG")
    upload = SimpleUploadedFile(f"picture-{n}.png", buffer.getvalue(), content_type="image/png")
    return image_create(file=upload, by=by or superuser(), **fields)
