"""The site benchmark: populate, serve with gunicorn (and nginx), load with wrk, print a table.

    make benchmark-site                       # or: .venv/bin/python tests/benchmarks/site.py
    DURATION=3s REPEAT=1 ARTICLES=300 DBS=sqlite LOAD=0 make benchmark-site   # a quick look

Per database (DBS: "sqlite postgres"): a fresh database under BENCH_HOME, `migrate`,
`populate --articles ARTICLES` (five languages, 100 shared pictures whose renditions the
upload service makes), `collectstatic`; then gunicorn (-w WORKERS -k sync, DEBUG off,
persistent connections, NEWSROOM_PAGE_SIZE=20 as Wagtail's index) measured with
`wrk -tTHREADS -cCONNECTIONS -dDURATION`, REPEAT rounds, in three set-ups:

  <db>/          the page cache off (uncached): what ../shared/bench/compare.py compares
  <db>-cached/   the application's page cache on (LocMem on SQLite, Redis on PostgreSQL)
  <db>-nginx/    deploy/nginx.conf in front of the cached application
  nginx/         the same nginx serving the saved article HTML as a static file (the ceiling)

PHASES ("uncached cached nginx") picks among them: PHASES=uncached LOAD=0 is the side-by-side
run against Wagtail alone, about ten minutes for both databases.

Scenarios (the Wagtail bench's names): article_en_rotating, article_en_fixed,
article_nl_rotating, index_en, tag_en; plus search_en and feed_en when those pages exist.
The wrk runs go through ../shared/bench/wagtail/tools/measure.py (waits for a quiet machine,
retries once) with its paths.lua, read from there at run time (SHARED_BENCH). With LOAD=1
(default) a load check follows per database: LOAD_DURATION (60s) at LOAD_CONNECTIONS (32),
uncached and cached, with zero errors required and the workers' memory sampled at start and
end. Results: BENCH_HOME/results (JSON per run, results.md). Every server this script starts
is stopped by its pid, also when it fails. Needs root for apt-get when wrk or nginx is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
ENV = os.environ
HOME = Path(ENV.get("BENCH_HOME", "/tmp/newsroombench"))
SHARED = Path(ENV.get("SHARED_BENCH", ROOT.parent.parent / "shared" / "bench"))
if not SHARED.exists():
    SHARED = Path("/work/shared/bench")
TOOLS = SHARED / "wagtail" / "tools"
ARTICLES = int(ENV.get("ARTICLES", "2000"))
DBS = ENV.get("DBS", "sqlite postgres").split()
DURATION = ENV.get("DURATION", "10s")
REPEAT = int(ENV.get("REPEAT", "3"))
WARMUP = ENV.get("WARMUP", "5s")
THREADS = ENV.get("THREADS", "2")
CONNECTIONS = ENV.get("CONNECTIONS", "8")
WORKERS = ENV.get("WORKERS", "2")
PORT = int(ENV.get("PORT", "8211"))
NGINX_PORT = int(ENV.get("NGINX_PORT", "18211"))
LOAD = ENV.get("LOAD", "1") == "1"
# Which set-ups to measure: "uncached cached nginx" (all, the default). PHASES=uncached is
# the side-by-side run against Wagtail alone (compare.py reads only the uncached results).
PHASES = ENV.get("PHASES", "uncached cached nginx").split()
LOAD_DURATION = ENV.get("LOAD_DURATION", "60s")
LOAD_CONNECTIONS = ENV.get("LOAD_CONNECTIONS", "32")
REUSE_DB = ENV.get("REUSE_DB", "0") == "1"
PG_URL = ENV.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroombench")
REDIS_URL = ENV.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10")
RESULTS = HOME / "results"

SCENARIOS = [
    ("article_en_rotating", "articles-en"),
    ("article_en_fixed", "article_en"),
    ("article_nl_rotating", "articles-nl"),
    ("index_en", "index_en"),
    ("tag_en", "tag_en"),
    ("search_en", "search_en"),
    ("feed_en", "feed_en"),
]
RUNNING: list[subprocess.Popen] = []


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# -- Inside Django: URL lists and query counts ------------------------------------------


def write_targets(out: Path) -> None:
    """URL lists for wrk (one path a line) and queries per page, as the Wagtail bench has."""
    import random

    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.utils import translation

    from articles.models import Article, Tag

    out.mkdir(parents=True, exist_ok=True)
    lists = {}
    for seed, code in enumerate(("en", "nl")):
        with translation.override(code):
            paths = [a.get_absolute_url(code) for a in Article.objects.visible(code).order_by("pk")]
        random.Random(42 + seed).shuffle(paths)
        lists[f"articles-{code}"] = paths
    tag = Tag.objects.annotate(n=Count("tagged_articles")).order_by("-n", "pk").first()
    with translation.override("en"):
        fixed = {
            "article_en": lists["articles-en"][0],
            "article_nl": lists["articles-nl"][0],
            "index_en": "/en/",
            "tag_en": tag.get_absolute_url(),
            "search_en": "/en/search/?q=council",
            "feed_en": "/en/feed/",
        }
    client = Client(HTTP_HOST="127.0.0.1")
    for name in ("search_en", "feed_en"):  # pages other work adds; measured when they exist
        if client.get(fixed[name]).status_code != 200:
            del fixed[name]
    for name, path in fixed.items():
        lists[name] = [path]
    lists["warmup"] = [fixed["index_en"], fixed["tag_en"]] + lists["articles-en"][-50:]
    for name, paths in lists.items():
        (out / f"{name}.txt").write_text("\n".join(paths) + "\n")
    (out / "targets.json").write_text(json.dumps(fixed, indent=2) + "\n")

    def count(path):
        queries = []

        def note(execute, sql, *args):
            queries.append(sql)
            return execute(sql, *args)

        with connection.execute_wrapper(note):
            assert client.get(path).status_code == 200, path
        return len(queries)

    counts = {}
    for key, (warm, path) in {
        "article_en": (lists["articles-en"][1], lists["articles-en"][2]),
        "article_nl": (lists["articles-nl"][1], lists["articles-nl"][2]),
        "index_en": ("/en/?page=2", fixed["index_en"]),
        "tag_en": ("/en/?page=3", fixed["tag_en"]),
    }.items():
        client.get(warm)
        counts[key] = {"url": path, "cold": count(path), "warm": count(path)}
    (out / "queries.json").write_text(json.dumps(counts, indent=2) + "\n")


# -- Processes --------------------------------------------------------------------------


def stop(proc: subprocess.Popen, name: str) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            log(f"{name} ({proc.pid}) did not stop, killing")
            proc.kill()
            proc.wait()
        log(f"stopped {name} (pid {proc.pid})")
    if proc in RUNNING:
        RUNNING.remove(proc)


def port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def wait_http(url: str) -> None:
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except Exception:
            time.sleep(0.2)
    raise SystemExit(f"no answer from {url}")


def django_env(db: str, *, cache: bool) -> dict:
    env = dict(ENV)
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DJANGO_SECRET_KEY="benchmark-only-not-a-secret",
        DJANGO_DEBUG="0",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_CONN_MAX_AGE="600",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_VAR_DIR=str(HOME / f"var-{db}"),
        DJANGO_LOG_LEVEL="ERROR",
        NEWSROOM_PAGE_SIZE="20",
        NEWSROOM_PAGE_CACHE="1" if cache else "0",
    )
    env.pop("REDIS_URL", None)
    if db == "postgres":
        env["DATABASE_URL"] = PG_URL
        env["REDIS_URL"] = REDIS_URL  # production shape: pages in Redis
    else:
        env.pop("DATABASE_URL", None)  # the embedded default: SQLite, per-process memory
    return env


def manage(db: str, *args: str) -> None:
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=django_env(db, cache=False), check=True)


def gunicorn(db: str, *, cache: bool, out: Path) -> subprocess.Popen:
    if not port_free(PORT):
        raise SystemExit(f"port {PORT} is in use")
    proc = subprocess.Popen(
        [PY, "-m", "gunicorn", "newsroom.wsgi:application", "-w", WORKERS, "-k", "sync"]
        + ["-b", f"127.0.0.1:{PORT}", "--log-level", "warning"],
        cwd=ROOT,
        env=django_env(db, cache=cache),
        stdout=(out / "gunicorn.log").open("a"),
        stderr=subprocess.STDOUT,
    )
    RUNNING.append(proc)
    log(f"{db}: gunicorn pid {proc.pid} (page cache {'on' if cache else 'off'})")
    wait_http(f"http://127.0.0.1:{PORT}/en/")
    return proc


def nginx(*, static_html: Path | None = None, db: str = "sqlite") -> subprocess.Popen:
    run = HOME / "nginx"
    shutil.rmtree(run, ignore_errors=True)
    for sub in ("tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi", "cache", "html"):
        (run / sub).mkdir(parents=True)
    if static_html is not None:  # the Wagtail bench's ceiling config, by path
        shutil.copy(static_html, run / "html" / "article.html")
        (run / "html" / "list.txt").write_text("/article.html\n")
        conf = (TOOLS / "nginx.conf.in").read_text().replace("@PORT@", str(NGINX_PORT))
        conf = conf.replace("@W@/nginx", str(run))
    else:
        var = HOME / f"var-{db}"
        conf = (ROOT / "deploy" / "nginx.conf").read_text()
        for key, value in {
            "@LISTEN@": f"127.0.0.1:{NGINX_PORT}",
            "@UPSTREAM@": f"127.0.0.1:{PORT}",
            "@STATIC_ROOT@": str(var / "static"),
            "@MEDIA_ROOT@": str(var / "uploads"),
            "@RUN@": str(run),
        }.items():
            conf = conf.replace(key, value)
    (run / "nginx.conf").write_text(conf)
    if not port_free(NGINX_PORT):
        raise SystemExit(f"port {NGINX_PORT} is in use")
    proc = subprocess.Popen(
        ["nginx", "-p", f"{run}/", "-e", str(run / "error.log"), "-c", str(run / "nginx.conf")]
        + ["-g", "daemon off;"]
    )
    RUNNING.append(proc)
    log(f"nginx pid {proc.pid} ({'static file' if static_html else 'caching front'})")
    return proc


def workers_rss(master: subprocess.Popen) -> int:
    """Resident memory of gunicorn's workers (kB), summed."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(master.pid):
            total += int(fields.get("VmRSS", "0 kB").split()[0])
    return total


