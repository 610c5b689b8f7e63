// Pages anyone can open: catalog, course, sign-in, registration, password reset; and the
// account page of whoever is signed in.

import { api, currentUser, idempotencyKey, query, reloadUser, signIn } from './api.js';
import { formatMoney, t } from './i18n.js';
import { announce, empty, field, form, h, heading, pager, replace, showProblem } from './ui.js';

const PAGE_SIZE = 20;

function input(props) {
  return h('input', { ...props });
}

async function catalog({ query: params, navigate, title }) {
  title(t('catalog.title'));
  const q = params.get('q') || '';
  const page = Number.parseInt(params.get('page') || '0', 10) || 0;
  const results = await api('GET', `/api/courses${query({ q, page, size: PAGE_SIZE })}`);
  const go = (next) => navigate(`/catalog${query({ q, page: next })}`);
  const search = h('form', { role: 'search', class: 'search' },
    field(t('catalog.search'), input({ type: 'search', name: 'q', value: q, maxlength: '200' })),
    h('button', { type: 'submit' }, t('catalog.searchButton')));
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`/catalog${query({ q: new FormData(search).get('q').trim() })}`);
  });
  const cards = results.items.map((course) => h('li', { class: 'card' },
    h('h2', {}, h('a', { href: `/courses/${encodeURIComponent(course.code)}` }, course.title)),
    h('p', { class: 'meta' }, course.code, ' · ', formatMoney(course.price, course.currency)),
    course.description ? h('p', { class: 'description' }, course.description) : null));
  return [
    heading(t('catalog.title')),
    search,
    h('p', { class: 'meta', 'aria-live': 'polite' }, t('catalog.count', { count: results.totalItems })),
    cards.length ? h('ul', { class: 'cards' }, cards) : empty(t('catalog.none')),
    pager(results.page, results.totalPages, go),
  ];
}

async function course({ params, navigate, title, user }) {
  const detail = await api('GET', `/api/courses/${encodeURIComponent(params.code)}`);
  title(detail.title);
  let enrolled = false;
  if (user?.role === 'STUDENT') {
    const mine = await api('GET', '/api/me/courses');
    enrolled = (mine.items || mine).some((item) => item.code === detail.code);
  }
  const lessonCount = detail.modules.reduce((total, module) => total + module.lessons.length, 0);
  const slot = h('div', { class: 'form-messages' });
  const action = h('div', { class: 'actions' }, slot);
  if (!user) {
    action.append(h('a', { class: 'button', href: `/login?next=${encodeURIComponent(location.pathname)}` },
      t('course.signInToEnrol')));
  } else if (enrolled) {
    action.append(h('p', {}, t('course.enrolled')),
      h('a', { class: 'button', href: `/learn/${encodeURIComponent(detail.code)}` }, t('course.continue')));
  } else if (user.role === 'STUDENT') {
    const key = idempotencyKey();
    const paid = Number(detail.price) > 0;
    const button = h('button', { type: 'button', class: 'primary' },
      paid ? t('course.enrolPaid', { price: formatMoney(detail.price, detail.currency) }) : t('course.enrol'));
    button.addEventListener('click', async () => {
      button.disabled = true;
      showProblem(slot, null);
      try {
        // One key per page view: a double click or a retry after a timeout buys once.
        await api('POST', `/api/courses/${encodeURIComponent(detail.code)}/enrolments`,
          { headers: { 'Idempotency-Key': key }, body: {} });
        announce(t('course.enrolled'));
        navigate(`/learn/${encodeURIComponent(detail.code)}`);
      } catch (problem) {
        if (problem.status === 409) {
          navigate(`/learn/${encodeURIComponent(detail.code)}`);
          return;
        }
        showProblem(slot, problem);
        button.disabled = false;
      }
    });
    action.append(button);
  } else {
    action.append(h('p', { class: 'meta' }, t('course.teacherOnly')));
  }
  return [
    heading(detail.title),
    h('p', { class: 'meta' }, detail.code, ' · ', formatMoney(detail.price, detail.currency), ' · ',
      t('course.lessons', { count: lessonCount })),
    detail.description ? h('p', { class: 'description' }, detail.description) : null,
    action,
    h('h2', {}, t('course.modules')),
    h('ol', { class: 'outline' }, detail.modules.map((module) => h('li', {},
      h('h3', {}, module.title),
      h('ol', {}, module.lessons.map((lesson) => h('li', {}, lesson.title)))))),
  ];
}

function nextPath(params) {
  const next = params.get('next') || '';
  // Only a path of this site: never an absolute, protocol-relative or backslash address.
  if (!next.startsWith('/')) {
    return null;
  }
  try {
    const url = new URL(next, location.origin);
    return url.origin === location.origin ? url.pathname + url.search + url.hash : null;
  } catch {
    return null;
  }
}

async function login({ query: params, navigate, title }) {
  title(t('login.title'));
  return [
    heading(t('login.title')),
    form({ class: 'narrow', 'aria-label': t('login.title') }, [
      field(t('login.email'), input({ type: 'email', name: 'email', required: true, autocomplete: 'username', maxlength: '320' })),
      field(t('login.password'), input({ type: 'password', name: 'password', required: true, autocomplete: 'current-password', maxlength: '1024' })),
      h('button', { type: 'submit', class: 'primary' }, t('login.submit')),
    ], async (data) => {
      const user = await signIn(data.get('email').trim(), data.get('password'));
      const home = user.role === 'ADMIN' ? '/admin' : user.role === 'TEACHER' ? '/teach' : '/my-courses';
      navigate(nextPath(params) || home, { replace: true });
    }),
    h('p', {}, h('a', { href: '/forgot-password' }, t('login.forgot'))),
    h('p', {}, t('login.noAccount'), ' ', h('a', { href: '/register' }, t('nav.register'))),
  ];
}

