"""Move the placed pictures and videos from media.Placement to articles.Placement.

Each old placement sat "after block N" of the body, the same N in every language. Now
each language's body says where with a reference (articles/body.py): this inserts one
after the Nth top-level block of every body that has text, then copies the rows (captions
per language included) under their new keys. media's 0004 deletes the old table after
this has run.
"""

from django.db import migrations

from articles import body as body_references

LANGUAGES = ("en", "nl", "de", "fr", "ar")


def forwards(apps, schema_editor):
    OldPlacement = apps.get_model("media", "Placement")
    Placement = apps.get_model("articles", "Placement")
    Article = apps.get_model("articles", "Article")
    by_article = {}
    for old in OldPlacement.objects.order_by("article_id", "after_block", "position", "pk"):
        by_article.setdefault(old.article_id, []).append(old)
    for article_id, olds in by_article.items():
        article = Article.objects.get(pk=article_id)
        taken, keys_after, rows = set(), {}, []
        for old in olds:
            kind, item = ("image", old.image_id) if old.image_id else ("embed", old.embed_id)
            key = body_references.key_for(kind, item, taken)
            taken.add(key)
            keys_after.setdefault(old.after_block, []).append(key)
            rows.append(
                Placement(
                    article_id=article_id,
                    key=key,
                    image_id=old.image_id,
                    embed_id=old.embed_id,
                    caption_override=old.caption_override,
                    **{
                        f"caption_override_{code}": getattr(old, f"caption_override_{code}")
                        for code in LANGUAGES
                    },
                )
            )
        changed = []
        for name in ["body", *(f"body_{code}" for code in LANGUAGES)]:
            text = getattr(article, name)
            if text:
                setattr(article, name, body_references.insert_after_blocks(text, keys_after))
                changed.append(name)
        if changed:
            article.save(update_fields=changed)
        Placement.objects.bulk_create(rows)


def backwards(apps, schema_editor):
    """Back to "after block N", counted in the source-language body; references removed."""
    OldPlacement = apps.get_model("media", "Placement")
    Placement = apps.get_model("articles", "Placement")
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.filter(placements__isnull=False).distinct():
        source = getattr(article, f"body_{article.source_language}") or ""
        _prefix, blocks = body_references.split_blocks(source)
        after, count = {}, 0
        for block in blocks:
            keys = body_references.references(block)
            if keys and block.strip() == body_references.reference(keys[0]):
                after[keys[0]] = count
            else:
                count += 1
        for position, placement in enumerate(Placement.objects.filter(article=article)):
            OldPlacement.objects.create(
                article_id=article.pk,
                after_block=after.get(placement.key, count),
                position=position,
                image_id=placement.image_id,
                embed_id=placement.embed_id,
                caption_override=placement.caption_override,
                **{
                    f"caption_override_{code}": getattr(placement, f"caption_override_{code}")
                    for code in LANGUAGES
                },
            )
        changed = []
        for name in ["body", *(f"body_{code}" for code in LANGUAGES)]:
            text = getattr(article, name)
            if text:
                setattr(article, name, body_references.REFERENCE.sub("", text))
                changed.append(name)
        article.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_placement"),
        ("media", "0003_clearer_labels"),
    ]
    # The old rows must still be there when they are copied; media's migration that
    # deletes them need not know about articles (media is a leaf app).
    run_before = [("media", "0004_placement_moved_to_articles")]

    operations = [migrations.RunPython(forwards, backwards)]
