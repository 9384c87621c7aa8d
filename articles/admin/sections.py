"""A new section from inside the article form, without a pop-up window (issue 8, polish 3).

The form's section field gets a "New section" button (section-create.js) that opens a small
in-page dialog asking only for the name, in the site's default language; the section is
created through services.section_create like any other (permission, revision, event), and
chosen at once. Its other languages are filled later from the translation desk.
"""

import json

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext

from newsroom.admin import error_messages
from newsroom.languages import column, language_name

from .. import services
from ..models import Section


def section_item(section: Section) -> dict:
    return {"id": section.pk, "text": str(section)}


def section_create_view(model_admin, request):
    """POST name: the new section (201), or the one of that name already there (200)."""
    if request.method != "POST":
        return JsonResponse({"errors": []}, status=405, headers={"Allow": "POST"})
    if not model_admin.has_add_permission(request):
        return JsonResponse({"errors": [gettext("You may not add sections.")]}, status=403)
    name = " ".join(request.POST.get("name", "").split())
    field = column("name", settings.LANGUAGE_CODE)
    if not name:
        return JsonResponse({"errors": [gettext("Type the section's name.")]}, status=400)
    existing = Section.objects.filter(**{f"{field}__iexact": name}).first()
    if existing is not None:
        return JsonResponse({"item": section_item(existing), "duplicate": True})
    try:
        with transaction.atomic():
            section = services.section_create(by=request.user, **{field: name})
    except (ValidationError, PermissionDenied) as error:
        messages = [text for texts in error_messages(error).values() for text in texts]
        return JsonResponse({"errors": messages}, status=400)
    return JsonResponse({"item": section_item(section)}, status=201)


def section_create_attrs(request) -> dict:
    """The section select's data attributes for section-create.js; none (no button) for
    someone who may not add sections."""
    if not request.user.has_perm("articles.add_section"):
        return {}
    labels = {
        "button": gettext("New section"),
        "title": gettext("New section"),
        "name": gettext("Name (%(language)s)")
        % {"language": language_name(settings.LANGUAGE_CODE)},
        "help": gettext("Its other languages are filled in from the translation desk."),
        "send": gettext("Create and choose"),
        "cancel": gettext("Cancel"),
        "failed": gettext("That did not work; try again."),
    }
    return {
        "data-create-url": reverse("admin:articles_section_quick_create"),
        "data-create-labels": json.dumps(labels),
    }
