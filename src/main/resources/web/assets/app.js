// The shell: session, header, language switch and the router. Areas (student, teacher,
// admin, chat) are separate modules loaded the first time one of their pages opens.

import { currentUser, onSessionChange, restore, signOut } from './api.js';
import { chatUnreadBadge } from './chat-unread.js';
import { defineStrings, lang, LANGUAGES, setLanguage, t } from './i18n.js';
import { strings } from './strings.js';
import { h, heading, problemBox, replace } from './ui.js';

defineStrings(strings);

const areas = {
  public: () => import('./public.js'),
  student: () => import('./student.js'),
  teacher: () => import('./teacher.js'),
  admin: () => import('./admin.js'),
  chat: () => import('./chat.js'),
};

const SIGNED_IN = ['STUDENT', 'TEACHER', 'ADMIN'];
const TEACHING = ['TEACHER', 'ADMIN'];

/** Path patterns, first match wins: area, the view it exports, who may open it. */
const routes = [
  ['/', 'public', 'catalog'],
  ['/catalog', 'public', 'catalog'],
  ['/login', 'public', 'login'],
  ['/register', 'public', 'register'],
  ['/forgot-password', 'public', 'forgotPassword'],
  ['/reset-password', 'public', 'resetPassword'],
  ['/courses/:code', 'public', 'course'],
  ['/account', 'public', 'account', SIGNED_IN],
  ['/my-courses', 'student', 'myCourses', SIGNED_IN],
  ['/learn/:code', 'student', 'learn', SIGNED_IN],
  ['/learn/:code/lessons/:lesson', 'student', 'lesson', SIGNED_IN],
  ['/grades', 'student', 'grades', SIGNED_IN],
  ['/certificates', 'student', 'certificates', SIGNED_IN],
  ['/certificates/:code', 'student', 'verifyCertificate'],
  ['/chat', 'chat', 'rooms', SIGNED_IN],
  ['/chat/:room', 'chat', 'room', SIGNED_IN],
  ['/teach', 'teacher', 'courses', TEACHING],
  ['/teach/new', 'teacher', 'newCourse', TEACHING],
  ['/teach/:code', 'teacher', 'editCourse', TEACHING],
  ['/teach/:code/lessons/:lesson', 'teacher', 'editLesson', TEACHING],
  ['/teach/:code/gradebook', 'teacher', 'gradebook', TEACHING],
  ['/admin', 'admin', 'capacity', ['ADMIN']],
  ['/admin/capacity', 'admin', 'capacity', ['ADMIN']],
  ['/admin/users', 'admin', 'users', ['ADMIN']],
  ['/admin/invitations', 'admin', 'invitations', ['ADMIN']],
  ['/admin/audit', 'admin', 'audit', ['ADMIN']],
  ['/admin/outbox', 'admin', 'outbox', ['ADMIN']],
  ['/admin/jobs', 'admin', 'jobs', ['ADMIN']],
  ['/admin/reports', 'admin', 'reports', ['ADMIN']],
].map(([pattern, area, view, roles]) => ({ pattern, area, view, roles, regex: compile(pattern) }));

function compile(pattern) {
  const names = [];
  const source = pattern.replace(/:(\w+)/g, (match, name) => {
    names.push(name);
    return '([^/]+)';
  });
  return { names, expression: new RegExp(`^${source}/?$`) };
}

function match(path) {
  for (const route of routes) {
    const found = route.regex.expression.exec(path);
    if (found) {
      const params = {};
      route.regex.names.forEach((name, index) => { params[name] = decodeURIComponent(found[index + 1]); });
      return { route, params };
    }
  }
  return null;
}

const main = document.getElementById('main');
let leaving = [];
let generation = 0;

/** Goes to a path of the client, adding it to the history unless replace is set. */
export function navigate(path, { replace: replaceEntry = false } = {}) {
  if (replaceEntry) {
    history.replaceState({}, '', path);
  } else {
    history.pushState({}, '', path);
  }
  return render();
}

