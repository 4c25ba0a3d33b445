/* mamori-document-private.h — for tests only: the headings of a layout */
#pragma once

#include <glib.h>

#include "mamori-document.h"

G_BEGIN_DECLS

/* Headings as laid out: their number and text, level and 0-based page. */
typedef struct {
  char *text;       /* with its number, as printed */
  int level;
  guint page;
} MamoriLayoutHeading;

GPtrArray    *mamori_layout_get_headings (MamoriLayout             *layout);   /* MamoriLayoutHeading* */

G_END_DECLS
