"""Move pictures stored before unguessable names to them (issue 6.6), once after upgrading."""

from django.core.management.base import BaseCommand

from media import services
from media.models import Image


class Command(BaseCommand):
    help = (
        "Move originals and renditions stored at guessable addresses (dated folders, the "
        "uploaded file name, the image's id) to unguessable names; pictures that have them "
        "already are left alone, so running it again changes nothing."
    )

    def handle(self, *args, **options):
        images = moved = files = failed = 0
        for pk in Image.objects.order_by("pk").values_list("pk", flat=True).iterator():
            images += 1
            try:
                count = services.image_files_move(image=Image(pk=pk))
            except OSError as error:  # its original is missing or unreadable: left as it is
                failed += 1
                self.stderr.write(f"Image {pk} not moved: {error}")
                continue
            moved += bool(count)
            files += count
        self.stdout.write(
            f"{images} images checked, {moved} moved ({files} files), {failed} not moved."
        )
