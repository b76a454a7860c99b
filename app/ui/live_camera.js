// The live camera (app/ui/live_camera.py): camera frames go to the server with the live slider's backpressure.
//
// At most one frame is in flight: the next one is taken from the video only when a run has drawn
// the previous one (the server echoes the frame's `seq` in `data`, then the run ends and its images
// load), so the frame sent is always the newest and a slow server gets fewer frames, never a queue.
// Frozen (data.frozen): the camera is off and nothing is sent; the server keeps its frame.
const ECHO_TIMEOUT_MS = 4000; // a lost echo (a run stopped by another widget) never blocks the video
const QUALITY = 0.8; // JPEG quality: a 256 px frame is ~10–20 kB

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const root = parentElement.querySelector(".cs-cam");
  if (!root || !data) return undefined;
  const s = root.__cs || (root.__cs = init(root));
  s.send = setStateValue; // the newest callback of this mount
  s.data = data;
  if (s.seq < data.seq) s.seq = data.seq; // a reloaded page continues the server's count
  if (data.frozen || (s.stream && s.openSide < data.side)) { // a larger frame size reopens the camera
    if (s.stream || s.starting) stop(s);
  }
  if (!data.frozen && s.wanted && !s.stream && !s.starting && !s.error) {
    start(s);
  }
  draw(s);
  onEcho(s, data.seq, () => capture(s)); // live_drawn.js: the run's pictures are drawn
  // Streamlit calls this when the component leaves the page (and for a stale render): the camera
  // goes off once the element is really gone (React may remove it a little later on a busy machine).
  return () => offWhenGone(s, 50);
}

function offWhenGone(s, checks) {
  if (!s.root.isConnected) stop(s);
  else if (checks > 0) setTimeout(() => offWhenGone(s, checks - 1), 200);
}

function init(root) {
  const s = {
    root, send: null, data: null, seq: 0, inflight: null, settling: null, timer: 0,
    stream: null, openSide: 0, gen: 0, starting: false, wanted: true, error: "", sent: 0,
    video: root.querySelector(".cs-video"), canvas: root.querySelector(".cs-canvas"),
    button: root.querySelector(".cs-toggle"),
  };
  s.button.addEventListener("click", () => {
    s.error = "";
    if (s.stream || s.starting) {
      s.wanted = false;
      stop(s);
    } else {
      s.wanted = true;
      start(s);
    }
    draw(s);
  });
  return s;
}

// Why the camera cannot open, as one of the messages the page sent (data.text).
function reason(err) {
  const name = err && err.name;
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "nodevice";
  if (name === "NotReadableError" || name === "AbortError") return "busy";
  return "failed";
}

async function start(s) {
  if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    s.error = "insecure";
    draw(s);
    return;
  }
  const gen = ++s.gen; // a stop() or another start() meanwhile makes this one stale
  s.starting = true;
  s.error = "";
  s.openSide = s.data.side;
  draw(s);
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: s.openSide }, height: { ideal: s.openSide } }, audio: false,
    });
    if (gen !== s.gen || !s.root.isConnected) { // stopped, frozen or gone while the browser asked
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    s.starting = false;
    s.stream = stream;
    s.video.srcObject = stream;
    await s.video.play().catch(() => {}); // muted video: autoplay is allowed
    draw(s);
    if (s.inflight === null) capture(s);
  } catch (err) {
    if (gen !== s.gen) return;
    s.starting = false;
    s.error = reason(err);
    draw(s);
  }
}

function stop(s) {
  s.gen += 1;
  s.starting = false;
  if (s.stream) s.stream.getTracks().forEach((track) => track.stop());
  s.stream = null;
  s.video.srcObject = null;
  s.inflight = null;
  clearTimeout(s.timer);
  draw(s);
}

// Take the video's current frame at the working size (long side data.side) and send it.
function capture(s) {
  if (!s.root.isConnected) return stop(s); // the picker switched away: camera off
  if (!s.stream || s.data.frozen || s.inflight !== null) return undefined;
  const v = s.video;
  if (v.readyState < 2 || !v.videoWidth) { // no frame decoded yet
    requestAnimationFrame(() => capture(s));
    return undefined;
  }
  const scale = s.data.side / Math.max(v.videoWidth, v.videoHeight);
  const w = Math.max(1, Math.round(v.videoWidth * scale));
  const h = Math.max(1, Math.round(v.videoHeight * scale));
  if (s.canvas.width !== w || s.canvas.height !== h) {
    s.canvas.width = w;
    s.canvas.height = h;
  }
  s.canvas.getContext("2d").drawImage(v, 0, 0, w, h);
  s.seq += 1;
  s.inflight = s.seq;
  s.sent += 1;
  const msg = { jpeg: s.canvas.toDataURL("image/jpeg", QUALITY), seq: s.seq };
  // setStateValue during a render call is dropped: defer it
  setTimeout(() => s.send("frame", msg), 0);
  clearTimeout(s.timer);
  s.timer = setTimeout(() => { s.inflight = null; capture(s); }, ECHO_TIMEOUT_MS);
  status(s);
  return undefined;
}

function draw(s) {
  const text = s.data.text;
  const live = !!s.stream;
  const msg = s.root.querySelector(".cs-msg");
  let line = "";
  if (s.error) line = text[s.error];
  else if (s.data.frozen) line = text.frozen;
  else if (s.starting) line = text.starting;
  else if (!live) line = text.stopped;
  msg.textContent = line; // text only: never markup
  msg.classList.toggle("cs-error", !!s.error);
  s.video.hidden = !live;
  s.button.hidden = !!s.data.frozen || s.error === "insecure";
  s.button.textContent = live || s.starting ? text.stop : text.start;
  status(s);
}

// For tests and benchmarks: frames sent, whether one is on its way, and whether the camera is on.
function status(s) {
  const r = s.root.dataset;
  r.sent = String(s.sent);
  r.busy = s.inflight !== null ? "1" : "0";
  r.live = s.stream ? "1" : "0";
  r.error = s.error;
}
