/* mamori-documents.c — drafted documents and their versions */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-documents.h"
#include "mamori-documents-private.h"
#include "core/mamori-calendar.h"
#include "core/mamori-profile.h"
#include "mamori-assessments.h"
#include "mamori-statement.h"
#include "mamori-workspace-internal.h"

static const char *status_keys[] = { "draft", "review", "approved" };

const char *
mamori_document_status_key (MamoriDocumentStatus status)
{
  return status <= MAMORI_DOCUMENT_APPROVED ? status_keys[status] : "draft";
}

static MamoriDocumentStatus
status_from_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_keys); i++)
    if (g_strcmp0 (key, status_keys[i]) == 0)
      return i;
  return MAMORI_DOCUMENT_DRAFT;
}

void
mamori_document_info_free (MamoriDocumentInfo *d)
{
  if (d == NULL)
    return;
  g_free (d->template_id);
  g_free (d->kind);
  g_free (d->lang);
  g_free (d->title);
  g_free (d->numbering);
  g_free (d->classification);
  g_free (d->updated_at);
  g_free (d);
}

void
mamori_document_version_free (MamoriDocumentVersion *v)
{
  if (v == NULL)
    return;
  g_free (v->markdown);
  g_free (v->summary);
  g_free (v->approver);
  g_free (v->approved_on);
  g_free (v->updated_at);
  g_free (v);
}

#define TEXT(stmt, col) mamori_statement_dup_text (stmt, col)

typedef struct {
  const char *template_id, *kind, *lang, *title, *numbering, *classification, *markdown;
  const char *cover_organisation, *effective_on;
  gint64 id;
} DocumentAdd;

static gboolean
write_new_document (MamoriWorkspace  *self,
                    gpointer          data,
                    char            **summary,
                    GError          **error)
{
  DocumentAdd *d = data;
  g_autofree char *now = mamori_workspace_now ();

  if (!mamori_statement_insert (self, _("add the document"), &d->id, error,
                                "INSERT INTO document (template_id, kind, lang, title, numbering, classification, created_at, "
                                "cover_organisation, effective_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", "ttttttttt",
                                d->template_id ? d->template_id : "", d->kind ? d->kind : "document",
                                g_strcmp0 (d->lang, "en") == 0 ? "en" : "ja", d->title,
                                g_strcmp0 (d->numbering, "articles") == 0 ? "articles" : "sections",
                                d->classification ? d->classification : "", now,
                                d->cover_organisation ? d->cover_organisation : "",
                                d->effective_on && mamori_workspace_valid_date (d->effective_on) ? d->effective_on : "") ||
      !mamori_statement_run (self, _("add the document"), error,
                             "INSERT INTO document_version (document_id, number, status, markdown, updated_at) "
                             "VALUES (?1, 1, 'draft', ?2, ?3)", "itt", d->id, d->markdown ? d->markdown : "", now))
    return FALSE;
  *summary = g_strdup_printf ("document %" G_GINT64_FORMAT " “%s” created from %s", d->id, d->title, d->template_id);
  return TRUE;
}

/* cover_organisation and effective_on: what the form gave for the cover (the organisation's
 * name and the date the document takes effect), kept with the document; may be NULL. */
static gint64
add_document (MamoriWorkspace *self,
              const char      *template_id,
              const char      *kind,
              const char      *lang,
              const char      *title,
              const char      *numbering,
              const char      *classification,
              const char      *markdown,
              const char      *cover_organisation,
              const char      *effective_on,
              GError         **error)
{
  DocumentAdd d = { template_id, kind, lang, title, numbering, classification, markdown,
                    cover_organisation, effective_on, 0 };

  if (title == NULL || *title == '\0')
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, _("A document needs a title."));
      return 0;
    }
  if (!mamori_workspace_write (self, "document", "create", _("add the document"), write_new_document, &d, error))
    return 0;
  return d.id;
}

