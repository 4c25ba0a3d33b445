/* test-hostile.c — hostile input cannot hurt Mamori, and the text files it writes cannot hurt
 * the reader: YAML that would cost memory or time, CSV cells that are formulas, values that
 * would forge tab-separated lines or flood messages. */
#include "config.h"

#include <unistd.h>

#include <fcntl.h>

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "core/mamori-asset.h"
#include "core/mamori-catalog.h"
#include "core/mamori-checklist.h"
#include "core/mamori-csv.h"
#include "core/mamori-csv-private.h"
#include "core/mamori-template.h"
#include "core/mamori-yaml.h"
#include "report/mamori-table-export.h"
#include "store/mamori-assessments.h"
#include "store/mamori-assets.h"
#include "store/mamori-workspace.h"

#define LIBRARY_HEAD \
  "urn: urn:x:library:h\nlocale: en\nref_id: h\nversion: 1\nobjects:\n  framework:\n" \
  "    urn: urn:x:framework:h\n    ref_id: h\n    name: H\n"

/* --- hostile YAML ---------------------------------------------------------------------------- */

/* One question whose choice list repeats one anchored choice 200 times, asked by n_nodes nodes:
 * 30,000 nodes make the 1.2 MB file that took 4.7 GB to import before the loader had limits. */
static char *
alias_bomb (guint n_nodes)
{
  GString *s = g_string_new (LIBRARY_HEAD);

  g_string_append (s, "    qdef: &q {type: unique_choice, choices: [&c {value: \"lol lol lol lol lol lol lol lol\", "
                      "description: \"lol lol lol lol lol lol lol lol lol lol lol\"}");
  for (guint i = 0; i < 200; i++)
    g_string_append (s, ", *c");
  g_string_append (s, "]}\n    requirement_nodes:\n");
  for (guint i = 0; i < n_nodes; i++)
    g_string_append_printf (s, "      - {urn: u%u, name: n, questions: {a: *q}}\n", i);
  return g_string_free (s, FALSE);
}

/* The classic: ten aliases of ten aliases … of "lol", 10⁹ of them written out. */
static char *
billion_laughs (void)
{
  GString *s = g_string_new ("urn: x\na: &a [\"lol\"]\n");

  for (char level = 'b'; level <= 'j'; level++)
    {
      g_string_append_printf (s, "%c: &%c [", level, level);
      for (int i = 0; i < 10; i++)
        g_string_append_printf (s, "%s*%c", i ? ", " : "", level - 1);
      g_string_append (s, "]\n");
    }
  return g_string_free (s, FALSE);
}

static char *
nested (guint levels)
{
  GString *s = g_string_new ("urn: ");

  for (guint i = 0; i < levels; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < levels; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '\n');
  return g_string_free (s, FALSE);
}

/* The line of “NAME:LINE: …” */
static int
error_line (const GError *error,
            const char   *name)
{
  g_autofree char *prefix = g_strdup_printf ("%s:", name);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  return atoi (error->message + strlen (prefix));
}

static MamoriChecklist *
parse (const char *yaml,
       const char *name,
       GError    **error)
{
  return mamori_checklist_parse (yaml, strlen (yaml), name, error);
}

static void
test_alias_bomb (void)
{
  g_autofree char *yaml = alias_bomb (30000);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriChecklist) cl = NULL;

  g_assert_cmpuint (strlen (yaml), >, 1200 * 1000);
  cl = parse (yaml, "bomb.yaml", &error);
  g_assert_null (cl);
  g_assert_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "aliases"));
  g_assert_nonnull (strstr (error->message, "4 times"));
  /* It stopped within the first few hundred of its 30,000 lines. */
  g_assert_cmpint (error_line (error, "bomb.yaml"), <, 400);
}

static void
test_billion_laughs (void)
{
  g_autofree char *yaml = billion_laughs ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriChecklist) cl = parse (yaml, "laughs.yaml", &error);

  g_assert_null (cl);
  g_assert_nonnull (strstr (error->message, "4 times"));
  g_assert_cmpint (error_line (error, "laughs.yaml"), <=, 10);
}

static void
test_alias_count (void)
{
  GString *s = g_string_new ("a: &a x\nb: [");
  g_autofree char *yaml = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriChecklist) cl = NULL;

  for (guint i = 0; i < MAMORI_YAML_MAX_ALIASES + 1; i++)
    g_string_append (s, i ? ", *a" : "*a");
  g_string_append (s, "]\n");
  yaml = g_string_free (s, FALSE);
  cl = parse (yaml, "many.yaml", &error);
  g_assert_null (cl);
  g_assert_nonnull (strstr (error->message, "more than 10000 times"));
}

