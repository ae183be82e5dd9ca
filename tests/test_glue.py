"""Numbers the text takes from a run's output (``tools.glue``): the references themselves,
and a throwaway site whose page quotes its snippet's output through one."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.project import DEFAULT, OTHER, Project
from tests.test_built_site import built
from tools import glue

OUTPUT = """\
Epoch 1
 Accuracy: 78.6%, Avg loss: 0.547699
Epoch 2
 Accuracy: 84.7%, Avg loss: 0.424307
logits:   -1.85  -3.15   7.84
lowest test loss 0.1405 at epoch 15
"""


@pytest.mark.parametrize(
    "pattern, nth, number",
    [
        ("Accuracy: {}%", 1, "78.6"),
        ("Accuracy: {}%", -1, "84.7"),
        ("Accuracy: {}%", 2, "84.7"),
        ("Avg loss: {}", 1, "0.547699"),
        ("logits: {_} {}", None, "-3.15"),  # a run of spaces matches any run
        ("logits: {_} {_} {}", None, "7.84"),
        ("lowest test loss {_} at epoch {}", None, "15"),
        ("lowest test loss {}", None, "0.1405"),
    ],
)
def test_a_reference_picks_the_number_as_printed(
    pattern: str, nth: int | None, number: str
) -> None:
    assert glue.pick(OUTPUT, pattern, nth) == number


@pytest.mark.parametrize(
    "pattern, nth, error",
    [
        ("Accuracy: {}%", None, "matches 2 times in its output: say which (1 to 2, or -1"),
        ("Accuracy: {}%", 3, "matches 2 times in its output: there is no match 3"),
        ("Accuracy: {}%", 0, "matches 2 times in its output: there is no match 0"),
        ("Accuracy: {}%", -3, "there is no match -3"),
        ("Precision: {}%", None, "matches nothing in its output"),
        ("Accuracy: 84.7%", None, "needs exactly one {}"),
        ("Accuracy: {}%, Avg loss: {}", 1, "needs exactly one {}"),
        ("ccuracy: 4.{}%", None, "matches nothing"),  # never part of a longer number
    ],
)
def test_a_reference_that_finds_no_single_number_says_why(
    pattern: str, nth: int | None, error: str
) -> None:
    with pytest.raises(ValueError) as info:
        glue.pick(OUTPUT, pattern, nth)
    assert error in str(info.value)


def test_fill_replaces_references_outside_code_only() -> None:
    text = (
        'Reaches {{ output("a.py", "Accuracy: {}%", -1) }}% (loss {{output("a.py","Avg loss: {}",2)}}).\n'
        "\n"
        "```python\n"
        'print("{{ output(\\"a.py\\", \\"x {}\\") }}")  # code: as it is\n'
        '{{ output("a.py", "Accuracy: {}%", -1) }}\n'
        "```\n"
    )
    asked: list[str] = []

    def stdout(snippet: str) -> str:
        asked.append(snippet)
        return OUTPUT

    filled = glue.fill(text, stdout)
    assert filled.splitlines()[0] == "Reaches 84.7% (loss 0.424307)."
    assert filled.splitlines()[4] == '{{ output("a.py", "Accuracy: {}%", -1) }}'
    assert asked == ["a.py", "a.py"]
    assert glue.snippets(text) == ["a.py", "a.py"]


def test_fill_marks_a_run_still_going_and_names_the_line_of_a_bad_reference() -> None:
    assert glue.fill('x {{ output("a.py", "Accuracy: {}%", 1) }}', lambda s: None) == "x …"
    text = 'one\n\ntwo {{ output("a.py", "Accuracy: {}%") }} three\n'
    with pytest.raises(glue.GlueError) as info:
        glue.fill(text, lambda s: OUTPUT)
    assert info.value.line == 3
    assert str(info.value).startswith('{{ output("a.py", "Accuracy: {}%") }}: "Accuracy: {}%"')


def test_code_spans_are_left_and_a_malformed_reference_is_an_error() -> None:
    text = 'In code: `{{ output("a.py", "Accuracy: {}%", 1) }}`, in text: {{ output("a.py", "Avg loss: {}", 1) }}'
    assert glue.fill(text, lambda s: OUTPUT) == (
        'In code: `{{ output("a.py", "Accuracy: {}%", 1) }}`, in text: 0.547699'
    )
    for bad in (
        "{{ output('a.py', 'Accuracy: {}%', 1) }}",  # other quotes
        '{{ output("a.py", "Accuracy: {}%", 1) }',  # a brace short
        '{{output("a.py")}}',  # no pattern
    ):
        with pytest.raises(glue.GlueError) as info:
            glue.fill(f"one\ntwo {bad} three\n", lambda s: OUTPUT)
        assert info.value.line == 2
        assert str(info.value).startswith(f"not a reference to a run's output: {bad}")
        assert glue.FORM in str(info.value)
        assert glue.snippets(f"x {bad}") == []


def test_a_page_quotes_its_run_and_a_broken_reference_fails_the_build(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.write("snippets/p/acc.py", 'print("Accuracy: 84.7%, Avg loss: 0.424307")\n')
    quote = '{{ output("p/acc.py", "Avg loss: {}") }}'
    for lang, words in ((DEFAULT, "损失"), (OTHER, "loss")):
        project.write(
            f"docs/p.{lang}.md",
            f'# P {{ #page }}\n\n```python\n--8<-- "p/acc.py"\n```\n\n{words} {quote}.\n',
        )
    r = project.build()
    assert r.returncode == 0, r.stderr
    html = project.html("p").read_text(encoding="utf-8")
    assert "<p>loss 0.424307.</p>" in html and "{{" not in html

    page = '# P { #page }\n\n```python\n--8<-- "p/acc.py"\n```\n\nloss '
    project.write(f"docs/p.{OTHER}.md", page + '{{ output("p/acc.py", "Avg loss: {}", 2) }}.\n')
    r = project.build()
    assert r.returncode != 0
    message = (
        f'docs/p.{OTHER}.md:7: {{{{ output("p/acc.py", "Avg loss: {{}}", 2) }}}}: '
        '"Avg loss: {}" matches once in its output: there is no match 2'
    )
    assert message in r.stderr
    check = project.run(sys.executable, "-m", "tools.check", "p")  # the author's check too
    assert check.returncode == 1 and f"QUOTE {message}" in check.stdout, check.stdout

    project.write(f"docs/p.{OTHER}.md", page + '{{ output("p/gone.py", "x {}") }}.\n')
    r = project.build()
    assert r.returncode != 0 and "snippets/p/gone.py does not exist" in r.stderr


def test_every_quoted_number_is_filled_in(site: Path) -> None:
    """tools/glue.py: no reference to a run's output reaches a page or the search index as
    text (outside code, where a page may show one); the pages that quote long runs
    show their numbers."""
    left = []
    for path in [*site.rglob("*.html"), *site.glob("search/*.json")]:
        text = re.sub(r"<code>.*?</code>", "", path.read_text("utf-8"), flags=re.S)
        if re.search(r"\{\{\s*output\b", text):
            left.append(str(path.relative_to(site)))
    assert not left, f"references left as text: {left}"
    lenet = built(site, "examples/lenet", OTHER)
    assert re.search(r"after the second\s*\(\d\.\d{6}\)", lenet), "LeNet's quoted loss is gone"
