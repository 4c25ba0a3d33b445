/* mamori-scopes.c — storing scope versions (see mamori-scopes.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-scopes.h"
#include "mamori-statement.h"
#include "mamori-workspace-internal.h"

#define ENTITY "scope"

static const char *
kind_key (MamoriScopeKind kind)
{
  return kind == MAMORI_SCOPE_GROUP ? "group" : "excluded";
}

typedef struct {
  MamoriScope *scope;
  const MamoriChecklist *checklist;
} Save;

static gboolean
write_scope (MamoriWorkspace  *self,
             gpointer          data,
             char            **summary,
             GError          **error)
{
  Save *s = data;
  MamoriScope *scope = s->scope;
  const char *doing = _("save the scope");
  g_autofree char *now = mamori_workspace_now ();
  gint64 number = 0, id = 0;
  guint n_excluded = 0, n_groups = 0;

  if (!mamori_scope_validate (scope, s->checklist, error) ||
      !mamori_workspace_check_text (_("Decided by"), scope->decided_by, 200, error) ||
      !mamori_workspace_check_text (_("Note"), scope->note, 10000, error) ||
      !mamori_statement_fetch_int64 (self, doing, &number, error,
                                     "SELECT coalesce (max (number), 0) + 1 FROM scope_version WHERE checklist = ?1",
                                     "t", scope->checklist) ||
      !mamori_statement_insert (self, doing, &id, error,
                                "INSERT INTO scope_version (checklist, number, decided_on, decided_by, note, created_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", "titttt",
                                scope->checklist, number, scope->decided_on, scope->decided_by, scope->note, now))
    return FALSE;
  for (guint i = 0; i < scope->entries->len; i++)
    {
      const MamoriScopeEntry *e = scope->entries->pdata[i];
      if (!mamori_workspace_check_text (_("Reason"), e->reason, 10000, error) ||
          !mamori_statement_run (self, doing, error,
                                 "INSERT INTO scope_entry (scope, kind, ref, reason) VALUES (?1, ?2, ?3, ?4)", "ittt",
                                 id, kind_key (e->kind), e->ref, e->reason))
        return FALSE;
      if (e->kind == MAMORI_SCOPE_GROUP)
        n_groups++;
      else
        n_excluded++;
    }
  scope->id = id;
  scope->number = (int) number;
  g_free (scope->created_at);
  scope->created_at = g_steal_pointer (&now);
  *summary = g_strdup_printf ("%s version %d (%u left out, %u groups)", scope->checklist, scope->number,
                              n_excluded, n_groups);
  return TRUE;
}

gboolean
mamori_workspace_save_scope (MamoriWorkspace       *self,
                             MamoriScope           *scope,
                             const MamoriChecklist *checklist,
                             GError               **error)
{
  Save s = { scope, checklist };
  gint64 id = scope->id;
  int number = scope->number;

  if (!mamori_workspace_write (self, ENTITY, "add", _("save the scope"), write_scope, &s, error))
    {
      scope->id = id;
      scope->number = number;
      return FALSE;
    }
  return TRUE;
}

static gboolean
version_row (MamoriStatement  *stmt,
             gpointer          data,
             GError          **error)
{
  GPtrArray *out = data;
  MamoriScope *s = mamori_scope_new (mamori_statement_text (stmt, 1));

  s->id = mamori_statement_int (stmt, 0);
  s->number = (int) mamori_statement_int (stmt, 2);
  g_free (s->decided_on);
  s->decided_on = mamori_statement_dup_text (stmt, 3);
  g_free (s->decided_by);
  s->decided_by = mamori_statement_dup_text (stmt, 4);
  g_free (s->note);
  s->note = mamori_statement_dup_text (stmt, 5);
  s->created_at = mamori_statement_dup_text (stmt, 6);
  g_ptr_array_add (out, s);
  return TRUE;
}

static gboolean
entry_row (MamoriStatement  *stmt,
           gpointer          data,
           GError          **error)
{
  MamoriScope *s = data;

  mamori_scope_add (s, g_str_equal (mamori_statement_text (stmt, 0), "group") ? MAMORI_SCOPE_GROUP : MAMORI_SCOPE_EXCLUDED,
                    mamori_statement_text (stmt, 1), mamori_statement_text (stmt, 2));
  return TRUE;
}

#define VERSION_COLUMNS "id, checklist, number, decided_on, decided_by, note, created_at"

/* The versions selected by where (on ?1), with their entries. */
static GPtrArray *
read_versions (MamoriWorkspace *self,
               const char      *where,
               const char      *types,
               gconstpointer    value,
               GError         **error)
{
  const char *doing = _("read the scope");
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_scope_free);
  g_autofree char *sql = g_strdup_printf ("SELECT " VERSION_COLUMNS " FROM scope_version WHERE %s ORDER BY number", where);
  gboolean ok;

  if (types[0] == 'i')
    ok = mamori_statement_query (self, doing, version_row, out, error, sql, "i", *(const gint64 *) value);
  else
    ok = mamori_statement_query (self, doing, version_row, out, error, sql, "t", (const char *) value);
  if (!ok)
    return NULL;
  for (guint i = 0; i < out->len; i++)
    {
      MamoriScope *s = out->pdata[i];
      if (!mamori_statement_query (self, doing, entry_row, s, error,
                                   "SELECT kind, ref, reason FROM scope_entry WHERE scope = ?1 ORDER BY kind, id", "i", s->id))
        return NULL;
    }
  return g_steal_pointer (&out);
}

