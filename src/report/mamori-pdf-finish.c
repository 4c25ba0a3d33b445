/* mamori-pdf-finish.c — Cairo's PDF, rewritten by libqpdf
 *
 * Cairo 1.16 (Debian 12) reserves an object number for every marked-content item of a link or
 * destination tag and for the page's entry in the structure parent tree, but only writes the
 * structure tree when it has one, which it never has for links alone. The reserved numbers
 * stay in the cross-reference table with the offset of some other object, so readers call the
 * file damaged and rebuild the table (qpdf --check: "object 12 0 not found"; MuPDF: "repairing
 * PDF document"). The only objects that refer to the lost ones are parent-tree arrays that
 * nothing refers to.
 *
 * So: mend the table first (an entry that points at the wrong place gets the right one or, if
 * the object is nowhere, is marked free), so that libqpdf reads the file without having to
 * rebuild anything; check that no object the document uses is missing (qpdf would silently
 * read a missing object as null); write only the objects in use, packed into compressed object
 * streams (which also makes the files smaller), and refuse the result if qpdf warns while
 * writing it. Cairo 1.18 (the Flatpak runtime) writes a correct table; the rewrite then only
 * packs the file. */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <string.h>

#include "mamori-output.h"
#include "mamori-pdf-finish.h"

static const cairo_user_data_key_t pdf_bytes_key;

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
mamori_pdf_surface_new (double width,
                        double height)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);

  /* An error surface (out of memory) keeps no data and never writes: its status tells. */
  if (cairo_surface_set_user_data (surface, &pdf_bytes_key, bytes, (cairo_destroy_func_t) g_byte_array_unref)
      != CAIRO_STATUS_SUCCESS)
    g_byte_array_unref (bytes);
  return surface;
}

GBytes *
mamori_pdf_surface_steal (cairo_surface_t *surface,
                          cairo_status_t  *status)
{
  GByteArray *bytes;

  cairo_surface_finish (surface);
  *status = cairo_surface_status (surface);
  bytes = cairo_surface_get_user_data (surface, &pdf_bytes_key);
  if (bytes == NULL)
    {
      /* An error surface, or the PDF was taken already. */
      g_warn_if_fail (*status != CAIRO_STATUS_SUCCESS);
      return g_bytes_new (NULL, 0);
    }
  /* Keep the array: dropping the user data unrefs it. */
  g_byte_array_ref (bytes);
  cairo_surface_set_user_data (surface, &pdf_bytes_key, NULL, NULL);
  return g_byte_array_free_to_bytes (bytes);
}

/* PDF white space. */
static gboolean
is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static void
skip_space (const char **p,
            const char  *end)
{
  while (*p < end && is_space (**p))
    (*p)++;
}

/* A decimal number of at most nine digits at *p. */
static gboolean
read_number (const char **p,
             const char  *end,
             gint64      *value)
{
  const char *start = *p;

  *value = 0;
  while (*p < end && g_ascii_isdigit (**p) && *p - start < 9)
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
    }
  return *p > start;
}

/* Exactly n digits at s. */
static gboolean
digits (const char *s,
        int         n,
        gint64     *value)
{
  *value = 0;
  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      *value = *value * 10 + (s[i] - '0');
    }
  return TRUE;
}

