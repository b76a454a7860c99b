"""The Image Lab's live camera without a browser: frames sent as the camera component's state.

AppTest cannot drive custom components, so :func:`_send_frame` adds the component's widget state (a
JSON ``frame``) as its browser half does: the page's real callback, sanitiser and decoder run.
"""

from __future__ import annotations

import base64
import io
import json

import numpy as np
import pytest
from PIL import Image

from app.labs.image_lab import pipeline as lab
from app.ui import page
from app.ui.image_picker import PickedImage
from app.ui.live_camera import component_key
from app.ui.strings import t
from tests.apptest.conftest import last_run
from tests.apptest.helpers import move_live, open_lab

#: The main view's panels in page order (the radial chart follows them).
PANELS = ("input", "kernel", "output", "fin", "h", "fout")


def _frame_pixels(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return (rng.random((192, 256)) * 255).astype(np.uint8)  # a 4:3 grey frame at 256 px


def _jpeg(seed: int) -> bytes:
    out = io.BytesIO()
    Image.fromarray(_frame_pixels(seed)).save(out, "JPEG", quality=80)
    return out.getvalue()


def _camera(at):
    found = [e for e in at.get("bidi_component") if e.proto.id.endswith("-" + component_key("il"))]
    assert found, "no live camera on the page"
    return found[0]


def _camera_data(at) -> dict:
    return json.loads(_camera(at).proto.json)


def _send(at, frame) -> None:
    """Send ``frame`` (anything a hostile client could send) as the camera component's state, and run."""
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = _camera(at).proto.id
    state.json_value = json.dumps({"frame": frame})
    at._run(states)
    assert not at.exception


def _send_frame(at, seed: int) -> int:
    seq = _camera_data(at)["seq"] + 1
    _send(at, {"jpeg": "data:image/jpeg;base64," + base64.b64encode(_jpeg(seed)).decode(), "seq": seq})
    return seq


def _panels(at) -> dict[str, str]:
    """The six panels' image addresses (Streamlit names a media file by its content)."""
    images = [im.proto.imgs[0].url for im in at.get("image")]
    assert len(images) >= len(PANELS)
    return dict(zip(PANELS, images))


def _expected(seed: int) -> np.ndarray:
    """The frame's pixels read by Pillow (independently of ConvScope's decoder)."""
    return np.asarray(Image.open(io.BytesIO(_jpeg(seed))), dtype=np.float64) / 255.0


def _open_camera():
    at = open_lab("image_lab", link={"il_source": "camera"})
    assert not at.exception
    return at


def test_each_frame_drives_the_six_panels():
    at = _open_camera()
    assert _camera_data(at)["side"] == 256 and _camera_data(at)["frozen"] is False
    seen = []
    for seed in (1, 2, 3):
        seq = _send_frame(at, seed)
        assert _camera_data(at)["seq"] == seq  # the echo the browser waits for
        run = last_run()
        assert run.image.source == "camera" and run.image.image.shape == (192, 256)
        np.testing.assert_allclose(run.image.image, _expected(seed))
        seen.append(_panels(at))
    for before, after in zip(seen, seen[1:]):
        # every panel that shows the image follows the frame; the kernel and |H| are the kernel's
        assert {p for p in PANELS if before[p] != after[p]} == {"input", "output", "fin", "fout"}
    assert not at.error


def test_freeze_keeps_the_frame_and_the_sliders_work_on_it():
    at = _open_camera()
    _send_frame(at, 4)
    at.button(key="il_cam_freeze").click().run()
    assert _camera_data(at)["frozen"] is True
    frozen = last_run().image
    np.testing.assert_allclose(frozen.image, _expected(4))
    panels = _panels(at)
    seq = _send_frame(at, 5)  # a frame already on its way when Freeze was pressed
    assert _camera_data(at)["seq"] == seq  # still echoed: the browser does not wait forever
    assert last_run().image.digest == frozen.digest and _panels(at)["input"] == panels["input"]
    move_live(at, "il_gaussian_sigma", 6.0)  # a slider works on the frozen picture, like on an upload
    assert not at.exception
    run = last_run()
    assert run.image.digest == frozen.digest and run.settings.params["sigma"] == 6.0
    assert _panels(at)["output"] != panels["output"]
    at.button(key="il_cam_live").click().run()  # live again: the next frame is shown
    assert _camera_data(at)["frozen"] is False
    _send_frame(at, 6)
    np.testing.assert_allclose(last_run().image.image, _expected(6))


def test_frames_stay_out_of_the_link_the_hand_over_and_the_shared_caches():
    at = _open_camera()
    _send_frame(at, 7)
    digest = last_run().image.digest
    assert dict(at.query_params) == {"il_source": "camera"}  # the source travels, the frame does not
    shared = [*lab.ANALYSES.keys(), *lab.PANELS.keys(), *lab._STATIC_PANELS, *lab._IMAGE_STATS]
    assert not [k for k in shared if digest in k]
    handed = at.session_state[page.handoff_key(PickedImage)]
    assert handed.source != "camera"  # the other labs (and their shared caches) never get a frame


@pytest.mark.parametrize(
    "hostile, says",
    [
        (float("nan"), "cam.refused"),
        ([1.0] * 50_000, "cam.refused"),
        ({"jpeg": "data:image/jpeg;base64," + "A" * 1_200_000, "seq": 90}, "cam.refused"),
        ({"jpeg": "data:image/jpeg;base64," + base64.b64encode(b"<b>not a picture</b>").decode(), "seq": 91},
         "il.err.not_image"),
        ({"jpeg": "<script>alert(1)</script>", "seq": 92}, "cam.refused"),
    ],
)
def test_hostile_frames_are_refused_like_a_bad_upload(hostile, says):
    at = _open_camera()
    _send_frame(at, 8)
    _send(at, hostile)
    assert [str(e.value) for e in at.error] == [t(says, "en")]
    np.testing.assert_allclose(last_run().image.image, _expected(8))  # the previous frame stays


def test_the_camera_speaks_chinese():
    at = open_lab("image_lab", lang="zh", link={"il_source": "camera"})
    data = _camera_data(at)
    assert data["text"]["insecure"] == t("cam.insecure", "zh") and "https" in data["text"]["insecure"]
    assert at.button(key="il_cam_freeze").label == t("cam.freeze", "zh")
    assert at.button(key="il_cam_freeze").disabled  # nothing to freeze before the first frame
