"""The article admin as an editor uses it: one form for every language, lists, bulk actions."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from articles.models import Article, ArticleVariant
from newsroom.languages import language_codes
from tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = tuple(language_codes())
ADD_URL = "/admin/articles/article/add/"
LIST_URL = "/admin/articles/article/"


def _change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def _editor(*, can_publish=True):
    """A staff user (not a superuser) who edits articles, bylines, tags, placed media and
    language versions."""
    user = factories.user()
    codenames = [
        f"{action}_{model}"
        for action in ("add", "change", "view", "delete")
        for model in ("article", "byline", "taggedarticle", "articlevariant", "placement")
    ] + ["view_author", "view_tag", "view_section", "view_image", "view_embed"]
    if can_publish:
        codenames.append("publish_article")
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def editor_client(client):
    client.force_login(_editor())
    return client


class _FormFields(HTMLParser):
    """Collects what a browser would submit from the admin form, as {name: value}."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self._select = None
        self._multiple = False
        self._textarea = None
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == "article_form":
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if "disabled" in attrs and tag in ("input", "select", "textarea"):
            return  # A browser does not submit a disabled field.
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file"):
                return
            if kind == "checkbox" and "checked" not in attrs:
                return
            self.data[name] = attrs.get("value", "on" if kind == "checkbox" else "")
        elif tag == "select" and name and "disabled" not in attrs:
            # A multiple select (the byline, the tags) sends each chosen value, in order.
            self._select = name
            self._multiple = "multiple" in attrs
            self.data.setdefault(name, [] if self._multiple else "")
        elif tag == "option" and self._select and "selected" in attrs:
            if self._multiple:
                self.data[self._select].append(attrs.get("value", ""))
            else:
                self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            if self._textarea:
                # Browsers drop the newline right after <textarea>.
                self.data[self._textarea] = self.data[self._textarea].removeprefix("\n")
            self._textarea = None
        elif tag == "form":
            self._in_form = False


def _form_data(client, url, **changes):
    """The form as rendered at `url` (management forms included), with `changes` applied."""
    response = client.get(url)
    assert response.status_code == 200
    parser = _FormFields()
    parser.feed(response.content.decode())
    data = parser.data
    data.update(changes)
    return data


def _post(client, url, **changes):
    return client.post(url, _form_data(client, url, **changes))


def _errors(response):
    return response.context["adminform"].form.errors


# -- The form --


@pytest.mark.parametrize("page", ["add", "change"])
def test_editor_sees_every_language_and_our_switcher_without_cdn_assets(editor_client, page):
    url = ADD_URL if page == "add" else _change_url(factories.article(languages=("en", "nl")))

    response = editor_client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    for field in ("title", "slug", "standfirst", "body", "seo_title"):
        for code in LANGUAGES:
            assert f'name="{field}_{code}"' in html
    assert "articles/admin/translations.js" in html
    assert "articles/admin/translations.css" in html
    assert 'id="nr-translations-config"' in html
    external = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//[^"]*"', html)
    assert external == []


def test_switcher_config_names_languages_in_the_admin_language_and_the_source(client):
    client.force_login(_editor())
    story = factories.article(languages=("nl",), source_language="nl", title_nl="Hallo")

    response = client.get(_change_url(story), HTTP_ACCEPT_LANGUAGE="de")

    config = response.context["newsroom_translations"]
    assert config["source"] == "nl"
    assert [lang["code"] for lang in config["languages"]] == list(LANGUAGES)
    assert config["languages"][1]["name"] == "Niederländisch"
    assert config["languages"][4]["dir"] == "rtl"
    assert config["fields"][:4] == ["title", "slug", "standfirst", "body"]


def test_each_language_input_carries_its_language_and_direction(editor_client):
    html = editor_client.get(ADD_URL).content.decode()

    title_ar = re.search(r"<input[^>]+name=\"title_ar\"[^>]*>", html).group(0)
    assert 'dir="rtl"' in title_ar and 'lang="ar"' in title_ar
    title_nl = re.search(r"<input[^>]+name=\"title_nl\"[^>]*>", html).group(0)
    assert 'lang="nl"' in title_nl and 'dir="ltr"' in title_nl


