/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Vigil in the browser. No framework: DOM built with `h()` (never innerHTML, so report text can
 * never become markup), hash routes, labels from the taxonomy and a small string table, en/ru.
 * Strict-CSP clean: no inline script or style anywhere.
 */
import { CONFIDENTIALITY, EVENT_TYPES, EVENT_TYPE_NAMES, PERSON_STATUSES, REVIEW_STATUSES, ROLES, SOURCE_KINDS, isEventType, isRole } from '../../schema/taxonomy.ts';
import { can, isUserRole, type Permission } from '../../schema/access.ts';
import { t, setLang, lang, type Key } from './strings.ts';
import { parseClaimDate } from '../../views/dates.ts';

// ---------------------------------------------------------------------------------------------
// DOM helpers

type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

const SVG = 'http://www.w3.org/2000/svg';
function s(tag: string, attrs: Record<string, string | number> = {}, ...children: (SVGElement | string)[]): SVGElement {
  const el = document.createElementNS(SVG, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

const main = () => document.getElementById('main')!;
function render(...children: Child[]): void {
  const m = main();
  m.replaceChildren();
  append(m, children);
}

// ---------------------------------------------------------------------------------------------
// Labels

const typeLabel = (type: string) => (isEventType(type) ? EVENT_TYPES[type][lang()] : type);
const statusLabel = (st: string) => (st in PERSON_STATUSES ? PERSON_STATUSES[st as keyof typeof PERSON_STATUSES][lang()] : st);
const reviewLabel = (st: string) => (st in REVIEW_STATUSES ? REVIEW_STATUSES[st as keyof typeof REVIEW_STATUSES][lang()] : st);
const roleLabel = (r: string) => (isRole(r) ? ROLES[r][lang()] : r);

// ---------------------------------------------------------------------------------------------
// API

interface SessionInfo { unlocked: boolean; user?: string; role?: string; clearance?: string; csrf?: string }
let session: SessionInfo = { unlocked: false };

/** Whether the signed-in role holds a permission (the server checks again on every request). */
const allowed = (p: Permission) => !!session.role && isUserRole(session.role) && can(session.role, p);

class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code: string | null = null, readonly data: Record<string, unknown> = {}) { super(message); }
}

/** Server refusals the UI says in its own language: by the code the server gives, or by the English message it sends. */
const SERVER_CODES: Record<string, Key> = {
  'bad-date-format': 'errBadDateFormat', 'bad-date-month': 'errBadDateMonth', 'bad-date-day': 'errBadDateDay', stale: 'errStale', 'not-undoable': 'errNotUndoable',
};
const SERVER_MESSAGES: [RegExp, Key][] = [
  [/^The workspace is locked/, 'errLocked'], [/^No valid session/, 'errSession'], [/^Your role \(/, 'errRole'], [/header: reload the page/, 'errCsrf'],
  [/^No (claim|person|report) with that id/, 'errNotFound'], [/^body\/|^querystring\/|must (be|match|have|NOT)/, 'errInvalid'], [/^Wrong passphrase|could not be unlocked/, 'errPassphrase'],
];

/** A server's refusal in the reader's language, with the value it concerns; the English text when nothing better is known. */
function explain(e: ApiError): string {
  const key = (e.code && SERVER_CODES[e.code]) || SERVER_MESSAGES.find(([re]) => re.test(e.message))?.[1];
  if (!key) return e.message;
  const value = typeof e.data.value === 'string' ? ` «${e.data.value}»` : '';
  return `${t(key)}${value}`;
}

/** Counts navigations, so that a slow page load never paints over the page the user went on to. */
let navigation = 0;
class Superseded extends Error {}

async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  return (await request<T>(method, url, body)).data;
}

/** A page of a list route, and the URL of the next page (its Link header), if any. */
async function page<T>(url: string): Promise<{ data: T; next: string | null }> {
  const { data, res } = await request<T>('GET', url);
  return { data, next: /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1] ?? null };
}

/** A button that loads the next page and hands it over, then goes (or stays for the page after). */
function moreButton<T>(next: string | null, show: (data: T, next: string | null) => void): HTMLElement | null {
  if (!next) return null;
  const button = h('button', { type: 'button', class: 'more' }, t('more'));
  button.addEventListener('click', async () => {
    button.setAttribute('disabled', '');
    try {
      const p = await page<T>(next);
      button.remove();
      show(p.data, p.next);
    } catch (e) {
      button.replaceWith(errorBox(e));
    }
  });
  return button;
}

async function request<T>(method: string, url: string, body?: unknown): Promise<{ data: T; res: Response }> {
  const headers: Record<string, string> = {};
  // A file (a picture to attach) goes as its raw bytes; anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && session.csrf) headers['x-vigil-csrf'] = session.csrf;
  const startedIn = navigation;
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : raw ? body : JSON.stringify(body), credentials: 'same-origin' });
  const data = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) {
    if (res.status === 401 || res.status === 423) {
      session = { unlocked: false };
      location.hash = '#/unlock';
    }
    const extra = data as Record<string, unknown>;
    throw new ApiError(res.status, data.error ?? `HTTP ${res.status}`, typeof extra.code === 'string' ? extra.code : null, extra);
  }
  // A read made for a page the user has left is dropped; writes always finish and report.
  if (method === 'GET' && startedIn !== navigation) throw new Superseded();
  return { data, res };
}

const qs = (o: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

// ---------------------------------------------------------------------------------------------
// Layout

const NAV: [string, Key][] = [['#/reports', 'reports'], ['#/review', 'review'], ['#/prisoners', 'prisoners'], ['#/search', 'search'], ['#/stats', 'stats']];

function header(): void {
  const top = document.getElementById('top')!;
  top.replaceChildren();
  const current = location.hash.split('?')[0] || '#/reports';
  append(top, [
    h('a', { class: 'brand', href: '#/reports' }, 'Vigil'),
    session.csrf
      ? h('nav', { 'aria-label': t('menu') }, NAV.map(([href, key], i) => h('a', { href, 'aria-current': current.startsWith(href) ? 'page' : null, title: `Alt+${i + 1}` }, t(key))))
      : h('span', { class: 'muted' }, t('locked')),
    h('span', { class: 'spacer' }),
    session.user ? h('span', { class: 'who' }, `${session.user} · ${session.role}`) : null,
    h('button', { type: 'button', class: 'link', onclick: () => { setLang(lang() === 'en' ? 'ru' : 'en'); route(); }, 'aria-label': t('switchLang') }, lang() === 'en' ? 'Русский' : 'English'),
    session.csrf ? h('button', { type: 'button', onclick: lock }, t('lock')) : null,
  ]);
  document.documentElement.lang = lang();
}

async function lock(): Promise<void> {
  await api('POST', '/api/lock').catch(() => undefined);
  session = { unlocked: false };
  location.hash = '#/unlock';
}

function errorBox(e: unknown): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, e instanceof ApiError ? explain(e) : e instanceof Error ? e.message : String(e));
}

