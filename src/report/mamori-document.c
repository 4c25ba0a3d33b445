/* mamori-document.c — the layout engine.
 *
 * The Markdown becomes blocks (mamori-markdown.c); each block is laid out once with Pango at
 * the content width, then the lines are placed on pages: headings keep with the first lines
 * of what follows, a paragraph leaves neither a single first nor a single last line behind,
 * tables repeat their header row on every page they continue on. The pages are lists of
 * placed lines and boxes, so drawing a page (to PDF, to a printer, to a preview) is cheap.
 * The table of contents has a known number of pages before the body is placed, so its page
 * numbers are those where the headings landed. */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "core/mamori-date.h"
#include "mamori-document.h"
#include "mamori-document-private.h"
#include "mamori-fonts.h"
#include "mamori-markdown.h"
#include "mamori-pdf-finish.h"

#define CONTENT_WIDTH (MAMORI_PAGE_WIDTH - 2 * MAMORI_MARGIN_X)
#define CONTENT_BOTTOM (MAMORI_PAGE_HEIGHT - MAMORI_MARGIN_BOTTOM)

/* The house style, in points (1/72 inch) and line-height factors. */
#define BODY_SIZE            10.5   /* paragraphs, list items, the contents */
#define BODY_SPACING          1.5   /* line height of paragraphs */
#define LIST_SPACING          1.35  /* line height of numbered and bulleted items */
#define HEADING_1_SIZE       14.0
#define HEADING_2_SIZE       12.0
#define HEADING_3_SIZE       11.0
#define TABLE_SIZE            9.5   /* table cells */
#define CELL_PAD              4.0   /* inside a table cell, each side */
#define TABLE_MIN_COLUMN     36.0   /* a column never narrower */
#define TABLE_MAX_SHARE       0.6   /* one cell's natural width counts up to this share of the text width */
#define TABLE_MAX_PIECE_SHARE 0.3   /* a column is widened for an unbreakable piece up to this share */
#define CODE_SIZE             9.0   /* preformatted text */
#define CODE_INDENT          12.0
#define CAPTION_SIZE          9.0   /* the line under a figure */
#define LIST_INDENT          16.0   /* per nesting level, and from marker to text */
#define SMALL_SIZE            8.5   /* running head and foot, approval box roles */
#define EDITION_SIZE         11.5   /* the edition line on the title page */
#define HEAD_GREY             0.9   /* fill of table heads and approval box heads */
#define RUNNING_GREY          0.35  /* running head and foot */
#define RUNNING_HEAD_Y       36.0   /* baseline box of the running head, from the page top */
#define RUNNING_RULE_Y       50.0   /* the rule under it */
#define RUNNING_FOOT_Y       42.0   /* the page number, from the page bottom */
#define CLASSIFICATION_WIDTH 90.0   /* right end of the running head */
#define HAIRLINE              0.5   /* the rule under the running head */
#define BOX_LINE              0.6   /* table and box borders */
#define RULE_LINE             0.8   /* horizontal rules, contents leaders */
#define TOC_NUMBER_WIDTH     40.0   /* the page numbers of the contents */
#define FORM_ROW_HEIGHT      26.0   /* forms: a body row of a table, tall enough to write or sign in */
#define FORM_BLANK_SHARE      0.34  /* forms: the least share of the text width of a column to fill in */

/* A laid-out piece of text with the geometry of each of its lines (in points, from the
 * layout's top). */
typedef struct {
  PangoLayout *layout;
  int n;
  double *top;
  double *height;
  double *baseline;
  double *x;
  double total;
} Text;

typedef enum {
  ITEM_LINES,   /* lines first..last of a Text; y is where line `first` starts */
  ITEM_BOX,     /* a stroked rectangle */
  ITEM_FILL,    /* a filled rectangle (grey) */
  ITEM_RULE,    /* a horizontal line */
  ITEM_LEADER,  /* a dotted line (table of contents) */
  ITEM_FIGURE,  /* a MamoriFigure drawn into x, y, w, h */
} ItemKind;

typedef struct {
  ItemKind kind;
  Text *text;
  int first;
  int last;
  double x, y, w, h;
  double grey;
  char *dest;   /* a PDF destination around these lines */
  char *link;   /* a PDF link to this destination */
  MamoriFigure *figure;
} Item;

typedef struct {
  GPtrArray *items;
} Page;

typedef struct {
  char *text;
  char *plain;
  int level;
  guint page;
  char *dest;
  gboolean in_toc;
} Heading;

struct _MamoriLayout {
  PangoContext *context;
  PangoFontDescription *body_font;
  PangoFontDescription *heading_font;
  PangoFontDescription *mono_font;
  char *warning;
  gboolean en;
  gboolean articles;
  gboolean form;        /* meta->form */
  char *organisation;
  char *title;
  char *classification;
  GPtrArray *figures;   /* MamoriFigure*, or NULL */
  GPtrArray *texts;     /* Text*: owned here */
  GPtrArray *pages;     /* Page* */
  GPtrArray *headings;  /* Heading* */
  GPtrArray *public_headings;
  /* pagination */
  Page *page;
  double y;
};

static void
text_free (Text *t)
{
  g_object_unref (t->layout);
  g_free (t->top);
  g_free (t->height);
  g_free (t->baseline);
  g_free (t->x);
  g_free (t);
}

static void
item_free (Item *item)
{
  g_free (item->dest);
  g_free (item->link);
  g_free (item);
}

static void
page_free (Page *p)
{
  g_ptr_array_unref (p->items);
  g_free (p);
}

static void
heading_free (Heading *h)
{
  g_free (h->text);
  g_free (h->plain);
  g_free (h->dest);
  g_free (h);
}

static void
layout_heading_free (MamoriLayoutHeading *h)
{
  g_free (h->text);
  g_free (h);
}

MamoriFigure *
mamori_figure_new (const char           *name,
                   double                width,
                   double                height,
                   MamoriFigureDrawFunc  draw,
                   gpointer              data,
                   GDestroyNotify        destroy)
{
  MamoriFigure *f = g_new0 (MamoriFigure, 1);

  f->name = g_strdup (name);
  f->width = width;
  f->height = height;
  f->draw = draw;
  f->data = data;
  f->destroy = destroy;
  return f;
}

void
mamori_figure_free (MamoriFigure *f)
{
  if (f == NULL)
    return;
  if (f->destroy)
    f->destroy (f->data);
  g_free (f->name);
  g_free (f);
}

void
mamori_layout_free (MamoriLayout *L)
{
  if (L == NULL)
    return;
  g_clear_object (&L->context);
  pango_font_description_free (L->body_font);
  pango_font_description_free (L->heading_font);
  pango_font_description_free (L->mono_font);
  g_free (L->warning);
  g_free (L->organisation);
  g_free (L->title);
  g_free (L->classification);
  g_clear_pointer (&L->figures, g_ptr_array_unref);
  g_ptr_array_unref (L->pages);
  g_ptr_array_unref (L->headings);
  g_clear_pointer (&L->public_headings, g_ptr_array_unref);
  g_ptr_array_unref (L->texts);
  g_free (L);
}

/* --- units that never break ----------------------------------------------------------------- */

/* U+2060 WORD JOINER: no line break on either side (UAX #14 class WJ, which Pango follows);
 * it has no glyph and is not in the PDF's text. */
#define WORD_JOINER "\xe2\x81\xa0"
#define WORD_JOINER_CHAR 0x2060

static gboolean
is_cjk (gunichar c)
{
  GUnicodeScript s = g_unichar_get_script (c);

  return s == G_UNICODE_SCRIPT_HAN || s == G_UNICODE_SCRIPT_HIRAGANA || s == G_UNICODE_SCRIPT_KATAKANA ||
         c == 0x30FC || c == 0x3005;   /* ー 々 */
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == 0x3000;
}

static guint
run_length (const gunichar *u,
            guint           n,
            guint           i,
            gboolean      (*test) (gunichar))
{
  guint k = i;

  while (k < n && test (u[k]))
    k++;
  return k - i;
}