def test_source_language_fields_come_first_in_each_group(editor_client):
    story = factories.article(languages=("de",), source_language="de")

    html = editor_client.get(_change_url(story)).content.decode()

    assert html.index('name="title_de"') < html.index('name="title_en"')


def test_editor_adds_an_article_in_english_and_dutch(editor_client):
    section = factories.section()
    person = factories.author()
    topic = factories.tag()

    response = _post(
        editor_client,
        ADD_URL,
        title_en="Dykes hold after storm",
        body_en="<p>The dykes held.</p>",
        title_nl="Dijken houden na storm",
        body_nl="<p>De dijken hielden.</p>",
        section=str(section.pk),
        bylines=[str(person.pk)],
        tags=[str(topic.pk)],
    )

    assert response.status_code == 302, response.context and _errors(response)
    story = Article.objects.get()
    assert story.title_en == "Dykes hold after storm"
    assert story.title_nl == "Dijken houden na storm"
    assert story.body_nl == "<p>De dijken hielden.</p>"
    assert story.slug_en == "dykes-hold-after-storm"
    assert story.slug_nl == "dijken-houden-na-storm"
    assert story.slug_de is None
    assert list(story.authors.all()) == [person]
    assert list(story.tags.all()) == [topic]
    states = dict(story.variants.values_list("language", "state"))
    assert states == {
        "en": "in_progress",
        "nl": "in_progress",
        "de": "missing",
        "fr": "missing",
        "ar": "missing",
    }


def test_duplicate_dutch_slug_is_an_error_on_the_dutch_slug_and_nothing_is_saved(editor_client):
    factories.article(languages=("en", "nl"), title_nl="Dijken houden")

    response = _post(
        editor_client,
        ADD_URL,
        title_en="Another story",
        title_nl="Iets anders",
        slug_nl="dijken-houden",
    )

    assert response.status_code == 200
    assert list(_errors(response)) == ["slug_nl"]
    assert "already exists" in str(_errors(response)["slug_nl"])
    assert Article.objects.count() == 1
    config = response.context["newsroom_translations"]
    assert [lang["errors"] for lang in config["languages"]] == [0, 1, 0, 0, 0]


def test_duplicate_slug_error_is_in_the_editors_language(client):
    client.force_login(_editor())
    factories.article(languages=("en", "nl"), title_nl="Dijken houden")
    url = ADD_URL
    data = _form_data(client, url, title_en="Other", slug_nl="dijken-houden")

    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="nl")

    assert "bestaat al" in str(_errors(response)["slug_nl"])


def test_slug_filled_from_a_duplicate_title_is_an_error_too(editor_client):
    factories.article(languages=("en", "nl"), title_nl="Dijken houden")

    response = _post(editor_client, ADD_URL, title_en="Other", title_nl="Dijken houden")

    assert "slug_nl" in _errors(response)
    assert Article.objects.count() == 1


def test_missing_source_title_is_an_error_on_that_title(editor_client):
    response = _post(
        editor_client, ADD_URL, source_language="nl", title_en="Only English", body_nl="<p>x</p>"
    )

    assert response.status_code == 200
    assert list(_errors(response)) == ["title_nl"]
    assert not Article.objects.exists()
    config = response.context["newsroom_translations"]
    assert config["source"] == "nl"
    assert [lang["errors"] for lang in config["languages"]] == [0, 1, 0, 0, 0]


def test_hostile_body_is_cleaned_on_save(editor_client):
    response = _post(
        editor_client,
        ADD_URL,
        title_en="Clean",
        body_en='<p>Hi<script>alert(1)</script><img src=x onerror="alert(2)"></p>',
        body_ar="<p onclick=\"alert(3)\">مرحبا</p><script>alert('x')</script>",
    )

    assert response.status_code == 302
    story = Article.objects.get()
    for body in (story.body_en, story.body_ar):
        assert "<script" not in body and "onerror" not in body and "onclick" not in body
        assert "alert(" not in body
    assert story.body_en.startswith("<p>Hi")
    assert "مرحبا" in story.body_ar