function sourceLink(src: { sha256: string; title: string | null; published: string | null }, reportId?: number): HTMLElement {
  const label = `${src.title ?? t('untitled')}${src.published ? `, ${src.published}` : ''}`;
  return h('span', { class: 'source' },
    reportId ? h('a', { href: `#/report/${reportId}` }, label) : label, ' ',
    h('a', { href: `/api/reports/${src.sha256}/original`, class: 'muted', title: t('original') }, `[${src.sha256.slice(0, 8)}]`));
}

// ---------------------------------------------------------------------------------------------
// Unlock / sign in

function unlockPage(): void {
  const err = h('div', { 'aria-live': 'polite' });
  const pass = h('input', { type: 'password', id: 'passphrase', name: 'passphrase', required: true, autocomplete: 'current-password', autofocus: true });
  const user = h('input', { type: 'text', id: 'user', name: 'user', autocomplete: 'username' });
  const form = h('form', { class: 'card narrow', onsubmit: async (ev: Event) => {
    ev.preventDefault();
    err.replaceChildren();
    try {
      const name = user.value.trim();
      session = name ? await api<SessionInfo>('POST', '/api/login', { user: name, password: pass.value }) : await api<SessionInfo>('POST', '/api/unlock', { passphrase: pass.value });
      pass.value = '';
      location.hash = '#/reports';
    } catch (e) {
      err.replaceChildren(errorBox(e));
    }
  } },
  h('h1', null, t('unlockTitle')),
  h('p', { class: 'muted' }, t('unlockHelp')),
  h('label', { for: 'user' }, t('userOptional')), user,
  h('label', { for: 'passphrase' }, t('passphrase')), pass,
  h('button', { type: 'submit', class: 'primary' }, t('unlock')),
  err);
  render(form);
  pass.focus();
}

// ---------------------------------------------------------------------------------------------
// Reports: list and upload

/** What the upload page offers to choose; the server reads these (SUPPORTED_EXTENSIONS in src/ingest/formats.ts). */
const UPLOAD_ACCEPT = '.txt,.html,.htm,.jsonl,.pdf,.docx,.eml,.json';

interface ReportSummary { id: number; sha256: string; filename: string | null; format: string; title: string | null; published: string | null; language: string | null; capturedAt: string; claims: number }

async function reportsPage(): Promise<void> {
  const list = h('div', null, h('p', { class: 'muted' }, t('loading')));
  const uploads = h('ul', { class: 'uploads', 'aria-live': 'polite' });
  const input = h('input', { type: 'file', multiple: true, id: 'files', accept: UPLOAD_ACCEPT, class: 'visually-hidden' });
  const drop = h('label', { for: 'files', class: 'drop', tabindex: 0, id: 'dropzone' }, t('dropHere'));
  const start = (files: FileList | File[]) => {
    const pending = [...files].map((f) => upload(f, uploads));
    void Promise.allSettled(pending).then(() => loadList());
  };
  input.addEventListener('change', () => { if (input.files) start(input.files); input.value = ''; });
  drop.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); } });
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); if (e.dataTransfer?.files) start(e.dataTransfer.files); });

  async function loadList(): Promise<void> {
    try {
      // Newest first, a page at a time.
      const first = await page<ReportSummary[]>('/api/reports');
      const rows = (reports: ReportSummary[]) => reports.map((r) => h('tr', null,
        h('td', null, h('a', { href: `#/report/${r.id}` }, r.title ?? r.filename ?? t('untitled'))),
        h('td', null, r.published ?? ''), h('td', null, r.format), h('td', { class: 'num' }, r.claims),
        h('td', null, h('a', { href: `/api/reports/${r.sha256}/original` }, r.sha256.slice(0, 12)))));
      const body = h('tbody', null, rows(first.data));
      const more = (reports: ReportSummary[], next: string | null) => {
        append(body, rows(reports));
        const b = moreButton<ReportSummary[]>(next, more);
        if (b) list.append(b);
      };
      list.replaceChildren(first.data.length === 0 ? h('p', null, t('noReports')) : h('table', null,
        h('thead', null, h('tr', null, h('th', null, t('title')), h('th', null, t('published')), h('th', null, t('format')), h('th', { class: 'num' }, t('claims')), h('th', null, t('original')))),
        body));
      const b = moreButton<ReportSummary[]>(first.next, more);
      if (b) list.append(b);
    } catch (e) {
      list.replaceChildren(errorBox(e));
    }
  }
  render(h('h1', null, t('reports')), allowed('ingest') ? [input, drop, uploads, importSection(() => void loadList())] : h('p', { class: 'muted' }, t('noIngest')), list);
  await loadList();
}

interface ImportResult {
  duplicate: boolean; dryRun: boolean;
  rows: { line: number; name: string; person: { id: number; name: string; existing: boolean }; claims: { type: string; date: string | null; place: string | null; detail: string | null; known: boolean }[]; warnings: string[] }[];
  added: { claims: number; persons: number; personsMatched: number };
}

/** A list and its map, previewed (a dry run) and then imported; both answers show row by row what happens. */
function importSection(done: () => void): HTMLElement {
  const csv = h('input', { type: 'file', id: 'list-file', accept: '.csv,.txt' });
  const map = h('input', { type: 'file', id: 'map-file', accept: '.json' });
  const out = h('div', { class: 'import-result', 'aria-live': 'polite' });
  const send = async (dryRun: boolean) => {
    const list = csv.files?.[0];
    const mapFile = map.files?.[0];
    if (!list || !mapFile) return;
    try {
      const bytes = new Uint8Array(await list.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const r = await api<ImportResult>('POST', '/api/import-list', { filename: list.name, csv: btoa(bin), map: JSON.parse(await mapFile.text()) as object, dryRun });
      out.replaceChildren(r.duplicate ? h('p', null, t('alreadyImported')) : h('div', null,
        h('p', null, `${r.dryRun ? t('wouldAdd') : t('added')}: ${r.added.claims} ${t('claimsWord')}, ${r.added.persons} ${t('personsNew')}, ${r.added.personsMatched} ${t('personsMatched')}`),
        h('ol', { class: 'import-rows' }, r.rows.map((row) => h('li', null, h('strong', null, row.name), ' — ',
          row.person.existing ? [`${t('joins')} `, h('a', { href: `#/person/${row.person.id}` }, row.person.name)] : t('newPerson'),
          h('ul', null, row.claims.map((c) => h('li', { class: c.known ? 'muted' : '' }, `${c.known ? '=' : '+'} ${typeLabel(c.type)}${[c.date, c.place, c.detail].filter(Boolean).length ? ` · ${[c.date, c.place, c.detail].filter(Boolean).join(' · ')}` : ''}`)),
            row.warnings.map((w) => h('li', { class: 'error' }, w))))))));
      if (!dryRun) done();
    } catch (e) {
      out.replaceChildren(e instanceof SyntaxError ? h('p', { class: 'error', role: 'alert' }, `${mapFile.name}: not valid JSON`) : errorBox(e));
    }
  };
  return h('details', { class: 'card import' }, h('summary', null, t('importList')), h('p', { class: 'muted' }, t('importHelp')),
    h('p', null, h('label', { for: 'list-file' }, t('listFile')), ' ', csv, ' ', h('label', { for: 'map-file' }, t('mapFile')), ' ', map),
    h('p', null, h('button', { type: 'button', id: 'import-preview', onclick: () => void send(true) }, t('preview')), ' ',
      h('button', { type: 'button', id: 'import-apply', onclick: () => void send(false) }, t('doImport'))), out);
}

function upload(file: File, into: HTMLElement): Promise<void> {
  const bar = h('progress', { max: 100, value: 0 });
  const state = h('span', { class: 'state' }, t('uploading'));
  const li = h('li', null, h('strong', null, file.name), ' ', bar, ' ', state);
  into.appendChild(li);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/reports?${qs({ filename: file.name })}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    if (session.csrf) xhr.setRequestHeader('x-vigil-csrf', session.csrf);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100); };
    xhr.onload = () => {
      let data: { error?: string; reports?: { reportId: number; status: string; claims: number; title: string | null; notice?: string | null }[] } = {};
      try { data = JSON.parse(xhr.responseText) as typeof data; } catch { /* keep empty */ }
      bar.value = 100;
      if (xhr.status >= 200 && xhr.status < 300 && data.reports) {
        li.classList.add('ok');
        state.replaceChildren(...data.reports.flatMap((r, i) => [i ? ', ' : '', h('a', { href: `#/report/${r.reportId}` }, r.status === 'duplicate' ? t('duplicate') : `${t('ingested')}: ${r.claims} ${t('claims').toLowerCase()}`),
          r.notice ? h('span', { class: 'muted notice' }, ` (${t('note')}: ${r.notice})`) : '']));
      } else {
        li.classList.add('failed');
        state.replaceChildren(h('span', { class: 'error', role: 'alert' }, data.error ?? `HTTP ${xhr.status}`));
      }
      resolve();
    };
    xhr.onerror = () => { li.classList.add('failed'); state.textContent = t('networkError'); resolve(); };
    xhr.send(file);
  });
}

