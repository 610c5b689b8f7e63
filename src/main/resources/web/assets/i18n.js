// UI strings in English and Spanish. Each area registers its own strings with
// defineStrings, so a lazily loaded area brings its words with it.

const STORAGE_KEY = 'aula.lang';
export const LANGUAGES = ['en', 'es'];
const dictionaries = { en: {}, es: {} };
let language = pickLanguage();

function pickLanguage() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(stored)) {
    return stored;
  }
  const preferred = (navigator.languages || [navigator.language || 'en'])
    .map((tag) => tag.toLowerCase().split('-')[0])
    .find((tag) => LANGUAGES.includes(tag));
  return preferred || 'en';
}

export function lang() {
  return language;
}

export function setLanguage(next) {
  if (LANGUAGES.includes(next)) {
    language = next;
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
  }
}

/** Adds strings: { en: { key: 'text' }, es: { key: 'texto' } }. */
export function defineStrings(strings) {
  LANGUAGES.forEach((code) => Object.assign(dictionaries[code], strings[code] || {}));
}

/** The string for key in the current language, with {name} placeholders filled in. */
export function t(key, params = {}) {
  const text = dictionaries[language][key] ?? dictionaries.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

export function formatDate(value, options = { dateStyle: 'medium' }) {
  if (!value) {
    return '';
  }
  return new Intl.DateTimeFormat(language, options).format(new Date(value));
}

export function formatDateTime(value) {
  return formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A price; zero reads "Free" unless zeroIsFree is false (a revenue of 0 is not free). */
export function formatMoney(amount, currency, { zeroIsFree = true } = {}) {
  if (amount === null || amount === undefined) {
    return '';
  }
  if (zeroIsFree && Number(amount) === 0) {
    return t('common.free');
  }
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}

export function formatNumber(value, options = {}) {
  return new Intl.NumberFormat(language, options).format(value);
}

/** A file size in B, KB, MB or GB (the unit symbols are the same in every language here). */
export function formatBytes(bytes) {
  const units = [['GB', 1024 ** 3, 1], ['MB', 1024 ** 2, 1], ['KB', 1024, 0]];
  const unit = units.find(([, size]) => bytes >= size);
  return unit
    ? `${formatNumber(bytes / unit[1], { maximumFractionDigits: unit[2] })} ${unit[0]}`
    : `${formatNumber(bytes)} B`;
}

document.documentElement.lang = language;
