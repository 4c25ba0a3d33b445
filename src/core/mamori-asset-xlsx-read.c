/* mamori-asset-xlsx-read.c — the ledger read from an Excel workbook: the zip archive with
 * libzip, its XML parts with libxml2's streaming reader, then the rows through the same
 * header and cell rules as the CSV import (mamori_asset_rows_read) */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "mamori-asset-xlsx-read.h"
#include "mamori-asset.h"
#include "mamori-csv.h"

#define MAX_SHEETS 1000
#define MAX_ROW 1048576u
#define MAX_MERGE_WORK 20000000u

typedef struct {
  zip_t *zip;
  gsize bytes_read;
  guint cells;                /* cells kept, over every sheet read */
  GPtrArray *shared;          /* char*: the shared strings */
  GArray *date_styles;        /* gboolean per cellXfs index: a date format */
  gboolean date1904;
} Book;

typedef struct {
  char *name;
  char *path;
} SheetRef;

static void
sheet_ref_free (SheetRef *s)
{
  g_free (s->name);
  g_free (s->path);
  g_free (s);
}

static void
row_free (MamoriCsvRow *row)
{
  g_ptr_array_unref (row->fields);
  g_free (row);
}

static void
set_error (GError    **error,
           const char *message)
{
  g_set_error_literal (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX, message);
}

/* The part name of the zip, or *xml NULL without error when optional and absent. */
static gboolean
read_part (Book        *b,
           const char  *name,
           gboolean     optional,
           char       **xml,
           gsize       *len,
           GError     **error)
{
  zip_int64_t index = zip_name_locate (b->zip, name, 0);
  zip_stat_t st;
  zip_file_t *f;
  zip_int64_t n;
  char *buf;

  *xml = NULL;
  if (index < 0)
    {
      if (optional)
        return TRUE;
      g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
                   _("The workbook has no part “%s”; is it an Excel workbook (.xlsx)?"), name);
      return FALSE;
    }
  zip_stat_init (&st);
  if (zip_stat_index (b->zip, (zip_uint64_t) index, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
      st.size > MAMORI_XLSX_MAX_ENTRY_BYTES)
    {
      g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
                   _("“%s” in the workbook is larger than %u MB uncompressed, more than Mamori reads."), name,
                   (guint) (MAMORI_XLSX_MAX_ENTRY_BYTES / 1000000));
      return FALSE;
    }
  if (b->bytes_read + st.size > MAMORI_XLSX_MAX_TOTAL_BYTES)
    {
      g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
                   _("The parts of the workbook are larger than %u MB uncompressed together, more than Mamori reads."),
                   (guint) (MAMORI_XLSX_MAX_TOTAL_BYTES / 1000000));
      return FALSE;
    }
  f = zip_fopen_index (b->zip, (zip_uint64_t) index, 0);
  if (f == NULL)
    {
      g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX, _("“%s” in the workbook cannot be read: %s"),
                   name, zip_strerror (b->zip));
      return FALSE;
    }
  buf = g_malloc (st.size + 1);
  n = zip_fread (f, buf, st.size + 1);
  if (n < 0 || (zip_uint64_t) n != st.size)
    {
      g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX, _("“%s” in the workbook cannot be read: %s"),
                   name, n < 0 ? zip_file_strerror (f) : _("its size is not the one recorded"));
      zip_fclose (f);
      g_free (buf);
      return FALSE;
    }
  zip_fclose (f);
  buf[st.size] = '\0';
  b->bytes_read += st.size;
  *xml = buf;
  *len = st.size;
  return TRUE;
}