// ---------------------------------------------------------------------------------------------
// One report: main text with claims highlighted

interface ReportClaim { id: number; type: string; date: string | null; place: string | null; detail: string | null; evidence: string; start: number; end: number; reviewStatus: string; personId: number | null; person: string }

/** The text with each span marked; `marks` gets, for every span id, the mark that shows it. */
function markedText(text: string, spans: { start: number; end: number; label: string; cls: string; id: number }[], marks = new Map<number, HTMLElement>()): HTMLElement {
  const out = h('div', { class: 'maintext' });
  const sorted = spans.filter((x) => x.start >= 0 && x.end <= text.length && x.end > x.start).sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  let last: HTMLElement | null = null;
  for (const sp of sorted) {
    if (sp.start < at && last) {
      // Overlapping (two claims from one sentence): the first mark shows both.
      last.title += `\n${sp.label}`;
      marks.set(sp.id, last);
      continue;
    }
    out.appendChild(document.createTextNode(text.slice(at, sp.start)));
    last = h('mark', { class: sp.cls, title: sp.label }, text.slice(sp.start, sp.end));
    out.appendChild(last);
    marks.set(sp.id, last);
    at = sp.end;
  }
  out.appendChild(document.createTextNode(text.slice(at)));
  return out;
}

interface Attachment { id: number; filename: string; mediaType: string; bytes: number; picture: boolean; removed: string[] }
interface Linked { id: number; relation: string; title: string | null }

/** Pictures shown without their metadata (the server strips it), other files as links; and a form to add a picture. */
function attachmentsSection(list: Attachment[], uploadTo: string | null, reload: () => void): HTMLElement {
  const items = list.map((a) => h('figure', { class: 'attachment' },
    a.picture ? h('img', { src: `/api/attachments/${a.id}`, alt: a.filename, loading: 'lazy' }) : null,
    h('figcaption', null, h('a', { href: a.picture ? `/api/attachments/${a.id}` : `/api/attachments/${a.id}/original` }, a.filename), ` · ${a.mediaType}`,
      a.removed.length ? h('span', { class: 'muted' }, ` · ${a.removed.join(', ')} ${t('metadataRemoved')}`) : '')));
  let form: HTMLElement | null = null;
  if (uploadTo && allowed('ingest')) {
    const pick = h('input', { type: 'file', accept: '.jpg,.jpeg,.png,.webp', id: 'add-picture', 'aria-label': t('addPicture') });
    const out = h('span', { class: 'state' });
    pick.addEventListener('change', async () => {
      const f = pick.files?.[0];
      if (!f) return;
      try {
        await api('POST', `${uploadTo}?${qs({ filename: f.name })}`, f);
        reload();
      } catch (e) {
        out.replaceChildren(errorBox(e));
      }
    });
    form = h('p', null, h('label', { for: 'add-picture' }, t('addPicture')), ' ', pick, ' ', out);
  }
  return h('section', { class: 'card attachments', 'aria-label': t('attachments') }, h('h2', null, `${t('attachments')} (${list.length})`), items, form);
}

async function reportPage(id: number): Promise<void> {
  const r = await api<ReportSummary & { mainText: string; url: string | null; claims: ReportClaim[] }>('GET', `/api/reports/${id}`);
  const extras = await api<{ attachments: Attachment[]; parents: Linked[]; children: Linked[] }>('GET', `/api/reports/${id}/attachments`);
  const linkList = (title: string, l: Linked[]) => (l.length ? h('p', null, `${title}: `, l.flatMap((x, i) => [i ? ', ' : '', h('a', { href: `#/report/${x.id}` }, x.title ?? `#${x.id}`)])) : null);
  const marks = new Map<number, HTMLElement>();
  render(
    h('h1', null, r.title ?? r.filename ?? t('untitled')),
    h('p', { class: 'muted' }, [r.published, r.language, r.format, r.filename].filter(Boolean).join(' · '), ' · ',
      h('a', { href: `/api/reports/${r.sha256}/original` }, t('original')), ' ', h('code', null, r.sha256.slice(0, 16)),
      r.url ? [' · ', h('span', null, r.url)] : null),
    linkList(t('cameInside'), extras.parents), linkList(t('carries'), extras.children),
    h('div', { class: 'two' },
      h('section', { 'aria-label': t('mainText') }, markedText(r.mainText, r.claims.map((c) => ({ start: c.start, end: c.end, id: c.id, cls: `st-${c.reviewStatus}`, label: `${typeLabel(c.type)} — ${c.person}` })), marks)),
      h('section', { 'aria-label': t('claims') }, h('h2', null, `${t('claims')} (${r.claims.length})`),
        h('ol', { class: 'claims' }, r.claims.map((c) => h('li', { class: `st-${c.reviewStatus}` },
          h('button', { type: 'button', class: 'link', title: t('showInText'), onclick: () => {
            const mark = marks.get(c.id);
            mark?.scrollIntoView({ block: 'center' });
            mark?.classList.add('flash');
            setTimeout(() => mark?.classList.remove('flash'), 1200);
          } }, h('strong', null, typeLabel(c.type))), ' — ',
          c.personId ? h('a', { href: `#/person/${c.personId}` }, c.person) : c.person,
          [c.date, c.place, c.detail].filter(Boolean).length ? ` · ${[c.date, c.place, c.detail].filter(Boolean).join(' · ')}` : '',
          ' ', h('span', { class: 'badge' }, reviewLabel(c.reviewStatus)))))),
    ),
    attachmentsSection(extras.attachments, `/api/reports/${id}/attachments`, () => void reportPage(id)),
  );
}

