"""Gunicorn's configuration for Newsroom: `gunicorn -c gunicorn.conf.py newsroom.wsgi`.

Every setting can be changed from the environment (GUNICORN_*), so one file serves a
laptop, the benchmark and production. See README.md, "Deployment".
"""

import multiprocessing
import os

wsgi_app = "newsroom.wsgi:application"

# Where to listen: a loopback port behind nginx (deploy/nginx.conf), or a unix socket
# ("unix:/run/newsroom/gunicorn.sock").
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")

# Sync workers: a page is rendered with the CPU, not spent waiting, so one request per
# process uses a core fully; nginx in front buffers slow clients, which is what async
# workers would otherwise be for. Two per core plus one keeps a core busy while another
# worker waits on PostgreSQL or Redis.
worker_class = "sync"
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))

# Restart each worker after about this many requests (jitter spreads the restarts), so a
# slow leak in any library never grows without bound. A restart costs a worker's start (about
# half a second of a core): every 2,000 requests, a worker answering pages from the cache
# restarted every second and lost 40 % of its rate (make benchmark-site). Memory stays flat
# under a minute of load, so the guard can be rare.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "10000"))

# A request still running after this long is stuck: its worker is killed and replaced.
# Uploads are quick now that renditions are made by the worker (newsroom.jobs).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Behind nginx, which reuses its upstream connections.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))

# Logs to stdout/stderr for the process manager. Access log: the client (from nginx's
# X-Forwarded-For), request, status, size, referrer, agent, and the time taken in
# microseconds (%(D)s) for finding slow pages.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = (
    '%({x-forwarded-for}i)s %(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(D)sus'
)

# Only nginx on this machine may set the forwarded headers Django trusts.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Each worker imports the app itself: a restarted worker picks up nothing stale, and no
# connection or thread is shared across a fork.
preload_app = False
