"""CNN Lab's arithmetic tab in AppTest: the formula's number equals the computed map's shape for
several stride, padding and dilation settings set through the tab's widgets; a link opens it."""

from __future__ import annotations

import re

import pytest

from app.backend.conv_arithmetic import output_size
from app.ui.strings import t
from tests.apptest.helpers import move_live, open_lab

TAB = {lang: t("cnn.tab.arith", lang) for lang in ("en", "zh")}
SIZES = re.compile(r"\*\*(\d+) × (\d+)\*\*")


def _ok(at, what: str) -> None:
    assert not at.exception, f"{what}: {[e.value for e in at.exception]}"
    assert not at.error, f"{what}: {[e.value for e in at.error]}"


def _formula_and_map(at) -> tuple[tuple[int, int], tuple[int, int]]:
    """The (rows, cols) the formula states and those of the computed map, from the check line."""
    [line] = [str(s.value) for s in at.success]
    formula, computed = [tuple(map(int, m)) for m in SIZES.findall(line)]
    return formula, computed


def _latex_result(at) -> int:
    return int(re.search(r"= (\d+)\s*\$\$", str(at.get("latex")[0].value)).group(1))


@pytest.fixture(scope="module")
def at():
    return open_lab("cnn_lab", cnn_tab=TAB["en"])


@pytest.mark.parametrize(("s", "pad", "p", "d"), [
    (1, "valid", 0, 1), (2, "valid", 0, 1), (3, "same", 0, 1), (2, "full", 0, 2),
    (4, "explicit", 5, 3), (1, "explicit", 0, 2), (3, "full", 0, 3),
])
def test_the_formula_equals_the_computed_map(at, s, pad, p, d):
    move_live(at, "cnn_xs", s)
    at.selectbox(key="cnn_xpad").set_value(pad).run()
    if pad == "explicit":
        move_live(at, "cnn_xp", p)
    move_live(at, "cnn_xd", d)
    _ok(at, f"s={s} {pad} p={p} d={d}")
    formula, computed = _formula_and_map(at)
    assert formula == computed
    k = 3  # the default edges bank's first kernel is Sobel x, 3 × 3, on the 512 × 512 sample
    expected = output_size(512, k, s, p if pad == "explicit" else pad, d)
    assert formula == (expected, expected) == (_latex_result(at),) * 2


def test_the_transposed_convolution_scores_follow_the_kernel_size(at):
    for k, checkerboard in ((3, True), (4, False)):
        move_live(at, "cnn_tk", k)
        _ok(at, f"k={k}")
        transposed, resized = (m.value for m in at.metric)
        assert (transposed != "0.0 %") == checkerboard and resized == "0.0 %"


def test_a_link_opens_the_tab_with_its_settings_in_chinese():
    at = open_lab("cnn_lab", lang="zh", link={"cnn_xs": "3", "cnn_xpad": "explicit", "cnn_xp": "4", "cnn_xd": "2"},
                  cnn_tab=TAB["zh"])
    _ok(at, "link")
    formula, computed = _formula_and_map(at)
    assert formula == computed == (output_size(512, 3, 3, 4, 2),) * 2
    assert "与计算出的特征图一致" in str(at.success[0].value)
