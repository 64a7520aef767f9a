// Tiny element helpers. Text always goes in as textContent (never parsed as markup): a title name or an error message
// from the API can never become markup.

/** h('button', { class: 'primary', onclick: fn, disabled: true }, 'Save', otherNode) */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name in element && typeof value !== 'string') element[name] = value; // e.g. value, checked, max
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let fieldCount = 0;

/** A labelled form field: <label for=id>Label</label><input id=id ...>, with an optional hint tied by aria-describedby. */
export function field(label, attrs = {}, hint) {
  const id = attrs.id ?? `f${++fieldCount}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const input = h(attrs.tag ?? 'input', { ...attrs, tag: undefined, id, 'aria-describedby': hintId });
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    input,
    hint ? h('small', { id: hintId, class: 'hint' }, hint) : null);
}

/** A status line: role=status for news, role=alert for errors (read out by screen readers). */
export function notice(text = '', kind = 'info') {
  const element = h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' });
  element.textContent = text;
  element.hidden = !text;
  return element;
}

export function say(element, text, kind = 'info') {
  element.textContent = text ?? '';
  element.className = `notice ${kind}`;
  element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  element.hidden = !text;
}

/** Runs an async action from a button: disabled while it runs, so a double click acts once. */
export async function busy(button, action) {
  if (button.disabled) return undefined;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}
