/* mamori-word.c — Word, OpenDocument and Markdown with real figures, through pandoc */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "mamori-word.h"
#include "core/mamori-pending.h"

#define WORD_RESOURCE "/io/github/mamori/Mamori/word/"
/* Figures are drawn at twice their size in points (144 dpi) and say so in their pHYs chunk,
 * so Word and LibreOffice show them at the size the PDF does. */
#define FIGURE_SCALE 2.0

typedef enum { FORMAT_NONE, FORMAT_DOCX, FORMAT_ODT, FORMAT_MARKDOWN } Format;

static Format
format_for_path (const char *path)
{
  const char *dot = path ? strrchr (path, '.') : NULL;

  if (dot == NULL || strchr (dot, '/') != NULL)
    return FORMAT_NONE;
  if (g_ascii_strcasecmp (dot, ".docx") == 0)
    return FORMAT_DOCX;
  if (g_ascii_strcasecmp (dot, ".odt") == 0)
    return FORMAT_ODT;
  if (g_ascii_strcasecmp (dot, ".md") == 0)
    return FORMAT_MARKDOWN;
  return FORMAT_NONE;
}

gboolean
mamori_word_supports_path (const char *path)
{
  return format_for_path (path) != FORMAT_NONE;
}

/* --- figures as PNG ---------------------------------------------------------------------- */

static guint32
png_crc (const guint8 *data,
         gsize         length)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
  return crc ^ 0xffffffffu;
}

static void
put_be32 (guint8  *p,
          guint32  v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

static cairo_status_t
png_append (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The figure drawn on white at FIGURE_SCALE, as a PNG whose pHYs chunk gives that resolution. */
static GBytes *
figure_png (const MamoriFigure *f,
            GError            **error)
{
  int w = (int) ceil (MAX (f->width, 1) * FIGURE_SCALE);
  int h = (int) ceil (MAX (f->height, 1) * FIGURE_SCALE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();
  cairo_status_t status;
  guint8 phys[4 + 4 + 9 + 4];
  guint32 per_metre = (guint32) lround (72.0 * FIGURE_SCALE / 0.0254);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, FIGURE_SCALE, FIGURE_SCALE);
  f->draw (cr, f->width, f->height, f->data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, png_append, png);
  cairo_surface_destroy (surface);
  /* signature (8) + IHDR (4 + 4 + 13 + 4) */
  if (status != CAIRO_STATUS_SUCCESS || png->len < 33)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the figure “%s”: %s"), f->name,
                   cairo_status_to_string (status));
      g_byte_array_unref (png);
      return NULL;
    }
  put_be32 (phys, 9);
  memcpy (phys + 4, "pHYs", 4);
  put_be32 (phys + 8, per_metre);
  put_be32 (phys + 12, per_metre);
  phys[16] = 1;   /* the unit is the metre */
  put_be32 (phys + 17, png_crc (phys + 4, 4 + 9));
  {
    /* the chunk goes right after IHDR */
    GByteArray *with = g_byte_array_sized_new (png->len + sizeof phys);
    g_byte_array_append (with, png->data, 33);
    g_byte_array_append (with, phys, sizeof phys);
    g_byte_array_append (with, png->data + 33, png->len - 33);
    g_byte_array_unref (png);
    return g_byte_array_free_to_bytes (with);
  }
}

typedef struct {
  char *file;     /* name beside the Markdown */
  GBytes *png;
} FigureFile;

static void
figure_file_free (FigureFile *f)
{
  g_free (f->file);
  g_bytes_unref (f->png);
  g_free (f);
}

static const MamoriFigure *
find_figure (const MamoriDocumentMeta *meta,
             const char               *name,
             gsize                     length)
{
  for (guint i = 0; meta != NULL && meta->figures != NULL && i < meta->figures->len; i++)
    {
      const MamoriFigure *f = meta->figures->pdata[i];
      if (strlen (f->name) == length && strncmp (f->name, name, length) == 0)
        return f;
    }
  return NULL;
}

