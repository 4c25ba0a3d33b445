/* mamori-documents.h — drafted documents and their versions in the workspace */
#pragma once

#include "core/mamori-template.h"
#include "mamori-workspace.h"
#include "core/mamori-document-meta.h"
#include "core/mamori-classification.h"

G_BEGIN_DECLS

typedef enum {
  MAMORI_DOCUMENT_DRAFT,
  MAMORI_DOCUMENT_REVIEW,
  MAMORI_DOCUMENT_APPROVED,
} MamoriDocumentStatus;

const char *mamori_document_status_key (MamoriDocumentStatus status);   /* draft, review, approved */

typedef struct {
  gint64 id;
  char *template_id;
  char *kind;            /* policy, rules, handbook, … */
  char *lang;
  char *title;
  char *numbering;
  char *classification;
  guint latest;          /* number of the newest version */
  MamoriDocumentStatus status;  /* of the newest version */
  char *updated_at;
  gint64 row_version;    /* of the newest version (mamori_workspace_save_document_checked) */
} MamoriDocumentInfo;

typedef struct {
  gint64 id;
  guint number;
  MamoriDocumentStatus status;
  char *markdown;
  char *summary;         /* what changed, for the revision table */
  char *approver;
  char *approved_on;     /* YYYY-MM-DD */
  char *updated_at;
  gint64 row_version;    /* the row's version (team use), for mamori_workspace_save_document_checked */
} MamoriDocumentVersion;

void     mamori_document_info_free    (MamoriDocumentInfo    *info);
void     mamori_document_version_free (MamoriDocumentVersion *version);

/* Every document, newest change first (MamoriDocumentInfo*). */
GPtrArray *mamori_workspace_list_documents  (MamoriWorkspace  *self,
                                             GError          **error);
MamoriDocumentInfo *mamori_workspace_get_document (MamoriWorkspace *self,
                                                   gint64           id,
                                                   GError         **error);
/* The newest document of a kind (policy, rules, handbook), or NULL without error if none. */
MamoriDocumentInfo *mamori_workspace_find_document (MamoriWorkspace *self,
                                                    const char      *kind,
                                                    GError         **error);
/* Its versions, oldest first (MamoriDocumentVersion*). */
GPtrArray *mamori_workspace_list_versions   (MamoriWorkspace  *self,
                                             gint64            document_id,
                                             GError          **error);
/* Saves new text. A draft is changed in place; a version in review goes back to draft; an
 * approved version stays as it is and the text becomes the next version, a draft. */
gboolean mamori_workspace_save_document     (MamoriWorkspace  *self,
                                             gint64            document_id,
                                             const char       *markdown,
                                             const char       *summary,
                                             GError          **error);
/* The same over the newest version as it was read (two people editing one document): *version
 * is its row version as read (MamoriDocumentInfo.row_version, or the newest
 * MamoriDocumentVersion's; MAMORI_ROW_VERSION_ANY: no check, as above). When someone saved,
 * moved or approved it meanwhile, or started the next version, nothing is saved and the error
 * is MAMORI_WORKSPACE_ERROR_CONFLICT naming the document; read it again for their text. On
 * success *version is the newest version's row version now. Every write of a version (its
 * text, its status) adds 1; the next version starts at a version from the clock, so it never
 * matches one read of the version before. */
gboolean mamori_workspace_save_document_checked (MamoriWorkspace  *self,
                                                 gint64            document_id,
                                                 const char       *markdown,
                                                 const char       *summary,
                                                 gint64           *version,
                                                 GError          **error);
/* Moves the newest version: draft → review, review → draft, review → approved (needs an
 * approver and a date). An approved version cannot move. */
gboolean mamori_workspace_set_document_status (MamoriWorkspace     *self,
                                               gint64               document_id,
                                               MamoriDocumentStatus status,
                                               const char          *approver,
                                               const char          *date,
                                               GError             **error);

/* A new document from a template, its version 1 a draft filled with values (NULL: defaults).
 * Returns its id, 0 on error (a bad value names its field). */
gint64   mamori_workspace_add_document_from_template (MamoriWorkspace            *self,
                                                      const MamoriTemplate       *tmpl,
                                                      const MamoriTemplateValues *values,
                                                      GError                    **error);
/* The same with the document's classification text (NULL: the workspace scheme's default). */
gint64   mamori_workspace_add_classified_document    (MamoriWorkspace            *self,
                                                      const MamoriTemplate       *tmpl,
                                                      const MamoriTemplateValues *values,
                                                      const char                 *classification,
                                                      GError                    **error);

/* Values for a new document from what the workspace knows: the organisation's name; the
 * officer's name and contact in the first row of a "roles" table; and for a "decided" table
 * the measures decided in the newest completed self-diagnosis. */
MamoriTemplateValues *mamori_workspace_prefill_template (MamoriWorkspace      *self,
                                                         const MamoriTemplate *tmpl,
                                                         GError              **error);

/* What the layout engine needs to print a stored document: the newest approved version (the
 * newest version when none is approved yet, or always with newest, e.g. for a preview of the
 * draft), its approval, and the revision table of every approved version up to it. */
typedef struct {
  MamoriDocumentMeta meta;   /* its strings point into this struct */
  char *markdown;
  guint number;
  MamoriDocumentStatus status;
  /* owned */
  char *organisation;
  char *title;
  char *version;
  char *date;
  char *classification;
  char *approved_by;
  char *created_by;
  char *lang;
  char *numbering;
} MamoriDocumentPrint;

MamoriDocumentPrint *mamori_workspace_get_document_print (MamoriWorkspace *self,
                                                          gint64           id,
                                                          gboolean         newest,
                                                          GError         **error);
void                 mamori_document_print_free          (MamoriDocumentPrint *print);

/* When each approved document is next reviewed: its newest approved version's date plus the
 * document's review interval (12 months unless set; 0 = never reviewed on a schedule). The
 * content Mamori drafted it from (the organisation profile, the ledger, assessments, audits,
 * reviews) changed after that version was approved: data_changed ("review recommended"). */
typedef struct {
  gint64 id;
  char *title;
  char *approved_on;
  guint review_months;
  char *due_on;          /* "" when review_months is 0 */
  gboolean data_changed;
} MamoriDocumentReview;

void       mamori_document_review_free          (MamoriDocumentReview *review);
GPtrArray *mamori_workspace_document_reviews    (MamoriWorkspace  *self,
                                                 GError          **error);
/* months: 0–120. */
gboolean   mamori_workspace_set_document_review_months (MamoriWorkspace  *self,
                                                        gint64            id,
                                                        guint             months,
                                                        GError          **error);

/* The workspace's classification scheme for documents (the setting classification_scheme:
 * "simple" or "government"; unset: simple), and the classification a new document in lang
 * gets: 社外秘 / Internal, or 機密性2 / Confidentiality 2. */
MamoriClassScheme mamori_workspace_get_classification_scheme (MamoriWorkspace *self);
char      *mamori_workspace_default_document_classification (MamoriWorkspace *self,
                                                             const char      *lang);
/* Sets a document's classification text (what its cover and running header print; "" prints
 * the simple scheme's default). */
gboolean   mamori_workspace_set_document_classification (MamoriWorkspace  *self,
                                                         gint64            id,
                                                         const char       *classification,
                                                         GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriDocumentPrint, mamori_document_print_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriDocumentReview, mamori_document_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriDocumentInfo, mamori_document_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriDocumentVersion, mamori_document_version_free)

G_END_DECLS
