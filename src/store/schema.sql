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