static void
test_deep_nesting (void)
{
  g_autofree char *deep = nested (100000);
  g_autofree char *limit = nested (MAMORI_YAML_MAX_DEPTH - 1);   /* with the root mapping: 64 */
  g_autofree char *over = nested (MAMORI_YAML_MAX_DEPTH);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_limit = NULL;
  g_autoptr(GError) error_over = NULL;
  g_autoptr(MamoriChecklist) cl = parse (deep, "deep.yaml", &error);

  g_assert_null (cl);
  g_assert_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "deep.yaml:1: "));
  g_assert_nonnull (strstr (error->message, "nests deeper than 64 levels"));
  /* 64 levels are read (the file then fails for what it is not); 65 are not. */
  g_assert_null (parse (limit, "limit.yaml", &error_limit));
  g_assert_null (strstr (error_limit->message, "nests deeper"));
  g_assert_null (parse (over, "over.yaml", &error_over));
  g_assert_nonnull (strstr (error_over->message, "nests deeper than 64 levels"));
}

static void
test_too_big (void)
{
  gsize length = MAMORI_YAML_MAX_BYTES + 1;
  g_autofree char *yaml = g_malloc (length + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) template_error = NULL;

  memset (yaml, '#', length);
  yaml[length] = '\0';
  g_assert_null (mamori_checklist_parse (yaml, length, "huge.yaml", &error));
  g_assert_cmpstr (error->message, ==, "huge.yaml: the file is larger than 20 MB; Mamori does not read files that big.");
  g_assert_null (mamori_template_parse ("huge.md", yaml, length, &template_error));
  g_assert_nonnull (strstr (template_error->message, "20 MB"));
}

static void
test_recursive_alias (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) undefined = NULL;

  g_assert_null (parse ("urn: x\na: &a [1, *a]\n", "loop.yaml", &error));
  g_assert_cmpstr (error->message, ==, "loop.yaml:2: the alias “*a” refers to a node that contains it.");
  g_assert_null (parse ("urn: *nothing\n", "undefined.yaml", &undefined));
  g_assert_nonnull (strstr (undefined->message, "undefined.yaml:1: the alias “*nothing”"));
}

/* Anchors and aliases within the limits are read as before. */
static void
test_aliases_still_work (void)
{
  const char *yaml =
    LIBRARY_HEAD
    "    requirement_nodes:\n"
    "      - urn: u1\n        name: One\n"
    "        questions: &q\n"
    "          q1: {type: unique_choice, choices: [{value: &yes \"Yes\", add_score: 1}, {value: \"No\", add_score: 0}]}\n"
    "      - urn: u2\n        name: *yes\n        questions: *q\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriChecklist) cl = parse (yaml, "anchors.yaml", &error);
  const MamoriNode *two;

  g_assert_no_error (error);
  g_assert_cmpuint (cl->items->len, ==, 2);
  two = cl->items->pdata[1];
  g_assert_cmpstr (mamori_text_get (two->name, "en"), ==, "Yes");
  g_assert_cmpint (two->line, ==, 15);
  g_assert_cmpuint (mamori_checklist_choices (cl, two)->len, ==, 2);
  g_assert_cmpint (mamori_checklist_match_choice (cl, two, "No"), ==, 1);
}

static char *
parent_chain (guint n)
{
  GString *s = g_string_new (LIBRARY_HEAD "    requirement_nodes:\n");

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (s, "      - urn: n%u\n        name: N%u\n", i, i);
      if (i > 0)
        g_string_append_printf (s, "        parent_urn: n%u\n", i - 1);
    }
  return g_string_free (s, FALSE);
}

/* Requirement nodes nest at most 64 levels under their parents (walking up the parents of
 * 100,000 nodes in a chain cost 10¹⁰ steps). */
static void
test_parent_chain (void)
{
  g_autofree char *ok = parent_chain (MAMORI_CHECKLIST_MAX_NESTING + 1);
  g_autofree char *deep = parent_chain (MAMORI_CHECKLIST_MAX_NESTING + 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) loop_error = NULL;
  g_autoptr(MamoriChecklist) cl = parse (ok, "chain.yaml", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cl->items->len, ==, MAMORI_CHECKLIST_MAX_NESTING + 1);
  g_assert_null (parse (deep, "chain.yaml", &error));
  g_assert_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_BAD_PARENT);
  g_assert_nonnull (strstr (error->message, "nests deeper than 64 levels under its parents"));
  g_assert_null (parse (LIBRARY_HEAD "    requirement_nodes:\n"
                        "      - {urn: a, name: A, parent_urn: b}\n      - {urn: b, name: B, parent_urn: a}\n",
                        "loop.yaml", &loop_error));
  g_assert_nonnull (strstr (loop_error->message, "form a loop"));
}

