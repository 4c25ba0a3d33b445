/* mamori-review.c — the management-review report, built from the workspace and laid out with
 * the layout engine; heatmaps and charts are figures drawn by the shared Cairo code. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/mamori-calendar.h"
#include "core/mamori-date.h"
#include "core/mamori-display.h"
#include "core/mamori-template.h"
#include "mamori-audit-report.h"
#include "mamori-chart.h"
#include "mamori-fonts.h"
#include "mamori-heatmap-draw.h"
#include "mamori-register-report.h"
#include "mamori-review.h"
#include "store/mamori-assessments.h"
#include "store/mamori-assets.h"
#include "store/mamori-documents.h"
#include "store/mamori-reviews.h"

/* Report text is chosen by the report's language, not the user's locale: a Japanese user can
 * print an English report for a customer. */
#define TR(text_ja, text_en) (R->en ? (text_en) : (text_ja))

typedef struct {
  gboolean en;
  const char *lang;
  const char *today;
  GString *md;
  GPtrArray *figures;
  guint n_figure;
  MamoriDateStyle style;
  MamoriCatalog *catalog;   /* not owned; NULL in the audit report */
  GPtrArray *strings;       /* char*: text the report's lines point into */
} Report;

/* date (YYYY-MM-DD) as the report prints it; valid until the report is built. */
static const char *
date_text (Report     *R,
           const char *date)
{
  char *text = mamori_date_format (date, R->lang, R->style);

  g_ptr_array_add (R->strings, text);
  return text;
}

/* --- figures -------------------------------------------------------------------------------- */

typedef struct {
  MamoriHeatmap *map;
  MamoriHeatmap *compare;   /* not owned */
  char *title;
  char *subtitle;
  char *lang;
} HeatmapFigure;

static void
heatmap_figure_free (HeatmapFigure *f)
{
  mamori_heatmap_free (f->map);
  g_free (f->title);
  g_free (f->subtitle);
  g_free (f->lang);
  g_free (f);
}

static void
draw_heatmap_figure (cairo_t  *cr,
                     double    width,
                     double    height,
                     gpointer  data)
{
  HeatmapFigure *f = data;
  MamoriHeatmapLabels labels = { f->title, f->subtitle, f->lang, f->compare };

  mamori_heatmap_draw (cr, f->map, &labels, width, height);
}

typedef struct {
  GArray *bars;          /* MamoriChartBar; labels point into names */
  GPtrArray *names;
  char *family;
} ChartFigure;

static void
chart_figure_free (ChartFigure *f)
{
  g_array_unref (f->bars);
  g_ptr_array_unref (f->names);
  g_free (f->family);
  g_free (f);
}

static void
chart_style (MamoriChartStyle *style,
             const char       *family)
{
  mamori_chart_style_default (style);
  style->font = family;
  style->font_size = 7.5;
}

static void
draw_chart_figure (cairo_t  *cr,
                   double    width,
                   double    height,
                   gpointer  data)
{
  ChartFigure *f = data;
  MamoriChartStyle style;

  chart_style (&style, f->family);
  mamori_chart_draw_bars (cr, width, height, (const MamoriChartBar *) f->bars->data, f->bars->len, &style);
}

/* Adds ![caption](figure:name) to the text and the figure to the list. */
static void
add_figure (Report       *R,
            MamoriFigure *figure,
            const char   *caption)
{
  g_autofree char *escaped = mamori_template_escape (caption);

  R->n_figure++;
  g_ptr_array_add (R->figures, figure);
  g_string_append_printf (R->md, "![%s %u　%s](figure:%s)\n\n", TR ("図", "Figure"), R->n_figure, escaped, figure->name);
}

/* --- helpers -------------------------------------------------------------------------------- */

static char *
change_text (double now,
             double before)
{
  double d = now - before;

  if (fabs (d) < 0.005)
    return g_strdup ("±0");
  return g_strdup_printf ("%s%g", d > 0 ? "+" : "−", fabs (d));
}

static const char *
level_name (Report                 *R,
            const MamoriRiskMatrix *m,
            guint                   level)
{
  return R->en ? m->risk[level].name_en : m->risk[level].name_ja;
}

static void
summary_row (Report                    *R,
             const char                *label,
             double                     now,
             const char                *now_text,
             gboolean                   has_before,
             double                     before,
             const char                *before_text)
{
  g_autofree char *escaped = mamori_template_escape (label);
  g_autofree char *change = has_before ? change_text (now, before) : g_strdup ("—");
  g_autofree char *a = now_text ? g_strdup (now_text) : g_strdup_printf ("%g", now);
  g_autofree char *b = !has_before ? g_strdup ("—") : before_text ? g_strdup (before_text) : g_strdup_printf ("%g", before);

  g_string_append_printf (R->md, "| %s | %s | %s | %s |\n", escaped, a, b, change);
}

/* The newest completed assessment of each checklist, with the one before it (or NULL). */
typedef struct {
  const MamoriChecklist *checklist;
  MamoriAssessment *latest;
  MamoriAssessment *previous;
  MamoriScore total;
  MamoriScore previous_total;
  MamoriScore *per_group;
} Result;

