"""One student of :mod:`app.loadtest`, speaking Streamlit's websocket protocol as a browser does.

A :class:`Session` opens a lab (the load balancer's cookie, the XSRF cookie, the websocket), reads
widget ids, ranges and fragment ids from the deltas, uploads a photo through the page's file
uploader, moves or drags a slider and times each run up to the download of its new ``/media``
images; :func:`student` is the script one session follows. :data:`PAGES` says what a student does
on each lab. What the sessions measured is collected in a shared :class:`Stats`.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import aiohttp
import numpy as np
from PIL import Image
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Common_pb2 import FileURLs, UploadedFileInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

FINISHED_EARLY = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
XSRF_COOKIE = "_streamlit_xsrf"
RUN_TIMEOUT_S = 120.0  # a run that takes longer is counted as an error, not waited for


@dataclass(frozen=True)
class PageProfile:
    """What a student does on one lab: the slider they drag and, for uploads, the picker's keys."""

    url_path: str
    slider_key: str  # the widget's user key (widget ids end with "-<key>")
    source_key: str = ""  # the image picker's source radio; "" = the page takes no upload
    uploader_key: str = ""
    query: str = ""  # the link the student opened (e.g. a setting that makes the slider count)


PAGES: dict[str, PageProfile] = {
    "image_lab": PageProfile("", "il_gaussian_sigma", "il_source", "il_upload"),
    "signal_lab": PageProfile("signal_lab", "sl_t"),
    "cnn_lab": PageProfile("cnn_lab", "cnn_psize", "cnn_source", "cnn_upload"),
    "filter_designer": PageProfile("filter_designer", "fd_lo", "fd_source", "fd_upload", "fd_shape=gaussian"),
    "fourier_lab": PageProfile("fourier_lab", "fl_u", "fl_source", "fl_upload"),
    "hybrid_lab": PageProfile("hybrid_lab", "hy_slow"),
    "challenge_lab": PageProfile("challenge_lab", "ch_box_size", "ch_source", "ch_upload"),
}
LIVE_SLIDER = "convscope_live_slider"  # app.ui.live_slider's component: its key is "_live_<setting key>"
LIVE_PREFIX = "_live_"
UPLOAD_OPTION = 1  # index of "upload" in app.ui.image_picker.SOURCES (sample, upload, camera)


@dataclass
class Stats:
    """Everything the sessions measured (seconds; shared by all sessions of a run)."""

    moves: list[float] = field(default_factory=list)
    opens: list[float] = field(default_factory=list)
    uploads: list[float] = field(default_factory=list)
    media_bytes: int = 0
    drag_rates: list[float] = field(default_factory=list)  # pictures per second of each drag
    drag_pictures: int = 0  # pictures drawn in all drags, the release pictures included
    drag_gaps: list[float] = field(default_factory=list)  # between consecutive pictures of a drag
    releases: list[float] = field(default_factory=list)  # release to its value drawn
    releases_drawn: int = 0
    errors: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    sessions_done: int = 0


def widget_key(widget_id: str) -> str:
    """The user key of a Streamlit widget id (``$$ID-<hash>-<key>``); '' for unkeyed widgets."""
    parts = widget_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[0] == "$$ID" else ""


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def photo_bytes(index: int, side: int) -> bytes:
    """A different photo-like JPEG for every session: a shipped sample cropped, tinted and noised."""
    from app.backend.images import load_sample

    rng = np.random.default_rng(1000 + index)
    base = load_sample("astronaut")  # 512x512 colour, float in [0, 1]
    img = Image.fromarray((base * 255).astype(np.uint8)).resize((side, side), Image.BILINEAR)
    arr = np.asarray(img, dtype=np.float32)
    arr = np.roll(arr, (int(rng.integers(side)), int(rng.integers(side))), axis=(0, 1))
    arr = arr * rng.uniform(0.7, 1.1, size=3) + rng.normal(0.0, 6.0, size=arr.shape)
    out = io.BytesIO()
    Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).save(out, "JPEG", quality=90)
    return out.getvalue()