static gboolean
is_digit (gunichar c)
{
  return c < 128 && g_ascii_isdigit (c);
}

static gboolean
is_ref_char (gunichar c)
{
  return c < 128 && (g_ascii_isalnum (c) || c == '.' || c == '-');
}

static gboolean
is_era_name (const gunichar *u,
             guint           n,
             guint           i)
{
  static const char *const eras[] = { "令和", "平成", "昭和", "大正", "明治" };

  for (guint e = 0; e < G_N_ELEMENTS (eras); e++)
    if (i + 1 < n && u[i] == g_utf8_get_char (eras[e]) && u[i + 1] == g_utf8_get_char (g_utf8_next_char (eras[e])))
      return TRUE;
  return FALSE;
}

/* The length of a date at i: [era] (digits|元)年 digits月 [digits日], or "1 April 2026"; 0 if
 * none. */
static guint
date_length (const gunichar *u,
             guint           n,
             guint           i)
{
  static const char *const months[] = { "January", "February", "March", "April", "May", "June", "July",
                                        "August", "September", "October", "November", "December" };
  guint k = i, d;

  if (is_era_name (u, n, k))
    k += 2;
  if (k < n && u[k] == 0x5143 /* 元 */ && k > i)
    k++;
  else if ((d = run_length (u, n, k, is_digit)) > 0)
    k += d;
  else
    return 0;
  if (k < n && u[k] == 0x5E74 /* 年 */ && (d = run_length (u, n, k + 1, is_digit)) > 0 && k + 1 + d < n &&
      u[k + 1 + d] == 0x6708 /* 月 */)
    {
      k += 2 + d;
      if ((d = run_length (u, n, k, is_digit)) > 0 && k + d < n && u[k + d] == 0x65E5 /* 日 */)
        k += d + 1;
      return k - i;
    }
  /* English: day, month name, year. */
  k = i;
  d = run_length (u, n, k, is_digit);
  if (d == 0 || d > 2 || k + d >= n || u[k + d] != ' ')
    return 0;
  k += d + 1;
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      guint len = strlen (months[m]), j;
      for (j = 0; j < len && k + j < n && u[k + j] == (gunichar) months[m][j]; j++)
        ;
      if (j == len && k + len + 1 < n && u[k + len] == ' ' && run_length (u, n, k + len + 1, is_digit) == 4)
        return k + len + 5 - i;
    }
  return 0;
}

/* Marks join[i] (no break between u[i] and u[i+1]) over the units that must stay on one line:
 * short Japanese names written with a space ("山田 花子"), "No.2", "第3条", dates. */
static void
mark_units (const gunichar *u,
            guint           n,
            gboolean       *join)
{
  for (guint i = 0; i < n; i++)
    {
      guint len = 0, a, b;
      gboolean starts_word = i == 0 || !(u[i - 1] < 128 && g_ascii_isalnum (u[i - 1]));

      if (is_cjk (u[i]) && (i == 0 || !is_cjk (u[i - 1])) && (a = run_length (u, n, i, is_cjk)) > 0 &&
          i + a < n && is_space (u[i + a]) && (b = run_length (u, n, i + a + 1, is_cjk)) >= 1 &&
          !(i + a + 2 + b < n && is_space (u[i + a + 1 + b]) && is_cjk (u[i + a + 2 + b])))
        {
          /* A name inside running text ("担当は山田 花子です") starts where the text does not
           * say: a run of more than four keeps its last two characters with the space. Of
           * three runs ("総務部長 山田 花子") the last two are the name: a title before it may
           * break from it. */
          guint before = a <= 4 ? a : 2;
          for (guint k = i + a - before; k < i + a + MIN (b, 4); k++)
            join[k] = TRUE;
          i += a;
          continue;
        }
      else if (starts_word && u[i] == 'N' && i + 3 < n && u[i + 1] == 'o' && u[i + 2] == '.' && is_digit (u[i + 3]))
        {
          len = 3 + run_length (u, n, i + 3, is_ref_char);
          while (len > 4 && u[i + len - 1] == '.')
            len--;
        }
      else if (u[i] == 0x7B2C /* 第 */ && (a = run_length (u, n, i + 1, is_digit)) > 0 && i + 1 + a < n)
        {
          static const gunichar counters[] = { 0x6761, 0x7AE0, 0x9805, 0x53F7, 0x7248, 0x56DE, 0x7BC0 };
          for (guint c = 0; c < G_N_ELEMENTS (counters); c++)
            if (u[i + 1 + a] == counters[c])
              len = a + 2;
        }
      else if ((i == 0 || !is_digit (u[i - 1])) && (is_digit (u[i]) || is_era_name (u, n, i)))
        len = date_length (u, n, i);
      for (guint k = i; len > 1 && k < i + len - 1; k++)
        join[k] = TRUE;
    }
}

/* A paragraph's last line never holds a single short word: its last characters (Japanese) or
 * its last two words (a last word of at most 12 letters) are joined. */
static void
mark_last_line (const gunichar *u,
                guint           n,
                gboolean        en,
                gboolean       *join)
{
  guint end = n;

  while (end > 0 && (g_unichar_isspace (u[end - 1]) || u[end - 1] == WORD_JOINER_CHAR))
    end--;
  if (end < 2)
    return;
  if (en)
    {
      guint k = end;
      while (k > 0 && u[k - 1] != ' ')
        k--;
      if (k > 1 && end - k <= 12)
        join[k - 1] = join[k - 2] = TRUE;
      return;
    }
  /* Four characters before the closing punctuation, and the punctuation. */
  for (guint k = end - 1, letters = 0; k > 0 && letters < 5; k--)
    {
      if (g_unichar_isspace (u[k - 1]))
        break;
      join[k - 1] = TRUE;
      if (!g_unichar_ispunct (u[k]))
        letters++;
    }
}

