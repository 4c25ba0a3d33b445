/* mamori-audit-record.c — the audit record of an internal audit, one row per procedure */
#include "config.h"

#include <glib/gi18n.h>

#include "core/mamori-audit.h"
#include "mamori-audit-record.h"
#include "mamori-widget-util.h"
#include "store/mamori-reviews.h"

struct _MamoriAuditRecord {
  AdwWindow parent_instance;

  MamoriWorkspace *workspace;
  const MamoriChecklist *checklist;
  gint64 assessment;
  GHashTable *rows;        /* ref_id → AdwActionRow (owned by the page) */
  GHashTable *checks;      /* ref_id → MamoriAuditCheck */
};

G_DEFINE_FINAL_TYPE (MamoriAuditRecord, mamori_audit_record, ADW_TYPE_WINDOW)

static const MamoriMethod techniques[] = { MAMORI_METHOD_REVIEW, MAMORI_METHOD_OBSERVATION, MAMORI_METHOD_INTERVIEW };

static const char *
technique_label (MamoriMethod method)
{
  switch (method)
    {
    case MAMORI_METHOD_REVIEW:
      return _("_Review");
    case MAMORI_METHOD_OBSERVATION:
      return _("_Observation");
    default:
      return _("_Interview");
    }
}

/* A row's subtitle: the techniques (planned ones in brackets) and what was confirmed. */
static void
update_row (MamoriAuditRecord *self,
            const MamoriNode  *item)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, item->ref_id);
  MamoriAuditCheck *check = g_hash_table_lookup (self->checks, item->ref_id);
  const char *lang = mamori_text_user_lang ();
  g_autofree char *how = NULL, *subtitle = NULL;

  if (row == NULL)
    return;
  if (check == NULL)
    {
      g_autofree char *planned = mamori_audit_techniques_text (mamori_audit_default_techniques (item), lang);
      /* TRANSLATORS: the planned techniques of a procedure not recorded yet */
      subtitle = g_markup_printf_escaped (_("Planned: %s · not recorded yet"), planned);
    }
  else
    {
      how = mamori_audit_techniques_text (check->techniques, lang);
      subtitle = g_markup_printf_escaped ("%s · %s", *how ? how : _("no technique"),
                                          *check->confirmed ? check->confirmed : _("nothing written yet"));
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static void
edit_response (AdwMessageDialog  *dialog,
               const char        *response,
               MamoriAuditRecord *self)
{
  GObject *d = G_OBJECT (dialog);
  const char *ref_id = g_object_get_data (d, "ref-id");
  GtkTextBuffer *buffer = g_object_get_data (d, "confirmed");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  guint chosen = 0;

  if (!g_str_equal (response, "save"))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (techniques); i++)
    if (gtk_toggle_button_get_active (g_object_get_data (d, mamori_method_key (techniques[i]))))
      chosen |= techniques[i];
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!mamori_workspace_set_audit_check (self->workspace, self->assessment, ref_id, chosen, text, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Audit Record"), error);
      return;
    }
  g_clear_pointer (&self->checks, g_hash_table_unref);
  self->checks = mamori_workspace_get_audit_checks (self->workspace, self->assessment, &error);
  if (self->checks == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Audit Record"), error);
      self->checks = g_hash_table_new (g_str_hash, g_str_equal);
      return;
    }
  update_row (self, mamori_checklist_find_item (self->checklist, ref_id));
}

/* The editor of one procedure's record: the techniques as toggles (the procedure's own when
 * nothing is recorded yet) and what was confirmed. */
