"""The Challenge Lab's logic without a page: the link secret, teacher links (no taps inside, the
picture's settings kept), hidden kernels from good and bad tokens, and the Image Lab's kernel."""

from __future__ import annotations

import base64
import hashlib
import zlib
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest

import kernels
from app.backend import challenges
from app.labs.challenge_lab import pipeline as lab
from app.labs.challenge_lab.schema import SCHEMA, TEACHER


def test_the_env_secret_wins_over_the_cookie_secret():
    assert lab.link_secret({"CONVSCOPE_LINK_SECRET": "abcdefgh"}, "cookie") == b"abcdefgh"
    assert lab.link_secret({}, "cookie") == hashlib.sha256(b"convscope link:cookie").digest()
    assert lab.link_secret({}, "a") != lab.link_secret({}, "b")


def test_a_teacher_link_opens_the_kernel_and_shows_no_taps():
    secret = lab.link_secret({}, "server")
    kernel = np.array([[0.25, 0.5, 0.25], [0.0, 0.0, 0.0], [-0.25, -0.5, -0.25]])
    link = lab.teacher_link("http://h/challenge_lab", challenges.encode_kernel_token(kernel, secret),
                            {"ch_sample": "coffee", "ch_taps": "1 2 1", "ch_ksrc": "taps"})
    query = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
    assert set(query) == {"ch_sample", "ch_id", "ch_token"} and query["ch_id"] == TEACHER
    raw = base64.urlsafe_b64decode(query["ch_token"] + "=" * (-len(query["ch_token"]) % 4))
    for blob in (raw, *(raw[i:] for i in range(40))):
        with pytest.raises(zlib.error):
            zlib.decompress(blob)  # encrypted: no compressed JSON of taps to find
    assert b"0.25" not in raw and b"taps" not in raw
    SCHEMA.fields["ch_token"].parse(query["ch_token"])  # a link field the page accepts
    hidden = lab.hidden_kernel(TEACHER, query["ch_token"], secret, "en", "box3")
    np.testing.assert_array_equal(hidden.kernel, kernel)
    assert hidden.teacher and hidden.error is None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_changed_or_foreign_token_gives_a_shipped_challenge_and_a_message(lang):
    token = challenges.encode_kernel_token(np.eye(3), lab.link_secret({}, "server"))
    changed = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    for bad, secret in ((changed, lab.link_secret({}, "server")), (token, lab.link_secret({}, "other"))):
        hidden = lab.hidden_kernel(TEACHER, bad, secret, lang, "box7")
        np.testing.assert_array_equal(hidden.kernel, kernels.make("box", size=7))
        assert not hidden.teacher and hidden.error and "Traceback" not in hidden.error


def test_a_token_field_refuses_anything_but_url_safe_base64():
    for bad in ("<script>", "a b", "x" * (challenges.MAX_TOKEN_CHARS + 1)):
        with pytest.raises(ValueError, match="token"):
            SCHEMA.fields["ch_token"].parse(bad)


def test_the_image_lab_kernel_follows_its_source():
    assert lab.image_lab_kernel({}) is None
    catalogue = lab.image_lab_kernel({"il_kernel": "box", "il_box_size": 5})
    np.testing.assert_array_equal(catalogue, np.full((5, 5), 1 / 25))
    custom = np.arange(9.0).reshape(3, 3)
    got = lab.image_lab_kernel({"il_kernel": "box", "il_ksrc": "custom", "teach_kernel": custom})
    np.testing.assert_array_equal(got, custom)


def test_the_target_is_the_reflect_convolution():
    from scipy import ndimage

    rng = np.random.default_rng(5)
    f, h = rng.random((20, 24)), rng.random((3, 5))
    # convolution = correlation with the flipped kernel; scipy's "reflect" is half-sample symmetric
    np.testing.assert_allclose(lab.output(f, h), ndimage.correlate(f, h[::-1, ::-1], mode="reflect"), atol=1e-12)
