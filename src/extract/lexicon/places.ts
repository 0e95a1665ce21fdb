/**
 * Countries, their capitals, other spellings and demonyms, from world-countries (ODbL): a
 * capitalised "Hong Kong", "Belarusian" or "Tbilisi" is a place or a nationality, never a name.
 * Loaded on first use.
 */
import { createRequire } from 'node:module';

interface Country {
  name: { common: string; official: string; native?: Record<string, { common: string }> };
  capital?: string[];
  altSpellings?: string[];
  demonyms?: Record<string, { f: string; m: string }>;
}

let places: Set<string> | null = null;

function build(): Set<string> {
  const out = new Set<string>();
  const countries = createRequire(import.meta.url)('world-countries') as Country[];
  const put = (s: string | undefined) => {
    if (s && s.length > 2) out.add(s.toLowerCase());
  };
  for (const c of countries) {
    put(c.name.common);
    for (const n of Object.values(c.name.native ?? {})) put(n.common.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC'));
    for (const s of c.capital ?? []) put(s);
    for (const s of c.altSpellings ?? []) if (!/^[A-Z]{2,3}$/.test(s)) put(s);
    for (const d of Object.values(c.demonyms ?? {})) {
      put(d.f);
      put(d.m);
    }
  }
  return out;
}

/** A country, capital, other spelling of a country or demonym, as one word or a phrase. */
export function isPlace(phrase: string): boolean {
  places ??= build();
  return places.has(phrase.toLowerCase());
}
