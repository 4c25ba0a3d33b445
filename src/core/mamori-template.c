/* mamori-template.c — document templates: YAML front matter with the fields, a Markdown body
 * with {{key}}, {{#if key}}, {{#if key=option}}, {{#unless key}} and {{#each table}} blocks.
 * The body is parsed once into a tree, so every error (unclosed block, unknown field) is found
 * with its line before anything is filled in. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>
#include <yaml.h>

#include "mamori-csv.h"
#include "mamori-template.h"
#include "mamori-yaml.h"

G_DEFINE_QUARK (mamori-template-error-quark, mamori_template_error)

typedef enum {
  NODE_TEXT,
  NODE_VAR,
  NODE_IF,
  NODE_UNLESS,
  NODE_EACH,
} NodeType;

typedef struct _Node Node;
struct _Node {
  NodeType type;
  char *text;       /* NODE_TEXT: the text; others: the field (or column) key */
  char *value;      /* {{#if key=value}}: the option, or NULL */
  int line;
  GPtrArray *children;
};

struct _MamoriTemplate {
  char *filename;
  char *id;
  char *kind;
  char *lang;
  char *title;
  char *source;
  char *numbering;
  GPtrArray *fields;
  GHashTable *fields_by_key; /* key → MamoriTemplateField* (in fields) */
  Node *body;
};

/* {{#if}}, {{#unless}} and {{#each}} blocks nest at most this deep (filling recurses). */
#define MAMORI_TEMPLATE_MAX_DEPTH 64

typedef struct {
  char *text;
  GPtrArray *rows;  /* char** */
} Value;

struct _MamoriTemplateValues {
  GHashTable *values;  /* key → Value* */
};

static void
node_free (Node *n)
{
  if (n == NULL)
    return;
  g_free (n->text);
  g_free (n->value);
  g_clear_pointer (&n->children, g_ptr_array_unref);
  g_free (n);
}

static Node *
node_new (NodeType    type,
          const char *text,
          int         line)
{
  Node *n = g_new0 (Node, 1);

  n->type = type;
  n->text = g_strdup (text);
  n->line = line;
  if (type == NODE_IF || type == NODE_UNLESS || type == NODE_EACH)
    n->children = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  return n;
}

static void
option_free (MamoriFieldOption *o)
{
  g_free (o->key);
  g_free (o->label_ja);
  g_free (o->label_en);
  g_free (o);
}

static void
field_free (MamoriTemplateField *f)
{
  g_free (f->key);
  g_free (f->label_ja);
  g_free (f->label_en);
  g_free (f->help_ja);
  g_free (f->help_en);
  g_free (f->default_text);
  g_clear_pointer (&f->options, g_ptr_array_unref);
  g_clear_pointer (&f->default_rows, g_ptr_array_unref);
  g_free (f);
}

void
mamori_template_free (MamoriTemplate *t)
{
  if (t == NULL)
    return;
  g_free (t->filename);
  g_free (t->id);
  g_free (t->kind);
  g_free (t->lang);
  g_free (t->title);
  g_free (t->source);
  g_free (t->numbering);
  g_clear_pointer (&t->fields_by_key, g_hash_table_unref);
  g_clear_pointer (&t->fields, g_ptr_array_unref);
  node_free (t->body);
  g_free (t);
}

/* --- front matter ------------------------------------------------------------------------------ */

typedef struct {
  yaml_document_t *doc;
  const char *filename;
} Ctx;

static gboolean
fail_at (Ctx          *ctx,
         GError      **error,
         yaml_node_t  *at,
         const char   *message)
{
  g_set_error (error, MAMORI_TEMPLATE_ERROR, MAMORI_TEMPLATE_ERROR_SYNTAX, "%s:%d: %s", ctx->filename,
               mamori_yaml_line (at) + 1 /* after the opening --- */, message);
  return FALSE;
}

/* A label: a plain string (both languages) or {ja: …, en: …}. */
static void
read_label (Ctx          *ctx,
            yaml_node_t  *node,
            char        **ja,
            char        **en)
{
  const char *plain = mamori_yaml_scalar (node);

  if (plain != NULL)
    {
      *ja = g_strdup (plain);
      *en = g_strdup (plain);
      return;
    }
  *ja = g_strdup (mamori_yaml_scalar (mamori_yaml_get (ctx->doc, node, "ja")));
  *en = g_strdup (mamori_yaml_scalar (mamori_yaml_get (ctx->doc, node, "en")));
  if (*ja == NULL)
    *ja = g_strdup (*en);
  if (*en == NULL)
    *en = g_strdup (*ja);
}

