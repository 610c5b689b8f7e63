// A small Markdown renderer that builds DOM nodes, never HTML: raw HTML in a lesson shows as
// the text it is. Headings, paragraphs, emphasis, strong, inline code, fenced code, lists,
// block quotes, rules and links. Links go only to http(s) or to this site; images only
// from this site (the page's CSP would refuse any other), anything else becomes a link.

import { h } from './ui.js';

const MAX_DEPTH = 12;

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)?.*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const ITEM = /^( {0,12})([-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|[ \t]*)$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

/** The nodes for a Markdown text; headings start at h2, below the page's own h1. */
export function renderMarkdown(text) {
  const lines = String(text ?? '').replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  return blocks(lines, 0);
}

function blocks(lines, depth) {
  const nodes = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i += 1;
      continue;
    }
    let found = FENCE.exec(line);
    if (found) {
      const fence = found[1];
      const body = [];
      i += 1;
      while (i < lines.length && !closesFence(lines[i], fence)) {
        body.push(lines[i]);
        i += 1;
      }
      i += 1;
      const language = found[2] ? `language-${found[2]}` : null;
      nodes.push(h('pre', {}, h('code', { class: language }, body.join('\n'))));
      continue;
    }
    found = HEADING.exec(line);
    if (found) {
      nodes.push(h(`h${Math.min(6, found[1].length + 1)}`, {}, inline(found[2] || '', depth)));
      i += 1;
      continue;
    }
    if (RULE.test(line)) {
      nodes.push(h('hr'));
      i += 1;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted = [];
      while (i < lines.length && lines[i].trim()) {
        const inner = QUOTE.exec(lines[i]);
        quoted.push(inner ? inner[1] : lines[i]);
        i += 1;
      }
      nodes.push(h('blockquote', {}, depth < MAX_DEPTH ? blocks(quoted, depth + 1) : quoted.join('\n')));
      continue;
    }
    if (ITEM.test(line)) {
      const list = parseList(lines, i, depth);
      nodes.push(list.node);
      i = list.next;
      continue;
    }
    const paragraph = [];
    while (i < lines.length && lines[i].trim() && !startsBlock(lines[i])) {
      paragraph.push(lines[i]);
      i += 1;
    }
    const setext = i < lines.length ? SETEXT.exec(lines[i]) : null;
    if (setext && paragraph.length) {
      nodes.push(h(setext[1][0] === '=' ? 'h2' : 'h3', {}, inline(paragraph.join(' ').trim(), depth)));
      i += 1;
    } else if (paragraph.length) {
      nodes.push(h('p', {}, inline(paragraph.map((part) => part.trimStart()).join('\n').trimEnd(), depth)));
    } else {
      // A line that looked like a block but was not one: keep it as text.
      nodes.push(h('p', {}, inline(line.trim(), depth)));
      i += 1;
    }
  }
  return nodes;
}

