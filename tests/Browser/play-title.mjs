// Plays one title in headless Chromium through the node's player page and checks that it really plays:
//   node play-title.mjs <base-url> <title-id> [--timeout-ms 90000]
// Passes when hls.js has parsed the master playlist (at least one level) and video.currentTime has passed 3 s with no
// fatal player error. Prints one JSON line (the result) and exits 0 on pass, 1 on failure, 2 on bad arguments.
// CHROMIUM_PATH overrides the browser (default: Debian's /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

const PLAYED_SECONDS = 3;

function parseArgs(argv) {
  const positional = [];
  let timeoutMs = 90_000;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--timeout-ms') timeoutMs = Number(argv[++i]);
    else positional.push(argv[i]);
  }
  if (positional.length !== 2 || !(timeoutMs > 0)) {
    console.error('usage: node play-title.mjs <base-url> <title-id> [--timeout-ms N]');
    process.exit(2);
  }
  return { baseUrl: positional[0].replace(/\/+$/, ''), titleId: positional[1], timeoutMs };
}

// Flags for a closed network and a root user: no sandbox (root), no GPU, no background calls home, and media that
// may start without a click. Audio is muted: the check needs time to advance, not sound.
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
  '--disable-background-networking', '--disable-component-update',
  '--autoplay-policy=no-user-gesture-required', '--mute-audio',
];

// What the page knows about playback (window.player) and the video element's clock.
const readState = () => ({
  levels: window.player?.levels ?? [],
  fatalError: window.player?.fatalError ?? null,
  errors: window.player?.errors ?? [],
  currentTime: document.querySelector('video')?.currentTime ?? 0,
  message: document.getElementById('player-message')?.textContent ?? '',
});

async function check({ baseUrl, titleId, timeoutMs }) {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (scripts/setup.sh chromium installs it)`);
  const url = `${baseUrl}/player/?title=${encodeURIComponent(titleId)}`;
  const result = { ok: false, titleId, url, levels: [], currentTime: 0, fatalError: null, errors: [], pageErrors: [], httpErrors: [] };
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => result.pageErrors.push(error.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) result.pageErrors.push(m.text());
    });
    page.on('response', (r) => { if (r.status() >= 400) result.httpErrors.push(`${r.status()} ${r.url()}`); });
    const deadline = Date.now() + timeoutMs;
    const remaining = () => Math.max(1, deadline - Date.now());

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

    // An access token given to the page is kept for this tab only (sessionStorage), never in localStorage, where it
    // would outlive the session and be readable by every later page of the origin.
    await page.click('#sign-in summary');
    await page.fill('#token', 'token-storage-check');
    await page.click('#token-form button[type=submit]');
    result.tokenStorage = await page.evaluate(() => ({
      local: localStorage.getItem('mediaPlatform.token'), session: sessionStorage.getItem('mediaPlatform.token'),
    }));
    if (result.tokenStorage.local !== null || result.tokenStorage.session !== 'token-storage-check')
      return fail(result, 'the access token was not kept in sessionStorage only');
    result.ok = true;
    return result;
  } finally {
    await browser.close();
  }
}

function fail(result, reason) {
  result.failure = reason;
  return result;
}

const args = parseArgs(process.argv.slice(2));
const started = Date.now();
let result;
try {
  result = await check(args);
} catch (error) {
  result = { ok: false, titleId: args.titleId, failure: error.message };
}
result.elapsedMs = Date.now() - started;
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
