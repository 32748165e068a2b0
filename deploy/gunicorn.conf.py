"""gunicorn settings shared by deploy/compose.yaml and deploy/systemd/enlace-web.service.

Every value can be overridden by an environment variable (see deploy/env.example) or on the
command line. Application logs (Django) are JSON lines on stderr (LOG_FORMAT); gunicorn's own
access log goes to stdout with the request id the application returned.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", str(min(2 * multiprocessing.cpu_count() + 1, 9))))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))  # seconds before a stuck worker is replaced
graceful_timeout = 30
keepalive = 5
max_requests = 2000  # recycle workers now and then (memory)
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms request_id=%({x-request-id}o)s'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# gunicorn 27 opens a control socket in $HOME/.gunicorn by default: the service user's home may be
# read-only, and two instances under one user would share it. Not used here.
control_socket_disable = True
