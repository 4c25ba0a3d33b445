/* test-template.c — templates: front matter, placeholders, blocks, errors with lines */
#include "config.h"

#include <locale.h>
#include <gio/gio.h>
#include <string.h>

#include "core/mamori-template.h"

static MamoriTemplate *
builtin (const char *name)
{
  g_autofree char *path = g_strdup_printf ("/io/github/mamori/Mamori/templates/%s", name);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_autoptr(GError) error = NULL;
  MamoriTemplate *t;

  g_assert_nonnull (bytes);
  t = mamori_template_parse (name, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return t;
}

static void
test_builtin_policy (void)
{
  const char *names[] = { "basic-policy.ja.md", "basic-policy.en.md" };
  const char *others[] = { "related-rules.ja.md", "related-rules.en.md", "handbook.ja.md", "handbook.en.md" };

  /* Every built-in template parses and fills with its defaults alone. */
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(MamoriTemplate) t = builtin (others[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *md = mamori_template_fill (t, NULL, &error);
      g_assert_no_error (error);
      g_assert_null (strstr (md, "{{"));
      g_assert_nonnull (strstr (mamori_template_get_source (t), "IPA"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(MamoriTemplate) t = builtin (names[i]);
      g_autoptr(MamoriTemplateValues) v = mamori_template_values_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *md = NULL, *md2 = NULL;
      gboolean ja = i == 0;

      g_assert_cmpstr (mamori_template_get_id (t), ==, "basic-policy");
      g_assert_cmpstr (mamori_template_get_kind (t), ==, "policy");
      g_assert_cmpstr (mamori_template_get_lang (t), ==, ja ? "ja" : "en");
      g_assert_nonnull (strstr (mamori_template_get_source (t), "IPA"));
      g_assert_cmpuint (mamori_template_get_fields (t)->len, ==, 6);

      /* Defaults alone fill every placeholder. */
      md = mamori_template_fill (t, NULL, &error);
      g_assert_no_error (error);
      g_assert_null (strstr (md, "{{"));
      g_assert_nonnull (strstr (md, ja ? "個人情報の保護に関する法律、不正競争防止法" : "Personal Information, the Unfair"));
      g_assert_null (strstr (md, ja ? "制定" : "Adopted on"));   /* no date given: the line is left out */

      mamori_template_values_set (v, "organisation", "守り工業株式会社");
      mamori_template_values_set (v, "established_on", "2026-04-01");
      mamori_template_values_set (v, "laws", "my_number");
      mamori_template_values_set (v, "customer_data", "false");
      md2 = mamori_template_fill (t, v, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (md2, "守り工業株式会社"));
      g_assert_nonnull (strstr (md2, "2026-04-01"));
      g_assert_nonnull (strstr (md2, ja ? "マイナンバー法" : "My Number Act"));
      g_assert_null (strstr (md2, ja ? "不正競争防止法" : "Unfair Competition"));
      g_assert_null (strstr (md2, ja ? "お客様からお預かりした" : "entrusted by customers at least"));
      /* A block tag alone on its line leaves no blank line: the list stays tight. */
      g_assert_nonnull (strstr (md, ja ? "確実に行います。\n- お客様" : "and backups.\n- It handles"));
    }
}

static const char *table_template =
  "---\n"
  "id: t\n"
  "title: Test\n"
  "fields:\n"
  "  - key: backup\n"
  "    type: table\n"
  "    columns: [device, target, method, medium, frequency]\n"
  "    default:\n"
  "      - [○○サーバー, ユーザーファイル, Windows バックアップ, 外付けHDD, 毎週]\n"
  "  - key: kind\n"
  "    type: choice\n"
  "    options: [a, b]\n"
  "    default: a\n"
  "---\n"
  "| 機器名 | 対象 | 方法 | 保管媒体 | 頻度 |\n"
  "|---|---|---|---|---|\n"
  "{{#each backup}}\n"
  "| {{device}} | {{target}} | {{method}} | {{medium}} | {{frequency}} |\n"
  "{{/each}}\n"
  "{{#if kind=b}}B!{{/if}}{{#unless kind=b}}not B{{/unless}}\n";

static void
test_rules_chapters (void)
{
  g_autoptr(MamoriTemplate) t = builtin ("related-rules.ja.md");
  g_autoptr(MamoriTemplateValues) v = mamori_template_values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL, *two = NULL;
  const MamoriTemplateField *chapters = mamori_template_find_field (t, "chapters");

  /* The eleven chapters of table 7, each selectable. */
  g_assert_cmpstr (mamori_template_get_numbering (t), ==, "articles");
  g_assert_cmpuint (chapters->options->len, ==, 11);
  mamori_template_values_set (v, "chapters", "organisational,human,assets,access,physical,it_use,infrastructure,"
                                             "development,outsourcing,incidents,my_number");
  all = mamori_template_fill (t, v, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < chapters->options->len; i++)
    {
      g_autofree char *heading = g_strdup_printf ("\n# %s\n", ((MamoriFieldOption *) chapters->options->pdata[i])->label_ja);
      if (strstr (all, heading) == NULL)
        g_error ("chapter “%s” missing", heading);
    }
  mamori_template_values_set (v, "chapters", "human,my_number");
  two = mamori_template_fill (t, v, &error);
  g_assert_nonnull (strstr (two, "# 人的対策"));
  g_assert_nonnull (strstr (two, "# 個人番号及び特定個人情報の取り扱い"));
  g_assert_null (strstr (two, "# 組織的対策"));
  g_assert_null (strstr (two, "# 委託管理"));
}

static void
test_table_and_choice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriTemplate) t = mamori_template_parse ("t.md", table_template, strlen (table_template), &error);
  g_autoptr(MamoriTemplateValues) v = mamori_template_values_new ();
  g_autofree char *md = NULL, *md2 = NULL;
  const char *row1[] = { "営業部 ファイルサーバー", "売買契約書ファイル", "増分バックアップ", "外付けHDD", "毎週", NULL };
  const char *row2[] = { "経理PC", "会計|データ", "クラウド同期", "クラウド", "毎日", NULL };

  g_assert_no_error (error);
  md = mamori_template_fill (t, NULL, &error);
  g_assert_cmpstr (md, ==,
                   "| 機器名 | 対象 | 方法 | 保管媒体 | 頻度 |\n"
                   "|---|---|---|---|---|\n"
                   "| ○○サーバー | ユーザーファイル | Windows バックアップ | 外付けHDD | 毎週 |\n"
                   "not B\n");
  mamori_template_values_add_row (v, "backup", row1);
  mamori_template_values_add_row (v, "backup", row2);
  mamori_template_values_set (v, "kind", "b");
  md2 = mamori_template_fill (t, v, &error);
  g_assert_no_error (error);
  /* Two rows; the | inside a value is escaped so the table keeps its shape. */
  g_assert_nonnull (strstr (md2, "| 営業部 ファイルサーバー | 売買契約書ファイル |"));
  g_assert_nonnull (strstr (md2, "| 経理PC | 会計\\|データ |"));
  g_assert_null (strstr (md2, "○○サーバー"));
  g_assert_true (g_str_has_suffix (md2, "B!\n"));

  /* A value that is not an option, or not a date, is refused with the field named. */
  mamori_template_values_set (v, "kind", "c");
  g_assert_null (mamori_template_fill (t, v, &error));
  g_assert_error (error, MAMORI_TEMPLATE_ERROR, MAMORI_TEMPLATE_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "kind"));
}

static void
expect_error (const char *text,
              int         code,
              const char *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriTemplate) t = mamori_template_parse ("bad.md", text, strlen (text), &error);

  g_assert_null (t);
  g_assert_error (error, MAMORI_TEMPLATE_ERROR, code);
  if (!g_str_has_prefix (error->message, where))
    g_error ("expected “%s…”, got “%s”", where, error->message);
}

