// Plays one title in headless Chromium through the node's player page and checks that it really plays:
//   node play-title.mjs <base-url> <title-id> [--timeout-ms 90000] [--subtitles LANG] [--switch-quality]
//     [--pending TITLE-ID] [--processing] [--thumbnails] [--screenshot FILE.png]     (the owner's session: environment PLAYER_SESSION)
// The title plays for its owner (signed in by the session cookie PLAYER_SESSION); signed out, the page must say
// "Subscribe or buy this title to watch" and link to the app.
// Passes when hls.js has parsed the master playlist (at least one level) and video.currentTime has passed 3 s with no
// fatal player error and no JavaScript error. With --subtitles, the browser prefers French (so subtitles start off),
// the subtitle selector turns on the LANG track and a cue must be shown at its time; C must turn it off again.
// With --switch-quality, the quality selector picks a fixed rung and hls.js must switch to it and load its fragments.
// With --thumbnails, hovering the seek bar near its start and near its end must show a thumbnail from the title's
// sprite sheet (loaded, not a broken image) whose region (background position) differs between the two moments.
// The M key must mute. With --pending, that title (not published) must be explained, to its owner (signed in by the
// session cookie PLAYER_SESSION) and to anyone else, and the header must offer Sign in to the anonymous viewer and
// Account to the owner; an unknown title must be called not found; the page has no token box and fits a phone's
// width. On failure the page is saved to --screenshot. Prints one JSON line (the result) and exits 0 on pass, 1 on
// failure, 2 on bad arguments.
// With --processing, the title is still transcoding and played by its owner: the page must say "Still processing:
// N % ready" and the video must play past the end of what was encoded when it started (hls.js reloading the growing
// playlists); the other checks are skipped.
// With --resume (a signed-in viewer): the viewer seeks to 4 s, plays a moment and pauses; the page must report the
// paused position, and after a reload it must start near that position (±1.5 s); ?t=1 must start at 1 s instead; and
// the app's home page must list the title under "Continue watching".
// CHROMIUM_PATH overrides the browser (default: Debian's /usr/bin/chromium).
import { launchChromium, reportCheck } from './lib/chromium.mjs';

const PLAYED_SECONDS = 3;

function parseArgs(argv) {
  const positional = [];
  const options = { timeoutMs: 90_000, subtitles: null, switchQuality: false, thumbnails: false, pending: null, processing: false, resume: false, session: process.env.PLAYER_SESSION ?? null, screenshot: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--timeout-ms') options.timeoutMs = Number(argv[++i]);
    else if (argv[i] === '--subtitles') options.subtitles = argv[++i];
    else if (argv[i] === '--switch-quality') options.switchQuality = true;
    else if (argv[i] === '--thumbnails') options.thumbnails = true;
    else if (argv[i] === '--pending') options.pending = argv[++i];
    else if (argv[i] === '--processing') options.processing = true;
    else if (argv[i] === '--resume') options.resume = true;
    else if (argv[i] === '--screenshot') options.screenshot = argv[++i];
    else positional.push(argv[i]);
  }
  if (positional.length !== 2 || !(options.timeoutMs > 0)) {
    console.error('usage: node play-title.mjs <base-url> <title-id> [--timeout-ms N] [--subtitles LANG] [--switch-quality] [--pending ID] [--screenshot FILE]');
    process.exit(2);
  }
  return { ...options, baseUrl: positional[0].replace(/\/+$/, ''), titleId: positional[1] };
}

// What the page knows about playback (window.player) and the video element's clock.
const readState = () => ({
  levels: window.player?.levels ?? [],
  fatalError: window.player?.fatalError ?? null,
  errors: window.player?.errors ?? [],
  currentTime: document.querySelector('video')?.currentTime ?? 0,
  message: document.getElementById('player-message')?.textContent ?? '',
});

// The cue the showing subtitle track displays now, with the video's clock.
const readCue = () => {
  const video = document.querySelector('video');
  const showing = [...video.textTracks].find((t) => t.mode === 'showing');
  const cue = showing?.activeCues?.[0];
  return {
    currentTime: video.currentTime,
    track: showing ? { kind: showing.kind, label: showing.label, language: showing.language } : null,
    cue: cue ? { text: cue.text, startTime: cue.startTime, endTime: cue.endTime } : null,
  };
};

