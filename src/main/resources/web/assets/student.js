// A student's pages: my courses, learning a course lesson by lesson, grades, certificates;
// and the public page that verifies a certificate by its code.

import { api } from './api.js';
import { defineStrings, formatBytes, formatDate, formatDateTime, formatNumber, t } from './i18n.js';
import { renderMarkdown } from './markdown.js';
import { announce, empty, field, h, heading, problemBox, progress, replace, saveResponse, showProblem } from './ui.js';

defineStrings({
  en: {
    'my.title': 'My courses',
    'my.none': 'You are not enrolled in any course yet.',
    'my.browse': 'Browse the catalog',
    'my.lessonsDone': '{done} of {total} lessons completed',
    'my.lastActivity': 'Last activity',
    'my.completed': 'Completed',
    'my.inProgress': 'In progress',
    'my.cancelled': 'Enrolment cancelled',
    'my.progressOf': 'Progress in {title}',
    'learn.progress': 'Your progress',
    'learn.chat': 'Course chat',
    'learn.details': 'Course page',
    'learn.notEnrolled': 'You are not enrolled in this course, so its lessons are closed to you.',
    'learn.enrolHere': 'See the course and enrol',
    'learn.module': 'Module {number}: {title}',
    'learn.noLessons': 'This course has no lessons yet.',
    'learn.start': 'Start the first lesson',
    'learn.allDone': 'You have completed every lesson of this course.',
    'learn.certificateLink': 'See your certificate',
    'lesson.done': 'Done',
    'lesson.notDone': 'Not done',
    'lesson.kind.TEXT': 'Reading',
    'lesson.kind.VIDEO': 'Video',
    'lesson.kind.FILE': 'File',
    'lesson.minutes': '{minutes} min',
    'lesson.backToCourse': 'Back to {title}',
    'lesson.markComplete': 'Mark complete',
    'lesson.completed': 'You completed this lesson.',
    'lesson.next': 'Next lesson: {title}',
    'lesson.previous': 'Previous lesson: {title}',
    'lesson.navigation': 'Lessons',
    'lesson.lastOne': 'This is the last lesson of the course.',
    'lesson.courseDone': 'You have completed the whole course. Your certificate is being prepared.',
    'lesson.download': 'Download {name}',
    'lesson.noVideo': 'Your browser cannot play this video.',
    'lesson.noMedia': 'The file for this lesson has not been uploaded yet.',
    'lesson.position': 'Lesson {position} of {total}',
    'grades.title': 'Grades',
    'grades.none': 'No grades yet.',
    'grades.part': 'Part',
    'grades.wholeCourse': 'Whole course',
    'grades.module': 'Module {number}',
    'grades.score': 'Score',
    'grades.comment': 'Comment',
    'grades.date': 'Date',
    'grades.caption': 'Grades in {title}',
    'certs.title': 'Certificates',
    'certs.none': 'No certificates yet. Complete every lesson of a course to earn one.',
    'certs.pending': 'Being prepared',
    'certs.pendingDetail': 'You completed this course on {date}. Aula is preparing its certificate; it usually takes a few seconds.',
    'certs.refresh': 'Refresh',
    'certs.refreshed': 'Certificates refreshed.',
    'certs.download': 'Download PDF',
    'certs.downloading': 'Downloading…',
    'certs.share': 'Verification link',
    'certs.copy': 'Copy link',
    'certs.copied': 'Link copied.',
    'certs.copyByHand': 'The link is selected: copy it with Ctrl+C (⌘C on a Mac).',
    'certs.open': 'Open the verification page',
    'certs.code': 'Code',
    'certs.teacher': 'Teacher',
    'certs.completed': 'Completed',
    'certs.issued': 'Issued',
    'certs.status.VALID': 'Valid',
    'certs.status.REVOKED': 'Revoked',
    'certs.revoked': 'Revoked on {date}.',
    'certs.revokedReason': 'Reason: {reason}',
    'verify.title': 'Certificate verification',
    'verify.valid': 'This certificate is valid.',
    'verify.revoked': 'This certificate was revoked on {date}. It no longer holds.',
    'verify.unknown': 'No certificate has the code {code}. Check the code and try again.',
    'verify.holder': 'Awarded to',
    'verify.course': 'Course',
    'verify.status': 'Status',
  },
  es: {
    'my.title': 'Mis cursos',
    'my.none': 'Todavía no estás inscrito en ningún curso.',
    'my.browse': 'Explorar el catálogo',
    'my.lessonsDone': '{done} de {total} lecciones completadas',
    'my.lastActivity': 'Última actividad',
    'my.completed': 'Completado',
    'my.inProgress': 'En curso',
    'my.cancelled': 'Inscripción cancelada',
    'my.progressOf': 'Progreso en {title}',
    'learn.progress': 'Tu progreso',
    'learn.chat': 'Chat del curso',
    'learn.details': 'Página del curso',
    'learn.notEnrolled': 'No estás inscrito en este curso, así que sus lecciones no están abiertas para ti.',
    'learn.enrolHere': 'Ver el curso e inscribirse',
    'learn.module': 'Módulo {number}: {title}',
    'learn.noLessons': 'Este curso todavía no tiene lecciones.',
    'learn.start': 'Empezar la primera lección',
    'learn.allDone': 'Has completado todas las lecciones de este curso.',
    'learn.certificateLink': 'Ver tu certificado',
    'lesson.done': 'Hecha',
    'lesson.notDone': 'Pendiente',
    'lesson.kind.TEXT': 'Lectura',
    'lesson.kind.VIDEO': 'Vídeo',
    'lesson.kind.FILE': 'Archivo',
    'lesson.minutes': '{minutes} min',
    'lesson.backToCourse': 'Volver a {title}',
    'lesson.markComplete': 'Marcar como completada',
    'lesson.completed': 'Has completado esta lección.',
    'lesson.next': 'Siguiente lección: {title}',
    'lesson.previous': 'Lección anterior: {title}',
    'lesson.navigation': 'Lecciones',
    'lesson.lastOne': 'Esta es la última lección del curso.',
    'lesson.courseDone': 'Has completado todo el curso. Estamos preparando tu certificado.',
    'lesson.download': 'Descargar {name}',
    'lesson.noVideo': 'Tu navegador no puede reproducir este vídeo.',
    'lesson.noMedia': 'El archivo de esta lección todavía no se ha subido.',
    'lesson.position': 'Lección {position} de {total}',
    'grades.title': 'Calificaciones',
    'grades.none': 'Todavía no tienes calificaciones.',
    'grades.part': 'Parte',
    'grades.wholeCourse': 'Curso completo',
    'grades.module': 'Módulo {number}',
    'grades.score': 'Nota',
    'grades.comment': 'Comentario',
    'grades.date': 'Fecha',
    'grades.caption': 'Calificaciones en {title}',
    'certs.title': 'Certificados',
    'certs.none': 'Todavía no tienes certificados. Completa todas las lecciones de un curso para obtener uno.',
    'certs.pending': 'En preparación',
    'certs.pendingDetail': 'Completaste este curso el {date}. Aula está preparando su certificado; suele tardar unos segundos.',
    'certs.refresh': 'Actualizar',
    'certs.refreshed': 'Certificados actualizados.',
    'certs.download': 'Descargar PDF',
    'certs.downloading': 'Descargando…',
    'certs.share': 'Enlace de verificación',
    'certs.copy': 'Copiar enlace',
    'certs.copied': 'Enlace copiado.',
    'certs.copyByHand': 'El enlace está seleccionado: cópialo con Ctrl+C (⌘C en un Mac).',
    'certs.open': 'Abrir la página de verificación',
    'certs.code': 'Código',
    'certs.teacher': 'Docente',
    'certs.completed': 'Completado',
    'certs.issued': 'Emitido',
    'certs.status.VALID': 'Válido',
    'certs.status.REVOKED': 'Revocado',
    'certs.revoked': 'Revocado el {date}.',
    'certs.revokedReason': 'Motivo: {reason}',
    'verify.title': 'Verificación de certificado',
    'verify.valid': 'Este certificado es válido.',
    'verify.revoked': 'Este certificado fue revocado el {date}. Ya no es válido.',
    'verify.unknown': 'Ningún certificado tiene el código {code}. Revisa el código e inténtalo de nuevo.',
    'verify.holder': 'Otorgado a',
    'verify.course': 'Curso',
    'verify.status': 'Estado',
  },
});