#define HEAD "---\nid: x\ntitle: X\nfields:\n  - key: name\n  - key: when\n    type: date\n---\n"

static void
test_errors (void)
{
  /* Body lines: the front matter has 8 lines, so the body starts at line 9. */
  expect_error (HEAD "Hello\n{{#if name}}\nstill open\n", MAMORI_TEMPLATE_ERROR_SYNTAX, "bad.md:10:");
  expect_error (HEAD "a\nb\n{{nmae}}\n", MAMORI_TEMPLATE_ERROR_UNKNOWN_FIELD, "bad.md:11:");
  expect_error (HEAD "{{/if}}\n", MAMORI_TEMPLATE_ERROR_SYNTAX, "bad.md:9:");
  expect_error (HEAD "{{#if name}}{{/each}}\n", MAMORI_TEMPLATE_ERROR_SYNTAX, "bad.md:9:");
  expect_error (HEAD "text {{name\n}}\n", MAMORI_TEMPLATE_ERROR_SYNTAX, "bad.md:9:");
  expect_error (HEAD "{{#each name}}x{{/each}}\n", MAMORI_TEMPLATE_ERROR_SYNTAX, "bad.md:9:");
  /* Front matter: YAML errors and missing parts. */
  expect_error ("---\nid: x\ntitle: [unclosed\n---\nbody\n", MAMORI_TEMPLATE_ERROR_SYNTAX, "bad.md:");
  expect_error ("no front matter\n", MAMORI_TEMPLATE_ERROR_SYNTAX, "bad.md:1:");
  expect_error ("---\nid: x\ntitle: X\n", MAMORI_TEMPLATE_ERROR_SYNTAX, "bad.md:1:");
  expect_error ("---\nid: x\ntitle: X\nfields:\n  - key: a\n    type: colour\n---\n", MAMORI_TEMPLATE_ERROR_SYNTAX, "bad.md:5:");
  expect_error ("---\nid: x\ntitle: X\nfields:\n  - key: a\n  - key: a\n---\n", MAMORI_TEMPLATE_ERROR_SYNTAX, "bad.md:6:");
  expect_error ("---\ntitle: X\n---\n", MAMORI_TEMPLATE_ERROR_SYNTAX, "bad.md:");
  expect_error ("---\nid: x\ntitle: X\nfields:\n  - key: t\n    type: table\n    columns: [a, b]\n    default:\n      - [1, 2, 3]\n---\n",
                MAMORI_TEMPLATE_ERROR_SYNTAX, "bad.md:9:");
  /* A bad date value. */
  {
    g_autoptr(GError) error = NULL;
    const char *text = HEAD "{{name}}{{when}}\n";
    g_autoptr(MamoriTemplate) t = mamori_template_parse ("ok.md", text, strlen (text), &error);
    g_autoptr(MamoriTemplateValues) v = mamori_template_values_new ();
    g_autofree char *md = NULL;
    mamori_template_values_set (v, "when", "2026-02-30");
    g_assert_null (mamori_template_fill (t, v, &error));
    g_assert_error (error, MAMORI_TEMPLATE_ERROR, MAMORI_TEMPLATE_ERROR_VALUE);
    g_clear_error (&error);
    /* Markdown in a value is escaped. */
    mamori_template_values_set (v, "when", "");
    mamori_template_values_set (v, "name", "*bold* # not a heading");
    md = mamori_template_fill (t, v, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (md, ==, "\\*bold\\* \\# not a heading\n");
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/template/builtin-policy", test_builtin_policy);
  g_test_add_func ("/template/table-and-choice", test_table_and_choice);
  g_test_add_func ("/template/rules-chapters", test_rules_chapters);
  g_test_add_func ("/template/errors", test_errors);
  return g_test_run ();
}
