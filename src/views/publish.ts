/**
 * Publishing is a decision: what leaves Vigil for the public holds only claims a person accepted,
 * unless the monitor asks for proposed ones too (then each is marked as proposed). Read as a reader
 * of one clearance (public by default), so nothing above that level enters. Three outputs:
 * - the prisoner list as CSV, one row a persecuted person;
 * - the events as JSON Lines, each with its sources, quotes and review status (provenance);
 * - a case file as a printable HTML page (print stylesheet) with numbered citations, English or Russian.
 */
import type { Confidentiality } from '../schema/taxonomy.ts';
import { EVENT_TYPES, PERSON_STATUSES, REVIEW_STATUSES, isEventType } from '../schema/taxonomy.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import type { Reader } from '../store/confidential.ts';
import { claimsWhere, mentionsFor, readerOf, reportsFor } from '../store/queries.ts';
import { personPage } from '../store/person-views.ts';
import { decodeCursor, type Cursor } from '../store/cursor.ts';
import { displayName } from '../store/resolve-persons.ts';
import { articlesIn } from '../extract/articles.ts';
import { buildCaseFile, type CaseFile } from './casefile.ts';
import type { CaseEvent } from './events.ts';
import { groupBy } from './persons.ts';

export interface PublishOptions {
  level: Confidentiality;
  /** Add claims nobody has reviewed yet, each marked `proposed`. */
  includeProposed: boolean;
}

/** The review statuses an output of these options may carry. */
export function publishedStatuses(opts: Pick<PublishOptions, 'includeProposed'>): string[] {
  return opts.includeProposed ? ['accepted', 'proposed'] : ['accepted'];
}

const PAGE = 200;

/** The ids of every person a reader's level may see, in list order, a page at a time. */
export function* everyPersonId(store: SqliteStore, reader: Reader): Generator<number[]> {
  let cursor: Cursor | null = null;
  for (;;) {
    const { rows, next } = personPage(store, reader, {}, PAGE, cursor);
    if (rows.length) yield rows.map((r) => r.id);
    cursor = decodeCursor(next ?? undefined);
    if (!cursor) return;
  }
}

/**
 * Every person the reader may see with a claim that may be published, as a case file built from
 * those claims only, a page of persons at a time.
 */
