"""The token in each article's form: proof that a post came from a page
this site built, for that article and language.

token = HMAC-SHA256(secret, "<key>\\n<lang>\\n<period>"), where the period
is the number of whole COMMENTS_TOKEN_DAYS since 1970-01-01 (UTC) when the
page was built; the form carries the period beside the token. The intake
accepts the current period and the one before, so a page keeps working for
one to two periods after its build; an older form is refused as expired,
with the reader's text kept in a fresh form. Rotating is rebuilding: every
build writes the current period into every form (the period is one of the
page's inputs, so the build renders the page again when it changes).

The secret is the COMMENTS_SECRET environment variable, else the file
COMMENTS_SECRET_FILE (never in git), made with 32 random bytes the first
time the build or the intake needs it. Changing it makes every form
invalid until the site is rebuilt.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

SECONDS_PER_DAY = 86400


def read_secret(secret_file: Path) -> bytes:
    from_environment = os.environ.get("COMMENTS_SECRET")
    if from_environment:
        return from_environment.encode("utf-8")
    try:
        return secret_file.read_bytes()
    except FileNotFoundError:
        pass
    secret_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: the build and the intake starting together make one secret.
        handle = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return secret_file.read_bytes()
    with os.fdopen(handle, "w") as stream:
        stream.write(secrets.token_hex(32))
    return secret_file.read_bytes()


@dataclass(frozen=True)
class Tokens:
    secret: bytes
    days: int  # the length of a period

    def current_period(self, now: float | None = None) -> int:
        return int((time.time() if now is None else now) // (self.days * SECONDS_PER_DAY))

    def token(self, key: str, lang: str, period: int) -> str:
        message = f"{key}\n{lang}\n{period}".encode("utf-8")
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()

    def check(self, key: str, lang: str, period: str, token: str, now: float | None = None) -> str:
        """"valid", "expired" (made by this site, too long ago) or "invalid"."""
        if not re.fullmatch(r"[0-9]{1,12}", period) or not hmac.compare_digest(
            self.token(key, lang, int(period)).encode("ascii"), token.encode("utf-8")
        ):
            return "invalid"
        return "valid" if self.current_period(now) - int(period) in (0, 1) else "expired"
