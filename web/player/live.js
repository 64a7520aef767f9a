// Live mode of the watch page, and the "Live now" list of friends' streams.
// /player/?live=ID plays live stream ID (its owner's or a friend's) with hls.js from /api/live/ID/hls/master.m3u8: a
// LIVE badge, the stream's title and owner, how many are watching, and its state from GET /api/live/ID, asked again every few seconds — live
// (saying so when the broadcaster reconnected), interrupted (waiting for the broadcaster) or ended (and why). During an
// interruption the playlists stop growing and hls.js may give up loading; network errors are retried (startLoad after
// a pause), media errors recovered (recoverMediaError), and when the state says live again the page asks hls.js to
// load and play on, so playback resumes without a reload. window.player.live exposes what the page knows.
// On every visit a signed-in viewer sees their friends' streams on air (GET /api/live) with a "Watch live" link; a
// `liveStarted` push on /hubs/live adds one at once, and the list is also asked again every few seconds.
'use strict';

(() => {
  const POLL_MS = 3000;
  const RETRY_MS = 1000;
  const liveId = new URLSearchParams(location.search).get('live');

  // ---- friends' streams on air ----

  const streams = new Map(); // streamId → { streamId, ownerId, title, status }

  function watchLink(stream) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/player/?live=${encodeURIComponent(stream.streamId)}`;
    link.textContent = 'Watch live';
    link.className = 'watch-live';
    link.dataset.streamId = stream.streamId;
    const paused = stream.status === 'Interrupted' ? ' (interrupted)' : '';
    item.append(`${stream.title || 'Untitled stream'} — ${stream.ownerId}${paused} `, link);
    return item;
  }

  function showStreams() {
    const section = $('live-now');
    section.hidden = streams.size === 0;
    $('live-streams').replaceChildren(...[...streams.values()].map(watchLink));
  }

  let listening = false;

  async function refreshStreams() {
    const response = await fetch('/api/live', { credentials: 'same-origin' }).catch(() => null);
    if (!response?.ok) return; // signed out or unreachable: no list, and no hub connection to be refused
    if (!listening) {
      listening = true;
      listenForStreams();
    }
    const list = await response.json().catch(() => null);
    if (!list) return;
    streams.clear();
    for (const s of list.streams ?? []) streams.set(s.streamId, s);
    showStreams();
  }

  async function listenForStreams() {
    if (!window.signalR) return;
    const connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/live', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })
      .withAutomaticReconnect()
      .configureLogging(signalR.LogLevel.None) // a refused or dropped connection is not the page's error: the list is polled too
      .build();
    connection.on('liveStarted', (notice) => {
      streams.set(notice.streamId, { streamId: notice.streamId, ownerId: notice.ownerId, title: notice.title, status: 'Live' });
      showStreams();
    });
    await connection.start().catch(() => { /* signed out: the list stays as polled */ });
  }

  refreshStreams();
  setInterval(refreshStreams, POLL_MS * 2);

  if (!liveId) return;

  // ---- live mode ----

  const live = window.player.live = {
    id: liveId, view: null, state: null, attached: false, recoveries: 0, resumes: 0, error: null,
  };
  let retryTimer = null;

  function describe(view) {
    switch (view.status) {
      case 'Live':
        return view.sessions > 1 ? 'Live · the broadcaster reconnected' : 'Live';
      case 'Interrupted':
        return `Interrupted: waiting for the broadcaster${view.interruptReason ? ` (${view.interruptReason})` : ''}`;
      case 'Ended':
        return `This stream has ended (${[view.endReason, view.endDetail].filter(Boolean).join(': ') || 'ended'}).`;
      default:
        return 'Waiting for the broadcaster to start';
    }
  }

  function showView(view) {
    live.view = view;
    live.state = view.status;
    $('now-playing').textContent = view.title || 'Live stream';
    $('live-owner').textContent = `by ${view.ownerId}`;
    $('live-badge').hidden = view.status !== 'Live';
    const watching = view.status === 'Ended' ? '' : ` · ${view.viewers ?? 0} watching`;
    $('live-state').textContent = describe(view) + watching;
  }

  function retryLoad() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => { if (hls && live.attached) hls.startLoad(-1); }, RETRY_MS);
  }

  function restart(video) {
    hls?.destroy();
    hls = null;
    live.attached = false;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => { if (!hls && live.state !== 'Ended') attachLive(video); }, RETRY_MS);
  }

  // hls.js in live mode: it reloads the playlists by itself; errors are retried here instead of ending playback.
  function attachLive(video) {
    const instance = hls = new Hls({ liveSyncDurationCount: 3 });
    live.attached = true;
    instance.on(Hls.Events.MANIFEST_PARSED, (_, data) => {
      player.levels = data.levels.map((l) => ({ width: l.width, height: l.height, bitrate: l.bitrate }));
      fillQualities();
      startPlayback(video);
    });
    instance.on(Hls.Events.LEVEL_SWITCHED, (_, data) => { player.currentLevel = data.level; showAutoLevel(); });
    instance.on(Hls.Events.ERROR, (_, data) => {
      if (hls !== instance) return; // a destroyed player's late news
      player.errors.push(`${data.type}: ${data.details}${data.fatal ? ' (fatal)' : ''}`);
      if (!data.fatal) return;
      live.recoveries++;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
      else if (data.type === Hls.ErrorTypes.NETWORK_ERROR && hls.levels?.length) retryLoad();
      else restart(video); // no master yet (the first segments are not out) or nothing to recover: start afresh
    });
    instance.loadSource(`/api/live/${encodeURIComponent(liveId)}/hls/master.m3u8`);
    instance.attachMedia(video);
  }

  async function look() {
    let view;
    try {
      view = await getJson(`/api/live/${encodeURIComponent(liveId)}`);
    } catch (error) {
      live.error = error.message;
      if (error.status === 404 || error.status === 403 || error.status === 401 || error.status === 400) {
        $('now-playing').textContent = 'Live stream unavailable';
        showPlayback(false);
        return fail(error.status === 404 ? `Live stream ${liveId} was not found.` : `You may not watch live stream ${liveId}: ${error.message}`);
      }
      return setTimeout(look, POLL_MS); // the node is busy or unreachable: ask again
    }
    const before = live.view;
    showView(view);
    const video = $('video');
    if (view.status === 'Live' || view.status === 'Interrupted' || (view.status === 'Ended' && view.startedAt)) {
      if (!hls) attachLive(video);
      else if (view.status === 'Live' && before && (before.status !== 'Live' || before.sessions !== view.sessions)) {
        // The broadcaster is back: load on from the live edge and play, whatever hls.js gave up on meanwhile.
        live.resumes++;
        hls.startLoad(-1);
        if (video.paused) startPlayback(video);
      }
    }
    if (view.status !== 'Ended') setTimeout(look, POLL_MS);
  }

  stop();
  player.titleId = null;
  $('player').hidden = false;
  $('live-info').hidden = false;
  $('settings').hidden = true; // one automatic quality choice and no subtitles for a live stream
  showPlayback(true);
  restoreVolume($('video'));
  showMessage($('player-message'), '');
  if (!window.Hls?.isSupported()) return fail('This browser cannot play HLS (no Media Source Extensions).');
  look();
})();
