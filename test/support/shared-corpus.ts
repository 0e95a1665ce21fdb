// Where ../shared (the seed corpus and gold, third-party text used only to evaluate) lives: beside
// the repository, or at /work/shared when the repository is cloned elsewhere. Null if neither.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function sharedDir(): string | null {
  const beside = fileURLToPath(new URL('../../../shared', import.meta.url));
  for (const d of [beside, '/work/shared']) if (existsSync(`${d}/corpus/gold`)) return d;
  return null;
}
