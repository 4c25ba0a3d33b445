/* mamori-register-report.c — the registers in the management-review and audit reports:
 * incidents, exceptions, accepted risks, training and pledges, suppliers */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/mamori-calendar.h"
#include "core/mamori-date.h"
#include "core/mamori-register.h"
#include "core/mamori-template.h"
#include "core/mamori-training.h"
#include "mamori-register-report.h"
#include "store/mamori-registers.h"

/* Report text follows the report's language, not the user's locale. */
#define TR(text_ja, text_en) (W->en ? (text_en) : (text_ja))

struct _MamoriRegisterReport {
  char *today;
  char *soon;                 /* today + MAMORI_REGISTER_REPORT_SOON_DAYS */
  char *next_review;          /* today + 1 year */
  char *fiscal_start;         /* the first day of today's fiscal year */
  GPtrArray *incidents, *updates, *notices, *measures;
  GPtrArray *exceptions, *acceptances;
  GPtrArray *people, *trainings, *attendance, *pledges;
  GPtrArray *suppliers;
  GHashTable *assets;         /* asset id → label */
  GPtrArray *statuses;        /* MamoriTrainingStatus* */
  MamoriTrainingCoverage coverage;
};

void
mamori_register_report_free (MamoriRegisterReport *r)
{
  if (r == NULL)
    return;
  g_free (r->today);
  g_free (r->soon);
  g_free (r->next_review);
  g_free (r->fiscal_start);
  GPtrArray **lists[] = { &r->incidents, &r->updates, &r->notices, &r->measures, &r->exceptions, &r->acceptances,
                          &r->people, &r->trainings, &r->attendance, &r->pledges, &r->suppliers, &r->statuses };
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_clear_pointer (lists[i], g_ptr_array_unref);
  g_clear_pointer (&r->assets, g_hash_table_unref);
  g_free (r);
}

MamoriRegisterReport *
mamori_register_report_new (MamoriWorkspace *ws,
                            const char      *today,
                            GError         **error)
{
  g_autoptr(MamoriRegisterReport) r = g_new0 (MamoriRegisterReport, 1);
  const struct { const char *key; GPtrArray **list; } lists[] = {
    { "incidents", &r->incidents }, { "incident_updates", &r->updates }, { "incident_notices", &r->notices },
    { "incident_measures", &r->measures }, { "exceptions", &r->exceptions }, { "acceptances", &r->acceptances },
    { "people", &r->people }, { "trainings", &r->trainings }, { "attendance", &r->attendance },
    { "pledges", &r->pledges }, { "suppliers", &r->suppliers } };
  int month = mamori_workspace_fiscal_start_month (ws);

  r->today = g_strdup (today);
  r->soon = mamori_date_add_days (today, MAMORI_REGISTER_REPORT_SOON_DAYS);
  r->next_review = mamori_date_add_years (today, 1);
  r->fiscal_start = mamori_fiscal_year_start (today, month);
  if (r->soon == NULL || r->next_review == NULL || r->fiscal_start == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "not a date: %s", today);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      *lists[i].list = mamori_workspace_list_records (ws, mamori_register_lookup (lists[i].key), 0, error);
      if (*lists[i].list == NULL)
        return NULL;
    }
  r->assets = mamori_workspace_ref_labels (ws, "asset", error);
  if (r->assets == NULL)
    return NULL;
  r->statuses = mamori_training_statuses (r->people, r->trainings, r->attendance, r->pledges, today, month);
  mamori_training_coverage (r->statuses, &r->coverage);
  return g_steal_pointer (&r);
}

/* --- writing -------------------------------------------------------------------------------- */

typedef struct {
  MamoriRegisterReport *r;
  GString *md;
  gboolean en;
  const char *lang;
  MamoriDateStyle style;
  GPtrArray *strings;        /* text the lines point into, freed with the writer */
} Writer;

static void
writer_init (Writer               *W,
             MamoriRegisterReport *r,
             GString              *md,
             const char           *lang)
{
  W->r = r;
  W->md = md;
  W->en = g_strcmp0 (lang, "en") == 0;
  W->lang = W->en ? "en" : "ja";
  W->style = mamori_date_get_default_style ();
  W->strings = g_ptr_array_new_with_free_func (g_free);
}

static const char *
keep (Writer *W,
      char   *text)
{
  g_ptr_array_add (W->strings, text);
  return text;
}

/* A date (or the date of a YYYY-MM-DD HH:MM time) as the report prints it; "—" when empty. */
static const char *
date_text (Writer     *W,
           const char *date)
{
  g_autofree char *day = NULL;

  if (date == NULL || *date == '\0')
    return "—";
  day = g_strndup (date, 10);
  return keep (W, mamori_date_format (day, W->lang, W->style));
}

