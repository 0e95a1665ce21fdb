/**
 * FollowTheMoney export, for Aleph and OpenSanctions: each person as a `Person` (names, aliases,
 * birth date, nationality, status), each event claimed about them as an `Event` involving them,
 * and each source report as a `Document` that the events cite as `proof`. Built from the same
 * clearance-filtered case files as `vigil export`, so nothing marked above the level enters; every
 * entity is checked against the FtM schema (ftm-schema.ts) before it is written.
 */
import type { Confidentiality } from '../schema/taxonomy.ts';
import { EVENT_TYPES, isEventType } from '../schema/taxonomy.ts';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { SqliteStore } from '../store/sqlite-store.ts';
import { prep } from '../store/queries.ts';
import { type Dossier } from './dossier.ts';
import { caseFilesOf, publishingReader, type ExportOptions } from './export.ts';
import type { SourceRef } from './casefile.ts';
import { ftmProblems, isCountry, type FtmEntity } from './ftm-schema.ts';

/** ISO 639-1 (as reports carry it) to the ISO 639-3 codes FtM's language type takes. */
const LANGUAGE3: Record<string, string> = { en: 'eng', ru: 'rus', be: 'bel', uk: 'ukr', pl: 'pol', de: 'deu', fr: 'fra', es: 'spa', pt: 'por', lt: 'lit', lv: 'lav', ka: 'kat', az: 'aze', kk: 'kaz' };

let countryNames: Map<string, string> | null = null;

/** A country as a list writes it ("Беларусь", "Belarus", "BY") to its ISO code, from the runtime's own region names. */
export function countryCode(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (isCountry(v)) return v;
  if (!countryNames) {
    countryNames = new Map();
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const lang of ['en', 'ru', 'be', 'uk']) {
      const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
      for (const a of letters) for (const b of letters) {
        const name = names.of(a + b)?.toLowerCase();
        // The first code of a name wins: RU before SU, which some runtimes still name "Россия".
        if (name && !countryNames.has(name)) countryNames.set(name, (a + b).toLowerCase());
      }
    }
  }
  return countryNames.get(v) ?? null;
}

const add = (props: Record<string, string[]>, key: string, value: string | null | undefined) => {
  const v = value?.replace(/\s+/g, ' ').trim();
  if (!v) return;
  const list = props[key] ?? (props[key] = []);
  if (!list.includes(v)) list.push(v);
};

const documentId = (sha256: string) => `vigil-report-${sha256}`;

