// The plan: subscribe, change (with the prorated amounts shown before confirming), cancel and resume.
import { h, notice, say, busy } from '../lib/dom.js';
import { api } from '../lib/api.js';
import { money, day, newKey } from '../lib/format.js';
import { paymentProblem } from '../lib/payments.js';

const STATUS = {
  Active: 'Active',
  PendingPayment: 'Waiting for the first payment',
  Suspended: 'Suspended: a renewal is unpaid',
  Ended: 'Ended',
  None: 'No plan',
};

export function planSection(ctx) {
  const { account, plans } = ctx;
  const section = h('section', { class: 'card', 'aria-labelledby': 'plan-h', id: 'plan' }, h('h2', { id: 'plan-h' }, 'Plan'));
  const current = plans.find((p) => p.planId === account.planId);
  const hasPlan = current && account.status !== 'Ended' && account.status !== 'None';
  if (!hasPlan) {
    section.append(h('p', {}, 'You have no plan yet. Pick one; the first month is charged to your default card at once.'));
    if (!account.paymentCard) section.append(notice('Add a payment card below first, or the plan waits until its invoice is paid.', 'info'));
    section.append(subscribeForm(ctx));
    return section;
  }
  section.append(h('dl', { class: 'facts' },
    h('dt', {}, 'Plan'), h('dd', { id: 'plan-name' }, `${current.name} · ${money(current.monthlyPriceMinor, current.currency)} a month`),
    h('dt', {}, 'Status'), h('dd', { id: 'plan-status', class: `status-${account.status}` },
      account.cancelAtPeriodEnd ? `${STATUS[account.status] ?? account.status}, ends ${day(account.periodEnd)}` : STATUS[account.status] ?? account.status),
    account.periodEnd ? [h('dt', {}, account.cancelAtPeriodEnd ? 'Ends' : 'Renews'), h('dd', {}, day(account.periodEnd))] : null));
  if (account.pendingPlanId) {
    const pending = plans.find((p) => p.planId === account.pendingPlanId);
    section.append(notice(`The change to ${pending?.name ?? account.pendingPlanId} starts once its invoice is paid (see Invoices).`));
  }
  if (account.cancelAtPeriodEnd) section.append(resumeButton(ctx));
  else section.append(changeForm(ctx, current), cancelButton(ctx));
  return section;
}

function planChoices(plans, name, except) {
  return h('fieldset', { class: 'plans' }, h('legend', {}, 'Plans'),
    plans.filter((p) => p.planId !== except).map((p, i) => h('label', { class: 'plan-choice' },
      h('input', { type: 'radio', name, value: p.planId, checked: i === 0, id: `${name}-${p.planId}` }),
      ` ${p.name} · ${money(p.monthlyPriceMinor, p.currency)} a month · ${p.maxStreams} screen${p.maxStreams === 1 ? '' : 's'}`)));
}

function subscribeForm(ctx) {
  const message = notice();
  const submit = h('button', { type: 'submit', class: 'primary', id: 'subscribe' }, 'Subscribe');
  const form = h('form', { id: 'subscribe-form' }, planChoices(ctx.plans, 'plan'), message, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const planId = form.elements.plan.value;
    busy(submit, async () => {
      try {
        const order = await api(`${ctx.base}/billing/subscription`, { method: 'POST', body: { planId }, idempotencyKey: newKey() });
        if (order.invoice.status === 'Paid') return ctx.reload(`Subscribed. Your first month (${money(order.invoice.totalMinor, order.invoice.currency)}) is paid.`);
        const declined = await lastFailure(ctx, order.invoice.invoiceId);
        await ctx.reload(declined
          ? `The payment was declined: ${declined}. Pay invoice ${order.invoice.number} below with another card.`
          : `Subscribed; the plan starts once invoice ${order.invoice.number} is paid.`, declined ? 'error' : 'info');
      } catch (error) {
        say(message, paymentProblem(error), 'error');
      }
    });
  });
  return form;
}

async function lastFailure(ctx, invoiceId) {
  const history = await api(`${ctx.base}/billing/payments`).catch(() => null);
  const failed = history?.payments.filter((p) => p.invoiceId === invoiceId && p.status === 'Declined').at(-1);
  return failed?.failureReason ?? null;
}

