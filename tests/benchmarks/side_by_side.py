"""Newsroom and the Wagtail bench site measured in turns, in one run: a ratio table.

    REUSE_DB=1 .venv/bin/python tests/benchmarks/side_by_side.py

The machines here are shared: two runs a quarter of an hour apart differ by a third, so
the ratio of two separate runs (site.py, then ../shared/bench/wagtail/run.sh) can say more
about the machine than about the sites. Here both sites are served at once (each by its own
gunicorn with the same load settings; an idle one uses no CPU) and every scenario is
measured on one, then on the other, in alternating order round by round. A round's ratio
compares two measurements taken seconds apart; the table gives the median of the rounds'
ratios.

With FLOOR=1 (the default), the article page is measured three times more against Wagtail's
whole article page, from Newsroom servers with part of the page's work taken out
(floor_wsgi.py): "reads" does everything but render the page, "lookup" only finds the
article with its bylines, tags, variants and corrections, and "stored" serves the whole page
around the article's own parts rendered beforehand (what a read model, stored by the write
path, would leave to the request). They show how far rendering, and the reads beyond the
article's own, stand between the page and a ratio.

Needs the Wagtail bench set up and populated by its own script first
(`KEEP_PG_DB=1 bash ../shared/bench/wagtail/run.sh`: its venv, databases and URL lists
under WAGBENCH_HOME, /tmp/wagbench), and Newsroom's populated databases (site.py's
prepare: REUSE_DB=1 reuses them). Knobs as site.py's: DBS, DURATION, REPEAT, WARMUP,
THREADS, CONNECTIONS, WORKERS. Results: BENCH_HOME/side-by-side (JSON per run, results.md).
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("newsroom_site_bench", HERE / "site.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

WAGBENCH = Path(os.environ.get("WAGBENCH_HOME", "/tmp/wagbench"))
WAGTAIL_SITE = bench.SHARED / "wagtail" / "site"
WAGTAIL_PORT = int(os.environ.get("WAGTAIL_PORT", "8111"))
OUT = bench.HOME / "side-by-side"
# compare.py's scenarios: (name, URL list) on both sides.
SCENARIOS = [s for s in bench.SCENARIOS if s[0] not in ("search_en", "feed_en")]
FLOOR = os.environ.get("FLOOR", "1") == "1"
FLOOR_SCENARIO = "article_en_rotating"
# floor_wsgi's modes
FLOOR_SIDES = {"reads": bench.PORT + 1, "lookup": bench.PORT + 2, "stored": bench.PORT + 3}


def wagtail(db: str, out: Path, first_page: str) -> subprocess.Popen:
    if not bench.port_free(WAGTAIL_PORT):
        raise SystemExit(f"port {WAGTAIL_PORT} is in use")
    proc = subprocess.Popen(
        [str(WAGBENCH / "venv" / "bin" / "gunicorn"), "benchsite.wsgi:application"]
        + ["--chdir", str(WAGTAIL_SITE), "-w", bench.WORKERS, "-k", "sync"]
        + ["-b", f"127.0.0.1:{WAGTAIL_PORT}", "--log-level", "warning"],
        env={**os.environ, "WAGBENCH_HOME": str(WAGBENCH), "WAGBENCH_DB": db},
        stdout=(out / "wagtail-gunicorn.log").open("a"),
        stderr=subprocess.STDOUT,
    )
    bench.RUNNING.append(proc)
    bench.log(f"{db}: Wagtail's gunicorn pid {proc.pid}")
    bench.wait_http(f"http://127.0.0.1:{WAGTAIL_PORT}{first_page}")
    return proc


def floor_server(db: str, mode: str, port: int, out: Path, first_page: str) -> subprocess.Popen:
    """Newsroom with part of the article page's work taken out (floor_wsgi.py)."""
    if not bench.port_free(port):
        raise SystemExit(f"port {port} is in use")
    env = {**bench.django_env(db, cache=False), "NEWSROOM_BENCH_FLOOR": mode}
    if mode == "stored":
        env["NEWSROOM_BENCH_STORE"] = str(out / "stored-parts.pickle")
        bench.log(f"{db}: rendering every English story's own parts for the 'stored' floor")
        subprocess.run(
            [bench.PY, str(HERE / "floor_wsgi.py"), "store", env["NEWSROOM_BENCH_STORE"]],
            cwd=bench.ROOT,
            env=env,
            check=True,
        )
    proc = subprocess.Popen(
        [bench.PY, "-m", "gunicorn", "floor_wsgi:application", "--pythonpath", str(HERE)]
        + ["-w", bench.WORKERS, "-k", "sync", "-b", f"127.0.0.1:{port}"]
        + ["--log-level", "warning"],
        cwd=bench.ROOT,
        env=env,
        stdout=(out / f"floor-{mode}-gunicorn.log").open("a"),
        stderr=subprocess.STDOUT,
    )
    bench.RUNNING.append(proc)
    url = f"http://127.0.0.1:{port}{first_page}"
    bench.wait_http(url)
    with urllib.request.urlopen(url) as answer:  # the mode took
        whole_page = b'<article class="article">' in answer.read()
    if whole_page != (mode == "stored"):
        raise SystemExit(f"{db}: floor server {mode!r} did not answer as that mode does")
    bench.log(f"{db}: floor server {mode!r} pid {proc.pid}")
    return proc