# -- Measuring --------------------------------------------------------------------------


def wrk(server: subprocess.Popen, base: str, paths: Path, out: Path, *extra, **knobs) -> dict:
    duration = knobs.get("duration", DURATION)
    connections = knobs.get("connections", CONNECTIONS)
    args = [f"-t{THREADS}", f"-c{connections}", f"-d{duration}", "--timeout", "10s", *extra]
    subprocess.run(
        [PY, str(TOOLS / "measure.py"), str(out), str(server.pid)]
        + ["--attempts", knobs.get("attempts", ENV.get("ATTEMPTS", "2"))]
        + ["--max-other", ENV.get("MAX_OTHER_CPU", "5"), "--"]
        + args
        + ["-s", str(TOOLS / "paths.lua"), base, "--", str(paths)],
        check=True,
    )
    result = json.loads(out.read_text())
    log(
        f"  {out.stem}: {result['rps']:.1f} req/s, p50 {result['p50_ms']:.1f} ms, "
        f"p99 {result['p99_ms']:.1f} ms, other CPU {result['cpu_other_pct']} %"
    )
    return result


def scenarios(server, base: str, targets: Path, out: Path) -> None:
    (out / "wrk").mkdir(parents=True, exist_ok=True)
    wrk(
        server,
        base,
        targets / "warmup.txt",
        out / "wrk" / "warmup.json",
        duration=WARMUP,
        attempts="1",
    )
    for round_ in range(1, REPEAT + 1):
        for name, listing in SCENARIOS:
            if (targets / f"{listing}.txt").exists():
                wrk(
                    server, base, targets / f"{listing}.txt", out / "wrk" / f"{name}.r{round_}.json"
                )