async function checkSubtitles(page, language, result, remaining) {
  result.subtitlesAtStart = await page.evaluate(() => ({
    track: window.player.subtitleTrack, tracks: window.player.subtitleTracks,
    showing: [...document.querySelector('video').textTracks].some((t) => t.mode === 'showing'),
  }));
  const index = result.subtitlesAtStart.tracks.findIndex((t) => t.lang === language);
  if (index < 0) return `no ${language} subtitle track is offered (tracks: ${JSON.stringify(result.subtitlesAtStart.tracks)})`;
  if (result.subtitlesAtStart.track !== -1 || result.subtitlesAtStart.showing)
    return `subtitles were on before the viewer chose them (the browser prefers French): ${JSON.stringify(result.subtitlesAtStart)}`;
  await page.selectOption('#subtitles', String(index));
  // A cue is shown, and it is shown at its time: the video's clock is inside the cue's span.
  await page.waitForFunction(() => {
    const video = document.querySelector('video');
    const cue = [...video.textTracks].find((t) => t.mode === 'showing')?.activeCues?.[0];
    return cue && cue.startTime <= video.currentTime && video.currentTime <= cue.endTime;
  }, null, { timeout: remaining(), polling: 50 }).catch(() => {});
  result.shownCue = await page.evaluate(readCue);
  const { cue, currentTime, track } = result.shownCue;
  if (!cue) return 'no subtitle cue was shown after the track was turned on';
  if (track.language !== language) return `the showing track is ${track.language}, not ${language}`;
  if (!(cue.startTime <= currentTime && currentTime <= cue.endTime + 0.25)) return `cue shown outside its time: ${JSON.stringify(result.shownCue)}`;
  result.rememberedSubtitles = await page.evaluate(() => localStorage.getItem('mediaPlatform.subtitles'));
  if (result.rememberedSubtitles !== language) return `the subtitle choice was not remembered (${result.rememberedSubtitles})`;
  // The remembered choice outlives the page and wins over the browser's French.
  await page.reload({ timeout: remaining() });
  await page.waitForFunction(() => [...document.querySelector('video').textTracks].some((t) => t.mode === 'showing')
    || window.player?.fatalError, null, { timeout: remaining(), polling: 100 }).catch(() => {});
  result.afterReload = await page.evaluate(readCue);
  if (result.afterReload.track?.language !== language) return `the remembered subtitles were not on after a reload: ${JSON.stringify(result.afterReload)}`;
  await page.waitForFunction(() => window.player.levels.length > 0 && document.querySelector('video').currentTime > 0.5,
    null, { timeout: remaining(), polling: 100 }).catch(() => {});
  await page.focus('#now-playing').catch(() => {});
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('c');
  result.afterC = await page.evaluate(() => ({
    track: window.player.subtitleTrack, showing: [...document.querySelector('video').textTracks].some((t) => t.mode === 'showing'),
  }));
  if (result.afterC.track !== -1 || result.afterC.showing) return `C did not turn the subtitles off: ${JSON.stringify(result.afterC)}`;
  return null;
}

// A viewer whose browser prefers the track's language (and who never chose) gets the subtitles on from the start.
async function checkPreferredLanguage(browser, url, language, result, remaining, session) {
  const context = await browser.newContext({ locale: language });
  await signIn(context, url, session);
  try {
    const page = await context.newPage();
    await page.goto(url, { timeout: remaining() });
    await page.waitForFunction(() => window.player?.subtitleTracks?.length > 0 || window.player?.fatalError,
      null, { timeout: remaining(), polling: 100 }).catch(() => {});
    // On means shown: the track is showing and a cue appears at its time.
    await page.waitForFunction(() => {
      const video = document.querySelector('video');
      const cue = [...video.textTracks].find((t) => t.mode === 'showing')?.activeCues?.[0];
      return cue && cue.startTime <= video.currentTime && video.currentTime <= cue.endTime;
    }, null, { timeout: remaining(), polling: 50 }).catch(() => {});
    result.preferredLanguage = { languages: await page.evaluate(() => navigator.languages), ...await page.evaluate(readCue),
      selected: await page.evaluate(() => document.getElementById('subtitles').selectedOptions[0]?.text) };
    const { track, cue } = result.preferredLanguage;
    if (track?.language !== language || !cue) return `a browser preferring ${language} did not get its subtitles shown: ${JSON.stringify(result.preferredLanguage)}`;
    return null;
  } finally {
    await context.close();
  }
}

