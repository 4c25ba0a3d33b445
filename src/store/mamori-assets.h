/* mamori-assets.h — the information-asset ledger in the workspace */
#pragma once

#include "core/mamori-asset.h"
#include "core/mamori-heatmap.h"
#include "mamori-workspace.h"

G_BEGIN_DECLS

/* Adds all assets in one transaction (all or nothing) with one change-log entry. */
gboolean    mamori_workspace_add_assets          (MamoriWorkspace *self,
                                                  GPtrArray       *assets,
                                                  GError         **error);
/* Every asset, in ledger order (MamoriAsset*). */
GPtrArray  *mamori_workspace_list_assets         (MamoriWorkspace *self,
                                                  GError         **error);
/* medium → its threat value (the most frequent threat of its catalogue entries), as
 * GINT_TO_POINTER. Media without entries are absent (use 2, as core does). */
GHashTable *mamori_workspace_get_medium_threats  (MamoriWorkspace *self,
                                                  GError         **error);
int         mamori_medium_threat_lookup          (GHashTable      *threats,
                                                  const char      *medium);

typedef struct {
  char *medium;
  char *threat;
  int frequency;
} MamoriThreatEntry;

void        mamori_threat_entry_free             (MamoriThreatEntry *entry);
/* The threat catalogue, by medium (MamoriThreatEntry*). */
GPtrArray  *mamori_workspace_list_threat_catalogue (MamoriWorkspace *self,
                                                    GError         **error);

/* Replaces the whole catalogue in one transaction (all or nothing): every entry needs a
 * medium, a description and a frequency 1–3. Emits "changed" with "medium_threat". */
gboolean    mamori_workspace_set_threat_catalogue  (MamoriWorkspace *self,
                                                    GPtrArray       *entries,
                                                    GError         **error);
/* A new entry (strings copied). */
MamoriThreatEntry *mamori_threat_entry_new         (const char      *medium,
                                                    const char      *threat,
                                                    int              frequency);

/* --- querying the ledger (for the ledger page) -------------------------------------------- */

/* The classification filter: the government levels and derived terms. */
typedef enum {
  MAMORI_ASSET_CLASS_ANY,
  MAMORI_ASSET_CLASS_PROTECTION,     /* 要保護情報: C2–3, I2 or A2 */
  MAMORI_ASSET_CLASS_C3,
  MAMORI_ASSET_CLASS_C2,
  MAMORI_ASSET_CLASS_C1,
  MAMORI_ASSET_CLASS_RESTRICTED,     /* with handling restrictions */
  MAMORI_ASSET_CLASS_NONE,           /* not classified on any axis */
} MamoriAssetClassFilter;

/* Sort keys: a MamoriAssetField, or one of the computed columns. */
enum {
  MAMORI_ASSET_SORT_ID = 100,
  MAMORI_ASSET_SORT_IMPORTANCE,
  MAMORI_ASSET_SORT_LIKELIHOOD,
  MAMORI_ASSET_SORT_RISK,
  MAMORI_ASSET_SORT_RESIDUAL_RISK,
};
/* With the gov5 method, IMPORTANCE, LIKELIHOOD, RISK and RESIDUAL_RISK sort by the 5 × 5
 * impact, likelihood and value. */

/* The ledger's risk method (a workspace setting, "risk_method"): the IPA 3 × 3 method, or the
 * government standard's 5 × 5 grid computed from the same inputs (see MamoriAssetRisk). */
typedef enum {
  MAMORI_RISK_METHOD_IPA,
  MAMORI_RISK_METHOD_GOV5,
} MamoriRiskMethod;

/* Bands of the IPA method (小 中 大) or levels of the 5 × 5 grid (低 中 高 非常に高い). */
#define MAMORI_ASSET_MAX_BANDS 4

MamoriRiskMethod mamori_workspace_get_risk_method (MamoriWorkspace  *self);
gboolean         mamori_workspace_set_risk_method (MamoriWorkspace  *self,
                                                   MamoriRiskMethod  method,
                                                   GError          **error);