const path = {
  learn: (code) => `/learn/${encodeURIComponent(code)}`,
  lesson: (code, id) => `/learn/${encodeURIComponent(code)}/lessons/${encodeURIComponent(id)}`,
  course: (code) => `/courses/${encodeURIComponent(code)}`,
  certificate: (code) => `/certificates/${encodeURIComponent(code)}`,
};

async function myEnrolments() {
  const mine = await api('GET', '/api/me/courses');
  return mine.items || mine;
}

function enrolmentOf(enrolments, code) {
  return enrolments.find((item) => item.code === code) || null;
}

/** The course's lessons in order, each with its module. */
function lessonsInOrder(detail) {
  return detail.modules.flatMap((module) => module.lessons.map((lesson) => ({ ...lesson, module })));
}

/**
 * The ids of the course's lessons the student has completed, or null when there is nothing
 * to mark: not a student, or not (or no longer) enrolled, which Aula answers with 404.
 */
async function completedLessons(user, code) {
  if (user.role !== 'STUDENT') {
    return null;
  }
  try {
    const completed = await api('GET', `/api/me/courses/${encodeURIComponent(code)}/completions`);
    return new Set(completed.lessonIds);
  } catch (problem) {
    if (problem.status === 404) {
      return null;
    }
    throw problem;
  }
}

