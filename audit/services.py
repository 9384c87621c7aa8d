"""Writing the audit trail. Only the subscribers and signals of this app call it: an entry
records a decision already made (and checked) elsewhere, so it checks no permission."""

from django.utils import timezone

from .models import AuditEntry


def _name(user) -> str:
    if user is None:
        return ""
    return user.get_username()


def entry_record(
    *,
    action: str,
    by,
    object_type: str,
    object_id: int | None,
    title: str = "",
    language: str = "",
    details: dict | None = None,
) -> AuditEntry:
    """Append one entry; `by` is the acting user (None for the system, e.g. a schedule)."""
    actor = by if getattr(by, "pk", None) is not None else None
    return AuditEntry.objects.create(
        action=action,
        actor=actor,
        actor_name=_name(actor),
        object_type=object_type,
        object_id=object_id,
        object_title=str(title)[:255],
        language=language,
        details=details or {},
        at=timezone.now(),
    )
