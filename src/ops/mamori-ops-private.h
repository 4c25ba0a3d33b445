/* mamori-ops-private.h — what the operations' files share */
#pragma once

#include "core/mamori-checklist.h"
#include "core/mamori-register.h"
#include "mamori-ops.h"
#include "store/mamori-assessments.h"

G_BEGIN_DECLS

/* One run of an operation. */
typedef struct {
  MamoriWorkspace *workspace;
  MamoriCatalog *catalog;        /* the caller's, or loaded on first use (owned_catalog) */
  MamoriCatalog *owned_catalog;
  const MamoriOpRequest *request;
  MamoriOpResult *result;
  const MamoriOp *op;            /* what runs (one function may serve several rows) */
} MamoriOpContext;

typedef gboolean (*MamoriOpFunc) (MamoriOpContext *ctx, GError **error);

/* The checklists, loaded from the workspace on first use (a library that cannot be read is
 * left out with a warning). */
MamoriCatalog         *mamori_op_catalog             (MamoriOpContext         *ctx,
                                                      GError                 **error);
/* The checklist an assessment was answered against (an earlier library version it used is
 * parsed into *pinned). */
const MamoriChecklist *mamori_op_assessment_checklist (MamoriOpContext        *ctx,
                                                      const MamoriAssessment *a,
                                                      MamoriChecklist       **pinned,
                                                      GError                **error);
void                   mamori_op_warn                (MamoriOpContext         *ctx,
                                                      const char              *format,
                                                      ...) G_GNUC_PRINTF (2, 3);
/* Answers choices (one per item, -1 skips) to a new assessment and completes it. questions
 * (ref_id → question urn → checked value, or NULL) answers the items' questions. Call inside a
 * transaction. 0 on error. */
gint64                 mamori_op_store_completed_assessment (MamoriWorkspace       *ws,
                                                             const MamoriChecklist *cl,
                                                             const char            *subject,
                                                             const char            *date,
                                                             const char            *respondent,
                                                             const int             *choices,
                                                             const char * const    *notes,
                                                             GHashTable            *questions,
                                                             const char            *evidence_ref,
                                                             const char            *evidence_name,
                                                             const char            *evidence_text,
                                                             GError               **error);

/* CSV inputs (a ledger, answers): a million-row ledger is about 150 MB. */
#define MAMORI_OP_READ_LIMIT ((gsize) 512 * 1000 * 1000)
/* The file at path, refused before reading when it is a folder or larger than max_bytes
 * (MAMORI_OP_ERROR_BAD_INPUT naming it). */
char                  *mamori_op_read_input          (const char              *path,
                                                      gsize                    max_bytes,
                                                      gsize                   *length,
                                                      GError                 **error);
/* Fails the operation with message, every problem in the result. */
void                   mamori_op_set_problems        (MamoriOpContext         *ctx,
                                                      GPtrArray               *problems,
                                                      const char              *message,
                                                      GError                 **error);

/* A record's field as a cell: a reference by its name; for people a choice by its label and
 * yes/no as words, else as stored. cache: (ref → labels), from mamori-op-registers.c's
 * ref_cache_new. NULL only on a store error. */
char                  *mamori_op_record_cell         (MamoriWorkspace         *ws,
                                                      GHashTable              *cache,
                                                      const MamoriRecord      *record,
                                                      guint                    field,
                                                      gboolean                 for_people,
                                                      GError                 **error);

/* The sample company's registers (core/mamori-demo.h), after its ledger: inside the demo's
 * transaction. */
gboolean               mamori_op_demo_registers      (MamoriWorkspace         *ws,
                                                      GError                 **error);

/* The operations, by file. */
gboolean mamori_op_export_policy     (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_rules      (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_handbook   (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_heatmap    (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_document   (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_assets     (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_log        (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_assessment (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_review     (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_audit      (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_assessment_report (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_import_library    (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_import_answers    (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_import_assets     (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_demo              (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_calendar   (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_register   (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_import_people     (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_import_attendance (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_pledge_form      (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_pledge_form_for  (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_attendance_sheet (MamoriOpContext *ctx, GError **error);
/* mamori-op-sheets.c */
gboolean mamori_op_export_sheet            (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_self_inspection  (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_import_sheet_answers    (MamoriOpContext *ctx, const char *text, GError **error);

gboolean mamori_op_import_workspace (MamoriOpContext *ctx, GError **error);
gboolean mamori_op_export_workspace (MamoriOpContext *ctx, GError **error);

G_END_DECLS
