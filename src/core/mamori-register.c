/* mamori-register.c — the year's registers: fields, choices and rules */
#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mamori-csv.h"
#include "mamori-register.h"

G_DEFINE_QUARK (mamori-register-error-quark, mamori_register_error)

#define N(a) G_N_ELEMENTS (a)

/* --- incidents (gov 2.2.4, 2.1.1(7); cert 第六 IDs 46–55) ------------------------------------ */

static const char *const incident_categories[] = {
  "malware", "unauthorised_access", "loss_theft", "mis_sending", "leak", "outage", "fraud", "other", NULL };
static const char *const incident_category_labels[] = {
  N_("Malware"), N_("Unauthorised access"), N_("Loss or theft"), N_("Mis-sent mail or fax"),
  N_("Information leak"), N_("Outage or denial of service"), N_("Fraud or impersonation"), N_("Other"), NULL };
static const char *const severities[] = { "low", "medium", "high", "critical", NULL };
static const char *const severity_labels[] = { N_("Low"), N_("Medium"), N_("High"), N_("Critical"), NULL };
/* The phases of the government standard's commentary on 2.2.4: intake, triage, response, then
 * recovery and closing once recurrence prevention is decided. */
static const char *const incident_states[] = { "reported", "triage", "responding", "recovered", "closed", NULL };
static const char *const incident_state_labels[] = {
  N_("Reported"), N_("Triage"), N_("Responding"), N_("Recovered"), N_("Closed"), NULL };

static const MamoriField incident_fields[] = {
  { "occurred_at", N_("When it happened"), MAMORI_FIELD_TIME, .required = TRUE, .listed = TRUE, .source = "gov 2.2.4(2)" },
  { "title", N_("What happened"), MAMORI_FIELD_TEXT, .required = TRUE, .listed = TRUE, .max = 200 },
  { "category", N_("Category"), MAMORI_FIELD_CHOICE, incident_categories, incident_category_labels, .listed = TRUE },
  { "severity", N_("Severity"), MAMORI_FIELD_CHOICE, severities, severity_labels, .listed = TRUE, .def = "medium" },
  { "state", N_("State"), MAMORI_FIELD_CHOICE, incident_states, incident_state_labels, .listed = TRUE },
  { "reported_by", N_("Reported by"), MAMORI_FIELD_TEXT, .listed = TRUE, .max = 200, .source = "cert ID 47" },
  { "reported_at", N_("Reported at"), MAMORI_FIELD_TIME, .source = "gov 2.2.4(2)(a)" },
  { "description", N_("Details"), MAMORI_FIELD_LONG_TEXT, .max = 8000 },
  { "cause", N_("Cause"), MAMORI_FIELD_LONG_TEXT, .max = 8000, .source = "gov 2.2.4(4)(a)" },
  { "closed_on", N_("Closed on"), MAMORI_FIELD_DATE },
};

static const char *const update_kinds[] = { "first", "second", "final", "other", NULL };
static const char *const update_kind_labels[] = {
  N_("First report"), N_("Second report"), N_("Final report"), N_("Other update"), NULL };

static const MamoriField incident_update_fields[] = {
  { "reported_at", N_("When"), MAMORI_FIELD_TIME, .required = TRUE, .listed = TRUE },
  { "kind", N_("Report"), MAMORI_FIELD_CHOICE, update_kinds, update_kind_labels, .listed = TRUE, .source = "gov 2.2.4(2)(c)" },
  { "confirmed", N_("What is confirmed"), MAMORI_FIELD_LONG_TEXT, .required = TRUE, .listed = TRUE, .max = 8000 },
  { "unconfirmed", N_("What is not confirmed yet"), MAMORI_FIELD_LONG_TEXT, .max = 8000 },
};

static const char *const parties[] = {
  "management", "customers", "regulator", "police", "supervisor", "depositor", "other", NULL };
static const char *const party_labels[] = {
  N_("Management"), N_("Customers"), N_("Privacy regulator"), N_("Police"), N_("Supervising body"),
  N_("Owner of entrusted information"), N_("Other"), NULL };

static const MamoriField incident_notice_fields[] = {
  { "party", N_("Who is notified"), MAMORI_FIELD_CHOICE, parties, party_labels, .required = TRUE, .listed = TRUE,
    .source = "gov 2.2.4(2)(c)(g), 2.2.4(3); cert IDs 53, 55" },
  { "due_at", N_("Notify by"), MAMORI_FIELD_TIME, .listed = TRUE },
  { "notified_at", N_("Notified at"), MAMORI_FIELD_TIME, .listed = TRUE },
  { "note", N_("Note"), MAMORI_FIELD_TEXT, .listed = TRUE, .max = 1000 },
};

