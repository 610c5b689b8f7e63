// Pages of teachers (and admins): their courses, a new course, the course editor with its
// modules and lessons, the lesson editor with media upload, and the gradebook.

import { accessToken, api, Problem, query, refresh } from './api.js';
import { defineStrings, formatBytes, formatDateTime, formatMoney, formatNumber, lang, t } from './i18n.js';
import { announce, empty, field, form, h, heading, pager, progress, replace, showProblem } from './ui.js';

defineStrings({
  en: {
    'teach.title': 'My teaching',
    'teach.new': 'New course',
    'teach.none': 'You have no courses yet.',
    'teach.count.one': '{count} course',
    'teach.count.other': '{count} courses',
    'teach.col.code': 'Code',
    'teach.col.title': 'Title',
    'teach.col.status': 'Status',
    'teach.col.price': 'Price',
    'teach.col.updated': 'Last change',
    'teach.col.actions': 'Actions',
    'teach.status.published': 'Published',
    'teach.status.draft': 'Draft',
    'teach.edit': 'Edit',
    'teach.edit.named': 'Edit {title}',
    'teach.gradebook': 'Gradebook',
    'teach.gradebook.named': 'Gradebook of {title}',
    'teach.inCatalog': 'View in catalog',
    'teach.chat': 'Course chat',
    'teach.back': 'Back to my teaching',
    'teach.backToCourse': 'Back to {title}',
    'teach.course.code': 'Code',
    'teach.course.codeHint': '2 to 6 capital letters, a dash and 1 to 4 digits, e.g. MAT-101. It never changes.',
    'teach.course.title': 'Title',
    'teach.course.description': 'Description',
    'teach.course.price': 'Price',
    'teach.course.priceHint': '0 for a free course; at most two decimals.',
    'teach.course.currency': 'Currency',
    'teach.course.currencyHint': 'ISO 4217 code such as USD or EUR; empty for Aula\'s default.',
    'teach.course.create': 'Create course',
    'teach.course.created': 'Course created. It stays unpublished until you publish it.',
    'teach.course.details': 'Details',
    'teach.course.publishing': 'Publishing',
    'teach.course.isPublished': 'Students find it in the catalog and may enrol.',
    'teach.course.isDraft': 'Only you and administrators see it.',
    'teach.course.publish': 'Publish',
    'teach.course.unpublish': 'Unpublish',
    'teach.course.published': 'Course published.',
    'teach.course.unpublished': 'Course unpublished.',
    'teach.course.delete': 'Delete course',
    'teach.course.deleteHint': 'Only a course nobody ever enrolled in can be deleted; unpublish it otherwise.',
    'teach.course.confirmDelete': 'Delete course {code} with all its modules and lessons? This cannot be undone.',
    'teach.course.deleted': 'Course deleted.',
    'teach.course.hasEnrolments': 'Students have enrolled in this course, so it stays. Unpublish it to take it out of the catalog.',
    'teach.course.danger': 'Delete',
    'teach.outline': 'Modules and lessons',
    'teach.outline.none': 'No modules yet. Add the first one below.',
    'teach.module.heading': 'Module {number}: {title}',
    'teach.module.title': 'Module title',
    'teach.module.number': 'Number',
    'teach.module.numberHint': 'Optional; without it the module goes last.',
    'teach.module.add': 'Add module',
    'teach.module.added': 'Module added.',
    'teach.module.save': 'Save module',
    'teach.module.saved': 'Module saved.',
    'teach.module.delete': 'Delete module',
    'teach.module.confirmDelete': 'Delete module {number} "{title}" and all its lessons?',
    'teach.module.deleted': 'Module deleted.',
    'teach.module.newHeading': 'New module',
    'teach.lessons.none': 'No lessons in this module yet.',
    'teach.lessons.caption': 'Lessons of module {number}',
    'teach.lesson.position': 'Position',
    'teach.lesson.title': 'Lesson title',
    'teach.lesson.kind': 'Kind',
    'teach.lesson.duration': 'Duration (minutes)',
    'teach.lesson.durationHint': 'Optional; stored in whole seconds.',
    'teach.lesson.body': 'Text (Markdown)',
    'teach.lesson.bodyHint': 'Markdown: # heading, **bold**, *italic*, - lists, [link](https://...), ``` code ```.',
    'teach.lesson.add': 'Add lesson',
    'teach.lesson.addTo': 'Add a lesson to module {number}',
    'teach.lesson.added': 'Lesson added.',
    'teach.lesson.hasMedia': 'file attached',
    'teach.lesson.moveUp': 'Move up',
    'teach.lesson.moveDown': 'Move down',
    'teach.lesson.moveUpNamed': 'Move {title} up',
    'teach.lesson.moveDownNamed': 'Move {title} down',
    'teach.lesson.moved': 'Lesson moved.',
    'teach.lesson.delete': 'Delete',
    'teach.lesson.deleteNamed': 'Delete {title}',
    'teach.lesson.confirmDelete': 'Delete lesson "{title}"?',
    'teach.lesson.deleted': 'Lesson deleted.',
    'teach.lesson.editTitle': 'Lesson: {title}',
    'teach.lesson.where': '{code} · module {module} · position {position}',
    'teach.lesson.save': 'Save lesson',
    'teach.lesson.saved': 'Lesson saved.',
    'teach.lesson.preview': 'Preview',
    'teach.lesson.previewHeading': 'Preview',
    'teach.lesson.minutes': '{minutes} min',
    'teach.kind.TEXT': 'Text',
    'teach.kind.VIDEO': 'Video',
    'teach.kind.FILE': 'File',
    'teach.media': 'Video or file',
    'teach.media.none': 'No file attached yet.',
    'teach.media.current': '{type}, {size}',
    'teach.media.open': 'Open',
    'teach.media.file': 'File to upload',
    'teach.media.fileHint': 'MP4, WebM or Ogg video, PDF, PNG, JPEG or a ZIP-based document (docx, odt, epub). The type is read from the content.',
    'teach.media.upload': 'Upload',
    'teach.media.cancel': 'Cancel upload',
    'teach.media.progress': 'Upload progress',
    'teach.media.uploading': 'Uploading {name}…',
    'teach.media.uploaded': 'Upload complete: the lesson is now of kind {kind}.',
    'teach.media.cancelled': 'Upload cancelled.',
    'teach.media.choose': 'Choose a file first.',
    'teach.grades.title': 'Gradebook: {title}',
    'teach.grades.none': 'No students are enrolled in this course yet.',
    'teach.grades.count.one': '{count} student',
    'teach.grades.count.other': '{count} students',
    'teach.grades.help': 'Type a score from 0 to 100 and press Enter or leave the field to save it. Each cell shows whether it was saved.',
    'teach.grades.caption': 'Grades of {title}',
    'teach.grades.student': 'Student',
    'teach.grades.status': 'Enrolment',
    'teach.grades.course': 'Course grade',
    'teach.grades.comment': 'Comment',
    'teach.grades.module': 'Module {number}',
    'teach.grades.courseFor': 'Course grade of {name}',
    'teach.grades.commentFor': 'Comment on the course grade of {name}',
    'teach.grades.moduleFor': 'Module {number} grade of {name}',
    'teach.grades.saving': 'Saving…',
    'teach.grades.saved': 'Saved',
    'teach.grades.cannotClear': 'A grade cannot be removed; enter a score.',
    'teach.grades.scoreFirst': 'Enter the course grade first.',
    'teach.grades.unknownName': '(account removed)',
    'teach.status.ACTIVE': 'Active',
    'teach.status.CANCELLED': 'Cancelled',
    'teach.import': 'Import grades from CSV',
    'teach.import.help': 'One student per line: email,score or email,score,comment. A header line starting with "email" is skipped; a semicolon also separates fields.',
    'teach.import.file': 'CSV file',
    'teach.import.target': 'Grades for',
    'teach.import.apply': 'Import grades',
    'teach.import.progress': 'Import progress',
    'teach.import.running': 'Applying line {done} of {total}…',
    'teach.import.summary': 'Applied: {applied}. Failed: {failed}.',
    'teach.import.failures': 'Lines not applied',
    'teach.import.failure': 'Line {line} ({email}): {reason}',
    'teach.import.empty': 'The file has no grade lines.',
    'teach.import.unknownStudent': 'no student of this course has this email',
    'teach.import.badScore': 'the score is not a number',
    'teach.import.missing': 'an email and a score are needed',
    'teach.problem.fields': '{field}: {message}',
  },
  es: {
    'teach.title': 'Mi docencia',
    'teach.new': 'Nuevo curso',
    'teach.none': 'Todavía no tienes cursos.',
    'teach.count.one': '{count} curso',
    'teach.count.other': '{count} cursos',
    'teach.col.code': 'Código',
    'teach.col.title': 'Título',
    'teach.col.status': 'Estado',
    'teach.col.price': 'Precio',
    'teach.col.updated': 'Último cambio',
    'teach.col.actions': 'Acciones',
    'teach.status.published': 'Publicado',
    'teach.status.draft': 'Borrador',
    'teach.edit': 'Editar',
    'teach.edit.named': 'Editar {title}',
    'teach.gradebook': 'Calificaciones',
    'teach.gradebook.named': 'Calificaciones de {title}',
    'teach.inCatalog': 'Ver en el catálogo',
    'teach.chat': 'Chat del curso',
    'teach.back': 'Volver a mi docencia',
    'teach.backToCourse': 'Volver a {title}',
    'teach.course.code': 'Código',
    'teach.course.codeHint': 'De 2 a 6 letras mayúsculas, un guion y de 1 a 4 cifras, p. ej. MAT-101. No cambia nunca.',
    'teach.course.title': 'Título',
    'teach.course.description': 'Descripción',
    'teach.course.price': 'Precio',
    'teach.course.priceHint': '0 para un curso gratuito; dos decimales como máximo.',
    'teach.course.currency': 'Moneda',
    'teach.course.currencyHint': 'Código ISO 4217 como USD o EUR; vacío para la moneda por defecto de Aula.',
    'teach.course.create': 'Crear curso',
    'teach.course.created': 'Curso creado. No se publica hasta que lo publiques.',
    'teach.course.details': 'Datos',
    'teach.course.publishing': 'Publicación',
    'teach.course.isPublished': 'Los estudiantes lo encuentran en el catálogo y pueden inscribirse.',
    'teach.course.isDraft': 'Solo tú y los administradores lo veis.',
    'teach.course.publish': 'Publicar',
    'teach.course.unpublish': 'Retirar',
    'teach.course.published': 'Curso publicado.',
    'teach.course.unpublished': 'Curso retirado del catálogo.',
    'teach.course.delete': 'Eliminar curso',
    'teach.course.deleteHint': 'Solo se puede eliminar un curso en el que nunca se inscribió nadie; si no, retíralo.',
    'teach.course.confirmDelete': '¿Eliminar el curso {code} con todos sus módulos y lecciones? No se puede deshacer.',
    'teach.course.deleted': 'Curso eliminado.',
    'teach.course.hasEnrolments': 'Hay estudiantes inscritos en este curso, así que se conserva. Retíralo para sacarlo del catálogo.',
    'teach.course.danger': 'Eliminar',
    'teach.outline': 'Módulos y lecciones',
    'teach.outline.none': 'Todavía no hay módulos. Añade el primero abajo.',
    'teach.module.heading': 'Módulo {number}: {title}',
    'teach.module.title': 'Título del módulo',
    'teach.module.number': 'Número',
    'teach.module.numberHint': 'Opcional; sin él, el módulo va al final.',
    'teach.module.add': 'Añadir módulo',
    'teach.module.added': 'Módulo añadido.',
    'teach.module.save': 'Guardar módulo',
    'teach.module.saved': 'Módulo guardado.',
    'teach.module.delete': 'Eliminar módulo',
    'teach.module.confirmDelete': '¿Eliminar el módulo {number} «{title}» y todas sus lecciones?',
    'teach.module.deleted': 'Módulo eliminado.',
    'teach.module.newHeading': 'Nuevo módulo',
    'teach.lessons.none': 'Este módulo todavía no tiene lecciones.',
    'teach.lessons.caption': 'Lecciones del módulo {number}',
    'teach.lesson.position': 'Posición',
    'teach.lesson.title': 'Título de la lección',
    'teach.lesson.kind': 'Tipo',
    'teach.lesson.duration': 'Duración (minutos)',
    'teach.lesson.durationHint': 'Opcional; se guarda en segundos enteros.',
    'teach.lesson.body': 'Texto (Markdown)',
    'teach.lesson.bodyHint': 'Markdown: # título, **negrita**, *cursiva*, - listas, [enlace](https://...), ``` código ```.',
    'teach.lesson.add': 'Añadir lección',
    'teach.lesson.addTo': 'Añadir una lección al módulo {number}',
    'teach.lesson.added': 'Lección añadida.',
    'teach.lesson.hasMedia': 'con archivo',
    'teach.lesson.moveUp': 'Subir',
    'teach.lesson.moveDown': 'Bajar',
    'teach.lesson.moveUpNamed': 'Subir {title}',
    'teach.lesson.moveDownNamed': 'Bajar {title}',
    'teach.lesson.moved': 'Lección movida.',
    'teach.lesson.delete': 'Eliminar',
    'teach.lesson.deleteNamed': 'Eliminar {title}',
    'teach.lesson.confirmDelete': '¿Eliminar la lección «{title}»?',
    'teach.lesson.deleted': 'Lección eliminada.',
    'teach.lesson.editTitle': 'Lección: {title}',
    'teach.lesson.where': '{code} · módulo {module} · posición {position}',
    'teach.lesson.save': 'Guardar lección',
    'teach.lesson.saved': 'Lección guardada.',
    'teach.lesson.preview': 'Vista previa',
    'teach.lesson.previewHeading': 'Vista previa',
    'teach.lesson.minutes': '{minutes} min',
    'teach.kind.TEXT': 'Texto',
    'teach.kind.VIDEO': 'Vídeo',
    'teach.kind.FILE': 'Archivo',
    'teach.media': 'Vídeo o archivo',
    'teach.media.none': 'Todavía no hay ningún archivo.',
    'teach.media.current': '{type}, {size}',
    'teach.media.open': 'Abrir',
    'teach.media.file': 'Archivo que subir',
    'teach.media.fileHint': 'Vídeo MP4, WebM u Ogg, PDF, PNG, JPEG o un documento basado en ZIP (docx, odt, epub). El tipo se lee del contenido.',
    'teach.media.upload': 'Subir',
    'teach.media.cancel': 'Cancelar la subida',
    'teach.media.progress': 'Progreso de la subida',
    'teach.media.uploading': 'Subiendo {name}…',
    'teach.media.uploaded': 'Subida completa: la lección ahora es de tipo {kind}.',
    'teach.media.cancelled': 'Subida cancelada.',
    'teach.media.choose': 'Elige antes un archivo.',
    'teach.grades.title': 'Calificaciones: {title}',
    'teach.grades.none': 'Todavía no hay estudiantes inscritos en este curso.',
    'teach.grades.count.one': '{count} estudiante',
    'teach.grades.count.other': '{count} estudiantes',
    'teach.grades.help': 'Escribe una nota de 0 a 100 y pulsa Intro o sal del campo para guardarla. Cada celda indica si se guardó.',
    'teach.grades.caption': 'Calificaciones de {title}',
    'teach.grades.student': 'Estudiante',
    'teach.grades.status': 'Inscripción',
    'teach.grades.course': 'Nota del curso',
    'teach.grades.comment': 'Comentario',
    'teach.grades.module': 'Módulo {number}',
    'teach.grades.courseFor': 'Nota del curso de {name}',
    'teach.grades.commentFor': 'Comentario sobre la nota del curso de {name}',
    'teach.grades.moduleFor': 'Nota del módulo {number} de {name}',
    'teach.grades.saving': 'Guardando…',
    'teach.grades.saved': 'Guardada',
    'teach.grades.cannotClear': 'Una nota no se puede borrar; escribe una puntuación.',
    'teach.grades.scoreFirst': 'Escribe antes la nota del curso.',
    'teach.grades.unknownName': '(cuenta eliminada)',
    'teach.status.ACTIVE': 'Activa',
    'teach.status.CANCELLED': 'Cancelada',
    'teach.import': 'Importar notas desde CSV',
    'teach.import.help': 'Un estudiante por línea: email,nota o email,nota,comentario. Se omite una cabecera que empiece por «email»; el punto y coma también separa campos.',
    'teach.import.file': 'Archivo CSV',
    'teach.import.target': 'Notas de',
    'teach.import.apply': 'Importar notas',
    'teach.import.progress': 'Progreso de la importación',
    'teach.import.running': 'Aplicando la línea {done} de {total}…',
    'teach.import.summary': 'Aplicadas: {applied}. Con errores: {failed}.',
    'teach.import.failures': 'Líneas no aplicadas',
    'teach.import.failure': 'Línea {line} ({email}): {reason}',
    'teach.import.empty': 'El archivo no tiene líneas de notas.',
    'teach.import.unknownStudent': 'ningún estudiante del curso tiene este email',
    'teach.import.badScore': 'la nota no es un número',
    'teach.import.missing': 'hacen falta un email y una nota',
    'teach.problem.fields': '{field}: {message}',
  },
});

