-- Vigil store, schema version 2. Every table that holds facts or rights has a `mac` column: an
-- HMAC of the row under the integrity key, which users never hold (integrity.ts).
-- Everything Vigil knows is a claim with a source (DESIGN.md §1).

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per archived original: the exact bytes as received, keyed by their SHA-256.
CREATE TABLE IF NOT EXISTS reports (
  id                INTEGER PRIMARY KEY,
  sha256            TEXT NOT NULL UNIQUE,
  original          BLOB NOT NULL,
  filename          TEXT,
  format            TEXT NOT NULL,
  captured_at       TEXT NOT NULL,
  url               TEXT,
  title             TEXT,
  published         TEXT,
  language          TEXT,
  metadata_json     TEXT NOT NULL DEFAULT '{}',
  main_text         TEXT NOT NULL,
  cleaner_version   TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  confidentiality   TEXT NOT NULL DEFAULT 'public',
  mac               TEXT
);
CREATE INDEX IF NOT EXISTS reports_level ON reports(confidentiality);

-- Resolved people. A person's id is stable: it is the id of the first mention that formed it.
CREATE TABLE IF NOT EXISTS persons (
  id   INTEGER PRIMARY KEY,
  -- The name shown to a public reader; each reader's own display name comes from the mentions it may see.
  name TEXT NOT NULL,
  mac  TEXT
);