/* Text for a table cell. */
static const char *
cell (Writer     *W,
      const char *text)
{
  return keep (W, mamori_template_escape (text && *text ? text : "—"));
}

static const char *
field (Writer             *W,
       const MamoriRecord *record,
       const char         *key)
{
  return cell (W, mamori_record_get (record, key));
}

/* The choices the reports print, in both languages. */
static const struct {
  const char *key, *ja, *en;
} choice_words[] = {
  { "low", "低", "Low" }, { "medium", "中", "Medium" }, { "high", "高", "High" }, { "critical", "重大", "Critical" },
  { "reported", "受付", "Reported" }, { "triage", "初動判断", "Triage" }, { "responding", "対応中", "Responding" },
  { "recovered", "復旧済み", "Recovered" }, { "closed", "終結", "Closed" },
  { "pending", "審査中", "Pending" }, { "approved", "承認", "Approved" }, { "rejected", "却下", "Rejected" },
  { "all", "全員", "Everyone" }, { "access_holders", "管理対象情報を扱う人", "Access holders" },
  { "new_joiners", "新しく加わった人", "New joiners" },
  { "contractor", "委託先", "Contractor" }, { "cloud", "クラウドサービス", "Cloud service" },
};

static const char *
choice (Writer             *W,
        const MamoriRecord *record,
        const char         *key)
{
  const char *value = mamori_record_get (record, key);

  for (guint i = 0; i < G_N_ELEMENTS (choice_words); i++)
    if (g_str_equal (choice_words[i].key, value))
      return W->en ? choice_words[i].en : choice_words[i].ja;
  return cell (W, value);
}

static const char *
training_state_text (Writer              *W,
                     MamoriTrainingState  state)
{
  switch (state)
    {
    case MAMORI_TRAINING_DONE:
      return TR ("今年度の受講済み", "Trained this year");
    case MAMORI_TRAINING_DUE:
      return TR ("今年度はまだ受講していない", "Not trained yet this year");
    case MAMORI_TRAINING_JOINER_DUE:
      return TR ("新しく加わった人（3 か月以内に受講）", "New joiner: train within 3 months");
    case MAMORI_TRAINING_JOINER_OVERDUE:
      return TR ("新しく加わって 3 か月を過ぎても未受講", "New joiner not trained within 3 months");
    case MAMORI_TRAINING_REVOKE:
      return TR ("管理対象情報を扱う人の研修を受けていない：アクセス権を停止", "Missed the access holders’ training: revoke access");
    default:
      return "";
    }
}

static gboolean
is_open (const MamoriRecord *measure)
{
  return *mamori_record_get (measure, "done_on") == '\0';
}

/* The parts of parent among list. */
static GPtrArray *
parts_of (GPtrArray *list,
          gint64     parent)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < list->len; i++)
    if (((MamoriRecord *) list->pdata[i])->parent == parent)
      g_ptr_array_add (out, list->pdata[i]);
  return out;
}

/* The day of a date or time ("YYYY-MM-DD HH:MM") compares as its first 10 characters. */
static int
day_cmp (const char *a,
         const char *b)
{
  return strncmp (a, b, 10);
}

static GPtrArray *
incidents_between (MamoriRegisterReport *r,
                   const char           *from,
                   const char           *to)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < r->incidents->len; i++)
    {
      const char *when = mamori_record_get (r->incidents->pdata[i], "occurred_at");
      if (day_cmp (when, from) >= 0 && day_cmp (when, to) <= 0)
        g_ptr_array_add (out, r->incidents->pdata[i]);
    }
  return out;
}

/* The names of the people (char*, escaped) of statuses that match. */
static char *
names_of (Writer   *W,
          gboolean  pledges)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < W->r->statuses->len; i++)
    {
      MamoriTrainingStatus *s = W->r->statuses->pdata[i];
      g_autofree char *name = NULL;
      if (pledges ? !s->pledge_missing : !s->overdue)
        continue;
      name = mamori_template_escape (mamori_record_get (s->person, "name"));
      g_string_append_printf (names, "%s%s", names->len ? TR ("、", ", ") : "", name);
    }
  return g_string_free (names, FALSE);
}

/* An exception is in force on day: approved, started, not ended. */
static gboolean
exception_active (const MamoriRecord *e,
                  const char         *day)
{
  const char *ended = mamori_record_get (e, "ended_on");

  return g_str_equal (mamori_record_get (e, "decision"), "approved") &&
         strcmp (mamori_record_get (e, "starts_on"), day) <= 0 &&
         strcmp (mamori_record_get (e, "ends_on"), day) >= 0 &&
         (*ended == '\0' || strcmp (ended, day) > 0);
}

