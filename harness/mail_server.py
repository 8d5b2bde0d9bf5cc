"""A real SMTP server on localhost (aiosmtpd) that keeps what it receives."""

from __future__ import annotations

import asyncio
import email
import email.policy
import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope

from harness.server import free_port


@dataclass
class Inbox:
    """Messages the server accepted, parsed; ``delay`` slows each recipient command down
    and ``hold`` stalls the first one for an address, so a test can stop a sender while
    it is talking to the server."""

    messages: list[EmailMessage] = field(default_factory=list)
    recipients_seen: int = 0  # RCPT commands received, accepted or not
    delay: float = 0.0
    hold: set[str] = field(default_factory=set)  # each held once: no reply for a minute
    refuse: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope: Envelope, address: str, options):
        with self.lock:
            self.recipients_seen += 1
            held = address in self.hold
            self.hold.discard(address)
        if held:
            await asyncio.sleep(60)
        if self.delay:
            await asyncio.sleep(self.delay)
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope: Envelope) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(parsed)
        return "250 Message accepted for delivery"

    def wait_for_recipients(self, count: int, timeout: float = 15) -> None:
        """Until ``count`` RCPT commands arrived: the sender is then inside message ``count``,
        so it has finished (and marked) every message before it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if self.recipients_seen >= count:
                    return
            time.sleep(0.02)
        raise AssertionError(f"expected {count} recipients, got {self.recipients_seen}")

    def to(self, address: str) -> list[EmailMessage]:
        with self.lock:
            return [message for message in self.messages if message["To"] == address]

    def wait_for(self, count: int, timeout: float = 15) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        raise AssertionError(f"expected {count} messages, got {len(self.messages)}")


class SmtpServer:
    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.inbox = Inbox()
        self.controller: Controller | None = None

    def start(self) -> SmtpServer:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def env(self) -> dict[str, str]:
        return {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(self.port)}


@pytest.fixture
def smtp_server():
    server = SmtpServer().start()
    yield server
    server.stop()
