/**
 * Main text from HTML. The page is parsed once (htmlparser2, forgiving and fast), furniture is
 * pruned by tag and by class/id vocabulary, the text is cut into blocks, and the container with
 * the most prose (commas, length, few links) wins, with its prose-rich siblings.
 * Everything is iterative: 10,000-deep nesting cannot overflow the stack.
 */
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { boilerplateHits, isLabelBlock } from './boilerplate-lexicon.ts';
import { extractHtmlMetadata } from './html-metadata.ts';
import { detectLanguage } from './language.ts';
import { cleanText, wordCount } from './text.ts';
import { datelineDate } from './metadata.ts';
import type { CleanResult } from './result.ts';

const DROP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'button', 'select', 'input', 'textarea', 'object', 'embed', 'canvas', 'head']);
/** Furniture by its tag, unless it holds most of the page's prose (ASP.NET pages wrap all in <form>). */
const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside', 'form', 'menu', 'dialog']);
const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'tr', 'table', 'header', 'figure', 'figcaption', 'br', 'hr', 'address', 'center', 'body', 'html']);
const NEGATIVE = /(^|[\s_-])(comment|share|sharing|social|related|recommend|promo|advert|ads?|banner|sponsor|newsletter|subscri|cookie|sidebar|widget|menu|navbar|nav|footer|breadcrumb|byline|author-bio|tags?|popular|trending|most-read|outbrain|taboola|paywall|donat|signup|login|modal|popup|caption|credit|meta)([\s_-]|$)/i;
const POSITIVE = /(^|[\s_-])(article|content|entry|post|story|body|main|text|prose)([\s_-]|$)/i;

interface Block {
  text: string;
  linkChars: number;
  container: Element | null;
  tag: string;
  caption: boolean;
}

function classOf(el: Element): string {
  return `${el.attribs.class ?? ''} ${el.attribs.id ?? ''} ${el.attribs.role ?? ''}`;
}

/**
 * Characters of paragraph text under each element, computed bottom-up without recursion. A class
 * name like "sidebar" or "ad-margins" on a page wrapper must not throw the article away with it.
 */
function paragraphWeights(root: AnyNode): Map<AnyNode, number> {
  const order: AnyNode[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    order.push(n);
    if ('children' in n && !(n.type === 'tag' && DROP_TAGS.has((n as Element).name))) for (const c of n.children) stack.push(c as AnyNode);
  }
  const weight = new Map<AnyNode, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    let w = weight.get(n) ?? 0;
    if (n.type === 'text') {
      const parent = n.parent as Element | null;
      if (parent && (parent.name === 'p' || parent.name === 'li' || parent.name === 'blockquote')) w += (n as unknown as { data: string }).data.length;
      else if (parent) w += (n as unknown as { data: string }).data.trim().length / 4;
    }
    if (w > 0) {
      weight.set(n, w);
      if (n.parent) weight.set(n.parent as AnyNode, (weight.get(n.parent as AnyNode) ?? 0) + w);
    }
  }
  return weight;
}

/** Class names that mark the article itself (microformats, common CMS body classes). */
const CONTENT_MARK = /(^|[\s_-])(hentry|h-entry|entry-content|post-body|post-content|article-body|story-body|article-content)([\s_-]|$)/i;

/**
 * Ancestors of elements that declare themselves the article (schema.org articleBody, content
 * classes): a furniture class name above them is a wrapper's. Each ancestor is visited once.
 */
function markedAncestors(root: AnyNode): Set<AnyNode> {
  const out = new Set<AnyNode>();
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag' && n.type !== 'root') continue;
    const el = n as Element;
    if (n.type === 'tag' && (CONTENT_MARK.test(el.attribs.class ?? '') || /articlebody/i.test(el.attribs.itemprop ?? ''))) {
      for (let a = el.parent; a && !out.has(a); a = a.parent) out.add(a);
    }
    for (const c of el.children) stack.push(c as AnyNode);
  }
  return out;
}

let contentAncestors: Set<AnyNode> = new Set();
let protectedWeight: Map<AnyNode, number> = new Map();
let pageWeight = 0;