static void
result_free (Result *r)
{
  mamori_assessment_free (r->latest);
  mamori_assessment_free (r->previous);
  g_free (r->per_group);
  g_free (r);
}

static gboolean
score_assessment (MamoriWorkspace       *ws,
                  const MamoriChecklist *cl,
                  MamoriAssessment      *a,
                  MamoriScore           *total,
                  MamoriScore           *per_group,
                  GError               **error)
{
  g_autoptr(GHashTable) answers = mamori_workspace_get_answers (ws, a->id, error);
  g_autofree MamoriScore *scratch = NULL;

  if (answers == NULL)
    return FALSE;
  if (per_group == NULL)
    per_group = scratch = g_new0 (MamoriScore, MAX (cl->groups->len, 1));
  mamori_assessment_score (cl, answers, total, per_group);
  return TRUE;
}

/* One result per checklist and subject (a cloud check is per service), in catalogue order. */
static GPtrArray *
collect_results (MamoriWorkspace *ws,
                 MamoriCatalog   *catalog,
                 GError         **error)
{
  g_autoptr(GPtrArray) all = mamori_workspace_list_assessments (ws, NULL, error);
  g_autoptr(GPtrArray) out = NULL;

  if (all == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  for (guint c = 0; c < mamori_catalog_get_n (catalog); c++)
    {
      const MamoriChecklist *cl = mamori_catalog_get (catalog, c);
      guint first = out->len;
      /* Oldest first: per subject, the last two completed ones win. */
      for (guint i = 0; i < all->len; i++)
        {
          MamoriAssessment *a = all->pdata[i];
          Result *r = NULL;
          if (a == NULL || !a->completed || g_strcmp0 (a->checklist, cl->id) != 0)
            continue;
          for (guint k = first; k < out->len && r == NULL; k++)
            if (g_strcmp0 (((Result *) out->pdata[k])->latest->subject, a->subject) == 0)
              r = out->pdata[k];
          if (r == NULL)
            {
              r = g_new0 (Result, 1);
              r->checklist = cl;
              g_ptr_array_add (out, r);
            }
          g_clear_pointer (&r->previous, mamori_assessment_free);
          r->previous = r->latest;
          r->latest = g_steal_pointer (&all->pdata[i]);
        }
      for (guint k = first; k < out->len; k++)
        {
          Result *r = out->pdata[k];
          r->per_group = g_new0 (MamoriScore, MAX (cl->groups->len, 1));
          if (!score_assessment (ws, cl, r->latest, &r->total, r->per_group, error) ||
              (r->previous && !score_assessment (ws, cl, r->previous, &r->previous_total, NULL, error)))
            return NULL;
        }
    }
  return g_steal_pointer (&out);
}

/* --- sections ------------------------------------------------------------------------------- */

static void
write_summary (Report                    *R,
               const MamoriReviewFigures *now,
               const MamoriReviewFigures *before)
{
  const MamoriRiskMatrix *m = now->method == MAMORI_RISK_METHOD_GOV5 ? mamori_risk_matrix_gov5 () : mamori_risk_matrix_ipa ();
  /* A review under another method counts other bands: not comparable. */
  gboolean cmp = before != NULL && before->method == now->method && before->n_bands == now->n_bands;
  guint top = now->n_bands - 1;

  g_string_append (R->md, TR ("# 概要\n\n", "# Summary\n\n"));
  if (before != NULL)
    g_string_append_printf (R->md, TR ("%s 時点の状況を、前回のマネジメントレビュー（%s）と比べてまとめます。\n\n",
                                       "The state on %s, compared with the last management review (%s).\n\n"),
                            date_text (R, R->today), date_text (R, before->held_on));
  else
    g_string_append_printf (R->md, TR ("%s 時点の状況をまとめます。前回のマネジメントレビューの記録はないため、今回の数値が次回の比較の基準になります。\n\n",
                                       "The state on %s. There is no record of an earlier management review, so these figures are the baseline for the next one.\n\n"),
                            date_text (R, R->today));
  g_string_append_printf (R->md, "| %s | %s | %s | %s |\n|---|---|---|---|\n", TR ("指標", "Figure"), TR ("今回", "Now"),
                          TR ("前回", "Last review"), TR ("増減", "Change"));
  for (int l = (int) top; l >= 0; l--)
    {
      g_autofree char *label = g_strdup_printf (TR ("リスク「%s」の情報資産", "Assets at risk level %s"), level_name (R, m, l));
      summary_row (R, label, now->bands[l], NULL, cmp, cmp ? before->bands[l] : 0, NULL);
    }
  {
    g_autofree char *label = g_strdup_printf (TR ("計画した対策の後も「%s」の情報資産", "Still %s after the planned measures"),
                                              level_name (R, m, top));
    summary_row (R, label, now->residual_bands[top], NULL, cmp, cmp ? before->residual_bands[top] : 0, NULL);
  }
  {
    g_autofree char *a = now->has_score ? g_strdup_printf ("%g / %g", now->score, now->score_max) : g_strdup ("—");
    g_autofree char *b = before && before->has_score ? g_strdup_printf ("%g / %g", before->score, before->score_max) : NULL;
    summary_row (R, TR ("自社診断の点数（IPA 5分でできる！情報セキュリティ自社診断）", "Self-diagnosis score (IPA 5-minute self-diagnosis)"),
                 now->score, a, now->has_score && before && before->has_score, before ? before->score : 0, b);
  }
  summary_row (R, TR ("完了した対策", "Measures done"), now->measures.done, NULL, before != NULL,
               before ? before->measures.done : 0, NULL);
  summary_row (R, TR ("進行中の対策", "Measures under way"), now->measures.open, NULL, before != NULL,
               before ? before->measures.open : 0, NULL);
  summary_row (R, TR ("期限を過ぎた対策", "Measures overdue"), now->measures.overdue, NULL, before != NULL,
               before ? before->measures.overdue : 0, NULL);
  g_string_append (R->md, "\n");
  g_string_append (R->md, TR ("対策の「完了」は、台帳では現在の脅威・脆弱性が対策後の目標に達したもの、チェックリストでは後の診断で回答が改善したもの、内部監査では是正処置を完了としたものです。\n\n",
                              "A measure counts as done when, in the ledger, the asset’s threat and vulnerability have reached the measure’s targets; for a checklist, when a later assessment answers the item better; for an internal audit, when the corrective action is closed.\n\n"));
}

static void
write_heatmaps (Report        *R,
                MamoriHeatmap *current,
                MamoriHeatmap *residual,
                const char    *organisation)
{
  HeatmapFigure *now = g_new0 (HeatmapFigure, 1);
  HeatmapFigure *after = g_new0 (HeatmapFigure, 1);
  const double w = 470, h = 290;

  g_string_append (R->md, TR ("# リスクの分布\n\n", "# Risk heatmaps\n\n"));
  g_string_append_printf (R->md, TR ("台帳の %u 件の情報資産を、発生の可能性（縦）と影響の大きさ（横）の組み合わせで数えた図です。円の中の数が資産の件数です。2 つ目の図は計画した対策がすべて実施された場合で、各マスに現在からの増減を示します。\n\n",
                                     "The %u assets of the ledger counted by likelihood (up) and impact (across); the number in each circle is how many assets fall in that cell. The second map assumes every planned measure is done and shows each cell’s change from now.\n\n"),
                          current->total);
  now->map = current;
  now->title = g_strdup (TR ("現在のリスク", "Risk now"));
  now->subtitle = g_strdup_printf ("%s　%s", organisation, date_text (R, R->today));
  now->lang = g_strdup (R->lang);
  after->map = residual;
  after->compare = current;
  after->title = g_strdup (TR ("計画した対策の実施後", "After the planned measures"));
  after->subtitle = g_strdup (now->subtitle);
  after->lang = g_strdup (R->lang);
  /* The residual figure points at the current map; both belong to the same report and go
   * together (freeing a figure never reads what it compares with). */
  add_figure (R, mamori_figure_new ("heatmap-current", w, h, draw_heatmap_figure, now, (GDestroyNotify) heatmap_figure_free),
              TR ("現在のリスクの分布", "Risk now"));
  add_figure (R, mamori_figure_new ("heatmap-residual", w, h, draw_heatmap_figure, after, (GDestroyNotify) heatmap_figure_free),
              TR ("計画した対策の実施後のリスクの分布（増減つき）", "Risk after the planned measures, with the change per cell"));
}

static void
write_top (Report           *R,
           MamoriRiskMethod  method,
           GPtrArray        *top,
           GArray           *risks,
           GArray           *residual)
{
  const MamoriRiskMatrix *m = method == MAMORI_RISK_METHOD_GOV5 ? mamori_risk_matrix_gov5 () : mamori_risk_matrix_ipa ();

  g_string_append (R->md, TR ("# リスクの高い情報資産\n\n", "# Highest risks\n\n"));
  if (top->len == 0)
    {
      g_string_append (R->md, TR ("台帳に情報資産がありません。\n\n", "The ledger has no assets yet.\n\n"));
      return;
    }
  g_string_append_printf (R->md, "| No. | %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|---|\n",
                          TR ("情報資産（媒体）", "Asset (medium)"), TR ("部署", "Department"), TR ("リスク", "Risk"),
                          TR ("対策後", "After"), TR ("計画した対策", "Planned measure"), TR ("担当・期限", "Owner, due"));
  for (guint i = 0; i < top->len; i++)
    {
      MamoriAsset *a = top->pdata[i];
      MamoriAssetRisk *r = &g_array_index (risks, MamoriAssetRisk, i);
      MamoriAssetRisk *after = &g_array_index (residual, MamoriAssetRisk, i);
      gboolean gov5 = method == MAMORI_RISK_METHOD_GOV5;
      g_autofree char *name = mamori_template_escape (a->name);
      g_autofree char *dept = mamori_template_escape (a->managing_department);
      g_autofree char *medium = mamori_template_escape (a->medium);
      g_autofree char *measure = mamori_template_escape (*a->measure ? a->measure : TR ("（未定）", "(none)"));
      g_autofree char *owner = mamori_template_escape (a->measure_owner);
      g_autofree char *asset = *medium ? g_strdup_printf (TR ("%s（%s）", "%s (%s)"), name, medium) : g_strdup (name);
      g_string_append_printf (R->md, "| %u | %s | %s | %d %s | %d %s | %s | %s %s |\n", i + 1, asset, dept,
                              gov5 ? r->value5 : r->risk, level_name (R, m, gov5 ? r->level5 : (int) r->band),
                              gov5 ? after->value5 : after->risk, level_name (R, m, gov5 ? after->level5 : (int) after->band),
                              measure, owner, date_text (R, a->measure_due));
    }
  g_string_append (R->md, "\n");
}

static void
write_results (Report    *R,
               GPtrArray *results)
{
  g_autofree char *family = mamori_report_font_family (MAMORI_FONT_HEADING, NULL);

  g_string_append (R->md, TR ("# 診断とチェックリストの結果\n\n", "# Assessment results\n\n"));
  if (results->len == 0)
    {
      g_string_append (R->md, TR ("完了した診断はまだありません。\n\n", "No assessment has been completed yet.\n\n"));
      return;
    }
  for (guint i = 0; i < results->len; i++)
    {
      Result *r = results->pdata[i];
      const MamoriChecklist *cl = r->checklist;
      g_autofree char *name = mamori_template_escape (mamori_text_get (cl->name, R->lang));
      g_autofree char *subject = mamori_template_escape (r->latest->subject);

      if (*subject)
        g_string_append_printf (R->md, TR ("## %s（%s）\n\n", "## %s (%s)\n\n"), name, subject);
      else
        g_string_append_printf (R->md, "## %s\n\n", name);
      g_string_append_printf (R->md, TR ("最新の診断（%s）：**%g** / %g 点（%.0f%%）。", "Latest (%s): **%g** of %g (%.0f%%)."),
                              date_text (R, r->latest->assessed_on), r->total.score, r->total.max, mamori_score_percent (&r->total));
      if (r->previous)
        {
          g_autofree char *change = change_text (r->total.score, r->previous_total.score);
          g_string_append_printf (R->md, TR ("前回（%s）は %g 点で、%s 点です。", " The one before (%s) scored %g: %s."),
                                  date_text (R, r->previous->assessed_on), r->previous_total.score, change);
        }
      g_string_append (R->md, "\n\n");
      if (cl->groups->len > 0)
        {
          ChartFigure *f = g_new0 (ChartFigure, 1);
          MamoriChartStyle style;
          g_autofree char *figure_name = g_strdup_printf ("chart-%u", i + 1);
          g_autofree char *caption = g_strdup_printf (TR ("%s：分類ごとの達成率", "%s: score per group"),
                                                      mamori_text_get (cl->name, R->lang));
          f->bars = g_array_new (FALSE, TRUE, sizeof (MamoriChartBar));
          f->names = g_ptr_array_new_with_free_func (g_free);
          f->family = g_strdup (family);
          for (guint g = 0; g < cl->groups->len; g++)
            {
              char *label = g_strdup (mamori_text_get (((MamoriNode *) cl->groups->pdata[g])->name, R->lang));
              MamoriChartBar bar = { label, r->per_group[g].score, r->per_group[g].max };
              g_ptr_array_add (f->names, label);
              g_array_append_val (f->bars, bar);
            }
          chart_style (&style, family);
          add_figure (R, mamori_figure_new (figure_name, 480, mamori_chart_bars_height (f->bars->len, &style),
                                            draw_chart_figure, f, (GDestroyNotify) chart_figure_free),
                      caption);
        }
    }
}

/* "技術情報管理認証 No.3": the checklist of the action's assessment and the item. */
static char *
action_item_label (Report                 *R,
                   MamoriWorkspace        *ws,
                   MamoriCorrectiveAction *c)
{
  g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (ws, c->assessment, NULL);
  g_autofree char *source = NULL;

  if (a == NULL)
    return mamori_item_label (NULL, c->ref_id);
  source = g_strconcat (a->checklist, MAMORI_SOURCE_SEPARATOR, c->ref_id, NULL);
  return mamori_measure_source_label (source, R->catalog, R->lang);
}

static void
write_measures (Report                    *R,
                MamoriWorkspace           *ws,
                const MamoriReviewFigures *now,
                GPtrArray                 *overdue,
                GPtrArray                 *actions)
{
  g_string_append (R->md, TR ("# 対策の状況\n\n", "# Measures\n\n"));
  g_string_append_printf (R->md, TR ("完了 %u 件、進行中 %u 件、期限切れ %u 件です。\n\n", "%u done, %u under way, %u overdue.\n\n"),
                          now->measures.done, now->measures.open, now->measures.overdue);
  if (overdue->len == 0)
    g_string_append (R->md, TR ("期限を過ぎた対策はありません。\n\n", "No measure is overdue.\n\n"));
  else
    {
      g_string_append_printf (R->md, "| %s | %s | %s | %s |\n|---|---|---|---|\n", TR ("対象", "For"), TR ("対策", "Measure"),
                              TR ("担当", "Owner"), TR ("期限", "Due"));
      for (guint i = 0; i < overdue->len; i++)
        {
          MamoriOverdueMeasure *m = overdue->pdata[i];
          g_autofree char *label = mamori_measure_source_label (m->source, R->catalog, R->lang);
          g_autofree char *source = mamori_template_escape (label);
          g_autofree char *what = mamori_template_escape (m->what);
          g_autofree char *owner = mamori_template_escape (m->owner);
          g_string_append_printf (R->md, "| %s | %s | %s | %s |\n", source, what, owner, date_text (R, m->due));
        }
      g_string_append (R->md, "\n");
    }
  if (actions->len > 0)
    {
      g_string_append (R->md, TR ("## 内部監査の是正処置（未完了）\n\n", "## Open corrective actions from internal audits\n\n"));
      g_string_append_printf (R->md, "| %s | %s | %s | %s |\n|---|---|---|---|\n", TR ("項目", "Item"), TR ("是正処置", "Action"),
                              TR ("担当", "Owner"), TR ("期限", "Due"));
      for (guint i = 0; i < actions->len; i++)
        {
          MamoriCorrectiveAction *c = actions->pdata[i];
          g_autofree char *what = mamori_template_escape (c->what);
          g_autofree char *owner = mamori_template_escape (c->owner);
          g_autofree char *item = action_item_label (R, ws, c);
          g_autofree char *escaped = mamori_template_escape (item);
          g_string_append_printf (R->md, "| %s | %s | %s | %s |\n", escaped, what, owner, date_text (R, c->due_on));
        }
      g_string_append (R->md, "\n");
    }
}

static void
decision (Report     *R,
          guint      *n,
          const char *topic,
          const char *details,
          const char *basis)
{
  g_autofree char *d = mamori_template_escape (details);

  g_string_append_printf (R->md, "| %u | %s | %s | %s | %s |\n", ++*n, topic, d, basis,
                          TR ("承認・保留・差戻し", "approved / deferred / returned"));
}

static void
write_decisions (Report                    *R,
                 const MamoriReviewFigures *now,
                 GPtrArray                 *top,
                 GArray                    *residual,
                 GPtrArray                 *documents,
                 GPtrArray                 *actions,
                 gboolean                   recent_self_diagnosis,
                 MamoriRegisterReport      *registers)
{
  const MamoriRiskMatrix *m = now->method == MAMORI_RISK_METHOD_GOV5 ? mamori_risk_matrix_gov5 () : mamori_risk_matrix_ipa ();
  guint top_level = now->n_bands - 1, n = 0, without = 0;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) pending = g_string_new (NULL);
  guint n_accepted = 0;
  g_autoptr(GPtrArray) to_decide = mamori_register_report_acceptances_to_decide (registers, R->lang, &n_accepted);

  for (guint i = 0; i < top->len; i++)
    {
      MamoriAsset *a = top->pdata[i];
      MamoriAssetRisk *r = &g_array_index (residual, MamoriAssetRisk, i);
      int level = now->method == MAMORI_RISK_METHOD_GOV5 ? r->level5 : (int) r->band;
      if (level == (int) top_level && names->len < 200)
        g_string_append_printf (names, "%s%s", names->len ? TR ("、", ", ") : "", a->name);
      if (*a->measure == '\0' && level == (int) top_level)
        without++;
    }
  for (guint i = 0; i < documents->len; i++)
    {
      MamoriDocumentInfo *d = documents->pdata[i];
      if (d->status != MAMORI_DOCUMENT_APPROVED)
        g_string_append_printf (pending, "%s%s", pending->len ? TR ("、", ", ") : "", d->title);
    }

  g_string_append (R->md, TR ("# 経営層に判断を求める事項\n\n", "# Decisions asked of management\n\n"));
  g_string_append (R->md, TR ("次の事項について判断をお願いします。判断の欄の「承認」「保留」「差戻し」のいずれかに印を付け、必要な指示を書いてください。\n\n",
                              "Please decide on each of the following. Mark each decision as approved, deferred or returned, with any instruction.\n\n"));
  g_string_append_printf (R->md, "| No. | %s | %s | %s | %s |\n|---|---|---|---|---|\n", TR ("事項", "Topic"), TR ("内容", "Details"),
                          TR ("根拠", "Basis"), TR ("判断", "Decision"));
  if (now->residual_bands[top_level] > 0)
    {
      g_autofree char *examples = names->len ? g_strdup_printf (TR ("（%s など）", " (%s and others)"), names->str) : g_strdup ("");
      g_autofree char *recorded = n_accepted > 0
        ? g_strdup_printf (TR ("受容したリスクの台帳には、次回のレビューの後まで有効な記録が %u 件あります（「受容したリスク」）。",
                               " The register of accepted risks holds %u acceptances valid beyond the next review (see Accepted risks)."), n_accepted)
        : g_strdup (TR ("受容したリスクの台帳に、次回のレビューの後まで有効な記録はありません。", " The register of accepted risks holds no acceptance valid beyond the next review."));
      g_autofree char *d = g_strdup_printf (TR ("計画した対策をすべて実施しても %u 件の情報資産がリスク「%s」のまま残ります%s。%sこのリスクを受け入れるか、追加の対策を指示してください。受け入れると決めたリスクは、受容した人、残留リスク値、期限とともに台帳に記録します。",
                                                "%u assets stay at risk level %s even after every planned measure%s.%s Accept this risk or ask for further measures; each risk accepted is recorded in the register with who accepted it, its residual value and until when."),
                                            now->residual_bands[top_level], level_name (R, m, top_level), examples, recorded);
      decision (R, &n, TR ("残留リスクの受容", "Accepting residual risk"), d, TR ("サイバーセキュリティ経営ガイドライン 指示4", "METI CSM Guidelines, directive 4"));
    }
  /* Accepted risks that lapse before the next review are decided again now. */
  for (guint i = 0; i < to_decide->len; i++)
    decision (R, &n, TR ("受容したリスクの再審査", "Re-deciding an accepted risk"), to_decide->pdata[i],
              TR ("サイバーセキュリティ経営ガイドライン 指示4", "METI CSM Guidelines, directive 4"));
  if (without > 0)
    {
      g_autofree char *d = g_strdup_printf (TR ("リスクの高い上位の資産のうち %u 件は対策が決まっていません。対策の検討と担当を指示してください。",
                                                "%u of the highest-risk assets have no measure planned. Ask for one and name an owner."), without);
      decision (R, &n, TR ("対策のない高リスク資産", "High risks without a measure"), d, TR ("サイバーセキュリティ経営ガイドライン 指示4", "METI CSM Guidelines, directive 4"));
    }
  if (now->measures.open > 0)
    {
      g_autofree char *d = g_strdup_printf (TR ("%u 件の対策が進行中です。担当者の時間と必要な費用を確保してください。",
                                                "%u measures are under way. Make sure their owners have the time and budget they need."), now->measures.open);
      decision (R, &n, TR ("対策に必要な資源", "Resources for the measures"), d, TR ("サイバーセキュリティ経営ガイドライン 指示3", "METI CSM Guidelines, directive 3"));
    }
  if (now->measures.overdue > 0)
    {
      g_autofree char *d = g_strdup_printf (TR ("%u 件の対策が期限を過ぎています（「対策の状況」の表）。新しい期限か担当の見直しを決めてください。",
                                                "%u measures are past their due date (see Measures). Set new dates or reassign them."), now->measures.overdue);
      decision (R, &n, TR ("期限を過ぎた対策", "Overdue measures"), d, TR ("サイバーセキュリティ経営ガイドライン 指示6", "METI CSM Guidelines, directive 6"));
    }
  if (actions->len > 0)
    {
      g_autofree char *d = g_strdup_printf (TR ("内部監査の是正処置が %u 件、完了していません。進み具合を確認してください。",
                                                "%u corrective actions from internal audits are still open. Review their progress."), actions->len);
      decision (R, &n, TR ("内部監査の是正処置", "Corrective actions"), d, TR ("技術情報管理認証 監査の指針", "Tech-info certification, audit guidance"));
    }
  if (pending->len > 0)
    {
      g_autofree char *d = g_strdup_printf (TR ("%s が承認を待っています。内容を確認して承認してください。",
                                                "%s await approval. Review and approve them."), pending->str);
      decision (R, &n, TR ("文書の承認", "Approving documents"), d, TR ("サイバーセキュリティ経営ガイドライン 指示1", "METI CSM Guidelines, directive 1"));
    }
  if (!recent_self_diagnosis)
    decision (R, &n, TR ("自社診断の実施", "Self-diagnosis"),
              TR ("この 1 年に完了した自社診断がありません。実施の時期と担当を決めてください。",
                  "No self-diagnosis was completed in the last year. Set a date and an owner."),
              TR ("IPA 中小企業の情報セキュリティ対策ガイドライン", "IPA SME guideline"));
  decision (R, &n, TR ("次回のマネジメントレビュー", "Next management review"),
            TR ("次回の開催時期を決めてください（少なくとも年 1 回、大きな変化があったときはその都度）。",
                "Set the date of the next review (at least once a year, and after any major change)."),
            TR ("サイバーセキュリティ経営ガイドライン 指示6", "METI CSM Guidelines, directive 6"));
  g_string_append (R->md, "\n");
  g_string_append (R->md, TR (R->style == MAMORI_DATE_ERA ? "判断日：令和　　年　　月　　日　　判断者：\n\n" : "判断日：　　　　年　　月　　日　　判断者：\n\n",
                              "Decided on: ____________    By: ____________\n\n"));
}

