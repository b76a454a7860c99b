"""app.backend._validate: one set of checks, and every error code has en/zh text on the pages."""

from __future__ import annotations

import numpy as np
import pytest

from app.backend import _validate as v
from app.backend.cnn import pool
from app.backend.signals import parse_values
from app.ui.errors import backend_message
from app.ui.strings import TABLE

BAD = [  # (a call that must fail, the message it must give)
    (lambda: v.choice("mirror", ("reflect", "wrap"), "boundary"),
     r"unknown boundary 'mirror'; choose one of reflect, wrap"),
    (lambda: v.finite_number("x", "sigma"), r"sigma must be a number; got 'x'"),
    (lambda: v.finite_number(np.inf, "sigma"), r"sigma must be finite; got inf"),
    (lambda: v.finite_number(5, "sigma", lo=0, hi=1), r"sigma must be between 0 and 1; got 5\.0"),
    (lambda: v.finite_number(-1, "sigma", lo=0), r"sigma must be a finite number >= 0; got -1\.0"),
    (lambda: v.finite_number(2, "sigma", hi=1), r"sigma must be a finite number <= 1; got 2\.0"),
    (lambda: v.positive_number(0, "limit"), r"limit must be a positive number; got 0"),
    (lambda: v.whole_number(2.5, "size"), r"size must be a whole number; got 2\.5"),
    (lambda: v.whole_number(True, "size", lo=1, hi=3), r"size must be a whole number from 1 to 3; got True"),
    (lambda: v.whole_number(0, "size", lo=1), r"size must be a whole number of at least 1; got 0"),
    (lambda: v.odd_number(4, "size"), r"size must be odd; got 4"),
    (lambda: v.real_array(np.array(["a"]), "image"), r"image must be real numbers; got dtype <U1"),
    (lambda: v.real_array(np.zeros(3), "image"), r"image must be a non-empty 2-D or 3-D array; got shape \(3,\)"),
    (lambda: v.real_array([[np.nan]], "image"), r"image contains NaN or infinite values"),
    (lambda: v.shape2("ab"), r"shape must be two positive integers \(H, W\); got 'ab'"),
    (lambda: parse_values("1, two"), r"'two' is not a number"),
    (lambda: parse_values(""), r"Type at least one number"),
    (lambda: parse_values("1e9"), r"'1e9' is not a usable number"),
    (lambda: parse_values(", ".join(["1"] * 65)), r"Too many values \(65\); type at most 64\."),
    (lambda: pool(np.zeros((1, 2, 2)), "max", 3), r"the 2×2 maps are smaller than the 3×3 pooling window"),
]


@pytest.mark.parametrize(("call", "message"), BAD)
def test_every_code_is_a_value_error_with_text_in_both_languages(call, message):
    with pytest.raises(v.BackendError, match=message) as info:
        call()
    exc = info.value
    assert isinstance(exc, ValueError) and f"err.{exc.code}" in TABLE, exc.code
    en, zh = backend_message(exc, "en"), backend_message(exc, "zh")
    assert en and zh and en != zh


def test_an_error_without_a_code_keeps_its_message():
    assert backend_message(ValueError("plain"), "zh") == "plain"
    assert backend_message(v.BackendError("plain"), "zh") == "plain"  # code "invalid": no text of its own
