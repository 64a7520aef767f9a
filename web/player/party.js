// Party mode of the watch page: /player/?party=ID joins watch party ID over the SignalR hub (/hubs/party, the session
// cookie authenticates it), plays the party's title and keeps this video in step with the party's shared playback.
// The server is the clock: the page estimates its offset to the server NTP-style (several ServerTime() round trips,
// the offset of the quickest ones, smoothed), computes where playback should be from the party's position at a server
// timestamp, and corrects drift as SyncPlay does: above ~60 ms it nudges the playback rate, above ~400 ms it seeks.
// Pushed views carry a version: older or repeated ones are dropped. window.player.party exposes the figures. If the
// connection closes for good (its node died), the page connects again to the same origin and rejoins.
'use strict';

(() => {
  const partyId = new URLSearchParams(location.search).get('party');
  if (!partyId || !window.signalR) return;

  const NUDGE_SECONDS = 0.06;
  const SEEK_SECONDS = 0.4;
  const CHECK_MS = 250;
  const party = window.player.party = {
    id: partyId, view: null, version: 0, offsetMs: null, rttMs: null, driftMs: null, connected: false, error: null,
  };
  const chat = new Map(); // seq → line
  const samples = [];     // recent { offset, rtt } clock samples
  let suppressUntil = 0;  // local video events before this are echoes of applying the party's state

  const section = $('party');
  section.hidden = false;
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/party', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })
    .withAutomaticReconnect()
    .build();

  const serverNow = () => Date.now() + (party.offsetMs ?? 0);

  async function sampleClock() {
    const sent = Date.now();
    const server = await connection.invoke('ServerTime');
    const received = Date.now();
    samples.push({ offset: server - (sent + received) / 2, rtt: received - sent });
    if (samples.length > 8) samples.shift();
    // The quickest round trips say the most about the offset; smooth over them.
    const best = [...samples].sort((a, b) => a.rtt - b.rtt).slice(0, 3);
    const estimate = best.reduce((sum, s) => sum + s.offset, 0) / best.length;
    party.offsetMs = party.offsetMs === null ? estimate : party.offsetMs * 0.7 + estimate * 0.3;
    party.rttMs = best[0].rtt;
  }

  function expectedPosition(playback) {
    if (!playback.playing) return playback.positionSeconds;
    return playback.positionSeconds + Math.max(0, serverNow() - Date.parse(playback.at)) / 1000 * playback.rate;
  }

  function showState(view) {
    const members = $('party-members');
    members.replaceChildren(...view.members.map((m) => {
      const item = document.createElement('li');
      item.textContent = `${m.userId}${m.host ? ' (host)' : ''} — ${m.online ? 'here' : 'away'}`;
      return item;
    }));
    for (const line of view.chat) chat.set(line.seq, line);
    const log = $('party-chat');
    log.replaceChildren(...[...chat.values()].sort((a, b) => a.seq - b.seq).slice(-50).map((line) => {
      const item = document.createElement('li');
      item.textContent = `${line.userId}: ${line.text}`;
      return item;
    }));
    $('party-status').textContent = view.ended ? `This party has ended (${view.endReason}).`
      : `${view.playback.playing ? 'Playing' : 'Paused'} · control: ${view.control === 'HostOnly' ? 'host only' : 'everyone'}`;
  }

  function apply(view) {
    if (party.view && view.version <= party.view.version) return; // stale or repeated
    const first = !party.view;
    party.view = view;
    party.version = view.version;
    showState(view);
    if (first) play(view.media.id);
    const video = $('video');
    suppressUntil = performance.now() + 500;
    const target = expectedPosition(view.playback);
    if (Math.abs(video.currentTime - target) > SEEK_SECONDS || !view.playback.playing) video.currentTime = target;
    if (view.playback.playing && video.paused) startPlayback(video);
    if (!view.playback.playing && !video.paused) video.pause();
    video.playbackRate = view.playback.rate;
  }

  // Keeps the video where the party is: a small drift is absorbed by the rate, a large one by a seek.
  function correctDrift() {
    const video = $('video');
    const playback = party.view?.playback;
    if (!playback || party.offsetMs === null || video.readyState < 2) return;
    const drift = video.currentTime - expectedPosition(playback);
    party.driftMs = Math.round(drift * 1000);
    $('party-drift').textContent = `drift ${party.driftMs} ms · clock offset ${Math.round(party.offsetMs)} ms (rtt ${party.rttMs} ms)`;
    if (!playback.playing) return;
    if (Math.abs(drift) > SEEK_SECONDS) {
      suppressUntil = performance.now() + 500;
      video.currentTime = expectedPosition(playback);
      video.playbackRate = playback.rate;
    } else if (Math.abs(drift) > NUDGE_SECONDS) {
      video.playbackRate = playback.rate * (drift > 0 ? 0.92 : 1.08);
    } else {
      video.playbackRate = playback.rate;
    }
  }

  // One id per change the viewer makes; a retry of that change sends the same id, so the party applies it once.
  function operationId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join(''); // plain-HTTP pages
  }

  const refused = (error) => /HubException/.test(error.message);

  // Play/pause/seek/rate/chat: the operation id goes last. A call lost with the connection (not refused by the party) is
  // sent again under the same id once the connection is back.
  async function send(method, ...args) {
    const id = operationId();
    for (let attempt = 1; ; attempt++) {
      try {
        apply(await connection.invoke(method, partyId, ...args, id));
        return;
      } catch (error) {
        if (refused(error) || attempt >= 3) {
          showMessage($('party-status'), error.message.replace(/^.*HubException: /, ''), true);
          return;
        }
        await connected();
      }
    }
  }

  // Resolves once the connection is up again (at once if it is).
  function connected() {
    return new Promise((resolve) => {
      const check = () => (connection.state === signalR.HubConnectionState.Connected ? resolve() : setTimeout(check, 250));
      check();
    });
  }

  async function join() {
    const view = await connection.invoke('Join', partyId);
    party.connected = true;
    party.view = null; // a rejoin applies the party's state as it is now
    apply(view);
  }

  // Starts the connection (unless it is up) and joins: the party's state as it is now replaces what the page had.
  async function connectAndJoin() {
    if (connection.state === signalR.HubConnectionState.Disconnected) await connection.start();
    samples.length = 0;
    for (let i = 0; i < 5; i++) await sampleClock();
    await join();
  }

  // The connection closed for good (its node died and the automatic reconnects gave up): start it again on the same
  // origin — behind the balancer that is a surviving node — and rejoin, backing off up to 15 s between attempts. A
  // refusal (the party ended, the viewer is no longer a member) stops it.
  async function rejoin() {
    party.rejoins = (party.rejoins ?? 0) + 1;
    for (let delay = 1000; ; delay = Math.min(delay * 2, 15000)) {
      $('party-status').textContent = 'Connection lost; reconnecting…';
      await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        await connectAndJoin();
        return;
      } catch (error) {
        if (refused(error)) {
          showMessage($('party-status'), error.message.replace(/^.*HubException: /, ''), true);
          return;
        }
      }
    }
  }

  connection.on('state', apply);
  connection.onreconnecting(() => { party.connected = false; $('party-status').textContent = 'Reconnecting…'; });
  connection.onreconnected(() => join().catch((error) => showMessage($('party-status'), error.message, true)));
  connection.onclose(() => { party.connected = false; rejoin(); });

  // The viewer's own play, pause and seeks on the video become the party's (echoes of applied state are ignored).
  const video = $('video');
  video.addEventListener('play', () => { if (performance.now() > suppressUntil && party.view && !party.view.playback.playing) send('Play', video.currentTime); });
  video.addEventListener('pause', () => { if (performance.now() > suppressUntil && party.view?.playback.playing) send('Pause', video.currentTime); });
  video.addEventListener('seeked', () => {
    if (performance.now() > suppressUntil && party.view && Math.abs(video.currentTime - expectedPosition(party.view.playback)) > SEEK_SECONDS)
      send('Seek', video.currentTime);
  });
  $('party-chat-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('party-chat-text');
    if (input.value.trim()) send('Chat', input.value);
    input.value = '';
  });

  window.partyControl = { play: (at) => send('Play', at ?? null), pause: (at) => send('Pause', at ?? null), seek: (at) => send('Seek', at), chat: (text) => send('Chat', text) };

  connectAndJoin()
    .then(() => {
      setInterval(() => { if (party.connected) sampleClock().catch(() => {}); }, 5000);
      setInterval(correctDrift, CHECK_MS);
    })
    .catch((error) => {
      party.error = error.message;
      showMessage($('party-status'), `Could not join the party: ${error.message.replace(/^.*HubException: /, '')}`, true);
    });
})();
