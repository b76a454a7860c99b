"""The class poll on the page: start or join a class, count answers, reveal for everyone, follow the teacher.

Roles live in the session only. A teacher (projector mode, *Start a class*) holds the class's teacher
token in ``st.session_state`` and nowhere else; a student holds the join code (the link's
``?class=CODE``) and a random session id. Hooks:

* :func:`panel` (from :func:`app.ui.shell.sidebar`, once per run): the teacher's code, QR code and
  buttons; the student's class line and *Follow the teacher* toggle.
* :func:`student_question` (from :func:`app.ui.predict.ask`): a student's question is a fragment (a
  pick reruns only it). The first question on the page still waiting for the reveal is also the
  student's poll: a reveal of it redraws only that fragment (the verdict within one poll), and the
  whole page follows within :data:`PAGE_SPREAD_S`, spread over the class (the numbers the question
  held back), instead of every student's page rerunning the whole lab at the same moment.
* :func:`poll_after_page` (from the router, after the page): a student whose page has no waiting
  question polls from the sidebar instead. Either way a student polls once per
  :data:`STUDENT_POLL_S` (one small fragment run: the store read is one row/key set).
* :func:`question` (inside the question): a student's pick is sent; the teacher sees the live
  counts and *Reveal to the class*.
* :func:`active`, :func:`revealed`: what the predict machinery asks.

When the store cannot be reached every lab works as before; the panel says so and tries again on
the next poll.
"""

from __future__ import annotations

import functools
import html
import io
import os
import random
import secrets
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import segno
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from app.classroom import catalogue
from app.classroom import store as cs
from app.classroom.codes import parse_code
from app.ui import state
from app.ui.strings import t

POLL_S = 1.0  # the teacher's live counts
# A student's poll. Each run costs ~2.5 ms of server CPU, almost all Streamlit's own (a script thread, the
# new-session message, websocket writes): 1.5 s keeps an idle student under 2 ms/s, and a reveal or
# push still lands within ~1.5 s (a reveal redraws only the question's fragment).
STUDENT_POLL_S = 1.5
# After a reveal shown in the question, the whole page reruns (the numbers the question held back) within this,
# spread over the class: 100 page runs at once would hold up a push that follows soon after.
PAGE_SPREAD_S = 15.0
TOUCH_S = 60.0  # the teacher's page keeps the class alive this often
CODE = "class"  # the join link's key (a global setting: ?class=CODE)
FOLLOW = "class_follow"  # the student's toggle
_TOKEN, _TEACHER_CODE, _SHOW = "_class_token", "_class_teacher_code", "_class_show_code"
_SID, _JOINED, _SENT, _REVEALED = "_class_sid", "_class_joined", "_class_sent", "_class_revealed"
_SEEN_PUSH, _TOUCHED, _NOTE = "_class_seen_push", "_class_touched", "_class_note"
_PUSH_PENDING = "_class_push_pending"  # pressed; sent once the page has run
_UNSENT = "_class_unsent"  # question → pick the store could not take yet (the poll sends it again)
_POLLER = "_class_poller"  # this run's question that polls for the student ("": none yet)
_PAGE_DUE = "_class_page_due"  # when the page reruns to show what a revealed question held back
_STAMP = "_class_stamp"  # the class's (pushes, reveals) marks this session last acted on
_SLOT = "_class_poll_slot"  # the sidebar place of the poll the router adds after the page

#: the global setting a join link carries (registered by app.ui.shell)
CODE_FIELD = state.Field("custom", "", parse=parse_code, format=str)


@functools.cache  # one store per process and location; a failure is not kept (the next call tries again)
def _open(location: str) -> cs.ClassStore:
    return cs.open_store(location or None, catalogue.QUESTIONS)


def store() -> cs.ClassStore:
    """This process's store (``$CONVSCOPE_STORE`` or the default); ``StoreUnavailable`` if it cannot open."""
    return _open(os.environ.get(cs.ENV, ""))


def _ss():
    return st.session_state


def teacher_code() -> str:
    """The class this session teaches ("" if none)."""
    return _ss().get(_TEACHER_CODE, "")


def student_code() -> str:
    """The class this session joined ("" if none)."""
    return _ss().get(CODE) or ""


def is_student() -> bool:
    """True while this session has joined a class (and does not teach one)."""
    return bool(student_code()) and not teacher_code()


def active() -> bool:
    """True while this session teaches or has joined a class (answers wait for the teacher's reveal)."""
    return bool(teacher_code() or student_code())


