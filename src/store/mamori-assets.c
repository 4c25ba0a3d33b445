/* mamori-assets.c — ledger rows in sqlite */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-assets.h"
#include "mamori-assets-private.h"
#include "mamori-statement.h"
#include "mamori-workspace-internal.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#define ASSET_COLUMNS \
  "business_category, name, remarks, user_scope, managing_department, medium, personal_info, " \
  "special_care_info, my_number, confidentiality, integrity, availability, retention, registered_on, " \
  "threat, vulnerability, treatment, measure, measure_owner, measure_due, target_threat, target_vulnerability, " \
  "impact5, likelihood5, classification_c, classification_i, classification_a, handling"

/* The types of the ledger columns ?1 … ?28 and updated_at ?29 (see execute_asset). */
#define ASSET_TYPES "tttttt" "iiiiii" "tt" "ii" "tttt" "iiii" "iiit" "t"

/* Runs stmt once for a: the ledger columns as ?1 … ?28, updated_at as ?29 and, when id > 0,
 * id as ?30. */
static gboolean
execute_asset (MamoriStatement    *stmt,
               const MamoriAsset  *a,
               const char         *now,
               gint64              id,
               GError            **error)
{
  return mamori_statement_execute (stmt, error, id > 0 ? ASSET_TYPES "i" : ASSET_TYPES,
                                   a->business_category, a->name, a->remarks, a->user_scope,
                                   a->managing_department, a->medium,
                                   (gint64) (a->personal_info ? 1 : 0), (gint64) (a->special_care_info ? 1 : 0),
                                   (gint64) (a->my_number ? 1 : 0), (gint64) a->confidentiality,
                                   (gint64) a->integrity, (gint64) a->availability,
                                   a->retention, a->registered_on,
                                   (gint64) a->threat, (gint64) a->vulnerability,
                                   mamori_treatment_key (a->treatment), a->measure, a->measure_owner, a->measure_due,
                                   (gint64) a->target_threat, (gint64) a->target_vulnerability,
                                   (gint64) a->impact5, (gint64) a->likelihood5,
                                   (gint64) a->classification_c, (gint64) a->classification_i,
                                   (gint64) a->classification_a, a->handling ? a->handling : "",
                                   now, id);
}

typedef struct {
  GPtrArray *assets;
  GHashTable *threats;
  const char *now;
  gboolean started;
} AssetsAdd;

static gboolean
write_new_assets (MamoriWorkspace  *self,
                  gpointer          data,
                  char            **summary,
                  GError          **error)
{
  AssetsAdd *d = data;
  /* One prepared statement for every row. */
  g_autoptr(MamoriStatement) stmt =
    mamori_statement_new (self, _("save the assets"), error,
                          "INSERT INTO asset (" ASSET_COLUMNS ", updated_at) VALUES "
                          "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)",
                          NULL);

  d->started = TRUE;
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < d->assets->len; i++)
    {
      MamoriAsset *a = d->assets->pdata[i];
      MamoriAsset stored = *a;   /* shallow: only its 5 × 5 numbers change */
      if (d->threats != NULL)
        mamori_asset_forget_mapped5 (&stored, mamori_medium_threat_lookup (d->threats, a->medium));
      if (!execute_asset (stmt, &stored, d->now, 0, error))
        return FALSE;
      a->id = mamori_statement_last_insert_id (stmt);
    }
  *summary = g_strdup_printf ("%u assets added", d->assets->len);
  return TRUE;
}

gboolean
mamori_workspace_add_assets (MamoriWorkspace *self,
                             GPtrArray       *assets,
                             GError         **error)
{
  g_autofree char *now = mamori_workspace_now ();
  g_autoptr(GHashTable) threats = NULL;
  AssetsAdd d = { assets, NULL, now, FALSE };

  if (!mamori_workspace_ensure_open (self, error))
    return FALSE;
  /* 5 × 5 values equal to what the mapping gives are kept as "from the IPA values", so an
   * exported ledger read back is the same ledger (the export writes both methods' values). */
  for (guint i = 0; threats == NULL && i < assets->len; i++)
    {
      const MamoriAsset *a = assets->pdata[i];
      if ((a->impact5 > 0 || a->likelihood5 > 0) && (threats = mamori_workspace_get_medium_threats (self, error)) == NULL)
        return FALSE;
    }
  d.threats = threats;
  if (mamori_workspace_write (self, "asset", "add", _("save the assets"), write_new_assets, &d, error))
    return TRUE;
  /* Nothing of the batch stays: the ids handed out are void again. */
  for (guint i = 0; d.started && i < assets->len; i++)
    ((MamoriAsset *) assets->pdata[i])->id = 0;
  return FALSE;
}

static char *
text (MamoriStatement *stmt,
      int              col)
{
  return mamori_statement_dup_text (stmt, col);
}

