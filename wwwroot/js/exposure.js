// Timed presentation for fixed-exposure and staircase studies: shows the study image for a set exposure, measured with
// requestAnimationFrame, then covers it with a noise mask. Nothing here knows anything about the item itself.
//
// Style changes made in a requestAnimationFrame callback (and the microtasks after it) reach the screen with that
// frame's paint, so the time between the callback that reveals the image and the one that covers it is the exposure
// the screen gave, to within the compositor's latency (the same for both ends). The image is decoded before the rater
// is asked to start, so the first frame after Space already shows it.

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

function drawNoise(canvas) {
  const context = canvas.getContext('2d');
  if (!context) return;
  const { width, height } = canvas;
  const pixels = context.createImageData(width, height);
  const data = pixels.data;
  for (let i = 0; i < data.length; i += 4) {
    // Coloured noise of lesion-like brightness, so the mask erases the afterimage of colour and texture alike.
    data[i] = Math.random() * 255;
    data[i + 1] = Math.random() * 200;
    data[i + 2] = Math.random() * 200;
    data[i + 3] = 255;
  }
  context.putImageData(pixels, 0, 0);
}

async function loaded(img) {
  if (!img.complete) {
    await new Promise((resolve) => { img.addEventListener('load', resolve, { once: true }); img.addEventListener('error', resolve, { once: true }); });
  }
  try { await img.decode(); } catch { /* a broken image is shown (and measured) as it is */ }
}

// The ready state: the fixation cross and its prompt show until the rater presses Space (or clicks the frame), so the
// exposure starts when the page has settled and the rater looks, never while the page is still loading.
function ready(frame) {
  const cue = frame.querySelector('.ready-cue');
  cue.style.display = 'flex';
  frame.dataset.ready = 'waiting';
  return new Promise((resolve) => {
    const start = () => {
      document.removeEventListener('keydown', onKey, true);
      cue.removeEventListener('pointerdown', start);
      cue.style.display = 'none';
      frame.dataset.ready = 'started';
      resolve();
    };
    const onKey = (e) => {
      if (e.key !== ' ' || e.repeat || e.ctrlKey || e.altKey || e.metaKey) return;
      const tag = e.target && e.target.tagName ? e.target.tagName.toLowerCase() : '';
      if (tag === 'textarea' || tag === 'input') return;
      e.preventDefault(); // Space would scroll the page
      start();
    };
    document.addEventListener('keydown', onKey, true);
    cue.addEventListener('pointerdown', start);
  });
}

// Shows the frame's <img> for exposureMs once the rater is ready, then its <canvas> noise mask; resolves to the
// measured exposure in ms.
export async function present(frame, exposureMs) {
  const img = frame.querySelector('img');
  const mask = frame.querySelector('canvas');
  img.style.visibility = 'hidden';
  mask.style.display = 'none';
  await loaded(img);
  drawNoise(mask);
  await ready(frame);
  await nextFrame();
  const shownAt = await nextFrame();
  img.style.visibility = 'visible';
  let previous = shownAt;
  let interval = 1000 / 60;
  for (;;) {
    const now = await nextFrame();
    if (now > previous) interval = Math.min(interval, now - previous);
    previous = now;
    // Cover the image in the frame closest to the target: stop once less than half a frame is left.
    if (now - shownAt + interval / 2 >= exposureMs) {
      img.style.visibility = 'hidden';
      mask.style.display = 'block';
      return Math.round(now - shownAt);
    }
  }
}

// Shows only the noise mask: the frame's image was already shown (the page was reloaded) and is not shown again.
export function mask(frame) {
  const canvas = frame.querySelector('canvas');
  drawNoise(canvas);
  canvas.style.display = 'block';
}
