// What every browser check shares: launching Debian's headless Chromium (CHROMIUM_PATH overrides it) and reporting
// the outcome the C# side reads (tests/Cluster.Node.Tests/Browser/BrowserCheck.cs): one JSON line, exit 0 or 1.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

// Flags for a closed network and a root user: no sandbox (root), no GPU, no background calls home, and media that
// may start without a click. Audio is muted: the checks need time to advance, not sound.
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
  '--disable-background-networking', '--disable-component-update',
  '--autoplay-policy=no-user-gesture-required', '--mute-audio',
];

export async function launchChromium(extraFlags = []) {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (scripts/setup.sh chromium installs it)`);
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS, ...extraFlags] });
}

// Runs check(args), prints its result with the time it took as one JSON line, and exits 0 when result.ok.
// A check that throws is reported as failed, with `identity` (e.g. the title id) in its result.
export async function reportCheck(check, args, identity = {}) {
  const started = Date.now();
  let result;
  try {
    result = await check(args);
  } catch (error) {
    result = { ok: false, ...identity, failure: error.message };
  }
  result.elapsedMs = Date.now() - started;
  console.log(JSON.stringify(result));
  process.exit(result.ok ? 0 : 1);
}
