"""The picture and embed tags as readers get them (the article body: tests/articles)."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from media.models import Image
from tests.media import factories


def render(source, **context):
    return Template("{% load media_tags %}" + source).render(Context(context))


def third_party_urls(html):
    """Every address the browser would fetch on its own (src, srcset, href of link/script)."""
    urls = re.findall(r'(?<![-\w])(?:src|href)="([^"]+)"', html)
    for srcset in re.findall(r'\bsrcset="([^"]+)"', html):
        urls += [part.strip().split(" ")[0] for part in srcset.split(",")]
    return [u for u in urls if u.startswith(("http:", "https:", "//"))]


@pytest.mark.django_db
def test_picture_has_srcset_sizes_and_dimensions():
    image = factories.processed(
        factories.image(size=(1400, 1000), alt_text_en="Boats in the harbour")
    )

    html = render('{% picture image "wide" sizes="50vw" %}', image=image)

    img = re.search(r"<img [^>]+>", html).group(0)
    assert 'width="1400" height="788"' in img
    assert 'alt="Boats in the harbour"' in img
    assert 'loading="lazy"' in img and "fetchpriority" not in img
    assert 'sizes="50vw"' in img
    srcset = re.search(r'srcset="([^"]+)"', img).group(1)
    widths = [int(w) for w in re.findall(r" (\d+)w", srcset)]
    assert widths == [320, 640, 960, 1200, 1280, 1400]  # 1200: the 16:9 share width
    assert all(part.strip().split(" ")[0].endswith(".jpg") for part in srcset.split(","))
    assert '<source type="image/webp"' in html
    assert html.index('type="image/webp"') < html.index("<img")


@pytest.mark.django_db
def test_lead_picture_loads_eagerly_with_high_priority():
    image = factories.image()

    html = render('{% picture image "wide" lead=True %}', image=image)

    assert 'loading="eager" fetchpriority="high"' in html
    assert 'loading="lazy"' not in html


@pytest.mark.django_db
def test_square_listing_picture_is_square():
    image = factories.image(size=(900, 600))

    html = render('{% picture image "square" css_class="card__img" %}', image=image)

    assert 'width="600" height="600"' in html
    assert 'class="card__img"' in html


@pytest.mark.django_db
def test_missing_source_file_renders_a_placeholder_not_an_error():
    image = factories.image(alt_text_en="A map")
    # Stored before renditions moved to the background: the migration marked it ready and
    # the tag makes its renditions on first use, from a source that has since gone.
    Image.objects.filter(pk=image.pk).update(renditions_state=Image.RenditionsState.READY)
    image.refresh_from_db()
    image.file.storage.delete(image.file.name)

    html = render('{% picture image "wide" %}', image=image)

    assert 'class="picture-missing"' in html
    assert 'aria-label="A map"' in html
    assert render('{% picture None "wide" %}').startswith('<span class="picture-missing"')


@pytest.mark.django_db
def test_alt_text_in_the_readers_language_or_marked_english():
    image = factories.image(alt_text_en="Boats", alt_text_nl="Boten")
    plain = factories.image(alt_text_en="Only English")

    with translation.override("nl"):
        assert 'alt="Boten"' in render("{% picture image %}", image=image)
        assert 'alt="Only English" lang="en"' in render("{% picture image %}", image=plain)


@pytest.mark.django_db
def test_warned_picture_is_hidden_behind_its_translated_warning():
    image = factories.image(content_warning_en="Graphic violence", content_warning_nl="Geweld")

    html = render("{% picture image %}", image=image)
    with translation.override("nl"):
        html_nl = render("{% picture image %}", image=image)

    assert re.search(r'<details class="media-warning[^"]*">\s*<summary', html)
    assert "Graphic violence" in html and "Geweld" in html_nl
    # The picture sits inside the closed <details>, after the summary.
    assert html.index("</summary>") < html.index("<picture") < html.index("</details>")
    assert "<details open" not in html


@pytest.mark.django_db
def test_warning_set_only_in_english_still_warns_other_readers():
    image = factories.image(content_warning_en="Graphic violence")

    with translation.override("de"):
        html = render("{% picture image %}", image=image)

    assert "<details" in html
    assert (
        '<span lang="en" dir="ltr" class="fallback">Graphic violence</span> '
        '<span class="fallback-marker">(auf Englisch)</span>'
    ) in html


@pytest.mark.django_db
def test_youtube_embed_placeholder_requests_nothing_from_youtube():
    embed = factories.embed("https://youtu.be/dQw4w9WgXcQ", title_en="Flood footage")

    html = render("{% embed_card embed %}", embed=embed)

    assert "<iframe" not in html
    assert third_party_urls(html) == ["https://youtu.be/dQw4w9WgXcQ"]  # a plain link
    assert re.search(r'<a class="embed__placeholder" href="https://youtu.be/', html)
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?' in html
    assert "Flood footage" in html
    assert "i.ytimg.com" not in html and "img" not in html


@pytest.mark.django_db
def test_vimeo_embed_plays_with_do_not_track():
    embed = factories.embed("https://vimeo.com/76979871")

    html = render("{% embed_card embed %}", embed=embed)

    assert 'data-embed-src="https://player.vimeo.com/video/76979871?dnt=1' in html
    assert "<iframe" not in html


@pytest.mark.django_db
def test_other_https_page_is_a_link_card():
    embed = factories.embed("https://www.example.org/report", title_en="The full report")

    html = render("{% embed_card embed %}", embed=embed)

    assert "data-embed-src" not in html
    assert '<a class="embed embed--link" href="https://www.example.org/report"' in html
    assert "The full report" in html and "example.org" in html


@pytest.mark.django_db
def test_plain_http_cannot_be_embedded():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        factories.embed("http://example.org/")


@pytest.mark.django_db
def test_warned_embed_is_behind_the_warning():
    embed = factories.embed(content_warning_en="Shows injured people")

    html = render("{% embed_card embed %}", embed=embed)

    assert html.index("Shows injured people") < html.index("embed__placeholder")
    assert "<details" in html


@pytest.mark.django_db
def test_lead_picture_with_prefetched_renditions_adds_no_query(django_assert_num_queries):
    image = factories.image()
    render('{% picture image "wide" lead=True %}', image=image)

    image = Image.objects.with_renditions().get(pk=image.pk)
    with django_assert_num_queries(0):
        render('{% picture image "wide" lead=True %}', image=image)
