/* test-pdf.c — every kind of PDF that Mamori writes passes `qpdf --check` without a warning
 * (Cairo 1.16 alone writes a damaged cross-reference table as soon as a link is used), and the
 * links and outline survive the rewrite that mends it (read back with Poppler) */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "report/mamori-document.h"
#include "report/mamori-document-private.h"
#include "report/mamori-pdf-finish.h"

static const char *mamori_bin;
static char *qpdf_bin;
static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* Runs the command line in tmpdir; fails the test unless it exits 0. */
static void
mamori (const char *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL, *err = NULL;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) mamori_bin);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  /* The child gets this test's isolated dirs (GLib only sets them in this process). */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
  g_assert_true (g_spawn_sync (tmpdir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &wait_status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_error ("mamori %s … failed:\n%s%s", first, out, err);
}

/* `qpdf --check`: exit 0 (3 means warnings: the table was rebuilt) and nothing on stderr. */
static void
assert_qpdf_clean (const char *path)
{
  const char *argv[] = { qpdf_bin, "--check", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &wait_status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0 || *err != '\0')
    g_error ("qpdf --check %s: exit %d\n%s%s", path, WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1,
             out, err);
  g_assert_nonnull (strstr (out, "No syntax or stream encoding errors"));
}

static void
assert_qpdf_clean_bytes (GBytes     *pdf,
                         const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  g_assert_no_error (error);
  assert_qpdf_clean (path);
}

/* The file as it is written: packed into compressed object streams by the rewrite. */
static void
assert_packed (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_nonnull (g_strstr_len (data, len, "/ObjStm"));
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

/* Text without any white space. */
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

static char *
page_text_squeezed (PopplerDocument *doc,
                    int              page)
{
  PopplerPage *p = poppler_document_get_page (doc, page);
  g_autofree char *text = poppler_page_get_text (p);

  g_object_unref (p);
  return squeeze (text);
}

/* The 0-based page a link or outline destination resolves to, or -1. */
static int
dest_page (PopplerDocument *doc,
           PopplerDest     *dest)
{
  int page = -1;

  if (dest == NULL)
    return -1;
  if (dest->type == POPPLER_DEST_NAMED)
    {
      PopplerDest *named = poppler_document_find_dest (doc, dest->named_dest);
      if (named != NULL)
        {
          page = named->page_num - 1;
          poppler_dest_free (named);
        }
    }
  else
    page = dest->page_num - 1;
  return page;
}

/* Every internal link goes to a page of the document that shows what the link says: a
 * contents entry to the page with its heading, the entry's page number to that page. Returns
 * how many links there are. */
static guint
check_links (PopplerDocument *doc)
{
  int n_pages = poppler_document_get_n_pages (doc);
  guint n = 0;

  for (int p = 0; p < n_pages; p++)
    {
      PopplerPage *page = poppler_document_get_page (doc, p);
      GList *links = poppler_page_get_link_mapping (page);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      for (GList *l = links; l != NULL; l = l->next)
        {
          PopplerLinkMapping *m = l->data;
          /* Link areas have the origin at the bottom left, text areas at the top left. */
          PopplerRectangle area = { m->area.x1, height - m->area.y2, m->area.x2, height - m->area.y1 };
          g_autofree char *raw = poppler_page_get_text_for_area (page, &area);
          g_autofree char *said = squeeze (raw);
          g_autofree char *target = NULL;
          g_autofree char *number = NULL;
          int to;

          g_assert_cmpint (m->action->type, ==, POPPLER_ACTION_GOTO_DEST);
          to = dest_page (doc, m->action->goto_dest.dest);
          if (to < 0 || to >= n_pages)
            g_error ("page %d: the link “%s” goes nowhere", p + 1, said);
          g_assert_cmpstr (said, !=, "");
          target = page_text_squeezed (doc, to);
          number = g_strdup_printf ("%d", to + 1);
          if (g_strcmp0 (said, number) != 0 && strstr (target, said) == NULL)
            g_error ("page %d: the link “%s” goes to page %d, which does not show it", p + 1, said, to + 1);
          n++;
        }
      poppler_page_free_link_mapping (links);
      g_object_unref (page);
    }
  return n;
}

/* Every outline item (at any depth) goes to the page that shows its title; returns how many
 * items there are and adds the titles to titles. */
static guint
check_outline_items (PopplerDocument  *doc,
                     PopplerIndexIter *iter,
                     GPtrArray        *titles)
{
  guint n = 0;

  if (iter == NULL)
    return 0;
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);
      g_autofree char *title = NULL;
      g_autofree char *target = NULL;
      int to;

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      title = squeeze (action->goto_dest.title);
      to = dest_page (doc, action->goto_dest.dest);
      if (to < 0 || to >= poppler_document_get_n_pages (doc))
        g_error ("the outline item “%s” goes nowhere", action->goto_dest.title);
      target = page_text_squeezed (doc, to);
      if (strstr (target, title) == NULL)
        g_error ("the outline item “%s” goes to page %d, which does not show it", action->goto_dest.title, to + 1);
      g_ptr_array_add (titles, g_strdup (action->goto_dest.title));
      n++;
      n += check_outline_items (doc, child, titles);
      if (child != NULL)
        poppler_index_iter_free (child);
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  return n;
}

static guint
check_outline (PopplerDocument *doc,
               GPtrArray       *titles)
{
  PopplerIndexIter *iter = poppler_index_iter_new (doc);
  guint n = check_outline_items (doc, iter, titles);

  if (iter != NULL)
    poppler_index_iter_free (iter);
  return n;
}

/* Every export that writes a PDF, from the demo workspace, through the command line. */
static void
test_every_kind (void)
{
  g_autofree char *ws = tmp_path ("demo.mamori");
  const char *kinds[][3] = {
    { "policy", NULL, "policy.pdf" },
    { "rules", NULL, "rules.pdf" },
    { "handbook", NULL, "handbook.pdf" },
    { "document", "1", "document.pdf" },
    { "review", NULL, "review.pdf" },
    { "audit", "2", "audit.pdf" },
    { "heatmap", NULL, "heatmap.pdf" },
  };

  mamori ("--workspace", ws, "demo", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *out = tmp_path (kinds[i][2]);

      if (kinds[i][1] != NULL)
        mamori ("--workspace", ws, "export", kinds[i][0], kinds[i][1], out, NULL);
      else
        mamori ("--workspace", ws, "export", kinds[i][0], out, NULL);
      g_test_message ("%s", out);
      assert_qpdf_clean (out);
      assert_packed (out);
    }
  /* A residual likelihood heatmap too: another drawing, the same path. */
  {
    g_autofree char *out = tmp_path ("likelihood.pdf");
    mamori ("--workspace", ws, "export", "heatmap", out, "--method", "likelihood", "--residual", NULL);
    assert_qpdf_clean (out);
  }
  /* No temporary file is left beside the outputs. */
  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (dir)) != NULL)
      if (name[0] == '.')
        g_error ("a temporary file was left: %s", name);
  }
}