class Session:
    """One student: a websocket, the widgets the page sent, and the media already downloaded."""

    def __init__(self, http: aiohttp.ClientSession, base: str, page: PageProfile, stats: Stats,
                 rng: random.Random) -> None:
        self.http, self.base, self.page, self.stats, self.rng = http, base.rstrip("/"), page, stats, rng
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.session_id = ""
        self.widgets: dict[str, object] = {}  # user key -> latest element proto (slider, radio, ...)
        self.live: dict[str, dict] = {}  # live slider's setting key -> the data its last run sent
        self.fragments: dict[str, str] = {}  # user key -> fragment id of the widget
        self.states: dict[str, WidgetState] = {}  # widget id -> the value this student set
        self.media_seen: set[str] = set()  # a browser does not fetch the same image again
        self.run_media: list[str] = []
        self.run_texts: list[str] = []  # markdown and image-caption texts of the last run (for checks)
        self.finished: asyncio.Queue[int] = asyncio.Queue()
        self.file_urls: asyncio.Queue[object] = asyncio.Queue()
        self.reader: asyncio.Task | None = None
        self.query_string = page.query  # the link (e.g. fd_shape=gaussian, class=CODE), sent with every run as a browser does

    # ---- protocol ------------------------------------------------------------------------
    async def _read(self) -> None:
        assert self.ws is not None
        async for frame in self.ws:
            if frame.type != aiohttp.WSMsgType.BINARY:
                continue
            msg = ForwardMsg()
            msg.ParseFromString(frame.data)
            kind = msg.WhichOneof("type")
            if kind == "delta":
                self._on_delta(msg.delta)
            elif kind == "script_finished":
                self.finished.put_nowait(msg.script_finished)
            elif kind == "new_session":
                self.session_id = msg.new_session.initialize.session_id
            elif kind == "file_urls_response":
                self.file_urls.put_nowait(msg.file_urls_response)
            elif kind == "page_not_found":
                self.stats.errors.append(f"page not found: {msg.page_not_found.page_name}")
            self.on_message(msg, kind)
        self.finished.put_nowait(-1)  # socket closed: wake whoever waits for a run

    def on_message(self, msg: ForwardMsg, kind: str) -> None:
        """Every message the server sent, after the handling above (the poll mode watches more of them)."""

    def _on_delta(self, delta) -> None:
        if delta.WhichOneof("type") != "new_element":
            return
        el = delta.new_element
        kind = el.WhichOneof("type")
        if kind == "imgs":
            self.run_media.extend(img.url for img in el.imgs.imgs if "/media/" in img.url)
            self.run_texts.extend(img.caption for img in el.imgs.imgs if img.caption)
        elif kind == "markdown":
            self.run_texts.append(el.markdown.body)
        elif kind == "exception":
            self.stats.exceptions.append(f"{el.exception.type}: {el.exception.message}"[:300])
        elif kind == "bidi_component" and el.bidi_component.component_name == LIVE_SLIDER:
            key = widget_key(el.bidi_component.id).removeprefix(LIVE_PREFIX)
            self.widgets[LIVE_PREFIX + key] = el.bidi_component
            self.fragments[LIVE_PREFIX + key] = delta.fragment_id
            self.live[key] = json.loads(el.bidi_component.json or "{}")
        elif kind in ("slider", "radio", "button_group", "file_uploader", "button", "checkbox"):
            proto = getattr(el, kind)
            key = widget_key(proto.id)
            if key:
                self.widgets[key] = proto
                self.fragments[key] = delta.fragment_id

    async def _send(self, back: BackMsg) -> None:
        assert self.ws is not None
        await self.ws.send_bytes(back.SerializeToString())

    async def rerun(self, fragment_id: str = "") -> None:
        """One script run as the browser asks for it; returns once it finished and its images are in."""
        self.run_media, self.run_texts = [], []
        back = BackMsg()
        cs = back.rerun_script
        cs.page_name = self.page.url_path
        cs.query_string = self.query_string
        cs.fragment_id = fragment_id
        cs.widget_states.widgets.extend(self.states.values())
        await self._send(back)
        while True:
            status = await asyncio.wait_for(self.finished.get(), RUN_TIMEOUT_S)
            if status == -1:
                raise ConnectionError("websocket closed during a run")
            if status != FINISHED_EARLY:
                break
        await self._fetch_media()

    async def _fetch_media(self) -> None:
        new = [u for u in dict.fromkeys(self.run_media) if u not in self.media_seen]
        self.media_seen.update(new)
        sizes = await asyncio.gather(*(self._get(u) for u in new))
        self.stats.media_bytes += sum(sizes)

    async def _get(self, url: str) -> int:
        async with self.http.get(self.base + url if url.startswith("/") else url) as resp:
            body = await resp.read()
            if resp.status != 200:
                self.stats.errors.append(f"HTTP {resp.status} on {url}")
            return len(body)

    # ---- what a student does -------------------------------------------------------------
    async def open(self) -> None:
        query = f"?{self.query_string}" if self.query_string else ""
        for path in (f"/{self.page.url_path}{query}", "/_stcore/health"):  # LB cookie, then XSRF cookie
            async with self.http.get(self.base + path) as resp:
                await resp.read()
                if resp.status != 200:
                    raise ConnectionError(f"HTTP {resp.status} on {path}")
        ws_url = self.base.replace("http", "ws", 1) + "/_stcore/stream"
        self.ws = await self.http.ws_connect(ws_url, protocols=("streamlit", self._xsrf()),
                                             max_msg_size=0, origin=self.base)
        self.reader = asyncio.create_task(self._read())
        await self.rerun()

    def _xsrf(self) -> str:
        for cookie in self.http.cookie_jar:
            if cookie.key == XSRF_COOKIE:
                return cookie.value
        return ""

    async def upload(self, data: bytes, name: str) -> None:
        """Switch the picker to "upload", send the file like the browser's uploader, rerun."""
        source = self.widgets.get(self.page.source_key)
        if source is None:
            raise LookupError(f"no widget {self.page.source_key!r} on /{self.page.url_path}")
        state = WidgetState(id=source.id)
        if hasattr(source, "click_mode"):  # st.segmented_control: a list of formatted option strings
            state.string_array_value.data.append(source.options[UPLOAD_OPTION].content)
        else:  # st.radio: one formatted option string
            state.string_value = source.options[UPLOAD_OPTION]
        self.states[source.id] = state
        await self.rerun()
        uploader = self.widgets.get(self.page.uploader_key)
        if uploader is None:
            raise LookupError(f"no widget {self.page.uploader_key!r} after choosing upload")
        back = BackMsg()
        back.file_urls_request.request_id = f"{self.session_id}-upload"
        back.file_urls_request.session_id = self.session_id
        back.file_urls_request.file_names.append(name)
        await self._send(back)
        reply = await asyncio.wait_for(self.file_urls.get(), RUN_TIMEOUT_S)
        urls: FileURLs = reply.file_urls[0]
        form = aiohttp.FormData()
        form.add_field("file", data, filename=name, content_type="image/jpeg")
        async with self.http.put(self.base + urls.upload_url, data=form,
                                 headers={"X-Xsrftoken": self._xsrf()}) as resp:
            await resp.read()
            if resp.status not in (200, 204):
                raise ConnectionError(f"upload refused: HTTP {resp.status}")
        state = WidgetState(id=uploader.id)
        state.file_uploader_state_value.uploaded_file_info.append(
            UploadedFileInfo(name=name, size=len(data), file_id=urls.file_id, file_urls=urls))
        self.states[uploader.id] = state
        await self.rerun()

    async def move(self) -> None:
        """Drag the profile's slider to a new value on its grid (a live slider: one move, released)."""
        if LIVE_PREFIX + self.page.slider_key in self.widgets:
            data = self.live[self.page.slider_key]
            steps = max(1, int(round((data["max"] - data["min"]) / data["step"])))
            value = data["value"]
            while value == data["value"]:
                value = round(min(data["max"], data["min"] + data["step"] * self.rng.randint(0, steps)), 10)
            await self._send_move(self.widgets[LIVE_PREFIX + self.page.slider_key], self.page.slider_key, value,
                                  dragging=False)
            return
        slider = self.widgets.get(self.page.slider_key)
        if slider is None:
            raise LookupError(f"no slider {self.page.slider_key!r} on /{self.page.url_path}")
        current = list(slider.value) if slider.set_value else list(slider.default)
        if slider.id in self.states:
            current = list(self.states[slider.id].double_array_value.data)
        steps = max(1, int(round((slider.max - slider.min) / slider.step)))
        value = current[0] if current else slider.min
        while steps > 0 and current and value == current[0]:
            value = round(slider.min + slider.step * self.rng.randint(0, steps), 10)
        state = WidgetState(id=slider.id)
        state.double_array_value.data.append(value)
        self.states[slider.id] = state
        await self.rerun(self.fragments.get(self.page.slider_key, ""))

    async def drag(self, seconds: float, hz: float = 60.0) -> tuple[list[float], float, bool]:
        """Drag the profile's live slider from one random point to another for ``seconds``.

        The hand's position is sampled at ``hz``; a value is sent only when the previous run has
        finished and its images are in (the newest position wins), values already drawn are
        skipped, and the release value is always sent last. Returns the times (s from the start)
        each picture was complete, the time from release to the release value drawn, and whether
        the last run drew exactly the release value.
        """
        key = self.page.slider_key
        comp = self.widgets.get(LIVE_PREFIX + key)
        if comp is None:
            raise LookupError(f"no live slider for {key!r} on /{self.page.url_path}")
        data = self.live[key]
        lo, hi, step = data["min"], data["max"], data["step"]
        a, b = self.rng.uniform(lo, hi), self.rng.uniform(lo, hi)

        def on_grid(f: float) -> float:
            return round(min(hi, lo + round((a + (b - a) * f - lo) / step) * step), 10)

        pictures: list[float] = []
        t0 = time.perf_counter()
        while (elapsed := time.perf_counter() - t0) < seconds:
            value = on_grid(elapsed / seconds)
            if value == self.live[key]["value"]:  # already on screen: wait for the hand's next position
                await asyncio.sleep(1 / hz)
                continue
            await self._send_move(comp, key, value, dragging=True)
            pictures.append(time.perf_counter() - t0)
        released = time.perf_counter()
        final = on_grid(1.0)
        await self._send_move(comp, key, final, dragging=False)
        drawn = self.live[key]
        return pictures, time.perf_counter() - released, drawn["value"] == final and drawn["dragging"] is False

    async def _send_move(self, comp, key: str, value: float, *, dragging: bool) -> None:
        """The state the live slider's browser half sends (one JSON ``move``), and its run."""
        seq = int(self.live[key].get("seq", 0)) + 1
        state = WidgetState(id=comp.id)
        state.json_value = json.dumps({"move": {"value": value, "dragging": dragging, "seq": seq}})
        self.states[comp.id] = state
        await self.rerun(self.fragments.get(LIVE_PREFIX + key, ""))
        if self.live[key].get("seq") != seq:
            self.stats.errors.append(f"move {seq} of {key} was not echoed")

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            await asyncio.gather(self.reader, return_exceptions=True)


