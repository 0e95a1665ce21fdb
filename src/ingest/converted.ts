/** What a document reader gives back: plain data, so it crosses from the worker thread intact. */

export type ConverterName = 'pdf' | 'docx' | 'eml';

export interface ConvertOptions {
  /** Read scanned pages with the system's tesseract when it is installed (languages it has). */
  ocr: boolean;
}

/** A file found inside another (an e-mail's attachment). */
export interface InnerFile {
  filename: string;
  mediaType: string;
  bytes: Uint8Array;
}

export interface ConvertedDocument {
  /** The document's text: the whole of it, paragraphs separated by a blank line; or an e-mail's HTML body. */
  body: { kind: 'document' | 'html'; content: string };
  title: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  published: string | null;
  language: string | null;
  /** Metadata the file states (author, pages, sender…), kept with the report as it came. */
  extra: Record<string, string>;
  /** Told to the user and kept with the report: a scanned PDF without text, pages not read. */
  notice: string | null;
  inner: InnerFile[];
}
