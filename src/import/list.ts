/**
 * A monitor's list (CSV) read with its map: each row becomes a person's names and the claims its
 * cells state, with the row itself — written out as "Heading: value; …" in the report's text — as
 * the evidence of every claim it gives. Pure: bytes and map in, rows and text out.
 */
import { parse } from 'csv-parse/sync';
import { basename } from 'node:path';
import { decodeBytes, CleanError } from '../clean/index.ts';
import { InputError } from '../ingest/formats.ts';
import { LIMITS, sizeText } from '../ingest/limits.ts';
import type { EventType } from '../schema/taxonomy.ts';
import { LIST_FIELDS, STATUS_EVENT, type ListField, type ListMap } from './list-map.ts';

export interface RowClaim {
  type: EventType;
  date: string | null;
  place: string | null;
  detail: string | null;
}

export interface ListRow {
  /** The row's line in the file (the heading is line 1). */
  line: number;
  name: string;
  otherNames: string[];
  claims: RowClaim[];
  /** The row as evidence: its offsets in the report's text. */
  start: number;
  end: number;
  /** Cells that could not be read (a date that is no date): said, not guessed. */
  warnings: string[];
}

export interface ParsedList {
  filename: string;
  /** Who makes the claims: import:<file name>. */
  madeBy: string;
  text: string;
  rows: ListRow[];
  /** Rows refused whole (no name), by line. */
  skipped: { line: number; reason: string }[];
  encoding: string;
  language: string | null;
}

const pad = (n: string) => n.padStart(2, '0');

/** A list's date as Vigil keeps it (YYYY, YYYY-MM or YYYY-MM-DD), or null when the cell is no date. */
export function listDate(cell: string, order: 'DMY' | 'MDY'): string | null {
  const t = cell.trim();
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(t);
  if (m) return valid(m[1]!, m[2], m[3]);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  if (m) return order === 'DMY' ? valid(m[3]!, m[2], m[1]) : valid(m[3]!, m[1], m[2]);
  m = /^(\d{1,2})[./-](\d{4})$/.exec(t);
  if (m) return valid(m[2]!, m[1]);
  return null;
}

function valid(y: string, mo?: string, d?: string): string | null {
  if (mo === undefined) return y;
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (d === undefined) return `${y}-${pad(mo)}`;
  const day = Number(d);
  if (day < 1 || day > new Date(Date.UTC(Number(y), month, 0)).getUTCDate()) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

function detectDelimiter(text: string): string {
  const head = text.split(/\r?\n/, 1)[0] ?? '';
  return [',', ';', '\t', '|'].map((d) => [d, head.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
}

/** An article number alone ("342", "342 ч.2") is written out so that the case file reads it as one. */
const articleDetail = (v: string) => (/^\d/.test(v) ? `Article ${v}` : v);

export function readList(bytes: Buffer, filename: string, map: ListMap): ParsedList {
  if (bytes.length > LIMITS.list.maxBytes) throw new InputError(`the list is ${sizeText(bytes.length)}, above the ${sizeText(LIMITS.list.maxBytes)} limit`);
  let decoded: { text: string; encoding: string };
  try {
    decoded = decodeBytes(bytes);
  } catch (e) {
    if (e instanceof CleanError) throw new InputError(e.message);
    throw e;
  }
  let records: string[][];
  try {
    records = parse(decoded.text, { delimiter: map.delimiter ?? detectDelimiter(decoded.text), bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, to: LIMITS.list.maxRows + 1 }) as string[][];
  } catch (e) {
    throw new InputError(`not a readable CSV list (${String((e as Error).message).slice(0, 160)})`);
  }
  const [heading, ...body] = records;
  if (!heading || body.length === 0) throw new InputError('the list has no rows under its heading row');
  if (body.length > LIMITS.list.maxRows) throw new InputError(`the list has more than ${LIMITS.list.maxRows} rows`);
  const index = new Map<ListField, number>();
  for (const [field, col] of Object.entries(map.columns) as [ListField, string][]) {
    const i = heading.findIndex((h) => h.trim().toLowerCase() === col.toLowerCase());
    if (i < 0) throw new InputError(`the map's column "${col}" (${LIST_FIELDS[field].en}) is not in the list's heading row (${heading.join(' | ').slice(0, 200)})`);
    index.set(field, i);
  }
  const madeBy = `import:${basename(filename)}`;
  const rows: ListRow[] = [];
  const skipped: ParsedList['skipped'] = [];
  let text = '';
  body.forEach((rec, k) => {
    const line = k + 2;
    const cell = (f: ListField) => (index.has(f) ? (rec[index.get(f)!] ?? '').trim() : '');
    const many = (f: ListField) => cell(f).split(map.separator).map((v) => v.trim()).filter(Boolean);
    const name = cell('name');
    if (!name) {
      if (rec.some((c) => c.trim())) skipped.push({ line, reason: 'no name in the row' });
      return;
    }
    // The row as the list gives it, every non-empty cell under its heading: the evidence.
    const evidence = heading.map((h, i) => [h.trim(), (rec[i] ?? '').trim()] as const).filter(([h, v]) => h && v).map(([h, v]) => `${h}: ${v}`).join('; ');
    if (text) text += '\n\n';
    const start = text.length;
    text += evidence;
    const warnings: string[] = [];
    const date = (f: ListField): string | null => {
      const v = cell(f);
      if (!v) return null;
      const d = listDate(v, map.dateOrder);
      if (!d) warnings.push(`${LIST_FIELDS[f].en} “${v.slice(0, 40)}” is not a date Vigil reads; kept without a date`);
      return d;
    };
    const claims: RowClaim[] = [];
    const add = (type: EventType, c: Partial<RowClaim> = {}) => claims.push({ type, date: c.date ?? null, place: c.place ?? null, detail: c.detail ?? null });
    const born = date('birth');
    if (born) add('birth', { date: born });
    if (cell('nationality')) add('nationality', { detail: cell('nationality') });
    if (cell('detained')) add('arrest', { date: date('detained') });
    for (const a of many('articles')) add('charge', { detail: articleDetail(a) });
    if (cell('place')) add('detention', { place: cell('place') });
    if (cell('sentence') || cell('sentenced')) add('sentence', { detail: cell('sentence') || null, date: date('sentenced') });
    const statusWord = cell('status').toLowerCase();
    if (statusWord) {
      const status = map.statuses[statusWord];
      const type = status ? STATUS_EVENT[status] : null;
      if (!status) warnings.push(`status “${cell('status').slice(0, 40)}” is not in the map's "statuses"; no claim made from it`);
      else if (type && !claims.some((c) => c.type === type)) add(type);
    }
    rows.push({ line, name, otherNames: many('otherNames'), claims, start, end: text.length, warnings });
  });
  if (rows.length === 0) throw new InputError('no row of the list names a person');
  return { filename, madeBy, text, rows, skipped, encoding: decoded.encoding, language: map.language };
}