// ---------------------------------------------------------------------------------------------
// Review queue

interface QueueClaim extends ReportClaim { personName: string | null; mentionName: string; reportId: number; reportTitle: string | null; reportPublished: string | null; reportSha256: string }
interface QueueItem { claim: QueueClaim; context: { before: string; evidence: string; after: string }; version: number; undo?: { id: number; version: number } }
interface Decided { claim: QueueClaim; version: number }

let reviewKeys: ((e: KeyboardEvent) => void) | null = null;

async function reviewPage(params: URLSearchParams): Promise<void> {
  const wanted = params.get('status') ?? 'proposed';
  const which = wanted in REVIEW_STATUSES ? wanted : 'proposed';
  const q = await api<{ total: number; items: QueueItem[] }>('GET', `/api/review?${qs({ status: which, limit: 200 })}`);
  const pickStatus = h('select', { id: 'queue-filter', 'aria-label': t('status'), onchange: (e: Event) => { location.hash = `#/review?${qs({ status: (e.target as HTMLSelectElement).value })}`; } },
    Object.keys(REVIEW_STATUSES).map((k) => h('option', { value: k, selected: k === which }, reviewLabel(k))));
  let i = 0;
  const done = new Map<number, string>();
  const card = h('div', { class: 'card review', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', id: 'queue-status' });
  const help = h('p', { class: 'keys' }, t('reviewKeys'));

  const show = () => {
    status.textContent = `${reviewLabel(which)}: ${q.total} · ${Math.min(i + 1, q.items.length)} / ${q.items.length} · ${t('decided')}: ${done.size}`;
    const item = q.items[i];
    if (!item) {
      // The queue is loaded 200 at a time; what was decided here has left it, so reloading shows the rest.
      card.replaceChildren(q.total > q.items.length ? h('button', { type: 'button', class: 'primary', onclick: () => void route() }, t('loadMore')) : h('p', null, t('queueEmpty')));
      return;
    }
    const c = item.claim;
    const decided = done.get(c.id);
    card.replaceChildren(
      h('div', { class: 'two' },
        h('div', null,
          h('h2', null, typeLabel(c.type)),
          h('dl', { class: 'fields' },
            h('dt', null, t('person')), h('dd', null, c.personId ? h('a', { href: `#/person/${c.personId}` }, c.personName ?? c.mentionName) : c.mentionName),
            h('dt', null, t('date')), h('dd', null, c.date ?? '—'),
            h('dt', null, t('place')), h('dd', null, c.place ?? '—'),
            h('dt', null, t('detail')), h('dd', null, c.detail ?? '—'),
            h('dt', null, t('source')), h('dd', null, sourceLink({ sha256: c.reportSha256, title: c.reportTitle, published: c.reportPublished }, c.reportId))),
          decided ? h('p', { class: 'decided', role: 'status' }, `${t('decision')}: ${decided}`, ' · ', c.personId ? h('a', { href: `#/person/${c.personId}` }, t('seeCaseFile')) : null) : null,
          allowed('review') ? null : h('p', { class: 'muted', id: 'no-review' }, t('noReview')),
          h('div', { class: 'actions' },
            allowed('review') ? [
              h('button', { type: 'button', class: 'accept', onclick: () => decide('accept'), 'aria-keyshortcuts': 'a' }, `${t('accept')} (A)`),
              h('button', { type: 'button', onclick: () => openCorrect(), 'aria-keyshortcuts': 'c' }, `${t('correct')} (C)`),
              h('button', { type: 'button', class: 'reject', onclick: () => decide('reject'), 'aria-keyshortcuts': 'r' }, `${t('reject')} (R)`),
              item.undo ? h('button', { type: 'button', id: 'undo', onclick: () => void undo(), 'aria-keyshortcuts': 'u' }, `${t('undo')} (U)`) : null] : null,
            h('button', { type: 'button', onclick: () => move(-1), 'aria-keyshortcuts': 'k' }, `← ${t('previous')} (K)`),
            h('button', { type: 'button', onclick: () => move(1), 'aria-keyshortcuts': 'j' }, `${t('next')} (J) →`)),
          h('div', { id: 'correct-slot' })),
        h('blockquote', { class: 'context' }, item.context.before, h('mark', null, item.context.evidence), item.context.after)),
    );
  };
  const move = (d: number) => { i = Math.max(0, Math.min(q.items.length - 1, i + d)); show(); };
  const afterDecision = (id: number, label: string) => {
    done.set(id, label);
    show();
    setTimeout(() => {
      if (q.items[i]?.claim.id !== id) return;
      if (i < q.items.length - 1) move(1);
      else if (q.total > q.items.length && done.size === q.items.length) void route();
    }, 350);
  };
  /** A 409: another tab or person decided first. The card shows the claim as it is now, and says so. */
  const refused = (item: QueueItem, e: unknown) => {
    if (e instanceof ApiError && e.code === 'stale' && e.data.claim) {
      item.claim = e.data.claim as QueueClaim;
      item.version = Number(e.data.version);
      const changes = (e.data.changes as { decision: string; reviewer: string; at: string }[] | undefined) ?? [];
      show();
      card.appendChild(h('p', { class: 'error', role: 'alert', id: 'stale' }, `${t('errStale')} ${changes.map((c) => `${c.decision === 'corrected' ? t('corrected') : reviewLabel(c.decision)} — ${c.reviewer}, ${c.at.slice(0, 16).replace('T', ' ')}`).join('; ')}`));
      return;
    }
    card.appendChild(errorBox(e));
  };
  const decide = async (decision: 'accept' | 'reject') => {
    const item = q.items[i];
    if (!item) return;
    try {
      const r = await api<Decided>('POST', `/api/claims/${item.claim.id}/review`, { decision, version: item.version });
      item.undo = { id: item.claim.id, version: r.version };
      item.claim = r.claim;
      item.version = r.version;
      afterDecision(item.claim.id, decision === 'accept' ? t('accepted') : t('rejected'));
    } catch (e) { refused(item, e); }
  };
  /** Undo the last decision made here on this card (a stray R): the claim goes back as it was. */
  const undo = async () => {
    const item = q.items[i];
    if (!item?.undo) return;
    try {
      const r = await api<Decided>('POST', `/api/claims/${item.undo.id}/undo`, { version: item.undo.version });
      item.claim = r.claim;
      item.version = r.version;
      delete item.undo;
      done.delete(item.claim.id);
      show();
    } catch (e) { refused(item, e); }
  };
  const openCorrect = () => {
    const item = q.items[i];
    const slot = document.getElementById('correct-slot');
    if (!item || !slot) return;
    const c = item.claim;
    const type = h('select', { id: 'fix-type' }, EVENT_TYPE_NAMES.map((n) => h('option', { value: n, selected: n === c.type }, typeLabel(n))));
    const field = (id: string, v: string | null, ph = '') => h('input', { id, type: 'text', value: v ?? '', placeholder: ph });
    const person = field('fix-person', c.mentionName);
    const date = field('fix-date', c.date, 'YYYY-MM-DD');
    const place = field('fix-place', c.place);
    const detail = field('fix-detail', c.detail, t('articleHint'));
    const err = h('div', { class: 'form-error' });
    const form = h('form', { class: 'correct', onsubmit: async (ev: Event) => {
      ev.preventDefault();
      // A date that is no date is said here, in the reader's language, before anything is sent.
      const typed = date.value.trim();
      const checked = typed ? parseClaimDate(typed) : null;
      if (checked && !checked.ok) {
        err.replaceChildren(h('p', { class: 'error', role: 'alert' }, `${t(SERVER_CODES[checked.code]!)} «${typed}»`));
        date.focus();
        return;
      }
      try {
        const r = await api<{ claim: QueueClaim; supersedes: number }>('POST', `/api/claims/${c.id}/correct`, { type: type.value, person: person.value, date: checked?.ok ? checked.date : null, place: place.value.trim() || null, detail: detail.value.trim() || null, version: item.version });
        // The card now shows the corrected claim, with its new values; undo brings the original back.
        item.undo = { id: c.id, version: item.version + 1 };
        item.claim = r.claim;
        item.version = 0;
        afterDecision(r.claim.id, t('corrected'));
      } catch (e) {
        if (e instanceof ApiError && e.code === 'stale') refused(item, e);
        else err.replaceChildren(errorBox(e));
      }
    } },
    h('label', { for: 'fix-type' }, t('type')), type,
    h('label', { for: 'fix-person' }, t('person')), person,
    h('label', { for: 'fix-date' }, t('date')), date,
    h('label', { for: 'fix-place' }, t('place')), place,
    h('label', { for: 'fix-detail' }, t('articleDetail')), detail,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('saveCorrection')), h('button', { type: 'button', onclick: () => slot.replaceChildren() }, t('cancel'))),
    err);
    slot.replaceChildren(form);
    type.focus();
  };
  reviewKeys = (e: KeyboardEvent) => {
    const tag = (e.target as HTMLElement | null)?.tagName ?? '';
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(tag) || e.ctrlKey || e.metaKey || e.altKey) {
      if (e.key === 'Escape') document.getElementById('correct-slot')?.replaceChildren();
      return;
    }
    const k = e.key.toLowerCase();
    if (!allowed('review') && ['a', 'r', 'c', 'u'].includes(k)) return;
    if (k === 'u') void undo();
    else if (k === 'a') void decide('accept');
    else if (k === 'r') void decide('reject');
    else if (k === 'c') { e.preventDefault(); openCorrect(); }
    else if (k === 'j' || k === 'n' || e.key === 'ArrowRight') move(1);
    else if (k === 'k' || k === 'p' || e.key === 'ArrowLeft') move(-1);
    else return;
  };
  document.addEventListener('keydown', reviewKeys);
  render(h('h1', null, t('review')), h('div', { class: 'queuebar' }, pickStatus, status), help, card);
  show();
}

