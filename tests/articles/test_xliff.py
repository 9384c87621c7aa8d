"""The XLIFF round trip: exports valid against the OASIS schemas, imports as pending
changes, and every refusal writing nothing (articles/xliff*.py)."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from lxml import etree
from translate.storage import xliff as toolkit_xliff12
from translate.storage import xliff2 as toolkit_xliff20

from articles import linked, memory, policy, selectors, services, xliff
from articles.models import Article, PendingChange, Revision, TranslatorProfile
from articles.xliff_export import export_xliff
from articles.xliff_import import ImportRefused, xliff_import
from tests import factories
from tests.media.factories import embed as make_embed

pytestmark = pytest.mark.django_db

BODY = (
    '<p>A <strong>bold</strong> move, <a href="https://example.org/?a=1&amp;b=2">a link</a>'
    "<br>and more.</p><h2>Smaller buses</h2>"
    '<figure data-placement="image-{image}"></figure>'
    "<ul><li><p>one</p></li><li><p>t<em>w</em>o</p></li></ul>"
    "<blockquote><p>They kept asking.</p></blockquote>"
    '<figure data-placement="embed-{embed}"></figure>'
)


def _translator(languages=("nl",)):
    from django.contrib.auth.models import Group

    person = factories.user()
    person.groups.add(Group.objects.get(name=policy.TRANSLATORS))
    TranslatorProfile.objects.create(user=person, languages=list(languages))
    return person


def _body(story) -> str:
    placed = {p.key.partition("-")[0]: p for p in story.placements.all()}
    return BODY.format(image=placed["image"].image_id, embed=placed["embed"].embed_id)


def _story(picture=None, tag=None, **fields):
    """A published English story with a section, a tag, a placed picture (its alt text
    already in every language) and a placed video with a warning."""
    picture = picture or factories.image(caption_en="Buses at the depot.")
    video = make_embed(title_en="The night shift", content_warning_en="Flashing lights")
    story = factories.article(
        languages=("en",),
        published=False,
        body_en=BODY.format(image=picture.pk, embed=video.pk),
        content_warning_en="Contains descriptions of violence.",
        section=factories.section(name_nl=None),
        tags=[tag or factories.tag(name_nl=None)],
        **fields,
    )
    story.placements.filter(image__isnull=False).update(caption_override_en="The new night line")
    by = factories.superuser()
    services.article_publish(article=story, by=by)
    return Article.objects.get(pk=story.pk)


def _export(stories, language="nl", version="2.0"):
    queryset = Article.objects.filter(pk__in=[s.pk for s in stories])
    data, _skipped = export_xliff(queryset, language, version)
    return data


def _dump() -> str:
    """Every row of the content apps, to compare before and after an import (in one
    language: a translated model's plain field is dumped in the active one)."""
    out = io.StringIO()
    with translation.override("en"):
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
    placement = story.placements.get(image__isnull=False)
    video = story.placements.get(embed__isnull=False).embed_id

    document = xliff.parse(_export([story]))

    ids = [unit.id for unit in document.files[0].units]
    prefix = f"article-{story.pk}"
    assert ids == [
        f"{prefix}.title",
        f"{prefix}.standfirst",
        f"{prefix}.content_warning",
        *(f"{prefix}.body.p{n}" for n in range(1, 6)),
        f"placement-{placement.pk}.caption",
        f"section-{story.section_id}.name",
        f"tag-{story.tags.get().pk}.name",
        f"image-{placement.image_id}.alt_text",
        f"image-{placement.image_id}.caption",
        f"embed-{video}.title",
        f"embed-{video}.content_warning",
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

    units = xliff.parse(_export([story])).files[0].units
    units = {u.id.split(".", 1)[1]: u for u in units if u.id.startswith("article-")}

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

    assert report.changed_units == 15
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
        body_nl=_body(story).replace("move", "zet"),
    )
    # A tag name waiting for review, a section name stored (and the picture's alt text the
    # factory stored): each is the target of its unit.
    tag = story.tags.get().pk
    services.linked_texts_save(
        article=story, language="nl", by=_translator(), texts={f"tag:{tag}.name": "Nachtbus"}
    )
    services.section_update(section=story.section, by=factories.superuser(), name_nl="Stad")
    exported = _export([story], version=version)
    targets = {u.id: u.target for u in xliff.parse(exported).files[0].units}
    assert targets[f"tag-{tag}.name"] == ("Nachtbus",)
    assert targets[f"section-{story.section_id}.name"] == ("Stad",)
    # Through the translator's tool, which reads and writes every unit unchanged.
    store_class = toolkit_xliff20.Xliff2File if version == "2.0" else toolkit_xliff12.xlifffile
    untouched = bytes(store_class.parsestring(exported))
    translator = _translator()
    before, revisions = _dump(), Revision.objects.count()

    report = xliff_import(data=untouched, by=translator)

    assert report.changed_units == 0
    assert _dump() == before and Revision.objects.count() == revisions


def test_changing_one_paragraph_keeps_the_rest_of_the_translation():
    story = _story()
    dutch = _body(story).replace("bold", "gedurfde").replace("one", "een")
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


# -- The texts of the story's pictures, videos, tags and section --


def _unit_ids(data: bytes) -> dict[str, list[str]]:
    return {f.id: [u.id for u in f.units] for f in xliff.parse(data).files}


def test_an_object_shown_by_several_articles_is_one_unit_under_the_first_of_them():
    picture, tag = factories.image(caption_en="Buses at the depot."), factories.tag(name_nl=None)
    first, second = _story(picture=picture, tag=tag), _story(picture=picture, tag=tag)

    ids = _unit_ids(_export([second, first]))

    shared = [f"tag-{tag.pk}.name", f"image-{picture.pk}.alt_text", f"image-{picture.pk}.caption"]
    assert all(unit in ids[f"article-{first.pk}"] for unit in shared)
    assert not any(unit in ids[f"article-{second.pk}"] for unit in shared)
    # Each story's own section and video stay under its own file.
    assert f"section-{second.section_id}.name" in ids[f"article-{second.pk}"]


def test_imported_linked_texts_wait_for_review_in_the_articles_pending_change():
    picture, tag = factories.image(caption_en="Buses at the depot."), factories.tag(name_nl=None)
    first, second = _story(picture=picture, tag=tag), _story(picture=picture, tag=tag)
    translated = _cat_tool(_export([first, second]), "2.0")

    xliff_import(data=translated, by=_translator())

    waiting = linked.pending_texts(first, "nl")
    assert waiting[f"tag:{tag.pk}.name"] == f"NL[{tag.name_en}]"
    assert waiting[f"image:{picture.pk}.caption"] == "NL[Buses at the depot.]"
    assert waiting[f"section:{first.section_id}.name"] == f"NL[{first.section.name_en}]"
    video = first.placements.get(embed__isnull=False).embed
    assert waiting[f"embed:{video.pk}.content_warning"] == "NL[Flashing lights]"
    assert f"tag:{tag.pk}.name" not in linked.pending_texts(second, "nl")
    # Stored where they belong only when an editor publishes: readers see nothing yet.
    tag.refresh_from_db()
    assert tag.name_nl is None
    change = PendingChange.objects.get(article=first, language="nl")
    assert change.comment.startswith("Imported from XLIFF")

    services.article_publish(article=first, by=factories.superuser(), languages=["nl"])

    tag.refresh_from_db()
    video.refresh_from_db()
    assert tag.name_nl == f"NL[{tag.name_en}]"
    assert video.content_warning_nl == "NL[Flashing lights]"


def test_a_file_with_only_linked_texts_names_the_import_to_the_reviewer():
    story = _story()
    tag = story.tags.get()
    data = _export([story]).decode()
    unit = data.index(f'<unit id="tag-{tag.pk}.name"')
    end = data.index("</source>", unit) + len("</source>")
    data = data[:end] + "<target>Nachtbus</target>" + data[end:]

    report = xliff_import(data=data.encode(), by=_translator(), filename="tags.xlf")

    assert report.changed_units == 1
    change = PendingChange.objects.get(article=story, language="nl")
    assert change.comment == "Imported from XLIFF (tags.xlf)."
    assert linked.pending_texts(story, "nl") == {f"tag:{tag.pk}.name": "Nachtbus"}


def test_refuses_a_linked_unit_of_an_object_the_article_does_not_show():
    story, elsewhere = _story(), factories.tag()
    data = _cat_tool(_export([story]), "2.0")
    tag = story.tags.get().pk

    assert f"tag-{elsewhere.pk}.name: unknown unit" in _refused(
        data.replace(f'"tag-{tag}.name"'.encode(), f'"tag-{elsewhere.pk}.name"'.encode())
    )
    assert "image-999999.alt_text: unknown unit" in _refused(
        data.replace(b'"image-', b'"image-999999.alt_text" x="', 1).replace(
            b'"image-999999.alt_text" x="', b'"image-999999.alt_text" name="', 1
        )
    )


def test_refuses_a_linked_text_whose_source_changed_unless_forced():
    story = _story()
    tag = story.tags.get()
    data = _cat_tool(_export([story]), "2.0")
    services.tag_update(tag=tag, by=factories.superuser(), name_en="Night buses")

    assert f"tag-{tag.pk}.name: the source text changed" in _refused(data)

    xliff_import(data=data, by=_translator(), force=True)
    change = PendingChange.objects.get(article=story, language="nl")
    assert f"check: Tag name: {tag.name_en}" in change.comment


def test_refuses_a_shared_text_translated_differently_in_two_files():
    picture = factories.image(caption_en="Buses at the depot.")
    first, second = _story(picture=picture), _story(picture=picture)
    one = _cat_tool(_export([first]), "2.0").decode()
    other = _cat_tool(_export([second]), "2.0").decode().replace("NL[Buses", "NL[Busses")
    start = other.index("<file ")
    joined = one.replace("</xliff>", other[start : other.rindex("</xliff>")] + "</xliff>")

    assert f"image-{picture.pk}.caption: translated differently" in _refused(joined.encode())


# -- Translation memory in the export --


@pytest.fixture
def remembered():
    """A published Dutch translation of a story that says "They kept asking." (the memory
    is filled when a language version is published; here as its subscriber does)."""
    before = factories.article(
        languages=("en", "nl"),
        title_en="Earlier",
        body_en="<p>They kept asking.</p>",
        body_nl="<p>Ze bleven vragen.</p>",
    )
    memory.memory_remember(article_id=before.pk)
    return before


def test_export_20_offers_a_memory_match_with_its_origin(remembered):
    story = _story()
    data = _export([story])

    root = etree.fromstring(data)
    assert xliff.schema("2.0").validate(root), xliff.schema("2.0").error_log
    ns = {"x": xliff.NS20, "mtc": xliff.NS_MTC}
    unit = root.find(f".//x:unit[@id='article-{story.pk}.body.p5']", ns)
    match = unit.find("mtc:matches/mtc:match", ns)
    assert match.find("x:target", ns).text == "Ze bleven vragen."
    assert match.find("x:source", ns).text == "They kept asking."
    assert f"Article {remembered.pk} “Earlier”, body" in match.get("origin")
    # A unit with no memory gets no match; translate-toolkit still reads every unit.
    assert root.find(f".//x:unit[@id='article-{story.pk}.title']/mtc:matches", ns) is None
    store = toolkit_xliff20.Xliff2File.parsestring(data)
    assert len(store.units) == len(xliff.parse(data).files[0].units)


def test_export_12_offers_a_memory_match_as_alt_trans_with_its_origin(remembered):
    story = _story()
    data = _export([story], version="1.2")

    root = etree.fromstring(data)
    assert xliff.schema("1.2").validate(root), xliff.schema("1.2").error_log
    store = toolkit_xliff12.xlifffile.parsestring(data)
    unit = next(u for u in store.units if u.xmlelement.get("id") == f"article-{story.pk}.body.p5")
    (alternative,) = unit.getalttrans()
    assert alternative.target == "Ze bleven vragen."
    assert f"Article {remembered.pk} “Earlier”, body" in alternative.xmlelement.get("origin")


def test_a_unit_already_translated_gets_no_memory_match(remembered):
    story = _story()
    services.article_update(
        article=story, by=factories.superuser(), body_nl=_body(story).replace("kept", "blijven")
    )

    assert b"mtc:match" not in _export([story])


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

    assert "15 of 15 units changed in 1 articles (nl)" in out.getvalue()
    assert "Body, block 1; Body, block 2" in out.getvalue()
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
