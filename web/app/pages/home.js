// Home: search, a signed-in person's "Continue watching" row, recently published titles, and for a signed-in person their friends' live streams on air (each with a
// "Watch live" link to the watch page's live mode, asked again every few seconds) and their own titles while they are
// being processed.
import { h, field, notice, say } from '../lib/dom.js';
import { api } from '../lib/api.js';
import { titleCard } from '../lib/titles.js';
import { continueWatching } from '../lib/continue-watching.js';

const REFRESH_MS = 4000;
const LIVE_REFRESH_MS = 6000;

export function render(view, { query, user, navigate }) {
  const q = query.get('q') ?? '';
  const search = h('form', { class: 'search', role: 'search' },
    field('Search titles', { type: 'search', name: 'q', value: q, placeholder: 'Title name', id: 'search-q' }),
    h('button', { type: 'submit' }, 'Search'));
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    const words = search.elements.q.value.trim();
    navigate(words ? `#/?q=${encodeURIComponent(words)}` : '#/');
  });

  const published = h('ul', { class: 'row', id: 'published' });
  const publishedNote = notice('Loading…');
  const mine = h('ul', { class: 'row', id: 'my-titles' });
  const mineNote = notice();
  const resume = user ? continueWatching(user) : null;
  view.append(search);
  if (resume) { view.append(resume.section); resume.load(); }
  view.append(
    h('section', { 'aria-labelledby': 'published-h' },
      h('h2', { id: 'published-h' }, q ? `Titles matching “${q}”` : 'Recently published'), publishedNote, published));
  const live = h('ul', { id: 'friends-live' });
  const liveSection = h('section', { 'aria-labelledby': 'live-h', hidden: true }, h('h2', { id: 'live-h' }, 'Friends live now'), live);
  if (user) view.append(liveSection);
  if (user) {
    view.append(h('section', { 'aria-labelledby': 'mine-h' },
      h('h2', { id: 'mine-h' }, 'My titles in progress'), mineNote, mine,
      h('p', {}, h('a', { href: '#/studio' }, 'Upload a video in the studio'))));
  }

  let timer = null;
  let stopped = false;
  async function load() {
    const params = new URLSearchParams({ status: 'published', limit: '60' });
    if (q) params.set('q', q);
    try {
      const list = await api(`/api/titles?${params}`);
      // The search lists newest created first; a published title's last change is its publication, so sort by that.
      const newest = [...list.titles].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 24);
      published.replaceChildren(...newest.map(titleCard));
      say(publishedNote, list.titles.length ? '' : q ? 'Nothing matches that search.' : 'Nothing is published yet.');
    } catch (error) {
      say(publishedNote, `Titles could not be loaded: ${error.message}`, 'error');
    }
    if (!user) return;
    let working = false;
    try {
      const list = await api('/api/titles?limit=100');
      const own = list.titles.filter((t) => t.ownerId === user.userId && t.status !== 'Published');
      working = own.some((t) => t.status !== 'Failed' && t.status !== 'Created');
      mine.replaceChildren(...own.map(titleCard));
      say(mineNote, own.length ? '' : 'None: everything you uploaded is published.');
    } catch (error) {
      say(mineNote, `Your titles could not be loaded: ${error.message}`, 'error');
    }
    // Follow progress while something is being processed.
    if (working && !stopped) timer = setTimeout(load, REFRESH_MS);
  }
  let liveTimer = null;
  async function loadLive() {
    try {
      const list = await api('/api/live');
      live.replaceChildren(...list.streams.map((s) => h('li', {}, `${s.title || 'Untitled stream'} — ${s.ownerId}${s.status === 'Interrupted' ? ' (interrupted)' : ''} `,
        h('a', { href: `/player/?live=${encodeURIComponent(s.streamId)}`, class: 'watch-live' }, 'Watch live'))));
      liveSection.hidden = list.streams.length === 0;
    } catch { /* the list stays as it was; asked again below */ }
    if (!stopped) liveTimer = setTimeout(loadLive, LIVE_REFRESH_MS);
  }
  load();
  if (user) loadLive();
  return () => { stopped = true; clearTimeout(timer); clearTimeout(liveTimer); };
}
