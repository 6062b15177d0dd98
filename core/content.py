"""Prose and UI strings, one folder a language: ``content/<lang>/*.toml`` and ``*.md``.

Strings: each TOML file is a namespace named after the file (``home.toml`` -> ``home.title``);
tables nest with dots. Prose: a Markdown file is split into named sections by lines of the form
``<!-- section: name -->``; text before the first marker is the section ``body``.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from core.paths import CONTENT_DIR

SECTION = re.compile(r"^<!--\s*section:\s*([\w-]+)\s*-->\s*$", re.MULTILINE)


def _flatten(prefix: str, table: dict, out: dict[str, str]) -> None:
    for key, value in table.items():
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            _flatten(name, value, out)
        else:
            out[name] = str(value)


def load_strings(lang: str, content_dir: Path = CONTENT_DIR) -> dict[str, str]:
    """Every UI string of one language, keyed ``<file>.<key>``."""
    out: dict[str, str] = {}
    for path in sorted((Path(content_dir) / lang).glob("*.toml")):
        with path.open("rb") as fh:
            _flatten(path.stem, tomllib.load(fh), out)
    return out


def split_sections(text: str) -> dict[str, str]:
    parts = SECTION.split(text)
    sections = {"body": parts[0].strip()} if parts[0].strip() else {}
    for name, body in zip(parts[1::2], parts[2::2]):
        sections[name] = body.strip()
    return sections


def load_prose(lang: str, content_dir: Path = CONTENT_DIR) -> dict[str, dict[str, str]]:
    """Every prose file of one language: {file stem: {section: markdown}}."""
    return {
        path.stem: split_sections(path.read_text(encoding="utf-8"))
        for path in sorted((Path(content_dir) / lang).glob("*.md"))
    }


def load_source_texts(lang: str, content_dir: Path = CONTENT_DIR) -> dict[str, dict[str, str]]:
    """Our own words about each source in one language, by source id, from
    ``content/sources_<lang>.toml`` (title, publisher, note); {} where there is no such file."""
    path = Path(content_dir) / f"sources_{lang}.toml"
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


def languages(content_dir: Path = CONTENT_DIR) -> list[str]:
    return sorted(p.name for p in Path(content_dir).iterdir() if p.is_dir())