def test_change_bumps_source_version_and_keeps_variants(editor_client):
    story = factories.article(languages=("en", "nl"))

    response = _post(
        editor_client, _change_url(story), title_en="A new English title", _publish="Publish"
    )

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.source_version == 2
    assert story.variants.count() == len(LANGUAGES)
    nl = story.variants.get(language="nl")
    assert nl.state == "published" and nl.is_outdated


def _publishable(**changes):
    """What publishing needs on the form besides a title: a body and a byline."""
    return {
        "body_en": "<p>The story.</p>",
        "bylines": [str(factories.author().pk)],
        **changes,
    }


def test_setting_status_published_publishes_the_source_version(editor_client):
    response = _post(editor_client, ADD_URL, **_publishable(title_en="Out now", status="published"))

    assert response.status_code == 302
    story = Article.objects.get()
    assert story.first_published_at is not None
    assert story.published_at is not None
    assert story.is_published("en")
    assert not story.is_published("nl")


def test_publishing_without_body_or_byline_is_refused_on_those_fields(editor_client):
    response = _post(editor_client, ADD_URL, title_en="Out now", status="published")

    assert response.status_code == 200
    errors = _errors(response)
    assert errors["body_en"] == [
        "The story needs a body in its source language before it can be published."
    ]
    # On the byline field itself, now that the byline is a field of the form.
    assert "Add at least one byline before the story is published." in errors["bylines"]
    assert not Article.objects.exists()


def test_editor_without_publish_permission_cannot_publish_through_the_form(client):
    client.force_login(_editor(can_publish=False))

    response = _post(client, ADD_URL, title_en="Sneaky", status="published")

    assert response.status_code == 200
    assert "status" in _errors(response)
    assert not Article.objects.exists()


def test_publishing_a_translation_goes_through_the_service(editor_client):
    story = factories.article(languages=("en",), title_nl="Vertaald", body_nl="<p>Tekst.</p>")
    url = _change_url(story)
    data = _form_data(editor_client, url)
    index = _variant_index(data, "nl")

    response = editor_client.post(url, {**data, f"variants-{index}-state": "published"})

    assert response.status_code == 302
    nl = story.variants.get(language="nl")
    assert nl.state == "published"
    assert nl.source_version == story.source_version
    assert Article.objects.visible("nl").filter(pk=story.pk).exists()


def test_publishing_a_language_without_a_title_is_refused_on_that_row(editor_client):
    story = factories.article(languages=("en",))
    url = _change_url(story)
    data = _form_data(editor_client, url)
    index = _variant_index(data, "fr")

    response = editor_client.post(url, {**data, f"variants-{index}-state": "published"})

    assert response.status_code == 200
    formset = next(
        f for f in response.context["inline_admin_formsets"] if f.formset.prefix == "variants"
    )
    assert "title" in str(formset.formset.forms[index].errors["state"])
    assert story.variants.get(language="fr").state == "missing"
    config = response.context["newsroom_translations"]
    assert [lang["errors"] for lang in config["languages"]] == [0, 0, 0, 1, 0]


def _variant_index(data, language):
    """The variants inline lists languages in settings order."""
    return LANGUAGES.index(language)


def test_variants_inline_marks_an_outdated_translation(editor_client):
    story = factories.article(languages=("en", "nl"))
    story.title_en = "Changed"
    story.save()
    story.source_version = 2
    story.save()

    html = editor_client.get(_change_url(story)).content.decode()

    assert html.count('class="nr-outdated"') == 1


def test_view_on_site_links_only_published_languages(editor_client):
    story = factories.article(languages=("en", "nl"), title_de="Nur Entwurf")

    html = editor_client.get(_change_url(story)).content.decode()

    assert f'href="{story.get_absolute_url("nl")}"' in html
    assert f'href="{story.get_absolute_url("en")}"' in html
    assert "German: not published" in html
    assert story.get_absolute_url("nl").startswith("/nl/")


