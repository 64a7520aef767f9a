// One title in the studio: upload its source (a real progress bar of bytes sent), follow the pipeline (status,
// progress, time left, QC findings, failure reason), upload subtitles. A failed title takes a new upload: the retry.
import { h, field, notice, say, busy } from '../lib/dom.js';
import { api, upload } from '../lib/api.js';
import { bytes, date, duration, seconds } from '../lib/format.js';
import { isWorking, progress, statusText } from '../lib/titles.js';

const POLL_MS = 2000;

export async function render(view, { params, user }) {
  const [titleId] = params;
  const base = `/api/titles/${encodeURIComponent(titleId)}`;
  let title = await api(base);
  if (title.ownerId !== user.userId && !user.isAdmin) {
    view.append(h('h1', {}, title.name), notice('Only the title’s owner can manage it.', 'error'));
    return;
  }
  const heading = h('h1', {}, title.name);
  const status = h('section', { class: 'card', id: 'pipeline', 'aria-live': 'polite', 'aria-labelledby': 'pipeline-h' });
  const source = sourceForm(base, () => poll(true));
  const subtitles = subtitleForm(base, () => poll(true));
  view.append(h('p', {}, h('a', { href: '#/studio' }, '← All your titles')), heading, status, source, subtitles);

  let timer = null;
  let stopped = false;
  function show() {
    heading.textContent = title.name;
    status.replaceChildren(...statusView(title));
    source.querySelector('h2').textContent = !title.source ? 'Upload the video'
      : title.status === 'Failed' ? 'Upload a new video (retry)' : 'Video';
    // While processing, and once published, there is nothing to upload; the last upload's bar and message stay.
    source.querySelector('.upload-controls').hidden = title.status === 'Published' || isWorking(title.status);
  }
  async function poll(now = false) {
    clearTimeout(timer);
    if (now) {
      try { title = await api(base); } catch { /* keep the last view; the next poll tries again */ }
    }
    show();
    if (!stopped && (isWorking(title.status) || now)) {
      timer = setTimeout(async () => {
        try { title = await api(base); } catch { /* try again next round */ }
        poll();
      }, POLL_MS);
    }
  }
  poll();
  return () => { stopped = true; clearTimeout(timer); };
}

function statusView(title) {
  const parts = [h('h2', { id: 'pipeline-h' }, 'Status'),
    h('p', { class: `status-line status-${title.status}`, id: 'title-status', 'data-status': title.status }, statusText(title.status))];
  if (title.source) parts.push(h('p', { class: 'small' }, `Video: ${title.source.originalFileName ?? 'uploaded file'}, ${bytes(title.source.sizeBytes)}, ${date(title.source.uploadedAt)}`));
  if (title.probe) parts.push(h('p', { class: 'small' }, `${title.probe.displayWidth}×${title.probe.displayHeight}, ${duration(seconds(title.probe.duration))}${title.probe.hasAudio ? ', with sound' : ', no sound'}`));
  if (title.status === 'Transcoding' && title.progress) {
    const p = title.progress;
    parts.push(progress(p.percent, p.estimatedRemaining), h('p', { class: 'small' }, `${p.chunksDone} of ${p.chunksTotal} encode jobs done`));
    if (p.rungs?.length) parts.push(h('ul', { class: 'rungs' }, p.rungs.map((r) => h('li', {}, `${r.rung}: ${r.chunksDone}/${r.chunksTotal}`))));
  }
  if (title.qc) {
    const words = title.qc.passed ? 'Quality check passed' : title.qc.blocksPublishing ? 'Quality check found problems that stop publishing' : 'Quality check passed with remarks';
    parts.push(h('h3', {}, words));
    if (title.qc.findings.length) parts.push(h('ul', { class: 'findings', id: 'qc-findings' }, title.qc.findings.map((f) => h('li', {}, f))));
  }
  if (title.failure) {
    parts.push(h('p', { class: 'notice error', role: 'alert', id: 'failure' },
      `Failed at ${title.failure.stage.replace('-', ' ')}: ${title.failure.reason}. Upload a corrected video below to try again.`));
  }
  if (title.status === 'Published') {
    parts.push(h('p', { class: 'notice success', id: 'published' }, `Published ${date(title.publishedAt)}. `,
      h('a', { href: `/player/?title=${encodeURIComponent(title.titleId)}` }, 'Watch it'), ' · ',
      h('a', { href: `#/title/${title.titleId}` }, 'Its title page')));
  }
  if (title.subtitles.length) parts.push(h('p', {}, `Subtitles: ${title.subtitles.map((s) => `${s.language} (${s.format})`).join(', ')}`));
  return parts;
}

function sourceForm(base, uploaded) {
  const message = notice();
  const bar = h('progress', { max: 100, value: 0, id: 'upload-progress', 'aria-label': 'Upload progress' });
  const barText = h('span', { id: 'upload-progress-text' });
  const barBox = h('div', { class: 'progress', hidden: true }, bar, barText);
  const submit = h('button', { type: 'submit', class: 'primary', id: 'upload-source' }, 'Upload');
  const cancel = h('button', { type: 'button', id: 'cancel-upload', hidden: true }, 'Cancel upload');
  let uploading = null;
  cancel.addEventListener('click', () => uploading?.abort());
  const form = h('form', { class: 'card', id: 'source-form', novalidate: true },
    h('h2', {}, 'Upload the video'),
    h('div', { class: 'upload-controls' },
      field('Video file', { type: 'file', name: 'file', accept: 'video/*,.mp4,.mov,.mkv,.webm', required: true, id: 'source-file' }),
      submit),
    barBox, cancel, message);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = form.elements.file.files[0];
    if (!file) return say(message, 'Choose a video file first.', 'error');
    busy(submit, async () => {
      barBox.hidden = false;
      cancel.hidden = false;
      uploading = new AbortController();
      say(message, '');
      try {
        await upload(`${base}/source`, file, (sent, total) => {
          bar.max = total || 1;
          bar.value = sent;
          barText.textContent = `${bytes(sent)} of ${bytes(total)} (${total ? Math.floor((100 * sent) / total) : 0}%)`;
        }, { signal: uploading.signal });
        say(message, 'Uploaded. The video is being processed; this page follows it.', 'success');
        form.reset();
        uploaded();
      } catch (error) {
        say(message, error.message, 'error');
      } finally {
        cancel.hidden = true;
        uploading = null;
      }
    });
  });
  return form;
}

function subtitleForm(base, uploaded) {
  const message = notice();
  const submit = h('button', { type: 'submit', id: 'upload-subtitles' }, 'Upload subtitles');
  const form = h('form', { class: 'card', id: 'subtitle-form', novalidate: true },
    h('h2', {}, 'Subtitles'),
    h('p', { class: 'small' }, 'WebVTT or SRT, one file per language.'),
    field('Language', { name: 'language', required: true, placeholder: 'en', maxlength: 35, id: 'subtitle-language' }, 'A language tag such as en, fr or pt-BR.'),
    field('Subtitle file', { type: 'file', name: 'file', accept: '.vtt,.srt,text/vtt', required: true, id: 'subtitle-file' }),
    message, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const language = form.elements.language.value.trim();
    const file = form.elements.file.files[0];
    if (!language || !file) return say(message, 'Give the language and choose a file.', 'error');
    busy(submit, async () => {
      try {
        await upload(`${base}/subtitles/${encodeURIComponent(language)}`, new File([file], file.name, { type: 'text/plain' }));
        say(message, `Subtitles (${language}) uploaded.`, 'success');
        form.reset();
        uploaded();
      } catch (error) {
        say(message, error.message, 'error');
      }
    });
  });
  return form;
}