/* When a supplier is next evaluated ("" when never: due now). */
static char *
supplier_due (const MamoriRecord *s)
{
  const char *last = mamori_record_get (s, "last_evaluated_on");
  int months = atoi (mamori_record_get (s, "interval_months"));

  if (*last == '\0')
    return g_strdup ("");
  return mamori_date_add_months (last, months > 0 ? months : 12);
}

/* --- the review's sections ------------------------------------------------------------------ */

static void
review_incidents (Writer     *W,
                  const char *since)
{
  MamoriRegisterReport *r = W->r;
  const MamoriField *sev = mamori_register_field (mamori_register_lookup ("incidents"), "severity");
  const MamoriField *st = mamori_register_field (mamori_register_lookup ("incidents"), "state");
  g_autofree char *year_ago = since ? NULL : mamori_date_add_years (r->today, -1);
  g_autoptr(GPtrArray) list = incidents_between (r, since ? since : year_ago, r->today);
  guint n_states = g_strv_length ((GStrv) st->choices);

  g_string_append (W->md, since ? TR ("# 前回のレビュー以降のインシデント\n\n", "# Incidents since the last review\n\n")
                                : TR ("# この 1 年のインシデント\n\n", "# Incidents in the last 12 months\n\n"));
  if (list->len == 0)
    {
      g_string_append_printf (W->md, TR ("%s から %s までに記録されたインシデントはありません。\n\n",
                                         "No incident was recorded from %s to %s.\n\n"),
                              date_text (W, since ? since : year_ago), date_text (W, r->today));
      return;
    }
  g_string_append_printf (W->md, TR ("%s から %s までに記録されたインシデントは %u 件です。重大度と対応の状態ごとの件数は次のとおりです。\n\n",
                                     list->len == 1 ? "%3$u incident was recorded from %1$s to %2$s. By severity and state:\n\n"
                                                    : "%3$u incidents were recorded from %1$s to %2$s. By severity and state:\n\n"),
                          date_text (W, since ? since : year_ago), date_text (W, r->today), list->len);
  /* Severity down, states across. */
  g_string_append_printf (W->md, "| %s |", TR ("重大度", "Severity"));
  for (guint s = 0; s < n_states; s++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (choice_words); i++)
        if (g_str_equal (choice_words[i].key, st->choices[s]))
          g_string_append_printf (W->md, " %s |", W->en ? choice_words[i].en : choice_words[i].ja);
    }
  g_string_append_printf (W->md, " %s |\n|---|", TR ("計", "Total"));
  for (guint s = 0; s <= n_states; s++)
    g_string_append (W->md, "---|");
  g_string_append (W->md, "\n");
  for (int v = (int) g_strv_length ((GStrv) sev->choices) - 1; v >= 0; v--)
    {
      guint total = 0;
      const char *label = sev->choices[v];
      for (guint i = 0; i < G_N_ELEMENTS (choice_words); i++)
        if (g_str_equal (choice_words[i].key, sev->choices[v]))
          label = W->en ? choice_words[i].en : choice_words[i].ja;
      g_string_append_printf (W->md, "| %s |", label);
      for (guint s = 0; s < n_states; s++)
        {
          guint n = 0;
          for (guint i = 0; i < list->len; i++)
            n += g_str_equal (mamori_record_get (list->pdata[i], "severity"), sev->choices[v]) &&
                 g_str_equal (mamori_record_get (list->pdata[i], "state"), st->choices[s]);
          total += n;
          g_string_append_printf (W->md, " %u |", n);
        }
      g_string_append_printf (W->md, " %u |\n", total);
    }
  g_string_append (W->md, "\n");
  g_string_append_printf (W->md, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", TR ("発生日", "When"),
                          TR ("内容", "What happened"), TR ("重大度", "Severity"), TR ("状態", "State"),
                          TR ("未完了の再発防止策", "Open recurrence-prevention measures"));
  for (guint i = 0; i < list->len; i++)
    {
      MamoriRecord *inc = list->pdata[i];
      g_autoptr(GPtrArray) measures = parts_of (r->measures, inc->id);
      g_autoptr(GString) open = g_string_new (NULL);
      for (guint m = 0; m < measures->len; m++)
        if (is_open (measures->pdata[m]))
          {
            g_autofree char *what = mamori_template_escape (mamori_record_get (measures->pdata[m], "what"));
            const char *due = mamori_record_get (measures->pdata[m], "due_on");
            g_string_append_printf (open, "%s%s", open->len ? TR ("；", "; ") : "", what);
            if (*due)
              g_string_append_printf (open, TR ("（期限 %s）", " (due %s)"), date_text (W, due));
          }
      if (open->len == 0)
        g_string_append (open, measures->len ? TR ("なし（すべて完了）", "none (all done)") : TR ("未決定", "none decided"));
      g_string_append_printf (W->md, "| %s | %s | %s | %s | %s |\n", date_text (W, mamori_record_get (inc, "occurred_at")),
                              field (W, inc, "title"), choice (W, inc, "severity"), choice (W, inc, "state"), open->str);
    }
  g_string_append (W->md, "\n");
}