GtkWidget *
mamori_audit_record_edit (MamoriAuditRecord *self,
                          const char        *ref_id)
{
  const MamoriNode *item = mamori_checklist_find_item (self->checklist, ref_id);
  MamoriAuditCheck *check = g_hash_table_lookup (self->checks, ref_id);
  const char *lang = mamori_text_user_lang ();
  guint chosen = check ? check->techniques : mamori_audit_default_techniques (item);
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  const char * const *rules, * const *records;
  GtkWidget *dialog, *box, *toggles, *label, *scroll, *view;
  GObject *d;

  g_return_val_if_fail (item != NULL, NULL);
  heading = g_strdup_printf ("%s  %s", item->ref_id, mamori_node_text (item, lang));
  if (mamori_node_is_reconstructed (item))
    g_string_append (body, _("This procedure is lost in the source; Mamori rebuilt it from the structure of the criteria."));
  rules = mamori_node_get_evidence_rules (item);
  records = mamori_node_get_evidence_records (item);
  if (rules[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (_(", "), (char **) rules);
      g_string_append (body, body->len ? "\n" : "");
      g_string_append_printf (body, _("Rules to look at: %s"), list);
    }
  if (records[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (_(", "), (char **) records);
      g_string_append (body, body->len ? "\n" : "");
      g_string_append_printf (body, _("Records to look at: %s"), list);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body->len ? body->str : NULL);
  d = G_OBJECT (dialog);
  g_object_set_data_full (d, "ref-id", g_strdup (ref_id), g_free);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 320, -1);
  label = gtk_label_new (_("Techniques used"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (toggles, "linked");
  for (guint i = 0; i < G_N_ELEMENTS (techniques); i++)
    {
      GtkWidget *t = gtk_toggle_button_new_with_mnemonic (technique_label (techniques[i]));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (t), (chosen & techniques[i]) != 0);
      gtk_widget_set_hexpand (t, TRUE);
      gtk_box_append (GTK_BOX (toggles), t);
      g_object_set_data (d, mamori_method_key (techniques[i]), t);
    }
  gtk_box_append (GTK_BOX (box), toggles);
  label = gtk_label_new_with_mnemonic (_("What was _confirmed (the records seen, who was asked)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), check ? check->confirmed : "", -1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroll), 96);
  gtk_widget_add_css_class (scroll, "card");
  gtk_box_append (GTK_BOX (box), scroll);
  g_object_set_data (d, "confirmed", gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (edit_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
  return dialog;
}

static void
row_activated (AdwActionRow      *row,
               MamoriAuditRecord *self)
{
  mamori_audit_record_edit (self, g_object_get_data (G_OBJECT (row), "mamori-ref"));
}

guint
mamori_audit_record_get_n_rows (MamoriAuditRecord *self)
{
  return g_hash_table_size (self->rows);
}

MamoriAuditRecord *
mamori_audit_record_new (GtkWindow             *parent,
                         MamoriWorkspace       *workspace,
                         const MamoriChecklist *checklist,
                         gint64                 assessment,
                         const char            *chapter)
{
  MamoriAuditRecord *self = g_object_new (MAMORI_TYPE_AUDIT_RECORD, "transient-for", parent, "modal", TRUE,
                                          "default-width", 640, "default-height", 640, "title", _("Audit Record"), NULL);
  const char *lang = mamori_text_user_lang ();
  g_autoptr(GError) error = NULL;
  GtkWidget *content, *header, *page;
  AdwPreferencesGroup *group = NULL;
  const MamoriNode *group_node = NULL;

  self->workspace = g_object_ref (workspace);
  self->checklist = checklist;
  self->assessment = assessment;
  self->checks = mamori_workspace_get_audit_checks (workspace, assessment, &error);
  if (self->checks == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (parent), _("Could Not Read the Audit Record"), error);
      self->checks = g_hash_table_new (g_str_hash, g_str_equal);
    }
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (content), header);
  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), page);
  adw_window_set_content (ADW_WINDOW (self), content);

  /* One group per section (or chapter where there is no section), in checklist order. */
  for (guint i = 0; i < checklist->items->len; i++)
    {
      const MamoriNode *item = checklist->items->pdata[i];
      const MamoriNode *under;
      GtkWidget *row;
      g_autofree char *title = NULL;

      if (!mamori_audit_in_audit (chapter, item))
        continue;
      under = mamori_audit_section_of (item);
      if (under == NULL)
        under = mamori_audit_chapter_of (item);
      if (group == NULL || under != group_node)
        {
          const MamoriNode *ch = mamori_audit_chapter_of (item);
          g_autofree char *gtitle = NULL;
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          if (under != NULL && ch != NULL && under != ch)
            gtitle = g_markup_printf_escaped ("%s · %s", mamori_node_text (ch, lang), mamori_node_text (under, lang));
          else if (under != NULL)
            gtitle = g_markup_escape_text (mamori_node_text (under, lang), -1);
          if (gtitle != NULL)
            adw_preferences_group_set_title (group, gtitle);
          if (g_hash_table_size (self->rows) == 0)
            adw_preferences_group_set_description (group, _("Choose a procedure to record how it was checked."));
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
          group_node = under;
        }
      row = adw_action_row_new ();
      if (mamori_node_is_reconstructed (item))
        /* TRANSLATORS: a procedure Mamori rebuilt, lost in the source; %s %s: its ID and name */
        title = g_markup_printf_escaped (_("%s  %s (reconstructed)"), item->ref_id, mamori_node_text (item, lang));
      else
        title = g_markup_printf_escaped ("%s  %s", item->ref_id, mamori_node_text (item, lang));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "mamori-ref", g_strdup (item->ref_id), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (row_activated), self);
      adw_preferences_group_add (group, row);
      g_hash_table_insert (self->rows, item->ref_id, row);
      update_row (self, item);
    }
  return self;
}

static void
mamori_audit_record_finalize (GObject *object)
{
  MamoriAuditRecord *self = MAMORI_AUDIT_RECORD (object);

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  G_OBJECT_CLASS (mamori_audit_record_parent_class)->finalize (object);
}

static void
mamori_audit_record_class_init (MamoriAuditRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mamori_audit_record_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mamori_audit_record_init (MamoriAuditRecord *self)
{
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
}