static MamoriAsset *
asset_from_row (MamoriStatement *stmt)
{
  MamoriAsset *a = mamori_asset_new ();
  g_autofree char *treatment = NULL;
  g_autofree char *reason = NULL;

  a->id = mamori_statement_int64 (stmt, 0);
  g_free (a->business_category); a->business_category = text (stmt, 1);
  g_free (a->name); a->name = text (stmt, 2);
  g_free (a->remarks); a->remarks = text (stmt, 3);
  g_free (a->user_scope); a->user_scope = text (stmt, 4);
  g_free (a->managing_department); a->managing_department = text (stmt, 5);
  g_free (a->medium); a->medium = text (stmt, 6);
  a->personal_info = mamori_statement_int (stmt, 7);
  a->special_care_info = mamori_statement_int (stmt, 8);
  a->my_number = mamori_statement_int (stmt, 9);
  a->confidentiality = mamori_statement_int (stmt, 10);
  a->integrity = mamori_statement_int (stmt, 11);
  a->availability = mamori_statement_int (stmt, 12);
  g_free (a->retention); a->retention = text (stmt, 13);
  g_free (a->registered_on); a->registered_on = text (stmt, 14);
  a->threat = mamori_statement_int (stmt, 15);
  a->vulnerability = mamori_statement_int (stmt, 16);
  treatment = text (stmt, 17);
  mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_TREATMENT, treatment, &reason);
  g_free (a->measure); a->measure = text (stmt, 18);
  g_free (a->measure_owner); a->measure_owner = text (stmt, 19);
  g_free (a->measure_due); a->measure_due = text (stmt, 20);
  a->target_threat = mamori_statement_int (stmt, 21);
  a->target_vulnerability = mamori_statement_int (stmt, 22);
  a->impact5 = mamori_statement_int (stmt, 23);
  a->likelihood5 = mamori_statement_int (stmt, 24);
  a->classification_c = mamori_statement_int (stmt, 25);
  a->classification_i = mamori_statement_int (stmt, 26);
  a->classification_a = mamori_statement_int (stmt, 27);
  g_free (a->handling); a->handling = text (stmt, 28);
  a->row_version = mamori_statement_int64 (stmt, 29);
  return a;
}

static gboolean
asset_row (MamoriStatement  *stmt,
           gpointer          data,
           GError          **error)
{
  g_ptr_array_add (data, asset_from_row (stmt));
  return TRUE;
}

GPtrArray *
mamori_workspace_list_assets (MamoriWorkspace *self,
                              GError         **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);

  if (!mamori_statement_query (self, _("read the assets"), asset_row, out, error,
                               "SELECT id, " ASSET_COLUMNS ", row_version FROM asset ORDER BY id", NULL))
    return NULL;
  return g_steal_pointer (&out);
}

static gboolean
medium_threat_row (MamoriStatement  *stmt,
                   gpointer          data,
                   GError          **error)
{
  g_hash_table_insert (data, text (stmt, 0), GINT_TO_POINTER (mamori_statement_int (stmt, 1)));
  return TRUE;
}

GHashTable *
mamori_workspace_get_medium_threats (MamoriWorkspace *self,
                                     GError         **error)
{
  g_autoptr(GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!mamori_statement_query (self, _("read the threat catalogue"), medium_threat_row, out, error,
                               "SELECT medium, max (frequency) FROM medium_threat GROUP BY medium", NULL))
    return NULL;
  return g_steal_pointer (&out);
}

int
mamori_medium_threat_lookup (GHashTable *threats,
                             const char *medium)
{
  gpointer v = threats ? g_hash_table_lookup (threats, medium) : NULL;
  return v ? GPOINTER_TO_INT (v) : 2;
}

void
mamori_threat_entry_free (MamoriThreatEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->medium);
  g_free (e->threat);
  g_free (e);
}

MamoriThreatEntry *
mamori_threat_entry_new (const char *medium,
                         const char *threat,
                         int         frequency)
{
  MamoriThreatEntry *e = g_new0 (MamoriThreatEntry, 1);

  e->medium = g_strdup (medium);
  e->threat = g_strdup (threat);
  e->frequency = frequency;
  return e;
}

static gboolean
threat_entry_row (MamoriStatement  *stmt,
                  gpointer          data,
                  GError          **error)
{
  MamoriThreatEntry *e = g_new0 (MamoriThreatEntry, 1);

  e->medium = text (stmt, 0);
  e->threat = text (stmt, 1);
  e->frequency = mamori_statement_int (stmt, 2);
  g_ptr_array_add (data, e);
  return TRUE;
}

GPtrArray *
mamori_workspace_list_threat_catalogue (MamoriWorkspace *self,
                                        GError         **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_threat_entry_free);

  if (!mamori_statement_query (self, _("read the threat catalogue"), threat_entry_row, out, error,
                               "SELECT medium, threat, frequency FROM medium_threat ORDER BY medium, id", NULL))
    return NULL;
  return g_steal_pointer (&out);
}

/* The computed columns as SQL, the same arithmetic as mamori_asset_compute_risk (a test
 * checks that both agree). Written for both engines: CASE for the larger of two values (SQLite's
 * max (a, b) is PostgreSQL's greatest), integer flags compared with 0. */