static void
review_exceptions (Writer *W)
{
  MamoriRegisterReport *r = W->r;
  guint active = 0, ending = 0, pending = 0;

  g_string_append (W->md, TR ("# 例外の承認\n\n", "# Exceptions to the rules\n\n"));
  for (guint i = 0; i < r->exceptions->len; i++)
    {
      MamoriRecord *e = r->exceptions->pdata[i];
      pending += g_str_equal (mamori_record_get (e, "decision"), "pending");
      if (exception_active (e, r->today))
        {
          active++;
          ending += strcmp (mamori_record_get (e, "ends_on"), r->soon) <= 0;
        }
    }
  if (active == 0)
    g_string_append (W->md, TR ("本日有効な例外はありません。", "No exception is in force today."));
  else
    g_string_append_printf (W->md, TR ("本日有効な例外は %u 件で、そのうち %u 件が %u 日以内に終わります。",
                                       active == 1 ? "%u exception is in force today; %u of them ends within %u days."
                                                   : "%u exceptions are in force today; %u of them end within %u days."),
                            active, ending, MAMORI_REGISTER_REPORT_SOON_DAYS);
  if (pending > 0)
    g_string_append_printf (W->md, TR ("判断を待っている申請が %u 件あります。", pending == 1 ? " %u application awaits a decision." : " %u applications await a decision."), pending);
  g_string_append (W->md, "\n\n");
  if (active == 0)
    return;
  g_string_append_printf (W->md, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", TR ("規程と条項", "Rule"),
                          TR ("申請者", "Applicant"), TR ("承認者", "Approver"), TR ("期間", "Period"), TR ("終了", "Ends"));
  for (guint i = 0; i < r->exceptions->len; i++)
    {
      MamoriRecord *e = r->exceptions->pdata[i];
      const char *ends = mamori_record_get (e, "ends_on");
      if (!exception_active (e, r->today))
        continue;
      g_string_append_printf (W->md, "| %s | %s | %s | %s – %s | %s |\n", field (W, e, "rule"), field (W, e, "applicant"),
                              field (W, e, "approver"), date_text (W, mamori_record_get (e, "starts_on")), date_text (W, ends),
                              strcmp (ends, r->soon) <= 0 ? keep (W, g_strdup_printf (TR ("**%u 日以内**", "**within %u days**"),
                                                                                       MAMORI_REGISTER_REPORT_SOON_DAYS))
                                                          : "—");
    }
  g_string_append (W->md, "\n");
}

/* The risk, with the asset it concerns when it names one. */
static const char *
risk_text (Writer             *W,
           const MamoriRecord *a)
{
  const char *asset = mamori_ref_label (W->r->assets, mamori_record_get (a, "asset"));
  g_autofree char *risk = mamori_template_escape (mamori_record_get (a, "risk"));
  g_autofree char *on = mamori_template_escape (asset);

  if (*asset == '\0')
    return keep (W, g_steal_pointer (&risk));
  return keep (W, g_strdup_printf (TR ("%s（%s）", "%s (%s)"), risk, on));
}

static const char *
acceptance_state (Writer             *W,
                  const MamoriRecord *a)
{
  const char *until = mamori_record_get (a, "until");

  if (strcmp (until, W->r->today) < 0)
    return TR ("**期限切れ**", "**Expired**");
  if (strcmp (until, W->r->next_review) < 0)
    return TR ("**要再審査**", "**Lapses before next review**");
  return TR ("有効", "Accepted");
}

