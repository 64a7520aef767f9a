// The web app's shell: a hash router (#/signin, #/signup, #/, #/title/ID, #/account, #/friends, #/studio[/ID]) that
// renders one page module at a time into <main>, a navigation bar that follows the session, and the 401 rule: a page
// whose session ended goes to sign-in and comes back afterwards.
import { h } from './lib/dom.js';
import { whenUnauthorized } from './lib/api.js';
import { currentUser, forget, signOut } from './lib/session.js';

const routes = [
  { pattern: /^\/signin$/, page: () => import('./pages/signin.js'), title: 'Sign in' },
  { pattern: /^\/signup$/, page: () => import('./pages/signup.js'), title: 'Create account' },
  { pattern: /^\/$/, page: () => import('./pages/home.js'), title: 'Home' },
  { pattern: /^\/title\/([\w-]+)$/, page: () => import('./pages/title.js'), title: 'Title' },
  { pattern: /^\/account$/, page: () => import('./pages/account.js'), title: 'Account', signedIn: true },
  { pattern: /^\/friends$/, page: () => import('./pages/friends.js'), title: 'Friends', signedIn: true },
  { pattern: /^\/studio$/, page: () => import('./pages/studio.js'), title: 'Upload studio', signedIn: true },
  { pattern: /^\/studio\/([\w-]+)$/, page: () => import('./pages/studio-title.js'), title: 'Upload studio', signedIn: true },
];

const main = document.getElementById('main');
let leave = null;   // the current page's clean-up (stops its polling)
let rendering = 0;  // a newer navigation wins over a slower older one

/** What the app knows about the page: window.app, for scripts such as the browser checks. */
const state = window.app = { route: null, ready: false, errors: [] };

export function navigate(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

function path() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [route, query = ''] = hash.split('?');
  return { route, query: new URLSearchParams(query) };
}

function signInFor(route) {
  return `#/signin?next=${encodeURIComponent(`#${route}`)}`;
}

async function render() {
  const ticket = ++rendering;
  const { route, query } = path();
  const match = routes.map((r) => ({ r, m: r.pattern.exec(route) })).find((x) => x.m);
  leave?.();
  leave = null;
  state.ready = false;
  state.route = route;
  if (!match) {
    main.replaceChildren(h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Go to the home page')));
    state.ready = true;
    return;
  }
  const user = await currentUser().catch(() => null);
  if (ticket !== rendering) return;
  await renderNav(user);
  if (match.r.signedIn && !user) return navigate(signInFor(route));
  document.title = `${match.r.title} · Media platform`;
  const module = await match.r.page();
  if (ticket !== rendering) return;
  const view = h('div', { class: 'page' });
  main.replaceChildren(view);
  try {
    leave = (await module.render(view, { params: match.m.slice(1), query, user, navigate })) ?? null;
  } catch (error) {
    view.replaceChildren(h('h1', {}, 'Something went wrong'), h('p', { class: 'notice error', role: 'alert' }, error.message));
  }
  if (ticket !== rendering) return;
  state.ready = true;
  main.focus({ preventScroll: true });
}

async function renderNav(user) {
  const nav = document.getElementById('nav');
  const link = (href, text) => h('a', { href, 'aria-current': location.hash === href || (href === '#/' && !location.hash) ? 'page' : undefined }, text);
  if (!user) {
    nav.replaceChildren(link('#/', 'Home'), link('#/signin', 'Sign in'), link('#/signup', 'Create account'));
    return;
  }
  const out = h('button', { type: 'button', class: 'link', id: 'sign-out' }, 'Sign out');
  out.addEventListener('click', async () => {
    await signOut();
    navigate('#/signin');
  });
  nav.replaceChildren(link('#/', 'Home'), link('#/studio', 'Studio'), link('#/friends', 'Friends'), link('#/account', 'Account'), out);
}

whenUnauthorized(() => {
  forget();
  const { route } = path();
  if (route !== '/signin' && route !== '/signup') navigate(signInFor(route));
});

// The skip link must not become a route (#main): it moves focus to the page's content instead.
document.querySelector('.skip')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', render);
window.addEventListener('error', (event) => state.errors.push(event.message));
render();
