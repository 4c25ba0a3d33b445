/* mamori-criteria-report.c — the result report of an assessment answered by level. */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-criteria-report.h"
#include "core/mamori-date.h"
#include "core/mamori-profile.h"
#include "core/mamori-template.h"
#include "store/mamori-assessments.h"

#define T(ja, en) (en_ ? (en) : (ja))

static char *
esc (const char *text)
{
  return mamori_template_escape (text);
}

static char *
node_cell (const MamoriNode *node,
           const char       *lang)
{
  g_autofree char *text = esc (mamori_node_text (node, lang));
  gboolean en_ = g_str_equal (lang, "en");

  if (mamori_node_is_reconstructed (node))
    return g_strconcat (text, T ("（Mamori による補完）", " (reconstructed by Mamori)"), NULL);
  return g_steal_pointer (&text);
}

static void
counts_row (GString                   *md,
            const char                *label,
            const guint               *n,
            guint                      gap_levels)
{
  g_string_append_printf (md, "| %s | %u | %u | %u | %u | %u | %u |\n", label,
                          n[MAMORI_CRITERION_MET], n[MAMORI_CRITERION_NOT_MET], gap_levels,
                          n[MAMORI_CRITERION_NOT_ANSWERED], n[MAMORI_CRITERION_NOT_APPLICABLE],
                          n[MAMORI_CRITERION_OUT_OF_SCOPE]);
}

static void
refs_list (GString    *md,
           GPtrArray  *refs)
{
  for (guint i = 0; i < refs->len; i++)
    g_string_append_printf (md, "%s%s", i ? ", " : "", (const char *) refs->pdata[i]);
}

void
mamori_criteria_report_append_applicability (GString               *md,
                                             const MamoriChecklist *checklist,
                                             const MamoriScope     *scope,
                                             const char            *lang)
{
  gboolean en_ = g_str_equal (lang, "en");
  guint n_out = 0;

  g_string_append (md, T ("# 適用宣言（選択した措置）\n\n", "# Statement of applicability\n\n"));
  if (scope == NULL)
    {
      g_string_append (md, T ("範囲の版は決められていません。すべての措置を対象として評価しました。\n\n",
                              "No scope version was decided: every measure was assessed.\n\n"));
      return;
    }
  {
    g_autofree char *date = mamori_date_format (scope->decided_on, lang, mamori_date_get_default_style ());
    g_autofree char *by = esc (scope->decided_by && *scope->decided_by ? scope->decided_by : "—");
    g_string_append_printf (md, T ("範囲の第 %d 版（%s 決定、決定者：%s）によります。",
                                   "Scope version %d, decided on %s by %s."), scope->number, date, by);
    if (scope->note != NULL && *scope->note)
      {
        g_autofree char *note = esc (scope->note);
        g_string_append_printf (md, " %s", note);
      }
    g_string_append (md, "\n\n");
  }
  for (guint i = 0; i < scope->entries->len; i++)
    if (((MamoriScopeEntry *) scope->entries->pdata[i])->kind == MAMORI_SCOPE_GROUP)
      {
        const MamoriScopeEntry *e = scope->entries->pdata[i];
        const MamoriImplementationGroup *g = mamori_checklist_find_group (checklist, e->ref);
        g_autofree char *name = esc (g ? mamori_text_get (g->name, lang) : e->ref);
        g_string_append_printf (md, T ("- 対象のグループ：%s\n", "- Group in scope: %s\n"), name);
      }
  for (guint i = 0; i < scope->entries->len; i++)
    n_out += ((MamoriScopeEntry *) scope->entries->pdata[i])->kind == MAMORI_SCOPE_EXCLUDED;
  if (n_out == 0)
    {
      g_string_append (md, T ("\n対象外とした措置はありません。\n\n", "\nNo measure was left out.\n\n"));
      return;
    }
  g_string_append_printf (md, T ("\n次の %u 件の措置は必要ないと判断し、対象外としました（基準Ⅰ第二2）。ほかの措置はすべて対象です。\n\n",
                                 "\nThe %u measures below were decided not to be needed and were left out (criteria Ⅰ第二2). Every other measure applies.\n\n"),
                          n_out);
  g_string_append (md, T ("| ID | 措置 | 対象外とした理由 |\n|---|---|---|\n", "| ID | Measure | Why it is left out |\n|---|---|---|\n"));
  for (guint i = 0; i < scope->entries->len; i++)
    {
      const MamoriScopeEntry *e = scope->entries->pdata[i];
      const MamoriNode *item;
      g_autofree char *name = NULL, *reason = NULL, *ref = NULL;

      if (e->kind != MAMORI_SCOPE_EXCLUDED)
        continue;
      item = mamori_checklist_find_item (checklist, e->ref);
      name = item ? node_cell (item, lang) : g_strdup ("");
      reason = esc (e->reason);
      ref = esc (e->ref);
      g_string_append_printf (md, "| %s | %s | %s |\n", ref, name, reason);
    }
  g_string_append (md, "\n");
}

