/* mamori-roles.c — roles on a server workspace, enforced by PostgreSQL (see mamori-roles.h).
 * Every statement here is PostgreSQL's own: a workspace file has no roles. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-roles.h"
#include "mamori-statement.h"
#include "mamori-workspace-internal.h"

static const char * const role_keys[] = { "officer", "editor", "auditor", "viewer", "none" };

/* The tables whose rows an editor or auditor may change only in part: row-level security. */
static const char * const policed_tables[] = {
  "asset", "exceptions", "people", "assessment", "answer", "note", "measure", "evidence", "question_answer",
  "audit_plan",
};
/* An assessment's parts: an editor writes those of the assessments they answer, an auditor
 * those of internal audits. */
static const char * const assessment_parts[] = {
  "answer", "note", "measure", "evidence", "question_answer",
};

void
mamori_member_free (MamoriMember *m)
{
  if (m == NULL)
    return;
  g_free (m->user);
  g_strfreev (m->departments);
  g_free (m->person);
  g_free (m);
}

const char *
mamori_role_key (MamoriRole role)
{
  return role <= MAMORI_ROLE_NONE ? role_keys[role] : "none";
}

gboolean
mamori_role_parse (const char *key,
                   MamoriRole *role)
{
  for (int r = MAMORI_ROLE_OFFICER; r < MAMORI_ROLE_NONE; r++)
    if (g_strcmp0 (key, role_keys[r]) == 0)
      {
        *role = r;
        return TRUE;
      }
  return FALSE;
}

const char *
mamori_role_label (MamoriRole role)
{
  return mamori_access_role_label (role);
}

const char *
mamori_role_describe (MamoriRole role)
{
  switch (role)
    {
    case MAMORI_ROLE_OFFICER:
      return _("may change everything");
    case MAMORI_ROLE_EDITOR:
      return _("may change the assets, exceptions and people of their departments, answer the assessments they respond to, and record incidents");
    case MAMORI_ROLE_AUDITOR:
      return _("reads everything and records internal audits: plans, findings and corrective actions");
    case MAMORI_ROLE_VIEWER:
      return _("reads everything and changes nothing");
    case MAMORI_ROLE_NONE:
    default:
      return _("has no role in this workspace");
    }
}

/* "name" quoted as an SQL identifier. */
static char *
quote_ident (const char *name)
{
  GString *s = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

/* The database's group role for role: mamori_<database>_<role>, ASCII letters, digits and _ . */
static char *
group_role (MamoriWorkspace *self,
            MamoriRole       role)
{
  g_autofree char *db = mamori_workspace_dup_name (self);
  GString *s = g_string_new ("mamori_");

  for (const char *p = db; *p != '\0' && s->len < 7 + 40; p++)
    g_string_append_c (s, g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : '_');
  g_string_append_printf (s, "_%s", role_keys[role]);
  return g_string_free (s, FALSE);
}

static gboolean
require_server (MamoriWorkspace *self,
                GError         **error)
{
  if (mamori_workspace_is_server (self))
    return TRUE;
  g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
               _("Roles are for a workspace on a PostgreSQL server; a workspace file has none (its user may change everything)."));
  return FALSE;
}

static gboolean
run_all (MamoriWorkspace  *self,
         GPtrArray        *sql,
         const char       *doing,
         GError          **error)
{
  for (guint i = 0; i < sql->len; i++)
    if (!mamori_statement_run (self, doing, error, sql->pdata[i], NULL))
      return FALSE;
  return TRUE;
}