const PAGE_SIZE = 20;
const KINDS = ['TEXT', 'VIDEO', 'FILE'];
const CODE_PATTERN = '[A-Z]{2,6}-[0-9]{1,4}';
const enc = encodeURIComponent;

// ---------------------------------------------------------------- shared pieces

function input(props) {
  return h('input', { ...props });
}

/** An input whose value is kept in capitals as it is typed, caret in place. */
function capitals(props) {
  const element = input({ autocapitalize: 'characters', spellcheck: 'false', ...props });
  element.addEventListener('input', () => {
    const { selectionStart, selectionEnd } = element;
    element.value = element.value.toUpperCase();
    element.setSelectionRange(selectionStart, selectionEnd);
  });
  return element;
}

function kindSelect(name, selected) {
  return h('select', { name }, KINDS.map((kind) => h('option', { value: kind, selected: kind === selected }, t(`teach.kind.${kind}`))));
}

function minutesOf(seconds) {
  return (seconds === null || seconds === undefined) ? '' : String(Math.round((seconds / 60) * 100) / 100);
}

/** Whole seconds from a minutes field, or undefined when it is empty. */
function secondsFrom(minutes) {
  const text = String(minutes ?? '').trim();
  return text === '' ? undefined : Math.round(Number(text) * 60);
}

