// Friends: add by email address (the one they signed up with) or user id, answer requests, remove.
import { h, field, notice, say, busy } from '../lib/dom.js';
import { api } from '../lib/api.js';
import { day } from '../lib/format.js';

const REFRESH_MS = 5000;

export function render(view, { user }) {
  const base = `/api/users/${user.userId}/friends`;
  const message = notice();
  const lists = h('div', { class: 'friend-lists' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'send-request' }, 'Send request');
  const form = h('form', { class: 'card', id: 'friend-form', novalidate: true },
    h('h2', {}, 'Add a friend'),
    h('p', {}, 'Enter the email address your friend signed up with, or their user id. Yours is ', h('code', { id: 'my-user-id' }, user.userId), '.'),
    field('Friend’s email or user id', { name: 'friendId', required: true, autocomplete: 'off', spellcheck: 'false', id: 'friend-id' }),
    submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const who = form.elements.friendId.value.trim();
    if (!who) return say(message, 'Enter your friend’s email address or user id.', 'error');
    if (who === user.userId) return say(message, 'That is your own id.', 'error');
    const body = who.includes('@') ? { email: who } : { userId: who };
    busy(submit, async () => {
      try {
        const answer = await api(`${base}/requests`, { method: 'POST', body });
        form.reset();
        say(message, answer?.relation === 'Friends' ? 'They had asked you too: you are friends now.' : 'Request sent.', 'success');
        await load();
      } catch (error) {
        say(message, error.message, 'error');
      }
    });
  });
  view.append(h('h1', {}, 'Friends'), message, form, lists);

  const act = (label, method, path, done, className = '') => {
    const button = h('button', { type: 'button', class: className }, label);
    button.addEventListener('click', () => busy(button, async () => {
      try {
        await api(path, { method });
        say(message, done, 'success');
        await load();
      } catch (error) {
        say(message, error.message, 'error');
      }
    }));
    return button;
  };

  const group = (title, id, entries, buttons, empty) => h('section', { class: 'card', 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, title),
    entries.length
      ? h('ul', { class: 'people', id }, entries.map((e) => h('li', {}, h('code', {}, e.userId), h('span', { class: 'small' }, ` since ${day(e.since)}`), ...buttons(e))))
      : h('p', {}, empty));

  let timer = null;
  let stopped = false;
  async function load() {
    clearTimeout(timer);
    try {
      const friendLists = await api(base);
      lists.replaceChildren(
        group('Requests to you', 'incoming', friendLists.incoming, (e) => [
          act('Accept', 'POST', `${base}/requests/${e.userId}/accept`, 'Accepted: you are friends.', 'primary'),
          act('Decline', 'POST', `${base}/requests/${e.userId}/decline`, 'Declined.')], 'No requests.'),
        group('Your friends', 'friends', friendLists.friends, (e) => [
          act('Remove', 'DELETE', `${base}/${e.userId}`, 'Removed.', 'danger')], 'No friends yet.'),
        group('Requests you sent', 'outgoing', friendLists.outgoing, (e) => [
          act('Cancel', 'DELETE', `${base}/${e.userId}`, 'Request cancelled.')], 'None waiting.'));
    } catch (error) {
      say(message, `Friends could not be loaded: ${error.message}`, 'error');
    }
    // The lists follow each change within moments, and others' requests arrive on their own: keep them fresh.
    if (!stopped) timer = setTimeout(load, REFRESH_MS);
  }
  load();
  return () => { stopped = true; clearTimeout(timer); };
}
