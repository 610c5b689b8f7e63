// Chat: the list of my rooms with unread counts, starting a direct conversation, and a room
// with its history, live messages, typing and who is online. Bodies are plain text and stay
// text nodes; the protocol is in docs/chat-protocol.md, the socket in chat-socket.js.

import { api, query } from './api.js';
import { ChatConnection, textLength } from './chat-socket.js';
import { adjustChatUnread, refreshChatUnread, setChatUnread } from './chat-unread.js';
import { defineStrings, formatDate, formatNumber, lang, t } from './i18n.js';
import { announce, empty, field, h, heading, replace, showProblem } from './ui.js';

defineStrings({
  en: {
    'chat.title': 'Chat',
    'chat.courseRooms': 'Course rooms',
    'chat.directRooms': 'Direct messages',
    'chat.noRooms': 'No course rooms yet: enrol in a course, or teach one, to join its room.',
    'chat.noDirect': 'No direct conversations yet.',
    'chat.unread': '{count} unread',
    'chat.noMessagesYet': 'No messages yet',
    'chat.messages': '{count} messages',
    'chat.start': 'Start a conversation',
    'chat.startStudent': 'Write to a teacher of one of your courses.',
    'chat.startTeacher': 'Write to a student of one of your courses.',
    'chat.startAdmin': 'Write to anyone: search by name or email.',
    'chat.teacherOf': 'teaches {courses}',
    'chat.noTeachers': 'Your courses’ teachers appear here once you are enrolled.',
    'chat.course': 'Course',
    'chat.student': 'Student',
    'chat.chooseCourse': 'Choose a course',
    'chat.noStudents': 'This course has no active students.',
    'chat.searchUsers': 'Find a user',
    'chat.search': 'Search',
    'chat.noUsers': 'No active user matches.',
    'chat.write': 'Message {name}',
    'chat.open': 'Open conversation',
    'chat.allRooms': 'All rooms',
    'chat.room': 'Chat room',
    'chat.directWith': 'Conversation with {name}',
    'chat.log': 'Messages',
    'chat.loadOlder': 'Load older messages',
    'chat.loadingOlder': 'Loading older messages…',
    'chat.beginning': 'This is the beginning of the room.',
    'chat.jumpLatest': 'Show latest messages',
    'chat.jumpLatestNew': 'Show latest messages ({count} new)',
    'chat.empty': 'No messages yet. Say hello!',
    'chat.message': 'Message',
    'chat.messageHint': 'Enter sends, Shift+Enter starts a new line. At most {max} characters.',
    'chat.count': '{count} / {max}',
    'chat.tooLong': 'A message has at most {max} characters; this one has {count}.',
    'chat.send': 'Send',
    'chat.you': 'You',
    'chat.formerMember': 'Former member',
    'chat.someone': 'Someone',
    'chat.sending': 'Sending…',
    'chat.sent': 'Sent',
    'chat.waitingToSend': 'Waiting to send (rate limit)…',
    'chat.notSent': 'Not sent: {detail}',
    'chat.retry': 'Retry',
    'chat.discard': 'Discard',
    'chat.delete': 'Delete',
    'chat.deleteMessage': 'Delete message from {name}',
    'chat.confirmDelete': 'Delete this message for everyone?',
    'chat.deleted': 'Message deleted',
    'chat.typingOne': '{name} is typing…',
    'chat.typingTwo': '{first} and {second} are typing…',
    'chat.typingMany': 'Several people are typing…',
    'chat.onlineNone': 'Nobody else is online.',
    'chat.onlineSome': 'Online now: {names}',
    'chat.onlineMore': '{names} and {count} more',
    'chat.isOnline': '{name} is online',
    'chat.isOffline': '{name} is offline',
    'chat.newFrom': '{name}: {body}',
    'chat.newMany': '{count} new messages',
    'chat.status.connecting': 'Connecting…',
    'chat.status.open': 'Connected',
    'chat.status.waiting': 'Connection lost. Reconnecting…',
    'chat.status.retryIn': '(next try in {seconds} s)',
    'chat.status.offline': 'Chat is offline. Reload the page to try again.',
    'chat.pendingOffline': 'Messages you send now go out once the connection is back.',
    'chat.roomGone': 'You no longer have access to this room.',
  },
  es: {
    'chat.title': 'Chat',
    'chat.courseRooms': 'Salas de curso',
    'chat.directRooms': 'Mensajes directos',
    'chat.noRooms': 'Aún no hay salas de curso: inscríbete en un curso, o imparte uno, para entrar en su sala.',
    'chat.noDirect': 'Aún no hay conversaciones directas.',
    'chat.unread': '{count} sin leer',
    'chat.noMessagesYet': 'Aún sin mensajes',
    'chat.messages': '{count} mensajes',
    'chat.start': 'Iniciar una conversación',
    'chat.startStudent': 'Escribe a un docente de uno de tus cursos.',
    'chat.startTeacher': 'Escribe a un estudiante de uno de tus cursos.',
    'chat.startAdmin': 'Escribe a cualquier persona: busca por nombre o correo.',
    'chat.teacherOf': 'imparte {courses}',
    'chat.noTeachers': 'Los docentes de tus cursos aparecen aquí cuando estés inscrito.',
    'chat.course': 'Curso',
    'chat.student': 'Estudiante',
    'chat.chooseCourse': 'Elige un curso',
    'chat.noStudents': 'Este curso no tiene estudiantes activos.',
    'chat.searchUsers': 'Buscar un usuario',
    'chat.search': 'Buscar',
    'chat.noUsers': 'Ningún usuario activo coincide.',
    'chat.write': 'Escribir a {name}',
    'chat.open': 'Abrir conversación',
    'chat.allRooms': 'Todas las salas',
    'chat.room': 'Sala de chat',
    'chat.directWith': 'Conversación con {name}',
    'chat.log': 'Mensajes',
    'chat.loadOlder': 'Cargar mensajes anteriores',
    'chat.loadingOlder': 'Cargando mensajes anteriores…',
    'chat.beginning': 'Este es el comienzo de la sala.',
    'chat.jumpLatest': 'Ver los últimos mensajes',
    'chat.jumpLatestNew': 'Ver los últimos mensajes ({count} nuevos)',
    'chat.empty': 'Aún no hay mensajes. ¡Saluda!',
    'chat.message': 'Mensaje',
    'chat.messageHint': 'Intro envía, Mayús+Intro añade una línea. Como máximo {max} caracteres.',
    'chat.count': '{count} / {max}',
    'chat.tooLong': 'Un mensaje tiene como máximo {max} caracteres; este tiene {count}.',
    'chat.send': 'Enviar',
    'chat.you': 'Tú',
    'chat.formerMember': 'Antiguo miembro',
    'chat.someone': 'Alguien',
    'chat.sending': 'Enviando…',
    'chat.sent': 'Enviado',
    'chat.waitingToSend': 'Esperando para enviar (límite de mensajes)…',
    'chat.notSent': 'No enviado: {detail}',
    'chat.retry': 'Reintentar',
    'chat.discard': 'Descartar',
    'chat.delete': 'Eliminar',
    'chat.deleteMessage': 'Eliminar el mensaje de {name}',
    'chat.confirmDelete': '¿Eliminar este mensaje para todos?',
    'chat.deleted': 'Mensaje eliminado',
    'chat.typingOne': '{name} está escribiendo…',
    'chat.typingTwo': '{first} y {second} están escribiendo…',
    'chat.typingMany': 'Varias personas están escribiendo…',
    'chat.onlineNone': 'No hay nadie más conectado.',
    'chat.onlineSome': 'Conectados ahora: {names}',
    'chat.onlineMore': '{names} y {count} más',
    'chat.isOnline': '{name} está conectado',
    'chat.isOffline': '{name} no está conectado',
    'chat.newFrom': '{name}: {body}',
    'chat.newMany': '{count} mensajes nuevos',
    'chat.status.connecting': 'Conectando…',
    'chat.status.open': 'Conectado',
    'chat.status.waiting': 'Se perdió la conexión. Reconectando…',
    'chat.status.retryIn': '(próximo intento en {seconds} s)',
    'chat.status.offline': 'El chat está desconectado. Recarga la página para volver a intentarlo.',
    'chat.pendingOffline': 'Los mensajes que envíes ahora saldrán cuando vuelva la conexión.',
    'chat.roomGone': 'Ya no tienes acceso a esta sala.',
  },
});

