// One title: what it is (description, duration, languages, quality levels), Play (the watch page), and Buy.
import { h, notice, say, busy } from '../lib/dom.js';
import { api, ApiError } from '../lib/api.js';
import { duration, seconds, money, newKey } from '../lib/format.js';
import { poster, statusText } from '../lib/titles.js';
import { paymentProblem } from '../lib/payments.js';

export async function render(view, { params, user }) {
  const [titleId] = params;
  let title;
  try {
    title = await api(`/api/titles/${encodeURIComponent(titleId)}`);
  } catch (error) {
    const text = error instanceof ApiError && (error.status === 404 || error.status === 403)
      ? 'This title does not exist or is not published.' : error.message;
    view.append(h('h1', {}, 'Title'), notice(text, 'error'), h('p', {}, h('a', { href: '#/' }, 'Back to the home page')));
    return;
  }

  const facts = h('dl', { class: 'facts' });
  const fact = (name, value) => value && facts.append(h('dt', {}, name), h('dd', {}, value));
  fact('Duration', duration(seconds(title.probe?.duration)));
  fact('Audio', title.probe ? (title.probe.hasAudio ? 'Yes' : 'None') : '');
  fact('Subtitles', title.subtitles.length ? title.subtitles.map((s) => languageName(s.language)).join(', ') : 'None');
  const rungs = title.package?.rungs ?? title.ladder ?? [];
  fact('Quality', rungs.length ? rungs.map((r) => `${r.height}p`).join(', ') : '');
  if (title.status !== 'Published') fact('Status', statusText(title.status));

  const actions = h('div', { class: 'actions' });
  if (title.status === 'Published') {
    actions.append(h('a', { class: 'button primary', href: `/player/?title=${encodeURIComponent(title.titleId)}`, id: 'play' }, '▶ Play'));
  }
  const message = notice();
  if (title.status === 'Published' && user && user.userId !== title.ownerId) actions.append(await purchase(user, title, message));
  if (title.status === 'Published' && !user) {
    actions.append(h('a', { class: 'button', href: `#/signin?next=${encodeURIComponent(`#/title/${title.titleId}`)}` }, 'Sign in to buy'));
  }
  if (user && user.userId === title.ownerId) actions.append(h('a', { class: 'button', href: `#/studio/${title.titleId}` }, 'Manage in the studio'));

  view.append(h('article', { class: 'title-page' },
    poster(title),
    h('div', {},
      h('h1', {}, title.name),
      h('p', { class: 'description' }, title.description || 'No description.'),
      facts, actions, message)));
}

/**
 * Buying: only a viewer who may not watch yet is offered it (a subscription covers every title). A title already
 * bought says so; one ordered but unpaid offers to pay its invoice; otherwise Buy places an order (its invoice) and
 * then offers to pay it. Every click carries its own idempotency key.
 */
async function purchase(user, title, message) {
  const billing = `/api/users/${user.userId}/billing`;
  const entitlement = await api(`/api/titles/${encodeURIComponent(title.titleId)}/entitlement`).catch(() => null);
  if (entitlement?.canWatch && entitlement.by === 'subscription') {
    return h('span', { class: 'badge status-Paid', id: 'included' }, 'Included in your subscription');
  }
  if (entitlement?.canWatch) return h('span', { class: 'badge status-Paid', id: 'owned' }, 'Bought');
  const { invoices } = await api(`${billing}/invoices`).catch(() => ({ invoices: [] }));
  const ordered = invoices.find((i) => i.kind === 'TitlePurchase' && i.reference === title.titleId && i.status !== 'Void');
  if (ordered && (ordered.status === 'Paid' || ordered.amountDueMinor === 0)) return h('span', { class: 'badge status-Paid', id: 'owned' }, 'Bought');
  if (ordered) return payButton(billing, title, ordered, message);

  const buy = h('button', { type: 'button', id: 'buy' }, 'Buy');
  buy.addEventListener('click', () => busy(buy, async () => {
    try {
      const order = await api(`${billing}/orders`, { method: 'POST', body: { titleId: title.titleId }, idempotencyKey: newKey() });
      const invoice = order.invoice;
      if (invoice.status !== 'Open' || invoice.amountDueMinor === 0) {
        buy.replaceWith(h('span', { class: 'badge status-Paid', id: 'owned' }, 'Bought'));
        return say(message, `Bought “${title.name}”.`, 'success');
      }
      say(message, `Invoice ${invoice.number}: ${money(invoice.amountDueMinor, invoice.currency)} to pay.`);
      buy.replaceWith(payButton(billing, title, invoice, message));
    } catch (error) {
      say(message, paymentProblem(error), 'error');
    }
  }));
  return buy;
}

function payButton(billing, title, invoice, message) {
  const pay = h('button', { type: 'button', class: 'primary', id: 'pay-order' }, `Pay ${money(invoice.amountDueMinor, invoice.currency)} to buy`);
  let unanswered = null; // a payment the gateway did not answer is retried with its own key, never paid twice
  pay.addEventListener('click', () => busy(pay, async () => {
    const key = unanswered ?? newKey();
    try {
      await api(`${billing}/invoices/${invoice.invoiceId}/payments`, { method: 'POST', idempotencyKey: key });
      pay.replaceWith(h('span', { class: 'badge status-Paid', id: 'owned' }, 'Bought'));
      say(message, `Paid. “${title.name}” is yours.`, 'success');
    } catch (error) {
      unanswered = error instanceof ApiError && error.status === 503 ? key : null;
      say(message, paymentProblem(error), 'error');
    }
  }));
  return pay;
}

function languageName(code) {
  try {
    return new Intl.DisplayNames(undefined, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
