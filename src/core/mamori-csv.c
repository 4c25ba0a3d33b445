/* mamori-csv.c — RFC 4180 CSV writing */
#include "config.h"

#include <string.h>

#include "mamori-csv.h"

void
mamori_csv_append_field (GString    *out,
                         const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL && value[0] != ' ' &&
      (value[0] == '\0' || value[strlen (value) - 1] != ' '))
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *c = value; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

void
mamori_csv_append_row (GString           *out,
                       const char * const *fields,
                       gsize               n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      mamori_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

/* --- reading ------------------------------------------------------------------------------ */

#include <glib/gi18n.h>

G_DEFINE_QUARK (mamori-csv-error-quark, mamori_csv_error)

char *
mamori_csv_decode (const char  *data,
                   gsize        length,
                   const char **encoding,
                   GError     **error)
{
  char *utf8;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
      if (encoding)
        *encoding = "UTF-8 (BOM)";
    }
  else if (encoding)
    *encoding = "UTF-8";
  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);

  utf8 = g_convert (data, length, "UTF-8", "CP932", NULL, NULL, NULL);
  if (utf8 == NULL)
    {
      g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_ENCODING,
                   _("The file is neither UTF-8 nor Shift_JIS text."));
      return NULL;
    }
  if (encoding)
    *encoding = "Shift_JIS (CP932)";
  return utf8;
}

static void
row_free (MamoriCsvRow *row)
{
  g_ptr_array_unref (row->fields);
  g_free (row);
}

GPtrArray *
mamori_csv_parse (const char  *text,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GString) field = g_string_new (NULL);
  MamoriCsvRow *row = NULL;
  guint line = 1, quote_line = 0;
  gboolean quoted = FALSE, was_quoted = FALSE;
  const char *p = text;

  for (;; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '\0')
            {
              g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
                           _("Line %u: a quoted field is never closed."), quote_line);
              g_clear_pointer (&row, row_free);
              return NULL;
            }
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      if (c == '"' && field->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          quote_line = line;
          continue;
        }
      if (c == ',' || c == '\n' || c == '\r' || c == '\0')
        {
          gboolean end_of_record = c != ',';
          gboolean blank = row == NULL && field->len == 0 && !was_quoted;

          if (!(end_of_record && blank))
            {
              if (row == NULL)
                {
                  row = g_new0 (MamoriCsvRow, 1);
                  row->line = line;
                  row->fields = g_ptr_array_new_with_free_func (g_free);
                }
              g_ptr_array_add (row->fields, g_strdup (field->str));
            }
          g_string_truncate (field, 0);
          was_quoted = FALSE;
          if (end_of_record && row != NULL)
            {
              g_ptr_array_add (rows, row);
              row = NULL;
            }
          if (c == '\r' && p[1] == '\n')
            p++;
          if (c == '\n' || c == '\r')
            line++;
          if (c == '\0')
            break;
          continue;
        }
      if (was_quoted)
        {
          g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
                       _("Line %u: text follows the closing quote of a field."), line);
          g_clear_pointer (&row, row_free);
          return NULL;
        }
      g_string_append_c (field, c);
    }
  return g_steal_pointer (&rows);
}
