/**
 * The pure middle of the flow for one report: clean, then extract, giving the contract's JSON.
 * Header or record metadata wins over what the cleaner guessed from the page, because a person
 * or a crawler stated it.
 */
import { cleanDocument, cleanHtml, cleanText, detectLanguage, type CleanResult } from '../clean/index.ts';
import { extractFacts, EXTRACTOR_VERSION } from '../extract/index.ts';
import type { ContractExtraction } from '../extract/contract.ts';
import { normalisePublished, type RawReport } from './formats.ts';

export const CLEANER_VERSION = 'vigil-clean/0.1.0';

export interface ProcessedReport {
  raw: RawReport;
  cleaned: CleanResult;
  extraction: ContractExtraction;
  cleanerVersion: string;
  extractorVersion: string;
}

export interface ProcessOverrides {
  published?: string | null;
  language?: string | null;
}

export function processReport(raw: RawReport, overrides: ProcessOverrides = {}): ProcessedReport {
  const { kind, content } = raw.body;
  const found = kind === 'html' ? cleanHtml(content, { url: raw.meta.url }) : kind === 'document' ? cleanDocument(content) : cleanText(content);
  // A document states its author in its own metadata (PDF Author, DOCX creator, a message's sender).
  const cleaned = { ...found, author: found.author ?? raw.meta.extra.author ?? null };
  const published = normalisePublished(overrides.published) ?? raw.meta.published ?? cleaned.published;
  const language = overrides.language ?? raw.meta.language ?? cleaned.language ?? detectLanguage(cleaned.mainText) ?? 'en';
  const facts = extractFacts({ mainText: cleaned.mainText, published, language, title: raw.meta.title ?? cleaned.title });
  return {
    raw,
    cleaned,
    cleanerVersion: CLEANER_VERSION,
    extractorVersion: EXTRACTOR_VERSION,
    extraction: {
      source: { sha256: raw.sha256, title: raw.meta.title ?? cleaned.title, published, language, url: raw.meta.url },
      main_text: cleaned.mainText,
      persons: facts.persons,
      events: facts.events,
    },
  };
}