static const MamoriField incident_asset_fields[] = {
  { "asset", N_("Affected asset"), MAMORI_FIELD_REF, .ref = "asset", .required = TRUE, .listed = TRUE },
};

static const MamoriField incident_measure_fields[] = {
  { "what", N_("Recurrence-prevention measure"), MAMORI_FIELD_TEXT, .required = TRUE, .listed = TRUE, .max = 1000,
    .source = "gov 2.2.4(4)" },
  { "owner", N_("Owner"), MAMORI_FIELD_TEXT, .listed = TRUE, .max = 200 },
  { "due_on", N_("Due"), MAMORI_FIELD_DATE, .listed = TRUE },
  { "done_on", N_("Done on"), MAMORI_FIELD_DATE, .listed = TRUE },
};

/* --- exceptions (gov 2.2.2) ---------------------------------------------------------------- */

static const char *const decisions[] = { "pending", "approved", "rejected", NULL };
static const char *const decision_labels[] = { N_("Pending"), N_("Approved"), N_("Rejected"), NULL };

static const MamoriField exception_fields[] = {
  { "applicant", N_("Applicant"), MAMORI_FIELD_TEXT, .required = TRUE, .listed = TRUE, .max = 200,
    .source = "gov 2.2.2(1)-2 b)" },
  { "applicant_unit", N_("Applicant's unit"), MAMORI_FIELD_TEXT, .listed = TRUE, .max = 200 },
  { "applicant_contact", N_("Applicant's contact"), MAMORI_FIELD_TEXT, .max = 200 },
  { "rule", N_("Rule and article"), MAMORI_FIELD_TEXT, .required = TRUE, .listed = TRUE, .max = 500 },
  { "reason", N_("Reason"), MAMORI_FIELD_LONG_TEXT, .required = TRUE, .max = 4000 },
  { "scope", N_("Scope"), MAMORI_FIELD_TEXT, .max = 1000 },
  { "measure", N_("Compensating measure"), MAMORI_FIELD_LONG_TEXT, .max = 4000 },
  { "impact", N_("Security impact and its handling"), MAMORI_FIELD_LONG_TEXT, .max = 4000, .source = "gov 2.2.2(1)-1 c)" },
  { "starts_on", N_("From"), MAMORI_FIELD_DATE, .required = TRUE, .listed = TRUE },
  { "ends_on", N_("Until"), MAMORI_FIELD_DATE, .required = TRUE, .listed = TRUE },
  { "end_reporting", N_("How its end is reported"), MAMORI_FIELD_TEXT, .max = 1000 },
  { "emergency", N_("Acted first, applied afterwards"), MAMORI_FIELD_BOOL, .def = "0", .source = "gov 2.2.2(2)(a)" },
  { "decision", N_("Decision"), MAMORI_FIELD_CHOICE, decisions, decision_labels, .listed = TRUE,
    .source = "gov 2.2.2(1)-2 c)" },
  { "approver", N_("Approver"), MAMORI_FIELD_TEXT, .listed = TRUE, .max = 200, .source = "gov 2.2.2(1)-2 a)" },
  { "approver_role", N_("Approver's role and unit"), MAMORI_FIELD_TEXT, .max = 200 },
  { "decided_on", N_("Decided on"), MAMORI_FIELD_DATE },
  { "decision_reason", N_("Reason for the decision"), MAMORI_FIELD_LONG_TEXT, .max = 4000 },
  { "conditions", N_("Conditions"), MAMORI_FIELD_LONG_TEXT, .max = 4000 },
  { "ended_on", N_("Ended on"), MAMORI_FIELD_DATE },
  { "end_report", N_("End report"), MAMORI_FIELD_LONG_TEXT, .max = 4000 },
};

/* --- accepted risks ------------------------------------------------------------------------ */

static const MamoriField acceptance_fields[] = {
  { "risk", N_("Risk accepted"), MAMORI_FIELD_TEXT, .required = TRUE, .listed = TRUE, .max = 1000 },
  { "asset", N_("Asset"), MAMORI_FIELD_REF, .ref = "asset", .listed = TRUE },
  { "accepted_by", N_("Accepted by"), MAMORI_FIELD_TEXT, .required = TRUE, .listed = TRUE, .max = 200 },
  { "accepted_on", N_("Accepted on"), MAMORI_FIELD_DATE, .required = TRUE, .listed = TRUE },
  { "reason", N_("Reason"), MAMORI_FIELD_LONG_TEXT, .required = TRUE, .max = 4000 },
  { "residual", N_("Residual risk value"), MAMORI_FIELD_NUMBER, .listed = TRUE, .min = 0, .max = 999, .def = "0" },
  { "until", N_("Accepted until"), MAMORI_FIELD_DATE, .required = TRUE, .listed = TRUE },
  { "reviewed_on", N_("Last re-reviewed"), MAMORI_FIELD_DATE },
};

