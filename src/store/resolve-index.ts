/**
 * Person resolution kept as it goes. The grouping of resolve-persons.ts (`groupMentions`) is greedy
 * in the order of mention ids: each distinct full name joins the first group its blocking keys find
 * that it fits, or starts one; partial names are then placed among the groups they fit. Mentions only
 * ever come with higher ids, so the state that grouping builds is kept in the database and continued:
 * a new mention is compared only with the groups its keys find, the partial names whose candidate
 * groups changed are placed again, and only persons whose groups changed are written. The result is
 * the one a full re-resolution gives (test/store/incremental-resolution.test.ts).
 *
 * Names, keys and companions are kept only as keyed hashes (HMAC under a key derived from the
 * integrity key, which no user holds): the names themselves stay in mentions, sealed when they are.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import type { Db } from './db.ts';
import type { MentionRow, SqliteStore } from './sqlite-store.ts';
import { openColumns, OWN_COLUMNS } from './confidential.ts';
import { parseName, type ParsedName } from '../resolve/index.ts';
import { companionKey, contextKeys, fitsAll, indexKeys, isFull, itemKey, lookupKeys, MAX_COMPANIONS, modesOf, placePartial, type Item } from '../resolve/cluster.ts';
import { latinKeys, scriptKeys, type CrossMode } from '../resolve/cross-script.ts';
import { applyDecisions, cluesOf, contextOf, mentionItems } from './resolve-persons.ts';

const KEY_BYTES = 8;

interface Rep {
  id: number;
  full: boolean;
  grp: number | null;
  item: Item;
}

/** A name to group: a mention's own (alias 0) or the n-th other name its report gave the person. */
interface NewItem {
  mentionId: number;
  alias: number;
  variant: number;
  name: string;
  ctx: Item['ctx'];
  keys: string[];
}


export class ResolutionIndex {
  private readonly key: Buffer;
  private readonly statements = new Map<string, import('better-sqlite3-multiple-ciphers').Statement<unknown[]>>();
  private readonly reps = new Map<number, Rep>();
  /** The full names of each group, in the order they joined (a cache, kept in step by `place`). */
  private readonly groups = new Map<number, number[]>();
  private readonly hashes = new Map<string, string>();
  private epoch = '';
  private version = -1;
  private modes = new Set<CrossMode>();
  /** Groups whose members, parts or companions changed in this update. */
  private changed = new Set<number>();
  /** Partial names to place again, and parts that gained a mention (their group gains a person's mention). */
  private partials = new Set<number>();
  private grown = new Set<number>();

  constructor(private readonly store: SqliteStore) {
    this.key = Buffer.from(hkdfSync('sha256', store.keys.integrity, Buffer.alloc(0), 'vigil/resolve-index/v1', 32));
  }

  private get db(): Db {
    return this.store.db;
  }