static gboolean
date_boundary (char c)
{
  return !(g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.' || c == '/' || c == ':');
}

/* markup with every YYYY-MM-DD of its text (outside <tt>, and standing alone: not part of a
 * file name or a longer number) printed in the date style of core/mamori-date.h, so that a
 * date a form filled in ("{{established_on}} 制定") reads like the rest of the document. */
static char *
format_dates (const char *markup,
              gboolean    en)
{
  MamoriDateStyle style = mamori_date_get_default_style ();
  GString *out;
  int code = 0;

  if (style == MAMORI_DATE_ISO)
    return g_strdup (markup);
  out = g_string_sized_new (strlen (markup) + 16);
  for (const char *p = markup; *p; )
    {
      if (*p == '<')
        {
          const char *e = strchr (p, '>');
          gsize len = e ? (gsize) (e + 1 - p) : strlen (p);
          if (g_str_has_prefix (p, "<tt>"))
            code++;
          else if (g_str_has_prefix (p, "</tt>"))
            code = MAX (code - 1, 0);
          g_string_append_len (out, p, len);
          p += len;
          continue;
        }
      if (code == 0 && g_ascii_isdigit (*p) && (p == markup || date_boundary (p[-1])) && strlen (p) >= 10 &&
          p[4] == '-' && p[7] == '-' && (p[10] == '\0' || date_boundary (p[10]) || p[10] == '<'))
        {
          g_autofree char *iso = g_strndup (p, 10);
          g_autofree char *printed = mamori_date_format (iso, en ? "en" : "ja", style);
          g_string_append (out, printed);
          p += 10;
          continue;
        }
      g_string_append_c (out, *p);
      p++;
    }
  return g_string_free (out, FALSE);
}

/* text without the word joiners and no-break spaces protect_units put in. */
static char *
without_joiners (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == 0xA0)
      g_string_append_c (out, ' ');
    else if (g_utf8_get_char (p) != WORD_JOINER_CHAR)
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* The markup's text as characters: an entity counts as one ('&'), tags are left out. Returns
 * the characters; *n their number. */
static gunichar *
markup_chars (const char *markup,
              guint      *n)
{
  GArray *u = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (const char *p = markup; *p; )
    {
      gunichar c;
      if (*p == '<')
        {
          const char *e = strchr (p, '>');
          p = e ? e + 1 : p + strlen (p);
          continue;
        }
      if (*p == '&')
        {
          const char *e = strchr (p, ';');
          c = '&';
          p = e ? e + 1 : p + 1;
        }
      else
        {
          c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
      g_array_append_val (u, c);
    }
  *n = u->len;
  return (gunichar *) g_array_free (u, FALSE);
}

/* markup with word joiners where the units above must not break (and, for body paragraphs,
 * before a short last word). */
static char *
protect_units (const char *markup,
               gboolean    paragraph,
               gboolean    en)
{
  guint n = 0, k = 0;
  g_autofree gunichar *u = markup_chars (markup, &n);
  g_autofree gboolean *join = g_new0 (gboolean, n + 1);
  GString *out;
  gboolean any = FALSE;

  mark_units (u, n, join);
  if (paragraph)
    mark_last_line (u, n, en, join);
  for (guint i = 0; i < n && !any; i++)
    any = join[i];
  if (!any)
    return g_strdup (markup);
  out = g_string_sized_new (strlen (markup) + 16);
  for (const char *p = markup; *p; )
    {
      const char *next;
      if (*p == '<')
        {
          const char *e = strchr (p, '>');
          next = e ? e + 1 : p + strlen (p);
          g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }
      if (k > 0 && join[k - 1] && u[k - 1] != WORD_JOINER_CHAR && u[k] != WORD_JOINER_CHAR && u[k] != ' ')
        g_string_append (out, WORD_JOINER);
      if (join[k] && k > 0 && join[k - 1] && u[k] == ' ')
        {
          /* A space inside a unit: no break after it either (Pango breaks after a space even
           * before a word joiner). */
          g_string_append (out, "\xc2\xa0");
          p++;
          k++;
          continue;
        }
      if (*p == '&')
        {
          const char *e = strchr (p, ';');
          next = e ? e + 1 : p + 1;
        }
      else
        next = g_utf8_next_char (p);
      g_string_append_len (out, p, next - p);
      p = next;
      k++;
    }
  return g_string_free (out, FALSE);
}

/* --- text ------------------------------------------------------------------------------------ */

static PangoFontDescription *
font (const PangoFontDescription *base,
      double                      size)
{
  PangoFontDescription *d = pango_font_description_copy (base);
  pango_font_description_set_size (d, (int) (size * PANGO_SCALE));
  return d;
}

static Text *
make_text (MamoriLayout               *L,
           const char                 *markup,
           const PangoFontDescription *desc,
           double                      size,
           double                      width,
           PangoAlignment              align,
           double                      spacing)
{
  Text *t = g_new0 (Text, 1);
  PangoFontDescription *d = font (desc, size);
  g_autofree char *dated = desc == L->mono_font ? g_strdup (markup) : format_dates (markup, L->en);
  g_autofree char *protected = protect_units (dated, FALSE, L->en);
  PangoLayoutIter *iter;
  int i = 0;

  t->layout = pango_layout_new (L->context);
  pango_layout_set_font_description (t->layout, d);
  pango_font_description_free (d);
  pango_layout_set_width (t->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (t->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (t->layout, align);
  if (spacing > 0)
    pango_layout_set_line_spacing (t->layout, spacing);
  pango_layout_set_markup (t->layout, protected, -1);
  t->n = pango_layout_get_line_count (t->layout);
  t->top = g_new0 (double, t->n);
  t->height = g_new0 (double, t->n);
  t->baseline = g_new0 (double, t->n);
  t->x = g_new0 (double, t->n);
  iter = pango_layout_get_iter (t->layout);
  do
    {
      PangoRectangle logical;
      int y0, y1;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      t->top[i] = (double) y0 / PANGO_SCALE;
      t->height[i] = (double) (y1 - y0) / PANGO_SCALE;
      t->baseline[i] = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      t->x[i] = (double) logical.x / PANGO_SCALE;
      i++;
    }
  while (i < t->n && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  t->total = t->n > 0 ? t->top[t->n - 1] + t->height[t->n - 1] : 0;
  g_ptr_array_add (L->texts, t);
  return t;
}

static Text *
plain_text (MamoriLayout               *L,
            const char                 *text,
            const PangoFontDescription *desc,
            double                      size,
            double                      width,
            PangoAlignment              align)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);
  return make_text (L, escaped, desc, size, width, align, 0);
}

/* A body paragraph or list item: also no short word alone on its last line. */
static Text *
body_text (MamoriLayout *L,
           const char   *markup,
           double        width,
           double        spacing)
{
  g_autofree char *dated = format_dates (markup, L->en);
  g_autofree char *protected = protect_units (dated, TRUE, L->en);
  return make_text (L, protected, L->body_font, BODY_SIZE, width, PANGO_ALIGN_LEFT, spacing);
}

/* Height of lines first..last-1 as they stand on a page. */
static double
lines_height (const Text *t,
              int         first,
              int         last)
{
  if (last <= first)
    return 0;
  return t->top[last - 1] + t->height[last - 1] - t->top[first];
}

/* --- pages -------------------------------------------------------------------------------------- */

static Page *
new_page (MamoriLayout *L)
{
  Page *p = g_new0 (Page, 1);

  p->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_ptr_array_add (L->pages, p);
  L->page = p;
  L->y = MAMORI_MARGIN_TOP;
  return p;
}

static Item *
add_item (Page     *page,
          ItemKind  kind)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  g_ptr_array_add (page->items, item);
  return item;
}

static Item *
place_lines (MamoriLayout *L,
             Text         *t,
             int           first,
             int           last,
             double        x)
{
  Item *item = add_item (L->page, ITEM_LINES);

  item->text = t;
  item->first = first;
  item->last = last;
  item->x = x;
  item->y = L->y;
  L->y += lines_height (t, first, last);
  return item;
}

static gboolean
at_page_top (MamoriLayout *L)
{
  return L->y <= MAMORI_MARGIN_TOP + 0.01;
}

static void
space (MamoriLayout *L,
       double        points)
{
  if (!at_page_top (L))
    L->y += points;
}

/* Places a Text, breaking it across pages between lines: never a single line alone at the
 * foot of a page (orphan) or at the head of the next (widow) when the text has more lines.
 * tail_keep: the height of what must follow on the same page as the text's last lines (a
 * closing block); when it does not fit there, the last two lines go to the next page with it. */
static void
flow_text (MamoriLayout *L,
           Text         *t,
           double        x,
           Text         *marker,
           double        marker_x,
           double        tail_keep)
{
  int first = 0;

  while (first < t->n)
    {
      int k = 0;
      while (first + k < t->n && L->y + lines_height (t, first, first + k + 1) <= CONTENT_BOTTOM)
        k++;
      if (tail_keep > 0 && first + k == t->n && !at_page_top (L) &&
          L->y + lines_height (t, first, t->n) + tail_keep > CONTENT_BOTTOM)
        {
          k = MAX (t->n - first - 2, 0);
          if (k == 1)
            k = 0;
          if (k == 0)
            {
              new_page (L);
              continue;
            }
        }
      if (first + k < t->n)
        {
          int rest = t->n - first - k;
          if (k == 1 && t->n - first > 1)
            k = 0;                         /* a lone first line: start on the next page */
          else if (rest == 1 && k >= 3)
            k--;                           /* a lone last line: take one more along */
        }
      if (k == 0)
        {
          if (at_page_top (L))
            k = 1;                         /* a line taller than a page: place it anyway */
          else
            {
              new_page (L);
              continue;
            }
        }
      if (first == 0 && marker != NULL)
        {
          Item *m = add_item (L->page, ITEM_LINES);
          m->text = marker;
          m->first = 0;
          m->last = marker->n;
          m->x = marker_x;
          m->y = L->y;
        }
      place_lines (L, t, first, first + k, x);
      first += k;
      if (first < t->n)
        new_page (L);
    }
}

/* --- blocks ------------------------------------------------------------------------------------- */

typedef struct {
  MamoriBlock *block;
  Text *text;
  Text *marker;
  double x;
  double marker_x;
  double size;
  /* tables */
  guint n_cols;
  double *col_w;
  GPtrArray *cells;   /* Text* per cell, row-major (missing cells are empty texts) */
  double *row_h;
  /* headings */
  Heading *heading;
  /* figures: the drawing, its size on the page, the caption in text */
  MamoriFigure *figure;
  double figure_w, figure_h;
} Prep;

static void
prep_free (Prep *p)
{
  g_free (p->col_w);
  g_clear_pointer (&p->cells, g_ptr_array_unref);
  g_free (p->row_h);
  g_free (p);
}

static double
heading_size (int level)
{
  return level <= 1 ? HEADING_1_SIZE : level == 2 ? HEADING_2_SIZE : HEADING_3_SIZE;
}

/* The width of the widest piece of a table cell that may not break (as make_text protects it). */
static double
longest_piece (MamoriLayout               *L,
               const char                 *markup,
               const PangoFontDescription *desc)
{
  g_autofree char *dated = format_dates (markup, L->en);
  g_autofree char *protected = protect_units (dated, FALSE, L->en);
  PangoLayout *probe = pango_layout_new (L->context);
  PangoFontDescription *d = font (desc, TABLE_SIZE);
  PangoRectangle logical;

  pango_layout_set_font_description (probe, d);
  /* Word wrapping at the narrowest width leaves every piece on a line of its own, whole. */
  pango_layout_set_width (probe, 1);
  pango_layout_set_wrap (probe, PANGO_WRAP_WORD);
  pango_layout_set_markup (probe, protected, -1);
  pango_layout_get_extents (probe, NULL, &logical);
  pango_font_description_free (d);
  g_object_unref (probe);
  return (double) logical.width / PANGO_SCALE;
}

static void
prepare_table (MamoriLayout *L,
               Prep         *p)
{
  GPtrArray *rows = p->block->rows;
  g_autofree double *natural = NULL;
  double sum = 0;

  for (guint r = 0; r < rows->len; r++)
    p->n_cols = MAX (p->n_cols, ((GPtrArray *) rows->pdata[r])->len);
  if (p->n_cols == 0)
    return;
  natural = g_new0 (double, p->n_cols);
  /* Column widths follow each column's widest unwrapped cell, within the page width. */
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = rows->pdata[r];
      for (guint c = 0; c < row->len; c++)
        {
          PangoLayout *probe = pango_layout_new (L->context);
          PangoFontDescription *d = font (r < p->block->n_header_rows ? L->heading_font : L->body_font, TABLE_SIZE);
          int w;
          pango_layout_set_font_description (probe, d);
          pango_layout_set_markup (probe, row->pdata[c], -1);
          pango_layout_get_pixel_size (probe, &w, NULL);
          natural[c] = MAX (natural[c], MIN (w, CONTENT_WIDTH * TABLE_MAX_SHARE) + 2 * CELL_PAD);
          pango_font_description_free (d);
          g_object_unref (probe);
        }
    }
  for (guint c = 0; c < p->n_cols; c++)
    {
      natural[c] = MAX (natural[c], TABLE_MIN_COLUMN);
      if (L->form && rows->len > p->block->n_header_rows)
        {
          /* A column whose body is empty is there to be written in by hand. */
          gboolean blank = TRUE;
          for (guint r = p->block->n_header_rows; r < rows->len && blank; r++)
            {
              GPtrArray *row = rows->pdata[r];
              blank = c >= row->len || *(const char *) row->pdata[c] == '\0';
            }
          if (blank)
            natural[c] = MAX (natural[c], CONTENT_WIDTH * FORM_BLANK_SHARE);
        }
      sum += natural[c];
    }
  p->col_w = g_new0 (double, p->n_cols);
  if (sum <= CONTENT_WIDTH)
    {
      /* Everything fits unwrapped: share the spare width out in proportion. */
      for (guint c = 0; c < p->n_cols; c++)
        p->col_w[c] = natural[c] * CONTENT_WIDTH / sum;
    }
  else
    {
      /* Narrow columns keep their natural width (up to an equal share); the wide ones share
       * what is left in proportion, and wrap. */
      double fair = CONTENT_WIDTH / p->n_cols, left = CONTENT_WIDTH, wide = 0;
      for (guint c = 0; c < p->n_cols; c++)
        if (natural[c] <= fair)
          {
            p->col_w[c] = natural[c];
            left -= natural[c];
          }
        else
          wide += natural[c];
      for (guint c = 0; c < p->n_cols; c++)
        if (natural[c] > fair)
          p->col_w[c] = natural[c] * left / wide;
    }
  /* A column narrower than its longest unbreakable piece (a date, a name, a long word) would
   * have it broken letter by letter: widen it from the slack of the others when they have it. */
  {
    g_autofree double *need = g_new0 (double, p->n_cols);
    double deficit = 0, slack = 0;
    for (guint r = 0; r < rows->len; r++)
      {
        GPtrArray *row = rows->pdata[r];
        for (guint c = 0; c < row->len; c++)
          need[c] = MAX (need[c], MIN (longest_piece (L, row->pdata[c], r < p->block->n_header_rows ? L->heading_font : L->body_font)
                                       + 2 * CELL_PAD, CONTENT_WIDTH * TABLE_MAX_PIECE_SHARE));
      }
    for (guint c = 0; c < p->n_cols; c++)
      {
        deficit += MAX (need[c] - p->col_w[c], 0);
        slack += MAX (p->col_w[c] - need[c], 0);
      }
    if (deficit > 0.01 && slack >= deficit)
      for (guint c = 0; c < p->n_cols; c++)
        p->col_w[c] = p->col_w[c] < need[c] ? need[c] : p->col_w[c] - (p->col_w[c] - need[c]) * deficit / slack;
  }
  p->cells = g_ptr_array_new ();
  p->row_h = g_new0 (double, rows->len);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = rows->pdata[r];
      for (guint c = 0; c < p->n_cols; c++)
        {
          gboolean head = r < p->block->n_header_rows;
          Text *t = make_text (L, c < row->len ? row->pdata[c] : "", head ? L->heading_font : L->body_font, TABLE_SIZE,
                               p->col_w[c] - 2 * CELL_PAD, head ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, 0);
          g_ptr_array_add (p->cells, t);
          p->row_h[r] = MAX (p->row_h[r], t->total + 2 * CELL_PAD);
          if (L->form && !head)
            p->row_h[r] = MAX (p->row_h[r], FORM_ROW_HEIGHT);
        }
    }
}