/* The handbook and the policy, exported: their contents links and outline still lead to the
 * right pages after the rewrite (the policy, two pages of body, has no contents page: outline
 * only). */
static void
test_links_survive (void)
{
  g_autofree char *ws = tmp_path ("links.mamori");
  const char *kinds[] = { "handbook", "policy" };

  mamori ("--workspace", ws, "demo", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("links-%s.pdf", kinds[i]);
      g_autofree char *out = tmp_path (name);
      g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
      PopplerDocument *doc;
      guint links, items;

      mamori ("--workspace", ws, "export", kinds[i], out, NULL);
      doc = open_pdf (out);
      links = check_links (doc);
      items = check_outline (doc, titles);
      g_test_message ("%s: %u links, %u outline items", kinds[i], links, items);
      g_assert_cmpuint (links, >=, g_str_equal (kinds[i], "policy") ? 0 : 4);
      g_assert_cmpuint (items, >=, 3);
      g_object_unref (doc);
    }
}

/* About five pages of Japanese with chapters and sections, contents and outline. */
static char *
chapters_markdown (void)
{
  GString *md = g_string_new (NULL);

  for (int c = 1; c <= 8; c++)
    {
      g_string_append_printf (md, "# 第%d部の見出し\n\n", c);
      for (int p = 0; p < 3; p++)
        g_string_append (md, "従業員は、会社の定めたルールに従い、パスワードを適切に管理し、不審なメールを開かないようにします。"
                             "機密情報を社外に持ち出すときは、上長の許可を得て、暗号化した媒体を使います。\n\n");
      g_string_append_printf (md, "## 確認事項 %d\n\n- 一つ目の確認\n- 二つ目の確認\n\n", c);
    }
  return g_string_free (md, FALSE);
}

