/* mamori-yaml.c — small helpers over libyaml's document API, and a loader that bounds what
 * a text may cost */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-yaml.h"

/* --- loading with limits ----------------------------------------------------------------------
 *
 * libyaml's own loader (yaml_parser_load) has no limits: a “billion laughs” text whose aliases
 * refer to aliases costs nothing to load but everything to walk, and 100,000 nested brackets
 * take its scanner half a minute. This loader builds the same yaml_document_t from the event
 * stream and stops at the first limit it meets, before the costly part: it never scans deeper
 * than MAMORI_YAML_MAX_DEPTH, and it adds up what every alias would cost written out. */

#define WEIGHT_OPEN G_MAXUINT64

typedef struct {
  int node;             /* document node id */
  int pending_key;      /* a mapping's key waiting for its value, or 0 */
  guint64 extra;        /* bytes the aliases inside it add when written out */
} Frame;

typedef struct {
  yaml_document_t *doc;
  const char *filename;
  int line_offset;
  GQuark domain;
  int code;
  GArray *frames;       /* Frame: the open collections */
  GHashTable *anchors;  /* anchor → node id */
  GArray *weights;      /* guint64 per node (id − 1): its size written out, WEIGHT_OPEN while open */
  guint n_aliases;
  guint64 size;         /* the text's size plus what the aliases add so far */
  guint64 limit;
} Loader;

static int
loader_line (Loader            *l,
             const yaml_mark_t *mark)
{
  return (int) MIN (mark->line, (size_t) G_MAXINT / 2) + 1 + l->line_offset;
}

static gboolean
loader_fail (Loader            *l,
             GError           **error,
             const yaml_mark_t *mark,
             const char        *message)
{
  g_set_error (error, l->domain, l->code, "%s:%d: %s", l->filename, loader_line (l, mark), message);
  return FALSE;
}

/* Adds node id to the innermost open collection (nothing for the root). */
static gboolean
loader_attach (Loader *l,
               int     id)
{
  Frame *top;
  gboolean ok;

  if (l->frames->len == 0)
    return TRUE;
  top = &g_array_index (l->frames, Frame, l->frames->len - 1);
  if (yaml_document_get_node (l->doc, top->node)->type == YAML_SEQUENCE_NODE)
    return yaml_document_append_sequence_item (l->doc, top->node, id) != 0;
  if (top->pending_key == 0)
    {
      top->pending_key = id;
      return TRUE;
    }
  ok = yaml_document_append_mapping_pair (l->doc, top->node, top->pending_key, id) != 0;
  top->pending_key = 0;
  return ok;
}

static void
loader_added (Loader             *l,
              int                 id,
              const yaml_event_t *event,
              const yaml_char_t  *anchor,
              guint64             weight)
{
  yaml_node_t *node = yaml_document_get_node (l->doc, id);

  node->start_mark = event->start_mark;
  node->end_mark = event->end_mark;
  g_array_set_size (l->weights, (guint) id);
  g_array_index (l->weights, guint64, id - 1) = weight;
  /* A later anchor of the same name replaces an earlier one (YAML 1.2). */
  if (anchor != NULL)
    g_hash_table_replace (l->anchors, g_strdup ((const char *) anchor), GINT_TO_POINTER (id));
}

static const yaml_char_t *
loader_tag (const yaml_char_t *tag)
{
  return tag == NULL || strcmp ((const char *) tag, "!") == 0 ? NULL : tag;
}