/* --- people, training and pledges (gov 2.2.3; cert 第五 IDs 38–45) -------------------------- */

static const MamoriField person_fields[] = {
  { "name", N_("Name"), MAMORI_FIELD_TEXT, .required = TRUE, .listed = TRUE, .max = 200 },
  { "unit", N_("Unit"), MAMORI_FIELD_TEXT, .listed = TRUE, .max = 200 },
  { "joined_on", N_("Joined on"), MAMORI_FIELD_DATE, .listed = TRUE, .source = "gov 2.2.3(1)-3" },
  { "access_holder", N_("Has access to managed information"), MAMORI_FIELD_BOOL, .listed = TRUE, .def = "0",
    .source = "cert IDs 42–45" },
  { "left_on", N_("Left on"), MAMORI_FIELD_DATE },
};

/* The topics of cert ID 39 (1–8), the access-holders' training of ID 42, and others. */
static const char *const topics[] = {
  "managed_information", "why_manage", "leak_cases", "laws", "manual", "sanctions", "reporting", "targeted_mail",
  "access_holders", "other", NULL };
static const char *const topic_labels[] = {
  N_("Managed and ordinary information"), N_("Why management matters"), N_("Leak cases and their consequences"),
  N_("Relevant laws"), N_("The manual and the policy"), N_("Sanctions"), N_("How to report incidents"),
  N_("Targeted e-mail and malware"), N_("Need to know, for access holders"), N_("Other"), NULL };
static const char *const audiences[] = { "all", "access_holders", "new_joiners", NULL };
static const char *const audience_labels[] = { N_("Everyone"), N_("Access holders"), N_("New joiners"), NULL };

static const MamoriField training_plan_fields[] = {
  { "fiscal_year", N_("Fiscal year"), MAMORI_FIELD_NUMBER, .required = TRUE, .listed = TRUE, .min = 2000, .max = 2100,
    .source = "gov 2.2.3(1)(b)" },
  { "topic", N_("Topic"), MAMORI_FIELD_CHOICE, topics, topic_labels, .required = TRUE, .listed = TRUE, .source = "cert ID 39" },
  { "audience", N_("Audience"), MAMORI_FIELD_CHOICE, audiences, audience_labels, .listed = TRUE },
  { "planned_on", N_("Planned for"), MAMORI_FIELD_DATE, .listed = TRUE },
  { "note", N_("Note"), MAMORI_FIELD_TEXT, .max = 1000 },
};

static const MamoriField training_fields[] = {
  { "held_on", N_("Held on"), MAMORI_FIELD_DATE, .required = TRUE, .listed = TRUE },
  { "title", N_("Title"), MAMORI_FIELD_TEXT, .required = TRUE, .listed = TRUE, .max = 200 },
  { "audience", N_("Audience"), MAMORI_FIELD_CHOICE, audiences, audience_labels, .listed = TRUE, .source = "cert IDs 38, 42" },
  { "topics", N_("Topics"), MAMORI_FIELD_TEXT, .listed = TRUE, .max = 1000, .source = "cert ID 39" },
  { "trainer", N_("Trainer"), MAMORI_FIELD_TEXT, .max = 200 },
  { "note", N_("Note"), MAMORI_FIELD_LONG_TEXT, .max = 4000 },
};

static const MamoriField attendance_fields[] = {
  { "person", N_("Person"), MAMORI_FIELD_REF, .ref = "people", .required = TRUE, .listed = TRUE, .source = "gov 2.2.3(2)(d)" },
  { "note", N_("Note"), MAMORI_FIELD_TEXT, .listed = TRUE, .max = 500 },
};

static const char *const pledge_kinds[] = { "joining", "yearly", "leaving", "project", NULL };
static const char *const pledge_kind_labels[] = {
  N_("On joining"), N_("Yearly renewal"), N_("On leaving"), N_("For a project"), NULL };

static const MamoriField pledge_fields[] = {
  { "person", N_("Person"), MAMORI_FIELD_REF, .ref = "people", .required = TRUE, .listed = TRUE },
  { "kind", N_("Kind"), MAMORI_FIELD_CHOICE, pledge_kinds, pledge_kind_labels, .listed = TRUE },
  { "signed_on", N_("Signed on"), MAMORI_FIELD_DATE, .required = TRUE, .listed = TRUE },
  { "note", N_("Note"), MAMORI_FIELD_TEXT, .max = 500 },
};

