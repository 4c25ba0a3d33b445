/* test-registers.c — the year's registers: their tables match their descriptions, records are
 * saved, read, deleted and imported all or nothing, and the segregation rules hold in the store
 * and against plain SQL — on a workspace file and on a PostgreSQL server (MAMORI_TEST_PG,
 * tests/mamori-test-pg.h) */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdarg.h>
#include <sqlite3.h>
#include <string.h>

#include "core/mamori-register.h"
#include "core/mamori-training.h"
#include "store/mamori-registers.h"
#include "store/mamori-reviews.h"
#include "store/mamori-assets.h"
#include "store/mamori-documents.h"
#include "ops/mamori-ops.h"
#include "store/mamori-assessments.h"
#include "store/mamori-workspace.h"
#include "mamori-test-pg.h"

static char *tmpdir;

/* A new workspace: a file in tmpdir, or a new database on the test server. */
static MamoriWorkspace *
new_workspace_on (TestEngine  engine,
                  const char *name)
{
  g_autofree char *path = engine == TEST_ENGINE_POSTGRESQL ? test_pg_new_database ()
                                                           : g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *ws;

  if (engine == TEST_ENGINE_SQLITE)
    g_unlink (path);
  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_workspace_is_server (ws), ==, engine == TEST_ENGINE_POSTGRESQL);
  return ws;
}

static MamoriWorkspace *
new_workspace (const char *name)
{
  return new_workspace_on (TEST_ENGINE_SQLITE, name);
}

/* The engine of a test added with add_both; FALSE when it cannot run (skipped or failed). */
static gboolean
engine_ready (gconstpointer data)
{
  return GPOINTER_TO_INT (data) == TEST_ENGINE_SQLITE || test_pg_available ();
}

/* Plain SQL, not through Mamori, is refused by a CHECK constraint of the table. */
static void
assert_plain_sql_refused (MamoriWorkspace *ws,
                          const char      *sql)
{
  if (mamori_workspace_is_server (ws))
    {
      g_autofree char *state = test_pg_exec (mamori_workspace_get_path (ws), sql);
      g_assert_cmpstr (state, ==, "23514");   /* check_violation */
    }
  else
    {
      sqlite3 *db = NULL;
      char *message = NULL;

      g_assert_cmpint (sqlite3_open (mamori_workspace_get_path (ws), &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &message), ==, SQLITE_CONSTRAINT);
      sqlite3_free (message);
      sqlite3_close (db);
    }
}

static const MamoriRegister *
reg (const char *key)
{
  const MamoriRegister *r = mamori_register_lookup (key);

  g_assert_nonnull (r);
  return r;
}

/* Every field of every register is a column of its table (and nothing of the table is left
 * out but id, the parent, updated_at and row_version). */
static void
test_tables_match (void)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace ("match.mamori");
  sqlite3 *db = NULL;
  guint n;
  const MamoriRegister *const *all = mamori_registers (&n);

  g_assert_cmpuint (n, ==, 14);
  g_assert_cmpint (sqlite3_open_v2 (mamori_workspace_get_path (ws), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s')", all[i]->key);
      sqlite3_stmt *stmt = NULL;
      guint columns = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *col = (const char *) sqlite3_column_text (stmt, 0);
          columns++;
          if (strcmp (col, "id") == 0 || strcmp (col, "updated_at") == 0 || strcmp (col, "row_version") == 0 ||
              g_strcmp0 (col, all[i]->parent_field) == 0)
            continue;
          if (mamori_register_field (all[i], col) == NULL)
            g_error ("%s.%s has no field", all[i]->key, col);
        }
      sqlite3_finalize (stmt);
      g_assert_cmpuint (columns, ==, all[i]->n_fields + 3 + (all[i]->parent_field ? 1 : 0));
      for (guint f = 0; f < all[i]->n_fields; f++)
        {
          const MamoriField *field = &all[i]->fields[f];
          g_assert_true (g_str_is_ascii (field->key));
          if (field->type == MAMORI_FIELD_CHOICE)
            g_assert_cmpuint (g_strv_length ((GStrv) field->choices), ==, g_strv_length ((GStrv) field->choice_labels));
        }
    }
  sqlite3_close (db);
}

static MamoriRecord *
incident (const char *when,
          const char *title)
{
  MamoriRecord *r = mamori_record_new (reg ("incidents"));

  mamori_record_set (r, "occurred_at", when);
  mamori_record_set (r, "title", title);
  return r;
}