def revealed(question: str) -> bool:
    """True once the class's teacher revealed ``question``."""
    return question in _ss().get(_REVEALED, frozenset())


_PROBLEMS = {cs.StoreUnavailable: "class.unavailable", cs.ClassNotFound: "class.gone", cs.RateLimited: "class.rate",
             cs.TooManyClasses: "class.too_many"}


def _call(fn: Callable, *args) -> tuple[bool, object]:
    """``(True, fn(store, *args))``, or ``(False, None)`` with the problem kept as the note the panel shows."""
    try:
        result = fn(store(), *args)
    except tuple(_PROBLEMS) as exc:
        _ss()[_NOTE] = _PROBLEMS[type(exc)]
        return False, None
    _ss()[_NOTE] = ""
    return True, result


# ---- the predict machinery's hook ----------------------------------------------------------------
def question(qid: str, labels: Sequence[str], picked: int | None, lang: str) -> bool:
    """Below a question's choices: send a student's pick, or show the teacher the counts and the class reveal.

    Returns whether the answer is revealed to the class.
    """
    if teacher_code():
        _live_counts(qid, tuple(labels), lang)
        st.button(t("class.reveal", lang), key=f"{qid}_class_reveal", on_click=_reveal, args=(qid,),
                  disabled=revealed(qid), type="primary")
    else:
        if picked is not None and _ss().setdefault(_SENT, {}).get(qid) != picked and not revealed(qid):
            _ss().setdefault(_UNSENT, {})[qid] = picked
            if not _send_answers():
                st.caption(t(_ss()[_NOTE], lang))
        if not revealed(qid):
            st.caption(t("class.wait" if picked is not None else "class.pick", lang))
    return revealed(qid)


def _send_answers() -> bool:
    """Send the picks the store has not taken yet; whether all went out."""
    unsent, sent = _ss().setdefault(_UNSENT, {}), _ss().setdefault(_SENT, {})
    for qid, pick in list(unsent.items()):
        if not _call(cs.ClassStore.answer, student_code(), _ss()[_SID], qid, pick)[0]:
            return False
        sent[qid] = unsent.pop(qid)
    return True


def _reveal(qid: str) -> None:
    if _call(cs.ClassStore.reveal, teacher_code(), _ss()[_TOKEN], qid)[0]:
        _ss()[_REVEALED] = _ss().get(_REVEALED, frozenset()) | {qid}


def bars_html(labels: Sequence[str], counts: Sequence[int]) -> str:
    """The teacher's bar chart of the answers: one row per choice (text escaped; constant CSS).

    Examples
    --------
    >>> "width:75%" in bars_html(["a", "b"], [3, 1])
    True
    """
    total = max(1, sum(counts))
    rows = "".join(
        f'<div class="cs-bar"><span class="cs-label">{html.escape(label)}</span>'
        f'<span class="cs-track"><span class="cs-fill" style="width:{round(100 * n / total)}%"></span></span>'
        f'<span class="cs-n">{int(n)}</span></div>'
        for label, n in zip(labels, counts)
    )
    return f"<style>{_BARS_CSS}</style><div class='cs-bars'>{rows}</div>"


_BARS_CSS = """
.cs-bar { display: grid; grid-template-columns: minmax(8rem, 2fr) 3fr 3rem; gap: 0.6rem; align-items: center;
          margin: 0.25rem 0; font-size: 1.05rem; }
.cs-track { background: #e6ebf1; border-radius: 4px; height: 1.3rem; display: block; }
.cs-fill { background: #1f6feb; border-radius: 4px; height: 100%; display: block; }
.cs-n { font-weight: 600; text-align: right; }
"""


@st.fragment(run_every=POLL_S)
def _live_counts(qid: str, labels: tuple[str, ...], lang: str) -> None:
    ok, counts = _call(cs.ClassStore.counts, teacher_code(), qid)
    ok, state_now = _call(cs.ClassStore.state, teacher_code()) if ok else (False, None)
    if not ok:
        st.caption(t(_ss()[_NOTE], lang))
        return
    st.html(bars_html(labels, counts))
    st.caption(t("class.answered", lang, n=sum(counts), m=state_now.members))


# ---- the panel: teacher ------------------------------------------------------------------------
def _new_class(s: cs.ClassStore) -> cs.ClassKeys:
    s.cleanup()  # expired classes go when a new one starts
    return s.create_class()


def _start() -> None:
    ok, keys = _call(_new_class)
    if not ok:
        return
    _ss().update({_TEACHER_CODE: keys.code, _TOKEN: keys.teacher_token, _SHOW: True, _REVEALED: frozenset(),
                  _TOUCHED: time.monotonic(), _NOTE: ""})


