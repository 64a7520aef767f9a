// Create an account, then sign straight in. The password rules are the API's; its messages are shown as they come.
import { h, field, notice, say, busy } from '../lib/dom.js';
import { api, ApiError } from '../lib/api.js';
import { signIn } from '../lib/session.js';
import { newKey } from '../lib/format.js';

export function render(view, { navigate }) {
  const message = notice();
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Create account');
  const form = h('form', { class: 'card narrow', novalidate: true, id: 'signup-form' },
    field('Your name', { name: 'displayName', autocomplete: 'name', required: true, maxlength: 100, id: 'signup-name' }),
    field('Email', { type: 'email', name: 'email', autocomplete: 'email', required: true, id: 'signup-email' }),
    field('Password', { type: 'password', name: 'password', autocomplete: 'new-password', required: true, minlength: 10, maxlength: 128, id: 'signup-password' },
      'At least 10 characters; a phrase of a few words is easiest to remember. Very common passwords are refused.'),
    message,
    submit,
    h('p', {}, 'Already have an account? ', h('a', { href: '#/signin' }, 'Sign in')));
  // One key per filled-in form: a retry after a lost answer returns the account already made instead of "email taken".
  let key = newKey();
  form.addEventListener('input', () => { key = newKey(); });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const displayName = form.elements.displayName.value.trim();
    const email = form.elements.email.value.trim();
    const password = form.elements.password.value;
    if (!displayName || !email || !password) return say(message, 'Fill in your name, email and a password.', 'error');
    if (password.length < 10) return say(message, 'The password needs at least 10 characters.', 'error');
    busy(submit, async () => {
      say(message, 'Creating your account…');
      try {
        await api('/api/users', { method: 'POST', body: { email, password, displayName }, idempotencyKey: key, quiet401: true });
      } catch (error) {
        return say(message, explain(error), 'error');
      }
      try {
        await signIn(email, password);
        navigate('#/account');
      } catch (error) {
        say(message, `Your account is ready, but signing in failed: ${error.message}`, 'error');
      }
    });
  });
  view.append(h('h1', {}, 'Create your account'), form);
  form.elements.displayName.focus();
}

function explain(error) {
  if (error instanceof ApiError && error.status === 409) return 'An account with this email already exists. Sign in instead, or use another email.';
  return error.message; // password policy, invalid email, rate limit with its wait: the API's own words
}
