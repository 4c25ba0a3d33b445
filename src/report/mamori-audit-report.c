/* mamori-audit-report.c — the audit report of an assessment as Markdown for the layout engine */
#include "config.h"

#include <string.h>

#include "core/mamori-date.h"
#include "core/mamori-template.h"
#include "mamori-audit-report.h"
#include "store/mamori-assessments.h"
#include "store/mamori-reviews.h"

/* Cell text for a Markdown table row. */
static char *
cell (const char *text)
{
  return mamori_template_escape (text);
}

/* A date of the audit report as printed (the process's date style, see core/mamori-date.h). */
static const char *
audit_date (GPtrArray  *strings,
            const char *date,
            const char *lang)
{
  char *text = mamori_date_format (date, lang, mamori_date_get_default_style ());

  g_ptr_array_add (strings, text);
  return text;
}

/* Answers by ref_id, numbers in numeric order ("v1:9-2" before "v1:10-1"). */
static int
compare_answers_by_ref (gconstpointer a,
                        gconstpointer b,
                        gpointer      unused)
{
  g_autofree char *ka = g_utf8_collate_key_for_filename ((*(MamoriAnswer **) a)->ref_id, -1);
  g_autofree char *kb = g_utf8_collate_key_for_filename ((*(MamoriAnswer **) b)->ref_id, -1);
  return strcmp (ka, kb);
}