const MAX_BODY = 4000;
const PAGE = 50;
const MAX_IN_PAGE = 300; // messages kept in the page at once; older and newer ones load on demand
const DELETE_WINDOW_MS = 5 * 60_000; // aula.chat.delete-window; the server decides in the end
const TYPING_SHOWN_MS = 4_000;
const PRESENCE_REFRESH_MS = 30_000;
const NEAR_BOTTOM_PX = 80;

const roomPath = (id) => `/chat/${encodeURIComponent(id)}`;

/**
 * The connection's state as one short line. Only changes of state are spoken (role=status);
 * the countdown to the next attempt is shown, not read out every second.
 */
function statusLine(connection) {
  const said = h('span', { role: 'status' });
  const countdown = h('span', { 'aria-hidden': 'true' });
  const line = h('p', { class: 'chat-status meta' }, said, ' ', countdown);
  let timer = null;
  const show = (status) => {
    clearInterval(timer);
    line.dataset.state = status.state;
    const text = status.state === 'waiting' ? `${t('chat.status.waiting')} ${t('chat.pendingOffline')}`
      : t(`chat.status.${status.state}`);
    if (said.textContent !== text) {
      said.textContent = text;
    }
    countdown.textContent = '';
    if (status.state === 'waiting') {
      const until = Date.now() + status.retryInMs;
      const tick = () => {
        countdown.textContent = t('chat.status.retryIn', { seconds: Math.max(0, Math.ceil((until - Date.now()) / 1000)) });
      };
      tick();
      timer = setInterval(tick, 1000);
    }
  };
  show(connection.status);
  connection.on('status', show);
  line.dispose = () => clearInterval(timer);
  return line;
}

