"""What changed since a translation was made (articles/sourcetexts.py), and marking a
translation up to date (services.variant_mark_up_to_date)."""

from datetime import datetime

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import formats, timezone, translation

from articles import body, diff, policy, services
from articles.models import Article, ArticleVariant, PendingChange, Revision, SourceText
from articles.sourcetexts import source_changes
from newsroom import events
from tests import factories
from tests.articles.test_admin_articles import _errors, _form_data
from tests.articles.test_policy import _member, _translator
from tests.articles.test_services import seen, stored  # noqa: F401  (fixture)
from tests.media import factories as media_factories

pytestmark = pytest.mark.django_db

BODY_V1 = (
    "<h2>The flood</h2>"
    "<p>The river rose overnight and the square filled with boats.</p>"
    "<p>The mayor called a meeting at noon.</p>"
    "<p>Schools stay closed on Monday.</p>"
    "<p>Volunteers handed out sandbags.</p>"
)
BODY_V2 = (
    "<h2>The flood</h2>"
    "<p>The river rose overnight and the market square filled with boats.</p>"
    "<p>Volunteers handed out sandbags.</p>"
    "<p>Schools stay closed on Monday.</p>"
    "<p>Trains to the coast are cancelled until further notice.</p>"
)


def _outdated_story():
    """A published English story with a published Dutch translation, whose English title,
    standfirst and body were then changed and published (source version 1 → 2)."""
    editor = factories.superuser()
    story = factories.article(
        languages=("en", "nl"),
        title_en="River floods the town",
        standfirst_en="Boats in the square.",
        body_en=BODY_V1,
    )
    story = Article.objects.get(pk=story.pk)
    services.article_update(
        article=story,
        by=editor,
        title_en="River floods the old town",
        standfirst_en="Boats in the square.",
        body_en=BODY_V2,
    )
    services.article_publish(article=Article.objects.get(pk=story.pk), by=editor)
    return Article.objects.get(pk=story.pk)


def _variant(story, code):
    return ArticleVariant.objects.select_related("article").get(article=story, language=code)


def test_each_source_version_keeps_its_text():
    story = _outdated_story()
    assert story.source_version == 2
    kept = {t.version: t.text for t in SourceText.objects.filter(article=story)}
    assert kept[1]["body"] == BODY_V1 and kept[1]["title"] == "River floods the town"
    assert kept[2]["body"] == BODY_V2 and kept[2]["title"] == "River floods the old town"


def test_a_pending_edit_of_the_source_keeps_no_text_until_it_goes_live():
    story = factories.article(languages=("en", "nl"), body_en=BODY_V1)
    services.article_update(
        article=Article.objects.get(pk=story.pk), by=factories.superuser(), body_en=BODY_V2
    )
    assert Article.objects.get(pk=story.pk).source_version == 1
    assert list(SourceText.objects.filter(article=story).values_list("version", flat=True)) == [1]


def test_the_diff_since_the_translation_marks_each_field_and_paragraph():
    changes = source_changes(variant=_variant(_outdated_story(), "nl"))
    assert changes.kept and (changes.since, changes.now) == (1, 2)
    assert changes.language == "en"
    title = changes.diff.get("title", "en")
    assert title.kind == "text"
    assert [s.text for s in title.segments if s.op == "insert"] == ["old "]
    assert changes.diff.get("standfirst", "en") is None  # unchanged: not shown
    body = changes.diff.get("body", "en")
    ops = [(p.op, p.text) for p in body.paragraphs]
    assert ops[0] == ("same", "The flood")
    assert (
        "changed",
        "The river rose overnight and the market square filled with boats.",
    ) in ops
    assert ("moved", "Volunteers handed out sandbags.") in ops
    assert ("moved_away", "Volunteers handed out sandbags.") in ops
    assert ("removed", "The mayor called a meeting at noon.") in ops
    assert ("added", "Trains to the coast are cancelled until further notice.") in ops
    changed = next(p for p in body.paragraphs if p.op == "changed")
    assert [s.text for s in changed.segments if s.op == "insert"] == ["market "]


def test_a_translation_from_a_version_whose_text_was_not_kept_says_so():
    story = _outdated_story()
    SourceText.objects.filter(article=story, version=1).delete()  # as before texts were kept
    changes = source_changes(variant=_variant(story, "nl"))
    assert changes.kept is False
    assert not changes.diff


