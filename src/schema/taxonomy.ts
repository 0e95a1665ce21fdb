/**
 * The schema of Vigil, declared once as data. Validation, CLI help, UI labels and exports
 * derive from these tables; adding an event type here is the only change needed to accept it.
 * Event types follow ../shared/contracts/extraction.md (the `type` field).
 */

export interface Label {
  en: string;
  ru: string;
}

/**
 * When two claims of one type about one person state the same event (views/events.ts groups them):
 * - `date`: dates that agree (equal, or one more precise than the other) or full days at most `days`
 *   apart (shown as a disagreement); other fields may disagree, but with `samePlace` two places
 *   that differ are two events (a transfer to one colony and a transfer to another); with
 *   `manyDetails` the detail describes (beaten, made to stand) and sources telling different
 *   details of one event do not disagree.
 * - `place`: the same place (being held somewhere is one stay, however often it is told).
 * - `detail`: the same detail or articles (a charge under one article).
 * - `once`: a person has only one (a death, a birth).
 * - `none`: only copies of one sentence are one event.
 * A claim without the deciding value joins the event it most likely tells of (the latest one
 * before its report was published).
 */
export type SameEvent = { by: 'date'; days: number; samePlace?: true; manyDetails?: true } | { by: 'place' | 'detail' | 'once' | 'none' };

export const EVENT_TYPES = {
  arrest: { en: 'Arrest', ru: 'Задержание', description: 'taken into custody (detained, arrested, seized, picked up)', statusAfter: 'detained', scored: true, persecution: true, sameEvent: { by: 'date', days: 3 } },
  detention: { en: 'Detention', ru: 'Содержание под стражей', description: 'being held somewhere (held at, remains in custody, in pre-trial detention)', statusAfter: 'detained', scored: true, persecution: true, sameEvent: { by: 'place' } },
  transfer: { en: 'Transfer', ru: 'Этапирование', description: 'moved between facilities', statusAfter: 'detained', scored: true, persecution: true, sameEvent: { by: 'date', days: 3, samePlace: true } },
  charge: { en: 'Charge', ru: 'Обвинение', description: 'charged, accused, suspected under an article or of an offence', statusAfter: null, scored: true, persecution: true, sameEvent: { by: 'detail' } },
  trial: { en: 'Trial', ru: 'Суд', description: 'a court hearing or trial session', statusAfter: null, scored: true, persecution: true, sameEvent: { by: 'date', days: 0, manyDetails: true } },
  sentence: { en: 'Sentence', ru: 'Приговор', description: 'sentenced, convicted, fined, jailed for a term', statusAfter: 'sentenced', scored: true, persecution: true, sameEvent: { by: 'date', days: 3 } },
  release: { en: 'Release', ru: 'Освобождение', description: 'released, freed, pardoned, let out on recognizance or bail', statusAfter: 'released', scored: true, persecution: true, sameEvent: { by: 'date', days: 3 } },
  torture_allegation: { en: 'Torture allegation', ru: 'Сообщение о пытках', description: 'torture or ill-treatment described or alleged', statusAfter: null, scored: true, persecution: true, sameEvent: { by: 'date', days: 3, manyDetails: true } },
  search: { en: 'Search', ru: 'Обыск', description: 'home, office, car or premises searched, equipment seized', statusAfter: null, scored: true, persecution: true, sameEvent: { by: 'date', days: 1, manyDetails: true } },
  travel_ban: { en: 'Travel ban', ru: 'Запрет на выезд', description: 'barred from leaving or entering the country', statusAfter: null, scored: true, persecution: true, sameEvent: { by: 'date', days: 3, manyDetails: true } },
  flight_abroad: { en: 'Flight abroad', ru: 'Выезд за границу', description: 'fled or left the country to escape persecution', statusAfter: 'in_exile', scored: true, persecution: false, sameEvent: { by: 'date', days: 7 } },
  denial_of_access: { en: 'Denial of access', ru: 'Отказ в доступе', description: 'refused a lawyer, family visits, medical care, information', statusAfter: null, scored: true, persecution: true, sameEvent: { by: 'date', days: 0, manyDetails: true } },
  death_in_custody: { en: 'Death in custody', ru: 'Смерть под стражей', description: 'died in detention', statusAfter: 'deceased', scored: true, persecution: true, sameEvent: { by: 'once' } },
  // Facts about a person rather than events, as lists state them (date: the birth date or year; detail: a country).
  birth: { en: 'Born', ru: 'Родился', description: 'date or year of birth', statusAfter: null, scored: false, fact: true, persecution: false, sameEvent: { by: 'once' } },
  nationality: { en: 'Nationality', ru: 'Гражданство', description: 'citizenship or nationality (detail: the country)', statusAfter: null, scored: false, fact: true, persecution: false, sameEvent: { by: 'detail' } },
  // A human decision, never Vigil's: entered by hand with its source (detail: who recognised), kept with who entered it and when.
  recognition: { en: 'Recognised as a political prisoner', ru: 'Признан политзаключённым', description: 'recognised as a political prisoner by a human-rights organisation (detail: by whom); entered by a person, never proposed by Vigil', statusAfter: null, scored: false, fact: true, persecution: false, sameEvent: { by: 'detail' } },
  other: { en: 'Other', ru: 'Другое', description: 'anything else worth keeping; scorers ignore it', statusAfter: null, scored: false, persecution: false, sameEvent: { by: 'none' } },
} as const satisfies Record<string, Label & { description: string; statusAfter: string | null; scored: boolean; fact?: true; persecution: boolean; sameEvent: SameEvent }>;

