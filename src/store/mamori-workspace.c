/* mamori-workspace.c — the sqlite workspace file: probe, open, migrate, read, write.
 *
 * Opening never changes a file that is not a sound Mamori workspace of this or an older
 * schema: the header is read with plain read(2) first, and sqlite only opens the file
 * read-write after it has passed. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mamori-asset.h"
#include "core/mamori-pending.h"
#include "mamori-workspace.h"
#include "mamori-workspace-private.h"
#include "mamori-workspace-internal.h"
#include "mamori-workspace-chain.h"
#include "mamori-workspace-copy.h"
#include "mamori-workspace-lock.h"
#include "mamori-workspace-pg.h"
#include "mamori-migrate-mandatory.h"
#include "mamori-statement.h"

#define SQLITE_HEADER_SIZE 100

struct _MamoriWorkspace {
  GObject parent_instance;
  char *path;
  sqlite3 *db;
  GRecMutex lock;   /* one statement sequence at a time */
  int tx_depth;      /* 0: no transaction; >0: nested savepoints inside one */
  GPtrArray *pending_changes; /* entities changed inside the open transaction */
  MamoriChain *chain;         /* the hash-chained log and table digests (read-write only) */
  char *read_only_reason;     /* non-NULL: opened read-only, and why (shown to the user) */
  MamoriEditLock *edit_lock;  /* on a network filesystem: our exclusive editing lock */
  char *temp_copy;            /* an upgraded private copy opened read-only, removed at close */
  PGconn *pg;                 /* a workspace on a PostgreSQL server (db is NULL); path is its URI */
  GHashTable *pg_id_tables;   /* its tables' identity columns (table → column) */
  guint pg_watch;             /* the source reading the server's notifications, or 0 */
  gboolean pg_watched;        /* watch_server was called (the watch comes back on reconnect) */
};

G_DEFINE_TYPE (MamoriWorkspace, mamori_workspace, G_TYPE_OBJECT)
G_DEFINE_QUARK (mamori-workspace-error-quark, mamori_workspace_error)

