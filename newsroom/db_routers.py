"""Read replicas: anonymous readers' page views read from a replica, everything else uses
the primary (DATABASE_REPLICA_URLS; settings.DATABASE_REPLICAS names their aliases).

A replica lags the primary by a moment. A reader does not notice; an editor who has just
saved and looks again would, and a write that reads first (a form, a publish) must see the
rows it changes. So only GET and HEAD requests outside the admin from someone not logged
in may read from a replica, and every write goes to the primary. Requests are marked by
ReplicaReadsMiddleware; work outside a request (commands, background jobs) is unmarked and
uses the primary.
"""

from __future__ import annotations

import random
from contextvars import ContextVar

from django.conf import settings

from .security import is_admin_request

PRIMARY = "default"

_replica_reads: ContextVar[bool] = ContextVar("newsroom_replica_reads", default=False)


def replica_reads_allowed(request) -> bool:
    """May this request read from a replica? Anonymous GET/HEAD outside the admin only."""
    if request.method not in ("GET", "HEAD"):
        return False
    if is_admin_request(request):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


class ReplicaReadsMiddleware:
    """Marks the request for ReplicaRouter; goes after AuthenticationMiddleware (it asks
    whether someone is logged in, on the primary: a fresh login must be seen at once)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _replica_reads.set(replica_reads_allowed(request))
        try:
            return self.get_response(request)
        finally:
            _replica_reads.reset(token)


class ReplicaRouter:
    """Reads of a marked request go to a random replica; all else to the primary."""

    def db_for_read(self, model, **hints):
        replicas = settings.DATABASE_REPLICAS
        if replicas and _replica_reads.get():
            return random.choice(replicas)
        return PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # The replicas hold the primary's rows: an object read from one relates to any other.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # Replicas copy the primary's schema; migrating one directly would fork it.
        return db == PRIMARY
