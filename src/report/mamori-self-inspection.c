/* mamori-self-inspection.c — per-role self-inspection sheets (form and CSV) and the
 * self-inspection report */
#include "config.h"

#include <string.h>

#include "core/mamori-csv.h"
#include "core/mamori-date.h"
#include "core/mamori-pending.h"
#include "core/mamori-template.h"
#include "mamori-document.h"
#include "mamori-self-inspection.h"
#include "store/mamori-assessments.h"

/* Text follows the sheet's or report's language, not the user's locale. */
#define TR(text_ja, text_en) (en ? (text_en) : (text_ja))

static char *
esc (const char *text)
{
  return mamori_template_escape (text ? text : "");
}

/* The date line to fill in by hand. */
static const char *
blank_date (gboolean en)
{
  if (en)
    return "";
  return mamori_date_get_default_style () == MAMORI_DATE_ERA ? "令和　　年　　月　　日" : "　　　　年　　月　　日";
}

static char *
role_title (const char *role,
            gboolean    en)
{
  if (g_strcmp0 (role, "all") == 0)
    return g_strdup (TR ("すべての役割", "All roles"));
  return g_strdup (mamori_sheet_role_label (role, en ? "en" : "ja"));
}

/* --- the sheet -------------------------------------------------------------------------- */

char *
mamori_sheet_form_markdown (const MamoriChecklist *cl,
                            const char            *role,
                            const char            *organisation,
                            const char            *lang)
{
  gboolean en = g_strcmp0 (lang, "en") == 0;
  g_autoptr(GPtrArray) items = mamori_sheet_items (cl, role);
  g_autofree char *org = esc (organisation && *organisation ? organisation : TR ("（会社名）", "(the company)"));
  g_autofree char *who = role_title (role, en);
  g_autofree char *who_esc = esc (who);
  g_autofree char *list = esc (mamori_text_get (cl->name, lang));
  GString *md = g_string_new (NULL);

  g_string_append_printf (md, TR ("# 自己点検票：%s\n\n", "# Self-inspection sheet: %s\n\n"), who_esc);
  g_string_append_printf (md, "| %s | %s |\n|---|---|\n", TR ("項目", "Item"), TR ("記入欄", "To fill in"));
  g_string_append_printf (md, "| %s | %s |\n", TR ("会社", "Organisation"), org);
  g_string_append_printf (md, "| %s | %s |\n", TR ("点検", "Checklist"), list);
  g_string_append_printf (md, "| %s | %s |\n", TR ("役割", "Role"), who_esc);
  g_string_append_printf (md, "| %s | |\n", TR ("氏名", "Name"));
  g_string_append_printf (md, "| %s | |\n", TR ("所属", "Unit"));
  g_string_append_printf (md, "| %s | %s |\n\n", TR ("記入日", "Date"), blank_date (en));
  g_string_append_printf (md, TR ("この票の %u 項目それぞれについて、いまの状態に当てはまる答えを一つ選んで□に印を付けてください。"
                                  "「該当なし」を選んだときは、その理由を備考に書いてください。"
                                  "「示し方」は、実施していることを何で示せるかの例です。\n\n",
                                  "For each of the %u clauses on this sheet, tick the one box that matches how things are now. "
                                  "If you tick “not applicable”, write the reason in the note. "
                                  "“How to show it” gives examples of what shows the clause is met.\n\n"),
                          items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const MamoriNode *item = items->pdata[i];
      g_autoptr(GPtrArray) measures = mamori_sheet_measures (cl, item);
      GPtrArray *scale = mamori_checklist_choices (cl, item);
      g_autofree char *ref = esc (item->ref_id);
      g_autofree char *name = esc (mamori_text_get (item->name, lang));
      g_autofree char *desc = esc (item->description ? mamori_text_get (item->description, lang) : NULL);
      g_autoptr(GString) boxes = g_string_new (NULL);

      g_string_append_printf (md, "## %s %s\n\n", ref, name);
      if (*desc)
        g_string_append_printf (md, "%s\n\n", desc);
      if (g_strcmp0 (role, "all") == 0)
        {
          g_autofree char *r = esc (mamori_sheet_role_label (mamori_node_get_actor (item), lang));
          g_string_append_printf (md, TR ("役割：%s\n\n", "Role: %s\n\n"), r);
        }
      if (mamori_node_is_default_not_applicable (item))
        {
          g_autofree char *why = esc (mamori_node_get_not_applicable_reason (item, lang));
          g_string_append_printf (md, TR ("*既定では「該当しない」：%s*\n\n", "*Not applicable by default: %s*\n\n"), why);
        }
      if (measures->len > 0)
        {
          g_string_append (md, TR ("示し方：\n\n", "How to show it:\n\n"));
          for (guint m = 0; m < measures->len; m++)
            {
              const MamoriNode *n = measures->pdata[m];
              int indent = MAX (0, n->depth - item->depth - 1);
              /* A sub-item shows its letter only: “2.1.1(1)-1 a)” under “2.1.1(1)-1” is “a)”. */
              const char *shown = n->ref_id;
              if (n->parent != NULL && n->parent != item && g_str_has_prefix (shown, n->parent->ref_id))
                for (shown += strlen (n->parent->ref_id); *shown == ' '; shown++)
                  ;
              g_autofree char *nref = esc (shown);
              g_autofree char *ntext = esc (mamori_node_text (n, lang));
              g_string_append_printf (md, "%*s- %s %s\n", indent * 2, "", nref, ntext);
            }
          g_string_append (md, "\n");
        }
      /* One column per answer, each with a box to tick, and the note to write in. */
      {
        g_autoptr(GString) rule = g_string_new ("|");
        g_autoptr(GString) ticks = g_string_new ("|");
        g_string_append (boxes, "|");
        for (guint c = 0; c < scale->len; c++)
          {
            g_autofree char *label = esc (mamori_text_get (((MamoriChoice *) scale->pdata[c])->name, lang));
            g_string_append_printf (boxes, " %s |", label);
            g_string_append (rule, "---|");
            g_string_append (ticks, " □ |");
          }
        g_string_append_printf (md, "%s %s |\n%s---|\n%s |\n\n", boxes->str, TR ("備考", "Note"), rule->str, ticks->str);
      }
    }
  return g_string_free (md, FALSE);
}

