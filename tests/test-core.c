/* test-core.c — pure domain logic: profile, step-up path, CSV */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/mamori-csv.h"
#include "core/mamori-demo.h"
#include "core/mamori-diff.h"
#include "core/mamori-diff-private.h"
#include "core/mamori-profile.h"
#include "core/mamori-profile-private.h"
#include "core/mamori-stepup.h"
#include "core/mamori-stepup-private.h"

static void
test_profile_fields (void)
{
  g_autoptr(MamoriProfile) p = mamori_profile_new ();
  g_autoptr(GError) error = NULL;
  MamoriProfileField f;

  g_assert_true (mamori_profile_is_blank (p));
  g_assert_true (mamori_profile_set_field (p, MAMORI_PROFILE_FIELD_NAME, "  株式会社テスト  ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (p->name, ==, "株式会社テスト"); /* trimmed */
  g_assert_false (mamori_profile_is_blank (p));

  g_assert_true (mamori_profile_set_field (p, MAMORI_PROFILE_FIELD_EMPLOYEES, "30", &error));
  g_assert_cmpint (p->employees, ==, 30);
  for (guint i = 0; i < 4; i++)
    {
      const char *bad[] = { "-1", "3x", "", "1000001" };
      g_clear_error (&error);
      g_assert_false (mamori_profile_set_field (p, MAMORI_PROFILE_FIELD_EMPLOYEES, bad[i], &error));
      g_assert_error (error, MAMORI_PROFILE_ERROR, MAMORI_PROFILE_ERROR_INVALID);
    }
  g_assert_cmpint (p->employees, ==, 30);

  g_assert_true (mamori_profile_field_from_key ("security_officer", &f));
  g_assert_cmpint (f, ==, MAMORI_PROFILE_FIELD_SECURITY_OFFICER);
  g_assert_false (mamori_profile_field_from_key ("nonsense", &f));
  for (guint i = 0; i < MAMORI_PROFILE_N_FIELDS; i++)
    {
      g_assert_true (mamori_profile_field_from_key (mamori_profile_field_key (i), &f));
      g_assert_cmpint (f, ==, i);
    }
}

static void
test_profile_validate (void)
{
  g_autoptr(MamoriProfile) p = mamori_profile_new ();
  g_autoptr(MamoriProfile) copy = NULL;
  g_autoptr(GError) error = NULL;
  GString *long_name = g_string_new (NULL);

  g_assert_true (mamori_profile_validate (p, &error));
  for (int i = 0; i < MAMORI_PROFILE_MAX_TEXT + 1; i++)
    g_string_append (long_name, "あ");
  g_assert_false (mamori_profile_set_field (p, MAMORI_PROFILE_FIELD_NAME, long_name->str, &error));
  g_assert_error (error, MAMORI_PROFILE_ERROR, MAMORI_PROFILE_ERROR_INVALID);
  g_string_free (long_name, TRUE);
  g_clear_error (&error);

  g_assert_false (mamori_profile_set_field (p, MAMORI_PROFILE_FIELD_CONTACT, "a\nb", &error));
  g_assert_error (error, MAMORI_PROFILE_ERROR, MAMORI_PROFILE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (mamori_profile_set_field (p, MAMORI_PROFILE_FIELD_NAME, "A", NULL));
  copy = mamori_profile_copy (p);
  g_assert_true (mamori_profile_equal (p, copy));
  copy->employees = 3;
  g_assert_false (mamori_profile_equal (p, copy));
}

static void
test_demo_profile (void)
{
  g_autoptr(MamoriProfile) p = mamori_demo_profile ();
  const char * const *tasks = mamori_demo_done_tasks ();

  g_assert_cmpstr (p->name, ==, "株式会社サンプル製作所");
  g_assert_cmpint (p->employees, ==, 30);
  g_assert_true (mamori_profile_validate (p, NULL));
  for (guint i = 0; tasks[i]; i++)
    g_assert_nonnull (mamori_stepup_find_task (tasks[i]));
}

static void
test_stepup (void)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  MamoriStepProgress progress[MAMORI_STEPUP_N_STEPS];
  const MamoriStepTask *tasks;
  guint n_tasks, total = 0;

  tasks = mamori_stepup_tasks (&n_tasks);
  g_assert_cmpuint (mamori_stepup_compute (NULL, progress), ==, 1);
  g_assert_cmpuint (mamori_stepup_compute (done, progress), ==, 1);
  for (guint s = 0; s < MAMORI_STEPUP_N_STEPS; s++)
    {
      g_assert_cmpuint (progress[s].step, ==, s + 1);
      g_assert_cmpuint (progress[s].n_done, ==, 0);
      g_assert_cmpuint (progress[s].n_tasks, >, 0);
      total += progress[s].n_tasks;
    }
  g_assert_cmpuint (total, ==, n_tasks);
  /* Step 2 of the guideline has four actions: policy, self-diagnosis, measures, handbook. */
  g_assert_cmpuint (progress[1].n_tasks, ==, 4);

  /* Finishing Step 1 moves the organisation to Step 2. */
  for (guint i = 0; i < n_tasks; i++)
    if (tasks[i].step == 1)
      g_hash_table_add (done, (gpointer) tasks[i].key);
  g_assert_cmpuint (mamori_stepup_compute (done, progress), ==, 2);
  g_assert_cmpuint (progress[0].n_done, ==, progress[0].n_tasks);

  /* A task done in a later step does not skip an unfinished earlier one. */
  g_hash_table_add (done, (gpointer) "s4.cloud");
  g_assert_cmpuint (mamori_stepup_compute (done, progress), ==, 2);
  g_assert_cmpuint (progress[3].n_done, ==, 1);

  for (guint i = 0; i < n_tasks; i++)
    g_hash_table_add (done, (gpointer) tasks[i].key);
  g_assert_cmpuint (mamori_stepup_compute (done, progress), ==, MAMORI_STEPUP_N_STEPS + 1);

  /* Keys are unique and found. */
  for (guint i = 0; i < n_tasks; i++)
    {
      g_assert_true (mamori_stepup_find_task (tasks[i].key) == &tasks[i]);
      g_assert_cmpuint (tasks[i].step, >=, 1);
      g_assert_cmpuint (tasks[i].step, <=, MAMORI_STEPUP_N_STEPS);
    }
  g_assert_null (mamori_stepup_find_task ("s9.none"));
}

static void
test_csv (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *row[] = { "plain", "a,b", "say \"hi\"", "two\nlines", "", " lead", "日本語" };

  mamori_csv_append_row (out, row, G_N_ELEMENTS (row));
  g_assert_cmpstr (out->str, ==, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\" lead\",日本語\r\n");
}

static void
test_csv_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sjis = NULL;
  const char *encoding = NULL;
  gsize sjis_len = 0;
  MamoriCsvRow *row;

  const char *input = "\xEF\xBB\xBF" "a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\nlast,";

  text = mamori_csv_decode (input, strlen (input), &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "UTF-8 (BOM)");
  rows = mamori_csv_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = rows->pdata[1];
  g_assert_cmpstr (row->fields->pdata[0], ==, "x, \"y\"");
  g_assert_cmpstr (row->fields->pdata[1], ==, "two\nlines");
  row = rows->pdata[2];
  g_assert_cmpuint (row->line, ==, 5);
  g_assert_cmpuint (row->fields->len, ==, 2);
  g_assert_cmpstr (row->fields->pdata[1], ==, "");
  g_clear_pointer (&rows, g_ptr_array_unref);

  sjis = g_convert ("資産,機密性\n", -1, "CP932", "UTF-8", NULL, &sjis_len, NULL);
  g_clear_pointer (&text, g_free);
  text = mamori_csv_decode (sjis, sjis_len, &encoding, &error);
  g_assert_cmpstr (text, ==, "資産,機密性\n");
  g_assert_cmpstr (encoding, ==, "Shift_JIS (CP932)");

  rows = mamori_csv_parse ("a,\"open\nnever closed", &error);
  g_assert_null (rows);
  g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "1"));
  g_clear_error (&error);
  rows = mamori_csv_parse ("\"quoted\"tail,b\n", &error);
  g_assert_null (rows);
  g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX);
}