static void
add (GPtrArray  *sql,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static void
add (GPtrArray  *sql,
     const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (sql, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
write_setup (MamoriWorkspace  *self,
             gpointer          data,
             char            **summary,
             GError          **error)
{
  const char *doing = _("set up the roles");
  g_autoptr(GPtrArray) sql = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *schema = NULL, *qschema = NULL;
  char *r[MAMORI_ROLE_NONE];

  if (!mamori_statement_fetch_text (self, doing, &schema, error, "SELECT current_schema ()", NULL))
    return FALSE;
  qschema = quote_ident (schema);
  for (int i = 0; i < MAMORI_ROLE_NONE; i++)
    {
      g_autofree char *name = group_role (self, i);
      r[i] = quote_ident (name);
      add (sql, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') THEN "
                "CREATE ROLE %s NOLOGIN; END IF; END $$", name, r[i]);
    }
  add (sql, "CREATE TABLE IF NOT EXISTS mamori_member ("
            "  usename text PRIMARY KEY,"
            "  role text NOT NULL CHECK (role IN ('officer', 'editor', 'auditor', 'viewer')),"
            "  departments text[] NOT NULL DEFAULT '{}',"
            "  person text NOT NULL DEFAULT '')");
  add (sql, "CREATE OR REPLACE FUNCTION mamori_my_departments () RETURNS text[] LANGUAGE sql STABLE AS "
            "$$ SELECT coalesce ((SELECT departments FROM mamori_member WHERE usename = current_user), '{}') $$");
  add (sql, "CREATE OR REPLACE FUNCTION mamori_my_names () RETURNS text[] LANGUAGE sql STABLE AS "
            "$$ SELECT ARRAY[current_user::text] || coalesce ((SELECT ARRAY[person] FROM mamori_member "
            "   WHERE usename = current_user AND person <> ''), '{}') $$");

  /* Tables: everyone reads (a user without a role reads only who has which role, and the
   * format); the officer changes everything; the rest as mamori-roles.h says. */
  add (sql, "GRANT USAGE ON SCHEMA %s TO %s, %s, %s, %s", qschema, r[0], r[1], r[2], r[3]);
  add (sql, "GRANT SELECT ON mamori_schema, mamori_member TO PUBLIC");
  add (sql, "GRANT SELECT ON ALL TABLES IN SCHEMA %s TO %s, %s, %s", qschema, r[1], r[2], r[3]);
  add (sql, "GRANT ALL ON ALL TABLES IN SCHEMA %s TO %s", qschema, r[0]);
  add (sql, "GRANT ALL ON ALL SEQUENCES IN SCHEMA %s TO %s", qschema, r[0]);
  add (sql, "GRANT USAGE ON ALL SEQUENCES IN SCHEMA %s TO %s, %s", qschema, r[1], r[2]);
  add (sql, "GRANT INSERT ON change_log, stepup_task TO %s, %s", r[1], r[2]);
  add (sql, "GRANT INSERT, UPDATE, DELETE ON asset, exceptions, people, answer, note, measure, evidence, question_answer TO %s",
       r[1]);
  add (sql, "GRANT UPDATE ON assessment TO %s", r[1]);
  add (sql, "GRANT INSERT, UPDATE ON incidents, incident_updates, incident_notices, incident_assets, incident_measures TO %s",
       r[1]);
  add (sql, "GRANT INSERT, UPDATE, DELETE ON assessment, answer, note, measure, evidence, question_answer, "
            "audit_plan, audit_check, corrective_action TO %s", r[2]);

  for (guint i = 0; i < G_N_ELEMENTS (policed_tables); i++)
    {
      const char *t = policed_tables[i];
      add (sql, "ALTER TABLE %s ENABLE ROW LEVEL SECURITY", t);
      add (sql, "DROP POLICY IF EXISTS mamori_read ON %s", t);
      add (sql, "CREATE POLICY mamori_read ON %s FOR SELECT USING (true)", t);
      add (sql, "DROP POLICY IF EXISTS mamori_officer ON %s", t);
      add (sql, "CREATE POLICY mamori_officer ON %s FOR ALL TO %s USING (true) WITH CHECK (true)", t, r[0]);
      add (sql, "DROP POLICY IF EXISTS mamori_editor ON %s", t);
      add (sql, "DROP POLICY IF EXISTS mamori_auditor ON %s", t);
      add (sql, "DROP POLICY IF EXISTS mamori_auditor_adds ON %s", t);
      add (sql, "DROP POLICY IF EXISTS mamori_auditor_removes ON %s", t);
    }
  add (sql, "CREATE POLICY mamori_editor ON asset FOR ALL TO %s "
            "USING (managing_department = ANY (mamori_my_departments ())) "
            "WITH CHECK (managing_department = ANY (mamori_my_departments ()))", r[1]);
  add (sql, "CREATE POLICY mamori_editor ON exceptions FOR ALL TO %s "
            "USING (applicant_unit = ANY (mamori_my_departments ())) "
            "WITH CHECK (applicant_unit = ANY (mamori_my_departments ()))", r[1]);
  add (sql, "CREATE POLICY mamori_editor ON people FOR ALL TO %s "
            "USING (unit = ANY (mamori_my_departments ())) WITH CHECK (unit = ANY (mamori_my_departments ()))", r[1]);
  add (sql, "CREATE POLICY mamori_editor ON assessment FOR UPDATE TO %s "
            "USING (respondent = ANY (mamori_my_names ())) WITH CHECK (respondent = ANY (mamori_my_names ()))", r[1]);
  add (sql, "CREATE POLICY mamori_auditor_adds ON assessment FOR INSERT TO %s WITH CHECK (true)", r[2]);
  add (sql, "CREATE POLICY mamori_auditor ON assessment FOR ALL TO %s "
            "USING (id IN (SELECT assessment FROM audit_plan)) WITH CHECK (true)", r[2]);
  /* An auditor makes an assessment an internal audit (whose answers they may then write) only
   * before anyone has answered it: a plan for someone's self-assessment is refused, and a plan
   * never moves to another assessment (every column but that one may change). */
  add (sql, "CREATE POLICY mamori_auditor_adds ON audit_plan FOR INSERT TO %s "
            "WITH CHECK (NOT EXISTS (SELECT 1 FROM answer WHERE answer.assessment = audit_plan.assessment) "
            "  AND NOT EXISTS (SELECT 1 FROM note WHERE note.assessment = audit_plan.assessment))", r[2]);
  add (sql, "CREATE POLICY mamori_auditor ON audit_plan FOR UPDATE TO %s USING (true) WITH CHECK (true)", r[2]);
  add (sql, "CREATE POLICY mamori_auditor_removes ON audit_plan FOR DELETE TO %s USING (true)", r[2]);
  add (sql, "REVOKE UPDATE ON audit_plan FROM %s", r[2]);
  add (sql, "DO $$ DECLARE cols text; BEGIN "
            "SELECT string_agg (quote_ident (column_name), ', ') INTO cols FROM information_schema.columns "
            "WHERE table_schema = current_schema () AND table_name = 'audit_plan' AND column_name NOT IN ('id', 'assessment'); "
            "EXECUTE format ('GRANT UPDATE (%%s) ON audit_plan TO %%s', cols, '%s'); END $$", r[2]);
  for (guint i = 0; i < G_N_ELEMENTS (assessment_parts); i++)
    {
      const char *t = assessment_parts[i];
      add (sql, "CREATE POLICY mamori_editor ON %s FOR ALL TO %s "
                "USING (assessment IN (SELECT id FROM assessment WHERE respondent = ANY (mamori_my_names ()))) "
                "WITH CHECK (assessment IN (SELECT id FROM assessment WHERE respondent = ANY (mamori_my_names ())))",
           t, r[1]);
      add (sql, "CREATE POLICY mamori_auditor ON %s FOR ALL TO %s "
                "USING (assessment IN (SELECT assessment FROM audit_plan)) "
                "WITH CHECK (assessment IN (SELECT assessment FROM audit_plan))", t, r[2]);
    }
  for (int i = 0; i < MAMORI_ROLE_NONE; i++)
    g_free (r[i]);
  if (!run_all (self, sql, doing, error))
    return FALSE;
  *summary = g_strdup ("roles set up");
  return TRUE;
}

gboolean
mamori_workspace_setup_roles (MamoriWorkspace *self,
                              GError         **error)
{
  if (!mamori_workspace_is_server (self))
    return TRUE;
  return mamori_workspace_write (self, "settings", "set", _("set up the roles"), write_setup, NULL, error);
}

typedef struct {
  const char *user;
  MamoriRole role;
  const char * const *departments;
  const char *person;
} Grant;

static gboolean
write_grant (MamoriWorkspace  *self,
             gpointer          data,
             char            **summary,
             GError          **error)
{
  Grant *g = data;
  const char *doing = g->role == MAMORI_ROLE_NONE ? _("take the role back") : _("give the role");
  g_autofree char *user = quote_ident (g->user);
  g_autofree char *departments = NULL;
  g_autoptr(GString) array = g_string_new ("{");
  gint64 exists = 0;

  if (!write_setup (self, NULL, summary, error))
    return FALSE;
  g_clear_pointer (summary, g_free);
  if (!mamori_statement_fetch_int64 (self, doing, &exists, error,
                                     "SELECT count (*) FROM pg_roles WHERE rolname = ?1 AND rolcanlogin", "t", g->user))
    return FALSE;
  if (exists == 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("The server has no login “%s”. Create it first (for example “sudo -u postgres createuser --pwprompt %s”)."),
                   g->user, g->user);
      return FALSE;
    }
  for (int i = 0; i < MAMORI_ROLE_NONE; i++)
    {
      g_autofree char *name = group_role (self, i);
      g_autofree char *group = quote_ident (name);
      g_autofree char *sql = g_strdup_printf (i == (int) g->role ? "GRANT %s TO %s" : "REVOKE %s FROM %s", group, user);
      if (!mamori_statement_run (self, doing, error, sql, NULL))
        return FALSE;
    }
  if (g->role == MAMORI_ROLE_NONE)
    {
      if (!mamori_statement_run (self, doing, error, "DELETE FROM mamori_member WHERE usename = ?1", "t", g->user))
        return FALSE;
      *summary = g_strdup_printf ("%s: no role", g->user);
      return TRUE;
    }
  /* The departments as a text[] literal, each element quoted. */
  for (guint i = 0; g->departments != NULL && g->departments[i] != NULL; i++)
    {
      g_string_append (array, i > 0 ? ",\"" : "\"");
      for (const char *p = g->departments[i]; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (array, '\\');
          g_string_append_c (array, *p);
        }
      g_string_append_c (array, '"');
    }
  g_string_append_c (array, '}');
  if (!mamori_statement_run (self, doing, error,
                             "INSERT INTO mamori_member (usename, role, departments, person) VALUES (?1, ?2, CAST (?3 AS text[]), ?4) "
                             "ON CONFLICT (usename) DO UPDATE SET role = excluded.role, departments = excluded.departments, "
                             "  person = excluded.person",
                             "tttt", g->user, role_keys[g->role], array->str, g->person != NULL ? g->person : ""))
    return FALSE;
  departments = g->departments != NULL ? g_strjoinv (", ", (char **) g->departments) : g_strdup ("");
  *summary = g_strdup_printf ("%s: %s%s%s", g->user, role_keys[g->role], *departments ? " of " : "", departments);
  return TRUE;
}

gboolean
mamori_workspace_grant_role (MamoriWorkspace    *self,
                             const char         *user,
                             MamoriRole          role,
                             const char * const *departments,
                             const char         *person,
                             GError            **error)
{
  Grant g = { user, role, departments, person };

  if (!require_server (self, error))
    return FALSE;
  if (user == NULL || *user == '\0')
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, _("Name the server user to give a role to."));
      return FALSE;
    }
  if (role == MAMORI_ROLE_EDITOR && (departments == NULL || departments[0] == NULL))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("An editor changes the assets of their departments: name at least one with --department."));
      return FALSE;
    }
  return mamori_workspace_write (self, "settings", "grant", _("give the role"), write_grant, &g, error);
}

