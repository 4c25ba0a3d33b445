/* test-document.c — the layout engine, checked on the PDF it writes (read back with Poppler) */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "core/mamori-date.h"
#include "core/mamori-template.h"
#include "report/mamori-document.h"
#include "report/mamori-document-private.h"

static char *
tmp_pdf (const char *name)
{
  static char *dir = NULL;
  if (dir == NULL)
    dir = g_dir_make_tmp ("mamori-doc-XXXXXX", NULL);
  return g_build_filename (dir, name, NULL);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static char *
page_text (PopplerDocument *doc,
           int              page)
{
  PopplerPage *p = poppler_document_get_page (doc, page);
  char *text = poppler_page_get_text (p);
  g_object_unref (p);
  return text;
}

/* Text without any white space, to compare what was written with what a reader extracts. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  for (const char *c = text; *c; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      if (!g_unichar_isspace (u) && u != 0x3000)
        g_string_append_unichar (out, u);
    }
  return g_string_free (out, FALSE);
}

static MamoriDocumentMeta
meta_for (const char *numbering)
{
  MamoriDocumentMeta meta = { 0 };
  meta.organisation = "株式会社サンプル製作所";
  meta.title = "テスト文書";
  meta.version = "1.0";
  meta.date = "2026-04-01";
  meta.classification = "社外秘";
  meta.approved_by = "山田 太郎";
  meta.lang = "ja";
  meta.numbering = numbering;
  meta.table_of_contents = TRUE;
  return meta;
}

/* A long document: 12 chapters of paragraphs, a list and a 70-row table. */
static char *
long_markdown (void)
{
  GString *md = g_string_new (NULL);

  for (int c = 1; c <= 12; c++)
    {
      g_string_append_printf (md, "# 第%d部の見出し\n\n", c);
      for (int p = 0; p < 4; p++)
        g_string_append_printf (md, "情報資産の管理について、第%d部%d段落目の説明を書きます。従業員は、"
                                    "会社の定めたルールに従い、パスワードを適切に管理し、不審なメールを開かないようにします。"
                                    "機密情報を社外に持ち出すときは、上長の許可を得て、暗号化した媒体を使います。\n\n", c, p + 1);
      g_string_append (md, "## 確認事項\n\n- 一つ目の確認\n- 二つ目の確認\n- 三つ目の確認\n\n");
    }
  g_string_append (md, "# バックアップ\n\n| 機器名 | 対象 | 方法 | 保管媒体 | 頻度 |\n|---|---|---|---|---|\n");
  for (int r = 1; r <= 70; r++)
    g_string_append_printf (md, "| サーバー%02d | ユーザーファイル | 増分バックアップ | 外付けHDD | 毎週 |\n", r);
  return g_string_free (md, FALSE);
}

static void
test_long_document (void)
{
  g_autofree char *md = long_markdown ();
  g_autofree char *path = tmp_pdf ("long.pdf");
  MamoriDocumentMeta meta = meta_for ("sections");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriLayout) layout = mamori_layout_new (md, &meta, &error);
  PopplerDocument *doc;
  GPtrArray *headings;
  guint n_pages, table_pages = 0;

  g_assert_no_error (error);
  g_assert_true (mamori_layout_write_pdf (layout, path, &error));
  doc = open_pdf (path);
  n_pages = mamori_layout_get_n_pages (layout);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, (int) n_pages);
  g_assert_cmpuint (n_pages, >=, 8);   /* title, contents and the body */
  {
    g_autofree char *title = poppler_document_get_title (doc);
    g_assert_cmpstr (title, ==, "テスト文書");
  }

  /* Every heading is on the page the layout says, and the contents list that page. */
  headings = mamori_layout_get_headings (layout);
  g_assert_cmpuint (headings->len, ==, 25);
  {
    g_autofree char *toc = page_text (doc, 1);
    g_autofree char *toc_flat = squeeze (toc);
    g_assert_nonnull (strstr (toc, "目次"));
    for (guint i = 0; i < headings->len; i++)
      {
        MamoriLayoutHeading *h = headings->pdata[i];
        g_autofree char *text = page_text (doc, h->page);
        g_autofree char *flat = squeeze (text);
        g_autofree char *want = squeeze (h->text);
        g_autofree char *entry = g_strdup_printf ("%s%u", want, h->page + 1);
        g_assert_cmpuint (h->page, >=, 2);
        if (strstr (flat, want) == NULL)
          g_error ("heading “%s” is not on page %u", h->text, h->page + 1);
        /* Contents entries: chapter and section headings with their page numbers. */
        if (h->level <= 2 && strstr (toc_flat, entry) == NULL)
          g_error ("the contents do not list “%s” on page %u", h->text, h->page + 1);
      }
  }

  /* The outline has one entry per heading, sections under their chapters. */
  {
    PopplerIndexIter *iter = poppler_index_iter_new (doc);
    guint top = 0, children = 0;
    g_assert_nonnull (iter);
    do
      {
        PopplerIndexIter *child = poppler_index_iter_get_child (iter);
        top++;
        if (child != NULL)
          {
            do
              children++;
            while (poppler_index_iter_next (child));
            poppler_index_iter_free (child);
          }
      }
    while (poppler_index_iter_next (iter));
    poppler_index_iter_free (iter);
    g_assert_cmpuint (top, ==, 13);
    g_assert_cmpuint (children, ==, 12);
  }

  /* The table goes over a page break: the header row comes again at the top. */
  for (guint p = 2; p < n_pages; p++)
    {
      g_autofree char *text = page_text (doc, p);
      if (strstr (text, "サーバー") != NULL)
        {
          table_pages++;
          g_assert_nonnull (strstr (text, "機器名"));
          g_assert_nonnull (strstr (text, "保管媒体"));
        }
    }
  g_assert_cmpuint (table_pages, >=, 2);

  /* Japanese line breaking: no line begins with 、。」） (kinsoku), and the text does wrap. */
  {
    guint lines = 0;
    for (guint p = 2; p < n_pages; p++)
      {
        g_autofree char *text = page_text (doc, p);
        g_auto(GStrv) split = g_strsplit (text, "\n", -1);
        for (guint l = 0; split[l]; l++)
          {
            const char *forbidden[] = { "、", "。", "」", "）" };
            lines++;
            for (guint f = 0; f < G_N_ELEMENTS (forbidden); f++)
              if (g_str_has_prefix (split[l], forbidden[f]))
                g_error ("page %u: a line starts with %s: %s", p + 1, forbidden[f], split[l]);
          }
      }
    g_assert_cmpuint (lines, >, 200);
  }

  /* No text outside the margins (header and footer lines excepted, which sit in them). */
  for (guint p = 0; p < n_pages; p++)
    {
      PopplerPage *page = poppler_document_get_page (doc, p);
      PopplerRectangle *boxes = NULL;
      guint n_boxes = 0;
      g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
      for (guint b = 0; b < n_boxes; b++)
        {
          g_assert_cmpfloat (boxes[b].x1, >=, MAMORI_MARGIN_X - 1);
          g_assert_cmpfloat (boxes[b].x2, <=, MAMORI_PAGE_WIDTH - MAMORI_MARGIN_X + 1);
          g_assert_cmpfloat (boxes[b].y1, >=, 30);
          g_assert_cmpfloat (boxes[b].y2, <=, MAMORI_PAGE_HEIGHT - 30);
          /* Body text stays inside the body area: only the footer's "n / N" is lower. */
          if (boxes[b].y1 > MAMORI_PAGE_HEIGHT - MAMORI_MARGIN_BOTTOM + 1)
            g_assert_cmpfloat (boxes[b].y1, >=, MAMORI_PAGE_HEIGHT - 45);
        }
      g_free (boxes);
      g_object_unref (page);
    }

  /* Fonts are embedded and subset. */
  {
    PopplerFontInfo *info = poppler_font_info_new (doc);
    PopplerFontsIter *fonts = NULL;
    guint n = 0;
    while (poppler_font_info_scan (info, 100, &fonts))
      {
        if (fonts == NULL)
          continue;
        do
          {
            g_assert_true (poppler_fonts_iter_is_embedded (fonts));
            g_assert_true (poppler_fonts_iter_is_subset (fonts));
            n++;
          }
        while (poppler_fonts_iter_next (fonts));
        poppler_fonts_iter_free (fonts);
        fonts = NULL;
      }
    poppler_font_info_free (info);
    g_assert_cmpuint (n, >=, 2);
  }
  g_object_unref (doc);
}