async function render() {
  generation += 1;
  const current = generation;
  leaving.forEach((dispose) => { try { dispose(); } catch { /* a view's cleanup must not block the next */ } });
  leaving = [];
  const url = new URL(location.href);
  const found = match(url.pathname);
  renderHeader();
  if (!found) {
    show(heading(t('notFound.title')), h('p', {}, t('notFound.detail')), h('a', { href: '/' }, t('nav.catalog')));
    document.title = `${t('notFound.title')} · Aula`;
    return;
  }
  const { route, params } = found;
  const user = currentUser();
  if (route.roles && !user) {
    navigate(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, { replace: true });
    return;
  }
  if (route.roles && !route.roles.includes(user.role)) {
    show(heading(t('forbidden.title')), h('p', {}, t('forbidden.detail')));
    return;
  }
  main.setAttribute('aria-busy', 'true');
  try {
    const area = await areas[route.area]();
    const context = {
      params,
      query: url.searchParams,
      user,
      navigate,
      title: (text) => { document.title = `${text} · Aula`; },
      // A view still loading when the user moved on must not hand its cleanup to the
      // next page: it runs at once instead.
      onLeave: (dispose) => {
        if (current === generation) {
          leaving.push(dispose);
        } else {
          dispose();
        }
      },
      isCurrent: () => current === generation,
    };
    const content = await area.views[route.view](context);
    if (current !== generation) {
      return;
    }
    show(content);
  } catch (problem) {
    if (current === generation) {
      show(heading(t('problem.pageTitle')), problemBox(problem));
    }
  } finally {
    if (current === generation) {
      main.removeAttribute('aria-busy');
    }
  }
}

let firstPage = true;

function show(...content) {
  replace(main, ...content);
  // On the first page focus stays at the top, where the skip link is; after a navigation
  // it moves to the new page's heading, so keyboard and screen-reader users start there.
  if (firstPage) {
    firstPage = false;
    return;
  }
  const title = main.querySelector('h1');
  if (title) {
    title.setAttribute('tabindex', '-1');
    title.focus({ preventScroll: false });
  } else {
    main.focus();
  }
}

function navLink(path, label) {
  const here = location.pathname === path || (path !== '/' && location.pathname.startsWith(`${path}/`));
  return h('li', {}, h('a', { href: path, 'aria-current': here ? 'page' : null }, label));
}

function renderHeader() {
  const user = currentUser();
  const links = [navLink('/catalog', t('nav.catalog'))];
  if (user) {
    if (user.role === 'STUDENT') {
      links.push(navLink('/my-courses', t('nav.myCourses')), navLink('/grades', t('nav.grades')),
        navLink('/certificates', t('nav.certificates')));
    }
    if (TEACHING.includes(user.role)) {
      links.push(navLink('/teach', t('nav.teaching')));
    }
    links.push(navLink('/chat', [t('nav.chat'), chatUnreadBadge()]));
    if (user.role === 'ADMIN') {
      links.push(navLink('/admin', t('nav.admin')));
    }
  }
  const languages = h('select', {
    'aria-label': t('nav.language'),
    onchange: (event) => { setLanguage(event.target.value); render(); },
  }, LANGUAGES.map((code) => h('option', { value: code, selected: code === lang() }, t(`language.${code}`))));
  const account = user
    ? [h('a', { href: '/account', class: 'who' }, user.fullName),
      h('button', { type: 'button', class: 'link-button', onclick: () => signOut().then(() => navigate('/login')) }, t('nav.signOut'))]
    : [h('a', { href: '/login' }, t('nav.signIn')), h('a', { href: '/register' }, t('nav.register'))];
  replace(document.getElementById('top'),
    h('a', { href: '/', class: 'brand' }, 'Aula'),
    h('nav', { 'aria-label': t('nav.main') }, h('ul', {}, links)),
    h('div', { class: 'account' }, languages, account));
  document.getElementById('skip-link').textContent = t('nav.skip');
}

// Same-origin links go through the router instead of reloading the page.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
    || link.target || link.hasAttribute('download')) {
    return;
  }
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || !match(url.pathname)) {
    return;
  }
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

window.addEventListener('popstate', () => render());

let shownUserId = null;

onSessionChange((user) => {
  const found = match(location.pathname);
  const previous = shownUserId;
  shownUserId = user?.id ?? null;
  if (!user && found?.route.roles) {
    navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  } else if (user && previous && previous !== user.id) {
    // Another tab signed in as someone else: show this page again as that user.
    render();
  } else {
    renderHeader();
  }
});

restore().finally(async () => {
  await render();
  document.documentElement.dataset.ready = 'true';
  // The first page is on screen and answers input: what the first-load benchmark reads.
  performance.mark('aula-interactive');
});