gboolean
mamori_workspace_revoke_role (MamoriWorkspace *self,
                              const char      *user,
                              GError         **error)
{
  Grant g = { user, MAMORI_ROLE_NONE, NULL, NULL };

  if (!require_server (self, error))
    return FALSE;
  return mamori_workspace_write (self, "settings", "revoke", _("take the role back"), write_grant, &g, error);
}

static gboolean
member_row (MamoriStatement  *stmt,
            gpointer          data,
            GError          **error)
{
  MamoriMember *m = g_new0 (MamoriMember, 1);

  m->user = mamori_statement_dup_text (stmt, 0);
  if (!mamori_role_parse (mamori_statement_text (stmt, 1), &m->role))
    m->role = MAMORI_ROLE_NONE;
  m->departments = g_strsplit (mamori_statement_text (stmt, 2), "\037", -1);
  if (m->departments[0] != NULL && m->departments[0][0] == '\0' && m->departments[1] == NULL)
    {
      g_strfreev (m->departments);
      m->departments = g_new0 (char *, 1);
    }
  m->person = mamori_statement_dup_text (stmt, 3);
  g_ptr_array_add (data, m);
  return TRUE;
}

GPtrArray *
mamori_workspace_list_members (MamoriWorkspace *self,
                               GError         **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_member_free);
  g_autofree char *exists = NULL;
  const char *doing = _("read the roles");

  if (!require_server (self, error) ||
      !mamori_statement_fetch_text (self, doing, &exists, error, "SELECT CAST (to_regclass ('mamori_member') AS text)", NULL))
    return NULL;
  if (exists != NULL &&
      !mamori_statement_query (self, doing, member_row, out, error,
                               "SELECT usename, role, array_to_string (departments, chr (31)), person FROM mamori_member "
                               "ORDER BY usename", NULL))
    return NULL;
  return g_steal_pointer (&out);
}