/** 'done' or 'todo' for a lesson, null when nothing is known. */
function stateOf(lesson, completed) {
  if (!completed) {
    return null;
  }
  return completed.has(lesson.id) ? 'done' : 'todo';
}

function everyLessonDone(lessons, completed) {
  return Boolean(completed) && lessons.length > 0 && lessons.every((lesson) => completed.has(lesson.id));
}

function mark(state) {
  if (state === 'done') {
    return h('span', { class: 'lesson-mark done' }, h('span', { 'aria-hidden': 'true' }, '✓ '), t('lesson.done'));
  }
  if (state === 'todo') {
    return h('span', { class: 'lesson-mark todo' }, h('span', { 'aria-hidden': 'true' }, '○ '), t('lesson.notDone'));
  }
  return null;
}

function lessonMeta(lesson) {
  const parts = [t(`lesson.kind.${lesson.kind}`)];
  if (lesson.durationSeconds) {
    parts.push(t('lesson.minutes', { minutes: Math.max(1, Math.round(lesson.durationSeconds / 60)) }));
  }
  return parts.join(' · ');
}

function progressBlock(enrolment, title) {
  return h('div', { class: 'course-progress' },
    progress(enrolment.progressPercent, t('my.progressOf', { title })),
    h('p', { class: 'meta' }, t('my.lessonsDone', { done: enrolment.completedLessons, total: enrolment.totalLessons })));
}

async function myCourses({ title }) {
  title(t('my.title'));
  const enrolments = await myEnrolments();
  if (!enrolments.length) {
    return [heading(t('my.title')), empty(t('my.none')), h('p', {}, h('a', { class: 'button primary', href: '/catalog' }, t('my.browse')))];
  }
  return [
    heading(t('my.title')),
    h('ul', { class: 'cards my-courses' }, enrolments.map((item) => h('li', { class: 'card' },
      h('h2', {}, h('a', { href: path.learn(item.code) }, item.title)),
      h('p', { class: 'meta' }, item.code),
      progressBlock(item, item.title),
      h('dl', { class: 'facts' },
        h('dt', {}, t('my.lastActivity')), h('dd', {}, formatDateTime(item.lastActivityAt)),
        h('dt', {}, t('my.completed')),
        h('dd', {}, item.completedAt ? formatDate(item.completedAt)
          : item.status === 'CANCELLED' ? t('my.cancelled') : t('my.inProgress')))))),
  ];
}