char *
mamori_audit_report_markdown (MamoriWorkspace       *self,
                              const MamoriChecklist *cl,
                              gint64                 id,
                              const char            *auditor,
                              const char            *lang,
                              gboolean               annex,
                              GError               **error)
{
  g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (self, id, error);
  g_autoptr(GHashTable) answers = a ? mamori_workspace_get_answers (self, id, error) : NULL;
  g_autoptr(GPtrArray) evidence = answers ? mamori_workspace_list_evidence (self, id, NULL, error) : NULL;
  g_autoptr(GPtrArray) actions = evidence ? mamori_workspace_list_corrective_actions (self, id, error) : NULL;
  g_autoptr(MamoriAuditPlan) plan = NULL;
  gboolean en = g_strcmp0 (lang, "en") == 0;
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  guint counts[5] = { 0 };
  GString *md;
  MamoriScore total, *per_group;
  const MamoriBand *band;

  if (actions == NULL)
    return NULL;
  plan = mamori_workspace_get_audit_plan (self, id, error);
  if (plan == NULL && error != NULL && *error != NULL)
    return NULL;
  if (plan != NULL && *plan->auditor)
    auditor = plan->auditor;
  per_group = g_new0 (MamoriScore, MAX (cl->groups->len, 1));
  mamori_assessment_score (cl, answers, &total, per_group);
  band = mamori_checklist_band (cl, total.score);
  md = g_string_new (NULL);

  g_string_append_printf (md, en ? "# Scope\n\n" : "# 監査の概要\n\n");
  g_string_append_printf (md, "| %s | %s |\n|---|---|\n", en ? "Item" : "項目", en ? "Details" : "内容");
  {
    g_autofree char *name = cell (mamori_text_get (cl->name, lang));
    g_autofree char *subject = cell (a->subject);
    g_autofree char *respondent = cell (a->respondent);
    g_autofree char *who = cell (auditor && *auditor ? auditor : (en ? "(not given)" : "（未記入）"));
    g_string_append_printf (md, "| %s | %s |\n", en ? "Checklist" : "チェックリスト", name);
    g_string_append_printf (md, "| %s | %s |\n", en ? "Subject" : "対象", subject);
    g_string_append_printf (md, "| %s | %s |\n", en ? "Assessed on" : "実施日", audit_date (dates, a->assessed_on, lang));
    g_string_append_printf (md, "| %s | %s |\n", en ? "Respondent" : "回答者", respondent);
    g_string_append_printf (md, "| %s | %s |\n", en ? "Auditor" : "監査者", who);
    if (plan != NULL)
      {
        g_autofree char *scope = cell (plan->scope);
        g_autofree char *unit = cell (plan->audited_unit);
        g_autofree char *independence = cell (plan->independence);
        g_string_append_printf (md, "| %s | %s |\n", en ? "Audit scope" : "監査の範囲", scope);
        g_string_append_printf (md, "| %s | %s |\n", en ? "Audited unit" : "監査対象部門", unit);
        g_string_append_printf (md, "| %s | %s – %s |\n", en ? "Audit period" : "監査の期間", audit_date (dates, plan->starts_on, lang),
                                audit_date (dates, plan->ends_on, lang));
        g_string_append_printf (md, "| %s | %s%s |\n", en ? "Independence" : "独立性",
                                plan->independence_confirmed ? (en ? "Confirmed. " : "確認済み。") : (en ? "NOT confirmed. " : "未確認。"),
                                independence);
      }
    g_string_append_printf (md, "| %s | %s |\n\n", en ? "Status" : "状態",
                            a->completed ? (en ? "completed" : "完了") : (en ? "in progress" : "実施中"));
  }
  if (plan != NULL && *plan->opinion)
    {
      g_autofree char *opinion = cell (plan->opinion);
      g_string_append_printf (md, en ? "## Audit opinion\n\n%s\n\n" : "## 監査意見\n\n%s\n\n", opinion);
    }
  g_string_append (md, en ? "## How items are graded\n\nEach answer is compared with the item's own scale: the best answer is *Conforming*, the worst (or a negative one) a *Gap*, anything between *Partly conforming*; items without an answer are *Not answered*, and items answered as not applicable are left out of the score. This grading is this report's rule, not the guideline's.\n\n"
                          : "## 判定の基準\n\n各回答を、その項目の選択肢の中で比べます。最もよい回答は「適合」、最も低い回答（または減点の回答）は「不適合」、その間は「一部不適合」です。回答のない項目は「未回答」、対象外と回答した項目は点数に含めません。この基準はこの報告書で定めたもので、ガイドラインによるものではありません。\n\n");

  /* Items. */
  {
    g_autoptr(GString) items = g_string_new (NULL);
    g_autoptr(GString) gaps = g_string_new (NULL);
    g_autoptr(GString) unanswered = g_string_new (NULL);
    g_autoptr(GPtrArray) others = g_ptr_array_new ();
    guint n_unanswered = 0;
    GHashTableIter iter;
    gpointer key, value;

    for (guint i = 0; i < cl->items->len; i++)
      {
        MamoriNode *item = cl->items->pdata[i];
        MamoriAnswer *ans = g_hash_table_lookup (answers, item->ref_id);
        GPtrArray *scale = mamori_checklist_choices (cl, item);
        int choice = ans ? ans->choice : -1;
        MamoriFinding finding = mamori_assessment_grade (cl, item, choice);
        g_autofree char *name = cell (mamori_text_get (item->name ? item->name : item->description, lang));
        g_autofree char *note = cell (ans ? ans->note : "");
        g_autofree char *answer = cell (choice >= 0 && (guint) choice < scale->len
                                        ? mamori_text_get (((MamoriChoice *) scale->pdata[choice])->name, lang) : "");
        g_autoptr(GString) files = g_string_new (NULL);
        for (guint e = 0; e < evidence->len; e++)
          {
            MamoriEvidence *ev = evidence->pdata[e];
            if (!g_str_equal (ev->ref_id, item->ref_id))
              continue;
            if (annex)
              g_string_append_printf (files, "%sE%u", files->len ? ", " : "", e + 1);
            else
              {
                g_autofree char *file = cell (ev->name);
                g_string_append_printf (files, en ? "%s%s (%" G_GINT64_FORMAT " bytes, SHA-256 %s)"
                                                  : "%s%s（%" G_GINT64_FORMAT " バイト、SHA-256 %s）",
                                        files->len ? "; " : "", file, ev->size, ev->sha256);
              }
          }
        counts[finding]++;
        g_string_append_printf (items, "| %s | %s | %s | %s | %s | %s |\n", item->ref_id, name, answer,
                                mamori_finding_label (finding, lang), note, files->str);
        if (finding == MAMORI_FINDING_NOT_ANSWERED)
          {
            g_string_append_printf (unanswered, "| %s | %s |\n", item->ref_id, name);
            n_unanswered++;
          }
        if (finding == MAMORI_FINDING_GAP || finding == MAMORI_FINDING_MINOR || finding == MAMORI_FINDING_NOT_ANSWERED)
          {
            /* The decided measure, or else the corrective action an audit raised for it. */
            MamoriCorrectiveAction *ca = NULL;
            for (guint c = 0; c < actions->len && ca == NULL; c++)
              if (g_str_equal (((MamoriCorrectiveAction *) actions->pdata[c])->ref_id, item->ref_id))
                ca = actions->pdata[c];
            if (ans && ans->measure_what)
              {
                g_autofree char *what = cell (ans->measure_what);
                g_autofree char *owner = cell (ans->measure_owner ? ans->measure_owner : "");
                g_string_append_printf (gaps, "| %s | %s | %s | %s | %s | %s |\n", item->ref_id, name,
                                        mamori_finding_label (finding, lang), what, owner, audit_date (dates, ans->measure_due, lang));
              }
            else
              {
                g_autofree char *what = cell (ca ? ca->what : (en ? "(none decided)" : "（未決定）"));
                g_autofree char *owner = cell (ca ? ca->owner : "");
                g_string_append_printf (gaps, "| %s | %s | %s | %s | %s | %s |\n", item->ref_id, name,
                                        mamori_finding_label (finding, lang), what, owner, ca ? audit_date (dates, ca->due_on, lang) : "");
              }
          }
      }

    g_string_append (md, en ? "# Summary\n\n" : "# 結果の要約\n\n");
    g_string_append_printf (md, en ? "Score: **%g** of %g (%u of %u items answered).%s%s\n\n"
                                   : "点数: **%g** 点（満点 %g 点、%u / %u 項目に回答）。%s%s\n\n",
                            total.score, total.max, total.n_answered, total.n_items,
                            band ? " " : "", band ? mamori_text_get (band->description, lang) : "");
    g_string_append_printf (md, "| %s | %s |\n|---|---|\n", en ? "Finding" : "判定", en ? "Items" : "項目数");
    for (guint f = 0; f < G_N_ELEMENTS (counts); f++)
      g_string_append_printf (md, "| %s | %u |\n", mamori_finding_label (f, lang), counts[f]);
    g_string_append (md, "\n");
    for (guint g = 0; g < cl->groups->len; g++)
      {
        g_autofree char *group = cell (mamori_text_get (((MamoriNode *) cl->groups->pdata[g])->name, lang));
        if (g == 0)
          g_string_append_printf (md, "| %s | %s |\n|---|---|\n", en ? "Group" : "分類", en ? "Score" : "点数");
        if (per_group[g].n_items > 0 && per_group[g].n_not_applicable == per_group[g].n_items)
          g_string_append_printf (md, "| %s | %s |\n", group, mamori_finding_label (MAMORI_FINDING_NOT_APPLICABLE, lang));
        else
          g_string_append_printf (md, "| %s | %g / %g |\n", group, per_group[g].score, per_group[g].max);
      }
    g_string_append (md, "\n");

    g_string_append (md, en ? "# Findings and measures\n\n" : "# 改善が必要な事項\n\n");
    if (gaps->len == 0)
      g_string_append (md, en ? "No gaps.\n\n" : "改善が必要な事項はありません。\n\n");
    else
      {
        g_string_append_printf (md, "| No. | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n",
                                en ? "Item" : "項目", en ? "Finding" : "判定", en ? "Decided measure" : "決めた対策",
                                en ? "Owner" : "担当", en ? "Due" : "期限");
        g_string_append (md, gaps->str);
        g_string_append (md, "\n");
      }

    if (plan != NULL || actions->len > 0)
      {
        g_string_append (md, en ? "# Corrective actions\n\n" : "# 是正処置\n\n");
        if (actions->len == 0)
          g_string_append (md, en ? "No corrective action was raised.\n\n" : "是正処置はありません。\n\n");
        else
          {
            guint closed = 0;
            g_string_append_printf (md, "| No. | %s | %s | %s | %s |\n|---|---|---|---|---|\n",
                                    en ? "Corrective action" : "是正処置", en ? "Owner" : "担当", en ? "Due" : "期限",
                                    en ? "Status" : "状況");
            for (guint c = 0; c < actions->len; c++)
              {
                MamoriCorrectiveAction *ca = actions->pdata[c];
                g_autofree char *what = cell (ca->what);
                g_autofree char *owner = cell (ca->owner);
                g_autofree char *result = cell (ca->result);
                g_autofree char *status = ca->closed ? g_strdup_printf (en ? "closed %s: %s" : "完了 %s：%s", audit_date (dates, ca->closed_on, lang), result)
                                                     : g_strdup (en ? "open" : "未完了");
                closed += ca->closed ? 1 : 0;
                g_string_append_printf (md, "| %s | %s | %s | %s | %s |\n", ca->ref_id, what, owner, audit_date (dates, ca->due_on, lang), status);
              }
            g_string_append_printf (md, en ? "\n%u of %u corrective actions closed.\n\n" : "\n是正処置 %2$u 件のうち %1$u 件が完了しています。\n\n",
                                    closed, actions->len);
          }
      }

    /* A completed assessment that left items unanswered, e.g. one made before its checklist
     * was revised (the mandatory items' version 2 added 3-4, 3-5, 4-2-2…; migration 10). */
    if (a->completed && n_unanswered > 0)
      {
        g_string_append (md, en ? "# Items without an answer\n\n" : "# 回答のない項目\n\n");
        g_string_append_printf (md, en ? "This assessment was completed without an answer to these %u items. In an assessment made "
                                         "before its checklist was revised, they include the checks the revision added or split; "
                                         "answer them in the next round.\n\n"
                                       : "この診断は、次の %u 項目に回答がないまま完了しています。チェックリストの改訂より前に作られた"
                                         "診断では、改訂で加わった項目や分かれた項目がここに入ります。次回の診断で回答してください。\n\n",
                                n_unanswered);
        g_string_append_printf (md, "| No. | %s |\n|---|---|\n", en ? "Item" : "項目");
        g_string_append (md, unanswered->str);
        g_string_append (md, "\n");
      }

    /* Notes, measures and evidence of items the checklist no longer has (kept by a
     * migration under their old numbers, e.g. v1:9-2), so that nothing recorded is hidden. */
    g_hash_table_iter_init (&iter, answers);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (mamori_checklist_find_item (cl, key) == NULL)
        g_ptr_array_add (others, value);
    if (others->len > 0)
      {
        g_ptr_array_sort_with_data (others, compare_answers_by_ref, NULL);
        g_string_append (md, en ? "# Records of items no longer in the checklist\n\n" : "# 改訂でなくなった項目の記録\n\n");
        g_string_append (md, en ? "The checklist was revised after these were recorded, and the revision has no item of the same "
                                  "meaning. They are kept under their old numbers and count in no score.\n\n"
                                : "次の記録は、チェックリストの改訂前のもので、改訂後に同じ意味の項目がありません。"
                                  "旧番号のまま残しており、点数には含めません。\n\n");
        g_string_append_printf (md, "| No. | %s | %s | %s |\n|---|---|---|---|\n", en ? "Note" : "メモ",
                                en ? "Decided measure" : "決めた対策", en ? "Evidence files" : "証跡ファイル");
        for (guint o = 0; o < others->len; o++)
          {
            MamoriAnswer *old = others->pdata[o];
            g_autofree char *ref = cell (old->ref_id);
            g_autofree char *note = cell (old->note ? old->note : "");
            g_autofree char *what = cell (old->measure_what ? old->measure_what : "");
            g_string_append_printf (md, "| %s | %s | %s | %u |\n", ref, note, what, old->n_evidence);
          }
        g_string_append (md, "\n");
      }

    g_string_append (md, en ? "# Item by item\n\n" : "# 項目ごとの結果\n\n");
    g_string_append_printf (md, "| No. | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n",
                            en ? "Item" : "項目", en ? "Answer" : "回答", en ? "Finding" : "判定",
                            plan ? (en ? "Auditor’s remark" : "監査人の所見") : (en ? "Note" : "メモ"), en ? "Evidence" : "証跡");
    g_string_append (md, items->str);
    g_string_append (md, "\n");
  }

  if (!annex)
    {
      g_free (per_group);
      return g_string_free (md, FALSE);
    }
  g_string_append (md, en ? "# Annex: evidence\n\n" : "# 付録: 証跡一覧\n\n");
  if (evidence->len == 0)
    g_string_append (md, en ? "No evidence files.\n" : "証跡ファイルはありません。\n");
  else
    {
      g_string_append_printf (md, "| %s | No. | %s | %s | SHA-256 |\n|---|---|---|---|---|\n",
                              en ? "Ref." : "番号", en ? "File" : "ファイル", en ? "Size (bytes)" : "大きさ（バイト）");
      for (guint e = 0; e < evidence->len; e++)
        {
          MamoriEvidence *ev = evidence->pdata[e];
          g_autofree char *name = cell (ev->name);
          g_string_append_printf (md, "| E%u | %s | %s | %" G_GINT64_FORMAT " | %s |\n", e + 1, ev->ref_id, name,
                                  ev->size, ev->sha256);
        }
    }
  g_free (per_group);
  return g_string_free (md, FALSE);
}