static xmlTextReaderPtr
xml_open (const char *xml,
          gsize       len,
          const char *name)
{
  /* No network, no entity substitution; a document type declaration is refused in xml_next. */
  return xmlReaderForMemory (xml, (int) len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

/* The next node; FALSE at the end, with *bad set when the XML is not well-formed. */
static gboolean
xml_next (xmlTextReaderPtr r,
          gboolean        *bad)
{
  int rc = xmlTextReaderRead (r);

  if (rc == 1 && xmlTextReaderNodeType (r) == XML_READER_TYPE_DOCUMENT_TYPE)
    rc = -1;
  if (rc < 0)
    *bad = TRUE;
  return rc == 1;
}

static gboolean
xml_done (xmlTextReaderPtr  r,
          gboolean          bad,
          const char       *name,
          GError          **error)
{
  xmlFreeTextReader (r);
  if (bad && (error == NULL || *error == NULL))
    g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
                 _("“%s” in the workbook is not XML that Mamori reads (damaged, or with a document type)."), name);
  return !bad && (error == NULL || *error == NULL);
}

static const char *
local_name (xmlTextReaderPtr r)
{
  const xmlChar *n = xmlTextReaderConstLocalName (r);
  return n ? (const char *) n : "";
}

static gboolean
is_text (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}

/* The attribute with that local name (any namespace: r:id), or NULL. */
static char *
attr (xmlTextReaderPtr r,
      const char      *local)
{
  char *v = NULL;

  if (xmlTextReaderMoveToFirstAttribute (r) == 1)
    {
      do
        if (g_str_equal (local_name (r), local))
          {
            const xmlChar *value = xmlTextReaderConstValue (r);
            v = g_strdup (value ? (const char *) value : "");
            break;
          }
      while (xmlTextReaderMoveToNextAttribute (r) == 1);
      xmlTextReaderMoveToElement (r);
    }
  return v;
}

/* --- parts ------------------------------------------------------------------------------- */

static gboolean
read_shared_strings (Book        *b,
                     const char  *part,
                     GError     **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(GString) si = NULL;
  xmlTextReaderPtr r;
  gboolean bad = FALSE, in_t = FALSE;
  int phonetic = 0;
  gsize len = 0;

  if (!read_part (b, part, TRUE, &xml, &len, error))
    return FALSE;
  if (xml == NULL)
    return TRUE;
  r = xml_open (xml, len, part);
  if (r == NULL)
    return xml_done (NULL, TRUE, part, error);
  while (xml_next (r, &bad))
    {
      int type = xmlTextReaderNodeType (r);
      const char *name = local_name (r);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (r) == 1;
          if (g_str_equal (name, "si"))
            {
              if (b->shared->len >= MAMORI_XLSX_MAX_CELLS)
                {
                  g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
                               _("The workbook has more than %d cells, more than Mamori reads."), MAMORI_XLSX_MAX_CELLS);
                  break;
                }
              if (empty)
                g_ptr_array_add (b->shared, g_strdup (""));
              else
                {
                  if (si != NULL)
                    g_string_free (g_steal_pointer (&si), TRUE);
                  si = g_string_new (NULL);
                }
            }
          else if (g_str_equal (name, "rPh") && !empty)
            phonetic++;   /* furigana: not the cell's text */
          else if (g_str_equal (name, "t") && !empty)
            in_t = TRUE;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (g_str_equal (name, "si") && si != NULL)
            g_ptr_array_add (b->shared, g_string_free (g_steal_pointer (&si), FALSE));
          else if (g_str_equal (name, "rPh") && phonetic > 0)
            phonetic--;
          else if (g_str_equal (name, "t"))
            in_t = FALSE;
        }
      else if (is_text (type) && in_t && phonetic == 0 && si != NULL)
        {
          const xmlChar *v = xmlTextReaderConstValue (r);
          g_string_append (si, v ? (const char *) v : "");
        }
    }
  return xml_done (r, bad, part, error);
}

/* A custom number format that shows a date: d with y, m or an era year (e), outside quoted
 * text, escapes and [colour/locale] sections. */
static gboolean
format_is_date (const char *code)
{
  gboolean d = FALSE, ym = FALSE;

  if (g_ascii_strcasecmp (code, "General") == 0)
    return FALSE;
  for (const char *p = code; *p; p++)
    {
      char c = g_ascii_tolower (*p);
      if (c == '"')
        {
          const char *q = strchr (p + 1, '"');
          if (q == NULL)
            break;
          p = q;
        }
      else if (c == '\\' || c == '_' || c == '*')
        {
          if (p[1] == '\0')
            break;
          p++;
        }
      else if (c == '[')
        {
          const char *q = strchr (p, ']');
          if (q == NULL)
            break;
          p = q;
        }
      else if (c == 'd')
        d = TRUE;
      else if (c == 'y' || c == 'm' || c == 'e')
        ym = TRUE;
    }
  return d && ym;
}