def load_check(server, base: str, targets: Path, out: Path, label: str) -> dict:
    """LOAD_DURATION at LOAD_CONNECTIONS over every English article and the listings."""
    mixed = out / "load-paths.txt"
    paths = (targets / "articles-en.txt").read_text().split()
    paths += [(targets / f"{n}.txt").read_text().strip() for n in ("index_en", "tag_en")] * 20
    mixed.write_text("\n".join(paths) + "\n")
    before = workers_rss(server)
    result = wrk(
        server,
        base,
        mixed,
        out / f"load-{label}.json",
        duration=LOAD_DURATION,
        connections=LOAD_CONNECTIONS,
        attempts="1",
    )
    after = workers_rss(server)
    errors = sum(result[k] for k in result if k.startswith("errors_")) + result["non_2xx_3xx"]
    check = {
        "label": label,
        "rps": result["rps"],
        "p99_ms": result["p99_ms"],
        "errors": errors,
        "rss_start_kb": before,
        "rss_end_kb": after,
    }
    (out / f"load-{label}-check.json").write_text(json.dumps(check, indent=2) + "\n")
    log(f"  load {label}: {errors} errors, workers' RSS {before // 1024} MB -> {after // 1024} MB")
    return check


# -- The run ----------------------------------------------------------------------------