/* Options and table columns: "key" or {key: …, label: …}. */
static gboolean
read_options (Ctx          *ctx,
              yaml_node_t  *seq,
              GPtrArray    *out,
              GError      **error)
{
  if (seq == NULL)
    return TRUE;
  if (seq->type != YAML_SEQUENCE_NODE)
    return fail_at (ctx, error, seq, _("options and columns are a list"));
  for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++)
    {
      yaml_node_t *n = yaml_document_get_node (ctx->doc, *it);
      MamoriFieldOption *o = g_new0 (MamoriFieldOption, 1);
      const char *key = mamori_yaml_scalar (n);

      if (key == NULL)
        key = mamori_yaml_scalar (mamori_yaml_get (ctx->doc, n, "key"));
      if (key == NULL)
        {
          option_free (o);
          return fail_at (ctx, error, n, _("an option or column needs a key"));
        }
      o->key = g_strdup (key);
      if (mamori_yaml_get (ctx->doc, n, "label") != NULL)
        read_label (ctx, mamori_yaml_get (ctx->doc, n, "label"), &o->label_ja, &o->label_en);
      else
        {
          o->label_ja = g_strdup (key);
          o->label_en = g_strdup (key);
        }
      g_ptr_array_add (out, o);
    }
  return TRUE;
}

static void
free_row (char **row)
{
  g_strfreev (row);
}

