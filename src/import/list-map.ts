/**
 * How a monitor's list maps onto Vigil: which column holds which field, how its dates are
 * written, what its status words mean. Declared as data (a JSON file the user writes once per list
 * layout, see examples/lists/); this module says what such a file may hold and checks it.
 */
import { PERSON_STATUSES, type EventType, type PersonStatus } from '../schema/taxonomy.ts';
import { InputError } from '../ingest/formats.ts';

/** The fields a list row can give, each with the claim it makes (null: it names the person). */
export const LIST_FIELDS = {
  name: { en: 'Name', claim: null },
  otherNames: { en: 'Other names', claim: null },
  birth: { en: 'Birth date or year', claim: 'birth' },
  nationality: { en: 'Nationality', claim: 'nationality' },
  detained: { en: 'Date of detention', claim: 'arrest' },
  articles: { en: 'Article(s)', claim: 'charge' },
  status: { en: 'Status', claim: null },
  place: { en: 'Place of detention', claim: 'detention' },
  sentence: { en: 'Sentence', claim: 'sentence' },
  sentenced: { en: 'Date of sentence', claim: 'sentence' },
  source: { en: 'Source URL', claim: null },
} as const satisfies Record<string, { en: string; claim: EventType | null }>;
export type ListField = keyof typeof LIST_FIELDS;

/** The event a status stands for when a list gives no date: "released" is a release, "in exile" a flight abroad. */
export const STATUS_EVENT: Record<PersonStatus, EventType | null> = {
  detained: 'detention',
  sentenced: 'sentence',
  released: 'release',
  in_exile: 'flight_abroad',
  deceased: 'death_in_custody',
  unknown: null,
};

export interface ListMap {
  /** Column heading (as in the file's first row) of each field; `name` is required. */
  columns: Partial<Record<ListField, string>>;
  /** How dates like 01.03.2024 read: day first (DMY, the default) or month first (MDY). */
  dateOrder: 'DMY' | 'MDY';
  /** Between several values in one cell (articles, other names); default ";". */
  separator: string;
  /** The list's own status words (lower case) → a status of Vigil's. */
  statuses: Record<string, PersonStatus>;
  /** Column delimiter; detected from the heading row when not given. */
  delimiter: string | null;
  /** The language of the list's text (for the report). */
  language: string | null;
}

export function parseListMap(text: string): ListMap {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new InputError('the map is not valid JSON');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new InputError('the map must be a JSON object with "columns"');
  const r = raw as Record<string, unknown>;
  const cols = r.columns;
  if (!cols || typeof cols !== 'object' || Array.isArray(cols)) throw new InputError('the map needs "columns": {"name": "heading of the name column", …}');
  const columns: ListMap['columns'] = {};
  for (const [k, v] of Object.entries(cols as Record<string, unknown>)) {
    if (!Object.hasOwn(LIST_FIELDS, k)) throw new InputError(`the map names an unknown field "${k.slice(0, 40)}"; fields: ${Object.keys(LIST_FIELDS).join(', ')}`);
    if (typeof v !== 'string' || !v.trim()) throw new InputError(`the column of "${k}" must be a heading (text)`);
    columns[k as ListField] = v.trim();
  }
  if (!columns.name) throw new InputError('the map must say which column holds the name ("columns": {"name": …})');
  const statuses: Record<string, PersonStatus> = {};
  for (const [k, v] of Object.entries((r.statuses ?? {}) as Record<string, unknown>)) {
    if (typeof v !== 'string' || !Object.hasOwn(PERSON_STATUSES, v)) throw new InputError(`status "${k.slice(0, 40)}" must map to one of ${Object.keys(PERSON_STATUSES).join(', ')}`);
    statuses[k.trim().toLowerCase()] = v as PersonStatus;
  }
  const dateOrder = r.dateOrder === undefined ? 'DMY' : r.dateOrder;
  if (dateOrder !== 'DMY' && dateOrder !== 'MDY') throw new InputError('"dateOrder" is DMY or MDY');
  const str = (v: unknown, name: string): string | null => {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' || v.length === 0) throw new InputError(`"${name}" must be text`);
    return v;
  };
  return { columns, dateOrder, separator: str(r.separator, 'separator') ?? ';', statuses, delimiter: str(r.delimiter, 'delimiter'), language: str(r.language, 'language') };
}
