"""Chart images drawn side by side in worker processes.

vl-convert draws one chart at a time per process (~0.2 s each, a deck has ten), so a
deck's charts are drawn by a few worker processes, one per core (at most
``MAX_WORKERS``). Workers start with the first deck, are kept while decks are being
built and stop after ``IDLE_SECONDS`` without one, giving their memory back (~140 MB
each).

A worker is this module run as a program (``python -m dashboard.charts.png_workers``):
it imports vl-convert and Pillow and nothing of the panel, reads specs on stdin and
writes images on stdout, each as a length-prefixed frame. If a worker cannot start or dies,
the images are drawn in this process: slower, never lost.
"""

from __future__ import annotations

import io
import json
import logging
import os
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

MAX_WORKERS = 4
IDLE_SECONDS = 300.0
_FRAME_HEADER = struct.Struct(">BI")  # status (0 image, 1 error), length
_PROJECT_ROOT = Path(__file__).resolve().parents[2]

log = logging.getLogger(__name__)


class WorkerGone(Exception):
    """A worker process ended or stopped answering."""


SpecMaker = Callable[[], str]


def draw_pngs(specs: Sequence[SpecMaker], scale: float = 2.0) -> list[bytes]:
    """The PNG of each Vega-Lite spec (the JSON text each ``specs`` item returns), in
    order. A spec is made just before it is sent, so making the next one overlaps with
    the workers' drawing."""
    if len(specs) < 2 or worker_count() < 2:
        return [draw_png(spec(), scale) for spec in specs]
    try:
        return _POOL.draw(specs, scale)
    except (WorkerGone, OSError) as error:
        log.warning("chart workers unavailable (%s); drawing in this process", error)
        _POOL.close()
        return [draw_png(spec(), scale) for spec in specs]


def draw_png(spec: str, scale: float = 2.0) -> bytes:
    """One chart's PNG, drawn in this process (``compact``)."""
    import vl_convert

    return compact(vl_convert.vegalite_to_png(spec, scale=scale))


def compact(png: bytes) -> bytes:
    """The image with a palette of 256 colours on an opaque white background.

    A chart has a few colours and their anti-aliased edges, so it looks the same (no pixel
    of the deck's charts moves by more than 15 of 255 levels), while the file is a ninth
    of vl-convert's RGBA one
    and fpdf2 embeds it in a quarter of the time (it unpacks and recompresses every
    pixel). Done where the chart is drawn, in the workers, beside the other charts.
    """
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        paletted = image.convert("RGB").quantize(
            colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
    _keep_white_white(paletted)
    out = io.BytesIO()
    paletted.save(out, format="PNG")
    return out.getvalue()


def _keep_white_white(image) -> None:
    """Octree averaging turns the background a shade off white; the nearest entry is set
    back to pure white, so a slide shows no grey box around its chart."""
    palette = image.getpalette()
    entries = [palette[index : index + 3] for index in range(0, len(palette), 3)]
    whitest = max(range(len(entries)), key=lambda entry: sum(entries[entry]))
    palette[3 * whitest : 3 * whitest + 3] = [255, 255, 255]
    image.putpalette(palette)


def worker_count() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_WORKERS, cores or 1))


def running_workers() -> int:
    """How many worker processes are alive now (0 when they have stopped)."""
    return _POOL.alive()


def worker_pids() -> list[int]:
    """The worker processes' ids (the bench adds their CPU time to a deck's)."""
    return _POOL.pids()


def close() -> None:
    """Stop the workers now (the next deck starts them again)."""
    _POOL.close()


