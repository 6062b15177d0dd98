"""Where the project's files live (resolved from this file, not the working directory)."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
CONTENT_DIR = ROOT / "content"
PAGES_DIR = ROOT / "app_pages"


def data_dir() -> Path:
    """The data folder in use: ``SVE_DATA_DIR`` if set (tests point it at broken copies), else ``data/``."""
    return Path(os.environ.get("SVE_DATA_DIR") or DATA_DIR)
