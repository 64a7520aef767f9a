// Drives the web app (/app/) in headless Chromium as a person would, one scenario per run:
//   node app-flows.mjs <base-url> <scenario> [--clip FILE] [--screenshot FILE] [--timeout-ms 120000]
// Scenarios:
//   subscribe  sign-up errors (common password, email taken), sign up, sign in, a mistyped card caught, add a card,
//              subscribe, plan active, change plan at the amount shown, sign out, the account page asks to sign in;
//   declined   a declining card: the decline is shown, a double-clicked Pay tries once, a locked account's wait;
//   friends    answer a request from another user, send and cancel one, remove a friend, sign out on every device;
//   studio     create a title, upload a clip (--clip) with progress, see it published, find it by search (its poster
//              frame shown in the row), open its page (the poster again), another viewer buys it;
//   journey    (--title ID --other BASE: a published title with English subtitles, another node of the same cluster)
//              sign up, add a card and subscribe on <base-url>; then on the other node with the same cookie open the
//              title, play it, turn English subtitles on (a cue shown at its time), switch quality, sign out.
// Any console error or page error fails the run; on failure a full-page screenshot is written to --screenshot.
// Prints one JSON line (the result); exit 0 pass, 1 fail, 2 bad arguments.
// CHROMIUM_PATH overrides the browser (default: Debian's /usr/bin/chromium).
import { request as apiRequest } from 'playwright-core';
import { launchChromium, reportCheck } from './lib/chromium.mjs';

const PASSWORD = 'correct horse battery';
const GOOD_CARD = '4242 4242 4242 4242';
const DECLINING_CARD = '4000 0000 0000 0002';

function parseArgs(argv) {
  const positional = [];
  const options = { timeoutMs: 120_000, clip: null, screenshot: null, title: null, other: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--timeout-ms') options.timeoutMs = Number(argv[++i]);
    else if (argv[i] === '--clip') options.clip = argv[++i];
    else if (argv[i] === '--screenshot') options.screenshot = argv[++i];
    else if (argv[i] === '--title') options.title = argv[++i];
    else if (argv[i] === '--other') options.other = argv[++i].replace(/\/+$/, '');
    else positional.push(argv[i]);
  }
  const scenarios = { subscribe, declined, friends, studio, journey };
  if (positional.length !== 2 || !scenarios[positional[1]] || !(options.timeoutMs > 0) || (positional[1] === 'studio' && !options.clip)
      || (positional[1] === 'journey' && !(options.title && options.other))) {
    console.error('usage: node app-flows.mjs <base-url> subscribe|declined|friends|studio|journey [--clip FILE] [--title ID --other BASE] [--screenshot FILE] [--timeout-ms N]');
    process.exit(2);
  }
  return { baseUrl: positional[0].replace(/\/+$/, ''), scenario: positional[1], run: scenarios[positional[1]], ...options };
}

/** One step the script is at, for the result: a failure names the step it happened in. */
function step(result, name) {
  result.steps.push(name);
}

async function appReady(page) {
  await page.waitForFunction(() => window.app?.ready === true, null, { polling: 50 });
}

async function go(page, base, hash) {
  const url = `${base}/app/${hash}`;
  // A hash change keeps the document: mark it not ready, so the wait below is for the new page's render.
  await page.evaluate(() => { if (window.app) window.app.ready = false; }).catch(() => {});
  // Going to the address already shown changes nothing in a hash-routed page: load it afresh instead.
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await appReady(page);
}

async function textOf(page, selector) {
  return (await page.locator(selector).first().textContent())?.trim() ?? '';
}