/* --- suppliers and cloud services (IPA 委託管理; METI directive 9) ------------------------- */

static const char *const supplier_kinds[] = { "contractor", "cloud", NULL };
static const char *const supplier_kind_labels[] = { N_("Contractor"), N_("Cloud service"), NULL };

static const MamoriField supplier_fields[] = {
  { "name", N_("Name"), MAMORI_FIELD_TEXT, .required = TRUE, .listed = TRUE, .max = 200 },
  { "kind", N_("Kind"), MAMORI_FIELD_CHOICE, supplier_kinds, supplier_kind_labels, .listed = TRUE },
  { "handles", N_("Information they handle"), MAMORI_FIELD_TEXT, .listed = TRUE, .max = 1000 },
  { "contact", N_("Contact"), MAMORI_FIELD_TEXT, .max = 200 },
  { "contract_on", N_("Contract signed on"), MAMORI_FIELD_DATE },
  { "contract_ends_on", N_("Contract ends on"), MAMORI_FIELD_DATE },
  { "nda_on", N_("Confidentiality agreement on"), MAMORI_FIELD_DATE, .listed = TRUE },
  { "last_evaluated_on", N_("Last evaluated on"), MAMORI_FIELD_DATE, .listed = TRUE },
  { "interval_months", N_("Evaluate every (months)"), MAMORI_FIELD_NUMBER, .min = 1, .max = 60, .def = "12" },
  { "assessment", N_("Checklist of the last evaluation"), MAMORI_FIELD_REF, .ref = "assessment" },
  { "note", N_("Note"), MAMORI_FIELD_LONG_TEXT, .max = 4000 },
};

static const MamoriField supplier_asset_fields[] = {
  { "asset", N_("Asset they handle"), MAMORI_FIELD_REF, .ref = "asset", .required = TRUE, .listed = TRUE },
};

/* --- the registers ------------------------------------------------------------------------ */

#define FIELDS(a) a, N (a)

static const MamoriRegister registers[] = {
  { "incidents", N_("Incidents"), N_("Incident"), NULL, NULL, FIELDS (incident_fields), "title",
    "occurred_at DESC, id DESC", "gov 2.2.4; cert 第六 IDs 46–55" },
  { "exceptions", N_("Exceptions"), N_("Exception"), NULL, NULL, FIELDS (exception_fields), "rule",
    "starts_on DESC, id DESC", "gov 2.2.2" },
  { "acceptances", N_("Accepted Risks"), N_("Accepted risk"), NULL, NULL, FIELDS (acceptance_fields), "risk",
    "until, id", "IPA 4(3) リスク対応 (retain)" },
  { "trainings", N_("Training"), N_("Training session"), NULL, NULL, FIELDS (training_fields), "title",
    "held_on DESC, id DESC", "gov 2.2.3; cert 第五 IDs 38–45" },
  { "people", N_("People"), N_("Person"), NULL, NULL, FIELDS (person_fields), "name", "unit, name, id",
    "gov 2.2.3(1)-2, -3; cert IDs 42–45" },
  { "pledges", N_("Pledges"), N_("Pledge"), NULL, NULL, FIELDS (pledge_fields), "signed_on",
    "signed_on DESC, id DESC", "IPA 付録5 秘密保持; cert ID 63" },
  { "training_plans", N_("Training Plan"), N_("Planned training"), NULL, NULL, FIELDS (training_plan_fields), "topic",
    "fiscal_year DESC, planned_on, id", "gov 2.2.3(1); cert ID 39" },
  { "suppliers", N_("Suppliers"), N_("Supplier"), NULL, NULL, FIELDS (supplier_fields), "name", "name, id",
    "IPA 4(4) 委託時の対策; METI directive 9" },
  { "incident_updates", N_("Reports"), N_("Report"), "incidents", "incident", FIELDS (incident_update_fields),
    "kind", "reported_at, id", "gov 2.2.4(2)(c)" },
  { "incident_notices", N_("Notifications"), N_("Notification"), "incidents", "incident", FIELDS (incident_notice_fields),
    "party", "due_at, id", "gov 2.2.4(3)" },
  { "incident_assets", N_("Affected Assets"), N_("Affected asset"), "incidents", "incident", FIELDS (incident_asset_fields),
    "asset", "id", "gov 2.2.4(2)(d)" },
  { "incident_measures", N_("Recurrence Prevention"), N_("Measure"), "incidents", "incident",
    FIELDS (incident_measure_fields), "what", "due_on, id", "gov 2.2.4(4)" },
  { "attendance", N_("Attendance"), N_("Attendee"), "trainings", "training", FIELDS (attendance_fields), "person", "id",
    "gov 2.2.3(2)(d)" },
  { "supplier_assets", N_("Assets They Handle"), N_("Asset"), "suppliers", "supplier", FIELDS (supplier_asset_fields),
    "asset", "id", "IPA 4(4)" },
};