static gboolean
read_field (Ctx          *ctx,
            yaml_node_t  *n,
            MamoriTemplateField  *f,
            GError      **error)
{
  static const char *types[] = { "text", "date", "choice", "multi", "bool", "table" };
  const char *key = mamori_yaml_scalar (mamori_yaml_get (ctx->doc, n, "key"));
  const char *type = mamori_yaml_scalar (mamori_yaml_get (ctx->doc, n, "type"));
  yaml_node_t *def = mamori_yaml_get (ctx->doc, n, "default");
  gboolean known = FALSE;

  if (n == NULL || n->type != YAML_MAPPING_NODE || key == NULL || *key == '\0')
    return fail_at (ctx, error, n, _("every field needs a key"));
  for (const char *c = key; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '_')
      {
        g_autofree char *shown = mamori_text_excerpt (key);
        g_autofree char *msg = g_strdup_printf (_("field key “%s” may use only a–z, 0–9 and _"), shown);
        return fail_at (ctx, error, n, msg);
      }
  f->key = g_strdup (key);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (type ? type : "text", types[i]) == 0)
      {
        f->type = i;
        known = TRUE;
      }
  if (!known)
    {
      g_autofree char *shown = mamori_text_excerpt (key);
      g_autofree char *shown_type = mamori_text_excerpt (type);
      g_autofree char *msg = g_strdup_printf (_("field “%s” has an unknown type “%s” (text, date, choice, multi, bool or table)"),
                                              shown, shown_type);
      return fail_at (ctx, error, n, msg);
    }
  read_label (ctx, mamori_yaml_get (ctx->doc, n, "label"), &f->label_ja, &f->label_en);
  if (f->label_ja == NULL)
    {
      f->label_ja = g_strdup (key);
      f->label_en = g_strdup (key);
    }
  if (mamori_yaml_get (ctx->doc, n, "help") != NULL)
    read_label (ctx, mamori_yaml_get (ctx->doc, n, "help"), &f->help_ja, &f->help_en);
  f->options = g_ptr_array_new_with_free_func ((GDestroyNotify) option_free);
  if (!read_options (ctx, mamori_yaml_get (ctx->doc, n, f->type == MAMORI_TEMPLATE_FIELD_TABLE ? "columns" : "options"),
                     f->options, error))
    return FALSE;
  if ((f->type == MAMORI_TEMPLATE_FIELD_CHOICE || f->type == MAMORI_TEMPLATE_FIELD_MULTI || f->type == MAMORI_TEMPLATE_FIELD_TABLE) &&
      f->options->len == 0)
    {
      g_autofree char *shown = mamori_text_excerpt (key);
      g_autofree char *msg = g_strdup_printf (f->type == MAMORI_TEMPLATE_FIELD_TABLE ? _("table field “%s” needs its columns")
                                                                            : _("field “%s” needs its options"), shown);
      return fail_at (ctx, error, n, msg);
    }
  if (f->type == MAMORI_TEMPLATE_FIELD_TABLE)
    {
      f->default_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) free_row);
      if (def != NULL && def->type == YAML_SEQUENCE_NODE)
        for (yaml_node_item_t *it = def->data.sequence.items.start; it < def->data.sequence.items.top; it++)
          {
            yaml_node_t *row = yaml_document_get_node (ctx->doc, *it);
            GStrvBuilder *cells = g_strv_builder_new ();
            guint n_cells = 0;
            if (row->type != YAML_SEQUENCE_NODE)
              {
                g_strv_builder_unref (cells);
                return fail_at (ctx, error, row, _("a default table row is a list of cells"));
              }
            for (yaml_node_item_t *c = row->data.sequence.items.start; c < row->data.sequence.items.top; c++, n_cells++)
              g_strv_builder_add (cells, mamori_yaml_scalar (yaml_document_get_node (ctx->doc, *c)) ?: "");
            if (n_cells > f->options->len)
              {
                g_autofree char *shown = mamori_text_excerpt (key);
                g_autofree char *msg = g_strdup_printf (_("a default row of “%s” has %u cells for %u columns"),
                                                        shown, n_cells, f->options->len);
                g_strv_builder_unref (cells);
                return fail_at (ctx, error, row, msg);
              }
            for (; n_cells < f->options->len; n_cells++)
              g_strv_builder_add (cells, "");
            g_ptr_array_add (f->default_rows, g_strv_builder_end (cells));
            g_strv_builder_unref (cells);
          }
    }
  else if (def != NULL && def->type == YAML_SEQUENCE_NODE)
    {
      /* A list default for multi: the selected option keys. */
      g_autoptr(GString) joined = g_string_new (NULL);
      for (yaml_node_item_t *it = def->data.sequence.items.start; it < def->data.sequence.items.top; it++)
        g_string_append_printf (joined, "%s%s", joined->len ? "," : "",
                                mamori_yaml_scalar (yaml_document_get_node (ctx->doc, *it)) ?: "");
      f->default_text = g_strdup (joined->str);
    }
  else
    f->default_text = g_strdup (mamori_yaml_scalar (def) ?: (f->type == MAMORI_TEMPLATE_FIELD_BOOL ? "false" : ""));
  return TRUE;
}

static gboolean
read_front_matter (MamoriTemplate *t,
                   const char     *yaml_text,
                   gsize           length,
                   GError        **error)
{
  yaml_document_t doc;
  yaml_node_t *root, *fields;
  Ctx ctx = { &doc, t->filename };
  gboolean ok = TRUE;

  /* The front matter starts on line 2, after the opening “---”. */
  if (!mamori_yaml_load (&doc, yaml_text, length, t->filename, 1, MAMORI_TEMPLATE_ERROR, MAMORI_TEMPLATE_ERROR_SYNTAX, error))
    return FALSE;
  root = yaml_document_get_root_node (&doc);
  if (root == NULL || root->type != YAML_MAPPING_NODE)
    ok = fail_at (&ctx, error, root, _("the front matter must be a mapping (id:, title:, fields: …)"));
  if (ok)
    {
      t->id = g_strdup (mamori_yaml_scalar (mamori_yaml_get (&doc, root, "id")));
      t->kind = g_strdup (mamori_yaml_scalar (mamori_yaml_get (&doc, root, "kind")) ?: "document");
      t->lang = g_strdup (mamori_yaml_scalar (mamori_yaml_get (&doc, root, "lang")) ?: "ja");
      t->title = g_strdup (mamori_yaml_scalar (mamori_yaml_get (&doc, root, "title")));
      t->source = g_strdup (mamori_yaml_scalar (mamori_yaml_get (&doc, root, "source")) ?: "");
      t->numbering = g_strdup (mamori_yaml_scalar (mamori_yaml_get (&doc, root, "numbering")) ?: "sections");
      if (t->id == NULL || t->title == NULL)
        ok = fail_at (&ctx, error, root, _("the front matter needs an id and a title"));
      else if (!g_str_equal (t->numbering, "sections") && !g_str_equal (t->numbering, "articles"))
        ok = fail_at (&ctx, error, mamori_yaml_get (&doc, root, "numbering"),
                      _("numbering is “sections” or “articles”"));
    }
  fields = ok ? mamori_yaml_get (&doc, root, "fields") : NULL;
  if (ok && fields != NULL && fields->type != YAML_SEQUENCE_NODE)
    ok = fail_at (&ctx, error, fields, _("fields is a list"));
  /* Without “fields:” the template has none (and the loop must not look at a NULL list). */
  for (yaml_node_item_t *it = fields && ok ? fields->data.sequence.items.start : NULL;
       ok && fields != NULL && it < fields->data.sequence.items.top; it++)
    {
      MamoriTemplateField *f = g_new0 (MamoriTemplateField, 1);
      yaml_node_t *n = yaml_document_get_node (&doc, *it);
      ok = read_field (&ctx, n, f, error);
      if (ok && mamori_template_find_field (t, f->key) != NULL)
        {
          g_autofree char *shown = mamori_text_excerpt (f->key);
          g_autofree char *msg = g_strdup_printf (_("field “%s” is declared twice"), shown);
          ok = fail_at (&ctx, error, n, msg);
        }
      if (ok)
        {
          g_ptr_array_add (t->fields, f);
          g_hash_table_insert (t->fields_by_key, f->key, f);
        }
      else
        field_free (f);
    }
  yaml_document_delete (&doc);
  return ok;
}

