"""Page runs take turns: one at a time, in order of arrival, never stuck behind a long run."""

import threading
import time

import pytest

from dashboard.web.turns import Turns

WAIT_S = 10  # a bound for the threads below, never reached when the turns work


def queued(turns: Turns, count: int) -> None:
    """Wait until ``count`` callers stand in line."""
    deadline = time.monotonic() + WAIT_S
    while len(turns._waiting) < count:
        assert time.monotonic() < deadline, "the callers never queued"
        time.sleep(0.001)


def run_in_thread(turns: Turns, body) -> threading.Thread:
    def target():
        with turns.turn():
            body()

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread


def test_one_run_at_a_time_in_order_of_arrival():
    turns = Turns(at_once=1, long_run_s=WAIT_S)
    release_first = threading.Event()
    log: list[tuple[str, int]] = []
    lock = threading.Lock()

    def body(number: int):
        def run():
            with lock:
                log.append(("start", number))
            if number == 0:
                release_first.wait(WAIT_S)
            time.sleep(0.005)
            with lock:
                log.append(("end", number))

        return run

    threads = [run_in_thread(turns, body(0))]
    deadline = time.monotonic() + WAIT_S
    while not log:
        assert time.monotonic() < deadline
        time.sleep(0.001)
    for number in range(1, 6):
        threads.append(run_in_thread(turns, body(number)))
        queued(turns, number)
    release_first.set()
    for thread in threads:
        thread.join(WAIT_S)

    assert log == [(event, n) for n in range(6) for event in ("start", "end")]


def test_two_at_once_when_allowed():
    turns = Turns(at_once=2, long_run_s=WAIT_S)
    both_in = threading.Barrier(2, timeout=WAIT_S)
    threads = [run_in_thread(turns, both_in.wait) for _ in range(2)]
    for thread in threads:
        thread.join(WAIT_S)
    assert not both_in.broken


def test_a_long_run_stops_counting():
    turns = Turns(at_once=1, long_run_s=0.2)
    long_job_may_end = threading.Event()
    quick_done = threading.Event()
    long_job = run_in_thread(turns, lambda: long_job_may_end.wait(WAIT_S))
    while not turns._started:
        time.sleep(0.001)

    started = time.monotonic()
    quick = run_in_thread(turns, quick_done.set)
    assert quick_done.wait(WAIT_S), "a quick run waited for the long one to end"
    waited = time.monotonic() - started
    assert 0.15 <= waited < WAIT_S / 2  # waited for the long run to count as long, no more
    long_job_may_end.set()
    for thread in (long_job, quick):
        thread.join(WAIT_S)


def test_a_failed_run_gives_its_turn_back():
    turns = Turns(at_once=1, long_run_s=WAIT_S)
    with pytest.raises(RuntimeError):
        with turns.turn():
            raise RuntimeError("the page failed")
    done = threading.Event()
    thread = run_in_thread(turns, done.set)
    assert done.wait(WAIT_S)
    thread.join(WAIT_S)
    assert not turns._started and not turns._waiting