async def student(index: int, args: argparse.Namespace, stats: Stats) -> None:
    rng = random.Random(index)
    await asyncio.sleep(args.ramp * index / max(1, args.sessions))
    jar = aiohttp.CookieJar(unsafe=True)  # cookies for 127.0.0.1 (an IP address)
    async with aiohttp.ClientSession(cookie_jar=jar, timeout=aiohttp.ClientTimeout(total=RUN_TIMEOUT_S)) as http:
        s = Session(http, args.url, PAGES[args.page], stats, rng)
        try:
            t0 = time.perf_counter()
            await s.open()
            stats.opens.append(time.perf_counter() - t0)
            if args.upload:
                t0 = time.perf_counter()
                await s.upload(photo_bytes(index, args.upload_side), f"student{index:03d}.jpg")
                stats.uploads.append(time.perf_counter() - t0)
            for _ in range(args.moves):
                await asyncio.sleep(rng.uniform(*args.think))
                if args.drag:
                    pictures, release, drawn = await s.drag(args.drag_s)
                    stats.drag_rates.append(len(pictures) / args.drag_s)
                    stats.drag_gaps.extend(np.diff([0.0, *pictures]).tolist())
                    stats.releases.append(release)
                    stats.releases_drawn += drawn
                    stats.drag_pictures += len(pictures) + 1
                    continue
                t0 = time.perf_counter()
                await s.move()
                stats.moves.append(time.perf_counter() - t0)
            stats.sessions_done += 1
        except (TimeoutError, aiohttp.ClientError, ConnectionError, LookupError) as exc:
            stats.errors.append(f"session {index}: {type(exc).__name__}: {exc}")
        finally:
            await s.close()