/* --- body ---------------------------------------------------------------------------------------- */

static gboolean
body_error (const MamoriTemplate *t,
            GError              **error,
            int                   code,
            int                   line,
            const char           *message)
{
  g_set_error (error, MAMORI_TEMPLATE_ERROR, code, "%s:%d: %s", t->filename, line, message);
  return FALSE;
}

static const MamoriTemplateField *
each_field (const MamoriTemplate *t,
            GPtrArray            *stack)
{
  for (guint i = stack->len; i-- > 1;)
    {
      Node *open = stack->pdata[i];
      if (open->type == NODE_EACH)
        return mamori_template_find_field (t, open->text);
    }
  return NULL;
}

static gboolean
column_known (const MamoriTemplateField *table,
              const char        *key)
{
  for (guint i = 0; table != NULL && i < table->options->len; i++)
    if (g_str_equal (((MamoriFieldOption *) table->options->pdata[i])->key, key))
      return TRUE;
  return FALSE;
}

static gboolean
parse_body (MamoriTemplate *t,
            const char     *body,
            int             first_line,
            GError        **error)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  const char *p = body;
  int line = first_line;

  t->body = node_new (NODE_IF, NULL, first_line);   /* the root: always shown */
  g_ptr_array_add (stack, t->body);
  while (*p)
    {
      const char *open = strstr (p, "{{");
      const char *close;
      Node *parent = stack->pdata[stack->len - 1];
      g_autofree char *inner = NULL;
      char *tag;

      if (open == NULL)
        open = p + strlen (p);
      if (open > p)
        {
          g_ptr_array_add (parent->children, node_new (NODE_TEXT, NULL, line));
          ((Node *) parent->children->pdata[parent->children->len - 1])->text = g_strndup (p, open - p);
          for (const char *c = p; c < open; c++)
            line += *c == '\n';
        }
      if (*open == '\0')
        break;
      close = strstr (open + 2, "}}");
      if (close == NULL || memchr (open, '\n', close - open) != NULL)
        return body_error (t, error, MAMORI_TEMPLATE_ERROR_SYNTAX, line, _("“{{” is not closed by “}}” on the same line"));
      inner = g_strstrip (g_strndup (open + 2, close - open - 2));
      tag = inner;
      if (g_str_has_prefix (tag, "#if ") || g_str_has_prefix (tag, "#unless ") || g_str_has_prefix (tag, "#each "))
        {
          NodeType type = tag[1] == 'i' ? NODE_IF : tag[1] == 'u' ? NODE_UNLESS : NODE_EACH;
          char *key = g_strstrip (strchr (tag, ' '));
          char *eq = strchr (key, '=');
          const MamoriTemplateField *f;
          Node *n;

          if (eq != NULL)
            *eq = '\0';
          f = mamori_template_find_field (t, g_strstrip (key));
          if (f == NULL && !column_known (each_field (t, stack), key))
            {
              g_autofree char *shown = mamori_text_excerpt (key);
              g_autofree char *msg = g_strdup_printf (_("“%s” is not a field of this template"), shown);
              return body_error (t, error, MAMORI_TEMPLATE_ERROR_UNKNOWN_FIELD, line, msg);
            }
          if (type == NODE_EACH && (f == NULL || f->type != MAMORI_TEMPLATE_FIELD_TABLE))
            {
              g_autofree char *shown = mamori_text_excerpt (key);
              g_autofree char *msg = g_strdup_printf (_("{{#each %s}} needs a table field"), shown);
              return body_error (t, error, MAMORI_TEMPLATE_ERROR_SYNTAX, line, msg);
            }
          if (stack->len > MAMORI_TEMPLATE_MAX_DEPTH)
            {
              g_autofree char *msg = g_strdup_printf (_("blocks nest deeper than %d levels"), MAMORI_TEMPLATE_MAX_DEPTH);
              return body_error (t, error, MAMORI_TEMPLATE_ERROR_SYNTAX, line, msg);
            }
          n = node_new (type, key, line);
          if (eq != NULL)
            {
              n->value = g_strdup (g_strstrip (eq + 1));
              if (f == NULL || (f->type != MAMORI_TEMPLATE_FIELD_CHOICE && f->type != MAMORI_TEMPLATE_FIELD_MULTI) ||
                  !column_known (f, n->value))
                {
                  g_autofree char *shown = mamori_text_excerpt (n->value);
                  g_autofree char *shown_key = mamori_text_excerpt (key);
                  g_autofree char *msg = g_strdup_printf (_("“%s” is not an option of “%s”"), shown, shown_key);
                  node_free (n);
                  return body_error (t, error, MAMORI_TEMPLATE_ERROR_UNKNOWN_FIELD, line, msg);
                }
            }
          g_ptr_array_add (parent->children, n);
          g_ptr_array_add (stack, n);
        }
      else if (g_str_equal (tag, "/if") || g_str_equal (tag, "/unless") || g_str_equal (tag, "/each"))
        {
          NodeType type = tag[1] == 'i' ? NODE_IF : tag[1] == 'u' ? NODE_UNLESS : NODE_EACH;
          if (stack->len == 1 || parent->type != type)
            {
              g_autofree char *shown = mamori_text_excerpt (tag);
              g_autofree char *msg = g_strdup_printf (_("“{{%s}}” closes no open block"), shown);
              return body_error (t, error, MAMORI_TEMPLATE_ERROR_SYNTAX, line, msg);
            }
          g_ptr_array_set_size (stack, stack->len - 1);
        }
      else
        {
          if (mamori_template_find_field (t, tag) == NULL && !column_known (each_field (t, stack), tag))
            {
              g_autofree char *shown = mamori_text_excerpt (tag);
              g_autofree char *msg = g_strdup_printf (_("“%s” is not a field of this template"), shown);
              return body_error (t, error, MAMORI_TEMPLATE_ERROR_UNKNOWN_FIELD, line, msg);
            }
          g_ptr_array_add (parent->children, node_new (NODE_VAR, tag, line));
        }
      p = close + 2;
      /* A block tag alone on its line takes its line break along, so it leaves no blank line
       * (a list stays tight, a paragraph whole). */
      if (tag[0] != '#' && tag[0] != '/')
        continue;
      if ((open == body || open[-1] == '\n') && *p == '\n')
        {
          p++;
          line++;
        }
    }
  if (stack->len > 1)
    {
      Node *open = stack->pdata[stack->len - 1];
      g_autofree char *shown = mamori_text_excerpt (open->text);
      g_autofree char *msg = g_strdup_printf (_("the block “%s %s” opened here is never closed"),
                                              open->type == NODE_IF ? "#if" : open->type == NODE_UNLESS ? "#unless" : "#each",
                                              shown);
      return body_error (t, error, MAMORI_TEMPLATE_ERROR_SYNTAX, open->line, msg);
    }
  return TRUE;
}

