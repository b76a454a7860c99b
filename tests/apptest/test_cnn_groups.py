"""Grouped convolution in the CNN Lab's arithmetic tab (AppTest): the groups slider offers the
divisors of C_in, more groups mean g× fewer parameters and multiply-adds (recomputed here), the
depthwise case is named, and a link asking for an impossible g is snapped to a divisor."""

from __future__ import annotations

import re

import pytest

from app.ui.strings import t
from tests.apptest.helpers import open_lab
from tests.apptest.test_cnn_arithmetic import TAB


def _metrics(at, lang="en") -> tuple[int, int]:
    """(parameters, multiply-adds): the two bold numbers of the cost line."""
    [line] = [m.value for m in at.markdown if m.value.startswith(t("cnn.g.cost", lang)[:8])]
    params, macs = re.findall(r"\*\*([0-9,]+)\*\*", line)
    return int(params.replace(",", "")), int(macs.replace(",", ""))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_groups_cut_the_cost_by_g_and_depthwise_is_named(lang):
    at = open_lab("cnn_lab", lang=lang, cnn_tab=TAB[lang])
    assert not at.exception, at.exception
    assert at.select_slider(key="cnn_gg").options == ["1", "2", "3", "6"]
    dense = _metrics(at, lang)
    assert dense == (6 * 6 * 9, 6 * 6 * 9 * 16 * 16)
    for g in (2, 3, 6):
        at.select_slider(key="cnn_gg").set_value(g).run()
        assert not at.exception, at.exception
        assert _metrics(at, lang) == (dense[0] // g, dense[1] // g)
        assert t("cnn.g.check", lang, cout=6, g=g, per=6 // g) in [c.value for c in at.caption]
    assert any(m.value == t("cnn.g.kind.depthwise", lang, g=6) for m in at.markdown)


def test_a_link_with_an_impossible_group_count_is_snapped():
    at = open_lab("cnn_lab", cnn_tab=TAB["en"], link={"cnn_gcin": "8", "cnn_gg": "6", "cnn_gk": "5", "cnn_gmult": "2"})
    assert not at.exception, at.exception
    assert at.select_slider(key="cnn_gg").value == 4
    assert _metrics(at) == (16 * 2 * 25, 16 * 2 * 25 * 256)