def prepare(db: str) -> None:
    var = HOME / f"var-{db}"
    marker = HOME / f"populated-{db}-{ARTICLES}"
    if REUSE_DB and marker.exists():
        log(f"{db}: REUSE_DB=1, reusing the populated database (migrated to this code)")
        manage(db, "migrate", "--noinput", "-v0")
        # A migration that rebuilt a table or an index dropped its planner statistics (on
        # SQLite they are then gone until the next ANALYZE): gather them as populate does.
        analyze = "from django.db import connection; connection.cursor().execute('ANALYZE')"
        manage(db, "shell", "-c", analyze)
        manage(db, "collectstatic", "--noinput", "-v0")
        return
    marker.unlink(missing_ok=True)
    shutil.rmtree(var, ignore_errors=True)
    var.mkdir(parents=True)
    if db == "postgres":
        name = PG_URL.rsplit("/", 1)[1]
        admin = PG_URL.rsplit("/", 1)[0] + "/postgres"
        for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
            subprocess.run(["psql", admin, "-X", "-q", "-c", sql], check=True)
    log(f"{db}: migrate, collectstatic, populate {ARTICLES} articles")
    manage(db, "migrate", "--noinput", "-v0")
    manage(db, "collectstatic", "--noinput", "-v0")
    started = time.monotonic()
    manage(db, "populate", "--articles", str(ARTICLES))
    if db == "postgres":
        # With Redis (the production shape) the upload service queued the pictures'
        # renditions: the worker makes them, as in production. Without it every picture
        # would stay "processing" and the pages would be measured with the originals.
        manage(db, "rqworker", "--burst", "default")
    log(f"{db}: populated in {time.monotonic() - started:.0f} s")
    marker.touch()


def check_pictures_ready(db: str) -> None:
    """Refuse to measure pages whose pictures are still "processing" (their originals)."""
    check = (
        "from media.models import Image; import sys; "
        "sys.exit(Image.objects.exclude(renditions_state=Image.RenditionsState.READY).count())"
    )
    result = subprocess.run(
        [PY, "manage.py", "shell", "-c", check], cwd=ROOT, env=django_env(db, cache=False)
    )
    if result.returncode:
        raise SystemExit(f"{db}: {result.returncode} pictures have no renditions yet")


def bench_db(db: str, summary: dict) -> None:
    prepare(db)
    check_pictures_ready(db)
    targets = HOME / f"targets-{db}"
    env = django_env(db, cache=False)
    subprocess.run([PY, __file__, "targets", str(targets)], cwd=ROOT, env=env, check=True)
    base = f"http://127.0.0.1:{PORT}"
    out = RESULTS / db
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(targets / "queries.json", out / "queries.json")

    server = gunicorn(db, cache=False, out=out)
    article = json.loads((targets / "targets.json").read_text())["article_en"]
    with urllib.request.urlopen(base + article) as page:
        (RESULTS / "article.html").write_bytes(page.read())
    if "uncached" in PHASES:
        scenarios(server, base, targets, out)
        if LOAD:
            summary.setdefault("load", []).append(
                load_check(server, base, targets, out, f"{db}-uncached")
            )
    stop(server, "gunicorn")
    if "cached" not in PHASES and "nginx" not in PHASES:
        return

    cached = RESULTS / f"{db}-cached"
    cached.mkdir(parents=True, exist_ok=True)
    server = gunicorn(db, cache=True, out=cached)
    if "cached" in PHASES:
        scenarios(server, base, targets, cached)
        if LOAD:
            summary.setdefault("load", []).append(
                load_check(server, base, targets, cached, f"{db}-cached")
            )

    if "nginx" in PHASES:
        front = RESULTS / f"{db}-nginx"
        front.mkdir(parents=True, exist_ok=True)
        proxy = nginx(db=db)
        wait_http(f"http://127.0.0.1:{NGINX_PORT}/en/")
        scenarios(proxy, f"http://127.0.0.1:{NGINX_PORT}", targets, front)
        stop(proxy, "nginx")
    stop(server, "gunicorn")


