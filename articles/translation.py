from modeltranslation.translator import TranslationOptions, register

from .models import Article, Author, Placement, Section, Tag


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "standfirst",
        "body",
        "seo_title",
        "seo_description",
        "content_warning",
    )


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("name", "slug")


@register(Author)
class AuthorTranslationOptions(TranslationOptions):
    fields = ("bio",)


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("name", "slug")


@register(Placement)
class PlacementTranslationOptions(TranslationOptions):
    fields = ("caption_override",)