async function register({ query: params, navigate, title }) {
  title(t('register.title'));
  const invitation = params.get('token');
  const done = h('div', { 'aria-live': 'polite' });
  return [
    heading(t('register.title')),
    invitation ? h('p', { class: 'note' }, t('register.invited')) : null,
    done,
    form({ class: 'narrow', 'aria-label': t('register.title') }, [
      field(t('register.fullName'), input({ name: 'fullName', required: true, maxlength: '200', autocomplete: 'name' })),
      field(t('login.email'), input({ type: 'email', name: 'email', required: true, maxlength: '320', autocomplete: 'email' })),
      field(t('login.password'), input({ type: 'password', name: 'password', required: true, minlength: '10', maxlength: '128', autocomplete: 'new-password' }), t('register.passwordHint')),
      field(t('register.nationalId'), input({ name: 'nationalId', maxlength: '32', pattern: '[A-Za-z0-9.\\-]{3,32}' })),
      h('button', { type: 'submit', class: 'primary' }, t('register.submit')),
    ], async (data) => {
      const body = {
        email: data.get('email').trim(),
        password: data.get('password'),
        fullName: data.get('fullName').trim(),
        nationalId: data.get('nationalId').trim() || null,
        invitationToken: invitation || null,
      };
      await api('POST', '/api/auth/register', { body });
      await signIn(body.email, body.password);
      announce(t('register.done'));
      navigate('/', { replace: true });
    }),
  ];
}

async function forgotPassword({ title }) {
  title(t('forgot.title'));
  const done = h('div', { 'aria-live': 'polite' });
  return [
    heading(t('forgot.title')),
    h('p', {}, t('forgot.intro')),
    done,
    form({ class: 'narrow', 'aria-label': t('forgot.title') }, [
      field(t('login.email'), input({ type: 'email', name: 'email', required: true, maxlength: '320', autocomplete: 'email' })),
      h('button', { type: 'submit', class: 'primary' }, t('forgot.submit')),
    ], async (data) => {
      await api('POST', '/api/auth/password/forgot', { body: { email: data.get('email').trim() } });
      replace(done, h('p', { class: 'success', role: 'status' }, t('forgot.sent')));
    }),
  ];
}

async function resetPassword({ query: params, navigate, title }) {
  title(t('reset.title'));
  const token = params.get('token');
  if (!token) {
    return [heading(t('reset.title')), h('p', { role: 'alert', class: 'problem' }, t('reset.missingToken')),
      h('a', { href: '/forgot-password' }, t('forgot.title'))];
  }
  return [
    heading(t('reset.title')),
    form({ class: 'narrow', 'aria-label': t('reset.title') }, [
      field(t('reset.password'), input({ type: 'password', name: 'newPassword', required: true, minlength: '10', maxlength: '128', autocomplete: 'new-password' }), t('register.passwordHint')),
      h('button', { type: 'submit', class: 'primary' }, t('reset.submit')),
    ], async (data) => {
      await api('POST', '/api/auth/password/reset', { body: { token, newPassword: data.get('newPassword') } });
      announce(t('reset.done'));
      navigate('/login', { replace: true });
    }),
  ];
}

async function account({ title }) {
  title(t('account.title'));
  const user = currentUser();
  const nameDone = h('div', { 'aria-live': 'polite' });
  const passwordDone = h('div', { 'aria-live': 'polite' });
  return [
    heading(t('account.title')),
    h('dl', { class: 'facts' }, h('dt', {}, t('login.email')), h('dd', {}, user.email),
      h('dt', {}, t('account.role')), h('dd', {}, t(`role.${user.role}`))),
    form({ class: 'narrow', 'aria-label': t('account.fullName') }, [
      field(t('account.fullName'), input({ name: 'fullName', required: true, maxlength: '200', value: user.fullName })),
      h('button', { type: 'submit' }, t('common.save')),
      nameDone,
    ], async (data) => {
      await api('PATCH', '/api/me', { body: { fullName: data.get('fullName').trim() } });
      await reloadUser();
      replace(nameDone, h('p', { role: 'status', class: 'success' }, t('common.saved')));
    }),
    form({ class: 'narrow', 'aria-label': t('account.changePassword') }, [
      field(t('account.currentPassword'), input({ type: 'password', name: 'currentPassword', required: true, autocomplete: 'current-password' })),
      field(t('account.newPassword'), input({ type: 'password', name: 'newPassword', required: true, minlength: '10', maxlength: '128', autocomplete: 'new-password' }), t('register.passwordHint')),
      h('button', { type: 'submit' }, t('account.changePassword')),
      passwordDone,
    ], async (data, element) => {
      await api('PATCH', '/api/me', { body: { currentPassword: data.get('currentPassword'), newPassword: data.get('newPassword') } });
      element.reset();
      replace(passwordDone, h('p', { role: 'status', class: 'success' }, t('account.passwordChanged')));
    }),
  ];
}

export const views = { catalog, course, login, register, forgotPassword, resetPassword, account };