static void
review_acceptances (Writer *W)
{
  MamoriRegisterReport *r = W->r;
  guint due = 0;

  g_string_append (W->md, TR ("# 受容したリスク\n\n", "# Accepted risks\n\n"));
  if (r->acceptances->len == 0)
    {
      g_string_append (W->md, TR ("受容したリスクの記録はありません。\n\n", "No accepted risk has been recorded.\n\n"));
      return;
    }
  for (guint i = 0; i < r->acceptances->len; i++)
    due += strcmp (mamori_record_get (r->acceptances->pdata[i], "until"), r->next_review) < 0;
  if (due == 0)
    g_string_append_printf (W->md, TR ("受容したリスクは %u 件で、どれも次回のレビュー（%s ごろ）の後まで有効です。\n\n",
                                       r->acceptances->len == 1 ? "%u risk has been accepted, valid beyond the next review (around %s).\n\n"
                                                                : "%u risks have been accepted, all valid beyond the next review (around %s).\n\n"),
                            r->acceptances->len, date_text (W, r->next_review));
  else
    g_string_append_printf (W->md, TR ("受容したリスクは %u 件です。そのうち %u 件は期限が次回のレビュー（%s ごろ）より前に来るため、今回あらためて判断が必要です（「経営層に判断を求める事項」）。\n\n",
                                       "%u risks have been accepted; %u of them lapse before the next review (around %s) and need a new decision now (see Decisions asked of management).\n\n"),
                            r->acceptances->len, due, date_text (W, r->next_review));
  g_string_append_printf (W->md, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", TR ("受容したリスク（情報資産）", "Risk (asset)"),
                          TR ("受容した人（日付）", "Accepted by (on)"), TR ("残留リスク値", "Residual"),
                          TR ("期限", "Until"), TR ("扱い", "Status"));
  for (guint i = 0; i < r->acceptances->len; i++)
    {
      MamoriRecord *a = r->acceptances->pdata[i];
      g_string_append_printf (W->md, TR ("| %s | %s（%s） | %s | %s | %s |\n", "| %s | %s (%s) | %s | %s | %s |\n"), risk_text (W, a),
                              field (W, a, "accepted_by"), date_text (W, mamori_record_get (a, "accepted_on")),
                              field (W, a, "residual"), date_text (W, mamori_record_get (a, "until")), acceptance_state (W, a));
    }
  g_string_append (W->md, "\n");
}

static void
review_training (Writer *W)
{
  MamoriRegisterReport *r = W->r;
  const MamoriTrainingCoverage *c = &r->coverage;
  g_autofree char *pledges = NULL;

  g_string_append (W->md, TR ("# 教育と秘密保持誓約\n\n", "# Training and confidentiality pledges\n\n"));
  if (c->people == 0)
    {
      g_string_append (W->md, TR ("人員の台帳に在籍者の記録がありません。\n\n", "The people register has nobody recorded yet.\n\n"));
      return;
    }
  g_string_append_printf (W->md, TR ("%s に始まった今年度の状況です。\n\n", "This fiscal year, from %s:\n\n"), date_text (W, r->fiscal_start));
  g_string_append_printf (W->md, "| %s | %s |\n|---|---|\n", TR ("指標", "Figure"), TR ("人数", "People"));
  g_string_append_printf (W->md, "| %s | %u |\n", TR ("在籍者", "People with the organisation"), c->people);
  g_string_append_printf (W->md, "| %s | %u |\n", TR ("今年度の教育を受けた人", "Trained this fiscal year"), c->trained);
  g_string_append_printf (W->md, "| %s | %u |\n", TR ("受講の期限を過ぎた人", "Overdue"), c->overdue);
  g_string_append_printf (W->md, "| %s | %u |\n", TR ("うちアクセス権を停止すべき人", "Of them, to lose access"), c->revoke);
  g_string_append_printf (W->md, "| %s | %u |\n\n", TR ("秘密保持誓約書のない人", "Without a signed pledge"), c->pledges_missing);
  if (c->overdue > 0)
    {
      g_string_append_printf (W->md, "| %s | %s | %s | %s |\n|---|---|---|---|\n", TR ("氏名", "Name"), TR ("所属", "Unit"),
                              TR ("状況", "Status"), TR ("期限", "Due"));
      for (guint i = 0; i < r->statuses->len; i++)
        {
          MamoriTrainingStatus *s = r->statuses->pdata[i];
          if (!s->overdue)
            continue;
          g_string_append_printf (W->md, "| %s | %s | %s | %s |\n", field (W, s->person, "name"), field (W, s->person, "unit"),
                                  training_state_text (W, s->state), date_text (W, s->due_on));
        }
      g_string_append (W->md, "\n");
    }
  pledges = names_of (W, TRUE);
  if (*pledges)
    g_string_append_printf (W->md, TR ("秘密保持誓約書がまだない人：%s。\n\n", "No signed pledge yet: %s.\n\n"), pledges);
}

