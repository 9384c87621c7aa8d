"""Make the missing renditions of every image ahead of readers (after an import, say)."""

from django.core.management.base import BaseCommand

from media import renditions as pillow
from media import services
from media.models import Image


class Command(BaseCommand):
    help = (
        "Make the missing renditions (all crops, widths and formats) of every image; "
        "a picture that then has them all is marked ready."
    )

    def add_arguments(self, parser):
        parser.add_argument("--crop", action="append", choices=list(pillow.CROPS))

    def handle(self, *args, crop=None, **options):
        crops = crop or list(pillow.CROPS)
        images = made = 0
        for image in Image.objects.with_renditions().iterator(chunk_size=100):
            before = len(image.cached_renditions())
            per_crop = [len(services.image_renditions(image=image, crop=c)) for c in crops]
            images += 1
            made += max(0, sum(per_crop) - before)
            if set(crops) == set(pillow.CROPS) and all(per_crop) and not image.is_processed:
                # A picture whose job failed or never ran: readers now get its renditions.
                Image.objects.filter(pk=image.pk).update(
                    renditions_state=Image.RenditionsState.READY
                )
        self.stdout.write(f"{images} images checked, {made} renditions made.")
