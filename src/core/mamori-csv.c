/* mamori-csv.c — RFC 4180 CSV reading and writing; escaping for CSV cells, tab-separated
 * lines and messages */
#include "config.h"

#include <string.h>

#include "mamori-csv.h"
#include "mamori-csv-private.h"

static gboolean
formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* -12, 0, 3.5: what Mamori writes in its numeric columns. */
static gboolean
plain_number (const char *s)
{
  if (*s == '-')
    s++;
  if (!g_ascii_isdigit (*s))
    return FALSE;
  while (g_ascii_isdigit (*s))
    s++;
  if (*s == '.')
    {
      s++;
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        s++;
    }
  return *s == '\0';
}

/* After any leading ', a formula character: the ' before =1 is taken off on reading, so '=1
 * itself must be written ''=1 to come back as it was. */
static gboolean
guarded_shape (const char *s)
{
  while (*s == '\'')
    s++;
  return formula_start (*s);
}

gboolean
mamori_csv_needs_guard (const char *value)
{
  return value != NULL && guarded_shape (value) && !plain_number (value);
}

const char *
mamori_csv_cell_text (const char *cell)
{
  if (cell != NULL && cell[0] == '\'' && guarded_shape (cell + 1))
    return cell + 1;
  return cell;
}

void
mamori_csv_append_field (GString    *out,
                         const char *value)
{
  g_autofree char *guarded = NULL;

  if (value == NULL)
    return;
  if (mamori_csv_needs_guard (value))
    value = guarded = g_strconcat ("'", value, NULL);
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
  guint line = 1, quote_line = 0, row_line = 1;
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
                  if (rows->len >= MAMORI_CSV_MAX_RECORDS)
                    {
                      g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
                                   _("Line %u: the file has more than %d records, more than Mamori reads."),
                                   row_line, MAMORI_CSV_MAX_RECORDS);
                      return NULL;
                    }
                  row = g_new0 (MamoriCsvRow, 1);
                  row->line = row_line;
                  row->fields = g_ptr_array_new_with_free_func (g_free);
                }
              if (row->fields->len >= MAMORI_CSV_MAX_FIELDS)
                {
                  g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
                               _("Line %u: the record has more than %d fields, more than Mamori reads."),
                               row->line, MAMORI_CSV_MAX_FIELDS);
                  g_clear_pointer (&row, row_free);
                  return NULL;
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
          if (end_of_record)
            row_line = line;   /* the next record starts here */
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

/* --- text for other readers --------------------------------------------------------------- */

/* Appends the escaped form of text (up to max_chars characters when max_chars > 0; a
 * backslash is doubled only with backslash); TRUE when text was cut. */
static gboolean
append_escaped (GString    *out,
                const char *text,
                gsize       max_chars,
                gboolean    backslash)
{
  const char *p = text;
  const char *end = text + strlen (text);
  gsize n = 0;

  while (p < end)
    {
      guchar c = (guchar) *p;
      gunichar u;

      if (max_chars > 0 && n++ == max_chars)
        return TRUE;
      if (c < 0x80)
        {
          switch (c)
            {
            case '\\': g_string_append (out, backslash ? "\\\\" : "\\"); break;
            case '\t': g_string_append (out, "\\t"); break;
            case '\n': g_string_append (out, "\\n"); break;
            case '\r': g_string_append (out, "\\r"); break;
            default:
              if (c < 0x20 || c == 0x7f)
                g_string_append_printf (out, "\\x%02X", c);
              else
                g_string_append_c (out, (char) c);
            }
          p++;
          continue;
        }
      u = g_utf8_get_char_validated (p, end - p);
      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", c);
          p++;
          continue;
        }
      if ((u >= 0x80 && u <= 0x9f) || u == 0x2028 || u == 0x2029)
        g_string_append_printf (out, "\\u%04X", u);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return FALSE;
}

char *
mamori_tsv_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, text ? text : "", 0, TRUE);
  return g_string_free (out, FALSE);
}

char *
mamori_tsv_row (const char * const *fields,
                gsize               n_fields)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\t');
      append_escaped (out, fields[i] ? fields[i] : "", 0, TRUE);
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

char *
mamori_text_excerpt (const char *text)
{
  GString *out = g_string_new (NULL);

  if (append_escaped (out, text ? text : "", MAMORI_TEXT_EXCERPT_CHARS, FALSE))
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

char *
mamori_csv_match_key (const char *text)
{
  g_autofree char *n = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);

  for (const char *p = n ? n : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);
      if (g_unichar_isspace (u))
        continue;
      if (u < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char) u));
      else
        g_string_append_unichar (out, u);
    }
  return g_string_free (out, FALSE);
}