async function checkQualitySwitch(page, result, remaining) {
  const before = await page.evaluate(() => ({ level: window.player.currentLevel, loaded: window.player.loadedLevels.length }));
  if (result.levels.length < 2) return 'a quality switch needs at least two levels';
  const target = before.level === 0 ? 1 : 0;
  await page.selectOption('#quality', String(target));
  await page.waitForFunction(({ target, loaded }) => window.player.currentLevel === target
      && window.player.loadedLevels.slice(loaded).includes(target) && !window.player.autoLevel,
    { target, loaded: before.loaded }, { timeout: remaining(), polling: 100 }).catch(() => {});
  result.qualitySwitch = { from: before.level, to: target, ...await page.evaluate(() => ({
    currentLevel: window.player.currentLevel, loadedLevels: window.player.loadedLevels, label: document.querySelector('#quality').selectedOptions[0].text,
  })) };
  if (result.qualitySwitch.currentLevel !== target) return `hls.js did not switch to level ${target}: ${JSON.stringify(result.qualitySwitch)}`;
  if (!result.qualitySwitch.loadedLevels.slice(before.loaded).includes(target)) return `no fragment of level ${target} was loaded after the switch`;
  return null;
}

// Whether the header offers Sign in or Account, once the page has asked who is signed in.
async function header(page, remaining) {
  await page.waitForFunction(() => window.player?.signedIn !== null && window.player?.signedIn !== undefined,
    null, { timeout: remaining(), polling: 100 }).catch(() => {});
  return page.evaluate(() => ({
    signIn: !document.getElementById('sign-in-link').hidden ? document.getElementById('sign-in-link').getAttribute('href') : null,
    account: !document.getElementById('account-link').hidden,
    appLink: document.getElementById('app-link').getAttribute('href'),
  }));
}

async function signIn(context, url, session) {
  if (session) await context.addCookies([{ name: 'mp_session', value: session, url: new URL(url).origin, httpOnly: true, sameSite: 'Strict' }]);
}