export function* publishedCaseFiles(store: SqliteStore, opts: PublishOptions, only?: number[], reader: Reader = readerOf(opts.level, store.fieldKeys)): Generator<CaseFile> {
  const statuses = JSON.stringify(publishedStatuses(opts));
  for (const ids of only ? [only] : everyPersonId(store, reader)) {
    const page = JSON.stringify(ids);
    const where = 'm.person_id IN (SELECT value FROM json_each(?))';
    const mentions = mentionsFor(store, reader, where, [page]);
    const claims = claimsWhere(store, reader, `${where} AND c.review_status IN (SELECT value FROM json_each(?))`, [page, statuses]);
    const reports = reportsFor(store, reader, [...new Set(mentions.map((m) => m.reportId))]);
    const mentionsBy = groupBy(mentions, (m) => m.personId!);
    const claimsBy = groupBy(claims, (c) => c.personId!);
    for (const id of ids) {
      const cs = claimsBy.get(id);
      const ms = mentionsBy.get(id);
      if (!cs?.length || !ms?.length) continue;
      yield buildCaseFile({ id, name: displayName(ms) }, ms, cs, reports);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The prisoner list

export interface PublishedRow {
  id: number; name: string; otherNames: string[]; status: string; since: string | null; place: string | null;
  articles: string[]; sentence: string | null; arrested: string | null; recognisedBy: string | null; sources: string[];
}

const eventsOf = (cf: CaseFile, type: string): CaseEvent[] => cf.events.filter((e) => e.type === type);

/** One row of the published list, from the person's grouped events. */
export function publishedRow(cf: CaseFile): PublishedRow {
  const articles = [...new Set([...eventsOf(cf, 'charge'), ...eventsOf(cf, 'sentence')].flatMap((e) => articlesIn(e.detail)))];
  const sentences = eventsOf(cf, 'sentence');
  const arrests = eventsOf(cf, 'arrest').filter((e) => e.date);
  const sources = new Map<string, string>();
  for (const e of cf.events) for (const s of e.sources) sources.set(s.sha256, s.url ?? `${s.title ?? 'untitled'}${s.published ? `, ${s.published}` : ''} [sha256 ${s.sha256.slice(0, 12)}]`);
  return {
    id: cf.id, name: cf.name, otherNames: cf.aliases, status: cf.status, since: cf.statusSince, place: cf.lastPlace?.place ?? null,
    articles, sentence: sentences[sentences.length - 1]?.detail ?? null, arrested: arrests[arrests.length - 1]?.date ?? null,
    recognisedBy: cf.recognition ? `${cf.recognition.by ?? 'recognised'}${cf.recognition.date ? `, ${cf.recognition.date}` : ''}` : null, sources: [...sources.values()],
  };
}

export const CSV_COLUMNS = ['name', 'other names', 'status', 'since', 'place of detention', 'articles', 'sentence', 'arrest date', 'recognised as a political prisoner by', 'sources'] as const;

/** A CSV cell: quoted when it must be, and never read as a formula by a spreadsheet. */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvRow(r: PublishedRow): string {
  return csvLine([r.name, r.otherNames.join('; '), PERSON_STATUSES[r.status as keyof typeof PERSON_STATUSES]?.en ?? r.status, r.since ?? '', r.place ?? '',
    r.articles.join('; '), r.sentence ?? '', r.arrested ?? '', r.recognisedBy ?? '', r.sources.join(' | ')]);
}

/** The prisoner list: the persecuted only (officials, relatives, lawyers and journalists are in the persons index). */
export function* prisonerCsv(files: Iterable<CaseFile>): Generator<string> {
  yield csvLine([...CSV_COLUMNS]);
  for (const cf of files) if (cf.persecuted) yield csvRow(publishedRow(cf));
}

// ---------------------------------------------------------------------------------------------
// Events as JSON Lines

export function* eventLines(files: Iterable<CaseFile>, opts: PublishOptions): Generator<string> {
  for (const cf of files) {
    for (const e of cf.events) {
      yield `${JSON.stringify({
        kind: 'event', level: opts.level, person: { id: cf.id, name: cf.name, persecuted: cf.persecuted },
        type: e.type, date: e.date, until: e.until, place: e.place, detail: e.detail, reviewStatus: e.reviewStatus,
        independentSources: e.independentSources, disagreements: e.disagreements,
        sources: e.sources.map((s) => ({ sha256: s.sha256, title: s.title, published: s.published, url: s.url, copyOf: s.copyOf === null ? null : e.sources[s.copyOf]!.sha256, quotes: s.quotes })),
      })}\n`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A printable case file

const WORDS = {
  en: { caseFile: 'Case file', alsoWritten: 'Also written', status: 'Status', since: 'since', place: 'Place of detention', notStated: 'not stated', events: 'Events', sources: 'Sources', independent: 'independent', disagree: 'Sources disagree on the', date: 'date', placeWord: 'place', detail: 'detail', copyOf: 'copy of', dateUnknown: 'date unknown', printed: 'Printed', onlyAccepted: 'Only facts a reviewer accepted.', withProposed: 'Includes facts not yet reviewed, marked as proposed.', level: 'Confidentiality level' },
  ru: { caseFile: 'Дело', alsoWritten: 'Также пишется', status: 'Статус', since: 'с', place: 'Место содержания', notStated: 'не указано', events: 'События', sources: 'Источники', independent: 'независимых', disagree: 'Источники расходятся:', date: 'дата', placeWord: 'место', detail: 'подробности', copyOf: 'копия', dateUnknown: 'дата неизвестна', printed: 'Напечатано', onlyAccepted: 'Только факты, принятые при проверке.', withProposed: 'Включает непроверенные факты, помеченные как предложенные.', level: 'Уровень доступа' },
} as const;

export const PRINT_LANGS = WORDS;
export type PrintLang = keyof typeof WORDS;

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The print stylesheet: A4, serif, citations as superscripts, no page break inside an event. */
export const PRINT_CSS = `
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto; color: #000; }
h1 { font-size: 18pt; margin-bottom: 0.2em; } h2 { font-size: 13pt; border-bottom: 1px solid #000; margin-top: 1.5em; }
.muted { color: #444; } .event { margin: 0.6em 0; break-inside: avoid; } .proposed { font-style: italic; }
.badge { font: 8pt sans-serif; border: 1px solid #000; padding: 0 3px; } sup { font-size: 7pt; }
ol.sources li { margin-bottom: 0.4em; break-inside: avoid; } blockquote { margin: 0.2em 0 0.2em 1.2em; }
@page { size: A4; margin: 18mm; }
@media print { body { margin: 0; max-width: none; } a { color: #000; text-decoration: none; } }
`;

/** The case file as one HTML document: each event once, its citations numbered, the sources listed at the end. */
export function printableCaseFile(cf: CaseFile, lang: PrintLang, opts: PublishOptions, now = new Date(), stylesheet?: string): string {
  const w = WORDS[lang];
  const typeLabel = (t: string) => (isEventType(t) ? EVENT_TYPES[t][lang] : t);
  const field = { date: w.date, place: w.placeWord, detail: w.detail } as const;
  const citations = new Map<string, number>();
  const sources: CaseEvent['sources'] = [];
  const cite = (s: CaseEvent['sources'][number]) => {
    let n = citations.get(s.sha256);
    if (n === undefined) {
      n = citations.size + 1;
      citations.set(s.sha256, n);
      sources.push(s);
    }
    return n;
  };
  const events = cf.events.map((e) => {
    const nums = e.sources.map(cite);
    const when = e.date ? (e.until ? `${e.date} – ${e.until}` : e.date) : w.dateUnknown;
    const quotes = e.sources.flatMap((s, i) => s.quotes.map((q) => `<blockquote>“${esc(q.evidence.replace(/\s+/g, ' ').trim())}” <sup>[${nums[i]}]</sup></blockquote>`));
    const disagree = e.disagreements.map((d) => `<div class="muted">${w.disagree} ${field[d.field]}: ${d.versions.map((v) => esc(v.value)).join(' / ')}</div>`);
    const status = e.reviewStatus === 'accepted' ? '' : ` <span class="badge">${esc(REVIEW_STATUSES[e.reviewStatus][lang])}</span>`;
    return `<div class="event${e.reviewStatus === 'accepted' ? '' : ' proposed'}"><strong>${esc(when)}</strong> · ${esc(typeLabel(e.type))}${e.place ? ` · ${esc(e.place)}` : ''}${e.detail ? ` · ${esc(e.detail)}` : ''}${status} <sup>${nums.map((n) => `[${n}]`).join('')}</sup>`
      + ` <span class="muted">(${e.sources.length}; ${w.independent}: ${e.independentSources})</span>${disagree.join('')}${quotes.join('')}</div>`;
  });
  const list = sources.map((s) => `<li>${esc(s.title ?? s.sha256.slice(0, 12))}${s.published ? `, ${esc(s.published)}` : ''}${s.url ? `, <a href="${esc(s.url)}">${esc(s.url)}</a>` : ''} <span class="muted">SHA-256 ${s.sha256}</span></li>`);
  const place = cf.lastPlace ? `${esc(cf.lastPlace.place)}${cf.lastPlace.date ? ` (${w.since} ${esc(cf.lastPlace.date)})` : ''}` : `<span class="muted">${w.notStated}</span>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(w.caseFile)}: ${esc(cf.name)}</title>${stylesheet ? `<link rel="stylesheet" href="${esc(stylesheet)}">` : `<style>${PRINT_CSS}</style>`}</head>
<body>
<h1>${esc(cf.name)}</h1>
${cf.aliases.length ? `<p class="muted">${w.alsoWritten}: ${cf.aliases.map(esc).join('; ')}</p>` : ''}
<p><strong>${w.status}:</strong> ${esc(PERSON_STATUSES[cf.status][lang])}${cf.statusSince ? ` ${w.since} ${esc(cf.statusSince)}` : ''}<br>
<strong>${w.place}:</strong> ${place}</p>
<h2>${w.events}</h2>
${events.join('\n')}
<h2>${w.sources}</h2>
<ol class="sources">${list.join('\n')}</ol>
<p class="muted">${opts.includeProposed ? w.withProposed : w.onlyAccepted} ${w.level}: ${esc(opts.level)}. ${w.printed}: ${now.toISOString().slice(0, 10)}.</p>
</body></html>
`;
}
