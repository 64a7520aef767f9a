// The management API with the admin token kept in this tab's sessionStorage (operators, not viewers).
const KEY = 'ops.adminToken';

export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value.trim()),
  clear: () => sessionStorage.removeItem(KEY),
};

export class Unauthorized extends Error {}

/** GET a management route as JSON; a 401/403 means the token is wrong (the caller asks for it again). */
export async function getJson(path) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token.get()}`, Accept: 'application/json' }, cache: 'no-store' });
  if (response.status === 401 || response.status === 403) throw new Unauthorized(`${path}: the admin token was refused`);
  if (!response.ok) {
    let detail = '';
    try { detail = (await response.json()).detail ?? ''; } catch { /* not problem JSON */ }
    throw new Error(`${path} answered ${response.status} ${detail}`.trim());
  }
  return response.json();
}
