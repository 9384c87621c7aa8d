"""Revision history, diff and restore, the review queue and preview links in the article
admin (articles/admin/review.py)."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from articles import body, policy, services
from articles.models import Article, PendingChange, PreviewLink, TranslatorProfile
from tests import factories
from tests.media import factories as media_factories

pytestmark = pytest.mark.django_db


def _user(*codenames, **fields):
    user = factories.user(**fields)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def _member(group, **fields):
    person = factories.user(**fields)
    person.groups.add(Group.objects.get(name=group))
    return person


def _translator():
    """A translator into Dutch (roles: their work is a pending change, never published)."""
    person = _member(policy.TRANSLATORS, username="vertaler")
    TranslatorProfile.objects.create(user=person, languages=["nl"])
    return person


def _editor():
    return _member(policy.EDITORS, username="redacteur")


def _url(name, *args):
    return reverse(f"admin:articles_article_{name}", args=args)


def _story():
    return factories.article(
        languages=("en", "nl"),
        title_nl="Het water stijgt in Utrecht",
        body_nl="<p>De rivier stijgt snel.</p><p>Niemand raakte gewond.</p>",
    )


def _save_dutch(story, by, **fields):
    story.refresh_from_db()
    services.article_save_draft(article=story, by=by, expected_version=story.version, **fields)
    story.refresh_from_db()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", html)


# -- Revisions --


def test_the_revision_list_names_every_save_with_who_and_which_language(client):
    story, translator = _story(), _translator()
    _save_dutch(story, translator, title_nl="Het water stijgt in Amsterdam")
    client.force_login(_editor())

    response = client.get(_url("revisions", story.pk))

    assert response.status_code == 200
    html = _text(response.content.decode())
    latest = story.revisions.order_by("-number").first()
    assert latest.created_by == translator
    assert f'<th scope="row">{latest.number}</th>' in html
    assert "vertaler" in html and "Dutch" in html


def test_the_diff_shows_changed_words_and_paragraphs_in_their_language(client):
    story, translator = _story(), _translator()
    _save_dutch(
        story,
        translator,
        title_nl="Het water stijgt in Amsterdam",
        body_nl="<p>De rivier stijgt heel snel.</p><p>Niemand raakte gewond.</p>",
    )
    client.force_login(_editor())

    response = client.get(_url("compare", story.pk) + "?from=live&to=pending")

    html = _text(response.content.decode())
    title = re.search(r'<dd class="nr-diff-text nr-diff-field-title"([^>]*)>(.*?)</dd>', html)
    assert title is not None and 'lang="nl"' in title[1]
    assert "<del>Utrecht</del><ins>Amsterdam</ins>" in title[2]
    assert '<p class="nr-para nr-para-changed">' in html
    assert "<ins>heel </ins>" in html
    assert '<p class="nr-para nr-para-same">Niemand raakte gewond.</p>' in html


def test_the_diff_shows_tags_byline_and_section(client):
    story = _story()
    editor = _editor()
    flood = factories.tag(name_en="Floods")
    writer = factories.author(name="Iris Vos")
    world = factories.section(name_en="World")
    _save_dutch(story, editor, tags=[flood], bylines=[writer], section=world)
    client.force_login(editor)

    html = _text(client.get(_url("compare", story.pk) + "?from=live&to=pending").content.decode())

    assert "<ins>added: Floods</ins>" in html
    assert "<ins>added: Iris Vos</ins>" in html
    assert "<del>removed: Newsroom staff</del>" in html
    assert "<ins>World</ins>" in html


def test_restoring_a_revision_makes_it_a_pending_change_and_readers_see_no_change(client):
    story, editor = _story(), _editor()
    original = story.revisions.order_by("-number").first()
    _save_dutch(story, editor, title_nl="Een slechte kop")
    services.article_publish(article=story, by=editor, languages=["nl"])
    client.force_login(editor)

    asked = _text(client.get(_url("restore", story.pk, original.number)).content.decode())
    assert "<del>Een slechte kop</del><ins>Het water stijgt in Utrecht</ins>" in asked
    response = client.post(_url("restore", story.pk, original.number))

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.title_nl == "Een slechte kop"  # live: unchanged until published
    pending = PendingChange.objects.get(article=story, language="nl")
    assert pending.revision.data["text"]["nl"]["title"] == "Het water stijgt in Utrecht"
    assert story.revisions.order_by("-number").first().kind == "restored"


def test_someone_who_may_only_view_cannot_restore(client):
    story = _story()
    revision = story.revisions.first()
    client.force_login(_user("view_article"))

    response = client.post(_url("restore", story.pk, revision.number))

    assert response.status_code == 403


# -- Review --


def test_a_submitted_change_waits_in_the_queue_of_its_language_with_its_diff(client):
    story, translator = _story(), _translator()
    _save_dutch(story, translator, title_nl="Het water stijgt in Amsterdam")
    client.force_login(translator)
    submitted = client.post(_url("review_action", story.pk, "nl"), {"action": "submit"})
    assert submitted.status_code == 302
    assert PendingChange.objects.get(article=story, language="nl").state == "submitted"

    client.force_login(_editor())
    queue = _text(client.get(_url("review_queue") + "?language=nl").content.decode())
    german = _text(client.get(_url("review_queue") + "?language=de").content.decode())

    assert f'id="review-{story.pk}-nl"' in queue
    assert "<del>Utrecht</del><ins>Amsterdam</ins>" in queue
    assert "Dutch (1)" in queue
    assert f'id="review-{story.pk}-nl"' not in german
    assert "Nothing waits for review." in german


def test_publishing_from_the_queue_puts_the_change_before_readers(client):
    story, translator, editor = _story(), _translator(), _editor()
    _save_dutch(story, translator, title_nl="Het water stijgt in Amsterdam")
    services.pending_submit(article=story, language="nl", by=translator)
    reader_url = story.get_absolute_url("nl")
    assert "Utrecht" in client.get(reader_url).content.decode()

    client.force_login(editor)
    response = client.post(
        _url("review_action", story.pk, "nl"), {"action": "publish", "next": _url("review_queue")}
    )

    assert response.status_code == 302 and response["Location"] == _url("review_queue")
    client.logout()
    story.refresh_from_db()
    assert "Amsterdam" in client.get(story.get_absolute_url("nl")).content.decode()
    assert not PendingChange.objects.filter(article=story).exists()


def test_a_translator_cannot_publish_from_the_review_page(client):
    story, translator = _story(), _translator()
    _save_dutch(story, translator, title_nl="Het water stijgt in Amsterdam")
    client.force_login(translator)

    client.post(_url("review_action", story.pk, "nl"), {"action": "publish"})

    story.refresh_from_db()
    assert story.title_nl == "Het water stijgt in Utrecht"
    page = client.get(_url("review", story.pk)).content.decode()
    assert "You do not have permission to publish articles." in page
    assert 'value="publish"' not in page


def test_sending_back_needs_a_note_which_the_author_sees_on_the_form_and_in_the_list(client):
    story, translator, editor = _story(), _translator(), _editor()
    _save_dutch(story, translator, title_nl="Het water stijgt in Amsterdam")
    services.pending_submit(article=story, language="nl", by=translator)
    client.force_login(editor)

    client.post(_url("review_action", story.pk, "nl"), {"action": "send_back", "comment": " "})
    assert PendingChange.objects.get(article=story, language="nl").state == "submitted"
    client.post(
        _url("review_action", story.pk, "nl"),
        {"action": "send_back", "comment": "Het is Rotterdam, niet Amsterdam."},
    )

    assert PendingChange.objects.get(article=story, language="nl").state == "sent_back"
    client.force_login(translator)
    form = _text(client.get(_url("change", story.pk)).content.decode())
    listing = _text(client.get(reverse("admin:articles_article_changelist")).content.decode())
    assert "Sent back (Dutch) by redacteur" in form
    assert "Het is Rotterdam, niet Amsterdam." in form
    assert "Sent back:</strong> “Het is Rotterdam, niet Amsterdam.”" in listing


def test_submitting_every_part_at_once(client):
    story, editor = _story(), _editor()
    _save_dutch(story, editor, title_nl="Nieuw", title_en="New", section=factories.section())
    client.force_login(editor)

    client.post(_url("review_action", story.pk, "all"), {"action": "submit"})

    assert set(PendingChange.objects.filter(article=story).values_list("language", "state")) == {
        ("", "submitted"),
        ("en", "submitted"),
        ("nl", "submitted"),
    }


def test_the_review_queue_is_in_the_admin_index_and_the_form_links_revisions_and_review(client):
    story = _story()
    client.force_login(_editor())

    index = client.get(reverse("admin:index")).content.decode()
    form = client.get(_url("change", story.pk)).content.decode()
    opened = client.get(reverse("admin:articles_reviewqueue_changelist"))

    assert "Review queue" in index
    assert opened.status_code == 302 and opened["Location"] == _url("review_queue")
    assert f'href="{_url("revisions", story.pk)}"' in form
    assert f'href="{_url("review", story.pk)}"' in form


# -- Preview links --


def test_an_editor_makes_and_withdraws_a_preview_link_on_the_review_page(client):
    story, editor = _story(), _editor()
    _save_dutch(story, editor, title_nl="Het water stijgt in Amsterdam")
    client.force_login(editor)

    made = client.post(
        _url("preview_links", story.pk), {"language": "nl", "days": "2"}, follow=True
    )

    link = PreviewLink.objects.get(article=story)
    assert link.language == "nl" and link.created_by == editor
    assert link.get_absolute_url() in made.content.decode()
    client.logout()
    assert "Amsterdam" in client.get(link.get_absolute_url()).content.decode()

    client.force_login(editor)
    client.post(_url("preview_links", story.pk), {"revoke": link.pk})
    client.logout()
    assert client.get(link.get_absolute_url()).status_code == 410


def test_a_translator_cannot_make_preview_links(client):
    story = _story()
    client.force_login(_translator())

    client.post(_url("preview_links", story.pk), {"language": "nl"})

    assert not PreviewLink.objects.exists()
    assert Article.objects.get(pk=story.pk).title_nl == "Het water stijgt in Utrecht"


# -- A story before its first publication --


def _reporter():
    return _member(policy.REPORTERS, username="verslaggever")


def test_a_new_story_is_submitted_sent_back_with_a_note_and_then_published(client):
    reporter, editor = _reporter(), _editor()
    story = factories.article(languages=("en",), published=False, by=reporter)
    client.force_login(reporter)

    client.post(_url("review_action", story.pk, "story"), {"action": "submit"})

    story.refresh_from_db()
    assert story.status == "review"
    client.force_login(editor)
    queue = _text(client.get(_url("review_queue") + "?language=en").content.decode())
    assert f'id="review-{story.pk}-story"' in queue
    assert f"<ins>{story.title_en}</ins>" in queue

    client.post(
        _url("review_action", story.pk, "story"),
        {"action": "send_back", "comment": "Name the source of the figures."},
    )
    story.refresh_from_db()
    assert story.status == "draft"
    client.force_login(reporter)
    form = _text(client.get(_url("change", story.pk)).content.decode())
    listing = _text(client.get(reverse("admin:articles_article_changelist")).content.decode())
    assert "Sent back (New story) by redacteur" in form
    assert "Name the source of the figures." in form
    assert "Sent back:</strong> “Name the source of the figures.”" in listing

    client.post(_url("review_action", story.pk, "story"), {"action": "submit"})
    client.force_login(editor)
    client.post(_url("review_action", story.pk, "story"), {"action": "publish"})
    story.refresh_from_db()
    assert story.is_published("en")


def test_publishing_from_review_asks_the_publishing_requirements(client):
    editor = _editor()
    story = factories.article(languages=("en",), published=False)
    story.bylines.all().delete()
    client.force_login(editor)

    response = client.post(
        _url("review_action", story.pk, "story"), {"action": "publish"}, follow=True
    )

    assert "Add at least one byline before the story is published." in response.content.decode()
    assert not Article.objects.get(pk=story.pk).is_published()


def test_a_translator_cannot_submit_or_send_back_a_new_story(client):
    story = factories.article(languages=("en",), published=False)
    client.force_login(_translator())

    client.post(_url("review_action", story.pk, "story"), {"action": "submit"})
    client.post(_url("review_action", story.pk, "story"), {"action": "send_back", "comment": "x"})

    assert Article.objects.get(pk=story.pk).status == "draft"
    assert not story.revisions.filter(kind__in=["submitted", "sent_back"]).exists()


def test_the_review_diff_names_a_placed_video_and_picture(client):
    picture = media_factories.image(alt_text_en="Sandbags at the door", alt_text_nl="")
    video = media_factories.embed(title_en="The dyke at night", title_nl="")
    story, editor = _story(), _editor()
    key = body.key_for("embed", video.pk)
    _save_dutch(
        story,
        editor,
        body_nl=(
            "<p>De rivier stijgt snel.</p>"
            + body.reference(key)
            + "<p>Niemand raakte gewond.</p>"
            + body.reference(body.key_for("image", picture.pk))
        ),
    )
    client.force_login(editor)

    response = client.get(_url("compare", story.pk) + "?from=live&to=pending")

    html = _text(response.content.decode())
    # No Dutch title or alt text yet: the English one, not the key.
    assert "[Video: The dyke at night]" in html
    assert "[Picture: Sandbags at the door]" in html
    assert f"[{key}]" not in html