/* --- the change log's pin ------------------------------------------------------------------ */

/* The log's newest hash, verified today: a printed report pins the log as it was, so a later
 * rewrite of the history shows against the paper. */
static gboolean
write_log_pin (GString         *md,
               MamoriWorkspace *ws,
               const char      *today,
               gboolean         en,
               GError         **error)
{
  g_autofree char *hash = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 id = 0;

  if (!mamori_workspace_verify_log (ws, &hash, &id, &problems, error))
    return FALSE;
  g_string_append (md, en ? "# Change log\n\n" : "# 変更履歴の照合\n\n");
  if (id == 0)
    {
      g_string_append (md, en ? "The change log has no entries yet.\n\n" : "変更履歴はまだありません。\n\n");
      return TRUE;
    }
  if (problems->len == 0)
    g_string_append_printf (md, en ? "This report reflects the change log up to entry %lld. Its chain was verified on %s "
                                     "and found intact; the newest entry’s hash is:\n\n`%s`\n\n"
                                   : "この報告書は変更履歴の %lld 件目までを反映しています。%s に履歴の連鎖を照合し、"
                                     "改ざんのないことを確かめました。最新の記録のハッシュ値は次のとおりです。\n\n`%s`\n\n",
                            (long long) id, today, hash);
  else
    {
      g_autofree char *first = mamori_template_escape (problems->pdata[0]);
      g_string_append_printf (md, en ? "This report reflects the change log up to entry %lld (hash `%s`). **On %s the log did "
                                       "not verify:** %s\n\n"
                                     : "この報告書は変更履歴の %lld 件目（ハッシュ値 `%s`）までを反映しています。"
                                       "**%s の照合で問題が見つかりました：** %s\n\n",
                              (long long) id, hash, today, first);
    }
  return TRUE;
}

