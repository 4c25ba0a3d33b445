/* mamori-markdown.c — md4c callbacks collecting blocks with Pango markup */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <md4c.h>
#include <string.h>

#include "mamori-markdown.h"

typedef struct {
  GPtrArray *blocks;
  gboolean ja;
  MamoriBlock *current;   /* the block receiving text, or NULL */
  GString *markup;
  GString *plain;
  int list_depth;
  GArray *ol_next;        /* per list level: next number, or 0 for bullets */
  MamoriBlock *table;
  GPtrArray *row;
  gboolean in_head;
  gboolean item_open;     /* an item was started and has not received its first paragraph yet */
} Parser;

void
mamori_block_free (MamoriBlock *b)
{
  if (b == NULL)
    return;
  g_free (b->marker);
  g_free (b->markup);
  g_free (b->plain);
  g_free (b->figure);
  g_clear_pointer (&b->rows, g_ptr_array_unref);
  g_free (b);
}

static MamoriBlock *
start_block (Parser          *p,
             MamoriBlockType  type)
{
  MamoriBlock *b = g_new0 (MamoriBlock, 1);

  b->type = type;
  b->depth = p->list_depth;
  g_ptr_array_add (p->blocks, b);
  p->current = b;
  g_string_truncate (p->markup, 0);
  g_string_truncate (p->plain, 0);
  return b;
}

static void
finish_block (Parser *p)
{
  if (p->current == NULL)
    return;
  g_free (p->current->markup);
  g_free (p->current->plain);
  p->current->markup = g_strdup (p->markup->str);
  p->current->plain = g_strdup (p->plain->str);
  p->current = NULL;
}

static int
enter_block (MD_BLOCKTYPE type,
             void        *detail,
             void        *user_data)
{
  Parser *p = user_data;

  switch (type)
    {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      {
        int next = type == MD_BLOCK_OL ? (int) ((MD_BLOCK_OL_DETAIL *) detail)->start : 0;
        g_array_append_val (p->ol_next, next);
        p->list_depth++;
        break;
      }
    case MD_BLOCK_LI:
      {
        MamoriBlock *b;
        int *next = &g_array_index (p->ol_next, int, p->ol_next->len - 1);
        finish_block (p);
        b = start_block (p, MAMORI_BLOCK_ITEM);
        b->depth = p->list_depth;
        b->marker = *next > 0 ? g_strdup_printf ("%d.", (*next)++) : g_strdup (p->list_depth > 1 ? "◦" : "・");
        p->item_open = TRUE;
        break;
      }
    case MD_BLOCK_H:
      finish_block (p);
      start_block (p, MAMORI_BLOCK_HEADING)->level = ((MD_BLOCK_H_DETAIL *) detail)->level;
      break;
    case MD_BLOCK_P:
      /* The first paragraph of an item is the item's own text. */
      if (p->item_open)
        p->item_open = FALSE;
      else
        {
          finish_block (p);
          start_block (p, MAMORI_BLOCK_PARAGRAPH);
        }
      break;
    case MD_BLOCK_CODE:
      finish_block (p);
      start_block (p, MAMORI_BLOCK_CODE);
      break;
    case MD_BLOCK_HR:
      finish_block (p);
      start_block (p, MAMORI_BLOCK_RULE);
      finish_block (p);
      break;
    case MD_BLOCK_TABLE:
      finish_block (p);
      p->table = start_block (p, MAMORI_BLOCK_TABLE);
      p->table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      p->current = NULL;
      break;
    case MD_BLOCK_THEAD:
      p->in_head = TRUE;
      break;
    case MD_BLOCK_TR:
      p->row = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (p->table->rows, p->row);
      if (p->in_head)
        p->table->n_header_rows++;
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      g_string_truncate (p->markup, 0);
      g_string_truncate (p->plain, 0);
      break;
    default:
      break;
    }
  return 0;
}

static int
leave_block (MD_BLOCKTYPE type,
             void        *detail,
             void        *user_data)
{
  Parser *p = user_data;

  switch (type)
    {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      finish_block (p);
      g_array_set_size (p->ol_next, p->ol_next->len - 1);
      p->list_depth--;
      break;
    case MD_BLOCK_LI:
      finish_block (p);
      p->item_open = FALSE;
      break;
    case MD_BLOCK_H:
    case MD_BLOCK_P:
    case MD_BLOCK_CODE:
      finish_block (p);
      break;
    case MD_BLOCK_THEAD:
      p->in_head = FALSE;
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (p->row != NULL)
        g_ptr_array_add (p->row, g_strdup (p->markup->str));
      break;
    case MD_BLOCK_TABLE:
      p->table = NULL;
      p->row = NULL;
      break;
    default:
      break;
    }
  return 0;
}

