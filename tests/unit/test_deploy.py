"""deploy/: the Kubernetes manifests against the Kubernetes schemas (offline, kubernetes-validate),
the manifests against each other and the Containerfile, the Containerfile against requirements.lock
and the app's files, and the HAProxy configuration serve.py writes. Nothing here runs a container
or a cluster (these machines have neither); tests/e2e/test_proxy.py runs HAProxy for real."""

from __future__ import annotations

import ast
import json
import re
import shlex
import socket
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from deploy import serve

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
CONTAINERFILE = ROOT / "deploy" / "Containerfile"
OLDEST = "1.30"  # preStop's sleep action is on by default from 1.30
HEALTH = "/_stcore/health"


def manifests() -> dict[str, dict]:
    docs = [d for f in sorted(K8S.glob("*.yaml")) for d in yaml.safe_load_all(f.read_text()) if d]
    by_kind = {d["kind"]: d for d in docs}
    assert len(by_kind) == len(docs), "one object of each kind"
    return by_kind


def instructions() -> list[tuple[str, str]]:
    """The Containerfile as (INSTRUCTION, arguments), continuation lines joined, comments dropped."""
    text = re.sub(
        r"\\\n",
        " ",
        "\n".join(line for line in CONTAINERFILE.read_text().splitlines() if not line.lstrip().startswith("#")),
    )
    return [(w[0].upper(), w[1].strip()) for w in (line.split(None, 1) for line in text.splitlines() if line.strip())]


def of(kind: str) -> list[str]:
    return [args for ins, args in instructions() if ins == kind]


def container() -> dict:
    (c,) = manifests()["Deployment"]["spec"]["template"]["spec"]["containers"]
    return c


# -- Kubernetes --------------------------------------------------------------------------------


def test_the_manifests_are_the_five_objects_the_cluster_needs():
    assert set(manifests()) == {"Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget"}


