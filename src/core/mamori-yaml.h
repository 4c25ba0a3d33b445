/* mamori-yaml.h — small helpers over libyaml's document API, shared by the checklist and
 * template readers */
#pragma once

#include <glib.h>
#include <yaml.h>

G_BEGIN_DECLS

/* 1-based line of node (0 for NULL). */
int          mamori_yaml_line   (const yaml_node_t *node);
/* The value of key in a mapping node, or NULL (also when map is not a mapping). */
yaml_node_t *mamori_yaml_get    (yaml_document_t   *doc,
                                 yaml_node_t       *map,
                                 const char        *key);
/* A scalar's text, or NULL when node is not a scalar. */
const char  *mamori_yaml_scalar (const yaml_node_t *node);

G_END_DECLS