def test_lead_image_is_chosen_in_the_picker_with_a_thumbnail(editor_client, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PILImage

    from media.models import Image

    settings.MEDIA_ROOT = tmp_path
    path = tmp_path / "pic.png"
    PILImage.new("RGB", (800, 400), "teal").save(path)
    image = Image.objects.create(
        file=SimpleUploadedFile("pic.png", path.read_bytes(), content_type="image/png"),
        alt_text_en="A teal square",
    )
    story = factories.article(languages=("en",), lead_image=image)

    html = editor_client.get(_change_url(story)).content.decode()

    picker = re.search(
        r'<div class="media-picker">.*?<img class="media-picker__preview"[^>]*>', html, re.S
    ).group(0)
    assert 'name="lead_image"' in picker and f'value="{image.pk}"' in picker
    thumbnail = re.search(r'<img class="media-picker__preview"[^>]*>', picker).group(0)
    assert f"/admin/media/image/{image.pk}/thumbnail/" in thumbnail
    assert " hidden" not in thumbnail
    # The placed-media inline sits on the same form.
    assert "placements-TOTAL_FORMS" in html


# -- The list --


def test_changelist_search_finds_an_article_by_its_german_title(editor_client):
    wanted = factories.article(languages=("en", "de"), title_de="Hitzewelle im Süden")
    factories.article(languages=("en",))

    response = editor_client.get(LIST_URL, {"q": "Hitzewelle"})

    assert list(response.context["cl"].result_list) == [wanted]


def test_changelist_filters_on_one_languages_state(editor_client):
    dutch = factories.article(languages=("en", "nl"))
    english_only = factories.article(languages=("en",))
    draft_nl = factories.article(languages=("en",), title_nl="Bezig")

    def listed(state):
        response = editor_client.get(LIST_URL, {"lang_nl": state})
        return set(response.context["cl"].result_list)

    assert listed("published") == {dutch}
    assert listed("missing") == {english_only}
    assert listed("in_progress") == {draft_nl}
    assert listed("ready") == set()


def test_changelist_outdated_filter(editor_client):
    story = factories.article(languages=("en", "nl"))
    factories.article(languages=("en", "nl"))
    Article.objects.filter(pk=story.pk).update(source_version=2)

    response = editor_client.get(LIST_URL, {"lang_nl": "outdated"})

    assert list(response.context["cl"].result_list) == [story]


def test_changelist_shows_a_language_summary_with_words(editor_client):
    factories.article(languages=("en", "nl"), title_de="Entwurf")

    html = editor_client.get(LIST_URL).content.decode()

    assert "Dutch: Published" in html
    assert "German: In progress" in html
    assert "French: Missing" in html


def test_changelist_title_falls_back_to_the_source_language_marked(client):
    client.force_login(_editor())
    factories.article(languages=("en",), title_en="Only in English")

    html = client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    assert '<span lang="en" dir="ltr">Only in English</span>' in html


def test_changelist_query_count_does_not_grow_with_rows(editor_client, django_assert_num_queries):
    section = factories.section()
    for _ in range(2):
        factories.article(languages=("en", "nl"), section=section)
    editor_client.get(LIST_URL)  # warm the session (read from the cache) and content-type caches

    with django_assert_num_queries(10) as few:
        editor_client.get(LIST_URL)
    for _ in range(6):
        factories.article(languages=("en", "de"), section=factories.section())
    with django_assert_num_queries(len(few.captured_queries)):
        response = editor_client.get(LIST_URL)
    assert len(response.context["cl"].result_list) == 8


# -- Bulk actions --


def _action(client, action, articles):
    return client.post(
        LIST_URL,
        {"action": action, "_selected_action": [str(a.pk) for a in articles]},
        follow=True,
    )


def test_bulk_publish_publishes_and_reports_how_many(editor_client):
    drafts = [factories.article(published=False) for _ in range(2)]
    already = factories.article()

    response = _action(editor_client, "publish_selected", [*drafts, already])

    assert "2 articles were published." in response.content.decode()
    for story in drafts:
        story.refresh_from_db()
        assert story.is_published("en")
        assert story.first_published_at is not None


def test_bulk_unpublish_takes_articles_off_the_site(editor_client):
    story = factories.article(languages=("en", "nl"))

    response = _action(editor_client, "unpublish_selected", [story])

    assert "1 article was taken off the site." in response.content.decode()
    story.refresh_from_db()
    assert story.status == "draft"
    assert not Article.objects.visible("nl").exists()
    assert story.variants.get(language="nl").state == ArticleVariant.State.PUBLISHED


def test_bulk_publish_reports_articles_it_could_not_publish(editor_client):
    # The write path refuses an untitled article; this one predates that rule (a raw import).
    untitled = Article.objects.create(source_language="nl", title_en="Only English")

    response = _action(editor_client, "publish_selected", [untitled])

    assert "0 articles were published." in response.content.decode()
    assert "were not published" in response.content.decode()
    untitled.refresh_from_db()
    assert untitled.status == "draft"


def test_editor_without_publish_permission_neither_sees_nor_runs_the_actions(client):
    client.force_login(_editor(can_publish=False))
    draft = factories.article(published=False)
    live = factories.article()

    html = client.get(LIST_URL).content.decode()
    assert "publish_selected" not in html
    assert "unpublish_selected" not in html

    _action(client, "publish_selected", [draft])
    _action(client, "unpublish_selected", [live])

    draft.refresh_from_db()
    live.refresh_from_db()
    assert draft.status == "draft"
    assert live.status == "published"


# -- What files an article: searchable for autocomplete --


@pytest.mark.parametrize(
    ("model", "make", "term"),
    [
        ("author", lambda: factories.author(name="Zora Writer"), "Zora"),
        ("tag", lambda: factories.tag(name_en="Rivers", name_nl="Rivieren"), "Rivieren"),
        ("section", lambda: factories.section(name_en="Culture", name_fr="Culture FR"), "FR"),
    ],
)
def test_filing_models_are_searchable_for_autocomplete(admin_client, model, make, term):
    thing = make()

    response = admin_client.get(f"/admin/articles/{model}/", {"q": term})

    assert list(response.context["cl"].result_list) == [thing]


@pytest.mark.parametrize("field", ["bylines", "tags"])
def test_byline_and_tags_are_one_autocomplete_field_each(editor_client, field):
    html = editor_client.get(ADD_URL).content.decode()

    widget = re.search(rf'<select[^>]+name="{field}"[^>]*>', html).group(0)
    assert "nr-creatable" in widget and "multiple" in widget
    assert "articles/admin/creatable.js" in html
    assert "admin/js/vendor/select2/select2.full" in html


def test_changelist_with_facet_counts_counts_language_states(editor_client):
    factories.article(languages=("en", "nl"))
    factories.article(languages=("en",))

    response = editor_client.get(LIST_URL, {"_facets": "1"})

    assert response.status_code == 200
    assert "Published (1)" in response.content.decode()


# -- Nothing half-saved --


def test_a_failing_step_after_the_article_row_leaves_nothing_saved(editor_client, monkeypatch):
    from articles import services

    def broken(**kwargs):
        raise RuntimeError("bookkeeping failed")

    monkeypatch.setattr(services, "article_saved", broken)

    with pytest.raises(RuntimeError):
        _post(editor_client, ADD_URL, title_en="Half", status="published")

    assert not Article.objects.exists()
    assert not ArticleVariant.objects.exists()


def test_editor_without_publish_permission_cannot_publish_a_language(client):
    client.force_login(_editor(can_publish=False))
    story = factories.article(languages=("en",), title_nl="Vertaald", body_nl="<p>Tekst.</p>")
    url = _change_url(story)
    data = _form_data(client, url)

    response = client.post(
        url, {**data, f"variants-{_variant_index(data, 'nl')}-state": "published"}
    )

    assert response.status_code == 200
    assert story.variants.get(language="nl").state == "in_progress"


@pytest.mark.parametrize(
    ("path", "make"),
    [
        ("/admin/articles/section/", factories.section),
        ("/admin/articles/author/", lambda: factories.author(user=factories.user())),
        ("/admin/articles/tag/", factories.tag),
    ],
)
def test_filing_lists_keep_their_query_count_as_they_grow(
    admin_client, django_assert_num_queries, path, make
):
    make()
    admin_client.get(path)  # warm the session and content-type caches
    with django_assert_num_queries(4):
        admin_client.get(path)
    for _ in range(6):
        make()
    with django_assert_num_queries(4):
        response = admin_client.get(path)
    assert response.context["cl"].result_count == 7
