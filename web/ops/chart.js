// A small line chart in plain SVG: one polyline per series over a shared time axis, a legend and the latest values.
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 480, HEIGHT = 160, LEFT = 48, RIGHT = 8, TOP = 8, BOTTOM = 20;
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function format(value) {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/**
 * Draws (or redraws) a chart into `figure`: series = [{ name, points: [[timeMs, value], …] }].
 * Each polyline carries data-points (its number of points) and the figure data-max (its highest value), which the
 * browser spec reads.
 */
export function drawChart(figure, title, unit, series, fromMs, toMs) {
  figure.replaceChildren();
  figure.classList.add('chart');
  const caption = document.createElement('figcaption');
  caption.textContent = `${title} (${unit})`;
  const highest = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p[1])));
  const max = highest || 1; // an all-zero chart still has a scale
  const x = (t) => LEFT + ((t - fromMs) / Math.max(1, toMs - fromMs)) * (WIDTH - LEFT - RIGHT);
  const y = (v) => TOP + (1 - v / max) * (HEIGHT - TOP - BOTTOM);
  const svg = el('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': title });
  svg.append(el('line', { x1: LEFT, y1: HEIGHT - BOTTOM, x2: WIDTH - RIGHT, y2: HEIGHT - BOTTOM, class: 'axis' }));
  svg.append(el('line', { x1: LEFT, y1: TOP, x2: LEFT, y2: HEIGHT - BOTTOM, class: 'axis' }));
  svg.append(el('text', { x: LEFT - 4, y: TOP + 8, 'text-anchor': 'end', class: 'tick' }, format(max)));
  svg.append(el('text', { x: LEFT - 4, y: HEIGHT - BOTTOM, 'text-anchor': 'end', class: 'tick' }, '0'));
  svg.append(el('text', { x: LEFT, y: HEIGHT - 4, class: 'tick' }, new Date(fromMs).toLocaleTimeString()));
  svg.append(el('text', { x: WIDTH - RIGHT, y: HEIGHT - 4, 'text-anchor': 'end', class: 'tick' }, new Date(toMs).toLocaleTimeString()));
  const legend = document.createElement('ul');
  legend.className = 'legend';
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = s.points.filter((p) => p[0] >= fromMs);
    svg.append(el('polyline', {
      points: points.map((p) => `${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' '),
      fill: 'none', stroke: colour, 'stroke-width': 1.5, 'data-series': s.name, 'data-points': points.length,
    }));
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.backgroundColor = colour; // CSSOM, not an inline style attribute: allowed by the page's policy
    const last = points.at(-1);
    // A lone sample draws no line: dots keep the first minutes of a node's history visible.
    if (points.length <= 30) for (const p of points) svg.append(el('circle', { cx: x(p[0]).toFixed(1), cy: y(p[1]).toFixed(1), r: 2, fill: colour }));
    item.append(swatch, ` ${s.name}: ${last ? format(last[1]) : '–'}`);
    legend.append(item);
  });
  figure.dataset.max = String(highest);
  figure.append(caption, svg, legend);
}
