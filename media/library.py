"""The picture desk's library inside the story form: JSON for the in-page dialog
(static/media/admin/library.js) that replaces the pop-up lookups. Search the images or
embeds, upload a picture or add a video there, and the new item is chosen at once.

Views are registered by ImageAdmin and EmbedAdmin (get_urls), behind the admin's login,
with its CSRF check on POST. Writes go through media.services like any other upload.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from newsroom.languages import (
    ReaderText,
    active_language,
    column,
    columns,
    language_name,
    localized,
    reader_text,
    text_direction,
)

from . import services
from .forms import ACCEPT, EmbedAdminForm, ImageAdminForm
from .models import Embed, Image

RESULTS = 24  # a screenful of thumbnails; "More" asks for the next page


def _search(queryset, fields, term):
    term = term.strip()
    if term:
        match = Q()
        for name in fields:
            match |= Q(**{f"{name}__icontains": term})
        queryset = queryset.filter(match)
    return queryset


def _page(queryset, request) -> tuple[list, int | None]:
    """One page of `queryset` (?page=1, 2, …) and the next page's number, or None at the end.
    One query: a page and one more row tells whether there is a next page."""
    try:
        number = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        number = 1
    start = (number - 1) * RESULTS
    rows = list(queryset[start : start + RESULTS + 1])
    return rows[:RESULTS], (number + 1 if len(rows) > RESULTS else None)


def image_label(image: Image) -> ReaderText:
    """How a picture is named in the admin's language: its title or alt text in that
    language; else the best other language's (reader_text, marked); the file name only when
    no language has either."""
    language = active_language()
    for field in ("title", "alt_text"):
        if text := localized(image, field, language):
            return ReaderText(text, language)
    for field in ("title", "alt_text"):
        if text := reader_text(image, field, language=language):
            return text
    return ReaderText(str(image), language)


def _labelled(item: dict, label: ReaderText) -> dict:
    """`item` with its text; a text in another language than the admin's also gets its
    `lang`, `dir` and the visible marker ("(in English)") for the dialog to show."""
    item["text"] = label.text
    if label.fallback:
        item.update(lang=label.lang, dir=text_direction(label.lang), marker=label.marker)
    return item


def image_item(image: Image) -> dict:
    item = {
        "id": image.pk,
        "thumbnail": reverse("admin:media_image_thumbnail", args=[image.pk]),
    }
    return _labelled(item, image_label(image))


def embed_item(embed: Embed) -> dict:
    title = reader_text(embed, "title", language=active_language())
    item = {"id": embed.pk, "detail": embed.url}
    return _labelled(item, title if title else ReaderText(embed.url, active_language()))


def _refused(error) -> JsonResponse:
    if isinstance(error, PermissionDenied):
        return JsonResponse(
            {"errors": [str(error) or _("You do not have permission to do this.")]}, status=403
        )
    return JsonResponse({"errors": error}, status=400)


def _form_errors(form) -> list[str]:
    return [str(message) for messages in form.errors.values() for message in messages]


def image_search_view(model_admin, request):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    images = _search(
        Image.objects.order_by("-created_at", "-pk"),
        # Also the file name: the only name a picture without texts has.
        ["file", *columns("title", "alt_text", "caption")],
        request.GET.get("q", ""),
    )
    page, following = _page(images, request)
    return JsonResponse({"results": [image_item(i) for i in page], "next": following})


def image_upload_view(model_admin, request):
    """Upload one picture (file and alt text in the default language at least), checked as
    the library's own form checks it; answers with the new picture, or the one already in
    the library when the same file was uploaded before."""
    if request.method != "POST":
        return JsonResponse({"errors": []}, status=405, headers={"Allow": "POST"})
    if not model_admin.has_add_permission(request):
        return _refused(PermissionDenied())
    data = request.POST.copy()
    for name in ("focal_x", "focal_y"):
        data.setdefault(name, "0.5")
    form = ImageAdminForm(data, request.FILES)
    if not form.is_valid():
        if form.duplicate is not None:
            return JsonResponse({"item": image_item(form.duplicate), "duplicate": True})
        return _refused(_form_errors(form))
    try:
        with transaction.atomic():
            image = services.image_create(image=form.instance, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        if isinstance(error, ValidationError):
            return _refused(list(error.messages))
        return _refused(error)
    return JsonResponse({"item": image_item(image)}, status=201)


def embed_search_view(model_admin, request):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    embeds = _search(
        Embed.objects.order_by("-created_at", "-pk"),
        ["url", *columns("title", "caption")],
        request.GET.get("q", ""),
    )
    page, following = _page(embeds, request)
    return JsonResponse({"results": [embed_item(e) for e in page], "next": following})


def embed_create_view(model_admin, request):
    """Add a video or link by its address (and a title); an address already in the
    library answers with that one."""
    if request.method != "POST":
        return JsonResponse({"errors": []}, status=405, headers={"Allow": "POST"})
    if not model_admin.has_add_permission(request):
        return _refused(PermissionDenied())
    form = EmbedAdminForm(request.POST)
    if not form.is_valid():
        return _refused(_form_errors(form))
    existing = Embed.objects.filter(url=form.cleaned_data["url"]).first()
    if existing is not None:
        return JsonResponse({"item": embed_item(existing), "duplicate": True})
    try:
        with transaction.atomic():
            embed = services.embed_create(embed=form.instance, by=request.user)
    except ValidationError as error:
        return _refused(list(error.messages))
    except PermissionDenied as error:
        return _refused(error)
    return JsonResponse({"item": embed_item(embed)}, status=201)


def library_config() -> dict:
    """What library.js needs: the endpoints, and its words in the admin's language."""
    alt = column("alt_text", settings.LANGUAGE_CODE)
    return {
        "accept": ACCEPT,
        "altField": alt,
        "titleField": column("title", settings.LANGUAGE_CODE),
        "image": {
            "search": reverse("admin:media_image_library"),
            "create": reverse("admin:media_image_library_upload"),
        },
        "embed": {
            "search": reverse("admin:media_embed_library"),
            "create": reverse("admin:media_embed_library_create"),
        },
        "labels": {
            "image": _("Choose a picture"),
            "embed": _("Choose a video or link"),
            "search": _("Search the library"),
            "results": _("In the library"),
            "none": _("Nothing found."),
            "more": _("Show more"),
            "close": _("Close"),
            "upload": _("Upload a new picture"),
            "file": _("Picture file"),
            "alt": _("Alt text (%(language)s)")
            % {"language": language_name(settings.LANGUAGE_CODE)},
            "altHelp": _("Describe the picture for readers who cannot see it."),
            "title": _("Title"),
            "send": _("Upload and choose"),
            "add": _("Add a video or link"),
            "url": _("Address (URL)"),
            "addSend": _("Add and choose"),
            "working": _("Uploading…"),
            "failed": _("That did not work; try again."),
        },
    }