#define SQL_IMPORTANCE \
  "(CASE WHEN personal_info <> 0 OR special_care_info <> 0 OR my_number <> 0 THEN 2 " \
  "WHEN confidentiality >= integrity AND confidentiality >= availability THEN confidentiality " \
  "WHEN integrity >= availability THEN integrity ELSE availability END)"
/* mt_threat comes from the medium catalogue, joined once per query (see mamori_assets_query_ids). */
#define SQL_THREAT "(CASE WHEN threat > 0 THEN threat ELSE coalesce (mt_threat, 2) END)"
#define SQL_LIKELIHOOD \
  "(CASE WHEN " SQL_THREAT " + vulnerability - 3 > 1 THEN " SQL_THREAT " + vulnerability - 3 ELSE 1 END)"
#define SQL_RISK "(" SQL_IMPORTANCE " * " SQL_LIKELIHOOD ")"
/* As if the planned measure were done: the target threat and vulnerability where set. */
#define SQL_RESIDUAL_SUM \
  "((CASE WHEN target_threat > 0 THEN target_threat ELSE " SQL_THREAT " END) + " \
  "(CASE WHEN target_vulnerability > 0 THEN target_vulnerability ELSE vulnerability END) - 3)"
#define SQL_RESIDUAL_LIKELIHOOD "(CASE WHEN " SQL_RESIDUAL_SUM " > 1 THEN " SQL_RESIDUAL_SUM " ELSE 1 END)"
#define SQL_RESIDUAL_RISK "(" SQL_IMPORTANCE " * " SQL_RESIDUAL_LIKELIHOOD ")"
/* The 5 × 5 view: the asset's own assessment, or the mapping from the IPA values where it has
 * none (mamori_asset_impact5_from_ipa and _likelihood5_from_ipa in core/mamori-asset.c; the
 * store test checks that both agree). */
#define SQL_IMPACT5 "(CASE WHEN impact5 > 0 THEN impact5 ELSE 1 + 2 * " SQL_IMPORTANCE " END)"
#define SQL_LIKELIHOOD5 "(CASE WHEN likelihood5 > 0 THEN likelihood5 ELSE 2 * " SQL_LIKELIHOOD " - 1 END)"
#define SQL_RESIDUAL_LIKELIHOOD5 \
  "(CASE WHEN likelihood5 > 0 THEN likelihood5 ELSE 2 * " SQL_RESIDUAL_LIKELIHOOD " - 1 END)"
#define SQL_VALUE5 "(" SQL_IMPACT5 " * " SQL_LIKELIHOOD5 ")"
/* The threat × vulnerability grid's cell (0-based), now and after the planned measure. */
#define SQL_THREAT_CELL "(" SQL_THREAT " - 1)"
#define SQL_VULNERABILITY_CELL "(vulnerability - 1)"
#define SQL_RESIDUAL_THREAT_CELL "((CASE WHEN target_threat > 0 THEN target_threat ELSE " SQL_THREAT " END) - 1)"
#define SQL_RESIDUAL_VULNERABILITY_CELL \
  "((CASE WHEN target_vulnerability > 0 THEN target_vulnerability ELSE vulnerability END) - 1)"
#define SQL_RESIDUAL_VALUE5 "(" SQL_IMPACT5 " * " SQL_RESIDUAL_LIKELIHOOD5 ")"

static const char *
sort_column (int              sort,
             gboolean         residual,
             MamoriRiskMethod method)
{
  static const char *by_field[MAMORI_ASSET_N_FIELDS] = {
    "business_category", "name", "remarks", "user_scope", "managing_department", "medium", "personal_info",
    "special_care_info", "my_number", "confidentiality", "integrity", "availability", "retention",
    "registered_on", SQL_THREAT, "vulnerability", "treatment", "measure", "measure_owner", "measure_due",
    "target_threat", "target_vulnerability", SQL_IMPACT5, SQL_LIKELIHOOD5,
    "classification_c", "classification_i", "classification_a", "handling",
  };

  if (sort >= 0 && sort < MAMORI_ASSET_N_FIELDS)
    return by_field[sort];
  if (method == MAMORI_RISK_METHOD_GOV5)
    switch (sort)
      {
      case MAMORI_ASSET_SORT_IMPORTANCE: return SQL_IMPACT5;
      case MAMORI_ASSET_SORT_LIKELIHOOD: return residual ? SQL_RESIDUAL_LIKELIHOOD5 : SQL_LIKELIHOOD5;
      case MAMORI_ASSET_SORT_RISK: return residual ? SQL_RESIDUAL_VALUE5 : SQL_VALUE5;
      case MAMORI_ASSET_SORT_RESIDUAL_RISK: return SQL_RESIDUAL_VALUE5;
      default: return "id";
      }
  switch (sort)
    {
    case MAMORI_ASSET_SORT_IMPORTANCE: return SQL_IMPORTANCE;
    case MAMORI_ASSET_SORT_LIKELIHOOD: return residual ? SQL_RESIDUAL_LIKELIHOOD : SQL_LIKELIHOOD;
    case MAMORI_ASSET_SORT_RISK: return residual ? SQL_RESIDUAL_RISK : SQL_RISK;
    case MAMORI_ASSET_SORT_RESIDUAL_RISK: return SQL_RESIDUAL_RISK;
    default: return "id";
    }
}