// ---------------------------------------------------------------------------------------------
// Case file

interface Src { sha256: string; title: string | null; published: string | null; url: string | null }
interface Dossier {
  id: number; name: string; aliases: string[]; roles: string[]; status: string; statusSince: string | null;
  lastPlace: { place: string; date: string | null; source: Src; evidence: string } | null;
  timeline: { claimId: number; type: string; date: string | null; place: string | null; detail: string | null; claimant: string | null; evidence: string; reviewStatus: string; madeBy: string; source: Src; reviews: { decision: string; reviewer: string; at: string }[] }[];
  places: { place: string; since: string | null; type: string; source: Src; evidence: string }[];
  charges: { article: string; date: string | null; source: Src; evidence: string }[];
  sentences: { detail: string | null; date: string | null; source: Src; evidence: string }[];
  disagreements: { type: string; field: string; versions: { value: string; claims: { claimId: number; evidence: string; source: Src }[] }[] }[];
  related: { id: number; name: string; roles: string[]; reports: number; coDefendant: boolean }[];
  reports: Src[];
  events: CaseEvent[];
  recognition: { by: string | null; date: string | null; enteredBy: string } | null;
}
interface CaseEvent {
  key: string; type: string; date: string | null; until: string | null; place: string | null; detail: string | null; reviewStatus: string;
  claimIds: number[]; independentSources: number;
  sources: (Src & { copyOf: number | null; quotes: { claimId: number; evidence: string; reviewStatus: string; madeBy: string }[] })[];
  disagreements: { field: string; versions: { value: string; claimIds: number[] }[] }[];
}

/** One event with all its sources and quotes, how many are independent, and what they disagree on. */
function eventItem(e: CaseEvent): HTMLElement {
  const copies = e.sources.length - e.independentSources;
  return h('li', { class: `event st-${e.reviewStatus}`, id: `event-${e.key.replace(':', '-')}`, 'data-claims': e.claimIds.join(',') },
    h('div', null, h('strong', null, e.date ? (e.until ? `${e.date} – ${e.until}` : e.date) : t('dateUnknown')), ' · ', typeLabel(e.type),
      e.place ? ` · ${e.place}` : '', e.detail ? ` · ${e.detail}` : '', ' ', h('span', { class: `badge st-${e.reviewStatus}` }, reviewLabel(e.reviewStatus)),
      ' ', h('span', { class: 'muted source-count' }, `${e.sources.length} ${t('sourcesWord')}${copies ? ` (${t('independent')}: ${e.independentSources})` : ''}`)),
    e.disagreements.map((d) => h('div', { class: 'event-disagreement' }, h('span', { class: 'label' }, `${t('disagreements')} — ${t(d.field as Key)}`),
      h('div', { class: 'side-by-side' }, d.versions.map((v) => h('div', { class: 'version' }, h('strong', null, v.value), ` (${v.claimIds.length})`))))),
    h('ol', { class: 'event-sources' }, e.sources.map((src) => h('li', null,
      src.quotes.map((q) => h('div', null, quote(q.evidence))),
      h('div', { class: 'muted' }, sourceLink(src), src.copyOf !== null ? ` · ${t('copyOf')} ${e.sources[src.copyOf]?.title ?? e.sources[src.copyOf]?.sha256.slice(0, 12) ?? ''}` : '')))));
}

const quote = (s: string) => h('q', null, s.replace(/\s+/g, ' ').trim());

