/**
 * The `vigil` command line. Each command is a thin edge over the pure stages and the store;
 * errors the user can act on print one sentence and exit non-zero, never a stack or a secret.
 */
import { Command, CommanderError, Option } from 'commander';
import { createWriteStream, openSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { basename, extname } from 'node:path';
import { userInfo } from 'node:os';
import { rebuildPersons } from '../../store/resolve-persons.ts';
import { createInterface } from 'node:readline';
import cliProgress from 'cli-progress';
import { EVENT_TYPE_NAMES } from '../../schema/taxonomy.ts';
import { DEFAULT_WORKSPACE, initWorkspace, openWorkspace, WorkspaceError } from '../../store/workspace.ts';
import { KeyFileError, WrongPassphraseError } from '../../store/keyfile.ts';
import type { SqliteStore } from '../../store/sqlite-store.ts';
import type { FileOutcome } from '../../ingest/ingest.ts';
import type { Part } from '../../eval/run.ts';
import { findCaseFiles, personListPage } from '../../views/workspace-views.ts';
import { mentionsFor } from '../../store/queries.ts';
import { formatCaseFile, formatPersons } from '../../views/format.ts';
import { writeExport, type ExportFormat } from '../../views/export.ts';
import { eventLines, PRINT_LANGS, prisonerCsv, printableCaseFile, publishedCaseFiles, type PrintLang } from '../../views/publish.ts';
import { FtmExportError, writeFtmExport } from '../../views/ftm.ts';
import { samePerson } from '../../resolve/index.ts';
import { readPassphrase, readLine, PassphraseUnavailableError } from './passphrase.ts';
import { verifyStore } from '../../store/verify.ts';
import { createBackup, readBackup, restoreBackup, BackupError } from '../../store/backup.ts';
import { addRecoverySlot, changePassphrase, destroyKeyFile } from '../../store/keys.ts';
import { workspacePaths } from '../../store/workspace.ts';
import { addUser, listUsersOf, removeUser, setUserRole } from '../../store/users.ts';
import { USER_ROLE_NAMES } from '../../schema/access.ts';
import { PlaceholderError } from '../../store/confidential.ts';
import { ConfidentialityError, isConfidentiality, NotFoundError } from '../../store/sqlite-store.ts';
import { CONFIDENTIALITY } from '../../schema/taxonomy.ts';

/** Errors whose message is written for the user and safe to print as it is. */
const USER_ERRORS = [WrongPassphraseError, WorkspaceError, KeyFileError, PassphraseUnavailableError, BackupError, ConfidentialityError, NotFoundError, PlaceholderError, FtmExportError];
/** The same for errors of modules loaded only by the commands that need them (extraction is slow to load). */
const USER_ERROR_NAMES = new Set(['InputError']);

export class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Where long output is streamed (an export): standard output, or for tests a stream over `out`. */
  stream?: Writable;
}

const stdio: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n'), stream: process.stdout };

/** A stream that hands each piece written to `io.out`, for an Io without a stream of its own. */
function streamOf(io: Io): Writable {
  return io.stream ?? new Writable({ write: (chunk: Buffer, _enc, done) => { io.out(chunk.toString('utf8')); done(); } });
}

/** A listing's page size: a positive whole number. */
function limitOf(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (!/^\d{1,7}$/.test(s) || Number(s) < 1) throw new UsageError(`--limit must be a positive whole number, not “${s.slice(0, 20)}”.`);
  return Number(s);
}

function workspaceOption(): Option {
  return new Option('-w, --workspace <dir>', 'workspace folder').env('VIGIL_WORKSPACE').default(DEFAULT_WORKSPACE);
}