def test_an_up_to_date_translation_has_no_changes():
    story = factories.article(languages=("en", "nl"))
    assert source_changes(variant=_variant(story, "nl")) is None


def test_a_moved_paragraph_is_marked_moved_not_removed_and_added():
    result = diff.paragraph_diff(
        "<p>One.</p><p>Two.</p><p>Three.</p>", "<p>Two.</p><p>Three.</p><p>One.</p>"
    )
    assert [(p.op, p.text) for p in result] == [
        ("moved_away", "One."),
        ("same", "Two."),
        ("same", "Three."),
        ("moved", "One."),
    ]


# -- Mark up to date --


def test_the_translator_of_the_language_marks_it_up_to_date_without_unpublishing(
    seen,  # noqa: F811  (the fixture imported above)
    django_capture_on_commit_callbacks,
):
    story = _outdated_story()
    translator = _translator("nl")
    with django_capture_on_commit_callbacks(execute=True):
        services.variant_mark_up_to_date(article=story, language="nl", by=translator)
    variant = _variant(story, "nl")
    assert variant.source_version == 2 and not variant.is_outdated
    assert variant.state == ArticleVariant.State.PUBLISHED
    assert Article.objects.get(pk=story.pk).status == Article.Status.PUBLISHED
    assert not ArticleVariant.objects.filter(article=story).outdated().exists()
    revision = Revision.objects.filter(article=story).order_by("-number").first()
    assert revision.kind == Revision.Kind.UP_TO_DATE and revision.created_by == translator
    assert revision.languages == ["nl"]
    assert "version 2 (was 1)" in revision.comment
    marked = [e for e in seen if isinstance(e, events.VariantMarkedUpToDate)]
    assert marked == [
        events.VariantMarkedUpToDate(
            by=translator, article_id=story.pk, language="nl", source_version=2, previous=1
        )
    ]


def test_an_editor_marks_a_typo_fix_up_to_date():
    story = _outdated_story()
    editor = _member(policy.EDITORS)
    services.variant_mark_up_to_date(article=story, language="nl", by=editor)
    assert not _variant(story, "nl").is_outdated


def test_a_translator_of_another_language_is_refused_and_nothing_changes():
    story = _outdated_story()
    before = stored()
    revisions = Revision.objects.count()
    with pytest.raises(PermissionDenied, match="not assigned to translate into Dutch"):
        services.variant_mark_up_to_date(article=story, language="nl", by=_translator("de"))
    assert stored() == before and Revision.objects.count() == revisions
    assert _variant(story, "nl").is_outdated


def test_a_missing_translation_or_the_source_language_cannot_be_marked():
    story = _outdated_story()
    editor = factories.superuser()
    with pytest.raises(ValidationError, match="no translation in German"):
        services.variant_mark_up_to_date(article=story, language="de", by=editor)
    with pytest.raises(ValidationError, match="source language"):
        services.variant_mark_up_to_date(article=story, language="en", by=editor)


# -- On the article form --


def _form_url(story):
    return reverse("admin:articles_article_change", args=[story.pk])


def test_the_form_shows_the_dutch_translator_what_changed_in_the_source(client):
    story = _outdated_story()
    client.force_login(_translator("nl"))
    html = client.get(_form_url(story)).content.decode()
    panel = html.split('id="nr-source-changes-nl"')[1].split('class="help"')[0]
    assert "What changed in the source (English) since this translation (Dutch)" in panel
    assert "Translated from source version 1; the source is now at version 2." in panel
    assert "<ins>market </ins>" in panel
    assert "Changed paragraph:" in panel and "Moved paragraph (now here):" in panel
    assert "New paragraph:" in panel and "Removed paragraph:" in panel
    assert 'lang="en" dir="ltr"' in panel  # the source's text, marked as English
    assert 'name="_mark_up_to_date" value="nl"' in panel


def test_the_form_shows_no_changes_to_a_translator_of_an_up_to_date_language(client):
    story = _outdated_story()
    client.force_login(_translator("de"))
    assert "nr-source-changes" not in client.get(_form_url(story)).content.decode()


def test_the_form_says_plainly_when_the_old_source_text_was_not_kept(client):
    story = _outdated_story()
    SourceText.objects.filter(article=story, version=1).delete()
    client.force_login(_translator("nl"))
    html = client.get(_form_url(story)).content.decode()
    assert "The source text of version 1 was not kept" in html