/** Dispute, reopen, accept or undo one claim from the case file; each sends the version it was shown. */
function claimActions(claimId: number, status: string, version: number, reload: () => void): HTMLElement {
  const out = h('div', { class: 'claim-actions' });
  const act = async (url: string, body: Record<string, unknown>) => {
    try {
      await api('POST', url, { ...body, version });
      reload();
    } catch (e) { out.appendChild(errorBox(e)); }
  };
  const button = (label: string, cls: string, run: () => void) => h('button', { type: 'button', class: `small ${cls}`, onclick: run }, label);
  append(out, [
    status !== 'accepted' ? button(t('accept'), 'act-accept', () => void act(`/api/claims/${claimId}/review`, { decision: 'accept' })) : null,
    status !== 'disputed' ? button(t('dispute'), 'act-dispute', () => void act(`/api/claims/${claimId}/review`, { decision: 'dispute' })) : null,
    status !== 'proposed' ? button(t('reopen'), 'act-reopen', () => void act(`/api/claims/${claimId}/review`, { decision: 'reopen' })) : null,
    version > 0 ? button(t('undo'), 'act-undo', () => void act(`/api/claims/${claimId}/undo`, {})) : null,
  ]);
  return out;
}

/** Add a fact by hand with its source: a phone call, a letter, a court document, an organisation's decision (recognition). */
function handFactForm(personId: number, name: string): HTMLElement {
  const type = h('select', { id: 'hf-type' }, EVENT_TYPE_NAMES.map((n) => h('option', { value: n }, typeLabel(n))));
  const input = (id: string, ph = '') => h('input', { id, type: 'text', placeholder: ph });
  const date = input('hf-date', '28.02.2024');
  const place = input('hf-place');
  const detail = input('hf-detail', t('articleHint'));
  const kind = h('select', { id: 'hf-kind' }, Object.keys(SOURCE_KINDS).map((k) => h('option', { value: k }, SOURCE_KINDS[k as keyof typeof SOURCE_KINDS][lang()])));
  const text = h('textarea', { id: 'hf-text', rows: 3, required: true });
  const level = h('select', { id: 'hf-level' }, Object.keys(CONFIDENTIALITY).map((k) => h('option', { value: k, selected: k === 'internal' }, CONFIDENTIALITY[k as keyof typeof CONFIDENTIALITY][lang()])));
  const err = h('div', { class: 'form-error' });
  const form = h('form', { class: 'correct hand-fact', onsubmit: async (ev: Event) => {
    ev.preventDefault();
    const typed = date.value.trim();
    const checked = typed ? parseClaimDate(typed) : null;
    if (checked && !checked.ok) { err.replaceChildren(h('p', { class: 'error', role: 'alert' }, `${t(SERVER_CODES[checked.code]!)} «${typed}»`)); return; }
    try {
      await api('POST', `/api/persons/${personId}/facts`, {
        type: type.value, date: checked?.ok ? checked.date : null, place: place.value.trim() || null, detail: detail.value.trim() || null, confidentiality: level.value,
        source: { kind: kind.value, text: text.value },
      });
      void personPage(personId);
    } catch (e) { err.replaceChildren(errorBox(e)); }
  } },
  h('label', { for: 'hf-type' }, t('type')), type, h('label', { for: 'hf-date' }, t('date')), date, h('label', { for: 'hf-place' }, t('place')), place,
  h('label', { for: 'hf-detail' }, t('articleDetail')), detail, h('label', { for: 'hf-kind' }, t('sourceKind')), kind,
  h('label', { for: 'hf-text' }, t('sourceText')), text, h('label', { for: 'hf-level' }, t('confidentiality')), level,
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'hf-save' }, t('addFact'))), err);
  return h('details', { class: 'card hand-fact-box' }, h('summary', { id: 'add-fact' }, `${t('addFactFor')} ${name}`), form);
}

async function personPage(id: number): Promise<void> {
  const d = await api<Dossier>('GET', `/api/persons/${id}`);
  const pictures = await api<Attachment[]>('GET', `/api/persons/${id}/attachments`);
  const section = (title: string, ...body: Child[]) => h('section', { class: 'card' }, h('h2', null, title), ...body);
  render(
    h('h1', null, d.name),
    d.aliases.length ? h('p', { class: 'muted' }, `${t('alsoWritten')}: ${d.aliases.join('; ')}`) : null,
    // Printing (or saving as PDF) is publishing: accepted facts only, unless asked for the unreviewed ones too.
    h('p', { class: 'print-links' }, h('a', { id: 'print', href: `/api/persons/${id}/print?${qs({ lang: lang() })}`, target: '_blank', rel: 'noopener' }, t('printCaseFile')), ' · ',
      h('a', { id: 'print-proposed', href: `/api/persons/${id}/print?${qs({ lang: lang(), proposed: 'true' })}`, target: '_blank', rel: 'noopener' }, t('printWithProposed'))),
    h('div', { class: 'summary' },
      h('div', null, h('span', { class: 'label' }, t('status')), h('span', { class: `status s-${d.status}`, id: 'status' }, statusLabel(d.status)), d.statusSince ? ` ${t('since')} ${d.statusSince}` : ''),
      h('div', null, h('span', { class: 'label' }, t('currentPlace')),
        d.lastPlace ? [h('strong', { id: 'current-place' }, d.lastPlace.place),
          d.lastPlace.date ? ` ${t('since')} ${d.lastPlace.date}` : d.lastPlace.source.published ? ` (${t('reportedOn')} ${d.lastPlace.source.published})` : '',
          h('br'), sourceLink(d.lastPlace.source)] : h('span', { class: 'muted' }, t('notStated'))),
      d.roles.length ? h('div', null, h('span', { class: 'label' }, t('roles')), d.roles.map(roleLabel).join(', ')) : null,
      h('div', { id: 'recognition' }, h('span', { class: 'label' }, typeLabel('recognition')),
        d.recognition ? [h('strong', null, d.recognition.by ?? '—'), d.recognition.date ? `, ${d.recognition.date}` : '', ` · ${t('enteredBy')} ${d.recognition.enteredBy}`]
          : h('span', { class: 'muted' }, t('notRecognised')))),
    allowed('ingest') ? handFactForm(id, d.name) : null,
    h('div', { class: 'two' },
      section(t('placesHistory'), d.places.length ? h('ol', null, d.places.map((p) => h('li', null, h('strong', null, p.place), ` — ${typeLabel(p.type)}${p.since ? `, ${p.since}` : ''} `, sourceLink(p.source)))) : h('p', { class: 'muted' }, t('none'))),
      section(t('chargesSentence'),
        d.charges.length ? h('ul', null, d.charges.map((c) => h('li', null, `${t('article')} ${c.article}`, c.date ? ` (${c.date})` : '', ' ', sourceLink(c.source)))) : h('p', { class: 'muted' }, t('noCharges')),
        d.sentences.map((x) => h('p', null, h('strong', null, `${typeLabel('sentence')}: `), x.detail ?? '', x.date ? ` (${x.date})` : '', ' ', sourceLink(x.source))))),
    // What the sources disagree on is shown inside each event, side by side (eventItem).
    section(`${t('events')} (${d.events.length})`, h('ol', { class: 'events' }, d.events.map(eventItem))),
    section(`${t('allClaims')} (${d.timeline.length})`, h('ol', { class: 'timeline' }, d.timeline.map((e) => h('li', { class: `st-${e.reviewStatus}`, id: `claim-${e.claimId}` },
      h('div', null, h('strong', null, e.date ?? t('dateUnknown')), ' · ', typeLabel(e.type), e.place ? ` · ${e.place}` : '', e.detail ? ` · ${e.detail}` : '',
        e.claimant ? ` · ${t('accordingTo')} ${e.claimant}` : '', ' ', h('span', { class: `badge st-${e.reviewStatus}` }, reviewLabel(e.reviewStatus))),
      h('div', null, quote(e.evidence)),
      h('div', { class: 'muted' }, sourceLink(e.source), ' · ', e.madeBy.startsWith('person:') ? `${t('madeBy')} ${e.madeBy.slice(7)}` : t('byExtractor'),
        e.reviews.map((r) => ` · ${r.decision === 'corrected' ? t('corrected') : reviewLabel(r.decision)} ${t('by')} ${r.reviewer}, ${r.at.slice(0, 16).replace('T', ' ')}`)),
      allowed('review') ? claimActions(e.claimId, e.reviewStatus, e.reviews.length, () => void personPage(id)) : null)))),
    h('div', { class: 'two' },
      section(t('related'), d.related.length ? h('ul', null, d.related.map((r) => h('li', null, h('a', { href: `#/person/${r.id}` }, r.name), r.coDefendant ? ` — ${t('coDefendant')}` : r.roles.length ? ` — ${r.roles.map(roleLabel).join(', ')}` : '', ` (${r.reports})`))) : h('p', { class: 'muted' }, t('none'))),
      section(`${t('reportsNaming')} (${d.reports.length})`, h('ul', null, d.reports.map((r) => h('li', null, sourceLink(r)))))),
    attachmentsSection(pictures, `/api/persons/${id}/attachments`, () => void personPage(id)),
  );
}

