/* mamori-documents.c — drafted documents and their versions */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-documents.h"
#include "core/mamori-profile.h"
#include "mamori-assessments.h"
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

#define TEXT(stmt, col) mamori_workspace_column_text (stmt, col)

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
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *now = mamori_workspace_now ();
  g_autofree char *summary = NULL;
  gint64 id = 0;
  int rc;

  if (title == NULL || *title == '\0')
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, _("A document needs a title."));
      return 0;
    }
  if (!mamori_workspace_ensure_open (self, error))
    return 0;
  db = mamori_workspace_get_db (self);
  mamori_workspace_lock (self);
  if (!mamori_workspace_begin (self, _("add the document"), error))
    {
      mamori_workspace_unlock (self);
      return 0;
    }
  rc = sqlite3_prepare_v2 (db, "INSERT INTO document (template_id, kind, lang, title, numbering, classification, created_at, "
                               "cover_organisation, effective_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, template_id ? template_id : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, kind ? kind : "document", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, g_strcmp0 (lang, "en") == 0 ? "en" : "ja", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, g_strcmp0 (numbering, "articles") == 0 ? "articles" : "sections", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, classification ? classification : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, cover_organisation ? cover_organisation : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, effective_on && mamori_workspace_valid_date (effective_on) ? effective_on : "", -1,
                         SQLITE_STATIC);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
      id = sqlite3_last_insert_rowid (db);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT INTO document_version (document_id, number, status, markdown, updated_at) "
                                 "VALUES (?1, 1, 'draft', ?2, ?3)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, markdown ? markdown : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      mamori_workspace_set_sqlite_error (error, mamori_workspace_get_path (self), db, rc, _("add the document"));
      goto fail;
    }
  summary = g_strdup_printf ("document %" G_GINT64_FORMAT " “%s” created from %s", id, title, template_id);
  if (!mamori_workspace_log_and_commit (self, "document", "create", summary, _("add the document"), error))
    goto fail;
  mamori_workspace_unlock (self);
  mamori_workspace_emit_changed (self, "document");
  return id;

fail:
  mamori_workspace_rollback (self);
  mamori_workspace_unlock (self);
  return 0;
}

#define INFO_SELECT \
  "SELECT d.id, d.template_id, d.kind, d.lang, d.title, d.numbering, d.classification, v.number, v.status, " \
  "v.updated_at FROM document d JOIN document_version v ON v.document_id = d.id " \
  "AND v.number = (SELECT max (number) FROM document_version WHERE document_id = d.id) "

static MamoriDocumentInfo *
info_from_row (sqlite3_stmt *stmt)
{
  MamoriDocumentInfo *d = g_new0 (MamoriDocumentInfo, 1);
  g_autofree char *status = TEXT (stmt, 8);

  d->id = sqlite3_column_int64 (stmt, 0);
  d->template_id = TEXT (stmt, 1);
  d->kind = TEXT (stmt, 2);
  d->lang = TEXT (stmt, 3);
  d->title = TEXT (stmt, 4);
  d->numbering = TEXT (stmt, 5);
  d->classification = TEXT (stmt, 6);
  d->latest = sqlite3_column_int (stmt, 7);
  d->status = status_from_key (status);
  d->updated_at = TEXT (stmt, 9);
  return d;
}

typedef struct {
  const char *text;
  gint64 id;
  GPtrArray *out;
} InfoRead;

static void
info_bind (sqlite3_stmt *stmt,
           gpointer      data)
{
  InfoRead *r = data;

  if (r->text != NULL)
    sqlite3_bind_text (stmt, 1, r->text, -1, SQLITE_STATIC);
  else if (r->id != 0)
    sqlite3_bind_int64 (stmt, 1, r->id);
}

static void
info_row (sqlite3_stmt *stmt,
          gpointer      data)
{
  g_ptr_array_add (((InfoRead *) data)->out, info_from_row (stmt));
}

/* Runs an INFO_SELECT query with one optional text or id parameter. */
static GPtrArray *
query_infos (MamoriWorkspace *self,
             const char      *tail,
             const char      *text_param,
             gint64           id_param,
             GError         **error)
{
  g_autofree char *sql = g_strconcat (INFO_SELECT, tail, NULL);
  InfoRead r = { text_param, id_param, g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_document_info_free) };

  if (!mamori_workspace_read (self, sql, info_bind, info_row, &r, _("read the documents"), error))
    g_clear_pointer (&r.out, g_ptr_array_unref);
  return r.out;
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

typedef struct {
  gint64 document_id;
  GPtrArray *out;
} VersionRead;

