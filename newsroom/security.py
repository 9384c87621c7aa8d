"""Response headers that limit what a page may load and use, and the admin's answer to a form
too large to read.

Reader pages run under settings.CONTENT_SECURITY_POLICY (nothing inline at all); the admin runs
under settings.NEWSROOM_ADMIN_CONTENT_SECURITY_POLICY, which lets in exactly what the article
form needs (see that setting). Every response gets settings.NEWSROOM_PERMISSIONS_POLICY.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse


def is_admin_request(request: HttpRequest) -> bool:
    """Is this a request for the admin? (False under a URLconf without the admin.)"""
    try:
        return request.path_info.startswith(reverse("admin:index"))
    except NoReverseMatch:  # a URLconf without the admin (some tests use one)
        return False


def client_ip(request: HttpRequest) -> str:
    """The reader's address, for login throttling (django-axes).

    Behind a proxy (DJANGO_BEHIND_PROXY) REMOTE_ADDR is the proxy's, the same for everyone;
    the proxy appends the address it saw to X-Forwarded-For, so the last entry is the one to
    trust (the ones before it come from the client and can be made up).
    """
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy for addresses under /admin/."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view's own @csp decorator still wins; otherwise the admin gets its policy.
        if not report_only and parts.config is None and is_admin_request(request):
            parts.config = settings.NEWSROOM_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    """Switch off the browser features no page of ours uses (camera, microphone, location…).

    The video players run in their own frames under their providers' origins; they only get
    what the iframe's `allow` attribute and this header both grant, and this header grants
    them nothing beyond full screen, autoplay and encrypted media.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.NEWSROOM_PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class FormTooLargeMiddleware:
    """A form too large to read (more than DATA_UPLOAD_MAX_NUMBER_FIELDS fields or
    DATA_UPLOAD_MAX_MEMORY_SIZE bytes) gets a page of its own instead of Django's bare 400.

    It says, in the user's language, that nothing was saved and how to keep the work: go back
    without reloading (the browser still holds what was typed) and save in parts. It reads the
    form before CsrfViewMiddleware does, which is where the limit would otherwise trip.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST":
            try:
                request.POST  # noqa: B018 (reading it is what trips the limit)
            except (TooManyFieldsSent, RequestDataTooBig):
                return form_too_large(request)
        return self.get_response(request)


def form_too_large(request: HttpRequest) -> HttpResponse:
    """The 400 page for a form over the size limits (see FormTooLargeMiddleware)."""
    context = {
        "in_admin": is_admin_request(request),
        "max_fields": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
    }
    return render(request, "form_too_large.html", context, status=400)
