from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Image


@admin.register(Image)
class ImageAdmin(TranslationAdmin):
    """Interim image library; the picture desk (issue 3) builds it out."""

    list_display = ["__str__", "credit", "width", "height", "created_at"]
    search_fields = [
        "title_en",
        "title_nl",
        "title_de",
        "title_fr",
        "title_ar",
        "caption_en",
        "caption_nl",
        "caption_de",
        "caption_fr",
        "caption_ar",
    ]