gboolean
mamori_sheet_form_write_pdf (const MamoriChecklist *cl,
                             const char            *role,
                             const char            *organisation,
                             const char            *lang,
                             const char            *path,
                             char                 **warning,
                             GError               **error)
{
  gboolean en = g_strcmp0 (lang, "en") == 0;
  g_autofree char *markdown = mamori_sheet_form_markdown (cl, role, organisation, lang);
  g_autofree char *who = role_title (role, en);
  g_autofree char *title = g_strdup_printf (TR ("自己点検票：%s", "Self-inspection sheet: %s"), who);
  MamoriDocumentMeta meta = { 0 };
  g_autoptr(MamoriLayout) layout = NULL;

  if (warning != NULL)
    *warning = NULL;
  meta.organisation = organisation ? organisation : "";
  meta.title = title;
  meta.lang = en ? "en" : "ja";
  meta.form = TRUE;
  layout = mamori_layout_new (markdown, &meta, error);
  if (layout == NULL)
    return FALSE;
  if (warning != NULL)
    *warning = g_strdup (mamori_layout_get_warning (layout));
  return mamori_layout_write_pdf (layout, path, error);
}

GBytes *
mamori_sheet_csv (const MamoriChecklist *cl,
                  const char            *role,
                  const char            *lang)
{
  g_autoptr(GPtrArray) items = mamori_sheet_items (cl, role);
  GString *csv = g_string_new ("\xEF\xBB\xBF"); /* BOM: spreadsheet programs then read UTF-8 */
  const char *header[MAMORI_SHEET_N_COLUMNS];

  for (guint k = 0; k < MAMORI_SHEET_N_COLUMNS; k++)
    header[k] = mamori_sheet_column_heading (k, lang);
  mamori_csv_append_row (csv, header, MAMORI_SHEET_N_COLUMNS);
  for (guint i = 0; i < items->len; i++)
    {
      const MamoriNode *item = items->pdata[i];
      g_autofree char *clause = NULL;
      const char *row[MAMORI_SHEET_N_COLUMNS];

      if (item->description != NULL)
        clause = g_strdup_printf ("%s: %s", mamori_text_get (item->name, lang), mamori_text_get (item->description, lang));
      else
        clause = g_strdup (mamori_text_get (item->name, lang));
      row[0] = item->ref_id;
      row[1] = clause;
      row[2] = mamori_sheet_role_label (mamori_node_get_actor (item), lang);
      row[3] = row[4] = row[5] = row[6] = "";
      mamori_csv_append_row (csv, row, MAMORI_SHEET_N_COLUMNS);
    }
  return g_string_free_to_bytes (csv);
}

