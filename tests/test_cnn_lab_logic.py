"""The CNN Lab's logic without a browser: settings → network, cached stages, words and tables."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from app.backend import cnn as L
from app.backend.conv_arithmetic import LENET_C3_TABLE
from app.labs.cnn_lab import pipeline as run
from app.labs.cnn_lab.parts import text
from app.labs.cnn_lab.parts.model import bank_args, net
from app.labs.cnn_lab.schema import SCHEMA


@pytest.fixture(scope="module")
def grey() -> run.Grey:
    rng = np.random.default_rng(3)
    return run.grey_image("test-noise-64", rng.random((64, 64)))


def _settings(**changes):
    return dataclasses.replace(SCHEMA.defaults(), **changes)


def test_defaults_describe_the_edges_bank_relu_max_pool_and_edge_sum():
    n = net(SCHEMA.defaults(), 4)
    assert n.c1.bank.preset == "edges" and n.c1.act == "relu" and n.c1.biases == (0.0,) * 4
    assert (n.pool.mode, n.pool.size, n.pool.stride) == ("max", 2, 2)
    assert n.stages == ("input", "C1", "S2", "C3", "S4")
    assert net(_settings(c3="off"), 4).stages == ("input", "C1", "S2")


def test_lenet_pools_with_its_size_and_an_empty_catalogue_pick_falls_back():
    assert net(_settings(pool="lenet", psize=3, pstride=1), 4).pool.stride == 3
    assert bank_args(_settings(c1="catalog", cat=())).names == ("sobel_x",)
    assert bank_args(_settings(c1="random", ksize=None)).size == 5  # a de-selected segmented control


def test_a_stage_depends_only_on_the_settings_before_it(grey):
    n = net(SCHEMA.defaults(), 4)
    other_pool = dataclasses.replace(n, pool=dataclasses.replace(n.pool, size=4, stride=4))
    assert n.upto("C1") == other_pool.upto("C1") and n.upto("S2") != other_pool.upto("S2")
    assert run.maps(grey, n, "C1") is run.maps(grey, other_pool, "C1")  # one cache entry
    assert run.maps(grey, other_pool, "S2").shape == (4, 16, 16)


def test_relu_maps_are_non_negative_and_pooling_modes_change_the_maps(grey):
    n = net(_settings(b0=-0.2), 4)
    assert run.maps(grey, n, "C1").min() >= 0
    pooled = {m: run.maps(grey, net(_settings(pool=m), 4), "S2") for m in L.POOL_MODES}
    modes = list(pooled)
    for a, b in zip(modes, modes[1:]):
        assert not np.allclose(pooled[a], pooled[b]), (a, b)
    assert not run.maps(grey, n, "C1").flags.writeable  # cached maps are shared by every session


def test_weights_rows_count_shared_weights(grey):
    n = net(SCHEMA.defaults(), 4)
    rows = [text.weight_row(*r, "en") for r in run.parameter_rows(grey, n, n.stages)]
    assert [r["layer"] for r in rows] == ["C1", "S2", "C3", "S4"]
    bank = run.c1_bank(n.c1.bank)
    assert rows[0]["conv_n"] == sum(k.size for row in bank.kernels for k in row) + bank.n_out
    assert rows[1]["conv_n"] == 0 and rows[1]["conv"] == "0 (nothing to learn)"
    table = text.weights_table(rows, "zh")
    assert table.startswith("| 层 |") and table.count("\n") == len(rows) + 1


def test_shapes_strip_and_kernel_names(grey):
    n = net(_settings(c3="off"), 4)
    strip = text.shapes_strip([(s, run.maps(grey, n, s)) for s in n.stages], "en")
    assert "**64 × 64 × 1**" in strip and "**32 × 32 × 4**" in strip and strip.endswith(f"**{32 * 32 * 4:,}**")
    bank = run.c1_bank(n.c1.bank)
    assert text.kernel_names(bank, "en", short=True)[:2] == ["Sobel x", "Sobel y"]


def test_aliasing_tiles_and_zoom(grey):
    n = net(SCHEMA.defaults(), 4)
    res = run.aliasing(grey, n.c1, 1, 2, 2, 128, True)
    assert set(res["tiles"]) == set(run.ALIAS_TILES) and res["nyquist"] == pytest.approx(0.25)
    assert res["tiles"]["average"][2] == (32, 32)


def test_s4_pools_like_s2_unless_it_has_its_own_settings(grey):
    same = net(SCHEMA.defaults(), 4)
    assert same.pooling("S4") == same.pooling("S2") == same.pool
    own = net(_settings(s4own=True, s4pool="average", s4size=4, s4stride=4), 4)
    assert own.pooling("S2") == same.pool and own.pooling("S4") == own.pool4 != own.pool
    assert own.upto("C3").pool4 is None and own.upto("S4") == own  # C3's cache ignores S4's settings
    assert run.maps(grey, own, "S4").shape == (4, 8, 8) and run.maps(grey, same, "S4").shape == (4, 16, 16)


def test_lenet_c3_reads_the_table(grey):
    n = net(_settings(c1="random", n=6, c3="lenet"), 6)
    bank = run.c3_bank(n.c3, 6)
    connected = np.array([[k.any() for k in row] for row in bank.kernels]).T
    assert np.array_equal(connected, LENET_C3_TABLE)
    assert run.maps(grey, n, "C3").shape == (16, 32, 32)
    with pytest.raises(ValueError, match="6 S2 maps"):
        run.maps(grey, net(_settings(c3="lenet"), 4), "C3")


def test_feature_maps_and_their_spectra_follow_the_palette():
    from app.backend.colormaps import sequential_lut
    from app.labs.cnn_lab import figures as figs

    m = np.linspace(-1.0, 1.0, 64).reshape(8, 8)
    std, kind = figs.map_pixels(m)
    safe, _ = figs.map_pixels(m, palette="colour_safe")
    assert kind == "signed" and std[0, 0].tolist() == safe[0, 0].tolist()  # negatives: the same blue
    assert std[-1, -1].tolist() != safe[-1, -1].tolist()  # positives: red -> orange
    half = np.fft.rfft2(m)
    grey = figs.spectrum_pixels(half, 8)
    assert grey.ndim == 2 and np.array_equal(figs.spectrum_pixels(half, 8, palette="colour_safe"),
                                             sequential_lut("cividis")[grey])
