/** The I/O edge of ingest: which files a list of paths means. Folders are walked recursively. */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { SUPPORTED_EXTENSIONS } from './formats.ts';

export interface FileList {
  files: string[];
  /** Files inside folders that are not reports (pictures, media, other JSON): listed, never read. */
  skipped: string[];
  /** Paths that do not exist or cannot be read. */
  missing: { path: string; error: string }[];
}

/** The file a Telegram Desktop export is read from; the rest of its folder is its media. */
export const TELEGRAM_EXPORT = 'result.json';

function supported(path: string): boolean {
  const ext = extname(path).toLowerCase();
  // In a folder, of all JSON files only an export's result.json is a report.
  if (ext === '.json') return basename(path) === TELEGRAM_EXPORT;
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(ext);
}

export function collectFiles(paths: string[]): FileList {
  const out: FileList = { files: [], skipped: [], missing: [] };
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    // A Telegram export's folder: its photos and files are the messages' media, read with result.json.
    if (entries.some((e) => e.isFile() && e.name === TELEGRAM_EXPORT)) {
      out.files.push(join(dir, TELEGRAM_EXPORT));
      return;
    }
    for (const entry of entries) {
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
