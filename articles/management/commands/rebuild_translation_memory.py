"""manage.py rebuild_translation_memory: remember every published translation again."""

from django.core.management.base import BaseCommand

from articles.memory import memory_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the translation memory from the published articles (their published "
        "language versions, pictures, videos, tags and sections)."
    )

    def handle(self, *args, **options):
        count = memory_rebuild()
        self.stdout.write(f"Translation memory rebuilt: {count} entries.")
