/* mamori-questions.c — storing the answers to a library item's questions (see
 * mamori-questions.h). Table question_answer (workspace format 15). */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-questions.h"
#include "mamori-statement.h"
#include "mamori-workspace-internal.h"

#define ENTITY "assessment"

static void
hash_unref (gpointer table)
{
  g_hash_table_unref (table);
}

static gboolean
answer_row (MamoriStatement  *stmt,
            gpointer          data,
            GError          **error)
{
  GHashTable *by_item = data;
  const char *ref_id = mamori_statement_text (stmt, 0);
  GHashTable *item = g_hash_table_lookup (by_item, ref_id);

  if (item == NULL)
    {
      item = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (by_item, g_strdup (ref_id), item);
    }
  g_hash_table_insert (item, g_strdup (mamori_statement_text (stmt, 1)), g_strdup (mamori_statement_text (stmt, 2)));
  return TRUE;
}

GHashTable *
mamori_workspace_get_question_answers (MamoriWorkspace *self,
                                       gint64           assessment,
                                       GError         **error)
{
  g_autoptr(GHashTable) by_item = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, hash_unref);

  if (!mamori_statement_query (self, _("read the answers to the questions"), answer_row, by_item, error,
                               "SELECT ref_id, question, value FROM question_answer WHERE assessment = ?1 AND value <> ''",
                               "i", assessment))
    return NULL;
  return g_steal_pointer (&by_item);
}

GHashTable *
mamori_workspace_get_item_questions (MamoriWorkspace *self,
                                     gint64           assessment,
                                     const char      *ref_id,
                                     GError         **error)
{
  g_autoptr(GHashTable) by_item = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, hash_unref);
  GHashTable *item;

  if (!mamori_statement_query (self, _("read the answers to the questions"), answer_row, by_item, error,
                               "SELECT ref_id, question, value FROM question_answer "
                               "WHERE assessment = ?1 AND ref_id = ?2 AND value <> ''", "it", assessment, ref_id))
    return NULL;
  item = g_hash_table_lookup (by_item, ref_id);
  return item ? g_hash_table_ref (item) : g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* The assessment must exist and still be in progress. Inside the write. */
static gboolean
check_editable (MamoriWorkspace *self,
                gint64           id,
                const char      *doing,
                GError         **error)
{
  g_autofree char *status = NULL;

  if (!mamori_statement_fetch_text (self, doing, &status, error, "SELECT status FROM assessment WHERE id = ?1", "i", id))
    return FALSE;
  if (status == NULL)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no assessment %lld."), (long long) id);
      return FALSE;
    }
  if (g_str_equal (status, "completed"))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY,
                   _("Assessment %lld is completed and cannot be changed. Copy it to start the next round."), (long long) id);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  gint64 assessment;
  const char *ref_id;
  const char *question;   /* NULL: all of the item's */
  const char *value;      /* checked; "" clears */
  const char *expected;   /* the value the user saw ("" none), or NULL: no check */
} SetAnswer;

