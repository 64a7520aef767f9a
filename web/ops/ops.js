// The operations page: members, charts of the nodes' own recent metrics, shards per node, singletons and the
// transcode queue, refreshed every 5 s from the management API with the admin token.
import { token, getJson, Unauthorized } from './api.js';
import { drawChart } from './chart.js';

const REFRESH_MS = 5000;
const WINDOW_MS = 15 * 60 * 1000;
const $ = (id) => document.getElementById(id);

/** For the browser spec and for a person with devtools: how many refreshes finished, and the last error. */
window.ops = { refreshes: 0, lastError: null };

let timer = null;

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  return td;
}

function fillRows(tableId, rows) {
  const body = $(tableId).tBodies[0];
  body.replaceChildren(...rows.map((values) => {
    const tr = document.createElement('tr');
    tr.append(...values.map(cell));
    return tr;
  }));
}

function shortNode(address) {
  return address?.replace(/^akka(\.\w+)*:\/\//, '') ?? '';
}

function renderMembers(members) {
  fillRows('members', members.members.map((m) => [
    shortNode(m.node), m.status, m.reachability, m.roles.join(', '), m.appVersion,
    [m.node === members.leader ? 'leader' : '', m.node === members.oldest ? 'oldest' : '', m.node === members.selfNode ? 'this node' : '']
      .filter(Boolean).join(', '),
  ]));
  $('members').dataset.count = String(members.members.length);
}

function renderSharding(sharding) {
  fillRows('sharding', sharding.regions.flatMap((r) => r.error
    ? [[r.region, `(${r.error})`, '', '']]
    : r.nodes.map((n) => [r.region, shortNode(n.node), n.shardCount, n.entityCount])));
}

function renderSingletons(singletons) {
  fillRows('singletons', singletons.singletons.map((s) => [s.name, shortNode(s.node) || '(none yet)']));
}

function renderQueue(queue) {
  $('queue-summary').textContent =
    `${queue.pending} pending, ${queue.inFlight} in flight; ${queue.completedTotal} completed and ${queue.failedTotal} failed since the coordinator started; ${queue.batches.length} batches held`;
  fillRows('workers', queue.workers.map((w) => [w.workerId, w.node, w.capacity, w.inFlight.length]));
}

/** One series per node of a sample field; per-second or per-minute rates divide by the interval. */
function perNode(recent, pick) {
  return recent.nodes.filter((n) => !n.error).sort((a, b) => (a.name ?? a.node).localeCompare(b.name ?? b.node)).map((n) => ({
    name: n.name ?? shortNode(n.node),
    points: n.samples.map((s) => [Date.parse(s.at), pick(s, recent.intervalSeconds)]),
  }));
}

/** The cluster's total of a sample field per timestamp (samples are aligned to the interval on every node). */
function summed(recent, name, pick) {
  const totals = new Map();
  for (const n of recent.nodes) for (const s of n.samples) {
    const t = Date.parse(s.at);
    totals.set(t, (totals.get(t) ?? 0) + pick(s, recent.intervalSeconds));
  }
  return { name, points: [...totals.entries()].sort((a, b) => a[0] - b[0]) };
}

function renderCharts(recent) {
  // The axis spans the samples there are (at least a minute), up to the 15 minutes a node keeps.
  const to = Date.now();
  const earliest = Math.min(to, ...recent.nodes.flatMap((n) => n.samples.map((s) => Date.parse(s.at))));
  const from = Math.max(to - WINDOW_MS, Math.min(earliest, to - 60_000));
  const charts = [
    ['requests', 'Request rate', 'requests/s', perNode(recent, (s, i) => s.requests / i)],
    ['latency', 'Request latency p50 / p99', 'ms', [
      ...perNode(recent, (s) => s.requestP99Ms).map((s) => ({ ...s, name: `${s.name} p99` })),
      ...perNode(recent, (s) => s.requestP50Ms).map((s) => ({ ...s, name: `${s.name} p50` })),
    ]],
    ['journal', 'Journal write latency p99', 'ms', perNode(recent, (s) => s.journalP99Ms)],
    ['encodes', 'Encodes completed', 'per minute', [summed(recent, 'cluster', (s, i) => s.encodesCompleted * 60 / i)]],
    ['payments', 'Payments by outcome', 'per minute', [
      summed(recent, 'charged', (s, i) => s.paymentsCharged * 60 / i),
      summed(recent, 'declined', (s, i) => s.paymentsDeclined * 60 / i),
      summed(recent, 'gateway silent', (s, i) => s.paymentsSilent * 60 / i),
    ]],
  ];
  const container = $('charts');
  for (const [id, title, unit, series] of charts) {
    let figure = document.getElementById(`chart-${id}`);
    if (!figure) {
      figure = document.createElement('figure');
      figure.id = `chart-${id}`;
      container.append(figure);
    }
    drawChart(figure, title, unit, series, from, to);
  }
  const missing = recent.nodes.filter((n) => n.error).map((n) => `${shortNode(n.node)}: ${n.error}`);
  $('charts').dataset.missing = missing.join('; ');
}

async function refresh() {
  const parts = [
    ['/cluster/members', renderMembers],
    ['/cluster/metrics/recent', renderCharts],
    ['/cluster/sharding', renderSharding],
    ['/cluster/singletons', renderSingletons],
    ['/cluster/transcode-queue', renderQueue],
  ];
  const outcomes = await Promise.allSettled(parts.map(async ([path, render]) => render(await getJson(path))));
  const failures = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason);
  if (failures.some((f) => f instanceof Unauthorized)) {
    token.clear();
    askForToken('The admin token was refused; enter it again.');
    return;
  }
  $('problem').textContent = failures.map((f) => f.message).join(' · ');
  window.ops.lastError = failures[0]?.message ?? null;
  window.ops.refreshes++;
  $('updated').textContent = `updated ${new Date().toLocaleTimeString()}`;
  timer = setTimeout(refresh, REFRESH_MS);
}

function askForToken(message = '') {
  clearTimeout(timer);
  $('dashboard').hidden = true;
  $('forget').hidden = true;
  $('token-form').hidden = false;
  $('token-error').textContent = message;
  $('token').focus();
}

function open() {
  $('token-form').hidden = true;
  $('dashboard').hidden = false;
  $('forget').hidden = false;
  refresh();
}

$('token-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = $('token-file').files[0];
  const value = file ? (await file.text()).trim() : $('token').value.trim();
  if (value.length < 16) {
    $('token-error').textContent = 'An admin token has at least 16 characters.';
    return;
  }
  token.set(value);
  $('token').value = '';
  open();
});

$('forget').addEventListener('click', () => {
  token.clear();
  askForToken();
});

if (token.get()) open();
else askForToken();
