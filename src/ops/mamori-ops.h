/* mamori-ops.h — every import, export and report, and the demo, as one operation.
 *
 * An operation is one row of a table (mamori_ops_list): the command line's `export`, `import`
 * and `demo` and the window's exports both come from it, so a new one appears in both. Each
 * runs synchronously on an open workspace (mamori_op_run) or in a worker thread on its own
 * connection (mamori_op_run_async). No GTK here. */
#pragma once

#include <gio/gio.h>

#include "core/mamori-calendar.h"

#include "core/mamori-catalog.h"
#include "store/mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_OP_ERROR (mamori_op_error_quark ())
typedef enum {
  MAMORI_OP_ERROR_BAD_INPUT,   /* a file, an argument or a value that cannot be used */
  MAMORI_OP_ERROR_FAILED,      /* the work could not be done */
} MamoriOpError;
GQuark mamori_op_error_quark (void);

typedef enum {
  MAMORI_OP_EXPORT,
  MAMORI_OP_IMPORT,
  MAMORI_OP_DEMO,
} MamoriOpKind;

typedef enum {
  MAMORI_OP_TAKES_ID = 1 << 0,   /* export KIND ID OUT */
  MAMORI_OP_WRITES   = 1 << 1,   /* changes the workspace (imports, the demo, a recorded review) */
  MAMORI_OP_OPTIONS  = 1 << 2,   /* takes options beyond ID and file (see MamoriOpRequest) */
  MAMORI_OP_NO_MENU  = 1 << 3,   /* not in the window's Export menu: the window has its own command */
} MamoriOpFlags;

typedef enum {
  MAMORI_OP_HEATMAP_LEDGER,      /* the ledger's own method */
  MAMORI_OP_HEATMAP_IPA,
  MAMORI_OP_HEATMAP_GOV5,
  MAMORI_OP_HEATMAP_LIKELIHOOD,  /* threat × vulnerability */
} MamoriOpHeatmapGrid;

/* What an operation is asked to do. Strings are borrowed for the call (copied by _async). */
typedef struct {
  const char *id;          /* export KIND ID: an assessment or document number */
  const char *path;        /* the file written (export) or read (import) */
  /* export audit */
  gboolean no_annex;       /* evidence details in the item table instead of an annex */
  /* export heatmap */
  MamoriOpHeatmapGrid grid;
  gboolean residual;       /* after the planned measures */
  int width, height;       /* pixels; 0 for 1200 × 800 */
  /* import answers */
  const char *checklist;
  const char *subject;
  /* export sheet: the role (an actor key, or "all"); import answers of a returned sheet: the
   * assessment's number */
  const char *role;
  const char *assessment;
} MamoriOpRequest;

/* What it did. */
typedef struct {
  GPtrArray *warnings;     /* char*: said, but the work was done (a font fallback, parts left out) */
  GPtrArray *problems;     /* char*: with MAMORI_OP_ERROR_BAD_INPUT, every bad line or cell */
  guint n_rows;            /* import assets: rows added; import library: the checklist's items */
  gint64 id;               /* import answers: the new assessment (a returned sheet: its assessment) */
  double score;            /* import answers: its score */
  char *name;              /* import library: the checklist's ref_id */
  MamoriChecklist *checklist; /* import library: the checklist read (the caller may take it) */
  GPtrArray *assets;       /* import assets: the MamoriAsset rows stored, with their ids */
  GPtrArray *changed;      /* char*, NULL-terminated: what it changed in the workspace (for
                            * mamori_workspace_announce_changes on another connection) */
} MamoriOpResult;

typedef struct _MamoriOp MamoriOp;
struct _MamoriOp {
  MamoriOpKind kind;
  const char *name;        /* "policy", "assets", … */
  const char *extensions;  /* space-separated, with the dot; NULL for the demo */
  const char *label;       /* N_(): a short name for menus ("Basic Policy") */
  const char *summary;     /* N_() */
  MamoriOpFlags flags;
};

/* A copy that owns its strings (for a worker). */
MamoriOpRequest *mamori_op_request_copy (const MamoriOpRequest *request);
void             mamori_op_request_free (MamoriOpRequest       *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriOpRequest, mamori_op_request_free)

MamoriOpResult *mamori_op_result_new  (void);
void            mamori_op_result_free (MamoriOpResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriOpResult, mamori_op_result_free)

/* The operations, in the order help lists them: for (i = 0; (op = mamori_ops_get (i)); i++) */
const MamoriOp *mamori_ops_get (guint        i);
const MamoriOp *mamori_op_find (MamoriOpKind kind,
                                const char  *name);
/* TRUE when path ends in one of op's extensions (case-insensitive). */
gboolean        mamori_op_accepts_path (const MamoriOp *op,
                                        const char     *path);

/* Runs op on an open workspace on this thread. catalog: the checklists when the caller has
 * them loaded, or NULL (loaded from the workspace when the operation needs them). FALSE with
 * error (MAMORI_OP_ERROR, or the store's or the file system's) when nothing usable was
 * written; *result (always set when given) has warnings and problems either way. */
gboolean mamori_op_run         (const MamoriOp         *op,
                                MamoriWorkspace        *workspace,
                                MamoriCatalog          *catalog,
                                const MamoriOpRequest  *request,
                                MamoriOpResult        **result,
                                GError                **error);
/* The same in a worker thread on its own connection to the workspace at workspace_path. */
void     mamori_op_run_async   (const MamoriOp         *op,
                                const char             *workspace_path,
                                const MamoriOpRequest  *request,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data);
gboolean mamori_op_run_finish  (GAsyncResult           *result,
                                MamoriOpResult        **op_result,
                                GError                **error);

/* What is due (MamoriDueItem*, core/mamori-calendar.h): open measures by their due dates, the
 * yearly management review and self-diagnosis round; overdue first, then by date, up to days
 * after today (days < 0: all). catalog names the checklists of measures (may be NULL). */
GPtrArray *mamori_op_calendar_items (MamoriWorkspace  *workspace,
                                     MamoriCatalog    *catalog,
                                     const char       *today,
                                     int               days,
                                     GError          **error);

/* The records of a top-level register for listing: rows (GStrv) of the record number, then
 * its listed fields as stored (a choice by its key, yes/no as 1/0, a date as YYYY-MM-DD) with
 * references by name. NULL with error for an unknown register. */
GPtrArray *mamori_op_register_rows (MamoriWorkspace  *workspace,
                                    const char       *register_key,
                                    GError          **error);

/* TRUE when error means bad input (exit status 2) rather than failed work. */
gboolean mamori_op_error_is_bad_input (const GError *error);

G_END_DECLS
