"""The write path's one permission check, shared by both apps' services."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def require(by, *permissions: str, message: str | None = None) -> None:
    """Refuse (PermissionDenied) unless the acting user `by` holds every permission.

    There is no anonymous or system bypass: a command or a job acts as a named user, so
    what it did can be traced to someone who was allowed to do it.
    """
    if by is None or not getattr(by, "is_active", False) or not by.has_perms(permissions):
        raise PermissionDenied(message or _("You do not have permission to do this."))
