"""Author.kind replaces the boolean is_organisation: a person, the newsroom itself, a partner
organisation or a news agency. Every author ticked "the newsroom itself" becomes a newsroom
byline; everyone else a person (and back again, for a reverse migration)."""

from django.db import migrations, models


def forwards(apps, schema_editor):
    Author = apps.get_model("articles", "Author")
    Author.objects.filter(is_organisation=True).update(kind="newsroom")


def backwards(apps, schema_editor):
    Author = apps.get_model("articles", "Author")
    Author.objects.exclude(kind="person").update(is_organisation=True)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_placements_from_media"),
    ]

    operations = [
        migrations.AddField(
            model_name="author",
            name="kind",
            field=models.CharField(
                choices=[
                    ("person", "Person"),
                    ("newsroom", "The newsroom itself"),
                    ("partner", "Partner organisation"),
                    ("agency", "News agency (wire)"),
                ],
                default="person",
                help_text=(
                    "A person, or an organisation credited as such: the newsroom itself "
                    "(“Newsroom staff”), a partner, or a news agency."
                ),
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="author", name="is_organisation"),
    ]