/* counters: 6 ints, the numbers of the heading levels so far; article: the running article
 * number of an articles-numbered document. Shared by the PDF and the Word writer. */
char *
mamori_heading_number (gboolean  articles,
                       gboolean  en,
                       int      *counters,
                       int      *article,
                       int       level)
{
  if (level > 3)
    return NULL;
  counters[level - 1]++;
  for (int i = level; i < 6; i++)
    counters[i] = 0;
  if (articles)
    {
      if (level == 1)
        return en ? g_strdup_printf ("Chapter %d", counters[0]) : g_strdup_printf ("第%d章", counters[0]);
      if (level == 2)
        {
          (*article)++;
          return en ? g_strdup_printf ("Article %d", *article) : g_strdup_printf ("第%d条", *article);
        }
      return g_strdup_printf ("%d.", counters[2]);
    }
  if (level == 1)
    return g_strdup_printf ("%d.", counters[0]);
  if (level == 2)
    return g_strdup_printf ("%d.%d", counters[0], counters[1]);
  return g_strdup_printf ("%d.%d.%d", counters[0], counters[1], counters[2]);
}

static MamoriFigure *
find_figure (MamoriLayout *L,
             const char   *name)
{
  for (guint i = 0; L->figures != NULL && i < L->figures->len; i++)
    {
      MamoriFigure *f = L->figures->pdata[i];
      if (g_strcmp0 (f->name, name) == 0)
        return f;
    }
  return NULL;
}

