"""Running a part where no event loop runs."""

from concurrent.futures import ThreadPoolExecutor


def in_own_thread(part, *args, **options):
    """The e2e tests' session-wide Playwright keeps an event loop in the main thread;
    a second sync Playwright or ``asyncio.run`` refuses to start beside it."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(part, *args, **options).result()