/* Keys for nodes without ref_id: 20,000 urns alike in their last 40 parts get their whole urn
 * (the search stops at 16 parts), and one whose whole urn another item took as its ref_id gets
 * “#2”; every key stays unique. */
static void
test_derived_keys (void)
{
  GString *s = g_string_new (LIBRARY_HEAD "    requirement_nodes:\n");
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriChecklist) cl = NULL;
  g_autofree char *yaml = NULL;
  const guint n = 20000;

  g_string_append (s, "      - {urn: other, ref_id: 'n0:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x:x', name: Taken}\n");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (s, "      - {urn: 'n%u", i);
      for (guint k = 0; k < 40; k++)
        g_string_append (s, ":x");
      g_string_append (s, "'}\n");
    }
  yaml = g_string_free (s, FALSE);
  cl = parse (yaml, "keys.yaml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cl->items->len, ==, n + 1);
  for (guint i = 0; i < cl->items->len; i++)
    {
      const MamoriNode *item = cl->items->pdata[i];
      g_assert_false (g_hash_table_contains (keys, item->ref_id));
      g_hash_table_add (keys, item->ref_id);
    }
  g_assert_true (g_str_has_suffix (((MamoriNode *) cl->items->pdata[1])->ref_id, ":x#2"));
  g_assert_cmpstr (((MamoriNode *) cl->items->pdata[2])->ref_id, ==, ((MamoriNode *) cl->items->pdata[2])->urn);
  /* A node without any text shows its key. */
  g_assert_cmpstr (mamori_node_text (cl->items->pdata[2], "en"), ==, ((MamoriNode *) cl->items->pdata[2])->ref_id);
}

/* --- templates ---------------------------------------------------------------------------------- */

/* Found by fuzzing: a front matter without fields: crashed the reader. */
static void
test_template_without_fields (void)
{
  const char *text = "---\nid: t\ntitle: T\n---\nHello\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriTemplate) t = mamori_template_parse ("t.md", text, strlen (text), &error);
  g_autofree char *filled = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (mamori_template_get_fields (t)->len, ==, 0);
  filled = mamori_template_fill (t, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (filled, ==, "Hello\n");
}

static char *
nested_blocks (guint n)
{
  GString *s = g_string_new ("---\nid: t\ntitle: T\nfields:\n  - {key: b, type: bool, default: \"true\"}\n---\n");

  for (guint i = 0; i < n; i++)
    g_string_append (s, "{{#if b}}");
  g_string_append (s, "x");
  for (guint i = 0; i < n; i++)
    g_string_append (s, "{{/if}}");
  g_string_append (s, "\n");
  return g_string_free (s, FALSE);
}

static void
test_template_limits (void)
{
  g_autofree char *ok = nested_blocks (64);
  g_autofree char *deep = nested_blocks (100000);
  g_autofree char *laughs = billion_laughs ();
  g_autofree char *bomb = g_strdup_printf ("---\n%s---\nx\n", laughs);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) deep_error = NULL;
  g_autoptr(GError) bomb_error = NULL;
  g_autoptr(MamoriTemplate) t = mamori_template_parse ("ok.md", ok, strlen (ok), &error);
  g_autofree char *filled = NULL;

  g_assert_no_error (error);
  filled = mamori_template_fill (t, NULL, &error);
  g_assert_cmpstr (filled, ==, "x\n");
  g_assert_null (mamori_template_parse ("deep.md", deep, strlen (deep), &deep_error));
  g_assert_cmpstr (deep_error->message, ==, "deep.md:7: blocks nest deeper than 64 levels");
  g_assert_null (mamori_template_parse ("bomb.md", bomb, strlen (bomb), &bomb_error));
  g_assert_error (bomb_error, MAMORI_TEMPLATE_ERROR, MAMORI_TEMPLATE_ERROR_SYNTAX);
  /* The front matter's line 6 is the file's line 7. */
  g_assert_true (g_str_has_prefix (bomb_error->message, "bomb.md:7: "));
  g_assert_nonnull (strstr (bomb_error->message, "4 times"));
}

/* --- a workspace that already holds a hostile library ---------------------------------------- */

static const char *good_library =
  "urn: urn:x:library:good\nlocale: en\nref_id: good\nversion: 1\nobjects:\n  framework:\n"
  "    urn: urn:x:framework:good\n    ref_id: good\n    name: Good\n    requirement_nodes:\n"
  "      - {urn: g1, ref_id: '1', name: Doors locked}\n";

