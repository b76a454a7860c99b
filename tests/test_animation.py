"""Animated exports: frames pixel-exact where the format allows, labelled, bounded."""

import numpy as np
import pytest
from PIL import Image

from app.backend.animation import MAX_FRAMES, MAX_SIDE, encode_animation, label_frame, read_frames


def _frames(n=5, shape=(40, 30), colour=False):
    rng = np.random.default_rng(21)
    shape = shape + (3,) if colour else shape
    return [rng.integers(0, 256, shape, dtype=np.uint8) for _ in range(n)]


@pytest.mark.parametrize("fmt", ["gif", "apng"])
def test_grey_frames_come_back_pixel_for_pixel(fmt):
    frames = _frames()
    back = read_frames(encode_animation(frames, [f"v = {i}" for i in range(5)], fmt=fmt))
    assert len(back) == 5
    for got, want in zip(back, frames):
        for c in range(3):
            np.testing.assert_array_equal(got[:40, :, c], want)


def test_colour_frames_come_back_pixel_for_pixel_in_apng():
    frames = _frames(colour=True)
    for got, want in zip(read_frames(encode_animation(frames, fmt="apng")), frames):
        np.testing.assert_array_equal(got, want)


def test_gif_with_few_colours_is_exact_even_in_colour():
    palette = np.array([[255, 0, 0], [0, 0, 255], [250, 250, 250]], np.uint8)
    idx = np.random.default_rng(3).integers(0, 3, (4, 16, 16))
    frames = [palette[i] for i in idx]
    for got, want in zip(read_frames(encode_animation(frames, fmt="gif")), frames):
        np.testing.assert_array_equal(got, want)


def test_every_frame_carries_its_label_under_an_unchanged_picture():
    pic = np.full((20, 120), 128, np.uint8)
    a, b = label_frame(pic, "sigma = 1"), label_frame(pic, "sigma = 2")
    assert a.shape[0] > 20 and np.array_equal(a[:20, :, 0], pic)
    assert not np.array_equal(a[20:], b[20:])  # the labels differ, so the strips do
    assert (a[20:] < 100).any()  # ink was drawn


def test_webp_is_an_animation_of_all_frames():
    data = encode_animation(_frames(4), fmt="webp")
    with Image.open(__import__("io").BytesIO(data)) as im:
        assert im.format == "WEBP" and im.n_frames == 4


def test_limits_are_enforced():
    with pytest.raises(ValueError, match="1 to 60 frames"):
        encode_animation([], fmt="gif")
    with pytest.raises(ValueError, match="1 to 60 frames"):
        encode_animation(_frames(MAX_FRAMES + 1, (4, 4)), fmt="gif")
    encode_animation(_frames(MAX_FRAMES, (4, 4)), fmt="gif")  # the limit itself is fine
    with pytest.raises(ValueError, match="640 px"):
        encode_animation([np.zeros((MAX_SIDE + 1, 4), np.uint8)], fmt="gif")
    with pytest.raises(ValueError, match="same size"):
        encode_animation([np.zeros((4, 4), np.uint8), np.zeros((5, 4), np.uint8)], fmt="gif")
    with pytest.raises(ValueError, match="one label per frame"):
        encode_animation(_frames(2), ["only one"], fmt="gif")
    with pytest.raises(ValueError, match="5 MB"):
        noise = [np.random.default_rng(i).integers(0, 256, (640, 640, 3), dtype=np.uint8) for i in range(5)]
        encode_animation(noise, fmt="apng")
