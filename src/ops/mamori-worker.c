/* mamori-worker.c — one way to run work off the main thread */
#include "config.h"

#include "mamori-worker.h"

/* Shared by the worker and its runs, so a run that ends after the worker is freed still
 * knows that nobody waits for it. */
typedef struct {
  gatomicrefcount ref;
  guint newest;            /* the generation whose result is handed over */
  gboolean freed;
  GCancellable *cancellable;
  guint running;
} State;

struct _MamoriWorker {
  GWeakRef owner;
  State *state;
};

typedef struct {
  State *state;
  guint generation;
  GWeakRef owner;
  char *workspace_path;
  gboolean writes;
  MamoriWorkerFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
  MamoriWorkerDone done;
} Run;

static State *
state_ref (State *state)
{
  g_atomic_ref_count_inc (&state->ref);
  return state;
}

static void
state_unref (State *state)
{
  if (g_atomic_ref_count_dec (&state->ref))
    {
      g_clear_object (&state->cancellable);
      g_free (state);
    }
}

static void
run_free (gpointer data)
{
  Run *run = data;

  if (run->data_free != NULL && run->data != NULL)
    run->data_free (run->data);
  g_weak_ref_clear (&run->owner);
  g_free (run->workspace_path);
  state_unref (run->state);
  g_free (run);
}

MamoriWorker *
mamori_worker_new (gpointer owner)
{
  MamoriWorker *self = g_new0 (MamoriWorker, 1);

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_weak_ref_init (&self->owner, owner);
  self->state = g_new0 (State, 1);
  g_atomic_ref_count_init (&self->state->ref);
  return self;
}

void
mamori_worker_cancel (MamoriWorker *self)
{
  g_return_if_fail (self != NULL);
  self->state->newest++;   /* whatever is under way is no longer wanted */
  if (self->state->cancellable != NULL)
    g_cancellable_cancel (self->state->cancellable);
  g_clear_object (&self->state->cancellable);
}

void
mamori_worker_free (MamoriWorker *self)
{
  if (self == NULL)
    return;
  mamori_worker_cancel (self);
  self->state->freed = TRUE;
  state_unref (self->state);
  g_weak_ref_clear (&self->owner);
  g_free (self);
}

gboolean
mamori_worker_is_running (MamoriWorker *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->state->running > 0 && self->state->cancellable != NULL;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Run *run = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;
  gpointer result;

  if (run->workspace_path != NULL)
    {
      ws = mamori_workspace_open (run->workspace_path,
                                  MAMORI_WORKSPACE_OPEN_EXISTING | (run->writes ? 0 : MAMORI_WORKSPACE_OPEN_READ_ONLY),
                                  &error);
      if (ws == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  result = run->func (ws, run->data, cancellable, &error);
  if (ws != NULL)
    mamori_workspace_close (ws);
  if (error != NULL)
    {
      if (result != NULL && run->result_free != NULL)
        run->result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, run->result_free);
}

/* On the main thread (the context the run was started from). */
static void
run_done (GObject      *source,
          GAsyncResult *res,
          gpointer      user_data)
{
  GTask *task = G_TASK (res);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GObject) owner = g_weak_ref_get (&run->owner);
  g_autoptr(GError) error = NULL;
  gpointer result;

  run->state->running--;
  result = g_task_propagate_pointer (task, &error);
  /* Newest result wins: an older run, a cancelled one, or one whose owner is gone is
   * dropped whichever way it ended. */
  if (owner != NULL && !run->state->freed && run->generation == run->state->newest &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_object (&run->state->cancellable);
      run->done (owner, result, error, run->data);
    }
  if (result != NULL && run->result_free != NULL)
    run->result_free (result);
}

void
mamori_worker_run (MamoriWorker     *self,
                   const char       *workspace_path,
                   gboolean          writes,
                   MamoriWorkerFunc  func,
                   gpointer          data,
                   GDestroyNotify    data_free,
                   GDestroyNotify    result_free,
                   MamoriWorkerDone  done)
{
  g_autoptr(GObject) owner = NULL;
  g_autoptr(GTask) task = NULL;
  Run *run;

  g_return_if_fail (self != NULL && func != NULL && done != NULL);
  mamori_worker_cancel (self);
  self->state->cancellable = g_cancellable_new ();
  run = g_new0 (Run, 1);
  run->state = state_ref (self->state);
  run->generation = self->state->newest;
  owner = g_weak_ref_get (&self->owner);
  g_weak_ref_init (&run->owner, owner);
  run->workspace_path = g_strdup (workspace_path);
  run->writes = writes;
  run->func = func;
  run->data = data;
  run->data_free = data_free;
  run->result_free = result_free;
  run->done = done;
  /* No source object: the thread never holds the owner. */
  task = g_task_new (NULL, self->state->cancellable, run_done, NULL);
  g_task_set_task_data (task, run, run_free);
  g_task_set_priority (task, G_PRIORITY_DEFAULT);
  g_task_set_return_on_cancel (task, FALSE);
  self->state->running++;
  g_task_run_in_thread (task, run_thread);
}

void
mamori_worker_run_once (gpointer          owner,
                        const char       *workspace_path,
                        gboolean          writes,
                        MamoriWorkerFunc  func,
                        gpointer          data,
                        GDestroyNotify    data_free,
                        GDestroyNotify    result_free,
                        MamoriWorkerDone  done)
{
  MamoriWorker *worker = mamori_worker_new (owner);

  mamori_worker_run (worker, workspace_path, writes, func, data, data_free, result_free, done);
  /* Let go of the handle, not of the work: the run keeps the shared state. */
  g_clear_object (&worker->state->cancellable);
  state_unref (worker->state);
  g_weak_ref_clear (&worker->owner);
  g_free (worker);
}

/* --- an operation as the work ------------------------------------------------------------ */

typedef struct {
  const MamoriOp *op;
  MamoriOpRequest *request;
  MamoriWorkerOpDone done;
} OpData;

typedef struct {
  MamoriOpResult *result;
  GError *error;
} OpOutcome;

static void
op_data_free (gpointer data)
{
  OpData *d = data;

  mamori_op_request_free (d->request);
  g_free (d);
}

static void
op_outcome_free (gpointer data)
{
  OpOutcome *o = data;

  mamori_op_result_free (o->result);
  g_clear_error (&o->error);
  g_free (o);
}

/* The operation's own failure is part of the outcome (with its problems), not the run's. */
static gpointer
op_thread (MamoriWorkspace  *workspace,
           gpointer          data,
           GCancellable     *cancellable,
           GError          **error)
{
  OpData *d = data;
  OpOutcome *o = g_new0 (OpOutcome, 1);

  mamori_op_run (d->op, workspace, NULL, d->request, &o->result, &o->error);
  return o;
}

static void
op_done (gpointer      owner,
         gpointer      result,
         const GError *error,
         gpointer      data)
{
  OpData *d = data;
  OpOutcome *o = result;

  d->done (owner, o ? o->result : NULL, o && o->error ? o->error : error);
}

void
mamori_worker_run_op (MamoriWorker          *self,
                      const MamoriOp        *op,
                      const char            *workspace_path,
                      const MamoriOpRequest *request,
                      MamoriWorkerOpDone     done)
{
  OpData *d = g_new0 (OpData, 1);

  g_return_if_fail (op != NULL && workspace_path != NULL);
  d->op = op;
  d->request = mamori_op_request_copy (request);
  d->done = done;
  mamori_worker_run (self, workspace_path, (op->flags & MAMORI_OP_WRITES) != 0, op_thread, d, op_data_free,
                     op_outcome_free, op_done);
}