function isDropped(el: Element): boolean {
  if (DROP_TAGS.has(el.name)) return true;
  if (FURNITURE_TAGS.has(el.name)) return (protectedWeight.get(el) ?? 0) < pageWeight * 0.4;
  // Hidden is furniture, except a hidden schema.org item: some pages keep the full article there.
  if ((el.attribs.hidden !== undefined || /display\s*:\s*none/i.test(el.attribs.style ?? '')) && el.attribs.itemscope === undefined) return true;
  if (el.attribs['aria-hidden'] === 'true') return true;
  const cls = classOf(el);
  if (cls.trim() === '') return false;
  if (el.name === 'body' || el.name === 'html' || el.name === 'article' || el.name === 'main') return false;
  if (!NEGATIVE.test(cls) || POSITIVE.test(cls) || contentAncestors.has(el)) return false;
  // A furniture class on something holding most of the page's prose is a wrapper, not furniture.
  return (protectedWeight.get(el) ?? 0) < pageWeight * 0.4;
}

const CAPTION_CLASS = /(^|[\s_-])(caption|wp-caption-text|pull-?quote|pullout)([\s_-]|$)/i;

function isCaptionLike(el: Element): boolean {
  if (el.name === 'figcaption' || el.name === 'figure') return true;
  // An aside is a pull quote or a box of related links; its class usually says which.
  if (el.name === 'aside') return !NEGATIVE.test(classOf(el)) && (protectedWeight.get(el) ?? 0) < pageWeight * 0.4;
  return CAPTION_CLASS.test(el.attribs.class ?? '');
}

/** Cuts the page into text blocks at block-level boundaries, walking with an explicit stack. */
function blocks(root: AnyNode): Block[] {
  const out: Block[] = [];
  let cur: Block | null = null;
  const flush = () => {
    if (cur && cur.text.trim() !== '') out.push({ ...cur, text: cur.text.replace(/\s+/g, ' ').trim() });
    cur = null;
  };
  type Frame = { node: AnyNode; container: Element | null; inLink: boolean; caption: boolean; exit?: boolean };
  const stack: Frame[] = [{ node: root, container: null, inLink: false, caption: false }];
  while (stack.length) {
    const f = stack.pop()!;
    const node = f.node;
    if (f.exit) {
      flush();
      continue;
    }
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      if (!cur) cur = { text: '', linkChars: 0, container: f.container, tag: f.container?.name ?? '', caption: f.caption };
      (cur as Block).text += data;
      if (f.inLink) (cur as Block).linkChars += data.trim().length;
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    // Captions and pull quotes are the page's own words but not the body: kept apart, not dropped.
    const captionHere = node.type === 'tag' && !f.caption && isCaptionLike(el);
    if (node.type !== 'root' && !captionHere && isDropped(el)) continue;
    const isBlock = node.type === 'root' || BLOCK_TAGS.has(el.name) || captionHere;
    const container = isBlock && node.type !== 'root' ? el : f.container;
    const caption = f.caption || captionHere;
    if (isBlock) {
      flush();
      stack.push({ node, container: f.container, inLink: f.inLink, caption: f.caption, exit: true });
    }
    const children = (el.children ?? []) as AnyNode[];
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i]!, container, inLink: f.inLink || el.name === 'a', caption });
    }
  }
  flush();
  return out;
}

function isProseBlock(b: Block): boolean {
  const words = wordCount(b.text);
  const linkDensity = b.text.length ? b.linkChars / b.text.length : 0;
  if (linkDensity > 0.5) return false;
  // A linked headline followed by a cut-off excerpt is a teaser for another article.
  if (b.linkChars > 0 && /(\.\.\.|…|\[…\]|\[\.\.\.\])$/.test(b.text)) return false;
  const hits = boilerplateHits(b.text);
  // Long paragraphs may mention "comments" or "subscribe"; appeals are short or dense with them.
  if (hits > 0 && (words < 20 || hits * 20 > words)) return false;
  return words >= 20 || (words >= 5 && /[.!?…"”»:。！？」]$/.test(b.text));
}

function declaredBodies(root: AnyNode): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'tag' && /(^|\s)articlebody(\s|$)/i.test((n as Element).attribs.itemprop ?? '')) out.push(n as Element);
    else if ('children' in n) for (const c of n.children) stack.push(c as AnyNode);
  }
  return out;
}