static void
review_suppliers (Writer *W)
{
  MamoriRegisterReport *r = W->r;
  g_autoptr(GString) rows = g_string_new (NULL);
  guint n = 0;

  g_string_append (W->md, TR ("# 委託先とクラウドサービスの評価\n\n", "# Supplier evaluations\n\n"));
  if (r->suppliers->len == 0)
    {
      g_string_append (W->md, TR ("委託先とクラウドサービスの記録はありません。\n\n", "No supplier or cloud service has been recorded.\n\n"));
      return;
    }
  for (guint i = 0; i < r->suppliers->len; i++)
    {
      MamoriRecord *s = r->suppliers->pdata[i];
      g_autofree char *due = supplier_due (s);
      const char *state;
      if (*due == '\0')
        state = TR ("**未評価**", "**Never evaluated**");
      else if (strcmp (due, r->today) < 0)
        state = TR ("**期限切れ**", "**Overdue**");
      else if (strcmp (due, r->soon) <= 0)
        state = TR ("期限間近", "Due soon");
      else
        continue;
      n++;
      g_string_append_printf (rows, "| %s | %s | %s | %s | %s |\n", field (W, s, "name"), choice (W, s, "kind"),
                              date_text (W, mamori_record_get (s, "last_evaluated_on")), *due ? date_text (W, due) : TR ("すぐに", "now"),
                              state);
    }
  if (n == 0)
    {
      g_string_append_printf (W->md, TR ("%u 件の委託先とクラウドサービスのうち、%u 日以内に評価の期限が来るものはありません。\n\n",
                                         "None of the %u suppliers and cloud services is due for evaluation within %u days.\n\n"),
                              r->suppliers->len, MAMORI_REGISTER_REPORT_SOON_DAYS);
      return;
    }
  g_string_append_printf (W->md, TR ("%u 件の委託先とクラウドサービスのうち、%u 件は評価の期限を過ぎたか %u 日以内に来ます。\n\n",
                                     "Of %u suppliers and cloud services, %u are overdue for evaluation or due within %u days.\n\n"),
                          r->suppliers->len, n, MAMORI_REGISTER_REPORT_SOON_DAYS);
  g_string_append_printf (W->md, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", TR ("名称", "Name"), TR ("種類", "Kind"),
                          TR ("前回の評価", "Last evaluated"), TR ("次回の期限", "Next due"), TR ("状況", "Status"));
  g_string_append (W->md, rows->str);
  g_string_append (W->md, "\n");
}

void
mamori_register_report_review_sections (MamoriRegisterReport *r,
                                        GString              *md,
                                        const char           *since,
                                        const char           *lang)
{
  Writer W;

  writer_init (&W, r, md, lang);
  review_incidents (&W, since);
  review_exceptions (&W);
  review_acceptances (&W);
  review_training (&W);
  review_suppliers (&W);
  g_ptr_array_unref (W.strings);
}

GPtrArray *
mamori_register_report_acceptances_to_decide (MamoriRegisterReport *r,
                                              const char           *lang,
                                              guint                *n_still_accepted)
{
  Writer w, *W = &w;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) unused = g_string_new (NULL);

  writer_init (W, r, unused, lang);
  *n_still_accepted = 0;
  for (guint i = 0; i < r->acceptances->len; i++)
    {
      MamoriRecord *a = r->acceptances->pdata[i];
      const char *until = mamori_record_get (a, "until");
      const char *asset = mamori_ref_label (r->assets, mamori_record_get (a, "asset"));
      g_autofree char *on = *asset ? g_strdup_printf (TR ("（%s）", " (%s)"), asset) : g_strdup ("");
      if (strcmp (until, r->next_review) >= 0)
        {
          (*n_still_accepted)++;
          continue;
        }
      g_ptr_array_add (out, g_strdup_printf (strcmp (until, r->today) < 0
                                               ? TR ("「%s」%s：%s が %s に受容（残留リスク値 %s）。期限の %s を過ぎています。受容を続けるか、対策を指示してください。",
                                                     "“%s”%s: accepted by %s on %s (residual %s); it expired on %s. Accept it again or ask for measures.")
                                               : TR ("「%s」%s：%s が %s に受容（残留リスク値 %s）。次回のレビューより前の %s に期限が来ます。受容を続けるか、対策を指示してください。",
                                                     "“%s”%s: accepted by %s on %s (residual %s); it expires on %s, before the next review. Accept it again or ask for measures."),
                                             mamori_record_get (a, "risk"), on, mamori_record_get (a, "accepted_by"),
                                             date_text (W, mamori_record_get (a, "accepted_on")), mamori_record_get (a, "residual"),
                                             date_text (W, until)));
    }
  g_ptr_array_unref (W->strings);
  return out;
}