static int
enter_span (MD_SPANTYPE type,
            void       *detail,
            void       *user_data)
{
  Parser *p = user_data;

  switch (type)
    {
    case MD_SPAN_EM: g_string_append (p->markup, "<i>"); break;
    case MD_SPAN_STRONG: g_string_append (p->markup, "<b>"); break;
    case MD_SPAN_CODE: g_string_append (p->markup, "<tt>"); break;
    case MD_SPAN_DEL: g_string_append (p->markup, "<s>"); break;
    case MD_SPAN_A: g_string_append (p->markup, "<u>"); break;
    case MD_SPAN_IMG:
      {
        /* A paragraph that is only ![caption](figure:NAME) becomes a figure the layout draws;
         * any other image keeps just its text. */
        MD_SPAN_IMG_DETAIL *img = detail;
        if (p->current != NULL && p->current->type == MAMORI_BLOCK_PARAGRAPH && p->markup->len == 0
            && img->src.size > 7 && strncmp (img->src.text, "figure:", 7) == 0)
          {
            p->current->type = MAMORI_BLOCK_FIGURE;
            p->current->figure = g_strndup (img->src.text + 7, img->src.size - 7);
          }
        break;
      }
    default: break;
    }
  return 0;
}

static int
leave_span (MD_SPANTYPE type,
            void       *detail,
            void       *user_data)
{
  Parser *p = user_data;

  switch (type)
    {
    case MD_SPAN_EM: g_string_append (p->markup, "</i>"); break;
    case MD_SPAN_STRONG: g_string_append (p->markup, "</b>"); break;
    case MD_SPAN_CODE: g_string_append (p->markup, "</tt>"); break;
    case MD_SPAN_DEL: g_string_append (p->markup, "</s>"); break;
    case MD_SPAN_A: g_string_append (p->markup, "</u>"); break;
    default: break;
    }
  return 0;
}

static void
append_text (Parser     *p,
             const char *text,
             gsize       size)
{
  g_autofree char *escaped = g_markup_escape_text (text, size);

  g_string_append (p->markup, escaped);
  g_string_append_len (p->plain, text, size);
}

static int
text_cb (MD_TEXTTYPE  type,
         const MD_CHAR *text,
         MD_SIZE       size,
         void         *user_data)
{
  Parser *p = user_data;

  switch (type)
    {
    case MD_TEXT_BR:
      append_text (p, "\n", 1);
      break;
    case MD_TEXT_SOFTBR:
      /* Japanese lines join without a space; other languages with one. */
      if (!p->ja)
        append_text (p, " ", 1);
      break;
    case MD_TEXT_NULLCHAR:
      append_text (p, "\xef\xbf\xbd", 3);
      break;
    case MD_TEXT_ENTITY:
      {
        static const struct { const char *entity, *text; } known[] = {
          { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" }, { "&nbsp;", "\xc2\xa0" },
        };
        for (guint i = 0; i < G_N_ELEMENTS (known); i++)
          if (strlen (known[i].entity) == size && strncmp (known[i].entity, text, size) == 0)
            {
              append_text (p, known[i].text, strlen (known[i].text));
              return 0;
            }
        append_text (p, text, size);
        break;
      }
    default:
      append_text (p, text, size);
      break;
    }
  return 0;
}

GPtrArray *
mamori_markdown_parse (const char *markdown,
                       const char *lang,
                       GError    **error)
{
  Parser p = { 0 };
  MD_PARSER parser = {
    0, MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_NOHTML,
    enter_block, leave_block, enter_span, leave_span, text_cb, NULL, NULL,
  };
  int rc;

  p.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_block_free);
  p.ja = g_strcmp0 (lang, "en") != 0;
  p.markup = g_string_new (NULL);
  p.plain = g_string_new (NULL);
  p.ol_next = g_array_new (FALSE, FALSE, sizeof (int));
  rc = md_parse (markdown, strlen (markdown), &parser, &p);
  finish_block (&p);
  g_string_free (p.markup, TRUE);
  g_string_free (p.plain, TRUE);
  g_array_unref (p.ol_next);
  if (rc != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The document’s Markdown could not be read."));
      g_ptr_array_unref (p.blocks);
      return NULL;
    }
  return p.blocks;
}
