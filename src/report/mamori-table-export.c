/* mamori-table-export.c — the ledger and an assessment as CSV/XLSX files */
#include "config.h"

#include <glib/gi18n.h>
#include <xlsxwriter.h>

#include "core/mamori-asset-xlsx.h"
#include "core/mamori-checklist.h"   /* mamori_text_user_lang */
#include "core/mamori-csv.h"
#include "core/mamori-pending.h"
#include "mamori-table-export.h"
#include "store/mamori-assessments.h"
#include "store/mamori-questions.h"
#include "store/mamori-assets.h"

gboolean
mamori_table_export_assets (MamoriWorkspace *self,
                            const char      *path,
                            GError         **error)
{
  g_autoptr(GPtrArray) assets = mamori_workspace_list_assets (self, error);
  g_autoptr(GHashTable) threats = assets ? mamori_workspace_get_medium_threats (self, error) : NULL;

  if (threats == NULL)
    return FALSE;
  if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    {
      g_autoptr(GPtrArray) catalogue = mamori_workspace_list_threat_catalogue (self, error);
      g_autofree const char **medium = NULL, **name = NULL;
      g_autofree int *freq = NULL;
      g_autofree char *tmp = NULL;

      if (catalogue == NULL)
        return FALSE;
      medium = g_new (const char *, catalogue->len + 1);
      name = g_new (const char *, catalogue->len + 1);
      freq = g_new (int, catalogue->len + 1);
      for (guint i = 0; i < catalogue->len; i++)
        {
          MamoriThreatEntry *e = catalogue->pdata[i];
          medium[i] = e->medium;
          name[i] = e->threat;
          freq[i] = e->frequency;
        }
      tmp = mamori_pending_begin (path, error);
      if (tmp == NULL)
        return FALSE;
      if (!mamori_asset_xlsx_write (tmp, assets, threats, medium, name, freq, catalogue->len, error))
        {
          mamori_pending_rename_in_error (error ? *error : NULL, tmp, path);
          mamori_pending_abort (tmp);
          return FALSE;
        }
      return mamori_pending_commit (tmp, path, error);
    }
  {
    g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF");
    /* Headings in the language of the user interface; the import reads both. */
    mamori_asset_csv_header_lang (csv, mamori_text_user_lang ());
    for (guint i = 0; i < assets->len; i++)
      {
        MamoriAsset *a = assets->pdata[i];
        mamori_asset_csv_row_lang (csv, a, mamori_medium_threat_lookup (threats, a->medium), mamori_text_user_lang ());
      }
    return mamori_write_file_atomically (path, csv->str, csv->len, 0644, error);
  }
}

