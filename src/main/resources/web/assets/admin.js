// The admin area: capacity advice, users, invitations, the audit log, the email outbox, the
// job queue and the sales report. Every page shares a small navigation between them.

import { api, query } from './api.js';
import { defineStrings, formatDate, formatDateTime, formatMoney, formatNumber, t } from './i18n.js';
import {
  announce, empty, field, form, h, heading, pager, problemBox, progress, replace, saveResponse, showProblem, virtualList,
} from './ui.js';

// Revenue of zero is zero, not a free course.
const REVENUE = { zeroIsFree: false };

defineStrings({
  en: {
    'admin.nav.label': 'Administration',
    'admin.nav.capacity': 'Capacity',
    'admin.nav.users': 'Users',
    'admin.nav.invitations': 'Invitations',
    'admin.nav.audit': 'Audit log',
    'admin.nav.outbox': 'Email outbox',
    'admin.nav.jobs': 'Jobs',
    'admin.nav.reports': 'Sales report',
    'admin.any': 'Any',
    'admin.filter': 'Apply filters',
    'admin.clear': 'Clear',
    'admin.count': '{count} found',
    'admin.none': 'Nothing matches these filters.',
    'admin.yes': 'Yes',
    'admin.no': 'No',
    'admin.updated': 'Updated {time}',
    'admin.utc': 'UTC days',
    'capacity.title': 'Capacity',
    'capacity.stage': 'Current stage',
    'capacity.recommended': 'Recommended stage',
    'capacity.stageValue': 'Stage {stage}: {description}',
    'capacity.signals': 'Signals',
    'capacity.signal': 'Signal',
    'capacity.value': 'Value',
    'capacity.warning': 'Warning at',
    'capacity.act': 'Act at',
    'capacity.state': 'State',
    'capacity.ofLimit': 'of {limit}',
    'capacity.steps': 'Next steps',
    'capacity.noSteps': 'Nothing to change: every signal is ok.',
    'capacity.autoRefresh': 'Refresh every 10 seconds',
    'capacity.refreshNow': 'Refresh now',
    'capacity.serverText': 'The summary, notes and steps are written by the server in English.',
    'state.ok': 'OK',
    'state.warning': 'Warning',
    'state.act-now': 'Act now',
    'signal.active-users': 'Active users',
    'signal.requests-per-second': 'Requests per second',
    'signal.db-connections': 'Database connections',
    'signal.p95-latency': '95th percentile latency',
    'signal.memory': 'Memory',
    'signal.cache-misses': 'Cache misses',
    'signal.queued-jobs': 'Queued jobs',
    'signal.chat-sockets': 'Chat sockets',
    'unit.users': 'users',
    'unit.requests/s': 'requests/s',
    'unit.connections': 'connections',
    'unit.ms': 'ms',
    'unit.MB': 'MB',
    'unit.%': '%',
    'unit.jobs': 'jobs',
    'unit.sockets': 'sockets',
    'users.title': 'Users',
    'users.q': 'Email, name or national id',
    'users.role': 'Role',
    'users.active': 'Status',
    'users.activeOnly': 'Active',
    'users.inactiveOnly': 'Deactivated',
    'users.name': 'Name',
    'users.email': 'Email',
    'users.lastLogin': 'Last sign-in',
    'users.never': 'Never',
    'users.actions': 'Actions',
    'users.roleOf': 'Role of {name}',
    'users.deactivate': 'Deactivate',
    'users.reactivate': 'Reactivate',
    'users.confirmRole': 'Make {name} {role}? They are signed out everywhere.',
    'users.confirmDeactivate': 'Deactivate {name}? They are signed out everywhere and cannot sign in.',
    'users.confirmReactivate': 'Reactivate {name}? They can sign in again.',
    'users.roleChanged': '{name} is now {role}.',
    'users.deactivated': '{name} is deactivated.',
    'users.reactivated': '{name} is active again.',
    'users.pending': 'Invited, not registered',
    'invitations.title': 'Invitations',
    'invitations.new': 'Invite someone',
    'invitations.email': 'Email',
    'invitations.role': 'Role',
    'invitations.send': 'Send invitation',
    'invitations.sent': 'Invitation for {email} as {role} created. A single-use link was emailed; it expires {expires}.',
    'invitations.seeOutbox': 'See the email in the outbox',
    'invitations.list': 'Sent invitations',
    'invitations.state': 'State',
    'invitations.created': 'Created',
    'invitations.expires': 'Expires',
    'invitations.revoke': 'Revoke',
    'invitations.revokeLabel': 'Revoke the invitation for {email}',
    'invitations.confirmRevoke': 'Revoke the invitation for {email}? Its link stops working.',
    'invitations.revoked': 'The invitation for {email} is revoked.',
    'invitation.PENDING': 'Pending',
    'invitation.ACCEPTED': 'Accepted',
    'invitation.REVOKED': 'Revoked',
    'invitation.EXPIRED': 'Expired',
    'audit.title': 'Audit log',
    'audit.actor': 'Actor (email or user id)',
    'audit.action': 'Action',
    'audit.actionHint': 'For example user.role.change',
    'audit.entityType': 'Entity type',
    'audit.from': 'From',
    'audit.to': 'To (inclusive)',
    'audit.archived': 'Search the archive',
    'audit.noActor': 'No user has the email {email}.',
    'audit.shown': '{shown} of {total} entries loaded',
    'audit.more': 'Load more',
    'audit.entries': 'Audit entries, newest first',
    'audit.details': 'Details',
    'audit.detailsOf': 'Details of {action} at {time}',
    'audit.system': 'system',
    'audit.when': 'When',
    'audit.who': 'Actor',
    'audit.entity': 'Entity',
    'audit.changes': 'Changes',
    'audit.ip': 'Address',
    'audit.userAgent': 'User agent',
    'audit.requestId': 'Request id',
    'audit.archivedAt': 'Archived',
    'outbox.title': 'Email outbox',
    'outbox.to': 'Recipient',
    'outbox.status': 'Status',
    'outbox.subject': 'Subject',
    'outbox.attempts': 'Attempts',
    'outbox.lastError': 'Last error',
    'outbox.created': 'Queued',
    'outbox.sent': 'Delivered',
    'outbox.body': 'Show the body',
    'outbox.noBody': 'Bodies are shown only in the embedded mode.',
    'outbox.PENDING': 'Pending',
    'outbox.SENT': 'Sent',
    'outbox.LOGGED': 'Logged',
    'outbox.FAILED': 'Failed',
    'jobs.title': 'Jobs',
    'jobs.state': 'State',
    'jobs.type': 'Type',
    'jobs.attempts': 'Attempts',
    'jobs.progress': 'Progress',
    'jobs.progressOf': 'Progress of {type}',
    'jobs.lastError': 'Last error',
    'jobs.created': 'Enqueued',
    'jobs.finished': 'Finished',
    'jobs.nextAttempt': 'Next attempt {time}',
    'jobs.payload': 'Payload',
    'jobs.retry': 'Retry',
    'jobs.retryLabel': 'Retry {type} job',
    'jobs.retried': 'The {type} job is queued again.',
    'jobs.live': 'Refreshing every 3 seconds while jobs are queued or running.',
    'job.QUEUED': 'Queued',
    'job.RUNNING': 'Running',
    'job.RETRYING': 'Retrying',
    'job.SUCCEEDED': 'Succeeded',
    'job.DEAD': 'Dead',
    'reports.title': 'Sales report',
    'reports.from': 'From',
    'reports.to': 'To',
    'reports.granularity': 'Periods',
    'reports.day': 'Days',
    'reports.month': 'Months',
    'reports.show': 'Show report',
    'reports.range': '{from} to {to}, UTC',
    'reports.refreshedAt': 'Figures as of {time}. Sales after that appear once the report is refreshed.',
    'reports.neverRefreshed': 'These figures have never been refreshed: sales appear once the report is refreshed.',
    'reports.refresh': 'Refresh report',
    'reports.refreshQueued': 'Refresh job queued for {from} to {to}.',
    'reports.refreshDone': 'The report is refreshed.',
    'reports.refreshFailed': 'The refresh job did not succeed: {state}.',
    'reports.followJob': 'Follow it on the jobs page',
    'reports.csv': 'Download CSV',
    'reports.chartTitle': 'Revenue in {currency} per {unit}',
    'reports.chartLabel': 'Bar chart of revenue in {currency} per {unit}, {from} to {to}. Total {total}; sales: {sales}; highest {max} on {maxPeriod}.',
    'reports.barTitle': '{period}: {amount}; sales: {sales}',
    'reports.unit.day': 'day',
    'reports.unit.month': 'month',
    'reports.noSales': 'No sales in this range.',
    'reports.noActivity': 'No enrolments or sales in this range.',
    'reports.totals': 'Totals per period',
    'reports.byCourse': 'Per period and course',
    'reports.period': 'Period',
    'reports.course': 'Course',
    'reports.unknownCourse': 'Course no longer in the catalog',
    'reports.enrolments': 'Enrolments',
    'reports.sales': 'Sales',
    'reports.revenue': 'Revenue',
    'reports.amountAxis': 'Revenue ({currency})',
    'reports.periodAxis': 'Period',
  },
  es: {
    'admin.nav.label': 'Administración',
    'admin.nav.capacity': 'Capacidad',
    'admin.nav.users': 'Usuarios',
    'admin.nav.invitations': 'Invitaciones',
    'admin.nav.audit': 'Registro de auditoría',
    'admin.nav.outbox': 'Correos salientes',
    'admin.nav.jobs': 'Tareas',
    'admin.nav.reports': 'Informe de ventas',
    'admin.any': 'Cualquiera',
    'admin.filter': 'Aplicar filtros',
    'admin.clear': 'Limpiar',
    'admin.count': '{count} encontrados',
    'admin.none': 'Nada coincide con estos filtros.',
    'admin.yes': 'Sí',
    'admin.no': 'No',
    'admin.updated': 'Actualizado {time}',
    'admin.utc': 'días UTC',
    'capacity.title': 'Capacidad',
    'capacity.stage': 'Etapa actual',
    'capacity.recommended': 'Etapa recomendada',
    'capacity.stageValue': 'Etapa {stage}: {description}',
    'capacity.signals': 'Señales',
    'capacity.signal': 'Señal',
    'capacity.value': 'Valor',
    'capacity.warning': 'Aviso desde',
    'capacity.act': 'Actuar desde',
    'capacity.state': 'Estado',
    'capacity.ofLimit': 'de {limit}',
    'capacity.steps': 'Próximos pasos',
    'capacity.noSteps': 'Nada que cambiar: todas las señales están bien.',
    'capacity.autoRefresh': 'Actualizar cada 10 segundos',
    'capacity.refreshNow': 'Actualizar ahora',
    'capacity.serverText': 'El resumen, las notas y los pasos los escribe el servidor en inglés.',
    'state.ok': 'Bien',
    'state.warning': 'Aviso',
    'state.act-now': 'Actuar ya',
    'signal.active-users': 'Usuarios activos',
    'signal.requests-per-second': 'Peticiones por segundo',
    'signal.db-connections': 'Conexiones a la base de datos',
    'signal.p95-latency': 'Latencia del percentil 95',
    'signal.memory': 'Memoria',
    'signal.cache-misses': 'Fallos de caché',
    'signal.queued-jobs': 'Tareas en cola',
    'signal.chat-sockets': 'Conexiones de chat',
    'unit.users': 'usuarios',
    'unit.requests/s': 'peticiones/s',
    'unit.connections': 'conexiones',
    'unit.ms': 'ms',
    'unit.MB': 'MB',
    'unit.%': '%',
    'unit.jobs': 'tareas',
    'unit.sockets': 'conexiones',
    'users.title': 'Usuarios',
    'users.q': 'Correo, nombre o documento',
    'users.role': 'Rol',
    'users.active': 'Estado',
    'users.activeOnly': 'Activos',
    'users.inactiveOnly': 'Desactivados',
    'users.name': 'Nombre',
    'users.email': 'Correo',
    'users.lastLogin': 'Último acceso',
    'users.never': 'Nunca',
    'users.actions': 'Acciones',
    'users.roleOf': 'Rol de {name}',
    'users.deactivate': 'Desactivar',
    'users.reactivate': 'Reactivar',
    'users.confirmRole': '¿Dar a {name} el rol {role}? Se cerrarán todas sus sesiones.',
    'users.confirmDeactivate': '¿Desactivar a {name}? Se cerrarán todas sus sesiones y no podrá entrar.',
    'users.confirmReactivate': '¿Reactivar a {name}? Podrá volver a entrar.',
    'users.roleChanged': '{name} ahora tiene el rol {role}.',
    'users.deactivated': '{name} está desactivado.',
    'users.reactivated': '{name} vuelve a estar activo.',
    'users.pending': 'Invitado, sin registrar',
    'invitations.title': 'Invitaciones',
    'invitations.new': 'Invitar a alguien',
    'invitations.email': 'Correo',
    'invitations.role': 'Rol',
    'invitations.send': 'Enviar invitación',
    'invitations.sent': 'Invitación para {email} como {role} creada. Se envió por correo un enlace de un solo uso; caduca el {expires}.',
    'invitations.seeOutbox': 'Ver el correo en la bandeja de salida',
    'invitations.list': 'Invitaciones enviadas',
    'invitations.state': 'Estado',
    'invitations.created': 'Creada',
    'invitations.expires': 'Caduca',
    'invitations.revoke': 'Revocar',
    'invitations.revokeLabel': 'Revocar la invitación para {email}',
    'invitations.confirmRevoke': '¿Revocar la invitación para {email}? Su enlace dejará de funcionar.',
    'invitations.revoked': 'La invitación para {email} está revocada.',
    'invitation.PENDING': 'Pendiente',
    'invitation.ACCEPTED': 'Aceptada',
    'invitation.REVOKED': 'Revocada',
    'invitation.EXPIRED': 'Caducada',
    'audit.title': 'Registro de auditoría',
    'audit.actor': 'Autor (correo o id de usuario)',
    'audit.action': 'Acción',
    'audit.actionHint': 'Por ejemplo user.role.change',
    'audit.entityType': 'Tipo de entidad',
    'audit.from': 'Desde',
    'audit.to': 'Hasta (incluido)',
    'audit.archived': 'Buscar en el archivo',
    'audit.noActor': 'Ningún usuario tiene el correo {email}.',
    'audit.shown': '{shown} de {total} entradas cargadas',
    'audit.more': 'Cargar más',
    'audit.entries': 'Entradas de auditoría, las más recientes primero',
    'audit.details': 'Detalles',
    'audit.detailsOf': 'Detalles de {action} el {time}',
    'audit.system': 'sistema',
    'audit.when': 'Cuándo',
    'audit.who': 'Autor',
    'audit.entity': 'Entidad',
    'audit.changes': 'Cambios',
    'audit.ip': 'Dirección',
    'audit.userAgent': 'Agente de usuario',
    'audit.requestId': 'Id de la petición',
    'audit.archivedAt': 'Archivada',
    'outbox.title': 'Correos salientes',
    'outbox.to': 'Destinatario',
    'outbox.status': 'Estado',
    'outbox.subject': 'Asunto',
    'outbox.attempts': 'Intentos',
    'outbox.lastError': 'Último error',
    'outbox.created': 'En cola',
    'outbox.sent': 'Entregado',
    'outbox.body': 'Ver el cuerpo',
    'outbox.noBody': 'Los cuerpos solo se muestran en el modo integrado.',
    'outbox.PENDING': 'Pendiente',
    'outbox.SENT': 'Enviado',
    'outbox.LOGGED': 'En el registro',
    'outbox.FAILED': 'Fallido',
    'jobs.title': 'Tareas',
    'jobs.state': 'Estado',
    'jobs.type': 'Tipo',
    'jobs.attempts': 'Intentos',
    'jobs.progress': 'Progreso',
    'jobs.progressOf': 'Progreso de {type}',
    'jobs.lastError': 'Último error',
    'jobs.created': 'En cola desde',
    'jobs.finished': 'Terminada',
    'jobs.nextAttempt': 'Próximo intento {time}',
    'jobs.payload': 'Datos',
    'jobs.retry': 'Reintentar',
    'jobs.retryLabel': 'Reintentar la tarea {type}',
    'jobs.retried': 'La tarea {type} vuelve a estar en cola.',
    'jobs.live': 'Se actualiza cada 3 segundos mientras haya tareas en cola o en curso.',
    'job.QUEUED': 'En cola',
    'job.RUNNING': 'En curso',
    'job.RETRYING': 'Reintentando',
    'job.SUCCEEDED': 'Completada',
    'job.DEAD': 'Fallida',
    'reports.title': 'Informe de ventas',
    'reports.from': 'Desde',
    'reports.to': 'Hasta',
    'reports.granularity': 'Periodos',
    'reports.day': 'Días',
    'reports.month': 'Meses',
    'reports.show': 'Ver informe',
    'reports.range': 'Del {from} al {to}, UTC',
    'reports.refreshedAt': 'Cifras a {time}. Las ventas posteriores aparecen al actualizar el informe.',
    'reports.neverRefreshed': 'Estas cifras nunca se han actualizado: las ventas aparecen al actualizar el informe.',
    'reports.refresh': 'Actualizar informe',
    'reports.refreshQueued': 'Tarea de actualización en cola para el {from} al {to}.',
    'reports.refreshDone': 'El informe está actualizado.',
    'reports.refreshFailed': 'La tarea de actualización no terminó bien: {state}.',
    'reports.followJob': 'Seguirla en la página de tareas',
    'reports.csv': 'Descargar CSV',
    'reports.chartTitle': 'Ingresos en {currency} por {unit}',
    'reports.chartLabel': 'Gráfico de barras de ingresos en {currency} por {unit}, del {from} al {to}. Total {total}; ventas: {sales}; máximo {max} el {maxPeriod}.',
    'reports.barTitle': '{period}: {amount}; ventas: {sales}',
    'reports.unit.day': 'día',
    'reports.unit.month': 'mes',
    'reports.noSales': 'No hay ventas en este intervalo.',
    'reports.noActivity': 'No hay matrículas ni ventas en este intervalo.',
    'reports.totals': 'Totales por periodo',
    'reports.byCourse': 'Por periodo y curso',
    'reports.period': 'Periodo',
    'reports.course': 'Curso',
    'reports.unknownCourse': 'Curso que ya no está en el catálogo',
    'reports.enrolments': 'Matrículas',
    'reports.sales': 'Ventas',
    'reports.revenue': 'Ingresos',
    'reports.amountAxis': 'Ingresos ({currency})',
    'reports.periodAxis': 'Periodo',
  },
});

