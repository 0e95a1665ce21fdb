/**
 * The part of the FollowTheMoney (FtM) model Vigil exports, written down from FtM's published
 * schema files so that exports can be checked here without the Python package:
 *   followthemoney/schema/Thing.yaml, LegalEntity.yaml, Person.yaml, Interval.yaml, Event.yaml,
 *   Analyzable.yaml and Document.yaml in github.com/alephdata/followthemoney (Event.yaml and
 *   Person.yaml as in github.com/opensanctions/followthemoney, commit 0b26585 and 0259971), and the
 *   value rules of followthemoney/types/{date,entity,checksum,country}.py.
 * Only the properties Vigil writes, or that a reader might expect beside them, are listed: a
 * property not listed here is refused by the check, which is stricter than `ftm validate` (that one
 * drops unknown properties and invalid values silently). Schema as data: the check derives from it.
 */

export type FtmType = 'name' | 'string' | 'text' | 'date' | 'country' | 'url' | 'entity' | 'address' | 'language' | 'mimetype' | 'identifier' | 'checksum' | 'number';

export interface FtmProperty {
  type: FtmType;
  /** For entity references: the schema the referenced entity must be (or extend). */
  range?: string;
}

export interface FtmSchema {
  extends: string[];
  abstract?: boolean;
  required?: string[];
  properties: Record<string, FtmProperty>;
}

const p = (type: FtmType, range?: string): FtmProperty => (range ? { type, range } : { type });

export const FTM_SCHEMATA: Record<string, FtmSchema> = {
  Thing: {
    extends: [], abstract: true, required: ['name'],
    properties: {
      name: p('name'), alias: p('name'), previousName: p('name'), weakAlias: p('name'), country: p('country'), summary: p('text'),
      notes: p('text'), description: p('text'), sourceUrl: p('url'), publisher: p('string'), publisherUrl: p('url'), keywords: p('string'),
      address: p('address'), proof: p('entity', 'Document'), createdAt: p('date'), modifiedAt: p('date'), retrievedAt: p('date'),
    },
  },
  LegalEntity: {
    extends: ['Thing'],
    properties: { email: p('string'), phone: p('string'), website: p('url'), status: p('string'), idNumber: p('identifier'), mainCountry: p('country'), jurisdiction: p('country') },
  },
  Person: {
    extends: ['LegalEntity'], required: ['name'],
    properties: {
      title: p('string'), firstName: p('string'), secondName: p('string'), middleName: p('string'), fatherName: p('string'), lastName: p('string'),
      birthDate: p('date'), birthPlace: p('string'), birthCountry: p('country'), deathDate: p('date'), position: p('string'),
      nationality: p('country'), citizenship: p('country'), political: p('string'), profession: p('string'),
    },
  },
  Interval: {
    extends: [], abstract: true,
    properties: {
      startDate: p('date'), endDate: p('date'), date: p('date'), summary: p('text'), description: p('text'), recordId: p('string'),
      sourceUrl: p('url'), proof: p('entity', 'Document'), publisher: p('string'), publisherUrl: p('url'), modifiedAt: p('date'), retrievedAt: p('date'),
    },
  },
  Analyzable: {
    extends: [], abstract: true,
    properties: { detectedLanguage: p('language'), detectedCountry: p('country'), namesMentioned: p('name'), peopleMentioned: p('name') },
  },
  Event: {
    extends: ['Interval', 'Analyzable', 'Thing'], required: ['name'],
    properties: { location: p('address'), organizer: p('entity', 'LegalEntity'), involved: p('entity', 'LegalEntity'), important: p('string') },
  },
  Document: {
    extends: ['Thing'],
    properties: {
      contentHash: p('checksum'), title: p('string'), author: p('string'), generator: p('string'), fileSize: p('number'), fileName: p('string'),
      extension: p('string'), encoding: p('string'), messageId: p('identifier'), mimeType: p('mimetype'), language: p('language'),
      date: p('date'), authoredAt: p('date'), publishedAt: p('date'),
    },
  },
};

/** A schema with everything it inherits, parents first. */
export function lineage(schema: string): string[] {
  const s = FTM_SCHEMATA[schema];
  if (!s) return [];
  return [...new Set([...s.extends.flatMap(lineage), schema])];
}