static void
test_stored_hostile_library (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "hostile", NULL);
  g_autofree char *path = g_build_filename (dir, "hostile.mamori", NULL);
  g_autofree char *bomb = alias_bomb (30000);
  g_autofree char *deep = nested (100000);
  g_autofree char *laughs = billion_laughs ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_new ();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(MamoriAssessment) a = NULL;
  gint64 id;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  /* As if stored by an older Mamori, which stored what it could parse: the store itself does
   * not parse. */
  g_assert_true (mamori_workspace_save_library (ws, "bomb", "urn:x:library:bomb", 1, bomb, &error));
  g_assert_true (mamori_workspace_save_library (ws, "deep", "urn:x:library:deep", 1, deep, &error));
  g_assert_true (mamori_workspace_save_library (ws, "laughs", "urn:x:library:laughs", 1, laughs, &error));
  g_assert_true (mamori_workspace_save_library (ws, "good", "urn:x:library:good", 1, good_library, &error));
  g_assert_no_error (error);
  mamori_workspace_close (ws);
  g_clear_object (&ws);

  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_catalog_load_builtin (catalog, &error));
  /* Each hostile library is left out with a warning that names it and the limit; each parse
   * stopped near the start (the line in the warning), so loading stays fast. */
  g_assert_true (mamori_workspace_load_catalog (ws, catalog, &warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 3);
  g_assert_true (g_str_has_prefix (warnings->pdata[0], "bomb.yaml:"));
  g_assert_nonnull (strstr (warnings->pdata[0], "4 times"));
  g_assert_cmpint (atoi ((char *) warnings->pdata[0] + strlen ("bomb.yaml:")), <, 400);
  g_assert_true (g_str_has_prefix (warnings->pdata[1], "deep.yaml:1: the document nests deeper than 64 levels"));
  g_assert_true (g_str_has_prefix (warnings->pdata[2], "laughs.yaml:"));
  g_assert_null (mamori_catalog_find (catalog, "bomb"));
  g_assert_null (mamori_catalog_find (catalog, "deep"));
  g_assert_nonnull (mamori_catalog_find (catalog, "good"));
  g_assert_nonnull (mamori_catalog_find (catalog, "ipa-self-diagnosis"));

  /* The workspace works. */
  id = mamori_workspace_create_assessment (ws, "good", "", "2026-05-01", "tester", &error);
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_set_answer (ws, id, "1", 0, 2, FALSE, &error));
  a = mamori_workspace_get_assessment (ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->checklist, ==, "good");
  list = mamori_workspace_list_assessments (ws, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  mamori_workspace_close (ws);
}

/* --- CSV: formulas --------------------------------------------------------------------------- */