/* ids (in ascending id order) ordered by their risks, stable, so that equal risks stay in id
 * order as SQL's "ORDER BY r, id" had them: a counting sort over the few values a risk takes. */
static void
sort_by_risk (GArray   *ids,
              GArray   *risks,
              gboolean  descending)
{
  int lo = G_MAXINT, hi = G_MININT;
  g_autofree guint *start = NULL;
  g_autofree gint64 *sorted = NULL;

  if (ids->len < 2)
    return;
  for (guint i = 0; i < risks->len; i++)
    {
      lo = MIN (lo, g_array_index (risks, int, i));
      hi = MAX (hi, g_array_index (risks, int, i));
    }
  start = g_new0 (guint, (gsize) (hi - lo) + 2);
  for (guint i = 0; i < risks->len; i++)
    {
      int r = g_array_index (risks, int, i);
      start[(descending ? hi - r : r - lo) + 1]++;
    }
  for (int k = 1; k <= hi - lo + 1; k++)
    start[k] += start[k - 1];
  sorted = g_new (gint64, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      int r = g_array_index (risks, int, i);
      sorted[start[descending ? hi - r : r - lo]++] = g_array_index (ids, gint64, i);
    }
  memcpy (ids->data, sorted, ids->len * sizeof (gint64));
}

GArray *
mamori_assets_query_ids (const char             *path,
                         const MamoriAssetQuery *q,
                         guint                   band_counts[MAMORI_ASSET_MAX_BANDS],
                         GError                **error)
{
  /* A connection of its own: this runs in a worker while the page's connection writes. The
   * statement is freed before the reader (g_autoptr frees in reverse order). */
  g_autoptr(MamoriWorkspace) reader = NULL;
  g_autoptr(MamoriStatement) stmt = NULL;
  gboolean gov5 = q->method == MAMORI_RISK_METHOD_GOV5;
  const char *risk = gov5 ? (q->residual ? SQL_RESIDUAL_VALUE5 : SQL_VALUE5) : (q->residual ? SQL_RESIDUAL_RISK : SQL_RISK);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) risks = NULL;
  GArray *ids = NULL;
  gboolean by_risk;

  reader = mamori_workspace_open_reader (path, _("read the assets"), error);
  if (reader == NULL)
    return NULL;
  /* The risk is computed once per row (the band follows from it here); each medium's threat
   * comes from one aggregate of the catalogue joined in, not a subquery per row. */
  g_string_printf (sql, "SELECT id, %s AS r FROM asset LEFT JOIN "
                   "(SELECT medium AS mt_medium, max (frequency) AS mt_threat FROM medium_threat GROUP BY medium) AS mt "
                   "ON mt_medium = asset.medium WHERE TRUE", risk);
  if (q->text && *q->text)
    g_string_append (sql, " AND (instr (name, ?1) > 0 OR instr (remarks, ?1) > 0 OR instr (business_category, ?1) > 0)");
  if (q->department)
    g_string_append (sql, " AND managing_department = ?2");
  if (q->medium)
    g_string_append (sql, " AND medium = ?3");
  switch (q->classification)
    {
    case MAMORI_ASSET_CLASS_PROTECTION:
      g_string_append (sql, " AND (classification_c >= 2 OR classification_i = 2 OR classification_a = 2)");
      break;
    case MAMORI_ASSET_CLASS_C3: g_string_append (sql, " AND classification_c = 3"); break;
    case MAMORI_ASSET_CLASS_C2: g_string_append (sql, " AND classification_c = 2"); break;
    case MAMORI_ASSET_CLASS_C1: g_string_append (sql, " AND classification_c = 1"); break;
    case MAMORI_ASSET_CLASS_RESTRICTED: g_string_append (sql, " AND handling <> ''"); break;
    case MAMORI_ASSET_CLASS_NONE:
      g_string_append (sql, " AND classification_c = 0 AND classification_i = 0 AND classification_a = 0");
      break;
    default:
      break;
    }
  if (q->by_cell && q->cell_likelihood)
    g_string_append_printf (sql, " AND %s = %u AND %s = %u",
                            q->residual ? SQL_RESIDUAL_THREAT_CELL : SQL_THREAT_CELL, q->cell_probability,
                            q->residual ? SQL_RESIDUAL_VULNERABILITY_CELL : SQL_VULNERABILITY_CELL, q->cell_impact);
  else if (q->by_cell)
    {
      gboolean g5 = q->method == MAMORI_RISK_METHOD_GOV5;
      g_string_append_printf (sql, " AND %s = %u AND %s = %u",
                              g5 ? (q->residual ? SQL_RESIDUAL_LIKELIHOOD5 " - 1" : SQL_LIKELIHOOD5 " - 1")
                                 : (q->residual ? SQL_RESIDUAL_LIKELIHOOD " - 1" : SQL_LIKELIHOOD " - 1"),
                              q->cell_probability, g5 ? SQL_IMPACT5 " - 1" : SQL_IMPORTANCE, q->cell_impact);
    }
  /* The band filter is applied while reading, so the counts cover every band. Sorted by risk,
   * the rows are read in id order and put in order here: the risk has a few dozen values, and a
   * counting sort of 100,000 rows takes a millisecond where SQLite's sorter took most of the
   * query (bench/ledger's re-sort after a threat change). */
  by_risk = g_str_equal (sort_column (q->sort, q->residual, q->method), risk);
  if (by_risk)
    g_string_append (sql, " ORDER BY id");
  else
    g_string_append_printf (sql, " ORDER BY %s %s, id", sort_column (q->sort, q->residual, q->method),
                            q->descending ? "DESC" : "ASC");

  /* Only the placeholders the filters wrote are bound. */
  stmt = mamori_statement_new (reader, _("read the assets"), error, sql->str, NULL);
  if (stmt == NULL ||
      (q->text && *q->text && !mamori_statement_bind (stmt, 1, error, "t", q->text)) ||
      (q->department && !mamori_statement_bind (stmt, 2, error, "t", q->department)) ||
      (q->medium && !mamori_statement_bind (stmt, 3, error, "t", q->medium)))
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  risks = g_array_new (FALSE, FALSE, sizeof (int));
  if (band_counts != NULL)
    memset (band_counts, 0, MAMORI_ASSET_MAX_BANDS * sizeof (guint));
  while (mamori_statement_step (stmt, error))
    {
      gint64 id = mamori_statement_int64 (stmt, 0);
      int r = mamori_statement_int (stmt, 1);
      int band = gov5 ? mamori_risk_gov5_level (r) : (int) mamori_risk_band (r);

      if (band_counts != NULL && band >= 0 && band < MAMORI_ASSET_MAX_BANDS)
        band_counts[band]++;
      if (q->band < 0 || q->band == band)
        {
          g_array_append_val (ids, id);
          g_array_append_val (risks, r);
        }
    }
  if (mamori_statement_failed (stmt))
    {
      g_clear_pointer (&ids, g_array_unref);
      return NULL;
    }
  if (by_risk)
    sort_by_risk (ids, risks, q->descending);
  return ids;
}