function documentEntity(s: SourceRef): FtmEntity {
  const properties: Record<string, string[]> = {};
  add(properties, 'name', s.title ?? `Report ${s.sha256.slice(0, 12)}`);
  add(properties, 'title', s.title);
  add(properties, 'publishedAt', s.published);
  if (s.url && /^https?:\/\//.test(s.url)) add(properties, 'sourceUrl', s.url);
  return { id: documentId(s.sha256), schema: 'Document', properties };
}

/**
 * The person's entities; a document it cites for the first time is made (language included) and
 * put in `fresh`, so that it is written before what cites it.
 */
function personEntities(d: Dossier, docs: Map<string, FtmEntity>, lang: (sha256: string) => string | null, fresh: FtmEntity[]): FtmEntity[] {
  const id = `vigil-person-${d.id}`;
  const person: FtmEntity = { id, schema: 'Person', properties: {} };
  add(person.properties, 'name', d.name);
  for (const a of d.aliases) add(person.properties, 'alias', a);
  add(person.properties, 'status', d.status);
  const out: FtmEntity[] = [person];
  for (const e of d.timeline) {
    let doc = docs.get(e.source.sha256);
    if (!doc) {
      doc = documentEntity(e.source);
      const language = lang(e.source.sha256);
      if (language && LANGUAGE3[language]) add(doc.properties, 'language', LANGUAGE3[language]);
      docs.set(e.source.sha256, doc);
      fresh.push(doc);
    }
    // Facts about the person are the person's properties; each still cites its source as proof.
    if (e.type === 'birth') {
      add(person.properties, 'birthDate', e.date);
      add(person.properties, 'proof', doc.id);
      continue;
    }
    if (e.type === 'nationality') {
      add(person.properties, 'nationality', e.detail ? countryCode(e.detail) : null);
      add(person.properties, 'proof', doc.id);
      continue;
    }
    const label = isEventType(e.type) ? EVENT_TYPES[e.type].en : e.type;
    const ev: FtmEntity = { id: `vigil-claim-${e.claimId}`, schema: 'Event', properties: {} };
    add(ev.properties, 'name', `${label}: ${d.name}`);
    add(ev.properties, 'date', e.date);
    add(ev.properties, 'location', e.place);
    add(ev.properties, 'summary', e.detail);
    add(ev.properties, 'description', e.evidence);
    add(ev.properties, 'involved', id);
    add(ev.properties, 'proof', doc.id);
    add(ev.properties, 'recordId', `claim:${e.claimId} (${e.reviewStatus}, ${e.madeBy})`);
    if (e.source.url && /^https?:\/\//.test(e.source.url)) add(ev.properties, 'sourceUrl', e.source.url);
    out.push(ev);
  }
  return out;
}

export class FtmExportError extends Error {}

/**
 * The entities of a workspace as clearance `level` sees it, read as that level's reader (its rows,
 * and only the field keys it may hold, so a field sealed above it reads as redacted), a person at a
 * time: the documents it cites first seen, then the person and their events. Each batch is checked
 * against the FtM schema with the documents it cites. What is kept between batches is the
 * documents already made (a few hundred bytes per report cited), not the persons.
 */
function* ftmBatches(store: SqliteStore, level: Confidentiality, opts: ExportOptions): Generator<FtmEntity[]> {
  // Published claims only: accepted ones, and proposed ones when asked (export.ts).
  const reader = publishingReader(store, level, opts);
  const docs = new Map<string, FtmEntity>();
  const language = prep(store, 'SELECT language FROM reports WHERE sha256 = ?');
  const lang = (sha256: string) => (language.get(sha256) as { language: string | null } | undefined)?.language ?? null;
  for (const d of caseFilesOf(store, reader)) {
    const fresh: FtmEntity[] = [];
    const people = personEntities(d, docs, lang, fresh);
    // The documents cited that an earlier batch wrote are in the check, not in the batch.
    const cited = new Set(people.flatMap((e) => e.properties.proof ?? []));
    const earlier = [...cited].map((id) => docs.get(id.slice('vigil-report-'.length))).filter((doc): doc is FtmEntity => !!doc && !fresh.includes(doc));
    const batch = [...fresh, ...people];
    const problems = ftmProblems([...earlier, ...batch]);
    // A bug here must not hand a partner a file their tools reject halfway: refuse it whole.
    if (problems.length) throw new FtmExportError(`the FtM export failed its schema check: ${problems.slice(0, 5).join('; ')}`);
    yield batch;
  }
}

/** The whole FtM export as one list (tests, small workspaces; `writeFtmExport` streams it): documents first, then persons and events. */
export function buildFtmExport(store: SqliteStore, level: Confidentiality, opts: ExportOptions = {}): FtmEntity[] {
  const docs: FtmEntity[] = [];
  const people: FtmEntity[] = [];
  for (const batch of ftmBatches(store, level, opts)) for (const e of batch) (e.schema === 'Document' ? docs : people).push(e);
  return [...docs, ...people];
}

/**
 * Writes the FtM export as JSON lines to `out` in constant memory: checked whole first (a pass that
 * writes nothing, so that a file failing the check is refused before anything is written), then
 * written a person at a time. Returns how many entities it wrote.
 */
export async function writeFtmExport(store: SqliteStore, level: Confidentiality, out: Writable | (() => Writable), opts: ExportOptions = {}): Promise<{ entities: number; out: Writable }> {
  for (const _ of ftmBatches(store, level, opts));
  const stream = typeof out === 'function' ? out() : out;
  let n = 0;
  for (const batch of ftmBatches(store, level, opts)) {
    for (const e of batch) {
      if (!stream.write(`${n ? '\n' : ''}${JSON.stringify(e)}`)) await once(stream, 'drain');
      n++;
    }
  }
  if (n) stream.write('\n');
  return { entities: n, out: stream };
}

/** FtM's JSON lines: one entity per line. */
export const toJsonLines = (entities: FtmEntity[]): string => entities.map((e) => JSON.stringify(e)).join('\n');
