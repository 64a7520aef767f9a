// Account: profile, plan, payment cards, invoices and payment history. Everything is re-read after each change, so
// what the page shows is what the server holds.
import { h, notice, say, busy } from '../lib/dom.js';
import { api } from '../lib/api.js';
import { signOut } from '../lib/session.js';
import { planSection } from './account-plan.js';
import { cardSection } from './account-cards.js';
import { invoiceSection, paymentSection } from './account-invoices.js';

export async function render(view, { user, navigate }) {
  const message = notice();
  const body = h('div', { class: 'account' });
  view.append(h('h1', {}, 'Your account'), message, body);
  const base = `/api/users/${user.userId}`;

  async function reload(news, kind = 'success') {
    try {
      const [profile, plans, account, invoices, payments] = await Promise.all([
        api(base), api('/api/plans'), api(`${base}/billing`), api(`${base}/billing/invoices`), api(`${base}/billing/payments`),
      ]);
      const ctx = { user, base, profile, plans, account, invoices: invoices.invoices, payments, reload, tell };
      body.replaceChildren(
        profileSection(profile, navigate, tell),
        planSection(ctx),
        cardSection(ctx),
        invoiceSection(ctx),
        paymentSection(ctx));
      if (news !== undefined) tell(news, kind);
    } catch (error) {
      tell(`Your account could not be loaded: ${error.message}`, 'error');
    }
  }

  function tell(text, kind = 'success') {
    say(message, text, kind);
    if (text) message.scrollIntoView?.({ block: 'nearest' });
  }

  await reload();
}

function profileSection(profile, navigate, tell) {
  // Ends every session of this account (other browsers, devices, API tokens): for a lost phone or a shared computer.
  const everywhere = h('button', { type: 'button', class: 'danger', id: 'sign-out-everywhere' }, 'Sign out on every device');
  everywhere.addEventListener('click', () => busy(everywhere, async () => {
    try {
      await signOut({ everywhere: true });
      navigate('#/signin');
    } catch (error) {
      tell(`Signing out everywhere did not work: ${error.message}`, 'error');
    }
  }));
  return h('section', { class: 'card', 'aria-labelledby': 'profile-h' },
    h('h2', { id: 'profile-h' }, 'Profile'),
    // The avatar once the image pipeline has finished the newest upload.
    profile.avatarUrl ? h('img', { class: 'avatar', id: 'my-avatar', src: profile.avatarUrl, alt: 'Your avatar', width: 96, height: 96 }) : null,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Name'), h('dd', {}, profile.displayName),
      h('dt', {}, 'Email'), h('dd', {}, profile.email),
      h('dt', {}, 'User id'), h('dd', {}, h('code', { id: 'my-user-id' }, profile.userId), ' (friends add you with it)')),
    h('p', {}, everywhere));
}