MamoriTemplate *
mamori_template_parse (const char *filename,
                       const char *text,
                       gsize       length,
                       GError    **error)
{
  g_autoptr(MamoriTemplate) t = g_new0 (MamoriTemplate, 1);
  g_autofree char *copy = length <= MAMORI_YAML_MAX_BYTES ? g_strndup (text, length) : NULL;
  const char *start = copy, *end;
  int body_line;

  t->filename = g_strdup (filename);
  t->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  t->fields_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  if (!mamori_yaml_check_size (length, filename, MAMORI_TEMPLATE_ERROR, MAMORI_TEMPLATE_ERROR_SYNTAX, error))
    return NULL;
  if (!g_utf8_validate (copy, -1, NULL))
    {
      g_set_error (error, MAMORI_TEMPLATE_ERROR, MAMORI_TEMPLATE_ERROR_SYNTAX, _("%s: the file is not UTF-8 text"), filename);
      return NULL;
    }
  if (g_str_has_prefix (start, "\xef\xbb\xbf"))
    start += 3;
  if (!g_str_has_prefix (start, "---\n"))
    {
      g_set_error (error, MAMORI_TEMPLATE_ERROR, MAMORI_TEMPLATE_ERROR_SYNTAX,
                   _("%s:1: a template starts with a front matter between “---” lines"), filename);
      return NULL;
    }
  end = strstr (start + 4, "\n---\n");
  if (end == NULL)
    {
      g_set_error (error, MAMORI_TEMPLATE_ERROR, MAMORI_TEMPLATE_ERROR_SYNTAX,
                   _("%s:1: the front matter is not closed by a “---” line"), filename);
      return NULL;
    }
  if (!read_front_matter (t, start + 4, end + 1 - (start + 4), error))
    return NULL;
  body_line = 3;
  for (const char *c = start + 4; c <= end; c++)
    body_line += *c == '\n';
  if (!parse_body (t, end + 5, body_line, error))
    return NULL;
  return g_steal_pointer (&t);
}

