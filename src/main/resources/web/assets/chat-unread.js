// The unread count beside Chat in the header. Read when pages change, at most twice a minute,
// rather than polled: a hint for where to look, not a live counter.

import { api, currentUser } from './api.js';
import { defineStrings, formatNumber, t } from './i18n.js';
import { h, replace } from './ui.js';

defineStrings({
  en: { 'nav.chatUnread': '{count} unread' },
  es: { 'nav.chatUnread': '{count} sin leer' },
});

const MIN_INTERVAL_MS = 30_000;
let count = 0;
let checkedAt = 0;
let badge = null;
let countedFor = null;

function show() {
  if (!badge) {
    return;
  }
  badge.hidden = count === 0;
  // empty when nothing is unread, so the link's text is just its name
  replace(badge, count === 0 ? null : [h('span', { 'aria-hidden': 'true' }, formatNumber(count)),
    h('span', { class: 'visually-hidden' }, `, ${t('nav.chatUnread', { count: formatNumber(count) })}`)]);
}

/** Reads the count again, unless it was read less than half a minute ago (or force). */
export async function refreshChatUnread({ force = false } = {}) {
  if (!currentUser() || (!force && Date.now() - checkedAt < MIN_INTERVAL_MS)) {
    return;
  }
  checkedAt = Date.now();
  const user = currentUser().id;
  try {
    const rooms = await api('GET', '/api/chat/rooms');
    if (currentUser()?.id === user) {
      count = rooms.reduce((total, room) => total + room.unread, 0);
      countedFor = user;
      show();
    }
  } catch {
    // only a hint: the chat pages show any problem with the rooms themselves
  }
}

/** Sets the count from a page that already knows it. */
export function setChatUnread(total) {
  count = total;
  countedFor = currentUser()?.id ?? null;
  checkedAt = Date.now();
  show();
}

/** Changes the count by delta, e.g. less a room's unread messages once they are read. */
export function adjustChatUnread(delta) {
  count = Math.max(0, count + delta);
  show();
}

/** The badge for the header's Chat link; the header is drawn again on every page. */
export function chatUnreadBadge() {
  if (currentUser()?.id !== countedFor) {
    // someone else signed in: the last count was theirs
    count = 0;
    checkedAt = 0;
  }
  badge = h('span', { class: 'nav-count' });
  show();
  refreshChatUnread();
  return badge;
}