async function signUp(page, base, result, email) {
  step(result, 'sign up');
  await go(page, base, '#/signup');
  await page.fill('#signup-name', 'Browser Viewer');
  await page.fill('#signup-email', email);
  await page.fill('#signup-password', PASSWORD);
  await page.click('#signup-form button[type=submit]');
  await page.waitForURL(/#\/account$/);
  await appReady(page);
  await page.waitForSelector('#plan');
}

async function signIn(page, email, result, password = PASSWORD) {
  step(result, 'sign in');
  await page.fill('#signin-email', email);
  await page.fill('#signin-password', password);
  await page.click('#signin-form button[type=submit]');
  await page.waitForURL(/#\/$/);
  await appReady(page);
}

async function addCard(page, result, number) {
  step(result, `add card ${number.slice(-4)}`);
  await page.fill('#card-number', number);
  await page.fill('#card-month', '12');
  await page.fill('#card-year', String(new Date().getFullYear() + 3));
  await page.click('#add-card');
  await page.locator('#cards li', { hasText: number.slice(-4) }).waitFor();
}

async function subscribeToFirstPlan(page, result) {
  step(result, 'subscribe');
  await page.click('#subscribe');
}

// (a) sign up → sign out → wrong password → sign in → bad card refused here → add a card → subscribe → active → sign out.
async function subscribe(page, base, result) {
  step(result, 'the site root leads to the app');
  await page.goto(`${base}/`);
  await appReady(page);
  if (new URL(page.url()).pathname !== '/app/') throw new Error(`the site root led to ${page.url()}, not /app/`);

  const email = `app-${Date.now()}-${Math.random().toString(16).slice(2)}@example.com`;
  step(result, 'a common password is refused in the policy\'s words');
  await go(page, base, '#/signup');
  await page.fill('#signup-name', 'Browser Viewer');
  await page.fill('#signup-email', email);
  await page.fill('#signup-password', 'qwertyuiop');
  await page.click('#signup-form button[type=submit]');
  await page.locator('#signup-form .notice.error', { hasText: 'commonly used' }).waitFor();
  result.commonPasswordMessage = await textOf(page, '#signup-form .notice.error');

  await signUp(page, base, result, email);

  step(result, 'the same email again is refused');
  await page.click('#sign-out');
  await page.waitForURL(/#\/signin/);
  await go(page, base, '#/signup');
  await page.fill('#signup-name', 'Someone Else');
  await page.fill('#signup-email', email);
  await page.fill('#signup-password', 'another long passphrase');
  await page.click('#signup-form button[type=submit]');
  await page.locator('#signup-form .notice.error', { hasText: 'already exists' }).waitFor();
  result.emailTakenMessage = await textOf(page, '#signup-form .notice.error');
  await go(page, base, '#/signin');
  await signIn(page, email, result);
  await go(page, base, '#/account');

  result.scriptSeesCookie = await page.evaluate(() => document.cookie);
  if (result.scriptSeesCookie.includes('mp_session')) throw new Error('the session cookie is readable by script');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'mp_session');
  if (!cookie?.httpOnly || cookie.sameSite !== 'Strict') throw new Error(`the session cookie is not HttpOnly + SameSite=Strict: ${JSON.stringify(cookie)}`);

  step(result, 'sign out, then a wrong password');
  await page.click('#sign-out');
  await page.waitForURL(/#\/signin/);
  await appReady(page);
  await page.fill('#signin-email', email);
  await page.fill('#signin-password', 'not my password at all');
  await page.click('#signin-form button[type=submit]');
  await page.locator('#signin-form .notice.error', { hasText: 'Wrong email or password' }).waitFor();

  step(result, 'sign in');
  await page.fill('#signin-password', PASSWORD);
  await page.click('#signin-form button[type=submit]');
  await page.waitForURL(/#\/$/);
  await appReady(page);
  await go(page, base, '#/account');

  step(result, 'a mistyped card is caught before it is sent');
  await page.fill('#card-number', '4242 4242 4242 4241');
  await page.fill('#card-month', '12');
  await page.fill('#card-year', String(new Date().getFullYear() + 3));
  await page.click('#add-card');
  await page.locator('#card-form .notice.error', { hasText: 'not valid' }).waitFor();

  await addCard(page, result, GOOD_CARD);
  result.cardShownAs = await textOf(page, '#cards li');
  if (result.cardShownAs.includes('4242 4242')) throw new Error(`more than the last four digits shown: ${result.cardShownAs}`);

  await subscribeToFirstPlan(page, result);
  step(result, 'the plan is active');
  await page.locator('#plan-status', { hasText: 'Active' }).waitFor();
  result.planStatus = await textOf(page, '#plan-status');
  await page.locator('#invoices li', { hasText: 'Paid' }).waitFor();

  step(result, 'change plan: the prorated amount shown is the amount invoiced');
  await page.check('#newPlan-standard');
  await page.click('#review-change');
  result.changeShown = await textOf(page, '#change-amount');
  await page.click('#confirm-change');
  await page.locator('#plan-name', { hasText: 'Standard' }).waitFor();
  result.changeInvoice = await textOf(page, '#invoices li:first-child summary');
  if (!result.changeInvoice.includes('Plan change') || !result.changeInvoice.includes(result.changeShown))
    throw new Error(`the plan change was shown as ${result.changeShown} but invoiced as "${result.changeInvoice}"`);

  step(result, 'sign out');
  await page.click('#sign-out');
  await page.waitForURL(/#\/signin/);
  step(result, 'the account page now asks to sign in');
  await go(page, base, '#/account').catch(() => {});
  await page.waitForURL(/#\/signin\?next=/);
  await appReady(page);
  await page.waitForSelector('#signin-form');
  result.finalUrl = page.url();
}

// (b) a card the gateway declines: subscribing shows the decline, and so does paying the open invoice.
async function declined(page, base, result) {
  const email = `declined-${Date.now()}-${Math.random().toString(16).slice(2)}@example.com`;
  await signUp(page, base, result, email);
  await addCard(page, result, DECLINING_CARD);
  await subscribeToFirstPlan(page, result);
  step(result, 'the decline is shown');
  await page.locator('.notice.error', { hasText: 'declined' }).first().waitFor();
  result.subscribeMessage = await textOf(page, '.notice.error');
  if (!result.subscribeMessage.includes('insufficient funds')) throw new Error(`the decline reason is missing: ${result.subscribeMessage}`);

  step(result, 'paying the open invoice (a double click) is declined too, and tried once');
  await page.dblclick('#invoices .pay-invoice');
  await page.locator('#invoices .notice.error', { hasText: 'insufficient funds' }).waitFor();
  result.payMessage = await textOf(page, '#invoices .notice.error');
  result.planStatus = await textOf(page, '#plan-status').catch(() => '');
  await go(page, base, '#/account');
  // The subscription's own first charge, then the one from the double click.
  result.paymentAttempts = await page.locator('#payments tbody tr', { hasText: 'Declined' }).count();

  step(result, 'wrong passwords lock the account: the sign-in page says how long to wait');
  await page.click('#sign-out');
  await page.waitForURL(/#\/signin/);
  await appReady(page);
  await page.fill('#signin-email', email);
  for (let attempt = 1; attempt <= 6 && !result.lockMessage; attempt++) {
    await page.fill('#signin-password', `wrong guess number ${attempt}`);
    await page.click('#signin-form button[type=submit]');
    await page.waitForFunction(() => !document.querySelector('#signin-form button[type=submit]').disabled, null, { polling: 50 });
    const text = await textOf(page, '#signin-form .notice');
    if (text.includes('Try again in')) result.lockMessage = text;
  }
  if (!result.lockMessage) throw new Error('no wait was shown after six wrong passwords');
}

/** Another user, outside the browser, on the API with a bearer token. */
async function apiUser(base, name) {
  const http = await apiRequest.newContext({ baseURL: base });
  const email = `${name}-${Date.now()}-${Math.random().toString(16).slice(2)}@example.com`;
  const created = await http.post('/api/users', { data: { email, password: PASSWORD, displayName: name } });
  if (created.status() !== 201) throw new Error(`sign-up of ${name} answered ${created.status()}`);
  const login = await (await http.post('/api/sessions', { data: { email, password: PASSWORD } })).json();
  const headers = { Authorization: `Bearer ${login.token}` };
  return {
    userId: login.userId,
    email,
    befriend: async (userId) => {
      const sent = await http.post(`/api/users/${login.userId}/friends/requests`, { data: { userId }, headers });
      if (!sent.ok()) throw new Error(`${name}'s friend request answered ${sent.status()}`);
    },
    dispose: () => http.dispose(),
  };
}

// Friends: a request from another user is accepted here; one sent from here is cancelled; a friend is removed.
async function friends(page, base, result) {
  const email = `friends-${Date.now()}-${Math.random().toString(16).slice(2)}@example.com`;
  await signUp(page, base, result, email);
  const me = await textOf(page, '#my-user-id');
  const bob = await apiUser(base, 'bob');
  const carol = await apiUser(base, 'carol');
  try {
    step(result, 'accept an incoming request');
    await bob.befriend(me);
    await go(page, base, '#/friends');
    await page.locator('#incoming li', { hasText: bob.userId }).waitFor(); // the list follows within moments (it refreshes)
    await page.locator('#incoming li', { hasText: bob.userId }).getByRole('button', { name: 'Accept' }).click();
    await page.locator('#friends li', { hasText: bob.userId }).waitFor();

    step(result, 'an email nobody uses is refused');
    await page.fill('#friend-id', `nobody-${Date.now()}@example.com`);
    await page.click('#send-request');
    await page.locator('.notice.error', { hasText: 'no user has that email address' }).waitFor();

    step(result, 'send a request by email, then cancel it');
    await page.fill('#friend-id', carol.email);
    await page.click('#send-request');
    await page.locator('#outgoing li', { hasText: carol.userId }).waitFor();
    await page.locator('#outgoing li', { hasText: carol.userId }).getByRole('button', { name: 'Cancel' }).click();
    await page.locator('#outgoing-h + p', { hasText: 'None waiting' }).waitFor();

    step(result, 'remove a friend');
    await page.locator('#friends li', { hasText: bob.userId }).getByRole('button', { name: 'Remove' }).click();
    await page.locator('#friends-h + p', { hasText: 'No friends yet' }).waitFor();
    result.friendsAfter = await textOf(page, '.friend-lists');

    step(result, 'sign out on every device: the old cookie is refused');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'mp_session');
    await go(page, base, '#/account');
    await page.click('#sign-out-everywhere');
    await page.waitForURL(/#\/signin/);
    const probe = await apiRequest.newContext({ baseURL: base, extraHTTPHeaders: { Cookie: `mp_session=${cookie.value}` } });
    result.oldCookieAfterSignOutEverywhere = (await probe.get('/api/sessions/current')).status();
    await probe.dispose();
    if (result.oldCookieAfterSignOutEverywhere !== 401) throw new Error(`the old cookie still answers ${result.oldCookieAfterSignOutEverywhere}`);
  } finally {
    await bob.dispose();
    await carol.dispose();
  }
}

// The poster <img> once the browser has loaded it: its URL and the picture's own size.
async function loadedPoster(page, selector) {
  await page.locator(selector).waitFor();
  await page.waitForFunction((s) => document.querySelector(s)?.complete, selector, { polling: 100 });
  return page.evaluate((s) => {
    const image = document.querySelector(s);
    return image ? { src: new URL(image.src).pathname, width: image.naturalWidth, height: image.naturalHeight } : null;
  }, selector);
}

// (c) the upload studio: create a title, upload a clip (the bar reaches the file's size), follow it to published.
async function studio(page, base, result, { clip }) {
  const email = `studio-${Date.now()}-${Math.random().toString(16).slice(2)}@example.com`;
  await signUp(page, base, result, email);
  step(result, 'create a title');
  await go(page, base, '#/studio');
  const name = `Studio upload ${Math.random().toString(36).slice(2, 8)}`;
  await page.fill('#title-name', name);
  await page.fill('#title-description', 'Uploaded from the browser.');
  await page.click('#create-title');
  await page.waitForURL(/#\/studio\/[\w-]+$/);
  await appReady(page);
  result.titleId = new URL(page.url()).hash.split('/').pop();

  step(result, 'upload the clip');
  await page.setInputFiles('#source-file', clip);
  await page.click('#upload-source');
  await page.locator('#source-form .notice.success').waitFor();
  result.uploadBar = await page.evaluate(() => {
    const bar = document.getElementById('upload-progress');
    return { value: bar.value, max: bar.max, text: document.getElementById('upload-progress-text').textContent };
  });
  if (!(result.uploadBar.max > 1000 && result.uploadBar.value === result.uploadBar.max)) throw new Error(`the upload bar did not reach the file's size: ${JSON.stringify(result.uploadBar)}`);

  step(result, 'follow the pipeline to published');
  await page.waitForFunction(() => {
    const seen = window.statusesSeen ??= [];
    const status = document.getElementById('title-status')?.dataset.status;
    if (status && seen.at(-1) !== status) seen.push(status);
    return status === 'Published' || status === 'Failed';
  }, null, { polling: 200 });
  result.statusesSeen = await page.evaluate(() => window.statusesSeen);
  const status = await page.getAttribute('#title-status', 'data-status');
  if (status !== 'Published') throw new Error(`the title ended ${status}: ${await textOf(page, '#pipeline')}`);
  await page.locator('#published a', { hasText: 'Watch it' }).waitFor();
  result.watchLink = await page.getAttribute('#published a', 'href');

  step(result, 'search finds it; its title page offers Play');
  // The search reads a catalog that follows the journal within about a second: look again until it is there.
  const card = `#published a[data-title-id="${result.titleId}"]`;
  for (let tries = 0; ; tries++) {
    await go(page, base, `#/?q=${encodeURIComponent(name.split(' ').pop())}`);
    if (await page.locator(card).count()) break;
    if (tries > 40) throw new Error('the search never found the published title');
    await page.waitForTimeout(250);
  }
  result.cardPoster = await loadedPoster(page, `${card} img.poster-image`);
  await page.click(card);
  await page.waitForURL(/#\/title\//);
  await appReady(page);
  result.titlePoster = await loadedPoster(page, '.title-page img.poster-image');
  result.titlePage = { name: await textOf(page, '.title-page h1'), play: await page.getAttribute('#play', 'href'), facts: await textOf(page, '.facts') };
  if (await page.locator('#buy').count()) throw new Error('the owner is offered to buy their own title');

  step(result, 'another viewer buys it');
  const titleHash = new URL(page.url()).hash;
  await page.click('#sign-out');
  await page.waitForURL(/#\/signin/);
  await signUp(page, base, result, `buyer-${Date.now()}-${Math.random().toString(16).slice(2)}@example.com`);
  await addCard(page, result, GOOD_CARD);
  await go(page, base, titleHash);
  await page.click('#buy');
  await page.locator('#owned, #pay-order').first().waitFor();
  if (await page.locator('#pay-order').count()) await page.click('#pay-order');
  await page.locator('#owned').waitFor();
  result.bought = await textOf(page, '.title-page .notice');
  await go(page, base, titleHash);
  await page.locator('#owned').waitFor(); // the page remembers the purchase (from the invoices)
}

// (d) the whole journey across nodes: the account on one, watching on another with the same session cookie.
async function journey(page, base, result, { title, other }) {
  await signUp(page, base, result, `journey-${Date.now()}-${Math.random().toString(16).slice(2)}@example.com`);
  await addCard(page, result, GOOD_CARD);
  await subscribeToFirstPlan(page, result);
  await page.locator('#plan-status', { hasText: 'Active' }).waitFor();
  result.planStatus = await textOf(page, '#plan-status');

  step(result, 'another node knows the session and opens the title');
  await go(page, other, `#/title/${title}`);
  await page.locator('#sign-out').waitFor(); // signed in there too: the cookie is the session on every node
  await page.click('#play');
  await page.waitForURL((url) => url.origin === new URL(other).origin && url.pathname === '/player/');
  await page.waitForFunction(() => window.player?.levels?.length > 0 && window.player?.subtitleTracks?.length > 0 || window.player?.fatalError,
    null, { polling: 100 });
  if (await page.evaluate(() => window.player.fatalError)) throw new Error(await page.evaluate(() => window.player.fatalError));
  result.playerSignedIn = await page.evaluate(() => window.player.signedIn);

  step(result, 'English subtitles on: a cue shown at its time');
  const english = await page.evaluate(() => window.player.subtitleTracks.findIndex((t) => t.lang === 'en'));
  if (english < 0) throw new Error('the title offers no English subtitles');
  await page.selectOption('#subtitles', String(english));
  await page.waitForFunction(() => {
    const video = document.querySelector('video');
    const cue = [...video.textTracks].find((t) => t.mode === 'showing')?.activeCues?.[0];
    return cue && cue.startTime <= video.currentTime && video.currentTime <= cue.endTime;
  }, null, { polling: 50 });
  result.shownCue = await page.evaluate(() => {
    const video = document.querySelector('video');
    const cue = [...video.textTracks].find((t) => t.mode === 'showing').activeCues[0];
    return { text: cue.text, startTime: cue.startTime, endTime: cue.endTime, currentTime: video.currentTime };
  });

  step(result, 'switch quality');
  const before = await page.evaluate(() => ({ level: window.player.currentLevel, loaded: window.player.loadedLevels.length }));
  const target = before.level === 0 ? 1 : 0;
  await page.selectOption('#quality', String(target));
  await page.waitForFunction(({ target, loaded }) => window.player.currentLevel === target && !window.player.autoLevel
    && window.player.loadedLevels.slice(loaded).includes(target), { target, loaded: before.loaded }, { polling: 100 });
  result.quality = { from: before.level, to: target, label: await page.evaluate(() => document.querySelector('#quality').selectedOptions[0].text) };

  step(result, 'sign out');
  await go(page, other, '#/');
  await page.click('#sign-out');
  await page.waitForURL(/#\/signin/);
  step(result, 'signed out on the first node too');
  await go(page, base, '#/account').catch(() => {});
  await page.waitForURL(/#\/signin\?next=/);
  result.finalUrl = page.url();
}

async function check(args) {
  const result = { ok: false, scenario: args.scenario, steps: [], pageErrors: [], consoleErrors: [], httpErrors: [] };
  const browser = await launchChromium();
  // A phone's width for the account flows: the pages must work there.
  const page = await browser.newPage({ viewport: args.scenario === 'studio' ? { width: 1280, height: 900 } : { width: 360, height: 740 } });
  page.setDefaultTimeout(args.timeoutMs);
  page.on('pageerror', (error) => result.pageErrors.push(error.message));
  page.on('console', (m) => {
    // A 4xx the page handles shows as "Failed to load resource" (the browser's note, not the page's error).
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) result.consoleErrors.push(m.text());
  });
  page.on('response', (r) => { if (r.status() >= 400) result.httpErrors.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`); });
  try {
    await args.run(page, args.baseUrl, result, args);
    if (result.pageErrors.length || result.consoleErrors.length) throw new Error('the page logged errors');
    result.ok = true;
  } catch (error) {
    result.failure = `${result.steps.at(-1) ?? 'start'}: ${error.message.split('\n')[0]}`;
    if (args.screenshot) {
      await page.screenshot({ path: args.screenshot, fullPage: true }).then(() => { result.screenshot = args.screenshot; }, () => {});
    }
  } finally {
    await browser.close();
  }
  return result;
}

const args = parseArgs(process.argv.slice(2));
await reportCheck(check, args, { scenario: args.scenario });