MamoriRole
mamori_workspace_get_role (MamoriWorkspace *self,
                           GError         **error)
{
  const char *doing = _("read the roles");
  g_autofree char *exists = NULL, *role = NULL;
  gint64 owner = 0;
  MamoriRole out = MAMORI_ROLE_NONE;

  if (!mamori_workspace_is_server (self))
    return MAMORI_ROLE_OFFICER;
  /* The superuser and the owner of the workspace's tables (who ran init) may do everything. */
  if (!mamori_statement_fetch_int64 (self, doing, &owner, error,
                                     "SELECT count (*) FROM pg_tables t JOIN pg_roles r ON r.rolname = current_user "
                                     "WHERE t.schemaname = current_schema () AND t.tablename = 'mamori_schema' "
                                     "  AND (r.rolsuper OR pg_has_role (current_user, t.tableowner, 'MEMBER'))", NULL))
    return MAMORI_ROLE_NONE;
  if (owner > 0)
    return MAMORI_ROLE_OFFICER;
  if (!mamori_statement_fetch_text (self, doing, &exists, error, "SELECT CAST (to_regclass ('mamori_member') AS text)", NULL))
    return MAMORI_ROLE_NONE;
  if (exists == NULL)
    return MAMORI_ROLE_OFFICER; /* no roles set up: the server's own grants decide */
  if (!mamori_statement_fetch_text (self, doing, &role, error,
                                    "SELECT role FROM mamori_member WHERE usename = current_user", NULL))
    return MAMORI_ROLE_NONE;
  if (role == NULL || !mamori_role_parse (role, &out))
    return MAMORI_ROLE_NONE;
  return out;
}

