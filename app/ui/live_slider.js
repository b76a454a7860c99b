// The live slider (app/ui/live_slider.py): sends its value DURING a drag, with backpressure.
//
// At most one value is in flight: the next one is sent only when a run has drawn the previous
// one (the server echoes the applied move's `seq` in `data`, then the run ends and its images
// load); meanwhile only the newest value is kept, and the value at release (dragging=false) is
// always sent last. A move equal to the one
// on screen is skipped: it would start no change, so nothing would echo it.
const ECHO_TIMEOUT_MS = 4000; // a lost echo (run stopped by another widget) never blocks the slider

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const root = parentElement.querySelector(".cs-live");
  if (!root || !data) return;
  const s = root.__cs || (root.__cs = init(root, setStateValue));
  s.send = setStateValue; // the newest callback of this mount
  s.data = data;
  if (s.seq < data.seq) s.seq = data.seq; // a reloaded page continues the server's count
  if (!s.dragging && s.inflight === null && s.pending === null) s.value = data.value;
  draw(s);
  onEcho(s, data.seq, () => { // live_drawn.js: the run's pictures are drawn
    draw(s);
    flush(s);
    status(s);
  });
}

function init(root, setStateValue) {
  const s = {
    root, send: setStateValue, data: null, value: 0, seq: 0, inflight: null, pending: null,
    dragging: false, settling: null, timer: 0,
    thumb: root.querySelector(".cs-thumb"), track: root.querySelector(".cs-track"),
  };
  const fromPointer = (ev) => {
    const box = s.track.getBoundingClientRect();
    const f = box.width > 0 ? (ev.clientX - box.left) / box.width : 0;
    return snap(s, s.data.min + Math.min(1, Math.max(0, f)) * (s.data.max - s.data.min));
  };
  s.track.addEventListener("pointerdown", (ev) => {
    if (s.data.disabled || ev.button > 0) return;
    ev.preventDefault();
    try {
      s.track.setPointerCapture(ev.pointerId); // keep the drag when the hand leaves the track
    } catch (_) { /* a pointer the browser does not track (synthetic events): no capture */ }
    s.thumb.focus({ preventScroll: true });
    s.dragging = true;
    move(s, fromPointer(ev), true);
  });
  s.track.addEventListener("pointermove", (ev) => {
    if (s.dragging) move(s, fromPointer(ev), true);
  });
  const release = () => {
    if (!s.dragging) return;
    s.dragging = false;
    move(s, s.value, false);
  };
  s.track.addEventListener("pointerup", release);
  s.track.addEventListener("pointercancel", release);
  s.track.addEventListener("lostpointercapture", release);
  s.thumb.addEventListener("keydown", (ev) => {
    const d = s.data;
    if (d.disabled) return;
    const page = Math.max(d.step, Math.round((d.max - d.min) / 10 / d.step) * d.step);
    const by = { ArrowRight: d.step, ArrowUp: d.step, ArrowLeft: -d.step, ArrowDown: -d.step,
                 PageUp: page, PageDown: -page }[ev.key];
    let v;
    if (by !== undefined) v = snap(s, s.value + by);
    else if (ev.key === "Home") v = d.min;
    else if (ev.key === "End") v = snap(s, d.max);
    else return;
    ev.preventDefault();
    move(s, v, false);
  });
  return s;
}

// The grid value nearest to v: min + k·step, inside the range, without binary round-off.
function snap(s, v) {
  const d = s.data;
  const k = Math.round((Math.min(d.max, Math.max(d.min, v)) - d.min) / d.step);
  const x = Math.min(d.max, d.min + k * d.step);
  return Number(x.toFixed(d.decimals));
}

function move(s, v, dragging) {
  s.value = v;
  draw(s);
  s.pending = { value: v, dragging };
  flush(s);
}

function flush(s) {
  if (s.inflight !== null || s.pending === null) return;
  const next = s.pending;
  s.pending = null;
  const shown = s.data.value === next.value && s.data.dragging === next.dragging;
  if (shown) return status(s); // already drawn: no change, no run, no echo
  s.seq += 1;
  s.inflight = s.seq;
  const msg = { value: next.value, dragging: next.dragging, seq: s.seq };
  // setStateValue during a render call is dropped: defer it
  setTimeout(() => s.send("move", msg), 0);
  clearTimeout(s.timer);
  s.timer = setTimeout(() => { s.inflight = null; flush(s); }, ECHO_TIMEOUT_MS);
  status(s);
}

function text(s, v) {
  const d = s.data;
  const k = Math.round((v - d.min) / d.step);
  const label = d.labels && d.labels[k] !== undefined && Math.abs(d.min + k * d.step - v) < d.step / 2
    ? d.labels[k] : String(Number(v.toPrecision(4)));
  return label;
}

function draw(s) {
  const d = s.data;
  const r = s.root;
  const f = d.max > d.min ? (s.value - d.min) / (d.max - d.min) : 0;
  const shown = text(s, s.value);
  r.querySelector(".cs-label").textContent = d.label;
  r.querySelector(".cs-fill").style.width = `${100 * f}%`;
  s.thumb.style.left = `${100 * f}%`;
  const bubble = r.querySelector(".cs-bubble");
  bubble.textContent = shown;
  bubble.style.left = `${100 * f}%`;
  r.querySelector(".cs-min").textContent = text(s, d.min);
  r.querySelector(".cs-max").textContent = text(s, d.max);
  const help = r.querySelector(".cs-help");
  help.hidden = !d.help;
  help.setAttribute("aria-label", d.help || "");
  r.querySelector(".cs-tip").textContent = d.help || "";
  r.classList.toggle("cs-disabled", !!d.disabled);
  const t = s.thumb;
  t.setAttribute("aria-label", d.label);
  t.setAttribute("aria-valuemin", String(d.min));
  t.setAttribute("aria-valuemax", String(d.max));
  t.setAttribute("aria-valuenow", String(s.value));
  t.setAttribute("aria-valuetext", d.unit ? `${shown} ${d.unit}` : shown);
  t.setAttribute("aria-disabled", d.disabled ? "true" : "false");
  status(s);
}

// For tests and benchmarks: the value under the hand, the value drawn, and whether a move is on its way.
function status(s) {
  const r = s.root.dataset;
  r.value = String(s.value);
  r.drawn = String(s.data.value);
  r.drawnDragging = s.data.dragging ? "1" : "0";
  r.busy = s.inflight !== null || s.pending !== null ? "1" : "0";
}
