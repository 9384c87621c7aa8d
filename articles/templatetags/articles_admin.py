"""Template tags for the article admin form."""

from django import template

from articles.admin.placements import gaps_summary

register = template.Library()


@register.simple_tag
def placement_gaps_warning(article):
    """The warning listing, per language, the placed items its text lacks (or "")."""
    return gaps_summary(article)