/* markdown with every ![caption](figure:NAME) replaced by a link to PREFIX-N.png and the
 * caption as the paragraph under it (as the PDF prints it); the PNGs go to files. A figure
 * that is not in meta leaves its caption, as in the PDF. */
static char *
rewrite_figures (const char               *markdown,
                 const MamoriDocumentMeta *meta,
                 const char               *prefix,
                 GPtrArray                *files,
                 GError                  **error)
{
  GString *out = g_string_new (NULL);
  const char *p = markdown;
  const char *hit;

  while ((hit = strstr (p, "](figure:")) != NULL)
    {
      const char *name = hit + strlen ("](figure:");
      const char *end = name + strcspn (name, ")\n");
      const char *start = g_strrstr_len (p, hit - p, "![");
      const MamoriFigure *figure;

      if (*end != ')' || start == NULL || memchr (start, '\n', hit - start) != NULL)
        {
          g_string_append_len (out, p, name - p);
          p = name;
          continue;
        }
      g_string_append_len (out, p, start - p);
      figure = find_figure (meta, name, end - name);
      if (figure != NULL)
        {
          FigureFile *ff = g_new0 (FigureFile, 1);
          ff->png = figure_png (figure, error);
          if (ff->png == NULL)
            {
              g_free (ff);
              g_string_free (out, TRUE);
              return NULL;
            }
          ff->file = g_strdup_printf ("%s-%u.png", prefix, files->len + 1);
          g_ptr_array_add (files, ff);
          g_string_append (out, "![");
          g_string_append_len (out, start + 2, hit - start - 2);
          g_string_append_printf (out, "](<%s>)\n\n", ff->file);
        }
      g_string_append_len (out, start + 2, hit - start - 2);
      p = end + 1;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

/* The file-name stem of out_path, usable inside <…> in a Markdown link. */
static char *
figure_prefix (const char *out_path)
{
  g_autofree char *base = g_path_get_basename (out_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (char *c = base; *c; c++)
    if (*c == '<' || *c == '>' || *c == '\\' || (guchar) *c < 0x20)
      *c = '_';
  return g_strdup_printf ("%s-figure", base);
}

/* --- heading numbers ----------------------------------------------------------------------- */

/* markdown with the PDF's heading numbers written into its ATX headings ("# 目的" → "# 1. 目的",
 * rules "## パスワード" → "## 第3条（パスワード）"), so Word shows the numbers the text refers
 * to. Fenced code is left alone. */
static char *
number_headings (const char               *markdown,
                 const MamoriDocumentMeta *meta)
{
  gboolean articles = g_strcmp0 (meta->numbering, "articles") == 0;
  gboolean en = g_strcmp0 (meta->lang, "en") == 0;
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  GString *out = g_string_new (NULL);
  int counters[6] = { 0 }, article = 0;
  const char *fence = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *p = line + strspn (line, " ");
      int level = (int) strspn (p, "#");
      g_autofree char *number = NULL;

      if (i > 0)
        g_string_append_c (out, '\n');
      if (p - line <= 3 && (g_str_has_prefix (p, "```") || g_str_has_prefix (p, "~~~")))
        fence = fence == NULL ? (p[0] == '`' ? "```" : "~~~") : (g_str_has_prefix (p, fence) ? NULL : fence);
      if (fence != NULL || p - line > 3 || level < 1 || level > 6 || (p[level] != ' ' && p[level] != '\0'))
        {
          g_string_append (out, line);
          continue;
        }
      number = mamori_heading_number (articles, en, counters, &article, level);
      if (number == NULL)
        {
          g_string_append (out, line);
          continue;
        }
      {
        g_autofree char *title = g_strstrip (g_strdup (p + level));
        g_string_append_len (out, p, level);
        if (articles && level == 2)
          g_string_append_printf (out, en ? " %s (%s)" : " %s（%s）", number, title);
        else
          g_string_append_printf (out, " %s %s", number, title);
      }
    }
  return g_string_free (out, FALSE);
}

/* --- Markdown ------------------------------------------------------------------------------ */

static gboolean
write_markdown (const char               *markdown,
                const MamoriDocumentMeta *meta,
                const char               *out_path,
                GError                  **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_file_free);
  g_autofree char *prefix = figure_prefix (out_path);
  g_autofree char *dir = g_path_get_dirname (out_path);
  g_autofree char *text = rewrite_figures (markdown, meta, prefix, files, error);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    {
      FigureFile *ff = files->pdata[i];
      g_autofree char *path = g_build_filename (dir, ff->file, NULL);
      gsize size;
      const void *data = g_bytes_get_data (ff->png, &size);
      if (!mamori_write_file_atomically (path, data, size, 0644, error))
        return FALSE;
    }
  return mamori_write_file_atomically (out_path, text, strlen (text), 0644, error);
}

/* --- pandoc -------------------------------------------------------------------------------- */

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static gboolean
write_bytes (const char *dir,
             const char *name,
             GBytes     *bytes,
             GError    **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_file_set_contents (path, data, size, error);
}

static void
add_meta (GPtrArray  *argv,
          const char *key,
          const char *value)
{
  if (value != NULL && *value != '\0')
    {
      g_ptr_array_add (argv, g_strdup ("-M"));
      g_ptr_array_add (argv, g_strdup_printf ("%s=%s", key, value));
    }
}

/* Runs pandoc in dir on doc.md, writing to output; pandoc's messages go into the error. */
static gboolean
run_pandoc (const char               *dir,
            Format                    format,
            const MamoriDocumentMeta *meta,
            const char               *output,
            const char               *out_path,
            GError                  **error)
{
  g_autofree char *pandoc = g_find_program_in_path ("pandoc");
  g_autofree char *display = g_filename_display_name (out_path);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *err_text = NULL;
  const char *to = format == FORMAT_DOCX ? "docx" : "odt";
  GError *local = NULL;

  if (pandoc == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not write “%s”: Word and OpenDocument files are made by pandoc, which is not "
                     "installed. Install the package “pandoc”, or export as PDF."), display);
      return FALSE;
    }
  g_ptr_array_add (argv, g_strdup (pandoc));
  g_ptr_array_add (argv, g_strdup ("--from=gfm+pipe_tables+east_asian_line_breaks"));
  g_ptr_array_add (argv, g_strdup_printf ("--to=%s", to));
  g_ptr_array_add (argv, g_strdup_printf ("--reference-doc=reference.%s", to));
  g_ptr_array_add (argv, g_strdup_printf ("--resource-path=%s", dir));
  g_ptr_array_add (argv, g_strdup_printf ("--output=%s", output));
  if (meta != NULL)
    {
      add_meta (argv, "title", meta->title);
      add_meta (argv, "subtitle", meta->classification);
      add_meta (argv, "author", meta->organisation);
      add_meta (argv, "date", meta->date);
    }
  add_meta (argv, "lang", meta != NULL && g_strcmp0 (meta->lang, "en") == 0 ? "en-GB" : "ja-JP");
  g_ptr_array_add (argv, g_strdup ("doc.md"));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &local);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err_text, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: pandoc did not run: %s"),
                   display, local->message);
      g_error_free (local);
      return FALSE;
    }
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: pandoc failed: %s"),
                   display, err_text && *err_text ? g_strstrip (err_text) : _("no message"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_converted (const char               *markdown,
                 const MamoriDocumentMeta *meta,
                 Format                    format,
                 const char               *out_path,
                 GError                  **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_file_free);
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *absolute = NULL;
  g_autoptr(GBytes) reference = NULL;
  g_autoptr(GBytes) md = NULL;
  const char *ext = format == FORMAT_DOCX ? "docx" : "odt";
  g_autofree char *reference_name = g_strdup_printf ("reference.%s", ext);
  g_autofree char *reference_path = g_strconcat (WORD_RESOURCE, reference_name, NULL);
  gboolean ok = FALSE;

  if (meta != NULL && meta->numbering != NULL)
    {
      g_autofree char *numbered = number_headings (markdown, meta);
      text = rewrite_figures (numbered, meta, "figure", files, error);
    }
  else
    text = rewrite_figures (markdown, meta, "figure", files, error);
  if (text == NULL)
    return FALSE;
  reference = g_resources_lookup_data (reference_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (reference == NULL)
    return FALSE;
  dir = g_dir_make_tmp ("mamori-word-XXXXXX", error);
  if (dir == NULL)
    return FALSE;
  md = g_bytes_new_static (text, strlen (text));
  if (!write_bytes (dir, "doc.md", md, error) || !write_bytes (dir, reference_name, reference, error))
    goto out;
  for (guint i = 0; i < files->len; i++)
    {
      FigureFile *ff = files->pdata[i];
      if (!write_bytes (dir, ff->file, ff->png, error))
        goto out;
    }
  /* absolute: pandoc runs in dir */
  absolute = g_canonicalize_filename (out_path, NULL);
  tmp = mamori_pending_begin (absolute, error);
  if (tmp == NULL)
    goto out;
  if (!run_pandoc (dir, format, meta, tmp, out_path, error))
    {
      mamori_pending_abort (tmp);
      goto out;
    }
  ok = mamori_pending_commit (tmp, absolute, error);
out:
  remove_folder (dir);
  return ok;
}

gboolean
mamori_word_write (const char               *markdown,
                   const MamoriDocumentMeta *meta,
                   const char               *out_path,
                   GError                  **error)
{
  Format format = format_for_path (out_path);

  switch (format)
    {
    case FORMAT_MARKDOWN:
      return write_markdown (markdown, meta, out_path, error);
    case FORMAT_DOCX:
    case FORMAT_ODT:
      return write_converted (markdown, meta, format, out_path, error);
    case FORMAT_NONE:
    default:
      {
        g_autofree char *display = g_filename_display_name (out_path);
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("Cannot write “%s”: use a file name ending in .docx, .odt or .md."), display);
        return FALSE;
      }
    }
}