-- A person as named in one report (the contract's persons[] entry).
CREATE TABLE IF NOT EXISTS mentions (
  id            INTEGER PRIMARY KEY,
  report_id     INTEGER NOT NULL REFERENCES reports(id),
  name          TEXT NOT NULL,
  variants_json TEXT NOT NULL DEFAULT '[]',
  role          TEXT,
  person_id     INTEGER REFERENCES persons(id),
  confidentiality TEXT NOT NULL DEFAULT 'public',
  mac           TEXT
);
CREATE INDEX IF NOT EXISTS mentions_report ON mentions(report_id);
CREATE INDEX IF NOT EXISTS mentions_person ON mentions(person_id);

-- A claim: subject, type, values, source report, evidence span, who made it, confidence, review.
CREATE TABLE IF NOT EXISTS claims (
  id              INTEGER PRIMARY KEY,
  mention_id      INTEGER NOT NULL REFERENCES mentions(id),
  report_id       INTEGER NOT NULL REFERENCES reports(id),
  type            TEXT NOT NULL,
  date            TEXT,
  place           TEXT,
  detail          TEXT,
  claimant        TEXT,
  evidence        TEXT NOT NULL,
  span_start      INTEGER NOT NULL,
  span_end        INTEGER NOT NULL,
  confidence      REAL NOT NULL,
  made_by         TEXT NOT NULL,
  rule            TEXT,
  review_status   TEXT NOT NULL DEFAULT 'proposed',
  created_at      TEXT NOT NULL,
  confidentiality TEXT NOT NULL DEFAULT 'public',
  -- A person's correction is a new claim that supersedes the proposed one; both are kept.
  supersedes      INTEGER REFERENCES claims(id),
  mac             TEXT
);
CREATE INDEX IF NOT EXISTS claims_mention ON claims(mention_id);
CREATE INDEX IF NOT EXISTS claims_report ON claims(report_id);
-- Whether a claim was replaced by a correction is asked for every claim resolution reads.
CREATE INDEX IF NOT EXISTS claims_supersedes ON claims(supersedes) WHERE supersedes IS NOT NULL;

-- Every review decision, by whom and when: a claim made by a person about a claim.
CREATE TABLE IF NOT EXISTS reviews (
  id        INTEGER PRIMARY KEY,
  claim_id  INTEGER NOT NULL REFERENCES claims(id),
  decision  TEXT NOT NULL,
  reviewer  TEXT NOT NULL,
  at        TEXT NOT NULL,
  note      TEXT,
  mac       TEXT
);
CREATE INDEX IF NOT EXISTS reviews_claim ON reviews(claim_id);

-- A person's decision that names are (merge) or are not (split) the same person. Kept by name,
-- so it holds for every later report that uses those names, and survives re-resolution.
CREATE TABLE IF NOT EXISTS person_decisions (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
  names_a    TEXT NOT NULL,
  names_b    TEXT NOT NULL,
  made_by    TEXT NOT NULL,
  at         TEXT NOT NULL,
  note       TEXT,
  mac        TEXT
);

-- Person resolution as it stands (resolve-index.ts), kept so that a new mention is compared only
-- with the groups its blocking keys find. Derived from mentions, claims and person decisions;
-- `vigil persons rebuild` makes it again from them. Names, keys and companions are held only as
-- keyed hashes: the names themselves stay in mentions, sealed when they are.
CREATE TABLE IF NOT EXISTS resolve_groups (
  id    INTEGER PRIMARY KEY,
  -- NULL for a group of full names; for partial names that fit no group or several, what keeps them together.
  apart BLOB UNIQUE,
  mac   TEXT
);
-- One distinct name in one context (the role's side).
CREATE TABLE IF NOT EXISTS resolve_reps (
  id          INTEGER PRIMARY KEY,
  digest      BLOB NOT NULL UNIQUE,
  name_digest BLOB NOT NULL,
  -- Where the name is read: a mention's name (variant -1) or one of its variants.
  mention_id  INTEGER NOT NULL,
  variant     INTEGER NOT NULL,
  full        INTEGER NOT NULL,
  -- A full name's group, and its companions: up to 32 keys of 8 bytes, in the order they were met.
  grp         INTEGER,
  companions  BLOB,
  mac         TEXT
);
CREATE INDEX IF NOT EXISTS resolve_reps_grp ON resolve_reps(grp) WHERE grp IS NOT NULL;
CREATE INDEX IF NOT EXISTS resolve_reps_name ON resolve_reps(name_digest);
-- A partial name's mentions that share their companions go to one group together.
CREATE TABLE IF NOT EXISTS resolve_parts (
  id     INTEGER PRIMARY KEY,
  rep    INTEGER NOT NULL,
  digest BLOB NOT NULL,
  grp    INTEGER,
  mac    TEXT,
  UNIQUE (rep, digest)
);
CREATE INDEX IF NOT EXISTS resolve_parts_grp ON resolve_parts(grp);
-- A mention's name (alias 0) or the n-th other name its report gave the person, with its companion and clue keys.
CREATE TABLE IF NOT EXISTS resolve_items (
  id         INTEGER PRIMARY KEY,
  mention_id INTEGER NOT NULL,
  alias      INTEGER NOT NULL,
  variant    INTEGER NOT NULL,
  rep        INTEGER NOT NULL,
  part       INTEGER,
  keys       BLOB NOT NULL,
  mac        TEXT,
  UNIQUE (mention_id, alias)
);
CREATE INDEX IF NOT EXISTS resolve_items_rep ON resolve_items(rep, mention_id, alias);
CREATE INDEX IF NOT EXISTS resolve_items_part ON resolve_items(part) WHERE part IS NOT NULL;
-- Blocking keys: the groups of full names found under each (in the order they came), and the partial names that look each up.
CREATE TABLE IF NOT EXISTS resolve_keys (
  id  INTEGER PRIMARY KEY,
  key BLOB NOT NULL,
  grp INTEGER NOT NULL,
  mac TEXT
);
CREATE INDEX IF NOT EXISTS resolve_keys_key ON resolve_keys(key);
CREATE INDEX IF NOT EXISTS resolve_keys_grp ON resolve_keys(grp);
CREATE TABLE IF NOT EXISTS resolve_lookups (
  id  INTEGER PRIMARY KEY,
  key BLOB NOT NULL,
  rep INTEGER NOT NULL,
  mac TEXT,
  UNIQUE (key, rep)
);

-- What lists and statistics show of each person at each clearance level, kept by every write that
-- changes the person's mentions or claims (person-views.ts), so that no request walks the workspace.
-- A name, place or articles that only a cleared reader may see is sealed like any field, and such a
-- row (sealed = 1) is sorted and counted apart, after opening.
CREATE TABLE IF NOT EXISTS person_views (
  id            INTEGER PRIMARY KEY,   -- person id * 4 + the level's rank
  person_id     INTEGER NOT NULL,
  level         TEXT NOT NULL,
  sealed        INTEGER NOT NULL,
  sort_key      TEXT NOT NULL,         -- the name folded for ordering ('' when sealed)
  name          TEXT NOT NULL,
  status        TEXT NOT NULL,
  status_since  TEXT,
  place         TEXT,
  place_fold    TEXT,                  -- for the facility filter (NULL when sealed)
  place_since   TEXT,
  articles_json TEXT NOT NULL,
  arrested      TEXT,
  claims        INTEGER NOT NULL,
  reports       INTEGER NOT NULL,
  months_json   TEXT NOT NULL,         -- the person's share of the statistics by month (dates and event types only)
  persecuted    INTEGER NOT NULL DEFAULT 0, -- on the prisoner list (views/casefile.ts isPersecuted); else only in the persons index
  mac           TEXT
);
CREATE INDEX IF NOT EXISTS person_views_list ON person_views(level, sealed, sort_key, person_id);
CREATE INDEX IF NOT EXISTS person_views_status ON person_views(level, status, sealed, sort_key, person_id);
CREATE INDEX IF NOT EXISTS person_views_person ON person_views(person_id);
-- The articles of each clear row, for the article filter.
CREATE TABLE IF NOT EXISTS person_articles (
  id      INTEGER PRIMARY KEY,
  view_id INTEGER NOT NULL,
  article TEXT NOT NULL,
  mac     TEXT
);
CREATE INDEX IF NOT EXISTS person_articles_view ON person_articles(view_id);
CREATE INDEX IF NOT EXISTS person_articles_article ON person_articles(article, view_id);
-- Sums over the rows of each level, moved by each row's change: persons by status, articles and
-- facilities by status, claims per month and type, and where holding starts and ends by month.
CREATE TABLE IF NOT EXISTS view_counts (
  id    INTEGER PRIMARY KEY,
  level TEXT NOT NULL,
  dim   TEXT NOT NULL,
  key   TEXT NOT NULL,
  n     INTEGER NOT NULL,
  mac   TEXT,
  UNIQUE (level, dim, key)
);
-- Reports by their own level (dim 'reports'), moved as reports come, change level or go; the rows
-- are made when the derived state is (derived.ts).
CREATE TRIGGER IF NOT EXISTS view_counts_report_ins AFTER INSERT ON reports
  BEGIN UPDATE view_counts SET n = n + 1 WHERE dim = 'reports' AND key = '' AND level = new.confidentiality; END;
CREATE TRIGGER IF NOT EXISTS view_counts_report_upd AFTER UPDATE OF confidentiality ON reports WHEN old.confidentiality != new.confidentiality
  BEGIN UPDATE view_counts SET n = n + (CASE level WHEN new.confidentiality THEN 1 ELSE -1 END) WHERE dim = 'reports' AND key = '' AND level IN (old.confidentiality, new.confidentiality); END;
CREATE TRIGGER IF NOT EXISTS view_counts_report_del AFTER DELETE ON reports
  BEGIN UPDATE view_counts SET n = n - 1 WHERE dim = 'reports' AND key = '' AND level = old.confidentiality; END;

-- Full-text search over a folded form of reports and claims (queries.ts): the triggers list the rows
-- a write changed and the write indexes them before it ends. Confidential text is never indexed.
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(body, kind UNINDEXED, ref UNINDEXED, conf UNINDEXED, tokenize = 'unicode61');
CREATE TABLE IF NOT EXISTS search_dirty(kind TEXT NOT NULL, ref INTEGER NOT NULL, PRIMARY KEY (kind, ref)) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS search_report_ins AFTER INSERT ON reports BEGIN INSERT OR IGNORE INTO search_dirty VALUES ('report', new.id); END;
CREATE TRIGGER IF NOT EXISTS search_report_upd AFTER UPDATE ON reports BEGIN INSERT OR IGNORE INTO search_dirty VALUES ('report', new.id); END;
CREATE TRIGGER IF NOT EXISTS search_report_del AFTER DELETE ON reports BEGIN INSERT OR IGNORE INTO search_dirty VALUES ('report', old.id); END;
CREATE TRIGGER IF NOT EXISTS search_claim_ins AFTER INSERT ON claims BEGIN INSERT OR IGNORE INTO search_dirty VALUES ('claim', new.id); END;
CREATE TRIGGER IF NOT EXISTS search_claim_upd AFTER UPDATE ON claims BEGIN INSERT OR IGNORE INTO search_dirty VALUES ('claim', new.id); END;
CREATE TRIGGER IF NOT EXISTS search_claim_del AFTER DELETE ON claims BEGIN INSERT OR IGNORE INTO search_dirty VALUES ('claim', old.id); END;

-- People who sign in to `vigil serve` with their own password. The password itself is nowhere:
-- it derives (Argon2id) the key that unwraps the user's slot `user:NAME` in the key file, which
-- holds their X25519 private key and nothing else.
CREATE TABLE IF NOT EXISTS users (
  name       TEXT PRIMARY KEY,
  role       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  -- The user's X25519 public key; their private key is wrapped under their password in the key file.
  public_key TEXT,
  -- The field keys of the user's clearance, sealed to public_key: JSON {internal?, confidential?}.
  sealed_keys TEXT,
  mac        TEXT
);

-- Internal and confidential fields, encrypted (AES-256-GCM) under their level's field key, bound to
-- table/row/field/level; the plain column holds only its placeholder (see confidential.ts).
CREATE TABLE IF NOT EXISTS sealed_fields (
  tbl     TEXT NOT NULL,
  row_id  INTEGER NOT NULL,
  field   TEXT NOT NULL,
  level   TEXT NOT NULL,
  is_blob INTEGER NOT NULL,
  iv      BLOB NOT NULL,
  tag     BLOB NOT NULL,
  ct      BLOB NOT NULL,
  PRIMARY KEY (tbl, row_id, field)
);

-- Append-only, chained: each row's hash is an HMAC (integrity key) over the previous row's hash and its own content.
CREATE TABLE IF NOT EXISTS audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Files kept with a report or a person that are not reports themselves: pictures, a message's
-- media. `original` is the file as received; `shown` is what views and exports give out (for a
-- picture: without its EXIF/XMP metadata, see src/ingest/images.ts), NULL when it is not a picture.
-- An attachment has the level of what it is kept with; internal and confidential ones have shown,
-- filename and removed_json sealed under that level's key, and every original (it keeps the
-- metadata) is sealed under the confidential key (confidential.ts), so `size` and the two SHA-256
-- columns say what the clear bytes are. The MAC leaves out both files; verify re-hashes them.
CREATE TABLE IF NOT EXISTS attachments (
  id           INTEGER PRIMARY KEY,
  sha256       TEXT NOT NULL,
  report_id    INTEGER REFERENCES reports(id),
  -- A person, by the mention that formed them (a person's id is its first mention's id).
  mention_id   INTEGER REFERENCES mentions(id),
  filename     TEXT NOT NULL,
  media_type   TEXT NOT NULL,
  original     BLOB NOT NULL,
  shown        BLOB,
  shown_sha256 TEXT,
  size         INTEGER NOT NULL,
  removed_json TEXT NOT NULL DEFAULT '[]',
  added_at     TEXT NOT NULL,
  added_by     TEXT NOT NULL,
  confidentiality TEXT NOT NULL DEFAULT 'public',
  mac          TEXT,
  CHECK (report_id IS NOT NULL OR mention_id IS NOT NULL)
);
CREATE INDEX IF NOT EXISTS attachments_report ON attachments(report_id);
CREATE INDEX IF NOT EXISTS attachments_mention ON attachments(mention_id);

-- A report that came inside another: an e-mail's attachment read as a report of its own.
CREATE TABLE IF NOT EXISTS report_links (
  id        INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  parent_id INTEGER NOT NULL REFERENCES reports(id),
  relation  TEXT NOT NULL,
  mac       TEXT,
  UNIQUE (report_id, parent_id)
);

-- The source's own key of a report (telegram:CHAT:MESSAGE), kept as an HMAC under the integrity
-- key (attachments.ts): the same item in a later export is not added again.
CREATE TABLE IF NOT EXISTS source_keys (
  key       TEXT PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  mac       TEXT
);
