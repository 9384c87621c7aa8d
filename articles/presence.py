"""Who else has an article open: heartbeats kept in the cache, nothing in the database.

The article form posts a heartbeat about every HEARTBEAT seconds (presence.js); an editor
seen within SEEN_WITHIN seconds counts as present. Losing a heartbeat to a race between
two writers costs one interval at most, so a plain read-modify-write is enough.
"""

from __future__ import annotations

import time

from django.core.cache import cache

HEARTBEAT = 20
# Three heartbeats: a tab that stopped (closed, asleep) drops off within a minute.
SEEN_WITHIN = 60


def _key(article_id: int) -> str:
    return f"articles:presence:{article_id}"


def presence_seen(*, article_id: int, user, now: float | None = None) -> list[str]:
    """Record that `user` has the article open now; return the names of the others seen
    within SEEN_WITHIN seconds (sorted)."""
    now = time.time() if now is None else now
    seen = {
        user_id: entry
        for user_id, entry in (cache.get(_key(article_id)) or {}).items()
        if now - entry[1] <= SEEN_WITHIN
    }
    seen[user.pk] = (user.get_full_name() or user.get_username(), now)
    cache.set(_key(article_id), seen, SEEN_WITHIN * 2)
    return sorted(name for user_id, (name, _at) in seen.items() if user_id != user.pk)


def presence_others(*, article_id: int, user, now: float | None = None) -> list[str]:
    """The names of the others seen on the article within SEEN_WITHIN seconds."""
    now = time.time() if now is None else now
    return sorted(
        name
        for user_id, (name, at) in (cache.get(_key(article_id)) or {}).items()
        if user_id != user.pk and now - at <= SEEN_WITHIN
    )
