/* mamori-audit-report.c — the audit report of an assessment as Markdown for the layout engine */
#include "config.h"

#include <string.h>

#include "core/mamori-audit.h"
#include "core/mamori-calendar.h"
#include "core/mamori-date.h"
#include "core/mamori-template.h"
#include "mamori-audit-report.h"
#include "store/mamori-assessments.h"
#include "store/mamori-reviews.h"
#include "store/mamori-scopes.h"

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


/* The choice answered for an item (mamori_audit_tally's callback). */
static int
choice_of (const MamoriNode *item,
           gpointer          answers)
{
  MamoriAnswer *ans = g_hash_table_lookup (answers, item->ref_id);

  return ans ? ans->choice : -1;
}

/* A finding of the report: Mamori's grading, except that an item with a target level is met
 * when the level reached is at least the target (core/mamori-audit.h). */
static MamoriFinding
audit_finding (const MamoriChecklist *cl,
               const MamoriNode      *item,
               int                    choice)
{
  MamoriFinding f = mamori_assessment_grade (cl, item, choice);

  if (mamori_audit_uses_level (cl, item) && (f == MAMORI_FINDING_CONFORMING || f == MAMORI_FINDING_MINOR))
    return mamori_audit_result (cl, item, choice) == MAMORI_AUDIT_MET ? MAMORI_FINDING_CONFORMING : MAMORI_FINDING_GAP;
  return f;
}

/* An item's name as the report prints it, marked when Mamori rebuilt it. */
static char *
item_name (const MamoriNode *item,
           const char       *lang)
{
  gboolean en = g_strcmp0 (lang, "en") == 0;
  g_autofree char *text = cell (mamori_node_text (item, lang));

  if (!mamori_node_is_reconstructed (item))
    return g_steal_pointer (&text);
  return g_strdup_printf (en ? "%s (reconstructed by Mamori)" : "%s（Mamori による補完）", text);
}

/* The chapter audited, as printed. */
static char *
chapter_text (const MamoriNode *chapter,
              const char       *lang)
{
  if (chapter == NULL)
    return g_strdup (g_strcmp0 (lang, "en") == 0 ? "the whole checklist" : "チェックリスト全体");
  return cell (mamori_node_text (chapter, lang));
}

/* The report's header and its first paragraphs (the audit report template: date, addressee,
 * signatures; who audited what against which criteria, for which period). */
static void
write_header (GString               *md,
              GPtrArray             *dates,
              const MamoriAuditPlan *plan,
              const char            *criteria,
              const char            *scope,
              const char            *lang)
{
  gboolean en = g_strcmp0 (lang, "en") == 0;
  g_autofree char *today = mamori_today ();
  g_autofree char *addressee = cell (*plan->addressee ? plan->addressee : (en ? "(not given)" : "（未記入）"));
  g_autofree char *auditor = cell (*plan->auditor ? plan->auditor : (en ? "(not named)" : "（未記入）"));
  g_autofree char *assistant = cell (plan->assistant);
  const char *from = *plan->starts_on ? audit_date (dates, plan->starts_on, lang) : "…";
  const char *to = *plan->ends_on ? audit_date (dates, plan->ends_on, lang) : "…";
  const char *sign = en ? "Signature: ____________________" : "署名：＿＿＿＿＿＿＿＿＿＿";

  g_string_append (md, en ? "# Audit report\n\n" : "# 監査報告書\n\n");
  g_string_append_printf (md, "| %s | %s |\n|---|---|\n", en ? "Item" : "項目", en ? "Details" : "内容");
  g_string_append_printf (md, "| %s | %s |\n", en ? "Date" : "日付", audit_date (dates, today, lang));
  g_string_append_printf (md, "| %s | %s |\n", en ? "To" : "宛先", addressee);
  g_string_append_printf (md, "| %s | %s　%s |\n", en ? "Lead auditor" : "監査人", auditor, sign);
  if (*plan->assistant)
    g_string_append_printf (md, "| %s | %s　%s |\n", en ? "Assistant auditor" : "監査補助者", assistant, sign);
  g_string_append (md, "\n");
  if (en)
    g_string_append_printf (md, "The audit team (lead auditor %s%s%s) audited how technical information is managed in %s, "
                                "for the period from %s to %s, against %s. The auditor is responsible for the opinion "
                                "below, which rests on the results of the procedures carried out.\n\n"
                                "The audit followed those criteria. It examined whether suitable controls against leaks of "
                                "technical information have been adopted and work as intended, using the procedures "
                                "(review, observation, interview) the auditor judged necessary, and the auditor considers "
                                "that they give a reasonable basis for the opinion.\n\n",
                            auditor, *plan->assistant ? ", assistant auditor " : "", assistant, scope, from, to, criteria);
  else
    {
      g_autofree char *team = *plan->assistant ? g_strdup_printf ("%s（監査補助者 %s）", auditor, assistant) : g_strdup (auditor);
      g_string_append_printf (md, "監査人 %s は、%s を基準として、%s から %s までの期間について、%s における"
                                  "技術情報の管理の状況を監査しました。以下の意見は、実施した手続の結果をもとに、"
                                  "監査人が責任をもって述べるものです。\n\n"
                                  "監査は上の基準に沿って行い、技術情報の漏えいを防ぐための管理策が採られ、ねらいどおりに"
                                  "働いているかを確かめました。手続（閲覧・観察・質問）は監査人が必要と判断したものを選んでおり、"
                                  "意見を述べる合理的な根拠が得られたと考えています。\n\n",
                              team, criteria, from, to, scope);
    }
}