static void
test_text_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriTemplate) tmpl = mamori_template_builtin ("basic-policy", "ja", &error);
  g_autofree char *md = mamori_template_fill (tmpl, NULL, &error);
  g_autofree char *path = tmp_pdf ("policy.pdf");
  MamoriDocumentMeta meta = meta_for ("sections");
  g_autoptr(MamoriLayout) layout = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *flat = NULL;
  PopplerDocument *doc;
  const char *sentences[] = {
    "この方針は、当社の役員、従業員（正社員・契約社員・パートタイマー・派遣社員を含む）および当社の業務に従事するすべての者に適用します。",
    "情報資産を洗い出して台帳で管理し、リスクを評価して対策の優先順位を決めます。",
    "当社は、取り組みの状況を定期的に点検し、事業環境や脅威の変化に合わせて、この方針と対策を見直し、改善し続けます。",
  };

  meta.title = mamori_template_get_title (tmpl);
  layout = mamori_layout_new (md, &meta, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_layout_write_pdf (layout, path, &error));
  doc = open_pdf (path);
  /* A policy of one or two pages has no contents: the body starts on the second page. */
  g_assert_cmpint (poppler_document_get_n_pages (doc), <=, 3);
  for (int p = 1; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autofree char *text = page_text (doc, p);
      g_assert_null (strstr (text, "目次"));
      g_string_append (all, text);
    }
  flat = squeeze (all->str);
  /* The Japanese text read back from the PDF is the text of the template. */
  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    if (strstr (flat, sentences[i]) == NULL)
      g_error ("“%s” is not in the PDF text", sentences[i]);
  g_object_unref (doc);
}