static void
place_figure (MamoriLayout *L,
              Prep         *p)
{
  Item *item;
  double caption = p->text ? p->text->total + 4 : 0;

  if (p->figure == NULL)
    {
      flow_text (L, p->text, p->x, NULL, 0, 0);
      L->y += 6;
      return;
    }
  space (L, 6);
  /* The drawing and its caption stay together. */
  if (L->y + p->figure_h + caption > CONTENT_BOTTOM && !at_page_top (L))
    new_page (L);
  item = add_item (L->page, ITEM_FIGURE);
  item->figure = p->figure;
  item->x = MAMORI_MARGIN_X + (CONTENT_WIDTH - p->figure_w) / 2;
  item->y = L->y;
  item->w = p->figure_w;
  item->h = p->figure_h;
  L->y += p->figure_h + 4;
  if (p->text)
    place_lines (L, p->text, 0, p->text->n, MAMORI_MARGIN_X);
  L->y += 10;
}

static GPtrArray *
prepare (MamoriLayout *L,
         GPtrArray    *blocks)
{
  GPtrArray *preps = g_ptr_array_new_with_free_func ((GDestroyNotify) prep_free);
  int counters[6] = { 0 }, article = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      MamoriBlock *b = blocks->pdata[i];
      Prep *p = g_new0 (Prep, 1);
      double indent = LIST_INDENT * MAX (b->depth - (b->type == MAMORI_BLOCK_ITEM ? 1 : 0), 0);

      p->block = b;
      switch (b->type)
        {
        case MAMORI_BLOCK_HEADING:
          {
            g_autofree char *number = L->form ? NULL : mamori_heading_number (L->articles, L->en, counters, &article, b->level);
            g_autofree char *markup = NULL;
            Heading *h = g_new0 (Heading, 1);
            /* Rules read 第3条（パスワード）; sections 3.1 Passwords. */
            if (L->articles && b->level == 2)
              markup = L->en ? g_strdup_printf ("%s (%s)", number, b->markup) : g_strdup_printf ("%s（%s）", number, b->markup);
            else
              markup = number ? g_strdup_printf ("%s %s", number, b->markup) : g_strdup (b->markup);
            p->size = heading_size (b->level);
            p->text = make_text (L, markup, L->heading_font, p->size, CONTENT_WIDTH, PANGO_ALIGN_LEFT, 0);
            p->x = MAMORI_MARGIN_X;
            h->text = without_joiners (pango_layout_get_text (p->text->layout));
            h->plain = g_strdup (b->plain);
            h->level = b->level;
            h->dest = g_strdup_printf ("h%u", L->headings->len + 1);
            h->in_toc = b->level == 1 || (b->level == 2 && !L->articles);
            g_ptr_array_add (L->headings, h);
            p->heading = h;
            break;
          }
        case MAMORI_BLOCK_ITEM:
          p->marker = plain_text (L, b->marker, L->body_font, BODY_SIZE, LIST_INDENT, PANGO_ALIGN_LEFT);
          p->marker_x = MAMORI_MARGIN_X + indent;
          p->x = p->marker_x + LIST_INDENT;
          p->text = body_text (L, b->markup, CONTENT_WIDTH - (p->x - MAMORI_MARGIN_X), LIST_SPACING);
          break;
        case MAMORI_BLOCK_PARAGRAPH:
          p->x = MAMORI_MARGIN_X + indent + (b->depth > 0 ? LIST_INDENT : 0);
          p->text = body_text (L, b->markup, CONTENT_WIDTH - (p->x - MAMORI_MARGIN_X), BODY_SPACING);
          break;
        case MAMORI_BLOCK_CODE:
          p->x = MAMORI_MARGIN_X + CODE_INDENT;
          p->text = make_text (L, b->markup, L->mono_font, CODE_SIZE, CONTENT_WIDTH - CODE_INDENT, PANGO_ALIGN_LEFT, 0);
          break;
        case MAMORI_BLOCK_TABLE:
          prepare_table (L, p);
          break;
        case MAMORI_BLOCK_FIGURE:
          p->figure = find_figure (L, b->figure);
          p->x = MAMORI_MARGIN_X;
          if (p->figure == NULL)
            {
              p->text = make_text (L, b->markup, L->body_font, BODY_SIZE, CONTENT_WIDTH, PANGO_ALIGN_LEFT, BODY_SPACING);
              break;
            }
          else
            {
              /* Scaled down, never up, to fit the text width and a page with its caption. */
              double max_h = CONTENT_BOTTOM - MAMORI_MARGIN_TOP - 40;
              double scale = MIN (1.0, MIN (CONTENT_WIDTH / MAX (p->figure->width, 1),
                                            max_h / MAX (p->figure->height, 1)));
              p->figure_w = p->figure->width * scale;
              p->figure_h = p->figure->height * scale;
              if (*b->markup)
                p->text = make_text (L, b->markup, L->body_font, CAPTION_SIZE, CONTENT_WIDTH, PANGO_ALIGN_CENTER, 0);
            }
          break;
        case MAMORI_BLOCK_RULE:
        default:
          break;
        }
      g_ptr_array_add (preps, p);
    }
  return preps;
}

/* How much of p must stand under a heading: its first two lines, or a table's header and
 * first row. */
static double
keep_height (Prep *p)
{
  if (p == NULL)
    return 0;
  if (p->figure != NULL)
    return p->figure_h + (p->text ? p->text->total + 4 : 0) + 6;
  if (p->text != NULL)
    return lines_height (p->text, 0, MIN (2, p->text->n));
  if (p->row_h != NULL)
    {
      double h = 0;
      for (guint r = 0; r < MIN (p->block->n_header_rows + 1, p->block->rows->len); r++)
        h += p->row_h[r];
      return h;
    }
  return 0;
}

static void
place_row (MamoriLayout *L,
           Prep         *p,
           guint         r)
{
  double x = MAMORI_MARGIN_X;
  gboolean head = r < p->block->n_header_rows;

  for (guint c = 0; c < p->n_cols; c++)
    {
      Text *t = p->cells->pdata[r * p->n_cols + c];
      Item *box = add_item (L->page, head ? ITEM_FILL : ITEM_BOX);
      Item *lines;
      box->x = x;
      box->y = L->y;
      box->w = p->col_w[c];
      box->h = p->row_h[r];
      box->grey = HEAD_GREY;
      if (head)
        {
          Item *border = add_item (L->page, ITEM_BOX);
          *border = *box;
          border->kind = ITEM_BOX;
        }
      lines = add_item (L->page, ITEM_LINES);
      lines->text = t;
      lines->first = 0;
      lines->last = t->n;
      lines->x = x + CELL_PAD;
      /* A form's tall rows hold their text in the middle. */
      lines->y = L->form ? L->y + (p->row_h[r] - t->total) / 2 : L->y + CELL_PAD;
      x += p->col_w[c];
    }
  L->y += p->row_h[r];
}

static void
place_table (MamoriLayout *L,
             Prep         *p)
{
  guint n_head = p->block->n_header_rows;
  double head_h = 0;

  if (p->n_cols == 0)
    return;
  for (guint r = 0; r < n_head; r++)
    head_h += p->row_h[r];
  space (L, 4);
  if (L->y + keep_height (p) > CONTENT_BOTTOM && !at_page_top (L))
    new_page (L);
  for (guint r = 0; r < n_head; r++)
    place_row (L, p, r);
  for (guint r = n_head; r < p->block->rows->len; r++)
    {
      if (L->y + p->row_h[r] > CONTENT_BOTTOM && L->y > MAMORI_MARGIN_TOP + head_h + 0.01)
        {
          /* Continued on the next page, under its header row again. */
          new_page (L);
          for (guint h = 0; h < n_head; h++)
            place_row (L, p, h);
        }
      place_row (L, p, r);
    }
  L->y += 8;
}

/* The closing block of a document — the last few one-line paragraphs after its last
 * paragraph or list item (date, company and representative, 以上) — and its height; it
 * stays on the page of that paragraph's last lines. Returns the index of its first block, or
 * preps->len when there is none. */
