// The node's player page: lists titles from /api/titles (refreshed every few seconds) and plays a published one with
// hls.js. window.player holds what the page knows about playback, so scripts (the browser check) can read it.
'use strict';

const REFRESH_MS = 5000;
// The access token lives in sessionStorage: gone when the tab closes, never shared with other tabs or kept on disk
// as localStorage would. Anything a previous version left in localStorage is removed.
const TOKEN_KEY = 'mediaPlatform.token';
localStorage.removeItem(TOKEN_KEY);

const player = window.player = {
  titleId: null,
  levels: [],        // the master playlist's variants, once hls.js has parsed it
  fatalError: null,  // the first error hls.js or the video element could not recover from
  errors: [],        // recoverable hls.js errors, for diagnosis
};

const $ = (id) => document.getElementById(id);
let hls = null;

function authHeaders() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function getJson(url) {
  const response = await fetch(url, { headers: authHeaders() });
  if (!response.ok) {
    // The API answers problems as application/problem+json; its detail says what went wrong.
    const problem = await response.json().catch(() => null);
    throw new Error(problem?.detail || `${url} answered ${response.status}`);
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
    cell.append(bar, ` ${title.progressPercent}%`);
  } else if (title.status === 'Failed' && title.failureReason) {
    cell.textContent = title.failureReason;
  }
  return cell;
}

function titleRow(title) {
  const row = document.createElement('tr');
  const name = document.createElement('td');
  if (title.status === 'Published') {
    const link = document.createElement('a');
    link.href = `?title=${encodeURIComponent(title.titleId)}`;
    link.textContent = title.name;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState(null, '', link.href);
      play(title.titleId);
    });
    name.append(link);
  } else {
    name.textContent = title.name;
  }
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

function attachHls(video, url) {
  hls = new Hls();
  hls.on(Hls.Events.MANIFEST_PARSED, (_, data) => {
    player.levels = data.levels.map((l) => ({ width: l.width, height: l.height, bitrate: l.bitrate }));
    showMessage($('player-message'), `${player.levels.length} quality level(s)`);
    startPlayback(video);
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
  hls?.destroy();
  hls = null;
  Object.assign(player, { titleId: null, levels: [], fatalError: null, errors: [] });
}

async function play(titleId) {
  stop();
  player.titleId = titleId;
  $('player').hidden = false;
  const video = $('video');
  showMessage($('player-message'), 'Loading…');
  try {
    const title = await getJson(`/api/titles/${encodeURIComponent(titleId)}`);
    $('now-playing').textContent = title.name;
    if (!title.playbackUrl) return fail(`"${title.name}" is not published yet (status: ${title.status}).`);
    if (window.Hls?.isSupported()) attachHls(video, title.playbackUrl);
    else if (video.canPlayType('application/vnd.apple.mpegurl')) { video.src = title.playbackUrl; startPlayback(video); }
    else fail(window.Hls ? 'This browser cannot play HLS (no Media Source Extensions).'
      : 'The player library (hls.min.js) did not load.');
  } catch (error) {
    fail(`Could not open title ${titleId}: ${error.message}`);
  }
}

function playFromAddress() {
  const titleId = new URLSearchParams(location.search).get('title');
  if (titleId) play(titleId);
  else { stop(); $('player').hidden = true; }
}

// ---- start ----

$('video').addEventListener('error', (event) => {
  const error = event.target.error;
  if (error) fail(`Video error ${error.code}: ${error.message || 'the media could not be decoded'}`);
});
$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('token').value.trim();
  if (token) sessionStorage.setItem(TOKEN_KEY, token); else sessionStorage.removeItem(TOKEN_KEY);
  refreshList();
});
window.addEventListener('popstate', playFromAddress);

refreshList();
setInterval(refreshList, REFRESH_MS);
playFromAddress();