async function learn({ params, title, user }) {
  const [detail, enrolments, completed] = await Promise.all([
    api('GET', `/api/courses/${encodeURIComponent(params.code)}`),
    user.role === 'STUDENT' ? myEnrolments() : Promise.resolve([]),
    completedLessons(user, params.code),
  ]);
  title(detail.title);
  const enrolment = enrolmentOf(enrolments, detail.code);
  const lessons = lessonsInOrder(detail);
  const links = h('p', { class: 'actions' },
    h('a', { href: `/chat/${encodeURIComponent(detail.id)}` }, t('learn.chat')),
    h('a', { href: path.course(detail.code) }, t('learn.details')));
  if (user.role === 'STUDENT' && !enrolment) {
    return [heading(detail.title), h('p', { class: 'note' }, t('learn.notEnrolled')),
      h('p', {}, h('a', { class: 'button primary', href: path.course(detail.code) }, t('learn.enrolHere')))];
  }
  const complete = everyLessonDone(lessons, completed);
  return [
    heading(detail.title),
    h('p', { class: 'meta' }, detail.code),
    enrolment ? h('section', { 'aria-label': t('learn.progress') },
      progressBlock(enrolment, detail.title),
      complete ? h('p', { class: 'success' }, t('learn.allDone'), ' ', h('a', { href: '/certificates' }, t('learn.certificateLink'))) : null) : null,
    links,
    lessons.length && !completed?.size
      ? h('p', {}, h('a', { class: 'button primary', href: path.lesson(detail.code, lessons[0].id) }, t('learn.start')))
      : null,
    lessons.length ? null : empty(t('learn.noLessons')),
    h('ol', { class: 'outline learn-outline' }, detail.modules.map((module) => h('li', {},
      h('h2', {}, t('learn.module', { number: module.number, title: module.title })),
      h('ol', { class: 'lesson-list' }, module.lessons.map((lesson) => h('li', { class: `lesson-row ${stateOf(lesson, completed) || ''}`.trim() },
        h('a', { href: path.lesson(detail.code, lesson.id) }, lesson.title),
        h('span', { class: 'meta' }, lessonMeta(lesson)),
        mark(stateOf(lesson, completed)))))))),
  ];
}