MamoriTemplate *
mamori_template_builtin (const char *id,
                         const char *lang,
                         GError    **error)
{
  g_autofree char *name = g_strdup_printf ("%s.%s.md", id, g_strcmp0 (lang, "en") == 0 ? "en" : "ja");
  g_autofree char *path = g_strdup_printf ("/io/github/mamori/Mamori/templates/%s", name);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (bytes == NULL)
    {
      g_set_error (error, MAMORI_TEMPLATE_ERROR, MAMORI_TEMPLATE_ERROR_SYNTAX, _("There is no built-in template “%s”."), id);
      return NULL;
    }
  return mamori_template_parse (name, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

const char *mamori_template_get_id (const MamoriTemplate *t) { return t->id; }
const char *mamori_template_get_kind (const MamoriTemplate *t) { return t->kind; }
const char *mamori_template_get_lang (const MamoriTemplate *t) { return t->lang; }
const char *mamori_template_get_title (const MamoriTemplate *t) { return t->title; }
const char *mamori_template_get_source (const MamoriTemplate *t) { return t->source; }
const char *mamori_template_get_numbering (const MamoriTemplate *t) { return t->numbering; }
GPtrArray *mamori_template_get_fields (const MamoriTemplate *t) { return t->fields; }

const MamoriTemplateField *
mamori_template_find_field (const MamoriTemplate *t,
                            const char           *key)
{
  return g_hash_table_lookup (t->fields_by_key, key);
}

/* --- values ---------------------------------------------------------------------------------------- */

static void
value_free (Value *v)
{
  g_free (v->text);
  g_clear_pointer (&v->rows, g_ptr_array_unref);
  g_free (v);
}

MamoriTemplateValues *
mamori_template_values_new (void)
{
  MamoriTemplateValues *v = g_new0 (MamoriTemplateValues, 1);

  v->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) value_free);
  return v;
}

void
mamori_template_values_free (MamoriTemplateValues *v)
{
  if (v == NULL)
    return;
  g_hash_table_unref (v->values);
  g_free (v);
}

static Value *
value_for (MamoriTemplateValues *v,
           const char           *key)
{
  Value *value = g_hash_table_lookup (v->values, key);

  if (value == NULL)
    {
      value = g_new0 (Value, 1);
      g_hash_table_insert (v->values, g_strdup (key), value);
    }
  return value;
}

