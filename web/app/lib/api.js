// The one way pages talk to the node: same-origin JSON with the session cookie, the CSRF header every change needs,
// and ProblemDetails turned into a readable message. A 401 sends the person to sign in; a 429 says how long to wait.

export const CSRF_HEADER = 'X-Requested-With';
const CSRF_VALUE = 'media-app';

/** An API answer that was not a success: status, the ProblemDetails (if any) and a message to show. */
export class ApiError extends Error {
  constructor(status, message, problem = null, retryAfterSeconds = null) {
    super(message);
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

let onUnauthorized = () => {};

/** What to do when a page's call finds no valid session (the app shell sends the person to the sign-in page). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/**
 * api('/api/plans') → parsed JSON (null for 204).
 * options: method, body (sent as JSON), idempotencyKey, quiet401 (a 401 is the caller's to handle, e.g. a wrong password).
 */
export async function api(path, { method = 'GET', body, idempotencyKey, quiet401 = false } = {}) {
  const headers = { Accept: 'application/json', [CSRF_HEADER]: CSRF_VALUE };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'The server could not be reached. Check your connection and try again.');
  }
  if (response.status === 204) return null;
  const text = await response.text();
  const json = parse(text);
  if (response.ok) return json;
  throw failure(response.status, json, response.headers.get('Retry-After'), quiet401);
}

/**
 * Uploads a file as the raw request body with XMLHttpRequest, whose upload events report bytes sent (fetch has no
 * upload progress). onProgress(sentBytes, totalBytes); signal (an AbortSignal) cancels it. Resolves with the answer's JSON.
 */
export function upload(path, file, onProgress = () => {}, { method = 'PUT', signal } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.open(method, path);
    xhr.withCredentials = false; // same origin: the cookie goes anyway
    xhr.setRequestHeader(CSRF_HEADER, CSRF_VALUE);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    if (file.name) xhr.setRequestHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    xhr.upload.addEventListener('progress', (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size));
    xhr.addEventListener('load', () => {
      const json = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size, file.size);
        resolve(json);
      } else {
        reject(failure(xhr.status, json, xhr.getResponseHeader('Retry-After'), false));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'The upload was interrupted (connection lost). Try again.')));
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'The upload was cancelled.')));
    xhr.send(file);
  });
}

function parse(text) {
  if (!text) return null;
  try { return JSON.parse(text); } catch { return null; }
}

function failure(status, problem, retryAfter, quiet401) {
  const detail = problem?.detail || problem?.title || defaultText(status);
  if (status === 429) {
    // The wait comes from Retry-After, in words; the detail's own "try again in N s" would only repeat it.
    const wait = Number.parseInt(retryAfter ?? '', 10);
    const after = Number.isFinite(wait) ? ` Try again in ${waitText(wait)}.` : ' Try again later.';
    const reason = String(detail).replace(/[;,.]?\s*try again in \d+ ?s\.?$/i, '');
    return new ApiError(status, sentence(reason) + after, problem, Number.isFinite(wait) ? wait : null);
  }
  if (status === 401 && !quiet401) onUnauthorized();
  return new ApiError(status, sentence(detail), problem);
}

function waitText(seconds) {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function sentence(text) {
  const trimmed = String(text).trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function defaultText(status) {
  switch (status) {
    case 401: return 'Please sign in';
    case 403: return 'You may not do that';
    case 404: return 'Not found';
    case 413: return 'That is too large';
    case 503: return 'The service is busy just now; try again in a moment';
    default: return `The server answered ${status}`;
  }
}
