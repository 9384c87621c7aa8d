"""The move of placements from media to articles keeps every placement and its place."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles import body

BEFORE = [("articles", "0003_addresses_for_every_name"), ("media", "0003_clearer_labels")]
AFTER = [("articles", "0005_placements_from_media"), ("media", "0004_placement_moved_to_articles")]


@pytest.mark.django_db(transaction=True)
def test_after_block_becomes_a_reference_in_every_language_with_a_body():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Article = old.get_model("articles", "Article")
    Image = old.get_model("media", "Image")
    Embed = old.get_model("media", "Embed")
    OldPlacement = old.get_model("media", "Placement")
    article = Article.objects.create(
        source_language="en",
        title_en="Flood",
        body_en="<p>One.</p><p>Two\u2028two.</p><p>Three.</p>",
        body_nl='<p>Een.</p>\x0c\n<p>Zie <a href="https://example.org/x">dit</a>.</p>',
        body_de="",
    )
    image = Image.objects.create(file="images/x.jpg", width=10, height=10)
    embed = Embed.objects.create(url="https://vimeo.com/1", provider="vimeo")
    OldPlacement.objects.create(
        article=article, after_block=1, image=image, caption_override_nl="Kaart"
    )
    OldPlacement.objects.create(article=article, after_block=2, position=1, embed=embed)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    article = new.get_model("articles", "Article").objects.get(pk=article.pk)
    placements = new.get_model("articles", "Placement").objects.filter(article=article)

    first, second = f"image-{image.pk}", f"embed-{embed.pk}"
    assert {(p.key, p.caption_override_nl) for p in placements} == {
        (first, "Kaart"),
        (second, None),
    }
    assert article.body_en == (
        "<p>One.</p>"
        + body.reference(first)
        + "<p>Two\u2028two.</p>"
        + body.reference(second)
        + "<p>Three.</p>"
    )
    assert article.body_nl == (
        "<p>Een.</p>\x0c\n"
        + body.reference(first)
        + '<p>Zie <a href="https://example.org/x">dit</a>.</p>'
        + body.reference(second)
    )
    assert article.body_de == ""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