enum { SIGNAL_CHANGED, SIGNAL_DISCONNECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------------------------
 * Migrations. Migration N takes a file from user_version N-1 to N, in one transaction.
 * Append new ones at the end; never edit a released one. */

typedef struct {
  int version;
  const char *sql;
  /* Optional: fills the new tables with default rows, in the same transaction, through the
   * statement helper (self borrows the connection being migrated); errors name doing. */
  gboolean (*seed) (MamoriWorkspace *self, const char *doing, GError **error);
} Migration;

static gboolean seed_medium_threats (MamoriWorkspace *self, const char *doing, GError **error);

static const Migration migrations[] = {
  { 1,
    "CREATE TABLE organisation ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  name TEXT NOT NULL DEFAULT '',"
    "  industry TEXT NOT NULL DEFAULT '',"
    "  employees INTEGER NOT NULL DEFAULT 0 CHECK (employees >= 0),"
    "  security_officer TEXT NOT NULL DEFAULT '',"
    "  contact TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT) STRICT;"
    "INSERT INTO organisation (id) VALUES (1);"
    "CREATE TABLE change_log ("
    "  id INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL,"
    "  os_user TEXT NOT NULL,"
    "  entity TEXT NOT NULL,"
    "  action TEXT NOT NULL,"
    "  summary TEXT NOT NULL) STRICT;"
    "CREATE TABLE settings ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL) STRICT;" },
  { 2,
    "CREATE TABLE stepup_task ("
    "  key TEXT PRIMARY KEY,"
    "  done_at TEXT NOT NULL,"
    "  done_by TEXT NOT NULL,"
    "  source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'auto'))) STRICT;" },
  { 3,
    /* Checklist libraries the user imported (built-ins live in the program). */
    "CREATE TABLE library ("
    "  id TEXT PRIMARY KEY,"
    "  urn TEXT NOT NULL,"
    "  version INTEGER NOT NULL,"
    "  yaml TEXT NOT NULL,"
    "  imported_at TEXT NOT NULL) STRICT;"
    "CREATE TABLE assessment ("
    "  id INTEGER PRIMARY KEY,"
    "  checklist TEXT NOT NULL,"
    "  subject TEXT NOT NULL DEFAULT '',"
    "  assessed_on TEXT NOT NULL,"
    "  respondent TEXT NOT NULL DEFAULT '',"
    "  status TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),"
    "  current_item TEXT,"
    "  created_at TEXT NOT NULL,"
    "  completed_at TEXT,"
    "  copied_from INTEGER REFERENCES assessment (id) ON DELETE SET NULL) STRICT;"
    "CREATE INDEX assessment_by_checklist ON assessment (checklist, assessed_on);"
    /* choice: index into the item's answer choices; score: that choice's score when
     * answered (NULL: not applicable). */
    "CREATE TABLE answer ("
    "  assessment INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
    "  ref_id TEXT NOT NULL,"
    "  choice INTEGER NOT NULL CHECK (choice >= 0),"
    "  score REAL,"
    "  answered_at TEXT NOT NULL,"
    "  PRIMARY KEY (assessment, ref_id)) STRICT;"
    "CREATE TABLE note ("
    "  assessment INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
    "  ref_id TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  PRIMARY KEY (assessment, ref_id)) STRICT;"
    "CREATE TABLE evidence ("
    "  id INTEGER PRIMARY KEY,"
    "  assessment INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
    "  ref_id TEXT NOT NULL,"
    "  name TEXT NOT NULL,"
    "  size INTEGER NOT NULL CHECK (size >= 0),"
    "  sha256 TEXT NOT NULL,"
    "  content BLOB NOT NULL,"
    "  added_at TEXT NOT NULL) STRICT;"
    "CREATE INDEX evidence_by_item ON evidence (assessment, ref_id);"
    "CREATE TABLE measure ("
    "  assessment INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
    "  ref_id TEXT NOT NULL,"
    "  what TEXT NOT NULL,"
    "  owner TEXT NOT NULL DEFAULT '',"
    "  due_on TEXT,"
    "  decided_at TEXT NOT NULL,"
    "  PRIMARY KEY (assessment, ref_id)) STRICT;" },
  { 4,
    /* The information-asset ledger (IPA 情報資産管理台帳, columns ①–⑩) and its threat catalogue. */
    "CREATE TABLE asset ("
    "  id INTEGER PRIMARY KEY,"
    "  business_category TEXT NOT NULL DEFAULT '',"
    "  name TEXT NOT NULL CHECK (name <> ''),"
    "  remarks TEXT NOT NULL DEFAULT '',"
    "  user_scope TEXT NOT NULL DEFAULT '',"
    "  managing_department TEXT NOT NULL DEFAULT '',"
    "  medium TEXT NOT NULL DEFAULT '',"
    "  personal_info INTEGER NOT NULL DEFAULT 0 CHECK (personal_info IN (0, 1)),"
    "  special_care_info INTEGER NOT NULL DEFAULT 0 CHECK (special_care_info IN (0, 1)),"
    "  my_number INTEGER NOT NULL DEFAULT 0 CHECK (my_number IN (0, 1)),"
    "  confidentiality INTEGER NOT NULL CHECK (confidentiality BETWEEN 0 AND 2),"
    "  integrity INTEGER NOT NULL CHECK (integrity BETWEEN 0 AND 2),"
    "  availability INTEGER NOT NULL CHECK (availability BETWEEN 0 AND 2),"
    "  retention TEXT NOT NULL DEFAULT '',"
    "  registered_on TEXT NOT NULL DEFAULT '',"
    "  threat INTEGER NOT NULL DEFAULT 0 CHECK (threat BETWEEN 0 AND 3),"
    "  vulnerability INTEGER NOT NULL DEFAULT 3 CHECK (vulnerability BETWEEN 1 AND 3),"
    "  treatment TEXT NOT NULL DEFAULT '' CHECK (treatment IN ('', 'reduce', 'retain', 'avoid', 'transfer')),"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE INDEX asset_by_department ON asset (managing_department);"
    "CREATE INDEX asset_by_medium ON asset (medium);"
    "CREATE TABLE medium_threat ("
    "  id INTEGER PRIMARY KEY,"
    "  medium TEXT NOT NULL,"
    "  threat TEXT NOT NULL,"
    "  frequency INTEGER NOT NULL CHECK (frequency BETWEEN 1 AND 3)) STRICT;"
    "CREATE INDEX medium_threat_by_medium ON medium_threat (medium);",
    seed_medium_threats },
  { 5,
    /* Treatment details: the planned measure and what it should achieve (residual risk). */
    "ALTER TABLE asset ADD COLUMN measure TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE asset ADD COLUMN measure_owner TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE asset ADD COLUMN measure_due TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE asset ADD COLUMN target_threat INTEGER NOT NULL DEFAULT 0 CHECK (target_threat BETWEEN 0 AND 3);"
    "ALTER TABLE asset ADD COLUMN target_vulnerability INTEGER NOT NULL DEFAULT 0 "
    "  CHECK (target_vulnerability BETWEEN 0 AND 3);" },
  { 6,
    /* Drafted documents (policy, rules, handbook) and their versions. An approved version
     * never changes: the trigger refuses it even to a stray UPDATE. */
    "CREATE TABLE document ("
    "  id INTEGER PRIMARY KEY,"
    "  template_id TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  lang TEXT NOT NULL CHECK (lang IN ('ja', 'en')),"
    "  title TEXT NOT NULL CHECK (title <> ''),"
    "  numbering TEXT NOT NULL DEFAULT 'sections' CHECK (numbering IN ('sections', 'articles')),"
    "  classification TEXT NOT NULL DEFAULT '',"
    "  created_at TEXT NOT NULL) STRICT;"
    "CREATE TABLE document_version ("
    "  id INTEGER PRIMARY KEY,"
    "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
    "  number INTEGER NOT NULL CHECK (number >= 1),"
    "  status TEXT NOT NULL CHECK (status IN ('draft', 'review', 'approved')),"
    "  markdown TEXT NOT NULL,"
    "  summary TEXT NOT NULL DEFAULT '',"
    "  approver TEXT NOT NULL DEFAULT '',"
    "  approved_on TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL,"
    "  UNIQUE (document_id, number)) STRICT;"
    MAMORI_APPROVED_TRIGGER_SQL ";" },
  { 7,
    /* Management reviews: the figures reported, so the next review shows what changed. Band
     * counts are comma-separated, lowest band first. */
    "CREATE TABLE review ("
    "  id INTEGER PRIMARY KEY,"
    "  held_on TEXT NOT NULL UNIQUE,"
    "  method TEXT NOT NULL CHECK (method IN ('ipa', 'gov5')),"
    "  bands TEXT NOT NULL,"
    "  residual_bands TEXT NOT NULL,"
    "  score REAL,"
    "  score_max REAL,"
    "  measures_done INTEGER NOT NULL DEFAULT 0,"
    "  measures_open INTEGER NOT NULL DEFAULT 0,"
    "  measures_overdue INTEGER NOT NULL DEFAULT 0,"
    "  recorded_at TEXT NOT NULL) STRICT;"
    /* Internal audits: the plan of an audit whose checks are the answers of one assessment,
     * and the corrective actions raised by it, tracked until closed. */
    "CREATE TABLE audit_plan ("
    "  assessment INTEGER PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,"
    "  scope TEXT NOT NULL DEFAULT '',"
    "  auditor TEXT NOT NULL DEFAULT '',"
    "  audited_unit TEXT NOT NULL DEFAULT '',"
    "  independence TEXT NOT NULL DEFAULT '',"
    "  independence_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (independence_confirmed IN (0, 1)),"
    "  starts_on TEXT NOT NULL DEFAULT '',"
    "  ends_on TEXT NOT NULL DEFAULT '',"
    "  opinion TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE TABLE corrective_action ("
    "  id INTEGER PRIMARY KEY,"
    "  assessment INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
    "  ref_id TEXT NOT NULL,"
    "  what TEXT NOT NULL CHECK (what <> ''),"
    "  owner TEXT NOT NULL DEFAULT '',"
    "  due_on TEXT NOT NULL DEFAULT '',"
    "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),"
    "  closed_on TEXT NOT NULL DEFAULT '',"
    "  result TEXT NOT NULL DEFAULT '',"
    "  created_at TEXT NOT NULL) STRICT;"
    "CREATE INDEX corrective_action_by_assessment ON corrective_action (assessment, ref_id);" },
  { 8,
    /* The tamper-evident change log: each row's hash covers the previous row's hash and its
     * own content; table_digest holds each table's multiset digest (mamori-workspace-chain.c).
     * Rows written before this are sealed as one block by mamori_chain_after_migration(). */
    "ALTER TABLE change_log ADD COLUMN digests TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE change_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';"
    "CREATE TABLE table_digest ("
    "  tbl TEXT PRIMARY KEY,"
    "  digest TEXT NOT NULL,"
    "  log_id INTEGER) STRICT;" },
  { 9,
    /* Every imported text of a checklist library, and the one each assessment was answered
     * against: a newer import no longer rewrites completed assessments. */
    "CREATE TABLE library_version ("
    "  rev INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL,"
    "  version INTEGER NOT NULL,"
    "  urn TEXT NOT NULL,"
    "  yaml TEXT NOT NULL,"
    "  imported_at TEXT NOT NULL) STRICT;"
    "CREATE INDEX library_version_by_id ON library_version (id, rev);"
    "INSERT INTO library_version (id, version, urn, yaml, imported_at) "
    "  SELECT id, version, urn, yaml, imported_at FROM library ORDER BY id;"
    "ALTER TABLE assessment ADD COLUMN library_rev INTEGER REFERENCES library_version (rev);"
    "UPDATE assessment SET library_rev = (SELECT max (rev) FROM library_version v WHERE v.id = assessment.checklist);" },
  /* The built-in mandatory-items checklist (tech-info-mandatory) numbers its checks as the
   * audit guideline does (version 2): answers, notes, evidence, measures and corrective
   * actions of its assessments move to the new ref_ids (mamori-migrate-mandatory.c). */
  { 10, "SELECT 1;", mamori_migrate_mandatory_refs },
  { 11,
    /* The 5 × 5 method stands on its own: each asset's impact and likelihood (1–5; 0 = from
     * the IPA values by the mapping in core/mamori-asset.c). A workspace already on the 5 × 5
     * method gets them prefilled by that mapping, which never reverses the IPA order (the old
     * one added C + I + A). The guideline's medium names: 可搬電子媒体 (was 可搬記録媒体) and
     * キャビネット with its own threats. */
    "ALTER TABLE asset ADD COLUMN impact5 INTEGER NOT NULL DEFAULT 0 CHECK (impact5 BETWEEN 0 AND 5);"
    "ALTER TABLE asset ADD COLUMN likelihood5 INTEGER NOT NULL DEFAULT 0 CHECK (likelihood5 BETWEEN 0 AND 5);"
    "UPDATE asset SET "
    "  impact5 = 1 + 2 * (CASE WHEN personal_info OR special_care_info OR my_number THEN 2 "
    "                     ELSE max (confidentiality, integrity, availability) END), "
    "  likelihood5 = 2 * max (1, (CASE WHEN threat > 0 THEN threat ELSE coalesce ((SELECT max (frequency) "
    "                  FROM medium_threat m WHERE m.medium = asset.medium), 2) END) + vulnerability - 3) - 1 "
    "WHERE (SELECT value FROM settings WHERE key = 'risk_method') = 'gov5';"
    "UPDATE medium_threat SET medium = '可搬電子媒体' WHERE medium = '可搬記録媒体';"
    "UPDATE asset SET medium = '可搬電子媒体' WHERE medium = '可搬記録媒体';"
    "INSERT INTO medium_threat (medium, threat, frequency) SELECT 'キャビネット', '施錠忘れや鍵の管理不備による持ち出し', 2 "
    "  WHERE NOT EXISTS (SELECT 1 FROM medium_threat WHERE medium = 'キャビネット');"
    "INSERT INTO medium_threat (medium, threat, frequency) SELECT 'キャビネット', '火災・水害による消失', 1 "
    "  WHERE (SELECT count (*) FROM medium_threat WHERE medium = 'キャビネット') = 1;" },
  { 12,
    /* What the new-document form gave for the cover: the organisation's name (shown when the
     * profile has none) and the date the document takes effect. */
    "ALTER TABLE document ADD COLUMN cover_organisation TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE document ADD COLUMN effective_on TEXT NOT NULL DEFAULT '';" },
  { 13,
    /* The ledger's treatment check as comparisons: SQLite evaluates `treatment IN (five values)`
     * in a CHECK by building a temporary index for every row written, which cost about a
     * quarter of an import (bench/ledger, callgrind). SQLite cannot change a CHECK in place:
     * the table is rebuilt, same columns, ids and indexes. */
    "CREATE TABLE asset_new ("
    "  id INTEGER PRIMARY KEY,"
    "  business_category TEXT NOT NULL DEFAULT '',"
    "  name TEXT NOT NULL CHECK (name <> ''),"
    "  remarks TEXT NOT NULL DEFAULT '',"
    "  user_scope TEXT NOT NULL DEFAULT '',"
    "  managing_department TEXT NOT NULL DEFAULT '',"
    "  medium TEXT NOT NULL DEFAULT '',"
    "  personal_info INTEGER NOT NULL DEFAULT 0 CHECK (personal_info IN (0, 1)),"
    "  special_care_info INTEGER NOT NULL DEFAULT 0 CHECK (special_care_info IN (0, 1)),"
    "  my_number INTEGER NOT NULL DEFAULT 0 CHECK (my_number IN (0, 1)),"
    "  confidentiality INTEGER NOT NULL CHECK (confidentiality BETWEEN 0 AND 2),"
    "  integrity INTEGER NOT NULL CHECK (integrity BETWEEN 0 AND 2),"
    "  availability INTEGER NOT NULL CHECK (availability BETWEEN 0 AND 2),"
    "  retention TEXT NOT NULL DEFAULT '',"
    "  registered_on TEXT NOT NULL DEFAULT '',"
    "  threat INTEGER NOT NULL DEFAULT 0 CHECK (threat BETWEEN 0 AND 3),"
    "  vulnerability INTEGER NOT NULL DEFAULT 3 CHECK (vulnerability BETWEEN 1 AND 3),"
    "  treatment TEXT NOT NULL DEFAULT '' CHECK (treatment = '' OR treatment = 'reduce' OR treatment = 'retain' "
    "                                            OR treatment = 'avoid' OR treatment = 'transfer'),"
    "  updated_at TEXT NOT NULL,"
    "  measure TEXT NOT NULL DEFAULT '',"
    "  measure_owner TEXT NOT NULL DEFAULT '',"
    "  measure_due TEXT NOT NULL DEFAULT '',"
    "  target_threat INTEGER NOT NULL DEFAULT 0 CHECK (target_threat BETWEEN 0 AND 3),"
    "  target_vulnerability INTEGER NOT NULL DEFAULT 0 CHECK (target_vulnerability BETWEEN 0 AND 3),"
    "  impact5 INTEGER NOT NULL DEFAULT 0 CHECK (impact5 BETWEEN 0 AND 5),"
    "  likelihood5 INTEGER NOT NULL DEFAULT 0 CHECK (likelihood5 BETWEEN 0 AND 5)) STRICT;"
    "INSERT INTO asset_new SELECT id, business_category, name, remarks, user_scope, managing_department, medium, "
    "  personal_info, special_care_info, my_number, confidentiality, integrity, availability, retention, "
    "  registered_on, threat, vulnerability, treatment, updated_at, measure, measure_owner, measure_due, "
    "  target_threat, target_vulnerability, impact5, likelihood5 FROM asset;"
    "DROP TABLE asset;"
    "ALTER TABLE asset_new RENAME TO asset;"
    "CREATE INDEX asset_by_department ON asset (managing_department);"
    "CREATE INDEX asset_by_medium ON asset (medium);" },
  { 14,
    /* The year's registers (core/mamori-register.c describes their fields; test-registers
     * checks that these tables have them): incidents with their reports, notifications,
     * affected assets and recurrence-prevention measures; exceptions, whose applicant never
     * approves them (gov 2.2.2); accepted risks; people, training plans, sessions with their
     * attendance, pledges; suppliers and the assets they handle. An internal audit names the
     * auditor's unit, never the audited one (gov 2.1.1(8)); an approved document is reviewed
     * every review_months (0: never). */
    "CREATE TABLE incidents ("
    "  id INTEGER PRIMARY KEY,"
    "  occurred_at TEXT NOT NULL DEFAULT '' CHECK (occurred_at <> ''),"
    "  title TEXT NOT NULL DEFAULT '' CHECK (title <> ''),"
    "  category TEXT NOT NULL DEFAULT 'malware' CHECK (category = 'malware' OR category = 'unauthorised_access' OR category = 'loss_theft' OR category = 'mis_sending' OR category = 'leak' OR category = 'outage' OR category = 'fraud' OR category = 'other'),"
    "  severity TEXT NOT NULL DEFAULT 'medium' CHECK (severity = 'low' OR severity = 'medium' OR severity = 'high' OR severity = 'critical'),"
    "  state TEXT NOT NULL DEFAULT 'reported' CHECK (state = 'reported' OR state = 'triage' OR state = 'responding' OR state = 'recovered' OR state = 'closed'),"
    "  reported_by TEXT NOT NULL DEFAULT '',"
    "  reported_at TEXT NOT NULL DEFAULT '',"
    "  description TEXT NOT NULL DEFAULT '',"
    "  cause TEXT NOT NULL DEFAULT '',"
    "  closed_on TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE TABLE exceptions ("
    "  id INTEGER PRIMARY KEY,"
    "  applicant TEXT NOT NULL DEFAULT '' CHECK (applicant <> ''),"
    "  applicant_unit TEXT NOT NULL DEFAULT '',"
    "  applicant_contact TEXT NOT NULL DEFAULT '',"
    "  rule TEXT NOT NULL DEFAULT '' CHECK (rule <> ''),"
    "  reason TEXT NOT NULL DEFAULT '' CHECK (reason <> ''),"
    "  scope TEXT NOT NULL DEFAULT '',"
    "  measure TEXT NOT NULL DEFAULT '',"
    "  impact TEXT NOT NULL DEFAULT '',"
    "  starts_on TEXT NOT NULL DEFAULT '' CHECK (starts_on <> ''),"
    "  ends_on TEXT NOT NULL DEFAULT '' CHECK (ends_on <> ''),"
    "  end_reporting TEXT NOT NULL DEFAULT '',"
    "  emergency INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)),"
    "  decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision = 'pending' OR decision = 'approved' OR decision = 'rejected'),"
    "  approver TEXT NOT NULL DEFAULT '',"
    "  approver_role TEXT NOT NULL DEFAULT '',"
    "  decided_on TEXT NOT NULL DEFAULT '',"
    "  decision_reason TEXT NOT NULL DEFAULT '',"
    "  conditions TEXT NOT NULL DEFAULT '',"
    "  ended_on TEXT NOT NULL DEFAULT '',"
    "  end_report TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL,"
    "  CHECK (approver = '' OR lower (replace (replace (approver, ' ', ''), '　', '')) <> lower (replace (replace (applicant, ' ', ''), '　', '')))) STRICT;"
    "CREATE TABLE acceptances ("
    "  id INTEGER PRIMARY KEY,"
    "  risk TEXT NOT NULL DEFAULT '' CHECK (risk <> ''),"
    "  asset INTEGER REFERENCES asset (id) ON DELETE SET NULL,"
    "  accepted_by TEXT NOT NULL DEFAULT '' CHECK (accepted_by <> ''),"
    "  accepted_on TEXT NOT NULL DEFAULT '' CHECK (accepted_on <> ''),"
    "  reason TEXT NOT NULL DEFAULT '' CHECK (reason <> ''),"
    "  residual INTEGER NOT NULL DEFAULT 0 CHECK (residual BETWEEN 0 AND 999),"
    "  until TEXT NOT NULL DEFAULT '' CHECK (until <> ''),"
    "  reviewed_on TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE TABLE trainings ("
    "  id INTEGER PRIMARY KEY,"
    "  held_on TEXT NOT NULL DEFAULT '' CHECK (held_on <> ''),"
    "  title TEXT NOT NULL DEFAULT '' CHECK (title <> ''),"
    "  audience TEXT NOT NULL DEFAULT 'all' CHECK (audience = 'all' OR audience = 'access_holders' OR audience = 'new_joiners'),"
    "  topics TEXT NOT NULL DEFAULT '',"
    "  trainer TEXT NOT NULL DEFAULT '',"
    "  note TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE TABLE people ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL DEFAULT '' CHECK (name <> ''),"
    "  unit TEXT NOT NULL DEFAULT '',"
    "  joined_on TEXT NOT NULL DEFAULT '',"
    "  access_holder INTEGER NOT NULL DEFAULT 0 CHECK (access_holder IN (0, 1)),"
    "  left_on TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE TABLE pledges ("
    "  id INTEGER PRIMARY KEY,"
    "  person INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL DEFAULT 'joining' CHECK (kind = 'joining' OR kind = 'yearly' OR kind = 'leaving' OR kind = 'project'),"
    "  signed_on TEXT NOT NULL DEFAULT '' CHECK (signed_on <> ''),"
    "  note TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE TABLE training_plans ("
    "  id INTEGER PRIMARY KEY,"
    "  fiscal_year INTEGER NOT NULL DEFAULT 2000 CHECK (fiscal_year BETWEEN 2000 AND 2100),"
    "  topic TEXT NOT NULL DEFAULT 'managed_information' CHECK (topic = 'managed_information' OR topic = 'why_manage' OR topic = 'leak_cases' OR topic = 'laws' OR topic = 'manual' OR topic = 'sanctions' OR topic = 'reporting' OR topic = 'targeted_mail' OR topic = 'access_holders' OR topic = 'other'),"
    "  audience TEXT NOT NULL DEFAULT 'all' CHECK (audience = 'all' OR audience = 'access_holders' OR audience = 'new_joiners'),"
    "  planned_on TEXT NOT NULL DEFAULT '',"
    "  note TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE TABLE suppliers ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL DEFAULT '' CHECK (name <> ''),"
    "  kind TEXT NOT NULL DEFAULT 'contractor' CHECK (kind = 'contractor' OR kind = 'cloud'),"
    "  handles TEXT NOT NULL DEFAULT '',"
    "  contact TEXT NOT NULL DEFAULT '',"
    "  contract_on TEXT NOT NULL DEFAULT '',"
    "  contract_ends_on TEXT NOT NULL DEFAULT '',"
    "  nda_on TEXT NOT NULL DEFAULT '',"
    "  last_evaluated_on TEXT NOT NULL DEFAULT '',"
    "  interval_months INTEGER NOT NULL DEFAULT 12 CHECK (interval_months BETWEEN 1 AND 60),"
    "  assessment INTEGER REFERENCES assessment (id) ON DELETE SET NULL,"
    "  note TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE TABLE incident_updates ("
    "  id INTEGER PRIMARY KEY,"
    "  incident INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
    "  reported_at TEXT NOT NULL DEFAULT '' CHECK (reported_at <> ''),"
    "  kind TEXT NOT NULL DEFAULT 'first' CHECK (kind = 'first' OR kind = 'second' OR kind = 'final' OR kind = 'other'),"
    "  confirmed TEXT NOT NULL DEFAULT '' CHECK (confirmed <> ''),"
    "  unconfirmed TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE INDEX incident_updates_by_incident ON incident_updates (incident);"
    "CREATE TABLE incident_notices ("
    "  id INTEGER PRIMARY KEY,"
    "  incident INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
    "  party TEXT NOT NULL DEFAULT 'management' CHECK (party = 'management' OR party = 'customers' OR party = 'regulator' OR party = 'police' OR party = 'supervisor' OR party = 'depositor' OR party = 'other'),"
    "  due_at TEXT NOT NULL DEFAULT '',"
    "  notified_at TEXT NOT NULL DEFAULT '',"
    "  note TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE INDEX incident_notices_by_incident ON incident_notices (incident);"
    "CREATE TABLE incident_assets ("
    "  id INTEGER PRIMARY KEY,"
    "  incident INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
    "  asset INTEGER NOT NULL REFERENCES asset (id) ON DELETE CASCADE,"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE INDEX incident_assets_by_incident ON incident_assets (incident);"
    "CREATE TABLE incident_measures ("
    "  id INTEGER PRIMARY KEY,"
    "  incident INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
    "  what TEXT NOT NULL DEFAULT '' CHECK (what <> ''),"
    "  owner TEXT NOT NULL DEFAULT '',"
    "  due_on TEXT NOT NULL DEFAULT '',"
    "  done_on TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE INDEX incident_measures_by_incident ON incident_measures (incident);"
    "CREATE TABLE attendance ("
    "  id INTEGER PRIMARY KEY,"
    "  training INTEGER NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,"
    "  person INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
    "  note TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE INDEX attendance_by_training ON attendance (training);"
    "CREATE TABLE supplier_assets ("
    "  id INTEGER PRIMARY KEY,"
    "  supplier INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,"
    "  asset INTEGER NOT NULL REFERENCES asset (id) ON DELETE CASCADE,"
    "  updated_at TEXT NOT NULL) STRICT;"
    "CREATE INDEX supplier_assets_by_supplier ON supplier_assets (supplier);"
    "ALTER TABLE audit_plan ADD COLUMN auditor_unit TEXT NOT NULL DEFAULT '' "
    "  CHECK (auditor_unit = '' OR audited_unit = '' OR lower (auditor_unit) <> lower (audited_unit));"
    "ALTER TABLE document ADD COLUMN review_months INTEGER NOT NULL DEFAULT 12 CHECK (review_months BETWEEN 0 AND 120);" },
  { 15,
    /* Frameworks firms are certified against (issue 14).
     * - evidence.fulfils: the named rule or record (【規定等】/【記録…】 of a procedure) a file
     *   shows; the gap summary lists the named ones no file fulfils yet.
     * - scope_version/scope_entry: a checklist's scope, decided before an assessment and never
     *   edited (a change is a new number): the optional measures left out, each with its reason
     *   (tech-info criteria Ⅰ第二2), or the implementation groups chosen (CISO libraries). An
     *   assessment keeps the version it was answered in.
     * - sheet_answer: the answers people returned on a per-role self-inspection sheet
     *   (gov 2.3.1(1)(b)), one row per person and item.
     * - question_answer: the answers to a library item's questions, by the question's URN.
     * - asset/document classification: the government scheme (confidentiality 1–3, integrity
     *   and availability 1–2, 0: not classified) and handling restrictions
     *   (core/mamori-classification.c encodes them; a document has its own since migration 6).
     * - audit_plan: the report template's purpose, criteria, addressee, assistant auditor and
     *   the chapter audited ('' : the whole checklist); audit_check: per item, the techniques
     *   used (review, observation, interview) and what the auditor confirmed. */
    "ALTER TABLE evidence ADD COLUMN fulfils TEXT NOT NULL DEFAULT '';"
    "CREATE TABLE scope_version ("
    "  id INTEGER PRIMARY KEY,"
    "  checklist TEXT NOT NULL,"
    "  number INTEGER NOT NULL CHECK (number >= 1),"
    "  decided_on TEXT NOT NULL DEFAULT '' CHECK (decided_on <> ''),"
    "  decided_by TEXT NOT NULL DEFAULT '',"
    "  note TEXT NOT NULL DEFAULT '',"
    "  created_at TEXT NOT NULL,"
    "  UNIQUE (checklist, number)) STRICT;"
    "CREATE TABLE scope_entry ("
    "  id INTEGER PRIMARY KEY,"
    "  scope INTEGER NOT NULL REFERENCES scope_version (id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL CHECK (kind = 'excluded' OR kind = 'group'),"
    "  ref TEXT NOT NULL DEFAULT '' CHECK (ref <> ''),"
    "  reason TEXT NOT NULL DEFAULT '',"
    "  UNIQUE (scope, kind, ref)) STRICT;"
    "ALTER TABLE assessment ADD COLUMN scope INTEGER REFERENCES scope_version (id);"
    "CREATE TABLE sheet_answer ("
    "  id INTEGER PRIMARY KEY,"
    "  assessment INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
    "  ref_id TEXT NOT NULL,"
    "  person TEXT NOT NULL DEFAULT '' CHECK (person <> ''),"
    "  unit TEXT NOT NULL DEFAULT '',"
    "  role TEXT NOT NULL DEFAULT '',"
    "  choice INTEGER CHECK (choice IS NULL OR choice >= 0),"
    "  score REAL,"
    "  note TEXT NOT NULL DEFAULT '',"
    "  imported_at TEXT NOT NULL,"
    "  UNIQUE (assessment, ref_id, person)) STRICT;"
    "CREATE TABLE question_answer ("
    "  id INTEGER PRIMARY KEY,"
    "  assessment INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
    "  ref_id TEXT NOT NULL,"
    "  question TEXT NOT NULL,"
    "  value TEXT NOT NULL DEFAULT '',"
    "  answered_at TEXT NOT NULL,"
    "  UNIQUE (assessment, ref_id, question)) STRICT;"
    "ALTER TABLE asset ADD COLUMN classification_c INTEGER NOT NULL DEFAULT 0 CHECK (classification_c BETWEEN 0 AND 3);"
    "ALTER TABLE asset ADD COLUMN classification_i INTEGER NOT NULL DEFAULT 0 CHECK (classification_i BETWEEN 0 AND 2);"
    "ALTER TABLE asset ADD COLUMN classification_a INTEGER NOT NULL DEFAULT 0 CHECK (classification_a BETWEEN 0 AND 2);"
    "ALTER TABLE asset ADD COLUMN handling TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE audit_plan ADD COLUMN purpose TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE audit_plan ADD COLUMN criteria TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE audit_plan ADD COLUMN addressee TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE audit_plan ADD COLUMN assistant TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE audit_plan ADD COLUMN chapter TEXT NOT NULL DEFAULT '';"
    "CREATE TABLE audit_check ("
    "  id INTEGER PRIMARY KEY,"
    "  assessment INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
    "  ref_id TEXT NOT NULL,"
    "  techniques TEXT NOT NULL DEFAULT '',"
    "  confirmed TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL,"
    "  UNIQUE (assessment, ref_id)) STRICT;" },
  { 16,
    /* Row versions (team use): an asset saved from a version someone changed meanwhile is
     * refused instead of overwriting their change. */
    "ALTER TABLE asset ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);" },
  { 17,
    /* Row versions for the registers' records and their parts, as for assets (migration 16). */
    "ALTER TABLE incidents ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE incident_updates ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE incident_notices ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE incident_assets ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE incident_measures ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE exceptions ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE acceptances ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE people ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE training_plans ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE trainings ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE attendance ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE pledges ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE suppliers ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE supplier_assets ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);" },
  { 18,
    /* Row versions for an assessment's answers, notes and measures and for the documents'
     * versions, as for assets (migration 16). */
    "ALTER TABLE answer ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE note ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE measure ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);"
    "ALTER TABLE document_version ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == MAMORI_WORKSPACE_SCHEMA_VERSION);

/* Tables a sound workspace of the current schema has. */
static const char *expected_tables[] = {
  "organisation", "change_log", "settings", "stepup_task",
  "library", "assessment", "answer", "note", "evidence", "measure",
  "asset", "medium_threat", "document", "document_version",
  "review", "audit_plan", "corrective_action", "table_digest", "library_version",
  "incidents", "incident_updates", "incident_notices", "incident_assets", "incident_measures",
  "exceptions", "acceptances", "people", "training_plans", "trainings", "attendance", "pledges",
  "suppliers", "supplier_assets",
  "scope_version", "scope_entry", "sheet_answer", "question_answer", "audit_check",
};

/* Tables whose rows are the organisation's own content (for “is the workspace empty”).
 * Each capability adds its tables here. */
static const char *content_tables[] = {
  "stepup_task", "library", "assessment", "asset", "document", "review",
  "incidents", "exceptions", "acceptances", "people", "trainings", "suppliers",
};

/* --------------------------------------------------------------------------------------- */

gboolean
mamori_workspace_error_is_bad_input (const GError *error)
{
  if (error == NULL || error->domain != MAMORI_WORKSPACE_ERROR)
    return FALSE;
  return error->code <= MAMORI_WORKSPACE_ERROR_INVALID;
}

gboolean
mamori_workspace_error_is_disconnected (const GError *error)
{
  return g_error_matches (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_DISCONNECTED);
}

void
mamori_change_log_entry_free (MamoriChangeLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->os_user);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->summary);
  g_free (entry->digests);
  g_free (entry->hash);
  g_free (entry);
}

char *
mamori_workspace_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "mamori", "default" MAMORI_WORKSPACE_EXTENSION, NULL);
}

