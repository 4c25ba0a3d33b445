/* bench/documents.c — a generated 100-page handbook to PDF through the layout engine: time and
 * size (targets ≤ 0.5 s, ≤ 400 KB); with LibreOffice installed, the same content as HTML
 * converted by `libreoffice --headless --convert-to pdf`, and the ratio. Medians of 5 runs. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "report/mamori-document.h"

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* About 100 pages: 66 chapters of paragraphs, lists and a table, like a long handbook. */
static char *
handbook (GString *html)
{
  GString *md = g_string_new (NULL);

  g_string_append (html, "<html><head><meta charset='utf-8'></head><body>");
  for (int c = 1; c <= 66; c++)
    {
      g_string_append_printf (md, "# 第%d章 情報の取り扱い\n\n", c);
      g_string_append_printf (html, "<h1>%d. 第%d章 情報の取り扱い</h1>", c, c);
      for (int s = 1; s <= 3; s++)
        {
          g_string_append_printf (md, "## 規則 %d.%d\n\n", c, s);
          g_string_append_printf (html, "<h2>%d.%d 規則 %d.%d</h2>", c, s, c, s);
          for (int p = 0; p < 3; p++)
            {
              const char *para = "従業員は、業務で扱う情報の重要度を確かめ、決められた場所に保存します。社外に持ち出すときは、"
                                 "上長の許可を得て、暗号化した媒体を使い、紛失や盗難に注意します。不要になった情報は、"
                                 "復元できない方法で廃棄します。判断に迷うときは、情報セキュリティ責任者に相談します。";
              g_string_append_printf (md, "%s\n\n", para);
              g_string_append_printf (html, "<p>%s</p>", para);
            }
          g_string_append (md, "- パスワードを使い回さない\n- 画面をロックする\n- 不審なメールを開かない\n\n");
          g_string_append (html, "<ul><li>パスワードを使い回さない</li><li>画面をロックする</li><li>不審なメールを開かない</li></ul>");
        }
      g_string_append (md, "| 機器名 | 対象 | 方法 | 保管媒体 | 頻度 |\n|---|---|---|---|---|\n");
      g_string_append (html, "<table border='1'><tr><th>機器名</th><th>対象</th><th>方法</th><th>保管媒体</th><th>頻度</th></tr>");
      for (int r = 0; r < 6; r++)
        {
          g_string_append (md, "| ファイルサーバー | 売買契約書ファイル | 増分バックアップ | 外付けHDD | 毎週 |\n");
          g_string_append (html, "<tr><td>ファイルサーバー</td><td>売買契約書ファイル</td><td>増分バックアップ</td><td>外付けHDD</td><td>毎週</td></tr>");
        }
      g_string_append (md, "\n");
      g_string_append (html, "</table>");
    }
  g_string_append (html, "</body></html>");
  return g_string_free (md, FALSE);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *md = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mamori-bench-doc-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handbook.pdf", NULL);
  g_autofree char *html_path = g_build_filename (dir, "handbook.html", NULL);
  g_autofree char *lo = g_find_program_in_path ("libreoffice");
  MamoriDocumentMeta meta = { 0 };
  double times[5], lo_ms = -1;
  guint pages = 0;
  GStatBuf st;

  setlocale (LC_ALL, "");
  md = handbook (html);
  meta.organisation = "株式会社サンプル製作所";
  meta.title = "情報セキュリティハンドブック";
  meta.version = "1.0";
  meta.date = "2026-04-01";
  meta.classification = "社外秘";
  meta.lang = "ja";
  meta.numbering = "sections";
  meta.table_of_contents = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(MamoriLayout) layout = mamori_layout_new (md, &meta, &error);
      if (layout == NULL || !mamori_layout_write_pdf (layout, pdf, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
      pages = mamori_layout_get_n_pages (layout);
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), compare);
  g_stat (pdf, &st);
  if (lo != NULL)
    {
      g_autofree char *lo_dir = g_build_filename (dir, "libreoffice", NULL);
      g_autofree char *cmd = g_strdup_printf ("'%s' --headless --convert-to pdf --outdir '%s' '%s'", lo, lo_dir, html_path);
      g_autofree char *out = NULL, *err = NULL;
      int status;
      gint64 t0;
      g_file_set_contents (html_path, html->str, -1, NULL);
      t0 = g_get_monotonic_time ();
      if (g_spawn_command_line_sync (cmd, &out, &err, &status, NULL) && g_spawn_check_wait_status (status, NULL))
        lo_ms = (g_get_monotonic_time () - t0) / 1000.0;
    }
  printf ("documents: a %u-page handbook (Japanese, contents, 66 tables)\n", pages);
  printf ("  layout + PDF (median of 5)   : %7.1f ms (target <= 500 ms)\n", times[G_N_ELEMENTS (times) / 2]);
  printf ("  PDF size                     : %7.1f KB (target <= 400 KB)\n", st.st_size / 1024.0);
  if (lo_ms > 0)
    printf ("  libreoffice --convert-to pdf : %7.1f ms (ratio %.1f)\n", lo_ms, lo_ms / times[G_N_ELEMENTS (times) / 2]);
  else
    printf ("  libreoffice                  : not installed, no comparison\n");
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return 0;
}