/** Change plan: pick, see the prorated amounts, then confirm. */
function changeForm(ctx, current) {
  const { account, plans } = ctx;
  const message = notice();
  const review = h('div', { class: 'review', id: 'change-review' });
  const reviewButton = h('button', { type: 'submit', id: 'review-change' }, 'Review the change');
  const form = h('form', { id: 'change-form' },
    h('h3', {}, 'Change plan'), planChoices(plans, 'newPlan', current.planId), reviewButton, review, message);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = plans.find((p) => p.planId === form.elements.newPlan.value);
    const estimate = prorate(current, target, account.periodStart, account.periodEnd, new Date());
    const confirm = h('button', { type: 'button', class: 'primary', id: 'confirm-change' }, `Change to ${target.name}`);
    const net = estimate.charge - estimate.credit;
    review.replaceChildren(
      h('table', {},
        h('caption', {}, `For the ${estimate.daysRemaining} day(s) left of this period (estimate; the invoice has the exact amounts)`),
        h('tbody', {},
          h('tr', {}, h('td', {}, `Unused time on ${current.name}`), h('td', { class: 'amount' }, money(-estimate.credit, current.currency))),
          h('tr', {}, h('td', {}, `Remaining time on ${target.name}`), h('td', { class: 'amount' }, money(estimate.charge, target.currency))),
          h('tr', { class: 'total' }, h('td', {}, net >= 0 ? 'Charged now' : 'Credited to your account'),
            h('td', { class: 'amount', id: 'change-amount' }, money(Math.abs(net), target.currency))))),
      h('p', {}, `From the next period: ${money(target.monthlyPriceMinor, target.currency)} a month.`),
      confirm);
    confirm.addEventListener('click', () => busy(confirm, async () => {
      try {
        const order = await api(`${ctx.base}/billing/subscription`, { method: 'PUT', body: { planId: target.planId }, idempotencyKey: newKey() });
        const paid = order.invoice.status !== 'Open' || order.invoice.amountDueMinor === 0;
        await ctx.reload(paid ? `You are on ${target.name} now.` : `The change to ${target.name} waits for invoice ${order.invoice.number} to be paid.`, paid ? 'success' : 'info');
      } catch (error) {
        say(message, paymentProblem(error), 'error');
      }
    }));
  });
  return form;
}

/** The server's proration (whole days; each amount rounded down), for showing before the change is made. */
export function prorate(from, to, periodStart, periodEnd, now) {
  const DAY = 86_400_000;
  const start = new Date(periodStart).getTime(), end = new Date(periodEnd).getTime();
  const daysInPeriod = Math.max(1, Math.floor((end - start) / DAY));
  const daysRemaining = Math.min(daysInPeriod, Math.max(0, Math.floor((end - now.getTime()) / DAY)));
  const share = (price) => Math.floor((price * daysRemaining) / daysInPeriod);
  return { daysRemaining, daysInPeriod, credit: share(from.monthlyPriceMinor), charge: share(to.monthlyPriceMinor) };
}

function cancelButton(ctx) {
  const cancel = h('button', { type: 'button', class: 'danger', id: 'cancel-plan' }, 'Cancel plan');
  let armed = false;
  cancel.addEventListener('click', () => {
    if (!armed) {
      armed = true;
      cancel.textContent = 'Really cancel? Click again to confirm';
      return;
    }
    busy(cancel, async () => {
      try {
        const account = await api(`${ctx.base}/billing/subscription`, { method: 'DELETE' });
        await ctx.reload(account.cancelAtPeriodEnd ? `Cancelled: the plan ends on ${day(account.periodEnd)}.` : 'Cancelled.');
      } catch (error) {
        ctx.tell(error.message, 'error');
      }
    });
  });
  return h('p', {}, cancel);
}

function resumeButton(ctx) {
  const resume = h('button', { type: 'button', class: 'primary', id: 'resume-plan' }, 'Keep my plan');
  resume.addEventListener('click', () => busy(resume, async () => {
    try {
      await api(`${ctx.base}/billing/subscription/resume`, { method: 'POST' });
      await ctx.reload('Your plan continues.');
    } catch (error) {
      ctx.tell(error.message, 'error');
    }
  }));
  return h('p', {}, resume);
}
