// The rating page's browser side: keyboard shortcuts (each key goes to the server with the item's active time so far,
// so an answer by key is one call), active time per item with idle time excluded, and preloading of the next image. Nothing here knows anything about the items themselves.

// No input for this long counts as idle (issue 6: "no input for 60 s").
const DEFAULT_IDLE_MS = 60_000;
const TICK_MS = 250;

let session = null;

function isTyping(target) {
  if (!target || !target.tagName) return false;
  const tag = target.tagName.toLowerCase();
  return tag === 'textarea' || (tag === 'input' && !['checkbox', 'radio', 'button'].includes(target.type));
}

// Adds the time since the last tick when the tab was visible and the rater gave input recently.
function tick(s) {
  const now = performance.now();
  if (document.visibilityState === 'visible' && now - s.lastInput < s.idleMs) {
    s.active += now - s.lastTick;
  }
  s.lastTick = now;
}

export function attach(dotnet, idleMs) {
  detach();
  const s = {
    dotnet,
    idleMs: idleMs || DEFAULT_IDLE_MS,
    active: 0,
    lastTick: performance.now(),
    lastInput: performance.now(),
    preloaded: null,
  };
  s.onInput = () => { tick(s); s.lastInput = performance.now(); };
  s.onVisibility = () => { tick(s); if (document.visibilityState === 'visible') s.lastInput = performance.now(); };
  s.onKey = (e) => {
    s.onInput();
    if (e.ctrlKey || e.altKey || e.metaKey || e.repeat) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      s.dotnet.invokeMethodAsync('OnKeyAsync', 'Enter', activeMs());
      return;
    }
    if (e.key === 'Escape' && isTyping(e.target)) {
      e.target.blur();
      return;
    }
    if (isTyping(e.target)) return;
    if (/^[1-6a-z+\-0]$/.test(e.key) || e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      s.dotnet.invokeMethodAsync('OnKeyAsync', e.key, activeMs());
    }
  };
  document.addEventListener('keydown', s.onKey);
  document.addEventListener('visibilitychange', s.onVisibility);
  for (const type of ['pointermove', 'pointerdown', 'wheel', 'touchstart']) {
    document.addEventListener(type, s.onInput, { passive: true });
  }
  s.timer = setInterval(() => tick(s), TICK_MS);
  session = s;
}

// Called when a new item is shown: its clock starts at zero.
export function startItem() {
  if (!session) return;
  session.active = 0;
  session.lastTick = performance.now();
  session.lastInput = performance.now();
}

export function activeMs() {
  if (!session) return 0;
  tick(session);
  return Math.round(session.active);
}

// Warms the browser cache so the next image shows at once after Enter.
export function preload(url) {
  if (!session || !url) return;
  const img = new Image();
  img.decoding = 'async';
  img.src = url;
  session.preloaded = img;
}

export function detach() {
  const s = session;
  if (!s) return;
  clearInterval(s.timer);
  document.removeEventListener('keydown', s.onKey);
  document.removeEventListener('visibilitychange', s.onVisibility);
  for (const type of ['pointermove', 'pointerdown', 'wheel', 'touchstart']) {
    document.removeEventListener(type, s.onInput);
  }
  session = null;
}