static MamoriLayout *
chapters_layout (void)
{
  g_autofree char *md = chapters_markdown ();
  MamoriDocumentMeta meta = { 0 };
  g_autoptr(GError) error = NULL;
  MamoriLayout *layout;

  meta.organisation = "株式会社サンプル製作所";
  meta.title = "リンクのテスト";
  meta.lang = "ja";
  meta.numbering = "sections";
  meta.table_of_contents = TRUE;
  layout = mamori_layout_new (md, &meta, &error);
  g_assert_no_error (error);
  return layout;
}

/* Written to a file and to memory (the preview): both valid, every heading in the outline at
 * its page, every contents entry a link to it. */
static void
test_layout_file_and_bytes (void)
{
  g_autoptr(MamoriLayout) layout = chapters_layout ();
  g_autofree char *path = tmp_path ("chapters.pdf");
  g_autoptr(GBytes) bytes = mamori_layout_write_pdf_bytes (layout);
  g_autoptr(GError) error = NULL;
  GPtrArray *headings = mamori_layout_get_headings (layout);
  PopplerDocument *docs[2];

  g_assert_true (mamori_layout_write_pdf (layout, path, &error));
  g_assert_no_error (error);
  assert_qpdf_clean (path);
  assert_packed (path);
  assert_qpdf_clean_bytes (bytes, "chapters-bytes.pdf");
  docs[0] = open_pdf (path);
  docs[1] = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    {
      g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
      guint links;

      g_assert_cmpint (poppler_document_get_n_pages (docs[d]), ==, (int) mamori_layout_get_n_pages (layout));
      /* Each contents entry links its text and its page number. */
      links = check_links (docs[d]);
      g_assert_cmpuint (links, ==, 2 * headings->len);
      g_assert_cmpuint (check_outline (docs[d], titles), ==, headings->len);
      for (guint i = 0; i < headings->len; i++)
        g_assert_cmpstr (titles->pdata[i], ==, ((MamoriLayoutHeading *) headings->pdata[i])->text);
      g_object_unref (docs[d]);
    }
}

/* A small PDF with a classic table, like Cairo's: object 1 is the catalog, 2 the pages, 3 the
 * page (annots is its /Annots), 4 a link to it, 5 an array that nothing uses and that refers to
 * 4 and to 6; 6 is in the table but never written, its entry points at object 1 (as Cairo 1.16
 * leaves the objects it reserved for the structure tree). The entry of object `wrong` (if not
 * 0) points at object 1 too; xref_shift moves startxref off the table. */
static GBytes *
handmade_pdf (const char *annots,
              int         wrong,
              int         xref_shift)
{
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
    NULL,
    "<< /Type /Annot /Subtype /Link /Rect [ 0 0 10 10 ] /Dest [ 3 0 R /Fit ] >>",
    "[ 4 0 R 6 0 R ]",
  };
  g_autofree char *page = g_strdup_printf ("<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 100 100 ] /Annots %s >>", annots);
  GString *pdf = g_string_new ("%PDF-1.5\n");
  guint n = G_N_ELEMENTS (objects) + 2;   /* with the free object 0 and the lost 6 */
  gsize offsets[G_N_ELEMENTS (objects) + 2];
  gsize xref;

  objects[2] = page;
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i + 1] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  offsets[n - 1] = offsets[1];
  if (wrong != 0)
    offsets[wrong] = offsets[1];
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", n);
  for (guint i = 1; i < n; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", n,
                          xref + xref_shift);
  return g_string_free_to_bytes (pdf);
}