def _end() -> None:
    _call(cs.ClassStore.end, teacher_code(), _ss()[_TOKEN])
    for key in (_TEACHER_CODE, _TOKEN, _SHOW, _REVEALED, _NOTE):
        _ss().pop(key, None)


def push_link() -> str:
    """The link of the page on the teacher's screen, with its settings (no global ones: each student keeps
    their language, palette and screen mode). Call after the page ran (its path and settings are known)."""
    ctx = get_script_run_ctx()
    page = ctx.pages_manager.get_pages().get(ctx.page_script_hash, {}) if ctx else {}
    query = urlencode(state.page_query_params())
    return "/" + page.get("url_pathname", "") + ("?" + query if query else "")


def push_pending() -> None:
    """Send the class to this page if the teacher pressed *Send everyone to this page* (the router calls this
    after the page ran: the page and its settings are this run's)."""
    if _ss().pop(_PUSH_PENDING, False) and teacher_code():
        _call(cs.ClassStore.push, teacher_code(), _ss()[_TOKEN], push_link())


def join_link(code: str) -> str:
    """The address students open: this server's origin (as the teacher's browser reached it) + ``/?class=CODE``."""
    url = urlsplit(st.context.url or "")
    origin = f"{url.scheme}://{url.netloc}" if url.scheme in ("http", "https") and url.netloc else ""
    return f"{origin}/?{urlencode({CODE: code})}"


def qr_png(text: str) -> bytes:
    """A QR code of ``text`` as PNG bytes, drawn here (segno: no outside request).

    Examples
    --------
    >>> qr_png("http://localhost:8501/?class=K7QM-3XPA")[:4]
    b'\x89PNG'
    """
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=10, border=2, dark="#1b1f24")
    return out.getvalue()


def _teacher_panel(lang: str) -> None:
    code = teacher_code()
    if time.monotonic() - _ss().get(_TOUCHED, 0.0) > TOUCH_S:
        _ss()[_TOUCHED] = time.monotonic()
        _call(cs.ClassStore.touch, code, _ss()[_TOKEN])
    with st.container(key="class_teacher"):
        if _ss().get(_SHOW):
            left, right = st.columns([3, 2])
            link = join_link(code)
            with left:
                st.caption(t("class.code_title", lang))
                st.html(f'<div class="cs-code" style="font-size:3.6rem;font-weight:700;letter-spacing:0.06em;'
                        f'font-family:monospace;white-space:nowrap;line-height:1.1">{html.escape(code)}</div>')
                st.caption(t("class.join_at", lang))
                st.code(link, language=None)
            with right:
                st.image(qr_png(link), width=260)
        cols = st.columns(3)
        cols[0].button(t("class.hide_code" if _ss().get(_SHOW) else "class.show_code", lang), key="class_show",
                       on_click=lambda: _ss().__setitem__(_SHOW, not _ss().get(_SHOW)))
        cols[1].button(t("class.push", lang), key="class_push", on_click=_ss().__setitem__, args=(_PUSH_PENDING, True))
        cols[2].button(t("class.end", lang), key="class_end", on_click=_end)
        _members_line(lang)


@st.fragment(run_every=POLL_S)
def _members_line(lang: str) -> None:
    ok, now = _call(cs.ClassStore.state, teacher_code())
    if not ok:
        st.warning(t(_ss()[_NOTE], lang))
    else:
        st.caption(t("class.members", lang, code=teacher_code(), n=now.members, pushes=now.push_seq))


# ---- the panel: student ------------------------------------------------------------------------
def _join_typed() -> None:
    try:
        code = parse_code(_ss().get("class_typed", ""))
    except ValueError:
        _ss()[_NOTE] = "class.code_invalid"
        return
    _ss().update({CODE: code, _NOTE: ""})


def _leave() -> None:
    for key in (_JOINED, _SENT, _UNSENT, _REVEALED, _SEEN_PUSH, _NOTE, _STAMP):
        _ss().pop(key, None)
    _ss()[CODE] = ""


def _follow(link: str) -> None:
    """Take a following student to the teacher's pushed page and settings, straight from the poll (the pages are
    known since the page's full run): one run of the new page, not a rerun of the old one first."""
    ctx = get_script_run_ctx()
    url = urlsplit(link)
    page = next((p for p in ctx.pages_manager.get_pages().values() if p.get("url_pathname") == url.path.strip("/")),
                None) if ctx else None
    if page is None:  # a page this version does not have
        return
    params = dict(parse_qsl(url.query))
    state.open_link(params)
    if page["page_script_hash"] == ctx.page_script_hash:
        st.rerun(scope="app")  # the same page with the teacher's settings
    main_dir = Path(ctx.main_script_path).parent
    st.switch_page(os.path.relpath(page["script_path"], main_dir), query_params={**params, CODE: student_code()})