@pytest.mark.parametrize("version", [OLDEST, kubernetes_validate.utils.latest_version()])
def test_every_manifest_is_valid_against_the_kubernetes_schema_offline(version, monkeypatch):
    def no_network(*_args, **_kwargs):
        raise AssertionError("kubernetes-validate tried the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    for kind, doc in manifests().items():
        try:  # strict: a misspelt field is an error, not ignored
            kubernetes_validate.validate(doc, version, strict=True)
        except kubernetes_validate.ValidationError as e:
            pytest.fail(f"{kind} against Kubernetes {version}: {'.'.join(map(str, e.path))}: {e.message}")


def test_the_schema_check_catches_a_misspelt_field():
    doc = json.loads(json.dumps(manifests()["Deployment"]))
    c = doc["spec"]["template"]["spec"]["containers"][0]
    c["readinesProbe"] = c.pop("readinessProbe")
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(doc, OLDEST, strict=True)


def test_the_objects_point_at_each_other():
    m = manifests()
    dep, svc, ing, hpa, pdb = (
        m[k] for k in ("Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget")
    )
    pod_labels = dep["spec"]["template"]["metadata"]["labels"]
    selector = dep["spec"]["selector"]["matchLabels"]
    assert selector.items() <= pod_labels.items()
    assert svc["spec"]["selector"].items() <= pod_labels.items()
    assert pdb["spec"]["selector"]["matchLabels"] == selector
    target = hpa["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", dep["metadata"]["name"])
    assert hpa["spec"]["minReplicas"] >= 2 and pdb["spec"]["maxUnavailable"] == 1  # a drain leaves one serving
    port_names = {p["name"]: p["containerPort"] for p in container()["ports"]}
    assert all(p["targetPort"] in port_names for p in svc["spec"]["ports"])
    backends = [p["backend"]["service"] for r in ing["spec"]["rules"] for p in r["http"]["paths"]]
    assert backends and all(b["name"] == svc["metadata"]["name"] for b in backends)
    assert all(b["port"]["name"] in {p["name"] for p in svc["spec"]["ports"]} for b in backends)


def test_probes_ask_streamlits_health_endpoint_on_the_apps_port():
    c = container()
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        get = c[probe]["httpGet"]
        assert get["path"] == HEALTH and get["port"] in {p["name"] for p in c["ports"]}, probe
    # liveness gives up much later than readiness: a busy pod stops taking readers long before it is killed
    live, ready = c["livenessProbe"], c["readinessProbe"]
    assert live["periodSeconds"] * live["failureThreshold"] >= 4 * ready["periodSeconds"] * ready["failureThreshold"]


def test_the_ingress_is_sticky_by_cookie_and_keeps_websockets_open():
    notes = manifests()["Ingress"]["metadata"]["annotations"]
    nginx = "nginx.ingress.kubernetes.io/"
    assert notes[nginx + "affinity"] == "cookie"
    assert notes[nginx + "affinity-mode"] == "persistent"  # scaling up moves nobody's session
    assert int(notes[nginx + "proxy-read-timeout"]) >= 3600 and int(notes[nginx + "proxy-send-timeout"]) >= 3600


def test_pods_share_a_cookie_secret_that_is_not_in_the_repository():
    env = {e["name"]: e for e in container()["env"]}
    ref = env["STREAMLIT_SERVER_COOKIE_SECRET"]["valueFrom"]["secretKeyRef"]
    assert ref["name"] and ref["key"] and "value" not in env["STREAMLIT_SERVER_COOKIE_SECRET"]
    assert "cookieSecret" not in (ROOT / ".streamlit" / "config.toml").read_text()
    for f in (ROOT / "deploy").rglob("*"):
        if f.is_file():
            assert not re.search(r"^\s*kind:\s*Secret\b", f.read_text(errors="replace"), re.MULTILINE), f


def test_pods_reserve_a_core_and_run_as_the_images_user():
    c, pod = container(), manifests()["Deployment"]["spec"]["template"]["spec"]
    assert c["resources"]["requests"]["cpu"] in ("1", 1, "1000m")  # one process: about one core at most
    assert "cpu" not in c["resources"].get("limits", {})  # no throttling mid-run
    assert c["resources"]["requests"]["memory"] and c["resources"]["limits"]["memory"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert str(pod["securityContext"]["runAsUser"]) == of("USER")[-1]
    assert c["securityContext"]["allowPrivilegeEscalation"] is False


# -- Containerfile -----------------------------------------------------------------------------


def test_the_image_starts_from_the_python_the_lock_was_made_for():
    lock_python = re.search(r"--python-version (\d+\.\d+)", (ROOT / "requirements.lock").read_text())[1]
    (base,) = of("FROM")
    assert re.fullmatch(rf"(docker\.io/library/)?python:{re.escape(lock_python)}(\.\d+)?-slim(-\w+)?", base), base


def test_the_image_installs_exactly_requirements_lock():
    commands = [c.strip() for run in of("RUN") for c in re.split(r"&&|\|\||;", run)]
    installs = [c for c in commands if re.search(r"\bpip3?\b.*\binstall\b|\b(uv|poetry|conda|easy_install|pipx)\b", c)]
    assert len(installs) == 1, installs  # one install, of the lock
    words = shlex.split(installs[0])
    assert words[:4] == ["python", "-m", "pip", "install"] and "--require-hashes" in words, words
    files = [words[i + 1] for i, w in enumerate(words) if w in ("-r", "--requirement")]
    assert len(files) == 1 and [w for w in words[4:] if not w.startswith("-")] == files, words  # no named packages
    copied = {dest: src for src, dest in (a.rsplit(None, 1) for a in of("COPY"))}
    assert copied[files[0]] == "requirements.lock"
    assert not any(re.search(r"\bapt(-get)?\s+install\b", c) for c in commands)  # no Python packages from Debian either
    # and the lock really is a complete hash lock
    lock = (ROOT / "requirements.lock").read_text()
    pinned = re.findall(r"^\S+==\S+ \\\n(?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+", lock, re.MULTILINE)
    assert lock.count("==") == len(pinned) > 0


def test_the_image_holds_every_file_the_app_reads_and_nothing_else():
    sources = [a.split()[0].rstrip("/") for a in of("COPY")]
    app = {s for s in sources if s != "requirements.lock"}
    assert all((ROOT / s).exists() for s in app), app
    # every project module the app imports, and the folders core/paths.py and the entry script name
    local = {p.name for p in ROOT.iterdir() if (p.is_dir() and any(p.glob("*.py"))) or p.suffix == ".py"}
    imported = set()
    for f in [ROOT / "streamlit_app.py"] + [f for d in app if (ROOT / d).is_dir() for f in (ROOT / d).rglob("*.py")]:
        for node in ast.walk(ast.parse(f.read_text())):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    assert imported & local <= app, imported & local - app
    assert {"streamlit_app.py", ".streamlit", "app_pages", "content", "data", "assets"} <= app
    assert not app & {"tests", "benchmarks", "tools", "docs", "deploy", "requirements-dev.lock"}


def test_the_image_runs_as_a_user_with_its_health_check_and_entry_point_on_one_port():
    (user,) = of("USER")
    assert user.isdigit() and int(user) != 0
    names = [ins for ins, _ in instructions()]
    assert names.index("USER") > max(i for i, n in enumerate(names) if n in ("RUN", "COPY"))  # then nothing as root
    (port,) = of("EXPOSE")
    assert container()["ports"][0]["containerPort"] == int(port)
    (health,) = of("HEALTHCHECK")
    assert f":{port}{HEALTH}" in health
    entry = json.loads(of("ENTRYPOINT")[0])
    assert entry[:3] == ["streamlit", "run", "streamlit_app.py"] and f"--server.port={port}" in entry
    assert "--server.address=0.0.0.0" in entry


# -- HAProxy (make serve) ----------------------------------------------------------------------


def test_haproxy_config_is_sticky_checks_health_and_keeps_websockets(tmp_path):
    backends = [serve.Backend(f"s{i}", 9000 + i, tmp_path / f"s{i}.log") for i in (1, 2, 3)]
    cfg = serve.haproxy_config("127.0.0.1:8501", tmp_path / "haproxy.sock", backends)
    assert "$" not in cfg  # every placeholder filled
    assert re.search(r"^\s*bind 127\.0\.0\.1:8501$", cfg, re.MULTILINE)
    cookie = re.search(r"^\s*cookie (\S+) insert\b", cfg, re.MULTILINE)
    assert cookie
    for b in backends:  # each process named in the cookie, and checked
        assert re.search(rf"^\s*server {b.name} 127\.0\.0\.1:{b.port} cookie {b.name}$", cfg, re.MULTILINE)
    assert re.search(r"^\s*default-server check\b", cfg, re.MULTILINE)
    assert re.search(rf"^\s*option httpchk GET {HEALTH}$", cfg, re.MULTILINE)
    assert re.search(r"^\s*option redispatch\b", cfg, re.MULTILINE)
    tunnel = re.search(r"^\s*timeout tunnel (\d+)(h|m|s)$", cfg, re.MULTILINE)
    assert tunnel and int(tunnel[1]) * {"h": 3600, "m": 60, "s": 1}[tunnel[2]] >= 3600
    assert re.search(r"^\s*stats socket \S+ mode 600 level admin$", cfg, re.MULTILINE)  # only its owner drains or stops
