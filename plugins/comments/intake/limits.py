"""The per-address rate limit, in memory only.

An address is known by a keyed hash (BLAKE2b with a random key made when
the server starts and never written down), so not even the server's memory
holds the address itself; each entry is forgotten once its period is over,
and all of them when the server stops.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import deque


class RateLimit:
    def __init__(self, posts: int, seconds: int, clock=time.monotonic):
        self.posts, self.seconds, self.clock = posts, seconds, clock
        self._salt = secrets.token_bytes(32)
        self._times: dict[bytes, deque] = {}
        self._lock = threading.Lock()

    def _name(self, address: str) -> bytes:
        return hashlib.blake2b(address.encode("utf-8"), key=self._salt, digest_size=16).digest()

    def wait(self, address: str) -> int:
        """Count one post from ``address``; return 0 if it may go on, else
        how many seconds until it may post again."""
        now = self.clock()
        with self._lock:
            self._forget_before(now - self.seconds)
            times = self._times.setdefault(self._name(address), deque())
            if len(times) >= self.posts:
                return max(1, int(times[0] + self.seconds - now + 0.999))
            times.append(now)
            return 0

    def _forget_before(self, moment: float) -> None:
        for name in list(self._times):
            times = self._times[name]
            while times and times[0] <= moment:
                times.popleft()
            if not times:
                del self._times[name]

    def __len__(self) -> int:
        """How many addresses are remembered now."""
        with self._lock:
            self._forget_before(self.clock() - self.seconds)
            return len(self._times)