const PAGES = [
  ['/admin/capacity', 'admin.nav.capacity'],
  ['/admin/users', 'admin.nav.users'],
  ['/admin/invitations', 'admin.nav.invitations'],
  ['/admin/audit', 'admin.nav.audit'],
  ['/admin/outbox', 'admin.nav.outbox'],
  ['/admin/jobs', 'admin.nav.jobs'],
  ['/admin/reports', 'admin.nav.reports'],
];

const ROLES = ['STUDENT', 'TEACHER', 'ADMIN'];

/** The admin pages' own navigation, marking the one open. */
function subnav(current) {
  return h('nav', { class: 'subnav', 'aria-label': t('admin.nav.label') },
    h('ul', {}, PAGES.map(([path, key]) => h('li', {},
      h('a', { href: path, 'aria-current': path === current ? 'page' : null }, t(key))))));
}

/** A page of the area: its navigation, then its one heading, then the content. */
function page(ctx, path, titleKey, ...content) {
  ctx.title(t(titleKey));
  return [subnav(path), heading(t(titleKey)), ...content];
}

function select(name, choices, value, props = {}) {
  return h('select', { name, ...props },
    choices.map(([key, label]) => h('option', { value: key, selected: key === value }, label)));
}

/** A table in a scrolling box; a column given as [label, 'number'] is right-aligned. */
function table(caption, columns, rows) {
  return h('div', { class: 'table-scroll' },
    h('table', { class: 'admin-table' },
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((column) => (Array.isArray(column)
        ? h('th', { scope: 'col', class: column[1] }, column[0])
        : h('th', { scope: 'col' }, column))))),
      h('tbody', {}, rows)));
}

