"""The CI workflows' permissions, read from their YAML: a job that runs project code
(snippets, tests, the build) can read the repository and nothing else; only a job that
runs no code of ours and only deploys the built site's artifact may write Pages or mint
an OIDC token."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tools.site import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
WRITES = {"pages", "id-token"}  # what publishing needs, and only publishing may hold
DEPLOY_ACTIONS = ("actions/deploy-pages@",)


def permissions(workflow: dict[str, Any], job: dict[str, Any]) -> dict[str, str]:
    """A job's permissions: its own, else the workflow's (GitHub's rule); a missing
    block means the repository's default, which may be write-all: ``{"*": "write"}``."""
    granted = job.get("permissions", workflow.get("permissions"))
    if granted is None:
        return {"*": "write"}
    if isinstance(granted, str):  # read-all / write-all
        return {"*": granted.removesuffix("-all")}
    return {str(k): str(v) for k, v in granted.items()}


def runs_code(job: dict[str, Any]) -> bool:
    """Whether a job runs anything but the deploy action: a shell step, a checkout, a
    build or test action."""
    steps = job.get("steps") or []
    return any("run" in s or not str(s.get("uses", "")).startswith(DEPLOY_ACTIONS) for s in steps)


def jobs() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    out = []
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, job in (workflow.get("jobs") or {}).items():
            out.append((f"{path.name}:{name}", workflow, job))
    return out


@pytest.mark.parametrize("where,workflow,job", jobs(), ids=[j[0] for j in jobs()])
def test_a_job_running_code_can_only_read(where: str, workflow: Any, job: Any) -> None:
    granted = permissions(workflow, job)
    if runs_code(job):
        assert set(granted.values()) <= {"read", "none"}, f"{where} runs code with {granted}"
    else:
        assert set(k for k, v in granted.items() if v == "write") <= WRITES, where


def test_publishing_is_done_by_a_job_that_runs_nothing_else() -> None:
    deploying = [
        (where, workflow, job)
        for where, workflow, job in jobs()
        if any(str(s.get("uses", "")).startswith(DEPLOY_ACTIONS) for s in job.get("steps") or [])
    ]
    assert deploying, "no workflow deploys the site"
    for where, workflow, job in deploying:
        assert not runs_code(job), f"{where} deploys and runs other steps"
        assert permissions(workflow, job) == {"pages": "write", "id-token": "write"}, where
        assert job.get("needs"), f"{where} deploys no artifact of an earlier job"


def test_the_checks_catch_a_build_job_that_may_write() -> None:
    workflow = {"permissions": {"contents": "read", "pages": "write", "id-token": "write"}}
    job = {"steps": [{"uses": "actions/checkout@v4"}, {"run": "mkdocs build"}]}
    assert runs_code(job) and set(permissions(workflow, job).values()) == {"read", "write"}
    assert permissions({}, job) == {"*": "write"}


@pytest.mark.parametrize("where,workflow,job", jobs(), ids=[j[0] for j in jobs()])
def test_no_checkout_leaves_its_token_behind(where: str, workflow: Any, job: Any) -> None:
    """actions/checkout keeps its token in .git/config unless told not to; code the job
    runs (a snippet, a test) could read it there."""
    for step in job.get("steps") or []:
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert (step.get("with") or {}).get("persist-credentials") is False, where