/* Built-in formats that show a date: 14–22, and the Japanese ones 27–36 and 50–58. */
static gboolean
builtin_is_date (guint id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

static gboolean
read_styles (Book        *b,
             const char  *part,
             GError     **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(GHashTable) custom = g_hash_table_new (NULL, NULL);   /* id → 1 (date) or 2 (not) */
  xmlTextReaderPtr r;
  gboolean bad = FALSE, in_xfs = FALSE;
  gsize len = 0;

  if (!read_part (b, part, TRUE, &xml, &len, error))
    return FALSE;
  if (xml == NULL)
    return TRUE;
  r = xml_open (xml, len, part);
  if (r == NULL)
    return xml_done (NULL, TRUE, part, error);
  while (xml_next (r, &bad))
    {
      int type = xmlTextReaderNodeType (r);
      const char *name = local_name (r);

      if (type == XML_READER_TYPE_ELEMENT && g_str_equal (name, "numFmt"))
        {
          g_autofree char *id = attr (r, "numFmtId");
          g_autofree char *code = attr (r, "formatCode");
          if (id != NULL && code != NULL)
            g_hash_table_insert (custom, GUINT_TO_POINTER ((guint) strtoul (id, NULL, 10)),
                                 GINT_TO_POINTER (format_is_date (code) ? 1 : 2));
        }
      else if (type == XML_READER_TYPE_ELEMENT && g_str_equal (name, "cellXfs"))
        in_xfs = xmlTextReaderIsEmptyElement (r) != 1;
      else if (type == XML_READER_TYPE_END_ELEMENT && g_str_equal (name, "cellXfs"))
        in_xfs = FALSE;
      else if (type == XML_READER_TYPE_ELEMENT && in_xfs && g_str_equal (name, "xf") &&
               xmlTextReaderDepth (r) == 2 && b->date_styles->len < MAMORI_XLSX_MAX_CELLS)
        {
          g_autofree char *id_text = attr (r, "numFmtId");
          guint id = id_text ? (guint) strtoul (id_text, NULL, 10) : 0;
          int kind = GPOINTER_TO_INT (g_hash_table_lookup (custom, GUINT_TO_POINTER (id)));
          gboolean date = kind == 1 || (kind == 0 && builtin_is_date (id));
          g_array_append_val (b->date_styles, date);
        }
    }
  return xml_done (r, bad, part, error);
}

/* xl/_rels/workbook.xml.rels → id → part path; the shared strings' and styles' paths. */
static gboolean
read_rels (Book        *b,
           GHashTable  *targets,
           char       **shared_path,
           char       **styles_path,
           GError     **error)
{
  const char *part = "xl/_rels/workbook.xml.rels";
  g_autofree char *xml = NULL;
  xmlTextReaderPtr r;
  gboolean bad = FALSE;
  gsize len = 0;

  if (!read_part (b, part, FALSE, &xml, &len, error))
    return FALSE;
  r = xml_open (xml, len, part);
  if (r == NULL)
    return xml_done (NULL, TRUE, part, error);
  while (xml_next (r, &bad))
    if (xmlTextReaderNodeType (r) == XML_READER_TYPE_ELEMENT && g_str_equal (local_name (r), "Relationship"))
      {
        g_autofree char *id = attr (r, "Id");
        g_autofree char *type = attr (r, "Type");
        g_autofree char *target = attr (r, "Target");
        char *path;
        if (id == NULL || target == NULL || g_hash_table_size (targets) >= MAX_SHEETS * 4)
          continue;
        path = target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL);
        if (type != NULL && g_str_has_suffix (type, "/sharedStrings"))
          g_free (*shared_path), *shared_path = g_strdup (path);
        else if (type != NULL && g_str_has_suffix (type, "/styles"))
          g_free (*styles_path), *styles_path = g_strdup (path);
        if (type != NULL && g_str_has_suffix (type, "/worksheet"))
          g_hash_table_replace (targets, g_steal_pointer (&id), path);
        else
          g_free (path);
      }
  return xml_done (r, bad, part, error);
}

