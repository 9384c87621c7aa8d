"""The picture desk's background jobs (run by newsroom.jobs: the Redis worker, or in-process).

A job takes ids, reads the committed rows itself, and records how it went in the image's
`renditions_state`, which the admin shows and the picture tag follows.
"""

from __future__ import annotations

import logging

from newsroom import events, jobs

from . import renditions as pillow
from . import services
from .models import Image, Rendition

logger = logging.getLogger(__name__)

State = Image.RenditionsState


def make_renditions(image_id: int) -> None:
    """Make every crop's renditions of the image: processing, then ready (or failed).

    A picture deleted meanwhile is skipped. Raises when a crop got no rendition (an
    unreadable or missing source) so that the worker records the failure and tries again;
    until its last try the picture waits ("pending") rather than showing as failed.
    """
    image = Image.objects.filter(pk=image_id).first()
    if image is None:
        return
    _set_state(image_id, State.PROCESSING)
    try:
        services.renditions_make(image=image)
        made = set(Rendition.objects.filter(image_id=image_id).values_list("crop", flat=True))
        missing = sorted(set(pillow.CROPS) - made)
        if missing:
            raise RuntimeError(f"no renditions of image {image_id} for {', '.join(missing)}")
    except Exception:
        _set_state(image_id, State.PENDING if jobs.retries_left() else State.FAILED)
        raise
    _set_state(image_id, State.READY)
    # Pages stored while the picture showed as its original are purged now that its
    # renditions exist (the system made this change, not an editor).
    events.emit(events.ImageChanged(by=None, image_id=image_id, renditions_only=True))


def _set_state(image_id: int, state: str) -> None:
    # An update of this one column: an editor saving the picture's texts meanwhile keeps
    # them, and the state change is derived data that announces nothing.
    Image.objects.filter(pk=image_id).update(renditions_state=state)