// ---------------------------------------------------------------------------------------------
// Prisoner list

interface PrisonerRow { id: number; name: string; status: string; statusSince: string | null; place: string | null; placeSince: string | null; articles: string[]; arrested: string | null; claims: number; reports: number }

async function prisonersPage(params: URLSearchParams): Promise<void> {
  const f = { status: params.get('status') ?? '', article: params.get('article') ?? '', facility: params.get('facility') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  type List = { total: number; shown: number; byStatus: Record<string, number>; byArticle: Record<string, number>; byFacility: Record<string, number>; persons: PrisonerRow[] };
  const { data, next } = await page<List>(`/api/prisoners?${qs(f)}`);
  const status = h('select', { id: 'f-status', name: 'status' }, h('option', { value: '' }, t('any')), Object.keys(PERSON_STATUSES).map((k) => h('option', { value: k, selected: k === f.status }, statusLabel(k))));
  const input = (id: string, name: string, value: string, type = 'text') => h('input', { id, name, value, type });
  const form = h('form', { class: 'filters', onsubmit: (ev: Event) => {
    ev.preventDefault();
    const fd = new FormData(ev.target as HTMLFormElement);
    location.hash = `#/prisoners?${qs(Object.fromEntries([...fd.entries()].map(([k, v]) => [k, String(v).trim()])))}`;
  } },
  h('label', null, t('status'), status),
  h('label', null, t('article'), input('f-article', 'article', f.article)),
  h('label', null, t('facility'), input('f-facility', 'facility', f.facility)),
  h('label', null, t('arrestedFrom'), input('f-from', 'from', f.from, 'date')),
  h('label', null, t('arrestedTo'), input('f-to', 'to', f.to, 'date')),
  h('button', { type: 'submit', class: 'primary' }, t('filter')),
  h('a', { href: '#/prisoners', class: 'button' }, t('clear')));
  const rows = (persons: PrisonerRow[]) => persons.map((p) => h('tr', null,
    h('td', null, h('a', { href: `#/person/${p.id}` }, p.name)),
    h('td', null, statusLabel(p.status), p.statusSince ? ` ${t('since')} ${p.statusSince}` : ''),
    h('td', null, p.place ?? '—', p.placeSince ? ` (${p.placeSince})` : ''),
    h('td', null, p.articles.join(', ')),
    h('td', null, p.arrested ?? ''),
    h('td', { class: 'num' }, p.claims)));
  const body = h('tbody', null, rows(data.persons));
  const more = (d: List, after: string | null) => {
    append(body, rows(d.persons));
    const b = moreButton<List>(after, more);
    if (b) body.closest('table')!.after(b);
  };
  const counts = (rec: Record<string, number>, label: (k: string) => string) => h('ul', { class: 'chips' }, Object.entries(rec).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([k, n]) => h('li', null, `${label(k)}: ${n}`)));
  render(
    h('h1', null, t('prisoners')), form,
    h('p', { id: 'prisoner-count' }, `${t('shown')}: ${data.shown} / ${data.total}`),
    h('div', { class: 'three' },
      h('div', null, h('h3', null, t('byStatus')), counts(data.byStatus, statusLabel)),
      h('div', null, h('h3', null, t('byArticle')), counts(data.byArticle, (a) => `${t('article')} ${a}`)),
      h('div', null, h('h3', null, t('byFacility')), counts(data.byFacility, (x) => x))),
    h('table', null,
      h('thead', null, h('tr', null, [t('name'), t('status'), t('currentPlace'), t('articles'), t('arrested'), t('claims')].map((x) => h('th', null, x)))),
      body),
    moreButton<List>(next, more),
  );
}

// ---------------------------------------------------------------------------------------------
// Search

interface Hit { kind: 'report' | 'claim'; reportId: number; sha256: string; title: string | null; published: string | null; claimId?: number; type?: string; personId?: number | null; personName?: string; reviewStatus?: string; snippet: { text: string; hit?: true }[] }