/** JSON-LD text may carry HTML or bare newlines: make it paragraphs separated by blank lines. */
function paragraphsOf(raw: string): string {
  const text = raw.includes('<') ? blocks(parseDocument(raw, { decodeEntities: true })).map((b) => b.text).join('\n\n') : raw;
  return text.split(/\n\s*/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
}

/**
 * A publication date the page shows but does not declare: a short dateline block just before or at
 * the start of the body, else a /YYYY/MM/DD/ path in the URL.
 */
function visibleDate(body: Block[], first: Block | undefined, url: string | null): string | null {
  const at = first ? body.indexOf(first) : -1;
  if (at >= 0) {
    for (let i = Math.max(0, at - 15); i < Math.min(body.length, at + 3); i++) {
      const b = body[i]!;
      if (wordCount(b.text) <= 12) {
        const d = datelineDate(b.text);
        if (d) return d;
      }
    }
  }
  const m = url ? /\/((?:19|20)\d\d)\/(0[1-9]|1[0-2])\/([0-2]\d|3[01])\//.exec(url) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Every node under an element, gathered once so membership tests stay linear in deep pages. */
const SIBLING_SHARE = 0.2;

function subtree(roots: AnyNode[]): Set<AnyNode> {
  const out = new Set<AnyNode>();
  const stack: AnyNode[] = [...roots];
  while (stack.length) {
    const n = stack.pop()!;
    out.add(n);
    if ('children' in n) for (const c of n.children) stack.push(c as AnyNode);
  }
  return out;
}

export function cleanHtml(html: string, opts: { url?: string | null } = {}): CleanResult {
  const doc = parseDocument(html, { decodeEntities: true });
  const meta = extractHtmlMetadata(doc, opts.url ?? null);
  protectedWeight = paragraphWeights(doc);
  pageWeight = protectedWeight.get(doc) ?? 0;
  contentAncestors = markedAncestors(doc);
  const all = blocks(doc);
  const body = all.filter((b) => !b.caption);
  // Asides also hold related links and appeals: only prose-like caption blocks are kept.
  const captions = all.filter((b) => b.caption && b.text.length > 0 && b.linkChars <= b.text.length * 0.5 && boilerplateHits(b.text) === 0).map((b) => b.text);

  // Score containers by their prose: a parent gets each block's score, a grandparent half.
  const scores = new Map<Element, number>();
  const parentOf = (el: Element | null): Element | null => {
    const p = el?.parent as Element | null | undefined;
    return p && p.type === 'tag' ? p : null;
  };
  for (const b of body) {
    if (!isProseBlock(b) || !b.container) continue;
    const s = 1 + (b.text.match(/[,，、]/g)?.length ?? 0) + Math.min(b.text.length / 100, 3);
    let el: Element | null = b.container;
    // Paragraph-like containers hand their score to what holds them.
    if (['p', 'li', 'blockquote', 'pre', 'td', 'dd', 'h2', 'h3', 'h4'].includes(el.name)) el = parentOf(el) ?? el;
    // Ancestors share the score with decay, so an article whose paragraphs each sit in their own
    // wrapper ("cards", ad-split sections) still sums up at the element that holds them all.
    let level = 0;
    for (let e: Element | null = el; e && level < 6; e = parentOf(e), level++) {
      scores.set(e, (scores.get(e) ?? 0) + (level === 0 ? s : s / (level + 1)));
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    const cls = classOf(el);
    // schema.org's articleBody is the page's own statement of where the article is.
    const schema = /articlebody/i.test(el.attribs.itemprop ?? '') ? 3 : 1;
    const adj = s * schema * (POSITIVE.test(cls) ? 1.25 : 1) * (el.name === 'article' || el.name === 'main' ? 1.25 : 1);
    if (adj > bestScore) {
      best = el;
      bestScore = adj;
    }
  }

  // One element the page itself marks as the articleBody, with text in it, is taken at its word
  // even when its content is lists or tables rather than prose.
  const declared = declaredBodies(doc);
  let trusted = false;
  if (declared.length === 1) {
    const inDeclared = subtree(declared);
    if (body.filter((b) => b.container !== null && inDeclared.has(b.container)).reduce((a, b) => a + wordCount(b.text), 0) >= 20) {
      best = declared[0]!;
      trusted = true;
    }
  }
  // Bodies split into sibling sections (by ads, "cards", page builders): take the siblings of the
  // winner that carry a good share of its prose score.
  const roots: AnyNode[] = best ? [best] : [];
  const parent = parentOf(best);
  if (best && parent && !trusted) {
    const bestRaw = scores.get(best) ?? 0;
    for (const sib of parent.children) {
      if (sib !== best && sib.type === 'tag' && (scores.get(sib as Element) ?? 0) >= bestRaw * SIBLING_SHARE) roots.push(sib);
    }
  }
  const inside = subtree(roots);
  let chosen = best ? body.filter((b) => b.container !== null && inside.has(b.container)) : body.filter(isProseBlock);
  // Trim furniture at the edges of the chosen container (bylines, "share" rows, tags).
  // Index pointers, not repeated slicing: thousands of furniture blocks must stay linear.
  let head = 0;
  while (!trusted && head < chosen.length && !isProseBlock(chosen[head]!)) head++;
  chosen = chosen.slice(head);
  // At the end, lists and short lines are often the article's own (steps, a closing list); only
  // link rows, appeals and very short lines are dropped there — and a short exclamation or question
  // with no sentence before it in the block ("Like this story? Share it!"), the shape of a call to action.
  const furniture = (b: Block) => wordCount(b.text) < 4 || boilerplateHits(b.text) > 0 || b.linkChars > b.text.length * 0.3 || (wordCount(b.text) < 10 && /^[^.]*[!?]$/.test(b.text));
  let tail = chosen.length;
  while (tail > 0 && furniture(chosen[tail - 1]!)) tail--;
  chosen = chosen.slice(0, tail);
  // A short heading of "related"/"popular"/"read also" vocabulary late in the body starts the
  // furniture that follows the article inside the same container: cut there.
  const total = chosen.reduce((a, b) => a + wordCount(b.text), 0);
  let before = 0;
  for (let i = 0; i < chosen.length; i++) {
    const b = chosen[i]!;
    const w = wordCount(b.text);
    if (before >= Math.max(30, total * 0.2) && w <= 8 && (!/[.!?]$/.test(b.text) || /(\.\.\.|…)$/.test(b.text)) && boilerplateHits(b.text) > 0) {
      chosen = chosen.slice(0, i);
      break;
    }
    before += w;
  }
  chosen = chosen.filter((b) => {
    const linkDensity = b.text.length ? b.linkChars / b.text.length : 0;
    return linkDensity <= 0.5 && !isLabelBlock(b.text) && !(boilerplateHits(b.text) >= 1 && wordCount(b.text) < 12) && !(meta.title && b.text === meta.title);
  });
  let mainText = chosen.map((b) => b.text).join('\n\n');
  // The page's JSON-LD articleBody is the publisher's own text of the article: when it is much
  // longer than what the DOM gave (pages rendered by script, split bodies), it is the better text.
  const ld = meta.articleBody ? paragraphsOf(meta.articleBody) : '';
  if (wordCount(ld) > Math.max(30, wordCount(mainText) * 1.5)) mainText = ld;
  // No container stood out (text in <br>-separated runs, odd markup): read the page's blocks as
  // crawled text, whose line-run scoring needs no DOM structure.
  if (wordCount(mainText) < 30) {
    const asText = cleanText(body.map((b) => b.text).join('\n\n')).mainText;
    if (wordCount(asText) > wordCount(mainText)) mainText = asText;
  }
  // The per-page tables are module state only for the length of one call: let the DOM go.
  protectedWeight = new Map();
  contentAncestors = new Set();
  return {
    mainText,
    title: meta.title,
    published: meta.published ?? visibleDate(body, chosen[0], opts.url ?? null),
    language: meta.language ?? detectLanguage(mainText),
    author: meta.author,
    outlet: meta.outlet,
    captions,
  };
}