/* The number of links on the first page of a PDF in memory. */
static guint
count_links (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  PopplerPage *page;
  GList *links;
  guint n;

  g_assert_no_error (error);
  page = poppler_document_get_page (doc, 0);
  links = poppler_page_get_link_mapping (page);
  n = g_list_length (links);
  poppler_page_free_link_mapping (links);
  g_object_unref (page);
  g_object_unref (doc);
  return n;
}

/* The rewrite mends what Cairo 1.16 gets wrong: it drops the objects that were never written
 * when nothing uses them, finds one that the table misplaces, and copes with a table it cannot
 * use. It refuses to drop an object that the document uses (qpdf alone would read it as null
 * without a word), and bytes that are not a PDF give a clear error. */
static void
test_finish_mends_or_refuses (void)
{
  struct {
    const char *annots;
    int wrong;
    int xref_shift;
    const char *name;
  } good[] = {
    { "[ 4 0 R ]", 0, 0, "lost.pdf" },          /* 6 lost, used by nothing */
    { "[ 4 0 R ]", 4, 0, "misplaced.pdf" },     /* the link's entry points at object 1 */
    { "[ 4 0 R ]", 0, 3, "no-table.pdf" },      /* qpdf has to rebuild the whole table */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) uses_lost = handmade_pdf ("[ 4 0 R 6 0 R ]", 0, 0);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a PDF", 9);
  GBytes *result;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GBytes) damaged = handmade_pdf (good[i].annots, good[i].wrong, good[i].xref_shift);
      g_autoptr(GBytes) mended = mamori_pdf_finish (damaged, &error);

      g_assert_no_error (error);
      assert_qpdf_clean_bytes (mended, good[i].name);
      g_assert_cmpuint (count_links (mended), ==, 1);
    }

  result = mamori_pdf_finish (uses_lost, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "object 6"));
  g_clear_error (&error);

  result = mamori_pdf_finish (garbage, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "PDF"));
}

/* A failure names the user's file, never the temporary one, and leaves nothing behind. */
static void
test_write_errors (void)
{
  g_autofree char *dir = tmp_path ("errors");
  g_autofree char *path = g_build_filename (dir, "missing", "out.pdf", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = mamori_pdf_surface_new (100, 100);
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  cairo_rectangle (cr, 10, 10, 50, 50);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_false (mamori_pdf_surface_write (surface, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (strstr (error->message, ".out.pdf."));
  cairo_surface_destroy (surface);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    g_assert_nonnull (d);
    g_assert_null (g_dir_read_name (d));
  }
}

int
main (int argc, char *argv[])
{
  int rc;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  mamori_bin = g_getenv ("MAMORI_BIN");
  g_assert_nonnull (mamori_bin);
  /* qpdf is a dependency: no skipping without it. */
  qpdf_bin = g_find_program_in_path ("qpdf");
  if (qpdf_bin == NULL)
    g_error ("the qpdf program is not installed (Debian package qpdf)");
  tmpdir = g_dir_make_tmp ("mamori-pdf-XXXXXX", NULL);

  g_test_add_func ("/pdf/every-kind", test_every_kind);
  g_test_add_func ("/pdf/links-survive", test_links_survive);
  g_test_add_func ("/pdf/layout-file-and-bytes", test_layout_file_and_bytes);
  g_test_add_func ("/pdf/finish-mends-or-refuses", test_finish_mends_or_refuses);
  g_test_add_func ("/pdf/write-errors", test_write_errors);
  rc = g_test_run ();
  g_free (qpdf_bin);
  g_free (tmpdir);
  return rc;
}
