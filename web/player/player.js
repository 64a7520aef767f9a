// The node's watch page: /player/?title=ID plays title ID (the address other pages link to); without ?title= it only
// lists the titles from /api/titles (refreshed every few seconds). Playback uses hls.js with a quality selector (Auto or
// one rung), a subtitle selector (Off or one of the title's WebVTT tracks; off unless the viewer chose one before or the
// browser's language matches a track) and keyboard controls: Space play/pause, ←/→ seek 5 s, ↑/↓ volume, F full
// screen, M mute, C subtitles on/off. The volume and the subtitle choice are remembered (localStorage).
// Requests carry the viewer's session: the web app's HttpOnly cookie (set at sign-in on /app/), sent with every
// same-origin fetch and hls.js XHR; no token is ever typed into or kept by this page. The header is the app's: a link
// back to it, and Sign in (anonymous, returning to the title's page) or Account (signed in).
// window.player holds what the page knows about playback, so scripts (the browser checks) can read it.
'use strict';

const REFRESH_MS = 5000;
const SEEK_SECONDS = 5;
const VOLUME_STEP = 0.1;
// Earlier versions kept a pasted access token in web storage: anything left there is removed.
const TOKEN_KEY = 'mediaPlatform.token';
const VOLUME_KEY = 'mediaPlatform.volume';
const SUBTITLES_KEY = 'mediaPlatform.subtitles'; // a language tag, or 'off'
localStorage.removeItem(TOKEN_KEY);
sessionStorage.removeItem(TOKEN_KEY);

const player = window.player = {
  titleId: null,
  status: null,         // the title's status as the API last said
  levels: [],           // the master playlist's variants, once hls.js has parsed it
  currentLevel: -1,     // the level hls.js plays now (-1 before the first switch)
  autoLevel: true,      // whether hls.js picks the level (the quality selector's Auto)
  loadedLevels: [],     // the level of each video fragment loaded, in order
  subtitleTracks: [],   // { name, lang } per subtitle track of the title
  subtitleTrack: -1,    // the track shown (-1: off)
  signedIn: null,       // whether the session cookie is a signed-in viewer's (once asked)
  fatalError: null,     // the first error hls.js or the video element could not recover from
  errors: [],           // recoverable hls.js errors, for diagnosis
  processingPercent: null, // while an unpublished title plays: how much of it is encoded
};

const $ = (id) => document.getElementById(id);
let hls = null;
let waitingTimer = null;
let lastSubtitleTrack = 0; // what C turns back on

class HttpError extends Error {
  constructor(message, status) { super(message); this.status = status; }
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    // The API answers problems as application/problem+json; its detail says what went wrong.
    const problem = await response.json().catch(() => null);
    throw new HttpError(problem?.detail || `${url} answered ${response.status}`, response.status);
  }
  return response.json();
}

function showMessage(element, text, isError = false) {
  element.textContent = text;
  element.classList.toggle('error', isError);
}

// ---- the list ----

function progressCell(title) {
  const cell = document.createElement('td');
  if (title.status === 'Transcoding' && title.progressPercent != null) {
    const bar = document.createElement('progress');
    bar.max = 100;
    bar.value = title.progressPercent;
    bar.setAttribute('aria-label', `${title.name}: ${title.progressPercent}% transcoded`);
    cell.append(bar, ` ${title.progressPercent}%`);
  } else if (title.status === 'Failed' && title.failureReason) {
    cell.textContent = title.failureReason;
  }
  return cell;
}

function titleRow(title) {
  const row = document.createElement('tr');
  const name = document.createElement('td');
  const link = document.createElement('a');
  link.href = `?title=${encodeURIComponent(title.titleId)}`;
  link.textContent = title.name;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    history.pushState(null, '', link.href);
    play(title.titleId);
  });
  name.append(link);
  const status = document.createElement('td');
  status.textContent = title.status;
  status.className = `status-${title.status}`;
  row.append(name, status, progressCell(title));
  return row;
}