MamoriAsset *
mamori_workspace_get_asset (MamoriWorkspace *self,
                            gint64           id,
                            GError         **error)
{
  g_autoptr(MamoriStatement) stmt = mamori_statement_new (self, _("read the assets"), error,
                                                          "SELECT id, " ASSET_COLUMNS ", row_version FROM asset WHERE id = ?1", "i", id);

  if (stmt == NULL)
    return NULL;
  if (mamori_statement_step (stmt, error))
    return asset_from_row (stmt);
  if (!mamori_statement_failed (stmt))
    g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, _("There is no asset %lld."),
                 (long long) id);
  return NULL;
}

typedef struct {
  GPtrArray *assets;
  const char *now;
  const char *summary;
} AssetsUpdate;

static gboolean
write_changed_assets (MamoriWorkspace  *self,
                      gpointer          data,
                      char            **summary,
                      GError          **error)
{
  AssetsUpdate *d = data;
  g_autoptr(MamoriStatement) stmt =
    mamori_statement_new (self, _("save the asset"), error,
                          "UPDATE asset SET business_category = ?1, name = ?2, remarks = ?3, user_scope = ?4, "
                          "managing_department = ?5, medium = ?6, personal_info = ?7, special_care_info = ?8, "
                          "my_number = ?9, confidentiality = ?10, integrity = ?11, availability = ?12, "
                          "retention = ?13, registered_on = ?14, threat = ?15, vulnerability = ?16, "
                          "treatment = ?17, measure = ?18, measure_owner = ?19, measure_due = ?20, "
                          "target_threat = ?21, target_vulnerability = ?22, impact5 = ?23, likelihood5 = ?24, "
                          "classification_c = ?25, classification_i = ?26, classification_a = ?27, handling = ?28, "
                          "updated_at = ?29, row_version = row_version + 1 "
                          /* Only the version the editor read (0: any): a row someone changed
                           * meanwhile is not overwritten. */
                          "WHERE id = ?30 AND (CAST (?31 AS bigint) = 0 OR row_version = CAST (?31 AS bigint))", NULL);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < d->assets->len; i++)
    {
      const MamoriAsset *a = d->assets->pdata[i];
      gint64 now_version = 0;
      if (!mamori_statement_bind (stmt, 31, error, "i", a->row_version) ||
          !execute_asset (stmt, a, d->now, a->id, error))
        return FALSE;
      if (mamori_statement_changes (stmt) == 0 && a->row_version > 0 &&
          !mamori_statement_fetch_int64 (self, _("save the asset"), &now_version, error,
                                         "SELECT row_version FROM asset WHERE id = ?1", "i", a->id))
        return FALSE;
      if (mamori_statement_changes (stmt) == 0 && now_version > 0)
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT,
                       _("Someone else changed the asset “%s” after you opened it. Their version is shown now; "
                         "make your change again if it still applies."), a->name);
          return FALSE;
        }
      /* On a server, row-level security hides the rows a role may not change: nothing is
       * updated, and the user must hear it (mamori-roles.h). */
      if (mamori_statement_changes (stmt) == 0)
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY,
                       _("The asset “%s” was not saved: it was deleted meanwhile, or your role does not allow changing it."),
                       a->name);
          return FALSE;
        }
    }
  *summary = g_strdup (d->summary);
  return TRUE;
}

