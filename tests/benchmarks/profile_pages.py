"""Profile the reader pages in one process (Django's test client, cProfile).

    DJANGO_VAR_DIR=... .venv/bin/python tests/benchmarks/profile_pages.py [--requests 20] [--top 25]
    DJANGO_VAR_DIR=... .venv/bin/python tests/benchmarks/profile_pages.py --time-only --cached

Runs against the database the environment names (a populated one: manage.py populate),
with DEBUG off. Prints, per page (home, tag, article), the milliseconds per request, the
model instances built per request, the queries per request and cProfile's top functions by
cumulative time. Renditions and the page cache are warmed first; the page cache is bypassed
(NEWSROOM_PAGE_CACHE=0) because this measures rendering. With --cached it is on instead, and
what is measured is answering an anonymous reader from it (every timed request is a hit).
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DJANGO_ALLOW_INSECURE_KEY", "1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
CACHED = "--cached" in sys.argv
os.environ["NEWSROOM_PAGE_CACHE"] = "1" if CACHED else "0"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count, signals  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import translation  # noqa: E402

from articles.models import Article, Tag  # noqa: E402


def targets():
    with translation.override("en"):
        articles = list(Article.objects.visible("en").order_by("-published_at")[:50])
        tag = Tag.objects.annotate(n=Count("tagged_articles")).order_by("-n", "pk").first()
        return {
            "home": ["/en/"],
            "tag": [tag.get_absolute_url()],
            "article": [a.get_absolute_url("en") for a in articles],
        }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument(
        "--time-only", action="store_true", help="no profiler: CPU time per request only"
    )
    parser.add_argument("--sort", default="cumulative", help="pstats order (tottime, ...)")
    parser.add_argument(
        "--cached", action="store_true", help="measure answers from the page cache (hits)"
    )
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    built = [0]

    def count_instance(**kwargs):
        built[0] += 1

    signals.post_init.connect(count_instance)
    for name, urls in targets().items():
        for url in urls[:5]:
            assert client.get(url).status_code == 200, url  # renditions, caches
        if args.cached:
            urls = urls[:5]  # the stored ones
        queries = []

        def count_query(execute, *query, queries=queries):
            queries.append(query[0])
            return execute(*query)

        with connection.execute_wrapper(count_query):
            client.get(urls[0])
        built[0] = 0
        if args.time_only:
            # CPU time of this process (the SQLite engine included), per request, median of
            # the requests: steadier than wall time on a shared machine.
            cpu = []
            for i in range(args.requests):
                t0 = time.process_time()
                response = client.get(urls[i % len(urls)])
                cpu.append(time.process_time() - t0)
            assert response.status_code == 200
            assert not args.cached or response["X-Page-Cache"] == "hit"
            cpu.sort()
            print(
                f"{name}: {1000 * cpu[len(cpu) // 2]:.2f} ms CPU per request (median of "
                f"{args.requests}; best {1000 * cpu[0]:.2f}), {len(queries)} queries"
            )
            continue
        profile = cProfile.Profile()
        start = time.perf_counter()
        profile.enable()
        for i in range(args.requests):
            response = client.get(urls[i % len(urls)])
        profile.disable()
        elapsed = time.perf_counter() - start
        assert response.status_code == 200
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
        print(
            f"=== {name}: {1000 * elapsed / args.requests:.1f} ms per request (profiled), "
            f"{built[0] / args.requests:.0f} model instances, {len(queries)} queries"
        )
        print("\n".join(out.getvalue().splitlines()[6:]))


if __name__ == "__main__":
    main()