static void
test_articles_and_revisions (void)
{
  const char *md = "# 総則\n\n## 目的\n\nこの規程は、情報資産の取り扱いを定める。\n\n## 適用範囲\n\n全従業員に適用する。\n\n"
                   "# 人的対策\n\n## 教育\n\n年に一度、教育を行う。\n";
  MamoriDocumentMeta meta = meta_for ("articles");
  g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_revision_free);
  MamoriRevision *r = g_new0 (MamoriRevision, 1);
  g_autofree char *path = tmp_pdf ("rules.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriLayout) layout = NULL;
  GPtrArray *headings;
  PopplerDocument *doc;
  g_autofree char *body = NULL, *flat = NULL;

  r->version = g_strdup ("1.0");
  r->date = g_strdup ("2026-04-01");
  r->summary = g_strdup ("制定");
  r->approver = g_strdup ("山田 太郎");
  g_ptr_array_add (revisions, r);
  meta.revisions = revisions;
  layout = mamori_layout_new (md, &meta, &error);
  g_assert_no_error (error);
  headings = mamori_layout_get_headings (layout);
  /* 第N章 and 第N条, the articles numbered straight through the chapters. */
  g_assert_cmpstr (((MamoriLayoutHeading *) headings->pdata[1])->text, ==, "第1章 総則");
  g_assert_cmpstr (((MamoriLayoutHeading *) headings->pdata[2])->text, ==, "第1条（目的）");
  g_assert_cmpstr (((MamoriLayoutHeading *) headings->pdata[5])->text, ==, "第3条（教育）");
  g_assert_true (mamori_layout_write_pdf (layout, path, &error));
  doc = open_pdf (path);
  /* One page of body: no contents page. */
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  body = page_text (doc, 1);
  flat = squeeze (body);
  g_assert_nonnull (strstr (flat, "改訂履歴"));
  {
    /* Poppler reads the table column by column: each header with its cell. */
    const char *cells[] = { "版数1.0", "改訂日2026-04-01", "改訂内容制定", "承認者山田太郎" };
    for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
      if (strstr (flat, cells[i]) == NULL)
        g_error ("the revision table has no “%s”: %s", cells[i], flat);
  }
  /* The title page carries the approval boxes. */
  {
    g_autofree char *cover = page_text (doc, 0);
    g_assert_nonnull (strstr (cover, "承認"));
    g_assert_nonnull (strstr (cover, "山田 太郎"));
    g_assert_nonnull (strstr (cover, "社外秘"));
  }
  g_object_unref (doc);
}