/* The parts of the report that follow the template when the assessment has an audit plan. */
typedef struct {
  const MamoriChecklist *cl;
  const MamoriAuditPlan *plan;
  const char *chapter;               /* NULL: the whole checklist */
  const MamoriNode *chapter_node;
  const char *lang;
  gboolean en;
  GPtrArray *dates;
} Audit;

/* Results by chapter and section: met, not met, not applicable, not answered. */
static void
write_results (GString    *md,
               Audit      *A,
               GHashTable *answers)
{
  g_autoptr(GPtrArray) tallies = mamori_audit_tally (A->cl, A->chapter, choice_of, answers);
  gboolean levels = FALSE;

  for (guint i = 0; i < A->cl->items->len && !levels; i++)
    levels = mamori_node_get_target_level (A->cl->items->pdata[i]) > 0;
  g_string_append (md, A->en ? "## Results by chapter and section\n\n" : "## 章・節ごとの結果\n\n");
  g_string_append (md, levels ? (A->en ? "A procedure is met when the level reached is at least its target level; where the answers give no level, only the best answer meets it.\n\n"
                                       : "手続は、到達したレベルが目標の到達レベル以上のとき「達成」です。回答がレベルを表さない場合は、最もよい回答だけを達成とします。\n\n")
                              : (A->en ? "A procedure is met when it has the best answer of its scale.\n\n"
                                       : "手続は、選択肢の中で最もよい回答のとき「達成」です。\n\n"));
  if (tallies->len == 0)
    {
      g_string_append (md, A->en ? "The checklist has no chapters.\n\n" : "このチェックリストには章がありません。\n\n");
      return;
    }
  g_string_append_printf (md, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n",
                          A->en ? "Chapter / section" : "章・節", A->en ? "Met" : "達成", A->en ? "Not met" : "未達",
                          A->en ? "Not applicable" : "対象外", A->en ? "Not answered" : "未回答");
  for (guint i = 0; i < tallies->len; i++)
    {
      MamoriAuditTally *t = tallies->pdata[i];
      g_autofree char *name = cell (mamori_node_text (t->node, A->lang));
      g_string_append_printf (md, t->section ? "| 　%s | %u | %u | %u | %u |\n" : "| **%s** | %u | %u | %u | %u |\n", name,
                              t->counts[MAMORI_AUDIT_MET], t->counts[MAMORI_AUDIT_NOT_MET],
                              t->counts[MAMORI_AUDIT_NOT_APPLICABLE], t->counts[MAMORI_AUDIT_NOT_ANSWERED]);
    }
  g_string_append (md, "\n");
}