gboolean
mamori_workspace_update_assets (MamoriWorkspace *self,
                                GPtrArray       *assets,
                                GError         **error)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autofree char *now = mamori_workspace_now ();
  AssetsUpdate d = { changed, now, NULL };

  /* Checked and compared with what is stored before anything is written. */
  for (guint i = 0; i < assets->len; i++)
    {
      const MamoriAsset *a = assets->pdata[i];
      g_autoptr(MamoriAsset) before = mamori_workspace_get_asset (self, a->id, error);
      gsize start = summary->len;

      if (before == NULL)
        return FALSE;
      if (a->name == NULL || *a->name == '\0')
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, _("Every asset needs a name."));
          return FALSE;
        }
      g_string_append_printf (summary, "%s%lld", start > 0 ? "; " : "", (long long) a->id);
      for (guint f = 0; f < MAMORI_ASSET_N_FIELDS; f++)
        {
          g_autofree char *x = mamori_asset_get_field_text (before, f);
          g_autofree char *y = mamori_asset_get_field_text (a, f);
          if (g_strcmp0 (x, y) != 0)
            g_string_append_printf (summary, " %s: “%s” → “%s”", mamori_asset_field_key (f), x, y);
        }
      if (strchr (summary->str + start, ':') == NULL)
        g_string_truncate (summary, start);   /* nothing changed */
      else
        g_ptr_array_add (changed, (gpointer) a);
    }
  if (changed->len == 0)
    return TRUE;
  d.summary = summary->str;
  if (!mamori_workspace_write (self, "asset", "update", _("save the asset"), write_changed_assets, &d, error))
    return FALSE;
  /* The caller's rows now hold the versions they were saved as. */
  for (guint i = 0; i < changed->len; i++)
    {
      MamoriAsset *a = changed->pdata[i];
      if (a->row_version > 0)
        a->row_version++;
    }
  return TRUE;
}

gboolean
mamori_workspace_update_asset (MamoriWorkspace   *self,
                               const MamoriAsset *a,
                               GError           **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, (gpointer) a);
  return mamori_workspace_update_assets (self, one, error);
}

static gboolean
value_row (MamoriStatement  *stmt,
           gpointer          data,
           GError          **error)
{
  g_ptr_array_add (data, text (stmt, 0));
  return TRUE;
}