function mediaBlock(lesson) {
  const media = lesson.media;
  if (!media) {
    return lesson.kind === 'TEXT' ? null : h('p', { class: 'note' }, t('lesson.noMedia'));
  }
  if (lesson.kind === 'VIDEO') {
    // The link is used exactly as given: it may carry the signed access that lets the
    // element fetch ranges itself, which it could not do with the bearer token.
    return h('div', { class: 'lesson-video' },
      h('video', { controls: true, preload: 'metadata', src: media.url, 'aria-label': lesson.title },
        h('p', {}, t('lesson.noVideo'), ' ', h('a', { href: media.url, download: '' }, t('lesson.download', { name: lesson.title })))));
  }
  const name = lesson.title;
  const slot = h('div', { class: 'form-messages' });
  let sameSite = false;
  try {
    sameSite = new URL(media.url, location.href).origin === location.origin;
  } catch {
    sameSite = false;
  }
  if (!sameSite) {
    return h('p', {}, h('a', { href: media.url, rel: 'noopener noreferrer', download: '' }, t('lesson.download', { name })));
  }
  const button = h('button', { type: 'button', class: 'primary' }, t('lesson.download', { name }),
    h('span', { class: 'meta' }, ` (${formatBytes(media.size)})`));
  button.addEventListener('click', async () => {
    button.disabled = true;
    showProblem(slot, null);
    try {
      await saveResponse(await api('GET', media.url, { raw: true }), name);
    } catch (problem) {
      showProblem(slot, problem);
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'lesson-file' }, slot, button);
}

async function lesson({ params, title, user, isCurrent }) {
  const current = await api('GET', `/api/lessons/${encodeURIComponent(params.lesson)}`);
  const code = current.courseCode;
  const [detail, enrolments, completed] = await Promise.all([
    api('GET', `/api/courses/${encodeURIComponent(code)}`),
    user.role === 'STUDENT' ? myEnrolments() : Promise.resolve([]),
    completedLessons(user, code),
  ]);
  title(current.title);
  const lessons = lessonsInOrder(detail);
  const index = lessons.findIndex((item) => item.id === current.id);
  const previous = index > 0 ? lessons[index - 1] : null;
  const next = index >= 0 && index < lessons.length - 1 ? lessons[index + 1] : null;
  const module = detail.modules.find((item) => item.number === current.moduleNumber);
  let enrolment = enrolmentOf(enrolments, code);

  const progressSlot = h('div', {}, enrolment ? progressBlock(enrolment, detail.title) : null);
  const completion = h('div', { class: 'completion', 'aria-live': 'polite' });
  const nextLink = () => (next
    ? h('a', { class: 'button primary', href: path.lesson(code, next.id) }, t('lesson.next', { title: next.title }))
    : null);
  const courseComplete = () => everyLessonDone(lessons, completed);
  const showDone = (finishedCourse) => {
    const courseDone = courseComplete();
    replace(completion,
      h('p', { class: 'success', role: 'status' }, h('span', { 'aria-hidden': 'true' }, '✓ '), t('lesson.completed')),
      h('div', { class: 'actions' },
        nextLink(),
        !next ? h('span', {}, t('lesson.lastOne')) : null,
        courseDone ? h('a', { class: next ? 'button' : 'button primary', href: '/certificates' }, t('learn.certificateLink')) : null),
      finishedCourse ? h('p', {}, t('lesson.courseDone')) : null);
  };
  if (enrolment && completed) {
    if (completed.has(current.id)) {
      showDone(false);
    } else {
      const slot = h('div', { class: 'form-messages' });
      const button = h('button', { type: 'button', class: 'primary' }, t('lesson.markComplete'));
      button.addEventListener('click', async () => {
        button.disabled = true;
        showProblem(slot, null);
        try {
          await api('PUT', `/api/lessons/${encodeURIComponent(current.id)}/completion`);
          const wasComplete = courseComplete();
          completed.add(current.id);
          enrolment = enrolmentOf(await myEnrolments(), code) || enrolment;
          if (!isCurrent()) {
            return;
          }
          replace(progressSlot, progressBlock(enrolment, detail.title));
          showDone(!wasComplete && courseComplete());
          announce(t('lesson.completed'));
          completion.querySelector('a.button')?.focus();
        } catch (problem) {
          showProblem(slot, problem);
          button.disabled = false;
        }
      });
      replace(completion, slot, h('div', { class: 'actions' }, button));
    }
  }

  return [
    h('p', { class: 'breadcrumb' }, h('a', { href: path.learn(code) }, t('lesson.backToCourse', { title: detail.title }))),
    heading(current.title),
    h('p', { class: 'meta' },
      module ? t('learn.module', { number: module.number, title: module.title }) : null,
      index >= 0 ? ` · ${t('lesson.position', { position: index + 1, total: lessons.length })}` : null,
      ` · ${lessonMeta(current)}`),
    progressSlot,
    mediaBlock(current),
    current.body ? h('div', { class: 'lesson-body' }, renderMarkdown(current.body)) : null,
    completion,
    h('nav', { class: 'lesson-nav', 'aria-label': t('lesson.navigation') },
      previous ? h('span', { class: 'lesson-nav-item' },
        h('a', { href: path.lesson(code, previous.id), rel: 'prev' }, h('span', { 'aria-hidden': 'true' }, '← '), t('lesson.previous', { title: previous.title })),
        mark(stateOf(previous, completed))) : h('span'),
      next ? h('span', { class: 'lesson-nav-item' },
        h('a', { href: path.lesson(code, next.id), rel: 'next' }, t('lesson.next', { title: next.title }), h('span', { 'aria-hidden': 'true' }, ' →')),
        mark(stateOf(next, completed))) : null),
  ];
}

function moduleLabel(grade) {
  return grade.module ? t('grades.module', { number: grade.module }) : t('grades.wholeCourse');
}

async function grades({ title }) {
  title(t('grades.title'));
  const all = await api('GET', '/api/me/grades');
  const list = all.items || all;
  if (!list.length) {
    return [heading(t('grades.title')), empty(t('grades.none'))];
  }
  const byCourse = new Map();
  list.forEach((grade) => {
    if (!byCourse.has(grade.courseCode)) {
      byCourse.set(grade.courseCode, { title: grade.courseTitle, grades: [] });
    }
    byCourse.get(grade.courseCode).grades.push(grade);
  });
  const sections = [...byCourse.entries()].map(([code, course]) => {
    // The grade of the whole course first, then the modules in order.
    const rows = course.grades.sort((a, b) => (a.module ?? 0) - (b.module ?? 0));
    return h('section', { class: 'grades-course' },
      h('h2', {}, h('a', { href: path.learn(code) }, course.title)),
      h('div', { class: 'table-scroll' }, h('table', {},
        h('caption', { class: 'visually-hidden' }, t('grades.caption', { title: course.title })),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('grades.part')), h('th', { scope: 'col', class: 'number' }, t('grades.score')),
          h('th', { scope: 'col' }, t('grades.comment')), h('th', { scope: 'col' }, t('grades.date')))),
        h('tbody', {}, rows.map((grade) => h('tr', {},
          h('th', { scope: 'row' }, moduleLabel(grade)),
          h('td', { class: 'number' }, formatNumber(Number(grade.score), { maximumFractionDigits: 2 })),
          h('td', { class: 'comment' }, grade.comment || ''),
          h('td', {}, formatDate(grade.updatedAt))))))));
  });
  return [heading(t('grades.title')), sections];
}

