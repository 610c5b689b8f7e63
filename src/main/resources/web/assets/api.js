// The one way to talk to Aula's API. The access token lives in memory only; the refresh
// token is an HttpOnly cookie the page cannot read, sent only to /api/auth. A refresh needs
// the CSRF token from the readable aula_csrf cookie, which another site cannot see.

const CSRF_COOKIE = 'aula_csrf';
const REFRESH_MARGIN_MS = 60_000;

const session = { accessToken: null, expiresAt: 0, user: null };
const listeners = new Set();
let refreshTimer = null;
let refreshing = null;
const channel = ('BroadcastChannel' in window) ? new BroadcastChannel('aula-session') : null;

/** A problem answered by Aula (RFC 9457), or a network failure with status 0. */
export class Problem extends Error {
  constructor(status, body = {}, retryAfter = null) {
    super(body.detail || body.title || `HTTP ${status}`);
    this.status = status;
    this.type = body.type || 'about:blank';
    this.title = body.title || '';
    this.detail = body.detail || '';
    this.errors = body.errors || body.invalidParams || null;
    this.retryAfter = retryAfter;
    this.body = body;
  }
}

export function currentUser() {
  return session.user;
}

export function accessToken() {
  return session.accessToken;
}

/** Called with the user (or null) whenever the session starts or ends. */
export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  listeners.forEach((listener) => listener(session.user));
}

function csrfToken() {
  const cookie = document.cookie.split(';').map((part) => part.trim())
    .find((part) => part.startsWith(CSRF_COOKIE + '='));
  return cookie ? decodeURIComponent(cookie.slice(CSRF_COOKIE.length + 1)) : null;
}

function adopt(tokens) {
  session.accessToken = tokens.accessToken;
  session.expiresAt = Date.now() + tokens.expiresIn * 1000;
  clearTimeout(refreshTimer);
  const due = Math.max(5_000, tokens.expiresIn * 1000 - REFRESH_MARGIN_MS);
  refreshTimer = setTimeout(() => refresh().catch(() => endSession()), due);
}

function endSession() {
  clearTimeout(refreshTimer);
  const wasSignedIn = session.user !== null;
  session.accessToken = null;
  session.expiresAt = 0;
  session.user = null;
  if (wasSignedIn) {
    notify();
  }
}

// Another tab that refreshed shares its new access token: the refresh cookie has rotated,
// and refreshing again with a stale view would only race it.
channel?.addEventListener('message', (event) => {
  if (event.data?.kind === 'tokens' && session.user && event.data.userId === session.user.id) {
    adopt(event.data.tokens);
  } else if (event.data?.kind === 'signed-out') {
    endSession();
  } else if (event.data?.kind === 'signed-in' && event.data.userId !== session.user?.id) {
    // Another tab signed in as someone else and replaced the shared refresh cookie: this
    // tab must not go on showing one user while its requests act as the other.
    endSession();
    restore();
  }
});

async function exchange(path, init) {
  const response = await fetch(path, { credentials: 'same-origin', ...init });
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response.status === 204 ? null : response.json();
}

/** Trades the refresh cookie for a new access token; one at a time across tabs. */
export function refresh() {
  if (!refreshing) {
    const run = async () => {
      const csrf = csrfToken();
      if (!csrf) {
        throw new Problem(401, { title: 'Unauthorized' });
      }
      const tokens = await exchange('/api/auth/refresh', {
        method: 'POST',
        headers: { 'X-CSRF-Token': csrf, Accept: 'application/json' },
      });
      adopt(tokens);
      channel?.postMessage({ kind: 'tokens', tokens, userId: session.user?.id });
      return tokens;
    };
    const locked = navigator.locks ? navigator.locks.request('aula-refresh', run) : run();
    refreshing = locked.finally(() => { refreshing = null; });
  }
  return refreshing;
}

/** Resumes a session from the refresh cookie, if there is one; resolves to the user or null. */
export async function restore() {
  if (!csrfToken()) {
    return null;
  }
  try {
    await refresh();
    session.user = await api('GET', '/api/me');
    notify();
    return session.user;
  } catch {
    endSession();
    return null;
  }
}

export async function signIn(email, password) {
  const tokens = await exchange('/api/auth/login?session=cookie', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  adopt(tokens);
  session.user = await api('GET', '/api/me');
  channel?.postMessage({ kind: 'signed-in', userId: session.user.id });
  notify();
  return session.user;
}

export async function signOut() {
  const logout = () => {
    const csrf = csrfToken();
    return fetch('/api/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Authorization: `Bearer ${session.accessToken}`, ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
    });
  };
  try {
    if (session.accessToken) {
      // An access token that expired unnoticed (a sleeping laptop) is refreshed once, so
      // the server really ends the session instead of answering 401.
      const response = await logout();
      if (response.status === 401) {
        await refresh();
        await logout();
      }
    }
  } catch {
    // Whatever failed, the session must not come back on this browser: see below.
  } finally {
    // Without the CSRF cookie no page can use the refresh cookie again, even if the server
    // never heard the logout.
    document.cookie = `${CSRF_COOKIE}=; Max-Age=0; Path=/; SameSite=Strict`;
    channel?.postMessage({ kind: 'signed-out' });
    endSession();
  }
}

export async function reloadUser() {
  session.user = await api('GET', '/api/me');
  notify();
  return session.user;
}

async function problemOf(response) {
  let body = {};
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    body = await response.json().catch(() => ({}));
  }
  const retryAfter = response.headers.get('Retry-After');
  return new Problem(response.status, body, retryAfter ? Number.parseInt(retryAfter, 10) : null);
}

/**
 * A JSON request to the API. Options: body (sent as JSON), headers, signal, raw (resolve to
 * the Response instead of its JSON). A 401 with a session tries one refresh, then ends the
 * session, which sends the page to sign-in.
 */
export async function api(method, path, options = {}) {
  const send = () => {
    const headers = { Accept: 'application/json', ...options.headers };
    if (session.accessToken) {
      headers.Authorization = `Bearer ${session.accessToken}`;
    }
    let body = options.body;
    if (body !== undefined && !(body instanceof FormData) && !(body instanceof Blob)) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(body);
    }
    return fetch(path, { method, headers, body, signal: options.signal, credentials: 'same-origin' });
  };
  let response;
  try {
    if (session.accessToken && Date.now() > session.expiresAt - 5_000) {
      await refresh().catch(() => {});
    }
    response = await send();
    if (response.status === 401 && session.user) {
      await refresh();
      response = await send();
    }
  } catch (error) {
    if (error instanceof Problem) {
      if (error.status === 401) {
        endSession();
      }
      throw error;
    }
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new Problem(0, { title: 'Network error', detail: error.message });
  }
  if (response.status === 401 && session.user) {
    endSession();
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  if (options.raw) {
    return response;
  }
  return (response.status === 204 || response.headers.get('Content-Length') === '0') ? null : response.json();
}

/** Query string from an object, skipping empty values. */
export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, value);
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A random idempotency key for a request a user might send twice. */
export function idempotencyKey() {
  // crypto.randomUUID needs a secure context; Aula may be tried over plain HTTP.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