static void
version_bind (sqlite3_stmt *stmt,
              gpointer      data)
{
  sqlite3_bind_int64 (stmt, 1, ((VersionRead *) data)->document_id);
}

static void
version_row (sqlite3_stmt *stmt,
             gpointer      data)
{
  MamoriDocumentVersion *v = g_new0 (MamoriDocumentVersion, 1);
  g_autofree char *status = TEXT (stmt, 2);

  v->id = sqlite3_column_int64 (stmt, 0);
  v->number = sqlite3_column_int (stmt, 1);
  v->status = status_from_key (status);
  v->markdown = TEXT (stmt, 3);
  v->summary = TEXT (stmt, 4);
  v->approver = TEXT (stmt, 5);
  v->approved_on = TEXT (stmt, 6);
  v->updated_at = TEXT (stmt, 7);
  g_ptr_array_add (((VersionRead *) data)->out, v);
}

GPtrArray *
mamori_workspace_list_versions (MamoriWorkspace *self,
                                gint64           document_id,
                                GError         **error)
{
  VersionRead r = { document_id, g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_document_version_free) };

  if (!mamori_workspace_read (self,
                              "SELECT id, number, status, markdown, summary, approver, approved_on, updated_at "
                              "FROM document_version WHERE document_id = ?1 ORDER BY number",
                              version_bind, version_row, &r, _("read the document’s versions"), error))
    g_clear_pointer (&r.out, g_ptr_array_unref);
  return r.out;
}

/* Runs one statement with the lock held and a transaction open; binds the ?N given as
 * alternating type letters ('i' gint64, 's' text). */
static int
exec_bound (sqlite3    *db,
            const char *sql,
            const char *types,
            ...)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  va_list args;

  va_start (args, types);
  for (int i = 0; rc == SQLITE_OK && types[i]; i++)
    {
      if (types[i] == 'i')
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
      else
        sqlite3_bind_text (stmt, i + 1, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
    }
  va_end (args);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
  sqlite3_finalize (stmt);
  return rc;
}

gboolean
mamori_workspace_save_document (MamoriWorkspace *self,
                                gint64           document_id,
                                const char      *markdown,
                                const char      *summary,
                                GError         **error)
{
  g_autoptr(MamoriDocumentInfo) info = mamori_workspace_get_document (self, document_id, error);
  g_autofree char *now = mamori_workspace_now ();
  g_autofree char *log = NULL;
  sqlite3 *db;
  int rc;

  if (info == NULL)
    return FALSE;
  db = mamori_workspace_get_db (self);
  mamori_workspace_lock (self);
  if (!mamori_workspace_begin (self, _("save the document"), error))
    {
      mamori_workspace_unlock (self);
      return FALSE;
    }
  if (info->status == MAMORI_DOCUMENT_APPROVED)
    {
      /* The approved text stays; editing starts the next version. */
      rc = exec_bound (db, "INSERT INTO document_version (document_id, number, status, markdown, summary, updated_at) "
                           "VALUES (?1, ?2, 'draft', ?3, ?4, ?5)", "iisss",
                       document_id, (gint64) info->latest + 1, markdown, summary ? summary : "", now);
      log = g_strdup_printf ("document %" G_GINT64_FORMAT ": version %u started", document_id, info->latest + 1);
    }
  else
    {
      rc = exec_bound (db, "UPDATE document_version SET markdown = ?1, summary = coalesce (?2, summary), "
                           "status = 'draft', updated_at = ?3 WHERE document_id = ?4 AND number = ?5", "sssii",
                       markdown, summary, now, document_id, (gint64) info->latest);
      log = g_strdup_printf ("document %" G_GINT64_FORMAT ": version %u edited", document_id, info->latest);
    }
  if (rc != SQLITE_OK)
    {
      mamori_workspace_set_sqlite_error (error, mamori_workspace_get_path (self), db, rc, _("save the document"));
      goto fail;
    }
  if (!mamori_workspace_log_and_commit (self, "document", "update", log, _("save the document"), error))
    goto fail;
  mamori_workspace_unlock (self);
  mamori_workspace_emit_changed (self, "document");
  return TRUE;

fail:
  mamori_workspace_rollback (self);
  mamori_workspace_unlock (self);
  return FALSE;
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
  g_autofree char *now = mamori_workspace_now ();
  g_autofree char *log = NULL;
  g_autofree char *who = g_strstrip (g_strdup (approver ? approver : ""));
  sqlite3 *db;
  int rc;

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
      g_autoptr(GDateTime) d = NULL;
      g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", date ? date : "");
      if (*who == '\0')
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                       _("Approving “%s” needs the approver’s name."), info->title);
          return FALSE;
        }
      d = date && strlen (date) == 10 ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
      if (d == NULL)
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                       _("The approval date “%s” is not a date (YYYY-MM-DD)."), date ? date : "");
          return FALSE;
        }
    }
  db = mamori_workspace_get_db (self);
  mamori_workspace_lock (self);
  if (!mamori_workspace_begin (self, _("change the document’s status"), error))
    {
      mamori_workspace_unlock (self);
      return FALSE;
    }
  rc = exec_bound (db, "UPDATE document_version SET status = ?1, approver = ?2, approved_on = ?3, updated_at = ?4 "
                       "WHERE document_id = ?5 AND number = ?6", "ssssii",
                   mamori_document_status_key (status), status == MAMORI_DOCUMENT_APPROVED ? who : "",
                   status == MAMORI_DOCUMENT_APPROVED ? date : "", now, document_id, (gint64) info->latest);
  if (rc != SQLITE_OK)
    {
      mamori_workspace_set_sqlite_error (error, mamori_workspace_get_path (self), db, rc, _("change the document’s status"));
      goto fail;
    }
  /* An approved policy, rule set or handbook is its step-up task done. */
  if (status == MAMORI_DOCUMENT_APPROVED)
    {
      const char *task = g_strcmp0 (info->kind, "policy") == 0 ? "s2.policy"
                       : g_strcmp0 (info->kind, "rules") == 0 ? "s3.rules"
                       : g_strcmp0 (info->kind, "handbook") == 0 ? "s2.handbook" : NULL;
      if (task != NULL && !mamori_workspace_tick_task (self, task, _("change the document’s status"), error))
        goto fail;
    }
  log = g_strdup_printf ("document %" G_GINT64_FORMAT ": version %u %s%s%s", document_id, info->latest,
                         mamori_document_status_key (status), *who ? " by " : "", who);
  if (!mamori_workspace_log_and_commit (self, "document", "status", log, _("change the document’s status"), error))
    goto fail;
  mamori_workspace_unlock (self);
  mamori_workspace_emit_changed (self, "document");
  if (status == MAMORI_DOCUMENT_APPROVED)
    mamori_workspace_emit_changed (self, "stepup_task");
  return TRUE;