static guint
closing_block (GPtrArray *preps,
               double    *height)
{
  guint first = preps->len;

  *height = 0;
  while (first > 0 && preps->len - first < 4)
    {
      Prep *p = preps->pdata[first - 1];
      if (p->block->type != MAMORI_BLOCK_PARAGRAPH || p->text == NULL || p->text->n != 1 ||
          g_utf8_strlen (p->block->plain ? p->block->plain : "", -1) > 60)
        break;
      *height += p->text->total + 6;
      first--;
    }
  if (first == 0 || first == preps->len)
    return preps->len;
  switch (((Prep *) preps->pdata[first - 1])->block->type)
    {
    case MAMORI_BLOCK_PARAGRAPH:
    case MAMORI_BLOCK_ITEM:
      return first;
    default:
      return preps->len;
    }
}

static void
place_blocks (MamoriLayout *L,
              GPtrArray    *preps)
{
  double closing_h;
  guint closing = closing_block (preps, &closing_h);

  for (guint i = 0; i < preps->len; i++)
    {
      Prep *p = preps->pdata[i];
      Prep *next = i + 1 < preps->len ? preps->pdata[i + 1] : NULL;
      double tail_keep = i + 1 == closing ? closing_h + 6 : 0;

      switch (p->block->type)
        {
        case MAMORI_BLOCK_HEADING:
          {
            Item *item;
            space (L, p->block->level == 1 ? 16 : 10);
            /* Kept with the first lines of what follows (through a sub-heading straight
             * under it). */
            double keep = keep_height (next);
            if (next != NULL && next->block->type == MAMORI_BLOCK_HEADING && i + 2 < preps->len)
              keep += 16 + keep_height (preps->pdata[i + 2]);
            if (L->y + p->text->total + 6 + keep > CONTENT_BOTTOM && !at_page_top (L))
              new_page (L);
            item = place_lines (L, p->text, 0, p->text->n, p->x);
            item->dest = g_strdup (p->heading->dest);
            p->heading->page = L->pages->len - 1;
            if (p->block->level == 1)
              {
                Item *rule = add_item (L->page, ITEM_RULE);
                rule->x = MAMORI_MARGIN_X;
                rule->y = L->y + 2;
                rule->w = CONTENT_WIDTH;
                L->y += 4;
              }
            L->y += 6;
            break;
          }
        case MAMORI_BLOCK_PARAGRAPH:
        case MAMORI_BLOCK_CODE:
          flow_text (L, p->text, p->x, NULL, 0, tail_keep);
          L->y += 6;
          break;
        case MAMORI_BLOCK_ITEM:
          flow_text (L, p->text, p->x, p->marker, p->marker_x, tail_keep);
          L->y += 2;
          if (next == NULL || next->block->type != MAMORI_BLOCK_ITEM)
            L->y += 4;
          break;
        case MAMORI_BLOCK_TABLE:
          place_table (L, p);
          break;
        case MAMORI_BLOCK_FIGURE:
          place_figure (L, p);
          break;
        case MAMORI_BLOCK_RULE:
          {
            Item *rule;
            space (L, 6);
            rule = add_item (L->page, ITEM_RULE);
            rule->x = MAMORI_MARGIN_X;
            rule->y = L->y;
            rule->w = CONTENT_WIDTH;
            L->y += 8;
            break;
          }
        default:
          break;
        }
    }
}

/* --- title page, revisions, contents ------------------------------------------------------------ */

static void
place_centered (MamoriLayout               *L,
                const char                 *text,
                const PangoFontDescription *desc,
                double                      size,
                double                      y)
{
  Text *t;
  Item *item;

  if (text == NULL || *text == '\0')
    return;
  t = plain_text (L, text, desc, size, CONTENT_WIDTH, PANGO_ALIGN_CENTER);
  item = add_item (L->page, ITEM_LINES);
  item->text = t;
  item->last = t->n;
  item->x = MAMORI_MARGIN_X;
  item->y = y;
  L->y = y + t->total;
}

static void
place_title_page (MamoriLayout             *L,
                  const MamoriDocumentMeta *meta)
{
  const char *roles_ja[] = { "承認", "確認", "作成" };
  const char *roles_en[] = { "Approved", "Checked", "Prepared" };
  const char *names[] = { meta->approved_by, meta->checked_by, meta->created_by };
  double box_w = 64, x0 = MAMORI_PAGE_WIDTH - MAMORI_MARGIN_X - 3 * box_w, y0 = 48;

  new_page (L);
  /* The approval boxes: role over name, the way Japanese documents are stamped. */
  for (int i = 0; i < 3; i++)
    {
      Item *head = add_item (L->page, ITEM_FILL), *border, *name_box, *label;
      Text *role = plain_text (L, L->en ? roles_en[i] : roles_ja[i], L->heading_font, SMALL_SIZE, box_w, PANGO_ALIGN_CENTER);
      head->x = x0 + i * box_w;
      head->y = y0;
      head->w = box_w;
      head->h = 16;
      head->grey = HEAD_GREY;
      border = add_item (L->page, ITEM_BOX);
      *border = *head;
      border->kind = ITEM_BOX;
      name_box = add_item (L->page, ITEM_BOX);
      name_box->x = head->x;
      name_box->y = y0 + 16;
      name_box->w = box_w;
      name_box->h = 44;
      label = add_item (L->page, ITEM_LINES);
      label->text = role;
      label->last = role->n;
      label->x = head->x;
      label->y = y0 + (16 - role->total) / 2;
      if (names[i] != NULL && *names[i])
        {
          Text *name = plain_text (L, names[i], L->body_font, 9, box_w - 4, PANGO_ALIGN_CENTER);
          Item *n = add_item (L->page, ITEM_LINES);
          n->text = name;
          n->last = name->n;
          n->x = head->x + 2;
          n->y = y0 + 16 + (44 - name->total) / 2;
        }
    }
  if (meta->classification != NULL && *meta->classification)
    {
      /* As wide as the room left of the approval boxes: a composed label (機密性3 / 複製禁止 /
       * 配布先限定：経理部) stays on one line where it can. */
      Text *c = plain_text (L, meta->classification, L->heading_font, 11, x0 - MAMORI_MARGIN_X - 28, PANGO_ALIGN_LEFT);
      PangoRectangle ink;
      Item *label = add_item (L->page, ITEM_LINES), *box;
      pango_layout_get_pixel_extents (c->layout, NULL, &ink);
      label->text = c;
      label->last = c->n;
      label->x = MAMORI_MARGIN_X + 8;
      label->y = y0 + 4;
      box = add_item (L->page, ITEM_BOX);
      box->x = MAMORI_MARGIN_X;
      box->y = y0;
      box->w = ink.width + 16;
      box->h = c->total + 8;
    }
  place_centered (L, meta->title, L->heading_font, 24, 300);
  place_centered (L, meta->organisation, L->heading_font, 15, L->y + 36);
  {
    g_autofree char *edition = NULL;
    g_autofree char *date = meta->date ? mamori_date_format (meta->date, L->en ? "en" : "ja", mamori_date_get_default_style ()) : NULL;
    if (meta->version && meta->date)
      edition = L->en ? g_strdup_printf ("Version %s — %s", meta->version, date)
                      : g_strdup_printf ("第%s版　%s", meta->version, date);
    else if (meta->version)
      edition = L->en ? g_strdup_printf ("Version %s", meta->version) : g_strdup_printf ("第%s版", meta->version);
    else
      edition = g_strdup (date);
    place_centered (L, edition, L->body_font, EDITION_SIZE, L->y + 24);
  }
}

