"""RFC 6238 codes, as a phone's authenticator app computes them.

The server accepts each code once (RFC 6238 §5.2), so `code` never hands out a time step twice for the same
secret: after the current step's code it gives the next step's (the server allows one step of drift), and only
when both are spent does it wait for the clock, for at most one step, failing plainly if the wait goes wrong."""
import base64
import hashlib
import hmac
import struct
import time

STEP = 30
_last_step = {}


def code_at_step(secret_base32, step):
    padded = secret_base32 + "=" * (-len(secret_base32) % 8)
    key = base64.b32decode(padded)
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def code(secret_base32, at=None, clock=time.time, sleep=time.sleep):
    """A code the server has not seen yet for this secret (or the code at the moment `at`, when given)."""
    if at is not None:
        return code_at_step(secret_base32, int(at // STEP))
    now = int(clock() // STEP)
    step = max(now, _last_step.get(secret_base32, now - 1) + 1)
    if step > now + 1:
        # Both the current and the next step's codes are spent: wait for the next step to begin, once.
        sleep((now + 1) * STEP - clock() + 0.05)
        now = int(clock() // STEP)
        if step > now + 1:
            raise AssertionError(f"no unused two-step code: step {step} is still beyond the drift window at step {now}")
    _last_step[secret_base32] = step
    return code_at_step(secret_base32, step)