/* --- reports ------------------------------------------------------------------------------- */

gboolean
mamori_report_write_word (MamoriReport *report,
                          const char   *out_path,
                          GError      **error)
{
  MamoriDocumentMeta meta;

  mamori_report_get_meta (report, &meta);
  return mamori_word_write (mamori_report_get_markdown (report), &meta, out_path, error);
}

static gboolean
write_layout (MamoriLayout  *layout,
              const char    *out_path,
              char         **warning,
              GError       **error)
{
  if (layout == NULL)
    return FALSE;
  if (warning != NULL)
    *warning = g_strdup (mamori_layout_get_warning (layout));
  return mamori_layout_write_pdf (layout, out_path, error);
}

gboolean
mamori_document_write (const char                *markdown,
                       const MamoriDocumentMeta  *meta,
                       const char                *out_path,
                       char                     **warning,
                       GError                   **error)
{
  g_autoptr(MamoriLayout) layout = NULL;

  if (warning != NULL)
    *warning = NULL;
  if (mamori_word_supports_path (out_path))
    return mamori_word_write (markdown, meta, out_path, error);
  layout = mamori_layout_new (markdown, meta, error);
  return write_layout (layout, out_path, warning, error);
}

gboolean
mamori_report_write (MamoriReport  *report,
                     const char    *out_path,
                     char         **warning,
                     GError       **error)
{
  g_autoptr(MamoriLayout) layout = NULL;

  if (warning != NULL)
    *warning = NULL;
  if (mamori_word_supports_path (out_path))
    return mamori_report_write_word (report, out_path, error);
  layout = mamori_report_layout (report, error);
  return write_layout (layout, out_path, warning, error);
}
