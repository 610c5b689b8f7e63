// One WebSocket to /ws/chat for a page (docs/chat-protocol.md). It reconnects on its own,
// resumes every room after the last seq it saw so nothing is missed or shown twice, and
// keeps each unacknowledged send to repeat it under the same client message id, which Aula
// stores once however often it arrives.

import { api, refresh } from './api.js';

const PING_INTERVAL_MS = 25_000; // the server closes a socket silent for 60 s
const PONG_TIMEOUT_MS = 10_000;
const ACK_TIMEOUT_MS = 15_000;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;
const TYPING_INTERVAL_MS = 2_000; // the server drops more than one per 2 s anyway
const MAX_FRAME_CHARS = 16_000; // below aula.chat.max-frame-size; a larger send goes over REST
const RESUME_CHUNK = 100;

/** A client message id: unique per sender, 1-64 of A-Z a-z 0-9 . _ : - */
export function newClientMessageId() {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(12)),
    (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `web-${Date.now().toString(36)}-${random}`;
}

/** Unicode code points, as Aula counts a body's length. */
export function textLength(text) {
  let count = 0;
  for (const _ of text) { // eslint-disable-line no-unused-vars
    count += 1;
  }
  return count;
}

function socketUrl(ticket) {
  return `${location.protocol === 'https:' ? 'wss://' : 'ws://'}${location.host}/ws/chat?ticket=${encodeURIComponent(ticket)}`;
}

/**
 * Events (conn.on(type, listener) returns a function that removes the listener):
 * status {state: connecting|open|waiting|offline, retryInMs, reason}, message (a stored
 * message, each seq once and in order per room), deleted {roomId, id, seq}, typing
 * {roomId, userId}, presence {roomId, online}, subscribed {roomId}, ack {clientMessageId,
 * id, seq, roomId, replayed}, failed {clientMessageId, roomId, code, detail}, roomError
 * {roomId, code, detail} (the room is gone for this user), error (any other error frame).
 */
export class ChatConnection {
  constructor() {
    this.rooms = new Map(); // roomId -> last seq seen, or null for "live from now"
    this.outbox = new Map(); // clientMessageId -> { roomId, body, clientMessageId, timer }
    this.listeners = new Map();
    this.lastTyping = new Map();
    this.socket = null;
    this.closed = false;
    this.attempt = 0;
    this.goawayDelay = null;
    this.reconnectTimer = null;
    this.pingTimer = null;
    this.pongTimer = null;
    this.status = { state: 'connecting' };
    this.onOnline = () => {
      if (this.reconnectTimer && !this.closed) {
        clearTimeout(this.reconnectTimer);
        this.reconnectTimer = null;
        this.connect();
      }
    };
    window.addEventListener('online', this.onOnline);
    this.connect();
  }

  on(type, listener) {
    if (!this.listeners.has(type)) {
      this.listeners.set(type, new Set());
    }
    this.listeners.get(type).add(listener);
    return () => this.listeners.get(type)?.delete(listener);
  }

  emit(type, payload) {
    this.listeners.get(type)?.forEach((listener) => {
      try {
        listener(payload);
      } catch (error) {
        console.error(error); // eslint-disable-line no-console
      }
    });
  }