/* --- the audit annex ------------------------------------------------------------------------- */

void
mamori_register_report_audit_annex (MamoriRegisterReport *r,
                                    GString              *md,
                                    const char           *from,
                                    const char           *to,
                                    const char           *lang)
{
  Writer w, *W = &w;
  g_autoptr(GPtrArray) incidents = incidents_between (r, from, to);
  guint n, self_approved = 0;

  writer_init (W, r, md, lang);
  g_string_append (md, TR ("# 監査人に示す記録\n\n", "# Records for the auditor\n\n"));
  g_string_append_printf (md, TR ("%s から %s までの記録と、監査の日に有効な記録です。\n\n",
                                  "The records from %s to %s, and those in force on the day of the audit.\n\n"),
                          date_text (W, from), date_text (W, to));

  g_string_append (md, TR ("## インシデント\n\n", "## Incidents\n\n"));
  if (incidents->len == 0)
    g_string_append (md, TR ("この期間に記録されたインシデントはありません。\n\n", "No incident was recorded in this period.\n\n"));
  else
    {
      g_string_append_printf (md, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n", TR ("発生日", "When"),
                              TR ("内容", "What happened"), TR ("重大度", "Severity"), TR ("状態", "State"),
                              TR ("報告", "Reports"), TR ("通知", "Notifications"));
      for (guint i = 0; i < incidents->len; i++)
        {
          MamoriRecord *inc = incidents->pdata[i];
          g_autoptr(GPtrArray) updates = parts_of (r->updates, inc->id);
          g_autoptr(GPtrArray) notices = parts_of (r->notices, inc->id);
          guint done = 0, late = 0;
          const char *notified;
          for (guint k = 0; k < notices->len; k++)
            {
              const char *at = mamori_record_get (notices->pdata[k], "notified_at");
              const char *due = mamori_record_get (notices->pdata[k], "due_at");
              done += *at != '\0';
              late += (*at && *due && strcmp (at, due) > 0) || (!*at && *due && day_cmp (due, r->today) < 0);
            }
          if (notices->len == 0)
            notified = TR ("なし", "none needed");
          else
            notified = keep (W, late ? g_strdup_printf (TR ("%u / %u 件済み（%u 件は期限後または期限切れ）", "%u of %u done (%u late or overdue)"),
                                                        done, notices->len, late)
                                     : g_strdup_printf (TR ("%u / %u 件済み", "%u of %u done"), done, notices->len));
          g_string_append_printf (md, "| %s | %s | %s | %s | %u | %s |\n", date_text (W, mamori_record_get (inc, "occurred_at")),
                                  field (W, inc, "title"), choice (W, inc, "severity"), choice (W, inc, "state"), updates->len, notified);
        }
      g_string_append (md, "\n");
    }

  g_string_append (md, TR ("## 例外の申請と承認\n\n", "## Exceptions\n\n"));
  n = 0;
  for (guint i = 0; i < r->exceptions->len; i++)
    {
      MamoriRecord *e = r->exceptions->pdata[i];
      if (strcmp (mamori_record_get (e, "starts_on"), to) > 0 || strcmp (mamori_record_get (e, "ends_on"), from) < 0)
        continue;
      if (n++ == 0)
        g_string_append_printf (md, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", TR ("規程と条項", "Rule"),
                                TR ("申請者", "Applicant"), TR ("承認者", "Approver"), TR ("判断（日付）", "Decision (on)"),
                                TR ("期間", "Period"));
      if (*mamori_record_get (e, "approver") && mamori_same_name (mamori_record_get (e, "approver"), mamori_record_get (e, "applicant")))
        self_approved++;
      g_string_append_printf (md, TR ("| %s | %s | %s | %s（%s） | %s – %s |\n", "| %s | %s | %s | %s (%s) | %s – %s |\n"),
                              field (W, e, "rule"), field (W, e, "applicant"), field (W, e, "approver"), choice (W, e, "decision"),
                              date_text (W, mamori_record_get (e, "decided_on")), date_text (W, mamori_record_get (e, "starts_on")),
                              date_text (W, mamori_record_get (e, "ends_on")));
    }
  if (n == 0)
    g_string_append (md, TR ("この期間に有効な例外はありません。\n\n", "No exception applied in this period.\n\n"));
  else if (self_approved == 0)
    g_string_append (md, TR ("\nどの例外も、申請者とは別の人が承認しています。\n\n",
                             "\nEvery exception was approved by someone other than its applicant.\n\n"));
  else
    g_string_append_printf (md, TR ("\n**%u 件の例外を申請者自身が承認しています。**\n\n",
                                    "\n**%u exceptions were approved by their own applicant.**\n\n"), self_approved);

  g_string_append (md, TR ("## 受容したリスク\n\n", "## Accepted risks\n\n"));
  if (r->acceptances->len == 0)
    g_string_append (md, TR ("受容したリスクの記録はありません。\n\n", "No accepted risk has been recorded.\n\n"));
  else
    {
      g_string_append_printf (md, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", TR ("受容したリスク（情報資産）", "Risk (asset)"),
                              TR ("受容した人（日付）", "Accepted by (on)"), TR ("残留リスク値", "Residual"),
                              TR ("期限", "Until"), TR ("最後の再審査", "Last re-reviewed"));
      for (guint i = 0; i < r->acceptances->len; i++)
        {
          MamoriRecord *a = r->acceptances->pdata[i];
          g_string_append_printf (md, TR ("| %s | %s（%s） | %s | %s | %s |\n", "| %s | %s (%s) | %s | %s | %s |\n"), risk_text (W, a), field (W, a, "accepted_by"),
                                  date_text (W, mamori_record_get (a, "accepted_on")), field (W, a, "residual"),
                                  date_text (W, mamori_record_get (a, "until")), date_text (W, mamori_record_get (a, "reviewed_on")));
        }
      g_string_append (md, "\n");
    }

  g_string_append (md, TR ("## 教育と秘密保持誓約\n\n", "## Training and pledges\n\n"));
  n = 0;
  for (guint i = 0; i < r->trainings->len; i++)
    {
      MamoriRecord *t = r->trainings->pdata[i];
      const char *held = mamori_record_get (t, "held_on");
      g_autoptr(GPtrArray) present = NULL;
      if (strcmp (held, from) < 0 || strcmp (held, to) > 0)
        continue;
      present = parts_of (r->attendance, t->id);
      if (n++ == 0)
        g_string_append_printf (md, "| %s | %s | %s | %s |\n|---|---|---|---|\n", TR ("実施日", "Held on"), TR ("研修", "Session"),
                                TR ("対象", "Audience"), TR ("出席者", "Attended"));
      g_string_append_printf (md, TR ("| %s | %s | %s | %u 名 |\n", "| %s | %s | %s | %u |\n"), date_text (W, held), field (W, t, "title"),
                              choice (W, t, "audience"), present->len);
    }
  g_string_append (md, n == 0 ? TR ("この期間に実施した研修の記録はありません。\n\n", "No training session was recorded in this period.\n\n") : "\n");
  if (r->coverage.people > 0)
    {
      g_autofree char *overdue = names_of (W, FALSE);
      g_autofree char *pledges = names_of (W, TRUE);
      g_string_append_printf (md, TR ("在籍者 %u 名のうち、今年度の教育を受けた人は %u 名です。\n\n",
                                      "Of %u people with the organisation, %u have been trained this fiscal year.\n\n"),
                              r->coverage.people, r->coverage.trained);
      g_string_append_printf (md, TR ("- 受講の期限を過ぎた人：%s\n", "- Overdue for training: %s\n"), *overdue ? overdue : TR ("なし", "nobody"));
      g_string_append_printf (md, TR ("- 秘密保持誓約書のない人：%s\n\n", "- Without a signed pledge: %s\n\n"), *pledges ? pledges : TR ("なし", "nobody"));
    }

  g_string_append (md, TR ("## 委託先とクラウドサービス\n\n", "## Suppliers and cloud services\n\n"));
  if (r->suppliers->len == 0)
    g_string_append (md, TR ("委託先とクラウドサービスの記録はありません。\n\n", "No supplier or cloud service has been recorded.\n\n"));
  else
    {
      g_string_append_printf (md, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", TR ("名称", "Name"), TR ("種類", "Kind"),
                              TR ("秘密保持契約", "Confidentiality agreement"), TR ("前回の評価", "Last evaluated"),
                              TR ("次回の期限", "Next due"));
      for (guint i = 0; i < r->suppliers->len; i++)
        {
          MamoriRecord *s = r->suppliers->pdata[i];
          g_autofree char *due = supplier_due (s);
          g_string_append_printf (md, "| %s | %s | %s | %s | %s |\n", field (W, s, "name"), choice (W, s, "kind"),
                                  date_text (W, mamori_record_get (s, "nda_on")), date_text (W, mamori_record_get (s, "last_evaluated_on")),
                                  *due ? date_text (W, due) : TR ("未評価", "never evaluated"));
        }
      g_string_append (md, "\n");
    }
  g_ptr_array_unref (W->strings);
}
