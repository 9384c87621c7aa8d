"""Settings for the test suite: the project's own, with a throwaway key and fast hashing."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("DJANGO_MEDIA_ROOT", tempfile.mkdtemp(prefix="newsroom-test-media-"))

from newsroom.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
STATIC_ROOT = tempfile.mkdtemp(prefix="newsroom-test-static-")
# Background jobs run when the transaction commits, in the test's own thread: deterministic,
# and on SQLite's in-memory test database, which a worker thread could not see.
NEWSROOM_JOBS = "sync"

# A read replica for the router's tests: the test database itself (TEST MIRROR). Only tests
# that ask for it (databases=[..., "replica1"]) and switch the router on use it.
if "replica1" not in DATABASES:  # noqa: F405
    DATABASES["replica1"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405

# One process, one clock: a purge before a render is never mistaken for one during it.
NEWSROOM_PAGE_CACHE_CLOCK_MARGIN = 0.0

# The page cache purges after commits, which most tests (in a transaction that never commits)
# never make: reader pages render fresh here, and tests/newsroom/test_pagecache.py turns the
# cache on, in transactional tests, to prove its purges.
NEWSROOM_PAGE_CACHE = False
