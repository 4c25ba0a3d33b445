/* mamori-diff.h — a line diff between two texts (two document versions) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MAMORI_DIFF_SAME = ' ',
  MAMORI_DIFF_REMOVED = '-',
  MAMORI_DIFF_ADDED = '+',
} MamoriDiffOp;

typedef struct {
  MamoriDiffOp op;
  char *text;   /* the line, without its line break */
} MamoriDiffLine;

void       mamori_diff_line_free (MamoriDiffLine *line);
/* The lines of a and b as kept, removed and added: a longest common subsequence of lines, so
 * the smallest set of removals and additions. */
GPtrArray *mamori_diff_lines     (const char *a,
                                  const char *b);

G_END_DECLS