function durationInput(seconds) {
  return input({ type: 'number', name: 'duration', min: '0', step: 'any', inputmode: 'decimal', value: minutesOf(seconds) });
}

/** A count with the noun in the right number: key.one or key.other. */
function counted(key, count) {
  const form = new Intl.PluralRules(lang()).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}`, { count: formatNumber(count) });
}

/** One line for a failed request: the detail, else the first field error, else the title. */
function problemText(problem) {
  const error = Array.isArray(problem?.errors) ? problem.errors[0] : null;
  if (error) {
    return t('teach.problem.fields', { field: error.field || error.name, message: error.message || error.reason });
  }
  if (problem?.status === 0) {
    return t('problem.network');
  }
  return problem?.detail || problem?.title || t('problem.generic');
}

function isProblemType(problem, slug) {
  return typeof problem?.type === 'string' && problem.type.endsWith(`:${slug}`);
}

/** A status line that screen readers hear when it changes. */
function statusLine() {
  return h('div', { class: 'form-messages', 'aria-live': 'polite' });
}

function success(slot, text) {
  replace(slot, h('p', { class: 'success', role: 'status' }, text));
}

/** Shows a failed action's problem and moves focus to it, since the button may be far away. */
function showActionProblem(slot, problem) {
  showProblem(slot, problem);
  const box = slot.querySelector('[role=alert]');
  if (box) {
    box.setAttribute('tabindex', '-1');
    box.focus();
  }
}

function coursePath(code, rest = '') {
  return `/teach/${enc(code)}${rest}`;
}

function loadCourse(code) {
  return api('GET', `/api/courses/${enc(code)}`);
}

// ---------------------------------------------------------------- my courses

async function courses({ query: params, navigate, title }) {
  title(t('teach.title'));
  const page = Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0);
  const result = await api('GET', `/api/me/taught-courses${query({ page, size: PAGE_SIZE })}`);
  const rows = result.items.map((course) => h('tr', {},
    h('th', { scope: 'row' }, course.code),
    h('td', {}, h('a', { href: coursePath(course.code) }, course.title)),
    h('td', {}, h('span', { class: course.published ? 'state-ok' : 'state-warning' },
      t(course.published ? 'teach.status.published' : 'teach.status.draft'))),
    h('td', {}, formatMoney(course.price, course.currency)),
    h('td', {}, formatDateTime(course.updatedAt)),
    h('td', {}, h('div', { class: 'row-actions' },
      h('a', { href: coursePath(course.code), 'aria-label': t('teach.edit.named', { title: course.title }) }, t('teach.edit')),
      h('a', { href: coursePath(course.code, '/gradebook'), 'aria-label': t('teach.gradebook.named', { title: course.title }) },
        t('teach.gradebook')),
      course.published ? h('a', { href: `/courses/${enc(course.code)}` }, t('teach.inCatalog')) : null))));
  return [
    heading(t('teach.title')),
    h('div', { class: 'actions' }, h('a', { class: 'button primary', href: '/teach/new' }, t('teach.new'))),
    h('p', { class: 'meta' }, counted('teach.count', result.totalItems)),
    rows.length
      ? h('div', { class: 'table-scroll' }, h('table', { class: 'teach-courses' },
        h('caption', { class: 'visually-hidden' }, t('teach.title')),
        h('thead', {}, h('tr', {}, ['code', 'title', 'status', 'price', 'updated', 'actions']
          .map((column) => h('th', { scope: 'col' }, t(`teach.col.${column}`))))),
        h('tbody', {}, rows)))
      : empty(t('teach.none')),
    pager(result.page, result.totalPages, (next) => navigate(`/teach${query({ page: next || null })}`)),
  ];
}

// ---------------------------------------------------------------- new course

function courseFields(course = {}) {
  return [
    field(t('teach.course.title'), input({ name: 'title', required: true, maxlength: '200', value: course.title })),
    field(t('teach.course.description'), h('textarea', { name: 'description', maxlength: '10000', rows: '5' }, course.description || '')),
    h('div', { class: 'field-row' },
      field(t('teach.course.price'), input({ type: 'number', name: 'price', min: '0', max: '99999999.99', step: '0.01', inputmode: 'decimal',
        required: true, value: course.price ?? '0' }), t('teach.course.priceHint')),
      field(t('teach.course.currency'), capitals({ name: 'currency', maxlength: '3', pattern: '[A-Z]{3}', size: '4',
        value: course.currency, placeholder: 'USD' }), t('teach.course.currencyHint'))),
  ];
}

function courseBody(data) {
  const currency = data.get('currency').trim();
  return {
    title: data.get('title').trim(),
    description: data.get('description'),
    price: Number(data.get('price')),
    ...(currency ? { currency } : {}),
  };
}

async function newCourse({ navigate, title }) {
  title(t('teach.new'));
  return [
    heading(t('teach.new')),
    form({ class: 'narrow', 'aria-label': t('teach.new') }, [
      field(t('teach.course.code'), capitals({ name: 'code', required: true, maxlength: '11', pattern: CODE_PATTERN,
        title: t('teach.course.codeHint'), placeholder: 'MAT-101' }), t('teach.course.codeHint')),
      courseFields(),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'primary' }, t('teach.course.create')),
        h('a', { href: '/teach' }, t('common.cancel'))),
    ], async (data) => {
      const code = data.get('code').trim().toUpperCase();
      await api('POST', '/api/courses', { body: { code, ...courseBody(data) } });
      announce(t('teach.course.created'));
      navigate(coursePath(code), { replace: true });
    }),
  ];
}

// ---------------------------------------------------------------- course editor

async function editCourse({ params, navigate, title }) {
  let detail = await loadCourse(params.code);
  const code = detail.code;
  title(detail.title);
  const pageHeading = heading(detail.title);
  const catalogLink = h('a', { href: `/courses/${enc(code)}` }, t('teach.inCatalog'));
  catalogLink.hidden = !detail.published;

  // Publishing
  const publishState = h('p', {});
  const publishButton = h('button', { type: 'button' });
  const publishSlot = statusLine();
  const showPublishing = () => {
    replace(publishState, h('span', { class: detail.published ? 'state-ok' : 'state-warning' },
      t(detail.published ? 'teach.status.published' : 'teach.status.draft')), ' — ',
    t(detail.published ? 'teach.course.isPublished' : 'teach.course.isDraft'));
    publishButton.textContent = t(detail.published ? 'teach.course.unpublish' : 'teach.course.publish');
    publishButton.className = detail.published ? '' : 'primary';
    catalogLink.hidden = !detail.published;
  };
  publishButton.addEventListener('click', async () => {
    publishButton.disabled = true;
    showProblem(publishSlot, null);
    try {
      const updated = await api('PATCH', `/api/courses/${enc(code)}`, { body: { published: !detail.published } });
      detail = { ...detail, published: updated.published };
      showPublishing();
      success(publishSlot, t(updated.published ? 'teach.course.published' : 'teach.course.unpublished'));
    } catch (problem) {
      showProblem(publishSlot, problem);
    } finally {
      publishButton.disabled = false;
    }
  });
  showPublishing();

  // Details
  const detailsDone = statusLine();
  const detailsForm = form({ class: 'narrow', 'aria-labelledby': 'course-details' }, [
    courseFields(detail),
    h('button', { type: 'submit', class: 'primary' }, t('common.save')),
    detailsDone,
  ], async (data) => {
    replace(detailsDone);
    const updated = await api('PATCH', `/api/courses/${enc(code)}`, { body: courseBody(data) });
    detail = { ...detail, ...updated, modules: detail.modules };
    pageHeading.textContent = updated.title;
    title(updated.title);
    success(detailsDone, t('common.saved'));
  });

  // Outline
  const outline = h('div', { class: 'outline-editor' });
  // Outside the redrawn outline, so a problem stays visible after the redraw.
  const outlineSlot = h('div', { class: 'form-messages' });
  const reload = async (...focusKeys) => {
    detail = await loadCourse(code);
    renderOutline(outline, detail, reload, outlineSlot);
    const target = focusKeys.map((key) => outline.querySelector(`[data-focus="${key}"]`))
      .find((element) => element && !element.disabled);
    (target || outline.querySelector('h3'))?.focus();
  };
  renderOutline(outline, detail, reload, outlineSlot);

  // Deleting
  const dangerSlot = h('div', { class: 'form-messages' });
  const deleteButton = h('button', { type: 'button', class: 'danger' }, t('teach.course.delete'));
  deleteButton.addEventListener('click', async () => {
    if (!window.confirm(t('teach.course.confirmDelete', { code }))) {
      return;
    }
    deleteButton.disabled = true;
    showProblem(dangerSlot, null);
    try {
      await api('DELETE', `/api/courses/${enc(code)}`);
      announce(t('teach.course.deleted'));
      navigate('/teach', { replace: true });
    } catch (problem) {
      showProblem(dangerSlot, problem);
      if (isProblemType(problem, 'course-has-enrolments')) {
        dangerSlot.append(h('p', { class: 'note' }, t('teach.course.hasEnrolments')));
      }
      deleteButton.disabled = false;
    }
  });

  return [
    pageHeading,
    h('p', { class: 'meta' }, code),
    h('nav', { class: 'actions', 'aria-label': t('teach.col.actions') },
      h('a', { href: coursePath(code, '/gradebook') }, t('teach.gradebook')),
      h('a', { href: `/chat/${enc(detail.id)}` }, t('teach.chat')),
      catalogLink,
      h('a', { href: '/teach' }, t('teach.back'))),
    h('section', { 'aria-labelledby': 'course-publishing' },
      h('h2', { id: 'course-publishing' }, t('teach.course.publishing')),
      publishState, publishSlot, h('div', { class: 'actions' }, publishButton)),
    h('section', { 'aria-labelledby': 'course-details' },
      h('h2', { id: 'course-details' }, t('teach.course.details')), detailsForm),
    h('section', { 'aria-labelledby': 'course-outline' },
      h('h2', { id: 'course-outline', tabindex: '-1' }, t('teach.outline')), outlineSlot, outline),
    h('section', { 'aria-labelledby': 'course-danger', class: 'danger-zone' },
      h('h2', { id: 'course-danger' }, t('teach.course.danger')),
      h('p', { class: 'hint' }, t('teach.course.deleteHint')), dangerSlot, deleteButton),
  ];
}

/** Draws the modules and lessons; every change reloads the course and draws again. */
function renderOutline(root, detail, reload, slot) {
  const code = detail.code;
  const modules = [...detail.modules].sort((a, b) => a.number - b.number);
  replace(root,
    modules.length ? modules.map((module) => moduleBlock(code, module, reload, slot)) : empty(t('teach.outline.none')),
    newModuleForm(code, reload));
}

function moduleBlock(code, module, reload, slot) {
  const headingId = `module-${module.number}`;
  const lessons = [...module.lessons].sort((a, b) => a.position - b.position);
  const modulePath = `/api/courses/${enc(code)}/modules/${module.number}`;

  const deleteButton = h('button', { type: 'button', class: 'danger' }, t('teach.module.delete'));
  deleteButton.addEventListener('click', async () => {
    if (!window.confirm(t('teach.module.confirmDelete', { number: module.number, title: module.title }))) {
      return;
    }
    await act(slot, deleteButton, async () => {
      await api('DELETE', modulePath);
      announce(t('teach.module.deleted'));
      await reload('new-module');
    });
  });

  const editForm = form({ class: 'module-form', 'aria-label': t('teach.module.heading', { number: module.number, title: module.title }) }, [
    h('div', { class: 'toolbar' },
      field(t('teach.module.title'), input({ name: 'title', required: true, maxlength: '200', value: module.title })),
      field(t('teach.module.number'), input({ type: 'number', name: 'number', required: true, min: '1', max: '10000', step: '1',
        value: String(module.number), class: 'narrow-number' })),
      h('button', { type: 'submit', 'data-focus': `module-save-${module.number}` }, t('teach.module.save')),
      deleteButton),
  ], async (data) => {
    const number = Number(data.get('number'));
    const changes = { title: data.get('title').trim() };
    if (number !== module.number) {
      changes.number = number;
    }
    const saved = await api('PATCH', modulePath, { body: changes });
    announce(t('teach.module.saved'));
    await reload(`module-save-${saved.number}`);
  });

  return h('section', { class: 'module-block', 'aria-labelledby': headingId },
    h('h3', { id: headingId, tabindex: '-1', 'data-focus': `module-${module.number}` },
      t('teach.module.heading', { number: module.number, title: module.title })),
    editForm,
    lessons.length ? lessonTable(code, module, lessons, slot, reload) : empty(t('teach.lessons.none')),
    newLessonForm(code, module, reload));
}

/** Runs a button's action with the button disabled and a failure shown in the slot. */
async function act(slot, button, action) {
  button.disabled = true;
  showProblem(slot, null);
  try {
    await action();
  } catch (problem) {
    showActionProblem(slot, problem);
  } finally {
    button.disabled = false;
  }
}

function lessonTable(code, module, lessons, slot, reload) {
  const move = async (index, step, button) => {
    const lesson = lessons[index];
    const other = lessons[index + step];
    // Positions are unique within a module, so the swap parks one lesson on a free
    // position first.
    const free = Math.max(...lessons.map((each) => each.position)) + 1;
    await act(slot, button, async () => {
      try {
        await api('PATCH', `/api/lessons/${lesson.id}`, { body: { position: free } });
        await api('PATCH', `/api/lessons/${other.id}`, { body: { position: lesson.position } });
        await api('PATCH', `/api/lessons/${lesson.id}`, { body: { position: other.position } });
        announce(t('teach.lesson.moved'));
      } finally {
        // Whatever happened, show the positions as they are now.
        await reload(`${step < 0 ? 'up' : 'down'}-${lesson.id}`, `${step < 0 ? 'down' : 'up'}-${lesson.id}`, `lesson-${lesson.id}`);
      }
    });
  };
  const rows = lessons.map((lesson, index) => {
    const up = h('button', { type: 'button', class: 'icon-button', disabled: index === 0, 'data-focus': `up-${lesson.id}`,
      'aria-label': t('teach.lesson.moveUpNamed', { title: lesson.title }), title: t('teach.lesson.moveUp') }, '↑');
    const down = h('button', { type: 'button', class: 'icon-button', disabled: index === lessons.length - 1,
      'data-focus': `down-${lesson.id}`, 'aria-label': t('teach.lesson.moveDownNamed', { title: lesson.title }),
      title: t('teach.lesson.moveDown') }, '↓');
    const remove = h('button', { type: 'button', class: 'danger', 'aria-label': t('teach.lesson.deleteNamed', { title: lesson.title }) },
      t('teach.lesson.delete'));
    up.addEventListener('click', () => move(index, -1, up));
    down.addEventListener('click', () => move(index, 1, down));
    remove.addEventListener('click', async () => {
      if (!window.confirm(t('teach.lesson.confirmDelete', { title: lesson.title }))) {
        return;
      }
      await act(slot, remove, async () => {
        await api('DELETE', `/api/lessons/${lesson.id}`);
        announce(t('teach.lesson.deleted'));
        await reload(`module-${module.number}`);
      });
    });
    return h('tr', {},
      h('td', {}, String(lesson.position)),
      h('th', { scope: 'row' }, h('a', { href: coursePath(code, `/lessons/${lesson.id}`), 'data-focus': `lesson-${lesson.id}` }, lesson.title)),
      h('td', {}, t(`teach.kind.${lesson.kind}`), lesson.media ? h('small', { class: 'meta' }, ` · ${t('teach.lesson.hasMedia')}`) : null),
      h('td', {}, lesson.durationSeconds != null ? t('teach.lesson.minutes', { minutes: minutesOf(lesson.durationSeconds) }) : '—'),
      h('td', {}, h('div', { class: 'row-actions' }, up, down, remove)));
  });
  return h('div', { class: 'table-scroll' }, h('table', { class: 'lessons' },
    h('caption', { class: 'visually-hidden' }, t('teach.lessons.caption', { number: module.number })),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('teach.lesson.position')),
      h('th', { scope: 'col' }, t('teach.lesson.title')),
      h('th', { scope: 'col' }, t('teach.lesson.kind')),
      h('th', { scope: 'col' }, t('teach.lesson.duration')),
      h('th', { scope: 'col' }, t('teach.col.actions')))),
    h('tbody', {}, rows)));
}

function newLessonForm(code, module, reload) {
  return h('details', { class: 'add-lesson' },
    h('summary', {}, t('teach.lesson.addTo', { number: module.number })),
    form({ 'aria-label': t('teach.lesson.addTo', { number: module.number }) }, [
      field(t('teach.lesson.title'), input({ name: 'title', required: true, maxlength: '200' })),
      h('div', { class: 'field-row' },
        field(t('teach.lesson.kind'), kindSelect('kind', 'TEXT')),
        field(t('teach.lesson.duration'), durationInput(null), t('teach.lesson.durationHint'))),
      field(t('teach.lesson.body'), h('textarea', { name: 'body', maxlength: '100000', rows: '6' }), t('teach.lesson.bodyHint')),
      h('button', { type: 'submit', class: 'primary' }, t('teach.lesson.add')),
    ], async (data) => {
      const body = data.get('body');
      const lesson = await api('POST', `/api/courses/${enc(code)}/modules/${module.number}/lessons`, {
        body: {
          title: data.get('title').trim(),
          kind: data.get('kind'),
          ...(body ? { body } : {}),
          ...(secondsFrom(data.get('duration')) !== undefined ? { durationSeconds: secondsFrom(data.get('duration')) } : {}),
        },
      });
      announce(t('teach.lesson.added'));
      await reload(`lesson-${lesson.id}`);
    }));
}

function newModuleForm(code, reload) {
  return h('section', { class: 'new-module', 'aria-labelledby': 'new-module' },
    h('h3', { id: 'new-module', tabindex: '-1', 'data-focus': 'new-module' }, t('teach.module.newHeading')),
    form({ 'aria-labelledby': 'new-module' }, [
      h('div', { class: 'toolbar' },
        field(t('teach.module.title'), input({ name: 'title', required: true, maxlength: '200' })),
        field(t('teach.module.number'), input({ type: 'number', name: 'number', min: '1', max: '10000', step: '1', class: 'narrow-number' }),
          t('teach.module.numberHint')),
        h('button', { type: 'submit', class: 'primary' }, t('teach.module.add'))),
    ], async (data) => {
      const number = data.get('number');
      const module = await api('POST', `/api/courses/${enc(code)}/modules`, {
        body: { title: data.get('title').trim(), ...(number ? { number: Number(number) } : {}) },
      });
      announce(t('teach.module.added'));
      await reload(`module-${module.number}`);
    }));
}

// ---------------------------------------------------------------- lesson editor

/** Whether the page's import map knows a module, so an optional one is only asked for if it is there. */
function hasModule(name) {
  try {
    const map = JSON.parse(document.querySelector('script[type="importmap"]')?.textContent || '{}');
    return Boolean(map.imports?.[`/assets/${name}`]);
  } catch {
    return false;
  }
}

async function markdownRenderer() {
  if (!hasModule('markdown.js')) {
    return null;
  }
  try {
    return (await import('./markdown.js')).renderMarkdown || null;
  } catch {
    return null;
  }
}

/**
 * Sends a file as multipart "file" with upload progress, which fetch cannot report.
 * Resolves to the parsed JSON; rejects with a Problem (status 0 for a network failure,
 * 'AbortError' when cancelled).
 */
function uploadFile(path, file, onProgress, onStart) {
  const attempt = () => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = accessToken();
    if (token) {
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(Math.round((event.loaded / event.total) * 100));
      }
    });
    xhr.addEventListener('load', () => {
      let body = {};
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : {};
      } catch {
        body = {};
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(body);
      } else {
        const retryAfter = xhr.getResponseHeader('Retry-After');
        reject(new Problem(xhr.status, body, retryAfter ? Number.parseInt(retryAfter, 10) : null));
      }
    });
    xhr.addEventListener('error', () => reject(new Problem(0, { title: 'Network error' })));
    xhr.addEventListener('abort', () => reject(new DOMException('Upload cancelled', 'AbortError')));
    const data = new FormData();
    data.append('file', file);
    onStart(xhr);
    xhr.send(data);
  });
  return attempt().catch(async (problem) => {
    // An access token that expired during a long upload: refresh once and send again.
    if (problem instanceof Problem && problem.status === 401) {
      await refresh();
      onProgress(0);
      return attempt();
    }
    throw problem;
  });
}

async function editLesson({ params, title, onLeave }) {
  let lesson = await api('GET', `/api/lessons/${enc(params.lesson)}`);
  const code = lesson.courseCode;
  title(lesson.title);
  const pageHeading = heading(t('teach.lesson.editTitle', { title: lesson.title }));
  const where = h('p', { class: 'meta' });
  const showWhere = () => replace(where, t('teach.lesson.where', { code, module: lesson.moduleNumber, position: lesson.position }));
  showWhere();

  // Text
  const kind = kindSelect('kind', lesson.kind);
  const bodyInput = h('textarea', { name: 'body', maxlength: '100000', rows: '16', class: 'markdown-source' }, lesson.body || '');
  const saved = statusLine();
  const render = await markdownRenderer();
  let previewPart = null;
  if (render) {
    const preview = h('div', { class: 'markdown-preview lesson-body', id: 'lesson-preview' });
    const toggle = h('button', { type: 'button', 'aria-pressed': 'false', 'aria-controls': 'lesson-preview' }, t('teach.lesson.preview'));
    preview.hidden = true;
    let timer = null;
    const draw = () => replace(preview, h('h2', { class: 'visually-hidden' }, t('teach.lesson.previewHeading')), render(bodyInput.value));
    toggle.addEventListener('click', () => {
      const on = toggle.getAttribute('aria-pressed') !== 'true';
      toggle.setAttribute('aria-pressed', String(on));
      preview.hidden = !on;
      if (on) {
        draw();
      }
    });
    bodyInput.addEventListener('input', () => {
      if (!preview.hidden) {
        clearTimeout(timer);
        timer = setTimeout(draw, 250);
      }
    });
    onLeave(() => clearTimeout(timer));
    previewPart = [h('div', { class: 'actions' }, toggle), preview];
  }
  const lessonForm = form({ 'aria-label': t('teach.lesson.save') }, [
    field(t('teach.lesson.title'), input({ name: 'title', required: true, maxlength: '200', value: lesson.title })),
    h('div', { class: 'field-row' },
      field(t('teach.lesson.kind'), kind),
      field(t('teach.lesson.duration'), durationInput(lesson.durationSeconds), t('teach.lesson.durationHint'))),
    field(t('teach.lesson.body'), bodyInput, t('teach.lesson.bodyHint')),
    previewPart,
    h('button', { type: 'submit', class: 'primary' }, t('teach.lesson.save')),
    saved,
  ], async (data) => {
    replace(saved);
    const seconds = secondsFrom(data.get('duration'));
    lesson = await api('PATCH', `/api/lessons/${lesson.id}`, {
      body: {
        title: data.get('title').trim(),
        kind: data.get('kind'),
        body: data.get('body'),
        ...(seconds !== undefined ? { durationSeconds: seconds } : {}),
      },
    });
    pageHeading.textContent = t('teach.lesson.editTitle', { title: lesson.title });
    title(lesson.title);
    showWhere();
    success(saved, t('teach.lesson.saved'));
  });

  // Media
  const current = h('div', { class: 'media-current' });
  const showMedia = () => replace(current, mediaView(lesson.media));
  showMedia();
  const fileInput = input({ type: 'file', name: 'file',
    accept: 'video/mp4,video/webm,video/ogg,application/pdf,image/png,image/jpeg,.docx,.xlsx,.pptx,.odt,.ods,.odp,.epub,.zip' });
  const bar = progress(0, t('teach.media.progress'));
  const barElement = bar.querySelector('progress');
  const barValue = bar.querySelector('.progress-value');
  const setProgress = (percent) => {
    barElement.value = percent;
    barValue.textContent = `${percent} %`;
  };
  bar.hidden = true;
  const uploadSlot = h('div', { class: 'form-messages' });
  const uploadStatus = h('p', { class: 'meta', 'aria-live': 'polite' });
  const uploadButton = h('button', { type: 'submit', class: 'primary' }, t('teach.media.upload'));
  const cancelButton = h('button', { type: 'button', hidden: true }, t('teach.media.cancel'));
  let request = null;
  cancelButton.addEventListener('click', () => request?.abort());
  onLeave(() => request?.abort());
  const uploadForm = h('form', { class: 'upload', 'aria-labelledby': 'lesson-media', novalidate: true },
    uploadSlot,
    field(t('teach.media.file'), fileInput, t('teach.media.fileHint')),
    h('div', { class: 'actions' }, uploadButton, cancelButton, bar),
    uploadStatus);
  uploadForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = fileInput.files[0];
    showProblem(uploadSlot, null);
    if (!file) {
      replace(uploadStatus, t('teach.media.choose'));
      fileInput.focus();
      return;
    }
    uploadButton.disabled = true;
    fileInput.disabled = true;
    cancelButton.hidden = false;
    bar.hidden = false;
    setProgress(0);
    replace(uploadStatus, t('teach.media.uploading', { name: file.name }));
    try {
      lesson = await uploadFile(`/api/lessons/${lesson.id}/media`, file, setProgress, (xhr) => { request = xhr; });
      kind.value = lesson.kind;
      showMedia();
      replace(uploadStatus, h('span', { class: 'state-ok' }, t('teach.media.uploaded', { kind: t(`teach.kind.${lesson.kind}`) })));
      fileInput.value = '';
    } catch (problem) {
      if (problem?.name === 'AbortError') {
        replace(uploadStatus, t('teach.media.cancelled'));
        bar.hidden = true;
      } else {
        replace(uploadStatus);
        showProblem(uploadSlot, problem);
      }
    } finally {
      request = null;
      uploadButton.disabled = false;
      fileInput.disabled = false;
      cancelButton.hidden = true;
    }
  });

  return [
    pageHeading,
    where,
    h('nav', { class: 'actions', 'aria-label': t('teach.col.actions') },
      h('a', { href: coursePath(code) }, t('teach.backToCourse', { title: code }))),
    lessonForm,
    h('section', { 'aria-labelledby': 'lesson-media' },
      h('h2', { id: 'lesson-media' }, t('teach.media')),
      current,
      uploadForm),
  ];
}

/**
 * The attached file. Aula's media links are signed for the caller, so a plain link and a
 * <video> (which cannot send a token, yet must seek) work as they are.
 */
function mediaView(media) {
  if (!media) {
    return empty(t('teach.media.none'));
  }
  // The page's CSP shows media from this site only; a CDN link stays a link.
  const sameSite = new URL(media.url, location.href).origin === location.origin;
  let preview = null;
  if (sameSite && media.contentType.startsWith('video/')) {
    preview = h('video', { src: media.url, controls: true, preload: 'metadata', 'aria-label': t('teach.media') });
  } else if (sameSite && media.contentType.startsWith('image/')) {
    preview = h('img', { src: media.url, alt: '' });
  }
  return [
    h('p', {}, t('teach.media.current', { type: media.contentType, size: formatBytes(media.size) }), ' · ',
      h('a', { href: media.url, target: '_blank', rel: 'noopener noreferrer' }, t('teach.media.open'))),
    preview ? h('div', { class: 'media-preview' }, preview) : null,
  ];
}

// ---------------------------------------------------------------- gradebook

function gradeKey(studentId, module) {
  return `${studentId}|${module || 0}`;
}

/** Fields of a CSV text, quotes honoured; commas or, for spreadsheets set so, semicolons. */
function parseCsv(text) {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] || '';
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows = [];
  let row = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        value += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        value += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === separator) {
      row.push(value);
      value = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') {
        i += 1;
      }
      row.push(value);
      rows.push(row);
      row = [];
      value = '';
    } else {
      value += char;
    }
  }
  if (value !== '' || row.length) {
    row.push(value);
    rows.push(row);
  }
  return { rows, separator };
}

async function gradebook({ params, title }) {
  const code = params.code;
  const [detail, students, gradeList] = await Promise.all([
    loadCourse(code),
    api('GET', `/api/courses/${enc(code)}/enrolments`),
    api('GET', `/api/courses/${enc(code)}/grades`),
  ]);
  title(t('teach.grades.title', { title: detail.title }));
  const modules = [...detail.modules].sort((a, b) => a.number - b.number);
  const grades = new Map(gradeList.map((grade) => [gradeKey(grade.studentId, grade.module), grade]));
  const sorted = [...students].sort((a, b) => (a.fullName || '').localeCompare(b.fullName || '') || (a.email || '').localeCompare(b.email || ''));
  const cells = new Map();
  const gradePath = (studentId) => `/api/courses/${enc(code)}/grades/${enc(studentId)}`;

  const setState = (state, kind, text) => {
    state.className = `cell-state ${kind === 'ok' ? 'state-ok' : kind === 'error' ? 'state-act' : 'meta'}`;
    state.textContent = text;
  };

  /** One editable grade: the course's (with its comment) or a module's. */
  const gradeCell = (student, module, name) => {
    const key = gradeKey(student.studentId, module);
    const active = student.status === 'ACTIVE';
    const score = input({ type: 'number', min: '0', max: '100', step: '0.01', inputmode: 'decimal', class: 'grade-input',
      value: grades.get(key)?.score ?? '', disabled: !active, 'data-grade': key,
      'aria-label': module ? t('teach.grades.moduleFor', { number: module, name }) : t('teach.grades.courseFor', { name }) });
    const comment = module ? null : input({ type: 'text', maxlength: '2000', class: 'grade-comment', disabled: !active,
      value: grades.get(key)?.comment ?? '', 'data-comment': key, 'aria-label': t('teach.grades.commentFor', { name }) });
    const state = h('span', { class: 'cell-state', 'aria-live': 'polite' });
    const last = { score: score.value, comment: comment?.value ?? null };
    let saving = null;
    const show = (grade) => {
      score.value = grade.score;
      last.score = score.value;
      if (comment) {
        comment.value = grade.comment ?? '';
        last.comment = comment.value;
      }
      score.removeAttribute('aria-invalid');
      setState(state, 'ok', t('teach.grades.saved'));
    };
    const save = async () => {
      const value = score.value.trim();
      const note = comment ? comment.value : (grades.get(key)?.comment ?? null);
      if (value === last.score && (!comment || note === last.comment)) {
        return;
      }
      if (value === '') {
        score.setAttribute('aria-invalid', 'true');
        setState(state, 'error', score.validity.badInput ? t('teach.import.badScore')
          : last.score === '' ? t('teach.grades.scoreFirst') : t('teach.grades.cannotClear'));
        return;
      }
      const body = { score: Number(value), ...(note ? { comment: note } : {}), ...(module ? { module } : {}) };
      const sent = JSON.stringify(body);
      if (saving === sent) {
        return;
      }
      saving = sent;
      setState(state, 'busy', t('teach.grades.saving'));
      try {
        const grade = await api('PUT', gradePath(student.studentId), { body });
        grades.set(key, grade);
        show(grade);
      } catch (problem) {
        score.setAttribute('aria-invalid', 'true');
        setState(state, 'error', problemText(problem));
      } finally {
        saving = null;
      }
    };
    [score, comment].filter(Boolean).forEach((element) => {
      element.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          save();
        }
      });
      element.addEventListener('blur', save);
    });
    cells.set(key, { show });
    return { score, comment, state };
  };

  const rows = sorted.map((student) => {
    const name = student.fullName || student.email || t('teach.grades.unknownName');
    const course = gradeCell(student, null, name);
    return h('tr', { 'data-student': student.studentId },
      h('th', { scope: 'row' }, h('span', { class: 'student-name' }, name),
        student.email ? h('small', { class: 'meta student-email' }, student.email) : null),
      h('td', {}, t(`teach.status.${student.status}`)),
      h('td', { class: 'grade-cell' }, course.score, course.state),
      h('td', { class: 'comment-cell' }, course.comment),
      modules.map((module) => {
        const cell = gradeCell(student, module.number, name);
        return h('td', { class: 'grade-cell' }, cell.score, cell.state);
      }));
  });

  const table = rows.length
    ? h('div', { class: 'table-scroll' }, h('table', { class: 'gradebook' },
      h('caption', { class: 'visually-hidden' }, t('teach.grades.caption', { title: detail.title })),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('teach.grades.student')),
        h('th', { scope: 'col' }, t('teach.grades.status')),
        h('th', { scope: 'col' }, t('teach.grades.course')),
        h('th', { scope: 'col' }, t('teach.grades.comment')),
        modules.map((module) => h('th', { scope: 'col', title: module.title },
          t('teach.grades.module', { number: module.number }), h('small', { class: 'meta module-title' }, module.title))))),
      h('tbody', {}, rows)))
    : empty(t('teach.grades.none'));

  return [
    heading(t('teach.grades.title', { title: detail.title })),
    h('nav', { class: 'actions', 'aria-label': t('teach.col.actions') },
      h('a', { href: coursePath(detail.code) }, t('teach.backToCourse', { title: detail.code })),
      h('a', { href: '/teach' }, t('teach.back'))),
    h('p', { class: 'meta' }, counted('teach.grades.count', students.length)),
    rows.length ? h('p', { class: 'hint', id: 'gradebook-help' }, t('teach.grades.help')) : null,
    table,
    rows.length ? importSection(code, detail.modules, students, grades, cells, gradePath) : null,
  ];
}

function importSection(code, modules, students, grades, cells, gradePath) {
  const byEmail = new Map(students.filter((student) => student.email)
    .map((student) => [student.email.toLowerCase(), student]));
  const target = h('select', { name: 'target' },
    h('option', { value: '' }, t('teach.grades.course')),
    [...modules].sort((a, b) => a.number - b.number)
      .map((module) => h('option', { value: String(module.number) }, `${t('teach.grades.module', { number: module.number })}: ${module.title}`)));
  const file = input({ type: 'file', name: 'csv', accept: '.csv,text/csv,text/plain', required: true });
  const result = h('div', { 'aria-live': 'polite' });
  const bar = progress(0, t('teach.import.progress'));
  bar.hidden = true;
  const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

  const apply = async (data) => {
    const module = data.get('target') ? Number(data.get('target')) : null;
    const { rows, separator } = parseCsv(await file.files[0].text());
    const lines = rows.map((fields, index) => ({ fields: fields.map((each) => each.trim()), line: index + 1 }))
      .filter(({ fields }) => fields.some(Boolean))
      .filter(({ fields, line }) => !(line === 1 && fields[0].toLowerCase() === 'email'));
    if (!lines.length) {
      replace(result, h('p', { class: 'problem', role: 'alert' }, t('teach.import.empty')));
      return;
    }
    const failures = [];
    let applied = 0;
    const status = h('p', { class: 'meta' });
    bar.hidden = false;
    replace(result, status);
    for (let index = 0; index < lines.length; index += 1) {
      const { fields, line } = lines[index];
      const percent = Math.round((index / lines.length) * 100);
      bar.querySelector('progress').value = percent;
      bar.querySelector('.progress-value').textContent = `${percent} %`;
      status.textContent = t('teach.import.running', { done: index + 1, total: lines.length });
      const [email = '', scoreText = '', ...rest] = fields;
      // A spreadsheet that separates with semicolons writes decimal commas.
      const normalised = separator === ';' ? scoreText.replace(',', '.') : scoreText;
      const student = byEmail.get(email.toLowerCase());
      let reason = null;
      if (!email || !scoreText) {
        reason = t('teach.import.missing');
      } else if (!student) {
        reason = t('teach.import.unknownStudent');
      } else if (!/^\d+([.]\d+)?$/.test(normalised)) {
        reason = t('teach.import.badScore');
      }
      if (!reason) {
        const key = gradeKey(student.studentId, module);
        const comment = rest.length ? rest.join(separator) : (grades.get(key)?.comment ?? null);
        const body = { score: Number(normalised), ...(comment ? { comment } : {}), ...(module ? { module } : {}) };
        for (let attempt = 0; ; attempt += 1) {
          try {
            const grade = await api('PUT', gradePath(student.studentId), { body });
            grades.set(key, grade);
            cells.get(key)?.show(grade);
            applied += 1;
            break;
          } catch (problem) {
            if (problem.status === 429 && problem.retryAfter && attempt < 3) {
              await sleep(problem.retryAfter * 1000);
              continue;
            }
            reason = problemText(problem);
            break;
          }
        }
      }
      if (reason) {
        failures.push({ line, email, reason });
      }
    }
    bar.querySelector('progress').value = 100;
    bar.querySelector('.progress-value').textContent = '100 %';
    const summary = t('teach.import.summary', { applied, failed: failures.length });
    replace(result,
      h('p', { class: failures.length ? 'problem' : 'success', role: 'status' }, summary),
      failures.length ? [h('h3', {}, t('teach.import.failures')),
        h('ul', { class: 'import-failures' }, failures.map((failure) => h('li', {}, t('teach.import.failure', failure))))] : null);
    announce(summary);
  };

  return h('section', { 'aria-labelledby': 'grades-import', class: 'grades-import' },
    h('h2', { id: 'grades-import' }, t('teach.import')),
    h('p', { class: 'hint' }, t('teach.import.help')),
    form({ 'aria-labelledby': 'grades-import' }, [
      h('div', { class: 'toolbar' },
        field(t('teach.import.target'), target),
        field(t('teach.import.file'), file),
        h('button', { type: 'submit' }, t('teach.import.apply')),
        bar),
    ], apply),
    result);
}

export const views = { courses, newCourse, editCourse, editLesson, gradebook };