def bench_static() -> None:
    out = RESULTS / "nginx"
    out.mkdir(parents=True, exist_ok=True)
    proc = nginx(static_html=RESULTS / "article.html")
    base = f"http://127.0.0.1:{NGINX_PORT}"
    wait_http(base + "/article.html")
    paths = HOME / "nginx" / "html" / "list.txt"
    for round_ in range(1, REPEAT + 1):
        wrk(proc, base, paths, out / f"keepalive.r{round_}.json")
        wrk(proc, base, paths, out / f"close.r{round_}.json", "-H", "Connection: close")
    stop(proc, "nginx")


def median_of(folder: Path, name: str):
    runs = [json.loads(p.read_text()) for p in sorted(folder.glob(f"{name}.r*.json"))]
    if not runs:
        return None
    return (
        statistics.median(r["rps"] for r in runs),
        statistics.median(r["p50_ms"] for r in runs),
        statistics.median(r["p99_ms"] for r in runs),
    )


def report(summary: dict) -> str:
    lines = [
        "| DB | page | uncached req/s | p50 / p99 ms | app cache req/s | p50 / p99 ms | "
        "nginx front req/s | p50 / p99 ms | cache / uncached |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for db in DBS:
        for name, _ in SCENARIOS:
            cells = [
                median_of(RESULTS / f"{db}{s}" / "wrk", name) for s in ("", "-cached", "-nginx")
            ]
            if cells[0] is None:
                continue
            text = [f"{c[0]:.1f} | {c[1]:.1f} / {c[2]:.1f}" if c else "– | –" for c in cells]
            ratio = f"{cells[1][0] / cells[0][0]:.1f}x" if cells[1] else "–"
            lines.append(f"| {db} | {name} | {' | '.join(text)} | {ratio} |")
    for mode in ("keepalive", "close"):
        cell = median_of(RESULTS / "nginx", mode)
        if cell:
            lines.append(
                f"| nginx | saved article HTML, static, {mode} | | | | | {cell[0]:.1f} | "
                f"{cell[1]:.1f} / {cell[2]:.1f} | |"
            )
    for check in summary.get("load", []):
        lines.append(
            f"\nload {check['label']}: {check['rps']:.1f} req/s, p99 {check['p99_ms']:.0f} ms,"
            f" {check['errors']} errors, workers' RSS {check['rss_start_kb'] // 1024} MB at "
            f"start, {check['rss_end_kb'] // 1024} MB at end"
        )
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "targets":
        write_targets(Path(sys.argv[2]))
        return 0
    case = str(HOME.resolve())
    if case.startswith(str(ROOT)):
        raise SystemExit("BENCH_HOME must lie outside the repository")
    if not (TOOLS / "measure.py").exists():
        raise SystemExit(f"no {TOOLS}/measure.py: set SHARED_BENCH to ../shared/bench")
    if not shutil.which("wrk") or not shutil.which("nginx"):
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk", "nginx"],
            check=True,
            env={**ENV, "DEBIAN_FRONTEND": "noninteractive"},
        )
    shutil.rmtree(RESULTS, ignore_errors=True)
    RESULTS.mkdir(parents=True)
    summary = {}
    try:
        for db in DBS:
            bench_db(db, summary)
        if "nginx" in PHASES:
            bench_static()
    finally:
        for proc in list(RUNNING):
            stop(proc, "server")
    table = report(summary)
    (RESULTS / "results.md").write_text(table + "\n")
    print(table)
    failed = [c for c in summary.get("load", []) if c["errors"]]
    if failed:
        log(f"load check: errors in {', '.join(c['label'] for c in failed)}")
        return 1
    compare = f"python3 {SHARED}/compare.py {RESULTS} /tmp/wagbench/results"
    log(f"results in {RESULTS}; side by side with Wagtail: {compare}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
