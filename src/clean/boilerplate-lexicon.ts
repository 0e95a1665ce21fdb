/**
 * Words that mark text around an article rather than in it: navigation, sharing, donation appeals,
 * subscriptions, related links, copyright. Per language, as data; matched as whole phrases.
 */
export const BOILERPLATE_PHRASES: Record<string, string[]> = {
  en: [
    'donate', 'donation', 'support us', 'support our', 'support independent', 'your support', 'small favor to ask', 'small favour to ask',
    'subscribe', 'sign up', 'newsletter', 'follow us', 'share this', 'share on', 'related articles', 'related stories', 'related news',
    'read more', 'read also', 'latest news', 'most popular', 'all rights reserved', 'cookie', 'privacy policy', 'terms of use',
    'click here', 'advertisement', 'sponsored', 'comments', 'commenting guidelines', 'remind me later', 'log in', 'sign in',
    'independent journalism', 'become a member', 'membership', 'on patreon', 'skip to content', 'back to top',
    'you may also like', 'you might also like', 'tell us what you think', 'more from', 'recommended for you',
    'sign up for', 'listen live', 'letters to the editor', 'follow the latest', 'more stories', 'trending now', 'related posts', 'read next', 'related coverage', 'more great', 'more on this',
  ],
  de: ['das könnte sie auch interessieren', 'mehr zum thema', 'weitere artikel', 'anzeige', 'newsletter abonnieren', 'alle rechte vorbehalten'],
  fr: ['à lire aussi', 'lire aussi', 'abonnez-vous', 'tous droits réservés', 'publicité'],
  es: ['te puede interesar', 'lee también', 'suscríbete', 'todos los derechos reservados', 'publicidad'],
  pt: ['você pode gostar', 'leia também', 'compartilhe', 'todos os direitos reservados', 'publicidade'],
  ru: [
    'поддержите', 'пожертвова', 'подпишитесь', 'подписаться', 'рассылк', 'читайте также', 'читать далее', 'похожие новости',
    'все права защищены', 'поделиться', 'реклама', 'комментари', 'последние новости', 'самое популярное', 'задонатить',
    'добавить отзыв', 'отзывы', 'смотрите также', 'новости партнеров', 'самые популярные', 'популярные материалы',
  ],
  be: ['падтрымайце', 'падпішыцеся', 'чытайце таксама', 'усе правы абароненыя', 'падзяліцца', 'рэклама', 'апошнія навіны'],
  uk: ['підтримайте', 'підпишіться', 'читайте також', 'усі права захищені', 'поділитися', 'реклама', 'останні новини'],
};

const ALL = Object.values(BOILERPLATE_PHRASES).flat();
const PATTERN = new RegExp(`(?:^|[^\\p{L}])(?:${ALL.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');

/** How many boilerplate phrases a piece of text contains. */
export function boilerplateHits(text: string): number {
  return text.match(PATTERN)?.length ?? 0;
}

/** Photo credits and caption markers: "(Source: …)", "Photo: …", "Фото: …". */
export const CAPTION_PATTERN = /(\((?:source|photo|фото|credit)[:\s]|^\s*(?:photo|image|фото|picture|credit)\s*[:©]|©\s*\w|\b(?:click to download|getty images|reuters\/|ap photo)\b)/iu;

/**
 * Whole blocks that are page labels, never article text, whatever the page: matched against the
 * complete text of a block (case-insensitive, trailing punctuation ignored).
 */
export const LABEL_BLOCKS: Record<string, string[]> = {
  en: ['advert', 'advertisement', 'sponsored', 'sponsored content', 'this slideshow requires javascript', 'tell us what you think',
    'story timeline', 'comments', 'more', 'related', 'share', 'print', 'email', 'loading'],
  ru: ['реклама', 'отзывы', 'добавить отзыв', 'комментарии', 'поделиться', 'читайте также'],
  be: ['рэклама', 'каментары', 'падзяліцца'],
  uk: ['реклама', 'коментарі', 'поділитися'],
  de: ['anzeige', 'werbung', 'kommentare', 'teilen'],
  fr: ['publicité', 'commentaires', 'partager'],
  es: ['publicidad', 'comentarios', 'compartir'],
  pt: ['publicidade', 'comentários', 'compartilhar'],
};

const LABELS = new Set(Object.values(LABEL_BLOCKS).flat());

export function isLabelBlock(text: string): boolean {
  return LABELS.has(text.toLowerCase().replace(/[\s.:!…]+$/u, '').trim());
}