void
mamori_workspace_forget_access (MamoriWorkspace *self)
{
  g_object_set_data (G_OBJECT (self), "mamori-access", NULL);
}

static gboolean
access_row (MamoriStatement  *stmt,
            gpointer          data,
            GError          **error)
{
  char ***out = data;
  const char *departments = mamori_statement_text (stmt, 0);

  out[0] = *departments != '\0' ? g_strsplit (departments, "\037", -1) : g_new0 (char *, 1);
  out[1] = g_strsplit (mamori_statement_text (stmt, 1), "\037", 2);
  return TRUE;
}

const MamoriAccess *
mamori_workspace_get_access (MamoriWorkspace *self)
{
  MamoriAccess *access = g_object_get_data (G_OBJECT (self), "mamori-access");
  g_autoptr(GError) error = NULL;
  MamoriRole role;

  if (access != NULL)
    return access;
  if (mamori_workspace_get_read_only_reason (self) != NULL)
    access = mamori_access_new_read_only (mamori_workspace_get_read_only_reason (self));
  else if (!mamori_workspace_is_server (self))
    access = mamori_access_new_officer ();
  else if ((role = mamori_workspace_get_role (self, &error)), error != NULL)
    {
      /* Unread (the server went away): a reader's until the workspace connects again, which
       * forgets it (mamori_workspace_reconnect), as a change of the roles does. */
      g_debug ("Cannot read the role: %s", error->message);
      access = mamori_access_new (MAMORI_ROLE_VIEWER, NULL, NULL, NULL);
    }
  else if (role == MAMORI_ROLE_OFFICER || role == MAMORI_ROLE_NONE)
    access = mamori_access_new (role, NULL, NULL, NULL);
  else
    {
      char **row[2] = { NULL, NULL };
      const char *doing = _("read the roles");

      if (!mamori_statement_query (self, doing, access_row, row, &error,
                                   "SELECT array_to_string (departments, chr (31)), "
                                   "       current_user || chr (31) || person FROM mamori_member "
                                   "WHERE usename = current_user", NULL))
        {
          /* Half read is not the role: a reader's until it can be read (as above). */
          g_debug ("Cannot read the member: %s", error->message);
          access = mamori_access_new (MAMORI_ROLE_VIEWER, NULL, NULL, NULL);
        }
      else
        access = mamori_access_new (role, (const char * const *) row[0], row[1] ? row[1][0] : NULL,
                                    row[1] ? row[1][1] : NULL);
      g_strfreev (row[0]);
      g_strfreev (row[1]);
    }
  g_object_set_data_full (G_OBJECT (self), "mamori-access", access, (GDestroyNotify) mamori_access_free);
  return access;
}