void
mamori_template_values_set (MamoriTemplateValues *v,
                            const char           *key,
                            const char           *text)
{
  Value *value = value_for (v, key);

  g_free (value->text);
  value->text = g_strdup (text);
}

void
mamori_template_values_add_row (MamoriTemplateValues *v,
                                const char           *key,
                                const char * const   *cells)
{
  Value *value = value_for (v, key);

  if (value->rows == NULL)
    value->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) free_row);
  if (cells != NULL)
    g_ptr_array_add (value->rows, g_strdupv ((char **) cells));
}

GPtrArray *
mamori_template_values_get_rows (const MamoriTemplateValues *v,
                                 const char                 *key)
{
  Value *value = g_hash_table_lookup (v->values, key);
  return value ? value->rows : NULL;
}

const char *
mamori_template_values_get (const MamoriTemplateValues *v,
                            const char                 *key)
{
  Value *value = g_hash_table_lookup (v->values, key);
  return value ? value->text : NULL;
}

/* --- filling ----------------------------------------------------------------------------------------- */

typedef struct {
  const MamoriTemplate *t;
  const MamoriTemplateValues *values;
  const MamoriTemplateField *table;    /* inside {{#each}}: its field and current row */
  char **row;
  GString *out;
} Fill;

static const char *
text_of (Fill       *f,
         const char *key)
{
  const MamoriTemplateField *field = mamori_template_find_field (f->t, key);
  const char *given;

  if (f->table != NULL && f->row != NULL)
    for (guint i = 0; i < f->table->options->len; i++)
      if (g_str_equal (((MamoriFieldOption *) f->table->options->pdata[i])->key, key))
        return i < g_strv_length (f->row) ? f->row[i] : "";
  given = f->values ? mamori_template_values_get (f->values, key) : NULL;
  return given ? given : field && field->default_text ? field->default_text : "";
}

static GPtrArray *
rows_of (Fill              *f,
         const MamoriTemplateField *field)
{
  Value *value = f->values ? g_hash_table_lookup (f->values->values, field->key) : NULL;
  return value && value->rows ? value->rows : field->default_rows;
}

static const char *
option_label (const MamoriTemplateField *field,
              const char        *lang,
              const char        *key)
{
  for (guint i = 0; i < field->options->len; i++)
    {
      MamoriFieldOption *o = field->options->pdata[i];
      if (g_str_equal (o->key, key))
        return g_str_equal (lang, "en") ? o->label_en : o->label_ja;
    }
  return NULL;
}

