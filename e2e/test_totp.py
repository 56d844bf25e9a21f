"""The e2e code helper never hands out a spent time step, and waits at most one step (on a controlled clock)."""
import pytest

import totp


class Clock:
    def __init__(self, now):
        self.now = now
        self.slept = 0.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        assert 0 < seconds <= totp.STEP + 1, f"a bounded wait, not {seconds} s"
        self.slept += seconds
        self.now += seconds


def test_codes_move_to_the_next_step_then_wait_once():
    secret = "JBSWY3DPEHPK3PXP"
    clock = Clock(1_800_000_010.0)
    step = int(clock.now // 30)
    first = totp.code(secret, clock=clock, sleep=clock.sleep)
    second = totp.code(secret, clock=clock, sleep=clock.sleep)
    assert first == totp.code_at_step(secret, step)
    assert second == totp.code_at_step(secret, step + 1), "the next step's code, inside the server's drift window"
    assert clock.slept == 0
    third = totp.code(secret, clock=clock, sleep=clock.sleep)
    assert clock.slept > 0, "both steps spent: it waits for the clock"
    assert third == totp.code_at_step(secret, step + 2)


def test_rfc6238_vector():
    # RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (the last six digits).
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    assert totp.code(secret, at=59) == "287082"