static const MamoriRegister *register_list[N (registers)];

const MamoriRegister *const *
mamori_registers (guint *n)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < N (registers); i++)
        register_list[i] = &registers[i];
      g_once_init_leave (&once, 1);
    }
  if (n != NULL)
    *n = N (registers);
  return register_list;
}

const MamoriRegister *
mamori_register_lookup (const char *key)
{
  for (guint i = 0; key != NULL && i < N (registers); i++)
    if (strcmp (registers[i].key, key) == 0)
      return &registers[i];
  return NULL;
}

GPtrArray *
mamori_register_children (const MamoriRegister *parent)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < N (registers); i++)
    if (registers[i].parent != NULL && strcmp (registers[i].parent, parent->key) == 0)
      g_ptr_array_add (out, (gpointer) &registers[i]);
  return out;
}

int
mamori_register_field_index (const MamoriRegister *reg,
                             const char           *key)
{
  for (guint i = 0; key != NULL && i < reg->n_fields; i++)
    if (strcmp (reg->fields[i].key, key) == 0)
      return (int) i;
  return -1;
}

const MamoriField *
mamori_register_field (const MamoriRegister *reg,
                       const char           *key)
{
  int i = mamori_register_field_index (reg, key);

  return i < 0 ? NULL : &reg->fields[i];
}

/* The words that need their own context in Japanese (see mamori_register_title). */
static const char *const own_words[] G_GNUC_UNUSED = {
  NC_("register", "Medium"), NC_("register", "Category"), NC_("register", "Cloud service"),
  NC_("register", "Reports"), NC_("register", "Asset"), NC_("suppliers", "Name"),
};

static const char *
register_word (const char *context,
               const char *msgid)
{
  const char *t;

  if (msgid == NULL || *msgid == '\0')
    return "";
  if (context != NULL && (t = g_dpgettext2 (GETTEXT_PACKAGE, context, msgid)) != msgid)
    return t;
  if ((t = g_dpgettext2 (GETTEXT_PACKAGE, "register", msgid)) != msgid)
    return t;
  return _(msgid);
}

const char *
mamori_register_title (const MamoriRegister *reg)
{
  return register_word (reg->key, reg->title);
}

const char *
mamori_register_singular (const MamoriRegister *reg)
{
  return register_word (reg->key, reg->singular);
}

const char *
mamori_register_field_label (const MamoriRegister *reg,
                             const MamoriField    *field)
{
  return register_word (reg ? reg->key : NULL, field->label);
}

const char *
mamori_field_choice_label (const MamoriField *field,
                           const char        *key)
{
  for (guint i = 0; field->choices != NULL && field->choices[i] != NULL; i++)
    if (g_strcmp0 (field->choices[i], key) == 0)
      return register_word (NULL, field->choice_labels[i]);
  return key ? key : "";
}

const char *
mamori_register_choice_label (const MamoriField *field,
                              const char        *key)
{
  return mamori_field_choice_label (field, key);
}

const char *
mamori_field_choice_parse (const MamoriField *field,
                           const char        *text)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));

  for (guint i = 0; field->choices != NULL && field->choices[i] != NULL; i++)
    if (strcmp (field->choices[i], t) == 0 || g_ascii_strcasecmp (field->choice_labels[i], t) == 0 ||
        strcmp (_(field->choice_labels[i]), t) == 0)
      return field->choices[i];
  return NULL;
}

/* --- records ------------------------------------------------------------------------------ */

MamoriRecord *
mamori_record_new (const MamoriRegister *reg)
{
  MamoriRecord *r = g_new0 (MamoriRecord, 1);

  r->reg = reg;
  r->values = g_new0 (char *, reg->n_fields + 1);
  for (guint i = 0; i < reg->n_fields; i++)
    {
      const MamoriField *f = &reg->fields[i];
      const char *def = f->def;
      if (def == NULL && f->type == MAMORI_FIELD_CHOICE && f->choices != NULL)
        def = f->choices[0];
      r->values[i] = g_strdup (def ? def : "");
    }
  return r;
}