static void
test_unwritable (void)
{
  MamoriDocumentMeta meta = meta_for ("sections");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriLayout) layout = mamori_layout_new ("# A\n\nB\n", &meta, &error);
  g_autofree char *existing = tmp_pdf ("keep.pdf");

  g_assert_false (mamori_layout_write_pdf (layout, "/nonexistent-dir/x.pdf", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/x.pdf"));
  g_clear_error (&error);
  /* Writing over a file replaces it whole. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_true (mamori_layout_write_pdf (layout, existing, &error));
  {
    g_autofree char *head = NULL;
    gsize len;
    g_assert_true (g_file_get_contents (existing, &head, &len, NULL));
    g_assert_true (g_str_has_prefix (head, "%PDF-"));
  }
}

typedef struct {
  guint drawn;
  guint freed;
} FigureProbe;

static void
draw_red (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  data)
{
  ((FigureProbe *) data)->drawn++;
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static void
probe_freed (gpointer data)
{
  ((FigureProbe *) data)->freed++;
}

/* ![caption](figure:NAME) places the named drawing (scaled to fit the text width) with its
 * caption under it; an unknown name leaves its caption as text. */
static void
test_figures (void)
{
  FigureProbe probe = { 0 };
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_figure_free);
  MamoriDocumentMeta meta = { .organisation = "株式会社テスト", .title = "図のテスト", .lang = "ja", .figures = figures };
  g_autoptr(GError) error = NULL;
  MamoriLayout *layout;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *path = tmp_pdf ("figures.pdf");
  PopplerDocument *doc;
  g_autofree char *text = NULL;
  unsigned char *px;
  int stride;

  /* 1000 points wide: scaled down to the 482-point text width, height in proportion. */
  g_ptr_array_add (figures, mamori_figure_new ("box", 1000, 200, draw_red, &probe, probe_freed));
  layout = mamori_layout_new ("# 図\n\n前の段落。\n\n![赤い四角](figure:box)\n\n![ない図](figure:none)\n", &meta, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mamori_layout_get_n_pages (layout), ==, 2);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) MAMORI_PAGE_WIDTH, (int) MAMORI_PAGE_HEIGHT);
  cr = cairo_create (surface);
  mamori_layout_render_page (layout, cr, 1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpuint (probe.drawn, ==, 1);
  px = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  {
    /* The figure spans the text width: red just inside both margins, white outside. */
    int y = -1;
    for (int row = 0; row < (int) MAMORI_PAGE_HEIGHT && y < 0; row++)
      if (((guint32 *) (px + row * stride))[(int) MAMORI_PAGE_WIDTH / 2] == 0xffff0000)
        y = row;
    g_assert_cmpint (y, >, 0);
    y += 40;   /* 482 × 200 / 1000 ≈ 96 points tall */
    g_assert_cmphex (((guint32 *) (px + y * stride))[(int) MAMORI_MARGIN_X + 3], ==, 0xffff0000);
    g_assert_cmphex (((guint32 *) (px + y * stride))[(int) (MAMORI_PAGE_WIDTH - MAMORI_MARGIN_X) - 3], ==, 0xffff0000);
    g_assert_cmphex (((guint32 *) (px + y * stride))[(int) MAMORI_MARGIN_X - 6] & 0xffffff, ==, 0xffffff);
    g_assert_cmphex (((guint32 *) (px + (y + 70) * stride))[(int) MAMORI_PAGE_WIDTH / 2] & 0xffffff, ==, 0xffffff);
  }
  cairo_surface_destroy (surface);

  g_assert_true (mamori_layout_write_pdf (layout, path, &error));
  doc = open_pdf (path);
  text = page_text (doc, 1);
  g_assert_nonnull (strstr (text, "赤い四角"));
  g_assert_nonnull (strstr (text, "ない図"));
  g_object_unref (doc);
  /* The layout keeps its own reference: the figure lives until the layout goes. */
  g_clear_pointer (&figures, g_ptr_array_unref);
  g_assert_cmpuint (probe.freed, ==, 0);
  mamori_layout_free (layout);
  g_assert_cmpuint (probe.freed, ==, 1);
}

