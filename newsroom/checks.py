"""System checks of our own: what `manage.py check --deploy` must refuse."""

from django.conf import settings
from django.core.checks import Error, Tags, register

E001 = Error(
    "SECRET_KEY is the public development key built into newsroom/settings.py.",
    hint=(
        "Set DJANGO_SECRET_KEY to a secret of your own (DJANGO_ALLOW_INSECURE_KEY is for "
        "throwaway checks only). Make one with: "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    ),
    id="newsroom.E001",
)


@register(Tags.security, deploy=True)
def check_secret_key_is_not_the_built_in_one(app_configs, **kwargs):
    """Anyone can read the built-in key, and with it forge sessions and password-reset links:
    a deployment must never run with it, whatever DJANGO_ALLOW_INSECURE_KEY says."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    if settings.INSECURE_DEVELOPMENT_KEY in keys:
        return [E001]
    return []
