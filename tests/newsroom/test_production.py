"""Production settings: persistent connections, compressed static files, gunicorn's file."""

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)


def _settings_in_a_fresh_process(**env):
    """Import the project's settings with this environment (no DJANGO_* from the test run)."""
    prefixes = ("DJANGO_", "DATABASE_", "REDIS_", "NEWSROOM_")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(prefixes)}
    clean.update(env)
    code = (
        "import json; from newsroom import settings as s; "
        "print(json.dumps({'max_age': s.DATABASES['default']['CONN_MAX_AGE'], "
        "'health': s.DATABASES['default']['CONN_HEALTH_CHECKS'], "
        "'aliases': sorted(s.DATABASES), 'replicas': s.DATABASE_REPLICAS, "
        "'routers': s.DATABASE_ROUTERS, 'jobs': s.NEWSROOM_JOBS}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_production_keeps_database_connections_open_and_checks_them():
    production = _settings_in_a_fresh_process(DJANGO_SECRET_KEY="x" * 50)
    laptop = _settings_in_a_fresh_process(DJANGO_DEBUG="1")

    assert production["max_age"] == 600 and production["health"] is True
    assert laptop["max_age"] == 0
    # Without Redis the jobs run in the web process; no replica, no router.
    assert production["jobs"] == "thread"
    assert production["aliases"] == ["default"] and production["routers"] == []


def test_replica_urls_become_read_replicas_behind_the_router():
    configured = _settings_in_a_fresh_process(
        DJANGO_SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://app@primary.internal/news",
        DATABASE_REPLICA_URLS=(
            "postgres://app@replica-a.internal/news, postgres://app@replica-b.internal/news"
        ),
    )

    assert configured["aliases"] == ["default", "replica1", "replica2"]
    assert configured["replicas"] == ["replica1", "replica2"]
    assert configured["routers"] == ["newsroom.db_routers.ReplicaRouter"]


def test_collectstatic_writes_hashed_and_compressed_files(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

    call_command("collectstatic", interactive=False, verbosity=0)

    hashed = sorted((tmp_path / "media").glob("media.*.css"))
    assert hashed, "no hashed copy of media.css"
    original = (ROOT / "media" / "static" / "media" / "media.css").read_bytes()
    compressed = Path(f"{hashed[0]}.gz")
    assert gzip.decompress(compressed.read_bytes()) == hashed[0].read_bytes()
    assert compressed.stat().st_size < len(original)
    assert (tmp_path / "staticfiles.json").exists()


def test_gunicorn_configuration_reads_the_environment():
    env = {
        **os.environ,
        "GUNICORN_BIND": "127.0.0.1:9123",
        "GUNICORN_WORKERS": "3",
        "GUNICORN_MAX_REQUESTS": "500",
    }
    out = subprocess.run(
        [str(Path(sys.executable).parent / "gunicorn"), "--print-config", "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )

    assert out.returncode == 0, out.stderr
    config = dict(
        (name.strip(), value.strip())
        for name, _eq, value in (line.partition("=") for line in out.stdout.splitlines())
    )
    assert config["bind"] == "['127.0.0.1:9123']"
    assert config["workers"] == "3"
    assert config["worker_class"] == "sync"
    assert config["max_requests"] == "500" and int(config["max_requests_jitter"]) > 0
    assert int(config["timeout"]) > 0
    assert "%(D)s" in config["access_log_format"]