/* Backslash-escapes what Markdown would read as markup, so a value is always plain text. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *c = text; *c; c++)
    {
      if (strchr ("\\`*_[]<>|#", *c) != NULL)
        g_string_append_c (out, '\\');
      if (*c == '\n')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *c);
    }
}

char *
mamori_template_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, text ? text : "");
  return g_string_free (out, FALSE);
}

static gboolean
truthy (Fill       *f,
        const Node *n)
{
  const MamoriTemplateField *field = mamori_template_find_field (f->t, n->text);
  const char *text;

  if (field != NULL && field->type == MAMORI_TEMPLATE_FIELD_TABLE)
    {
      GPtrArray *rows = rows_of (f, field);
      return rows != NULL && rows->len > 0;
    }
  text = text_of (f, n->text);
  if (n->value != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (text, ",", -1);
      for (guint i = 0; parts[i]; i++)
        if (g_str_equal (g_strstrip (parts[i]), n->value))
          return TRUE;
      return FALSE;
    }
  if (field != NULL && field->type == MAMORI_TEMPLATE_FIELD_BOOL)
    return g_str_equal (text, "true");
  return *text != '\0';
}

static gboolean
check_value (const MamoriTemplate *t,
             const MamoriTemplateField    *field,
             const char           *text,
             GError              **error)
{
  if (*text == '\0')
    return TRUE;
  switch (field->type)
    {
    case MAMORI_TEMPLATE_FIELD_DATE:
      {
        g_autoptr(GDateTime) d = NULL;
        g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", text);
        d = strlen (text) == 10 ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
        if (d == NULL)
          {
            g_autofree char *shown = mamori_text_excerpt (text);
            g_set_error (error, MAMORI_TEMPLATE_ERROR, MAMORI_TEMPLATE_ERROR_VALUE,
                         _("%s: “%s” is not a date (YYYY-MM-DD) for “%s”"), t->filename, shown, field->key);
            return FALSE;
          }
        return TRUE;
      }
    case MAMORI_TEMPLATE_FIELD_CHOICE:
    case MAMORI_TEMPLATE_FIELD_MULTI:
      {
        g_auto(GStrv) parts = g_strsplit (text, ",", -1);
        for (guint i = 0; parts[i]; i++)
          if (option_label (field, "ja", g_strstrip (parts[i])) == NULL || (field->type == MAMORI_TEMPLATE_FIELD_CHOICE && i > 0))
            {
              g_autofree char *shown = mamori_text_excerpt (parts[i]);
              g_set_error (error, MAMORI_TEMPLATE_ERROR, MAMORI_TEMPLATE_ERROR_VALUE,
                           _("%s: “%s” is not an option of “%s”"), t->filename, shown, field->key);
              return FALSE;
            }
        return TRUE;
      }
    case MAMORI_TEMPLATE_FIELD_BOOL:
      if (!g_str_equal (text, "true") && !g_str_equal (text, "false"))
        {
          g_set_error (error, MAMORI_TEMPLATE_ERROR, MAMORI_TEMPLATE_ERROR_VALUE,
                       _("%s: “%s” must be true or false"), t->filename, field->key);
          return FALSE;
        }
      return TRUE;
    default:
      return TRUE;
    }
}

static void
fill_nodes (Fill      *f,
            GPtrArray *nodes)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      Node *n = nodes->pdata[i];
      switch (n->type)
        {
        case NODE_TEXT:
          g_string_append (f->out, n->text);
          break;
        case NODE_VAR:
          {
            const MamoriTemplateField *field = f->row ? NULL : mamori_template_find_field (f->t, n->text);
            const char *text = text_of (f, n->text);
            if (field != NULL && (field->type == MAMORI_TEMPLATE_FIELD_CHOICE || field->type == MAMORI_TEMPLATE_FIELD_MULTI))
              {
                g_auto(GStrv) parts = g_strsplit (text, ",", -1);
                for (guint k = 0; parts[k]; k++)
                  {
                    const char *label = option_label (field, f->t->lang, g_strstrip (parts[k]));
                    if (k > 0)
                      g_string_append (f->out, g_str_equal (f->t->lang, "en") ? ", " : "、");
                    append_escaped (f->out, label ? label : parts[k]);
                  }
              }
            else if (field != NULL && field->type == MAMORI_TEMPLATE_FIELD_BOOL)
              g_string_append (f->out, g_str_equal (text, "true") ? (g_str_equal (f->t->lang, "en") ? "yes" : "はい")
                                                                 : (g_str_equal (f->t->lang, "en") ? "no" : "いいえ"));
            else
              append_escaped (f->out, text);
            break;
          }
        case NODE_IF:
        case NODE_UNLESS:
          if (truthy (f, n) == (n->type == NODE_IF))
            fill_nodes (f, n->children);
          break;
        case NODE_EACH:
          {
            const MamoriTemplateField *field = mamori_template_find_field (f->t, n->text);
            GPtrArray *rows = rows_of (f, field);
            const MamoriTemplateField *outer_table = f->table;
            char **outer_row = f->row;
            for (guint r = 0; rows != NULL && r < rows->len; r++)
              {
                f->table = field;
                f->row = rows->pdata[r];
                fill_nodes (f, n->children);
              }
            f->table = outer_table;
            f->row = outer_row;
            break;
          }
        default:
          break;
        }
    }
}

char *
mamori_template_fill (const MamoriTemplate       *t,
                      const MamoriTemplateValues *values,
                      GError                    **error)
{
  Fill f = { t, values, NULL, NULL, NULL };

  for (guint i = 0; i < t->fields->len; i++)
    {
      const MamoriTemplateField *field = t->fields->pdata[i];
      const char *given = values ? mamori_template_values_get (values, field->key) : NULL;
      if (given != NULL && !check_value (t, field, given, error))
        return NULL;
    }
  f.out = g_string_new (NULL);
  fill_nodes (&f, t->body->children);
  return g_string_free (f.out, FALSE);
}
