// DOM helpers. Every piece of text goes in as a text node, never as HTML, so nothing a user
// typed can become markup.

import { t } from './i18n.js';

/**
 * Creates an element: h('a', { href: '/x', class: 'link', onclick: fn }, 'text', child).
 * Props starting with "on" are listeners; "class", "for", "aria-*" and "data-*" become
 * attributes; booleans toggle attributes; null and undefined are skipped.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(props || {}).forEach(([key, value]) => {
    if (value === null || value === undefined || value === false) {
      return;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'value' && 'value' in element) {
      element.value = value;
    } else if (key === 'checked' || key === 'selected' || key === 'disabled') {
      element[key] = Boolean(value);
      if (value === true) {
        element.setAttribute(key, '');
      }
    } else if (value === true) {
      element.setAttribute(key, '');
    } else {
      element.setAttribute(key, String(value));
    }
  });
  append(element, children);
  return element;
}

function append(element, children) {
  children.flat(Infinity).forEach((child) => {
    if (child === null || child === undefined || child === false) {
      return;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
}

/** Replaces an element's content. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

let fieldCounter = 0;

/** A labelled form field; the input gets an id and, when given, a hint. */
export function field(label, input, hint) {
  fieldCounter += 1;
  const id = input.id || `field-${fieldCounter}`;
  input.id = id;
  const hintNode = hint ? h('small', { id: `${id}-hint`, class: 'hint' }, hint) : null;
  if (hintNode) {
    input.setAttribute('aria-describedby', hintNode.id);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hintNode);
}

/** Speaks a short message to screen readers. */
export function announce(message) {
  const announcer = document.getElementById('announcer');
  if (announcer) {
    announcer.textContent = '';
    setTimeout(() => { announcer.textContent = message; }, 30);
  }
}

/**
 * The readable form of a failed request: the problem's title and detail, field errors,
 * and when to retry for rate limits and overload.
 */
export function problemBox(problem) {
  const box = h('div', { class: 'problem', role: 'alert' });
  if (problem?.status === 0) {
    append(box, [h('strong', {}, t('problem.network')), h('p', {}, t('problem.networkDetail'))]);
    return box;
  }
  const title = problem?.title || t('problem.generic');
  append(box, [h('strong', {}, title)]);
  if (problem?.detail && problem.detail !== title) {
    append(box, [h('p', {}, problem.detail)]);
  }
  const errors = problem?.errors;
  if (Array.isArray(errors) && errors.length) {
    append(box, [h('ul', {}, errors.map((error) => h('li', {}, [error.field || error.name, error.message || error.reason].filter(Boolean).join(': '))))]);
  }
  if (problem?.retryAfter) {
    append(box, [h('p', { class: 'retry' }, t('problem.retryAfter', { seconds: problem.retryAfter }))]);
  }
  return box;
}

/** Shows a problem in a slot (an element kept for messages), or clears it with null. */
export function showProblem(slot, problem) {
  replace(slot, problem ? problemBox(problem) : null);
  if (problem) {
    slot.querySelector('[role=alert]')?.focus?.();
  }
}

/**
 * Runs a form's submit handler with the button disabled and problems shown in the form's
 * message slot; returns the form.
 */
export function form(props, children, onSubmit) {
  const slot = h('div', { class: 'form-messages' });
  const element = h('form', { ...props, novalidate: true }, slot, children);
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!element.checkValidity()) {
      element.reportValidity();
      return;
    }
    const buttons = element.querySelectorAll('button[type=submit]');
    buttons.forEach((button) => { button.disabled = true; });
    element.setAttribute('aria-busy', 'true');
    showProblem(slot, null);
    try {
      await onSubmit(new FormData(element), element);
    } catch (problem) {
      showProblem(slot, problem);
    } finally {
      buttons.forEach((button) => { button.disabled = false; });
      element.removeAttribute('aria-busy');
    }
  });
  return element;
}

/** Previous/next navigation for a page of results: { page, totalPages } from Aula. */
export function pager(page, totalPages, go) {
  if (totalPages <= 1) {
    return null;
  }
  return h('nav', { class: 'pager', 'aria-label': t('pager.label') },
    h('button', { type: 'button', disabled: page <= 0, onclick: () => go(page - 1) }, t('pager.previous')),
    h('span', { 'aria-live': 'polite' }, t('pager.position', { page: page + 1, total: totalPages })),
    h('button', { type: 'button', disabled: page >= totalPages - 1, onclick: () => go(page + 1) }, t('pager.next')));
}

/**
 * A list that renders only the rows in view, so 10,000 items scroll as smoothly as 10.
 * Rows have a fixed height in pixels; renderRow(item, index) returns an element.
 */
export function virtualList(items, rowHeight, renderRow, { label, height = 480 } = {}) {
  const viewport = h('div', { class: 'virtual', role: 'list', tabindex: '0', 'aria-label': label });
  viewport.style.height = `${Math.min(height, Math.max(rowHeight, items.length * rowHeight))}px`;
  const spacer = h('div', { class: 'virtual-spacer' });
  spacer.style.height = `${items.length * rowHeight}px`;
  const window_ = h('div', { class: 'virtual-window' });
  spacer.append(window_);
  viewport.append(spacer);
  let first = -1;
  const draw = () => {
    const start = Math.max(0, Math.floor(viewport.scrollTop / rowHeight) - 5);
    if (start === first && window_.childElementCount) {
      return;
    }
    first = start;
    const count = Math.ceil(viewport.clientHeight / rowHeight) + 10;
    const rows = items.slice(start, start + count).map((item, offset) => {
      const row = renderRow(item, start + offset);
      row.setAttribute('role', 'listitem');
      row.style.height = `${rowHeight}px`;
      return row;
    });
    window_.style.transform = `translateY(${start * rowHeight}px)`;
    window_.replaceChildren(...rows);
  };
  viewport.addEventListener('scroll', () => requestAnimationFrame(draw), { passive: true });
  requestAnimationFrame(draw);
  viewport.redraw = () => { first = -1; draw(); };
  return viewport;
}

/** A progress bar with a visible percentage. */
export function progress(percent, label) {
  return h('div', { class: 'progress' },
    h('progress', { max: '100', value: String(percent), 'aria-label': label }),
    h('span', { class: 'progress-value' }, `${percent} %`));
}

/** Downloads a Response's body under a file name. */
export async function saveResponse(response, fallbackName) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="?([^";]+)"?/.exec(disposition);
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: match ? match[1] : fallbackName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function heading(text) {
  return h('h1', { tabindex: '-1' }, text);
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}
