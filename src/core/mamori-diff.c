/* mamori-diff.c — line diff by longest common subsequence */
#include "config.h"

#include <string.h>

#include "mamori-diff.h"
#include "mamori-diff-private.h"

void
mamori_diff_line_free (MamoriDiffLine *line)
{
  if (line == NULL)
    return;
  g_free (line->text);
  g_free (line);
}

static void
add (GPtrArray    *out,
     MamoriDiffOp  op,
     const char   *text)
{
  MamoriDiffLine *l = g_new0 (MamoriDiffLine, 1);
  l->op = op;
  l->text = g_strdup (text);
  g_ptr_array_add (out, l);
}

static char **
split_lines (const char *text)
{
  char **lines = g_strsplit (text ? text : "", "\n", -1);
  guint n = g_strv_length (lines);

  /* A final line break does not start another line. */
  if (n > 0 && *lines[n - 1] == '\0')
    {
      g_free (lines[n - 1]);
      lines[n - 1] = NULL;
    }
  return lines;
}

GPtrArray *
mamori_diff_lines (const char *a,
                   const char *b)
{
  g_auto(GStrv) x = split_lines (a);
  g_auto(GStrv) y = split_lines (b);
  guint n = g_strv_length (x), m = g_strv_length (y);
  guint prefix = 0, suffix = 0;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_diff_line_free);
  guint32 *len;
  guint i, j, rows, cols;

  /* Common ends first: edits are usually local, which keeps the table small. */
  while (prefix < n && prefix < m && g_str_equal (x[prefix], y[prefix]))
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix && g_str_equal (x[n - 1 - suffix], y[m - 1 - suffix]))
    suffix++;
  for (i = 0; i < prefix; i++)
    add (out, MAMORI_DIFF_SAME, x[i]);
  rows = n - prefix - suffix;
  cols = m - prefix - suffix;
  /* len[i][j]: the LCS length of x[prefix+i…] and y[prefix+j…]. */
  len = g_new0 (guint32, (gsize) (rows + 1) * (cols + 1));
#define LEN(r, c) len[(gsize) (r) * (cols + 1) + (c)]
  for (i = rows; i-- > 0;)
    for (j = cols; j-- > 0;)
      LEN (i, j) = g_str_equal (x[prefix + i], y[prefix + j]) ? LEN (i + 1, j + 1) + 1 : MAX (LEN (i + 1, j), LEN (i, j + 1));
  i = j = 0;
  while (i < rows || j < cols)
    {
      if (i < rows && j < cols && g_str_equal (x[prefix + i], y[prefix + j]))
        {
          add (out, MAMORI_DIFF_SAME, x[prefix + i]);
          i++, j++;
        }
      else if (i < rows && (j == cols || LEN (i + 1, j) >= LEN (i, j + 1)))
        add (out, MAMORI_DIFF_REMOVED, x[prefix + i++]);   /* removals before additions */
      else
        add (out, MAMORI_DIFF_ADDED, y[prefix + j++]);
    }
#undef LEN
  g_free (len);
  for (i = n - suffix; i < n; i++)
    add (out, MAMORI_DIFF_SAME, x[i]);
  return out;
}

char *
mamori_diff_format (GPtrArray *lines)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      MamoriDiffLine *l = lines->pdata[i];
      g_string_append_printf (out, "%c %s\n", (char) l->op, l->text);
    }
  return g_string_free (out, FALSE);
}
