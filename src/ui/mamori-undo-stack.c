/* mamori-undo-stack.c — a page's undoable steps, for Ctrl+Z and Ctrl+Shift+Z */
#include "config.h"

#include "mamori-undo-stack.h"

/* One step: the stack knows only its description and id; the page owns data and knows how to
 * apply it either way. */
typedef struct {
  char *what;
  gpointer data;
  GDestroyNotify destroy;
  guint id;
} Step;

struct _MamoriUndoStack {
  GObject parent_instance;

  GPtrArray *undo;   /* Step*, oldest first */
  GPtrArray *redo;   /* Step*, the last one undone last */
  guint last_id;
};

G_DEFINE_FINAL_TYPE (MamoriUndoStack, mamori_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (Step *step)
{
  if (step->destroy != NULL)
    step->destroy (step->data);
  g_free (step->what);
  g_free (step);
}

/* Notifies can-undo and can-redo when they differ from what they were before a change. */
static void
notify_changes (MamoriUndoStack *self,
                gboolean         could_undo,
                gboolean         could_redo)
{
  if (could_undo != (self->undo->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != (self->redo->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

MamoriUndoStack *
mamori_undo_stack_new (void)
{
  return g_object_new (MAMORI_TYPE_UNDO_STACK, NULL);
}

guint
mamori_undo_stack_push (MamoriUndoStack *self,
                        const char      *what,
                        gpointer         data,
                        GDestroyNotify   destroy)
{
  gboolean could_undo, could_redo;
  Step *step;

  g_return_val_if_fail (MAMORI_IS_UNDO_STACK (self), 0);
  could_undo = self->undo->len > 0;
  could_redo = self->redo->len > 0;
  step = g_new0 (Step, 1);
  step->what = g_strdup (what);
  step->data = data;
  step->destroy = destroy;
  step->id = ++self->last_id;
  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  notify_changes (self, could_undo, could_redo);
  return step->id;
}

/* Takes the newest step of from, applies it and puts it on to; a step that fails is dropped. */
static gboolean
move_step (MamoriUndoStack     *self,
           GPtrArray           *from,
           GPtrArray           *to,
           gboolean             undo,
           MamoriUndoApplyFunc  apply,
           gpointer             user_data)
{
  gboolean could_undo = self->undo->len > 0;
  gboolean could_redo = self->redo->len > 0;
  gboolean ok;
  Step *step;

  if (from->len == 0)
    return FALSE;
  step = g_ptr_array_steal_index (from, from->len - 1);
  ok = apply (step->data, step->what, undo, user_data);
  if (ok)
    g_ptr_array_add (to, step);
  else
    step_free (step);
  notify_changes (self, could_undo, could_redo);
  return ok;
}

gboolean
mamori_undo_stack_undo (MamoriUndoStack     *self,
                        MamoriUndoApplyFunc  apply,
                        gpointer             user_data)
{
  g_return_val_if_fail (MAMORI_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (apply != NULL, FALSE);
  return move_step (self, self->undo, self->redo, TRUE, apply, user_data);
}

gboolean
mamori_undo_stack_redo (MamoriUndoStack     *self,
                        MamoriUndoApplyFunc  apply,
                        gpointer             user_data)
{
  g_return_val_if_fail (MAMORI_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (apply != NULL, FALSE);
  return move_step (self, self->redo, self->undo, FALSE, apply, user_data);
}

void
mamori_undo_stack_clear (MamoriUndoStack *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (MAMORI_IS_UNDO_STACK (self));
  could_undo = self->undo->len > 0;
  could_redo = self->redo->len > 0;
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_changes (self, could_undo, could_redo);
}

gboolean
mamori_undo_stack_get_can_undo (MamoriUndoStack *self)
{
  g_return_val_if_fail (MAMORI_IS_UNDO_STACK (self), FALSE);
  return self->undo->len > 0;
}

gboolean
mamori_undo_stack_get_can_redo (MamoriUndoStack *self)
{
  g_return_val_if_fail (MAMORI_IS_UNDO_STACK (self), FALSE);
  return self->redo->len > 0;
}

guint
mamori_undo_stack_get_undo_id (MamoriUndoStack *self)
{
  g_return_val_if_fail (MAMORI_IS_UNDO_STACK (self), 0);
  return self->undo->len > 0 ? ((Step *) self->undo->pdata[self->undo->len - 1])->id : 0;
}

const char *
mamori_undo_stack_get_undo_what (MamoriUndoStack *self)
{
  g_return_val_if_fail (MAMORI_IS_UNDO_STACK (self), NULL);
  return self->undo->len > 0 ? ((Step *) self->undo->pdata[self->undo->len - 1])->what : NULL;
}

const char *
mamori_undo_stack_get_redo_what (MamoriUndoStack *self)
{
  g_return_val_if_fail (MAMORI_IS_UNDO_STACK (self), NULL);
  return self->redo->len > 0 ? ((Step *) self->redo->pdata[self->redo->len - 1])->what : NULL;
}

static void
mamori_undo_stack_finalize (GObject *object)
{
  MamoriUndoStack *self = MAMORI_UNDO_STACK (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  G_OBJECT_CLASS (mamori_undo_stack_parent_class)->finalize (object);
}

static void
mamori_undo_stack_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MamoriUndoStack *self = MAMORI_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->undo->len > 0);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->redo->len > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_undo_stack_class_init (MamoriUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mamori_undo_stack_finalize;
  object_class->get_property = mamori_undo_stack_get_property;
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mamori_undo_stack_init (MamoriUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}
