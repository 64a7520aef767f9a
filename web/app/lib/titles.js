// Pieces every title view shares: the poster, status words, progress.
import { h } from './dom.js';
import { duration, seconds } from './format.js';

/**
 * A title's picture is its uploaded artwork once the image pipeline has finished it (artworkUrl), else the frame grabbed
 * when it was packaged (posterUrl); until that loads — or when there is neither, as for titles published before
 * posters were grabbed — a neutral placeholder shows: the title's initial on a colour picked from its id, the same on
 * every visit.
 */
export function poster(title) {
  const hue = [...title.titleId].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 360, 7);
  const art = h('div', { class: `poster hue-${hue % 12}`, 'aria-hidden': 'true' });
  art.textContent = (title.name || '?').trim().charAt(0).toUpperCase();
  const src = title.artworkUrl || title.posterUrl;
  if (!src) return art;
  const image = h('img', { class: 'poster-image', src, alt: '', loading: 'lazy', decoding: 'async' });
  image.addEventListener('error', () => image.remove()); // the initial underneath shows again
  art.append(image);
  return art;
}

const STATUS_WORDS = {
  Created: 'Waiting for a video',
  SourceUploaded: 'Uploaded, queued',
  Probing: 'Checking the video',
  Probed: 'Checked, preparing',
  Transcoding: 'Transcoding',
  QualityCheck: 'Quality check',
  Published: 'Published',
  Failed: 'Failed',
};

export function statusText(status) {
  return STATUS_WORDS[status] ?? status;
}

export function isWorking(status) {
  return ['SourceUploaded', 'Probing', 'Probed', 'Transcoding', 'QualityCheck'].includes(status);
}

/** A progress bar with its words ("42% · about 1 min left"), or null when there is nothing to show. */
export function progress(percent, remaining) {
  if (percent === null || percent === undefined) return null;
  const left = seconds(remaining);
  const label = `${Math.round(percent)}%${left !== null ? ` · about ${duration(left)} left` : ''}`;
  return h('div', { class: 'progress' },
    h('progress', { max: 100, value: percent, 'aria-label': `Progress ${label}` }),
    h('span', {}, label));
}

/** A title as a card in a row: poster, name, and its state when it is not simply published. */
export function titleCard(title) {
  const inner = [poster(title), h('span', { class: 'name' }, title.name)];
  if (title.status !== 'Published') inner.push(h('span', { class: `badge status-${title.status}` }, statusText(title.status)));
  if (title.status === 'Transcoding') inner.push(progress(title.progressPercent ?? 0));
  if (title.status === 'Failed' && title.failureReason) inner.push(h('span', { class: 'small' }, title.failureReason));
  const href = title.status === 'Published' ? `#/title/${title.titleId}` : `#/studio/${title.titleId}`;
  return h('li', { class: 'title-card' }, h('a', { href, 'data-title-id': title.titleId }, inner));
}