#define INFO_SELECT \
  "SELECT d.id, d.template_id, d.kind, d.lang, d.title, d.numbering, d.classification, v.number, v.status, " \
  "v.updated_at, v.row_version FROM document d JOIN document_version v ON v.document_id = d.id " \
  "AND v.number = (SELECT max (number) FROM document_version WHERE document_id = d.id) "

static MamoriDocumentInfo *
info_from_row (MamoriStatement *stmt)
{
  MamoriDocumentInfo *d = g_new0 (MamoriDocumentInfo, 1);
  g_autofree char *status = TEXT (stmt, 8);

  d->id = mamori_statement_int64 (stmt, 0);
  d->template_id = TEXT (stmt, 1);
  d->kind = TEXT (stmt, 2);
  d->lang = TEXT (stmt, 3);
  d->title = TEXT (stmt, 4);
  d->numbering = TEXT (stmt, 5);
  d->classification = TEXT (stmt, 6);
  d->latest = mamori_statement_int (stmt, 7);
  d->status = status_from_key (status);
  d->updated_at = TEXT (stmt, 9);
  d->row_version = mamori_statement_int64 (stmt, 10);
  return d;
}

static gboolean
info_row (MamoriStatement  *stmt,
          gpointer          data,
          GError          **error)
{
  g_ptr_array_add (data, info_from_row (stmt));
  return TRUE;
}

/* Runs an INFO_SELECT query with one optional text or id parameter (?1). */
static GPtrArray *
query_infos (MamoriWorkspace *self,
             const char      *tail,
             const char      *text_param,
             gint64           id_param,
             GError         **error)
{
  g_autofree char *sql = g_strconcat (INFO_SELECT, tail, NULL);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_document_info_free);
  gboolean ok;

  if (text_param != NULL)
    ok = mamori_statement_query (self, _("read the documents"), info_row, out, error, sql, "t", text_param);
  else
    ok = mamori_statement_query (self, _("read the documents"), info_row, out, error, sql, id_param != 0 ? "i" : NULL,
                                 id_param);
  return ok ? g_steal_pointer (&out) : NULL;
}

GPtrArray *
mamori_workspace_list_documents (MamoriWorkspace *self,
                                 GError         **error)
{
  return query_infos (self, "ORDER BY v.updated_at DESC, d.id DESC", NULL, 0, error);
}

MamoriDocumentInfo *
mamori_workspace_get_document (MamoriWorkspace *self,
                               gint64           id,
                               GError         **error)
{
  g_autoptr(GPtrArray) list = query_infos (self, "WHERE d.id = ?1", NULL, id, error);

  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, _("There is no document %lld."),
                   (long long) id);
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

MamoriDocumentInfo *
mamori_workspace_find_document (MamoriWorkspace *self,
                                const char      *kind,
                                GError         **error)
{
  g_autoptr(GPtrArray) list = query_infos (self, "WHERE d.kind = ?1 ORDER BY d.id DESC LIMIT 1", kind, 0, error);

  return list != NULL && list->len > 0 ? g_ptr_array_steal_index (list, 0) : NULL;
}

static gboolean
version_row (MamoriStatement  *stmt,
             gpointer          data,
             GError          **error)
{
  MamoriDocumentVersion *v = g_new0 (MamoriDocumentVersion, 1);
  g_autofree char *status = TEXT (stmt, 2);

  v->id = mamori_statement_int64 (stmt, 0);
  v->number = mamori_statement_int (stmt, 1);
  v->status = status_from_key (status);
  v->markdown = TEXT (stmt, 3);
  v->summary = TEXT (stmt, 4);
  v->approver = TEXT (stmt, 5);
  v->approved_on = TEXT (stmt, 6);
  v->updated_at = TEXT (stmt, 7);
  v->row_version = mamori_statement_int64 (stmt, 8);
  g_ptr_array_add (data, v);
  return TRUE;
}

