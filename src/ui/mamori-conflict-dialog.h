/* mamori-conflict-dialog.h — "someone else changed this meanwhile" (row versions: a save
 * refused with MAMORI_WORKSPACE_ERROR_CONFLICT): their newer value beside the user's, and the
 * user decides which stays. Nothing of either is lost until they do. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* keep_mine TRUE: save the user's value over their version; FALSE: take theirs. */
typedef void (*MamoriConflictDecided) (gboolean keep_mine,
                                       gpointer data);

/* Presents the question over widget's window (a dialog of its own when it is in none, as in
 * tests): heading, body (plain text saying what changed, theirs and the user's), extra (may
 * be NULL: e.g. their whole text to read). decided is called once, with TRUE for “Keep Mine”
 * (the default) or FALSE for “Take Theirs” (also Escape); then destroy (may be NULL) frees
 * data. */
void mamori_conflict_dialog_present (GtkWidget             *widget,
                                     const char            *heading,
                                     const char            *body,
                                     GtkWidget             *extra,
                                     MamoriConflictDecided  decided,
                                     gpointer               data,
                                     GDestroyNotify         destroy);

/* A question of these that is open, or NULL (for tests: answer it with
 * adw_message_dialog_response (dialog, "mine" or "theirs")). */
AdwMessageDialog *mamori_conflict_dialog_get_open (void);

G_END_DECLS