async function refreshList() {
  const message = $('list-message');
  try {
    const list = await getJson('/api/titles?limit=100');
    $('titles').tBodies[0].replaceChildren(...list.titles.map(titleRow));
    showMessage(message, list.total === 0 ? 'No titles yet.' : `${list.total} title(s)`);
  } catch (error) {
    showMessage(message, `Could not load titles: ${error.message}`, true);
  }
}

// ---- the header: who is signed in ----

// Anonymous viewers get Sign in, which returns to the title's page in the app (or home); a signed-in viewer, Account.
async function showSession() {
  let signedIn = false;
  try {
    const response = await fetch('/api/sessions/current', { credentials: 'same-origin' });
    signedIn = response.ok;
  } catch { /* the node is unreachable: the list's message says so */ }
  player.signedIn = signedIn;
  const titleId = new URLSearchParams(location.search).get('title');
  const next = titleId && /^[\w-]+$/.test(titleId) ? `#/title/${titleId}` : '#/';
  $('sign-in-link').href = `/app/#/signin?next=${encodeURIComponent(next)}`;
  $('sign-in-link').hidden = signedIn;
  $('account-link').hidden = !signedIn;
}

// ---- what the viewer chose before ----

function remembered(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

function remember(key, value) {
  try { localStorage.setItem(key, value); } catch { /* storage full or blocked: the choice lasts this visit only */ }
}

function restoreVolume(video) {
  const volume = Number(remembered(VOLUME_KEY));
  if (remembered(VOLUME_KEY) !== null && volume >= 0 && volume <= 1) video.volume = volume;
}

// The track to show when a title starts: the viewer's last choice ('off' or a language) wins; without one, the
// first track in a language the browser prefers; otherwise none.
function initialSubtitleTrack(tracks) {
  const base = (tag) => (tag || '').toLowerCase().split('-')[0];
  const byLanguage = (tag) => {
    const exact = tracks.findIndex((t) => (t.lang || '').toLowerCase() === tag.toLowerCase());
    return exact >= 0 ? exact : tracks.findIndex((t) => base(t.lang) === base(tag));
  };
  const chosen = remembered(SUBTITLES_KEY);
  if (chosen === 'off') return -1;
  if (chosen) {
    const index = byLanguage(chosen);
    if (index >= 0) return index;
  }
  for (const language of navigator.languages ?? [navigator.language]) {
    const index = byLanguage(language);
    if (index >= 0) return index;
  }
  return -1;
}

// ---- playback ----

// The first fatal error is the cause; later ones (e.g. an interrupted play()) only follow from it.
function fail(text) {
  if (player.fatalError) return;
  player.fatalError = text;
  showMessage($('player-message'), text, true);
}

function startPlayback(video) {
  video.play().catch((error) => {
    // Browsers refuse to start sound without a click; start muted instead, the controls unmute.
    if (error.name === 'AbortError') return; // a new load or the player's teardown interrupted it
    if (error.name !== 'NotAllowedError') return fail(`Playback did not start: ${error.message}`);
    video.muted = true;
    video.play()
      .then(() => showMessage($('player-message'), 'Playing muted (the browser blocked autoplay with sound).'))
      .catch((again) => showMessage($('player-message'), `Press play to start (${again.message}).`));
  });
}

function levelLabel(level) {
  return `${level.height}p · ${Math.round(level.bitrate / 1000)} kbps`;
}

function fillQualities() {
  const select = $('quality');
  const options = player.levels.map((level, index) => new Option(levelLabel(level), String(index)));
  select.replaceChildren(new Option('Auto', '-1'), ...options);
  select.value = '-1';
  select.disabled = player.levels.length === 0;
}

// Auto says which rung it is on, so a viewer sees what Auto chose.
function showAutoLevel() {
  const level = player.levels[player.currentLevel];
  $('quality').options[0].text = player.autoLevel && level ? `Auto (${level.height}p)` : 'Auto';
}

function fillSubtitles() {
  const select = $('subtitles');
  const options = player.subtitleTracks.map((track, index) => new Option(track.name || track.lang || `Track ${index + 1}`, String(index)));
  select.replaceChildren(new Option('Off', '-1'), ...options);
  select.disabled = player.subtitleTracks.length === 0;
  select.value = String(player.subtitleTrack);
}

function showSubtitleTrack(index, rememberChoice) {
  if (!hls) return;
  const track = player.subtitleTracks[index];
  const wanted = track ? index : -1;
  hls.subtitleDisplay = wanted >= 0;
  hls.subtitleTrack = wanted;
  player.subtitleTrack = wanted;
  if (wanted >= 0) lastSubtitleTrack = wanted;
  $('subtitles').value = String(wanted);
  if (rememberChoice) remember(SUBTITLES_KEY, track ? track.lang || track.name : 'off');
}

function chooseQuality(index) {
  if (!hls) return;
  const level = Number(index);
  player.autoLevel = level < 0;
  // currentLevel switches now (the buffer ahead is replaced); -1 hands the choice back to hls.js's estimate.
  hls.currentLevel = level;
  showAutoLevel();
}

// startPosition: where to begin (seconds), e.g. where the viewer left off (history.js); null: the start.
function attachHls(video, url, startPosition = null) {
  hls = new Hls(startPosition > 0 ? { startPosition } : {});
  hls.on(Hls.Events.MANIFEST_PARSED, (_, data) => {
    player.levels = data.levels.map((l) => ({ width: l.width, height: l.height, bitrate: l.bitrate }));
    fillQualities();
    showMessage($('player-message'), `${player.levels.length} quality level(s)`);
    startPlayback(video);
  });
  hls.on(Hls.Events.LEVEL_SWITCHED, (_, data) => {
    player.currentLevel = data.level;
    showAutoLevel();
  });
  hls.on(Hls.Events.FRAG_LOADED, (_, data) => {
    if (data.frag.type === 'main') player.loadedLevels.push(data.frag.level);
  });
  hls.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, (_, data) => {
    player.subtitleTracks = data.subtitleTracks.map((t) => ({ name: t.name, lang: t.lang }));
    fillSubtitles();
    // hls.js selects its own default track right after this event and only then adds the <track> elements, so the
    // viewer's track is chosen once it is done.
    const instance = hls;
    queueMicrotask(() => { if (hls === instance) showSubtitleTrack(initialSubtitleTrack(player.subtitleTracks), false); });
  });
  hls.on(Hls.Events.ERROR, (_, data) => {
    if (!data.fatal) {
      player.errors.push(`${data.type}: ${data.details}`);
      return;
    }
    fail(`Player error: ${data.type} ${data.details}${data.response ? ` (HTTP ${data.response.code})` : ''}`);
    hls.destroy();
    hls = null;
  });
  hls.loadSource(url);
  hls.attachMedia(video);
}

