import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


def create_gin_index(apps, schema_editor):
    # PostgreSQL only: SQLite has no GIN indexes (and no vectors: its search reads `document`).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX articlesearch_vector_gin ON articles_articlesearch USING gin (vector)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS articlesearch_vector_gin")


def fill_index(apps, schema_editor):
    from articles.search import index_rebuild

    index_rebuild(
        article_model=apps.get_model("articles", "Article"),
        entry_model=apps.get_model("articles", "ArticleSearch"),
        using=schema_editor.connection.alias,
    )


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0007_corrections_and_text_updates'),
    ]

    operations = [
        migrations.CreateModel(
            name='ArticleSearch',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=[('en', 'English'), ('nl', 'Dutch'), ('de', 'German'), ('fr', 'French'), ('ar', 'Arabic')], max_length=10, verbose_name='language')),
                ('document', models.TextField(blank=True, editable=False, verbose_name='folded text')),
                ('body_text', models.TextField(blank=True, editable=False, verbose_name='body as plain text')),
                ('vector', django.contrib.postgres.search.SearchVectorField(editable=False, null=True, verbose_name='search vector')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('article', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='search_entries', to='articles.article')),
            ],
            options={
                'verbose_name': 'search entry',
                'verbose_name_plural': 'search entries',
                'ordering': ['article', 'language'],
                'constraints': [models.UniqueConstraint(fields=('article', 'language'), name='articlesearch_article_language_uniq')],
            },
        ),
        migrations.RunPython(create_gin_index, drop_gin_index),
        migrations.RunPython(fill_index, migrations.RunPython.noop),
    ]