MamoriScope *
mamori_workspace_get_scope (MamoriWorkspace *self,
                            gint64           id,
                            GError         **error)
{
  g_autoptr(GPtrArray) all = read_versions (self, "id = ?1", "i", &id, error);

  if (all == NULL)
    return NULL;
  if (all->len == 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no scope version %lld."), (long long) id);
      return NULL;
    }
  return g_ptr_array_steal_index (all, 0);
}

MamoriScope *
mamori_workspace_latest_scope (MamoriWorkspace *self,
                               const char      *checklist,
                               GError         **error)
{
  g_autoptr(GPtrArray) all = read_versions (self, "checklist = ?1", "t", checklist, error);

  if (all == NULL || all->len == 0)
    return NULL;
  return g_ptr_array_steal_index (all, all->len - 1);
}

GPtrArray *
mamori_workspace_list_scopes (MamoriWorkspace *self,
                              const char      *checklist,
                              GError         **error)
{
  return read_versions (self, "checklist = ?1", "t", checklist, error);
}

typedef struct {
  gint64 assessment, scope;
} SetScope;

static gboolean
write_assessment_scope (MamoriWorkspace  *self,
                        gpointer          data,
                        char            **summary,
                        GError          **error)
{
  SetScope *s = data;
  const char *doing = _("choose the assessment’s scope");
  g_autofree char *status = NULL, *checklist = NULL, *scope_checklist = NULL;

  if (!mamori_statement_fetch_text (self, doing, &status, error, "SELECT status FROM assessment WHERE id = ?1", "i",
                                    s->assessment) ||
      !mamori_statement_fetch_text (self, doing, &checklist, error, "SELECT checklist FROM assessment WHERE id = ?1", "i",
                                    s->assessment))
    return FALSE;
  if (status == NULL)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no assessment %lld."), (long long) s->assessment);
      return FALSE;
    }
  if (g_str_equal (status, "completed"))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY,
                   _("Assessment %lld is completed and cannot be changed. Copy it to start the next round."),
                   (long long) s->assessment);
      return FALSE;
    }
  if (s->scope > 0)
    {
      if (!mamori_statement_fetch_text (self, doing, &scope_checklist, error,
                                        "SELECT checklist FROM scope_version WHERE id = ?1", "i", s->scope))
        return FALSE;
      if (scope_checklist == NULL || !g_str_equal (scope_checklist, checklist))
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                       _("Scope version %lld is not a scope of the checklist “%s”."), (long long) s->scope, checklist);
          return FALSE;
        }
    }
  if (!mamori_statement_run (self, doing, error, "UPDATE assessment SET scope = nullif (?1, 0) WHERE id = ?2", "ii",
                             s->scope, s->assessment))
    return FALSE;
  *summary = g_strdup_printf ("%" G_GINT64_FORMAT " scope %" G_GINT64_FORMAT, s->assessment, s->scope);
  return TRUE;
}

gboolean
mamori_workspace_set_assessment_scope (MamoriWorkspace *self,
                                       gint64           assessment,
                                       gint64           scope,
                                       GError         **error)
{
  SetScope s = { assessment, scope };

  return mamori_workspace_write (self, "assessment", "update", _("choose the assessment’s scope"),
                                 write_assessment_scope, &s, error);
}

gint64
mamori_workspace_get_assessment_scope (MamoriWorkspace *self,
                                       gint64           assessment,
                                       GError         **error)
{
  gint64 scope = 0;

  if (!mamori_statement_fetch_int64 (self, _("read the scope"), &scope, error,
                                     "SELECT coalesce (scope, 0) FROM assessment WHERE id = ?1", "i", assessment))
    return -1;
  return scope;
}