function stop() {
  $('player-offer').hidden = true;
  hls?.destroy();
  hls = null;
  clearTimeout(waitingTimer);
  Object.assign(player, {
    titleId: null, status: null, levels: [], currentLevel: -1, autoLevel: true, loadedLevels: [],
    subtitleTracks: [], subtitleTrack: -1, fatalError: null, errors: [], processingPercent: null,
  });
  $('processing').hidden = true;
  window.seekPreview?.clear();
  fillQualities();
  fillSubtitles();
}

function duration(text) {
  // A .NET TimeSpan as JSON: "[d.]hh:mm:ss[.fffffff]".
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)/.exec(text || '');
  if (!match) return null;
  const [, days = 0, h, m, s] = match.map((v) => v && Number(v));
  return ((days * 24 + h) * 60 + m) * 60 + s;
}

// What a viewer is told about a title that cannot be played yet, from its status and progress.
function notPlayable(title) {
  const name = `“${title.name}”`;
  switch (title.status) {
    case 'Failed':
      return `${name} could not be published: ${title.failure?.reason ?? 'its processing failed'}.`;
    case 'Created':
      return `${name} has no video yet: its source has not been uploaded.`;
    case 'Transcoding': {
      const progress = title.progress;
      const left = duration(progress?.estimatedRemaining);
      const eta = left == null ? '' : `, about ${left < 60 ? `${left} s` : `${Math.ceil(left / 60)} min`} left`;
      return `${name} is not published yet: transcoding, ${progress ? `${progress.percent}%` : 'starting'}${eta}.`;
    }
    default:
      return `${name} is not published yet (status: ${title.status}).`;
  }
}

