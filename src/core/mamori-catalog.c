/* mamori-catalog.c — built-in and user checklist libraries */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "mamori-catalog.h"
#include "mamori-catalog-private.h"

#define CATALOG_RESOURCE "/io/github/mamori/Mamori/catalog/"

struct _MamoriCatalog {
  GPtrArray *checklists; /* MamoriChecklist*, owned */
  GHashTable *builtin;   /* ids */
};

static const char * const builtin_ids[] = {
  "ipa-five-articles", "ipa-self-diagnosis", "ipa-cloud", "meti-csm-check", "tech-info-mandatory",
  "tech-info-criteria", "gov-governance", NULL,
};

const char * const *
mamori_catalog_builtin_ids (void)
{
  return builtin_ids;
}

MamoriCatalog *
mamori_catalog_new (void)
{
  MamoriCatalog *c = g_new0 (MamoriCatalog, 1);
  c->checklists = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_checklist_free);
  c->builtin = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return c;
}

void
mamori_catalog_free (MamoriCatalog *catalog)
{
  if (catalog == NULL)
    return;
  g_ptr_array_unref (catalog->checklists);
  g_hash_table_unref (catalog->builtin);
  g_free (catalog);
}

void
mamori_catalog_add (MamoriCatalog   *catalog,
                    MamoriChecklist *checklist)
{
  for (guint i = 0; i < catalog->checklists->len; i++)
    if (g_strcmp0 (((MamoriChecklist *) catalog->checklists->pdata[i])->id, checklist->id) == 0)
      {
        mamori_checklist_free (catalog->checklists->pdata[i]);
        catalog->checklists->pdata[i] = checklist;
        g_hash_table_remove (catalog->builtin, checklist->id);
        return;
      }
  g_ptr_array_add (catalog->checklists, checklist);
}

gboolean
mamori_catalog_load_builtin (MamoriCatalog  *catalog,
                             GError        **error)
{
  for (guint i = 0; builtin_ids[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (CATALOG_RESOURCE, builtin_ids[i], ".yaml", NULL);
      g_autofree char *name = g_strconcat (builtin_ids[i], ".yaml", NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      MamoriChecklist *cl;
      gsize len;
      const char *data;

      if (bytes == NULL)
        return FALSE;
      data = g_bytes_get_data (bytes, &len);
      cl = mamori_checklist_parse (data, len, name, error);
      if (cl == NULL)
        return FALSE;
      mamori_catalog_add (catalog, cl);
      g_hash_table_add (catalog->builtin, g_strdup (cl->id));
    }
  return TRUE;
}

const MamoriChecklist *
mamori_catalog_find (MamoriCatalog *catalog,
                     const char    *id)
{
  for (guint i = 0; i < catalog->checklists->len; i++)
    if (g_strcmp0 (((MamoriChecklist *) catalog->checklists->pdata[i])->id, id) == 0)
      return catalog->checklists->pdata[i];
  return NULL;
}

guint
mamori_catalog_get_n (MamoriCatalog *catalog)
{
  return catalog->checklists->len;
}

const MamoriChecklist *
mamori_catalog_get (MamoriCatalog *catalog,
                    guint          index)
{
  g_return_val_if_fail (index < catalog->checklists->len, NULL);
  return catalog->checklists->pdata[index];
}

gboolean
mamori_catalog_is_builtin (MamoriCatalog *catalog,
                           const char    *id)
{
  return g_hash_table_contains (catalog->builtin, id);
}