fail:
  mamori_workspace_rollback (self);
  mamori_workspace_unlock (self);
  return FALSE;
}

gint64
mamori_workspace_add_document_from_template (MamoriWorkspace            *self,
                                             const MamoriTemplate       *tmpl,
                                             const MamoriTemplateValues *values,
                                             GError                    **error)
{
  g_autofree char *markdown = mamori_template_fill (tmpl, values, error);
  gboolean en = g_str_equal (mamori_template_get_lang (tmpl), "en");

  if (markdown == NULL)
    return 0;
  return add_document (self, mamori_template_get_id (tmpl), mamori_template_get_kind (tmpl),
                       mamori_template_get_lang (tmpl), mamori_template_get_title (tmpl),
                       mamori_template_get_numbering (tmpl), en ? "Internal" : "社外秘", markdown,
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
  gint64 id;
  char *organisation;
  char *effective_on;
} Cover;

static void
cover_bind (sqlite3_stmt *stmt,
            gpointer      data)
{
  sqlite3_bind_int64 (stmt, 1, ((Cover *) data)->id);
}

static void
cover_row (sqlite3_stmt *stmt,
           gpointer      data)
{
  Cover *c = data;
  c->organisation = TEXT (stmt, 0);
  c->effective_on = TEXT (stmt, 1);
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
  Cover cover = { 0, NULL, NULL };
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

  cover.id = id;
  if (!mamori_workspace_read (self, "SELECT cover_organisation, effective_on FROM document WHERE id = ?1",
                              cover_bind, cover_row, &cover, _("read the document"), error))
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
  p->classification = g_strdup (info->classification);
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
  const MamoriField *roles = mamori_template_find_field (tmpl, "roles");
  const MamoriField *decided = mamori_template_find_field (tmpl, "decided");
  gboolean en = g_str_equal (mamori_template_get_lang (tmpl), "en");

  if (profile == NULL)
    return NULL;
  if (mamori_template_find_field (tmpl, "organisation") != NULL && profile->name && *profile->name)
    mamori_template_values_set (values, "organisation", profile->name);
  if (roles != NULL && roles->type == MAMORI_FIELD_TABLE && roles->default_rows && roles->default_rows->len > 0 &&
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
  if (decided != NULL && decided->type == MAMORI_FIELD_TABLE)
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