/* One event; *done is set at the end of the first document. */
static gboolean
loader_event (Loader        *l,
              yaml_event_t  *event,
              gboolean      *done,
              GError       **error)
{
  int id;

  switch (event->type)
    {
    case YAML_STREAM_START_EVENT:
      return TRUE;
    case YAML_STREAM_END_EVENT:
      /* No document at all: an empty one, as yaml_parser_load gives. */
      if (!yaml_document_initialize (l->doc, NULL, NULL, NULL, 1, 1))
        return loader_fail (l, error, &event->start_mark, _("out of memory"));
      *done = TRUE;
      return TRUE;
    case YAML_DOCUMENT_START_EVENT:
      if (!yaml_document_initialize (l->doc, event->data.document_start.version_directive,
                                     event->data.document_start.tag_directives.start,
                                     event->data.document_start.tag_directives.end,
                                     event->data.document_start.implicit, 1))
        return loader_fail (l, error, &event->start_mark, _("out of memory"));
      return TRUE;
    case YAML_DOCUMENT_END_EVENT:
      l->doc->end_implicit = event->data.document_end.implicit;
      *done = TRUE;
      return TRUE;

    case YAML_ALIAS_EVENT:
      {
        const char *anchor = (const char *) event->data.alias.anchor;
        guint64 weight;
        Frame *top;

        id = GPOINTER_TO_INT (g_hash_table_lookup (l->anchors, anchor));
        if (id == 0 || g_array_index (l->weights, guint64, id - 1) == WEIGHT_OPEN)
          {
            g_autofree char *msg = g_strdup_printf (id == 0 ? _("the alias “*%.40s” names no anchor before it.")
                                                            : _("the alias “*%.40s” refers to a node that contains it."),
                                                    anchor);
            return loader_fail (l, error, &event->start_mark, msg);
          }
        if (++l->n_aliases > MAMORI_YAML_MAX_ALIASES)
          {
            g_autofree char *msg = g_strdup_printf (_("the document uses aliases (*name) more than %d times; Mamori does not read files like that."),
                                                    MAMORI_YAML_MAX_ALIASES);
            return loader_fail (l, error, &event->start_mark, msg);
          }
        weight = g_array_index (l->weights, guint64, id - 1);
        l->size += weight;
        if (l->size > l->limit)
          {
            g_autofree char *limit = g_format_size (l->limit);
            g_autofree char *msg = g_strdup_printf (_("with its aliases (*name) written out, the document would be larger than %s, over %d times the file’s size; Mamori does not read files like that."),
                                                    limit, MAMORI_YAML_MAX_EXPANSION);
            return loader_fail (l, error, &event->start_mark, msg);
          }
        if (l->frames->len > 0)
          {
            top = &g_array_index (l->frames, Frame, l->frames->len - 1);
            top->extra += weight;
          }
        return loader_attach (l, id) || loader_fail (l, error, &event->start_mark, _("out of memory"));
      }

    case YAML_SCALAR_EVENT:
      id = yaml_document_add_scalar (l->doc, loader_tag (event->data.scalar.tag), event->data.scalar.value,
                                     (int) event->data.scalar.length, event->data.scalar.style);
      if (id == 0)
        return loader_fail (l, error, &event->start_mark, _("out of memory"));
      loader_added (l, id, event, event->data.scalar.anchor,
                    MAX (event->end_mark.index - event->start_mark.index, (size_t) 1));
      return loader_attach (l, id) || loader_fail (l, error, &event->start_mark, _("out of memory"));

    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
      {
        Frame frame = { 0 };

        if (l->frames->len >= MAMORI_YAML_MAX_DEPTH)
          {
            g_autofree char *msg = g_strdup_printf (_("the document nests deeper than %d levels; Mamori does not read files nested that deep."),
                                                    MAMORI_YAML_MAX_DEPTH);
            return loader_fail (l, error, &event->start_mark, msg);
          }
        if (event->type == YAML_SEQUENCE_START_EVENT)
          id = yaml_document_add_sequence (l->doc, loader_tag (event->data.sequence_start.tag),
                                           event->data.sequence_start.style);
        else
          id = yaml_document_add_mapping (l->doc, loader_tag (event->data.mapping_start.tag),
                                          event->data.mapping_start.style);
        if (id == 0)
          return loader_fail (l, error, &event->start_mark, _("out of memory"));
        loader_added (l, id, event,
                      event->type == YAML_SEQUENCE_START_EVENT ? event->data.sequence_start.anchor
                                                               : event->data.mapping_start.anchor,
                      WEIGHT_OPEN);
        if (!loader_attach (l, id))
          return loader_fail (l, error, &event->start_mark, _("out of memory"));
        frame.node = id;
        g_array_append_val (l->frames, frame);
        return TRUE;
      }

    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      {
        Frame frame;
        yaml_node_t *node;

        g_return_val_if_fail (l->frames->len > 0, FALSE);
        frame = g_array_index (l->frames, Frame, l->frames->len - 1);
        g_array_set_size (l->frames, l->frames->len - 1);
        node = yaml_document_get_node (l->doc, frame.node);
        node->end_mark = event->end_mark;
        g_array_index (l->weights, guint64, frame.node - 1) =
          MAX (node->end_mark.index - node->start_mark.index, (size_t) 1) + frame.extra;
        if (l->frames->len > 0)
          g_array_index (l->frames, Frame, l->frames->len - 1).extra += frame.extra;
        return TRUE;
      }

    case YAML_NO_EVENT:
    default:
      return loader_fail (l, error, &event->start_mark, _("out of memory"));
    }
}

