// The home page's "Continue watching" row for a signed-in person: their unfinished titles, most recent first
// (GET /api/users/{id}/continue-watching), each linking to the watch page, which resumes where they left off; a
// Remove button takes a title off the row (DELETE /api/users/{id}/watch-history/{titleId}).
import { h } from './dom.js';
import { api } from './api.js';
import { poster, progress } from './titles.js';

function card(item, remove) {
  const minutes = Math.max(0, Math.round((item.durationSeconds - item.positionSeconds) / 60));
  const link = h('a', { href: `/player/?title=${encodeURIComponent(item.titleId)}`, 'data-title-id': item.titleId },
    poster({ titleId: item.titleId, name: item.titleName }),
    h('span', { class: 'name' }, item.titleName),
    progress(item.percent),
    h('span', { class: 'small' }, minutes > 0 ? `${minutes} min left` : 'Almost done'));
  return h('li', { class: 'title-card' }, link,
    h('button', { type: 'button', class: 'link', onclick: () => remove(item), 'aria-label': `Remove ${item.titleName} from Continue watching` }, 'Remove'));
}

/** The section (hidden while empty) and its loader; load() asks again and redraws. */
export function continueWatching(user) {
  const list = h('ul', { class: 'row', id: 'continue-watching' });
  const section = h('section', { 'aria-labelledby': 'continue-h', hidden: true }, h('h2', { id: 'continue-h' }, 'Continue watching'), list);
  const path = `/api/users/${encodeURIComponent(user.userId)}`;
  async function remove(item) {
    await api(`${path}/watch-history/${encodeURIComponent(item.titleId)}`, { method: 'DELETE' }).catch(() => {});
    await load();
  }
  async function load() {
    try {
      const answer = await api(`${path}/continue-watching`);
      list.replaceChildren(...answer.titles.map((item) => card(item, remove)));
      section.hidden = answer.titles.length === 0;
    } catch { /* the row stays as it was */ }
  }
  return { section, load };
}
