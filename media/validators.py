"""Upload checks for the picture desk, with the messages editors see."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from . import renditions

MESSAGES = {
    "empty": _("The file is empty."),
    "too_large": _("The file is larger than %(limit)s; please upload a smaller picture."),
    "too_many_pixels": _(
        "The picture has more than %(limit)s million pixels; please upload a smaller one."
    ),
    "animation_too_large": _(
        "The animation has more than %(limit)s million pixels in all its frames together; "
        "please upload a shorter or smaller one."
    ),
    "not_an_image": _(
        "This file is not a JPEG, PNG, WebP, GIF or AVIF picture (whatever its name says)."
    ),
    "corrupt": _("The picture is damaged or incomplete and cannot be read."),
}


def read_upload(file) -> bytes:
    """The uploaded file's bytes, refusing an empty or oversized file before reading it all."""
    limit = settings.NEWSROOM_IMAGE_MAX_BYTES
    size = getattr(file, "size", None)
    if size == 0:
        raise ValidationError(MESSAGES["empty"], code="empty")
    if size is not None and size > limit:
        raise _too_large(limit)
    file.seek(0)
    data = file.read(limit + 1)
    file.seek(0)
    if not data:
        raise ValidationError(MESSAGES["empty"], code="empty")
    if len(data) > limit:
        raise _too_large(limit)
    return data


def _too_large(limit):
    return ValidationError(
        MESSAGES["too_large"], code="too_large", params={"limit": filesizeformat(limit)}
    )


def check_image_bytes(data: bytes) -> renditions.CheckedImage:
    """Pillow must open and fully decode `data` as an accepted format within the pixel limit."""
    limit = settings.NEWSROOM_IMAGE_MAX_PIXELS
    try:
        return renditions.check_image(data, max_pixels=limit)
    except renditions.ImageRejected as refusal:
        params = {}
        if refusal.code in ("too_many_pixels", "animation_too_large"):
            params["limit"] = f"{limit / 1_000_000:g}"
        raise ValidationError(MESSAGES[refusal.code], code=refusal.code, params=params) from None