GPtrArray *
mamori_workspace_list_versions (MamoriWorkspace *self,
                                gint64           document_id,
                                GError         **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_document_version_free);

  if (!mamori_statement_query (self, _("read the document’s versions"), version_row, out, error,
                               "SELECT id, number, status, markdown, summary, approver, approved_on, updated_at, row_version "
                               "FROM document_version WHERE document_id = ?1 ORDER BY number", "i", document_id))
    return NULL;
  return g_steal_pointer (&out);
}

typedef struct {
  gint64 id;
  const char *markdown, *summary;
  gint64 *version;
} DocumentSave;

static gboolean
write_document_text (MamoriWorkspace  *self,
                     gpointer          data,
                     char            **summary,
                     GError          **error)
{
  DocumentSave *d = data;
  gint64 expected = *d->version, now_version = 0;
  g_autofree char *now = mamori_workspace_now ();
  /* The newest version as it is now, inside the write. */
  g_autoptr(MamoriDocumentInfo) info = mamori_workspace_get_document (self, d->id, error);

  if (info == NULL)
    return FALSE;
  if (info->status == MAMORI_DOCUMENT_APPROVED)
    {
      /* The approved text stays; editing starts the next version (at a new row version: see
       * the header). Two people starting it at once: the second insert breaks the unique
       * (document, number), so neither text is lost silently. */
      if (expected > 0 && info->row_version != expected)
        goto conflict;
      now_version = MAX (g_get_real_time (), 1);
      if (!mamori_statement_run (self, _("save the document"), error,
                                 "INSERT INTO document_version (document_id, number, status, markdown, summary, updated_at, row_version) "
                                 "VALUES (?1, ?2, 'draft', ?3, ?4, ?5, ?6)", "iittti",
                                 info->id, (gint64) info->latest + 1, d->markdown, d->summary ? d->summary : "", now, now_version))
        return FALSE;
      *summary = g_strdup_printf ("document %" G_GINT64_FORMAT ": version %u started", info->id, info->latest + 1);
    }
  else
    {
      g_autoptr(MamoriStatement) stmt =
        mamori_statement_new (self, _("save the document"), error,
                              "UPDATE document_version SET markdown = ?1, summary = coalesce (?2, summary), "
                              "status = 'draft', updated_at = ?3, row_version = row_version + 1 "
                              "WHERE document_id = ?4 AND number = ?5 "
                              "AND (CAST (?6 AS bigint) = 0 OR row_version = CAST (?6 AS bigint))", "tttiii",
                              d->markdown, d->summary, now, info->id, (gint64) info->latest, expected > 0 ? expected : 0);

      if (stmt == NULL || !mamori_statement_execute (stmt, error, NULL))
        return FALSE;
      if (mamori_statement_changes (stmt) == 0)
        goto conflict;
      if (!mamori_statement_fetch_int64 (self, _("save the document"), &now_version, error,
                                         "SELECT row_version FROM document_version WHERE document_id = ?1 AND number = ?2",
                                         "ii", info->id, (gint64) info->latest))
        return FALSE;
      *summary = g_strdup_printf ("document %" G_GINT64_FORMAT ": version %u edited", info->id, info->latest);
    }
  *d->version = now_version;
  return TRUE;

conflict:
  g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT,
               _("Someone else changed “%s” after you opened it, so your text was not saved. Open the document again "
                 "to see theirs."), info->title);
  return FALSE;
}

gboolean
mamori_workspace_save_document_checked (MamoriWorkspace *self,
                                        gint64           document_id,
                                        const char      *markdown,
                                        const char      *summary,
                                        gint64          *version,
                                        GError         **error)
{
  DocumentSave d = { document_id, markdown, summary, version };
  g_autoptr(MamoriDocumentInfo) info = mamori_workspace_get_document (self, document_id, error);

  /* There is no such document: said before the write. */
  if (info == NULL)
    return FALSE;
  return mamori_workspace_write (self, "document", "update", _("save the document"), write_document_text, &d, error);
}