/* Names, item numbers, articles and dates never break across lines: each unit is placed at
 * every offset of a line (so that some would straddle its end) in body text, a list and a
 * narrow table, and every one is found whole on one line of the extracted text. */
static void
test_no_break (void)
{
  const char *units[] = { "山田 花子", "守田 一郎", "No.21", "第13条", "2026年12月31日", "令和元年5月1日" };
  g_autoptr(GString) md = g_string_new ("# 改行のテスト\n\n");
  MamoriDocumentMeta meta = meta_for ("sections");
  g_autofree char *path = tmp_pdf ("no-break.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriLayout) layout = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  PopplerDocument *doc;
  guint expected[G_N_ELEMENTS (units)] = { 0 };

  meta.table_of_contents = FALSE;
  meta.approved_by = "守田 一郎";
  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    for (guint k = 0; k < 46; k++)
      {
        /* k characters before the unit: the unit starts at every column of the line. */
        for (guint c = 0; c < k; c++)
          g_string_append (md, c % 2 ? "い" : "あ");
        g_string_append_printf (md, "%s。\n\n", units[u]);
        expected[u]++;
      }
  g_string_append (md, "| 担当 | 条項 | 期限 |\n|---|---|---|\n");
  for (guint r = 0; r < 4; r++)
    {
      g_string_append (md, "| 承認者 山田 花子 | 規程 第13条 | 2026年12月31日 |\n");
      expected[0]++, expected[3]++, expected[4]++;
    }
  layout = mamori_layout_new (md->str, &meta, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_layout_write_pdf (layout, path, &error));
  doc = open_pdf (path);
  for (int p = 1; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autofree char *text = page_text (doc, p);
      g_string_append (all, text);
      g_string_append_c (all, '\n');
    }
  /* The word joiners stay out of the text a reader copies. */
  g_assert_null (strstr (all->str, "\xe2\x81\xa0"));
  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      guint found = 0;
      for (const char *at = all->str; (at = strstr (at, units[u])) != NULL; at++)
        found++;
      if (found != expected[u])
        g_error ("“%s” whole on a line %u times of %u:\n%s", units[u], found, expected[u], all->str);
    }
  /* On the cover, the name in the approval box. */
  {
    g_autofree char *cover = page_text (doc, 0);
    g_assert_nonnull (strstr (cover, "守田 一郎"));
  }
  g_object_unref (doc);
}

/* A paragraph's last line never holds one short word or a lone character or two. */
static void
test_no_runt (void)
{
  MamoriDocumentMeta meta = meta_for ("sections");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_pdf ("runt.pdf");
  g_autoptr(GString) md = g_string_new ("# 段落\n\n");
  g_autoptr(MamoriLayout) layout = NULL;
  PopplerDocument *doc;

  meta.table_of_contents = FALSE;
  /* 46 characters fill a line at 10.5 points: one more character would stand alone. */
  for (guint k = 40; k < 52; k++)
    {
      for (guint c = 0; c < k; c++)
        g_string_append (md, c % 2 ? "い" : "あ");
      g_string_append (md, "。\n\n");
    }
  layout = mamori_layout_new (md->str, &meta, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_layout_write_pdf (layout, path, &error));
  doc = open_pdf (path);
  {
    g_autofree char *text = page_text (doc, 1);
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    guint paragraph_lines = 0;
    for (guint i = 0; lines[i]; i++)
      {
        glong len = g_utf8_strlen (lines[i], -1);
        if (!g_str_has_prefix (lines[i], "あ") && !g_str_has_prefix (lines[i], "い"))
          continue;
        paragraph_lines++;
        if (len < 4)
          g_error ("a last line of %ld characters: “%s”\n%s", len, lines[i], text);
      }
    g_assert_cmpuint (paragraph_lines, >, 12);
  }
  g_object_unref (doc);

  /* English: the last word goes with the one before it. */
  {
    g_autoptr(GString) en_md = g_string_new ("# Paragraphs\n\n");
    g_autoptr(MamoriLayout) en = NULL;
    g_autofree char *en_path = tmp_pdf ("runt-en.pdf");
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    guint last_lines = 0;

    meta.lang = "en";
    for (guint k = 0; k < 12; k++)
      {
        for (guint w = 0; w < 14 + k; w++)
          g_string_append (en_md, "measure ");
        g_string_append (en_md, "end.\n\n");
      }
    en = mamori_layout_new (en_md->str, &meta, &error);
    g_assert_no_error (error);
    g_assert_true (mamori_layout_write_pdf (en, en_path, &error));
    doc = open_pdf (en_path);
    text = page_text (doc, 1);
    lines = g_strsplit (text, "\n", -1);
    for (guint i = 0; lines[i]; i++)
      if (g_str_has_suffix (lines[i], "end."))
        {
          last_lines++;
          if (strchr (lines[i], ' ') == NULL)
            g_error ("a last line of one word: “%s”\n%s", lines[i], text);
        }
    g_assert_cmpuint (last_lines, ==, 12);
    g_object_unref (doc);
  }
}