/* --- the report ----------------------------------------------------------------------------- */

struct _MamoriReport {
  char *markdown;
  char *organisation;
  char *title;
  char *date;
  char *classification;
  char *lang;
  GPtrArray *figures;             /* MamoriFigure* */
  MamoriReviewFigures *review;    /* review reports: what they show, for recording */
};

void
mamori_report_free (MamoriReport *r)
{
  if (r == NULL)
    return;
  g_free (r->markdown);
  g_free (r->organisation);
  g_free (r->title);
  g_free (r->date);
  g_free (r->classification);
  g_free (r->lang);
  g_clear_pointer (&r->figures, g_ptr_array_unref);
  mamori_review_figures_free (r->review);
  g_free (r);
}

const char *
mamori_report_get_markdown (MamoriReport *r)
{
  return r->markdown;
}

void
mamori_report_get_meta (MamoriReport       *r,
                        MamoriDocumentMeta *meta)
{
  memset (meta, 0, sizeof *meta);
  meta->organisation = r->organisation;
  meta->title = r->title;
  meta->date = r->date;
  meta->classification = r->classification;
  meta->lang = r->lang;
  meta->numbering = "sections";
  meta->table_of_contents = TRUE;
  meta->figures = r->figures;
}

MamoriLayout *
mamori_report_layout (MamoriReport *r,
                      GError      **error)
{
  MamoriDocumentMeta meta;

  mamori_report_get_meta (r, &meta);
  return mamori_layout_new (r->markdown, &meta, error);
}