gboolean
mamori_workspace_save_document (MamoriWorkspace *self,
                                gint64           document_id,
                                const char      *markdown,
                                const char      *summary,
                                GError         **error)
{
  gint64 version = MAMORI_ROW_VERSION_ANY;

  return mamori_workspace_save_document_checked (self, document_id, markdown, summary, &version, error);
}

typedef struct {
  const MamoriDocumentInfo *info;
  MamoriDocumentStatus status;
  const char *who, *date;
} DocumentStatus;

static gboolean
write_document_status (MamoriWorkspace  *self,
                       gpointer          data,
                       char            **summary,
                       GError          **error)
{
  DocumentStatus *d = data;
  const MamoriDocumentInfo *info = d->info;
  gboolean approved = d->status == MAMORI_DOCUMENT_APPROVED;
  g_autofree char *now = mamori_workspace_now ();

  if (!mamori_statement_run (self, _("change the document’s status"), error,
                             "UPDATE document_version SET status = ?1, approver = ?2, approved_on = ?3, updated_at = ?4, "
                             "row_version = row_version + 1 WHERE document_id = ?5 AND number = ?6", "ttttii",
                             mamori_document_status_key (d->status), approved ? d->who : "", approved ? d->date : "", now,
                             info->id, (gint64) info->latest))
    return FALSE;
  /* An approved policy, rule set or handbook is its step-up task done. */
  if (approved)
    {
      const char *task = g_strcmp0 (info->kind, "policy") == 0 ? "s2.policy"
                       : g_strcmp0 (info->kind, "rules") == 0 ? "s3.rules"
                       : g_strcmp0 (info->kind, "handbook") == 0 ? "s2.handbook" : NULL;
      if (task != NULL && !mamori_workspace_tick_task (self, task, _("change the document’s status"), error))
        return FALSE;
    }
  *summary = g_strdup_printf ("document %" G_GINT64_FORMAT ": version %u %s%s%s", info->id, info->latest,
                              mamori_document_status_key (d->status), *d->who ? " by " : "", d->who);
  return TRUE;
}

gboolean
mamori_workspace_set_document_status (MamoriWorkspace     *self,
                                      gint64               document_id,
                                      MamoriDocumentStatus status,
                                      const char          *approver,
                                      const char          *date,
                                      GError             **error)
{
  g_autoptr(MamoriDocumentInfo) info = mamori_workspace_get_document (self, document_id, error);
  g_autofree char *who = g_strstrip (g_strdup (approver ? approver : ""));
  DocumentStatus d = { info, status, who, date };

  if (info == NULL)
    return FALSE;
  if (info->status == MAMORI_DOCUMENT_APPROVED)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("Version %u of “%s” is approved and cannot change; edit the document to start version %u."),
                   info->latest, info->title, info->latest + 1);
      return FALSE;
    }
  if (status == MAMORI_DOCUMENT_APPROVED && info->status != MAMORI_DOCUMENT_REVIEW)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("“%s” must be in review before it can be approved."), info->title);
      return FALSE;
    }
  if (status == MAMORI_DOCUMENT_APPROVED)
    {
      g_autoptr(GDateTime) day = NULL;
      g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", date ? date : "");
      if (*who == '\0')
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                       _("Approving “%s” needs the approver’s name."), info->title);
          return FALSE;
        }
      day = date && strlen (date) == 10 ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
      if (day == NULL)
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                       _("The approval date “%s” is not a date (YYYY-MM-DD)."), date ? date : "");
          return FALSE;
        }
    }
  if (!mamori_workspace_write (self, "document", "status", _("change the document’s status"),
                               write_document_status, &d, error))
    return FALSE;
  if (status == MAMORI_DOCUMENT_APPROVED)
    mamori_workspace_emit_changed (self, "stepup_task");
  return TRUE;
}

gint64
mamori_workspace_add_document_from_template (MamoriWorkspace            *self,
                                             const MamoriTemplate       *tmpl,
                                             const MamoriTemplateValues *values,
                                             GError                    **error)
{
  return mamori_workspace_add_classified_document (self, tmpl, values, NULL, error);
}