export function propertyOf(schema: string, prop: string): FtmProperty | null {
  for (const s of lineage(schema).reverse()) {
    const found = FTM_SCHEMATA[s]!.properties[prop];
    if (found) return found;
  }
  return null;
}

export function requiredOf(schema: string): string[] {
  return [...new Set(lineage(schema).flatMap((s) => FTM_SCHEMATA[s]!.required ?? []))];
}

/** types/entity.py: REGEX_RAW. */
export const ENTITY_ID = /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/;
/** types/date.py: ISO 8601 prefixes, UTC, no week dates or ranges. */
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2}))?)?)?)?)?$/;
/** Codes FtM adds to ISO 3166-1 (types/country.py). */
const EXTRA_COUNTRIES = new Set(['zz', 'eu', 'xk', 'yucs', 'csxx', 'suhh', 'ge-ab', 'x-so', 'so-som', 'gb-wls', 'gb-sct', 'md-pmr']);
const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

export function isCountry(v: string): boolean {
  return EXTRA_COUNTRIES.has(v) || (/^[a-z]{2}$/.test(v) && regions.of(v.toUpperCase()) !== undefined);
}

/** Whether a value is valid for an FtM property type (as the type's validate() would say). */
export function validValue(type: FtmType, v: string): boolean {
  if (v.trim() === '' || v !== v.trim()) return false;
  switch (type) {
    case 'date': {
      const m = DATE.exec(v);
      if (!m) return false;
      const [, , mo, d, h, mi, s] = m;
      if (mo && (Number(mo) < 1 || Number(mo) > 12)) return false;
      if (d && (Number(d) < 1 || Number(d) > new Date(Date.UTC(Number(m[1]), Number(mo), 0)).getUTCDate())) return false;
      return !(h && Number(h) > 23) && !(mi && Number(mi) > 59) && !(s && Number(s) > 59);
    }
    case 'country':
      return isCountry(v);
    case 'url':
      try {
        return ['http:', 'https:'].includes(new URL(v).protocol);
      } catch {
        return false;
      }
    case 'entity':
      return ENTITY_ID.test(v);
    case 'language':
      return /^[a-z]{3}$/.test(v);
    case 'mimetype':
      return /^[a-z]+\/[a-z0-9.+-]+$/.test(v);
    case 'checksum':
      return /^[0-9a-f]{40}$/.test(v);
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(v);
    default:
      return true;
  }
}

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/**
 * Every problem with a stream of entities: unknown or abstract schema, bad id, unknown property,
 * invalid value, missing required property, a reference to an entity not in the stream or of the
 * wrong schema, a duplicate id. An empty list means the stream is valid.
 */
export function ftmProblems(entities: FtmEntity[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, FtmEntity>();
  for (const e of entities) {
    if (byId.has(e.id)) problems.push(`${e.id}: the id is used twice`);
    byId.set(e.id, e);
  }
  for (const e of entities) {
    const at = `${e.id} (${e.schema})`;
    if (typeof e.id !== 'string' || !ENTITY_ID.test(e.id)) problems.push(`${at}: the id is not a valid entity id`);
    const schema = FTM_SCHEMATA[e.schema];
    if (!schema) {
      problems.push(`${at}: no such schema`);
      continue;
    }
    if (schema.abstract) problems.push(`${at}: an abstract schema cannot be instantiated`);
    for (const req of requiredOf(e.schema)) if (!e.properties[req]?.length) problems.push(`${at}: the required property ${req} is missing`);
    for (const [name, values] of Object.entries(e.properties)) {
      const prop = propertyOf(e.schema, name);
      if (!prop) {
        problems.push(`${at}: ${e.schema} has no property ${name}`);
        continue;
      }
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
        problems.push(`${at}: ${name} must be a list of strings`);
        continue;
      }
      for (const v of values) {
        if (!validValue(prop.type, v)) problems.push(`${at}: ${name} = “${v.slice(0, 60)}” is not a valid ${prop.type}`);
        if (prop.type === 'entity') {
          const target = byId.get(v);
          if (!target) problems.push(`${at}: ${name} points to ${v}, which is not in the export`);
          else if (prop.range && !lineage(target.schema).includes(prop.range)) problems.push(`${at}: ${name} must point to a ${prop.range}, not a ${target.schema}`);
          if (v === e.id) problems.push(`${at}: ${name} points to itself`);
        }
      }
    }
  }
  return problems;
}
