"""Chinese text converted with OpenCC and a phrase table (the generated locales' words).

A phrase table (``locales/<code>.yml``, ``phrases:``) maps terms OpenCC gets wrong to the
form wanted: each phrase is set aside before OpenCC and put back as the table writes it.
Needs nothing else of ``tools/``: ``tools.site`` converts its labels with it, and
``tools.generate`` its pages.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

HAN = re.compile("[\u3400-\u9fff]")  # CJK ideographs: text OpenCC may change
_PUA = 0xE000  # Unicode private use area: OpenCC leaves these alone


@functools.cache
def converter(opencc_config: str, table: tuple[tuple[str, str], ...]) -> Callable[[str], str]:
    """OpenCC with ``opencc_config``, the ``table``'s phrases set aside and put back."""
    import opencc

    cc = opencc.OpenCC(opencc_config)
    ordered = sorted(table, key=lambda kv: -len(kv[0]))  # longest phrase first
    if not ordered:
        return cc.convert
    pattern = re.compile("|".join(re.escape(s) for s, _ in ordered))
    index = {s: i for i, (s, _) in enumerate(ordered)}

    def convert(text: str) -> str:
        if not HAN.search(text):
            return text  # no Han characters: nothing to convert
        hidden = pattern.sub(lambda m: chr(_PUA + index[m.group(0)]), text)
        out = cc.convert(hidden)
        return re.sub(
            f"[{chr(_PUA)}-{chr(_PUA + len(ordered) - 1)}]",
            lambda m: ordered[ord(m.group(0)) - _PUA][1],
            out,
        )

    return convert


@functools.lru_cache(maxsize=16)  # OpenCC's installed files: the same for the process
def config_problem(name: str) -> str | None:
    """None if OpenCC has the configuration ``name`` (``s2twp``); else why not, in one
    line, with the names it has."""
    import opencc

    try:
        opencc.OpenCC(name)
    except Exception:  # opencc 1.x raises RuntimeError("x not found or not accessible.")
        share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
        have = ", ".join(sorted(p.stem for p in share.glob("*.json")))
        return f"OpenCC has no configuration '{name}'" + (f" (it has: {have})" if have else "")
    return None


def data(convert: Callable[[str], str], value: Any) -> Any:
    """Every string in ``value`` (dicts, lists) converted."""
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, dict):
        return {k: data(convert, v) for k, v in value.items()}
    if isinstance(value, list):
        return [data(convert, v) for v in value]
    return value