static char *
display_name (const char *path)
{
  return g_filename_display_name (path);
}

/* Maps an sqlite result code to our error with a message that names the file and says
 * what to do. */
void
mamori_workspace_set_sqlite_error (GError     **error,
                  const char  *path,
                  sqlite3     *db,
                  int          rc,
                  const char  *doing)
{
  g_autofree char *name = display_name (path);
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_DISK_FULL,
                   _("Could not %s in “%s”: the disk is full. Nothing was changed; free some space and try again."),
                   doing, name);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY,
                   _("Could not %s in “%s”: the file cannot be written. Check its permissions or save a copy elsewhere."),
                   doing, name);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_BUSY,
                   _("Could not %s in “%s”: another program is using the file. Close it there and try again."),
                   doing, name);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). Open a backup copy instead."), name, detail);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED,
                   _("Could not %s in “%s”: %s."), doing, name, detail);
      break;
    default:
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED,
                   _("Could not %s in “%s”: %s."), doing, name, detail);
      break;
    }
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint32
read_le32 (const guint8 *p)
{
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

/* SQLite's WAL checksum: pairs of 32-bit words in the byte order the magic number names. */
static void
wal_checksum (const guint8 *data,
              gsize         len,
              gboolean      big_endian,
              guint32      *s0,
              guint32      *s1)
{
  for (gsize i = 0; i + 8 <= len; i += 8)
    {
      guint32 x0 = big_endian ? read_be32 (data + i) : read_le32 (data + i);
      guint32 x1 = big_endian ? read_be32 (data + i + 4) : read_le32 (data + i + 4);
      *s0 += x0 + *s1;
      *s1 += x1 + *s0;
    }
}

/* TRUE when PATH-wal holds valid committed frames for a database of at least n_pages pages.
 * SQLite replays them when it opens the file, so a header that counts more pages than the
 * file has is what a checkpoint cut short leaves behind (page 1 already copied back, the
 * others still only in the WAL), not a file cut short. Frames are read as SQLite reads them:
 * salts must match the WAL header and the running checksum must hold; the first bad frame
 * ends the log. Only called in that rare case, so reading the whole WAL is affordable. */
static gboolean
wal_covers (const char *path,
            guint32     page_size,
            guint32     n_pages)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree guint8 *frame = NULL;
  guint8 header[32];
  guint32 magic, s0 = 0, s1 = 0, max_commit = 0;
  gboolean big_endian;
  FILE *f = g_fopen (wal_path, "rb");

  if (f == NULL)
    return FALSE;
  if (fread (header, 1, sizeof header, f) != sizeof header)
    goto done;
  magic = read_be32 (header);
  if ((magic & 0xFFFFFFFE) != 0x377f0682 || read_be32 (header + 8) != page_size)
    goto done;
  big_endian = (magic & 1) != 0;
  wal_checksum (header, 24, big_endian, &s0, &s1);
  if (s0 != read_be32 (header + 24) || s1 != read_be32 (header + 28))
    goto done;

  frame = g_malloc (24 + (gsize) page_size);
  while (fread (frame, 1, 24 + (gsize) page_size, f) == 24 + (gsize) page_size)
    {
      if (memcmp (frame + 8, header + 16, 8) != 0)
        break;
      wal_checksum (frame, 8, big_endian, &s0, &s1);
      wal_checksum (frame + 24, page_size, big_endian, &s0, &s1);
      if (s0 != read_be32 (frame + 16) || s1 != read_be32 (frame + 20))
        break;
      if (read_be32 (frame + 4) != 0)
        max_commit = read_be32 (frame + 4);
    }
done:
  fclose (f);
  return max_commit >= n_pages && n_pages > 0;
}