gint64
mamori_workspace_add_classified_document (MamoriWorkspace            *self,
                                          const MamoriTemplate       *tmpl,
                                          const MamoriTemplateValues *values,
                                          const char                 *classification,
                                          GError                    **error)
{
  g_autofree char *markdown = mamori_template_fill (tmpl, values, error);
  g_autofree char *fallback = NULL;

  if (markdown == NULL)
    return 0;
  if (classification == NULL)
    classification = fallback = mamori_workspace_default_document_classification (self, mamori_template_get_lang (tmpl));
  return add_document (self, mamori_template_get_id (tmpl), mamori_template_get_kind (tmpl),
                       mamori_template_get_lang (tmpl), mamori_template_get_title (tmpl),
                       mamori_template_get_numbering (tmpl), classification, markdown,
                       values ? mamori_template_values_get (values, "organisation") : NULL,
                       values ? mamori_template_values_get (values, "established_on") : NULL, error);
}

gint64
mamori_workspace_add_document (MamoriWorkspace *self,
                               const char      *template_id,
                               const char      *kind,
                               const char      *lang,
                               const char      *title,
                               const char      *numbering,
                               const char      *classification,
                               const char      *markdown,
                               GError         **error)
{
  return add_document (self, template_id, kind, lang, title, numbering, classification, markdown, NULL, NULL, error);
}

typedef struct {
  char *organisation;
  char *effective_on;
} Cover;

static gboolean
cover_row (MamoriStatement  *stmt,
           gpointer          data,
           GError          **error)
{
  Cover *c = data;

  c->organisation = TEXT (stmt, 0);
  c->effective_on = TEXT (stmt, 1);
  return TRUE;
}

void
mamori_document_print_free (MamoriDocumentPrint *p)
{
  if (p == NULL)
    return;
  g_free (p->markdown);
  g_free (p->organisation);
  g_free (p->title);
  g_free (p->version);
  g_free (p->date);
  g_free (p->classification);
  g_free (p->approved_by);
  g_free (p->created_by);
  g_free (p->lang);
  g_free (p->numbering);
  g_clear_pointer (&p->meta.revisions, g_ptr_array_unref);
  g_free (p);
}