static void
test_csv_guard (void)
{
  static const struct {
    const char *value;
    const char *written;
  } cases[] = {
    { "=1+1", "'=1+1" },
    { "+81 3-1234-5678", "'+81 3-1234-5678" },
    { "-note", "'-note" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tindented", "'\tindented" },
    { "\rx", "\"'\rx\"" },
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    { "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0" },
    { "-1e5", "'-1e5" },
    /* Plain numbers are numbers, not formulas: numeric columns stay numbers. */
    { "-1", "-1" },
    { "-2.5", "-2.5" },
    { "42", "42" },
    /* A ' before a formula character is taken off on reading, so it is doubled. */
    { "'=x", "''=x" },
    { "''-1", "'''-1" },
    { "'-1", "''-1" },
    { "'abc", "'abc" },
    { "'", "'" },
    { "a=b", "a=b" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      const char *row[] = { cases[i].value, "end" };
      g_autofree char *expected = g_strconcat (cases[i].written, ",end\r\n", NULL);
      MamoriCsvRow *r;

      mamori_csv_append_row (out, row, G_N_ELEMENTS (row));
      g_assert_cmpstr (out->str, ==, expected);
      rows = mamori_csv_parse (out->str, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      r = rows->pdata[0];
      g_assert_cmpstr (mamori_csv_cell_text (r->fields->pdata[0]), ==, cases[i].value);
    }
}

static const char *hostile_values[] = {
  "=HYPERLINK(\"http://x\",\"y\")",  /* name */
  "@SUM(A1)",                        /* medium */
  "-note, with a comma",             /* remarks */
  "+81 3-1234-5678",                 /* user scope */
  "\tstarts with a tab",             /* managing department */
  "'=already quoted",                /* retention */
};

static void
test_assets_round_trip (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "assets", NULL);
  g_autofree char *path = g_build_filename (dir, "ws.mamori", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "ledger.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GPtrArray) assets = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  MamoriAsset *a = mamori_asset_new (), *b;
  MamoriCsvRow *raw;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_free (a->name);
  a->name = g_strdup (hostile_values[0]);
  g_free (a->medium);
  a->medium = g_strdup (hostile_values[1]);
  g_free (a->remarks);
  a->remarks = g_strdup (hostile_values[2]);
  g_free (a->user_scope);
  a->user_scope = g_strdup (hostile_values[3]);
  g_free (a->managing_department);
  a->managing_department = g_strdup (hostile_values[4]);
  g_free (a->retention);
  a->retention = g_strdup (hostile_values[5]);
  g_free (a->business_category);
  a->business_category = g_strdup ("-1");   /* a number as text stays as it is */
  g_ptr_array_add (assets, a);

  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  g_assert_true (mamori_table_export_assets (ws, csv_path, &error));
  g_assert_no_error (error);

  /* The written cells start with ' … */
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  text = mamori_csv_decode (contents, strlen (contents), NULL, &error);
  rows = mamori_csv_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  raw = rows->pdata[1];
  g_assert_cmpstr (raw->fields->pdata[MAMORI_ASSET_FIELD_NAME], ==, "'=HYPERLINK(\"http://x\",\"y\")");
  g_assert_cmpstr (raw->fields->pdata[MAMORI_ASSET_FIELD_MEDIUM], ==, "'@SUM(A1)");
  g_assert_cmpstr (raw->fields->pdata[MAMORI_ASSET_FIELD_REMARKS], ==, "'-note, with a comma");
  g_assert_cmpstr (raw->fields->pdata[MAMORI_ASSET_FIELD_USER_SCOPE], ==, "'+81 3-1234-5678");
  g_assert_cmpstr (raw->fields->pdata[MAMORI_ASSET_FIELD_MANAGING_DEPARTMENT], ==, "'\tstarts with a tab");
  g_assert_cmpstr (raw->fields->pdata[MAMORI_ASSET_FIELD_RETENTION], ==, "''=already quoted");
  g_assert_cmpstr (raw->fields->pdata[MAMORI_ASSET_FIELD_BUSINESS_CATEGORY], ==, "-1");
  for (guint c = 0; c < raw->fields->len; c++)
    {
      const char *cell = raw->fields->pdata[c];
      g_assert_false (cell[0] == '=' || cell[0] == '+' || cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r' ||
                      (cell[0] == '-' && !g_str_equal (cell, "-1")));
    }

  /* … and come back exactly. */
  g_assert_true (mamori_asset_csv_read (text, &back, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (back->len, ==, 1);
  b = back->pdata[0];
  g_assert_cmpstr (b->name, ==, hostile_values[0]);
  g_assert_cmpstr (b->medium, ==, hostile_values[1]);
  g_assert_cmpstr (b->remarks, ==, hostile_values[2]);
  g_assert_cmpstr (b->user_scope, ==, hostile_values[3]);
  g_assert_cmpstr (b->managing_department, ==, hostile_values[4]);
  g_assert_cmpstr (b->retention, ==, hostile_values[5]);
  g_assert_cmpstr (b->business_category, ==, "-1");
  mamori_workspace_close (ws);
}

static void
test_assessment_round_trip (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "assessment", NULL);
  g_autofree char *path = g_build_filename (dir, "ws.mamori", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(MamoriAnswerSheet) sheet = NULL;
  g_autofree char *csv = NULL;
  const MamoriChecklist *cl;
  gint64 id;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (mamori_catalog_load_builtin (catalog, &error));
  cl = mamori_catalog_find (catalog, "ipa-self-diagnosis");
  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  id = mamori_workspace_create_assessment (ws, cl->id, "", "2026-05-01", "tester", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cl->items->len; i++)
    {
      MamoriNode *item = cl->items->pdata[i];
      int choice = i % 4;   /* わからない (−1) is the fourth */
      MamoriChoice *c = mamori_checklist_choices (cl, item)->pdata[choice];
      g_assert_true (mamori_workspace_set_answer (ws, id, item->ref_id, choice, c->score, c->not_applicable, &error));
      if (i < G_N_ELEMENTS (hostile_values))
        g_assert_true (mamori_workspace_set_note (ws, id, item->ref_id, hostile_values[i], &error));
    }
  g_assert_true (mamori_workspace_set_measure (ws, id, "1", "=cmd|' /C calc'!A0", "@owner", NULL, &error));
  g_assert_no_error (error);

  csv = mamori_table_export_assessment_csv (ws, cl, id, "en", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, ",'=cmd|' /C calc'!A0,'@owner,"));
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
  g_assert_nonnull (strstr (csv, ",'@SUM(A1),"));
  g_assert_nonnull (strstr (csv, ",'\tstarts with a tab,"));
  /* The score of わからない stays the number −1. */
  g_assert_nonnull (strstr (csv, "\r\n4,"));
  g_assert_nonnull (strstr (csv, ",Don't know,-1,"));

  /* Read back as answers: the same choices and notes, exactly. */
  sheet = mamori_checklist_read_answers (cl, csv + 3 /* BOM */, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (sheet);
  for (guint i = 0; i < cl->items->len; i++)
    {
      g_assert_cmpint (sheet->choices[i], ==, (int) (i % 4));
      g_assert_cmpstr (sheet->notes[i], ==, i < G_N_ELEMENTS (hostile_values) ? hostile_values[i] : "");
    }
  mamori_workspace_close (ws);
}

static void
test_csv_field_limit (void)
{
  GString *s = g_string_new ("name");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < MAMORI_CSV_MAX_FIELDS; i++)
    g_string_append_c (s, ',');
  g_string_append_c (s, '\n');
  rows = mamori_csv_parse (s->str, &error);
  g_assert_null (rows);
  g_assert_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "more than 1000 fields"));
  g_string_free (s, TRUE);
}

/* --- messages ---------------------------------------------------------------------------------- */

static const MamoriChecklist *
self_diagnosis (MamoriCatalog *catalog)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mamori_catalog_load_builtin (catalog, &error));
  return mamori_catalog_find (catalog, "ipa-self-diagnosis");
}