/** A filter form whose values become the page's query string. */
function filterForm(ctx, path, fields, { label } = {}) {
  const element = h('form', { class: 'toolbar filters', role: 'search', 'aria-label': label },
    fields,
    h('div', { class: 'filter-buttons' },
      h('button', { type: 'submit', class: 'primary' }, t('admin.filter')),
      h('a', { href: path, class: 'button' }, t('admin.clear'))));
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = {};
    new FormData(element).forEach((value, key) => { values[key] = typeof value === 'string' ? value.trim() : value; });
    ctx.navigate(path + query(values));
  });
  return element;
}

function pageNumber(params) {
  const number = Number.parseInt(params.get('page') || '0', 10);
  return Number.isFinite(number) && number > 0 ? number : 0;
}

/** The same path and filters on another page of results. */
function goToPage(ctx, path) {
  return (next) => {
    const values = Object.fromEntries(ctx.query.entries());
    values.page = next > 0 ? next : '';
    ctx.navigate(path + query(values));
  };
}

/** Runs a repeating refresh while the page is open and stops it when the page is left. */
function every(ctx, milliseconds, tick) {
  let timer = null;
  // Each start gets its own round, so a tick still in flight when stopped never schedules again.
  let round = 0;
  let stopped = false;
  const schedule = (mine) => {
    if (!stopped && mine === round) {
      timer = setTimeout(() => run(mine), milliseconds);
    }
  };
  const run = async (mine) => {
    if (stopped || mine !== round || !ctx.isCurrent()) {
      return;
    }
    try {
      await tick();
    } finally {
      schedule(mine);
    }
  };
  const stop = () => { stopped = true; round += 1; clearTimeout(timer); };
  ctx.onLeave(stop);
  schedule(round);
  return {
    stop,
    restart: () => { stop(); stopped = false; schedule(round); },
    get running() { return !stopped; },
  };
}