MamoriDocumentPrint *
mamori_workspace_get_document_print (MamoriWorkspace *self,
                                     gint64           id,
                                     gboolean         newest,
                                     GError         **error)
{
  g_autoptr(MamoriDocumentInfo) info = mamori_workspace_get_document (self, id, error);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(MamoriProfile) profile = NULL;
  MamoriDocumentVersion *chosen = NULL;
  MamoriDocumentPrint *p;
  Cover cover = { NULL, NULL };
  gboolean en;

  if (info == NULL || (versions = mamori_workspace_list_versions (self, id, error)) == NULL ||
      (profile = mamori_workspace_get_profile (self, error)) == NULL)
    return NULL;
  en = g_str_equal (info->lang, "en");
  for (guint i = 0; !newest && i < versions->len; i++)
    if (((MamoriDocumentVersion *) versions->pdata[i])->status == MAMORI_DOCUMENT_APPROVED)
      chosen = versions->pdata[i];
  if (chosen == NULL)
    chosen = versions->pdata[versions->len - 1];

  if (!mamori_statement_query (self, _("read the document"), cover_row, &cover, error,
                               "SELECT cover_organisation, effective_on FROM document WHERE id = ?1", "i", id))
    return NULL;

  p = g_new0 (MamoriDocumentPrint, 1);
  p->markdown = g_strdup (chosen->markdown);
  p->number = chosen->number;
  p->status = chosen->status;
  /* The profile's name, or the one the form gave when the profile has none. */
  p->organisation = g_strdup (profile->name && *profile->name ? profile->name
                              : cover.organisation ? cover.organisation : "");
  p->title = g_strdup (info->title);
  p->version = g_strdup_printf ("%u.0", chosen->number);
  /* The date the user chose for it to take effect; else approval, else the last edit. */
  p->date = g_strdup (cover.effective_on && *cover.effective_on ? cover.effective_on
                      : *chosen->approved_on ? chosen->approved_on : "");
  if (*p->date == '\0')
    {
      g_free (p->date);
      p->date = g_strndup (chosen->updated_at, 10);
    }
  /* Documents made before a classification was chosen have it empty: 社外秘, as then. */
  p->classification = g_strdup (mamori_document_classification_text (info->classification, info->lang));
  p->approved_by = g_strdup (chosen->approver);
  p->created_by = g_strdup (profile->security_officer ? profile->security_officer : "");
  p->lang = g_strdup (info->lang);
  p->numbering = g_strdup (info->numbering);
  p->meta.revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_revision_free);
  for (guint i = 0; i < versions->len; i++)
    {
      MamoriDocumentVersion *v = versions->pdata[i];
      MamoriRevision *r;
      if (v->number > chosen->number || v->status != MAMORI_DOCUMENT_APPROVED)
        continue;
      r = g_new0 (MamoriRevision, 1);
      r->version = g_strdup_printf ("%u.0", v->number);
      r->date = g_strdup (v->approved_on);
      r->summary = g_strdup (*v->summary ? v->summary : v->number == 1 ? (en ? "First edition" : "制定") : "");
      r->approver = g_strdup (v->approver);
      g_ptr_array_add (p->meta.revisions, r);
    }
  p->meta.organisation = p->organisation;
  p->meta.title = p->title;
  p->meta.version = p->version;
  p->meta.date = p->date;
  p->meta.classification = p->classification;
  p->meta.approved_by = p->approved_by;
  p->meta.created_by = p->created_by;
  p->meta.lang = p->lang;
  p->meta.numbering = p->numbering;
  p->meta.table_of_contents = TRUE;
  g_free (cover.organisation);
  g_free (cover.effective_on);
  return p;
}

/* Orders "1", "2", …, "10" as numbers. */
static int
compare_ref_ids (gconstpointer a,
                 gconstpointer b)
{
  const char *x = *(const char * const *) a, *y = *(const char * const *) b;
  gint64 nx = g_ascii_strtoll (x, NULL, 10), ny = g_ascii_strtoll (y, NULL, 10);
  return nx != ny ? (nx < ny ? -1 : 1) : g_strcmp0 (x, y);
}

