// The seek bar under the video, with the title's thumbnail previews: hovering it shows the thumbnail of the hovered
// moment (from the title's WebVTT thumbnail track: each cue names a region of a sprite sheet, "sprite-0.jpg#xywh=x,y,w,h",
// the way players read such tracks) and the time; clicking seeks there. A title without a track (not published, or
// packaged before previews were made) gets the bar without thumbnails. player.js calls seekPreview.load(url) with the
// title's thumbnailsUrl and seekPreview.clear() when playback stops. seekPreview.state is for the browser checks.
'use strict';

window.seekPreview = (() => {
  const $ = (id) => document.getElementById(id);
  const state = { url: null, cues: [], hoveredTime: null, shown: null };
  let loading = 0; // a newer load makes an older answer stale

  // "hh:mm:ss.mmm" or "mm:ss.mmm" to seconds.
  function seconds(stamp) {
    const parts = stamp.split(':').map(Number);
    return parts.reduce((total, part) => total * 60 + part, 0);
  }

  function parse(text, base) {
    const cues = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const timing = /^\s*([\d:.]+)\s+-->\s+([\d:.]+)/.exec(lines[i]);
      const target = timing && /^(.+)#xywh=(\d+),(\d+),(\d+),(\d+)\s*$/.exec(lines[i + 1] || '');
      if (!target) continue;
      const [, image, x, y, w, h] = target;
      cues.push({ start: seconds(timing[1]), end: seconds(timing[2]), image: new URL(image, base).href, x: +x, y: +y, w: +w, h: +h });
    }
    return cues;
  }

  async function load(url) {
    clear();
    if (!url) return;
    const mine = ++loading;
    state.url = url;
    const response = await fetch(url, { credentials: 'same-origin' }).catch(() => null);
    if (mine !== loading || !response?.ok) return; // no preview for this title: the bar still seeks
    const text = await response.text();
    if (mine === loading) state.cues = parse(text, new URL(url, location.href));
  }

  function clear() {
    loading++;
    Object.assign(state, { url: null, cues: [], hoveredTime: null, shown: null });
    $('seek-preview').hidden = true;
  }

  function cueAt(time) {
    return state.cues.find((c) => c.start <= time && time < c.end) ?? state.cues[state.cues.length - 1] ?? null;
  }

  function clock(time) {
    const s = Math.max(0, Math.floor(time));
    const mmss = `${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    return s >= 3600 ? `${Math.floor(s / 3600)}:${mmss}` : mmss;
  }

  // The moment under the pointer: the bar's width is the video's duration.
  function timeAt(event) {
    const box = $('seekbar').getBoundingClientRect();
    const duration = $('video').duration;
    if (!(duration > 0) || box.width === 0) return null;
    return Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)) * duration;
  }

  function hover(event) {
    const time = timeAt(event);
    const preview = $('seek-preview');
    if (time == null) { preview.hidden = true; return; }
    state.hoveredTime = time;
    const cue = cueAt(time);
    const thumb = $('seek-thumb');
    thumb.hidden = !cue;
    if (cue) {
      Object.assign(thumb.style, { width: `${cue.w}px`, height: `${cue.h}px`, backgroundImage: `url("${cue.image}")`, backgroundPosition: `-${cue.x}px -${cue.y}px` });
    }
    state.shown = cue ? { time, image: cue.image, x: cue.x, y: cue.y } : null;
    $('seek-time').textContent = clock(time);
    preview.hidden = false;
    // Centred over the pointer, kept inside the bar.
    const box = $('seekbar').getBoundingClientRect();
    const width = preview.offsetWidth;
    preview.style.left = `${Math.min(Math.max(0, event.clientX - box.left - width / 2), Math.max(0, box.width - width))}px`;
  }

  function showProgress() {
    const video = $('video');
    const fraction = video.duration > 0 ? video.currentTime / video.duration : 0;
    $('seek-fill').style.width = `${(fraction * 100).toFixed(2)}%`;
    $('seekbar').setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
    $('seekbar').setAttribute('aria-valuetext', clock(video.currentTime));
  }

  function start() {
    const bar = $('seekbar');
    bar.addEventListener('pointermove', hover);
    bar.addEventListener('pointerleave', () => { $('seek-preview').hidden = true; state.hoveredTime = null; });
    bar.addEventListener('click', (event) => {
      const time = timeAt(event);
      if (time != null) $('video').currentTime = time;
    });
    for (const name of ['timeupdate', 'durationchange', 'emptied']) $('video').addEventListener(name, showProgress);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
  return { load, clear, state };
})();
