"""The one number formatter: the same value reads the same on every page."""

from __future__ import annotations

import pytest

from app.ui.format import count, number, percent


@pytest.mark.parametrize(("value", "text"), [
    (150, "150"), (150.0, "150"), (-150, "-150"), (1.5, "1.5"), (0.38343, "0.3834"), (2.0, "2"),
    (0.0, "0"), (-1e-17, "0"), (3.2e-5, "3.2e-05"), (2.5e6, "2.5e+06"), (0.0005, "0.0005"),
    (float("inf"), "inf"),
])
def test_number(value, text):
    assert number(value) == text


def test_count_and_percent():
    assert count(65_536) == "65,536" and count(2.75e11) == "2.75 × 10¹¹"
    assert percent(0.1234) == "12.3 %" and percent(1.0, 2) == "100.00 %"