/* A policy's closing block (date, company and representative, 以上) stays on the page of the
 * last paragraph's last lines wherever the page break falls; the cover prints the date in the
 * chosen style. */
static void
test_closing_block (void)
{
  MamoriDocumentMeta meta = meta_for ("sections");

  meta.table_of_contents = FALSE;
  mamori_date_set_default_style (MAMORI_DATE_WESTERN);
  for (guint k = 20; k < 44; k++)
    {
      g_autoptr(GString) md = g_string_new ("# 方針\n\n");
      g_autoptr(GError) error = NULL;
      g_autoptr(MamoriLayout) layout = NULL;
      g_autoptr(GBytes) pdf = NULL;
      PopplerDocument *doc;
      int closing_page = -1, tail_page = -1;

      for (guint i = 0; i < k; i++)
        g_string_append (md, "情報資産を洗い出して台帳で管理し、リスクを評価して対策の優先順位を決めます。\n\n");
      g_string_append (md, "当社は、取り組みの状況を定期的に点検し、事業環境や脅威の変化に合わせて、"
                           "この方針と対策を見直し、改善し続けます。最後の段落の終わり。\n\n"
                           "2026-04-01 制定\n\n株式会社サンプル製作所　代表取締役 山田 太郎\n\n以上\n"
                           "\n`2026-04-01` backup-2026-04-01.zip\n");
      layout = mamori_layout_new (md->str, &meta, &error);
      g_assert_no_error (error);
      pdf = mamori_layout_write_pdf_bytes (layout);
      doc = poppler_document_new_from_bytes (pdf, NULL, &error);
      g_assert_no_error (error);
      for (int p = 1; p < poppler_document_get_n_pages (doc); p++)
        {
          g_autofree char *text = page_text (doc, p);
          g_autofree char *flat = squeeze (text);
          if (strstr (flat, "最後の段落の終わり") != NULL)
            tail_page = p;
          /* The date a form filled in reads as a date; code and file names keep theirs. */
          if (strstr (flat, "以上") != NULL && strstr (flat, "代表取締役山田太郎") != NULL && strstr (flat, "2026年4月1日制定") != NULL)
            closing_page = p;
          if (strstr (flat, "以上") != NULL)
            g_assert_nonnull (strstr (flat, "2026-04-01backup-2026-04-01.zip"));
        }
      if (closing_page < 0 || closing_page != tail_page)
        g_error ("%u paragraphs: the closing block on page %d, the last paragraph ends on page %d", k, closing_page, tail_page);
      if (k == 20)
        {
          g_autofree char *cover = page_text (doc, 0);
          g_autofree char *flat = squeeze (cover);
          if (strstr (flat, "第1.0版2026年4月1日") == NULL)
            g_error ("the cover has no date as written: %s", cover);
        }
      g_object_unref (doc);
    }
  mamori_date_set_default_style (MAMORI_DATE_ISO);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/figures", test_figures);
  g_test_add_func ("/document/long", test_long_document);
  g_test_add_func ("/document/text-round-trip", test_text_round_trip);
  g_test_add_func ("/document/articles-and-revisions", test_articles_and_revisions);
  g_test_add_func ("/document/unwritable", test_unwritable);
  g_test_add_func ("/document/no-break", test_no_break);
  g_test_add_func ("/document/no-runt", test_no_runt);
  g_test_add_func ("/document/closing-block", test_closing_block);
  return g_test_run ();
}