/** Opens the workspace with the passphrase: the owner, who holds every key and reads every field. */
async function withStore<T>(dir: string, fn: (store: SqliteStore) => Promise<T> | T): Promise<T> {
  const store = await openWorkspace(dir, await readPassphrase());
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

/** Who a decision made at this terminal is by: VIGIL_USER, else the login name. */
function actorName(): string {
  return process.env.VIGIL_USER || `cli:${userInfo().username}`;
}

/** A new user's password: asked twice at a terminal, else the first line of stdin (never an argument). */
async function readNewPassword(name: string): Promise<string> {
  if (process.stdin.isTTY) return readPassphrase({ confirm: true, purpose: `Password for ${name}`, ignoreEnv: true });
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (!line) throw new UsageError(`No password for ${name}: type it at a terminal or pipe it on stdin.`);
  return line;
}

function describeOutcome(o: FileOutcome): string {
  switch (o.status) {
    case 'ingested':
      return `ingested  ${o.file}  (${o.persons} persons, ${o.claims} claims${o.attachments ? `, ${o.attachments} attachments kept` : ''})${o.notice ? `\n          note: ${o.notice}` : ''}`;
    case 'duplicate':
      return `unchanged ${o.file}  (already in the workspace as ${o.sha256.slice(0, 12)})`;
    case 'failed':
      return `FAILED    ${o.file}: ${o.error}`;
  }
}

export function buildProgram(io: Io = stdio): Command {
  const program = new Command('vigil')
    .description('Vigil turns reports about political persecution into verified, sourced case files.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();

  program
    .command('init')
    .description('create an encrypted workspace (asks for a new passphrase, or reads VIGIL_PASSPHRASE)')
    .argument('[dir]', 'workspace folder', process.env.VIGIL_WORKSPACE ?? DEFAULT_WORKSPACE)
    .action(async (dir: string) => {
      const store = await initWorkspace(dir, await readPassphrase({ confirm: true, purpose: 'New passphrase' }));
      store.close();
      io.out(`Created an encrypted workspace in ${dir}. Keep the passphrase safe: without it nothing in the workspace can be read.`);
    });

  program
    .command('ingest')
    .description('archive reports (.txt, .html, .htm, .jsonl, .pdf, .docx, .eml, a Telegram export\'s result.json; folders are walked) and propose their facts; reads on every core')
    .argument('<paths...>', 'files or folders')
    .addOption(workspaceOption())
    .option('--json', 'print the outcome of each file as JSON')
    .option('--no-ocr', 'do not OCR scanned PDFs even when tesseract is installed (they are archived without text)')
    .option('--confidentiality <level>', `level of every report ingested (${Object.keys(CONFIDENTIALITY).join(', ')}); a report's header field confidentiality: can raise it`, 'public')
    .action(async (paths: string[], opts: { workspace: string; json?: boolean; confidentiality: string; ocr: boolean }) => {
      const level = opts.confidentiality;
      if (!isConfidentiality(level)) throw new UsageError(`--confidentiality must be one of ${Object.keys(CONFIDENTIALITY).join(', ')}.`);
      const summary = await withStore(opts.workspace, async (store) => {
        store.ingestLevel = level;
        let bar: cliProgress.SingleBar | null = null;
        const { ingestPaths } = await import('../../ingest/ingest.ts');
        return ingestPaths(store, paths, {
          actor: actorName(),
          ocr: opts.ocr,
          onStart: (total) => {
            if (process.stderr.isTTY && total > 1) {
              bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'ingesting [{bar}] {value}/{total} files', clearOnComplete: true }, cliProgress.Presets.shades_classic);
              bar.start(total, 0);
            }
          },
          onFile: (done) => (bar as cliProgress.SingleBar | null)?.update(done),
        });
      });
      if (opts.json) {
        io.out(JSON.stringify(summary));
      } else {
        for (const o of summary.outcomes) (o.status === 'failed' ? io.err : io.out)(describeOutcome(o));
        const parts = [`${summary.ingested} ingested`, `${summary.duplicates} already in the workspace`, `${summary.failed} failed`];
        if (summary.skipped.length) parts.push(`${summary.skipped.length} skipped (not a report format)`);
        io.out(`Done: ${parts.join(', ')}.${summary.persons >= 0 ? ` The workspace now knows ${summary.persons} persons.` : ''}`);
      }
      if (summary.failed > 0) process.exitCode = 1;
    });

  program
    .command('import-list')
    .description('import a list a group keeps (CSV): each row becomes claims made by import:<file> with the row as evidence, matched to existing persons by the resolver')
    .argument('<file>', 'the list, CSV (comma, semicolon or tab separated; UTF-8 or windows-1251)')
    .requiredOption('--map <map>', 'JSON file naming the list\'s columns, date order and status words (see examples/lists/)')
    .option('--dry-run', 'show what would change, change nothing')
    .option('--json', 'print the result as JSON')
    .option('--confidentiality <level>', `level of the list, its rows and claims (${Object.keys(CONFIDENTIALITY).join(', ')}); internal and confidential are sealed under that level's key`, 'public')
    .addOption(workspaceOption())
    .action(async (file: string, opts: { map: string; dryRun?: boolean; json?: boolean; workspace: string; confidentiality: string }) => {
      const level = opts.confidentiality;
      if (!isConfidentiality(level)) throw new UsageError(`--confidentiality must be one of ${Object.keys(CONFIDENTIALITY).join(', ')}.`);
      const read = (path: string, what: string) => {
        try {
          return readFileSync(path);
        } catch (e) {
          throw new UsageError(`Cannot read the ${what} ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
        }
      };
      const { parseListMap } = await import('../../import/list-map.ts');
      const { readList } = await import('../../import/list.ts');
      const { importList } = await import('../../import/import-list.ts');
      const { formatImport } = await import('../../views/format-import.ts');
      const map = parseListMap(read(opts.map, 'map').toString('utf8'));
      const bytes = read(file, 'list');
      const list = readList(bytes, file, map);
      const result = await withStore(opts.workspace, (store) => importList(store, bytes, list, actorName(), { dryRun: opts.dryRun, confidentiality: level }));
      io.out(opts.json ? JSON.stringify(result, null, 2) : formatImport(result));
    });

  program
    .command('attach')
    .description('keep a picture with a report or a person; its metadata (EXIF with a GPS location, XMP) is stripped from what is shown and exported, the original is kept encrypted')
    .argument('<file>', 'the picture (JPEG, PNG or WebP)')
    .option('--report <id>', 'the report: its number or SHA-256')
    .option('--person <name>', 'the person: any spelling of the name, or #id')
    .addOption(workspaceOption())
    .action(async (file: string, opts: { report?: string; person?: string; workspace: string }) => {
      if (!opts.report === !opts.person) throw new UsageError('Give either --report ID or --person NAME.');
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        throw new UsageError(`Cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
      }
      const { addAttachment } = await import('../../store/attachments.ts');
      const { mediaTypeOf } = await import('../../ingest/media-types.ts');
      const a = await withStore(opts.workspace, (store) => {
        let owner: { reportId: number } | { mentionId: number };
        if (opts.report) {
          const r = store.listReports().find((x) => String(x.id) === opts.report || x.sha256 === opts.report);
          if (!r) throw new UsageError(`No report ${opts.report}. \`vigil persons\` names the reports; their numbers are in the web UI.`);
          owner = { reportId: r.id };
        } else {
          const p = onePerson(store, opts.person!);
          owner = { mentionId: (store.db.prepare('SELECT min(id) AS m FROM mentions WHERE person_id = ?').get(p.id) as { m: number }).m };
        }
        return addAttachment(store, owner, { filename: basename(file), mediaType: mediaTypeOf(extname(file)), bytes }, actorName(), { picture: true });
      });
      io.out(`Kept ${a.filename} as attachment #${a.id}${a.removed.length ? `; removed from what is shown: ${a.removed.join(', ')}` : ''}.`);
    });

  program
    .command('extract')
    .description('print the facts Vigil reads in reports, as the contract JSON (no workspace needed)')
    .argument('<files...>', 'report files; - for standard input')
    .option('--json', 'print JSON (the default and only format; kept for the contract)')
    .option('--published <date>', 'publication date (YYYY-MM-DD), used to resolve relative dates')
    .option('--language <code>', 'language of the reports (en, ru, be, uk)')
    .option('--explain', 'add each event’s rule and confidence in a readable line on standard error')
    .action(async (files: string[], opts: { published?: string; language?: string; explain?: boolean }) => {
      const { InputError } = await import('../../ingest/formats.ts');
      const { readReports } = await import('../../ingest/read.ts');
      const { processReport } = await import('../../ingest/process.ts');
      let failed = false;
      for (const file of files) {
        try {
          const bytes = file === '-' ? readFileSync(0) : readFileSync(file);
          const parsed = await readReports(bytes, file === '-' ? 'stdin.txt' : file, { path: file === '-' ? null : file });
          for (const p of parsed) {
            if (!p.ok) throw new InputError(p.error);
            const { extraction } = processReport(p.report, { published: opts.published ?? null, language: opts.language ?? null });
            io.out(JSON.stringify(extraction));
            if (opts.explain) {
              for (const e of extraction.events) io.err(`${file}: ${e.type} ${e.person} ${e.date ?? '-'}  rule=${e.rule ?? '?'} confidence=${e.confidence.toFixed(2)}  “${e.evidence.slice(0, 80)}”`);
            }
          }
        } catch (e) {
          failed = true;
          const code = (e as NodeJS.ErrnoException).code;
          const message = code === 'ENOENT' ? 'no such file' : code ? `cannot be read (${code})` : (e as Error).message;
          io.out(JSON.stringify({ file, error: message }));
        }
      }
      if (failed) process.exitCode = 1;
    });

  const persons = program
    .command('persons')
    .description('list the persons in the workspace, in the order of their names, with every name they go by and the reports that name them')
    .addOption(workspaceOption())
    .option('--json', 'print JSON: [{name, aliases, reports, ...}]')
    .option('--limit <n>', 'print at most N persons, then the cursor that continues the list (on standard error)')
    .option('--cursor <cursor>', 'start after where an earlier --limit listing stopped')
    .action(async (opts: { workspace: string; json?: boolean; limit?: string; cursor?: string }) => {
      const limit = limitOf(opts.limit);
      await withStore(opts.workspace, async (store) => {
        // Printed a page at a time, so even the whole list never sits in memory at once.
        let cursor = opts.cursor;
        let shown = 0;
        const out = streamOf(io);
        const put = async (text: string) => { if (!out.write(text)) await once(out, 'drain'); };
        if (opts.json) await put('[');
        for (;;) {
          const page = personListPage(store, { limit: Math.min(200, limit === undefined ? 200 : limit - shown), cursor });
          for (const p of page.persons) await put(opts.json ? `${shown++ ? ',' : ''}\n${JSON.stringify(p, null, 2)}` : (shown++, `${formatPersons([p])}\n`));
          cursor = page.next ?? undefined;
          if (!page.next || (limit !== undefined && shown >= limit)) break;
        }
        if (opts.json) await put(`${shown ? '\n' : ''}]\n`);
        else if (shown === 0) await put(`${formatPersons([])}\n`);
        if (limit !== undefined && cursor) io.err(`More persons: --cursor ${cursor}`);
      });
    });

  persons
    .command('rebuild')
    .description('group every mention into persons again from nothing (after the rules of grouping change); people\'s merges and splits are applied again')
    .addHelpText('after', '\nThe workspace is given to `persons`: vigil persons --workspace DIR rebuild (or VIGIL_WORKSPACE).')
    .action(async (_opts: unknown, cmd: Command) => {
      const started = performance.now();
      const n = await withStore((cmd.optsWithGlobals() as { workspace: string }).workspace, (store) => rebuildPersons(store, actorName()));
      io.out(`Grouped every mention again: ${n} persons (${((performance.now() - started) / 1000).toFixed(1)} s).`);
    });

  /** Finds exactly one person for a CLI argument, or says why not. */
  const onePerson = (store: SqliteStore, query: string) => {
    const found = findCaseFiles(store, query);
    if (found.length === 0) throw new UsageError(`No person matches “${query}”. \`vigil persons\` lists them.`);
    if (found.length > 1) throw new UsageError(`“${query}” matches ${found.length} persons: ${found.map((c) => `${c.name} (#${c.id})`).join(', ')}. Use #id.`);
    return found[0]!;
  };
  const mentionNames = (store: SqliteStore, personId: number) => [...new Set(mentionsFor(store, store.owner, 'm.person_id = ?', [personId]).map((m) => m.name))];

  persons
    .command('merge')
    .description('decide that two persons are one (kept with who and when; survives re-ingesting)')
    .argument('<a>', 'a person: any spelling, or #id')
    .argument('<b>', 'the other person')
    .option('--note <text>', 'why (kept with the decision)')
    .addHelpText('after', '\nThe workspace is given to `persons`: vigil persons --workspace DIR merge A B (or VIGIL_WORKSPACE).')
    .action(async (a: string, b: string, opts: { note?: string }, cmd: Command) => {
      const result = await withStore((cmd.optsWithGlobals() as { workspace: string }).workspace, (store) => {
        const pa = onePerson(store, a);
        const pb = onePerson(store, b);
        if (pa.id === pb.id) throw new UsageError(`“${a}” and “${b}” are already one person (#${pa.id}).`);
        store.addPersonDecision('merge', mentionNames(store, pa.id), mentionNames(store, pb.id), actorName(), opts.note ?? null);
        return { a: pa.name, b: pb.name, now: findCaseFiles(store, pa.name)[0] };
      });
      io.out(`Merged “${result.a}” and “${result.b}” into ${result.now?.name ?? result.a} (#${result.now?.id ?? '?'}).`);
    });

  persons
    .command('split')
    .description('decide that some names of a person belong to someone else (kept with who and when)')
    .argument('<person>', 'the person: any spelling, or #id')
    .requiredOption('--names <names...>', 'the names, as listed by `vigil persons`, that are a different person')
    .option('--note <text>', 'why (kept with the decision)')
    .addHelpText('after', '\nThe workspace is given to `persons`: vigil persons --workspace DIR split P --names N (or VIGIL_WORKSPACE).')
    .action(async (person: string, opts: { names: string[]; note?: string }, cmd: Command) => {
      const out = await withStore((cmd.optsWithGlobals() as { workspace: string }).workspace, (store) => {
        const p = onePerson(store, person);
        const names = mentionNames(store, p.id);
        const away = opts.names.filter((n) => names.includes(n));
        const unknown = opts.names.filter((n) => !names.includes(n));
        if (unknown.length) throw new UsageError(`${p.name} is not named “${unknown.join('”, “')}” in any report. Names: ${names.join('; ')}`);
        const stay = names.filter((n) => !away.includes(n));
        if (stay.length === 0) throw new UsageError('Nothing would be left of the person: name at least one name to keep out of --names.');
        store.addPersonDecision('split', away, stay, actorName(), opts.note ?? null);
        return { name: p.name, away };
      });
      io.out(`Split “${out.away.join('”, “')}” from ${out.name}.`);
    });

  program
    .command('person')
    .description('show the case file of one person: status, last place of detention, timeline with sources')
    .argument('<name>', 'any spelling of the name, or #id')
    .addOption(workspaceOption())
    .option('--json', 'print the case file as JSON')
    .action(async (name: string, opts: { workspace: string; json?: boolean }) => {
      const found = await withStore(opts.workspace, (store) => findCaseFiles(store, name));
      if (found.length === 0) throw new UsageError(`No person matches “${name}”. \`vigil persons\` lists them.`);
      if (found.length > 1 && !opts.json) {
        io.err(`${found.length} persons match “${name}”; showing the closest. Others: ${found.slice(1).map((c) => `${c.name} (#${c.id})`).join(', ')}`);
      }
      io.out(opts.json ? JSON.stringify(found[0], null, 2) : formatCaseFile(found[0]!));
    });

  program
    .command('eval')
    .description('score extraction against hand-annotated gold files (contract scores)')
    .argument('<goldDir>', 'folder of NAME.json gold files (and persons.json)')
    .argument('<textDir>', 'folder of the matching NAME.txt reports')
    .option('--json', 'print the figures as JSON')
    .option('--misses', 'list the missed and spurious events with their sentences, and the wrong dates')
    .addOption(new Option('--part <part>', 'score only odd-numbered reports (study: the part rules may be tuned on) or even-numbered ones (held-out: only scored)').choices(['all', 'study', 'held-out']).default('all'))
    .option('--only <names>', 'score only these reports (comma-separated names without extension)')
    .addHelpText('after', '\nThe per-batch table groups reports by the letters before their number (a01, a02 → a); gold events of type "other" are not scored, as the contract says.')
    .action(async (goldDir: string, textDir: string, opts: { json?: boolean; misses?: boolean; part: Part; only?: string }) => {
      const { evaluate, formatEval } = await import('../../eval/run.ts');
      const result = evaluate(goldDir, textDir, { part: opts.part, only: opts.only?.split(',').map((s) => s.trim()).filter(Boolean) });
      io.out(opts.json ? JSON.stringify(result, null, 2) : formatEval(result, { misses: opts.misses }));
    });

  program
    .command('same-person')
    .description('read JSON lines {"a": name, "b": name} on standard input; print whether each pair can be the same person')
    .action(async () => {
      const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
      let lineNo = 0;
      let failed = false;
      for await (const line of rl) {
        lineNo++;
        if (line.trim() === '') continue;
        try {
          const rec = JSON.parse(line) as { a?: unknown; b?: unknown };
          if (typeof rec.a !== 'string' || typeof rec.b !== 'string') throw new Error('needs string fields "a" and "b"');
          const d = samePerson(rec.a, rec.b);
          io.out(JSON.stringify({ a: rec.a, b: rec.b, same: d.same, score: Number(d.score.toFixed(4)) }));
        } catch (e) {
          failed = true;
          io.out(JSON.stringify({ line: lineNo, error: e instanceof SyntaxError ? 'not valid JSON' : (e as Error).message }));
        }
      }
      if (failed) process.exitCode = 1;
    });

  program
    .command('serve')
    .description('serve the web app and JSON API for a workspace (unlocked with its passphrase in the browser)')
    .addOption(workspaceOption())
    .option('--port <port>', 'port to listen on', '8080')
    .option('--host <host>', 'address to bind; only this machine can connect unless you change it', '127.0.0.1')
    .action(async (opts: { workspace: string; port: string; host: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not “${opts.port}”.`);
      // The server is unlocked in the browser: a passphrase in the environment is not needed, and goes.
      delete process.env.VIGIL_PASSPHRASE;
      const { startServer } = await import('../http/server.ts');
      const server = await startServer({ workspace: opts.workspace, host: opts.host, port });
      io.out(`Vigil is serving ${server.url} — open it and unlock the workspace with its passphrase. Ctrl-C stops.`);
      await new Promise<void>((resolve) => {
        const stop = () => void server.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  program
    .command('verify')
    .description('check the audit chain and its anchored head, the MAC of every fact and user row, every sealed field, every archived original, evidence spans and SQLite integrity')
    .addOption(workspaceOption())
    .option('--json', 'print the result as JSON')
    .option('--head', 'also print the audit head, to note somewhere the workspace is not (a later verify shows whether the log still reaches it)')
    .action(async (opts: { workspace: string; json?: boolean; head?: boolean }) => {
      const started = performance.now();
      const r = await withStore(opts.workspace, verifyStore);
      const ms = performance.now() - started;
      if (opts.json) io.out(JSON.stringify({ ...r, ms: Math.round(ms) }));
      else {
        io.out(`Checked ${r.checked.auditEntries} audit entries, ${r.checked.rows} rows of facts and users, ${r.checked.sealedFields} sealed fields, ${r.checked.originals} originals, ${r.checked.claims} claims; SQLite integrity: ${r.checked.integrity} (${(ms / 1000).toFixed(1)} s).`);
        if (r.ok) io.out('OK: nothing was altered.');
        else for (const p of r.problems) io.err(`ALTERED: ${p}`);
      }
      if (opts.head && !opts.json) io.out(r.head ? `Audit head: entry #${r.head.auditId}, ${r.head.auditHash} (anchored ${r.head.at})` : 'Audit head: none anchored yet.');
      if (!r.ok) process.exitCode = 3;
    });

  program
    .command('backup')
    .description('write an encrypted, portable, verifiable backup of the workspace to FILE')
    .argument('<file>', 'backup file to create (must not exist)')
    .addOption(workspaceOption())
    .option('--check', 'do not back up: check that FILE is an intact Vigil backup (needs no passphrase)')
    .action(async (file: string, opts: { workspace: string; check?: boolean }) => {
      if (opts.check) {
        const { header } = readBackup(file);
        io.out(`${file} is an intact Vigil backup made ${header.created} (${header.database.bytes} bytes, SHA-256 ${header.database.sha256.slice(0, 16)}…, ${header.keyFile.slots.length} key slot(s)).`);
        return;
      }
      const header = await withStore(opts.workspace, (store) => createBackup(store, opts.workspace, file));
      io.out(`Backup written to ${file} (${header.database.bytes} bytes, SHA-256 ${header.database.sha256.slice(0, 16)}…). It opens with the workspace's passphrase or recovery key.`);
    });

  program
    .command('restore')
    .description('restore a backup into a new workspace folder (asks for the passphrase or recovery key)')
    .argument('<file>', 'backup file')
    .argument('[dir]', 'new workspace folder', process.env.VIGIL_WORKSPACE ?? DEFAULT_WORKSPACE)
    .action(async (file: string, dir: string) => {
      await restoreBackup(file, dir, await readPassphrase({ purpose: 'Passphrase or recovery key of the backup' }));
      io.out(`Restored ${file} into ${dir}. Run \`vigil verify --workspace ${dir}\` to check it.`);
    });

  const passphrase = program.command('passphrase').description('manage the passphrase and the recovery key');
  passphrase
    .command('change')
    .description('change the passphrase (reads the current one, then the new one twice; or VIGIL_PASSPHRASE and VIGIL_NEW_PASSPHRASE)')
    .addOption(workspaceOption())
    .action(async (opts: { workspace: string }) => {
      const current = await readPassphrase({ purpose: 'Current passphrase or recovery key' });
      const next = process.env.VIGIL_NEW_PASSPHRASE || (await readPassphrase({ confirm: true, purpose: 'New passphrase', ignoreEnv: true }));
      delete process.env.VIGIL_NEW_PASSPHRASE;
      await changePassphrase(opts.workspace, current, next);
      io.out('The passphrase was changed. The database was not re-encrypted; only its key was wrapped anew.');
    });
  passphrase
    .command('recovery-key')
    .description('create (or replace) a recovery key: a second way to unlock; print it and keep it offline')
    .addOption(workspaceOption())
    .action(async (opts: { workspace: string }) => {
      const key = await addRecoverySlot(opts.workspace, await readPassphrase());
      io.out(`Recovery key (shown once, never stored):\n\n    ${key}\n\nPrint it and keep it somewhere the workspace is not. It unlocks the workspace like the passphrase.`);
    });

  program
    .command('mark')
    .description('set the confidentiality of a report, mention or claim; internal and confidential content is encrypted under that level\'s field key')
    .argument('<kind>', 'report, mention or claim')
    .argument('<id>', 'its number')
    .argument('<level>', Object.keys(CONFIDENTIALITY).join(', '))
    .addOption(workspaceOption())
    .action(async (kind: string, id: string, level: string, opts: { workspace: string }) => {
      const table = ({ report: 'reports', mention: 'mentions', claim: 'claims' } as const)[kind as 'report'];
      if (!table) throw new UsageError('kind must be report, mention or claim.');
      if (!/^\d{1,15}$/.test(id)) throw new UsageError(`id must be a number, not “${id.slice(0, 40)}”.`);
      if (!isConfidentiality(level)) throw new UsageError(`level must be one of ${Object.keys(CONFIDENTIALITY).join(', ')}.`);
      const r = await withStore(opts.workspace, (store) => store.setConfidentiality(table, Number(id), level, actorName()));
      io.out(`${kind} #${id}: ${r.before} → ${r.after}.${level !== 'public' ? ` Its content is now encrypted under the ${level} field key.` : ''}`);
    });

  program
    .command('export')
    .description('export the prisoner list, statistics and case files as one clearance may see them (public by default: what a monitor publishes), as Vigil JSON or FollowTheMoney entities')
    .addOption(new Option('--level <level>', 'the highest confidentiality to include').choices(Object.keys(CONFIDENTIALITY)).default('public'))
    .option('--out <file>', 'write to FILE (must not exist) instead of standard output')
    .addOption(new Option('--format <format>', 'vigil (or json): one Vigil JSON document; jsonl: the same as JSON Lines (one part per line: export, counts, statistics, prisoner…, caseFile…); ftm: FollowTheMoney entities as JSON lines (Person, Event, Document) for Aleph and OpenSanctions').choices(['vigil', 'json', 'jsonl', 'ftm']).default('vigil'))
    .option('--include-proposed', 'add claims nobody has reviewed yet (each marked proposed); by default only accepted claims are exported', false)
    .addOption(workspaceOption())
    .addHelpText('after', '\nOnly claims a reviewer accepted are exported unless --include-proposed; the prisoner list holds persecuted persons only.\nRows marked above the level are left out; confidential fields are decrypted only with --level confidential.\nWritten as it is read, a page of persons at a time: memory stays the same whatever the size of the workspace\n(ftm is checked against the FtM schema in a first pass that writes nothing, then written).')
    .action(async (opts: { level: string; format: ExportFormat | 'vigil' | 'ftm'; out?: string; workspace: string; includeProposed: boolean }) => {
      if (!isConfidentiality(opts.level)) throw new UsageError(`level must be one of ${Object.keys(CONFIDENTIALITY).join(', ')}.`);
      const level = opts.level;
      const store = await openWorkspace(opts.workspace, await readPassphrase());
      try {
        const open = (): Writable => {
          if (!opts.out) return streamOf(io);
          try {
            return createWriteStream('', { fd: openSync(opts.out, 'wx', level === 'public' ? 0o644 : 0o600) });
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            throw new UsageError(code === 'EEXIST' ? `${opts.out} exists; choose a new file name.` : `Cannot write ${opts.out} (${code ?? 'error'}).`);
          }
        };
        // Read as that level's reader: its rows, and only the field keys it may hold.
        let out: Writable;
        let what: string;
        if (opts.format === 'ftm') {
          // Checked whole before the file is made: a refused export leaves nothing behind.
          const r = await writeFtmExport(store, level, open, { includeProposed: opts.includeProposed });
          out = r.out;
          what = `${r.entities} FtM entities`;
        } else {
          out = open();
          what = `${await writeExport(store, level, out, opts.format === 'jsonl' ? 'jsonl' : 'json', new Date(), { includeProposed: opts.includeProposed })} case files`;
        }
        if (opts.out) {
          await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
          io.out(`Exported ${level} view to ${opts.out} (${what}).`);
        }
      } finally {
        store.close();
      }
    });

  program
    .command('publish')
    .description('what a monitor publishes: only claims a reviewer accepted (add --include-proposed for unreviewed ones, marked as proposed), as one clearance may see them')
    .addOption(new Option('--format <format>', 'csv: the prisoner list, one row a persecuted person; events: JSON Lines, one event a line with its sources and quotes; print: one case file as a printable HTML page (--person)').choices(['csv', 'events', 'print']).default('csv'))
    .addOption(new Option('--level <level>', 'the highest confidentiality to include').choices(Object.keys(CONFIDENTIALITY)).default('public'))
    .option('--include-proposed', 'add claims nobody has reviewed yet, each marked as proposed', false)
    .option('--person <name>', 'the person whose case file to print (a name in any spelling, or #id)')
    .addOption(new Option('--lang <lang>', 'language of the printable case file').choices(Object.keys(PRINT_LANGS)).default('en'))
    .option('--out <file>', 'write to FILE (must not exist) instead of standard output')
    .addOption(workspaceOption())
    .action(async (opts: { format: string; level: string; includeProposed: boolean; person?: string; lang: string; out?: string; workspace: string }) => {
      if (!isConfidentiality(opts.level)) throw new UsageError(`level must be one of ${Object.keys(CONFIDENTIALITY).join(', ')}.`);
      if (opts.format === 'print' && !opts.person) throw new UsageError('--format print needs --person NAME.');
      const choice = { level: opts.level, includeProposed: opts.includeProposed };
      const text = await withStore(opts.workspace, (store) => {
        const files = opts.format === 'print' ? [] : publishedCaseFiles(store, choice);
        if (opts.format === 'csv') return [...prisonerCsv(files)].join('');
        if (opts.format === 'events') return [...eventLines(files, choice)].join('');
        const found = [...publishedCaseFiles(store, choice, findCaseFiles(store, opts.person!).map((c) => c.id))];
        if (found.length === 0) throw new UsageError(`No person matches “${opts.person!.slice(0, 80)}” among what may be published.`);
        return printableCaseFile(found[0]!, opts.lang as PrintLang, choice);
      });
      if (!opts.out) return io.out(text.replace(/\n$/, ''));
      try {
        writeFileSync(opts.out, text, { flag: 'wx', mode: opts.level === 'public' ? 0o644 : 0o600 });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new UsageError(code === 'EEXIST' ? `${opts.out} exists; choose a new file name.` : `Cannot write ${opts.out} (${code ?? 'error'}).`);
      }
      io.out(`Published the ${opts.level} view (${opts.includeProposed ? 'accepted and proposed claims' : 'accepted claims only'}) to ${opts.out}.`);
    });

  const users = program.command('users').description(`people who sign in to \`vigil serve\` with their own password; roles: ${USER_ROLE_NAMES.join(', ')}`);
  users
    .command('add')
    .description("add a user (asks the workspace passphrase, then the user's password twice, or reads it from stdin)")
    .argument('<name>', 'user name')
    .requiredOption('--role <role>', `one of ${USER_ROLE_NAMES.join(', ')}`)
    .addOption(workspaceOption())
    .action(async (name: string, opts: { role: string; workspace: string }) => {
      const pass = await readPassphrase({ purpose: 'Workspace passphrase' });
      const u = await addUser(opts.workspace, pass, name, opts.role, await readNewPassword(name), actorName());
      io.out(`Added ${u.name} as ${u.role}. They sign in at \`vigil serve\` with their own password.`);
    });
  users
    .command('remove')
    .description('remove a user: their key slot and their sessions go at once')
    .argument('<name>', 'user name')
    .addOption(workspaceOption())
    .action(async (name: string, opts: { workspace: string }) => {
      const r = await removeUser(opts.workspace, await readPassphrase({ purpose: 'Workspace passphrase' }), name, actorName());
      io.out(`Removed ${name}. The keys were rotated (database re-keyed, ${r.fields} sealed fields sealed again, in ${(r.ms / 1000).toFixed(1)} s): old copies of the key file open nothing written from now on.`);
    });
  users
    .command('role')
    .description("change a user's role")
    .argument('<name>', 'user name')
    .argument('<role>', `one of ${USER_ROLE_NAMES.join(', ')}`)
    .addOption(workspaceOption())
    .action(async (name: string, role: string, opts: { workspace: string }) => {
      const r = await setUserRole(opts.workspace, await readPassphrase({ purpose: 'Workspace passphrase' }), name, role, actorName());
      io.out(`${name}: ${r.before} → ${r.after}.${r.rotation ? ` Clearance lowered: the keys were rotated (${r.rotation.fields} sealed fields, ${(r.rotation.ms / 1000).toFixed(1)} s).` : ''}`);
    });
  users
    .command('list')
    .description('list users and their roles')
    .addOption(workspaceOption())
    .option('--json', 'print JSON')
    .action(async (opts: { workspace: string; json?: boolean }) => {
      const list = await listUsersOf(opts.workspace, await readPassphrase({ purpose: 'Workspace passphrase' }));
      if (opts.json) io.out(JSON.stringify(list));
      else if (!list.length) io.out('No users yet: only the workspace passphrase opens it. Add one with `vigil users add NAME --role ROLE`.');
      else for (const u of list) io.out(`${u.name.padEnd(24)} ${u.role.padEnd(9)} added ${u.createdAt.slice(0, 10)} by ${u.createdBy}`);
    });

  program
    .command('lock')
    .description('lock the workspace; with --panic, destroy its key file so that nobody can open it again')
    .addOption(workspaceOption())
    .option('--panic', 'destroy the key file (asks for confirmation)')
    .option('--yes', 'confirm --panic without asking (for scripts)')
    .action(async (opts: { workspace: string; panic?: boolean; yes?: boolean }) => {
      if (!opts.panic) {
        io.out('The workspace is locked whenever no Vigil command is running: nothing stays unlocked. Use --panic to destroy the key.');
        return;
      }
      const p = workspacePaths(opts.workspace);
      if (!opts.yes) {
        if (!process.stdin.isTTY) throw new UsageError('Refusing to destroy the key without confirmation: run in a terminal, or add --yes.');
        const answer = await readLine(`This destroys the key of ${p.dir}: nobody, including you, will open it again except from a backup. Type DESTROY to go on: `);
        if (answer.trim() !== 'DESTROY') throw new UsageError('Not confirmed; nothing was destroyed.');
      }
      destroyKeyFile(opts.workspace);
      io.out(`The key file of ${p.dir} was overwritten and removed. This workspace can no longer be opened with any passphrase or recovery key; a running \`vigil serve\` locks itself and ends every session. Backups made earlier still open with their own passphrase.`);
    });

  program
    .command('delete')
    .description('delete a report with its mentions, claims, reviews, attachments and search rows (audited; persons are regrouped)')
    .argument('<kind>', 'report')
    .argument('<id>', 'its number')
    .addOption(workspaceOption())
    .action(async (kind: string, id: string, opts: { workspace: string }) => {
      if (kind !== 'report') throw new UsageError('kind must be report.');
      if (!/^\d{1,15}$/.test(id)) throw new UsageError(`id must be a number, not “${id.slice(0, 40)}”.`);
      const r = await withStore(opts.workspace, (store) => store.deleteReport(Number(id), actorName()));
      io.out(`Deleted report #${id} (${r.sha256.slice(0, 12)}): ${r.mentions} mentions, ${r.claims} claims, ${r.reviews} reviews, ${r.attachments} attachments.`);
    });

  program.addHelpText('after', `\nEvent types: ${EVENT_TYPE_NAMES.join(', ')}\nThe passphrase is read from VIGIL_PASSPHRASE or asked for; never pass it as an argument.`);
  return program;
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  process.exitCode = 0;
  try {
    await buildProgram(io).parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof UsageError || USER_ERRORS.some((cls) => e instanceof cls) || USER_ERROR_NAMES.has((e as Error)?.name)) {
      io.err(`vigil: ${(e as Error).message}`);
      return e instanceof WrongPassphraseError ? 2 : 1;
    }
    // Unexpected: say what failed without a stack (stacks can carry file contents); VIGIL_DEBUG shows it.
    io.err(`vigil: internal error: ${(e as Error).message ?? String(e)}`);
    if (process.env.VIGIL_DEBUG) io.err(String((e as Error).stack));
    return 70;
  }
}