  private st(sql: string) {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private meta(key: string): string | null {
    return (this.st('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  }

  private setMeta(key: string, value: string): void {
    this.st('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run(key, value);
  }

  /** A key's hash as hex (8 bytes): equal keys give equal hashes, and nothing else can be read from it. */
  private hash(s: string, bytes = KEY_BYTES): string {
    const k = `${bytes}:${s}`;
    let h = this.hashes.get(k);
    if (h === undefined) {
      if (this.hashes.size > 500_000) this.hashes.clear();
      h = createHmac('sha256', this.key).update(s).digest().subarray(0, bytes).toString('hex');
      this.hashes.set(k, h);
    }
    return h;
  }

  private blob(hex: string): Buffer {
    return Buffer.from(hex, 'hex');
  }

  private keysOf(b: Buffer | null): string[] {
    const out: string[] = [];
    if (b) for (let i = 0; i < b.length; i += KEY_BYTES) out.push(b.subarray(i, i + KEY_BYTES).toString('hex'));
    return out;
  }

  /** Mentions with their sealed fields opened (the store holds every key). */
  private mentions(where: string, param: unknown): MentionRow[] {
    const rows = this.st(`SELECT id, report_id, name, variants_json, role, person_id FROM mentions WHERE ${where} ORDER BY id`).all(param) as { id: number; report_id: number; name: string; variants_json: string; role: string | null; person_id: number | null }[];
    return rows.map((r) => openColumns(this.db, this.store.fieldKeys, 'mentions', r.id, r, OWN_COLUMNS.mentions))
      .map((r) => ({ id: r.id, reportId: r.report_id, name: r.name, variants: JSON.parse(r.variants_json) as string[], role: r.role, personId: r.person_id }));
  }

  private syncEpoch(): void {
    // Another process (a CLI ingest beside the server) may have grouped since: what is cached here is read again.
    const version = this.db.pragma('data_version', { simple: true }) as number;
    const epoch = this.meta('resolve_epoch') ?? '0';
    if (epoch === this.epoch && version === this.version) return;
    this.reps.clear();
    this.groups.clear();
    this.epoch = epoch;
    this.version = version;
    this.modes = new Set(JSON.parse(this.meta('resolve_modes') ?? '[]') as CrossMode[]);
  }

  /** The names a mention gives to group, each with its companion and clue keys hashed. */
  private itemsOf(m: MentionRow, names: readonly string[], clues: readonly string[] | undefined): NewItem[] {
    return mentionItems(m, names.filter((n) => n !== m.name), clues).map((it, alias) => ({
      mentionId: m.id, alias, variant: alias === 0 ? -1 : m.variants.indexOf(it.name), name: it.name, ctx: it.ctx ?? {},
      keys: contextKeys((it.companions ?? []).map((n) => companionKey(parseName(n))), it.clues).map((k) => this.hash(k)),
    }));
  }

  private rep(id: number): Rep {
    let rep = this.reps.get(id);
    if (rep) return rep;
    const r = this.st('SELECT mention_id, variant, full, grp, companions FROM resolve_reps WHERE id = ?').get(id) as { mention_id: number; variant: number; full: number; grp: number | null; companions: Buffer | null };
    const m = this.mentions('id = ?', r.mention_id)[0]!;
    const name = r.variant < 0 ? m.name : m.variants[r.variant]!;
    const ctx = contextOf(m);
    rep = { id, full: r.full === 1, grp: r.grp, item: { id: itemKey(name, ctx), parsed: parseName(name), ctx, companions: new Set(this.keysOf(r.companions)), parts: new Map() } };
    if (this.reps.size > 200_000) this.reps.clear();
    this.reps.set(id, rep);
    return rep;
  }

  private members(grp: number): Rep[] {
    let ids = this.groups.get(grp);
    if (!ids) {
      ids = (this.st('SELECT id FROM resolve_reps WHERE grp = ? ORDER BY id').all(grp) as { id: number }[]).map((r) => r.id);
      if (this.groups.size > 200_000) this.groups.clear();
      this.groups.set(grp, ids);
    }
    return ids.map((id) => this.rep(id));
  }

  /** The groups found under a name's lookup keys, in the order clustering tries them. */
  private candidates(p: ParsedName): number[] {
    const out = new Set<number>();
    for (const k of lookupKeys(p, this.modes)) for (const r of this.st('SELECT grp FROM resolve_keys WHERE key = ? ORDER BY id').all(this.blob(this.hash(k))) as { grp: number }[]) out.add(r.grp);
    return [...out];
  }

  private indexUnder(keys: string[], grp: number): void {
    for (const k of keys) {
      const key = this.blob(this.hash(k));
      if (!this.st('SELECT 1 FROM resolve_keys WHERE key = ? AND grp = ?').get(key, grp)) this.st('INSERT INTO resolve_keys(key, grp) VALUES (?, ?)').run(key, grp);
    }
  }

  private lookUp(keys: string[], rep: number): void {
    for (const k of keys) this.st('INSERT OR IGNORE INTO resolve_lookups(key, rep) VALUES (?, ?)').run(this.blob(this.hash(k)), rep);
  }

  /** Script names of a cross-script mode not met before: every Latin name is indexed (and looks up) in that mode's readings too. */
  private activate(fresh: Set<CrossMode>): void {
    if (fresh.size === 0) return;
    this.modes = new Set([...this.modes, ...fresh].sort());
    this.setMeta('resolve_modes', JSON.stringify([...this.modes]));
    for (const { id } of this.st('SELECT id FROM resolve_reps ORDER BY id').all() as { id: number }[]) {
      const rep = this.rep(id);
      if (scriptKeys(rep.item.parsed)) continue;
      const keys = latinKeys(rep.item.parsed, fresh);
      if (rep.full) this.indexUnder(keys.map((k) => `l:${k}`), rep.grp!);
      else {
        this.lookUp(keys.map((k) => `x:${k}`), id);
        this.partials.add(id);
      }
    }
  }

  /** A full name joins the first candidate group it fits, or starts one; the group is then found under its keys. */
  private place(rep: Rep): void {
    const grp = this.candidates(rep.item.parsed).find((g) => fitsAll(this.members(g).map((m) => m.item), rep.item))
      ?? Number(this.st('INSERT INTO resolve_groups(apart) VALUES (NULL)').run().lastInsertRowid);
    rep.grp = grp;
    this.st('UPDATE resolve_reps SET grp = ? WHERE id = ?').run(grp, rep.id);
    this.groups.get(grp)?.push(rep.id);
    this.indexUnder(indexKeys(rep.item.parsed, this.modes), grp);
    this.changed.add(grp);
  }

  private setCompanions(rep: Rep, companions: Set<string>): void {
    if (companions.size === rep.item.companions.size && [...companions].every((k) => rep.item.companions.has(k))) return;
    rep.item.companions = companions;
    this.st('UPDATE resolve_reps SET companions = ? WHERE id = ?').run(Buffer.from([...companions].join(''), 'hex'), rep.id);
    this.changed.add(rep.grp!);
  }

  /** A partial name's part for these keys, made when new. */
  private partFor(rep: number, keys: string[]): number {
    const digest = this.blob(this.hash(keys.join(' '), 16));
    const row = this.st('SELECT id FROM resolve_parts WHERE rep = ? AND digest = ?').get(rep, digest) as { id: number } | undefined;
    return row?.id ?? Number(this.st('INSERT INTO resolve_parts(rep, digest) VALUES (?, ?)').run(rep, digest).lastInsertRowid);
  }

  private add(it: NewItem): void {
    const digest = this.blob(this.hash(itemKey(it.name, it.ctx), 16));
    const found = this.st('SELECT id FROM resolve_reps WHERE digest = ?').get(digest) as { id: number } | undefined;
    let rep: Rep;
    if (found) rep = this.rep(found.id);
    else {
      const parsed = parseName(it.name);
      const id = Number(this.st('INSERT INTO resolve_reps(digest, name_digest, mention_id, variant, full) VALUES (?,?,?,?,?)')
        .run(digest, this.blob(this.hash(it.name, 16)), it.mentionId, it.variant, isFull(parsed) ? 1 : 0).lastInsertRowid);
      rep = { id, full: isFull(parsed), grp: null, item: { id: itemKey(it.name, it.ctx), parsed, ctx: it.ctx, companions: new Set(), parts: new Map() } };
      this.reps.set(id, rep);
      if (rep.full) this.place(rep);
      else this.lookUp(lookupKeys(parsed, this.modes), id);
    }
    let part: number | null = null;
    if (rep.full) {
      const companions = new Set(rep.item.companions);
      for (const k of it.keys) if (companions.size < MAX_COMPANIONS) companions.add(k);
      this.setCompanions(rep, companions);
      this.changed.add(rep.grp!);
    } else {
      part = this.partFor(rep.id, it.keys);
      this.partials.add(rep.id);
      this.grown.add(part);
    }
    this.st('INSERT INTO resolve_items(mention_id, alias, variant, rep, part, keys) VALUES (?,?,?,?,?,?)')
      .run(it.mentionId, it.alias, it.variant, rep.id, part, Buffer.from(it.keys.join(''), 'hex'));
  }

  /** A mention whose companions or clues changed: its items take their new keys, and what depends on them follows. */
  private retouch(items: NewItem[]): void {
    for (const it of items) {
      const row = this.st('SELECT id, rep, part, keys FROM resolve_items WHERE mention_id = ? AND alias = ?').get(it.mentionId, it.alias) as { id: number; rep: number; part: number | null; keys: Buffer } | undefined;
      if (!row || row.keys.toString('hex') === it.keys.join('')) continue;
      const rep = this.rep(row.rep);
      if (rep.full) {
        this.st('UPDATE resolve_items SET keys = ? WHERE id = ?').run(Buffer.from(it.keys.join(''), 'hex'), row.id);
        // The first 32 keys met, in the order of the name's mentions.
        const companions = new Set<string>();
        for (const r of this.st('SELECT keys FROM resolve_items WHERE rep = ? ORDER BY mention_id, alias').iterate(rep.id) as Iterable<{ keys: Buffer }>) {
          for (const k of this.keysOf(r.keys)) if (companions.size < MAX_COMPANIONS) companions.add(k);
          if (companions.size >= MAX_COMPANIONS) break;
        }
        this.setCompanions(rep, companions);
      } else {
        const part = this.partFor(rep.id, it.keys);
        this.st('UPDATE resolve_items SET keys = ?, part = ? WHERE id = ?').run(Buffer.from(it.keys.join(''), 'hex'), part, row.id);
        this.dropIfEmpty(row.part!);
        this.partials.add(rep.id);
        this.grown.add(part);
      }
    }
  }

  private dropIfEmpty(part: number): void {
    if (this.st('SELECT 1 FROM resolve_items WHERE part = ? LIMIT 1').get(part)) return;
    const old = this.st('SELECT grp FROM resolve_parts WHERE id = ?').get(part) as { grp: number | null } | undefined;
    if (old?.grp != null) this.changed.add(old.grp);
    this.st('DELETE FROM resolve_parts WHERE id = ?').run(part);
  }

  /** Places each part of a partial name among the groups it fits, or in a group of its own. */
  private placePartials(): void {
    // Partial names whose candidate groups changed: they look up a key those groups are found under.
    for (const grp of this.changed) {
      for (const r of this.st('SELECT DISTINCT l.rep FROM resolve_keys k JOIN resolve_lookups l ON l.key = k.key WHERE k.grp = ?').all(grp) as { rep: number }[]) this.partials.add(r.rep);
    }
    for (const id of [...this.partials].sort((a, b) => a - b)) {
      const rep = this.rep(id);
      const parts = this.st('SELECT p.id, p.grp, (SELECT keys FROM resolve_items i WHERE i.part = p.id LIMIT 1) AS keys FROM resolve_parts p WHERE p.rep = ? ORDER BY p.id').all(id) as { id: number; grp: number | null; keys: Buffer }[];
      const it: Item = { ...rep.item, parts: new Map(parts.map((p) => [String(p.id), new Set(this.keysOf(p.keys))])) };
      const fitting = this.candidates(it.parsed).map((group) => ({ group, members: this.members(group).map((m) => m.item) })).filter((f) => fitsAll(f.members, it));
      const own = companionKey(it.parsed);
      for (const place of placePartial(it, fitting, own && this.hash(own))) {
        const part = parts.find((p) => String(p.id) === place.part)!;
        const grp = 'group' in place ? place.group : this.apartGroup(place.apart);
        if (part.grp === grp) continue;
        if (part.grp !== null) this.changed.add(part.grp);
        this.changed.add(grp);
        this.st('UPDATE resolve_parts SET grp = ? WHERE id = ?').run(grp, part.id);
      }
    }
    for (const part of this.grown) {
      const row = this.st('SELECT grp FROM resolve_parts WHERE id = ?').get(part) as { grp: number | null } | undefined;
      if (row?.grp != null) this.changed.add(row.grp);
    }
    this.partials.clear();
    this.grown.clear();
  }

  private apartGroup(apart: string): number {
    const key = this.blob(this.hash(apart, 16));
    const row = this.st('SELECT id FROM resolve_groups WHERE apart = ?').get(key) as { id: number } | undefined;
    return row?.id ?? Number(this.st('INSERT INTO resolve_groups(apart) VALUES (?)').run(key).lastInsertRowid);
  }

  /** The mentions of each set of groups that aliases join (a report's other name for a person pulls its group along). */
  private components(groups: Iterable<number>): number[][] {
    const seen = new Set<number>();
    const out: number[][] = [];
    const inGroup = this.st(`SELECT i.mention_id, i.alias FROM resolve_items i JOIN resolve_reps r ON r.id = i.rep WHERE r.grp = ? AND r.full = 1
      UNION ALL SELECT i.mention_id, i.alias FROM resolve_items i JOIN resolve_parts p ON p.id = i.part WHERE p.grp = ?`);
    const groupsOf = this.st(`SELECT COALESCE(p.grp, r.grp) AS grp FROM resolve_items i JOIN resolve_reps r ON r.id = i.rep LEFT JOIN resolve_parts p ON p.id = i.part
      WHERE i.mention_id IN (SELECT value FROM json_each(?))`);
    for (const g0 of groups) {
      if (seen.has(g0)) continue;
      seen.add(g0);
      const queue = [g0];
      const mentions = new Set<number>();
      while (queue.length) {
        const g = queue.pop()!;
        const rows = inGroup.all(g, g) as { mention_id: number; alias: number }[];
        for (const r of rows) if (r.alias === 0) mentions.add(r.mention_id);
        const ms = [...new Set(rows.map((r) => r.mention_id))];
        for (const { grp } of groupsOf.all(JSON.stringify(ms)) as { grp: number | null }[]) {
          if (grp !== null && !seen.has(grp)) {
            seen.add(grp);
            queue.push(grp);
          }
        }
      }
      if (mentions.size) out.push([...mentions].sort((a, b) => a - b));
    }
    return out;
  }

  /**
   * The components of the changed groups, and of every group holding a mention of a person they
   * held before: a person that loses part of itself is written again whole, under its new lowest id.
   */
  private affected(changed: Set<number>): number[][] {
    const groups = new Set(changed);
    const groupOf = this.st(`SELECT DISTINCT COALESCE(p.grp, r.grp) AS grp FROM resolve_items i JOIN resolve_reps r ON r.id = i.rep LEFT JOIN resolve_parts p ON p.id = i.part
      WHERE i.alias = 0 AND i.mention_id IN (SELECT value FROM json_each(?))`);
    const others = this.st(`SELECT m.id FROM mentions m WHERE m.person_id IN (SELECT DISTINCT person_id FROM mentions WHERE id IN (SELECT value FROM json_each(?)) AND person_id IS NOT NULL)
      AND m.id NOT IN (SELECT value FROM json_each(?))`);
    for (;;) {
      const comps = this.components(groups);
      const inComps = JSON.stringify(comps.flat());
      const rest = (others.all(inComps, inComps) as { id: number }[]).map((r) => r.id);
      const more = (groupOf.all(JSON.stringify(rest)) as { grp: number | null }[]).filter((r) => r.grp !== null && !groups.has(r.grp));
      if (more.length === 0) return comps;
      for (const r of more) groups.add(r.grp!);
    }
  }

  /**
   * People's merges and splits, over the machine's persons that hold a name they name (and over
   * nothing else: a person none of them names is left as the machine made it).
   */
  private decide(clusters: number[][], decisionsChanged: boolean): number[][] {
    const decisions = this.store.personDecisions();
    if (decisions.length === 0) return clusters;
    const names = [...new Set(decisions.flatMap((d) => [...d.namesA, ...d.namesB]))];
    const named = new Set((this.st(`SELECT i.mention_id FROM resolve_items i JOIN resolve_reps r ON r.id = i.rep
      WHERE i.alias = 0 AND r.name_digest IN (SELECT unhex(value) FROM json_each(?))`).all(JSON.stringify(names.map((n) => this.hash(n, 16)))) as { mention_id: number }[]).map((r) => r.mention_id));
    // Persons no name of a decision reaches are as the machine made them.
    if (!decisionsChanged && !clusters.some((c) => c.some((m) => named.has(m)))) return clusters;
    const groupsOfNamed = this.st(`SELECT DISTINCT COALESCE(p.grp, r.grp) AS grp FROM resolve_items i JOIN resolve_reps r ON r.id = i.rep LEFT JOIN resolve_parts p ON p.id = i.part
      WHERE i.alias = 0 AND i.mention_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...named])) as { grp: number }[];
    const zone = this.components(groupsOfNamed.map((r) => r.grp));
    const inZone = new Set(zone.flat());
    const nameOf = new Map(this.mentions('id IN (SELECT value FROM json_each(?))', JSON.stringify([...inZone])).map((m) => [String(m.id), m.name]));
    const decided = applyDecisions(zone.map((c) => c.map(String)), (id) => nameOf.get(id)!, decisions).map((c) => c.map(Number));
    return [...clusters.filter((c) => !c.some((m) => inZone.has(m))), ...decided];
  }

  /** Writes each person: its id is the lowest id of its mentions; returns the persons whose mentions changed. */
  private write(clusters: number[][]): Set<number> {
    const changed = new Set<number>();
    const old = new Set<number>();
    const current = this.st('SELECT id, person_id FROM mentions WHERE id IN (SELECT value FROM json_each(?))');
    for (const c of clusters) {
      const id = Math.min(...c);
      const moved = (current.all(JSON.stringify(c)) as { id: number; person_id: number | null }[]).filter((r) => r.person_id !== id);
      if (moved.length === 0) continue;
      this.st("INSERT OR IGNORE INTO persons(id, name) VALUES (?, '')").run(id);
      for (const r of moved) {
        if (r.person_id !== null) old.add(r.person_id);
        this.st('UPDATE mentions SET person_id = ? WHERE id = ?').run(id, r.id);
      }
      changed.add(id);
    }
    for (const id of old) {
      changed.add(id);
      if (!this.st('SELECT 1 FROM mentions WHERE person_id = ? LIMIT 1').get(id)) this.st('DELETE FROM persons WHERE id = ?').run(id);
    }
    return changed;
  }

  /**
   * Brings persons up to date with the mentions added since the last update (in id order), with
   * mentions whose clues changed (`touched`: their claims were reviewed or corrected), and with
   * changed person decisions. Returns the ids of persons that gained or lost mentions, or went.
   * Runs inside the caller's transaction; at most `limit` new mentions per call.
   */
  update(touched: Iterable<number> = [], decisionsChanged = false, limit = Infinity): { changed: Set<number>; more: boolean } {
    this.syncEpoch();
    const upto = Number(this.meta('resolved_upto') ?? 0);
    const fresh = this.st('SELECT id, report_id FROM mentions WHERE id > ? ORDER BY id LIMIT ?').all(upto, Number.isFinite(limit) ? limit : -1) as { id: number; report_id: number }[];
    const retouched = new Set([...touched].filter((id) => id <= upto));
    // A report that gains a mention (a correction naming someone new) changes its other mentions' companions.
    const freshReports = [...new Set(fresh.map((m) => m.report_id))];
    for (const r of this.st('SELECT id FROM mentions WHERE report_id IN (SELECT value FROM json_each(?)) AND id <= ?').all(JSON.stringify(freshReports), upto) as { id: number }[]) retouched.add(r.id);
    if (fresh.length === 0 && retouched.size === 0 && !decisionsChanged) return { changed: new Set(), more: false };

    const reports = [...new Set([...freshReports, ...(this.st('SELECT DISTINCT report_id FROM mentions WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...retouched])) as { report_id: number }[]).map((r) => r.report_id)])];
    const inReports = this.mentions('report_id IN (SELECT value FROM json_each(?))', JSON.stringify(reports));
    const namesIn = new Map<number, string[]>();
    for (const m of inReports) namesIn.set(m.reportId, [...(namesIn.get(m.reportId) ?? []), m.name]);
    const freshIds = new Set(fresh.map((m) => m.id));
    const wanted = inReports.filter((m) => freshIds.has(m.id) || retouched.has(m.id));
    const clues = cluesOf(this.store.claimClues(wanted.map((m) => m.id)));
    const items = new Map(wanted.map((m) => [m.id, this.itemsOf(m, namesIn.get(m.reportId)!, clues.get(m.id))]));

    const newItems = fresh.flatMap((m) => items.get(m.id)!);
    const modes = modesOf(newItems.map((it) => parseName(it.name)));
    this.activate(new Set([...modes].filter((m) => !this.modes.has(m))));
    for (const it of newItems) this.add(it);
    for (const id of retouched) this.retouch(items.get(id) ?? []);
    this.placePartials();
    if (fresh.length) this.setMeta('resolved_upto', String(fresh.at(-1)!.id));
    const clusters = this.decide(this.affected(this.changed), decisionsChanged);
    this.changed.clear();
    return { changed: this.write(clusters), more: fresh.length === limit };
  }

  /**
   * Persons a name may mean, without reading every person: those holding a name found under one of
   * its keys (a full name's group, or a partial name that looks the key up).
   */
  personsMeeting(name: string): number[] {
    this.syncEpoch();
    const p = parseName(name);
    const keys = JSON.stringify(lookupKeys(p, this.modes).map((k) => this.hash(k)));
    return (this.st(`SELECT DISTINCT m.person_id FROM mentions m WHERE m.person_id IS NOT NULL AND m.id IN (
        SELECT i.mention_id FROM resolve_items i JOIN resolve_reps r ON r.id = i.rep WHERE r.grp IN (SELECT grp FROM resolve_keys WHERE key IN (SELECT unhex(value) FROM json_each(?)))
        UNION SELECT i.mention_id FROM resolve_items i WHERE i.rep IN (SELECT rep FROM resolve_lookups WHERE key IN (SELECT unhex(value) FROM json_each(?))))`)
      .all(keys, keys) as { person_id: number }[]).map((r) => r.person_id);
  }

  /** Forgets what is cached in memory (a write that held it was rolled back). */
  forgetCache(): void {
    this.epoch = '';
  }

  /** Forgets the whole state and every person: the next updates group every mention again. */
  reset(): void {
    this.db.prepare('UPDATE mentions SET person_id = NULL WHERE person_id IS NOT NULL').run();
    this.db.prepare('DELETE FROM persons').run();
    for (const t of ['resolve_items', 'resolve_parts', 'resolve_reps', 'resolve_keys', 'resolve_lookups', 'resolve_groups']) this.db.prepare(`DELETE FROM ${t}`).run();
    this.setMeta('resolved_upto', '0');
    this.setMeta('resolve_modes', '[]');
    this.setMeta('resolve_epoch', String(Number(this.meta('resolve_epoch') ?? 0) + 1));
    this.syncEpoch();
  }
}