async function searchPage(params: URLSearchParams): Promise<void> {
  const q = params.get('q') ?? '';
  const box = h('input', { type: 'search', id: 'q', name: 'q', value: q, placeholder: t('searchHint'), 'aria-label': t('search') });
  const form = h('form', { class: 'searchbar', role: 'search', onsubmit: (ev: Event) => { ev.preventDefault(); location.hash = `#/search?${qs({ q: box.value.trim() })}`; } },
    box, h('button', { type: 'submit', class: 'primary' }, t('search')));
  const out = h('div', { id: 'results', 'aria-live': 'polite' });
  render(h('h1', null, t('search')), form, out);
  box.focus();
  if (!q) return;
  try {
    type Found = { total: number; results: Hit[] };
    const { data: r, next } = await page<Found>(`/api/search?${qs({ q })}`);
    const items = (hits: Hit[]) => hits.map((x) => h('li', null,
        h('div', null,
          h('span', { class: 'badge' }, x.kind === 'claim' ? typeLabel(x.type ?? '') : t('report')), ' ',
          x.kind === 'claim' && x.personId ? h('a', { href: `#/person/${x.personId}` }, x.personName ?? '') : null,
          x.kind === 'claim' ? ' · ' : '',
          h('a', { href: `#/report/${x.reportId}` }, x.title ?? t('untitled')), x.published ? ` · ${x.published}` : ''),
        h('p', { class: 'snippet' }, x.snippet.map((sg) => (sg.hit ? h('mark', null, sg.text) : sg.text)))));
    const list = h('ol', { class: 'results' }, items(r.results));
    const count = h('p', { class: 'muted' }, `${r.results.length} ${t('results')}`);
    let shown = r.results.length;
    const more = (d: Found, after: string | null) => {
      append(list, items(d.results));
      shown += d.results.length;
      count.textContent = `${shown} ${t('results')}`;
      const b = moreButton<Found>(after, more);
      if (b) list.after(b);
    };
    out.replaceChildren(count, list, moreButton<Found>(next, more) ?? '');
  } catch (e) {
    out.replaceChildren(errorBox(e));
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics: SVG charts built here

interface Stats {
  detainedOverTime: { month: string; detained: number }[];
  byArticle: { article: string; persons: number }[];
  byFacility: { facility: string; persons: number }[];
  eventsPerMonth: { month: string; events: number }[];
  totals: { persons: number; detainedNow: number; claims: number; reports: number };
}

function columnChart(points: { label: string; value: number }[], title: string, line = false): SVGElement {
  const W = 720, H = 240, L = 40, B = 40, T = 16, R = 10;
  // Whole-number ticks at an even step: 0, 2, 4, 6, 8 rather than 0, 2, 4, 5, 7.
  const tickStep = Math.max(1, Math.ceil(Math.max(1, ...points.map((p) => p.value)) / 4));
  const max = tickStep * 4;
  const step = (W - L - R) / Math.max(1, points.length);
  const y = (v: number) => T + (H - T - B) * (1 - v / max);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, class: 'chart' }, s('title', {}, title));
  for (const v of [0, 1, 2, 3, 4].map((k) => k * tickStep)) {
    svg.appendChild(s('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }));
    svg.appendChild(s('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, String(v)));
  }
  const every = Math.max(1, Math.ceil(points.length / 12));
  points.forEach((p, k) => {
    const x = L + k * step;
    if (!line) svg.appendChild(s('rect', { x: x + step * 0.15, y: y(p.value), width: Math.max(1, step * 0.7), height: H - B - y(p.value), class: 'bar' }, s('title', {}, `${p.label}: ${p.value}`)));
    if (k % every === 0) svg.appendChild(s('text', { x: x + step / 2, y: H - B + 16, 'text-anchor': 'middle', class: 'tick' }, p.label));
  });
  if (line && points.length) {
    const d = points.map((p, k) => `${k ? 'L' : 'M'}${(L + k * step + step / 2).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
    svg.appendChild(s('path', { d, class: 'line' }));
    points.forEach((p, k) => svg.appendChild(s('circle', { cx: L + k * step + step / 2, cy: y(p.value), r: 3, class: 'dot' }, s('title', {}, `${p.label}: ${p.value}`))));
  }
  return svg;
}

function barList(rows: { label: string; value: number }[], title: string): SVGElement {
  const shown = rows.slice(0, 15);
  const W = 560, row = 24, L = 250;
  const H = Math.max(row, shown.length * row) + 8;
  const max = Math.max(1, ...shown.map((r) => r.value));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, class: 'chart' }, s('title', {}, title));
  shown.forEach((r, k) => {
    const w = ((W - L - 40) * r.value) / max;
    svg.appendChild(s('text', { x: L - 8, y: k * row + 17, 'text-anchor': 'end', class: 'tick' }, r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label));
    svg.appendChild(s('rect', { x: L, y: k * row + 4, width: Math.max(1, w), height: row - 8, class: 'bar' }));
    svg.appendChild(s('text', { x: L + w + 6, y: k * row + 17, class: 'tick' }, String(r.value)));
  });
  return svg;
}

async function statsPage(): Promise<void> {
  const st = await api<Stats>('GET', '/api/stats');
  const card = (title: string, body: Node) => h('section', { class: 'card' }, h('h2', null, title), body);
  render(
    h('h1', null, t('stats')),
    h('ul', { class: 'chips big' },
      h('li', null, `${t('persons')}: ${st.totals.persons}`), h('li', null, `${t('detainedNow')}: ${st.totals.detainedNow}`),
      h('li', null, `${t('reports')}: ${st.totals.reports}`), h('li', null, `${t('claims')}: ${st.totals.claims}`)),
    card(t('detainedOverTime'), columnChart(st.detainedOverTime.map((p) => ({ label: p.month, value: p.detained })), t('detainedOverTime'), true)),
    h('div', { class: 'two' },
      card(t('byArticle'), barList(st.byArticle.map((a) => ({ label: `${t('article')} ${a.article}`, value: a.persons })), t('byArticle'))),
      card(t('byFacility'), barList(st.byFacility.map((a) => ({ label: a.facility, value: a.persons })), t('byFacility')))),
    card(t('eventsPerMonth'), columnChart(st.eventsPerMonth.map((p) => ({ label: p.month, value: p.events })), t('eventsPerMonth'))),
  );
}

// ---------------------------------------------------------------------------------------------
// Router

async function route(): Promise<void> {
  const nav = ++navigation;
  main().setAttribute('aria-busy', 'true');
  if (reviewKeys) { document.removeEventListener('keydown', reviewKeys); reviewKeys = null; }
  const [path = '', query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  if (!session.csrf && path !== '/unlock') {
    try {
      session = await api<SessionInfo>('GET', '/api/session');
    } catch (e) {
      if (e instanceof Superseded) return;
      session = { unlocked: false };
    }
    if (!session.csrf) { location.hash = '#/unlock'; return; }
  }
  header();
  const m = /^\/(report|person)\/(\d+)$/.exec(path);
  try {
    if (path === '/unlock') unlockPage();
    else if (m?.[1] === 'report') await reportPage(Number(m[2]));
    else if (m?.[1] === 'person') await personPage(Number(m[2]));
    else if (path === '/review') await reviewPage(params);
    else if (path === '/prisoners') await prisonersPage(params);
    else if (path === '/search') await searchPage(params);
    else if (path === '/stats') await statsPage();
    else await reportsPage();
    document.title = `Vigil — ${document.querySelector('h1')?.textContent ?? ''}`;
    // Keyboard and screen-reader users land on the new page, unless a field already took focus.
    if (!main().contains(document.activeElement)) main().focus();
  } catch (e) {
    if (e instanceof Superseded || nav !== navigation) return;
    if (!(e instanceof ApiError && (e.status === 401 || e.status === 423))) render(errorBox(e));
  }
  if (nav !== navigation) return;
  main().setAttribute('aria-busy', 'false');
  // Which address the page on screen shows: tests and assistive tools wait on it instead of guessing.
  main().dataset.shown = location.hash;
}

document.addEventListener('keydown', (e) => {
  if (!e.altKey || !session.csrf) return;
  const n = Number(e.key);
  const target = NAV[n - 1];
  if (target) { e.preventDefault(); location.hash = target[0]; }
});
// The skip link must not change the hash: the hash is the router's.
document.querySelector('.skip')?.addEventListener('click', (e) => { e.preventDefault(); main().focus(); });
window.addEventListener('hashchange', () => void route());
void route();