export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

/**
 * Where a person stands now; derived from the latest accepted or proposed events. held: the person
 * is in custody, so a current place of detention goes with the status (and with no other).
 */
export const PERSON_STATUSES = {
  detained: { en: 'Detained', ru: 'Под стражей', held: true },
  sentenced: { en: 'Sentenced', ru: 'Осуждён', held: true },
  released: { en: 'Released', ru: 'Освобождён', held: false },
  in_exile: { en: 'In exile', ru: 'В эмиграции', held: false },
  deceased: { en: 'Deceased', ru: 'Умер', held: false },
  unknown: { en: 'Unknown', ru: 'Неизвестно', held: false },
} as const satisfies Record<string, Label & { held: boolean }>;
export type PersonStatus = keyof typeof PERSON_STATUSES;

/**
 * side: which side of persecution a role stands on, for telling people apart. Roles on one side
 * change over time (an activist's relative is arrested, a lawyer becomes a detainee), so only
 * different sides count against two partial names being one person; `other` says nothing.
 * persecuted: a persecution event (EVENT_TYPES[…].persecution) told of a person named in this
 * role puts the person on the prisoner list; named in any other role, the persons index holds them.
 */
export const ROLES = {
  detainee: { en: 'Detainee', ru: 'Задержанный', side: 'civil', persecuted: true },
  relative: { en: 'Relative', ru: 'Родственник', side: 'civil', persecuted: false },
  lawyer: { en: 'Lawyer', ru: 'Адвокат', side: 'civil', persecuted: false },
  official: { en: 'Official', ru: 'Должностное лицо', side: 'state', persecuted: false },
  journalist: { en: 'Journalist', ru: 'Журналист', side: 'civil', persecuted: false },
  activist: { en: 'Activist', ru: 'Активист', side: 'civil', persecuted: false },
  other: { en: 'Other', ru: 'Другое', side: null, persecuted: false },
} as const satisfies Record<string, Label & { side: 'civil' | 'state' | null; persecuted: boolean }>;
export type Role = keyof typeof ROLES;

/** Ordered from least to most protected: a reader cleared for one level sees all levels before it. */
export const CONFIDENTIALITY = {
  public: { en: 'Public', ru: 'Публично', rank: 0 },
  internal: { en: 'Internal', ru: 'Для внутреннего пользования', rank: 1 },
  confidential: { en: 'Confidential', ru: 'Конфиденциально', rank: 2 },
} as const satisfies Record<string, Label & { rank: number }>;
export type Confidentiality = keyof typeof CONFIDENTIALITY;

/** Where a fact entered by hand comes from: its source is kept as a report of its own, with these words. */
export const SOURCE_KINDS = {
  phone_call: { en: 'Phone call', ru: 'Телефонный разговор' },
  letter: { en: 'Letter', ru: 'Письмо' },
  court_document: { en: 'Court document', ru: 'Судебный документ' },
  in_person: { en: 'Told in person', ru: 'Лично' },
  decision: { en: 'Decision of an organisation', ru: 'Решение организации' },
  other: { en: 'Other', ru: 'Другое' },
} as const satisfies Record<string, Label>;
export type SourceKind = keyof typeof SOURCE_KINDS;

export const REVIEW_STATUSES = {
  proposed: { en: 'Proposed', ru: 'Предложено' },
  accepted: { en: 'Accepted', ru: 'Принято' },
  rejected: { en: 'Rejected', ru: 'Отклонено' },
  disputed: { en: 'Disputed', ru: 'Оспаривается' },
} as const satisfies Record<string, Label>;
export type ReviewStatus = keyof typeof REVIEW_STATUSES;

export function isEventType(s: string): s is EventType {
  return Object.hasOwn(EVENT_TYPES, s);
}

/** A fact about a person (birth, nationality), not an event: statistics of events leave it out. */
export function isFact(type: string): boolean {
  return isEventType(type) && 'fact' in EVENT_TYPES[type];
}
export function isRole(s: string): s is Role {
  return Object.hasOwn(ROLES, s);
}

/** Whether a reader cleared for `clearance` may see something marked `level`. */
export function cleared(clearance: Confidentiality, level: Confidentiality): boolean {
  return CONFIDENTIALITY[level].rank <= CONFIDENTIALITY[clearance].rank;
}

/** A person's event that puts them on the prisoner list when told of them in a persecuted role. */
export function isPersecution(type: string): boolean {
  return isEventType(type) && EVENT_TYPES[type].persecution;
}
export function isHeldStatus(s: string): boolean {
  return Object.hasOwn(PERSON_STATUSES, s) && PERSON_STATUSES[s as PersonStatus].held;
}
