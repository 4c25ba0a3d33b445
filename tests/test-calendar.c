/* test-calendar.c — what is due: the dates, the order, the command line's list and the
 * iCalendar export read back with libical */
#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <locale.h>
#include <string.h>

#include "core/mamori-calendar.h"
#include "ops/mamori-ops.h"

static char *tmpdir;

static void
test_dates (void)
{
  g_autofree char *a = mamori_date_add_years ("2025-06-10", 1);
  g_autofree char *b = mamori_date_add_years ("2024-02-29", 1);
  g_autofree char *c = mamori_date_add_years ("2024-02-29", 4);
  g_autofree char *bad = mamori_date_add_years ("2025-13-01", 1);

  g_assert_cmpstr (a, ==, "2026-06-10");
  g_assert_cmpstr (b, ==, "2025-02-28");   /* no 29 February in 2025 */
  g_assert_cmpstr (c, ==, "2028-02-29");
  g_assert_null (bad);
}

/* Overdue first, then by date; entries beyond the window are dropped. */
static void
test_arrange (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_due_item_free);
  MamoriDueItem *first;

  g_ptr_array_add (items, mamori_due_item_new ("2026-12-20", "measure", "later"));
  g_ptr_array_add (items, mamori_due_item_new ("2026-11-01", "review", "overdue"));
  g_ptr_array_add (items, mamori_due_item_new ("2027-06-01", "measure", "far"));
  g_ptr_array_add (items, mamori_due_item_new ("2026-12-01", "measure", "soon"));
  mamori_calendar_arrange (items, "2026-11-30", 30);
  g_assert_cmpuint (items->len, ==, 3);
  first = items->pdata[0];
  g_assert_cmpstr (first->title, ==, "overdue");
  g_assert_true (first->overdue);
  g_assert_cmpstr (((MamoriDueItem *) items->pdata[1])->title, ==, "soon");
  g_assert_false (((MamoriDueItem *) items->pdata[1])->overdue);
  g_assert_cmpstr (((MamoriDueItem *) items->pdata[2])->title, ==, "later");
}

/* The demo: the review a year after the last one (overdue on 2026-11-30), the decided measures
 * by their due dates, the next self-diagnosis; the .ics holds the same entries, read back by
 * libical. */
static void
test_demo_and_ics (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "calendar.mamori", NULL);
  g_autofree char *ics = g_build_filename (tmpdir, "calendar.ics", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) month = NULL;
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  guint events = 0;
  gboolean review = FALSE, round = FALSE;
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_DEMO, "demo"), ws, NULL, NULL, NULL, &error));
  all = mamori_op_calendar_items (ws, NULL, "2026-11-30", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >=, 5);
  for (guint i = 0; i < all->len; i++)
    {
      MamoriDueItem *item = all->pdata[i];
      if (i > 0)
        {
          MamoriDueItem *before = all->pdata[i - 1];
          g_assert_true (before->overdue >= item->overdue);
          if (before->overdue == item->overdue)
            g_assert_cmpstr (before->date, <=, item->date);
        }
      g_assert_cmpint (item->overdue, ==, strcmp (item->date, "2026-11-30") < 0);
      if (g_str_equal (item->kind, "review"))
        {
          review = TRUE;
          g_assert_true (item->overdue);
        }
      if (g_str_equal (item->kind, "self-diagnosis"))
        {
          round = TRUE;
          g_assert_cmpstr (item->date, ==, "2027-04-14");   /* the demo's round of 2026-04-14 */
        }
    }
  g_assert_true (review);
  g_assert_true (round);
  /* The registers' entries, each opening its record (or the training status). */
  {
    const char *kinds[] = { "incident-notice", "exception", "acceptance", "training", "pledge", "supplier",
                            "internal-audit", "stocktaking", "document" };
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        gboolean seen = FALSE;
        for (guint i = 0; i < all->len; i++)
          {
            MamoriDueItem *item = all->pdata[i];
            if (!g_str_equal (item->kind, kinds[k]))
              continue;
            seen = TRUE;
            g_assert_nonnull (item->key);
            if (g_str_equal (item->kind, "incident-notice") || g_str_equal (item->kind, "exception") ||
                g_str_equal (item->kind, "supplier"))
              g_assert_true (g_str_has_prefix (item->target, "registers:"));
          }
        if (!seen)
          g_error ("no calendar entry of kind %s", kinds[k]);
      }
  }
  month = mamori_op_calendar_items (ws, NULL, "2026-11-30", 30, &error);
  g_assert_cmpuint (month->len, <, all->len);

  /* The export writes every entry (from today's date on: the test compares with all of them). */
  {
    MamoriOpRequest request = { .path = ics };
    g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_EXPORT, "calendar"), ws, NULL, &request, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); e != NULL;
       e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (e);
      const char *summary = icalcomponent_get_summary (e);
      gboolean found = FALSE;

      g_assert_true (start.is_date);
      g_assert_nonnull (icalcomponent_get_uid (e));
      g_assert_false (g_hash_table_contains (uids, icalcomponent_get_uid (e)));
      g_hash_table_add (uids, g_strdup (icalcomponent_get_uid (e)));
      for (guint i = 0; i < all->len && !found; i++)
        {
          MamoriDueItem *item = all->pdata[i];
          found = g_strcmp0 (summary, item->title) == 0 &&
                  icaltime_compare_date_only (start, icaltime_from_string (item->date)) == 0;
        }
      g_assert_true (found);
      events++;
    }
  g_assert_cmpuint (events, ==, all->len);
  icalcomponent_free (calendar);
  mamori_workspace_close (ws);
}

int
main (int argc, char *argv[])
{
  int rc;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmpdir = g_dir_make_tmp ("mamori-calendar-XXXXXX", NULL);
  g_test_add_func ("/calendar/dates", test_dates);
  g_test_add_func ("/calendar/arrange", test_arrange);
  g_test_add_func ("/calendar/demo-and-ics", test_demo_and_ics);
  rc = g_test_run ();
  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (tmpdir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmpdir);
  }
  return rc;
}
