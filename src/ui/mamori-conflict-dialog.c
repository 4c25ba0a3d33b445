/* mamori-conflict-dialog.c — someone else's newer value, and the user decides */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-conflict-dialog.h"

typedef struct {
  MamoriConflictDecided decided;
  gpointer data;
  GDestroyNotify destroy;
} Question;

static void
question_free (gpointer data)
{
  Question *q = data;

  if (q->destroy != NULL)
    q->destroy (q->data);
  g_free (q);
}

static void
responded (AdwMessageDialog *dialog,
           const char       *response,
           Question         *q)
{
  MamoriConflictDecided decided = q->decided;

  /* Once: closing the dialog after a choice must not choose again. */
  q->decided = NULL;
  if (decided != NULL)
    decided (g_str_equal (response, "mine"), q->data);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
mamori_conflict_dialog_present (GtkWidget             *widget,
                                const char            *heading,
                                const char            *body,
                                GtkWidget             *extra,
                                MamoriConflictDecided  decided,
                                gpointer               data,
                                GDestroyNotify         destroy)
{
  GtkWindow *window = window_of (widget);
  GtkWidget *dialog = adw_message_dialog_new (window, heading, body);
  Question *q = g_new0 (Question, 1);

  q->decided = decided;
  q->data = data;
  q->destroy = destroy;
  if (extra != NULL)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "theirs", _("_Take Theirs"),
                                    "mine", _("_Keep Mine"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mine", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "theirs");
  g_signal_connect_data (dialog, "response", G_CALLBACK (responded), q, (GClosureNotify) (void (*) (void)) question_free, 0);
  g_object_set_data (G_OBJECT (dialog), "mamori-conflict", GINT_TO_POINTER (TRUE));
  gtk_window_present (GTK_WINDOW (dialog));
}

AdwMessageDialog *
mamori_conflict_dialog_get_open (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && g_object_get_data (l->data, "mamori-conflict") != NULL &&
        gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}
