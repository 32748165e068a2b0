"""deploy/: the files that start a deployment agree with the settings, and gunicorn runs with
deploy/gunicorn.conf.py (Docker is not available here: the compose file is checked by reading)."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import yaml

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def variables_read_by_settings() -> set[str]:
    source = (ROOT / "enlace" / "settings" / "__init__.py").read_text()
    return set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"', source))


def test_env_example_lists_every_variable_the_settings_read():
    listed = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (DEPLOY / "env.example").read_text(), re.M))
    assert variables_read_by_settings() - listed == set()
    assert "HEALTH_CHECK_TIMEOUT" in listed


def test_configuration_doc_lists_every_variable_the_settings_read():
    doc = (ROOT / "docs" / "configuration.md").read_text()
    missing = {name for name in variables_read_by_settings() if f"`{name}`" not in doc}
    assert missing == set()


def test_compose_file_describes_the_scale_out():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert {"web", "worker", "beat", "postgres", "redis", "es1", "es2", "es3", "nginx"} <= set(services)
    assert "gunicorn" in services["web"]["command"] and "enlace.wsgi" in services["web"]["command"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "enlace", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "enlace", "beat"]
    nodes = [services[f"es{k}"]["environment"] for k in (1, 2, 3)]
    assert len({node["node.name"] for node in nodes}) == 3
    assert all(node["cluster.initial_master_nodes"] == "es1,es2,es3" for node in nodes)
    assert services["web"]["environment"]["ELASTICSEARCH_URL"] == "http://es1:9200,http://es2:9200,http://es3:9200"
    assert "./nginx.conf:/etc/nginx/conf.d/default.conf:ro" in services["nginx"]["volumes"]
    # Beat has a health check too: its schedule file, on its own volume, must keep being written.
    beat_check = services["beat"]["healthcheck"]["test"]
    schedule = services["beat"]["command"][services["beat"]["command"].index("--schedule") + 1]
    assert beat_check[:4] == ["CMD", "python", "deploy/probe.py", "--beat"] and beat_check[4] == schedule
    assert any(volume.endswith(":" + schedule.rsplit("/", 1)[0]) for volume in services["beat"]["volumes"])


def test_no_registry_host_names_in_deploy_files():
    for path in DEPLOY.rglob("*"):
        if path.is_file() and not {"local", "__pycache__"} & set(path.parts) and path.suffix != ".pyc":
            text = path.read_text()
            for image in re.findall(r"^\s*(?:image:|FROM)\s*(\S+)", text, re.M):
                assert "/" not in image.split(":")[0] or "." not in image.split("/")[0], (path, image)


def test_systemd_units_read_the_environment_file():
    for name in ("enlace-web", "enlace-worker", "enlace-beat"):
        unit = (DEPLOY / "systemd" / f"{name}.service").read_text()
        assert "EnvironmentFile=/etc/enlace/env" in unit and "User=enlace" in unit
    assert "gunicorn -c deploy/gunicorn.conf.py enlace.wsgi" in (DEPLOY / "systemd" / "enlace-web.service").read_text()


def test_gunicorn_with_the_deploy_configuration(tmp_path):
    """gunicorn as the units start it (debug off, JSON logs): /healthz and /readyz answer
    through deploy/probe.py, and the access log line carries the request id."""
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "enlace.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "gunicorn-test-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "enlace.example.org,localhost",
        "STATIC_ROOT": str(tmp_path / "static"),
        "ENLACE_VAR_DIR": str(tmp_path),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "PYTHONWARNINGS": "ignore",
    }
    (tmp_path / "static").mkdir()
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "enlace.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            probe = subprocess.run(
                [sys.executable, "deploy/probe.py", "/readyz", str(port)], cwd=ROOT, env=env, capture_output=True
            )
            if probe.returncode == 0:
                break
            assert server.poll() is None and time.monotonic() < deadline, (tmp_path / "gunicorn.log").read_text()
            time.sleep(0.3)
        assert subprocess.run([sys.executable, "deploy/probe.py", "/healthz", str(port)], cwd=ROOT, env=env).returncode == 0
        # Any other Host than the allowed ones is refused: the probe must send one of them.
        wrong = subprocess.run(
            [sys.executable, "deploy/probe.py", "/healthz", str(port)],
            cwd=ROOT,
            env={**env, "DJANGO_ALLOWED_HOSTS": "wrong.example.org"},
            capture_output=True,
        )
        assert wrong.returncode == 1
        import urllib.request

        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/healthz", headers={"Host": "localhost", "X-Request-ID": "gunicorn-rid-7"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["X-Request-ID"] == "gunicorn-rid-7"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    output = (tmp_path / "gunicorn.log").read_text()
    assert re.search(r'"GET /healthz HTTP/1.1" 200 .* request_id=gunicorn-rid-7', output), output