function shareBox(code) {
  const url = `${location.origin}${path.certificate(code)}`;
  const input = h('input', { type: 'text', readonly: true, value: url, class: 'share-url', spellcheck: 'false' });
  const said = h('p', { class: 'hint', 'aria-live': 'polite' });
  const copy = h('button', { type: 'button' }, t('certs.copy'));
  copy.addEventListener('click', async () => {
    try {
      if (!navigator.clipboard) {
        throw new Error('no clipboard');
      }
      await navigator.clipboard.writeText(url);
      said.textContent = t('certs.copied');
    } catch {
      // No clipboard (plain HTTP, or permission refused): select the text for the user.
      input.focus();
      input.select();
      said.textContent = t('certs.copyByHand');
    }
  });
  input.addEventListener('focus', () => input.select());
  return h('div', { class: 'share' },
    h('div', { class: 'share-row' }, field(t('certs.share'), input), copy),
    said);
}

function downloadButton(code) {
  const slot = h('div', { class: 'form-messages' });
  const button = h('button', { type: 'button', class: 'primary' }, t('certs.download'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = t('certs.downloading');
    showProblem(slot, null);
    try {
      await saveResponse(await api('GET', `/api/certificates/${encodeURIComponent(code)}/pdf`, { raw: true }),
        `certificate-${code}.pdf`);
    } catch (problem) {
      showProblem(slot, problem);
    } finally {
      button.disabled = false;
      button.textContent = t('certs.download');
    }
  });
  return { slot, button };
}

function certificateCard(certificate) {
  const download = downloadButton(certificate.code);
  const valid = certificate.status === 'VALID';
  return h('li', { class: 'card certificate' },
    h('h2', {}, certificate.courseTitle),
    h('p', {}, h('span', { class: valid ? 'state-ok' : 'state-act' }, t(`certs.status.${certificate.status}`))),
    !valid && certificate.revokedAt ? h('p', {}, t('certs.revoked', { date: formatDate(certificate.revokedAt) }),
      certificate.revokedReason ? ` ${t('certs.revokedReason', { reason: certificate.revokedReason })}` : null) : null,
    h('dl', { class: 'facts' },
      h('dt', {}, t('certs.code')), h('dd', {}, h('code', {}, certificate.code)),
      h('dt', {}, t('certs.teacher')), h('dd', {}, certificate.teacherName || ''),
      h('dt', {}, t('certs.completed')), h('dd', {}, formatDate(certificate.completedAt)),
      h('dt', {}, t('certs.issued')), h('dd', {}, formatDate(certificate.issuedAt))),
    download.slot,
    h('div', { class: 'actions' }, download.button,
      h('a', { href: path.certificate(certificate.code) }, t('certs.open'))),
    shareBox(certificate.code));
}