static gboolean
read_workbook (Book        *b,
               GHashTable  *targets,
               GPtrArray   *sheets,
               GError     **error)
{
  const char *part = "xl/workbook.xml";
  g_autofree char *xml = NULL;
  xmlTextReaderPtr r;
  gboolean bad = FALSE;
  gsize len = 0;

  if (!read_part (b, part, FALSE, &xml, &len, error))
    return FALSE;
  r = xml_open (xml, len, part);
  if (r == NULL)
    return xml_done (NULL, TRUE, part, error);
  while (xml_next (r, &bad))
    {
      const char *name = local_name (r);
      if (xmlTextReaderNodeType (r) != XML_READER_TYPE_ELEMENT)
        continue;
      if (g_str_equal (name, "workbookPr"))
        {
          g_autofree char *d = attr (r, "date1904");
          b->date1904 = d != NULL && (g_str_equal (d, "1") || g_ascii_strcasecmp (d, "true") == 0);
        }
      else if (g_str_equal (name, "sheet") && sheets->len < MAX_SHEETS)
        {
          g_autofree char *sheet_name = attr (r, "name");
          g_autofree char *id = attr (r, "id");
          const char *path = id ? g_hash_table_lookup (targets, id) : NULL;
          if (path != NULL)
            {
              SheetRef *s = g_new0 (SheetRef, 1);
              s->name = g_strdup (sheet_name ? sheet_name : "");
              s->path = g_strdup (path);
              g_ptr_array_add (sheets, s);
            }
        }
    }
  return xml_done (r, bad, part, error);
}

/* --- a worksheet --------------------------------------------------------------------------- */

/* “B12” → column 1, row 12 (either may be absent: 0); the text after it. */
static const char *
parse_ref (const char *p,
           guint      *col,
           guint      *row)
{
  guint c = 0, r = 0, letters = 0, digits = 0;

  while (g_ascii_isalpha (*p) && letters < 4)
    c = c * 26 + (guint) (g_ascii_toupper (*p++) - 'A' + 1), letters++;
  while (g_ascii_isdigit (*p) && digits < 8)
    r = r * 10 + (guint) (*p++ - '0'), digits++;
  *col = c;
  *row = r;
  return p;
}

static gboolean
count_cells (Book    *b,
             guint    more,
             GError **error)
{
  b->cells += more;
  if (b->cells <= MAMORI_XLSX_MAX_CELLS)
    return TRUE;
  g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
               _("The workbook has more than %d cells, more than Mamori reads."), MAMORI_XLSX_MAX_CELLS);
  return FALSE;
}

static gboolean
set_cell (Book          *b,
          MamoriCsvRow  *row,
          guint          col,
          char          *text,
          GError       **error)
{
  if (row->fields->len <= col)
    {
      guint more = col + 1 - row->fields->len;
      if (!count_cells (b, more, error))
        {
          g_free (text);
          return FALSE;
        }
      while (row->fields->len <= col)
        g_ptr_array_add (row->fields, g_strdup (""));
    }
  g_free (row->fields->pdata[col]);
  row->fields->pdata[col] = text;
  return TRUE;
}

/* Excel's serial day (1900 system, with its 29 February 1900; or the 1904 system). */
static char *
serial_to_date (double v,
                gboolean date1904)
{
  g_autoptr(GDateTime) base = NULL;
  g_autoptr(GDateTime) day = NULL;
  gint64 days;

  if (!(v >= (date1904 ? 0 : 1) && v < 2958466))
    return NULL;
  days = (gint64) floor (v);
  if (!date1904 && days < 60)
    days++;
  base = date1904 ? g_date_time_new_utc (1904, 1, 1, 0, 0, 0) : g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
  day = g_date_time_add_days (base, (int) days);
  return day ? g_date_time_format (day, "%Y-%m-%d") : NULL;
}

