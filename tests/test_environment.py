"""The project's own files install and lint what the course needs."""

import re
import subprocess
import sys

from harness import ROOT


def pinned_requirements() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            name = name.split("[")[0]  # an extra (dask[distributed]) installs the same package
            assert version, f"requirements.txt: {line!r} is not pinned with =="
            pins[name.lower()] = version
    return pins


def test_requirements_pin_the_course_packages():
    pins = pinned_requirements()
    for package in ("torch", "numpy", "matplotlib", "seaborn", "tqdm", "jupyterlab", "nbgrader",
                    "nbformat", "nbclient", "pytest", "ruff"):
        assert package in pins, f"{package} missing from requirements.txt"
    assert pins["torch"] == "2.13.0", "torch must stay pinned to the CPU build on disk"
    assert pins["nbgrader"].startswith("0.9.")
    assert pins["jupyterlab"].startswith("4.")


def test_environment_yml_installs_the_same_list():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s*- python=3\.11\s*$", text, re.M)
    assert re.search(r"^\s*- pip:\s*$", text, re.M)
    assert re.search(r"^\s*- -r requirements\.txt\s*$", text, re.M), (
        "environment.yml must install requirements.txt through pip")
    entries = re.findall(r"^\s*- (\S+)", text, re.M)
    extra = [e for e in entries if e not in ("conda-forge", "python=3.11", "pip", "pip:", "-r")]
    assert not extra, f"environment.yml lists packages outside requirements.txt: {extra}"


def test_installed_versions_match_the_pins():
    from importlib.metadata import version

    for name, pinned in pinned_requirements().items():
        installed = version(name)
        assert installed.split("+")[0] == pinned, f"{name}: installed {installed}, pinned {pinned}"


def test_ruff_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_gitignore_keeps_grading_state_out():
    ignored = (ROOT / ".gitignore").read_text().split()
    for entry in ("gradebook.db", "submitted/", "feedback/", ".venv/", "grades.csv"):
        assert entry in ignored
