/* mamori-yaml.h — small helpers over libyaml's document API, shared by the checklist and
 * template readers */
#pragma once

#include <glib.h>
#include <yaml.h>

G_BEGIN_DECLS

/* What reading one YAML text may cost. Checklist libraries and template front matter come
 * from outside (a file someone sent, or a library stored in a workspace and read again on
 * every load), so these bound the memory and time a hostile file can take. */
#define MAMORI_YAML_MAX_BYTES     (20 * 1000 * 1000) /* 20 MB of text */
#define MAMORI_YAML_MAX_DEPTH     64                 /* nested sequences and mappings */
#define MAMORI_YAML_MAX_ALIASES   10000              /* uses of an alias (*name) */
/* With every alias written out in full, the document may be at most this many times the
 * text's size, or MAMORI_YAML_MIN_EXPANDED bytes for a small text. */
#define MAMORI_YAML_MAX_EXPANSION 4
#define MAMORI_YAML_MIN_EXPANDED  (64 * 1024)

/* Loads the first document of data into doc, like yaml_parser_load, but refuses a text
 * beyond the limits above; on success free doc with yaml_document_delete. Messages read
 * “FILENAME:LINE: …” (line_offset is added to the text's own line numbers, for a text that
 * starts inside a file) and come in domain with code. Node lines are the text's own. */
gboolean     mamori_yaml_load   (yaml_document_t   *doc,
                                 const char        *data,
                                 gsize              length,
                                 const char        *filename,
                                 int                line_offset,
                                 GQuark             domain,
                                 int                code,
                                 GError           **error);
/* The message for a text over MAMORI_YAML_MAX_BYTES, for readers that check the size before
 * anything else. FALSE (and error set) when length is over the limit. */
gboolean     mamori_yaml_check_size (gsize          length,
                                     const char    *filename,
                                     GQuark         domain,
                                     int            code,
                                     GError       **error);

/* 1-based line of node (0 for NULL). */
int          mamori_yaml_line   (const yaml_node_t *node);
/* The value of key in a mapping node, or NULL (also when map is not a mapping). */
yaml_node_t *mamori_yaml_get    (yaml_document_t   *doc,
                                 yaml_node_t       *map,
                                 const char        *key);
/* A scalar's text, or NULL when node is not a scalar. */
const char  *mamori_yaml_scalar (const yaml_node_t *node);

G_END_DECLS