/** Re-renders a container and puts keyboard focus back on the control that had it. */
function keepFocus(container, render) {
  const key = document.activeElement?.closest?.('[data-focus]')?.dataset.focus;
  render();
  if (key) {
    container.querySelector(`[data-focus="${CSS.escape(key)}"]`)?.focus();
  }
}

function status(message) {
  return h('p', { class: 'success', role: 'status' }, message);
}

// ---------------------------------------------------------------- capacity

const MARKS = { ok: '✓', warning: '▲', act: '■', neutral: '◷' };

/** A state in words, with a mark and a colour that only repeat what the words say. */
function badge(look, text) {
  return h('span', { class: look === 'neutral' ? 'state' : `state state-${look}` },
    h('span', { 'aria-hidden': 'true' }, `${MARKS[look]} `), text);
}

function stateLabel(state) {
  const look = { ok: 'ok', warning: 'warning', 'act-now': 'act' }[state] || 'warning';
  return badge(look, t(`state.${state}`));
}

function unit(name) {
  const key = `unit.${name}`;
  const text = t(key);
  return text === key ? name : text;
}

function measure(value, unitName) {
  return `${formatNumber(value, { maximumFractionDigits: 1 })} ${unit(unitName)}`;
}

function capacityBody(advice) {
  const stage = (number, description) => t('capacity.stageValue', { stage: number, description });
  const rows = advice.signals.map((signal) => h('tr', { 'data-signal': signal.name, 'data-state': signal.state },
    h('th', { scope: 'row' },
      h('span', { class: 'signal-name' }, t(`signal.${signal.name}`) === `signal.${signal.name}` ? signal.name : t(`signal.${signal.name}`)),
      h('small', { class: 'meta block' }, signal.description),
      signal.note ? h('small', { class: 'meta block' }, signal.note) : null),
    h('td', { class: 'number' }, measure(signal.value, signal.unit),
      signal.limit !== undefined && signal.limit !== null
        ? h('small', { class: 'meta block' }, t('capacity.ofLimit', { limit: measure(signal.limit, signal.unit) })) : null),
    h('td', { class: 'number' }, measure(signal.warning, signal.unit)),
    h('td', { class: 'number' }, measure(signal.act, signal.unit)),
    h('td', {}, stateLabel(signal.state))));
  const moving = advice.recommendedStage !== advice.stage;
  return [
    h('dl', { class: 'facts stages' },
      h('dt', {}, t('capacity.stage')),
      h('dd', { 'data-stage': advice.stage }, stage(advice.stage, advice.stageDescription)),
      h('dt', {}, t('capacity.recommended')),
      h('dd', { 'data-recommended-stage': advice.recommendedStage, class: moving ? 'state-act' : null },
        stage(advice.recommendedStage, advice.recommendedStageDescription))),
    h('h2', {}, t('capacity.signals')),
    table(null, [t('capacity.signal'), [t('capacity.value'), 'number'], [t('capacity.warning'), 'number'],
      [t('capacity.act'), 'number'], t('capacity.state')], rows),
    h('h2', {}, t('capacity.steps')),
    advice.steps.length
      ? h('ol', { class: 'steps' }, advice.steps.map((step) => h('li', {}, step)))
      : h('p', {}, t('capacity.noSteps')),
    h('p', { class: 'meta evaluated', 'data-evaluated-at': advice.evaluatedAt },
      t('admin.updated', { time: formatDate(advice.evaluatedAt, { dateStyle: 'medium', timeStyle: 'medium' }) }), ' · ',
      t('capacity.serverText')),
  ];
}

async function capacity(ctx) {
  const advice = await api('GET', '/api/admin/capacity');
  // Only the one-line summary is live: re-reading the whole table every 10 s would drown a
  // screen reader, while a change of advice is worth hearing.
  const summary = h('p', { class: 'capacity-summary', 'aria-live': 'polite' }, advice.summary);
  const slot = h('div', { class: 'form-messages' });
  const body = h('div', { class: 'capacity' }, capacityBody(advice));
  const load = async () => {
    try {
      const next = await api('GET', '/api/admin/capacity');
      if (!ctx.isCurrent()) {
        return;
      }
      if (summary.textContent !== next.summary) {
        summary.textContent = next.summary;
      }
      replace(body, capacityBody(next));
      showProblem(slot, null);
    } catch (problem) {
      replace(slot, problemBox(problem));
    }
  };
  const refresher = every(ctx, 10_000, load);
  const toggle = h('input', { type: 'checkbox', checked: true });
  toggle.addEventListener('change', () => (toggle.checked ? refresher.restart() : refresher.stop()));
  const now = h('button', { type: 'button', onclick: load }, t('capacity.refreshNow'));
  return page(ctx, '/admin/capacity', 'capacity.title',
    h('div', { class: 'toolbar' }, h('label', { class: 'admin-check' }, toggle, ' ', t('capacity.autoRefresh')), now),
    slot, summary, body);
}

// ---------------------------------------------------------------- users

