"""A real SMTP server on this machine (aiosmtpd) that Django mails to over
TCP, and that tests read the messages back from as a mail program would."""

from __future__ import annotations

import email
import email.policy
import socket
from dataclasses import dataclass, field
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from tests.workflow.conftest import build_people

SITE_URL = "http://testserver"


@dataclass
class Mailbox:
    """What the server received: one parsed message per recipient address."""

    messages: list[tuple[str, EmailMessage]] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        for rcpt in envelope.rcpt_tos:
            self.messages.append((rcpt, parsed))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for rcpt, m in self.messages if rcpt == address]

    def take(self) -> list[tuple[str, EmailMessage]]:
        out, self.messages = self.messages, []
        return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def smtp_server():
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture
def mailbox(smtp_server, settings) -> Mailbox:
    """An empty mailbox; Django's mail goes to the server by SMTP."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = smtp_server.hostname
    settings.EMAIL_PORT = smtp_server.port
    settings.SITE_URL = SITE_URL
    smtp_server.handler.messages.clear()
    return smtp_server.handler


def subject_of(message: EmailMessage) -> str:
    """The subject as a mail program shows it. Django folds a long encoded
    subject onto the next line ("Subject:" CRLF SP "=?utf-8?b?…"), which
    Python's parser keeps as a leading space and mail programs trim."""
    return str(message["Subject"]).strip()


def body_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def links_in(text: str) -> list[str]:
    return [
        word
        for line in text.splitlines()
        for word in line.split()
        if word.startswith(SITE_URL)
    ]


@pytest.fixture
def people(seed_plan):
    return build_people(seed_plan)
