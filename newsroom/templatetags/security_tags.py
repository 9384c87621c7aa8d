"""Template helpers for the Content-Security-Policy (see newsroom/security.py)."""

from django import template
from js_asset import Media

register = template.Library()


@register.simple_tag(takes_context=True)
def media_with_nonce(context, media):
    """A form's media (its import map included) with this response's CSP nonce, so the admin's
    policy can run the prose editor's inline import map and nothing else inline."""
    request = context.get("request")
    nonce = getattr(request, "csp_nonce", None)
    if media is None or nonce is None:
        return media or ""
    return Media.from_media(media, nonce=str(nonce)).render()


@register.filter
def minutes(duration):
    """A timedelta as whole minutes, rounded up (a lock-out of 90 seconds is "2 minutes")."""
    return -(-int(duration.total_seconds()) // 60)
