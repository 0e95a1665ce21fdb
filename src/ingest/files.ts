/** The I/O edge of ingest: which files a list of paths means. Folders are walked recursively. */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { SUPPORTED_EXTENSIONS } from './formats.ts';

export interface FileList {
  files: string[];
  /** Files inside folders that are not reports (images, PDFs for now): listed, never read. */
  skipped: string[];
  /** Paths that do not exist or cannot be read. */
  missing: { path: string; error: string }[];
}

function supported(path: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

export function collectFiles(paths: string[]): FileList {
  const out: FileList = { files: [], skipped: [], missing: [] };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) (supported(p) ? out.files : out.skipped).push(p);
    }
  };
  for (const path of paths) {
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      out.missing.push({ path, error: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : 'cannot be read' });
      continue;
    }
    // A file named explicitly is tried whatever its extension: the user asked for it.
    if (st.isDirectory()) walk(path);
    else out.files.push(path);
  }
  return out;
}