GPtrArray *
mamori_workspace_list_asset_values (MamoriWorkspace  *self,
                                    MamoriAssetField  field,
                                    GError          **error)
{
  g_autoptr(GPtrArray) out = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (field == MAMORI_ASSET_FIELD_MANAGING_DEPARTMENT || field == MAMORI_ASSET_FIELD_MEDIUM ||
                        field == MAMORI_ASSET_FIELD_BUSINESS_CATEGORY, NULL);
  sql = g_strdup_printf ("SELECT DISTINCT %1$s FROM asset WHERE %1$s <> '' ORDER BY %1$s", mamori_asset_field_key (field));
  out = g_ptr_array_new_with_free_func (g_free);
  if (!mamori_statement_query (self, _("read the assets"), value_row, out, error, sql, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

static gboolean
write_deletion (MamoriWorkspace  *self,
                gpointer          data,
                char            **summary,
                GError          **error)
{
  GArray *ids = data;
  g_autoptr(MamoriStatement) stmt = mamori_statement_new (self, _("delete the assets"), error,
                                                          "DELETE FROM asset WHERE id = ?1", NULL);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!mamori_statement_execute (stmt, error, "i", g_array_index (ids, gint64, i)))
      return FALSE;
  *summary = g_strdup_printf ("%u assets deleted", ids->len);
  return TRUE;
}

gboolean
mamori_workspace_delete_assets (MamoriWorkspace *self,
                                GArray          *ids,
                                GError         **error)
{
  return mamori_workspace_write (self, "asset", "delete", _("delete the assets"), write_deletion, ids, error);
}

static gboolean
write_threat_catalogue (MamoriWorkspace  *self,
                        gpointer          data,
                        char            **summary,
                        GError          **error)
{
  GPtrArray *entries = data;
  g_autoptr(MamoriStatement) stmt = NULL;

  if (!mamori_statement_run (self, _("save the threat catalogue"), error, "DELETE FROM medium_threat", NULL))
    return FALSE;
  stmt = mamori_statement_new (self, _("save the threat catalogue"), error,
                               "INSERT INTO medium_threat (medium, threat, frequency) VALUES (?1, ?2, ?3)", NULL);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      const MamoriThreatEntry *e = entries->pdata[i];
      if (!mamori_statement_execute (stmt, error, "tti", e->medium, e->threat, (gint64) e->frequency))
        return FALSE;
    }
  *summary = g_strdup_printf ("threat catalogue saved (%u threats)", entries->len);
  return TRUE;
}

gboolean
mamori_workspace_set_threat_catalogue (MamoriWorkspace *self,
                                       GPtrArray       *entries,
                                       GError         **error)
{
  /* Checked before anything is written, so a bad entry leaves the catalogue as it was. */
  for (guint i = 0; i < entries->len; i++)
    {
      const MamoriThreatEntry *e = entries->pdata[i];
      g_autofree char *medium = g_strstrip (g_strdup (e->medium ? e->medium : ""));
      g_autofree char *threat = g_strstrip (g_strdup (e->threat ? e->threat : ""));

      if (*medium == '\0' || *threat == '\0')
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                       _("Threat %u of the catalogue needs both a medium and a description."), i + 1);
          return FALSE;
        }
      if (e->frequency < 1 || e->frequency > 3)
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                       _("“%s” (%s): the frequency must be 1, 2 or 3, not %d."), e->threat, e->medium, e->frequency);
          return FALSE;
        }
    }
  return mamori_workspace_write (self, "medium_threat", "update", _("save the threat catalogue"),
                                 write_threat_catalogue, entries, error);
}

MamoriRiskMethod
mamori_workspace_get_risk_method (MamoriWorkspace *self)
{
  g_autofree char *value = mamori_workspace_get_setting (self, "risk_method", NULL);

  return g_strcmp0 (value, "gov5") == 0 ? MAMORI_RISK_METHOD_GOV5 : MAMORI_RISK_METHOD_IPA;
}

/* Switching to the 5 × 5 method: every asset without its own 5 × 5 assessment is prefilled
 * from its IPA values (the documented mapping), in the same step; the user changes them in
 * the ledger afterwards. */
static gboolean
write_gov5 (MamoriWorkspace  *self,
            gpointer          data,
            char            **summary,
            GError          **error)
{
  if (!mamori_statement_run (self, _("change the risk method"), error,
                             "UPDATE asset SET impact5 = " SQL_IMPACT5 ", likelihood5 = "
                             "(SELECT " SQL_LIKELIHOOD5 " FROM (SELECT max (frequency) AS mt_threat FROM medium_threat "
                             "  WHERE medium_threat.medium = asset.medium) AS mt) "
                             "WHERE impact5 = 0 OR likelihood5 = 0", NULL) ||
      !mamori_statement_run (self, _("change the risk method"), error,
                             "INSERT INTO settings (key, value) VALUES ('risk_method', 'gov5') "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", NULL))
    return FALSE;
  *summary = g_strdup ("risk_method = gov5 (5 × 5 values prefilled from the IPA values where not assessed)");
  return TRUE;
}

gboolean
mamori_workspace_set_risk_method (MamoriWorkspace  *self,
                                  MamoriRiskMethod  method,
                                  GError          **error)
{
  if (method != MAMORI_RISK_METHOD_GOV5)
    return mamori_workspace_set_setting (self, "risk_method", "ipa", error);
  if (!mamori_workspace_write (self, "settings", "set", _("change the risk method"), write_gov5, NULL, error))
    return FALSE;
  mamori_workspace_emit_changed (self, "asset");
  return TRUE;
}

typedef struct {
  MamoriHeatmap *heatmap;
  const char *department;
  const char *medium;
} HeatmapRead;

/* probability index, impact index, count */
static gboolean
heatmap_row (MamoriStatement  *stmt,
             gpointer          data,
             GError          **error)
{
  HeatmapRead *r = data;
  const MamoriRiskMatrix *m = r->heatmap->matrix;
  int p = mamori_statement_int (stmt, 0), i = mamori_statement_int (stmt, 1);

  if (p >= 0 && (guint) p < m->n_probability && i >= 0 && (guint) i < m->n_impact)
    mamori_heatmap_add (r->heatmap, p, i, mamori_statement_int (stmt, 2));
  return TRUE;
}

static MamoriHeatmap *
count_cells (MamoriWorkspace        *self,
             const MamoriRiskMatrix *matrix,
             const char             *probability,
             const char             *impact,
             gboolean                residual,
             const char             *department,
             const char             *medium,
             GError                **error)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT %s, %s, count (*) FROM asset LEFT JOIN "
    "(SELECT medium AS mt_medium, max (frequency) AS mt_threat FROM medium_threat GROUP BY medium) AS mt "
    "ON mt_medium = asset.medium WHERE (CAST (?1 AS TEXT) IS NULL OR managing_department = ?1) AND (CAST (?2 AS TEXT) IS NULL OR medium = ?2) "
    "GROUP BY 1, 2", probability, impact);
  HeatmapRead r = { mamori_heatmap_new (matrix), department, medium };

  r.heatmap->residual = residual;
  if (!mamori_statement_query (self, _("read the assets"), heatmap_row, &r, error, sql, "tt", department, medium))
    g_clear_pointer (&r.heatmap, mamori_heatmap_free);
  return r.heatmap;
}

