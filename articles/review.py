"""Review of a story before its first publication.

A published story's changes are reviewed as pending changes (services.pending_submit,
pending_send_back, article_publish per part). A story readers have never seen has no live
version to hold back: its row is the working copy, and "Submit for review" moves it to
"in review"; a reviewer publishes it (services.article_publish) or sends it back to draft
with a note, which is kept as a Revision (kind "sent_back") and shown to its author.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from newsroom import events
from newsroom.permissions import require

from . import policy, services
from .models import Article, Revision

IN_REVIEW = Article.Status.IN_REVIEW


def _not_live(article: Article) -> None:
    if services.is_live(article):
        raise ValidationError(
            _("This story is on the site: submit its pending changes instead."), code="live"
        )


@transaction.atomic
def article_submit(*, article: Article, by) -> Article:
    """Submit a story not yet published for review (status "in review"); needs
    articles.change_article and the policy's leave to change its status."""
    require(by, "articles.change_article")
    stored = Article.objects.select_for_update().get(pk=article.pk)
    _not_live(stored)
    policy.check_change(by=by, article=stored, changed={"status"})
    services._bump(stored)
    stored.status = IN_REVIEW
    stored.save(update_fields=["status", "updated_at"])
    services._record(
        stored,
        by=by,
        kind=Revision.Kind.SUBMITTED,
        data=services._pending_snapshot(stored),
        languages=[],
    )
    events.emit(events.ArticleSaved(by=by, article_id=stored.pk))
    article.refresh_from_db()
    return article


@transaction.atomic
def article_send_back(*, article: Article, by, comment: str) -> Article:
    """Send a story waiting for its first publication back to draft with a note for its
    author; needs articles.publish_article (a reviewer is someone who may publish)."""
    require(
        by, "articles.publish_article", message=_("You do not have permission to review changes.")
    )
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Say what needs to change before sending it back."), code="comment")
    stored = Article.objects.select_for_update().get(pk=article.pk)
    _not_live(stored)
    services._bump(stored)
    stored.status = Article.Status.DRAFT
    stored.save(update_fields=["status", "updated_at"])
    services._record(
        stored,
        by=by,
        kind=Revision.Kind.SENT_BACK,
        data=services._pending_snapshot(stored),
        languages=[],
        comment=comment,
    )
    events.emit(events.ArticleSaved(by=by, article_id=stored.pk))
    article.refresh_from_db()
    return article


def story_note(article: Article) -> Revision | None:
    """The reviewer's note on a story sent back before its first publication, while it is
    still the latest word (no submission since); else None."""
    if services.is_live(article):
        return None
    latest = (
        article.revisions.filter(kind__in=[Revision.Kind.SUBMITTED, Revision.Kind.SENT_BACK])
        .select_related("created_by")
        .order_by("-number")
        .first()
    )
    return latest if latest is not None and latest.kind == Revision.Kind.SENT_BACK else None
