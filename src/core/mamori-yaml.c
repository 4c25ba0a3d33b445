/* mamori-yaml.c — small helpers over libyaml's document API */
#include "config.h"

#include <string.h>

#include "mamori-yaml.h"

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
