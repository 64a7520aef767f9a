// A friend watches a live stream on the watch page in headless Chromium:
//   node watch-live.mjs <base-url> <stream-id> [--timeout-ms 40000]   (the friend's session: environment PLAYER_SESSION)
// The friend's home list (/player/) shows the stream with a "Watch live" link; /player/?live=ID shows LIVE and the
// stream's state, and its video's currentTime advances past 3 s. Prints one JSON line with the time from opening the
// live page to its first playing frame (playingMs) and to 3 s played (advancedMs); exits 0 on pass, 1 on failure,
// 2 on bad arguments.
import { launchChromium, reportCheck } from './lib/chromium.mjs';

const PLAYED_SECONDS = 3;

function parseArgs(argv) {
  const positional = [];
  let timeoutMs = 40_000;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--timeout-ms') timeoutMs = Number(argv[++i]);
    else positional.push(argv[i]);
  }
  if (positional.length !== 2 || !process.env.PLAYER_SESSION) {
    console.error('usage: PLAYER_SESSION=… node watch-live.mjs <base-url> <stream-id> [--timeout-ms N]');
    process.exit(2);
  }
  return { base: positional[0].replace(/\/+$/, ''), streamId: positional[1], timeoutMs, session: process.env.PLAYER_SESSION };
}

const pageState = () => ({
  currentTime: document.querySelector('video').currentTime,
  paused: document.querySelector('video').paused,
  badge: !document.getElementById('live-badge').hidden,
  title: document.getElementById('now-playing').textContent,
  state: document.getElementById('live-state').textContent,
  live: window.player.live ? { state: window.player.live.state, recoveries: window.player.live.recoveries } : null,
  fatalError: window.player.fatalError,
  errors: window.player.errors,
});

async function check({ base, streamId, timeoutMs, session }) {
  const browser = await launchChromium();
  const result = { ok: false, streamId };
  const errors = [];
  let page = null;
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'mp_session', value: session, url: base, httpOnly: true, sameSite: 'Strict' }]);
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));

    // The friend's list offers the stream.
    await page.goto(`${base}/player/`);
    const link = page.locator(`a.watch-live[data-stream-id="${streamId}"]`);
    await link.waitFor({ timeout: timeoutMs });
    result.listed = true;

    const opened = Date.now();
    await link.click();
    await page.waitForFunction(() => { const v = document.querySelector('video'); return !v.paused && v.currentTime > 0; }, null, { timeout: timeoutMs });
    result.playingMs = Date.now() - opened;
    await page.waitForFunction((seconds) => document.querySelector('video').currentTime > seconds, PLAYED_SECONDS, { timeout: timeoutMs });
    result.advancedMs = Date.now() - opened;
    result.page = await page.evaluate(pageState);
    result.url = page.url();
    result.ok = result.page.badge && result.page.state.startsWith('Live') && result.url.includes(`?live=${streamId}`)
      && !result.page.fatalError && errors.length === 0;
    if (!result.ok) result.failure = `the live page played but did not show LIVE / its state: ${JSON.stringify(result.page)}`;
  } catch (error) {
    result.failure = error.message;
    result.page = await page?.evaluate(pageState).catch(() => null);
  } finally {
    result.errors = errors;
    await browser.close();
  }
  return result;
}

await reportCheck(check, parseArgs(process.argv.slice(2)));