MamoriTemplateValues *
mamori_workspace_prefill_template (MamoriWorkspace      *self,
                                   const MamoriTemplate *tmpl,
                                   GError              **error)
{
  g_autoptr(MamoriTemplateValues) values = mamori_template_values_new ();
  g_autoptr(MamoriProfile) profile = mamori_workspace_get_profile (self, error);
  const MamoriTemplateField *roles = mamori_template_find_field (tmpl, "roles");
  const MamoriTemplateField *decided = mamori_template_find_field (tmpl, "decided");
  gboolean en = g_str_equal (mamori_template_get_lang (tmpl), "en");

  if (profile == NULL)
    return NULL;
  if (mamori_template_find_field (tmpl, "organisation") != NULL && profile->name && *profile->name)
    mamori_template_values_set (values, "organisation", profile->name);
  if (roles != NULL && roles->type == MAMORI_TEMPLATE_FIELD_TABLE && roles->default_rows && roles->default_rows->len > 0 &&
      profile->security_officer && *profile->security_officer)
    {
      /* The officer fills the first role (the information-security officer). */
      for (guint r = 0; r < roles->default_rows->len; r++)
        {
          g_auto(GStrv) row = g_strdupv (roles->default_rows->pdata[r]);
          for (guint c = 0; r == 0 && c < roles->options->len && row[c]; c++)
            {
              const char *key = ((MamoriFieldOption *) roles->options->pdata[c])->key;
              if (g_str_equal (key, "name"))
                g_free (row[c]), row[c] = g_strdup (profile->security_officer);
              else if (g_str_equal (key, "contact") && profile->contact && *profile->contact)
                g_free (row[c]), row[c] = g_strdup (profile->contact);
            }
          mamori_template_values_add_row (values, "roles", (const char * const *) row);
        }
    }
  if (decided != NULL && decided->type == MAMORI_TEMPLATE_FIELD_TABLE)
    {
      g_autoptr(GPtrArray) list = mamori_workspace_list_assessments (self, "ipa-self-diagnosis", error);
      MamoriAssessment *latest = NULL;
      if (list == NULL)
        return NULL;
      for (guint i = 0; i < list->len; i++)
        if (((MamoriAssessment *) list->pdata[i])->completed)
          latest = list->pdata[i];
      if (latest != NULL)
        {
          g_autoptr(GHashTable) answers = mamori_workspace_get_answers (self, latest->id, error);
          g_autoptr(GPtrArray) keys = NULL;
          if (answers == NULL)
            return NULL;
          keys = g_ptr_array_new ();
          {
            GHashTableIter it;
            gpointer key;
            g_hash_table_iter_init (&it, answers);
            while (g_hash_table_iter_next (&it, &key, NULL))
              g_ptr_array_add (keys, key);
          }
          g_ptr_array_sort (keys, compare_ref_ids);
          for (guint i = 0; i < keys->len; i++)
            {
              MamoriAnswer *a = g_hash_table_lookup (answers, keys->pdata[i]);
              g_autofree char *item = NULL;
              const char *cells[5] = { NULL };
              if (a->measure_what == NULL || *a->measure_what == '\0')
                continue;
              item = g_strdup_printf (en ? "Self-diagnosis No.%s" : "自社診断 No.%s", a->ref_id);
              cells[0] = item;
              cells[1] = a->measure_what;
              cells[2] = a->measure_owner ? a->measure_owner : "";
              cells[3] = a->measure_due ? a->measure_due : "";
              mamori_template_values_add_row (values, "decided", cells);
            }
        }
    }
  return g_steal_pointer (&values);
}

/* --- scheduled reviews ------------------------------------------------------------------- */

void
mamori_document_review_free (MamoriDocumentReview *r)
{
  if (r == NULL)
    return;
  g_free (r->title);
  g_free (r->approved_on);
  g_free (r->due_on);
  g_free (r);
}

static gboolean
review_row (MamoriStatement  *stmt,
            gpointer          data,
            GError          **error)
{
  GPtrArray *out = data;
  MamoriDocumentReview *r = g_new0 (MamoriDocumentReview, 1);

  r->id = mamori_statement_int64 (stmt, 0);
  r->title = mamori_statement_dup_text (stmt, 1);
  r->approved_on = mamori_statement_dup_text (stmt, 2);
  r->review_months = (guint) mamori_statement_int (stmt, 3);
  r->data_changed = mamori_statement_int (stmt, 4) != 0;
  r->due_on = r->review_months > 0 ? mamori_date_add_months (r->approved_on, (int) r->review_months) : NULL;
  if (r->due_on == NULL)
    r->due_on = g_strdup ("");
  g_ptr_array_add (out, r);
  return TRUE;
}

GPtrArray *
mamori_workspace_document_reviews (MamoriWorkspace  *self,
                                   GError          **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_document_review_free);

  /* The change log's times are ISO 8601 with the zone; a version's updated_at too. */
  if (!mamori_statement_query (self, _("read the documents"), review_row, out, error,
                               "SELECT d.id, d.title, v.approved_on, d.review_months, "
                               "  EXISTS (SELECT 1 FROM change_log l WHERE l.at > v.updated_at AND l.entity IN "
                               "          ('organisation', 'asset', 'assessment', 'audit', 'review')) "
                               "FROM document d JOIN document_version v ON v.document_id = d.id "
                               "WHERE v.status = 'approved' AND v.approved_on <> '' AND v.number = "
                               "  (SELECT max (number) FROM document_version w WHERE w.document_id = d.id "
                               "   AND w.status = 'approved') "
                               "ORDER BY d.id", ""))
    return NULL;
  return g_steal_pointer (&out);
}