/* --- the report ------------------------------------------------------------------------- */

static char *
percent (const MamoriSheetRate *rate)
{
  double v = mamori_sheet_rate_value (rate);

  return v < 0 ? g_strdup ("—") : g_strdup_printf ("%.0f %%", v * 100);
}

static void
rate_table (GString                *md,
            GPtrArray              *rates,
            const char             *first,
            gboolean                en,
            const char *(*label) (const char *key, gboolean en))
{
  g_string_append_printf (md, "| %s | %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|---|\n", first,
                          TR ("回答数", "Answers"), TR ("実施", "Done"), TR ("一部", "Partly"), TR ("未実施", "Not done"),
                          TR ("該当なし", "N/A"), TR ("実施率", "Rate"));
  for (guint i = 0; i < rates->len; i++)
    {
      MamoriSheetRate *r = rates->pdata[i];
      g_autofree char *name = esc (label (r->key, en));
      g_autofree char *p = percent (r);
      g_string_append_printf (md, "| %s | %u | %u | %u | %u | %u | %s |\n", name, r->n_answers, r->n_full, r->n_partial,
                              r->n_none, r->n_not_applicable, p);
    }
  g_string_append (md, "\n");
}

static const char *
role_label_en (const char *key,
               gboolean    en)
{
  return mamori_sheet_role_label (key, en ? "en" : "ja");
}

static const char *
unit_label (const char *key,
            gboolean    en)
{
  return *key ? key : TR ("（所属の記入なし）", "(no unit given)");
}

static gboolean
below (const MamoriSheetRate *rate)
{
  double v = mamori_sheet_rate_value (rate);

  return v >= 0 && v < MAMORI_SHEET_THRESHOLD;
}