def _outdated_note(client, story, code="nl"):
    response = client.get(Article.objects.get(pk=story.pk).get_absolute_url(code))
    assert response.status_code == 200
    return "outdated-note" in response.content.decode()


def test_a_translators_mark_on_a_live_story_waits_with_their_text_for_review(client):
    # Readers keep the old Dutch text until it is published: until then it keeps its note
    # that the original changed, and the mark goes live with the text.
    story = _outdated_story()
    translator = _translator("nl")
    client.force_login(translator)
    url = _form_url(story)
    data = _form_data(client, url, title_nl="De rivier overstroomt de oude stad")
    data["_mark_up_to_date"] = "nl"
    data["_continue"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert (
        "The translation (Dutch) will be marked up to date with the source when its text "
        "is published." in messages
    )
    assert _variant(story, "nl").is_outdated
    live = Article.objects.get(pk=story.pk)
    assert live.status == Article.Status.PUBLISHED
    assert live.title_nl != "De rivier overstroomt de oude stad"  # pending, for review
    client.logout()
    assert _outdated_note(client, story)
    change = PendingChange.objects.select_related("revision").get(article=story, language="nl")
    assert change.revision.data["up_to_date"] == {"nl": 2}
    assert change.revision.data["text"]["nl"]["title"] == "De rivier overstroomt de oude stad"

    # The form says the mark waits, instead of offering it again.
    client.force_login(translator)
    form = client.get(url).content.decode()
    panel = form.split('id="nr-source-changes-nl"')[1].split("nr-source-changes-waiting")[1]
    assert "Marked up to date with source version 2: the mark takes effect when" in panel
    assert 'name="_mark_up_to_date"' not in form

    # Submitted, the review queue says what publishing it does.
    services.pending_submit(article=story, language="nl", by=translator)
    client.force_login(_member(policy.EDITORS))
    queue = client.get(reverse("admin:articles_article_review_queue") + "?language=nl")
    assert "Marks the translation up to date with source version 2" in queue.content.decode()

    services.article_publish(article=story, by=factories.superuser(), languages=["nl"])
    variant = _variant(story, "nl")
    assert variant.source_version == 2 and not variant.is_outdated
    assert Article.objects.get(pk=story.pk).title_nl == "De rivier overstroomt de oude stad"
    client.logout()
    assert not _outdated_note(client, story)


def test_a_later_save_of_the_waiting_text_keeps_its_mark():
    story = _outdated_story()
    translator = _translator("nl")
    services.article_save_draft(
        article=story, by=translator, expected_version=None, title_nl="De rivier"
    )
    services.pending_mark_up_to_date(article=story, language="nl", by=translator)
    services.article_save_draft(
        article=Article.objects.get(pk=story.pk),
        by=translator,
        expected_version=None,
        title_nl="De rivier overstroomt",
    )
    change = PendingChange.objects.select_related("revision").get(article=story, language="nl")
    assert change.revision.data["up_to_date"] == {"nl": 2}
    services.article_publish(article=story, by=factories.superuser(), languages=["nl"])
    assert not _variant(story, "nl").is_outdated


def test_a_source_change_after_the_mark_keeps_the_translation_outdated():
    story = _outdated_story()
    translator, editor = _translator("nl"), factories.superuser()
    services.article_save_draft(
        article=story, by=translator, expected_version=None, title_nl="De rivier"
    )
    services.pending_mark_up_to_date(article=story, language="nl", by=translator)
    services.article_update(
        article=Article.objects.get(pk=story.pk), by=editor, title_en="River floods the city"
    )
    services.article_publish(article=Article.objects.get(pk=story.pk), by=editor)
    variant = _variant(story, "nl")
    assert Article.objects.get(pk=story.pk).source_version == 3
    assert variant.source_version == 2 and variant.is_outdated


def test_an_editors_typo_fix_mark_on_a_live_story_applies_at_once(client):
    story = _outdated_story()
    client.force_login(_member(policy.EDITORS))
    url = _form_url(story)
    data = _form_data(client, url)
    data["_mark_up_to_date"] = "nl"
    data["_continue"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)
    assert not _variant(story, "nl").is_outdated
    assert not PendingChange.objects.filter(article=story).exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "The translation (Dutch) is marked up to date with the source." in messages


def test_a_translators_mark_on_a_story_not_live_applies_at_once(client):
    story = _outdated_story()
    services.article_unpublish(article=story, by=factories.superuser())
    client.force_login(_translator("nl"))
    url = _form_url(story)
    data = _form_data(client, url, title_nl="De rivier overstroomt de oude stad")
    data["_mark_up_to_date"] = "nl"
    data["_continue"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)
    assert not _variant(story, "nl").is_outdated
    assert Article.objects.get(pk=story.pk).title_nl == "De rivier overstroomt de oude stad"


def test_a_waiting_mark_needs_waiting_text_and_the_language_and_writes_nothing_when_refused():
    story = _outdated_story()
    revisions = Revision.objects.count()
    with pytest.raises(ValidationError, match="No text in Dutch waits for review"):
        services.pending_mark_up_to_date(article=story, language="nl", by=_translator("nl"))
    services.article_save_draft(
        article=story, by=_translator("nl"), expected_version=None, title_nl="De rivier"
    )
    revisions = Revision.objects.count()
    with pytest.raises(PermissionDenied, match="not assigned to translate into Dutch"):
        services.pending_mark_up_to_date(article=story, language="nl", by=_translator("de"))
    with pytest.raises(ValidationError, match="source language"):
        services.pending_mark_up_to_date(article=story, language="en", by=factories.superuser())
    assert Revision.objects.count() == revisions
    change = PendingChange.objects.select_related("revision").get(article=story, language="nl")
    assert "up_to_date" not in change.revision.data


def test_a_crafted_mark_of_another_language_is_refused_and_nothing_is_saved(client):
    story = _outdated_story()
    client.force_login(_translator("de"))
    url = _form_url(story)
    data = _form_data(client, url, title_de="Der Fluss")
    data["_mark_up_to_date"] = "nl"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "not assigned to translate into Dutch" in response.content.decode()
    assert _variant(story, "nl").is_outdated
    assert not PendingChange.objects.filter(article=story, language="de").exists()


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_when_the_source_last_changed_ends_in_one_full_stop_in_every_language(client, language):
    # English writes the morning as "a.m.": a message that adds its own full stop after
    # the time doubled it ("10:36 a.m..").
    story = _outdated_story()
    morning = timezone.make_aware(datetime(2025, 3, 4, 10, 36))
    SourceText.objects.filter(article=story, version=2).update(created_at=morning)
    client.force_login(_translator("nl"))
    html = client.get(_form_url(story), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    versions = html.split('class="nr-source-changes-versions">')[1].split("</p>")[0]
    with translation.override(language):
        when = formats.date_format(timezone.localtime(morning), "DATETIME_FORMAT")
    assert when in versions
    assert ".." not in versions
    if language == "en":
        assert versions.endswith("Last changed on March 4, 2025, 10:36 a.m.")


def test_placed_pictures_and_videos_read_as_what_they_are_in_the_readers_language(client):
    # Not "[image-12]" and "[embed-3]": the translator reads what the item is, in the
    # language their admin speaks.
    picture = media_factories.image(
        alt_text_en="A flooded square", alt_text_nl="Een ondergelopen plein"
    )
    video = media_factories.embed(title_en="Boats on the square", title_nl="Boten op het plein")
    editor = factories.superuser()
    story = factories.article(languages=("en", "nl"), body_en=BODY_V1)
    placed = (
        body.reference(body.key_for("image", picture.pk))
        + BODY_V1
        + body.reference(body.key_for("embed", video.pk))
    )
    services.article_update(article=Article.objects.get(pk=story.pk), by=editor, body_en=placed)
    services.article_publish(article=Article.objects.get(pk=story.pk), by=editor)
    client.force_login(_translator("nl"))
    panels = {}
    for language in ("en", "nl"):
        html = client.get(_form_url(story), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        panels[language] = html.split('id="nr-source-changes-nl"')[1].split("</section>")[0]
    assert "[Picture: A flooded square]" in panels["en"]
    assert "[Video: Boats on the square]" in panels["en"]
    assert "[Afbeelding: Een ondergelopen plein]" in panels["nl"]
    assert "[Video: Boten op het plein]" in panels["nl"]
    for panel in panels.values():
        assert "[image-" not in panel and "[embed-" not in panel