function unreadBadge(count) {
  return count > 0 ? h('span', { class: 'chat-badge' }, t('chat.unread', { count: formatNumber(count) })) : null;
}

// ---------------------------------------------------------------------------------------
// Rooms

async function rooms({ user, title, onLeave, navigate }) {
  title(t('chat.title'));
  const list = await api('GET', '/api/chat/rooms');
  const connection = new ChatConnection();
  onLeave(() => connection.close());
  const status = statusLine(connection);
  onLeave(() => status.dispose());

  const badges = new Map();
  const entry = (room) => {
    const badge = h('span', { class: 'chat-unread' }, unreadBadge(room.unread));
    badges.set(room.id, { room, badge });
    return h('li', { class: 'chat-room-item', 'data-room': room.id },
      h('a', { href: roomPath(room.id) }, room.title),
      room.courseCode ? h('span', { class: 'meta' }, ` ${room.courseCode}`) : null,
      ' ', badge,
      h('span', { class: 'meta chat-room-count' }, room.lastSeq ? t('chat.messages', { count: formatNumber(room.lastSeq) })
        : t('chat.noMessagesYet')));
  };
  const courseRooms = list.filter((room) => room.kind === 'COURSE');
  const directRooms = list.filter((room) => room.kind === 'DIRECT');

  // Every listed room is followed from its latest seq, so unread counts rise as messages come.
  list.slice(0, 100).forEach((room) => connection.subscribe(room.id, room.lastSeq));
  connection.on('message', (message) => {
    const shown = badges.get(message.roomId);
    if (!shown || message.senderId === user.id) {
      return;
    }
    shown.room.unread += 1;
    replace(shown.badge, unreadBadge(shown.room.unread));
    setChatUnread(list.reduce((total, room) => total + room.unread, 0));
  });
  setChatUnread(list.reduce((total, room) => total + room.unread, 0));

  return [
    heading(t('chat.title')),
    status,
    h('section', { 'aria-labelledby': 'chat-course-rooms' },
      h('h2', { id: 'chat-course-rooms' }, t('chat.courseRooms')),
      courseRooms.length ? h('ul', { class: 'chat-rooms' }, courseRooms.map(entry)) : empty(t('chat.noRooms'))),
    h('section', { 'aria-labelledby': 'chat-direct-rooms' },
      h('h2', { id: 'chat-direct-rooms' }, t('chat.directRooms')),
      directRooms.length ? h('ul', { class: 'chat-rooms' }, directRooms.map(entry)) : empty(t('chat.noDirect'))),
    await startConversation(user, courseRooms, navigate),
  ];
}

async function openDirect(userId, navigate) {
  const room = await api('POST', '/api/chat/direct', { body: { userId } });
  navigate(roomPath(room.id));
}