char *
mamori_self_inspection_markdown (const MamoriSelfInspection *r)
{
  gboolean en = g_strcmp0 (r->lang, "en") == 0;
  const MamoriChecklist *cl = r->checklist;
  const MamoriSheetSummary *s = r->summary;
  g_autofree char *total = percent (&s->total);
  g_autofree char *date = mamori_date_format (r->assessed_on, en ? "en" : "ja", mamori_date_get_default_style ());
  g_autoptr(GPtrArray) below_clauses = g_ptr_array_new ();
  guint threshold = (guint) (MAMORI_SHEET_THRESHOLD * 100 + 0.5);
  guint n_issues = 0, n_measures = 0;
  GString *md = g_string_new (NULL);

  for (guint i = 0; i < s->clauses->len; i++)
    if (below (s->clauses->pdata[i]))
      g_ptr_array_add (below_clauses, s->clauses->pdata[i]);

  /* 1 evaluation */
  g_string_append (md, TR ("# 自己点検の評価\n\n", "# Evaluation of the self-inspection\n\n"));
  g_string_append_printf (md, TR ("%s に始めた自己点検で、%u 人が役割ごとの自己点検票に答え、回答は %u 件でした（うち該当なし %u 件）。"
                                  "実施率は、「実施している」を 100 %%、「一部実施している」を 50 %%、「実施していない」を 0 %% として、"
                                  "該当なしを除いた回答の平均です。全体の実施率は %s です。",
                                  "In the self-inspection begun on %s, %u people answered the per-role self-inspection sheets, "
                                  "giving %u answers (%u of them not applicable). The implementation rate counts “implemented” as 100 %%, "
                                  "“partly implemented” as 50 %% and “not implemented” as 0 %%, averaged over the answers that apply. "
                                  "The overall rate is %s. "),
                          date, s->n_people, s->total.n_answers, s->total.n_not_applicable, total);
  g_string_append_printf (md, TR ("実施率が %u %% に届かない項目は %u 項目あります。\n\n", "Clauses below %u %%: %u.\n\n"),
                          threshold, below_clauses->len);
  g_string_append (md, TR ("## 役割ごとの実施率\n\n", "## Rate per role\n\n"));
  rate_table (md, s->roles, TR ("役割", "Role"), en, role_label_en);
  g_string_append (md, TR ("## 部門ごとの実施率\n\n", "## Rate per unit\n\n"));
  rate_table (md, s->units, TR ("所属", "Unit"), en, unit_label);
  g_string_append (md, TR ("## 項目ごとの実施率\n\n", "## Rate per clause\n\n"));
  g_string_append_printf (md, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", TR ("項番", "Ref"), TR ("項目", "Clause"),
                          TR ("役割", "Role"), TR ("回答数", "Answers"), TR ("実施率", "Rate"));
  for (guint i = 0; i < s->clauses->len; i++)
    {
      MamoriSheetRate *rate = s->clauses->pdata[i];
      const MamoriNode *item = mamori_checklist_find_item (cl, rate->key);
      g_autofree char *ref = esc (rate->key);
      g_autofree char *name = esc (mamori_text_get (item->name, r->lang));
      g_autofree char *role = esc (mamori_sheet_role_label (mamori_node_get_actor (item), r->lang));
      g_autofree char *p = percent (rate);
      g_string_append_printf (md, "| %s | %s | %s | %u | %s%s |\n", ref, name, role, rate->n_answers, p, below (rate) ? " ▲" : "");
    }
  g_string_append (md, "\n");
  g_string_append_printf (md, TR ("## 実施率が %u %% に届かない項目\n\n", "## Clauses below %u %%\n\n"), threshold);
  if (below_clauses->len == 0)
    g_string_append (md, TR ("ありません。\n\n", "None.\n\n"));
  for (guint i = 0; i < below_clauses->len; i++)
    {
      MamoriSheetRate *rate = below_clauses->pdata[i];
      const MamoriNode *item = mamori_checklist_find_item (cl, rate->key);
      g_autofree char *ref = esc (rate->key);
      g_autofree char *name = esc (mamori_text_get (item->name, r->lang));
      g_autofree char *p = percent (rate);
      g_string_append_printf (md, TR ("- %s %s：%s（実施していない %u 件、一部 %u 件）\n", "- %s %s: %s (not implemented %u, partly %u)\n"),
                              ref, name, p, rate->n_none, rate->n_partial);
    }
  g_string_append (md, "\n");

  /* 2 organisation-wide issues: a shortfall seen in every unit that answered, not one unit's. */
  g_string_append (md, TR ("# 組織全体の課題\n\n", "# Organisation-wide issues\n\n"));
  g_string_append_printf (md, TR ("二つ以上の部門が答え、そのどの部門でも実施率が %u %% に届かない項目と、実施率が %u %% に届かない役割を、"
                                  "組織全体の課題としています。\n\n",
                                  "A clause counts as an organisation-wide issue when two or more units answered it and it is below %u %% in each of them; "
                                  "a role counts when its rate is below %u %%.\n\n"), threshold, threshold);
  for (guint i = 0; i < s->issues->len; i++)
    {
      const char *ref_id = s->issues->pdata[i];
      const MamoriNode *item = mamori_checklist_find_item (cl, ref_id);
      g_autofree char *ref = esc (ref_id);
      g_autofree char *name = esc (mamori_text_get (item->name, r->lang));
      g_string_append_printf (md, "- %s %s\n", ref, name);
      n_issues++;
    }
  for (guint i = 0; i < s->roles->len; i++)
    {
      MamoriSheetRate *rate = s->roles->pdata[i];
      g_autofree char *name = NULL, *p = NULL;
      if (!below (rate))
        continue;
      name = esc (mamori_sheet_role_label (rate->key, r->lang));
      p = percent (rate);
      g_string_append_printf (md, TR ("- 役割「%s」の実施率：%s\n", "- The role “%s”: %s\n"), name, p);
      n_issues++;
    }
  if (n_issues == 0)
    g_string_append (md, TR ("ありません。\n", "None.\n"));
  g_string_append (md, "\n");

  /* 3 improvements */
  g_string_append (md, TR ("# 改善\n\n", "# Improvements\n\n"));
  g_string_append (md, TR ("この評価の項目ごとに決めた対策と、点検の記録に書いたことです。\n\n",
                           "The measures decided for the assessment's clauses, and what was noted on them.\n\n"));
  g_string_append_printf (md, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", TR ("項番", "Ref"), TR ("対策", "Measure"),
                          TR ("担当", "Owner"), TR ("期限", "Due"), TR ("記録", "Note"));
  for (guint i = 0; r->answers != NULL && i < cl->items->len; i++)
    {
      const MamoriNode *item = cl->items->pdata[i];
      MamoriAnswer *a = g_hash_table_lookup (r->answers, item->ref_id);
      g_autofree char *ref = NULL, *what = NULL, *owner = NULL, *due = NULL, *note = NULL;
      if (a == NULL || (a->measure_what == NULL && (a->note == NULL || *a->note == '\0')))
        continue;
      ref = esc (item->ref_id);
      what = esc (a->measure_what);
      owner = esc (a->measure_owner);
      due = a->measure_due ? mamori_date_format (a->measure_due, en ? "en" : "ja", mamori_date_get_default_style ()) : g_strdup ("");
      note = esc (a->note);
      g_string_append_printf (md, "| %s | %s | %s | %s | %s |\n", ref, what, owner, due, note);
      n_measures++;
    }
  if (n_measures == 0)
    g_string_append_printf (md, "| — | %s | | | |\n", TR ("まだ決めた対策はありません", "No measure decided yet"));
  g_string_append (md, "\n");
  return g_string_free (md, FALSE);
}

gboolean
mamori_self_inspection_write_pdf (const MamoriSelfInspection *r,
                                  const char                 *path,
                                  char                      **warning,
                                  GError                    **error)
{
  gboolean en = g_strcmp0 (r->lang, "en") == 0;
  g_autofree char *markdown = mamori_self_inspection_markdown (r);
  MamoriDocumentMeta meta = { 0 };
  g_autoptr(MamoriLayout) layout = NULL;

  if (warning != NULL)
    *warning = NULL;
  meta.organisation = r->organisation ? r->organisation : "";
  meta.title = TR ("自己点検結果報告書", "Self-inspection report");
  meta.date = r->today;
  meta.lang = en ? "en" : "ja";
  meta.numbering = "sections";
  layout = mamori_layout_new (markdown, &meta, error);
  if (layout == NULL)
    return FALSE;
  if (warning != NULL)
    *warning = g_strdup (mamori_layout_get_warning (layout));
  return mamori_layout_write_pdf (layout, path, error);
}
