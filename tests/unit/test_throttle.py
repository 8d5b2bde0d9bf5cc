"""The burst throttle of the public form."""

from datetime import datetime, timedelta

from dashboard.core.throttle import BURST_LIMIT, BURST_WINDOW, remember, wait_seconds

START = datetime(2026, 12, 3, 8, 0, 0)


def test_a_burst_waits_until_the_oldest_submission_leaves_the_window():
    sent: list[datetime] = []
    for second in range(BURST_LIMIT):
        assert wait_seconds(sent, START + timedelta(seconds=second)) == 0
        sent = remember(sent, START + timedelta(seconds=second))
    assert wait_seconds(sent, START + timedelta(seconds=10)) == 50
    assert wait_seconds(sent, START + BURST_WINDOW) == 0


def test_old_submissions_are_forgotten():
    sent = [START - timedelta(hours=1)] * 10
    assert wait_seconds(sent, START) == 0
    assert remember(sent, START) == [START]