static void
test_long_cell (void)
{
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_new ();
  const MamoriChecklist *cl = self_diagnosis (catalog);
  g_autofree char *big = g_strnfill (1000 * 1000, 'x');
  g_autofree char *assets_csv = g_strdup_printf ("name,confidentiality\nA,%s\n", big);
  g_autofree char *answers_csv = g_strdup_printf ("ref_id,answer\n1,%s\n%s,Done\n", big, big);
  g_autofree char *shown = g_strnfill (MAMORI_TEXT_EXCERPT_CHARS, 'x');
  g_autofree char *expected = g_strdup_printf ("line 2, column confidentiality, value “%s…”: the text is too long or not UTF-8",
                                               shown);
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) answer_problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mamori_asset_csv_read (assets_csv, &assets, &problems, &error));
  g_assert_null (assets);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (problems->pdata[0], ==, expected);

  /* The same for the libraries' messages. */
  {
    g_autofree char *yaml = g_strdup_printf ("urn: x\nlocale: en\nref_id: r\nversion: %s\nobjects: {framework: {urn: f}}\n", big);
    g_autoptr(MamoriChecklist) library = parse (yaml, "long.yaml", &error);
    g_autofree char *version = g_strdup_printf ("long.yaml:4: “version” must be a whole number above 0, not “%s…”.", shown);
    g_assert_null (library);
    g_assert_cmpstr (error->message, ==, version);
    g_clear_error (&error);
  }

  g_assert_null (mamori_checklist_read_answers (cl, answers_csv, &answer_problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (answer_problems->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *value = g_strdup_printf ("value “%s…”", shown);
      g_assert_nonnull (strstr (answer_problems->pdata[i], value));
      g_assert_cmpuint (strlen (answer_problems->pdata[i]), <, 400);
    }
}

static void
test_duplicate_heading (void)
{
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_new ();
  const MamoriChecklist *cl = self_diagnosis (catalog);
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) assets2 = NULL;
  g_autoptr(GPtrArray) problems2 = NULL;
  g_autoptr(GPtrArray) answer_problems = NULL;
  g_autoptr(GError) error = NULL;

  /* The same field in two languages, and the same heading twice. */
  g_assert_true (mamori_asset_csv_read ("name,medium,情報資産名称\nA,書類,B\n", &assets, &problems, NULL));
  g_assert_null (assets);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (problems->pdata[0], ==, "line 1: column 3 “情報資産名称” repeats column 1 “name”; keep one of them");
  g_assert_true (mamori_asset_csv_read ("name,risk,medium,risk\nA,1,書類,2\n", &assets2, &problems2, NULL));
  g_assert_cmpuint (problems2->len, ==, 1);
  g_assert_cmpstr (problems2->pdata[0], ==, "line 1: column 4 “risk” repeats column 2 “risk”; keep one of them");

  g_assert_null (mamori_checklist_read_answers (cl, "ref_id,answer,note,Answer\n1,Done,,Not done\n", &answer_problems, &error));
  g_assert_null (answer_problems);
  g_assert_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "line 1: column 4 “Answer” repeats column 2 “answer”; keep one of them");
}