gboolean
mamori_yaml_check_size (gsize        length,
                        const char  *filename,
                        GQuark       domain,
                        int          code,
                        GError     **error)
{
  if (length <= MAMORI_YAML_MAX_BYTES)
    return TRUE;
  g_set_error (error, domain, code, _("%s: the file is larger than %d MB; Mamori does not read files that big."),
               filename, MAMORI_YAML_MAX_BYTES / (1000 * 1000));
  return FALSE;
}

gboolean
mamori_yaml_load (yaml_document_t  *doc,
                  const char       *data,
                  gsize             length,
                  const char       *filename,
                  int               line_offset,
                  GQuark            domain,
                  int               code,
                  GError          **error)
{
  yaml_parser_t parser;
  Loader l = { doc, filename, line_offset, domain, code };
  gboolean done = FALSE, ok = TRUE, started = FALSE;

  memset (doc, 0, sizeof *doc);
  if (!mamori_yaml_check_size (length, filename, domain, code, error))
    return FALSE;
  l.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  l.anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.weights = g_array_new (FALSE, TRUE, sizeof (guint64));
  l.size = length;
  l.limit = MAX ((guint64) length * MAMORI_YAML_MAX_EXPANSION, (guint64) MAMORI_YAML_MIN_EXPANDED);

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) data, length);
  while (ok && !done)
    {
      yaml_event_t event;

      if (!yaml_parser_parse (&parser, &event))
        {
          g_set_error (error, domain, code, _("%s:%d: not valid YAML: %s."), filename,
                       loader_line (&l, &parser.problem_mark), parser.problem ? parser.problem : "?");
          ok = FALSE;
          break;
        }
      started |= event.type == YAML_DOCUMENT_START_EVENT || event.type == YAML_STREAM_END_EVENT;
      ok = loader_event (&l, &event, &done, error);
      yaml_event_delete (&event);
    }
  yaml_parser_delete (&parser);
  g_array_unref (l.frames);
  g_hash_table_unref (l.anchors);
  g_array_unref (l.weights);
  if (!ok && started)
    yaml_document_delete (doc);
  if (!ok)
    memset (doc, 0, sizeof *doc);
  return ok;
}

int
mamori_yaml_line (const yaml_node_t *node)
{
  return node ? (int) node->start_mark.line + 1 : 0;
}

yaml_node_t *
mamori_yaml_get (yaml_document_t *doc,
                 yaml_node_t     *map,
                 const char      *key)
{
  if (map == NULL || map->type != YAML_MAPPING_NODE)
    return NULL;
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++)
    {
      yaml_node_t *k = yaml_document_get_node (doc, p->key);
      if (k && k->type == YAML_SCALAR_NODE && strcmp ((const char *) k->data.scalar.value, key) == 0)
        return yaml_document_get_node (doc, p->value);
    }
  return NULL;
}

const char *
mamori_yaml_scalar (const yaml_node_t *node)
{
  if (node == NULL || node->type != YAML_SCALAR_NODE)
    return NULL;
  return (const char *) node->data.scalar.value;
}
