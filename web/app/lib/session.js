// Who is signed in. The session itself is an HttpOnly cookie this code can never read; the node says whose it is.
import { api, ApiError } from './api.js';

let current; // undefined: not asked yet; null: nobody

/** { userId, isAdmin } or null. Asked once, then remembered until sign-in or sign-out. */
export async function currentUser({ refresh = false } = {}) {
  if (current !== undefined && !refresh) return current;
  try {
    current = await api('/api/sessions/current', { quiet401: true });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    current = null;
  }
  return current;
}

export async function signIn(email, password) {
  const answer = await api('/api/sessions', { method: 'POST', body: { email, password, cookie: true }, quiet401: true });
  current = { userId: answer.userId, isAdmin: false };
  return current;
}

/**
 * Sign out of this browser (the cookie is deleted); everywhere = every session of the user on every device, and if
 * that fails this browser stays signed in, so the person sees it did not happen.
 */
export async function signOut({ everywhere = false } = {}) {
  if (everywhere) await api('/api/sessions/logout', { method: 'POST', quiet401: true });
  await api('/api/sessions/current', { method: 'DELETE', quiet401: true }).catch(() => {});
  current = null;
}

/** Forget what is known (a 401 showed the session ended). */
export function forget() {
  current = null;
}
