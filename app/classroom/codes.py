"""Join codes: 40 random bits a teacher can read aloud, and their tolerant reading back.

Crockford's base-32 alphabet leaves out I, L, O and U (no 1/I/L or 0/O confusion, no accidental
words); a code is 8 symbols in two groups of four (``K7QM-3XPA``). Reading accepts lower case,
spaces, missing dashes and the look-alikes Crockford maps (O→0, I/L→1).
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8  # 8 × 5 = 40 random bits
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    """A fresh join code from :mod:`secrets` (40 bits), grouped for reading aloud.

    Examples
    --------
    >>> code = new_code()
    >>> len(code), code[4], parse_code(code) == code
    (9, '-', True)
    """
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def parse_code(text: str) -> str:
    """The canonical form of a typed or linked code; ``ValueError`` if it cannot be one.

    Examples
    --------
    >>> parse_code(" k7qm 3xpa ")
    'K7QM-3XPA'
    >>> parse_code("OIL0-ABCD")
    '0110-ABCD'
    >>> parse_code("K7QM-3XP")
    Traceback (most recent call last):
    ...
    ValueError: a join code has 8 letters or digits (like K7QM-3XPA)
    """
    raw = "".join(ch for ch in str(text)[:40].upper() if ch not in " -").translate(_LOOKALIKES)
    if len(raw) != LENGTH or any(ch not in ALPHABET for ch in raw):
        raise ValueError("a join code has 8 letters or digits (like K7QM-3XPA)")
    return f"{raw[:4]}-{raw[4:]}"