char *
mamori_criteria_report_markdown (MamoriWorkspace       *ws,
                                 const MamoriChecklist *checklist,
                                 gint64                 assessment,
                                 const char            *lang,
                                 GError               **error)
{
  gboolean en_ = g_str_equal (lang, "en");
  g_autoptr(MamoriAssessment) a = NULL;
  g_autoptr(MamoriScope) scope = NULL;
  g_autoptr(MamoriCriteria) c = NULL;
  g_autoptr(GString) md = g_string_new (NULL);
  guint applicable;

  if (!mamori_criteria_applies (checklist))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not answered by level: its result report is the audit report."), checklist->id);
      return NULL;
    }
  if ((a = mamori_workspace_get_assessment (ws, assessment, error)) == NULL ||
      (c = mamori_workspace_assessment_criteria (ws, checklist, assessment, &scope, error)) == NULL)
    return NULL;
  applicable = c->n_items - c->n[MAMORI_CRITERION_NOT_APPLICABLE] - c->n[MAMORI_CRITERION_OUT_OF_SCOPE];

  /* Overview */
  {
    g_autofree char *date = mamori_date_format (a->assessed_on, lang, mamori_date_get_default_style ());
    g_autofree char *name = esc (mamori_text_get (checklist->name, lang));
    g_autofree char *who = esc (*a->respondent ? a->respondent : "—");
    g_autofree char *scope_text = scope ? g_strdup_printf (T ("第 %d 版", "version %d"), scope->number)
                                        : g_strdup (T ("なし（すべての措置）", "none (every measure)"));

    g_string_append (md, T ("# 概要\n\n", "# Overview\n\n"));
    g_string_append (md, T ("| 項目 | 内容 |\n|---|---|\n", "| Item | Details |\n|---|---|\n"));
    g_string_append_printf (md, "| %s | %s |\n", T ("チェックリスト", "Checklist"), name);
    g_string_append_printf (md, "| %s | %s |\n", T ("実施日", "Assessed on"), date);
    g_string_append_printf (md, "| %s | %s |\n", T ("回答者", "Respondent"), who);
    g_string_append_printf (md, "| %s | %s |\n", T ("状態", "State"), a->completed ? T ("完了", "Completed") : T ("回答中", "In progress"));
    g_string_append_printf (md, "| %s | %s |\n", T ("範囲", "Scope"), scope_text);
    g_string_append_printf (md, T ("| 達成 | %u 件（対象 %u 件） |\n", "| Met | %u of %u |\n"), c->n[MAMORI_CRITERION_MET], applicable);
    g_string_append_printf (md, "| %s | %s |\n\n", T ("認証の区分", "Tier"),
                            c->gold ? T ("ゴールドを満たす回答", "The answers support Gold")
                            : c->silver ? T ("シルバーを満たす回答", "The answers support Silver")
                            : T ("どちらもまだ満たさない", "Neither tier yet"));
    g_string_append (md, T ("手続は、到達したレベルが目標の到達レベル以上のとき達成とします（目標のない手続はレベル 1）。"
                            "原資料で失われた ID 1・2・5・200 は Mamori が基準の構成から補ったもので、その旨を記しています。\n\n",
                            "A procedure is met when the level reached is at least its target level (level 1 for a procedure "
                            "without one). IDs 1, 2, 5 and 200 are lost in the source; Mamori reconstructed them from the "
                            "structure of the criteria and marks them so.\n\n"));
  }

  /* Tier */
  {
    struct { const char *name; const char *what; gboolean ok; GPtrArray *missing; } tiers[] = {
      { T ("シルバー（自己適合宣言）", "Silver (self-declaration)"),
        T ("常に必要な手続がすべて達成または該当しない", "every always-required procedure is met or not applicable"),
        c->silver, c->silver_missing },
      { T ("ゴールド（現地審査あり）", "Gold (with an on-site audit)"),
        T ("範囲内の手続がすべて達成または該当しない", "every procedure in scope is met or not applicable"),
        c->gold, c->gold_missing },
    };

    g_string_append (md, T ("# 認証の区分\n\n", "# Certification tier\n\n"));
    g_string_append (md, T ("回答が支える区分を示します。認証するかどうかは認証機関が決めます。\n\n",
                            "What the answers support; the certification body decides.\n\n"));
    for (guint t = 0; t < G_N_ELEMENTS (tiers); t++)
      {
        g_string_append_printf (md, "- **%s**: %s", tiers[t].name,
                                tiers[t].ok ? T ("満たしています（", "supported (") : T ("まだです（", "not yet ("));
        g_string_append_printf (md, "%s%s", tiers[t].what, T ("）。", ")."));
        if (!tiers[t].ok)
          {
            g_string_append_printf (md, T (" 足りない手続 %u 件：", " %u procedures missing: "), tiers[t].missing->len);
            for (guint i = 0; i < tiers[t].missing->len; i++)
              g_string_append_printf (md, "%s%s", i ? ", " : "", ((MamoriNode *) tiers[t].missing->pdata[i])->ref_id);
          }
        g_string_append (md, "\n");
      }
    g_string_append (md, "\n");
  }

  /* Per chapter and section */
  g_string_append (md, T ("# 章・節ごとの結果\n\n", "# Results by chapter and section\n\n"));
  g_string_append (md, T ("| 章・節 | 達成 | 未達 | 不足レベル | 未回答 | 該当しない | 対象外 |\n|---|---|---|---|---|---|---|\n",
                          "| Chapter or section | Met | Not met | Levels short | Not answered | Not applicable | Out of scope |\n|---|---|---|---|---|---|---|\n"));
  for (guint i = 0; i < c->chapters->len; i++)
    {
      const MamoriCriteriaGroup *ch = c->chapters->pdata[i];
      g_autofree char *name = esc (mamori_node_text (ch->node, lang));
      g_autofree char *bold = g_strdup_printf ("**%s**", name);

      counts_row (md, bold, ch->n, ch->gap_levels);
      for (guint k = 0; k < c->sections->len; k++)
        {
          const MamoriCriteriaGroup *sec = c->sections->pdata[k];
          const MamoriNode *top = sec->node;
          g_autofree char *sname = NULL;
          while (top->parent != NULL)
            top = top->parent;
          if (top != ch->node)
            continue;
          sname = esc (mamori_node_text (sec->node, lang));
          counts_row (md, sname, sec->n, sec->gap_levels);
        }
    }
  {
    g_autofree char *all = g_strdup_printf ("**%s**", T ("合計", "Total"));
    counts_row (md, all, c->n, c->gap_levels);
  }
  g_string_append (md, "\n");

  /* Chapter × level */
  g_string_append (md, T ("# 章ごとの到達レベル\n\n", "# Levels reached by chapter\n\n"));
  g_string_append (md, T ("回答した手続の数を、到達したレベルごとに示します（0 は未到達）。\n\n",
                          "The procedures answered, by the level reached (0: not reached).\n\n"));
  g_string_append (md, T ("| 章 |", "| Chapter |"));
  for (int l = 0; l <= MAMORI_TARGET_LEVEL_MAX; l++)
    g_string_append_printf (md, " %d |", l);
  g_string_append (md, "\n|---|");
  for (int l = 0; l <= MAMORI_TARGET_LEVEL_MAX; l++)
    g_string_append (md, "---|");
  g_string_append (md, "\n");
  for (guint i = 0; i < c->chapters->len; i++)
    {
      const MamoriCriteriaGroup *ch = c->chapters->pdata[i];
      g_autofree char *name = esc (mamori_node_text (ch->node, lang));
      g_string_append_printf (md, "| %s |", name);
      for (int l = 0; l <= MAMORI_TARGET_LEVEL_MAX; l++)
        if (ch->by_level[l] > 0)
          g_string_append_printf (md, " %u |", ch->by_level[l]);
        else
          g_string_append (md, " · |");
      g_string_append (md, "\n");
    }
  g_string_append (md, "\n");

  /* Gaps */
  g_string_append (md, T ("# 未達と未回答の手続\n\n", "# Procedures not met or not answered\n\n"));
  if (c->gold_missing->len == 0)
    g_string_append (md, T ("範囲内の手続はすべて達成しています。\n\n", "Every procedure in scope is met.\n\n"));
  else
    {
      g_string_append (md, T ("| ID | 手続 | 到達 | 目標 | 不足 |\n|---|---|---|---|---|\n",
                              "| ID | Procedure | Reached | Target | Short by |\n|---|---|---|---|---|\n"));
      for (guint i = 0; i < c->n_items; i++)
        {
          const MamoriCriterionResult *r = &c->results[i];
          g_autofree char *name = NULL;
          g_autofree char *reached = NULL;
          g_autofree char *short_by = NULL;

          if (r->state != MAMORI_CRITERION_NOT_MET && r->state != MAMORI_CRITERION_NOT_ANSWERED)
            continue;
          name = node_cell (r->item, lang);
          reached = r->state == MAMORI_CRITERION_NOT_ANSWERED ? g_strdup (T ("未回答", "not answered"))
                    : r->reached == 0 ? g_strdup (T ("未到達", "not reached")) : g_strdup_printf ("%d", r->reached);
          short_by = r->state == MAMORI_CRITERION_NOT_MET ? g_strdup_printf ("%d", r->gap) : g_strdup ("—");
          g_string_append_printf (md, "| %s | %s | %s | %d | %s |\n", r->item->ref_id, name, reached, r->target, short_by);
        }
      g_string_append (md, "\n");
    }

  /* Lacking rules and records */
  g_string_append (md, T ("# まだ示していない規程と記録\n\n", "# Rules and records still to show\n\n"));
  if (c->lacking->len == 0)
    g_string_append (md, T ("範囲内の手続が名前を挙げる規程と記録には、すべて証跡ファイルがあります。\n\n",
                            "Every rule and record the procedures in scope name has an evidence file.\n\n"));
  else
    {
      g_string_append (md, T ("範囲内で該当する手続が名前を挙げ、まだどの証跡ファイルも示していないものです。\n\n",
                              "Named by the applicable procedures in scope and not yet shown by any evidence file.\n\n"));
      g_string_append (md, T ("| 名前 | 種類 | 手続の数 | 手続 |\n|---|---|---|---|\n", "| Name | Kind | Procedures | IDs |\n|---|---|---|---|\n"));
      for (guint i = 0; i < c->lacking->len; i++)
        {
          const MamoriCriteriaLack *lack = c->lacking->pdata[i];
          g_autofree char *name = esc (lack->name);
          g_string_append_printf (md, "| %s | %s | %u | ", name, lack->is_rule ? T ("規程", "rule") : T ("記録など", "record"),
                                  lack->refs->len);
          refs_list (md, lack->refs);
          g_string_append (md, " |\n");
        }
      g_string_append (md, "\n");
    }

  mamori_criteria_report_append_applicability (md, checklist, scope, lang);
  return g_string_free (g_steal_pointer (&md), FALSE);
}

MamoriReport *
mamori_criteria_report_new (MamoriWorkspace       *ws,
                            const MamoriChecklist *checklist,
                            gint64                 assessment,
                            const char            *today,
                            const char            *lang,
                            GError               **error)
{
  gboolean en_ = g_strcmp0 (lang, "en") == 0;
  g_autoptr(MamoriProfile) profile = mamori_workspace_get_profile (ws, error);
  g_autofree char *markdown = NULL;
  g_autofree char *title = NULL;

  if (profile == NULL)
    return NULL;
  markdown = mamori_criteria_report_markdown (ws, checklist, assessment, en_ ? "en" : "ja", error);
  if (markdown == NULL)
    return NULL;
  title = g_strdup_printf (T ("評価結果報告書 — %s", "Assessment result — %s"), mamori_text_get (checklist->name, en_ ? "en" : "ja"));
  return mamori_report_new_markdown (profile->name, title, today, en_ ? "en" : "ja", markdown);
}