static gboolean
read_word (const char **p,
           const char  *end,
           const char  *word)
{
  size_t n = strlen (word);

  if ((size_t) (end - *p) < n || memcmp (*p, word, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

/* Reads "number generation obj" at *p (after white space). */
static gboolean
read_object_header (const char **p,
                    const char  *end,
                    gint64      *number,
                    gint64      *generation)
{
  skip_space (p, end);
  if (!read_number (p, end, number) || *p == end || !is_space (**p))
    return FALSE;
  skip_space (p, end);
  if (!read_number (p, end, generation) || *p == end || !is_space (**p))
    return FALSE;
  skip_space (p, end);
  return read_word (p, end, "obj");
}

/* TRUE if the object number, generation starts at offset. */
static gboolean
object_at (const char *data,
           gsize       len,
           gint64      offset,
           gint64      number,
           gint64      generation)
{
  const char *p;
  gint64 n, g;

  if (offset < 0 || (guint64) offset >= len)
    return FALSE;
  p = data + offset;
  return read_object_header (&p, data + len, &n, &g) && n == number && g == generation;
}

/* Where each object begins: the last line that starts "number 0 obj" (a reader that rebuilds
 * the table looks for the same). Number → offset + 1. */
static GHashTable *
find_objects (const char *data,
              gsize       len)
{
  GHashTable *found = g_hash_table_new (NULL, NULL);
  const char *end = data + len;

  for (const char *line = data; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *p = line;
      gint64 n, g;

      if (g_ascii_isdigit (*line) && read_object_header (&p, end, &n, &g) && g == 0 && n <= G_MAXINT)
        g_hash_table_insert (found, GINT_TO_POINTER ((int) n), GSIZE_TO_POINTER (line - data + 1));
      line = nl != NULL ? nl + 1 : end;
    }
  return found;
}

/* Mends the last cross-reference table (a classic one, as Cairo writes): an entry whose offset
 * does not hold its object gets the object's real offset or, if the object is nowhere in the
 * file, is marked free. Counts both. A table in another form is left to qpdf to rebuild. */
static void
mend_table (char  *data,
            gsize  len,
            guint *moved,
            guint *freed)
{
  g_autoptr(GHashTable) objects = NULL;
  const char *end = data + len;
  const char *p = NULL;
  gsize key = strlen ("startxref");
  gint64 xref;

  /* The last "startxref" in the last kilobyte; i is where it would end. */
  for (gsize i = len; i >= key && len - i < 1024; i--)
    if (memcmp (data + i - key, "startxref", key) == 0)
      {
        p = data + i;
        break;
      }
  if (p == NULL)
    return;
  skip_space (&p, end);
  if (!read_number (&p, end, &xref) || (guint64) xref >= len)
    return;
  p = data + xref;
  if (!read_word (&p, end, "xref"))
    return;
  for (;;)
    {
      gint64 first, count;

      skip_space (&p, end);
      if (!read_number (&p, end, &first))
        return;   /* "trailer", or something unexpected */
      skip_space (&p, end);
      if (!read_number (&p, end, &count))
        return;
      skip_space (&p, end);
      /* Entries are exactly 20 bytes: "oooooooooo ggggg n" and a two-byte end of line. */
      for (gint64 i = 0; i < count; i++, p += 20)
        {
          char *entry = data + (p - data);   /* the same byte, writable */
          gint64 offset, generation;
          gsize found;

          if (end - p < 20 || !digits (entry, 10, &offset) || entry[10] != ' '
              || !digits (entry + 11, 5, &generation) || entry[16] != ' '
              || (entry[17] != 'n' && entry[17] != 'f'))
            return;
          if (entry[17] != 'n' || object_at (data, len, offset, first + i, generation))
            continue;
          if (objects == NULL)
            objects = find_objects (data, len);
          found = generation == 0 && first + i <= G_MAXINT
                    ? GPOINTER_TO_SIZE (g_hash_table_lookup (objects, GINT_TO_POINTER ((int) (first + i))))
                    : 0;
          if (found != 0)
            {
              char digits10[11];

              g_snprintf (digits10, sizeof digits10, "%010" G_GSIZE_FORMAT, found - 1);
              memcpy (entry, digits10, 10);
              (*moved)++;
            }
          else
            {
              memcpy (entry, "0000000000 65535 f", 18);
              (*freed)++;
            }
        }
    }
}

/* The number of an object that the document refers to (from the trailer on) but that is not
 * in the file, or 0. */
static int
find_missing_object (qpdf_data q)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (qpdf_oh));
  int missing = 0;
  qpdf_oh oh = qpdf_get_trailer (q);

  /* A stack, not recursion: outline items and pages chain far. */
  g_array_append_val (stack, oh);
  while (stack->len > 0 && missing == 0)
    {
      oh = g_array_index (stack, qpdf_oh, stack->len - 1);
      g_array_set_size (stack, stack->len - 1);
      if (qpdf_oh_is_indirect (q, oh))
        {
          int id = qpdf_oh_get_object_id (q, oh);

          /* Cairo writes generation 0 only, so the number identifies the object. */
          if (!g_hash_table_add (seen, GINT_TO_POINTER (id)))
            {
              qpdf_oh_release (q, oh);
              continue;
            }
          if (qpdf_oh_get_type_code (q, oh) == ot_null)
            missing = id;
        }
      if (qpdf_oh_is_stream (q, oh))
        {
          qpdf_oh dict = qpdf_oh_get_dict (q, oh);
          g_array_append_val (stack, dict);
        }
      else if (qpdf_oh_is_dictionary (q, oh))
        {
          qpdf_oh_begin_dict_key_iter (q, oh);
          while (qpdf_oh_dict_more_keys (q))
            {
              qpdf_oh value = qpdf_oh_get_key (q, oh, qpdf_oh_dict_next_key (q));
              g_array_append_val (stack, value);
            }
        }
      else if (qpdf_oh_is_array (q, oh))
        {
          int n = qpdf_oh_get_array_n_items (q, oh);

          for (int i = 0; i < n; i++)
            {
              qpdf_oh item = qpdf_oh_get_array_item (q, oh, i);
              g_array_append_val (stack, item);
            }
        }
      qpdf_oh_release (q, oh);
    }
  qpdf_oh_release_all (q);
  return missing;
}

/* Reads every object that the table lists (qpdf's writer does too). A table that qpdf has to
 * rebuild is then rebuilt now, while its warnings are only noted, not while writing, where a
 * warning makes the rewrite fail. */
static void
resolve_all (qpdf_data q,
             gsize     len)
{
  qpdf_oh trailer = qpdf_get_trailer (q);
  qpdf_oh size = qpdf_oh_get_key (q, trailer, "/Size");
  int n = 0;

  /* Every object takes a byte at least: a wild /Size is not followed. */
  if (!qpdf_oh_get_value_as_int (q, size, &n) || n < 0 || (gsize) n > len)
    n = 0;
  for (int id = 1; id < n; id++)
    {
      qpdf_oh oh = qpdf_get_object_by_id (q, id, 0);
      qpdf_oh_get_type_code (q, oh);
      qpdf_oh_release (q, oh);
    }
  qpdf_oh_release_all (q);
}

/* The reason qpdf gives for its last error, for a message. */
static char *
qpdf_reason (qpdf_data q)
{
  qpdf_error e = qpdf_get_error (q);

  return g_strdup (e != NULL ? qpdf_get_error_message_detail (q, e) : "?");
}

/* The rewrite; NULL and a reason (a clause for a message) on failure. */
static GBytes *
finish (GBytes  *pdf,
        char   **reason)
{
  gsize len = g_bytes_get_size (pdf);
  /* A copy: the table is mended in place, and qpdf reads from it until cleanup. */
  g_autofree char *data = g_memdup2 (g_bytes_get_data (pdf, NULL), len);
  qpdf_data q = qpdf_init ();
  GBytes *result = NULL;
  guint moved = 0, freed = 0;
  int missing;

  /* Errors and warnings are collected here, never printed. */
  qpdf_silence_errors (q);
  qpdf_set_suppress_warnings (q, QPDF_TRUE);
  mend_table (data, len, &moved, &freed);
  if (qpdf_read_memory (q, "PDF", data, len, NULL) & QPDF_ERRORS)
    {
      g_autofree char *detail = qpdf_reason (q);
      *reason = g_strdup_printf (_("the PDF could not be read back (%s)"), detail);
      goto out;
    }
  resolve_all (q, len);
  missing = find_missing_object (q);
  /* Warnings while reading (a table that qpdf had to rebuild) are not fatal: what counts is
   * that nothing is missing and that the writing goes without a word. */
  while (qpdf_more_warnings (q))
    g_debug ("PDF: %s", qpdf_get_error_full_text (q, qpdf_next_warning (q)));
  if (qpdf_has_error (q))
    {
      g_autofree char *detail = qpdf_reason (q);
      *reason = g_strdup_printf (_("the PDF could not be read back (%s)"), detail);
      goto out;
    }
  if (missing != 0)
    {
      *reason = g_strdup_printf (_("the PDF refers to object %d, which is missing"), missing);
      goto out;
    }
  if (qpdf_init_write_memory (q) & QPDF_ERRORS)
    {
      g_autofree char *detail = qpdf_reason (q);
      *reason = g_strdup_printf (_("the PDF could not be rewritten (%s)"), detail);
      goto out;
    }
  qpdf_set_object_stream_mode (q, qpdf_o_generate);
  qpdf_set_compress_streams (q, QPDF_TRUE);
  if (qpdf_write (q) & QPDF_ERRORS)
    {
      g_autofree char *detail = qpdf_reason (q);
      *reason = g_strdup_printf (_("the PDF could not be rewritten (%s)"), detail);
      goto out;
    }
  /* A warning while writing means the output may not be what was read: refuse it. */
  if (qpdf_more_warnings (q))
    {
      *reason = g_strdup_printf (_("the PDF could not be rewritten (%s)"),
                                 qpdf_get_error_message_detail (q, qpdf_next_warning (q)));
      goto out;
    }
  result = g_bytes_new (qpdf_get_buffer (q), qpdf_get_buffer_length (q));
  g_debug ("PDF: %" G_GSIZE_FORMAT " → %" G_GSIZE_FORMAT " bytes; table entries: %u moved, %u freed", len,
           g_bytes_get_size (result), moved, freed);

out:
  qpdf_cleanup (&q);
  return result;
}

GBytes *
mamori_pdf_finish (GBytes  *pdf,
                   GError **error)
{
  g_autofree char *reason = NULL;
  GBytes *result;

  g_return_val_if_fail (pdf != NULL, NULL);
  result = finish (pdf, &reason);
  if (result == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Could not finish the PDF: %s"), reason);
  return result;
}

/* Writes bytes to the file tmp; FALSE with errno in *saved on failure. */
static gboolean
write_all (const char *tmp,
           GBytes     *bytes,
           int        *saved)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  FILE *f = g_fopen (tmp, "wb");
  gboolean ok;

  if (f == NULL)
    {
      *saved = errno;
      return FALSE;
    }
  ok = fwrite (data, 1, size, f) == size;
  if (!ok)
    *saved = errno;
  if (fclose (f) != 0 && ok)
    {
      *saved = errno;
      ok = FALSE;
    }
  return ok;
}

gboolean
mamori_pdf_surface_write (cairo_surface_t *surface,
                          const char      *path,
                          GError         **error)
{
  g_autoptr(GBytes) drawn = NULL;
  g_autoptr(GBytes) finished = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *tmp = NULL;
  cairo_status_t status;
  int saved = 0;

  drawn = mamori_pdf_surface_steal (surface, &status);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  finished = finish (drawn, &reason);
  if (finished == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Could not write “%s”: %s"), path, reason);
      return FALSE;
    }
  tmp = mamori_output_begin (path, error);
  if (tmp == NULL)
    return FALSE;
  if (!write_all (tmp, finished, &saved))
    {
      mamori_output_abort (tmp, path, g_strerror (saved), error);
      return FALSE;
    }
  return mamori_output_commit (tmp, path, error);
}
