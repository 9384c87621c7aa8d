"""The feeds a page advertises in its <head> (articles/feeds.py)."""

from django import template
from django.utils.html import format_html_join

from articles.feeds import feed_links as links_for

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_links(context):
    """<link rel="alternate"> to the site's feeds in the active language, and on a section,
    tag or author page to that page's feeds too."""
    return format_html_join(
        "\n  ",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        ((link["type"], link["title"], link["href"]) for link in links_for(context)),
    )
