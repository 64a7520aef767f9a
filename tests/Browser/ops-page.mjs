// Opens the operations page (/ops/) in headless Chromium as an operator would:
//   OPS_ADMIN_TOKEN=… node ops-page.mjs <base-url> --members N [--screenshot FILE] [--timeout-ms 90000]
// Enters the admin token (from the environment, never the command line), waits for N members Up, the shard and
// singleton tables, and a request-rate chart with points above zero; the screenshot is written whether it passes or
// not. Any console error or page error fails the run. Prints one JSON line; exit 0 pass, 1 fail, 2 bad arguments.
// CHROMIUM_PATH overrides the browser (default: Debian's /usr/bin/chromium).
import { launchChromium, reportCheck } from './lib/chromium.mjs';

function parseArgs(argv) {
  const options = { timeoutMs: 90_000, screenshot: null, members: 0 };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--timeout-ms') options.timeoutMs = Number(argv[++i]);
    else if (argv[i] === '--screenshot') options.screenshot = argv[++i];
    else if (argv[i] === '--members') options.members = Number(argv[++i]);
    else positional.push(argv[i]);
  }
  if (positional.length !== 1 || !(options.members > 0) || !(options.timeoutMs > 0) || !process.env.OPS_ADMIN_TOKEN) {
    console.error('usage: OPS_ADMIN_TOKEN=… node ops-page.mjs <base-url> --members N [--screenshot FILE] [--timeout-ms N]');
    process.exit(2);
  }
  return { baseUrl: positional[0].replace(/\/+$/, ''), ...options };
}

async function run(page, args, result) {
  result.steps.push('open /ops/ and give the admin token');
  await page.goto(`${args.baseUrl}/ops/`);
  await page.locator('#token-form').waitFor();
  await page.fill('#token', process.env.OPS_ADMIN_TOKEN);
  await page.click('#token-form button[type=submit]');

  result.steps.push(`${args.members} members Up`);
  await page.waitForFunction((n) => {
    const rows = [...document.querySelectorAll('#members tbody tr')];
    return rows.length === n && rows.every((r) => r.cells[1].textContent === 'Up' && r.cells[2].textContent === 'Reachable');
  }, args.members, { polling: 250 });
  result.members = await page.locator('#members tbody tr').count();

  result.steps.push('shards, singletons and the queue shown');
  await page.waitForFunction(() => document.querySelectorAll('#sharding tbody tr').length > 0
    && document.querySelectorAll('#singletons tbody tr').length > 0
    && document.getElementById('queue-summary').textContent.includes('pending'), null, { polling: 250 });
  result.shardRows = await page.locator('#sharding tbody tr').count();
  result.singletons = await page.locator('#singletons tbody tr td:first-child').allTextContents();
  result.queue = await page.locator('#queue-summary').textContent();

  result.steps.push('the request-rate chart has points above zero');
  await page.waitForFunction(() => Number(document.getElementById('chart-requests')?.dataset.max ?? 0) > 0, null, { polling: 500 });
  result.requestSeries = await page.locator('#chart-requests polyline').evaluateAll((lines) =>
    lines.map((l) => ({ name: l.dataset.series, points: Number(l.dataset.points) })));
  result.maxRequestRate = Number(await page.locator('#chart-requests').getAttribute('data-max'));
  result.charts = await page.locator('#charts figure').count();
  result.problem = await page.locator('#problem').textContent();
}

async function check(args) {
  const result = { ok: false, steps: [], pageErrors: [], consoleErrors: [] };
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(args.timeoutMs);
  page.on('pageerror', (error) => result.pageErrors.push(error.message));
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  try {
    await run(page, args, result);
    if (result.pageErrors.length || result.consoleErrors.length) throw new Error('the page logged errors');
    result.ok = true;
  } catch (error) {
    result.failure = `${result.steps.at(-1) ?? 'start'}: ${error.message.split('\n')[0]}`;
  } finally {
    if (args.screenshot) {
      await page.screenshot({ path: args.screenshot, fullPage: true }).then(() => { result.screenshot = args.screenshot; }, () => {});
    }
    await browser.close();
  }
  return result;
}

const args = parseArgs(process.argv.slice(2));
await reportCheck(check, args);