static MamoriReport *
report_new (const char *organisation,
            const char *title,
            const char *today,
            gboolean    en)
{
  MamoriReport *r = g_new0 (MamoriReport, 1);

  r->organisation = g_strdup (organisation ? organisation : "");
  r->title = g_strdup (title);
  r->date = g_strdup (today);
  r->classification = g_strdup (en ? "Internal" : "社外秘");
  r->lang = g_strdup (en ? "en" : "ja");
  r->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_figure_free);
  return r;
}

MamoriReport *
mamori_review_report_new (MamoriWorkspace *ws,
                          MamoriCatalog   *catalog,
                          const char      *today,
                          const char      *lang,
                          GError         **error)
{
  Report report = { g_strcmp0 (lang, "en") == 0, g_strcmp0 (lang, "en") == 0 ? "en" : "ja", today, NULL, NULL, 0 };
  Report *R = &report;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MamoriProfile) profile = NULL;
  g_autoptr(MamoriReviewFigures) now = NULL;
  g_autoptr(MamoriReviewFigures) before = NULL;
  g_autoptr(GPtrArray) top = NULL, results = NULL, overdue = NULL, actions = NULL, documents = NULL;
  g_autoptr(GArray) risks = NULL, residual_risks = NULL;
  g_autoptr(GHashTable) threats = NULL;
  g_autoptr(GString) md = NULL;
  g_autoptr(MamoriRegisterReport) registers = NULL;
  MamoriHeatmap *current = NULL, *residual = NULL;
  MamoriRiskMethod method;
  gboolean recent = FALSE;
  MamoriReport *out;

  R->style = mamori_date_get_default_style ();
  R->catalog = catalog;
  R->strings = strings;
  profile = mamori_workspace_get_profile (ws, error);
  now = profile ? mamori_workspace_review_figures (ws, today, error) : NULL;
  if (now == NULL)
    return NULL;
  method = now->method;
  before = mamori_workspace_last_review (ws, today, error);
  if (before == NULL && error && *error)
    return NULL;
  results = collect_results (ws, catalog, error);
  top = results ? mamori_workspace_top_assets (ws, method, FALSE, 10, &risks, error) : NULL;
  overdue = top ? mamori_workspace_list_overdue_measures (ws, today, 50, error) : NULL;
  actions = overdue ? mamori_workspace_list_corrective_actions (ws, 0, error) : NULL;
  documents = actions ? mamori_workspace_list_documents (ws, error) : NULL;
  threats = documents ? mamori_workspace_get_medium_threats (ws, error) : NULL;
  current = threats ? mamori_workspace_get_heatmap (ws, method, FALSE, NULL, NULL, error) : NULL;
  residual = current ? mamori_workspace_get_heatmap (ws, method, TRUE, NULL, NULL, error) : NULL;
  registers = residual ? mamori_register_report_new (ws, today, error) : NULL;
  if (registers == NULL)
    {
      mamori_heatmap_free (residual);
      mamori_heatmap_free (current);
      return NULL;
    }
  /* The same assets after their measures, for the "after" column. */
  residual_risks = g_array_new (FALSE, TRUE, sizeof (MamoriAssetRisk));
  for (guint i = 0; i < top->len; i++)
    {
      MamoriAssetRisk r;
      MamoriAsset *a = top->pdata[i];
      mamori_asset_compute_residual (a, mamori_medium_threat_lookup (threats, a->medium), &r);
      g_array_append_val (residual_risks, r);
    }
  for (guint i = 0; i < results->len; i++)
    {
      Result *r = results->pdata[i];
      if (g_str_equal (r->checklist->id, "ipa-self-diagnosis"))
        {
          /* Dates are YYYY-MM-DD, so a year before today is the same text with the year less. */
          g_autofree char *limit = g_strdup_printf ("%04d%s", atoi (today) - 1, today + 4);
          now->has_score = TRUE;
          now->score = r->total.score;
          now->score_max = r->total.max;
          recent = g_strcmp0 (r->latest->assessed_on, limit) >= 0;
        }
    }

  out = report_new (profile->name, TR ("マネジメントレビュー報告書", "Management review report"), today, R->en);
  md = g_string_new (NULL);
  R->md = md;
  R->figures = out->figures;
  write_summary (R, now, before);
  write_heatmaps (R, current, residual, out->organisation);
  write_top (R, method, top, risks, residual_risks);
  write_results (R, results);
  write_measures (R, ws, now, overdue, actions);
  mamori_register_report_review_sections (registers, md, before ? before->held_on : NULL, R->lang);
  write_decisions (R, now, top, residual_risks, documents, actions, recent, registers);
  if (!write_log_pin (md, ws, date_text (R, today), R->en, error))
    {
      mamori_report_free (out);
      return NULL;
    }
  out->markdown = g_string_free (g_steal_pointer (&md), FALSE);
  out->review = g_steal_pointer (&now);
  return out;
}