typedef struct {
  gint64 id;
  guint months;
} ReviewMonths;

static gboolean
write_review_months (MamoriWorkspace  *self,
                     gpointer          data,
                     char            **summary,
                     GError          **error)
{
  ReviewMonths *m = data;
  g_autoptr(MamoriStatement) stmt = mamori_statement_new (self, _("save the document"), error,
                                                          "UPDATE document SET review_months = ?1 WHERE id = ?2", "ii",
                                                          (gint64) m->months, m->id);

  if (stmt == NULL || !mamori_statement_execute (stmt, error, NULL))
    return FALSE;
  if (mamori_statement_changes (stmt) == 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, _("There is no document %lld."),
                   (long long) m->id);
      return FALSE;
    }
  *summary = g_strdup_printf ("document %" G_GINT64_FORMAT " reviewed every %u months", m->id, m->months);
  return TRUE;
}

gboolean
mamori_workspace_set_document_review_months (MamoriWorkspace  *self,
                                             gint64            id,
                                             guint             months,
                                             GError          **error)
{
  ReviewMonths m = { id, months };

  if (months > 120)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("A document is reviewed at least every 120 months (10 years)."));
      return FALSE;
    }
  return mamori_workspace_write (self, "document", "review interval", _("save the document"), write_review_months, &m,
                                 error);
}

MamoriClassScheme
mamori_workspace_get_classification_scheme (MamoriWorkspace *self)
{
  g_autofree char *key = mamori_workspace_get_setting (self, "classification_scheme", NULL);

  return mamori_class_scheme_from_key (key);
}

char *
mamori_workspace_default_document_classification (MamoriWorkspace *self,
                                                  const char      *lang)
{
  const char *l = g_strcmp0 (lang, "en") == 0 ? "en" : "ja";

  /* The government scheme's default: 機密性2, the level of internal papers not to be made
   * public (the simple scheme's 社外秘; a README decision). */
  if (mamori_workspace_get_classification_scheme (self) == MAMORI_CLASS_SCHEME_GOVERNMENT)
    return mamori_classification_label (2, 0, 0, "", l);
  return g_strdup (mamori_class_simple_label (0, l));
}

typedef struct {
  gint64 id;
  const char *classification;
} ClassificationSet;

static gboolean
write_classification (MamoriWorkspace  *self,
                      gpointer          data,
                      char            **summary,
                      GError          **error)
{
  ClassificationSet *c = data;
  g_autoptr(MamoriStatement) stmt = mamori_statement_new (self, _("save the document"), error,
                                                          "UPDATE document SET classification = ?1 WHERE id = ?2", "ti",
                                                          c->classification, c->id);

  if (stmt == NULL || !mamori_statement_execute (stmt, error, NULL))
    return FALSE;
  if (mamori_statement_changes (stmt) == 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, _("There is no document %lld."),
                   (long long) c->id);
      return FALSE;
    }
  *summary = g_strdup_printf ("document %" G_GINT64_FORMAT " classified “%s”", c->id, c->classification);
  return TRUE;
}

gboolean
mamori_workspace_set_document_classification (MamoriWorkspace  *self,
                                              gint64            id,
                                              const char       *classification,
                                              GError          **error)
{
  g_autofree char *text = g_strstrip (g_strdup (classification ? classification : ""));
  ClassificationSet c = { id, text };

  if (strchr (text, '\n') != NULL || g_utf8_strlen (text, -1) > 200)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("A document’s classification is one line of at most 200 characters."));
      return FALSE;
    }
  return mamori_workspace_write (self, "document", "classification", _("save the document"), write_classification, &c,
                                 error);
}