/* The audit record (監査記録): per procedure, the techniques and what was confirmed. */
static void
write_record (GString    *md,
              Audit      *A,
              GHashTable *checks)
{
  g_string_append (md, A->en ? "# Annex: audit record\n\n" : "# 付録: 監査記録\n\n");
  g_string_append (md, A->en ? "Techniques in brackets were planned (the procedure's own); nothing was recorded for that procedure yet.\n\n"
                             : "括弧内の確かめ方は予定（手続に定めたもの）で、その手続の記録はまだありません。\n\n");
  g_string_append_printf (md, "| %s | %s | No. | %s | %s | %s |\n|---|---|---|---|---|---|\n",
                          A->en ? "Chapter" : "章", A->en ? "Section" : "節", A->en ? "Procedure" : "手続",
                          A->en ? "Techniques" : "確かめ方", A->en ? "What was confirmed" : "確認内容");
  for (guint i = 0; i < A->cl->items->len; i++)
    {
      const MamoriNode *item = A->cl->items->pdata[i];
      const MamoriNode *chapter = mamori_audit_chapter_of (item);
      const MamoriNode *section = mamori_audit_section_of (item);
      MamoriAuditCheck *check;
      g_autofree char *ch = NULL, *sec = NULL, *name = NULL, *how = NULL, *what = NULL;

      if (!mamori_audit_in_audit (A->chapter, item))
        continue;
      check = g_hash_table_lookup (checks, item->ref_id);
      ch = chapter ? cell (chapter->ref_id) : g_strdup ("—");
      sec = section ? cell (mamori_node_text (section, A->lang)) : g_strdup ("—");
      name = item_name (item, A->lang);
      if (check != NULL)
        how = mamori_audit_techniques_text (check->techniques, A->lang);
      else
        {
          g_autofree char *planned = mamori_audit_techniques_text (mamori_audit_default_techniques (item), A->lang);
          how = g_strdup_printf (A->en ? "(%s)" : "（%s）", planned);
        }
      what = cell (check && *check->confirmed ? check->confirmed : "—");
      g_string_append_printf (md, "| %s | %s | %s | %s | %s | %s |\n", ch, sec, item->ref_id, name, how, what);
    }
  g_string_append (md, "\n");
}

/* The statement of applicability: the assessment's scope version. */
static gboolean
write_applicability (GString          *md,
                     Audit            *A,
                     MamoriWorkspace  *self,
                     gint64            id,
                     GError          **error)
{
  gint64 scope_id = mamori_workspace_get_assessment_scope (self, id, error);
  g_autoptr(MamoriScope) scope = NULL;

  if (scope_id < 0)
    return FALSE;
  g_string_append (md, A->en ? "# Annex: statement of applicability\n\n" : "# 付録: 適用宣言書\n\n");
  if (scope_id == 0)
    {
      g_string_append (md, A->en ? "No scope was chosen for this assessment: every procedure applies.\n\n"
                                 : "この診断では適用範囲を選んでいないため、すべての手続を適用しています。\n\n");
      return TRUE;
    }
  scope = mamori_workspace_get_scope (self, scope_id, error);
  if (scope == NULL)
    return FALSE;
  {
    g_autofree char *by = cell (*scope->decided_by ? scope->decided_by : "—");
    g_string_append_printf (md, A->en ? "Scope version %d, decided on %s by %s.\n\n" : "適用範囲 第 %d 版（%s 決定、決定者 %s）。\n\n",
                            scope->number, audit_date (A->dates, scope->decided_on, A->lang), by);
  }
  if (*scope->note)
    {
      g_autofree char *note = cell (scope->note);
      g_string_append_printf (md, "%s\n\n", note);
    }
  {
    guint n = 0;
    for (guint i = 0; i < scope->entries->len; i++)
      {
        MamoriScopeEntry *e = scope->entries->pdata[i];
        const MamoriNode *item = mamori_checklist_find_item (A->cl, e->ref);
        g_autofree char *name = item ? item_name (item, A->lang) : cell (e->ref);
        g_autofree char *reason = cell (*e->reason ? e->reason : "—");
        if (e->kind != MAMORI_SCOPE_EXCLUDED)
          continue;
        if (n++ == 0)
          g_string_append_printf (md, "%s\n\n| No. | %s | %s |\n|---|---|---|\n",
                                  A->en ? "Optional measures left out, with the reason for each:" : "適用しない任意の措置と、その理由：",
                                  A->en ? "Procedure" : "手続", A->en ? "Reason" : "理由");
        g_string_append_printf (md, "| %s | %s | %s |\n", e->ref, name, reason);
      }
    if (n == 0)
      g_string_append (md, A->en ? "No optional measure is left out: every procedure applies.\n" : "適用しない任意の措置はなく、すべての手続を適用しています。\n");
    for (guint i = 0; i < scope->entries->len; i++)
      {
        MamoriScopeEntry *e = scope->entries->pdata[i];
        const MamoriImplementationGroup *g = mamori_checklist_find_group (A->cl, e->ref);
        g_autofree char *name = cell (g ? mamori_text_get (g->name, A->lang) : e->ref);
        if (e->kind == MAMORI_SCOPE_GROUP)
          g_string_append_printf (md, A->en ? "\n- Group in scope: %s" : "\n- 対象のグループ：%s", name);
      }
    g_string_append (md, "\n\n");
  }
  return TRUE;
}