async function checkMessages(page, baseUrl, { titleId, pending, session }, result, remaining) {
  const messageFor = async (titleId) => {
    await page.goto(`${baseUrl}/player/?title=${encodeURIComponent(titleId)}`, { timeout: remaining() });
    await page.waitForFunction(() => !['', 'Loading…'].includes(document.getElementById('player-message').textContent),
      null, { timeout: remaining(), polling: 100 }).catch(() => {});
    return page.evaluate(() => document.getElementById('player-message').textContent);
  };
  // From here on signed out: the published title is not for an anonymous viewer, who is told how to watch it.
  await page.context().clearCookies();
  result.messages = { unknown: await messageFor('t-no-such-title') };
  result.messages.notEntitled = await messageFor(titleId);
  result.offer = await page.evaluate(() => (document.getElementById('player-offer').hidden ? null
    : { subscribe: document.getElementById('offer-subscribe').getAttribute('href'), buy: document.getElementById('offer-buy').getAttribute('href') }));
  if (!/subscribe or buy this title to watch/i.test(result.messages.notEntitled) || !result.offer)
    return `an anonymous viewer of a published title is not told to subscribe or buy: ${result.messages.notEntitled}`;
  if (!/not found/.test(result.messages.unknown)) return `an unknown title is not called not found: ${result.messages.unknown}`;
  if (pending) {
    if (!session) return '--pending needs the owner\'s session in PLAYER_SESSION';
    result.messages.pendingAnonymous = await messageFor(pending);
    if (!/not found/.test(result.messages.pendingAnonymous)) return `someone else's unpublished title is not hidden: ${result.messages.pendingAnonymous}`;
    result.header = { anonymous: await header(page, remaining) };
    const expectedSignIn = `/app/#/signin?next=${encodeURIComponent(`#/title/${pending}`)}`;
    if (result.header.anonymous.signIn !== expectedSignIn || result.header.anonymous.account || result.header.anonymous.appLink !== '/app/#/')
      return `the anonymous viewer's header does not offer Sign in back to the title: ${JSON.stringify(result.header.anonymous)}`;
    // The owner signed in on the app: the session cookie alone lets this page show the owner's own title.
    await page.context().addCookies([{ name: 'mp_session', value: session, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
    result.messages.pendingOwner = await messageFor(pending);
    if (!/has no video yet|not published yet/.test(result.messages.pendingOwner)) return `the owner is not told the title's status: ${result.messages.pendingOwner}`;
    result.header.owner = await header(page, remaining);
    if (result.header.owner.signIn !== null || !result.header.owner.account) return `the signed-in owner's header does not offer Account: ${JSON.stringify(result.header.owner)}`;
    await page.context().clearCookies();
  }
  // A phone's width: nothing wider than the screen (no sideways scrolling).
  await page.setViewportSize({ width: 360, height: 740 });
  result.phoneWidth = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  if (result.phoneWidth.scroll > result.phoneWidth.viewport) return `the page is wider than a phone: ${JSON.stringify(result.phoneWidth)}`;
  return null;
}

// The seconds of video the first rung's growing playlist lists now (as the page's own session fetches it).
const encodedSeconds = async (titleId) => {
  const base = `/media/titles/${encodeURIComponent(titleId)}/`;
  const master = await (await fetch(`${base}master.m3u8`, { credentials: 'same-origin' })).text();
  const lines = master.split('\n');
  const variant = lines[lines.findIndex((l) => l.startsWith('#EXT-X-STREAM-INF:')) + 1].trim();
  const playlist = await (await fetch(base + variant, { credentials: 'same-origin' })).text();
  return { seconds: [...playlist.matchAll(/#EXTINF:([0-9.]+)/g)].reduce((sum, m) => sum + Number(m[1]), 0), ended: playlist.includes('#EXT-X-ENDLIST') };
};

// A title still transcoding: it plays, says how much is ready, and plays on past what was encoded when it started.
async function checkProcessing(page, titleId, result, remaining) {
  result.processing = { note: await page.evaluate(() => document.getElementById('processing').textContent), atStart: await page.evaluate(encodedSeconds, titleId) };
  if (!/^Still processing: \d+ % ready$/.test(result.processing.note)) return `the page does not say how much is ready: "${result.processing.note}"`;
  if (result.processing.atStart.ended) return 'the title was already complete when playback started';
  const past = result.processing.atStart.seconds + 1;
  await page.waitForFunction((s) => document.querySelector('video').currentTime > s || window.player.fatalError,
    past, { timeout: remaining(), polling: 200 }).catch(() => {});
  Object.assign(result, await page.evaluate(readState));
  result.processing.playedTo = result.currentTime;
  if (result.fatalError) return 'fatal player error while the title transcoded';
  if (!(result.currentTime > past)) return `playback stopped at ${result.currentTime} s, short of the ${past} s past what was encoded at the start`;
  return null;
}

// Hovers the seek bar at a fraction of its width and reads the preview shown there.
async function hoverSeekBar(page, fraction) {
  const box = await page.locator('#seekbar').boundingBox();
  await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
  await page.waitForFunction(() => !document.getElementById('seek-preview').hidden, null, { timeout: 5000, polling: 50 }).catch(() => {});
  return page.evaluate(() => {
    const thumb = document.getElementById('seek-thumb');
    const style = getComputedStyle(thumb);
    return { visible: !document.getElementById('seek-preview').hidden && !thumb.hidden, image: style.backgroundImage,
      position: style.backgroundPosition, size: [thumb.offsetWidth, thumb.offsetHeight], time: document.getElementById('seek-time').textContent,
      hoveredTime: window.seekPreview.state.hoveredTime };
  });
}

// The seek bar's thumbnails: the track is loaded, hovering shows a sprite region that moves with the hovered time,
// and the sprite sheet itself loads as an image.
async function checkThumbnails(page, result, remaining) {
  await page.waitForFunction(() => window.seekPreview?.state.cues.length > 0, null, { timeout: remaining(), polling: 100 }).catch(() => {});
  const cues = await page.evaluate(() => window.seekPreview.state.cues.length);
  if (cues === 0) return 'the thumbnail track was not loaded (no cues)';
  const early = await hoverSeekBar(page, 0.1);
  const late = await hoverSeekBar(page, 0.9);
  await page.mouse.move(0, 0);
  const image = /url\("?([^")]+)"?\)/.exec(late.image)?.[1] ?? null;
  const sheet = image && await page.evaluate((src) => new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => resolve(null);
    img.src = src;
  }), image);
  result.thumbnails = { cues, early, late, sheet };
  if (!early.visible || !late.visible) return `hovering the seek bar showed no thumbnail: ${JSON.stringify(result.thumbnails)}`;
  if (!/sprite-\d+\.jpg/.test(late.image)) return `the thumbnail is not drawn from a sprite sheet: ${late.image}`;
  if (!sheet) return `the sprite sheet ${image} did not load as an image`;
  if (early.position === late.position && early.image === late.image)
    return `the thumbnail did not change with the hovered time: ${JSON.stringify(result.thumbnails)}`;
  return null;
}

// The watch history: the paused position is reported, a reload resumes there, ?t= wins, and the app lists the title.
async function checkResume(page, baseUrl, url, result, remaining) {
  const PAUSE_AT = 4;
  await page.evaluate(async (at) => {
    const video = document.querySelector('video');
    video.currentTime = at;
    await new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
    await video.play();
  }, PAUSE_AT);
  await page.waitForFunction((at) => document.querySelector('video').currentTime > at + 0.3, PAUSE_AT, { timeout: remaining(), polling: 50 }).catch(() => {});
  await page.evaluate(() => document.querySelector('video').pause());
  await page.waitForFunction(() => window.watchHistory.reports.some((r) => r.event === 'paused' && r.stored),
    null, { timeout: remaining(), polling: 100 }).catch(() => {});
  result.resume = { reports: await page.evaluate(() => window.watchHistory.reports) };
  const paused = result.resume.reports.filter((r) => r.event === 'paused' && r.stored).at(-1);
  if (!paused) return `the paused position was not stored: ${JSON.stringify(result.resume.reports)}`;
  if (!result.resume.reports.some((r) => r.event === 'started' && r.status === 200)) return 'no "started" report was accepted';
  result.resume.pausedAt = paused.positionSeconds;

  const startedAt = async (address) => {
    await page.goto(address, { timeout: remaining() });
    await page.waitForFunction(() => !document.querySelector('video').paused && document.querySelector('video').currentTime > 0
      || window.player?.fatalError, null, { timeout: remaining(), polling: 50 }).catch(() => {});
    return page.evaluate(() => ({ resumedAt: window.watchHistory.resumedAt, currentTime: document.querySelector('video').currentTime }));
  };
  result.resume.afterReload = await startedAt(url);
  const { currentTime } = result.resume.afterReload;
  if (!(Math.abs(currentTime - result.resume.pausedAt) <= 1.5)) return `after a reload playback started at ${currentTime} s, not near ${result.resume.pausedAt} s`;
  result.resume.withT = await startedAt(`${url}&t=1`);
  if (result.resume.withT.resumedAt !== 1 || !(result.resume.withT.currentTime < 2.5)) return `?t=1 did not start at 1 s: ${JSON.stringify(result.resume.withT)}`;
  await page.evaluate(() => document.querySelector('video').pause());

  await page.goto(`${baseUrl}/app/#/`, { timeout: remaining() });
  await page.waitForSelector(`#continue-watching a[data-title-id="${result.titleId}"]`, { timeout: remaining() }).catch(() => {});
  result.resume.home = await page.evaluate(() => [...document.querySelectorAll('#continue-watching a')].map((a) => ({ titleId: a.dataset.titleId, href: a.getAttribute('href') })));
  if (!result.resume.home.some((c) => c.titleId === result.titleId)) return `the home page does not list the title under Continue watching: ${JSON.stringify(result.resume.home)}`;
  return null;
}

async function check({ baseUrl, titleId, timeoutMs, subtitles, switchQuality, thumbnails, pending, processing, resume, session, screenshot }) {
  const url = `${baseUrl}/player/?title=${encodeURIComponent(titleId)}`;
  const result = { ok: false, titleId, url, levels: [], currentTime: 0, fatalError: null, errors: [], pageErrors: [], httpErrors: [] };
  const browser = await launchChromium(['--lang=fr-FR']);
  let page = null;
  try {
    // A French-speaking viewer: English subtitles must not come on by themselves.
    const context = await browser.newContext({ locale: 'fr-FR' });
    // The owner's session (PLAYER_SESSION): a published title plays for its owner, subscribers and buyers only.
    await signIn(context, baseUrl, session);
    page = await context.newPage();
    page.on('pageerror', (error) => result.pageErrors.push(error.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) result.pageErrors.push(m.text());
    });
    page.on('response', (r) => { if (r.status() >= 400) result.httpErrors.push(`${r.status()} ${r.url()}`); });
    const deadline = Date.now() + timeoutMs;
    result.screenshot = screenshot;
    const remaining = () => Math.max(1, deadline - Date.now());

    if (processing) {
      if (!session) throw new Error('--processing needs the owner\'s session in PLAYER_SESSION');
      await context.addCookies([{ name: 'mp_session', value: session, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
    }
    await page.goto(url, { timeout: remaining() });
    // Stop early on a fatal error: waiting out the timeout would only hide what went wrong.
    await page.waitForFunction(() => (window.player?.levels?.length ?? 0) >= 1 || window.player?.fatalError,
      null, { timeout: remaining(), polling: 100 }).catch(() => {});
    Object.assign(result, await page.evaluate(readState));
    if (result.fatalError) return fail(result, 'fatal player error before the manifest was parsed');
    if (result.levels.length < 1) return fail(result, 'the master playlist was not parsed (no levels) in time');

    await page.waitForFunction((s) => document.querySelector('video').currentTime > s || window.player.fatalError,
      PLAYED_SECONDS, { timeout: remaining(), polling: 100 }).catch(() => {});
    Object.assign(result, await page.evaluate(readState));
    if (result.fatalError) return fail(result, 'fatal player error during playback');
    if (!(result.currentTime > PLAYED_SECONDS)) return fail(result, `video.currentTime did not pass ${PLAYED_SECONDS} s in time`);

    if (processing) {
      const problem = await checkProcessing(page, titleId, result, remaining);
      if (problem) return fail(result, problem);
      result.ok = result.pageErrors.length === 0;
      return result.ok ? result : fail(result, `JavaScript errors on the page: ${result.pageErrors.join(' | ')}`);
    }
    if (subtitles) {
      const problem = await checkSubtitles(page, subtitles, result, remaining);
      if (problem) return fail(result, problem);
    }
    if (switchQuality) {
      const problem = await checkQualitySwitch(page, result, remaining);
      if (problem) return fail(result, problem);
    }
    if (thumbnails) {
      const problem = await checkThumbnails(page, result, remaining);
      if (problem) return fail(result, problem);
    }
    // Keyboard (focus on the page, not on a control): M mutes, ↓ lowers the volume (remembered), Space pauses,
    // ← goes back 5 s.
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('m');
    result.mutedByM = await page.evaluate(() => document.querySelector('video').muted);
    if (!result.mutedByM) return fail(result, 'the M key did not mute');
    await page.keyboard.press('ArrowDown');
    // The element reports a volume change as a queued event: the page remembers it a moment later.
    await page.waitForFunction(() => localStorage.getItem('mediaPlatform.volume') === String(document.querySelector('video').volume),
      null, { timeout: Math.min(5000, remaining()), polling: 50 }).catch(() => {});
    result.volume = await page.evaluate(() => ({ video: document.querySelector('video').volume, remembered: localStorage.getItem('mediaPlatform.volume') }));
    if (Math.abs(result.volume.video - 0.9) > 1e-6 || result.volume.remembered !== String(result.volume.video))
      return fail(result, `the down arrow did not lower and remember the volume: ${JSON.stringify(result.volume)}`);
    await page.keyboard.press(' ');
    const beforeSeek = await page.evaluate(() => document.querySelector('video').currentTime);
    await page.keyboard.press('ArrowLeft');
    result.keys = await page.evaluate((before) => ({ paused: document.querySelector('video').paused, before, after: document.querySelector('video').currentTime }), beforeSeek);
    if (!result.keys.paused) return fail(result, 'Space did not pause');
    if (Math.abs(result.keys.after - Math.max(0, result.keys.before - 5)) > 0.5) return fail(result, `← did not go back 5 s: ${JSON.stringify(result.keys)}`);
    if (subtitles) {
      const problem = await checkPreferredLanguage(browser, url, subtitles, result, remaining, session);
      if (problem) return fail(result, problem);
    }
    if (resume) {
      if (!session) return fail(result, '--resume needs the viewer\'s session in PLAYER_SESSION');
      const problem = await checkResume(page, baseUrl, url, result, remaining);
      if (problem) return fail(result, problem);
    }
    const problem = await checkMessages(page, baseUrl, { titleId, pending, session }, result, remaining);
    if (problem) return fail(result, problem);

    // No token is ever typed into the page: the session is the app's cookie.
    result.tokenBox = await page.evaluate(() => document.querySelector('#token, #token-form, input[type=password]') !== null);
    if (result.tokenBox) return fail(result, 'the page still asks for an access token');
    if (result.pageErrors.length > 0) return fail(result, `JavaScript errors on the page: ${result.pageErrors.join(' | ')}`);
    result.ok = true;
    return result;
  } finally {
    if (!result.ok && page && screenshot) {
      await page.screenshot({ path: screenshot, fullPage: true }).catch((error) => { result.screenshotError = error.message; });
    }
    await browser.close();
  }
}

function fail(result, reason) {
  result.failure = reason;
  return result;
}

const args = parseArgs(process.argv.slice(2));
await reportCheck(check, args, { titleId: args.titleId });