class _Worker:
    def __init__(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(_PROJECT_ROOT), env.get("PYTHONPATH")])
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", __name__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )

    def draw(self, spec: str, scale: float) -> bytes:
        request = json.dumps({"spec": spec, "scale": scale}).encode("utf-8")
        try:
            _write_frame(self.process.stdin, 0, request)
            frame = _read_frame(self.process.stdout)
        except (OSError, ValueError, struct.error) as error:
            raise WorkerGone(f"worker {self.process.pid}: {error}") from error
        if frame is None:
            raise WorkerGone(f"worker {self.process.pid} closed its output")
        status, payload = frame
        if status:
            raise ValueError(payload.decode("utf-8"))  # vl-convert's own message
        return payload

    def alive(self) -> bool:
        return self.process.poll() is None

    def end_input(self) -> None:
        """The worker's loop ends at the end of its input (after the image it draws)."""
        try:
            self.process.stdin.close()
        except OSError:
            pass

    def wait_ended(self) -> None:
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


class _Pool:
    """Idle workers wait in a queue; a drawing takes one, draws, and puts it back."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._timer: threading.Timer | None = None

    def draw(self, specs: Sequence[SpecMaker], scale: float) -> list[bytes]:
        # The queue of this start: if the workers are closed meanwhile (the idle timer
        # of another deck), drawing on them fails at once and the caller draws here.
        idle, count = self._start()
        try:
            with ThreadPoolExecutor(count) as threads:
                return list(threads.map(lambda spec: _draw_one(idle, spec, scale), specs))
        finally:
            self._close_when_idle()

    def _start(self) -> tuple[queue.SimpleQueue[_Worker], int]:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            while len(self._workers) < worker_count():
                worker = _Worker()
                self._workers.append(worker)
                self._idle.put(worker)
            return self._idle, len(self._workers)

    def _close_when_idle(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(IDLE_SECONDS, self.close)
            self._timer.daemon = True
            self._timer.start()

    def alive(self) -> int:
        with self._lock:
            return sum(worker.alive() for worker in self._workers)

    def pids(self) -> list[int]:
        with self._lock:
            return [worker.process.pid for worker in self._workers]

    def close(self) -> None:
        with self._lock:
            workers, self._workers = self._workers, []
            self._idle = queue.SimpleQueue()
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        for worker in workers:
            worker.end_input()
        for worker in workers:
            worker.wait_ended()


_POOL = _Pool()


def _draw_one(idle: queue.SimpleQueue[_Worker], spec: SpecMaker, scale: float) -> bytes:
    text = spec()
    try:
        worker = idle.get(timeout=60)
    except queue.Empty as error:
        raise WorkerGone("no worker free for 60 s") from error
    try:
        return worker.draw(text, scale)
    finally:
        idle.put(worker)  # a dead one fails the next drawing at once, not in 60 s


def _write_frame(stream: BinaryIO, status: int, payload: bytes) -> None:
    stream.write(_FRAME_HEADER.pack(status, len(payload)) + payload)
    stream.flush()


def _read_frame(stream: BinaryIO) -> tuple[int, bytes] | None:
    """(status, payload), or ``None`` at the end of the stream."""
    header = stream.read(_FRAME_HEADER.size)
    if not header:
        return None
    if len(header) < _FRAME_HEADER.size:
        raise ValueError("a frame's header was cut short")
    status, length = _FRAME_HEADER.unpack(header)
    payload = stream.read(length)
    if len(payload) < length:
        raise ValueError("a frame was cut short")
    return status, payload


def _serve(requests: BinaryIO, replies: BinaryIO) -> None:
    """The worker's loop: a spec in, its image (or vl-convert's error) out, until the
    panel closes the input."""
    while (frame := _read_frame(requests)) is not None:
        request = json.loads(frame[1])
        try:
            _write_frame(replies, 0, draw_png(request["spec"], request["scale"]))
        except ValueError as error:
            _write_frame(replies, 1, str(error).encode("utf-8"))


def _worker_main() -> None:
    # Images go out on a copy of stdout; anything printed (a library's warning) goes to
    # stderr instead of into the frames.
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    _serve(sys.stdin.buffer, replies)


if __name__ == "__main__":
    _worker_main()