/* The revision table (版数・改訂履歴) leads the body, like the cover sheet of a rule book. */
static void
add_revision_blocks (MamoriLayout             *L,
                     const MamoriDocumentMeta *meta,
                     GPtrArray                *blocks)
{
  MamoriBlock *title, *table;
  GPtrArray *head;

  if (meta->revisions == NULL || meta->revisions->len == 0)
    return;
  title = g_new0 (MamoriBlock, 1);
  title->type = MAMORI_BLOCK_HEADING;
  title->level = 4;   /* unnumbered, not in the contents */
  title->markup = g_strdup (L->en ? "Revision history" : "改訂履歴");
  title->plain = g_strdup (title->markup);
  table = g_new0 (MamoriBlock, 1);
  table->type = MAMORI_BLOCK_TABLE;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  head = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (head, g_strdup (L->en ? "Version" : "版数"));
  g_ptr_array_add (head, g_strdup (L->en ? "Date" : "改訂日"));
  g_ptr_array_add (head, g_strdup (L->en ? "Changes" : "改訂内容"));
  g_ptr_array_add (head, g_strdup (L->en ? "Approved by" : "承認者"));
  g_ptr_array_add (table->rows, head);
  table->n_header_rows = 1;
  for (guint i = 0; i < meta->revisions->len; i++)
    {
      MamoriRevision *r = meta->revisions->pdata[i];
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (row, g_markup_escape_text (r->version ? r->version : "", -1));
      g_autofree char *date = mamori_date_format (r->date, L->en ? "en" : "ja", mamori_date_get_default_style ());
      g_ptr_array_add (row, g_markup_escape_text (date, -1));
      g_ptr_array_add (row, g_markup_escape_text (r->summary ? r->summary : "", -1));
      g_ptr_array_add (row, g_markup_escape_text (r->approver ? r->approver : "", -1));
      g_ptr_array_add (table->rows, row);
    }
  g_ptr_array_insert (blocks, 0, table);
  g_ptr_array_insert (blocks, 0, title);
}

#define TOC_LINE 20.0

static guint
toc_entries (MamoriLayout *L)
{
  guint n = 0;
  for (guint i = 0; i < L->headings->len; i++)
    n += ((Heading *) L->headings->pdata[i])->in_toc;
  return n;
}

static guint
toc_pages (MamoriLayout *L)
{
  guint per_page = (guint) ((CONTENT_BOTTOM - MAMORI_MARGIN_TOP - 40) / TOC_LINE);
  guint n = toc_entries (L);
  return n == 0 ? 0 : (n + per_page - 1) / per_page;
}

/* Fills the contents pages (already counted) once every heading has its page. */
static void
fill_toc (MamoriLayout *L,
          guint         first_page)
{
  guint page = first_page;

  L->page = L->pages->pdata[page];
  L->y = MAMORI_MARGIN_TOP;
  place_centered (L, L->en ? "Contents" : "目次", L->heading_font, 16, MAMORI_MARGIN_TOP);
  L->y += 20;
  for (guint i = 0; i < L->headings->len; i++)
    {
      Heading *h = L->headings->pdata[i];
      double indent = h->level == 1 ? 0 : 18;
      g_autofree char *number = NULL;
      Text *label, *num;
      Item *item, *leader;
      PangoRectangle logical;

      if (!h->in_toc)
        continue;
      if (L->y + TOC_LINE > CONTENT_BOTTOM)
        {
          L->page = L->pages->pdata[++page];
          L->y = MAMORI_MARGIN_TOP;
        }
      label = plain_text (L, h->text, h->level == 1 ? L->heading_font : L->body_font, BODY_SIZE, CONTENT_WIDTH - indent - TOC_NUMBER_WIDTH,
                          PANGO_ALIGN_LEFT);
      pango_layout_set_ellipsize (label->layout, PANGO_ELLIPSIZE_END);
      number = g_strdup_printf ("%u", h->page + 1);
      num = plain_text (L, number, L->body_font, BODY_SIZE, TOC_NUMBER_WIDTH, PANGO_ALIGN_RIGHT);
      item = add_item (L->page, ITEM_LINES);
      item->text = label;
      item->last = MIN (label->n, 1);
      item->x = MAMORI_MARGIN_X + indent;
      item->y = L->y;
      item->link = g_strdup (h->dest);
      pango_layout_get_extents (label->layout, NULL, &logical);
      leader = add_item (L->page, ITEM_LEADER);
      leader->x = MAMORI_MARGIN_X + indent + (double) logical.width / PANGO_SCALE + 6;
      leader->w = MAMORI_MARGIN_X + CONTENT_WIDTH - 30 - leader->x;
      leader->y = L->y + label->baseline[0];
      item = add_item (L->page, ITEM_LINES);
      item->text = num;
      item->last = num->n;
      item->x = MAMORI_MARGIN_X + CONTENT_WIDTH - 40;
      item->y = L->y;
      item->link = g_strdup (h->dest);
      L->y += TOC_LINE;
    }
}

/* --- the whole document ------------------------------------------------------------------------- */

