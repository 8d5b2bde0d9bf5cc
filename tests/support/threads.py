"""Running a part where no event loop runs."""

from concurrent.futures import ThreadPoolExecutor


def in_own_thread(part, *args, **options):
    """``part(*args, **options)`` in a thread of its own: Playwright's sync API (the e2e
    tests' session-wide browser) may hold this thread's event loop, and a second sync
    Playwright or ``asyncio.run`` refuses to start beside it."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(part, *args, **options).result()