gboolean
mamori_review_report_record (MamoriReport    *report,
                             MamoriWorkspace *workspace,
                             GError         **error)
{
  g_return_val_if_fail (report->review != NULL, FALSE);
  return mamori_workspace_record_review (workspace, report->review, error);
}

MamoriReport *
mamori_audit_report_new (MamoriWorkspace       *ws,
                         const MamoriChecklist *checklist,
                         gint64                 assessment,
                         const char            *today,
                         const char            *lang,
                         gboolean               annex,
                         GError               **error)
{
  gboolean en = g_strcmp0 (lang, "en") == 0;
  g_autoptr(MamoriProfile) profile = mamori_workspace_get_profile (ws, error);
  g_autofree char *markdown = profile ? mamori_audit_report_markdown (ws, checklist, assessment, NULL,
                                                                      en ? "en" : "ja", annex, error) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *printed_today = mamori_date_format (today, en ? "en" : "ja", mamori_date_get_default_style ());
  MamoriReport *out;

  g_autoptr(GString) md = NULL;

  if (markdown == NULL)
    return NULL;
  md = g_string_new (markdown);
  g_string_append (md, "\n");
  {
    /* The registers' records of the 12 months up to the audit's end (or today), and of the
     * whole audit period when it is longer. */
    g_autoptr(MamoriAuditPlan) plan = mamori_workspace_get_audit_plan (ws, assessment, error);
    g_autoptr(MamoriRegisterReport) registers = NULL;
    g_autofree char *from = NULL;
    const char *to = today;

    if (plan == NULL && error && *error)
      return NULL;
    if (plan != NULL && *plan->ends_on)
      to = plan->ends_on;
    from = mamori_date_add_years (to, -1);
    if (plan != NULL && *plan->starts_on && from != NULL && strcmp (plan->starts_on, from) < 0)
      {
        g_free (from);
        from = g_strdup (plan->starts_on);
      }
    registers = mamori_register_report_new (ws, today, error);
    if (registers == NULL)
      return NULL;
    mamori_register_report_audit_annex (registers, md, from ? from : to, to, en ? "en" : "ja");
  }
  if (!write_log_pin (md, ws, printed_today, en, error))
    return NULL;
  title = g_strdup_printf (en ? "Audit report — %s" : "監査報告書 — %s", mamori_text_get (checklist->name, en ? "en" : "ja"));
  out = report_new (profile->name, title, today, en);
  out->markdown = g_string_free (g_steal_pointer (&md), FALSE);
  return out;
}

MamoriReport *
mamori_report_new_markdown (const char *organisation,
                            const char *title,
                            const char *today,
                            const char *lang,
                            const char *markdown)
{
  MamoriReport *r = report_new (organisation, title, today, g_strcmp0 (lang, "en") == 0);

  r->markdown = g_strdup (markdown);
  return r;
}
