from modeltranslation.translator import TranslationOptions, register

from .models import Article, Author, Placement, Section, Tag

# An article's text in each language; revisions, diffs and the translators' policy read
# this list too, so a field added here is versioned, compared and translatable everywhere.
ARTICLE_TEXT_FIELDS = (
    "title",
    "slug",
    "standfirst",
    "body",
    "seo_title",
    "seo_description",
    "content_warning",
)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ARTICLE_TEXT_FIELDS


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