static void
test_short_row (void)
{
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_new ();
  const MamoriChecklist *cl = self_diagnosis (catalog);
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) answer_problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mamori_asset_csv_read ("name,medium,remarks\nA,書類,x\nB,書類\n", &assets, &problems, NULL));
  g_assert_null (assets);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (problems->pdata[0], ==, "line 3: 2 fields, but the header names 3 columns");
  g_assert_null (mamori_checklist_read_answers (cl, "ref_id,answer,note\n1,Done,ok\n2,Done\n", &answer_problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (answer_problems->len, ==, 1);
  g_assert_cmpstr (answer_problems->pdata[0], ==, "line 3: 2 fields, but the header names 3 columns");
}

static void
test_excerpt (void)
{
  g_autofree char *eighty = g_strnfill (80, 'a');
  g_autofree char *long_ja = NULL;
  g_autofree char *e1 = mamori_text_excerpt (eighty);
  g_autofree char *e2 = NULL;
  g_autofree char *e3 = mamori_text_excerpt ("a\nb\tc\\d\x1b[2J\xff");
  GString *ja = g_string_new (NULL);

  for (int i = 0; i < 100; i++)
    g_string_append (ja, "漢");
  long_ja = g_string_free (ja, FALSE);
  e2 = mamori_text_excerpt (long_ja);
  g_assert_cmpstr (e1, ==, eighty);
  g_assert_true (g_utf8_validate (e2, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (e2, -1), ==, 81);
  g_assert_true (g_str_has_suffix (e2, "漢…"));
  g_assert_cmpstr (e3, ==, "a\\nb\\tc\\d\\x1B[2J\\xFF");
}

/* --- tab-separated output ---------------------------------------------------------------------- */

static void
test_tsv_escape (void)
{
  g_autofree char *e = mamori_tsv_escape ("a\tb\nc\\d\x1b[31m\r\x7f 日本語 \xc2\x85 \xe2\x80\xa8 \xff");
  const char *fields[] = { "x", NULL, "y\tz" };
  g_autofree char *row = mamori_tsv_row (fields, G_N_ELEMENTS (fields));

  g_assert_cmpstr (e, ==, "a\\tb\\nc\\\\d\\x1B[31m\\r\\x7F 日本語 \\u0085 \\u2028 \\xFF");
  g_assert_cmpstr (row, ==, "x\t\ty\\tz\n");
}

static const char *mamori_bin;

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static Run
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  Run r = { 0 };
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) mamori_bin);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
  g_assert_true (g_spawn_sync (g_get_user_data_dir (), (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *c = text; *c; c++)
    n += *c == '\n';
  return n;
}

/* A subject or a name with a line break and tabs cannot forge a row of `assessments`, `log`,
 * `checklists` or the import's own output. */
static void
test_cli_forged_rows (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "cli", NULL);
  g_autofree char *ws = g_build_filename (dir, "forged.mamori", NULL);
  g_autofree char *answers = g_build_filename (dir, "answers.csv", NULL);
  g_autofree char *library = g_build_filename (dir, "library.yaml", NULL);
  const char *subject = "x\n2026-01-01\tceo\tchanged everything";
  const char *yaml =
    "urn: urn:x:library:evil\nlocale: en\nref_id: \"evil\\tid\"\nversion: 1\nobjects:\n  framework:\n"
    "    urn: urn:x:framework:evil\n    name: \"Evil\\nipa-fake\\t99\\tFake\"\n    requirement_nodes:\n"
    "      - {urn: e1, ref_id: '1', name: One}\n";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (answers, "ref_id,answer\n1,Done\n", -1, NULL));
  g_assert_true (g_file_set_contents (library, yaml, -1, NULL));
  {
    g_auto(Run) imported = run ("--workspace", ws, "import", "answers", answers, "--checklist", "ipa-self-diagnosis",
                                "--subject", subject, NULL);
    g_auto(Run) list = run ("--workspace", ws, "assessments", NULL);
    g_auto(Run) log = run ("--workspace", ws, "log", "0", NULL);
    g_auto(Run) lib = run ("--workspace", ws, "import", "library", library, NULL);
    g_auto(Run) checklists = run ("--workspace", ws, "checklists", NULL);
    g_auto(GStrv) log_lines = NULL;

    g_assert_cmpint (imported.status, ==, 0);
    g_assert_cmpstr (imported.out, ==, "1\t4\n");
    g_assert_cmpint (list.status, ==, 0);
    g_assert_true (g_str_has_prefix (list.out, "1\tipa-self-diagnosis\tx\\n2026-01-01\\tceo\\tchanged everything\t"));
    g_assert_true (g_str_has_suffix (list.out, "\t4\n"));
    g_assert_cmpuint (count_lines (list.out), ==, 1);
    /* Every log line has its five fields. */
    g_assert_cmpint (log.status, ==, 0);
    log_lines = g_strsplit (log.out, "\n", -1);
    for (guint i = 0; log_lines[i] != NULL && *log_lines[i] != '\0'; i++)
      {
        g_auto(GStrv) fields = g_strsplit (log_lines[i], "\t", -1);
        g_assert_cmpuint (g_strv_length (fields), ==, 5);
      }
    g_assert_nonnull (strstr (log.out, "x\\n2026-01-01\\tceo\\tchanged everything"));
    g_assert_cmpint (lib.status, ==, 0);
    g_assert_cmpstr (lib.out, ==, "evil\\tid\t1\n");
    g_assert_nonnull (strstr (checklists.out, "evil\\tid\t1\tEvil\\nipa-fake\\t99\\tFake\n"));
    g_assert_cmpuint (count_lines (checklists.out), ==, 8);  /* the 7 built-ins and the imported one */
  }
}