MamoriLayout *
mamori_layout_new (const char               *markdown,
                   const MamoriDocumentMeta *meta,
                   GError                  **error)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) preps = NULL;
  MamoriLayout *L;
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options;
  g_autofree char *body_family = NULL, *heading_family = NULL;
  g_autofree char *warn_body = NULL, *warn_heading = NULL;
  guint n_toc, toc_first;

  blocks = mamori_markdown_parse (markdown, meta->lang, error);
  if (blocks == NULL)
    return NULL;
  L = g_new0 (MamoriLayout, 1);
  L->en = g_strcmp0 (meta->lang, "en") == 0;
  L->articles = g_strcmp0 (meta->numbering, "articles") == 0;
  L->form = meta->form;
  L->organisation = g_strdup (meta->organisation);
  L->title = g_strdup (meta->title);
  L->classification = g_strdup (meta->classification);
  L->figures = meta->figures ? g_ptr_array_ref (meta->figures) : NULL;
  L->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  L->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  L->headings = g_ptr_array_new_with_free_func ((GDestroyNotify) heading_free);

  /* Points, no hinting: the same line breaks on a PDF, a printer and the preview. */
  L->context = pango_font_map_create_context (map);
  pango_cairo_context_set_resolution (L->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (L->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (L->context, pango_language_from_string (L->en ? "en" : "ja"));

  body_family = mamori_report_font_family (MAMORI_FONT_BODY, &warn_body);
  heading_family = mamori_report_font_family (MAMORI_FONT_HEADING, &warn_heading);
  if (warn_body || warn_heading)
    L->warning = g_strdup (warn_body ? warn_body : warn_heading);
  if (L->en)
    {
      /* English text in Latin faces (the Japanese faces set quotes and apostrophes full
       * width); Japanese words inside it still come from the Japanese face. */
      g_autofree char *latin_body = g_strconcat ("DejaVu Serif,", body_family, NULL);
      g_autofree char *latin_heading = g_strconcat ("DejaVu Sans,", heading_family, NULL);
      L->body_font = pango_font_description_from_string (latin_body);
      L->heading_font = pango_font_description_from_string (latin_heading);
    }
  else
    {
      L->body_font = pango_font_description_from_string (body_family);
      L->heading_font = pango_font_description_from_string (heading_family);
    }
  L->mono_font = pango_font_description_from_string ("Monospace");

  add_revision_blocks (L, meta, blocks);
  preps = prepare (L, blocks);

  if (!L->form)
    place_title_page (L, meta);
  n_toc = meta->table_of_contents && !L->form ? toc_pages (L) : 0;
  toc_first = L->pages->len;
  for (guint i = 0; i < n_toc; i++)
    new_page (L);
  new_page (L);
  place_blocks (L, preps);
  /* A body of one or two pages needs no contents. */
  if (n_toc > 0 && L->pages->len - toc_first - n_toc <= 2)
    {
      g_ptr_array_remove_range (L->pages, toc_first, n_toc);
      for (guint i = 0; i < L->headings->len; i++)
        ((Heading *) L->headings->pdata[i])->page -= n_toc;
      L->page = g_ptr_array_index (L->pages, L->pages->len - 1);
      n_toc = 0;
    }
  if (n_toc > 0)
    fill_toc (L, toc_first);
  return L;
}

guint
mamori_layout_get_n_pages (MamoriLayout *L)
{
  return L->pages->len;
}

const char *
mamori_layout_get_warning (MamoriLayout *L)
{
  return L->warning;
}

GPtrArray *
mamori_layout_get_headings (MamoriLayout *L)
{
  if (L->public_headings == NULL)
    {
      L->public_headings = g_ptr_array_new_with_free_func ((GDestroyNotify) layout_heading_free);
      for (guint i = 0; i < L->headings->len; i++)
        {
          Heading *h = L->headings->pdata[i];
          MamoriLayoutHeading *out = g_new0 (MamoriLayoutHeading, 1);
          out->text = g_strdup (h->text);
          out->level = h->level;
          out->page = h->page;
          g_ptr_array_add (L->public_headings, out);
        }
    }
  return L->public_headings;
}

/* --- drawing ----------------------------------------------------------------------------------- */

static void
draw_text (MamoriLayout *L,
           cairo_t      *cr,
           Text         *t,
           int           first,
           int           last,
           double        x,
           double        y)
{
  for (int i = first; i < last && i < t->n; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (t->layout, i);
      cairo_move_to (cr, x + t->x[i], y + t->baseline[i] - t->top[first]);
      pango_cairo_show_layout_line (cr, line);
    }
}

static void
draw_running (MamoriLayout *L,
              cairo_t      *cr,
              guint         page)
{
  g_autofree char *left = g_strdup_printf ("%s　%s", L->organisation ? L->organisation : "", L->title ? L->title : "");
  g_autofree char *number = g_strdup_printf ("%u / %u", page + 1, L->pages->len);
  PangoLayout *layout = pango_layout_new (L->context);
  PangoFontDescription *d = font (L->heading_font, SMALL_SIZE);
  double class_width = CLASSIFICATION_WIDTH;

  pango_layout_set_font_description (layout, d);
  cairo_set_source_rgb (cr, RUNNING_GREY, RUNNING_GREY, RUNNING_GREY);
  if (L->classification != NULL && *L->classification)
    {
      /* A long classification label takes up to half the line, the title the rest. */
      PangoRectangle logical;
      pango_layout_set_text (layout, L->classification, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      class_width = CLAMP ((double) logical.width / PANGO_SCALE + 4, CLASSIFICATION_WIDTH, CONTENT_WIDTH / 2);
    }
  pango_layout_set_width (layout, (int) ((CONTENT_WIDTH - class_width) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, left, -1);
  cairo_move_to (cr, MAMORI_MARGIN_X, RUNNING_HEAD_Y);
  pango_cairo_show_layout (cr, layout);
  if (L->classification != NULL && *L->classification)
    {
      pango_layout_set_width (layout, (int) (class_width * PANGO_SCALE));
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_text (layout, L->classification, -1);
      cairo_move_to (cr, MAMORI_MARGIN_X + CONTENT_WIDTH - class_width, RUNNING_HEAD_Y);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_set_line_width (cr, HAIRLINE);
  cairo_move_to (cr, MAMORI_MARGIN_X, RUNNING_RULE_Y);
  cairo_line_to (cr, MAMORI_MARGIN_X + CONTENT_WIDTH, RUNNING_RULE_Y);
  cairo_stroke (cr);
  pango_layout_set_width (layout, (int) (CONTENT_WIDTH * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, number, -1);
  cairo_move_to (cr, MAMORI_MARGIN_X, MAMORI_PAGE_HEIGHT - RUNNING_FOOT_Y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (d);
  g_object_unref (layout);
}

void
mamori_layout_render_page (MamoriLayout *L,
                           cairo_t      *cr,
                           guint         page)
{
  Page *p;

  g_return_if_fail (page < L->pages->len);
  p = L->pages->pdata[page];
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, MAMORI_PAGE_WIDTH, MAMORI_PAGE_HEIGHT);
  cairo_fill (cr);
  if (page > 0 || L->form)
    draw_running (L, cr, page);
  for (guint i = 0; i < p->items->len; i++)
    {
      Item *item = p->items->pdata[i];
      cairo_set_source_rgb (cr, 0, 0, 0);
      switch (item->kind)
        {
        case ITEM_LINES:
          {
            g_autofree char *attrs = NULL;
            if (item->dest)
              {
                attrs = g_strdup_printf ("name='%s'", item->dest);
                cairo_tag_begin (cr, CAIRO_TAG_DEST, attrs);
              }
            else if (item->link)
              {
                attrs = g_strdup_printf ("dest='%s'", item->link);
                cairo_tag_begin (cr, CAIRO_TAG_LINK, attrs);
              }
            draw_text (L, cr, item->text, item->first, item->last, item->x, item->y);
            if (item->dest)
              cairo_tag_end (cr, CAIRO_TAG_DEST);
            else if (item->link)
              cairo_tag_end (cr, CAIRO_TAG_LINK);
            break;
          }
        case ITEM_FILL:
          cairo_set_source_rgb (cr, item->grey, item->grey, item->grey);
          cairo_rectangle (cr, item->x, item->y, item->w, item->h);
          cairo_fill (cr);
          break;
        case ITEM_BOX:
          cairo_set_line_width (cr, BOX_LINE);
          cairo_rectangle (cr, item->x, item->y, item->w, item->h);
          cairo_stroke (cr);
          break;
        case ITEM_RULE:
          cairo_set_line_width (cr, RULE_LINE);
          cairo_move_to (cr, item->x, item->y);
          cairo_line_to (cr, item->x + item->w, item->y);
          cairo_stroke (cr);
          break;
        case ITEM_FIGURE:
          cairo_save (cr);
          cairo_translate (cr, item->x, item->y);
          cairo_scale (cr, item->w / item->figure->width, item->h / item->figure->height);
          item->figure->draw (cr, item->figure->width, item->figure->height, item->figure->data);
          cairo_restore (cr);
          break;
        case ITEM_LEADER:
          if (item->w > 4)
            {
              const double dash[] = { 0.8, 3.0 };
              cairo_set_line_width (cr, RULE_LINE);
              cairo_set_dash (cr, dash, 2, 0);
              cairo_move_to (cr, item->x, item->y);
              cairo_line_to (cr, item->x + item->w, item->y);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }
          break;
        default:
          break;
        }
    }
  cairo_restore (cr);
}

/* Draws every page on a PDF surface, with metadata and the outline. */
static void
render_pdf (MamoriLayout    *L,
            cairo_surface_t *surface)
{
  cairo_t *cr;
  int outline[8] = { CAIRO_PDF_OUTLINE_ROOT };

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, L->title ? L->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, L->organisation ? L->organisation : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Mamori");
  cr = cairo_create (surface);
  for (guint i = 0; i < L->pages->len; i++)
    {
      mamori_layout_render_page (L, cr, i);
      cairo_show_page (cr);
    }
  /* The outline: level-1 headings at the root, deeper ones under the last shallower one. */
  for (guint i = 0; i < L->headings->len; i++)
    {
      Heading *h = L->headings->pdata[i];
      g_autofree char *attrs = g_strdup_printf ("dest='%s'", h->dest);
      int level = CLAMP (h->level, 1, 6);
      if (h->level > 3)
        continue;
      outline[level] = cairo_pdf_surface_add_outline (surface, outline[level - 1], h->text, attrs,
                                                      level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      for (int l = level + 1; l < 8; l++)
        outline[l] = outline[level];
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
}

/* The preview's PDF. A rewrite that fails (it should not) still leaves Cairo's file, which
 * Poppler reads after rebuilding its table: better a preview than none. Saving reports it. */
GBytes *
mamori_layout_write_pdf_bytes (MamoriLayout *L)
{
  cairo_surface_t *surface = mamori_pdf_surface_new (MAMORI_PAGE_WIDTH, MAMORI_PAGE_HEIGHT);
  g_autoptr(GBytes) drawn = NULL;
  g_autoptr(GError) error = NULL;
  cairo_status_t status;
  GBytes *finished;

  render_pdf (L, surface);
  drawn = mamori_pdf_surface_steal (surface, &status);
  cairo_surface_destroy (surface);
  finished = mamori_pdf_finish (drawn, &error);
  if (finished == NULL)
    {
      g_warning ("Preview: %s", error->message);
      return g_steal_pointer (&drawn);
    }
  return finished;
}

gboolean
mamori_layout_write_pdf (MamoriLayout *L,
                         const char   *path,
                         GError      **error)
{
  cairo_surface_t *surface = mamori_pdf_surface_new (MAMORI_PAGE_WIDTH, MAMORI_PAGE_HEIGHT);
  gboolean ok;

  render_pdf (L, surface);
  ok = mamori_pdf_surface_write (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}
