"""Guess-the-kernel grading and challenge links, against independent computations."""

import base64
import re
import zlib

import numpy as np
import pytest
from scipy import ndimage

import kernels
from app.backend import load_sample
from app.backend.challenges import (
    CHALLENGES,
    MAX_TOKEN_CHARS,
    SOLVED_PSNR,
    ChallengeError,
    decode_kernel_token,
    encode_kernel_token,
    kernel_of,
    score,
)

SECRET = b"a classroom server secret"


@pytest.fixture(scope="module")
def camera():
    return load_sample("camera")[::2, ::2]


def test_at_least_ten_challenges_from_easy_to_hard():
    assert len(CHALLENGES) >= 10
    levels = [c.level for c in CHALLENGES]
    assert levels == sorted(levels) and {1, 2, 3} <= set(levels)
    assert len({c.id for c in CHALLENGES}) == len(CHALLENGES)


@pytest.mark.parametrize("challenge", CHALLENGES, ids=lambda c: c.id)
def test_the_hidden_kernel_itself_solves_its_challenge(camera, challenge):
    h = kernel_of(challenge.id)
    s = score(camera, h, h)
    assert s.solved and s.psnr == np.inf and s.spectral_error == 0.0


@pytest.mark.parametrize(("target", "guess"), [("sobel_x", "sobel_y"), ("box3", "identity"), ("gaussian2", "box7"),
                                               ("laplacian", "sharpen"), ("motion45", "box3")])
def test_psnr_and_spectral_error_equal_independent_computations(camera, target, guess):
    h, g = kernel_of(target), kernel_of(guess)
    s = score(camera, h, g)
    want = ndimage.convolve(camera, h, mode="reflect")
    got = ndimage.convolve(camera, g, mode="reflect")
    peak = want.max() - want.min()
    assert s.psnr == pytest.approx(10 * np.log10(peak**2 / np.mean((got - want) ** 2)), rel=1e-9)
    assert not s.solved

    def response(k):  # centre-anchored DFT on the image grid
        placed = np.zeros(camera.shape)
        ay, ax = k.shape[0] // 2, k.shape[1] // 2
        for (i, j), v in np.ndenumerate(k):
            placed[(i - ay) % camera.shape[0], (j - ax) % camera.shape[1]] += v
        return np.fft.fft2(placed)

    ht, hg = response(h), response(g)
    assert s.spectral_error == pytest.approx(np.linalg.norm(hg - ht) / np.linalg.norm(ht), rel=1e-9)


def test_a_close_guess_is_solved_and_a_rough_one_is_not(camera):
    target = kernel_of("gaussian2")
    close = kernels.make("gaussian", sigma=1.98)
    rough = kernels.make("gaussian", sigma=1.5)
    assert score(camera, target, close).psnr >= SOLVED_PSNR
    assert score(camera, target, rough).psnr < SOLVED_PSNR


def test_a_challenge_link_reveals_no_taps():
    h = np.array([[0.125, -0.375, 2.5], [7.25, 0.0, -1.5]])
    token = encode_kernel_token(h, SECRET)
    assert re.fullmatch(r"[A-Za-z0-9_-]+", token)
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    for blob in (raw, raw[12:-16]):
        with pytest.raises(zlib.error):
            zlib.decompress(blob)
    text = raw.decode("latin-1")
    for tap in ("0.125", "0.375", "2.5", "7.25", "1.5"):
        assert tap not in text and tap not in token
    np.testing.assert_array_equal(decode_kernel_token(token, SECRET), h)


def test_a_changed_or_foreign_or_huge_token_is_refused():
    token = encode_kernel_token(np.eye(3), SECRET)
    flipped = token[:20] + ("A" if token[20] != "A" else "B") + token[21:]
    for bad in (flipped, token[:-2], "", "!!!!", "A" * (MAX_TOKEN_CHARS + 1)):
        with pytest.raises(ChallengeError, match="damaged"):
            decode_kernel_token(bad, SECRET)
    with pytest.raises(ChallengeError, match="damaged"):
        decode_kernel_token(token, b"another server's secret")


def test_kernels_too_large_or_not_finite_cannot_become_challenges():
    with pytest.raises(ChallengeError, match="63"):
        encode_kernel_token(np.ones((64, 3)), SECRET)
    with pytest.raises(ChallengeError, match="finite"):
        encode_kernel_token(np.array([[np.nan]]), SECRET)
    encode_kernel_token(np.ones((63, 63)), SECRET)  # the limit itself is accepted


def test_unknown_challenge_is_refused():
    with pytest.raises(ChallengeError, match="unknown challenge"):
        kernel_of("nope")