static void
test_diff (void)
{
  const char *a = "第1条 目的\nこの規程は情報資産を守る。\n第2条 範囲\n全従業員に適用する。\n";
  const char *b = "第1条 目的\nこの規程は情報資産を守る。\n第2条 適用範囲\n役員と全従業員に適用する。\n第3条 教育\n";
  g_autoptr(GPtrArray) lines = mamori_diff_lines (a, b);
  g_autofree char *text = mamori_diff_format (lines);
  g_autoptr(GPtrArray) same = mamori_diff_lines (a, a);
  g_autoptr(GPtrArray) from_empty = mamori_diff_lines ("", "一行\n");

  g_assert_cmpstr (text, ==,
                   "  第1条 目的\n"
                   "  この規程は情報資産を守る。\n"
                   "- 第2条 範囲\n"
                   "- 全従業員に適用する。\n"
                   "+ 第2条 適用範囲\n"
                   "+ 役員と全従業員に適用する。\n"
                   "+ 第3条 教育\n");
  g_assert_cmpuint (same->len, ==, 4);
  for (guint i = 0; i < same->len; i++)
    g_assert_cmpint (((MamoriDiffLine *) same->pdata[i])->op, ==, MAMORI_DIFF_SAME);
  g_assert_cmpuint (from_empty->len, ==, 1);
  g_assert_cmpint (((MamoriDiffLine *) from_empty->pdata[0])->op, ==, MAMORI_DIFF_ADDED);
}

/* SECURITY ACTION: one star with the five measures; two with the self-diagnosis and an approved
 * policy besides; what is missing for the next star. */
static void
test_security_action (void)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  const char *missing = NULL;

  g_assert_cmpuint (mamori_security_action_level (done, &missing), ==, 0);
  g_assert_cmpstr (missing, ==, "s1.five-articles");
  g_hash_table_add (done, (gpointer) "s2.self-diagnosis");
  g_hash_table_add (done, (gpointer) "s2.policy");
  g_assert_cmpuint (mamori_security_action_level (done, &missing), ==, 0);   /* stars come in order */
  g_hash_table_add (done, (gpointer) "s1.five-articles");
  g_hash_table_remove (done, "s2.policy");
  g_assert_cmpuint (mamori_security_action_level (done, &missing), ==, 1);
  g_assert_cmpstr (missing, ==, "s2.policy");
  g_hash_table_add (done, (gpointer) "s2.policy");
  g_assert_cmpuint (mamori_security_action_level (done, &missing), ==, 2);
  g_assert_null (missing);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/profile/fields", test_profile_fields);
  g_test_add_func ("/core/diff", test_diff);
  g_test_add_func ("/core/profile/validate", test_profile_validate);
  g_test_add_func ("/core/demo/profile", test_demo_profile);
  g_test_add_func ("/core/stepup/compute", test_stepup);
  g_test_add_func ("/core/stepup/security-action", test_security_action);
  g_test_add_func ("/core/csv/quoting", test_csv);
  g_test_add_func ("/core/csv/read", test_csv_read);
  return g_test_run ();
}
