/* mamori-markdown.h — Markdown (CommonMark with tables, parsed by md4c) as a flat list of
 * blocks carrying Pango markup, ready for the layout engine */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MAMORI_BLOCK_HEADING,
  MAMORI_BLOCK_PARAGRAPH,
  MAMORI_BLOCK_ITEM,       /* a list item: marker + text */
  MAMORI_BLOCK_TABLE,
  MAMORI_BLOCK_RULE,
  MAMORI_BLOCK_CODE,
  MAMORI_BLOCK_FIGURE,     /* a paragraph holding only ![caption](figure:NAME): a drawn figure */
} MamoriBlockType;

typedef struct {
  MamoriBlockType type;
  int level;        /* heading 1–6 */
  int depth;        /* list nesting (items and the paragraphs inside them), 0 outside lists */
  char *marker;     /* items: "・" or "1." */
  char *markup;     /* Pango markup of the text */
  char *plain;      /* the same text without markup (for the outline and tests) */
  GPtrArray *rows;  /* tables: GPtrArray* rows of char* cell markup */
  guint n_header_rows;
  char *figure;     /* figures: NAME; markup holds the caption */
} MamoriBlock;

void       mamori_block_free       (MamoriBlock *block);
/* lang "ja" joins soft line breaks without a space (CJK), anything else with one. */
GPtrArray *mamori_markdown_parse   (const char  *markdown,
                                    const char  *lang,
                                    GError     **error);

G_END_DECLS
