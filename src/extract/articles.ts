/** The articles of a criminal code named in a claim's detail, for charges, lists and resolution. */

/** "Article 342", "ст. 342 УК", "Art. 130.3" → "342" / "130.3"; with no such word, the two- and three-digit numbers in the detail. */
export function articlesIn(detail: string | null): string[] {
  if (!detail) return [];
  const found = [...detail.matchAll(/(?:article|art\.?|articles|стать[яеиюй]|ст\.)\s*(\d+(?:[.-]\d+)*(?:\s*(?:,|and|и)\s*\d+(?:[.-]\d+)*)*)/giu)]
    .flatMap((m) => m[1]!.split(/\s*(?:,|and|и)\s*/u))
    .map((s) => s.trim())
    .filter(Boolean);
  if (found.length) return [...new Set(found)];
  return /\d/.test(detail) ? [...new Set([...detail.matchAll(/\b\d{2,3}(?:[.-]\d+)*\b/g)].map((m) => m[0]))] : [];
}