// Subscribe (the account's plan) or buy (the app's title page); a signed-out viewer signs in first and comes back.
function notEntitled(title, reason) {
  const titlePage = `#/title/${encodeURIComponent(title.titleId)}`;
  const signedOut = reason === 'sign in to watch';
  $('offer-subscribe').href = signedOut ? `/app/#/signin?next=${encodeURIComponent('#/account')}` : '/app/#/account';
  $('offer-buy').href = signedOut ? `/app/#/signin?next=${encodeURIComponent(titlePage)}` : `/app/${titlePage}`;
  $('player-offer').hidden = false;
  fail(signedOut ? 'Sign in, then subscribe or buy this title to watch.' : `Subscribe or buy this title to watch (${reason}).`);
}

// The master of a title still transcoding, if its first chunks are encoded and it is ours to see; otherwise null.
async function earlyPlaybackUrl(title) {
  if (title.status !== 'Transcoding' && title.status !== 'QualityCheck') return null;
  const url = `/media/titles/${encodeURIComponent(title.titleId)}/master.m3u8`;
  // GET, not HEAD: the session cookie is read on /media GETs only.
  const response = await fetch(url, { credentials: 'same-origin' }).catch(() => null);
  return response?.ok ? url : null;
}

// "Still processing: N % ready" under the video while the title is not published yet; hidden once it is.
function showProcessing(title) {
  const note = $('processing');
  const done = title.status === 'Published';
  note.hidden = done;
  player.processingPercent = done ? null : Math.round(title.progress?.percent ?? 0);
  if (!done) note.textContent = `Still processing: ${player.processingPercent} % ready`;
}

// Looks at the title again every few seconds while it plays unpublished, without touching the playback.
function followProcessing(titleId) {
  clearTimeout(waitingTimer);
  waitingTimer = setTimeout(async () => {
    if (player.titleId !== titleId) return;
    const title = await getJson(`/api/titles/${encodeURIComponent(titleId)}`).catch(() => null);
    if (player.titleId !== titleId || !title) return followProcessing(titleId);
    player.status = title.status;
    if (title.status === 'Failed') { hls?.destroy(); hls = null; $('processing').hidden = true; return fail(notPlayable(title)); }
    showProcessing(title);
    if (title.status !== 'Published') followProcessing(titleId);
  }, REFRESH_MS);
}

// The video and its settings show only for a title that can be played; a message alone says why another cannot.
function showPlayback(visible) {
  $('playback').hidden = !visible;
}