static void
test_round_trip (gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriRecord) a = incident ("2026-10-01 09:30", "ノートPCの紛失");
  g_autoptr(MamoriRecord) u = mamori_record_new (reg ("incident_updates"));
  g_autoptr(MamoriRecord) back = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  guint count = 99;

  if (!engine_ready (data))
    return;
  ws = new_workspace_on (GPOINTER_TO_INT (data), "round.mamori");
  g_assert_cmpstr (mamori_record_get (a, "severity"), ==, "medium");   /* the default */
  g_assert_cmpstr (mamori_record_get (a, "state"), ==, "reported");
  g_assert_true (mamori_workspace_save_record (ws, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a->id, >, 0);

  mamori_record_set (u, "reported_at", "2026-10-01 10:00");
  mamori_record_set (u, "kind", "first");
  mamori_record_set (u, "confirmed", "営業部のPCを電車内で紛失");
  /* A part needs its parent. */
  g_assert_false (mamori_workspace_save_record (ws, u, &error));
  g_assert_error (error, MAMORI_REGISTER_ERROR, MAMORI_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  u->parent = a->id + 100;
  g_assert_false (mamori_workspace_save_record (ws, u, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  u->parent = a->id;
  g_assert_true (mamori_workspace_save_record (ws, u, &error));
  g_assert_no_error (error);

  mamori_record_set (a, "state", "closed");
  g_assert_false (mamori_workspace_save_record (ws, a, &error));   /* closed without a date */
  g_assert_error (error, MAMORI_REGISTER_ERROR, MAMORI_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  mamori_record_set (a, "closed_on", "2026-10-20");
  g_assert_true (mamori_workspace_save_record (ws, a, &error));
  back = mamori_workspace_get_record (ws, reg ("incidents"), a->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mamori_record_get (back, "title"), ==, "ノートPCの紛失");
  g_assert_cmpstr (mamori_record_get (back, "closed_on"), ==, "2026-10-20");
  g_assert_cmpstr (mamori_record_label (back), ==, "ノートPCの紛失");
  /* Two editors of one record: the later save from the version read before the other's change
   * is refused and changes nothing (row versions). */
  g_assert_cmpint (back->version, ==, a->version);
  {
    g_autoptr(MamoriRecord) stale = mamori_record_copy (back);
    g_autoptr(MamoriRecord) now = NULL;
    mamori_record_set (back, "description", "二人目の編集");
    g_assert_true (mamori_workspace_save_record (ws, back, &error));
    g_assert_no_error (error);
    mamori_record_set (stale, "title", "古い版からの編集");
    g_assert_false (mamori_workspace_save_record (ws, stale, &error));
    g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
    g_clear_error (&error);
    now = mamori_workspace_get_record (ws, reg ("incidents"), a->id, &error);
    g_assert_cmpstr (mamori_record_get (now, "title"), ==, "ノートPCの紛失");
    g_assert_cmpint (now->version, ==, back->version);
    a->version = now->version;
  }

  parts = mamori_workspace_list_records (ws, reg ("incident_updates"), a->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 1);
  g_assert_cmpint (((MamoriRecord *) parts->pdata[0])->parent, ==, a->id);

  /* Bad values name the field. */
  mamori_record_set (a, "occurred_at", "2026-10-01");
  g_assert_false (mamori_workspace_save_record (ws, a, &error));
  g_assert_nonnull (strstr (error->message, "2026-10-01"));
  g_clear_error (&error);

  /* Deleting the incident deletes its reports. */
  g_assert_true (mamori_workspace_delete_record (ws, reg ("incidents"), a->id, &error));
  g_assert_true (mamori_workspace_count_records (ws, reg ("incident_updates"), &count, &error));
  g_assert_cmpuint (count, ==, 0);
  list = mamori_workspace_list_records (ws, reg ("incidents"), 0, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static MamoriRecord *
exception_request (const char *applicant,
                   const char *approver)
{
  MamoriRecord *r = mamori_record_new (reg ("exceptions"));

  mamori_record_set (r, "applicant", applicant);
  mamori_record_set (r, "applicant_unit", "営業部");
  mamori_record_set (r, "rule", "情報セキュリティ規程 第12条（私物端末の禁止）");
  mamori_record_set (r, "reason", "展示会で私物タブレットを使う");
  mamori_record_set (r, "starts_on", "2026-11-01");
  mamori_record_set (r, "ends_on", "2026-11-30");
  if (approver != NULL)
    {
      mamori_record_set (r, "decision", "approved");
      mamori_record_set (r, "approver", approver);
      mamori_record_set (r, "decided_on", "2026-10-28");
    }
  return r;
}

/* gov 2.2.2: the applicant never approves their own exception — not through Mamori, not
 * through plain SQL. */
static void
test_exception_segregation (gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriRecord) own = exception_request ("山田 太郎", "山田太郎");
  g_autoptr(MamoriRecord) own_ascii = exception_request ("Taro Yamada", "taro  yamada");
  g_autoptr(MamoriRecord) fine = exception_request ("山田 太郎", "佐藤 花子");
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *sql = NULL;

  if (!engine_ready (data))
    return;
  ws = new_workspace_on (GPOINTER_TO_INT (data), "segregation.mamori");
  g_assert_false (mamori_workspace_save_record (ws, own, &error));
  g_assert_error (error, MAMORI_REGISTER_ERROR, MAMORI_REGISTER_ERROR_SEGREGATION);
  g_assert_nonnull (strstr (error->message, "山田 太郎"));
  g_clear_error (&error);
  g_assert_false (mamori_workspace_save_record (ws, own_ascii, &error));
  g_assert_error (error, MAMORI_REGISTER_ERROR, MAMORI_REGISTER_ERROR_SEGREGATION);
  g_clear_error (&error);
  g_assert_true (mamori_workspace_save_record (ws, fine, &error));
  g_assert_no_error (error);
  list = mamori_workspace_list_records (ws, reg ("exceptions"), 0, &error);
  g_assert_cmpuint (list->len, ==, 1);

  /* Plain SQL: the table's CHECK refuses the same. */
  sql = g_strdup_printf ("UPDATE exceptions SET approver = '山田太郎' WHERE id = %" G_GINT64_FORMAT, fine->id);
  assert_plain_sql_refused (ws, sql);

  /* A decided exception names who decided and when; it cannot end before it starts. */
  mamori_record_set (fine, "decided_on", "");
  g_assert_false (mamori_workspace_save_record (ws, fine, &error));
  g_clear_error (&error);
  mamori_record_set (fine, "decided_on", "2026-10-28");
  mamori_record_set (fine, "ends_on", "2026-10-01");
  g_assert_false (mamori_workspace_save_record (ws, fine, &error));
  g_assert_error (error, MAMORI_REGISTER_ERROR, MAMORI_REGISTER_ERROR_INVALID);
}

/* gov 2.1.1(8): an auditor never audits their own unit — named on the plan, or known from the
 * people register. */
static void
test_auditor_segregation (gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  MamoriAuditPlan plan = { 0, "必須12項目", "佐藤 一郎", "製造部", "製造部に所属しない", TRUE, "2026-06-08", "2026-06-12", "",
                           "製造部" };
  g_autoptr(MamoriRecord) person = mamori_record_new (reg ("people"));
  g_autoptr(MamoriAuditPlan) back = NULL;

  if (!engine_ready (data))
    return;
  ws = new_workspace_on (GPOINTER_TO_INT (data), "auditor.mamori");
  id = mamori_workspace_create_assessment (ws, "tech-info-mandatory", "", "2026-06-12", "山田", &error);
  g_assert_no_error (error);
  plan.assessment = id;
  g_assert_false (mamori_workspace_set_audit_plan (ws, &plan, &error));
  g_assert_error (error, MAMORI_REGISTER_ERROR, MAMORI_REGISTER_ERROR_SEGREGATION);
  g_clear_error (&error);

  /* The plan says 総務部, but the people register puts 佐藤 in 製造部. */
  plan.auditor_unit = "総務部";
  mamori_record_set (person, "name", "佐藤一郎");
  mamori_record_set (person, "unit", "製造部");
  g_assert_true (mamori_workspace_save_record (ws, person, &error));
  g_assert_false (mamori_workspace_set_audit_plan (ws, &plan, &error));
  g_assert_error (error, MAMORI_REGISTER_ERROR, MAMORI_REGISTER_ERROR_SEGREGATION);
  g_clear_error (&error);

  mamori_record_set (person, "unit", "総務部");
  g_assert_true (mamori_workspace_save_record (ws, person, &error));
  g_assert_true (mamori_workspace_set_audit_plan (ws, &plan, &error));
  g_assert_no_error (error);
  back = mamori_workspace_get_audit_plan (ws, id, &error);
  g_assert_cmpstr (back->auditor_unit, ==, "総務部");

  assert_plain_sql_refused (ws, "UPDATE audit_plan SET auditor_unit = audited_unit");
}

/* Adding many records is all or nothing; the error names the row. */
static void
test_add_all_or_nothing (gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) labels = NULL;
  const char *names[] = { "山田 太郎", "佐藤 花子", "" };

  if (!engine_ready (data))
    return;
  ws = new_workspace_on (GPOINTER_TO_INT (data), "add.mamori");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      MamoriRecord *p = mamori_record_new (reg ("people"));
      mamori_record_set (p, "name", names[i]);
      mamori_record_set (p, "joined_on", "2024-04-01");
      g_ptr_array_add (records, p);
    }
  g_assert_false (mamori_workspace_add_records (ws, reg ("people"), records, &error));
  g_assert_true (g_str_has_prefix (error->message, "Row 3: "));
  g_clear_error (&error);
  list = mamori_workspace_list_records (ws, reg ("people"), 0, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpint (((MamoriRecord *) records->pdata[0])->id, ==, 0);

  g_ptr_array_remove_index (records, 2);
  g_assert_true (mamori_workspace_add_records (ws, reg ("people"), records, &error));
  g_assert_no_error (error);
  labels = mamori_workspace_ref_labels (ws, "people", &error);
  g_assert_cmpuint (g_hash_table_size (labels), ==, 2);
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ((MamoriRecord *) records->pdata[1])->id);
    g_autofree char *one = NULL, *none = NULL;
    g_assert_cmpstr (mamori_ref_label (labels, id), ==, "佐藤 花子");
    one = mamori_workspace_ref_label_of (ws, "people", ((MamoriRecord *) records->pdata[1])->id, &error);
    none = mamori_workspace_ref_label_of (ws, "asset", 12345, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (one, ==, "佐藤 花子");
    g_assert_cmpstr (none, ==, "");
  }
  g_assert_cmpstr (mamori_ref_label (labels, ""), ==, "");
}

static void
test_values (void)
{
  g_autoptr(MamoriRecord) p = mamori_record_new (reg ("people"));
  g_autoptr(MamoriRecord) s = mamori_record_new (reg ("suppliers"));
  g_autoptr(GError) error = NULL;
  g_autofree char *fy1 = mamori_fiscal_year_start ("2026-03-31", 4);
  g_autofree char *fy2 = mamori_fiscal_year_start ("2026-04-01", 4);
  g_autofree char *fy3 = mamori_fiscal_year_start ("2026-12-31", 1);

  g_assert_cmpstr (fy1, ==, "2025-04-01");
  g_assert_cmpstr (fy2, ==, "2026-04-01");
  g_assert_cmpstr (fy3, ==, "2026-01-01");
  g_assert_null (mamori_fiscal_year_start ("2026-02-30", 4));

  g_assert_cmpstr (mamori_record_get (s, "interval_months"), ==, "12");
  mamori_record_set (s, "name", "クラウド会計サービス");
  mamori_record_set (s, "interval_months", "0");
  g_assert_false (mamori_record_validate (s, &error));
  g_clear_error (&error);
  mamori_record_set (s, "interval_months", "12");
  g_assert_true (mamori_record_validate (s, &error));

  mamori_record_set (p, "name", "a\nb");
  g_assert_false (mamori_record_validate (p, &error));
  g_clear_error (&error);
  mamori_record_set (p, "name", "山田");
  mamori_record_set (p, "access_holder", "yes");
  g_assert_false (mamori_record_validate (p, &error));
  g_clear_error (&error);
  mamori_record_set (p, "access_holder", "1");
  mamori_record_set (p, "joined_on", "2026-04-01");
  mamori_record_set (p, "left_on", "2026-03-01");
  g_assert_false (mamori_record_validate (p, &error));
  g_clear_error (&error);
  mamori_record_set (p, "left_on", "");
  g_assert_true (mamori_record_validate (p, &error));

  g_assert_cmpstr (mamori_field_choice_parse (mamori_register_field (reg ("incidents"), "severity"), "High"), ==, "high");
  g_assert_cmpstr (mamori_field_choice_parse (mamori_register_field (reg ("incidents"), "severity"), "critical"), ==,
                   "critical");
  g_assert_null (mamori_field_choice_parse (mamori_register_field (reg ("incidents"), "severity"), "huge"));
  g_assert_true (mamori_same_name ("山田　太郎", "山田太郎"));
  g_assert_false (mamori_same_name ("", ""));
}

static MamoriRecord *
rec (const char *key,
     gint64      id,
     gint64      parent,
     ...)
{
  MamoriRecord *r = mamori_record_new (reg (key));
  va_list args;
  const char *field;

  r->id = id;
  r->parent = parent;
  va_start (args, parent);
  while ((field = va_arg (args, const char *)) != NULL)
    mamori_record_set (r, field, va_arg (args, const char *));
  va_end (args);
  return r;
}

/* The training rules on 2026-11-30, fiscal years from April: trained this year; not yet this
 * year; a joiner inside and past 3 months; an access holder who missed the yearly session; one
 * who left; pledges. */
static void
test_training (void)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
  g_autoptr(GPtrArray) trainings = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
  g_autoptr(GPtrArray) attendance = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
  g_autoptr(GPtrArray) pledges = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
  g_autoptr(GPtrArray) st = NULL;
  MamoriTrainingCoverage c;
  MamoriTrainingStatus *s;

  g_ptr_array_add (people, rec ("people", 1, 0, "name", "trained", "joined_on", "2020-04-01", NULL));
  g_ptr_array_add (people, rec ("people", 2, 0, "name", "last year", "joined_on", "2020-04-01", NULL));
  g_ptr_array_add (people, rec ("people", 3, 0, "name", "joiner", "joined_on", "2026-10-01", NULL));
  g_ptr_array_add (people, rec ("people", 4, 0, "name", "late joiner", "joined_on", "2026-07-01", NULL));
  g_ptr_array_add (people, rec ("people", 5, 0, "name", "holder", "joined_on", "2020-04-01", "access_holder", "1", NULL));
  g_ptr_array_add (people, rec ("people", 6, 0, "name", "left", "joined_on", "2020-04-01", "left_on", "2026-09-30", NULL));
  g_ptr_array_add (trainings, rec ("trainings", 10, 0, "held_on", "2026-06-15", "title", "全社研修", NULL));
  g_ptr_array_add (trainings, rec ("trainings", 11, 0, "held_on", "2026-03-10", "title", "前年度", NULL));
  g_ptr_array_add (trainings, rec ("trainings", 12, 0, "held_on", "2025-10-01", "title", "取扱者研修",
                                   "audience", "access_holders", NULL));
  g_ptr_array_add (trainings, rec ("trainings", 13, 0, "held_on", "2026-12-10", "title", "予定", NULL));
  g_ptr_array_add (attendance, rec ("attendance", 20, 10, "person", "1", NULL));
  g_ptr_array_add (attendance, rec ("attendance", 21, 11, "person", "2", NULL));
  g_ptr_array_add (attendance, rec ("attendance", 22, 13, "person", "3", NULL));   /* not held yet */
  g_ptr_array_add (attendance, rec ("attendance", 23, 10, "person", "5", NULL));
  g_ptr_array_add (attendance, rec ("attendance", 24, 12, "person", "5", NULL));
  g_ptr_array_add (pledges, rec ("pledges", 30, 0, "person", "1", "signed_on", "2020-04-01", NULL));

  st = mamori_training_statuses (people, trainings, attendance, pledges, "2026-11-30", 4);
  g_assert_cmpuint (st->len, ==, 5);          /* "left" is not counted */
  s = st->pdata[0];
  g_assert_cmpint (s->state, ==, MAMORI_TRAINING_DONE);
  g_assert_cmpstr (s->last_trained, ==, "2026-06-15");
  g_assert_false (s->pledge_missing);
  s = st->pdata[1];
  g_assert_cmpint (s->state, ==, MAMORI_TRAINING_DUE);
  g_assert_cmpstr (s->due_on, ==, "2027-03-31");
  g_assert_false (s->overdue);
  g_assert_true (s->pledge_missing);
  s = st->pdata[2];
  g_assert_cmpint (s->state, ==, MAMORI_TRAINING_JOINER_DUE);
  g_assert_cmpstr (s->due_on, ==, "2027-01-01");
  s = st->pdata[3];
  g_assert_cmpint (s->state, ==, MAMORI_TRAINING_JOINER_OVERDUE);
  g_assert_cmpstr (s->due_on, ==, "2026-10-01");
  g_assert_true (s->overdue);
  s = st->pdata[4];
  g_assert_cmpint (s->state, ==, MAMORI_TRAINING_REVOKE);
  g_assert_cmpstr (s->due_on, ==, "2026-10-01");
  g_assert_true (s->overdue);

  mamori_training_coverage (st, &c);
  g_assert_cmpuint (c.people, ==, 5);
  g_assert_cmpuint (c.trained, ==, 1);
  g_assert_cmpuint (c.overdue, ==, 2);
  g_assert_cmpuint (c.revoke, ==, 1);
  g_assert_cmpuint (c.pledges_missing, ==, 4);
}

/* Document reviews: the approved policy of the demo is reviewed 12 months after approval; a
 * review is recommended once the data it was drafted from changes; the interval is set per
 * document. Stocktaking and the last internal audit. */
static void
test_document_reviews (void)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace ("reviews.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autofree char *audit = NULL, *stock = NULL;
  MamoriDocumentReview *r;

  g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_DEMO, "demo"), ws, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  reviews = mamori_workspace_document_reviews (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 1);
  r = reviews->pdata[0];
  g_assert_cmpstr (r->approved_on, ==, "2026-04-01");
  g_assert_cmpuint (r->review_months, ==, 12);
  g_assert_cmpstr (r->due_on, ==, "2027-04-01");
  g_assert_false (r->data_changed);

  g_assert_true (mamori_workspace_set_document_review_months (ws, r->id, 6, &error));
  g_assert_false (mamori_workspace_set_document_review_months (ws, r->id, 121, &error));
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) assets = mamori_workspace_list_assets (ws, &error);
    g_autoptr(GPtrArray) one = g_ptr_array_new ();
    MamoriAsset *asset = assets->pdata[0];
    g_free (asset->remarks);
    asset->remarks = g_strdup ("棚卸で確認");
    g_ptr_array_add (one, asset);
    g_usleep (1100 * 1000);     /* the change log's times count seconds */
    g_assert_true (mamori_workspace_update_assets (ws, one, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&reviews, g_ptr_array_unref);
  reviews = mamori_workspace_document_reviews (ws, &error);
  r = reviews->pdata[0];
  g_assert_cmpstr (r->due_on, ==, "2026-10-01");
  g_assert_true (r->data_changed);

  g_assert_true (mamori_workspace_last_audit_on (ws, &audit, &error));
  g_assert_cmpstr (audit, ==, "2026-06-12");
  g_assert_true (mamori_workspace_last_stocktaking (ws, &stock, &error));
  g_assert_nonnull (stock);
  g_clear_pointer (&stock, g_free);
  g_assert_false (mamori_workspace_record_stocktaking (ws, "2026-11-31", &error));
  g_clear_error (&error);
  g_assert_true (mamori_workspace_record_stocktaking (ws, "2026-11-30", &error));
  g_assert_true (mamori_workspace_last_stocktaking (ws, &stock, &error));
  g_assert_cmpstr (stock, ==, "2026-11-30");
}

/* /registers/NAME on a workspace file, /registers/postgresql/NAME on the test server. */
static void
add_both (const char    *name,
          GTestDataFunc  func)
{
  g_autofree char *file = g_strconcat ("/registers/", name, NULL);
  g_autofree char *server = g_strconcat ("/registers/postgresql/", name, NULL);

  g_test_add_data_func (file, GINT_TO_POINTER (TEST_ENGINE_SQLITE), func);
  g_test_add_data_func (server, GINT_TO_POINTER (TEST_ENGINE_POSTGRESQL), func);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("mamori-registers-XXXXXX", NULL);
  g_test_add_func ("/registers/tables-match", test_tables_match);
  add_both ("round-trip", test_round_trip);
  add_both ("exception-segregation", test_exception_segregation);
  add_both ("auditor-segregation", test_auditor_segregation);
  add_both ("add-all-or-nothing", test_add_all_or_nothing);
  g_test_add_func ("/registers/values", test_values);
  g_test_add_func ("/registers/training", test_training);
  g_test_add_func ("/registers/document-reviews", test_document_reviews);
  status = g_test_run ();
  test_pg_cleanup ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    (void) !system (cmd);
  }
  return status;
}