function closesFence(line, fence) {
  const trimmed = line.trim();
  return trimmed.length >= fence.length && trimmed[0] === fence[0] && /^(`+|~+)$/.test(trimmed);
}

function startsBlock(line) {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || ITEM.test(line);
}

function ordered(marker) {
  return /\d/.test(marker[0]);
}

/**
 * A list from line i: its items are every following line indented under the item's
 * text, until a line that is neither that nor another item of the same kind.
 */
function parseList(lines, start, depth) {
  const first = ITEM.exec(lines[start]);
  const indent = first[1].length;
  const isOrdered = ordered(first[2]);
  const items = [];
  let loose = false;
  let i = start;
  while (i < lines.length) {
    const found = ITEM.exec(lines[i]);
    if (!found || found[1].length !== indent || ordered(found[2]) !== isOrdered) {
      break;
    }
    const contentIndent = indent + found[2].length + 1;
    const content = [found[3] || ''];
    i += 1;
    let blankBefore = false;
    while (i < lines.length) {
      const line = lines[i];
      if (!line.trim()) {
        blankBefore = true;
        i += 1;
        continue;
      }
      const lead = line.length - line.trimStart().length;
      if (lead >= contentIndent || (lead > indent && ITEM.test(line))) {
        if (blankBefore) {
          content.push('');
          loose = true;
        }
        content.push(line.slice(Math.min(lead, contentIndent)));
        blankBefore = false;
        i += 1;
      } else if (!blankBefore && !startsBlock(line)) {
        // A lazy continuation of the item's paragraph.
        content.push(line.trim());
        i += 1;
      } else {
        break;
      }
    }
    items.push(content);
    const next = i < lines.length ? ITEM.exec(lines[i]) : null;
    const sameList = next && next[1].length === indent && ordered(next[2]) === isOrdered;
    if (blankBefore && sameList) {
      loose = true;
    }
    if (!sameList) {
      break;
    }
  }
  const start_ = isOrdered ? Number.parseInt(first[2], 10) : null;
  const node = h(isOrdered ? 'ol' : 'ul', { start: isOrdered && start_ !== 1 ? String(start_) : null },
    items.map((content) => {
      const inner = depth < MAX_DEPTH ? blocks(content, depth + 1) : [content.join('\n')];
      // A tight list shows its items' text without paragraph spacing.
      return h('li', {}, loose ? inner : inner.flatMap((child) => (child.tagName === 'P' ? [...child.childNodes] : [child])));
    }));
  return { node, next: i };
}

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

/** Inline Markdown to nodes: escapes, code, links, images, autolinks, strong, emphasis, line breaks. */
function inline(text, depth, inLink = false) {
  const nodes = [];
  let plain = '';
  const flush = () => {
    if (plain) {
      nodes.push(document.createTextNode(plain));
      plain = '';
    }
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1])) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (char === '\n') {
      // Two trailing spaces or a backslash before the newline make a hard break.
      if (/ {2,}$/.test(plain) || plain.endsWith('\\')) {
        plain = plain.replace(/(?: {2,}|\\)$/, '');
        flush();
        nodes.push(h('br'));
      } else {
        plain = plain.replace(/ +$/, '') + ' ';
      }
      i += 1;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(text.slice(i))[0];
      const close = text.indexOf(run, i + run.length);
      if (close !== -1) {
        let code = text.slice(i + run.length, close).replace(/\n/g, ' ');
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ')) {
          code = code.slice(1, -1);
        }
        flush();
        nodes.push(h('code', {}, code));
        i = close + run.length;
        continue;
      }
      plain += run;
      i += run.length;
      continue;
    }
    if ((char === '[' || (char === '!' && text[i + 1] === '[')) && !inLink) {
      const image = char === '!';
      const link = parseLink(text, image ? i + 1 : i);
      if (link) {
        flush();
        nodes.push(image ? imageNode(link, depth) : linkNode(link.url, link.title, inline(link.label, depth, true)));
        i = link.end;
        continue;
      }
    }
    if (char === '<' && !inLink) {
      const auto = /^<(https?:\/\/[^\s<>]+)>/i.exec(text.slice(i));
      if (auto) {
        flush();
        nodes.push(linkNode(auto[1], null, [auto[1]]));
        i += auto[0].length;
        continue;
      }
    }
    if (char === '*' || char === '_') {
      const emphasis = parseEmphasis(text, i);
      if (emphasis) {
        flush();
        nodes.push(h(emphasis.tag, {}, inline(emphasis.inner, depth, inLink)));
        i = emphasis.end;
        continue;
      }
    }
    plain += char;
    i += 1;
  }
  flush();
  return nodes;
}

function parseEmphasis(text, i) {
  const char = text[i];
  const double = text[i + 1] === char;
  const delimiter = double ? char + char : char;
  const start = i + delimiter.length;
  if (start >= text.length || /\s/.test(text[start])) {
    return null;
  }
  // Underscores inside a word (snake_case) are not emphasis.
  if (char === '_' && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1])) {
    return null;
  }
  let search = start + 1;
  while (search <= text.length) {
    const close = text.indexOf(delimiter, search);
    if (close === -1) {
      return null;
    }
    const doubledAfter = !double && text[close + 1] === char;
    const doubledBefore = !double && text[close - 1] === char;
    const intraword = char === '_' && /[\p{L}\p{N}]/u.test(text[close + delimiter.length] || '');
    if (!/\s/.test(text[close - 1]) && !doubledAfter && !doubledBefore && !intraword) {
      return { tag: double ? 'strong' : 'em', inner: text.slice(start, close), end: close + delimiter.length };
    }
    search = close + (doubledAfter ? 2 : 1);
  }
  return null;
}

/** [label](url "title") starting at the '[' at i, or null. */
function parseLink(text, i) {
  let level = 0;
  let close = -1;
  for (let j = i; j < text.length; j += 1) {
    if (text[j] === '\\') {
      j += 1;
    } else if (text[j] === '[') {
      level += 1;
    } else if (text[j] === ']') {
      level -= 1;
      if (level === 0) {
        close = j;
        break;
      }
    }
  }
  if (close === -1 || text[close + 1] !== '(') {
    return null;
  }
  const target = /^\(\s*(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"([^"]*)"|'([^']*)'))?\s*\)/.exec(text.slice(close + 1));
  if (!target) {
    return null;
  }
  const url = target[1].startsWith('<') ? target[1].slice(1, -1) : target[1];
  return {
    label: text.slice(i + 1, close),
    url,
    title: target[2] ?? target[3] ?? null,
    end: close + 1 + target[0].length,
  };
}

/**
 * The address when a link may go there: http(s), or a path on this site. Anything with
 * another scheme (javascript:, data:, ...) is refused.
 */
export function safeUrl(url) {
  const text = String(url || '').trim();
  // Browsers ignore control characters and spaces inside a scheme: "java\tscript:" is javascript:.
  const squeezed = text.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (!squeezed) {
    return null;
  }
  if (/^https?:\/\//i.test(squeezed)) {
    return text;
  }
  // Another scheme, or "//host" (and "/\host", which browsers read the same): refused.
  if (/^[a-z][a-z0-9+.-]*:/i.test(squeezed) || /^[\\/]{2}/.test(squeezed)) {
    return null;
  }
  return text;
}

function linkNode(url, title, children) {
  const href = safeUrl(url);
  if (!href) {
    // Not a link anyone should follow: show the text alone.
    return h('span', {}, children);
  }
  return h('a', { href, title, rel: 'noopener noreferrer' }, children);
}

function sameSite(url) {
  try {
    return new URL(url, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

function imageNode(link, depth) {
  const src = safeUrl(link.url);
  if (src && sameSite(src)) {
    return h('img', { src, alt: link.label, title: link.title, loading: 'lazy' });
  }
  return linkNode(link.url, link.title, inline(link.label || link.url, depth, true));
}
