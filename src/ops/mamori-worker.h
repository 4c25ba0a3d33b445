/* mamori-worker.h — runs work off the main thread for an object (a page, a dialog).
 *
 * The work gets its own connection to the workspace; the caller is held only by a weak
 * reference, resolved on the main thread when the work is done, so a worker thread never
 * holds a widget. Starting new work cancels the old, and only the newest result is handed
 * over (an older one is dropped, however it ends). No GTK here. */
#pragma once

#include <gio/gio.h>

#include "ops/mamori-ops.h"
#include "store/mamori-workspace.h"

G_BEGIN_DECLS

typedef struct _MamoriWorker MamoriWorker;

/* In the worker thread. workspace: its own connection (NULL when run without a path). The
 * result is freed with result_free when it is not handed over, or after done. */
typedef gpointer (*MamoriWorkerFunc) (MamoriWorkspace  *workspace,
                                      gpointer          data,
                                      GCancellable     *cancellable,
                                      GError          **error);
/* On the main thread, only while owner is alive and for the newest work: result, or NULL and
 * error; data is the run's (still alive). */
typedef void     (*MamoriWorkerDone) (gpointer          owner,
                                      gpointer          result,
                                      const GError     *error,
                                      gpointer          data);

/* owner: a GObject, weakly referenced. */
MamoriWorker *mamori_worker_new        (gpointer          owner);
/* Cancels the work under way; its result is dropped. */
void          mamori_worker_free       (MamoriWorker     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriWorker, mamori_worker_free)

/* workspace_path: opened for func in the thread (read-only unless writes), or NULL. data is
 * freed with data_free in the thread's task when it ends. */
void          mamori_worker_run        (MamoriWorker     *self,
                                        const char       *workspace_path,
                                        gboolean          writes,
                                        MamoriWorkerFunc  func,
                                        gpointer          data,
                                        GDestroyNotify    data_free,
                                        GDestroyNotify    result_free,
                                        MamoriWorkerDone  done);
/* An operation (see mamori-ops.h) as the work: done gets its MamoriOpResult (NULL when the
 * workspace could not be opened). */
typedef void     (*MamoriWorkerOpDone) (gpointer               owner,
                                        MamoriOpResult        *result,
                                        const GError          *error);
void          mamori_worker_run_op     (MamoriWorker          *self,
                                        const MamoriOp        *op,
                                        const char            *workspace_path,
                                        const MamoriOpRequest *request,
                                        MamoriWorkerOpDone     done);
/* One piece of work for owner without keeping a worker: done follows unless owner is gone. */
void          mamori_worker_run_once   (gpointer          owner,
                                        const char       *workspace_path,
                                        gboolean          writes,
                                        MamoriWorkerFunc  func,
                                        gpointer          data,
                                        GDestroyNotify    data_free,
                                        GDestroyNotify    result_free,
                                        MamoriWorkerDone  done);
gboolean      mamori_worker_is_running (MamoriWorker     *self);
void          mamori_worker_cancel     (MamoriWorker     *self);

G_END_DECLS