typedef struct {
  const char *text;          /* substring of name, remarks, business category; NULL: any */
  const char *department;    /* exact; NULL: any */
  const char *medium;        /* exact; NULL: any */
  int band;                  /* MamoriRiskBand (a 5 × 5 level with gov5), or -1: any */
  MamoriRiskMethod method;   /* which values sort, filter and count */
  gboolean by_cell;          /* only the assets in one heatmap cell of method (residual too) */
  gboolean cell_likelihood;  /* … of the threat × vulnerability grid instead */
  guint cell_probability;
  guint cell_impact;
  gboolean residual;         /* band, risk and likelihood as if the planned measures were done */
  int classification;        /* MamoriAssetClassFilter; 0: any */
  int sort;                  /* MamoriAssetField or MAMORI_ASSET_SORT_* */
  gboolean descending;
} MamoriAssetQuery;

/* The ids of the matching assets in order, and (when band_counts is not NULL) how many of
 * the assets matching everything but the band filter fall in each band. Opens its own read-only connection to the
 * workspace file, so it can run in a worker thread while the window goes on. */
GArray     *mamori_assets_query_ids              (const char             *workspace_path,
                                                  const MamoriAssetQuery *query,
                                                  guint                   band_counts[MAMORI_ASSET_MAX_BANDS],
                                                  GError                **error);
MamoriAsset *mamori_workspace_get_asset          (MamoriWorkspace *self,
                                                  gint64           id,
                                                  GError         **error);
/* Saves several assets (MamoriAsset*) in one transaction, all or nothing, with one change-log
 * entry: a bulk edit. An asset read from the workspace (row_version > 0) is saved only over the
 * version it was read as: when someone changed it meanwhile, nothing is saved and the error is
 * MAMORI_WORKSPACE_ERROR_CONFLICT. On success each saved asset's row_version is the new one. */
gboolean    mamori_workspace_update_assets       (MamoriWorkspace   *self,
                                                  GPtrArray         *assets,
                                                  GError           **error);
/* Distinct departments or media of the ledger, sorted (char*). */
GPtrArray  *mamori_workspace_list_asset_values   (MamoriWorkspace  *self,
                                                  MamoriAssetField  field,
                                                  GError          **error);

/* Deletes the assets with these ids (gint64) in one transaction. */
gboolean    mamori_workspace_delete_assets       (MamoriWorkspace *self,
                                                  GArray          *ids,
                                                  GError         **error);

typedef struct {
  char *source;   /* the asset's name, or "自社診断 No.N" style item of an assessment */
  char *what;
  char *owner;
  char *due;      /* YYYY-MM-DD */
} MamoriOverdueMeasure;

void       mamori_overdue_measure_free           (MamoriOverdueMeasure *m);
/* The measures (ledger, assessments, corrective actions; see mamori_workspace_count_measures)
 * not done and due before today (YYYY-MM-DD), oldest due first, at most limit
 * (MamoriOverdueMeasure*). */
GPtrArray *mamori_workspace_list_overdue_measures (MamoriWorkspace *self,
                                                   const char      *today,
                                                   guint            limit,
                                                   GError         **error);

/* The limit assets of highest risk under method (as they are now, or residual), highest first,
 * each with its risk computed (MamoriAsset*; *risks gets a MamoriAssetRisk per asset). */
GPtrArray *mamori_workspace_top_assets           (MamoriWorkspace  *self,
                                                  MamoriRiskMethod  method,
                                                  gboolean          residual,
                                                  guint             limit,
                                                  GArray          **risks,
                                                  GError          **error);

/* The ledger on a risk matrix (the workspace's method unless given): assets counted per cell in
 * SQL, as they are now or (residual) as if every planned measure were done.
 * get_likelihood_heatmap: on the threat × vulnerability grid (mamori_risk_matrix_likelihood). */
MamoriHeatmap *mamori_workspace_get_likelihood_heatmap (MamoriWorkspace  *self,
                                                       gboolean          residual,
                                                       const char       *department,
                                                       const char       *medium,
                                                       GError          **error);
MamoriHeatmap *mamori_workspace_get_heatmap      (MamoriWorkspace  *self,
                                                  MamoriRiskMethod  method,
                                                  gboolean          residual,
                                                  const char       *department,   /* NULL: any */
                                                  const char       *medium,       /* NULL: any */
                                                  GError          **error);

G_END_DECLS