char *
mamori_table_export_assessment_csv (MamoriWorkspace       *self,
                                    const MamoriChecklist *cl,
                                    gint64                 id,
                                    const char            *lang,
                                    GError               **error)
{
  g_autoptr(GHashTable) answers = mamori_workspace_get_answers (self, id, error);
  g_autoptr(GPtrArray) evidence = NULL;
  GString *csv;
  const char *header[] = { "ref_id", "group", "item", "answer", "score", "note", "measure", "owner", "due",
                           "evidence", "questions" };
  g_autoptr(GHashTable) questions = NULL;

  if (answers == NULL)
    return NULL;
  questions = mamori_workspace_get_question_answers (self, id, error);
  if (questions == NULL)
    return NULL;
  evidence = mamori_workspace_list_evidence (self, id, NULL, error);
  if (evidence == NULL)
    return NULL;

  csv = g_string_new ("\xEF\xBB\xBF"); /* BOM: spreadsheet programs then read UTF-8 */
  mamori_csv_append_row (csv, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < cl->items->len; i++)
    {
      MamoriNode *item = cl->items->pdata[i];
      MamoriAnswer *ans = g_hash_table_lookup (answers, item->ref_id);
      GPtrArray *scale = mamori_checklist_choices (cl, item);
      MamoriChoice *choice = (ans && ans->choice >= 0 && (guint) ans->choice < scale->len) ? scale->pdata[ans->choice] : NULL;
      char buf[G_ASCII_DTOSTR_BUF_SIZE] = "";
      g_autoptr(GString) files = g_string_new (NULL);
      const char *group = item->group >= 0 ? mamori_text_get (((MamoriNode *) cl->groups->pdata[item->group])->name, lang) : "";
      const char *row[11];
      g_autofree char *asked = mamori_question_cell_format (item, g_hash_table_lookup (questions, item->ref_id),
                                                             ans ? ans->choice : -1);

      if (choice && !choice->not_applicable)
        g_ascii_formatd (buf, sizeof buf, "%g", choice->score);
      for (guint e = 0; e < evidence->len; e++)
        {
          MamoriEvidence *ev = evidence->pdata[e];
          if (g_str_equal (ev->ref_id, item->ref_id))
            g_string_append_printf (files, "%s%s (%" G_GINT64_FORMAT " bytes, sha256 %s)", files->len ? "; " : "",
                                    ev->name, ev->size, ev->sha256);
        }
      row[0] = item->ref_id;
      row[1] = group;
      row[2] = mamori_text_get (item->name ? item->name : item->description, lang);
      row[3] = choice ? mamori_text_get (choice->name, lang) : "";
      row[4] = buf;
      row[5] = ans ? ans->note : "";
      row[6] = ans && ans->measure_what ? ans->measure_what : "";
      row[7] = ans && ans->measure_owner ? ans->measure_owner : "";
      row[8] = ans && ans->measure_due ? ans->measure_due : "";
      row[9] = files->str;
      row[10] = asked;  /* README “Questions”: one line per answered question */
      mamori_csv_append_row (csv, row, G_N_ELEMENTS (row));
    }
  return g_string_free (csv, FALSE);
}

static gboolean
write_xlsx (const char          *path,
            const char          *sheet,
            const char * const  *headings,
            guint                n_columns,
            GPtrArray           *rows,
            GError             **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_workbook *wb = workbook_new_opt (path, &options);
  lxw_worksheet *ws;
  lxw_format *bold;
  lxw_error rc;

  if (wb == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Could not create the workbook “%s”."), path);
      return FALSE;
    }
  bold = workbook_add_format (wb);
  format_set_bold (bold);
  ws = workbook_add_worksheet (wb, sheet);
  for (guint c = 0; c < n_columns; c++)
    {
      worksheet_write_string (ws, 0, c, headings[c], bold);
      worksheet_set_column (ws, c, c, MIN (60, MAX (10, g_utf8_strlen (headings[c], -1) * 2 + 2)), NULL);
    }
  worksheet_freeze_panes (ws, 1, 0);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = rows->pdata[r];
      for (guint c = 0; c < n_columns; c++)
        if (cells[c] != NULL && *cells[c] != '\0')
          worksheet_write_string (ws, r + 1, c, cells[c], NULL);
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

gboolean
mamori_table_write (const char          *path,
                    const char          *sheet,
                    const char * const  *headings,
                    guint                n_columns,
                    GPtrArray           *rows,
                    GError             **error)
{
  if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    {
      g_autofree char *tmp = mamori_pending_begin (path, error);
      if (tmp == NULL)
        return FALSE;
      if (!write_xlsx (tmp, sheet, headings, n_columns, rows, error))
        {
          mamori_pending_rename_in_error (error ? *error : NULL, tmp, path);
          mamori_pending_abort (tmp);
          return FALSE;
        }
      return mamori_pending_commit (tmp, path, error);
    }
  {
    g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF");
    mamori_csv_append_row (csv, headings, n_columns);
    for (guint r = 0; r < rows->len; r++)
      mamori_csv_append_row (csv, (const char * const *) rows->pdata[r], n_columns);
    return mamori_write_file_atomically (path, csv->str, csv->len, 0644, error);
  }
}
