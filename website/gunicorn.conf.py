"""gunicorn's settings for Nordpeer (`make serve`, `python -m website.serve`).

gunicorn rather than granian: Django and its ORM are synchronous, so gunicorn's sync workers fit
them without a thread pool in between; it is pure Python from PyPI (nothing to build), and its
process model (a master restarting workers, graceful reloads on HUP) is what operators and
reverse-proxy guides expect. The speed granian adds is in the HTTP layer, not where a Django
request spends its time (templates, the database).
"""

from website.settings.environment import read_environment

_env = read_environment()

wsgi_app = "website.wsgi:application"
bind = f"{_env.host}:{_env.port}"
workers = _env.web_concurrency
worker_class = "sync"
# A package upload of up to 500 MB must arrive within this; the check itself runs in the task worker.
timeout = 120
graceful_timeout = 30
# Behind a proxy that keeps connections to the upstream open.
keepalive = 5
# The application is loaded once, in the master, and each worker is a fork of it: a worker that
# is replaced starts answering at once instead of importing Django and Wagtail again (25-30 s on
# a busy machine, while nothing answered), and the workers share the pages of the loaded code.
# A code upgrade therefore needs a restart of the master, not HUP (README "Upgrading").
preload_app = True
# Recycle a worker now and then, so a slow leak cannot grow without bound; the jitter is wide
# so the workers are not replaced at the same moment.
max_requests = 10_000
max_requests_jitter = 5_000


def post_fork(server, worker):
    """A worker never shares the master's database or cache connections (there should be none)."""
    from django.db import connections

    connections.close_all()


# Access log to standard output in the combined format, then the time taken (µs) and the worker's
# pid (which worker served what, when one misbehaves); errors to the same stream.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(D)s pid=%(p)s'
# Trust X-Forwarded-* only from a proxy on this machine (the default), see README "Reverse proxy".
forwarded_allow_ips = "127.0.0.1,::1"
