"""app.backend._validate: one set of checks, and every error code has en/zh text on the pages."""

from __future__ import annotations

import numpy as np
import pytest

from app.backend import _validate as v
from app.backend.cnn import pool
from app.backend.signals import parse_values
from app.ui.errors import backend_message
from app.ui.strings import TABLE

BAD = [
    lambda: v.choice("mirror", ("reflect", "wrap"), "boundary"),
    lambda: v.finite_number("x", "sigma"),
    lambda: v.finite_number(np.inf, "sigma"),
    lambda: v.finite_number(5, "sigma", lo=0, hi=1),
    lambda: v.finite_number(-1, "sigma", lo=0),
    lambda: v.finite_number(2, "sigma", hi=1),
    lambda: v.positive_number(0, "limit"),
    lambda: v.whole_number(2.5, "size"),
    lambda: v.whole_number(True, "size", lo=1, hi=3),
    lambda: v.whole_number(0, "size", lo=1),
    lambda: v.odd_number(4, "size"),
    lambda: v.real_array(np.array(["a"]), "image"),
    lambda: v.real_array(np.zeros(3), "image"),
    lambda: v.real_array([[np.nan]], "image"),
    lambda: v.shape2("ab"),
    lambda: parse_values("1, two"),
    lambda: parse_values(""),
    lambda: parse_values("1e9"),
    lambda: parse_values(", ".join(["1"] * 65)),
    lambda: pool(np.zeros((1, 2, 2)), "max", 3),
]


@pytest.mark.parametrize("call", BAD)
def test_every_code_is_a_value_error_with_text_in_both_languages(call):
    with pytest.raises(v.BackendError) as info:
        call()
    exc = info.value
    assert isinstance(exc, ValueError) and f"err.{exc.code}" in TABLE, exc.code
    en, zh = backend_message(exc, "en"), backend_message(exc, "zh")
    assert en and zh and en != zh


def test_an_error_without_a_code_keeps_its_message():
    assert backend_message(ValueError("plain"), "zh") == "plain"
    assert backend_message(v.BackendError("plain"), "zh") == "plain"  # code "invalid": no text of its own
