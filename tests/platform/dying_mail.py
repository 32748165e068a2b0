"""An e-mail backend for the digest fault test: Django's file backend (one file per message in
``EMAIL_FILE_PATH``) whose process kills itself (SIGKILL, no clean-up) when it is about to send
its ``ENLACE_TEST_DIE_AT``-th message: a digest run killed in the middle, before that digest left."""

from __future__ import annotations

import os
import signal

from django.core.mail.backends.filebased import EmailBackend as FileBackend

_sent = 0


class EmailBackend(FileBackend):
    def send_messages(self, email_messages):
        global _sent
        die_at = int(os.environ.get("ENLACE_TEST_DIE_AT", "0"))
        for message in email_messages:
            _sent += 1
            if die_at and _sent == die_at:
                os.kill(os.getpid(), signal.SIGKILL)
            super().send_messages([message])
        return len(email_messages)
