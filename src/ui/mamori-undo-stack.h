/* mamori-undo-stack.h — a page's undoable steps, for Ctrl+Z and Ctrl+Shift+Z */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MAMORI_TYPE_UNDO_STACK (mamori_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (MamoriUndoStack, mamori_undo_stack, MAMORI, UNDO_STACK, GObject)

/* Undoes (undo TRUE) or redoes one step: data is what the page pushed, what its description.
 * FALSE when it could not; the step is then dropped. */
typedef gboolean (*MamoriUndoApplyFunc) (gpointer    data,
                                         const char *what,
                                         gboolean    undo,
                                         gpointer    user_data);

MamoriUndoStack *mamori_undo_stack_new           (void);
/* Records a step done just now and forgets what was undone. what is its translated
 * description ("adding 1 asset", copied) for the toast of undo and redo; data is the page's
 * own, freed with destroy (may be NULL) when the step is forgotten. Returns the step's id
 * (never 0; unique within this stack). */
guint            mamori_undo_stack_push          (MamoriUndoStack     *self,
                                                  const char          *what,
                                                  gpointer             data,
                                                  GDestroyNotify       destroy);
/* Applies the newest step with apply and moves it to the other side. FALSE when there is no
 * step or apply failed. */
gboolean         mamori_undo_stack_undo          (MamoriUndoStack     *self,
                                                  MamoriUndoApplyFunc  apply,
                                                  gpointer             user_data);
gboolean         mamori_undo_stack_redo          (MamoriUndoStack     *self,
                                                  MamoriUndoApplyFunc  apply,
                                                  gpointer             user_data);
/* Forgets every step (another document was opened). */
void             mamori_undo_stack_clear         (MamoriUndoStack     *self);
gboolean         mamori_undo_stack_get_can_undo  (MamoriUndoStack     *self);
gboolean         mamori_undo_stack_get_can_redo  (MamoriUndoStack     *self);
/* The id of the step undo would apply next, or 0: an Undo button on a toast undoes its own
 * step only while that is the newest. */
guint            mamori_undo_stack_get_undo_id   (MamoriUndoStack     *self);
/* The description of the step undo (or redo) would apply next, or NULL. */
const char      *mamori_undo_stack_get_undo_what (MamoriUndoStack     *self);
const char      *mamori_undo_stack_get_redo_what (MamoriUndoStack     *self);

G_END_DECLS