/* Looks at an existing file without sqlite and without writing anything. */
static gboolean
probe_file (const char  *path,
            GError     **error)
{
  g_autofree char *name = display_name (path);
  GStatBuf st;
  guint8 header[SQLITE_HEADER_SIZE];
  gssize got = 0;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      if (saved == ENOENT)
        g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND,
                     _("“%s” does not exist."), name);
      else
        g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_UNREADABLE,
                     _("“%s” cannot be read: %s."), name, g_strerror (saved));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a Mamori workspace file."), name);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_SQLITE,
                   _("“%s” is not a regular file, so it cannot be a Mamori workspace."), name);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_UNREADABLE,
                   _("“%s” cannot be read: %s. Check the file’s permissions."), name, g_strerror (saved));
      return FALSE;
    }
  while (got < SQLITE_HEADER_SIZE)
    {
      gssize n = read (fd, header + got, SQLITE_HEADER_SIZE - got);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_UNREADABLE,
                       _("“%s” cannot be read: %s."), name, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      got += n;
    }
  close (fd);

  if (st.st_size == 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_EMPTY_FILE,
                   _("“%s” is an empty file, not a Mamori workspace."), name);
      return FALSE;
    }
  if (memcmp (header, "SQLite format 3", MIN (got, 16)) != 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_SQLITE,
                   _("“%s” is not a Mamori workspace: it is not a database file at all."), name);
      return FALSE;
    }
  if (got < SQLITE_HEADER_SIZE)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_TRUNCATED,
                   _("“%s” is cut short (%lld bytes): only part of the file is there. Open a backup copy instead."),
                   name, (long long) st.st_size);
      return FALSE;
    }

  {
    guint32 page_size = ((guint32) header[16] << 8) | header[17];
    guint32 change_counter = read_be32 (header + 24);
    guint32 n_pages = read_be32 (header + 28);
    guint32 valid_for = read_be32 (header + 92);
    guint32 user_version = read_be32 (header + 60);
    guint32 application_id = read_be32 (header + 68);

    if (page_size == 1)
      page_size = 65536;
    if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
      {
        g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CORRUPT,
                     _("“%s” is damaged: its header is not valid. Open a backup copy instead."), name);
        return FALSE;
      }
    if ((st.st_size % page_size) != 0 ||
        (change_counter == valid_for && (guint64) st.st_size < (guint64) n_pages * page_size &&
         !wal_covers (path, page_size, n_pages)))
      {
        g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_TRUNCATED,
                     _("“%s” is cut short (%lld bytes): only part of the file is there. Open a backup copy instead."),
                     name, (long long) st.st_size);
        return FALSE;
      }
    if (application_id != MAMORI_APPLICATION_ID_INT)
      {
        g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FOREIGN,
                     _("“%s” is a database of another program, not a Mamori workspace."), name);
        return FALSE;
      }
    if (user_version > MAMORI_WORKSPACE_SCHEMA_VERSION)
      {
        g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_TOO_NEW,
                     _("“%s” was saved by a newer version of Mamori (workspace format %d; this version reads up to %d). Update Mamori to open it."),
                     name, (int) user_version, MAMORI_WORKSPACE_SCHEMA_VERSION);
        return FALSE;
      }
  }
  return TRUE;
}

/* --- small statement helpers ------------------------------------------------------------ */

static gboolean
exec_sql (sqlite3     *db,
          const char  *path,
          const char  *sql,
          const char  *doing,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      mamori_workspace_set_sqlite_error (error, path, db, rc, doing);
      return FALSE;
    }
  return TRUE;
}

static gint64
pragma_int (sqlite3 *db,
            const char *sql,
            int *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *rc_out = rc;
  return value;
}

char *
mamori_workspace_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE … COMMIT, inner ones are savepoints,
 * so a batch (the demo, an import) commits or rolls back as one. */
gboolean
mamori_workspace_begin (MamoriWorkspace *self,
       const char      *doing,
       GError         **error)
{
  if (self->read_only_reason != NULL)
    {
      g_autofree char *name = display_name (self->path);
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY,
                   _("Could not %s: “%s” is open read-only. %s"), doing, name, self->read_only_reason);
      return FALSE;
    }
  /* PostgreSQL takes row locks as it writes: BEGIN IMMEDIATE is SQLite's. */
  if (!mamori_statement_run (self, doing, error,
                             self->tx_depth > 0 ? "SAVEPOINT nested" : self->pg != NULL ? "BEGIN" : "BEGIN IMMEDIATE", NULL))
    return FALSE;
  self->tx_depth++;
  if (self->chain != NULL)
    mamori_chain_begin (self->chain);
  return TRUE;
}

void
mamori_workspace_rollback (MamoriWorkspace *self)
{
  if (self->tx_depth <= 0)
    return;
  self->tx_depth--;
  if (self->chain != NULL)
    mamori_chain_rollback (self->chain);
  if (self->tx_depth == 0)
    {
      mamori_statement_run (self, _("save the changes"), NULL, "ROLLBACK", NULL);
      g_ptr_array_set_size (self->pending_changes, 0);
    }
  else
    {
      mamori_statement_run (self, _("save the changes"), NULL, "ROLLBACK TO nested", NULL);
      mamori_statement_run (self, _("save the changes"), NULL, "RELEASE nested", NULL);
    }
}

gboolean
mamori_workspace_commit (MamoriWorkspace *self,
        const char      *doing,
        GError         **error)
{
  if (self->tx_depth == 1 && self->chain != NULL)
    {
      int rc = mamori_chain_flush (self->chain, self->db);
      if (rc != SQLITE_OK)
        {
          mamori_workspace_set_sqlite_error (error, self->path, self->db, rc, _("record the change"));
          self->tx_depth--;
          mamori_statement_run (self, _("save the changes"), NULL, "ROLLBACK", NULL);
          g_ptr_array_set_size (self->pending_changes, 0);
          return FALSE;
        }
    }
  if (!mamori_statement_run (self, doing, error, self->tx_depth == 1 ? "COMMIT" : "RELEASE nested", NULL))
    {
      mamori_workspace_rollback (self);
      return FALSE;
    }
  if (self->tx_depth > 1 && self->chain != NULL)
    mamori_chain_release (self->chain);
  self->tx_depth--;
  return TRUE;
}

/* The line is queued and written, hash-chained, when the outermost transaction commits. */
gboolean
mamori_workspace_log_change (MamoriWorkspace *self,
            const char      *entity,
            const char      *action,
            const char      *summary,
            GError         **error)
{
  if (self->pg != NULL && self->tx_depth > 0)
    {
      /* A server workspace's change log has no hash chain yet (the chain follows rows through
       * SQLite's pre-update hook): the line is written as it is, in the write's transaction,
       * with empty digests and hash. */
      g_autofree char *now = mamori_workspace_now ();
      /* Who: the database user (the server knows who connected). The line's hash covers the
       * line before it: one writer appends at a time (the advisory lock is held until the
       * transaction ends), so concurrent writers keep one chain. The notification reaches the
       * other connections when the transaction commits, and never if it is rolled back. */
      const char *doing = _("record the change");
      g_autofree char *user = NULL, *prev = NULL, *hash = NULL;
      gint64 id = 0;

      if (!mamori_statement_run (self, doing, error, "SELECT pg_advisory_xact_lock (" MAMORI_CHAIN_LOCK_KEY ")", NULL) ||
          !mamori_statement_fetch_text (self, doing, &user, error, "SELECT CAST (current_user AS text)", NULL) ||
          !mamori_statement_fetch_text (self, doing, &prev, error,
                                        "SELECT hash FROM change_log ORDER BY id DESC LIMIT 1", NULL) ||
          !mamori_statement_fetch_int64 (self, doing, &id, error,
                                         "SELECT nextval (pg_get_serial_sequence ('change_log', 'id'))", NULL))
        return FALSE;
      /* Written once, hash and all: a role may add lines to the log, never change one. */
      hash = mamori_chain_line_hash (prev != NULL ? prev : "", id, now, user, entity, action, summary);
      return mamori_statement_run (self, doing, error,
                                   "INSERT INTO change_log (id, at, os_user, entity, action, summary, digests, hash) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'lines', ?7)",
                                   "ittttt" "t", id, now, user, entity, action, summary, hash) &&
             mamori_statement_run (self, doing, error,
                                   "SELECT pg_notify ('" MAMORI_WORKSPACE_PG_CHANNEL "', ?1)", "t", entity);
    }
  if (self->chain == NULL || self->tx_depth == 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED,
                   _("Could not record the change: no transaction is open."));
      return FALSE;
    }
  mamori_chain_log (self->chain, entity, action, summary);
  return TRUE;
}

gboolean
mamori_workspace_tick_task (MamoriWorkspace *self,
                            const char      *key,
                            const char      *doing,
                            GError         **error)
{
  g_autofree char *now = mamori_workspace_now ();

  return mamori_statement_run (self, doing, error,
                               "INSERT INTO stepup_task (key, done_at, done_by, source) VALUES (?1, ?2, ?3, 'auto') "
                               "ON CONFLICT (key) DO NOTHING", "ttt", key, now, g_get_user_name ());
}

/* --- opening ---------------------------------------------------------------------------- */

