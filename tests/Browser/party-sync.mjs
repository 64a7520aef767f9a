// Two watch-page tabs of one watch party, on two nodes, in headless Chromium:
//   node party-sync.mjs <base-url-a> <base-url-b> <party-id> [--timeout-ms 120000]   (the viewer's session: PLAYER_SESSION)
// Both open /player/?party=ID (the session cookie signs them in to the hub), tab A starts playback for the party, and
// once both play, A seeks; passes when B's currentTime is within 250 ms of A's within 3 s of the seek. The two tabs'
// clocks are read at once and the difference corrected for the time between the two reads. Prints one JSON line with
// the measured drift (ms) and exits 0 on pass, 1 on failure, 2 on bad arguments.
import { launchChromium, reportCheck } from './lib/chromium.mjs';

const TOLERANCE_SECONDS = 0.25;
const SETTLE_MS = 3000;

function parseArgs(argv) {
  const positional = [];
  let timeoutMs = 120_000;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--timeout-ms') timeoutMs = Number(argv[++i]);
    else positional.push(argv[i]);
  }
  if (positional.length !== 3 || !process.env.PLAYER_SESSION) {
    console.error('usage: PLAYER_SESSION=… node party-sync.mjs <base-url-a> <base-url-b> <party-id> [--timeout-ms N]');
    process.exit(2);
  }
  return { a: positional[0].replace(/\/+$/, ''), b: positional[1].replace(/\/+$/, ''), partyId: positional[2], timeoutMs, session: process.env.PLAYER_SESSION };
}

const readClock = () => ({
  currentTime: document.querySelector('video').currentTime,
  paused: document.querySelector('video').paused,
  at: performance.timeOrigin + performance.now(),
  party: { version: window.player.party?.version ?? 0, driftMs: window.player.party?.driftMs ?? null, offsetMs: window.player.party?.offsetMs ?? null, error: window.player.party?.error ?? null },
  fatalError: window.player.fatalError,
});

// B's position minus A's, as if both were read at the same instant (both play at rate 1).
async function gap(pageA, pageB) {
  const [a, b] = await Promise.all([pageA.evaluate(readClock), pageB.evaluate(readClock)]);
  return { seconds: (b.currentTime - a.currentTime) - (b.at - a.at) / 1000, a, b };
}

async function check({ a, b, partyId, timeoutMs, session }) {
  const browser = await launchChromium();
  const result = { ok: false, partyId };
  const errors = [];
  try {
    const open = async (base) => {
      const context = await browser.newContext();
      await context.addCookies([{ name: 'mp_session', value: session, url: base, httpOnly: true, sameSite: 'Strict' }]);
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${base}/player/?party=${encodeURIComponent(partyId)}`);
      await page.waitForFunction(() => window.player?.party?.view && window.player.party.offsetMs !== null, null, { timeout: timeoutMs });
      return page;
    };
    const pageA = await open(a);
    const pageB = await open(b);
    await pageA.evaluate(() => window.partyControl.play(0));
    const playing = () => { const v = document.querySelector('video'); return !v.paused && v.currentTime > 2; };
    await pageA.waitForFunction(playing, null, { timeout: timeoutMs });
    await pageB.waitForFunction(playing, null, { timeout: timeoutMs });
    result.beforeSeek = await gap(pageA, pageB);

    const target = (await pageA.evaluate(() => document.querySelector('video').currentTime)) + 6;
    await pageA.evaluate((to) => window.partyControl.seek(to), target);
    const seekedAt = Date.now();
    let last = null;
    while (Date.now() - seekedAt < SETTLE_MS) {
      last = await gap(pageA, pageB);
      if (last.a.currentTime >= target - 0.5 && Math.abs(last.seconds) < TOLERANCE_SECONDS) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    result.afterSeek = last;
    result.settledMs = Date.now() - seekedAt;
    result.driftMs = Math.round(last.seconds * 1000);
    result.target = target;
    result.ok = last.a.currentTime >= target - 0.5 && Math.abs(last.seconds) < TOLERANCE_SECONDS && errors.length === 0;
    if (!result.ok) result.failure = `after the seek to ${target.toFixed(2)} s, tab B was ${result.driftMs} ms from tab A (A at ${last.a.currentTime.toFixed(2)} s)`;
  } finally {
    result.errors = errors;
    await browser.close();
  }
  return result;
}

await reportCheck(check, parseArgs(process.argv.slice(2)));
