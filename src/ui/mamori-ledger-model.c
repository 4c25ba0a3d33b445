/* mamori-ledger-model.c — the ledger as a lazily read list model */
#include "config.h"

#include <string.h>

#include "mamori-ledger-model.h"
#include "mamori-ledger-row.h"

#define CACHE_LIMIT 4096

struct _MamoriLedgerModel {
  GObject parent_instance;
  MamoriWorkspace *workspace;
  GArray *ids;             /* gint64, in view order */
  GHashTable *cache;       /* id → MamoriLedgerRow* */
  GHashTable *threats;     /* medium → threat value */
  guint serial;            /* the newest query wins */
  guint band_counts[MAMORI_ASSET_MAX_BANDS];    /* of the last query, before its band filter */
  MamoriAssetQuery last;   /* the last query (strings owned), for counting again */
  gboolean has_last;
  guint n_counted;         /* rows the last query or count found */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MamoriLedgerModel, mamori_ledger_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return MAMORI_TYPE_LEDGER_ROW;
}

static guint
get_n_items (GListModel *model)
{
  return MAMORI_LEDGER_MODEL (model)->ids->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  MamoriLedgerModel *self = MAMORI_LEDGER_MODEL (model);
  MamoriLedgerRow *row;
  MamoriAsset *asset;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;
  id = g_array_index (self->ids, gint64, position);
  row = g_hash_table_lookup (self->cache, &id);
  if (row != NULL)
    return g_object_ref (row);

  asset = mamori_workspace_get_asset (self->workspace, id, NULL);
  if (asset == NULL)
    {
      /* Deleted meanwhile: show an empty row until the next query. */
      asset = mamori_asset_new ();
      asset->id = id;
    }
  if (g_hash_table_size (self->cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);
  row = mamori_ledger_row_new (asset, mamori_medium_threat_lookup (self->threats, asset->medium));
  g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), row);
  return g_object_ref (row);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
mamori_ledger_model_finalize (GObject *object)
{
  MamoriLedgerModel *self = MAMORI_LEDGER_MODEL (object);

  g_array_unref (self->ids);
  g_hash_table_unref (self->cache);
  g_clear_pointer (&self->threats, g_hash_table_unref);
  g_clear_object (&self->workspace);
  g_free ((char *) self->last.text);
  g_free ((char *) self->last.department);
  g_free ((char *) self->last.medium);
  G_OBJECT_CLASS (mamori_ledger_model_parent_class)->finalize (object);
}

static void
mamori_ledger_model_class_init (MamoriLedgerModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mamori_ledger_model_finalize;
}

static void
mamori_ledger_model_init (MamoriLedgerModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

MamoriLedgerModel *
mamori_ledger_model_new (MamoriWorkspace *workspace)
{
  MamoriLedgerModel *self = g_object_new (MAMORI_TYPE_LEDGER_MODEL, NULL);

  self->workspace = g_object_ref (workspace);
  self->threats = mamori_workspace_get_medium_threats (workspace, NULL);
  return self;
}

/* --- querying ------------------------------------------------------------------------------ */

typedef struct {
  char *path;
  MamoriAssetQuery query;  /* strings owned */
  guint serial;
  guint band_counts[MAMORI_ASSET_MAX_BANDS];
} QueryData;

static void
query_data_free (QueryData *d)
{
  g_free (d->path);
  g_free ((char *) d->query.text);
  g_free ((char *) d->query.department);
  g_free ((char *) d->query.medium);
  g_free (d);
}

static void
query_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryData *d = task_data;
  GError *error = NULL;
  GArray *ids = mamori_assets_query_ids (d->path, &d->query, d->band_counts, &error);

  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

void
mamori_ledger_model_query_async (MamoriLedgerModel      *self,
                                 const MamoriAssetQuery *query,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  QueryData *d = g_new0 (QueryData, 1);

  d->path = g_strdup (mamori_workspace_get_path (self->workspace));
  d->query = *query;
  d->query.text = g_strdup (query->text);
  d->query.department = g_strdup (query->department);
  d->query.medium = g_strdup (query->medium);
  d->serial = ++self->serial;
  g_task_set_task_data (task, d, (GDestroyNotify) query_data_free);
  g_task_run_in_thread (task, query_thread);
  g_free ((char *) self->last.text);
  g_free ((char *) self->last.department);
  g_free ((char *) self->last.medium);
  self->last = *query;
  self->last.text = g_strdup (query->text);
  self->last.department = g_strdup (query->department);
  self->last.medium = g_strdup (query->medium);
  self->has_last = TRUE;
}

void
mamori_ledger_model_count_async (MamoriLedgerModel  *self,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  QueryData *d = g_new0 (QueryData, 1);

  d->path = g_strdup (mamori_workspace_get_path (self->workspace));
  d->query = self->last;
  d->query.text = g_strdup (self->last.text);
  d->query.department = g_strdup (self->last.department);
  d->query.medium = g_strdup (self->last.medium);
  d->serial = self->serial;   /* a newer query counts for itself */
  g_task_set_task_data (task, d, (GDestroyNotify) query_data_free);
  if (!self->has_last)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "no query yet");
      return;
    }
  g_task_run_in_thread (task, query_thread);
}