MamoriRecord *
mamori_record_copy (const MamoriRecord *record)
{
  MamoriRecord *r = g_new0 (MamoriRecord, 1);

  r->reg = record->reg;
  r->id = record->id;
  r->parent = record->parent;
  r->values = g_strdupv (record->values);
  r->version = record->version;
  return r;
}

void
mamori_record_free (MamoriRecord *record)
{
  if (record == NULL)
    return;
  g_strfreev (record->values);
  g_free (record);
}

const char *
mamori_record_get (const MamoriRecord *record,
                   const char         *key)
{
  int i = mamori_register_field_index (record->reg, key);

  return i < 0 ? "" : record->values[i];
}

void
mamori_record_set (MamoriRecord *record,
                   const char   *key,
                   const char   *value)
{
  int i = mamori_register_field_index (record->reg, key);

  g_return_if_fail (i >= 0);
  g_free (record->values[i]);
  record->values[i] = g_strdup (value ? value : "");
}

const char *
mamori_record_label (const MamoriRecord *record)
{
  return mamori_record_get (record, record->reg->label_field);
}

/* --- checks ------------------------------------------------------------------------------- */

static gboolean
valid_date (const char *text)
{
  int y, m, d;
  char tail;

  return text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-' &&
         sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && g_date_valid_dmy (d, m, y);
}

static gboolean
valid_time (const char *text)
{
  g_autofree char *date = NULL;
  int h, min;
  char tail;

  if (text == NULL || strlen (text) != 16 || text[10] != ' ' || text[13] != ':')
    return FALSE;
  date = g_strndup (text, 10);
  return valid_date (date) && sscanf (text + 11, "%2d:%2d%c", &h, &min, &tail) == 2 && h >= 0 && h < 24 &&
         min >= 0 && min < 60 && g_ascii_isdigit (text[11]) && g_ascii_isdigit (text[14]);
}

static gboolean
valid_number (const char *text,
              int         min,
              int         max)
{
  gint64 n;

  return g_ascii_string_to_signed (text, 10, min, max, &n, NULL);
}

static gboolean
invalid (GError    **error,
         const char *message,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *message,
         ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, message);
  text = g_strdup_vprintf (message, args);
  va_end (args);
  g_set_error_literal (error, MAMORI_REGISTER_ERROR, MAMORI_REGISTER_ERROR_INVALID, text);
  return FALSE;
}

static gboolean
check_field (const MamoriRegister *reg,
             const MamoriField    *f,
             const char           *v,
             GError              **error)
{
  const char *label = mamori_register_field_label (reg, f);

  if (!g_utf8_validate (v, -1, NULL))
    return invalid (error, _("%s is not valid text."), label);
  if (*v == '\0')
    return f->required ? invalid (error, _("%s is required."), label) : TRUE;
  switch (f->type)
    {
    case MAMORI_FIELD_TEXT:
    case MAMORI_FIELD_LONG_TEXT:
      if (f->max > 0 && g_utf8_strlen (v, -1) > f->max)
        return invalid (error, _("%s is longer than %d characters."), label, f->max);
      if (f->type == MAMORI_FIELD_TEXT && strpbrk (v, "\n\r") != NULL)
        return invalid (error, _("%s must be one line."), label);
      return TRUE;
    case MAMORI_FIELD_DATE:
      return valid_date (v) ? TRUE : invalid (error, _("%s: “%s” is not a date (YYYY-MM-DD)."), label, v);
    case MAMORI_FIELD_TIME:
      return valid_time (v) ? TRUE : invalid (error, _("%s: “%s” is not a date and time (YYYY-MM-DD HH:MM)."), label, v);
    case MAMORI_FIELD_CHOICE:
      for (guint i = 0; f->choices[i] != NULL; i++)
        if (strcmp (f->choices[i], v) == 0)
          return TRUE;
      return invalid (error, _("%s: “%s” is not one of the choices."), label, v);
    case MAMORI_FIELD_BOOL:
      return strcmp (v, "0") == 0 || strcmp (v, "1") == 0 ? TRUE : invalid (error, _("%s must be yes (1) or no (0)."), label);
    case MAMORI_FIELD_NUMBER:
      return valid_number (v, f->min, f->max) ? TRUE
                                              : invalid (error, _("%s must be a whole number from %d to %d."), label, f->min, f->max);
    case MAMORI_FIELD_REF:
      return valid_number (v, 1, G_MAXINT) ? TRUE : invalid (error, _("%s does not name a record."), label);
    default:
      g_assert_not_reached ();
    }
}

