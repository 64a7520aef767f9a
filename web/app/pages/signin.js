// Sign in with email and password; the session becomes an HttpOnly cookie (see lib/session.js).
import { h, field, notice, say, busy } from '../lib/dom.js';
import { ApiError } from '../lib/api.js';
import { signIn } from '../lib/session.js';

export function render(view, { query, navigate }) {
  const message = notice();
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'card narrow', novalidate: true, id: 'signin-form' },
    field('Email', { type: 'email', name: 'email', autocomplete: 'username', required: true, id: 'signin-email' }),
    field('Password', { type: 'password', name: 'password', autocomplete: 'current-password', required: true, id: 'signin-password' }),
    message,
    submit,
    h('p', {}, 'New here? ', h('a', { href: '#/signup' }, 'Create an account')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const email = form.elements.email.value.trim();
    const password = form.elements.password.value;
    if (!email || !password) return say(message, 'Enter your email and password.', 'error');
    busy(submit, async () => {
      say(message, 'Signing in…');
      try {
        await signIn(email, password);
        navigate(safeNext(query.get('next')));
      } catch (error) {
        say(message, explain(error), 'error');
      }
    });
  });
  view.append(h('h1', {}, 'Sign in'), form);
  form.elements.email.focus();
}

function explain(error) {
  if (!(error instanceof ApiError)) return error.message;
  if (error.status === 401) return 'Wrong email or password.';
  return error.message; // 429 already says how long to wait
}

// Only a page of this app: never an address someone put in a link.
function safeNext(next) {
  return next && /^#\/[\w/-]*$/.test(next) && !next.startsWith('#/signin') ? next : '#/';
}