/** Whom this user may write to, as POST /api/chat/direct allows. */
async function startConversation(user, courseRooms, navigate) {
  const slot = h('div', { class: 'form-messages' });
  const section = h('section', { 'aria-labelledby': 'chat-start', class: 'chat-start' },
    h('h2', { id: 'chat-start' }, t('chat.start')), slot);
  const act = (fn) => async (event) => {
    const button = event.currentTarget;
    button.disabled = true;
    showProblem(slot, null);
    try {
      await fn();
    } catch (problem) {
      showProblem(slot, problem);
    } finally {
      button.disabled = false;
    }
  };

  if (user.role === 'STUDENT') {
    section.append(h('p', {}, t('chat.startStudent')));
    // A student may write to the teacher of any course they are enrolled in.
    const teachers = new Map();
    await Promise.all(courseRooms.map(async (room) => {
      try {
        const course = await api('GET', `/api/courses/${encodeURIComponent(room.courseCode)}`);
        const known = teachers.get(course.teacherId) || { roomId: room.id, courses: [] };
        known.courses.push(room.courseCode);
        teachers.set(course.teacherId, known);
      } catch { /* a course that cannot be read offers no teacher */ }
    }));
    const names = new Map();
    await Promise.all([...teachers].map(async ([teacherId, known]) => {
      try {
        const members = await api('GET', `/api/chat/rooms/${encodeURIComponent(known.roomId)}/members${query({ ids: teacherId })}`);
        members.forEach((member) => names.set(member.id, member.fullName));
      } catch { /* the name is optional */ }
    }));
    if (!teachers.size) {
      section.append(empty(t('chat.noTeachers')));
      return section;
    }
    section.append(h('ul', { class: 'chat-people' }, [...teachers].map(([teacherId, known]) => {
      const name = names.get(teacherId) || known.courses.join(', ');
      return h('li', {},
        h('button', { type: 'button', onclick: act(() => openDirect(teacherId, navigate)) }, t('chat.write', { name })),
        ' ', h('span', { class: 'meta' }, t('chat.teacherOf', { courses: known.courses.join(', ') })));
    })));
    return section;
  }

  if (user.role === 'TEACHER') {
    section.append(h('p', {}, t('chat.startTeacher')));
    if (!courseRooms.length) {
      section.append(empty(t('chat.noRooms')));
      return section;
    }
    const course = h('select', { name: 'course' }, h('option', { value: '' }, t('chat.chooseCourse')),
      courseRooms.map((room) => h('option', { value: room.courseCode }, `${room.courseCode} · ${room.title}`)));
    const student = h('select', { name: 'student', disabled: true });
    const open = h('button', { type: 'button', class: 'primary', disabled: true }, t('chat.open'));
    const fill = async () => {
      replace(student);
      student.disabled = true;
      open.disabled = true;
      showProblem(slot, null);
      if (!course.value) {
        return;
      }
      try {
        const students = (await api('GET', `/api/courses/${encodeURIComponent(course.value)}/enrolments`))
          .filter((one) => one.status === 'ACTIVE');
        if (!students.length) {
          student.append(h('option', { value: '' }, t('chat.noStudents')));
          return;
        }
        students.sort((a, b) => a.fullName.localeCompare(b.fullName, lang()));
        student.append(...students.map((one) => h('option', { value: one.studentId }, one.fullName)));
        student.disabled = false;
        open.disabled = false;
      } catch (problem) {
        showProblem(slot, problem);
      }
    };
    course.addEventListener('change', fill);
    open.addEventListener('click', act(() => openDirect(student.value, navigate)));
    section.append(h('div', { class: 'toolbar' },
      field(t('chat.course'), course), field(t('chat.student'), student), open));
    return section;
  }

  // An admin may write to anyone.
  section.append(h('p', {}, t('chat.startAdmin')));
  const results = h('ul', { class: 'chat-people', 'aria-live': 'polite' });
  const search = h('form', { role: 'search', class: 'search' },
    field(t('chat.searchUsers'), h('input', { type: 'search', name: 'q', maxlength: '200', autocomplete: 'off' })),
    h('button', { type: 'submit' }, t('chat.search')));
  search.addEventListener('submit', async (event) => {
    event.preventDefault();
    showProblem(slot, null);
    try {
      const found = await api('GET', `/api/admin/users${query({ q: new FormData(search).get('q').trim(), active: true, size: 10 })}`);
      const others = found.items.filter((one) => one.id !== user.id);
      replace(results, others.length ? others.map((one) => h('li', {},
        h('button', { type: 'button', onclick: act(() => openDirect(one.id, navigate)) }, t('chat.write', { name: one.fullName })),
        ' ', h('span', { class: 'meta' }, `${one.email} · ${t(`role.${one.role}`)}`)))
        : h('li', { class: 'empty' }, t('chat.noUsers')));
    } catch (problem) {
      showProblem(slot, problem);
    }
  });
  section.append(search, results);
  return section;
}

// ---------------------------------------------------------------------------------------
// A room

/** Names of senders and online members, looked up in batches of at most 100 ids. */
function memberNames(roomId, me) {
  const known = new Map([[me.id, { fullName: me.fullName, role: me.role, self: true }]]);
  const asked = new Set([me.id]);
  const listeners = new Set();
  let waiting = new Set();
  let timer = null;
  const flush = async () => {
    timer = null;
    const ids = [...waiting].slice(0, 100);
    ids.forEach((id) => waiting.delete(id));
    if (waiting.size) {
      timer = setTimeout(flush, 0);
    }
    try {
      const members = await api('GET', `/api/chat/rooms/${encodeURIComponent(roomId)}/members${query({ ids: ids.join(',') })}`);
      members.forEach((member) => known.set(member.id, member));
    } catch { /* names are a nicety; ids without one stay "former member" */ }
    ids.forEach((id) => {
      if (!known.has(id)) {
        known.set(id, null);
      }
    });
    listeners.forEach((listener) => listener(ids));
  };
  return {
    get(id) {
      return known.get(id);
    },
    label(id) {
      const member = known.get(id);
      if (member?.self) {
        return t('chat.you');
      }
      if (member) {
        return member.fullName;
      }
      return member === null ? t('chat.formerMember') : t('chat.someone');
    },
    want(ids) {
      ids.forEach((id) => {
        if (!asked.has(id)) {
          asked.add(id);
          waiting.add(id);
        }
      });
      if (waiting.size && !timer) {
        timer = setTimeout(flush, 30);
      }
    },
    onResolved(listener) {
      listeners.add(listener);
    },
    dispose() {
      clearTimeout(timer);
      waiting = new Set();
      listeners.clear();
    },
  };
}

function formatTime(value) {
  const date = new Date(value);
  const today = new Date().toDateString() === date.toDateString();
  return today ? formatDate(value, { timeStyle: 'short' }) : formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });
}

