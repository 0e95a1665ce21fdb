/** What a page says about itself: meta tags, JSON-LD, <time>, <title>, <html lang>. */
import type { AnyNode, Document, Element } from 'domhandler';
import { isoDate, datelineDate, type PartialDate } from './metadata.ts';

export interface HtmlMetadata {
  title: string | null;
  published: PartialDate | null;
  language: string | null;
  author: string | null;
  outlet: string | null;
  /** JSON-LD articleBody, when the page gives one: a second opinion on the main text. */
  articleBody: string | null;
}

function textOf(el: Element): string {
  let out = '';
  const stack: AnyNode[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out += (n as unknown as { data: string }).data;
    else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as AnyNode);
  }
  return out.replace(/\s+/g, ' ').trim();
}

function* elements(doc: Document): Generator<Element> {
  const stack: AnyNode[] = [doc];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style') yield n as Element;
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as AnyNode);
  }
}

function jsonLdValues(raw: string): Record<string, unknown>[] {
  try {
    const parsed = JSON.parse(raw) as unknown;
    const list = Array.isArray(parsed) ? parsed : [parsed];
    const out: Record<string, unknown>[] = [];
    for (const item of list) {
      if (item && typeof item === 'object') {
        out.push(item as Record<string, unknown>);
        const graph = (item as Record<string, unknown>)['@graph'];
        if (Array.isArray(graph)) out.push(...(graph.filter((g) => g && typeof g === 'object') as Record<string, unknown>[]));
      }
    }
    return out;
  } catch {
    return [];
  }
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return nameOf(v[0]);
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name;
  return null;
}

export function extractHtmlMetadata(doc: Document, _url: string | null): HtmlMetadata {
  const metas = new Map<string, string>();
  let titleTag: string | null = null;
  let h1: string | null = null;
  let lang: string | null = null;
  let timeDate: string | null = null;
  const ld: Record<string, unknown>[] = [];
  for (const el of elements(doc)) {
    const name = el.name;
    if (name === 'html' && el.attribs.lang) lang = el.attribs.lang.slice(0, 2).toLowerCase();
    else if (name === 'meta') {
      const key = (el.attribs.property ?? el.attribs.name ?? el.attribs.itemprop ?? '').toLowerCase();
      if (key && el.attribs.content && !metas.has(key)) metas.set(key, el.attribs.content);
    } else if (name === 'title' && titleTag === null) titleTag = textOf(el);
    else if (name === 'h1' && h1 === null) h1 = textOf(el);
    else if (name === 'time' && timeDate === null) timeDate = isoDate(el.attribs.datetime ?? '') ?? datelineDate(textOf(el));
    else if (name === 'script' && (el.attribs.type ?? '').includes('ld+json')) ld.push(...jsonLdValues(textOf(el)));
  }
  const article = ld.find((x) => typeof x.datePublished === 'string' || /Article|Posting/.test(String(x['@type'] ?? '')));
  const published =
    isoDate(metas.get('article:published_time') ?? '') ??
    isoDate(String(article?.datePublished ?? '')) ??
    isoDate(metas.get('datepublished') ?? metas.get('date') ?? metas.get('dc.date') ?? metas.get('pubdate') ?? '') ??
    timeDate;
  const title = metas.get('og:title') ?? (typeof article?.headline === 'string' ? article.headline : null) ?? h1 ?? titleTag;
  return {
    title: title ? title.trim() : null,
    published,
    language: lang ?? metas.get('og:locale')?.slice(0, 2).toLowerCase() ?? null,
    author: metas.get('author') ?? nameOf(article?.author) ?? null,
    outlet: metas.get('og:site_name') ?? nameOf(article?.publisher) ?? null,
    articleBody: typeof article?.articleBody === 'string' ? article.articleBody : null,
  };
}