static char *
cell_text (Book       *b,
           const char *type,
           guint       style,
           const char *v)
{
  char *end = NULL;
  double d;

  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 i = g_ascii_strtoull (v, &end, 10);
      return *v != '\0' && *end == '\0' && i < b->shared->len ? g_strdup (b->shared->pdata[i]) : g_strdup ("");
    }
  if (g_strcmp0 (type, "b") == 0)
    return g_strdup (g_str_equal (v, "1") ? "TRUE" : "FALSE");
  if (type != NULL && g_strcmp0 (type, "n") != 0)
    return g_strdup (v);   /* inlineStr, str (a formula's text), e (an error such as #N/A), d (ISO date) */
  d = g_ascii_strtod (v, &end);
  if (*v == '\0' || *end != '\0' || !isfinite (d))
    return g_strdup (v);
  if (style < b->date_styles->len && g_array_index (b->date_styles, gboolean, style))
    {
      char *date = serial_to_date (d, b->date1904);
      if (date != NULL)
        return date;
    }
  if (d == floor (d) && fabs (d) < 1e15)
    return g_strdup_printf ("%.0f", d == 0 ? 0.0 : d);
  {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", d));
  }
}

typedef struct {
  guint r1, c1, r2, c2;   /* 1-based, inclusive */
} Merge;

/* A merged cell's value fills its range (in rows the sheet has): the header's merged headings
 * and a category merged down over its assets. */
static gboolean
fill_merges (Book        *b,
             const char  *sheet,
             GHashTable  *by_number,
             guint        max_row,
             GArray      *merges,
             GError     **error)
{
  guint64 work = 0;

  for (guint m = 0; m < merges->len; m++)
    {
      Merge *g = &g_array_index (merges, Merge, m);
      MamoriCsvRow *first = g_hash_table_lookup (by_number, GUINT_TO_POINTER (g->r1));
      const char *value;
      guint r2 = MIN (g->r2, max_row), c2 = MIN (g->c2, (guint) MAMORI_CSV_MAX_FIELDS);

      /* A range that starts beyond the columns read (formatting far to the right) fills nothing. */
      if (first == NULL || g->c1 > c2 || g->c1 - 1 >= first->fields->len)
        continue;
      value = first->fields->pdata[g->c1 - 1];
      if (*value == '\0')
        continue;
      for (guint r = g->r1; r <= r2; r++)
        {
          MamoriCsvRow *row = g_hash_table_lookup (by_number, GUINT_TO_POINTER (r));
          work += 1 + (row ? c2 - g->c1 + 1 : 0);
          if (work > MAX_MERGE_WORK)
            {
              g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
                           _("Sheet “%s” has more merged cells than Mamori reads."), sheet);
              return FALSE;
            }
          for (guint c = g->c1; row != NULL && c <= c2; c++)
            if (!(r == g->r1 && c == g->c1) && (c - 1 >= row->fields->len || *(char *) row->fields->pdata[c - 1] == '\0') &&
                !set_cell (b, row, c - 1, g_strdup (value), error))
              return FALSE;
        }
    }
  return TRUE;
}