gboolean
mamori_ledger_model_count_finish (MamoriLedgerModel  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  QueryData *d = g_task_get_task_data (G_TASK (result));
  GArray *ids = g_task_propagate_pointer (G_TASK (result), error);

  if (ids == NULL)
    return FALSE;
  if (d->serial == self->serial)
    {
      memcpy (self->band_counts, d->band_counts, sizeof self->band_counts);
      self->n_counted = ids->len;
    }
  g_array_unref (ids);
  return TRUE;
}

guint
mamori_ledger_model_get_n_counted (MamoriLedgerModel *self)
{
  return self->n_counted;
}

gboolean
mamori_ledger_model_query_finish (MamoriLedgerModel  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  QueryData *d = g_task_get_task_data (G_TASK (result));
  GArray *ids = g_task_propagate_pointer (G_TASK (result), error);
  guint old_n;

  if (ids == NULL)
    return FALSE;
  if (d->serial != self->serial)
    {
      /* A newer query is on its way; this answer is stale. */
      g_array_unref (ids);
      return TRUE;
    }
  old_n = self->ids->len;
  memcpy (self->band_counts, d->band_counts, sizeof self->band_counts);
  self->n_counted = ids->len;
  g_array_unref (self->ids);
  self->ids = ids;
  g_hash_table_remove_all (self->cache);
  g_clear_pointer (&self->threats, g_hash_table_unref);
  self->threats = mamori_workspace_get_medium_threats (self->workspace, NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->ids->len);
  return TRUE;
}

guint
mamori_ledger_model_row_changed (MamoriLedgerModel *self,
                                 gint64             id)
{
  g_hash_table_remove (self->cache, &id);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      {
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
        return i;
      }
  return G_MAXUINT;
}

guint
mamori_ledger_model_row_redraw (MamoriLedgerModel *self,
                                gint64             id)
{
  MamoriLedgerRow *row = g_hash_table_lookup (self->cache, &id);
  guint position = mamori_ledger_model_find (self, id);

  if (row == NULL || position == G_MAXUINT)
    return G_MAXUINT;
  /* A new row object, so the view binds it again. */
  row = mamori_ledger_row_new (mamori_asset_copy (mamori_ledger_row_get_asset (row)),
                               mamori_medium_threat_lookup (self->threats, mamori_ledger_row_get_asset (row)->medium));
  g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), row);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return position;
}

guint
mamori_ledger_model_find (MamoriLedgerModel *self,
                          gint64             id)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

void
mamori_ledger_model_get_band_counts (MamoriLedgerModel *self,
                                     guint              counts[MAMORI_ASSET_MAX_BANDS])
{
  memcpy (counts, self->band_counts, sizeof self->band_counts);
}
