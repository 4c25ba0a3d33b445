/* bench-registers — the year's registers at the size of a 300-person company kept for ten years:
 * PEOPLE people, a session a month for ten years with everyone attending, a pledge each, 1,000
 * incidents with three reports and three notifications each. Measures adding them, the calendar
 * of what is due (read from the workspace: the training status of everyone), and the exports.
 * Usage: bench-registers [PEOPLE]   (default 300) */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "core/mamori-register.h"
#include "ops/mamori-ops.h"
#include "store/mamori-registers.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
add (MamoriWorkspace *ws,
     GPtrArray       *records)
{
  g_autoptr(GError) error = NULL;

  if (!mamori_workspace_add_records (ws, ((MamoriRecord *) records->pdata[0])->reg, records, &error))
    g_error ("%s", error->message);
}

int
main (int argc, char *argv[])
{
  guint people = argc > 1 ? (guint) atoi (argv[1]) : 300;
  g_autofree char *dir = g_dir_make_tmp ("mamori-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "registers.mamori", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
  g_autoptr(GPtrArray) person_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) items = NULL;
  double t0, t;
  guint n_attendance = 0;

  g_assert_no_error (error);
  t0 = now_ms ();
  for (guint i = 0; i < people; i++)
    {
      MamoriRecord *p = mamori_record_new (mamori_register_lookup ("people"));
      g_autofree char *name = g_strdup_printf ("従業員 %04u", i);
      g_autofree char *joined = g_strdup_printf ("%04u-04-01", 2000 + i % 27);
      mamori_record_set (p, "name", name);
      mamori_record_set (p, "unit", i % 3 ? "製造部" : "営業部");
      mamori_record_set (p, "joined_on", joined);
      mamori_record_set (p, "access_holder", i % 10 == 0 ? "1" : "0");
      g_ptr_array_add (list, p);
    }
  add (ws, list);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (person_ids, g_strdup_printf ("%" G_GINT64_FORMAT, ((MamoriRecord *) list->pdata[i])->id));
  g_ptr_array_set_size (list, 0);
  for (guint m = 0; m < 120; m++)
    {
      g_autoptr(GPtrArray) session = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
      g_autoptr(GPtrArray) attendance = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
      MamoriRecord *s = mamori_record_new (mamori_register_lookup ("trainings"));
      g_autofree char *held = g_strdup_printf ("%04u-%02u-15", 2016 + m / 12, 1 + m % 12);
      mamori_record_set (s, "held_on", held);
      mamori_record_set (s, "title", "月例の情報セキュリティ教育");
      mamori_record_set (s, "audience", m % 12 == 5 ? "access_holders" : "all");
      g_ptr_array_add (session, s);
      add (ws, session);
      for (guint i = 0; i < people; i++)
        {
          MamoriRecord *a = mamori_record_new (mamori_register_lookup ("attendance"));
          a->parent = s->id;
          mamori_record_set (a, "person", person_ids->pdata[i]);
          g_ptr_array_add (attendance, a);
        }
      add (ws, attendance);
      n_attendance += attendance->len;
    }
  for (guint i = 0; i < people; i++)
    {
      MamoriRecord *p = mamori_record_new (mamori_register_lookup ("pledges"));
      mamori_record_set (p, "person", person_ids->pdata[i]);
      mamori_record_set (p, "signed_on", "2020-04-01");
      g_ptr_array_add (list, p);
    }
  add (ws, list);
  g_ptr_array_set_size (list, 0);
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
      MamoriRecord *r = mamori_record_new (mamori_register_lookup ("incidents"));
      g_autofree char *when = g_strdup_printf ("%04u-%02u-10 09:00", 2016 + i / 100, 1 + i % 12);
      mamori_record_set (r, "occurred_at", when);
      mamori_record_set (r, "title", "不審メールの添付ファイルを開いた");
      mamori_record_set (r, "state", "closed");
      mamori_record_set (r, "closed_on", "2026-01-01");
      g_ptr_array_add (one, r);
      add (ws, one);
      for (guint k = 0; k < 3; k++)
        {
          MamoriRecord *u = mamori_record_new (mamori_register_lookup ("incident_notices"));
          u->parent = r->id;
          mamori_record_set (u, "party", k == 0 ? "management" : k == 1 ? "customers" : "regulator");
          mamori_record_set (u, "due_at", when);
          g_ptr_array_add (parts, u);
        }
      add (ws, parts);
    }
  t = now_ms ();
  g_print ("registers: %u people, %u sessions, %u attendances, %u pledges, 1000 incidents with 3000 notifications: "
           "added in %.0f ms\n", people, 120, n_attendance, people, t - t0);

  t0 = now_ms ();
  items = mamori_op_calendar_items (ws, NULL, "2026-11-30", -1, &error);
  g_assert_no_error (error);
  g_print ("calendar (everything due, training status of everyone): %u entries in %.0f ms\n", items->len,
           now_ms () - t0);
  {
    const char *kinds[] = { "people", "trainings", "incidents" };
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      for (guint x = 0; x < 2; x++)
        {
          g_autofree char *file = g_strdup_printf ("%s/%s.%s", dir, kinds[k], x ? "xlsx" : "csv");
          MamoriOpRequest request = { .path = file };
          t0 = now_ms ();
          if (!mamori_op_run (mamori_op_find (MAMORI_OP_EXPORT, kinds[k]), ws, NULL, &request, NULL, &error))
            g_error ("%s", error->message);
          g_print ("export %s %s: %.0f ms\n", kinds[k], x ? "xlsx" : "csv", now_ms () - t0);
        }
  }
  mamori_workspace_close (ws);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    (void) !system (cmd);
  }
  return 0;
}