static gboolean
seed_medium_threats (MamoriWorkspace  *self,
                     const char       *doing,
                     GError          **error)
{
  guint n;
  const MamoriDefaultThreat *list = mamori_default_threats (&n);
  g_autoptr(MamoriStatement) stmt =
    mamori_statement_new (self, doing, error, "INSERT INTO medium_threat (medium, threat, frequency) VALUES (?1, ?2, ?3)",
                          NULL);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!mamori_statement_execute (stmt, error, "tti", list[i].medium, list[i].threat_ja, (gint64) list[i].frequency))
      return FALSE;
  return TRUE;
}

static MamoriWorkspace *workspace_new (const char *path,
                                       sqlite3    *db);

gboolean
mamori_workspace_seed_new (MamoriWorkspace  *self,
                           const char       *doing,
                           GError          **error)
{
  /* Migration 4's seed; the others transform rows that a new workspace does not have yet
   * (migration 11's threats for キャビネット are in the default list already). */
  return seed_medium_threats (self, doing, error);
}

/* A migration's seed, on the connection being migrated (the workspace only borrows it). */
static gboolean
run_seed (const Migration  *m,
          sqlite3          *db,
          const char       *path,
          GError          **error)
{
  MamoriWorkspace *borrowed = workspace_new (path, db);
  gboolean ok = m->seed (borrowed, _("update the workspace format"), error);

  borrowed->db = NULL;
  g_object_unref (borrowed);
  return ok;
}

static gboolean
migrate (sqlite3     *db,
         const char  *path,
         int          target,
         GError     **error)
{
  int rc;
  gint64 current = pragma_int (db, "PRAGMA user_version", &rc);

  if (rc != SQLITE_OK)
    {
      mamori_workspace_set_sqlite_error (error, path, db, rc, _("read the workspace format"));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      const Migration *m = &migrations[i];
      g_autofree char *set_version = NULL;

      if (m->version <= current || m->version > target)
        continue;

      if (!exec_sql (db, path, "BEGIN IMMEDIATE", _("update the workspace format"), error))
        return FALSE;
      set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                     MAMORI_APPLICATION_ID_INT, m->version);
      if (!exec_sql (db, path, m->sql, _("update the workspace format"), error))
        goto fail;
      if (m->seed != NULL && !run_seed (m, db, path, error))
        goto fail;
      /* From the chained log on, a migration leaves the digests true to the new rows. */
      if (m->version >= 8 && (rc = mamori_chain_after_migration (db)) != SQLITE_OK)
        {
          mamori_workspace_set_sqlite_error (error, path, db, rc, _("update the workspace format"));
          goto fail;
        }
      if (!exec_sql (db, path, set_version, _("update the workspace format"), error) ||
          !exec_sql (db, path, "COMMIT", _("update the workspace format"), error))
        goto fail;
      continue;

    fail:
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static sqlite3 *
open_connection (const char  *path,
                 int          flags,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOFOLLOW, NULL);

  if (rc != SQLITE_OK)
    {
      mamori_workspace_set_sqlite_error (error, path, db, rc, _("open the workspace"));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static gboolean
configure_connection (sqlite3     *db,
                      const char  *path,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean network = mamori_workspace_on_network_fs (path);
  gboolean ok;

  /* On a network filesystem WAL's shared memory is unsafe: a rollback journal, written
   * through (synchronous FULL), with the editing lock keeping other writers out. */
  if (!exec_sql (db, path, network ? "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
                                   : "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
                 _("open the workspace"), error))
    return FALSE;

  /* journal_mode answers with a row; WAL is persistent in the file once set. */
  ok = sqlite3_prepare_v2 (db, network ? "PRAGMA journal_mode = DELETE" : "PRAGMA journal_mode = WAL",
                           -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW;
  if (!ok)
    mamori_workspace_set_sqlite_error (error, path, db, sqlite3_errcode (db), _("open the workspace"));
  sqlite3_finalize (stmt);
  return ok;
}

/* Builds a new workspace file under a temporary name next to path and migrates it to
 * version. Returns the temporary file name; the caller renames it into place. */
static char *
build_new_file (const char  *path,
                int          version,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  sqlite3 *db;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *name = display_name (dir);
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s."), name, g_strerror (saved));
      return NULL;
    }
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = display_name (dir);
      g_set_error (error, MAMORI_WORKSPACE_ERROR,
                   saved == ENOSPC ? MAMORI_WORKSPACE_ERROR_DISK_FULL : MAMORI_WORKSPACE_ERROR_FAILED,
                   _("Could not create a workspace in “%s”: %s."), name, g_strerror (saved));
      return NULL;
    }
  close (fd);
  mamori_pending_add (tmpl);

  db = open_connection (tmpl, SQLITE_OPEN_READWRITE, error);
  if (db == NULL ||
      !configure_connection (db, path, error) ||
      !migrate (db, path, version, error))
    {
      sqlite3_close (db);
      mamori_pending_abort (tmpl);
      return NULL;
    }
  /* Closing the last connection checkpoints the WAL into the main file. */
  if (sqlite3_close (db) != SQLITE_OK)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED,
                   _("Could not finish writing the new workspace."));
      mamori_pending_abort (tmpl);
      return NULL;
    }
  return g_steal_pointer (&tmpl);
}

static gboolean
rename_into_place (const char  *tmp,
                   const char  *path,
                   gboolean     replace,
                   GError     **error)
{
  g_autofree char *name = display_name (path);
  int rc;

  mamori_pending_remove (tmp);
  if (replace)
    rc = g_rename (tmp, path);
  else
    {
      /* link(2) fails when path exists, so a file that appeared meanwhile is kept. */
      rc = link (tmp, path);
      if (rc == 0)
        g_unlink (tmp);
    }
  if (rc != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      if (saved == EEXIST)
        g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_EXISTS,
                     _("“%s” already exists."), name);
      else
        g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED,
                     _("Could not create “%s”: %s."), name, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_tables (sqlite3     *db,
              const char  *path,
              GPtrArray   *problems,
              GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_tables); i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                                   -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, expected_tables[i], -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
        }
      sqlite3_finalize (stmt);
      if (rc == SQLITE_DONE)
        g_ptr_array_add (problems, g_strdup_printf (_("The table “%s” is missing."), expected_tables[i]));
      else if (rc != SQLITE_ROW)
        {
          mamori_workspace_set_sqlite_error (error, path, db, rc, _("read the workspace"));
          return FALSE;
        }
    }
  return TRUE;
}

static sqlite3 *
open_immutable (const char *path)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (abs, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?immutable=1", escaped);
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  return db;
}

/* A connection that never writes the file. A read-only connection to a WAL workspace still
 * wants to create the shared-memory file beside it, which fails in a read-only folder or on a
 * full disk. When no -wal exists, no changes are waiting outside the file, so it is then
 * read as immutable (its pages as they are, no locks). */
static sqlite3 *
open_read_only (const char  *path,
                GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  sqlite3 *db = open_connection (path, SQLITE_OPEN_READONLY, error);
  GStatBuf st;
  int rc;

  if (db == NULL)
    return NULL;
  pragma_int (db, "SELECT count(*) FROM sqlite_schema", &rc);
  /* A -wal of no more than its header holds no changes (a failed attempt leaves one empty). */
  if (rc == SQLITE_OK || (g_stat (wal, &st) == 0 && st.st_size > 32))
    return db;
  switch (rc & 0xff)
    {
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_FULL:
    case SQLITE_PERM:
      {
        sqlite3 *immutable = open_immutable (path);
        if (immutable != NULL)
          {
            sqlite3_close (db);
            return immutable;
          }
      }
      break;
    default:
      break;
    }
  return db;
}

/* A compact, consistent copy of db's main database in a new file (which must not exist). */
static int
vacuum_into (sqlite3    *db,
             const char *file)
{
  char *sql = sqlite3_mprintf ("VACUUM INTO %Q", file);
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  sqlite3_free (sql);
  return rc;
}

/* An older workspace opened for reading only: its format is updated in a private copy in
 * the temporary folder (the file itself is never written), which is removed at close. */
static MamoriWorkspace *
open_upgraded_copy (const char  *path,
                    GError     **error)
{
  g_autofree char *tmp = g_build_filename (g_get_tmp_dir (), "mamori-readonly-XXXXXX", NULL);
  sqlite3 *db;
  int fd, rc;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = display_name (path);
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED,
                   _("Could not read “%s”, which uses an older format: %s."), name, g_strerror (saved));
      return NULL;
    }
  close (fd);
  g_unlink (tmp);
  db = open_read_only (path, error);
  if (db == NULL)
    return NULL;
  rc = vacuum_into (db, tmp);
  if (rc != SQLITE_OK)
    {
      mamori_workspace_set_sqlite_error (error, path, db, rc, _("read the workspace"));
      sqlite3_close (db);
      g_unlink (tmp);
      return NULL;
    }
  sqlite3_close (db);
  db = open_connection (tmp, SQLITE_OPEN_READWRITE, error);
  if (db == NULL || !migrate (db, path, MAMORI_WORKSPACE_SCHEMA_VERSION, error))
    {
      sqlite3_close (db);
      g_unlink (tmp);
      return NULL;
    }
  sqlite3_close (db);
  db = open_connection (tmp, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    {
      g_unlink (tmp);
      return NULL;
    }
  {
    MamoriWorkspace *self = g_object_new (MAMORI_TYPE_WORKSPACE, NULL);
    self->path = g_strdup (path);
    self->db = db;
    self->temp_copy = g_steal_pointer (&tmp);
    self->read_only_reason = g_strdup (_("It was opened for reading only."));
    return self;
  }
}

/* PRAGMA quick_check on a read-only connection: NULL when sound, else the first problem. */
static char *
quick_check_problem (sqlite3 *db,
                     int     *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  char *problem = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        problem = g_strdup (line ? line : "?");
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      g_free (problem);
      problem = g_strdup (sqlite3_errmsg (db));
      rc = SQLITE_OK;
    }
  *rc_out = rc;
  return problem;
}

/* A shared-memory file that we cannot write makes every write fail with "read-only" even
 * when the workspace itself is writable (left behind by another user or a read-only
 * period). It holds nothing that SQLite cannot rebuild from the -wal, so when no process has
 * it open (no lock on its dead-man byte, offset 128) we make it writable or remove it; else
 * say which file to remove. */
static gboolean
repair_stale_shm (const char  *path,
                  GError     **error)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm_name = display_name (shm);
  struct flock fl = { 0 };
  GStatBuf st;
  int fd;

  if (g_file_test (wal, G_FILE_TEST_EXISTS) && g_access (wal, W_OK) != 0 && g_access (path, W_OK) == 0)
    {
      g_autofree char *wal_name = display_name (wal);
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY,
                   _("“%s” cannot be written, so nothing can be saved. It holds recent changes: do not remove it; make it writable (for example “chmod u+w”), then open the workspace again."),
                   wal_name);
      return FALSE;
    }
  if (g_lstat (shm, &st) != 0 || g_access (shm, W_OK) == 0 || g_access (path, W_OK) != 0)
    return TRUE;

  fd = g_open (shm, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fl.l_type = F_WRLCK;
      fl.l_whence = SEEK_SET;
      fl.l_start = 128;
      fl.l_len = 1;
      if (fcntl (fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK)
        {
          close (fd);
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_BUSY,
                       _("“%s” cannot be written and another program is using it, so nothing can be saved. Close the other program, then open the workspace again."),
                       shm_name);
          return FALSE;
        }
      close (fd);
    }
  if ((st.st_uid == getuid () && g_chmod (shm, 0600) == 0 && g_access (shm, W_OK) == 0) || g_unlink (shm) == 0)
    return TRUE;
  g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY,
               _("“%s” is left over from an earlier session and cannot be written, so nothing can be saved. Remove that file (the workspace itself stays as it is), then open the workspace again."),
               shm_name);
  return FALSE;
}

static MamoriWorkspace *
workspace_new (const char *path,
               sqlite3    *db)
{
  MamoriWorkspace *self = g_object_new (MAMORI_TYPE_WORKSPACE, NULL);
  self->path = g_strdup (path);
  self->db = db;
  return self;
}

