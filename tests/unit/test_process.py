import gc

from ui import process


def test_settle_memory_freezes_once_per_process(monkeypatch):
    monkeypatch.setattr(process, "_settled", False)
    try:
        assert process.settle_memory() is True
        assert gc.get_freeze_count() > 0  # what was alive is out of the collector's sight
        assert process.settle_memory() is False  # later runs leave it be
    finally:
        gc.unfreeze()  # give this test process its collector back
