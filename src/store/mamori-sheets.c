/* mamori-sheets.c — answers returned on per-role self-inspection sheets */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-sheets.h"
#include "mamori-statement.h"
#include "mamori-workspace-internal.h"

typedef struct {
  gint64 id;
  GPtrArray *answers;
} SheetWrite;

static gboolean
write_sheet (MamoriWorkspace  *self,
             gpointer          data,
             char            **summary,
             GError          **error)
{
  SheetWrite *w = data;
  g_autofree char *status = NULL;
  g_autofree char *now = mamori_workspace_now ();
  g_autoptr(MamoriStatement) stmt = NULL;
  g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);

  if (!mamori_statement_fetch_text (self, _("read the assessment"), &status, error,
                                    "SELECT status FROM assessment WHERE id = ?1", "i", w->id))
    return FALSE;
  if (status == NULL)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("There is no assessment %lld."), (long long) w->id);
      return FALSE;
    }
  if (g_strcmp0 (status, "completed") == 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY,
                   _("Assessment %lld is completed and cannot be changed. Copy it to start the next round."), (long long) w->id);
      return FALSE;
    }
  stmt = mamori_statement_new (self, _("save the returned sheets"), error,
                               "INSERT INTO sheet_answer (assessment, ref_id, person, unit, role, choice, score, note, imported_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                               "ON CONFLICT (assessment, ref_id, person) DO UPDATE SET unit = excluded.unit, "
                               "  role = excluded.role, choice = excluded.choice, score = excluded.score, "
                               "  note = excluded.note, imported_at = excluded.imported_at", "");
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < w->answers->len; i++)
    {
      MamoriSheetAnswer *a = w->answers->pdata[i];
      gboolean ok;

      if (a->not_applicable)
        ok = mamori_statement_execute (stmt, error, "ittttintt", w->id, a->ref_id, a->person, a->unit, a->role,
                                       (gint64) a->choice, a->note, now);
      else
        ok = mamori_statement_execute (stmt, error, "ittttidtt", w->id, a->ref_id, a->person, a->unit, a->role,
                                       (gint64) a->choice, a->score, a->note, now);
      if (!ok)
        return FALSE;
      g_hash_table_add (people, a->person);
    }
  *summary = g_strdup_printf (ngettext ("assessment %lld: the returned sheet of %u person imported (%u answers)",
                                        "assessment %lld: the returned sheets of %u people imported (%u answers)",
                                        g_hash_table_size (people)),
                              (long long) w->id, g_hash_table_size (people), w->answers->len);
  return TRUE;
}

gboolean
mamori_workspace_save_sheet_answers (MamoriWorkspace  *self,
                                     gint64            id,
                                     GPtrArray        *answers,
                                     GError          **error)
{
  SheetWrite w = { id, answers };

  g_return_val_if_fail (answers != NULL, FALSE);
  return mamori_workspace_write (self, "assessment", "sheet", _("save the returned sheets"), write_sheet, &w, error);
}

static gboolean
sheet_row (MamoriStatement  *stmt,
           gpointer          data,
           GError          **error)
{
  GPtrArray *out = data;
  gboolean na = mamori_statement_is_null (stmt, 5);

  g_ptr_array_add (out, mamori_sheet_answer_new (mamori_statement_text (stmt, 0), mamori_statement_text (stmt, 1),
                                                 mamori_statement_text (stmt, 2), mamori_statement_text (stmt, 3),
                                                 mamori_statement_is_null (stmt, 4) ? -1 : mamori_statement_int (stmt, 4),
                                                 na ? 0 : mamori_statement_double (stmt, 5), na,
                                                 mamori_statement_text (stmt, 6)));
  return TRUE;
}

GPtrArray *
mamori_workspace_list_sheet_answers (MamoriWorkspace  *self,
                                     gint64            id,
                                     GError          **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_sheet_answer_free);

  if (!mamori_statement_query (self, _("read the returned sheets"), sheet_row, out, error,
                               "SELECT ref_id, person, unit, role, choice, score, note FROM sheet_answer "
                               "WHERE assessment = ?1 ORDER BY id", "i", id))
    return NULL;
  return g_steal_pointer (&out);
}