def _sync(lang: str, question: str = "") -> bool:
    """A student's poll: join, send unsent picks, read the class; rerun the page for a push or a reveal it must
    show (a reveal of ``question``, the polling question itself, shows in its fragment now, the page later).
    Whether the store answered (else a warning is drawn)."""
    ss = _ss()
    code = student_code()
    if ss.get(_JOINED) != code and _call(cs.ClassStore.join, code, ss[_SID])[0]:
        ss[_JOINED] = code
    _send_answers()
    if time.monotonic() >= ss.get(_PAGE_DUE, float("inf")):
        del ss[_PAGE_DUE]
        st.rerun(scope="app")  # a revealed question's held-back numbers, on this student's turn
    ok, stamp = _call(cs.ClassStore.stamp, code)
    if ok and stamp == ss.get(_STAMP):
        return True  # nothing new: one small read, nothing drawn
    ok, now = _call(cs.ClassStore.state, code) if ok else (False, None)
    if not ok:
        st.warning(t(ss[_NOTE], lang))
        return False
    ss[_STAMP] = stamp
    new = now.revealed - ss.get(_REVEALED, frozenset())
    if new:
        ss[_REVEALED] = now.revealed
        if new - {question}:
            st.rerun(scope="app")  # the page shows the verdicts and the numbers they held back
        ss[_PAGE_DUE] = time.monotonic() + random.uniform(0.0, PAGE_SPREAD_S)
    if ss.get(FOLLOW, True) and now.push_seq > ss.get(_SEEN_PUSH, 0) and now.push_link:
        ss[_SEEN_PUSH] = now.push_seq
        _follow(now.push_link)
    return True


@st.fragment(run_every=STUDENT_POLL_S)
def _student_poll(lang: str) -> None:
    """The poll of a page with no question waiting for the reveal (draws nothing while the store answers)."""
    _sync(lang)


def _question_fragment(qid: str, lang: str, polls: bool, draw: Callable[[], bool]) -> bool:
    if polls:
        _sync(lang, qid)
    return draw()


def student_question(qid: str, lang: str, draw: Callable[[], bool]) -> bool:
    """Run ``draw`` (a student's question: choices, wait line, verdict; returns whether the answer shows) as a
    fragment; the first question of the run still waiting for the reveal also polls the class. Returns
    ``draw``'s result on a full run."""
    polls = not revealed(qid) and not _ss().get(_POLLER)
    if polls:
        _ss()[_POLLER] = qid
    run_every = STUDENT_POLL_S if polls else None
    return st.fragment(_question_fragment, run_every=run_every)(qid, lang, polls, draw)


def poll_after_page(lang: str) -> None:
    """A student whose page asked no waiting question polls from the sidebar (the router calls this after the
    page)."""
    slot = _ss().pop(_SLOT, None)
    if slot is not None and student_code() and not _ss().get(_POLLER):
        with slot:
            _student_poll(lang)


def _student_panel(lang: str) -> None:
    _ss().setdefault(_SID, secrets.token_hex(8))
    _ss()[_POLLER] = ""  # the page's first waiting question claims the poll
    _ss().pop(_PAGE_DUE, None)  # this run shows the whole page already
    _ss().pop(_STAMP, None)  # a full run reads the whole class state (e.g. following switched back on)
    with st.sidebar:
        st.caption(t("class.student_in", lang, code=student_code()))
        _ss()[_SLOT] = st.container()  # where poll_after_page puts the poll if no question takes it
        st.toggle(t("class.follow", lang), key=FOLLOW, value=True, help=t("class.follow_help", lang))
        st.button(t("class.leave", lang), key="class_leave", on_click=_leave)


def panel(lang: str, proj: bool) -> None:
    """The class controls for this session (call once per run, before the page)."""
    if teacher_code():
        _teacher_panel(lang)
    elif student_code():
        _student_panel(lang)
    else:
        with st.sidebar:
            if proj:
                st.button(t("class.start", lang), key="class_start", on_click=_start)
            st.text_input(t("class.join_label", lang), key="class_typed", on_change=_join_typed,
                          placeholder="K7QM-3XPA", max_chars=12)
            if _ss().get(_NOTE):
                st.caption(t(_ss()[_NOTE], lang))
