// The upload studio: create a title, then upload its video and subtitles on the title's own studio page.
import { h, field, notice, say, busy } from '../lib/dom.js';
import { api } from '../lib/api.js';
import { newKey } from '../lib/format.js';
import { titleCard } from '../lib/titles.js';

export function render(view, { user, navigate }) {
  const message = notice();
  const submit = h('button', { type: 'submit', class: 'primary', id: 'create-title' }, 'Create title');
  const form = h('form', { class: 'card', id: 'create-form', novalidate: true },
    h('h2', {}, 'New title'),
    field('Name', { name: 'name', required: true, maxlength: 200, id: 'title-name' }),
    field('Description', { tag: 'textarea', name: 'description', rows: 3, maxlength: 2000, id: 'title-description' }),
    message, submit);
  // One key per filled-in form: a retry after a lost answer finds the title already made.
  let key = newKey();
  form.addEventListener('input', () => { key = newKey(); });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = form.elements.name.value.trim();
    if (!name) return say(message, 'Give the title a name.', 'error');
    busy(submit, async () => {
      try {
        const title = await api('/api/titles', { method: 'POST', body: { name, description: form.elements.description.value.trim() }, idempotencyKey: key });
        navigate(`#/studio/${title.titleId}`);
      } catch (error) {
        say(message, error.message, 'error');
      }
    });
  });

  const list = h('ul', { class: 'row', id: 'studio-titles' });
  const listNote = notice('Loading…');
  view.append(h('h1', {}, 'Upload studio'), form,
    h('section', { 'aria-labelledby': 'yours-h' }, h('h2', { id: 'yours-h' }, 'Your titles'), listNote, list));

  api('/api/titles?limit=200').then((answer) => {
    const own = answer.titles.filter((t) => t.ownerId === user.userId);
    list.replaceChildren(...own.map((t) => {
      const card = titleCard(t);
      card.querySelector('a').href = `#/studio/${t.titleId}`;
      return card;
    }));
    say(listNote, own.length ? '' : 'You have not created a title yet.');
  }).catch((error) => say(listNote, `Your titles could not be loaded: ${error.message}`, 'error'));
}
