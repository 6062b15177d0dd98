"""One fixture per data file, named after it (``facts``, ``prices``, ``gpus``, ...), loaded once."""

import pytest

from core import datasets


def _fixture(name: str):
    @pytest.fixture(scope="session", name=name)
    def load():
        return datasets.load(name)

    return load


for _name in datasets.SCHEMAS:
    globals()[f"fixture_{_name}"] = _fixture(_name)