static GPtrArray *
read_sheet (Book        *b,
            SheetRef    *s,
            GError     **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GHashTable) by_number = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) merges = g_array_new (FALSE, FALSE, sizeof (Merge));
  g_autoptr(GString) value = g_string_new (NULL);
  g_autofree char *type = NULL;
  xmlTextReaderPtr r;
  MamoriCsvRow *row = NULL;
  gboolean bad = FALSE, in_c = FALSE, in_v = FALSE, in_is = FALSE, in_t = FALSE;
  guint row_no = 0, max_row = 0, style = 0;
  int col = -1;
  int phonetic = 0;
  gsize len = 0;

  if (!read_part (b, s->path, FALSE, &xml, &len, error))
    return NULL;
  r = xml_open (xml, len, s->path);
  if (r == NULL)
    {
      xml_done (NULL, TRUE, s->path, error);
      return NULL;
    }
  while (!bad && xml_next (r, &bad))
    {
      int node = xmlTextReaderNodeType (r);
      const char *name = local_name (r);

      if (node == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (r) == 1;
          if (g_str_equal (name, "row"))
            {
              g_autofree char *n = attr (r, "r");
              guint number = n ? (guint) g_ascii_strtoull (n, NULL, 10) : row_no + 1;
              if (number == 0 || number > MAX_ROW)
                {
                  bad = TRUE;
                  break;
                }
              row_no = number;
              max_row = MAX (max_row, row_no);
              col = -1;
              row = g_hash_table_lookup (by_number, GUINT_TO_POINTER (row_no));
              if (row == NULL)
                {
                  row = g_new0 (MamoriCsvRow, 1);
                  row->line = row_no;
                  row->fields = g_ptr_array_new_with_free_func (g_free);
                  g_ptr_array_add (rows, row);
                  g_hash_table_insert (by_number, GUINT_TO_POINTER (row_no), row);
                }
              if (empty)
                row = NULL;
            }
          else if (g_str_equal (name, "c") && row != NULL)
            {
              g_autofree char *ref = attr (r, "r");
              g_autofree char *s_attr = attr (r, "s");
              guint c = 0, rr = 0;
              if (ref != NULL)
                parse_ref (ref, &c, &rr);
              col = c > 0 ? (int) c - 1 : col + 1;
              if (col > 16383)
                {
                  bad = TRUE;
                  break;
                }
              g_free (type);
              type = attr (r, "t");
              style = s_attr ? (guint) g_ascii_strtoull (s_attr, NULL, 10) : 0;
              g_string_truncate (value, 0);
              in_c = !empty;
            }
          else if (in_c && g_str_equal (name, "v") && !empty)
            in_v = TRUE;
          else if (in_c && g_str_equal (name, "is") && !empty)
            in_is = TRUE;
          else if (in_is && g_str_equal (name, "t") && !empty)
            in_t = TRUE;
          else if (in_is && g_str_equal (name, "rPh") && !empty)
            phonetic++;
          else if (g_str_equal (name, "mergeCell") && merges->len < MAMORI_XLSX_MAX_CELLS)
            {
              g_autofree char *ref = attr (r, "ref");
              Merge m = { 0 };
              const char *p = ref ? parse_ref (ref, &m.c1, &m.r1) : NULL;
              if (p != NULL && *p == ':' && *parse_ref (p + 1, &m.c2, &m.r2) == '\0' && m.c1 > 0 && m.r1 > 0 &&
                  m.c2 >= m.c1 && m.r2 >= m.r1)
                g_array_append_val (merges, m);
            }
        }
      else if (node == XML_READER_TYPE_END_ELEMENT)
        {
          if (g_str_equal (name, "c") && in_c)
            {
              in_c = in_v = in_is = in_t = FALSE;
              phonetic = 0;
              if (value->len > 0)
                {
                  char *text = cell_text (b, type, style, value->str);
                  if (*text == '\0')
                    g_free (text);
                  else if (col >= MAMORI_CSV_MAX_FIELDS)
                    {
                      g_autofree char *shown = mamori_text_excerpt (text);
                      g_free (text);
                      g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
                                   _("Sheet “%s”, row %u: the value “%s” is beyond column %d, more than Mamori reads."),
                                   s->name, row_no, shown, MAMORI_CSV_MAX_FIELDS);
                      break;
                    }
                  else if (!set_cell (b, row, (guint) col, text, error))
                    break;
                }
            }
          else if (g_str_equal (name, "v"))
            in_v = FALSE;
          else if (g_str_equal (name, "is"))
            in_is = FALSE;
          else if (g_str_equal (name, "t"))
            in_t = FALSE;
          else if (g_str_equal (name, "rPh") && phonetic > 0)
            phonetic--;
          else if (g_str_equal (name, "row"))
            row = NULL;
        }
      else if (is_text (node) && in_c && (in_v || (in_t && phonetic == 0)))
        {
          const xmlChar *v = xmlTextReaderConstValue (r);
          if (value->len < MAMORI_XLSX_MAX_ENTRY_BYTES)
            g_string_append (value, v ? (const char *) v : "");
        }
    }
  if (!xml_done (r, bad, s->path, error))
    return NULL;
  if (!fill_merges (b, s->name, by_number, max_row, merges, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* --- the workbook -------------------------------------------------------------------------- */

gboolean
mamori_asset_xlsx_read (const char  *data,
                        gsize        length,
                        GPtrArray  **assets_out,
                        GPtrArray  **problems_out,
                        GError     **error)
{
  Book b = { 0 };
  zip_error_t ze;
  zip_source_t *src;
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_ref_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) best = NULL;
  g_autoptr(GPtrArray) fallback = NULL;
  g_autofree char *shared_path = g_strdup ("xl/sharedStrings.xml");
  g_autofree char *styles_path = g_strdup ("xl/styles.xml");
  SheetRef *best_sheet = NULL, *fallback_sheet = NULL;
  guint best_score = 0;
  gboolean ok = FALSE;

  xmlInitParser ();
  zip_error_init (&ze);
  src = zip_source_buffer_create (data, length, 0, &ze);
  if (src != NULL && (b.zip = zip_open_from_source (src, ZIP_RDONLY, &ze)) == NULL)
    zip_source_free (src);
  if (b.zip == NULL)
    {
      g_set_error (error, MAMORI_CSV_ERROR, MAMORI_CSV_ERROR_SYNTAX,
                   _("The file is not an Excel workbook (.xlsx) that Mamori can read: %s"), zip_error_strerror (&ze));
      zip_error_fini (&ze);
      return FALSE;
    }
  zip_error_fini (&ze);
  b.shared = g_ptr_array_new_with_free_func (g_free);
  b.date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));

  if (!read_rels (&b, targets, &shared_path, &styles_path, error) ||
      !read_workbook (&b, targets, sheets, error) ||
      !read_styles (&b, styles_path, error) ||
      !read_shared_strings (&b, shared_path, error))
    goto out;
  if (sheets->len == 0)
    {
      set_error (error, _("The workbook has no worksheet."));
      goto out;
    }
  /* The sheets named as a ledger (台帳) first. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < sheets->len; i++)
      if ((strstr (((SheetRef *) sheets->pdata[i])->name, "台帳") != NULL) == (pass == 0))
        g_ptr_array_add (order, sheets->pdata[i]);
  for (guint i = 0; i < order->len; i++)
    {
      SheetRef *s = order->pdata[i];
      g_autoptr(GPtrArray) rows = read_sheet (&b, s, error);
      guint score;

      if (rows == NULL)
        goto out;
      score = mamori_asset_rows_header_score (rows);
      if (score > best_score)
        {
          g_clear_pointer (&best, g_ptr_array_unref);
          best = g_steal_pointer (&rows);
          best_sheet = s;
          best_score = score;
          if (strstr (s->name, "台帳") != NULL)
            break;
        }
      else if (fallback == NULL)
        {
          fallback = g_steal_pointer (&rows);
          fallback_sheet = s;
        }
    }
  if (best == NULL)
    mamori_asset_rows_read (fallback, fallback_sheet->name, assets_out, problems_out);
  else
    mamori_asset_rows_read (best, best_sheet->name, assets_out, problems_out);
  ok = TRUE;

out:
  g_ptr_array_unref (b.shared);
  g_array_unref (b.date_styles);
  zip_discard (b.zip);
  return ok;
}

gboolean
mamori_asset_ledger_read (const char  *filename,
                          const char  *data,
                          gsize        length,
                          GPtrArray  **assets,
                          GPtrArray  **problems,
                          GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (filename ? filename : "", -1);
  g_autofree char *text = NULL;

  if (g_str_has_suffix (lower, ".xlsx") || (length >= 4 && memcmp (data, "PK\003\004", 4) == 0))
    return mamori_asset_xlsx_read (data, length, assets, problems, error);
  text = mamori_csv_decode (data, length, NULL, error);
  return text != NULL && mamori_asset_csv_read (text, assets, problems, error);
}
