/** What `vigil import-list` prints: per row, the person it joins or makes and the claims it adds. */
import { EVENT_TYPES } from '../schema/taxonomy.ts';
import type { ImportResult } from '../import/import-list.ts';

export function formatImport(r: ImportResult): string {
  if (r.duplicate) return `${r.file} was imported before (the same bytes, ${r.sha256.slice(0, 12)}): nothing changes.`;
  const lines: string[] = [r.dryRun ? `Dry run of ${r.file}: nothing was changed. Importing it would:` : `Imported ${r.file}:`];
  for (const row of r.rows) {
    const who = row.person.existing ? `joins #${row.person.id} ${row.person.name}` : `new person${row.person.name !== row.name ? ` (named ${row.person.name})` : ''}`;
    lines.push(`  line ${row.line}: ${row.name} — ${who}`);
    for (const c of row.claims) {
      const what = [EVENT_TYPES[c.type].en, c.date, c.place, c.detail].filter(Boolean).join(' · ');
      lines.push(`      ${c.known ? '=' : '+'} ${what}${c.known ? '  (already claimed by this list)' : ''}`);
    }
    for (const w of row.warnings) lines.push(`      ! ${w}`);
  }
  for (const s of r.skipped) lines.push(`  line ${s.line}: skipped (${s.reason})`);
  lines.push(`${r.dryRun ? 'Would add' : 'Added'} ${r.added.claims} claims (proposed, for review), ${r.added.persons} new persons; ${r.added.personsMatched} existing persons matched.`);
  return lines.join('\n');
}