async function users(ctx) {
  const params = ctx.query;
  const q = params.get('q') || '';
  const role = ROLES.includes(params.get('role')) ? params.get('role') : '';
  const active = ['true', 'false'].includes(params.get('active')) ? params.get('active') : '';
  const number = pageNumber(params);
  const results = await api('GET', `/api/admin/users${query({ q, role, active, page: number, size: 20 })}`);
  const slot = h('div', { class: 'form-messages', 'aria-live': 'polite' });
  const filters = filterForm(ctx, '/admin/users', [
    field(t('users.q'), h('input', { type: 'search', name: 'q', value: q, maxlength: '200' })),
    field(t('users.role'), select('role', [['', t('admin.any')], ...ROLES.map((code) => [code, t(`role.${code}`)])], role)),
    field(t('users.active'), select('active', [['', t('admin.any')], ['true', t('users.activeOnly')],
      ['false', t('users.inactiveOnly')]], active)),
  ], { label: t('users.title') });
  const administer = async (user, change, confirmText, doneText) => {
    if (!window.confirm(confirmText)) {
      return false;
    }
    showProblem(slot, null);
    try {
      const updated = await api('PATCH', `/api/admin/users/${encodeURIComponent(user.id)}`, { body: change });
      Object.assign(user, updated);
      replace(slot, status(doneText));
      announce(doneText);
      return true;
    } catch (problem) {
      showProblem(slot, problem);
      return false;
    }
  };
  const row = (user) => {
    const name = user.fullName || user.email;
    const roleSelect = select('role', ROLES.map((code) => [code, t(`role.${code}`)]), user.role,
      { 'aria-label': t('users.roleOf', { name }), 'data-focus': `role-${user.id}` });
    roleSelect.addEventListener('change', async () => {
      const wanted = roleSelect.value;
      const label = t(`role.${wanted}`);
      const done = await administer(user, { role: wanted }, t('users.confirmRole', { name, role: label }),
        t('users.roleChanged', { name, role: label }));
      if (!done) {
        roleSelect.value = user.role;
      }
    });
    const cells = h('tr', { 'data-user': user.email });
    const draw = () => {
      const toggle = h('button', {
        type: 'button', class: user.active ? 'danger' : null, 'data-focus': `active-${user.id}`,
        'aria-label': `${user.active ? t('users.deactivate') : t('users.reactivate')}: ${name}`,
      }, user.active ? t('users.deactivate') : t('users.reactivate'));
      toggle.addEventListener('click', async () => {
        const activating = !user.active;
        const done = await administer(user, { active: activating },
          t(activating ? 'users.confirmReactivate' : 'users.confirmDeactivate', { name }),
          t(activating ? 'users.reactivated' : 'users.deactivated', { name }));
        if (done) {
          keepFocus(cells, draw);
        }
      });
      replace(cells,
        h('th', { scope: 'row' }, user.fullName || '—'),
        h('td', {}, user.email),
        h('td', {}, roleSelect),
        h('td', {}, user.active ? badge('ok', t('users.activeOnly')) : badge('warning', t('users.inactiveOnly')),
          user.registered ? null : h('small', { class: 'meta block' }, t('users.pending'))),
        h('td', {}, user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never')),
        h('td', {}, toggle));
    };
    draw();
    return cells;
  };
  return page(ctx, '/admin/users', 'users.title',
    filters,
    slot,
    h('p', { class: 'meta', 'aria-live': 'polite' }, t('admin.count', { count: formatNumber(results.totalItems) })),
    results.items.length
      ? table(null, [t('users.name'), t('users.email'), t('users.role'), t('users.active'), t('users.lastLogin'),
        t('users.actions')], results.items.map(row))
      : empty(t('admin.none')),
    pager(results.page, results.totalPages, goToPage(ctx, '/admin/users')));
}

// ---------------------------------------------------------------- invitations

async function invitations(ctx) {
  const number = pageNumber(ctx.query);
  const list = h('div', {});
  const slot = h('div', { class: 'form-messages', 'aria-live': 'polite' });
  const done = h('div', { 'aria-live': 'polite' });
  const load = async () => {
    const found = await api('GET', `/api/admin/invitations${query({ page: number, size: 20 })}`);
    const rows = found.items.map((invitation) => h('tr', { 'data-invitation': invitation.email },
      h('th', { scope: 'row' }, invitation.email),
      h('td', {}, t(`role.${invitation.role}`)),
      h('td', {}, badge({ PENDING: 'neutral', ACCEPTED: 'ok', REVOKED: 'act', EXPIRED: 'warning' }[invitation.status]
        || 'neutral', t(`invitation.${invitation.status}`))),
      h('td', {}, formatDateTime(invitation.createdAt)),
      h('td', {}, formatDateTime(invitation.expiresAt)),
      h('td', {}, invitation.status === 'PENDING'
        ? h('button', {
          type: 'button',
          class: 'danger',
          'aria-label': t('invitations.revokeLabel', { email: invitation.email }),
          onclick: () => revoke(invitation),
        }, t('invitations.revoke'))
        : null)));
    replace(list,
      h('p', { class: 'meta' }, t('admin.count', { count: formatNumber(found.totalItems) })),
      rows.length
        ? table(null, [t('invitations.email'), t('invitations.role'), t('invitations.state'), t('invitations.created'),
          t('invitations.expires'), t('users.actions')], rows)
        : empty(t('admin.none')),
      pager(found.page, found.totalPages, goToPage(ctx, '/admin/invitations')));
  };
  const revoke = async (invitation) => {
    if (!window.confirm(t('invitations.confirmRevoke', { email: invitation.email }))) {
      return;
    }
    showProblem(slot, null);
    try {
      await api('DELETE', `/api/admin/invitations/${encodeURIComponent(invitation.id)}`);
      const message = t('invitations.revoked', { email: invitation.email });
      replace(slot, status(message));
      announce(message);
      await load();
    } catch (problem) {
      showProblem(slot, problem);
    }
  };
  await load();
  const create = form({ class: 'toolbar', 'aria-label': t('invitations.new') }, [
    field(t('invitations.email'), h('input', { type: 'email', name: 'email', required: true, maxlength: '320', autocomplete: 'off' })),
    field(t('invitations.role'), select('role', ROLES.map((code) => [code, t(`role.${code}`)]), 'STUDENT')),
    h('button', { type: 'submit', class: 'primary' }, t('invitations.send')),
  ], async (data, element) => {
    const invitation = await api('POST', '/api/admin/invitations',
      { body: { email: data.get('email').trim(), role: data.get('role') } });
    element.reset();
    replace(done, h('div', { class: 'success', role: 'status' },
      h('p', {}, t('invitations.sent', {
        email: invitation.email, role: t(`role.${invitation.role}`), expires: formatDateTime(invitation.expiresAt),
      })),
      h('p', {}, h('a', { href: `/admin/outbox${query({ to: invitation.email })}` }, t('invitations.seeOutbox')))));
    await load();
  });
  return page(ctx, '/admin/invitations', 'invitations.title',
    h('h2', {}, t('invitations.new')), create, done,
    h('h2', {}, t('invitations.list')), slot, list);
}

// ---------------------------------------------------------------- audit log

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const AUDIT_PAGE = 100;

/** The start of the UTC day after an ISO date, for an inclusive "to" day. */
function dayAfter(date) {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

async function actorId(text) {
  if (!text || UUID.test(text)) {
    return text;
  }
  const found = await api('GET', `/api/admin/users${query({ q: text, size: 100 })}`);
  const user = found.items.find((item) => item.email.toLowerCase() === text.toLowerCase());
  if (!user) {
    const problem = new Error(t('audit.noActor', { email: text }));
    problem.status = 400;
    problem.title = t('audit.noActor', { email: text });
    throw problem;
  }
  return user.id;
}

function auditDetails(entry) {
  const facts = [
    [t('audit.when'), formatDateTime(entry.occurredAt)],
    [t('audit.who'), entry.actorId || t('audit.system')],
    [t('audit.action'), entry.action],
    [t('audit.entity'), [entry.entityType, entry.entityId].filter(Boolean).join(' ') || '—'],
    [t('audit.ip'), entry.ip],
    [t('audit.userAgent'), entry.userAgent],
    [t('audit.requestId'), entry.requestId],
    [t('audit.archivedAt'), entry.archivedAt ? formatDateTime(entry.archivedAt) : null],
  ].filter(([, value]) => value);
  return [
    h('h2', {}, t('audit.detailsOf', { action: entry.action, time: formatDateTime(entry.occurredAt) })),
    h('dl', { class: 'facts' }, facts.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
    h('h3', {}, t('audit.changes')),
    h('pre', { class: 'json' }, JSON.stringify(entry.changes ?? {}, null, 2)),
  ];
}

async function audit(ctx) {
  const params = ctx.query;
  const values = {
    actor: params.get('actor') || '',
    action: params.get('action') || '',
    entityType: params.get('entityType') || '',
    from: DAY.test(params.get('from') || '') ? params.get('from') : '',
    to: DAY.test(params.get('to') || '') ? params.get('to') : '',
    archived: params.get('archived') === 'true' ? 'true' : '',
  };
  const filters = filterForm(ctx, '/admin/audit', [
    field(t('audit.actor'), h('input', { name: 'actor', value: values.actor, maxlength: '320' })),
    field(t('audit.action'), h('input', { name: 'action', value: values.action, maxlength: '100' }), t('audit.actionHint')),
    field(t('audit.entityType'), h('input', { name: 'entityType', value: values.entityType, maxlength: '100' })),
    field(t('audit.from'), h('input', { type: 'date', name: 'from', value: values.from }), t('admin.utc')),
    field(t('audit.to'), h('input', { type: 'date', name: 'to', value: values.to }), t('admin.utc')),
    h('div', { class: 'filter-buttons' }, h('label', { class: 'admin-check' },
      h('input', { type: 'checkbox', name: 'archived', value: 'true', checked: values.archived === 'true' }),
      ' ', t('audit.archived'))),
  ], { label: t('audit.title') });
  const slot = h('div', { class: 'form-messages' });
  const count = h('p', { class: 'meta', 'aria-live': 'polite' });
  const results = h('div', { class: 'audit-results' });
  const details = h('section', { class: 'audit-details', 'aria-live': 'polite' });
  const more = h('button', { type: 'button' }, t('audit.more'));
  const entries = [];
  let total = 0;
  let next = 0;
  let loading = false;
  let list = null;
  let criteria;
  try {
    criteria = {
      actor: await actorId(values.actor),
      action: values.action,
      entityType: values.entityType,
      from: values.from ? `${values.from}T00:00:00Z` : '',
      to: values.to ? dayAfter(values.to) : '',
      archived: values.archived,
    };
  } catch (problem) {
    return page(ctx, '/admin/audit', 'audit.title', filters, problemBox(problem));
  }

  const renderRow = (entry, index) => h('div', { class: 'audit-row', 'data-action': entry.action },
    h('span', { class: 'audit-time' }, formatDateTime(entry.occurredAt)),
    h('span', { class: 'audit-action' }, entry.action),
    h('span', { class: 'audit-actor' }, entry.actorId ? entry.actorId.slice(0, 8) : t('audit.system')),
    h('span', { class: 'audit-entity' }, [entry.entityType, entry.entityId].filter(Boolean).join(' ')),
    h('button', {
      type: 'button', class: 'link-button', 'data-index': index,
      'aria-label': t('audit.detailsOf', { action: entry.action, time: formatDateTime(entry.occurredAt) }),
      onclick: () => { replace(details, auditDetails(entry)); details.querySelector('h2')?.focus?.(); },
    }, t('audit.details')));

  const draw = () => {
    // The list keeps its items by reference and sizes its scroll area once, so a longer list
    // is a new one; the reader stays where they were.
    const scrollTop = list ? list.scrollTop : 0;
    const focused = list && document.activeElement === list;
    list = virtualList(entries, 40, renderRow, { label: t('audit.entries'), height: 520 });
    list.addEventListener('scroll', () => {
      if (list.scrollTop + list.clientHeight > list.scrollHeight - 400) {
        loadMore();
      }
    }, { passive: true });
    replace(results, list);
    list.scrollTop = scrollTop;
    if (focused) {
      list.focus({ preventScroll: true });
    }
    count.textContent = t('audit.shown', { shown: formatNumber(entries.length), total: formatNumber(total) });
    more.hidden = entries.length >= total;
  };

  const loadMore = async () => {
    if (loading || (next > 0 && entries.length >= total)) {
      return;
    }
    loading = true;
    more.disabled = true;
    try {
      const found = await api('GET', `/api/admin/audit${query({ ...criteria, page: next, size: AUDIT_PAGE })}`);
      total = found.totalItems;
      next += 1;
      entries.push(...found.items);
      if (ctx.isCurrent()) {
        draw();
      }
      showProblem(slot, null);
    } catch (problem) {
      showProblem(slot, problem);
    } finally {
      loading = false;
      more.disabled = false;
    }
  };
  more.addEventListener('click', loadMore);
  await loadMore();
  return page(ctx, '/admin/audit', 'audit.title', filters, slot, count,
    entries.length ? results : empty(t('admin.none')), h('div', { class: 'actions' }, more), details);
}

// ---------------------------------------------------------------- outbox

const OUTBOX_STATUSES = ['PENDING', 'SENT', 'LOGGED', 'FAILED'];

async function outbox(ctx) {
  const params = ctx.query;
  const to = params.get('to') || '';
  const wanted = OUTBOX_STATUSES.includes((params.get('status') || '').toUpperCase())
    ? params.get('status').toUpperCase() : '';
  const found = await api('GET', `/api/admin/outbox${query({ to, status: wanted.toLowerCase(), page: pageNumber(params), size: 20 })}`);
  const filters = filterForm(ctx, '/admin/outbox', [
    field(t('outbox.to'), h('input', { type: 'search', name: 'to', value: to, maxlength: '320' })),
    field(t('outbox.status'), select('status', [['', t('admin.any')],
      ...OUTBOX_STATUSES.map((code) => [code, t(`outbox.${code}`)])], wanted)),
  ], { label: t('outbox.title') });
  const anyBody = found.items.some((email) => email.body);
  const rows = found.items.map((email) => h('tr', { 'data-email': email.id },
    h('td', {}, formatDateTime(email.createdAt)),
    h('td', {}, email.recipient),
    h('th', { scope: 'row' }, email.subject,
      email.body ? h('details', {}, h('summary', {}, t('outbox.body')), h('pre', { class: 'email-body' }, email.body)) : null),
    h('td', {}, badge({ FAILED: 'act', PENDING: 'neutral' }[email.status] || 'ok', t(`outbox.${email.status}`))),
    h('td', { class: 'number' }, formatNumber(email.attempts)),
    h('td', {}, email.lastError || '—'),
    h('td', {}, email.sentAt ? formatDateTime(email.sentAt) : '—')));
  return page(ctx, '/admin/outbox', 'outbox.title',
    filters,
    h('p', { class: 'meta', 'aria-live': 'polite' }, t('admin.count', { count: formatNumber(found.totalItems) })),
    rows.length
      ? table(null, [t('outbox.created'), t('outbox.to'), t('outbox.subject'), t('outbox.status'), [t('outbox.attempts'), 'number'],
        t('outbox.lastError'), t('outbox.sent')], rows)
      : empty(t('admin.none')),
    found.items.length && !anyBody ? h('p', { class: 'meta' }, t('outbox.noBody')) : null,
    pager(found.page, found.totalPages, goToPage(ctx, '/admin/outbox')));
}

// ---------------------------------------------------------------- jobs

const JOB_STATES = ['QUEUED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'DEAD'];
const ACTIVE_JOB = ['QUEUED', 'RUNNING'];

function jobState(state) {
  return badge({ SUCCEEDED: 'ok', DEAD: 'act', RETRYING: 'warning' }[state] || 'neutral', t(`job.${state}`));
}

async function jobs(ctx) {
  const params = ctx.query;
  const state = JOB_STATES.includes((params.get('state') || '').toUpperCase()) ? params.get('state').toUpperCase() : '';
  const type = params.get('type') || '';
  const path = `/api/admin/jobs${query({ state: state.toLowerCase(), type, page: pageNumber(params), size: 20 })}`;
  const filters = filterForm(ctx, '/admin/jobs', [
    field(t('jobs.state'), select('state', [['', t('admin.any')], ...JOB_STATES.map((code) => [code, t(`job.${code}`)])], state)),
    field(t('jobs.type'), h('input', { type: 'search', name: 'type', value: type, maxlength: '100' })),
  ], { label: t('jobs.title') });
  const slot = h('div', { class: 'form-messages', 'aria-live': 'polite' });
  const live = h('p', { class: 'meta', role: 'status' });
  const list = h('div', {});
  let refresher = null;
  const retry = async (job) => {
    showProblem(slot, null);
    try {
      await api('POST', `/api/admin/jobs/${encodeURIComponent(job.id)}/retry`);
      const message = t('jobs.retried', { type: job.type });
      replace(slot, status(message));
      announce(message);
      await load();
    } catch (problem) {
      showProblem(slot, problem);
    }
  };
  const render = (found) => {
    const rows = found.items.map((job) => h('tr', { 'data-job': job.id, 'data-state': job.state },
      h('th', { scope: 'row' }, job.type,
        job.payload ? h('details', {}, h('summary', {}, t('jobs.payload')), h('pre', { class: 'json' }, job.payload)) : null),
      h('td', {}, jobState(job.state),
        job.nextAttemptAt && job.state === 'RETRYING'
          ? h('small', { class: 'meta block' }, t('jobs.nextAttempt', { time: formatDateTime(job.nextAttemptAt) })) : null),
      h('td', { class: 'number' }, `${job.attempts} / ${job.maxAttempts}`),
      h('td', {}, job.progress !== null && job.progress !== undefined
        ? progress(job.progress, t('jobs.progressOf', { type: job.type })) : '—',
      job.progressMessage ? h('small', { class: 'meta block' }, job.progressMessage) : null),
      h('td', {}, job.lastError ? h('span', { class: 'error-text' }, job.lastError) : '—'),
      h('td', {}, formatDateTime(job.createdAt),
        job.finishedAt ? h('small', { class: 'meta block' }, `${t('jobs.finished')}: ${formatDateTime(job.finishedAt)}`) : null),
      h('td', {}, ['DEAD', 'RETRYING'].includes(job.state)
        ? h('button', {
          type: 'button', 'data-focus': `retry-${job.id}`,
          'aria-label': t('jobs.retryLabel', { type: job.type }), onclick: () => retry(job),
        }, t('jobs.retry'))
        : null)));
    keepFocus(list, () => replace(list,
      h('p', { class: 'meta' }, t('admin.count', { count: formatNumber(found.totalItems) })),
      rows.length
        ? table(null, [t('jobs.type'), t('jobs.state'), [t('jobs.attempts'), 'number'], t('jobs.progress'), t('jobs.lastError'),
          t('jobs.created'), t('users.actions')], rows)
        : empty(t('admin.none')),
      pager(found.page, found.totalPages, goToPage(ctx, '/admin/jobs'))));
    const busy = found.items.some((job) => ACTIVE_JOB.includes(job.state));
    if (busy && !refresher?.running) {
      refresher = every(ctx, 3_000, load);
    } else if (!busy && refresher?.running) {
      refresher.stop();
    }
    live.textContent = busy ? t('jobs.live') : '';
  };
  async function load() {
    try {
      render(await api('GET', path));
    } catch (problem) {
      showProblem(slot, problem);
    }
  }
  render(await api('GET', path));
  return page(ctx, '/admin/jobs', 'jobs.title', filters, slot, live, list);
}

// ---------------------------------------------------------------- sales report

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([key, value]) => {
    if (value !== null && value !== undefined) {
      element.setAttribute(key, String(value));
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return element;
}

/** A period as people read it: periods are UTC days or months, so they are formatted in UTC. */
function periodLabel(period, style = 'medium') {
  const month = /^\d{4}-\d{2}$/.test(period);
  const date = new Date(month ? `${period}-01T00:00:00Z` : `${period}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    return period;
  }
  const options = month
    ? { year: 'numeric', month: style === 'short' ? 'short' : 'long', timeZone: 'UTC' }
    : (style === 'short' ? { month: 'short', day: 'numeric', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' });
  return formatDate(date, options);
}

/** Every period of the range, so days without sales show as gaps, when there are few enough. */
function periodsOf(report) {
  const periods = [];
  const start = new Date(`${report.from}T00:00:00Z`);
  const end = new Date(`${report.to}T00:00:00Z`);
  const monthly = report.granularity === 'month';
  const cursor = new Date(start);
  if (monthly) {
    cursor.setUTCDate(1);
  }
  while (cursor <= end && periods.length <= 400) {
    periods.push(cursor.toISOString().slice(0, monthly ? 7 : 10));
    if (monthly) {
      cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    } else {
      cursor.setUTCDate(cursor.getUTCDate() + 1);
    }
  }
  return periods.length > 400 ? null : periods;
}

function niceCeiling(value) {
  if (value <= 0) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((step) => step * power).find((step) => step >= value);
}

/** An accessible bar chart of one currency's revenue per period. */
function revenueChart(report, currency) {
  const byPeriod = new Map();
  report.totals.forEach((total) => {
    const revenue = total.revenue.find((item) => item.currency === currency);
    if (revenue) {
      byPeriod.set(total.period, revenue);
    }
  });
  const periods = periodsOf(report) || [...byPeriod.keys()];
  const points = periods.map((period) => ({
    period, amount: Number(byPeriod.get(period)?.amount ?? 0), sales: byPeriod.get(period)?.sales ?? 0,
  }));
  const max = Math.max(...points.map((point) => point.amount), 0);
  const top = niceCeiling(max);
  const width = 720;
  const height = 320;
  const margin = { left: 84, right: 16, top: 16, bottom: 64 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const band = plotWidth / Math.max(points.length, 1);
  const barWidth = Math.max(2, Math.min(48, band * 0.7));
  const y = (amount) => margin.top + plotHeight - (amount / top) * plotHeight;
  const unitName = t(`reports.unit.${report.granularity}`);
  const highest = points.reduce((best, point) => (point.amount > best.amount ? point : best), points[0]);
  const totalAmount = points.reduce((sum, point) => sum + point.amount, 0);
  const totalSales = points.reduce((sum, point) => sum + point.sales, 0);
  const label = t('reports.chartLabel', {
    currency,
    unit: unitName,
    from: periodLabel(report.from),
    to: periodLabel(report.to),
    total: formatMoney(totalAmount, currency, REVENUE),
    sales: formatNumber(totalSales),
    max: formatMoney(highest.amount, currency, REVENUE),
    maxPeriod: periodLabel(highest.period),
  });
  const ticks = [0, top / 2, top];
  const labelEvery = Math.ceil(points.length / 12);
  const chart = svg('svg', {
    class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, 'data-currency': currency,
  },
  svg('title', {}, t('reports.chartTitle', { currency, unit: unitName })),
  ticks.map((tick) => svg('g', { class: 'tick' },
    svg('line', { class: 'grid', x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick) }),
    svg('text', { x: margin.left - 8, y: y(tick) + 4, 'text-anchor': 'end' }, formatMoney(tick, currency, REVENUE)))),
  svg('line', { class: 'axis', x1: margin.left, x2: margin.left, y1: margin.top, y2: margin.top + plotHeight }),
  svg('line', { class: 'axis', x1: margin.left, x2: width - margin.right, y1: margin.top + plotHeight, y2: margin.top + plotHeight }),
  points.map((point, index) => {
    const x = margin.left + index * band + (band - barWidth) / 2;
    const barHeight = Math.max(point.amount > 0 ? 1 : 0, margin.top + plotHeight - y(point.amount));
    return svg('rect', {
      class: 'bar', x: x.toFixed(1), y: (margin.top + plotHeight - barHeight).toFixed(1), width: barWidth.toFixed(1),
      height: barHeight.toFixed(1), 'data-period': point.period, 'data-amount': point.amount.toFixed(2),
    }, svg('title', {}, t('reports.barTitle', {
      period: periodLabel(point.period), amount: formatMoney(point.amount, currency, REVENUE), sales: formatNumber(point.sales),
    })));
  }),
  points.map((point, index) => (index % labelEvery === 0
    ? svg('text', {
      class: 'period', x: (margin.left + index * band + band / 2).toFixed(1), y: margin.top + plotHeight + 18,
      'text-anchor': 'middle',
    }, periodLabel(point.period, 'short'))
    : null)),
  svg('text', { class: 'axis-title', x: margin.left + plotWidth / 2, y: height - 8, 'text-anchor': 'middle' },
    t('reports.periodAxis')),
  svg('text', {
    class: 'axis-title', x: 14, y: margin.top + plotHeight / 2, 'text-anchor': 'middle',
    transform: `rotate(-90 14 ${margin.top + plotHeight / 2})`,
  }, t('reports.amountAxis', { currency })));
  return h('figure', { class: 'chart-figure' }, chart,
    h('figcaption', {}, t('reports.chartTitle', { currency, unit: unitName })));
}

function revenueText(revenue) {
  return revenue.length ? revenue.map((item) => formatMoney(item.amount, item.currency, REVENUE)).join(', ') : '—';
}

function reportTables(report) {
  const totals = report.totals.map((total) => h('tr', { 'data-period': total.period },
    h('th', { scope: 'row' }, periodLabel(total.period)),
    h('td', { class: 'number' }, formatNumber(total.enrolments)),
    h('td', { class: 'number' }, formatNumber(total.sales)),
    h('td', { class: 'number' }, revenueText(total.revenue))));
  const rows = report.rows.map((row) => h('tr', { 'data-period': row.period, 'data-course': row.courseCode || '' },
    h('th', { scope: 'row' }, periodLabel(row.period)),
    h('td', {}, row.courseCode ? `${row.courseCode} · ${row.courseTitle}` : t('reports.unknownCourse')),
    h('td', { class: 'number' }, formatNumber(row.enrolments)),
    h('td', { class: 'number' }, formatNumber(row.sales)),
    h('td', { class: 'number' }, revenueText(row.revenue))));
  return [
    h('h2', {}, t('reports.totals')),
    table(null, [t('reports.period'), [t('reports.enrolments'), 'number'], [t('reports.sales'), 'number'],
      [t('reports.revenue'), 'number']], totals),
    h('h2', {}, t('reports.byCourse')),
    table(null, [t('reports.period'), t('reports.course'), [t('reports.enrolments'), 'number'], [t('reports.sales'), 'number'],
      [t('reports.revenue'), 'number']], rows),
  ];
}

async function reports(ctx) {
  const params = ctx.query;
  const criteria = {
    from: DAY.test(params.get('from') || '') ? params.get('from') : '',
    to: DAY.test(params.get('to') || '') ? params.get('to') : '',
    granularity: params.get('granularity') === 'month' ? 'month' : 'day',
  };
  const report = await api('GET', `/api/admin/reports/sales${query(criteria)}`);
  const chosen = { from: report.from, to: report.to, granularity: report.granularity };
  const filters = filterForm(ctx, '/admin/reports', [
    field(t('reports.from'), h('input', { type: 'date', name: 'from', value: report.from, required: true })),
    field(t('reports.to'), h('input', { type: 'date', name: 'to', value: report.to, required: true })),
    field(t('reports.granularity'), select('granularity', [['day', t('reports.day')], ['month', t('reports.month')]],
      report.granularity)),
  ], { label: t('reports.title') });
  filters.querySelector('button[type=submit]').textContent = t('reports.show');
  const slot = h('div', { class: 'form-messages' });
  const jobSlot = h('div', { 'aria-live': 'polite' });
  const csv = h('button', { type: 'button' }, t('reports.csv'));
  csv.addEventListener('click', async () => {
    csv.disabled = true;
    showProblem(slot, null);
    try {
      const response = await api('GET', `/api/admin/reports/sales.csv${query(chosen)}`,
        { raw: true, headers: { Accept: 'text/csv, application/problem+json' } });
      await saveResponse(response, `sales-${chosen.from}-to-${chosen.to}-by-${chosen.granularity}.csv`);
    } catch (problem) {
      showProblem(slot, problem);
    } finally {
      csv.disabled = false;
    }
  });
  const refresh = h('button', { type: 'button', class: 'primary' }, t('reports.refresh'));
  refresh.addEventListener('click', async () => {
    refresh.disabled = true;
    showProblem(slot, null);
    try {
      // The range on screen is rebuilt, not only the recent days, so an old range can be refreshed too.
      const accepted = await api('POST', `/api/admin/reports/refresh${query({ from: chosen.from, to: chosen.to })}`);
      await followRefresh(ctx, accepted, jobSlot);
    } catch (problem) {
      showProblem(slot, problem);
      refresh.disabled = false;
    }
  });
  const currencies = [...new Set(report.totals.flatMap((total) => total.revenue.map((item) => item.currency)))].sort();
  const activity = report.totals.length > 0;
  return page(ctx, '/admin/reports', 'reports.title',
    filters,
    h('p', { class: 'meta' }, t('reports.range', { from: periodLabel(report.from), to: periodLabel(report.to) }), ' · ',
      report.refreshedAt ? t('reports.refreshedAt', { time: formatDateTime(report.refreshedAt) }) : t('reports.neverRefreshed')),
    h('div', { class: 'actions' }, refresh, csv),
    slot, jobSlot,
    currencies.length ? currencies.map((currency) => revenueChart(report, currency)) : empty(t('reports.noSales')),
    activity ? reportTables(report) : empty(t('reports.noActivity')));
}

/** Shows a queued refresh job's progress until it ends, then shows the refreshed report. */
async function followRefresh(ctx, accepted, slot) {
  const bar = h('div', {});
  replace(slot, h('div', { class: 'success', role: 'status' },
    h('p', {}, t('reports.refreshQueued', { from: periodLabel(accepted.from), to: periodLabel(accepted.to) })),
    bar,
    h('p', {}, h('a', { href: `/admin/jobs${query({ type: 'reports.refresh' })}` }, t('reports.followJob')))));
  for (;;) {
    if (!ctx.isCurrent()) {
      return;
    }
    const job = await api('GET', `/api/admin/jobs/${encodeURIComponent(accepted.jobId)}`);
    replace(bar, jobState(job.state), ' ', job.progress !== null && job.progress !== undefined
      ? progress(job.progress, t('jobs.progressOf', { type: job.type })) : null);
    if (job.state === 'SUCCEEDED') {
      announce(t('reports.refreshDone'));
      // The same address again: the view reads the fresh aggregates.
      ctx.navigate(location.pathname + location.search, { replace: true });
      return;
    }
    if (job.state === 'DEAD') {
      replace(slot, problemBox({ title: t('reports.refreshFailed', { state: t('job.DEAD') }), detail: job.lastError }));
      return;
    }
    await new Promise((resolve) => { setTimeout(resolve, 1000); });
  }
}

export const views = { capacity, users, invitations, audit, outbox, jobs, reports };