gboolean
mamori_record_validate (const MamoriRecord *r,
                        GError            **error)
{
  const MamoriRegister *reg = r->reg;

  for (guint i = 0; i < reg->n_fields; i++)
    if (!check_field (reg, &reg->fields[i], r->values[i] ? r->values[i] : "", error))
      return FALSE;
  if (reg->parent != NULL && r->parent <= 0)
    return invalid (error, _("A %s belongs to a record that is not given."), mamori_register_singular (reg));

  if (strcmp (reg->key, "exceptions") == 0)
    {
      const char *decision = mamori_record_get (r, "decision");
      /* gov 2.2.2(2): an applicant never decides on their own request. */
      if (mamori_same_name (mamori_record_get (r, "applicant"), mamori_record_get (r, "approver")))
        {
          g_set_error (error, MAMORI_REGISTER_ERROR, MAMORI_REGISTER_ERROR_SEGREGATION,
                       _("%s cannot approve their own exception: ask another approver."),
                       mamori_record_get (r, "applicant"));
          return FALSE;
        }
      if (strcmp (mamori_record_get (r, "ends_on"), mamori_record_get (r, "starts_on")) < 0)
        return invalid (error, _("The exception cannot end (%s) before it starts (%s)."),
                        mamori_record_get (r, "ends_on"), mamori_record_get (r, "starts_on"));
      if (strcmp (decision, "pending") != 0 && (*mamori_record_get (r, "approver") == '\0' ||
                                                *mamori_record_get (r, "decided_on") == '\0'))
        return invalid (error, _("A decided exception needs its approver and the date of the decision."));
      if (*mamori_record_get (r, "ended_on") != '\0' && strcmp (decision, "approved") != 0)
        return invalid (error, _("Only an approved exception can end."));
    }
  else if (strcmp (reg->key, "acceptances") == 0)
    {
      if (strcmp (mamori_record_get (r, "until"), mamori_record_get (r, "accepted_on")) < 0)
        return invalid (error, _("A risk cannot be accepted until (%s) a date before it was accepted (%s)."),
                        mamori_record_get (r, "until"), mamori_record_get (r, "accepted_on"));
    }
  else if (strcmp (reg->key, "incidents") == 0)
    {
      if (strcmp (mamori_record_get (r, "state"), "closed") == 0 && *mamori_record_get (r, "closed_on") == '\0')
        return invalid (error, _("A closed incident needs the date it was closed."));
    }
  else if (strcmp (reg->key, "people") == 0)
    {
      const char *left = mamori_record_get (r, "left_on");
      if (*left != '\0' && strcmp (left, mamori_record_get (r, "joined_on")) < 0)
        return invalid (error, _("%s cannot leave (%s) before joining (%s)."), mamori_record_get (r, "name"), left,
                        mamori_record_get (r, "joined_on"));
    }
  return TRUE;
}

static char *
normalise_name (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s ? s : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      if (c < 128)
        c = g_ascii_tolower ((char) c);
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
mamori_same_name (const char *a,
                  const char *b)
{
  g_autofree char *x = normalise_name (a);
  g_autofree char *y = normalise_name (b);

  return *x != '\0' && strcmp (x, y) == 0;
}

char *
mamori_fiscal_year_start (const char *date,
                          int         start_month)
{
  int y, m, d;

  if (!valid_date (date) || start_month < 1 || start_month > 12 || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  if (m < start_month)
    y--;
  return g_strdup_printf ("%04d-%02d-01", y, start_month);
}

/* --- reading CSV ------------------------------------------------------------------------- */

static char *
normalise_date (const char *text)
{
  int y, m, d;
  char tail;

  if (sscanf (text, "%d/%d/%d%c", &y, &m, &d, &tail) == 3 || sscanf (text, "%d-%d-%d%c", &y, &m, &d, &tail) == 3)
    {
      if (y >= 1 && y <= 9999 && g_date_valid_dmy (d, m, y))
        return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
      return NULL;
    }
  return NULL;
}

char *
mamori_field_normalise (const MamoriField *field,
                        const char        *text)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));

  if (*t == '\0')
    return g_strdup ("");
  switch (field->type)
    {
    case MAMORI_FIELD_DATE:
      return normalise_date (t);
    case MAMORI_FIELD_TIME:
      {
        g_auto(GStrv) parts = g_strsplit_set (t, " T", 2);
        g_autofree char *date = normalise_date (parts[0]);
        int h, min;
        char tail;
        if (date == NULL || parts[1] == NULL || sscanf (parts[1], "%d:%d%c", &h, &min, &tail) != 2 || h < 0 || h > 23 ||
            min < 0 || min > 59)
          return NULL;
        return g_strdup_printf ("%s %02d:%02d", date, h, min);
      }
    case MAMORI_FIELD_BOOL:
      {
        static const char *yes[] = { "1", "yes", "y", "true", "はい", "○", "〇", "有", NULL };
        static const char *no[] = { "0", "no", "n", "false", "いいえ", "×", "無", NULL };
        for (guint i = 0; yes[i] != NULL; i++)
          if (g_ascii_strcasecmp (t, yes[i]) == 0)
            return g_strdup ("1");
        for (guint i = 0; no[i] != NULL; i++)
          if (g_ascii_strcasecmp (t, no[i]) == 0)
            return g_strdup ("0");
        return NULL;
      }
    case MAMORI_FIELD_CHOICE:
      {
        const char *key = mamori_field_choice_parse (field, t);
        return key ? g_strdup (key) : NULL;
      }
    default:
      return g_steal_pointer (&t);
    }
}

