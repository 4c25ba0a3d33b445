/* mamori-op-calendar.c — what is due: open measures by their due dates, the yearly management
 * review and the yearly self-diagnosis round; listed, and exported as iCalendar */
#include "config.h"

#include <glib/gi18n.h>

#include "core/mamori-display.h"
#include "mamori-ops-private.h"
#include "report/mamori-ics.h"
#include "store/mamori-assessments.h"
#include "store/mamori-assets.h"
#include "store/mamori-reviews.h"

GPtrArray *
mamori_op_calendar_items (MamoriWorkspace  *workspace,
                          MamoriCatalog    *catalog,
                          const char       *today,
                          int               days,
                          GError          **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_due_item_free);
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(MamoriReviewFigures) review = NULL;
  g_autoptr(GError) local = NULL;
  const char *lang = mamori_text_user_lang ();

  /* Every measure not done yet that has a due date (the ledger's, the assessments', the
   * internal audit's corrective actions). */
  measures = mamori_workspace_list_overdue_measures (workspace, "9999-12-31", G_MAXUINT, error);
  if (measures == NULL)
    return NULL;
  for (guint i = 0; i < measures->len; i++)
    {
      MamoriOverdueMeasure *m = measures->pdata[i];
      g_autofree char *source = mamori_measure_source_label (m->source, catalog, lang);
      /* TRANSLATORS: a measure in the calendar: what is done, then where it comes from */
      g_autofree char *title = g_strdup_printf (_("%s (%s)"), m->what, source);
      g_ptr_array_add (items, mamori_due_item_new (m->due, "measure", title));
    }
  /* The management review, a year after the last one. */
  review = mamori_workspace_last_review (workspace, "9999-12-31", &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (review != NULL)
    {
      g_autofree char *next = mamori_date_add_years (review->held_on, 1);
      if (next != NULL)
        g_ptr_array_add (items, mamori_due_item_new (next, "review", _("Management review (a year after the last one)")));
    }
  /* The self-diagnosis, a year after the last completed round. */
  rounds = mamori_workspace_list_assessments (workspace, "ipa-self-diagnosis", error);
  if (rounds == NULL)
    return NULL;
  for (guint i = rounds->len; i > 0; i--)
    {
      MamoriAssessment *a = rounds->pdata[i - 1];
      if (a->completed)
        {
          g_autofree char *next = mamori_date_add_years (a->assessed_on, 1);
          if (next != NULL)
            g_ptr_array_add (items, mamori_due_item_new (next, "self-diagnosis",
                                                         _("Self-diagnosis (a year after the last round)")));
          break;
        }
    }
  mamori_calendar_arrange (items, today, days);
  return g_steal_pointer (&items);
}

/* export calendar OUT.ics: everything due, overdue included, from today on without an end. */
gboolean
mamori_op_export_calendar (MamoriOpContext  *ctx,
                           GError          **error)
{
  g_autofree char *today = mamori_today ();
  g_autofree char *name = g_path_get_basename (mamori_workspace_get_path (ctx->workspace));
  MamoriCatalog *catalog = mamori_op_catalog (ctx, error);
  g_autoptr(GPtrArray) items = catalog ? mamori_op_calendar_items (ctx->workspace, catalog, today, -1, error) : NULL;

  return items != NULL && mamori_ics_write (items, name, ctx->request->path, error);
}