  get isOpen() {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  setStatus(state, extra = {}) {
    this.status = { state, ...extra };
    this.emit('status', this.status);
  }

  async connect() {
    if (this.closed) {
      return;
    }
    this.setStatus('connecting');
    let ticket;
    try {
      ticket = (await api('POST', '/api/chat/ticket')).ticket;
    } catch (problem) {
      if (problem.status === 401) {
        // The session has ended; the shell sends the page to sign-in.
        this.setStatus('offline', { reason: problem });
        return;
      }
      this.reconnectLater(problem.retryAfter ? problem.retryAfter * 1000 : null, problem);
      return;
    }
    if (this.closed) {
      return;
    }
    const socket = new WebSocket(socketUrl(ticket));
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) {
        return;
      }
      this.attempt = 0;
      this.goawayDelay = null;
      this.setStatus('open');
      this.resubscribe();
      this.outbox.forEach((entry) => this.transmit(entry));
      this.pingTimer = setInterval(() => this.ping(), PING_INTERVAL_MS);
    });
    socket.addEventListener('message', (event) => {
      if (this.socket !== socket) {
        return;
      }
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      this.receive(frame);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) {
        return;
      }
      this.dropped(event.code);
    });
  }

  /** The socket is gone: decide when to try again from how it ended. */
  dropped(code) {
    this.socket = null;
    this.stopPinging();
    if (this.closed) {
      return;
    }
    if (code === 4001) {
      // too many sockets for this user: wait for one of the others to close
      this.reconnectLater(BACKOFF_MAX_MS, 'too-many-connections');
      return;
    }
    if (code === 4003) {
      // the account changed since the ticket: a new access token first
      refresh().then(() => this.reconnectLater(null, 'account-changed'),
        (problem) => this.setStatus('offline', { reason: problem }));
      return;
    }
    this.reconnectLater(this.goawayDelay, code);
  }

  /** Backoff with full jitter, so clients cut off together do not come back together. */
  reconnectLater(delayMs, reason) {
    if (this.closed) {
      return;
    }
    let delay = delayMs;
    if (delay === null || delay === undefined) {
      const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** this.attempt);
      delay = Math.max(250, Math.random() * ceiling);
    }
    this.attempt += 1;
    this.goawayDelay = null;
    this.setStatus('waiting', { retryInMs: delay, reason });
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  write(frame) {
    if (!this.isOpen) {
      return false;
    }
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  ping() {
    if (!this.write({ type: 'ping' })) {
      return;
    }
    clearTimeout(this.pongTimer);
    const socket = this.socket;
    this.pongTimer = setTimeout(() => {
      // No answer: the connection is dead without having said so. Drop it and start over.
      if (this.socket === socket) {
        try {
          socket.close();
        } catch { /* already closing */ }
        this.dropped(1006);
      }
    }, PONG_TIMEOUT_MS);
  }

  stopPinging() {
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
    this.pingTimer = null;
    this.pongTimer = null;
  }

  resubscribe() {
    const resumable = [...this.rooms].filter(([, seq]) => seq !== null);
    for (let start = 0; start < resumable.length; start += RESUME_CHUNK) {
      this.write({ type: 'resume', rooms: Object.fromEntries(resumable.slice(start, start + RESUME_CHUNK)) });
    }
    this.rooms.forEach((seq, roomId) => {
      if (seq === null) {
        this.write({ type: 'subscribe', roomId, ref: `sub:${roomId}` });
      }
    });
  }

  receive(frame) {
    switch (frame.type) {
      case 'message': {
        const message = frame.message;
        if (!message || !this.rooms.has(message.roomId)) {
          return;
        }
        const last = this.rooms.get(message.roomId);
        if (last !== null && message.seq <= last) {
          return; // seen before (a resume overlapping what arrived live)
        }
        this.rooms.set(message.roomId, message.seq);
        this.emit('message', message);
        return;
      }
      case 'ack':
        this.acknowledged(frame);
        return;
      case 'pong':
        clearTimeout(this.pongTimer);
        this.pongTimer = null;
        return;
      case 'goaway':
        // The server's own randomised delay spreads clients over the other instances.
        this.goawayDelay = Number.isFinite(frame.reconnectAfterMs) ? frame.reconnectAfterMs : null;
        return;
      case 'error':
        this.refused(frame);
        return;
      case 'deleted':
      case 'typing':
      case 'presence':
      case 'subscribed':
        this.emit(frame.type, frame);
        return;
      default:
    }
  }

  acknowledged(ack) {
    const entry = this.outbox.get(ack.clientMessageId);
    if (entry) {
      clearTimeout(entry.timer);
      this.outbox.delete(ack.clientMessageId);
    }
    this.emit('ack', ack);
  }

  refused(frame) {
    const entry = frame.ref ? this.outbox.get(frame.ref) : null;
    if (entry) {
      clearTimeout(entry.timer);
      if (frame.code === 'rate-limited' || frame.code === 'internal-error') {
        // Not stored: the same id again later is still stored once.
        const wait = frame.retryAfterMs || 2_000;
        entry.timer = setTimeout(() => this.transmit(entry), wait);
        this.emit('delayed', { clientMessageId: entry.clientMessageId, roomId: entry.roomId, code: frame.code, retryInMs: wait });
        return;
      }
      this.outbox.delete(entry.clientMessageId);
      this.emit('failed', { clientMessageId: entry.clientMessageId, roomId: entry.roomId, code: frame.code, detail: frame.detail });
      return;
    }
    const roomId = frame.roomId || (frame.ref?.startsWith('sub:') ? frame.ref.slice(4) : null);
    if (roomId && (frame.code === 'not-found' || frame.code === 'access-ended')) {
      this.rooms.delete(roomId);
      this.emit('roomError', { roomId, code: frame.code, detail: frame.detail });
      return;
    }
    this.emit('error', frame);
  }

  /**
   * Follows a room: every message after afterSeq (the last one the page holds), then live
   * ones; without afterSeq, live ones from now.
   */
  subscribe(roomId, afterSeq = null) {
    this.rooms.set(roomId, afterSeq);
    const frame = { type: 'subscribe', roomId, ref: `sub:${roomId}` };
    if (afterSeq !== null) {
      frame.afterSeq = afterSeq;
    }
    this.write(frame);
  }

  /** Moves a room's position forward, e.g. after the page read history beyond it. */
  advance(roomId, seq) {
    const last = this.rooms.get(roomId);
    if (this.rooms.has(roomId) && (last === null || seq > last)) {
      this.rooms.set(roomId, seq);
    }
  }

  unsubscribe(roomId) {
    this.rooms.delete(roomId);
    this.write({ type: 'unsubscribe', roomId });
  }

  /**
   * Sends a message; repeats it under the same id until acknowledged (after a reconnect,
   * or when no ack came in time). Pass clientMessageId to retry one that failed.
   */
  send(roomId, body, clientMessageId = newClientMessageId()) {
    const entry = { roomId, body, clientMessageId, timer: null };
    this.outbox.set(clientMessageId, entry);
    this.transmit(entry);
    return clientMessageId;
  }

  transmit(entry) {
    if (this.closed || this.outbox.get(entry.clientMessageId) !== entry) {
      return;
    }
    clearTimeout(entry.timer);
    const frame = { type: 'send', roomId: entry.roomId, clientMessageId: entry.clientMessageId, body: entry.body, ref: entry.clientMessageId };
    if (JSON.stringify(frame).length > MAX_FRAME_CHARS) {
      this.sendOverRest(entry);
      return;
    }
    if (this.write(frame)) {
      entry.timer = setTimeout(() => this.transmit(entry), ACK_TIMEOUT_MS);
    }
    // Otherwise it waits in the outbox for the next open socket.
  }

  /** A body whose JSON escaping would overflow the socket's frame limit goes over REST. */
  async sendOverRest(entry) {
    try {
      const message = await api('POST', `/api/chat/rooms/${encodeURIComponent(entry.roomId)}/messages`,
        { body: { clientMessageId: entry.clientMessageId, body: entry.body } });
      this.acknowledged({ type: 'ack', clientMessageId: entry.clientMessageId, id: message.id, seq: message.seq, roomId: message.roomId, replayed: false });
    } catch (problem) {
      if (problem.status === 0 || problem.status >= 500 || problem.status === 429) {
        entry.timer = setTimeout(() => this.transmit(entry), (problem.retryAfter || 2) * 1000);
        return;
      }
      this.outbox.delete(entry.clientMessageId);
      this.emit('failed', { clientMessageId: entry.clientMessageId, roomId: entry.roomId, code: String(problem.status), detail: problem.detail || problem.title });
    }
  }

  /** Tells the room's other members this user is typing; at most once per 2 s. */
  typing(roomId) {
    const now = Date.now();
    if (now - (this.lastTyping.get(roomId) || 0) < TYPING_INTERVAL_MS) {
      return;
    }
    if (this.write({ type: 'typing', roomId })) {
      this.lastTyping.set(roomId, now);
    }
  }

  /** Asks who is online in a followed room; the answer comes as a presence event. */
  presence(roomId) {
    if (this.rooms.has(roomId)) {
      this.write({ type: 'presence', roomId });
    }
  }

  close() {
    this.closed = true;
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.reconnectTimer);
    this.stopPinging();
    this.outbox.forEach((entry) => clearTimeout(entry.timer));
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState <= WebSocket.OPEN) {
      socket.close(1000);
    }
    this.listeners.clear();
  }
}