function pendingCard(enrolment, refresh) {
  return h('li', { class: 'card certificate pending' },
    h('h2', {}, enrolment.title),
    h('p', {}, h('span', { class: 'state-warning' }, t('certs.pending'))),
    h('p', {}, t('certs.pendingDetail', { date: formatDate(enrolment.completedAt) })),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: refresh }, t('certs.refresh'))));
}

async function certificates({ title, isCurrent }) {
  title(t('certs.title'));
  const content = h('div', { 'aria-live': 'polite' });
  const load = async () => {
    const [held, enrolments] = await Promise.all([api('GET', '/api/me/certificates'), myEnrolments()]);
    const list = held.items || held;
    const issued = new Set(list.map((certificate) => certificate.courseId));
    // A completed course without a certificate is one whose certificate is still being made.
    const pending = enrolments.filter((item) => item.completedAt && !issued.has(item.courseId));
    return { list, pending };
  };
  const draw = ({ list, pending }) => {
    const refresh = async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try {
        const next = await load();
        if (isCurrent()) {
          draw(next);
          announce(t('certs.refreshed'));
        }
      } catch (problem) {
        replace(content, problemBox(problem));
      }
    };
    if (!list.length && !pending.length) {
      replace(content, empty(t('certs.none')));
      return;
    }
    replace(content, h('ul', { class: 'cards certificates' },
      pending.map((item) => pendingCard(item, refresh)),
      list.map(certificateCard)));
  };
  draw(await load());
  return [heading(t('certs.title')), content];
}

async function verifyCertificate({ params, title }) {
  title(t('verify.title'));
  let found;
  try {
    found = await api('GET', `/api/certificates/${encodeURIComponent(params.code)}`);
  } catch (problem) {
    if (problem.status === 404) {
      return [heading(t('verify.title')), h('p', { class: 'problem', role: 'alert' }, t('verify.unknown', { code: params.code }))];
    }
    throw problem;
  }
  const valid = found.valid && found.status === 'VALID';
  return [
    heading(t('verify.title')),
    valid
      ? h('p', { class: 'success verdict', role: 'status' }, h('span', { 'aria-hidden': 'true' }, '✓ '), t('verify.valid'))
      : h('p', { class: 'problem verdict', role: 'status' }, t('verify.revoked', { date: formatDate(found.revokedAt) })),
    h('dl', { class: 'facts' },
      h('dt', {}, t('verify.status')),
      h('dd', {}, h('span', { class: valid ? 'state-ok' : 'state-act', 'data-status': found.status }, t(`certs.status.${found.status}`))),
      h('dt', {}, t('verify.holder')), h('dd', { class: 'holder' }, found.studentName),
      h('dt', {}, t('verify.course')), h('dd', {}, found.courseTitle),
      h('dt', {}, t('certs.teacher')), h('dd', {}, found.teacherName || ''),
      h('dt', {}, t('certs.completed')), h('dd', {}, formatDate(found.completedAt)),
      h('dt', {}, t('certs.issued')), h('dd', {}, formatDate(found.issuedAt)),
      h('dt', {}, t('certs.code')), h('dd', {}, h('code', {}, found.code))),
    h('p', {}, h('a', { href: `/api/certificates/${encodeURIComponent(found.code)}/pdf`, download: '' }, t('certs.download'))),
  ];
}

export const views = { myCourses, learn, lesson, grades, certificates, verifyCertificate };
