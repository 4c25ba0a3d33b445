/* mamori-asset-xlsx.c — ledger export as .xlsx */
#include "config.h"

#include <glib/gi18n.h>
#include <xlsxwriter.h>

#include "mamori-asset-xlsx.h"
#include "mamori-classification.h"
#include "mamori-asset.h"

static int
medium_threat (GHashTable *threats,
               const char *medium)
{
  gpointer v = threats ? g_hash_table_lookup (threats, medium) : NULL;
  return v ? GPOINTER_TO_INT (v) : 2;
}

gboolean
mamori_asset_xlsx_write (const char          *path,
                         GPtrArray           *assets,
                         GHashTable          *threats,
                         const char * const  *threat_medium,
                         const char * const  *threat_name,
                         const int           *threat_frequency,
                         guint                n_threats,
                         GError             **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_workbook *wb = workbook_new_opt (path, &options);
  lxw_worksheet *ledger, *catalogue, *treatment;
  lxw_format *bold;
  const char *computed[] = { "importance", "likelihood", "risk", "band" };
  lxw_error rc;

  if (wb == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Could not create the workbook “%s”."), path);
      return FALSE;
    }
  bold = workbook_add_format (wb);
  format_set_bold (bold);
  ledger = workbook_add_worksheet (wb, "ledger");
  catalogue = workbook_add_worksheet (wb, "threats");
  treatment = workbook_add_worksheet (wb, "treatments");

  for (guint f = 0; f < MAMORI_ASSET_N_CSV_FIELDS; f++)
    worksheet_write_string (ledger, 0, f, mamori_asset_field_key (f), bold);
  for (guint c = 0; c < G_N_ELEMENTS (computed); c++)
    worksheet_write_string (ledger, 0, MAMORI_ASSET_N_CSV_FIELDS + c, computed[c], bold);
  /* The classification after the computed columns (the handling restrictions with their keys,
   * as the headings). */
  for (guint f = MAMORI_ASSET_FIELD_CLASSIFICATION_C; f < MAMORI_ASSET_N_FIELDS; f++)
    worksheet_write_string (ledger, 0, MAMORI_ASSET_N_CSV_FIELDS + G_N_ELEMENTS (computed) + f - MAMORI_ASSET_FIELD_CLASSIFICATION_C,
                            mamori_asset_field_key (f), bold);
  worksheet_freeze_panes (ledger, 1, 0);

  worksheet_write_string (treatment, 0, 0, "name", bold);
  worksheet_write_string (treatment, 0, 1, "managing_department", bold);
  worksheet_write_string (treatment, 0, 2, "risk", bold);
  worksheet_write_string (treatment, 0, 3, "band", bold);
  worksheet_write_string (treatment, 0, 4, "treatment", bold);
  worksheet_write_string (treatment, 0, 5, "measure", bold);
  worksheet_write_string (treatment, 0, 6, "measure_owner", bold);
  worksheet_write_string (treatment, 0, 7, "measure_due", bold);
  worksheet_write_string (treatment, 0, 8, "residual_risk", bold);
  worksheet_write_string (treatment, 0, 9, "residual_band", bold);

  for (guint i = 0; i < assets->len; i++)
    {
      MamoriAsset *a = assets->pdata[i];
      MamoriAssetRisk risk;

      mamori_asset_compute_risk (a, medium_threat (threats, a->medium), &risk);
      for (guint f = 0; f < MAMORI_ASSET_N_CSV_FIELDS; f++)
        {
          g_autofree char *t = mamori_asset_get_field_text (a, f);
          gboolean number = f == MAMORI_ASSET_FIELD_CONFIDENTIALITY || f == MAMORI_ASSET_FIELD_INTEGRITY ||
                            f == MAMORI_ASSET_FIELD_AVAILABILITY || f == MAMORI_ASSET_FIELD_VULNERABILITY ||
                            (f == MAMORI_ASSET_FIELD_THREAT && a->threat > 0);
          if (number)
            worksheet_write_number (ledger, i + 1, f, g_ascii_strtod (t, NULL), NULL);
          else
            worksheet_write_string (ledger, i + 1, f, t, NULL);
        }
      worksheet_write_number (ledger, i + 1, MAMORI_ASSET_N_CSV_FIELDS, risk.importance, NULL);
      worksheet_write_number (ledger, i + 1, MAMORI_ASSET_N_CSV_FIELDS + 1, risk.likelihood, NULL);
      worksheet_write_number (ledger, i + 1, MAMORI_ASSET_N_CSV_FIELDS + 2, risk.risk, NULL);
      worksheet_write_string (ledger, i + 1, MAMORI_ASSET_N_CSV_FIELDS + 3, mamori_risk_band_label (risk.band), NULL);
      {
        const int levels[] = { a->classification_c, a->classification_i, a->classification_a };
        g_autofree char *handling = mamori_handling_to_lang (a->handling, "en");
        guint col = MAMORI_ASSET_N_CSV_FIELDS + G_N_ELEMENTS (computed);
        for (guint x = 0; x < G_N_ELEMENTS (levels); x++, col++)
          if (levels[x] > 0)
            worksheet_write_number (ledger, i + 1, col, levels[x], NULL);
        if (*handling)
          worksheet_write_string (ledger, i + 1, col, handling, NULL);
      }

      worksheet_write_string (treatment, i + 1, 0, a->name, NULL);
      worksheet_write_string (treatment, i + 1, 1, a->managing_department, NULL);
      worksheet_write_number (treatment, i + 1, 2, risk.risk, NULL);
      worksheet_write_string (treatment, i + 1, 3, mamori_risk_band_label (risk.band), NULL);
      worksheet_write_string (treatment, i + 1, 4, mamori_treatment_key (a->treatment), NULL);
      worksheet_write_string (treatment, i + 1, 5, a->measure, NULL);
      worksheet_write_string (treatment, i + 1, 6, a->measure_owner, NULL);
      worksheet_write_string (treatment, i + 1, 7, a->measure_due, NULL);
      {
        MamoriAssetRisk residual;
        mamori_asset_compute_residual (a, medium_threat (threats, a->medium), &residual);
        worksheet_write_number (treatment, i + 1, 8, residual.risk, NULL);
        worksheet_write_string (treatment, i + 1, 9, mamori_risk_band_label (residual.band), NULL);
      }
    }

  worksheet_write_string (catalogue, 0, 0, "medium", bold);
  worksheet_write_string (catalogue, 0, 1, "threat", bold);
  worksheet_write_string (catalogue, 0, 2, "frequency", bold);
  for (guint i = 0; i < n_threats; i++)
    {
      worksheet_write_string (catalogue, i + 1, 0, threat_medium[i], NULL);
      worksheet_write_string (catalogue, i + 1, 1, threat_name[i], NULL);
      worksheet_write_number (catalogue, i + 1, 2, threat_frequency[i], NULL);
    }

  rc = workbook_close (wb);
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Could not write the workbook “%s”: %s."), path,
                   lxw_strerror (rc));
      return FALSE;
    }
  return TRUE;
}
