// The backpressure's second half, shared by the live components (app/ui/live_component.py puts it
// before each one's module). `s` holds `inflight` (the seq on its way, or null), `settling` and
// `timer` (the echo timeout). The server echoes the seq it applied in `data`; the echo arrives with
// the run's first elements, so the slot is freed (and `next()` called) only once the run has ended
// and every image has loaded: the next value or frame would otherwise replace pictures the browser
// has not fetched yet.
function onEcho(s, seq, next) {
  if (s.inflight === null || seq < s.inflight || s.settling === s.inflight) return;
  s.settling = s.inflight;
  waitDrawn(s, s.inflight, next);
}

function waitDrawn(s, seq, next) {
  if (s.inflight !== seq) return; // given up on (the echo timeout) meanwhile
  const app = document.querySelector("[data-testid=stApp]");
  const running = app && app.getAttribute("data-test-script-state") === "running";
  if (running || [...document.images].some((i) => !i.complete && i.loading !== "lazy")) {
    requestAnimationFrame(() => waitDrawn(s, seq, next));
    return;
  }
  s.inflight = null;
  clearTimeout(s.timer);
  next();
}

