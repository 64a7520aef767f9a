// Watch history on the watch page (/player/?title=ID): a signed-in viewer's progress is reported to
// PUT /api/users/{id}/watch-history/{titleId} — "started" when playback of the title begins, "playing" every few
// seconds while it plays (the node says how often), "paused" on pause, a seek while paused and when the page goes away
// (fetch keepalive, so it outlives the page), "ended" at the end. The node keeps only what matters (see the README).
// When a title opens, playback resumes where the viewer left it (GET /api/users/{id}/continue-watching) unless the
// address says ?t=SECONDS. Requests carry the session cookie and the app's CSRF header, as every change on this site
// does. window.watchHistory exposes what happened (resumedAt, reports) for the browser checks.
'use strict';

(() => {
  const CSRF = { 'X-Requested-With': 'media-app' };
  const $ = (id) => document.getElementById(id);
  const state = window.watchHistory = {
    userId: null,     // the signed-in viewer, once known (null: nothing is reported)
    resumedAt: null,  // where the last opened title started, when not at 0
    reports: [],      // { event, positionSeconds, status, stored } of the last reports, newest last
    intervalSeconds: 5,
  };
  let session = null;
  let startedFor = null; // the title whose "started" was sent since it was opened
  let timer = null;

  function whoIsSignedIn() {
    session ??= fetch('/api/sessions/current', { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : null)).then((s) => { state.userId = s?.userId ?? null; return state.userId; })
      .catch(() => null);
    return session;
  }

  const titleId = () => (new URLSearchParams(location.search).get('title') && window.player?.titleId) || null;

  function rung() {
    const level = window.player?.levels?.[window.player.currentLevel];
    return level?.height ? `${level.height}p` : undefined;
  }

  async function report(event) {
    const title = titleId();
    const video = $('video');
    if (!title || !state.userId || !(video.duration > 0) || window.player?.fatalError) return;
    const body = { positionSeconds: Math.max(0, video.currentTime), event, rung: rung() };
    if (Number.isFinite(video.duration)) body.durationSeconds = video.duration;
    const entry = { event, positionSeconds: body.positionSeconds, status: null, stored: null };
    state.reports = [...state.reports.slice(-19), entry];
    try {
      const response = await fetch(`/api/users/${encodeURIComponent(state.userId)}/watch-history/${encodeURIComponent(title)}`, {
        method: 'PUT', keepalive: true, credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', ...CSRF }, body: JSON.stringify(body),
      });
      entry.status = response.status;
      const answer = response.ok ? await response.json() : null;
      entry.stored = answer?.stored ?? false;
      if (answer?.reportIntervalSeconds > 0) state.intervalSeconds = answer.reportIntervalSeconds;
    } catch { entry.status = 0; /* offline or the page is going away: the next report carries the position */ }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!$('video').paused) report('playing');
      schedule();
    }, state.intervalSeconds * 1000);
  }

  /** Where to start title ID: ?t=SECONDS if given, else the stored position of an unfinished title, else null (the start). */
  async function resumePosition(id) {
    state.resumedAt = null;
    startedFor = null;
    const t = Number(new URLSearchParams(location.search).get('t'));
    if (new URLSearchParams(location.search).has('t') && Number.isFinite(t) && t >= 0) return (state.resumedAt = t);
    const userId = await whoIsSignedIn();
    if (!userId) return null;
    const list = await fetch(`/api/users/${encodeURIComponent(userId)}/continue-watching`, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : null)).catch(() => null);
    const entry = list?.titles?.find((e) => e.titleId === id);
    return entry && entry.positionSeconds > 1 ? (state.resumedAt = entry.positionSeconds) : null;
  }
  state.resumePosition = resumePosition;

  const video = $('video');
  video.addEventListener('playing', () => {
    const title = titleId();
    if (!title) return;
    if (startedFor !== title) { startedFor = title; report('started'); }
    schedule();
  });
  video.addEventListener('pause', () => { if (!video.ended) report('paused'); });
  video.addEventListener('seeked', () => { if (video.paused && !video.ended && startedFor === titleId()) report('paused'); });
  video.addEventListener('ended', () => report('ended'));
  window.addEventListener('pagehide', () => { if (!video.paused) report('paused'); });
  whoIsSignedIn();
})();
