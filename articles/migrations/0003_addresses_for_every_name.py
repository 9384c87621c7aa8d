"""Every section, tag, author and article gets an address, even when its name has none.

A name with no letters or digits ("★", "🔥🔥🔥") used to leave its slug empty, and an empty slug
cannot be reversed: the section navigation then broke every reader page. Such rows get the
id-based slug the models now assign on save ("section-12"), as models.fill_slugs() does.
"""

from django.conf import settings
from django.db import migrations, models
from django.utils.text import slugify


def _fallback(model_name, obj):
    return f"{model_name}-{obj.pk}"


def _fill_translated(model, model_name, source_field):
    codes = [code for code, _name in settings.LANGUAGES]
    for obj in model.objects.all():
        changed = []
        for code in codes:
            text, slug = getattr(obj, f"{source_field}_{code}"), getattr(obj, f"slug_{code}")
            if text and not slug and not slugify(text, allow_unicode=True).strip("-_"):
                setattr(obj, f"slug_{code}", _fallback(model_name, obj))
                changed.append(f"slug_{code}")
        if not any(getattr(obj, f"slug_{code}") for code in codes):
            setattr(obj, f"slug_{settings.LANGUAGE_CODE}", _fallback(model_name, obj))
            changed.append(f"slug_{settings.LANGUAGE_CODE}")
        if changed:
            model.objects.filter(pk=obj.pk).update(**{f: getattr(obj, f) for f in changed})


def fill_fallback_slugs(apps, schema_editor):
    _fill_translated(apps.get_model("articles", "Section"), "section", "name")
    _fill_translated(apps.get_model("articles", "Tag"), "tag", "name")
    _fill_translated(apps.get_model("articles", "Article"), "article", "title")
    author = apps.get_model("articles", "Author")
    for obj in author.objects.filter(slug=""):
        author.objects.filter(pk=obj.pk).update(slug=_fallback("author", obj))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_clearer_labels"),
    ]

    operations = [
        migrations.AlterField(
            model_name="author",
            name="slug",
            field=models.SlugField(
                allow_unicode=True,
                blank=True,
                help_text="Part of the author's address; filled from the name when left empty.",
                max_length=200,
                unique=True,
                verbose_name="slug",
            ),
        ),
        migrations.RunPython(fill_fallback_slugs, migrations.RunPython.noop),
    ]