static MamoriWorkspace *
open_checked (const char                *path,
              MamoriWorkspaceOpenFlags   flags,
              GError                   **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = display_name (path);
  g_autofree char *reason = NULL;
  g_autofree char *damage = NULL;
  MamoriEditLock *lock = NULL;
  MamoriWorkspace *self;
  sqlite3 *db;
  gint64 app_id, version = 0;
  int rc;

  if (!probe_file (path, error))
    return NULL;

  /* Read-only look first: the file must be a readable database with our id. */
  db = open_read_only (path, error);
  if (db == NULL)
    return NULL;
  app_id = pragma_int (db, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK)
    version = pragma_int (db, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK)
    pragma_int (db, "SELECT count(*) FROM sqlite_schema", &rc);
  if (rc != SQLITE_OK)
    {
      mamori_workspace_set_sqlite_error (error, path, db, rc, _("read the workspace"));
      sqlite3_close (db);
      return NULL;
    }
  if (app_id != MAMORI_APPLICATION_ID_INT)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not a Mamori workspace."), name);
      sqlite3_close (db);
      return NULL;
    }
  if (version > MAMORI_WORKSPACE_SCHEMA_VERSION)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Mamori (workspace format %d; this version reads up to %d). Update Mamori to open it."),
                   name, (int) version, MAMORI_WORKSPACE_SCHEMA_VERSION);
      sqlite3_close (db);
      return NULL;
    }

  if (flags & MAMORI_WORKSPACE_OPEN_READ_ONLY)
    {
      if (version < MAMORI_WORKSPACE_SCHEMA_VERSION)
        {
          /* Reading code expects the current format: update a private copy in memory. */
          sqlite3_close (db);
          return open_upgraded_copy (path, error);
        }
      reason = g_strdup (_("It was opened for reading only."));
      goto read_only;
    }

  /* Nothing is written into a file that fails SQLite's own check of its pages. */
  damage = quick_check_problem (db, &rc);
  if (rc != SQLITE_OK)
    {
      mamori_workspace_set_sqlite_error (error, path, db, rc, _("check the workspace"));
      sqlite3_close (db);
      return NULL;
    }
  if (damage != NULL)
    {
      if (flags & MAMORI_WORKSPACE_OPEN_FALLBACK_READ_ONLY && version == MAMORI_WORKSPACE_SCHEMA_VERSION)
        {
          reason = g_strdup_printf (_("It is damaged (%s), so nothing is saved into it: save a copy or open a backup copy."), damage);
          goto read_only;
        }
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). Nothing was changed. “mamori check” lists the problems; open a backup copy to keep working."),
                   name, damage);
      sqlite3_close (db);
      return NULL;
    }

  if (mamori_workspace_on_network_fs (path))
    {
      g_autofree char *holder = NULL;
      lock = mamori_edit_lock_acquire (path, &holder, error);
      if (lock == NULL)
        {
          if (holder != NULL && flags & MAMORI_WORKSPACE_OPEN_FALLBACK_READ_ONLY &&
              version == MAMORI_WORKSPACE_SCHEMA_VERSION)
            {
              reason = g_strdup_printf (_("%s It opens read-only until they close it."), holder);
              goto read_only;
            }
          if (holder != NULL)
            g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_BUSY,
                         _("Could not open “%s” for editing: %s"), name, holder);
          sqlite3_close (db);
          return NULL;
        }
    }
  sqlite3_close (db);

  if (!repair_stale_shm (path, error))
    {
      mamori_edit_lock_release (lock);
      return NULL;
    }
  db = open_connection (path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    {
      mamori_edit_lock_release (lock);
      return NULL;
    }
  if (sqlite3_db_readonly (db, "main") == 1)
    {
      sqlite3_close (db);
      mamori_edit_lock_release (lock);
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY,
                   _("“%s” cannot be written. Check its permissions, or open it read-only."), name);
      return NULL;
    }
  if (!configure_connection (db, path, error) ||
      !migrate (db, path, MAMORI_WORKSPACE_SCHEMA_VERSION, error) ||
      !check_tables (db, path, problems, error))
    {
      sqlite3_close (db);
      mamori_edit_lock_release (lock);
      return NULL;
    }
  if (problems->len > 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CORRUPT,
                   _("“%s” is damaged: %s Open a backup copy instead."), name,
                   (const char *) problems->pdata[0]);
      sqlite3_close (db);
      mamori_edit_lock_release (lock);
      return NULL;
    }

  self = workspace_new (path, db);
  self->chain = mamori_chain_new (db);
  self->edit_lock = lock;
  return self;

read_only:
  if (!check_tables (db, path, problems, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  if (problems->len > 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CORRUPT,
                   _("“%s” is damaged: %s Open a backup copy instead."), name,
                   (const char *) problems->pdata[0]);
      sqlite3_close (db);
      return NULL;
    }
  self = workspace_new (path, db);
  self->read_only_reason = g_steal_pointer (&reason);
  return self;
}

MamoriWorkspace *
mamori_workspace_open (const char                *path,
                       MamoriWorkspaceOpenFlags   flags,
                       GError                   **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (mamori_workspace_is_server_uri (path))
    return mamori_workspace_pg_open (path, flags, error);
  if ((flags & MAMORI_WORKSPACE_OPEN_CREATE) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *tmp = build_new_file (path, MAMORI_WORKSPACE_SCHEMA_VERSION, error);
      g_autoptr(GError) local_error = NULL;

      if (tmp == NULL)
        return NULL;
      if (!rename_into_place (tmp, path, FALSE, &local_error) &&
          !g_error_matches (local_error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* If someone else created it meanwhile, we open theirs like any existing file. */
    }
  return open_checked (path, flags, error);
}

MamoriWorkspace *
mamori_workspace_create_replacing (const char  *path,
                                   GError     **error)
{
  g_autofree char *tmp = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = display_name (path);
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a Mamori workspace file."), name);
      return NULL;
    }
  tmp = build_new_file (path, MAMORI_WORKSPACE_SCHEMA_VERSION, error);
  if (tmp == NULL || !rename_into_place (tmp, path, TRUE, error))
    return NULL;
  /* Stale WAL files of the replaced workspace must not be replayed into the new one. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  return open_checked (path, MAMORI_WORKSPACE_OPEN_EXISTING, error);
}

MamoriWorkspace *
mamori_workspace_open_reader (const char  *path,
                              const char  *doing,
                              GError     **error)
{
  MamoriWorkspace *self;
  sqlite3 *db = NULL;
  int rc;

  if (mamori_workspace_is_server_uri (path))
    return mamori_workspace_pg_open_reader (path, error);
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      mamori_workspace_set_sqlite_error (error, path, db, rc, doing);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  self = workspace_new (path, db);
  self->read_only_reason = g_strdup (_("It was opened for reading only."));
  return self;
}

gboolean
mamori_workspace_create_at_version (const char  *path,
                                    int          version,
                                    GError     **error)
{
  g_autofree char *tmp = build_new_file (path, version, error);
  return tmp != NULL && rename_into_place (tmp, path, FALSE, error);
}

gboolean
mamori_workspace_limit_size_for_test (MamoriWorkspace *self,
                                      int              extra_pages)
{
  gint64 pages = -1, limit = -1;
  g_autofree char *sql = NULL;

  if (!mamori_statement_fetch_int64 (self, "limit the size", &pages, NULL, "PRAGMA page_count", NULL))
    return FALSE;
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + extra_pages);
  return mamori_statement_fetch_int64 (self, "limit the size", &limit, NULL, sql, NULL);
}

void
mamori_workspace_close (MamoriWorkspace *self)
{
  g_return_if_fail (MAMORI_IS_WORKSPACE (self));
  g_rec_mutex_lock (&self->lock);
  g_clear_pointer (&self->chain, mamori_chain_free);
  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      self->db = NULL;
    }
  g_clear_handle_id (&self->pg_watch, g_source_remove);
  g_clear_pointer (&self->pg, PQfinish);
  g_clear_pointer (&self->edit_lock, mamori_edit_lock_release);
  if (self->temp_copy != NULL)
    {
      g_unlink (self->temp_copy);
      g_clear_pointer (&self->temp_copy, g_free);
    }
  g_rec_mutex_unlock (&self->lock);
}

static void
mamori_workspace_finalize (GObject *object)
{
  MamoriWorkspace *self = MAMORI_WORKSPACE (object);

  mamori_workspace_close (self);
  g_rec_mutex_clear (&self->lock);
  g_ptr_array_unref (self->pending_changes);
  g_clear_pointer (&self->pg_id_tables, g_hash_table_unref);
  g_free (self->read_only_reason);
  g_free (self->path);
  G_OBJECT_CLASS (mamori_workspace_parent_class)->finalize (object);
}

static void
mamori_workspace_class_init (MamoriWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mamori_workspace_finalize;

  /**
   * MamoriWorkspace::changed:
   * @entity: what changed ("organisation", "stepup_task", …)
   *
   * Emitted after a write has been committed.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * MamoriWorkspace::disconnected:
   *
   * A server workspace: the watch (mamori_workspace_watch_server) saw the connection end.
   */
  signals[SIGNAL_DISCONNECTED] =
    g_signal_new ("disconnected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mamori_workspace_init (MamoriWorkspace *self)
{
  g_rec_mutex_init (&self->lock);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
}

gboolean
mamori_workspace_ensure_open (MamoriWorkspace *self,
             GError         **error)
{
  if (self->db == NULL && self->pg == NULL)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED,
                   _("The workspace is closed."));
      return FALSE;
    }
  return TRUE;
}

static void take_notifications (MamoriWorkspace *self);
static gboolean verify_server_log (MamoriWorkspace *self, GPtrArray *problems, GError **error);

static void
flush_changes (MamoriWorkspace *self)
{
  g_autoptr(GPtrArray) entities = NULL;

  /* Notifications that arrived while our own statements ran are queued in libpq, where the
   * socket watch does not see them. */
  if (self->pg_watch != 0 && self->tx_depth == 0)
    take_notifications (self);
  if (self->tx_depth > 0 || self->pending_changes->len == 0)
    return;
  entities = g_steal_pointer (&self->pending_changes);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < entities->len; i++)
    {
      const char *entity = entities->pdata[i];
      /* The roles may have changed: what the user may do is read again, before any handler
       * asks (mamori-roles.c). */
      if (g_str_equal (entity, "settings"))
        mamori_workspace_forget_access (self);
      g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_string (entity), entity);
    }
}

/* The notifications other connections sent (entity names) since the last look, as changes. */
static void
take_notifications (MamoriWorkspace *self)
{
  PGnotify *n;
  int own;

  g_rec_mutex_lock (&self->lock);
  own = PQbackendPID (self->pg);
  PQconsumeInput (self->pg);
  while ((n = PQnotifies (self->pg)) != NULL)
    {
      /* Our own writes announced themselves when they committed. */
      if (n->be_pid != own && g_str_equal (n->relname, MAMORI_WORKSPACE_PG_CHANNEL) &&
          !g_ptr_array_find_with_equal_func (self->pending_changes, n->extra, g_str_equal, NULL))
        g_ptr_array_add (self->pending_changes, g_strdup (n->extra));
      PQfreemem (n);
    }
  g_rec_mutex_unlock (&self->lock);
}

static gboolean
on_server_readable (int           fd,
                    GIOCondition  condition,
                    gpointer      data)
{
  MamoriWorkspace *self = data;

  if (self->pg == NULL)
    {
      self->pg_watch = 0;
      return G_SOURCE_REMOVE;
    }
  take_notifications (self);
  if ((condition & (G_IO_HUP | G_IO_ERR)) || PQstatus (self->pg) == CONNECTION_BAD)
    {
      /* The server went away: mamori_workspace_reconnect sets the watch up again. */
      self->pg_watch = 0;
      g_signal_emit (self, signals[SIGNAL_DISCONNECTED], 0);
      return G_SOURCE_REMOVE;
    }
  if (self->tx_depth == 0)
    flush_changes (self);
  return G_SOURCE_CONTINUE;
}

gboolean
mamori_workspace_reconnect (MamoriWorkspace  *self,
                            GError          **error)
{
  gboolean watched;
  PGresult *result;

  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), FALSE);
  if (self->pg == NULL)
    return TRUE;
  g_rec_mutex_lock (&self->lock);
  if (PQstatus (self->pg) == CONNECTION_OK && (self->pg_watch != 0 || !self->pg_watched))
    {
      g_rec_mutex_unlock (&self->lock);
      return TRUE;
    }
  watched = self->pg_watched;
  g_clear_handle_id (&self->pg_watch, g_source_remove);
  PQreset (self->pg);
  if (PQstatus (self->pg) != CONNECTION_OK)
    {
      g_autofree char *detail = g_strstrip (g_strdup (PQerrorMessage (self->pg)));
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_DISCONNECTED,
                   _("Could not connect to the server of “%s”: %s"), self->path, detail);
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }
  self->tx_depth = 0;
  /* A read-only workspace (opened so, or a viewer's) stays read-only. */
  if (self->read_only_reason != NULL)
    {
      result = PQexec (self->pg, "SET default_transaction_read_only = on");
      PQclear (result);
    }
  g_rec_mutex_unlock (&self->lock);
  /* The role is read again on this connection (it may have been unreadable, or changed). */
  mamori_workspace_forget_access (self);
  if (watched)
    {
      self->pg_watched = FALSE;
      return mamori_workspace_watch_server (self, error);
    }
  return TRUE;
}