static int
heading_field (const MamoriRegister *reg,
               const char           *heading)
{
  g_autofree char *h = g_strstrip (g_strdup (mamori_csv_cell_text (heading)));

  for (guint i = 0; i < reg->n_fields; i++)
    if (g_ascii_strcasecmp (h, reg->fields[i].key) == 0 || g_ascii_strcasecmp (h, reg->fields[i].label) == 0 ||
        strcmp (h, mamori_register_field_label (reg, &reg->fields[i])) == 0)
      return (int) i;
  return -1;
}

static gboolean
has_refs (const MamoriRegister *reg)
{
  for (guint i = 0; i < reg->n_fields; i++)
    if (reg->fields[i].type == MAMORI_FIELD_REF)
      return TRUE;
  return FALSE;
}

gboolean
mamori_register_read_csv (const MamoriRegister *reg,
                          const char           *text,
                          GPtrArray           **records,
                          GPtrArray           **problems,
                          GError              **error)
{
  g_autoptr(GPtrArray) rows = mamori_csv_parse (text, error);
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autofree int *columns = NULL;
  MamoriCsvRow *head;

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error (error, MAMORI_REGISTER_ERROR, MAMORI_REGISTER_ERROR_INVALID,
                   _("The file is empty: it needs a heading row naming the columns."));
      return FALSE;
    }
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
  bad = g_ptr_array_new_with_free_func (g_free);
  head = rows->pdata[0];
  columns = g_new (int, head->fields->len);
  for (guint c = 0; c < head->fields->len; c++)
    {
      const char *h = head->fields->pdata[c];
      columns[c] = heading_field (reg, h);
      if (columns[c] < 0 && *h != '\0')
        {
          g_autofree char *shown = mamori_text_excerpt (h);
          g_ptr_array_add (bad, g_strdup_printf (_("Line %u: the column “%s” is not a field of %s."), head->line, shown,
                                                 mamori_register_title (reg)));
        }
    }
  if (bad->len > 0)
    {
      *records = g_steal_pointer (&out);
      *problems = g_steal_pointer (&bad);
      return TRUE;
    }
  for (guint r = 1; r < rows->len; r++)
    {
      MamoriCsvRow *row = rows->pdata[r];
      g_autoptr(MamoriRecord) rec = mamori_record_new (reg);
      g_autoptr(GError) local = NULL;
      gboolean ok = TRUE;

      if (row->fields->len > head->fields->len)
        {
          g_ptr_array_add (bad, g_strdup_printf (_("Line %u: more cells than headings."), row->line));
          continue;
        }
      for (guint c = 0; c < row->fields->len && ok; c++)
        {
          const MamoriField *f;
          g_autofree char *value = NULL;
          const char *cell = mamori_csv_cell_text (row->fields->pdata[c]);
          if (columns[c] < 0)
            continue;
          f = &reg->fields[columns[c]];
          value = mamori_field_normalise (f, cell);
          if (value == NULL)
            {
              g_autofree char *shown = mamori_text_excerpt (cell);
              g_ptr_array_add (bad, g_strdup_printf (_("Line %u: %s: “%s” cannot be read."), row->line, mamori_register_field_label (reg, f), shown));
              ok = FALSE;
              break;
            }
          if (*value != '\0' || f->def == NULL)
            mamori_record_set (rec, f->key, value);
        }
      if (!ok)
        continue;
      if (!has_refs (reg) && !mamori_record_validate (rec, &local))
        {
          g_ptr_array_add (bad, g_strdup_printf (_("Line %u: %s"), row->line, local->message));
          continue;
        }
      g_ptr_array_add (out, g_steal_pointer (&rec));
    }
  *records = g_steal_pointer (&out);
  *problems = g_steal_pointer (&bad);
  return TRUE;
}
