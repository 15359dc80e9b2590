"""Extraction runner: results arrive off the GUI thread; cancel and stale runs are dropped."""
import threading

from dateline._qt.worker import ExtractionRunner
from dateline.model.synthetic import synthetic_store


def test_result_arrives_with_progress(qtbot):
    runner = ExtractionRunner()
    progress = []
    runner.progress.connect(lambda d, t, m: progress.append((d, t)))

    def work(report, cancelled):
        for i in range(3):
            report(i + 1, 3, "step")
        return synthetic_store(20), ["a.txt: unreadable"]

    with qtbot.waitSignal(runner.finished, timeout=10000) as blocker:
        runner.start(work)
    store, problems = blocker.args
    assert len(store.events) == 20 and problems == ["a.txt: unreadable"]
    assert progress[-1] == (3, 3)
    assert not runner.busy


def test_stale_result_is_dropped(qtbot):
    runner = ExtractionRunner()
    release = threading.Event()
    results = []
    runner.finished.connect(lambda store, _: results.append(len(store.events)))

    def slow(report, cancelled):
        release.wait(10)
        return synthetic_store(11), []

    runner.start(slow)
    with qtbot.waitSignal(runner.finished, timeout=10000):
        runner.start(lambda r, c: (synthetic_store(22), []))
    release.set()
    runner.wait()
    qtbot.wait(50)
    assert results == [22]


def test_cancel_stops_and_drops(qtbot):
    runner = ExtractionRunner()
    seen_cancel = threading.Event()
    results = []
    runner.finished.connect(lambda *a: results.append(a))

    def work(report, cancelled):
        while not cancelled():
            threading.Event().wait(0.01)
        seen_cancel.set()
        return synthetic_store(5), []

    runner.start(work)
    with qtbot.waitSignal(runner.cancelled):
        runner.cancel()
    assert seen_cancel.wait(5)
    runner.wait()
    qtbot.wait(50)
    assert results == [] and not runner.busy


def test_failure_is_one_line(qtbot):
    runner = ExtractionRunner()

    def boom(report, cancelled):
        raise ValueError("data/x.txt: not UTF-8")

    with qtbot.waitSignal(runner.failed, timeout=10000) as blocker:
        runner.start(boom)
    assert blocker.args == ["data/x.txt: not UTF-8"]


def test_unexpected_error_is_named_in_one_line(qtbot):
    runner = ExtractionRunner()

    def bug(report, cancelled):
        raise KeyError("x\ny")

    with qtbot.waitSignal(runner.failed, timeout=10000) as blocker:
        runner.start(bug)
    assert blocker.args[0].startswith("KeyError:") and "\n" not in blocker.args[0]


def test_nothing_readable_names_the_first_problems_on_one_line():
    from dateline._qt.worker import nothing_readable_message
    problems = [f"/news/f{i}.txt: empty file" for i in range(5)]
    message = nothing_readable_message(["/news"], problems)
    assert message.startswith("no readable articles found in /news")
    assert "f0.txt: empty file" in message and "f2.txt" in message and "f3.txt" not in message
    assert "2 more" in message and "\n" not in message
    assert nothing_readable_message(["/news"], []) == "no readable articles found in /news"


def test_broken_parquet_cache_fails_with_one_message_naming_the_folder(qtbot, tmp_path):
    from dateline.model.cache_parquet import save_store_parquet
    folder = tmp_path / "cache"
    save_store_parquet(synthetic_store(20), folder)
    (folder / "events.parquet").write_bytes(b"PAR1 not really")
    runner = ExtractionRunner()
    with qtbot.waitSignal(runner.failed, timeout=10000) as blocker:
        runner.start_cache(folder)
    (message,) = blocker.args
    assert str(folder) in message and "\n" not in message
    assert not runner.busy
