// Payment cards: add (checked here with Luhn and expiry before it is sent), make default, remove. Only the brand and
// the last four digits are ever shown; the number leaves the form as soon as it is sent.
import { h, field, notice, say, busy } from '../lib/dom.js';
import { api } from '../lib/api.js';
import { cardDigits, cardProblem } from '../lib/cards.js';

export function cardSection(ctx) {
  const cards = ctx.profile.cards;
  const list = h('ul', { class: 'cards', id: 'cards' }, cards.map((card) => cardItem(ctx, card)));
  return h('section', { class: 'card', 'aria-labelledby': 'cards-h' },
    h('h2', { id: 'cards-h' }, 'Payment cards'),
    cards.length ? list : h('p', {}, 'No card yet.'),
    addCardForm(ctx, cards.length === 0));
}

function cardItem(ctx, card) {
  const label = `${card.brand} •••• ${card.last4}`;
  const item = h('li', { class: 'card-item' },
    h('span', { class: 'card-label' }, label),
    h('span', { class: 'small' }, ` expires ${String(card.expiryMonth).padStart(2, '0')}/${card.expiryYear}`),
    card.isDefault ? h('span', { class: 'badge' }, 'Default') : null);
  if (!card.isDefault) {
    const makeDefault = h('button', { type: 'button' }, 'Make default');
    makeDefault.addEventListener('click', () => busy(makeDefault, async () => {
      try {
        await api(`${ctx.base}/cards/${card.cardId}/default`, { method: 'PUT' });
        await ctx.reload(`${label} is now your default card.`);
      } catch (error) { ctx.tell(error.message, 'error'); }
    }));
    item.append(makeDefault);
  }
  const remove = h('button', { type: 'button', class: 'danger', 'aria-label': `Remove ${label}` }, 'Remove');
  remove.addEventListener('click', () => busy(remove, async () => {
    try {
      await api(`${ctx.base}/cards/${card.cardId}`, { method: 'DELETE' });
      await ctx.reload(`${label} removed.`);
    } catch (error) { ctx.tell(error.message, 'error'); }
  }));
  item.append(remove);
  return item;
}

function addCardForm(ctx, first) {
  const message = notice();
  const submit = h('button', { type: 'submit', class: 'primary', id: 'add-card' }, 'Add card');
  const year = new Date().getFullYear();
  const form = h('form', { id: 'card-form', novalidate: true, autocomplete: 'on' },
    h('h3', {}, 'Add a card'),
    field('Card number', { name: 'number', inputmode: 'numeric', autocomplete: 'cc-number', required: true, maxlength: 23, id: 'card-number' }),
    h('div', { class: 'inline' },
      field('Expiry month', { name: 'month', type: 'number', min: 1, max: 12, autocomplete: 'cc-exp-month', required: true, id: 'card-month' }),
      field('Expiry year', { name: 'year', type: 'number', min: year, max: year + 30, autocomplete: 'cc-exp-year', required: true, id: 'card-year' })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'makeDefault', checked: first, id: 'card-default' }), ' Make it my default card'),
    message, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { number, month, year: expiryYear, makeDefault } = form.elements;
    const problem = cardProblem(number.value, month.value, expiryYear.value);
    if (problem) return say(message, problem, 'error');
    busy(submit, async () => {
      try {
        const card = await api(`${ctx.base}/cards`, {
          method: 'POST',
          body: { number: cardDigits(number.value), expiryMonth: Number(month.value), expiryYear: Number(expiryYear.value), makeDefault: makeDefault.checked },
        });
        form.reset(); // the number is not kept in the page
        await ctx.reload(`${card.brand} •••• ${card.last4} added.`);
      } catch (error) {
        say(message, error.message, 'error');
      }
    });
  });
  return form;
}
