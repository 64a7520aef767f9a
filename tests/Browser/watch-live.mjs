// A friend watches a live stream on the watch page in headless Chromium:
//   node watch-live.mjs <base-url> <stream-id> [--timeout-ms 40000] [--resume-signal FILE]   (the friend's session: PLAYER_SESSION)
// The friend's home in the web app (/app/) and the watch page's list (/player/) show the stream with a "Watch live" link; /player/?live=ID shows LIVE, the
// stream's state and "1 watching", and its video's currentTime advances past 3 s. With --resume-signal, the script
// then writes FILE (the caller cuts the broadcaster off), waits for the page to say interrupted, writes
// FILE.interrupted (the caller lets the broadcaster reconnect), waits for the page to say reconnected, and for the
// video to play 4 s past what it had buffered at the cut (so on media from after the reconnect), in the same page.
// Prints one JSON line with the time from opening the live page to its first playing frame (playingMs), to 3 s played
// (advancedMs) and from "reconnected" shown to playing on past the cut (resumedMs); exits 0 on pass, 1 on failure,
// 2 on bad arguments.
import { writeFileSync } from 'node:fs';
import { launchChromium, reportCheck } from './lib/chromium.mjs';

const PLAYED_SECONDS = 3;

function parseArgs(argv) {
  const positional = [];
  let timeoutMs = 40_000;
  let resumeSignal = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--timeout-ms') timeoutMs = Number(argv[++i]);
    else if (argv[i] === '--resume-signal') resumeSignal = argv[++i];
    else positional.push(argv[i]);
  }
  if (positional.length !== 2 || !process.env.PLAYER_SESSION) {
    console.error('usage: PLAYER_SESSION=… node watch-live.mjs <base-url> <stream-id> [--timeout-ms N]');
    process.exit(2);
  }
  return { base: positional[0].replace(/\/+$/, ''), streamId: positional[1], timeoutMs, resumeSignal, session: process.env.PLAYER_SESSION };
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

async function check({ base, streamId, timeoutMs, resumeSignal, session }) {
  const browser = await launchChromium();
  const result = { ok: false, streamId };
  const errors = [];
  let page = null;
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'mp_session', value: session, url: base, httpOnly: true, sameSite: 'Strict' }]);
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));

    // The friend's home in the web app and the watch page's list offer the stream.
    await page.goto(`${base}/app/#/`);
    await page.locator(`#friends-live a[href="/player/?live=${streamId}"]`).waitFor({ timeout: timeoutMs });
    result.onHome = true;
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
    // The page counts its own viewer (the stream's state is asked again every few seconds).
    await page.waitForFunction(() => /\b1 watching/.test(document.getElementById('live-state').textContent), null, { timeout: timeoutMs });
    result.page = await page.evaluate(pageState);
    result.url = page.url();
    result.ok = result.page.badge && result.page.state.startsWith('Live') && result.url.includes(`?live=${streamId}`)
      && !result.page.fatalError && errors.length === 0;
    if (!result.ok) result.failure = `the live page played but did not show LIVE / its state: ${JSON.stringify(result.page)}`;
    if (result.ok && resumeSignal) {
      // The spec now cuts the broadcaster off and lets it reconnect: the page must say so and play on without a reload.
      writeFileSync(resumeSignal, 'playing');
      result.ok = false;
      await page.waitForFunction(() => document.getElementById('live-state').textContent.startsWith('Interrupted'), null, { timeout: timeoutMs });
      // What was buffered when the page saw the cut, plus at most the last segment published after: playing 4 s past it
      // needs segments from after the reconnect.
      const stalledAt = await page.evaluate(() => { const b = document.querySelector('video').buffered; return b.length ? b.end(b.length - 1) : 0; });
      result.bufferedAtInterruption = stalledAt;
      result.interruptedPage = await page.evaluate(pageState);
      writeFileSync(`${resumeSignal}.interrupted`, 'interrupted'); // the caller may let the broadcaster back in
      await page.waitForFunction(() => document.getElementById('live-state').textContent.includes('reconnected'), null, { timeout: timeoutMs });
      const reconnected = Date.now();
      await page.waitForFunction((from) => { const v = document.querySelector('video'); return !v.paused && v.currentTime > from + 4; }, stalledAt, { timeout: timeoutMs });
      result.resumedMs = Date.now() - reconnected;
      result.resumedPage = await page.evaluate(pageState);
      result.ok = !result.resumedPage.fatalError && errors.length === 0 && result.url === page.url();
      if (!result.ok) result.failure = `after the reconnect: ${JSON.stringify(result.resumedPage)}`;
    }
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
