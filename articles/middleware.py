"""Scheduled pending changes go live without cron: each request compares the cached next
due time with the clock (no query) and, once it has passed, makes the due changes live
before the page is read (services.pending_publish_due_if_needed)."""

from . import services


class ScheduledChangesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        services.pending_publish_due_if_needed()
        return self.get_response(request)