async function play(titleId) {
  stop();
  player.titleId = titleId;
  $('player').hidden = false;
  showPlayback(true);
  const video = $('video');
  restoreVolume(video);
  showMessage($('player-message'), 'Loading…');
  let title;
  try {
    title = await getJson(`/api/titles/${encodeURIComponent(titleId)}`);
  } catch (error) {
    $('now-playing').textContent = 'Title unavailable';
    showPlayback(false);
    if (error.status === 404) return fail(`Title ${titleId} was not found, or it is not yours to watch: sign in as its owner, or check the link.`);
    if (error.status === 401 || error.status === 403) return fail(`You may not watch title ${titleId}: ${error.message}`);
    return fail(`Could not open title ${titleId}: ${error.message}`);
  }
  if (player.titleId !== titleId) return; // another title was chosen meanwhile
  player.status = title.status;
  $('now-playing').textContent = title.name;
  const early = title.playbackUrl ? null : await earlyPlaybackUrl(title);
  if (player.titleId !== titleId) return;
  if (early) {
    // Playable while it transcodes: hls.js reloads the growing (EVENT) playlists and plays on as chunks are encoded.
    showProcessing(title);
    followProcessing(titleId);
    title = { ...title, playbackUrl: early };
  }
  if (!title.playbackUrl) {
    showPlayback(false);
    if (title.status === 'Failed') return fail(notPlayable(title));
    // Still on its way: say where it is and look again, so it plays as soon as it is published.
    showMessage($('player-message'), notPlayable(title));
    waitingTimer = setTimeout(() => { if (player.titleId === titleId) play(titleId); }, REFRESH_MS);
    return;
  }
  // Published titles play for their owner, subscribers and buyers: anyone else is told how to watch. (A title still
  // transcoding is served to its owner only, so there is nothing to ask.)
  const entitlement = early ? null : await getJson(`/api/titles/${encodeURIComponent(titleId)}/entitlement`).catch(() => null);
  if (player.titleId !== titleId) return;
  if (entitlement && !entitlement.canWatch) {
    showPlayback(false);
    return notEntitled(title, entitlement.reason);
  }
  window.seekPreview?.load(title.thumbnailsUrl); // published titles have a preview track; others get a plain bar
  const resumeAt = await window.watchHistory?.resumePosition(titleId).catch(() => null);
  if (player.titleId !== titleId) return;
  if (window.Hls?.isSupported()) attachHls(video, title.playbackUrl, resumeAt);
  else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = title.playbackUrl;
    if (resumeAt > 0) video.addEventListener('loadedmetadata', () => { video.currentTime = resumeAt; }, { once: true });
    startPlayback(video);
  }
  else fail(window.Hls ? 'This browser cannot play HLS (no Media Source Extensions).'
    : 'The player library (hls.min.js) did not load.');
}

function playFromAddress() {
  const titleId = new URLSearchParams(location.search).get('title');
  if (titleId) play(titleId);
  else { stop(); $('player').hidden = true; }
}

// ---- keyboard ----

function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  else $('stage').requestFullscreen?.().catch((error) => showMessage($('player-message'), `Full screen is not available: ${error.message}`));
}

function toggleSubtitles() {
  if (player.subtitleTracks.length === 0) return showMessage($('player-message'), 'This title has no subtitles.');
  showSubtitleTrack(player.subtitleTrack >= 0 ? -1 : lastSubtitleTrack, true);
}

const KEYS = {
  ' ': (video) => (video.paused ? startPlayback(video) : video.pause()),
  ArrowLeft: (video) => { video.currentTime = Math.max(0, video.currentTime - SEEK_SECONDS); },
  ArrowRight: (video) => { video.currentTime = Math.min(video.duration || Infinity, video.currentTime + SEEK_SECONDS); },
  ArrowUp: (video) => { video.muted = false; video.volume = Math.min(1, Math.round((video.volume + VOLUME_STEP) * 10) / 10); },
  ArrowDown: (video) => { video.volume = Math.max(0, Math.round((video.volume - VOLUME_STEP) * 10) / 10); },
  f: toggleFullscreen,
  m: (video) => { video.muted = !video.muted; },
  c: toggleSubtitles,
};

document.addEventListener('keydown', (event) => {
  if ($('player').hidden || $('playback').hidden || event.ctrlKey || event.metaKey || event.altKey) return;
  // Keys typed into a field or used on a control (Space on a button or a select) keep their own meaning.
  if (event.target.closest?.('input, select, textarea, button, summary, a, [contenteditable]')) return;
  const action = KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key];
  if (!action) return;
  event.preventDefault(); // no page scroll on Space and arrows, no second toggle by the video's own controls
  action($('video'));
});

// ---- start ----

$('video').addEventListener('error', (event) => {
  const error = event.target.error;
  if (error) fail(`Video error ${error.code}: ${error.message || 'the media could not be decoded'}`);
});
$('video').addEventListener('volumechange', (event) => remember(VOLUME_KEY, String(event.target.volume)));
$('quality').addEventListener('change', (event) => chooseQuality(event.target.value));
$('subtitles').addEventListener('change', (event) => showSubtitleTrack(Number(event.target.value), true));
window.addEventListener('popstate', playFromAddress);

showSession();
refreshList();
setInterval(refreshList, REFRESH_MS);
playFromAddress();