gboolean
mamori_workspace_watch_server (MamoriWorkspace  *self,
                               GError          **error)
{
  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), FALSE);
  if (self->pg == NULL || self->pg_watch != 0)
    return TRUE;
  if (!mamori_statement_run (self, _("follow the other users’ changes"), error,
                             "LISTEN " MAMORI_WORKSPACE_PG_CHANNEL, NULL))
    return FALSE;
  self->pg_watch = g_unix_fd_add (PQsocket (self->pg), G_IO_IN | G_IO_HUP | G_IO_ERR, on_server_readable, self);
  self->pg_watched = TRUE;
  return TRUE;
}

/* Call after a successful commit, with the lock released: the signal is emitted now, or
 * when the enclosing transaction commits. */
void
mamori_workspace_emit_changed (MamoriWorkspace *self,
              const char      *entity)
{
  if (!g_ptr_array_find_with_equal_func (self->pending_changes, entity, g_str_equal, NULL))
    g_ptr_array_add (self->pending_changes, g_strdup (entity));
  flush_changes (self);
}

void
mamori_workspace_announce_changes (MamoriWorkspace    *self,
                                   const char * const *entities)
{
  g_return_if_fail (MAMORI_IS_WORKSPACE (self));
  for (guint i = 0; entities != NULL && entities[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (self->pending_changes, entities[i], g_str_equal, NULL))
      g_ptr_array_add (self->pending_changes, g_strdup (entities[i]));
  flush_changes (self);
}

gboolean
mamori_workspace_transaction (MamoriWorkspace                *self,
                              MamoriWorkspaceTransactionFunc  func,
                              gpointer                        user_data,
                              GError                        **error)
{
  gboolean ok;

  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), FALSE);
  if (!mamori_workspace_ensure_open (self, error))
    return FALSE;
  g_rec_mutex_lock (&self->lock);
  if (!mamori_workspace_begin (self, _("save the changes"), error))
    {
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }
  ok = func (self, user_data, error);
  if (ok)
    ok = mamori_workspace_commit (self, _("save the changes"), error);
  else
    mamori_workspace_rollback (self);
  g_rec_mutex_unlock (&self->lock);
  flush_changes (self);
  return ok;
}

sqlite3 *
mamori_workspace_get_db (MamoriWorkspace *self)
{
  return self->db;
}

PGconn *
mamori_workspace_get_pg (MamoriWorkspace *self)
{
  return self->pg;
}

const char *
mamori_workspace_pg_identity (MamoriWorkspace *self,
                              const char      *table)
{
  return self->pg_id_tables != NULL ? g_hash_table_lookup (self->pg_id_tables, table) : NULL;
}

void
mamori_workspace_pg_add_identity (MamoriWorkspace *self,
                                  const char      *table,
                                  const char      *column)
{
  g_hash_table_insert (self->pg_id_tables, g_strdup (table), g_strdup (column));
}

MamoriWorkspace *
mamori_workspace_new_server (const char *display,
                             PGconn     *conn,
                             const char *read_only_reason)
{
  MamoriWorkspace *self = workspace_new (display, NULL);

  self->pg = conn;
  self->read_only_reason = g_strdup (read_only_reason);
  self->pg_id_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

gboolean
mamori_workspace_is_server_uri (const char *path)
{
  return path != NULL && (g_str_has_prefix (path, "postgresql://") || g_str_has_prefix (path, "postgres://"));
}

gboolean
mamori_workspace_is_server (MamoriWorkspace *self)
{
  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), FALSE);
  return self->pg != NULL;
}

void
mamori_workspace_lock (MamoriWorkspace *self)
{
  g_rec_mutex_lock (&self->lock);
}

void
mamori_workspace_unlock (MamoriWorkspace *self)
{
  g_rec_mutex_unlock (&self->lock);
}

void
mamori_workspace_set_read_only_reason (MamoriWorkspace *self,
                                       const char      *reason)
{
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);
}

const char *
mamori_workspace_get_read_only_reason (MamoriWorkspace *self)
{
  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), NULL);
  return self->read_only_reason;
}

const char *
mamori_workspace_get_path (MamoriWorkspace *self)
{
  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), NULL);
  return self->path;
}

char *
mamori_workspace_dup_name (MamoriWorkspace *self)
{
  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), NULL);
  if (self->pg != NULL)
    return g_strdup (PQdb (self->pg));
  return g_path_get_basename (self->path);
}

int
mamori_workspace_get_schema_version (MamoriWorkspace *self)
{
  gint64 v = -1;

  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), -1);
  if (!mamori_statement_fetch_int64 (self, _("read the workspace format"), &v, NULL,
                                     self->pg != NULL ? "SELECT version FROM mamori_schema" : "PRAGMA user_version", NULL))
    return -1;
  return (int) v;
}

/* --- reads and writes ------------------------------------------------------------------- */

gboolean
mamori_workspace_is_empty (MamoriWorkspace *self,
                           gboolean        *empty,
                           GError         **error)
{
  g_autoptr(MamoriProfile) profile = NULL;

  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), FALSE);

  profile = mamori_workspace_get_profile (self, error);
  if (profile == NULL)
    return FALSE;
  *empty = mamori_profile_is_blank (profile);

  g_rec_mutex_lock (&self->lock);
  for (guint i = 0; *empty && i < G_N_ELEMENTS (content_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)", content_tables[i]);
      gint64 any = 0;
      if (!mamori_statement_fetch_int64 (self, _("read the workspace"), &any, error, sql, NULL))
        {
          g_rec_mutex_unlock (&self->lock);
          return FALSE;
        }
      if (any)
        *empty = FALSE;
    }
  g_rec_mutex_unlock (&self->lock);
  return TRUE;
}

static gboolean
collect_rows (sqlite3     *db,
              const char  *path,
              const char  *sql,
              GPtrArray   *out,
              const char  *skip_value,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GString *line = g_string_new (NULL);
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);
          if (c > 0)
            g_string_append (line, " ");
          g_string_append (line, text ? text : "NULL");
        }
      if (skip_value != NULL && g_strcmp0 (line->str, skip_value) == 0)
        g_string_free (line, TRUE);
      else
        g_ptr_array_add (out, g_string_free (line, FALSE));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      mamori_workspace_set_sqlite_error (error, path, db, rc, _("check the workspace"));
      return FALSE;
    }
  return TRUE;
}

gboolean
mamori_workspace_check (MamoriWorkspace *self,
                        GPtrArray      **problems_out,
                        GError         **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  gint64 app_id, version;
  int rc;

  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), FALSE);
  if (!mamori_workspace_ensure_open (self, error))
    return FALSE;
  if (self->pg != NULL)
    {
      /* The schema, then the change log's chain. */
      g_autoptr(GPtrArray) found = NULL;
      if (!mamori_workspace_pg_check (self, &found, error) ||
          (found->len == 0 && !verify_server_log (self, found, error)))
        return FALSE;
      if (problems_out != NULL)
        *problems_out = g_steal_pointer (&found);
      return TRUE;
    }

  g_rec_mutex_lock (&self->lock);

  app_id = pragma_int (self->db, "PRAGMA application_id", &rc);
  if (rc == SQLITE_OK && app_id != MAMORI_APPLICATION_ID_INT)
    g_ptr_array_add (problems, g_strdup (_("The file is not marked as a Mamori workspace.")));
  version = pragma_int (self->db, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK && version != MAMORI_WORKSPACE_SCHEMA_VERSION)
    g_ptr_array_add (problems, g_strdup_printf (_("The workspace format is %d; expected %d."),
                                                (int) version, MAMORI_WORKSPACE_SCHEMA_VERSION));

  {
    g_autoptr(GError) local_error = NULL;
    ok = collect_rows (self->db, self->path, "PRAGMA integrity_check", rows, "ok", &local_error) &&
         collect_rows (self->db, self->path, "PRAGMA foreign_key_check", rows, NULL, &local_error) &&
         check_tables (self->db, self->path, problems, &local_error);
    /* Damage so bad that SQLite stops reading is itself the finding. */
    if (!ok && g_error_matches (local_error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CORRUPT))
      {
        g_ptr_array_add (problems, g_strdup (local_error->message));
        ok = TRUE;
      }
    else if (!ok)
      g_propagate_error (error, g_steal_pointer (&local_error));
  }
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (problems, g_strdup (rows->pdata[i]));
  /* The change log's chain, the approved-version rule and the table digests: only worth
   * walking on pages that are sound. */
  if (ok && rows->len == 0 && problems->len == 0)
    {
      rc = mamori_chain_verify (self->db, problems);
      if (rc != SQLITE_OK)
        {
          mamori_workspace_set_sqlite_error (error, self->path, self->db, rc, _("check the workspace"));
          ok = FALSE;
        }
    }
  g_rec_mutex_unlock (&self->lock);

  if (!ok)
    return FALSE;
  if (problems_out)
    *problems_out = g_steal_pointer (&problems);
  return TRUE;
}

MamoriProfile *
mamori_workspace_get_profile (MamoriWorkspace  *self,
                              GError          **error)
{
  g_autoptr(MamoriStatement) stmt = NULL;
  MamoriProfile *profile = NULL;

  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), NULL);
  stmt = mamori_statement_new (self, _("read the organisation profile"), error,
                               "SELECT name, industry, employees, security_officer, contact "
                               "FROM organisation WHERE id = 1", NULL);
  if (stmt == NULL)
    return NULL;
  if (mamori_statement_step (stmt, error))
    {
      profile = g_new0 (MamoriProfile, 1);
      profile->name = g_strdup (mamori_statement_text (stmt, 0));
      profile->industry = g_strdup (mamori_statement_text (stmt, 1));
      profile->employees = mamori_statement_int (stmt, 2);
      profile->security_officer = g_strdup (mamori_statement_text (stmt, 3));
      profile->contact = g_strdup (mamori_statement_text (stmt, 4));
    }
  else if (!mamori_statement_failed (stmt))
    {
      g_autofree char *name = display_name (self->path);
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CORRUPT,
                   _("“%s” is damaged: the organisation profile is missing. Open a backup copy instead."), name);
    }
  return profile;
}

static void
describe_change (GString    *summary,
                 const char *key,
                 const char *before,
                 const char *after)
{
  if (g_strcmp0 (before, after) == 0)
    return;
  if (summary->len > 0)
    g_string_append (summary, "; ");
  g_string_append_printf (summary, "%s: “%s” → “%s”", key, before, after);
}

typedef struct {
  const MamoriProfile *profile;
  const char *summary;
} ProfileWrite;

static gboolean
write_profile (MamoriWorkspace  *self,
               gpointer          data,
               char            **summary,
               GError          **error)
{
  ProfileWrite *w = data;
  const MamoriProfile *profile = w->profile;
  g_autofree char *at = mamori_workspace_now ();

  if (!mamori_statement_run (self, _("save the organisation profile"), error,
                             "UPDATE organisation SET name = ?1, industry = ?2, employees = ?3, "
                             "security_officer = ?4, contact = ?5, updated_at = ?6 WHERE id = 1", "ttittt",
                             profile->name ? profile->name : "", profile->industry ? profile->industry : "",
                             (gint64) profile->employees, profile->security_officer ? profile->security_officer : "",
                             profile->contact ? profile->contact : "", at))
    return FALSE;
  *summary = g_strdup (w->summary);
  return TRUE;
}

gboolean
mamori_workspace_set_profile (MamoriWorkspace      *self,
                              const MamoriProfile  *profile,
                              GError              **error)
{
  g_autoptr(MamoriProfile) before = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  ProfileWrite w = { profile, NULL };

  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), FALSE);
  if (!mamori_profile_validate (profile, error))
    return FALSE;
  before = mamori_workspace_get_profile (self, error);
  if (before == NULL)
    return FALSE;
  if (mamori_profile_equal (before, profile))
    return TRUE;

  for (guint f = 0; f < MAMORI_PROFILE_N_FIELDS; f++)
    {
      g_autofree char *a = mamori_profile_get_field (before, f);
      g_autofree char *b = mamori_profile_get_field (profile, f);
      describe_change (summary, mamori_profile_field_key (f), a, b);
    }
  w.summary = summary->str;
  return mamori_workspace_write (self, "organisation", "update", _("save the organisation profile"),
                                 write_profile, &w, error);
}

