"""Bad input fails the build and the tests, each with a message naming page and snippet:
failing snippets (errors, time-outs, warnings that will break) and broken page rules,
planted in throwaway projects (``tests/project.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.project import DEFAULT, OTHER, Project, page


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


FAILING = {
    "raises": (
        "import torch\ntorch.zeros(2) + torch.zeros(3)\n",
        "exited with status 1",
        "The size of tensor a (2) must match",
    ),
    "times out": ("import time\ntime.sleep(30)\n", "timed out after 2 s", ""),
    "deprecated": (
        "import warnings\nwarnings.warn('old API', DeprecationWarning)\n",
        "exited with status 1",
        "DeprecationWarning: old API",
    ),
    "future": (
        "import warnings\nwarnings.warn('will change', FutureWarning)\n",
        "exited with status 1",
        "FutureWarning: will change",
    ),
}


@pytest.mark.parametrize("case", FAILING)
def test_failing_snippet_fails_build_and_tests(project: Project, case: str) -> None:
    source, status, detail = FAILING[case]
    limit = "2" if case == "times out" else "300"
    project.write("snippets/p/bad.py", source)
    project.pages("p", "p/bad.py")
    r = project.build(SNIPPETS_TIMEOUT=limit)
    assert r.returncode == 1
    assert f"snippets/p/bad.py (shown on page p.{DEFAULT}.md): {status}" in r.stderr
    assert detail in r.stderr
    r = project.codeblocks(SNIPPETS_TIMEOUT=limit)
    assert r.returncode == 1 and "2 failed" in r.stdout
    assert f"snippets/p/bad.py (shown on page docs/p.{DEFAULT}.md:3): {status}" in r.stdout


def test_library_deprecation_inside_torch_is_not_the_snippets_fault(project: Project) -> None:
    # A warning attributed to library code (stacklevel inside the library) stays a warning.
    project.write(
        "snippets/p/lib.py",
        "import warnings\ndef lib():\n    warnings.warn('x', DeprecationWarning, stacklevel=1)\n",
    )
    project.write("snippets/p/uses_lib.py", "import lib\nlib.lib()\nprint('ok')\n")
    project.write(
        f"docs/p.{DEFAULT}.md",
        page("p/uses_lib.py", lang=DEFAULT) + '\n```python\n--8<-- "p/lib.py"\n```\n',
    )
    project.write(
        f"docs/p.{OTHER}.md", page("p/uses_lib.py") + '\n```python\n--8<-- "p/lib.py"\n```\n'
    )
    r = project.build()
    assert r.returncode == 0, r.stderr


RULES = {
    "missing snippet": (
        {
            f"docs/p.{DEFAULT}.md": page("p/missing.py", lang=DEFAULT),
            f"docs/p.{OTHER}.md": page("p/missing.py"),
        },
        [f"docs/p.{DEFAULT}.md:3: snippet snippets/p/missing.py not found"],
        [f"docs/p.{OTHER}.md:3: snippet snippets/p/missing.py not found"],
    ),
    "missing twin": (
        {f"docs/p.{DEFAULT}.md": page("p/a.py", lang=DEFAULT), "snippets/p/a.py": "print(1)\n"},
        [f"docs/p.{DEFAULT}.md: its translation docs/p.{OTHER}.md is missing"],
        [f"docs/p.{DEFAULT}.md: its translation docs/p.{OTHER}.md is missing"],
    ),
    "different includes": (
        {
            f"docs/p.{DEFAULT}.md": page("p/a.py", lang=DEFAULT),
            f"docs/p.{OTHER}.md": page("p/b.py"),
            "snippets/p/a.py": "print(1)\n",
            "snippets/p/b.py": "print(2)\n",
        },
        [
            f"docs/p.{DEFAULT}.md and docs/p.{OTHER}.md: snippet includes differ: 'p/a.py' is included 1x in"
            f" docs/p.{DEFAULT}.md (line 3) but 0x in docs/p.{OTHER}.md; 'p/b.py' is included 0x in "
            f"docs/p.{DEFAULT}.md but 1x in docs/p.{OTHER}.md (line 3)"
        ],
        None,
    ),
    "twins include a snippet a different number of times": (
        {
            f"docs/p.{DEFAULT}.md": page("p/a.py", "p/a.py", lang=DEFAULT),
            f"docs/p.{OTHER}.md": page("p/a.py"),
            "snippets/p/a.py": "print(1)\n",
        },
        [
            f"'p/a.py' is included 2x in docs/p.{DEFAULT}.md (line 3, 7) but 1x in docs/p.{OTHER}.md "
            "(line 3)"
        ],
        None,
    ),
    "different anchors": (
        {
            f"docs/p.{DEFAULT}.md": "# 页面 { #page }\n\n## 一 { #one }\n",
            f"docs/p.{OTHER}.md": "# Page { #page }\n\n## One { #first }\n",
        },
        [
            f"docs/p.{DEFAULT}.md:3: heading anchor '#one' is not in docs/p.{OTHER}.md (its "
            "heading 2 at line 3 has '#first'); give both languages the same anchors",
            f"docs/p.{OTHER}.md:3: heading anchor '#first' is not in docs/p.{DEFAULT}.md (its "
            "heading 2 at line 3 has '#one'); give both languages the same anchors",
        ],
        [f"docs/p.{OTHER}.md:3: heading anchor '#first' is not in docs/p.{DEFAULT}.md"],
    ),
    "heading without anchor": (
        {
            f"docs/p.{DEFAULT}.md": "# 页面 { #page }\n\n## 一\n",
            f"docs/p.{OTHER}.md": "# Page { #page }\n\n## One\n",
        },
        [f"docs/p.{DEFAULT}.md:3: heading '一' needs an explicit {{ #anchor }}"],
        None,
    ),
    "orphan snippet": (
        {
            f"docs/p.{DEFAULT}.md": page(lang=DEFAULT),
            f"docs/p.{OTHER}.md": page(),
            "snippets/p/unused.py": "print(1)\n",
        },
        ["snippets/p/unused.py: orphan snippet, no page includes it"],
        None,
    ),
    "typed python": (
        {
            f"docs/p.{DEFAULT}.md": page(lang=DEFAULT) + "\n```python\nprint(1)\n```\n",
            f"docs/p.{OTHER}.md": page() + "\n```python\nprint(1)\n```\n",
        },
        [f"docs/p.{DEFAULT}.md:3: python block typed into the page"],
        [f"docs/p.{DEFAULT}.md:3: python block typed into the page"],
    ),
    "shell fence": (
        {
            f"docs/p.{DEFAULT}.md": page(lang=DEFAULT) + "\n```bash\nls\n```\n",
            f"docs/p.{OTHER}.md": page() + "\n```bash\nls\n```\n",
        },
        [f"docs/p.{DEFAULT}.md:3: 'bash' fence would be executed; use 'console'"],
        [f"docs/p.{DEFAULT}.md:3: 'bash' fence would be executed; use 'console'"],
    ),
    "page without language": (
        {"docs/p.md": "# P { #p }\n"},
        [f"docs/p.md: name a page x.<language>.md, one of: x.{DEFAULT}.md, x.{OTHER}.md"],
        None,
    ),
}


@pytest.mark.parametrize("case", RULES)
def test_broken_rule_fails_build(project: Project, case: str) -> None:
    files, build_msgs, test_msgs = RULES[case]
    for rel, text in files.items():
        project.write(rel, text)
    r = project.build()
    assert r.returncode == 1
    for msg in build_msgs:
        assert msg in r.stderr
    if test_msgs is not None:
        r = project.codeblocks()
        assert r.returncode == 1
        for msg in test_msgs:
            assert msg in r.stdout
