"""The XLIFF round trip: exports valid against the OASIS schemas, imports as pending
changes, and every refusal writing nothing (articles/xliff*.py)."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from lxml import etree
from translate.storage import xliff as toolkit_xliff12
from translate.storage import xliff2 as toolkit_xliff20

from articles import policy, selectors, services, xliff
from articles.models import Article, PendingChange, Revision, TranslatorProfile
from articles.xliff_export import export_xliff
from articles.xliff_import import ImportRefused, xliff_import
from tests import factories

pytestmark = pytest.mark.django_db

BODY = (
    '<p>A <strong>bold</strong> move, <a href="https://example.org/?a=1&amp;b=2">a link</a>'
    "<br>and more.</p><h2>Smaller buses</h2>"
    '<figure data-placement="image-{image}"></figure>'
    "<ul><li><p>one</p></li><li><p>t<em>w</em>o</p></li></ul>"
    "<blockquote><p>They kept asking.</p></blockquote>"
)


def _translator(languages=("nl",)):
    from django.contrib.auth.models import Group

    person = factories.user()
    person.groups.add(Group.objects.get(name=policy.TRANSLATORS))
    TranslatorProfile.objects.create(user=person, languages=list(languages))
    return person


def _story(**fields):
    picture = factories.image()
    story = factories.article(
        languages=("en",),
        published=False,
        body_en=BODY.format(image=picture.pk),
        content_warning_en="Contains descriptions of violence.",
        **fields,
    )
    story.placements.update(caption_override_en="The new night line")
    by = factories.superuser()
    services.article_publish(article=story, by=by)
    return Article.objects.get(pk=story.pk)


def _export(stories, language="nl", version="2.0"):
    queryset = Article.objects.filter(pk__in=[s.pk for s in stories])
    data, _skipped = export_xliff(queryset, language, version)
    return data


def _dump() -> str:
    """Every row of the content apps, to compare before and after an import."""
    out = io.StringIO()
    call_command("dumpdata", "articles", "media", "audit", stdout=out, indent=None)
    return out.getvalue()


def _pseudo(text: str) -> str:
    return f"NL[{text}]" if text.strip() else text


def _translate_rich(elements):
    """What a translator does in a CAT tool: replace the words, keep the placeables."""

    def walk(element):
        element.sub = [_pseudo(s) if isinstance(s, str) else walk(s) for s in element.sub]
        return element

    return [walk(element) for element in elements]


def _cat_tool(data: bytes, version: str) -> bytes:
    """translate-toolkit reads the export, fills every target, and writes the file."""
    store_class = toolkit_xliff20.Xliff2File if version == "2.0" else toolkit_xliff12.xlifffile
    store = store_class.parsestring(data)
    for unit in store.units:
        unit.rich_target = _translate_rich(unit.rich_source)
        unit.marktranslated() if version == "2.0" else unit.markfuzzy(False)
    return bytes(store)


# -- Export --


@pytest.mark.parametrize("version", ["2.0", "1.2"])
def test_export_is_valid_against_the_oasis_schema(version):
    data = _export([_story()], version=version)

    root = etree.fromstring(data)
    assert xliff.schema(version).validate(root), xliff.schema(version).error_log


def test_export_has_one_meaningful_unit_per_text_and_block():
    story = _story()
    placement = story.placements.get()

    document = xliff.parse(_export([story]))

    ids = [unit.id for unit in document.files[0].units]
    prefix = f"article-{story.pk}"
    assert ids == [
        f"{prefix}.title",
        f"{prefix}.standfirst",
        f"{prefix}.content_warning",
        *(f"{prefix}.body.p{n}" for n in range(1, 6)),
        f"placement-{placement.pk}.caption",
    ]
    assert document.source_languages == ("en",) and document.target_language == "nl"


def test_export_keeps_inline_html_as_codes_with_the_original_markup():
    story = _story()
    root = etree.fromstring(_export([story]))
    ns = {"x": xliff.NS20}

    unit = root.find(f".//x:unit[@id='article-{story.pk}.body.p1']", ns)
    source = unit.find(".//x:source", ns)
    assert [pc.get("subType") or pc.get("type") for pc in source.iter(f"{{{xliff.NS20}}}pc")] == [
        "xlf:b",
        "link",
    ]
    assert source.find("x:ph", ns).get("subType") == "xlf:lb"
    original = [data.text for data in unit.iter(f"{{{xliff.NS20}}}data")]
    assert '<a href="https://example.org/?a=1&amp;b=2">' in original and "<br>" in original
    assert "figure" not in etree.tostring(source).decode()


def test_export_12_uses_g_and_x_for_inline_codes():
    data = _export([_story()], version="1.2").decode()

    assert '<g id="1" ctype="bold">bold</g>' in data
    assert '<g id="2" ctype="link">a link</g><x id="3" ctype="lb"/>' in data


def test_export_puts_the_existing_translation_in_the_target_with_its_state():
    story = _story()
    services.article_update(
        article=story, by=factories.superuser(), title_nl="Nachtbussen", standfirst_nl=""
    )

    units = {u.id.split(".", 1)[1]: u for u in xliff.parse(_export([story])).files[0].units}

    assert units["title"].target == ("Nachtbussen",) and units["title"].state == "translated"
    assert units["standfirst"].target is None and units["standfirst"].state == "initial"


def test_export_query_count_does_not_grow_with_the_number_of_articles(
    django_assert_max_num_queries,
):
    stories = [_story() for _n in range(5)]
    with django_assert_max_num_queries(6):
        _export(stories[:1])
    with django_assert_max_num_queries(6):
        _export(stories)


def test_xliff_20_refuses_articles_in_two_source_languages():
    english, dutch = _story(), factories.article(languages=("nl",), source_language="nl")

    with pytest.raises(xliff.XliffError, match="one source language"):
        _export([english, dutch], language="de")
    assert _export([english, dutch], language="de", version="1.2")


# -- Import: the translator's round trip --


@pytest.mark.parametrize("version", ["2.0", "1.2"])
def test_a_file_translated_with_translate_toolkit_becomes_a_pending_change(version):
    story = _story()
    translated = _cat_tool(_export([story], version=version), version)

    report = xliff_import(data=translated, by=_translator(), filename="story.xlf")

    assert report.changed_units == 9
    change = PendingChange.objects.get(article=story, language="nl")
    assert change.created_by.translator_profile.languages == ["nl"]
    view = selectors.pending_view(story)
    assert view.title_nl == f"NL[{story.title_en}]"
    assert view.content_warning_nl == "NL[Contains descriptions of violence.]"
    # Inline codes came back as the source's markup; the figure stayed where it was.
    assert view.body_nl.startswith(
        '<p>NL[A ]<strong>NL[bold]</strong>NL[ move, ]<a href="https://example.org/?a=1&amp;b=2">'
        "NL[a link]</a><br>NL[and more.]</p><h2>NL[Smaller buses]</h2><figure data-placement="
    )
    assert "<li><p>NL[t]<em>NL[w]</em>NL[o]</p></li>" in view.body_nl
    assert "<blockquote><p>NL[They kept asking.]</p></blockquote>" in view.body_nl
    # Readers see nothing of it until an editor publishes.
    assert Article.objects.get(pk=story.pk).title_nl in ("", None)


def test_a_translation_of_an_unpublished_story_is_saved_with_a_revision():
    story = factories.article(languages=("en",), published=False)
    translated = _cat_tool(_export([story], version="2.0"), "2.0")

    xliff_import(data=translated, by=_translator())

    story.refresh_from_db()
    assert story.title_nl == f"NL[{story.title_en}]"
    assert story.revisions.first().comment.startswith("Imported from XLIFF")


@pytest.mark.parametrize("version", ["2.0", "1.2"])
def test_a_round_trip_that_changes_no_text_leaves_the_database_identical(version):
    story = _story()
    services.article_update(
        article=story,
        by=factories.superuser(),
        title_nl="Nachtbussen",
        body_nl=BODY.format(image=story.placements.get().image_id).replace("move", "zet"),
    )
    # Through the translator's tool, which reads and writes every unit unchanged.
    store_class = toolkit_xliff20.Xliff2File if version == "2.0" else toolkit_xliff12.xlifffile
    untouched = bytes(store_class.parsestring(_export([story], version=version)))
    translator = _translator()
    before, revisions = _dump(), Revision.objects.count()

    report = xliff_import(data=untouched, by=translator)

    assert report.changed_units == 0
    assert _dump() == before and Revision.objects.count() == revisions


def test_changing_one_paragraph_keeps_the_rest_of_the_translation():
    story = _story()
    image = story.placements.get().image_id
    dutch = BODY.format(image=image).replace("bold", "gedurfde").replace("one", "een")
    services.article_update(article=story, by=factories.superuser(), body_nl=dutch)
    data = _export([story]).decode().replace(">een<", ">één<")

    xliff_import(data=data.encode(), by=_translator())

    assert selectors.pending_view(story).body_nl == dutch.replace(">een<", ">één<")


# -- Import: refusals, each writing nothing --


def _refused(data: bytes, by=None, **options) -> str:
    by = by or _translator()
    before = _dump()
    with pytest.raises(ImportRefused) as refused:
        xliff_import(data=data, by=by, **options)
    assert _dump() == before
    return " ".join(str(problem) for problem in refused.value.report.problems)


def test_refuses_malformed_xml():
    assert "not well-formed XML" in _refused(b"<xliff version='2.0'><file>")


def test_refuses_a_file_that_fails_the_schema():
    data = _export([_story()]).replace(b'<segment id="s1"', b'<segment id="s1" colour="red"', 1)
    assert "not valid XLIFF 2.0" in _refused(data)


def test_refuses_a_language_that_is_not_a_site_language():
    data = _export([_story()]).replace(b'trgLang="nl"', b'trgLang="es"')
    assert "“es” is not a language of this site" in _refused(data)


def test_refuses_a_translator_of_another_language():
    data = _cat_tool(_export([_story()], language="de"), "2.0")
    assert "not assigned to translate into German" in _refused(data, by=_translator(["nl"]))


def test_refuses_unknown_units_and_articles():
    story = _story()
    data = _cat_tool(_export([story]), "2.0")
    unknown_unit = data.replace(b".body.p5", b".body.p9")
    unknown_article = data.replace(f"article-{story.pk}".encode(), b"article-999999")

    assert "body.p9: unknown unit" in _refused(unknown_unit)
    assert "article-999999: no such article" in _refused(unknown_article)


def test_refuses_a_source_that_changed_since_the_export():
    story = _story()
    data = _cat_tool(_export([story]), "2.0")
    services.article_update(article=story, by=factories.superuser(), title_en="A new headline")
    services.article_publish(article=story, by=factories.superuser())

    assert f"article-{story.pk}.title: the source text changed" in _refused(data)


def test_force_imports_a_changed_source_and_marks_it_for_review():
    story = _story()
    data = _cat_tool(_export([story]), "2.0")
    services.article_update(article=story, by=factories.superuser(), title_en="A new headline")
    services.article_publish(article=story, by=factories.superuser())

    report = xliff_import(data=data, by=_translator(), force=True)

    assert [r.forced for r in report.articles] == [["Title"]]
    change = PendingChange.objects.get(article=story, language="nl")
    assert "Translated from an older source text, check: Title." in change.comment
    assert change.revision.comment == change.comment


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda t: t.replace(b'<pc id="2"', b'<pc id="7"', 1), "missing formatting codes 2"),
        (
            lambda t: t.replace(b"NL[one]", b'<pc id="4">NL[one]</pc>', 1),
            "formatting codes not in the source 4",
        ),
        (lambda t: t.replace(b'<ph id="3"', b'<ph id="4"', 1), "line breaks"),
    ],
)
def test_refuses_targets_whose_inline_codes_do_not_match_the_source(edit, problem):
    data = _cat_tool(_export([_story()]), "2.0")
    target_start = data.index(b"<target", data.index(b".body.p1"))
    broken = data[:target_start] + edit(data[target_start:])
    assert problem in _refused(broken)


def test_refuses_reordered_paired_codes():
    data = _export([_story()])
    source = (
        b'A <pc id="1" dataRefStart="d1" type="fmt" subType="xlf:b" dataRefEnd="d2">bold</pc>'
        b' move, <pc id="2" dataRefStart="d3" type="link" dataRefEnd="d4">a link</pc>'
    )
    swapped = (
        b'<pc id="2" dataRefStart="d3" type="link" dataRefEnd="d4">een link</pc> en '
        b'<pc id="1" dataRefStart="d1" type="fmt" subType="xlf:b" dataRefEnd="d2">vet</pc>'
    )
    assert source in data
    target = b"</source><target>" + swapped + b'<ph id="3" dataRef="d5"/>meer.</target>'
    data = data.replace(b"and more.</source>", b"and more." + target, 1)
    assert "another order" in _refused(data)


def test_a_refusal_of_one_article_writes_none_of_the_others():
    good, bad = _story(), _story()
    data = _cat_tool(_export([good, bad]), "2.0")
    data = data.replace(f"article-{bad.pk}.title".encode(), f"article-{bad.pk}.nonsense".encode())

    _refused(data)
    assert not PendingChange.objects.filter(article=good).exists()


# -- Commands and admin --


def test_the_commands_export_and_import(tmp_path):
    story = _story()
    factories.user(username="anneke")
    TranslatorProfile.objects.create(user=factories.user(username="piet"), languages=["nl"])
    from django.contrib.auth.models import Group, User

    User.objects.get(username="piet").groups.add(Group.objects.get(name=policy.TRANSLATORS))
    exported = tmp_path / "out.xlf"
    call_command("export_xliff", "--language", "nl", "--version", "1.2", "--all", "-o", exported)
    translated = tmp_path / "in.xlf"
    translated.write_bytes(_cat_tool(exported.read_bytes(), "1.2"))
    out = io.StringIO()

    call_command("import_xliff", str(translated), "--user", "piet", stdout=out)

    assert "9" in out.getvalue()
    assert selectors.pending_view(story).title_nl == f"NL[{story.title_en}]"


def test_admin_export_action_downloads_the_file():
    story = _story()
    client = Client()
    client.force_login(factories.superuser())

    response = client.post(
        "/admin/articles/article/",
        {
            "action": "export_xliff",
            "_selected_action": [story.pk],
            "language": "nl",
            "version": "1.2",
            "apply": "1",
        },
    )

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert xliff.parse(response.content).version == "1.2"
