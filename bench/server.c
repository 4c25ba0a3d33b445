/* server.c — bench/server [ROWS]: a workspace on a PostgreSQL server against a workspace file.
 * Needs MAMORI_TEST_PG (a database on a server where it may create databases; see HACKING.md).
 * Fills a file with ROWS generated assets (100,000 by default), copies it into a new server
 * workspace (import workspace), then times the ledger's sort by risk and its filter on both
 * (medians of 5; target: the server within 2× of the file); then 10 clients at once, each on its
 * own connection, add 1,000 assets of their own department and edit a cell of each (one
 * transaction per edit), and checks that no row and no edit was lost. */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mamori-asset.h"
#include "store/mamori-assets.h"
#include "store/mamori-assets-private.h"
#include "store/mamori-workspace.h"
#include "../tests/mamori-test-pg.h"

static int n_rows = 100000;

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static GPtrArray *
generate (int         n,
          const char *department,
          int         seed)
{
  static const char *media[] = { "事務所PC", "モバイル機器", "社内サーバー", "クラウドサービス", "可搬記録媒体", "書類" };
  static const char *depts[] = { "総務部", "経理部", "営業部", "製造部", "品質保証部" };
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  GRand *rand = g_rand_new_with_seed (seed);

  for (int i = 0; i < n; i++)
    {
      MamoriAsset *a = mamori_asset_new ();
      g_free (a->name);
      a->name = g_strdup_printf ("情報資産 %d-%06d", seed, i);
      g_free (a->remarks);
      a->remarks = g_strdup_printf ("備考 %d", i);
      g_free (a->managing_department);
      a->managing_department = g_strdup (department != NULL ? department : depts[(i / 7) % 5]);
      g_free (a->medium);
      a->medium = g_strdup (media[g_rand_int_range (rand, 0, 6)]);
      a->confidentiality = g_rand_int_range (rand, 0, 3);
      a->integrity = g_rand_int_range (rand, 0, 3);
      a->availability = g_rand_int_range (rand, 0, 3);
      a->vulnerability = g_rand_int_range (rand, 1, 4);
      g_ptr_array_add (out, a);
    }
  g_rand_free (rand);
  return out;
}

/* Medians of 5 runs of the sort by risk and of a filter (text, department, band). */
static void
time_queries (const char *path,
              double     *sort_ms,
              double     *filter_ms)
{
  double sorts[5], filters[5];
  guint counts[MAMORI_ASSET_MAX_BANDS];

  for (int r = 0; r < 5; r++)
    {
      MamoriAssetQuery q = { .band = -1, .sort = MAMORI_ASSET_SORT_RISK, .descending = TRUE };
      MamoriAssetQuery f = { .text = "資産 42-01", .department = "営業部", .band = MAMORI_RISK_BAND_LARGE,
                             .sort = MAMORI_ASSET_FIELD_NAME };
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GArray) ids = mamori_assets_query_ids (path, &q, counts, &error);
      g_autoptr(GArray) few = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (ids->len, ==, (guint) n_rows);
      sorts[r] = ms_since (t0);
      t0 = g_get_monotonic_time ();
      few = mamori_assets_query_ids (path, &f, counts, &error);
      g_assert_no_error (error);
      filters[r] = ms_since (t0);
    }
  qsort (sorts, 5, sizeof (double), compare_doubles);
  qsort (filters, 5, sizeof (double), compare_doubles);
  *sort_ms = sorts[2];
  *filter_ms = filters[2];
}

typedef struct {
  const char *uri;
  int n;
  double ms;
} Client;

static gpointer
client (gpointer data)
{
  Client *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (c->uri, 0, &error);
  g_autofree char *department = g_strdup_printf ("部署%02d", c->n);
  g_autoptr(GPtrArray) assets = generate (1000, department, 100 + c->n);
  gint64 t0 = g_get_monotonic_time ();

  g_assert_no_error (error);
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < assets->len; i++)
    {
      MamoriAsset *a = assets->pdata[i];
      g_free (a->remarks);
      a->remarks = g_strdup_printf ("client %d edit %u", c->n, i);
      g_assert_true (mamori_workspace_update_asset (ws, a, &error));
      g_assert_no_error (error);
    }
  c->ms = ms_since (t0);
  mamori_workspace_close (ws);
  return NULL;
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("mamori-bench-server-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "big.mamori", NULL);
  g_autofree char *uri = NULL, *clients_uri = NULL;
  g_autoptr(MamoriWorkspace) local = NULL, server = NULL, check = NULL;
  g_autoptr(GPtrArray) assets = NULL, all = NULL;
  g_autoptr(GError) error = NULL;
  double fill_ms, copy_ms, file_sort, file_filter, pg_sort, pg_filter, clients_ms, slowest = 0;
  Client clients[10];
  GThread *threads[10];
  guint n_rows_copied = 0, lost = 0;
  gint64 t0;

  if (argc > 1 && (n_rows = atoi (argv[1])) <= 0)
    {
      g_printerr ("usage: bench-server [ROWS]\n");
      return 1;
    }
  if (g_getenv ("MAMORI_TEST_PG") == NULL)
    {
      g_printerr ("bench-server needs MAMORI_TEST_PG (eval \"$(build-aux/pg-test-cluster.sh start)\")\n");
      return 1;
    }

  local = mamori_workspace_open (file, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  assets = generate (n_rows, NULL, 42);
  t0 = g_get_monotonic_time ();
  g_assert_true (mamori_workspace_add_assets (local, assets, &error));
  fill_ms = ms_since (t0);
  mamori_workspace_close (local);

  uri = test_pg_new_database ();
  server = mamori_workspace_open (uri, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  g_assert_true (mamori_workspace_import_workspace (server, file, &n_rows_copied, &error));
  g_assert_no_error (error);
  copy_ms = ms_since (t0);

  time_queries (file, &file_sort, &file_filter);
  time_queries (uri, &pg_sort, &pg_filter);

  clients_uri = test_pg_new_database ();
  check = mamori_workspace_open (clients_uri, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  for (int i = 0; i < 10; i++)
    {
      clients[i] = (Client) { clients_uri, i, 0 };
      threads[i] = g_thread_new ("client", client, &clients[i]);
    }
  for (int i = 0; i < 10; i++)
    {
      g_thread_join (threads[i]);
      slowest = MAX (slowest, clients[i].ms);
    }
  clients_ms = ms_since (t0);
  all = mamori_workspace_list_assets (check, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      MamoriAsset *a = all->pdata[i];
      if (!g_str_has_prefix (a->remarks, "client "))
        lost++;
    }

  printf ("rows\t%d\n", n_rows);
  printf ("file fill (one transaction)\t%.0f ms\n", fill_ms);
  printf ("import workspace into the server\t%.0f ms (%u rows)\n", copy_ms, n_rows_copied);
  printf ("sort by risk: file\t%.1f ms\n", file_sort);
  printf ("sort by risk: server\t%.1f ms (%.2f×)\n", pg_sort, pg_sort / file_sort);
  printf ("filter: file\t%.1f ms\n", file_filter);
  printf ("filter: server\t%.1f ms (%.2f×)\n", pg_filter, pg_filter / file_filter);
  printf ("10 clients × (1,000 assets + 1,000 edits)\t%.0f ms (slowest client %.0f ms)\n", clients_ms, slowest);
  printf ("assets after the clients\t%u (expected 10000); edits lost\t%u\n", all->len, lost);
  mamori_workspace_close (server);
  mamori_workspace_close (check);
  test_pg_cleanup ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    (void) !system (cmd);
  }
  return all->len == 10000 && lost == 0 ? 0 : 1;
}