/* The opinion: the auditor's, or a draft from the results for the auditor to confirm. */
static void
write_opinion (GString    *md,
               Audit      *A,
               const char *criteria,
               guint       n_findings)
{
  g_string_append (md, A->en ? "# Audit opinion\n\n" : "# 監査意見\n\n");
  if (*A->plan->opinion)
    {
      g_autofree char *opinion = cell (A->plan->opinion);
      g_string_append_printf (md, "%s\n\n", opinion);
      return;
    }
  if (n_findings == 0)
    g_string_append_printf (md, A->en ? "Draft: within the scope and period audited, technical information is managed in line with %s.\n\n"
                                      : "（案）監査した範囲と期間において、技術情報は %s に沿って管理されていると判断します。\n\n", criteria);
  else
    g_string_append_printf (md, A->en ? (n_findings == 1 ? "Draft: within the scope and period audited, technical information is managed in line with %s, except for the finding above.\n\n"
                                                           : "Draft: within the scope and period audited, technical information is managed in line with %s, except for the %u findings above.\n\n")
                                      : "（案）監査した範囲と期間において、上記の指摘事項 %2$u 件を除き、技術情報は %1$s に沿って管理されていると判断します。\n\n",
                            criteria, n_findings);
  g_string_append (md, A->en ? "*The auditor has not written an opinion yet; this draft follows from the results. The auditor confirms or rewrites it in the audit plan.*\n\n"
                             : "*監査人がまだ意見を記入していないため、結果から作った案を示しています。監査人が監査計画で確かめ、書き直してください。*\n\n");
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
  g_autoptr(GHashTable) checks = NULL;
  g_autoptr(MamoriAuditPlan) plan = NULL;
  gboolean en = g_strcmp0 (lang, "en") == 0;
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *criteria = NULL, *scope_text = NULL;
  Audit A = { cl, NULL, NULL, NULL, lang, en, dates };
  guint counts[5] = { 0 };
  guint n_findings = 0;
  GString *md;
  MamoriScore total, *per_group;
  const MamoriBand *band;

  if (actions == NULL)
    return NULL;
  plan = mamori_workspace_get_audit_plan (self, id, error);
  if (plan == NULL && error != NULL && *error != NULL)
    return NULL;
  if (plan != NULL && (checks = mamori_workspace_get_audit_checks (self, id, error)) == NULL)
    return NULL;
  if (plan != NULL && *plan->auditor)
    auditor = plan->auditor;
  if (plan != NULL)
    {
      g_autofree char *name = cell (mamori_text_get (cl->name, lang));
      g_autofree char *chapter = NULL;
      A.plan = plan;
      A.chapter_node = mamori_audit_find_chapter (cl, plan->chapter);
      A.chapter = A.chapter_node ? A.chapter_node->ref_id : NULL;
      chapter = chapter_text (A.chapter_node, lang);
      criteria = *plan->criteria ? cell (plan->criteria) : g_strdup_printf (en ? "“%s”" : "「%s」", name);
      if (*plan->scope)
        {
          g_autofree char *text = cell (plan->scope);
          scope_text = g_strdup_printf (en ? "%s (%s)" : "%s（%s）", text, chapter);
        }
      else
        scope_text = g_strdup (chapter);
    }
  per_group = g_new0 (MamoriScore, MAX (cl->groups->len, 1));
  mamori_assessment_score (cl, answers, &total, per_group);
  band = mamori_checklist_band (cl, total.score);
  md = g_string_new (NULL);

  if (plan != NULL)
    write_header (md, dates, plan, criteria, scope_text, lang);
  g_string_append_printf (md, en ? "# Scope\n\n" : "# 監査の概要\n\n");
  if (plan != NULL)
    {
      g_autofree char *purpose = cell (*plan->purpose ? plan->purpose
                                       : en ? "To check, from a position independent of the work, that the controls against leaks of technical information are in place and work as decided, and to find what should improve."
                                            : "技術情報の漏えいを防ぐ管理策が、決めたとおりに整い働いているかを、業務から独立した立場で確かめ、改善すべき点を見つけること。");
      g_string_append_printf (md, en ? "## Purpose\n\n%s\n\n## Criteria\n\n%s\n\n## Scope, period and auditors\n\n"
                                     : "## 監査の目的\n\n%s\n\n## 監査の基準\n\n%s\n\n## 監査の範囲・期間・監査人\n\n", purpose, criteria);
    }
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
        g_autofree char *own = cell (*plan->auditor_unit ? plan->auditor_unit : "—");
        g_autofree char *assistant = cell (*plan->assistant ? plan->assistant : "—");
        g_autofree char *independence = cell (plan->independence);
        g_autofree char *chapter = chapter_text (A.chapter_node, lang);
        guint n = 0;
        for (guint i = 0; i < cl->items->len; i++)
          n += mamori_audit_in_audit (A.chapter, cl->items->pdata[i]);
        g_string_append_printf (md, "| %s | %s |\n", en ? "Assistant auditor" : "監査補助者", assistant);
        g_string_append_printf (md, "| %s | %s |\n", en ? "Auditor’s own unit" : "監査人の所属", own);
        g_string_append_printf (md, "| %s | %s |\n", en ? "Audit scope" : "監査の範囲", scope);
        g_string_append_printf (md, en ? "| %s | %s (%u procedures) |\n" : "| %s | %s（%u 手続） |\n",
                                en ? "Chapter audited" : "監査した章", chapter, n);
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
  if (plan != NULL && plan->independence_confirmed)
    {
      g_string_append (md, en ? "The auditor confirmed their independence of the audited unit:\n\n" : "監査人は、監査される部門からの独立性について次を確認しています。\n\n");
      for (guint i = 0; i < MAMORI_AUDIT_N_INDEPENDENCE; i++)
        g_string_append_printf (md, "- %s\n", mamori_audit_independence_check (i, lang));
      g_string_append (md, "\n");
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
        MamoriFinding finding;
        g_autofree char *name = NULL, *note = NULL, *answer = NULL;
        g_autoptr(GString) files = NULL;

        /* An audit of one chapter reports that chapter's procedures only. */
        if (plan != NULL && !mamori_audit_in_audit (A.chapter, item))
          continue;
        finding = audit_finding (cl, item, choice);
        name = item_name (item, lang);
        note = cell (ans ? ans->note : "");
        answer = cell (choice >= 0 && (guint) choice < scale->len
                       ? mamori_text_get (((MamoriChoice *) scale->pdata[choice])->name, lang) : "");
        if (mamori_node_get_target_level (item) > 0)
          {
            /* The level reached against the target (tech-info criteria). */
            char *with = g_strdup_printf (en ? "%s%s(target level %d)" : "%s%s（目標レベル %d）", answer, *answer ? " " : "",
                                          mamori_node_get_target_level (item));
            g_free (answer);
            answer = with;
          }
        files = g_string_new (NULL);
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
            n_findings++;
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
    if (A.chapter == NULL)
      g_string_append_printf (md, en ? "Score: **%g** of %g (%u of %u items answered).%s%s\n\n"
                                     : "点数: **%g** 点（満点 %g 点、%u / %u 項目に回答）。%s%s\n\n",
                              total.score, total.max, total.n_answered, total.n_items,
                              band ? " " : "", band ? mamori_text_get (band->description, lang) : "");
    else
      {
        /* The checklist's score covers every chapter: an audit of one reports its counts only. */
        g_autofree char *chapter = chapter_text (A.chapter_node, lang);
        g_string_append_printf (md, en ? "Only %s is audited: the counts below are its procedures.\n\n"
                                       : "監査したのは %s だけです。次の数はその章の手続のものです。\n\n", chapter);
      }
    g_string_append_printf (md, "| %s | %s |\n|---|---|\n", en ? "Finding" : "判定", en ? "Items" : "項目数");
    for (guint f = 0; f < G_N_ELEMENTS (counts); f++)
      g_string_append_printf (md, "| %s | %u |\n", mamori_finding_label (f, lang), counts[f]);
    g_string_append (md, "\n");
    for (guint g = 0; g < cl->groups->len && A.chapter == NULL; g++)
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

    if (plan != NULL)
      write_results (md, &A, answers);
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

    if (plan != NULL)
      write_opinion (md, &A, criteria, n_findings);

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

  if (plan != NULL)
    {
      write_record (md, &A, checks);
      if (!write_applicability (md, &A, self, id, error))
        {
          g_free (per_group);
          g_string_free (md, TRUE);
          return NULL;
        }
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