/* `import library` refuses a hostile file quickly and stores nothing. */
static void
test_cli_hostile_library (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "cli", NULL);
  g_autofree char *ws = g_build_filename (dir, "library.mamori", NULL);
  g_autofree char *bomb_path = g_build_filename (dir, "bomb.yaml", NULL);
  g_autofree char *deep_path = g_build_filename (dir, "deep.yaml", NULL);
  g_autofree char *bomb = alias_bomb (30000);
  g_autofree char *deep = nested (100000);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (bomb_path, bomb, -1, NULL));
  g_assert_true (g_file_set_contents (deep_path, deep, -1, NULL));
  {
    g_auto(Run) first = run ("--workspace", ws, "import", "library", bomb_path, NULL);
    g_auto(Run) second = run ("--workspace", ws, "import", "library", deep_path, NULL);
    g_auto(Run) checklists = run ("--workspace", ws, "checklists", NULL);
    g_auto(Run) log = run ("--workspace", ws, "log", "0", NULL);

    g_assert_cmpint (first.status, ==, 2);
    g_assert_cmpstr (first.out, ==, "");
    g_assert_nonnull (strstr (first.err, "bomb.yaml:"));
    g_assert_nonnull (strstr (first.err, "4 times"));
    g_assert_cmpint (second.status, ==, 2);
    g_assert_nonnull (strstr (second.err, "deep.yaml:1: the document nests deeper than 64 levels"));
    g_assert_cmpint (checklists.status, ==, 0);
    g_assert_cmpuint (count_lines (checklists.out), ==, 7);   /* the built-ins only */
    g_assert_cmpstr (checklists.err, ==, "");                 /* nothing stored to warn about */
    g_assert_null (strstr (log.out, "library"));
  }
  {
    /* A file over the limit is refused before it is read (a sparse 21 MB file: reading it
     * whole is what the check avoids). */
    g_autofree char *huge = g_build_filename (dir, "huge.yaml", NULL);
    int fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (ftruncate (fd, 21 * 1000 * 1000), ==, 0);
    close (fd);
    {
      g_auto(Run) r = run ("--workspace", ws, "import", "library", huge, NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, "huge.yaml"));
      g_assert_nonnull (strstr (r.err, "20 MB"));
    }
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  mamori_bin = g_getenv ("MAMORI_BIN");

  g_test_add_func ("/hostile/yaml/alias-bomb", test_alias_bomb);
  g_test_add_func ("/hostile/yaml/billion-laughs", test_billion_laughs);
  g_test_add_func ("/hostile/yaml/alias-count", test_alias_count);
  g_test_add_func ("/hostile/yaml/deep-nesting", test_deep_nesting);
  g_test_add_func ("/hostile/yaml/too-big", test_too_big);
  g_test_add_func ("/hostile/yaml/recursive-alias", test_recursive_alias);
  g_test_add_func ("/hostile/yaml/aliases-still-work", test_aliases_still_work);
  g_test_add_func ("/hostile/checklist/parent-chain", test_parent_chain);
  g_test_add_func ("/hostile/checklist/derived-keys", test_derived_keys);
  g_test_add_func ("/hostile/template/without-fields", test_template_without_fields);
  g_test_add_func ("/hostile/template/limits", test_template_limits);
  g_test_add_func ("/hostile/workspace/stored-hostile-library", test_stored_hostile_library);
  g_test_add_func ("/hostile/csv/formula-guard", test_csv_guard);
  g_test_add_func ("/hostile/csv/assets-round-trip", test_assets_round_trip);
  g_test_add_func ("/hostile/csv/assessment-round-trip", test_assessment_round_trip);
  g_test_add_func ("/hostile/csv/field-limit", test_csv_field_limit);
  g_test_add_func ("/hostile/messages/long-cell", test_long_cell);
  g_test_add_func ("/hostile/messages/duplicate-heading", test_duplicate_heading);
  g_test_add_func ("/hostile/messages/short-row", test_short_row);
  g_test_add_func ("/hostile/messages/excerpt", test_excerpt);
  g_test_add_func ("/hostile/tsv/escape", test_tsv_escape);
  if (mamori_bin != NULL)
    {
      g_test_add_func ("/hostile/cli/forged-rows", test_cli_forged_rows);
      g_test_add_func ("/hostile/cli/hostile-library", test_cli_hostile_library);
    }
  return g_test_run ();
}
