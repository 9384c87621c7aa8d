"""Who is acting in the current request, for audit entries written by model signals.

Services pass `by` in their events; Django's own writes (the user and group admin, their
many-to-many fields) only send signals, which do not know the request. The middleware
remembers the request's user for them.
"""

from contextvars import ContextVar

_actor: ContextVar = ContextVar("audit_actor", default=None)


def current_actor():
    """The user of the request being served (None outside a request, or when anonymous)."""
    user = _actor.get()
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user


class ActorMiddleware:
    """Remember request.user for the signals of this request (after AuthenticationMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _actor.set(getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            _actor.reset(token)
