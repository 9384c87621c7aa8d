from modeltranslation.translator import TranslationOptions, register

from .models import Embed, Image


@register(Image)
class ImageTranslationOptions(TranslationOptions):
    fields = ("title", "alt_text", "caption", "content_warning")


@register(Embed)
class EmbedTranslationOptions(TranslationOptions):
    fields = ("title", "caption", "content_warning")
