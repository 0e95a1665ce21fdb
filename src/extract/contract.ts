/**
 * The JSON shape of ../shared/contracts/extraction.md. Outside scorers read exactly this:
 * fields may be added, never renamed or dropped.
 */
import type { EventType, Role } from '../schema/taxonomy.ts';

/** YYYY-MM-DD, YYYY-MM or YYYY: only as precise as the text makes it. */
export type PartialDate = string;

export interface ContractSource {
  sha256: string;
  title: string | null;
  published: PartialDate | null;
  language: string;
  url: string | null;
}

export interface ContractPerson {
  name: string;
  variants: string[];
  role: Role | null;
}

export interface ContractEvent {
  type: EventType;
  person: string;
  date: PartialDate | null;
  place: string | null;
  detail: string | null;
  evidence: string;
  /** UTF-16 offsets of `evidence` in main_text. */
  start: number;
  end: number;
  confidence: number;
  /** Name of the rule that proposed it (shown by `vigil extract --explain`). */
  rule?: string;
  /** Who asserts it, for allegations and denials ("he said he was tortured"); null when the report states it. */
  claimant?: string | null;
  /** Other sentences of this report that restate the same happening. */
  also?: { start: number; end: number }[];
  /** Where the date came from: the sentence itself, a relative day, the publication date, a source citation, the story told so far, or the report's date for what it states in the present. */
  dateBasis?: 'text' | 'relative' | 'publication' | 'citation' | 'story' | 'present' | null;
}

export interface ContractExtraction {
  source: ContractSource;
  main_text: string;
  persons: ContractPerson[];
  events: ContractEvent[];
}