async function room({ params, user, title, onLeave, isCurrent }) {
  const roomId = params.room;
  const base = `/api/chat/rooms/${encodeURIComponent(roomId)}`;
  const [first, mine] = await Promise.all([
    api('GET', `${base}/messages${query({ limit: PAGE })}`),
    api('GET', '/api/chat/rooms'),
  ]);
  const info = mine.find((one) => one.id === roomId) || null;
  let course = null;
  if (info?.kind === 'COURSE' && user.role !== 'STUDENT') {
    course = await api('GET', `/api/courses/${encodeURIComponent(info.courseCode)}`).catch(() => null);
  }
  if (!isCurrent()) {
    return [];
  }
  const isCourseRoom = info ? info.kind === 'COURSE' : true;
  const moderator = user.role === 'ADMIN' || (course !== null && course.teacherId === user.id);
  const names = memberNames(roomId, user);
  onLeave(() => names.dispose());
  const roomTitle = !info ? t('chat.room') : info.kind === 'COURSE' ? `${info.courseCode} · ${info.title}`
    : t('chat.directWith', { name: info.title });
  title(roomTitle);

  // --- the message log: a window of at most MAX_IN_PAGE messages, by seq
  const shown = new Map(); // seq -> { message, element }
  const state = {
    lo: null, hi: null, hasOlder: first.hasMore, atLatest: true, unseen: 0, loading: false, lastRead: 0,
  };
  const sentHere = new Set(); // ids of messages sent from this page, labelled "Sent"
  const problems = h('div', { class: 'form-messages' });
  const list = h('ol', { class: 'chat-list' });
  const pendingList = h('ol', { class: 'chat-list chat-pending', 'aria-label': t('chat.sending') });
  const olderButton = h('button', { type: 'button', class: 'chat-older' }, t('chat.loadOlder'));
  const beginning = h('p', { class: 'meta chat-beginning' }, t('chat.beginning'));
  const emptyNote = empty(t('chat.empty'));
  const log = h('div', { class: 'chat-log', role: 'region', tabindex: '0', 'aria-label': t('chat.log') },
    olderButton, beginning, emptyNote, list, pendingList);
  const latestButton = h('button', { type: 'button', class: 'chat-latest', hidden: true }, t('chat.jumpLatest'));
  const live = h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'false' });
  const typingLine = h('p', { class: 'chat-typing meta', id: 'chat-typing' });
  const onlineLine = h('p', { class: 'chat-online meta', id: 'chat-online' });

  const nearBottom = () => log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_BOTTOM_PX;
  const toBottom = () => { log.scrollTop = log.scrollHeight; };

  const senderLabel = (message) => h('strong', { class: 'chat-sender', 'data-user': message.senderId }, names.label(message.senderId));
  const roleBadge = (message) => {
    const member = names.get(message.senderId);
    return member && !member.self && member.role !== 'STUDENT' && isCourseRoom
      ? h('span', { class: 'chat-role' }, t(`role.${member.role}`)) : null;
  };

  function canDelete(message) {
    if (message.deleted) {
      return false;
    }
    if (moderator) {
      return true;
    }
    return message.senderId === user.id && Date.now() - new Date(message.createdAt).getTime() < DELETE_WINDOW_MS;
  }

  function renderMessage(message) {
    const own = message.senderId === user.id;
    const item = h('li', {
      class: `chat-message${own ? ' mine' : ''}${message.deleted ? ' deleted' : ''}`,
      'data-seq': message.seq,
      'data-id': message.id,
    });
    const meta = h('div', { class: 'chat-meta' },
      senderLabel(message), roleBadge(message), ' ',
      h('time', { datetime: message.createdAt, class: 'meta' }, formatTime(message.createdAt)),
      own && sentHere.has(message.id) ? h('span', { class: 'chat-state meta' }, t('chat.sent')) : null);
    if (canDelete(message)) {
      meta.append(h('button', {
        type: 'button',
        class: 'link-button chat-delete',
        'aria-label': t('chat.deleteMessage', { name: names.label(message.senderId) }),
        onclick: () => remove(message),
      }, t('chat.delete')));
    }
    item.append(meta, message.deleted
      ? h('p', { class: 'chat-body tombstone' }, t('chat.deleted'))
      : h('p', { class: 'chat-body' }, message.body));
    return item;
  }

  function refreshChrome() {
    olderButton.hidden = !state.hasOlder;
    olderButton.disabled = state.loading;
    olderButton.textContent = state.loading ? t('chat.loadingOlder') : t('chat.loadOlder');
    beginning.hidden = state.hasOlder || shown.size === 0;
    emptyNote.hidden = shown.size > 0 || state.hasOlder || pendingList.childElementCount > 0;
    latestButton.hidden = state.atLatest;
    latestButton.textContent = state.unseen ? t('chat.jumpLatestNew', { count: formatNumber(state.unseen) })
      : t('chat.jumpLatest');
  }

  /** Puts messages into the window in seq order; a seq already there is replaced. */
  function insert(messages) {
    names.want(messages.map((message) => message.senderId));
    messages.forEach((message) => {
      const element = renderMessage(message);
      const existing = shown.get(message.seq);
      if (existing) {
        existing.element.replaceWith(element);
        shown.set(message.seq, { message, element });
        return;
      }
      shown.set(message.seq, { message, element });
      if (state.hi === null || message.seq > state.hi) {
        list.append(element);
      } else {
        // rare: older than the newest shown (a page of older messages or a gap filled)
        const next = [...shown.keys()].filter((seq) => seq > message.seq).sort((a, b) => a - b)[0];
        list.insertBefore(element, next !== undefined ? shown.get(next).element : null);
      }
      state.lo = state.lo === null ? message.seq : Math.min(state.lo, message.seq);
      state.hi = state.hi === null ? message.seq : Math.max(state.hi, message.seq);
    });
  }

  /** Drops messages beyond the cap, from the end the reader is not looking at. */
  function trim(fromTop) {
    if (shown.size <= MAX_IN_PAGE) {
      return;
    }
    const seqs = [...shown.keys()].sort((a, b) => a - b);
    const extra = seqs.length - MAX_IN_PAGE;
    const dropped = fromTop ? seqs.slice(0, extra) : seqs.slice(seqs.length - extra);
    const before = log.scrollHeight;
    dropped.forEach((seq) => {
      shown.get(seq).element.remove();
      shown.delete(seq);
    });
    const kept = seqs.filter((seq) => shown.has(seq));
    state.lo = kept[0];
    state.hi = kept[kept.length - 1];
    if (fromTop) {
      state.hasOlder = true;
      log.scrollTop -= before - log.scrollHeight;
    } else {
      state.atLatest = false;
    }
  }

  function resetTo(page) {
    list.replaceChildren();
    shown.clear();
    state.lo = null;
    state.hi = null;
    state.hasOlder = page.hasMore;
    state.atLatest = true;
    state.unseen = 0;
    insert(page.items);
    connection.advance(roomId, page.lastSeq);
    refreshChrome();
    toBottom();
    markRead();
  }

  async function loadOlder() {
    if (state.loading || !state.hasOlder) {
      return;
    }
    state.loading = true;
    refreshChrome();
    try {
      const page = await api('GET', `${base}/messages${query({ before: state.lo, limit: PAGE })}`);
      const before = log.scrollHeight;
      const top = log.scrollTop;
      insert(page.items);
      state.hasOlder = page.hasMore;
      log.scrollTop = top + (log.scrollHeight - before); // the reader's place stays put
      trim(false);
    } catch (problem) {
      showProblem(problems, problem);
    } finally {
      state.loading = false;
      refreshChrome();
    }
  }

  async function jumpToLatest() {
    try {
      resetTo(await api('GET', `${base}/messages${query({ limit: PAGE })}`));
    } catch (problem) {
      showProblem(problems, problem);
    }
  }

  /** Fills a gap between the newest shown message and one that just arrived. */
  async function fillGap(upTo) {
    let after = state.hi;
    while (after !== null && after < upTo - 1 && isCurrent()) {
      const page = await api('GET', `${base}/messages${query({ after, limit: 200 })}`);
      insert(page.items.filter((message) => message.seq < upTo));
      if (!page.items.length || !page.hasMore) {
        break;
      }
      after = page.items[page.items.length - 1].seq;
    }
  }

  // --- read marker: what is on screen at the bottom counts as read
  let readTimer = null;
  let readDue = null;
  let unreadAtOpening = info?.unread ?? 0;
  function markRead() {
    if (!state.atLatest || state.hi === null || state.hi <= state.lastRead || document.visibilityState !== 'visible'
      || !nearBottom()) {
      return;
    }
    readDue = state.hi;
    clearTimeout(readTimer);
    readTimer = setTimeout(sendRead, 500);
  }
  function sendRead() {
    clearTimeout(readTimer);
    readTimer = null;
    const seq = readDue;
    readDue = null;
    if (seq === null || seq <= state.lastRead) {
      return Promise.resolve();
    }
    state.lastRead = seq;
    return api('POST', `${base}/read`, { body: { seq } })
      .then(() => {
        // the header counted this room's unread messages when the page opened
        adjustChatUnread(-unreadAtOpening);
        unreadAtOpening = 0;
      }, () => { state.lastRead = 0; });
  }
  const onVisible = () => markRead();
  document.addEventListener('visibilitychange', onVisible);
  onLeave(() => {
    document.removeEventListener('visibilitychange', onVisible);
    // what was read just before leaving still counts; then the header's count is fresh
    sendRead().finally(() => refreshChatUnread({ force: true }));
  });

  // --- announcements of others' messages, batched so a burst is one sentence
  let heard = [];
  let heardTimer = null;
  function hear(message) {
    heard.push(message);
    if (!heardTimer) {
      heardTimer = setTimeout(() => {
        heardTimer = null;
        const batch = heard;
        heard = [];
        const text = batch.length > 2 ? t('chat.newMany', { count: batch.length })
          : batch.map((one) => t('chat.newFrom', { name: names.label(one.senderId), body: one.body.slice(0, 200) })).join(' ');
        live.replaceChildren(h('p', {}, text));
      }, 800);
    }
  }
  onLeave(() => clearTimeout(heardTimer));

  // --- the socket
  const connection = new ChatConnection();
  onLeave(() => connection.close());
  const status = statusLine(connection);
  onLeave(() => status.dispose());
  connection.subscribe(roomId, first.lastSeq);

  connection.on('message', (message) => {
    if (message.roomId !== roomId) {
      return;
    }
    typers.delete(message.senderId);
    renderTyping();
    if (message.senderId !== user.id && !message.deleted) {
      hear(message);
    }
    if (!state.atLatest) {
      if (!shown.has(message.seq)) {
        state.unseen += 1;
        refreshChrome();
      }
      return;
    }
    const stick = nearBottom() || message.senderId === user.id;
    const gap = state.hi !== null && message.seq > state.hi + 1;
    const place = () => {
      insert([message]);
      if (stick) {
        trim(true);
        toBottom();
      }
      refreshChrome();
      markRead();
    };
    if (gap) {
      fillGap(message.seq).then(place, (problem) => { showProblem(problems, problem); place(); });
    } else {
      place();
    }
  });

  connection.on('deleted', (frame) => {
    if (frame.roomId !== roomId) {
      return;
    }
    const entry = shown.get(frame.seq);
    if (entry) {
      insert([{ ...entry.message, body: null, deleted: true }]);
    }
  });

  connection.on('roomError', (frame) => {
    if (frame.roomId === roomId) {
      showProblem(problems, { title: t('chat.roomGone'), detail: frame.detail });
      sendButton.disabled = true;
      textarea.disabled = true;
    }
  });

  async function remove(message) {
    if (!window.confirm(t('chat.confirmDelete'))) { // eslint-disable-line no-alert
      return;
    }
    showProblem(problems, null);
    try {
      await api('DELETE', `/api/chat/messages/${encodeURIComponent(message.id)}`);
      if (shown.has(message.seq)) {
        insert([{ ...shown.get(message.seq).message, body: null, deleted: true }]);
      }
    } catch (problem) {
      showProblem(problems, problem);
    }
  }

  // --- typing
  const typers = new Map(); // userId -> timer
  function renderTyping() {
    const who = [...typers.keys()].map((id) => names.label(id));
    typingLine.textContent = who.length === 0 ? ''
      : who.length === 1 ? t('chat.typingOne', { name: who[0] })
        : who.length === 2 ? t('chat.typingTwo', { first: who[0], second: who[1] }) : t('chat.typingMany');
  }
  connection.on('typing', (frame) => {
    if (frame.roomId !== roomId || frame.userId === user.id) {
      return;
    }
    names.want([frame.userId]);
    clearTimeout(typers.get(frame.userId));
    typers.set(frame.userId, setTimeout(() => {
      typers.delete(frame.userId);
      renderTyping();
    }, TYPING_SHOWN_MS));
    online.add(frame.userId);
    renderTyping();
    renderOnline();
  });
  onLeave(() => typers.forEach((timer) => clearTimeout(timer)));

  // --- who is online
  let online = new Set();
  function renderOnline() {
    const others = [...online].filter((id) => id !== user.id);
    if (info?.kind === 'DIRECT') {
      const here = online.has(info.otherUserId);
      onlineLine.dataset.online = String(here);
      onlineLine.textContent = t(here ? 'chat.isOnline' : 'chat.isOffline', { name: info.title });
      return;
    }
    if (!others.length) {
      onlineLine.textContent = t('chat.onlineNone');
      return;
    }
    const labels = others.map((id) => names.label(id)).sort((a, b) => a.localeCompare(b, lang()));
    const listed = labels.slice(0, 5).join(', ');
    onlineLine.textContent = t('chat.onlineSome', {
      names: labels.length > 5 ? t('chat.onlineMore', { names: listed, count: labels.length - 5 }) : listed,
    });
  }
  connection.on('presence', (frame) => {
    if (frame.roomId === roomId) {
      online = new Set(frame.online);
      names.want(frame.online);
      renderOnline();
    }
  });
  connection.on('subscribed', (frame) => {
    if (frame.roomId === roomId) {
      connection.presence(roomId);
    }
  });
  const presenceTimer = setInterval(() => connection.presence(roomId), PRESENCE_REFRESH_MS);
  onLeave(() => clearInterval(presenceTimer));

  names.onResolved((ids) => {
    const wanted = new Set(ids);
    list.querySelectorAll('.chat-sender').forEach((element) => {
      if (wanted.has(element.dataset.user)) {
        element.textContent = names.label(element.dataset.user);
        const badge = roleBadge({ senderId: element.dataset.user });
        if (badge && !element.nextElementSibling?.classList.contains('chat-role')) {
          element.after(badge);
        }
      }
    });
    list.querySelectorAll('.chat-delete').forEach((button) => {
      const sender = button.closest('.chat-message')?.querySelector('.chat-sender')?.dataset.user;
      if (sender && wanted.has(sender)) {
        button.setAttribute('aria-label', t('chat.deleteMessage', { name: names.label(sender) }));
      }
    });
    renderTyping();
    renderOnline();
  });

  // --- sending
  const pending = new Map(); // clientMessageId -> { element, body }
  const textarea = h('textarea', {
    id: 'chat-input', name: 'body', rows: '2', class: 'chat-input', autocomplete: 'off',
    'aria-describedby': 'chat-hint chat-count',
  });
  const counter = h('span', { id: 'chat-count', class: 'meta chat-count' });
  const sendButton = h('button', { type: 'submit', class: 'primary' }, t('chat.send'));
  const composerMessages = h('div', { class: 'form-messages' });
  const composer = h('form', { class: 'chat-composer', 'aria-label': t('chat.message'), novalidate: true },
    composerMessages,
    h('label', { for: 'chat-input' }, t('chat.message')),
    textarea,
    h('div', { class: 'chat-composer-actions' },
      h('small', { id: 'chat-hint', class: 'hint' }, t('chat.messageHint', { max: formatNumber(MAX_BODY) })),
      counter, sendButton));

  let wasOver = false;
  function updateCounter() {
    const count = textLength(textarea.value);
    const over = count > MAX_BODY;
    counter.classList.toggle('over', over);
    counter.textContent = t('chat.count', { count: formatNumber(count), max: formatNumber(MAX_BODY) });
    if (over && !wasOver) {
      // said once when the limit is crossed, not on every key
      announce(t('chat.tooLong', { max: formatNumber(MAX_BODY), count: formatNumber(count) }));
    }
    wasOver = over;
    sendButton.disabled = over;
    return count;
  }
  textarea.addEventListener('input', () => {
    updateCounter();
    if (textarea.value.trim()) {
      connection.typing(roomId);
    }
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });

  function pendingItem(clientMessageId, body) {
    const stateLabel = h('span', { class: 'chat-state meta' }, t('chat.sending'));
    const element = h('li', { class: 'chat-message mine pending', 'data-client-id': clientMessageId },
      h('div', { class: 'chat-meta' }, h('strong', { class: 'chat-sender' }, t('chat.you')), ' ', stateLabel),
      h('p', { class: 'chat-body' }, body));
    return { element, stateLabel, body };
  }

  function send(body, clientMessageId) {
    const id = connection.send(roomId, body, clientMessageId);
    const entry = pending.get(id) || pendingItem(id, body);
    entry.stateLabel.textContent = t('chat.sending');
    entry.element.classList.remove('failed');
    entry.element.querySelector('.chat-retry')?.remove();
    pending.set(id, entry);
    pendingList.append(entry.element);
    refreshChrome();
    toBottom();
  }

  composer.addEventListener('submit', async (event) => {
    event.preventDefault();
    showProblem(composerMessages, null);
    const body = textarea.value;
    if (!body.trim()) {
      return;
    }
    const count = textLength(body);
    if (count > MAX_BODY) {
      showProblem(composerMessages, { title: t('chat.tooLong', { max: formatNumber(MAX_BODY), count: formatNumber(count) }) });
      return;
    }
    if (!state.atLatest) {
      await jumpToLatest();
    }
    send(body);
    textarea.value = '';
    updateCounter();
    textarea.focus();
  });

  connection.on('ack', (ack) => {
    const entry = pending.get(ack.clientMessageId);
    if (!entry || ack.roomId !== roomId) {
      return;
    }
    pending.delete(ack.clientMessageId);
    entry.element.remove();
    sentHere.add(ack.id);
    if (state.atLatest) {
      const message = shown.get(ack.seq)?.message
        || { id: ack.id, seq: ack.seq, roomId, senderId: user.id, body: entry.body, createdAt: new Date().toISOString(), deleted: false };
      if (state.hi !== null && ack.seq > state.hi + 1) {
        fillGap(ack.seq).catch(() => {}).then(() => { insert([message]); toBottom(); refreshChrome(); markRead(); });
        return;
      }
      insert([message]);
      toBottom();
    }
    refreshChrome();
    markRead();
  });

  connection.on('delayed', (frame) => {
    const entry = pending.get(frame.clientMessageId);
    if (entry) {
      entry.stateLabel.textContent = t('chat.waitingToSend');
    }
  });

  connection.on('failed', (frame) => {
    const entry = pending.get(frame.clientMessageId);
    if (!entry) {
      return;
    }
    entry.element.classList.add('failed');
    entry.stateLabel.textContent = t('chat.notSent', { detail: frame.detail || frame.code });
    entry.element.querySelector('.chat-retry')?.remove();
    entry.element.append(h('div', { class: 'chat-retry actions' },
      h('button', { type: 'button', onclick: () => send(entry.body, frame.clientMessageId) }, t('chat.retry')),
      h('button', {
        type: 'button',
        onclick: () => {
          pending.delete(frame.clientMessageId);
          entry.element.remove();
          refreshChrome();
        },
      }, t('chat.discard'))));
  });

  // --- layout
  olderButton.addEventListener('click', loadOlder);
  latestButton.addEventListener('click', jumpToLatest);
  log.addEventListener('scroll', () => {
    if (log.scrollTop < 40 && state.hasOlder && !state.loading) {
      loadOlder();
    }
    if (nearBottom()) {
      markRead();
    }
  }, { passive: true });

  insert(first.items);
  state.hasOlder = first.hasMore;
  refreshChrome();
  updateCounter();
  renderOnline();
  // once the page is in the document: start at the newest message
  requestAnimationFrame(() => {
    toBottom();
    markRead();
  });

  return [
    h('p', { class: 'chat-back' }, h('a', { href: '/chat' }, t('chat.allRooms'))),
    heading(roomTitle),
    h('div', { class: 'chat-header' }, onlineLine, status),
    problems,
    h('div', { class: 'chat-room' }, log, latestButton, typingLine, composer),
    live,
  ];
}

export const views = { rooms, room };