static gboolean
write_answer (MamoriWorkspace  *self,
              gpointer          data,
              char            **summary,
              GError          **error)
{
  SetAnswer *s = data;
  const char *doing = _("save the answer to the question");
  g_autofree char *now = mamori_workspace_now ();
  g_autofree char *old = NULL;

  if (!check_editable (self, s->assessment, doing, error))
    return FALSE;
  if (s->question == NULL)
    {
      gint64 n = 0;
      if (!mamori_statement_fetch_int64 (self, doing, &n, error,
                                         "SELECT count (*) FROM question_answer WHERE assessment = ?1 AND ref_id = ?2",
                                         "it", s->assessment, s->ref_id) ||
          !mamori_statement_run (self, doing, error, "DELETE FROM question_answer WHERE assessment = ?1 AND ref_id = ?2",
                                 "it", s->assessment, s->ref_id))
        return FALSE;
      if (n > 0)
        *summary = g_strdup_printf ("%" G_GINT64_FORMAT " %s: questions cleared", s->assessment, s->ref_id);
      return TRUE;
    }
  if (!mamori_statement_fetch_text (self, doing, &old, error,
                                    "SELECT value FROM question_answer WHERE assessment = ?1 AND ref_id = ?2 AND question = ?3",
                                    "itt", s->assessment, s->ref_id, s->question))
    return FALSE;
  if (g_strcmp0 (old ? old : "", s->value) == 0)
    return TRUE;  /* nothing changed: no change-log line */
  /* Someone else answered it since the user saw it: theirs stays until the user decides. */
  if (s->expected != NULL && g_strcmp0 (old ? old : "", s->expected) != 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT,
                   _("Someone else changed the answer to question %s of item %s meanwhile."), s->question, s->ref_id);
      return FALSE;
    }
  if (*s->value == '\0')
    {
      if (!mamori_statement_run (self, doing, error,
                                 "DELETE FROM question_answer WHERE assessment = ?1 AND ref_id = ?2 AND question = ?3",
                                 "itt", s->assessment, s->ref_id, s->question))
        return FALSE;
      *summary = g_strdup_printf ("%" G_GINT64_FORMAT " %s: question %s cleared", s->assessment, s->ref_id, s->question);
      return TRUE;
    }
  if (!mamori_statement_run (self, doing, error,
                             "INSERT INTO question_answer (assessment, ref_id, question, value, answered_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5) "
                             "ON CONFLICT (assessment, ref_id, question) DO UPDATE SET value = excluded.value, "
                             "answered_at = excluded.answered_at",
                             "itttt", s->assessment, s->ref_id, s->question, s->value, now))
    return FALSE;
  *summary = g_strdup_printf ("%" G_GINT64_FORMAT " %s: question %s", s->assessment, s->ref_id, s->question);
  return TRUE;
}

gboolean
mamori_workspace_set_question_answer (MamoriWorkspace      *self,
                                      gint64                assessment,
                                      const MamoriNode     *item,
                                      const MamoriQuestion *question,
                                      const char           *value,
                                      GError              **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *checked = NULL;
  SetAnswer s;

  g_return_val_if_fail (item != NULL && question != NULL, FALSE);
  if (mamori_question_is_scale (item, question))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("The question “%s” is the answer of item %s: answer the item instead."),
                   mamori_question_text (question, mamori_text_user_lang ()), item->ref_id);
      return FALSE;
    }
  if (mamori_node_find_question (item, question->urn) != question)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("Item %s has no question %s."), item->ref_id, question->urn);
      return FALSE;
    }
  checked = mamori_question_value_check (question, value, &local);
  if (checked == NULL)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, "%s", local->message);
      return FALSE;
    }
  s = (SetAnswer) { assessment, item->ref_id, question->urn, checked, NULL };
  return mamori_workspace_write (self, ENTITY, "question", _("save the answer to the question"), write_answer, &s, error);
}

gboolean
mamori_workspace_set_question_value_checked (MamoriWorkspace *self,
                                             gint64           assessment,
                                             const char      *ref_id,
                                             const char      *question,
                                             const char      *value,
                                             const char      *expected,
                                             GError         **error)
{
  SetAnswer s = { assessment, ref_id, question, value ? value : "", expected };

  g_return_val_if_fail (ref_id != NULL && question != NULL, FALSE);
  return mamori_workspace_write (self, ENTITY, "question", _("save the answer to the question"), write_answer, &s, error);
}

gboolean
mamori_workspace_clear_question_answers (MamoriWorkspace *self,
                                         gint64           assessment,
                                         const char      *ref_id,
                                         GError         **error)
{
  SetAnswer s = { assessment, ref_id, NULL, "", NULL };

  g_return_val_if_fail (ref_id != NULL, FALSE);
  return mamori_workspace_write (self, ENTITY, "question", _("save the answer to the question"), write_answer, &s, error);
}
