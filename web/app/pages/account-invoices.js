// Invoices with their lines and status (an open one can be paid), and the payment history.
import { h, notice, say, busy } from '../lib/dom.js';
import { api, ApiError } from '../lib/api.js';
import { money, date, day, newKey } from '../lib/format.js';
import { paymentProblem } from '../lib/payments.js';

const KINDS = { Subscription: 'Subscription', PlanChange: 'Plan change', Renewal: 'Renewal', TitlePurchase: 'Title purchase' };

export function invoiceSection(ctx) {
  const invoices = [...ctx.invoices].sort((a, b) => b.number - a.number);
  return h('section', { class: 'card', 'aria-labelledby': 'invoices-h' },
    h('h2', { id: 'invoices-h' }, 'Invoices'),
    invoices.length ? h('ul', { class: 'invoices', id: 'invoices' }, invoices.map((i) => invoiceItem(ctx, i))) : h('p', {}, 'No invoices yet.'));
}

function invoiceItem(ctx, invoice) {
  const c = invoice.currency;
  const open = invoice.status === 'Open' && invoice.amountDueMinor > 0;
  const rows = invoice.lines.map((line) => h('tr', {}, h('td', {}, line.description), h('td', { class: 'amount' }, money(line.amountMinor, c))));
  if (invoice.discountMinor) rows.push(h('tr', {}, h('td', {}, `Coupon ${invoice.couponCode ?? ''}`), h('td', { class: 'amount' }, money(-invoice.discountMinor, c))));
  if (invoice.creditAppliedMinor) rows.push(h('tr', {}, h('td', {}, 'Account credit'), h('td', { class: 'amount' }, money(-invoice.creditAppliedMinor, c))));
  rows.push(h('tr', { class: 'total' }, h('td', {}, 'Total'), h('td', { class: 'amount' }, money(invoice.totalMinor, c))));
  if (invoice.amountPaidMinor) rows.push(h('tr', {}, h('td', {}, 'Paid'), h('td', { class: 'amount' }, money(invoice.amountPaidMinor, c))));
  if (open) rows.push(h('tr', { class: 'total' }, h('td', {}, 'To pay'), h('td', { class: 'amount' }, money(invoice.amountDueMinor, c))));
  const message = notice();
  const details = h('details', { open },
    h('summary', {},
      `No. ${invoice.number} · ${KINDS[invoice.kind] ?? invoice.kind} · ${day(invoice.issuedAt)} · ${money(invoice.totalMinor, c)} · `,
      h('span', { class: `badge status-${invoice.status}` }, invoice.status)),
    h('table', {}, h('tbody', {}, rows)));
  if (open) details.append(payButton(ctx, invoice, message), message);
  return h('li', { 'data-invoice': invoice.number }, details);
}

/**
 * Pays with the default card. The key is made at the click (the button is disabled while it runs, so a double click
 * pays once); when the gateway did not answer (503) the next click retries that same payment with the same key.
 */
function payButton(ctx, invoice, message) {
  const pay = h('button', { type: 'button', class: 'primary pay-invoice' }, `Pay ${money(invoice.amountDueMinor, invoice.currency)}`);
  let unanswered = null;
  pay.addEventListener('click', () => busy(pay, async () => {
    const key = unanswered ?? newKey();
    say(message, 'Paying…');
    try {
      await api(`${ctx.base}/billing/invoices/${invoice.invoiceId}/payments`, { method: 'POST', idempotencyKey: key });
      await ctx.reload(`Invoice ${invoice.number} is paid.`);
    } catch (error) {
      unanswered = error instanceof ApiError && error.status === 503 ? key : null;
      if (unanswered) pay.textContent = 'Try the same payment again';
      say(message, paymentProblem(error), 'error');
    }
  }));
  return pay;
}

export function paymentSection(ctx) {
  const { payments } = ctx;
  const numbers = new Map(ctx.invoices.map((i) => [i.invoiceId, i.number]));
  const rows = [...payments.payments].reverse().map((p) => h('tr', {},
    h('td', {}, date(p.startedAt)),
    h('td', {}, numbers.has(p.invoiceId) ? `No. ${numbers.get(p.invoiceId)}` : ''),
    h('td', { class: 'amount' }, money(p.amountMinor, p.currency)),
    h('td', {}, `•••• ${p.cardLast4}`),
    h('td', {}, h('span', { class: `badge status-${p.status}` }, p.status)),
    h('td', {}, p.failureReason ?? '')));
  return h('section', { class: 'card', 'aria-labelledby': 'payments-h' },
    h('h2', { id: 'payments-h' }, 'Payment history'),
    rows.length
      ? h('div', { class: 'scroll' }, h('table', { id: 'payments' },
        h('thead', {}, h('tr', {}, ['Date', 'Invoice', 'Amount', 'Card', 'Status', 'Reason'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows)))
      : h('p', {}, 'No payments yet.'),
    h('p', {}, `Paid in all: ${money(payments.totalPaidMinor, payments.currency)}. ` +
      (payments.balanceMinor > 0 ? `Still to pay: ${money(payments.balanceMinor, payments.currency)}.`
        : payments.balanceMinor < 0 ? `Credit: ${money(-payments.balanceMinor, payments.currency)}.` : 'Nothing is owed.')));
}