MamoriHeatmap *
mamori_workspace_get_heatmap (MamoriWorkspace  *self,
                              MamoriRiskMethod  method,
                              gboolean          residual,
                              const char       *department,
                              const char       *medium,
                              GError          **error)
{
  gboolean gov5 = method == MAMORI_RISK_METHOD_GOV5;

  return count_cells (self, gov5 ? mamori_risk_matrix_gov5 () : mamori_risk_matrix_ipa (),
                      gov5 ? (residual ? SQL_RESIDUAL_LIKELIHOOD5 " - 1" : SQL_LIKELIHOOD5 " - 1")
                           : (residual ? SQL_RESIDUAL_LIKELIHOOD " - 1" : SQL_LIKELIHOOD " - 1"),
                      gov5 ? SQL_IMPACT5 " - 1" : SQL_IMPORTANCE, residual, department, medium, error);
}

MamoriHeatmap *
mamori_workspace_get_likelihood_heatmap (MamoriWorkspace  *self,
                                         gboolean          residual,
                                         const char       *department,
                                         const char       *medium,
                                         GError          **error)
{
  return count_cells (self, mamori_risk_matrix_likelihood (),
                      residual ? SQL_RESIDUAL_THREAT_CELL : SQL_THREAT_CELL,
                      residual ? SQL_RESIDUAL_VULNERABILITY_CELL : SQL_VULNERABILITY_CELL,
                      residual, department, medium, error);
}

void
mamori_overdue_measure_free (MamoriOverdueMeasure *m)
{
  if (m == NULL)
    return;
  g_free (m->source);
  g_free (m->what);
  g_free (m->owner);
  g_free (m->due);
  g_free (m);
}

static gboolean
overdue_row (MamoriStatement  *stmt,
             gpointer          data,
             GError          **error)
{
  MamoriOverdueMeasure *m = g_new0 (MamoriOverdueMeasure, 1);

  m->source = text (stmt, 0);
  m->what = text (stmt, 1);
  m->owner = text (stmt, 2);
  m->due = text (stmt, 3);
  g_ptr_array_add (data, m);
  return TRUE;
}

GPtrArray *
mamori_workspace_list_overdue_measures (MamoriWorkspace *self,
                                        const char      *today,
                                        guint            limit,
                                        GError         **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_overdue_measure_free);

  /* G_MAXUINT: no limit. */
  if (!mamori_statement_query (self, _("read the measures"), overdue_row, out, error,
                               "SELECT source, what, owner, due FROM (" MAMORI_MEASURES_SQL ") AS measures "
                               "WHERE NOT done AND due <> '' AND due < ?1 ORDER BY 4, 1 LIMIT ?2",
                               "ti", today, limit == G_MAXUINT ? G_MAXINT64 : (gint64) limit))
    return NULL;
  return g_steal_pointer (&out);
}

GPtrArray *
mamori_workspace_top_assets (MamoriWorkspace  *self,
                             MamoriRiskMethod  method,
                             gboolean          residual,
                             guint             limit,
                             GArray          **risks,
                             GError          **error)
{
  MamoriAssetQuery q = { .band = -1, .method = method, .residual = residual,
                         .sort = residual ? MAMORI_ASSET_SORT_RESIDUAL_RISK : MAMORI_ASSET_SORT_RISK, .descending = TRUE };
  g_autoptr(GHashTable) threats = mamori_workspace_get_medium_threats (self, error);
  g_autoptr(GArray) ids = threats ? mamori_assets_query_ids (mamori_workspace_get_path (self), &q, NULL, error) : NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GArray) computed = g_array_new (FALSE, TRUE, sizeof (MamoriAssetRisk));

  if (ids == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  for (guint i = 0; i < MIN (ids->len, limit); i++)
    {
      MamoriAsset *a = mamori_workspace_get_asset (self, g_array_index (ids, gint64, i), error);
      MamoriAssetRisk r;
      if (a == NULL)
        return NULL;
      if (residual)
        mamori_asset_compute_residual (a, mamori_medium_threat_lookup (threats, a->medium), &r);
      else
        mamori_asset_compute_risk (a, mamori_medium_threat_lookup (threats, a->medium), &r);
      g_ptr_array_add (out, a);
      g_array_append_val (computed, r);
    }
  if (risks)
    *risks = g_steal_pointer (&computed);
  return g_steal_pointer (&out);
}