def measure_db(db: str) -> list[dict]:
    bench.prepare(db)
    bench.check_pictures_ready(db)
    ours_targets = bench.HOME / f"targets-{db}"
    env = bench.django_env(db, cache=False)
    subprocess.run(
        [bench.PY, str(HERE / "site.py"), "targets", str(ours_targets)],
        cwd=bench.ROOT,
        env=env,
        check=True,
    )
    their_targets = WAGBENCH / "results" / db / "targets"
    if not (their_targets / "index_en.txt").exists():
        raise SystemExit(f"no {their_targets}: run ../shared/bench/wagtail/run.sh first")
    out = OUT / db
    out.mkdir(parents=True, exist_ok=True)
    sides = {
        "newsroom": (bench.gunicorn(db, cache=False, out=out), bench.PORT, ours_targets),
        "wagtail": (
            wagtail(db, out, (their_targets / "index_en.txt").read_text().strip()),
            WAGTAIL_PORT,
            their_targets,
        ),
    }
    if FLOOR:
        first_article = (ours_targets / "articles-en.txt").read_text().split()[0]
        for mode, port in FLOOR_SIDES.items():
            server = floor_server(db, mode, port, out, first_article)
            sides[f"newsroom-{mode}"] = (server, port, ours_targets)
    for side, (server, port, targets) in sides.items():
        bench.wrk(
            server,
            f"http://127.0.0.1:{port}",
            targets / "warmup.txt",
            out / f"{side}.warmup.json",
            duration=bench.WARMUP,
            attempts="1",
        )
    rows = []
    for round_ in range(1, bench.REPEAT + 1):
        order = ["wagtail", "newsroom"] if round_ % 2 else ["newsroom", "wagtail"]
        for name, listing in SCENARIOS:
            rps = {}
            floor = [f"newsroom-{mode}" for mode in FLOOR_SIDES] if name == FLOOR_SCENARIO else []
            for side in order + [side for side in floor if side in sides]:
                server, port, targets = sides[side]
                result = bench.wrk(
                    server,
                    f"http://127.0.0.1:{port}",
                    targets / f"{listing}.txt",
                    out / f"{side}.{name}.r{round_}.json",
                )
                rps[side] = result["rps"]
            rows.append({"db": db, "scenario": name, "round": round_, **rps})
    for server, _port, _targets in sides.values():
        bench.stop(server, "gunicorn")
    return rows


FLOOR_ROWS = {
    "newsroom-reads": "article page's reads, no rendering (one byte)",
    "newsroom-lookup": "the article and its relations only (one byte)",
    "newsroom-stored": "the whole page around its own parts rendered beforehand (read model)",
}


def report(rows: list[dict]) -> str:
    lines = [
        "| DB | page | Newsroom req/s | Wagtail req/s | ratio (median of rounds) | rounds |",
        "|---|---|---:|---:|---:|---|",
    ]
    for db in bench.DBS:
        for name, _listing in SCENARIOS:
            runs = [r for r in rows if r["db"] == db and r["scenario"] == name]
            if not runs:
                continue
            ratios = [r["newsroom"] / r["wagtail"] for r in runs]
            lines.append(
                f"| {db} | {name} | {statistics.median(r['newsroom'] for r in runs):.1f} | "
                f"{statistics.median(r['wagtail'] for r in runs):.1f} | "
                f"**{statistics.median(ratios):.2f}x** | "
                f"{', '.join(f'{x:.2f}' for x in ratios)} |"
            )
            for side, label in FLOOR_ROWS.items():
                floor = [r for r in runs if side in r]
                if not floor:
                    continue
                ratios = [r[side] / r["wagtail"] for r in floor]
                lines.append(
                    f"| {db} | floor: {label} | {statistics.median(r[side] for r in floor):.1f} "
                    f"| {statistics.median(r['wagtail'] for r in floor):.1f} | "
                    f"{statistics.median(ratios):.2f}x | {', '.join(f'{x:.2f}' for x in ratios)} |"
                )
    return "\n".join(lines)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    started = time.monotonic()
    try:
        for db in bench.DBS:
            rows += measure_db(db)
    finally:
        for proc in list(bench.RUNNING):
            bench.stop(proc, "server")
    (OUT / "rounds.json").write_text(json.dumps(rows, indent=1))
    table = report(rows)
    (OUT / "results.md").write_text(table + "\n")
    print(table)
    bench.log(f"done in {time.monotonic() - started:.0f} s; results in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
