"""New tags and authors typed into the story form's autocomplete fields are created with the
story, through the services, by whoever may create them; a refused save creates none."""

import pytest
from django.contrib.auth.models import Permission

from articles import selectors
from articles.models import Article, Author, Tag
from newsroom import events
from tests import factories
from tests.articles.test_admin_articles import ADD_URL, _change_url, _errors, _post

pytestmark = pytest.mark.django_db


def _user(*, filing=True):
    """A staff editor; with `filing`, also allowed to add tags and authors."""
    user = factories.user()
    codenames = [
        f"{action}_{model}"
        for action in ("add", "change", "view")
        for model in ("article", "byline", "taggedarticle", "articlevariant", "placement")
    ] + ["view_author", "view_tag", "view_section", "publish_article"]
    if filing:
        codenames += ["add_tag", "add_author"]
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def seen():
    received = []
    events.subscribe(events.FilingChanged, received.append)
    yield received
    events.unsubscribe(events.FilingChanged, received.append)


def test_a_new_tag_and_a_new_agency_are_created_with_the_story_by_its_editor(
    client, seen, django_capture_on_commit_callbacks
):
    editor = _user()
    client.force_login(editor)
    known = factories.tag(name_en="Floods")

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(
            client,
            ADD_URL,
            title_en="Water in the square",
            bylines=["new:agency:Reuters", "new:person:Mara Jansen"],
            tags=[str(known.pk), "new:Rotterdam"],
        )

    assert response.status_code == 302, _errors(response)
    story = Article.objects.get()
    assert [(a.name, a.kind) for a in story.authors.order_by("bylines__position")] == [
        ("Reuters", Author.Kind.AGENCY),
        ("Mara Jansen", Author.Kind.PERSON),
    ]
    rotterdam = Tag.objects.get(name_en="Rotterdam")
    assert set(story.tags.all()) == {known, rotterdam}
    # The other languages are left for the translation desk; the address comes from the name.
    assert (rotterdam.slug_en, rotterdam.name_nl, rotterdam.name_ar) == ("rotterdam", None, None)
    assert Author.objects.get(name="Reuters").slug == "reuters"
    created = {(e.model, e.by) for e in seen}
    assert created == {("articles.tag", editor), ("articles.author", editor)}


def test_a_new_tag_is_named_in_the_stories_source_language_and_the_default(client):
    client.force_login(_user())

    response = _post(
        client, ADD_URL, source_language="nl", title_nl="Water op het plein", tags=["new:Dijken"]
    )

    assert response.status_code == 302, _errors(response)
    tag = Tag.objects.get()
    assert (tag.name_nl, tag.slug_nl) == ("Dijken", "dijken")
    # The default language's name is required: it starts as the typed name.
    assert (tag.name_en, tag.name_de) == ("Dijken", None)


def test_a_typed_name_that_exists_is_the_existing_tag_or_author(client):
    client.force_login(_user())
    floods = factories.tag(name_en="Floods")
    mara = factories.author(name="Mara Jansen")

    response = _post(
        client,
        ADD_URL,
        title_en="Again",
        bylines=["new:person:mara jansen"],
        tags=["new:FLOODS", str(floods.pk)],
    )

    assert response.status_code == 302, _errors(response)
    story = Article.objects.get()
    assert list(story.tags.all()) == [floods] and list(story.authors.all()) == [mara]
    assert (
        Tag.objects.count() == 1 and Author.objects.filter(name__iexact="mara jansen").count() == 1
    )


def test_a_tag_named_with_no_letters_gets_the_id_based_address(client):
    client.force_login(_user())

    response = _post(client, ADD_URL, title_en="Stars", tags=["new:★"])

    assert response.status_code == 302, _errors(response)
    star = Tag.objects.get()
    assert star.slug_en == f"tag-{star.pk}"
    assert star.get_absolute_url().endswith(f"/tags/tag-{star.pk}/")


def test_without_permission_to_add_tags_nothing_is_created(client):
    client.force_login(_user(filing=False))

    response = _post(
        client, ADD_URL, title_en="Refused", bylines=["new:agency:Reuters"], tags=["new:Rotterdam"]
    )

    assert response.status_code == 200
    assert not Article.objects.exists()
    assert not Tag.objects.exists() and not Author.objects.filter(name="Reuters").exists()
    assert "You do not have permission" in str(_errors(response))


def test_a_refused_story_save_creates_no_tag_or_author(client):
    client.force_login(_user())

    # Publishing needs a body: the save is refused after the new names were made.
    response = _post(
        client,
        ADD_URL,
        title_en="No body",
        status="published",
        bylines=["new:agency:Reuters"],
        tags=["new:Rotterdam"],
    )

    assert response.status_code == 200
    assert "body_en" in _errors(response)
    assert not Article.objects.exists()
    assert not Tag.objects.filter(name_en="Rotterdam").exists()
    assert not Author.objects.filter(name="Reuters").exists()
    # The typed names are still on the form, to save again.
    html = response.content.decode()
    assert 'value="new:Rotterdam" selected' in html
    assert 'value="new:agency:Reuters" selected' in html


def test_a_new_tag_on_a_published_story_is_part_of_its_pending_change(client):
    client.force_login(_user())
    story = factories.article(languages=("en",))
    url = _change_url(story)

    response = _post(client, url, tags=["new:Rotterdam"])

    assert response.status_code == 302, _errors(response)
    rotterdam = Tag.objects.get(name_en="Rotterdam")
    assert list(story.tags.all()) == []  # readers see the live story's tags
    assert selectors.pending_view(story).pending_tags == [rotterdam.pk]


def test_an_unknown_kind_or_id_is_an_error_on_the_field(client):
    client.force_login(_user())

    response = _post(client, ADD_URL, title_en="Odd", bylines=["new:wizard:Merlin", "99999"])

    assert response.status_code == 200
    assert "bylines" in _errors(response)
    assert not Author.objects.filter(name="Merlin").exists()