char *
mamori_workspace_get_setting (MamoriWorkspace *self,
                              const char      *key,
                              GError         **error)
{
  char *value = NULL;   /* not set: NULL, no error */

  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), NULL);
  mamori_statement_fetch_text (self, _("read a setting"), &value, error,
                               "SELECT value FROM settings WHERE key = ?1", "t", key);
  return value;
}

typedef struct {
  const char *key, *value;
} SettingWrite;

static gboolean
write_setting (MamoriWorkspace  *self,
               gpointer          data,
               char            **summary,
               GError          **error)
{
  SettingWrite *w = data;

  if (!mamori_statement_run (self, _("save a setting"), error,
                             "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", "tt", w->key, w->value))
    return FALSE;
  *summary = g_strdup_printf ("%s = “%s”", w->key, w->value);
  return TRUE;
}

gboolean
mamori_workspace_set_setting (MamoriWorkspace *self,
                              const char      *key,
                              const char      *value,
                              GError         **error)
{
  SettingWrite w = { key, value };

  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);
  return mamori_workspace_write (self, "settings", "set", _("save a setting"), write_setting, &w, error);
}

static gboolean
done_task_row (MamoriStatement  *stmt,
               gpointer          data,
               GError          **error)
{
  g_hash_table_add (data, g_strdup (mamori_statement_text (stmt, 0)));
  return TRUE;
}

GHashTable *
mamori_workspace_get_done_tasks (MamoriWorkspace *self,
                                 GError         **error)
{
  g_autoptr(GHashTable) done = NULL;

  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), NULL);
  done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!mamori_statement_query (self, _("read the step-up progress"), done_task_row, done, error,
                               "SELECT key FROM stepup_task", NULL))
    return NULL;
  return g_steal_pointer (&done);
}

typedef struct {
  const char *key;
  gboolean done;
} TaskWrite;

static gboolean
write_task (MamoriWorkspace  *self,
            gpointer          data,
            char            **summary,
            GError          **error)
{
  TaskWrite *w = data;
  g_autofree char *at = mamori_workspace_now ();
  g_autoptr(MamoriStatement) stmt = NULL;

  if (w->done)
    stmt = mamori_statement_new (self, _("save the step-up progress"), error,
                                 "INSERT INTO stepup_task (key, done_at, done_by) VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT (key) DO NOTHING", "ttt", w->key, at, g_get_user_name ());
  else
    stmt = mamori_statement_new (self, _("save the step-up progress"), error,
                                 "DELETE FROM stepup_task WHERE key = ?1", "t", w->key);
  if (stmt == NULL || !mamori_statement_execute (stmt, error, NULL))
    return FALSE;
  /* Nothing changed: leave no change-log row (summary stays NULL). */
  if (mamori_statement_changes (stmt) > 0)
    *summary = g_strdup (w->key);
  return TRUE;
}

gboolean
mamori_workspace_set_task_done (MamoriWorkspace *self,
                                const char      *key,
                                gboolean         done,
                                GError         **error)
{
  TaskWrite w = { key, done };

  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), FALSE);
  if (key == NULL || *key == '\0' || strlen (key) > 64)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a step-up task."), key ? key : "");
      return FALSE;
    }
  return mamori_workspace_write (self, "stepup_task", done ? "done" : "undone", _("save the step-up progress"),
                                 write_task, &w, error);
}

gboolean
mamori_workspace_get_log_head (MamoriWorkspace *self,
                               char           **hash,
                               gint64          *id,
                               GError         **error)
{
  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), FALSE);
  if (!mamori_workspace_ensure_open (self, error))
    return FALSE;
  if (self->pg != NULL)
    {
      /* The newest line's id and hash (mamori_chain_line_hash). */
      *id = 0;
      *hash = NULL;
      if (!mamori_statement_fetch_int64 (self, _("read the change log"), id, error,
                                         "SELECT coalesce (max (id), 0) FROM change_log", NULL) ||
          !mamori_statement_fetch_text (self, _("read the change log"), hash, error,
                                        "SELECT hash FROM change_log ORDER BY id DESC LIMIT 1", NULL))
        return FALSE;
      if (*hash == NULL)
        *hash = g_strdup ("");
      return TRUE;
    }
  g_rec_mutex_lock (&self->lock);
  if (!mamori_chain_head (self->db, hash, id))
    {
      *hash = g_strdup ("");
      *id = 0;
    }
  g_rec_mutex_unlock (&self->lock);
  return TRUE;
}

typedef struct {
  GPtrArray *problems;
  char *prev;                /* the previous line's hash */
  gboolean chained;          /* a chained line was seen */
} ServerLog;

static gboolean
server_log_row (MamoriStatement  *stmt,
                gpointer          data,
                GError          **error)
{
  ServerLog *l = data;
  gint64 id = mamori_statement_int64 (stmt, 0);
  const char *digests = mamori_statement_text (stmt, 6), *hash = mamori_statement_text (stmt, 7);

  if (g_strcmp0 (digests, "lines") == 0)
    {
      g_autofree char *expected = mamori_chain_line_hash (l->prev, id, mamori_statement_text (stmt, 1),
                                                          mamori_statement_text (stmt, 2), mamori_statement_text (stmt, 3),
                                                          mamori_statement_text (stmt, 4), mamori_statement_text (stmt, 5));
      if (l->problems->len == 0 && g_strcmp0 (expected, hash) != 0)
        g_ptr_array_add (l->problems, g_strdup_printf (_("Change-log row %lld (%s, %s %s) does not verify: %s"),
                                                       (long long) id, mamori_statement_text (stmt, 1),
                                                       mamori_statement_text (stmt, 3), mamori_statement_text (stmt, 4),
                                                       _("its hash does not match its content and the row before it")));
      l->chained = TRUE;
    }
  else if (l->chained && l->problems->len == 0)
    /* Lines copied in by `import workspace` come before the server's first line; none after. */
    g_ptr_array_add (l->problems, g_strdup_printf (_("Change-log row %lld (%s, %s %s) does not verify: %s"),
                                                   (long long) id, mamori_statement_text (stmt, 1),
                                                   mamori_statement_text (stmt, 3), mamori_statement_text (stmt, 4),
                                                   _("it was written outside the chain")));
  g_free (l->prev);
  l->prev = g_strdup (hash != NULL ? hash : "");
  return TRUE;
}

/* A server's change log: each chained line's hash covers the line before it. */
static gboolean
verify_server_log (MamoriWorkspace *self,
                   GPtrArray       *problems,
                   GError         **error)
{
  ServerLog l = { problems, g_strdup (""), FALSE };
  gboolean ok = mamori_statement_query (self, _("check the change log"), server_log_row, &l, error,
                                        "SELECT id, at, os_user, entity, action, summary, digests, hash "
                                        "FROM change_log ORDER BY id", NULL);

  g_free (l.prev);
  return ok;
}

gboolean
mamori_workspace_verify_log (MamoriWorkspace *self,
                             char           **hash,
                             gint64          *id,
                             GPtrArray      **problems,
                             GError         **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (self->pg != NULL)
    {
      if (!mamori_workspace_get_log_head (self, hash, id, error) || !verify_server_log (self, found, error))
        {
          g_clear_pointer (hash, g_free);
          return FALSE;
        }
      *problems = g_steal_pointer (&found);
      return TRUE;
    }
  if (!mamori_workspace_get_log_head (self, hash, id, error))
    return FALSE;
  g_rec_mutex_lock (&self->lock);
  rc = mamori_chain_verify (self->db, found);
  g_rec_mutex_unlock (&self->lock);
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (hash, g_free);
      mamori_workspace_set_sqlite_error (error, self->path, self->db, rc, _("check the change log"));
      return FALSE;
    }
  *problems = g_steal_pointer (&found);
  return TRUE;
}

static gboolean
change_row (MamoriStatement  *stmt,
            gpointer          data,
            GError          **error)
{
  MamoriChangeLogEntry *e = g_new0 (MamoriChangeLogEntry, 1);

  e->id = mamori_statement_int64 (stmt, 0);
  e->at = g_strdup (mamori_statement_text (stmt, 1));
  e->os_user = g_strdup (mamori_statement_text (stmt, 2));
  e->entity = g_strdup (mamori_statement_text (stmt, 3));
  e->action = g_strdup (mamori_statement_text (stmt, 4));
  e->summary = g_strdup (mamori_statement_text (stmt, 5));
  e->digests = g_strdup (mamori_statement_text (stmt, 6));
  e->hash = g_strdup (mamori_statement_text (stmt, 7));
  g_ptr_array_add (data, e);
  return TRUE;
}

GPtrArray *
mamori_workspace_list_changes (MamoriWorkspace *self,
                               guint            limit,
                               GError         **error)
{
  g_autoptr(GPtrArray) out = NULL;

  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), NULL);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_change_log_entry_free);
  if (!mamori_statement_query (self, _("read the change log"), change_row, out, error,
                               "SELECT id, at, os_user, entity, action, summary, digests, hash FROM change_log "
                               "ORDER BY id DESC LIMIT ?1", "i", limit == 0 ? G_MAXINT64 : (gint64) limit))
    return NULL;
  return g_steal_pointer (&out);
}

/* --- save a copy ------------------------------------------------------------------------ */

gboolean
mamori_workspace_save_copy (MamoriWorkspace *self,
                            const char      *dest,
                            GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *name = NULL;
  sqlite3 *src;
  int fd, rc;

  g_return_val_if_fail (MAMORI_IS_WORKSPACE (self), FALSE);
  name = display_name (dest);

  if (g_file_test (dest, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder; choose a file name for the copy."), name);
      return FALSE;
    }

  dir = g_path_get_dirname (dest);
  base = g_path_get_basename (dest);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, MAMORI_WORKSPACE_ERROR,
                   saved == ENOSPC ? MAMORI_WORKSPACE_ERROR_DISK_FULL : MAMORI_WORKSPACE_ERROR_FAILED,
                   _("Could not write “%s”: %s."), name, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  /* VACUUM INTO wants to create the file itself; the name stays reserved by us. */
  g_unlink (tmp);
  mamori_pending_add (tmp);

  if (self->pg != NULL)
    {
      /* A server workspace: a new file with the same content (mamori-workspace-copy.c). */
      if (!mamori_workspace_copy_to_new_file (self, tmp, error))
        {
          mamori_pending_abort (tmp);
          return FALSE;
        }
      goto written;
    }
  /* A second connection of our own: the copy does not block the main connection. */
  src = open_connection (self->path, SQLITE_OPEN_READONLY, error);
  if (src == NULL)
    return FALSE;
  rc = vacuum_into (src, tmp);
  if (rc != SQLITE_OK)
    {
      mamori_workspace_set_sqlite_error (error, dest, src, rc, _("save a copy"));
      sqlite3_close (src);
      mamori_pending_abort (tmp);
      return FALSE;
    }
  sqlite3_close (src);
written:
  g_chmod (tmp, 0600);
  if (g_rename (tmp, dest) != 0)
    {
      int saved = errno;
      mamori_pending_abort (tmp);
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED,
                   _("Could not write “%s”: %s."), name, g_strerror (saved));
      return FALSE;
    }
  mamori_pending_remove (tmp);
  return TRUE;
}

static void
save_copy_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (mamori_workspace_save_copy (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
mamori_workspace_save_copy_async (MamoriWorkspace     *self,
                                  const char          *dest,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mamori_workspace_save_copy_async);
  g_task_set_task_data (task, g_strdup (dest), g_free);
  g_task_run_in_thread (task, save_copy_thread);
}

gboolean
mamori_workspace_save_copy_finish (MamoriWorkspace  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
mamori_workspace_valid_date (const char *date)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (date == NULL || strlen (date) != 10)
    return FALSE;
  iso = g_strconcat (date, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  return dt != NULL;
}

gboolean
mamori_workspace_check_text (const char  *label,
                             const char  *value,
                             gsize        max_chars,
                             GError     **error)
{
  if (value != NULL && (!g_utf8_validate (value, -1, NULL) || g_utf8_strlen (value, -1) > (glong) max_chars))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("%s must be text of at most %u characters."), label, (guint) max_chars);
      return FALSE;
    }
  return TRUE;
}
