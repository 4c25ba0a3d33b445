/* mamori-assessment-summary.c — the result of an assessment */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/mamori-audit.h"
#include "core/mamori-pending.h"
#include "core/mamori-stepup.h"
#include "mamori-access-ui.h"
#include "mamori-assessment-summary.h"
#include "mamori-assessment-summary-private.h"
#include "mamori-conflict-dialog.h"
#include "mamori-audit-record.h"
#include "mamori-criteria-view.h"
#include "mamori-widget-util.h"
#include "report/mamori-chart.h"
#include "report/mamori-review.h"
#include "report/mamori-table-export.h"
#include "mamori-sheets-view.h"
#include "store/mamori-reviews.h"
#include "store/mamori-roles.h"

struct _MamoriAssessmentSummary {
  AdwBin parent_instance;

  GtkWidget *plan_dialog;       /* weak: the audit plan dialog shown last */
  char *plan_error;             /* why the last plan was refused, or NULL */

  GtkLabel *title_label;
  GtkWidget *ready_box;
  GtkLabel *ready_label;
  GtkLabel *meta_label;
  GtkLabel *score_label;
  GtkLabel *band_label;
  GtkDrawingArea *chart;
  GtkWidget *chart_heading;
  GtkBox *criteria_box;
  AdwPreferencesGroup *gaps_group;
  GtkButton *export_button;
  GtkButton *review_button;
  GtkButton *copy_button;
  GtkButton *complete_button;
  GtkButton *audit_button;
  AdwPreferencesGroup *audit_group;
  GtkButton *add_action_button;
  AdwActionRow *plan_row;
  GtkButton *plan_button;
  AdwActionRow *record_row;
  GtkButton *record_button;

  MamoriWorkspace *workspace;
  const MamoriChecklist *checklist;
  gint64 assessment;
  GArray *bars;          /* MamoriChartBar; labels point into the checklist */
  GPtrArray *gap_rows;
  GPtrArray *action_rows;
  GtkNativeDialog *chooser;
  gboolean exporting;
  char *answer_note;     /* why the user's role may not answer it (nor decide measures), or NULL */
};

G_DEFINE_FINAL_TYPE (MamoriAssessmentSummary, mamori_assessment_summary, ADW_TYPE_BIN)

enum { SIGNAL_REVIEW, SIGNAL_OPENED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  MamoriAssessmentSummary *self = user_data;
  MamoriChartStyle style;
  GdkRGBA fg;

  mamori_chart_style_default (&style);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  style.fg[0] = fg.red;
  style.fg[1] = fg.green;
  style.fg[2] = fg.blue;
  style.track[0] = style.track[1] = style.track[2] = 0.5;
  style.track[3] = 0.25;
  mamori_chart_draw_bars (cr, width, height, (MamoriChartBar *) self->bars->data, self->bars->len, &style);
}

/* --- measures ---------------------------------------------------------------------------------- */

typedef struct {
  MamoriAssessmentSummary *self;
  char *ref_id;
  GtkWidget *what, *owner, *due;
  gint64 version;          /* of the measure as the dialog showed it (row versions) */
  char *mine[3];           /* what was typed, once saving met someone else's change */
} MeasureDialog;

static void
measure_dialog_free (MeasureDialog *d)
{
  g_object_unref (d->self);
  g_free (d->ref_id);
  for (guint i = 0; i < G_N_ELEMENTS (d->mine); i++)
    g_free (d->mine[i]);
  g_free (d);
}

/* "what (who, by when)", or "(none)". */
static char *
measure_text (const char *what,
              const char *owner,
              const char *due)
{
  if (what == NULL || *what == '\0')
    return g_strdup (_("(none)"));
  if ((owner == NULL || *owner == '\0') && (due == NULL || *due == '\0'))
    return g_strdup (what);
  /* TRANSLATORS: a measure: what will be done (who, by when) */
  return g_strdup_printf (_("%s (%s, %s)"), what, owner ? owner : "", due ? due : "");
}

static void save_measure (MeasureDialog *d);

/* The conflict question's answer; d is the question's (it frees d when it goes). */
static void
measure_conflict_decided (gboolean keep_mine,
                          gpointer data)
{
  MeasureDialog *d = data;

  if (keep_mine)
    {
      MeasureDialog *again = g_new0 (MeasureDialog, 1);

      again->self = g_object_ref (d->self);
      again->ref_id = g_strdup (d->ref_id);
      again->version = d->version;
      for (guint i = 0; i < G_N_ELEMENTS (d->mine); i++)
        again->mine[i] = g_strdup (d->mine[i]);
      save_measure (again);
      return;
    }
  mamori_assessment_summary_show (d->self, d->self->workspace, d->self->checklist, d->self->assessment);
}

/* Saves the typed measure over the version shown (takes d); when someone else changed it
 * meanwhile, their measure beside the user's, and the user decides (d goes to the question). */
static void
save_measure (MeasureDialog *d)
{
  g_autoptr(GError) error = NULL;

  if (mamori_workspace_set_measure_checked (d->self->workspace, d->self->assessment, d->ref_id,
                                            d->mine[0], d->mine[1], d->mine[2], &d->version, &error))
    {
      mamori_widget_add_toast (GTK_WIDGET (d->self), _("Measure saved"));
      mamori_assessment_summary_show (d->self, d->self->workspace, d->self->checklist, d->self->assessment);
      measure_dialog_free (d);
      return;
    }
  if (g_error_matches (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT))
    {
      g_autoptr(GHashTable) answers = mamori_workspace_get_answers (d->self->workspace, d->self->assessment, NULL);
      MamoriAnswer *a = answers ? g_hash_table_lookup (answers, d->ref_id) : NULL;
      g_autofree char *theirs = measure_text (a ? a->measure_what : NULL, a ? a->measure_owner : NULL,
                                              a ? a->measure_due : NULL);
      g_autofree char *mine = measure_text (d->mine[0], d->mine[1], d->mine[2]);
      g_autofree char *body = g_strdup_printf (_("While you were writing, someone else changed the measure for item %s.\n\nTheirs: %s\nYours: %s"),
                                               d->ref_id, theirs, mine);

      /* Keep Mine saves over the version now stored. */
      d->version = a ? a->measure_version : MAMORI_ROW_VERSION_NONE;
      mamori_conflict_dialog_present (GTK_WIDGET (d->self), _("Someone Else Changed This Measure"), body, NULL,
                                      measure_conflict_decided, d, (GDestroyNotify) measure_dialog_free);
      return;
    }
  mamori_widget_show_error (GTK_WIDGET (d->self), _("Could Not Save the Measure"), error);
  measure_dialog_free (d);
}

static void
measure_response (AdwMessageDialog *dialog,
                  const char       *response,
                  MeasureDialog    *d)
{
  /* Once: closing the dialog after a choice must not answer again. */
  g_signal_handlers_disconnect_by_func (dialog, measure_response, d);
  if (!g_str_equal (response, "save"))
    {
      measure_dialog_free (d);
      return;
    }
  d->mine[0] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->what)));
  d->mine[1] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->owner)));
  d->mine[2] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->due)));
  save_measure (d);
}

static void
decide_clicked (GtkButton               *button,
                MamoriAssessmentSummary *self)
{
  const char *ref_id = g_object_get_data (G_OBJECT (button), "mamori-ref");
  const MamoriNode *item = mamori_checklist_find_item (self->checklist, ref_id);
  g_autoptr(GHashTable) answers = mamori_workspace_get_answers (self->workspace, self->assessment, NULL);
  MamoriAnswer *a = answers ? g_hash_table_lookup (answers, ref_id) : NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  MeasureDialog *d = g_new0 (MeasureDialog, 1);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Decide a Measure"),
                                   mamori_text_get (item->name ? item->name : item->description, mamori_text_user_lang ()));
  d->self = g_object_ref (self);
  d->ref_id = g_strdup (ref_id);
  d->version = a != NULL ? a->measure_version : MAMORI_ROW_VERSION_NONE;
  d->what = mamori_labelled_entry_new (box, _("What will be done"), a ? a->measure_what : NULL);
  d->owner = mamori_labelled_entry_new (box, _("Who is responsible"), a ? a->measure_owner : NULL);
  d->due = mamori_labelled_entry_new (box, _("By when (YYYY-MM-DD)"), a ? a->measure_due : NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (measure_response), d);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (d->what);
}

/* --- export ------------------------------------------------------------------------------------- */

static void
export_chosen (GtkNativeDialog         *dialog,
               int                      response,
               MamoriAssessmentSummary *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *csv = mamori_table_export_assessment_csv (self->workspace, self->checklist, self->assessment,
                                                                 mamori_text_user_lang (), &error);

      if (csv == NULL ||
          !mamori_write_file_atomically (path, csv, strlen (csv), 0644, &error))
        mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Export the Assessment"), error);
      else
        mamori_widget_add_saved_toast (GTK_WIDGET (self), path);
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
export_clicked (GtkButton               *button,
                MamoriAssessmentSummary *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Assessment"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s-%" G_GINT64_FORMAT ".csv", self->checklist->id, self->assessment);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* --- the audit report ---------------------------------------------------------------------------- */

static void
audit_saved (GtkWidget    *widget,
             MamoriReport *report,
             gboolean      saved,
             gpointer      data)
{
  MAMORI_ASSESSMENT_SUMMARY (widget)->exporting = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (MAMORI_ASSESSMENT_SUMMARY (widget)->audit_button), TRUE);
}

gboolean
mamori_assessment_summary_export_audit (MamoriAssessmentSummary *self,
                                        const char              *path,
                                        gboolean                 annex)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  MamoriReport *report;

  if (self->workspace == NULL || self->exporting)
    return FALSE;
  report = mamori_audit_report_new (self->workspace, self->checklist, self->assessment, today, mamori_text_user_lang (),
                                    annex, &error);
  if (report == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Export the Audit Report"), error);
      return FALSE;
    }
  self->exporting = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->audit_button), FALSE);
  mamori_widget_write_report (GTK_WIDGET (self), report, path, _("Could Not Export the Audit Report"), audit_saved, NULL);
  return TRUE;
}

gboolean
mamori_assessment_summary_is_exporting (MamoriAssessmentSummary *self)
{
  return self->exporting;
}

static void
audit_chosen (GtkNativeDialog         *dialog,
              int                      response,
              MamoriAssessmentSummary *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *path = mamori_export_chooser_get_path (GTK_FILE_CHOOSER (dialog));
      const char *annex = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "annex");
      if (path != NULL)
        mamori_assessment_summary_export_audit (self, path, g_strcmp0 (annex, "false") != 0);
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
audit_clicked (GtkButton               *button,
               MamoriAssessmentSummary *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  /* TRANSLATORS: file name of an audit report; %s is the checklist id, %d the assessment number */
  g_autofree char *name = g_strdup_printf (_("audit-report-%s-%d.pdf"), self->checklist->id, (int) self->assessment);

  if (self->chooser != NULL || self->exporting)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Audit Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  mamori_export_chooser_add_formats (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* A check box: evidence files in an annex, or each item's files in the item table. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "annex", _("List the evidence files in an annex"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "annex", "true");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (audit_chosen), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* --- internal audit: plan and corrective actions -------------------------------------------------- */

static void show_audit (MamoriAssessmentSummary *self);

static GtkWidget *
audit_dialog (MamoriAssessmentSummary *self,
              const char              *heading,
              const char              *body,
              GtkWidget              **box)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);

  *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  /* Wide enough for a sentence of scope or independence without scrolling inside the entry. */
  gtk_widget_set_size_request (*box, 440, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), *box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static const char *
entry_text (GObject    *dialog,
            const char *key)
{
  return gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (dialog, key)));
}

static void show_plan_dialog (MamoriAssessmentSummary *self, const MamoriAuditPlan *plan, const char *error);

static void
plan_response (AdwMessageDialog        *dialog,
               const char              *response,
               MamoriAssessmentSummary *self)
{
  GObject *d = G_OBJECT (dialog);
  g_autoptr(GError) error = NULL;
  MamoriAuditPlan plan = { self->assessment };

  if (!g_str_equal (response, "save"))
    return;
  plan.scope = (char *) entry_text (d, "scope");
  plan.auditor = (char *) entry_text (d, "auditor");
  plan.auditor_unit = (char *) entry_text (d, "auditor-unit");
  plan.audited_unit = (char *) entry_text (d, "unit");
  plan.independence = (char *) entry_text (d, "independence");
  plan.independence_confirmed = gtk_check_button_get_active (g_object_get_data (d, "confirmed"));
  plan.starts_on = (char *) entry_text (d, "starts");
  plan.ends_on = (char *) entry_text (d, "ends");
  plan.opinion = (char *) entry_text (d, "opinion");
  plan.purpose = (char *) entry_text (d, "purpose");
  plan.criteria = (char *) entry_text (d, "criteria");
  plan.addressee = (char *) entry_text (d, "addressee");
  plan.assistant = (char *) entry_text (d, "assistant");
  {
    /* The chapter chosen (0: the whole checklist), and the independence checks all ticked. */
    GStrv chapters = g_object_get_data (d, "chapter-refs");
    GtkDropDown *drop = g_object_get_data (d, "chapter");
    guint pos = drop ? gtk_drop_down_get_selected (drop) : 0;
    plan.chapter = (char *) (chapters && pos != GTK_INVALID_LIST_POSITION && pos < g_strv_length (chapters) ? chapters[pos] : "");
    for (guint i = 0; i < MAMORI_AUDIT_N_INDEPENDENCE; i++)
      {
        g_autofree char *key = g_strdup_printf ("threat-%u", i);
        if (!gtk_check_button_get_active (g_object_get_data (d, key)))
          plan.independence_confirmed = FALSE;
      }
  }
  if (!mamori_workspace_set_audit_plan (self->workspace, &plan, &error))
    {
      /* The dialog closes with its response: it opens again with what was typed and the
       * store's reason (an auditor never audits their own unit) above the fields. */
      show_plan_dialog (self, &plan, error->message);
    }
  else
    {
      g_clear_pointer (&self->plan_error, g_free);
      mamori_widget_add_toast (GTK_WIDGET (self), _("Audit plan saved"));
      show_audit (self);
    }
}

/* "I confirm the auditor's independence" is offered once every check of the list is ticked. */
static void
threat_toggled (GtkCheckButton *button,
                GObject        *dialog)
{
  gboolean all = TRUE;
  GtkWidget *confirm = g_object_get_data (dialog, "confirmed");

  for (guint i = 0; i < MAMORI_AUDIT_N_INDEPENDENCE; i++)
    {
      g_autofree char *key = g_strdup_printf ("threat-%u", i);
      all &= gtk_check_button_get_active (g_object_get_data (dialog, key));
    }
  gtk_widget_set_sensitive (confirm, all);
  if (!all)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (confirm), FALSE);
}

/* A caption label above a widget in the plan dialog. */
static void
plan_caption (GtkWidget  *box,
              const char *text,
              GtkWidget  *target)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  if (target != NULL)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), target);
  gtk_box_append (GTK_BOX (box), label);
}

static void
show_plan_dialog (MamoriAssessmentSummary *self,
                  const MamoriAuditPlan   *plan,
                  const char              *error)
{
  GtkWidget *box, *check;
  GtkWidget *dialog = audit_dialog (self, _("Audit Plan"),
                                    _("What is audited, by whom and when. The auditor should not audit work they did or a unit they belong to."),
                                    &box);
  GObject *d = G_OBJECT (dialog);
  const char *lang = mamori_text_user_lang ();

  {
    /* The fields of the audit report template make the dialog tall: it scrolls. */
    GtkWidget *scroll = gtk_scrolled_window_new ();
    g_object_ref (box);
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroll);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), box);
    g_object_unref (box);
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroll), TRUE);
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroll), 420);
  }
  g_free (self->plan_error);
  self->plan_error = g_strdup (error);
  if (error != NULL)
    {
      GtkWidget *label = gtk_label_new (error);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (box), label);
    }
  g_object_set_data (d, "purpose", mamori_labelled_entry_new (box, _("Pu_rpose of the audit"), plan ? plan->purpose : NULL));
  {
    /* The criteria default to the checklist audited. */
    g_autofree char *name = g_strdup_printf (_("“%s”"), mamori_text_get (self->checklist->name, lang));
    g_object_set_data (d, "criteria", mamori_labelled_entry_new (box, _("C_riteria (what it is judged against)"),
                                                                 plan && plan->criteria && *plan->criteria ? plan->criteria : name));
  }
  g_object_set_data (d, "scope", mamori_labelled_entry_new (box, _("_Scope (what is audited)"), plan ? plan->scope : NULL));
  {
    /* The whole checklist, or one chapter. */
    g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
    g_autoptr(GStrvBuilder) refs = g_strv_builder_new ();
    guint selected = 0, n = 1;
    GtkWidget *drop;
    gtk_string_list_append (names, _("The whole checklist"));
    g_strv_builder_add (refs, "");
    for (guint i = 0; i < self->checklist->groups->len; i++)
      {
        const MamoriNode *g = self->checklist->groups->pdata[i];
        if (g->parent != NULL)
          continue;
        gtk_string_list_append (names, mamori_node_text (g, lang));
        g_strv_builder_add (refs, g->ref_id);
        if (plan && plan->chapter && g_strcmp0 (plan->chapter, g->ref_id) == 0)
          selected = n;
        n++;
      }
    drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), selected);
    plan_caption (box, _("C_hapter audited"), drop);
    gtk_box_append (GTK_BOX (box), drop);
    g_object_set_data (d, "chapter", drop);
    g_object_set_data_full (d, "chapter-refs", g_strv_builder_end (refs), (GDestroyNotify) g_strfreev);
  }
  g_object_set_data (d, "addressee", mamori_labelled_entry_new (box, _("Report a_ddressed to"), plan ? plan->addressee : NULL));
  g_object_set_data (d, "auditor", mamori_labelled_entry_new (box, _("_Auditor"), plan ? plan->auditor : NULL));
  g_object_set_data (d, "assistant", mamori_labelled_entry_new (box, _("Assistant auditor (_optional)"), plan ? plan->assistant : NULL));
  g_object_set_data (d, "auditor-unit", mamori_labelled_entry_new (box, _("Auditor’s o_wn unit"), plan ? plan->auditor_unit : NULL));
  g_object_set_data (d, "unit", mamori_labelled_entry_new (box, _("Audited _unit"), plan ? plan->audited_unit : NULL));
  g_object_set_data (d, "independence",
                     mamori_labelled_entry_new (box, _("How the auditor is _independent of it"), plan ? plan->independence : NULL));
  /* The threats to an internal auditor's independence, as statements to tick. */
  plan_caption (box, _("The auditor:"), NULL);
  for (guint i = 0; i < MAMORI_AUDIT_N_INDEPENDENCE; i++)
    {
      g_autofree char *key = g_strdup_printf ("threat-%u", i);
      GtkWidget *t = gtk_check_button_new ();
      GtkWidget *text = gtk_label_new (mamori_audit_independence_check (i, lang));
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (t), text);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (t), plan && plan->independence_confirmed);
      gtk_box_append (GTK_BOX (box), t);
      g_object_set_data (d, key, t);
    }
  check = gtk_check_button_new_with_mnemonic (_("I _confirm the auditor’s independence"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), plan && plan->independence_confirmed);
  gtk_widget_set_sensitive (check, plan && plan->independence_confirmed);
  gtk_box_append (GTK_BOX (box), check);
  g_object_set_data (d, "confirmed", check);
  for (guint i = 0; i < MAMORI_AUDIT_N_INDEPENDENCE; i++)
    {
      g_autofree char *key = g_strdup_printf ("threat-%u", i);
      g_signal_connect (g_object_get_data (d, key), "toggled", G_CALLBACK (threat_toggled), d);
    }
  g_object_set_data (d, "starts", mamori_labelled_entry_new (box, _("_From (YYYY-MM-DD)"), plan ? plan->starts_on : NULL));
  g_object_set_data (d, "ends", mamori_labelled_entry_new (box, _("_To (YYYY-MM-DD)"), plan ? plan->ends_on : NULL));
  g_object_set_data (d, "opinion", mamori_labelled_entry_new (box, _("Audit _opinion (when the audit is done)"), plan ? plan->opinion : NULL));
  g_signal_connect (dialog, "response", G_CALLBACK (plan_response), self);
  g_set_weak_pointer (&self->plan_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
mamori_assessment_summary_get_plan_dialog (MamoriAssessmentSummary *self)
{
  return self->plan_dialog;
}

const char *
mamori_assessment_summary_get_plan_error (MamoriAssessmentSummary *self)
{
  return self->plan_error;
}

static void
plan_clicked (GtkButton               *button,
              MamoriAssessmentSummary *self)
{
  g_autoptr(MamoriAuditPlan) plan = mamori_workspace_get_audit_plan (self->workspace, self->assessment, NULL);

  show_plan_dialog (self, plan, NULL);
}

static gboolean
record_closed (GtkWindow               *window,
               MamoriAssessmentSummary *self)
{
  show_audit (self);
  return FALSE;
}

static void
record_clicked (GtkButton               *button,
                MamoriAssessmentSummary *self)
{
  g_autoptr(MamoriAuditPlan) plan = mamori_workspace_get_audit_plan (self->workspace, self->assessment, NULL);
  MamoriAuditRecord *record = mamori_audit_record_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->workspace,
                                                       self->checklist, self->assessment, plan ? plan->chapter : NULL);

  g_signal_connect_object (record, "close-request", G_CALLBACK (record_closed), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (record));
}

static void
add_action_response (AdwMessageDialog        *dialog,
                     const char              *response,
                     MamoriAssessmentSummary *self)
{
  GObject *d = G_OBJECT (dialog);
  GtkDropDown *items = g_object_get_data (d, "items");
  GtkStringObject *item = gtk_drop_down_get_selected_item (items);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;

  if (!g_str_equal (response, "save") || item == NULL)
    return;
  parts = g_strsplit (gtk_string_object_get_string (item), " ", 2);
  if (mamori_workspace_add_corrective_action (self->workspace, self->assessment, parts[0], entry_text (d, "what"),
                                              entry_text (d, "owner"), entry_text (d, "due"), &error) == 0)
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Corrective Action"), error);
  else
    {
      mamori_widget_add_toast (GTK_WIDGET (self), _("Corrective action added"));
      show_audit (self);
    }
}

static void
add_action_clicked (GtkButton               *button,
                    MamoriAssessmentSummary *self)
{
  g_autoptr(GHashTable) answers = mamori_workspace_get_answers (self->workspace, self->assessment, NULL);
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  const char *lang = mamori_text_user_lang ();
  GtkWidget *box, *drop, *label;
  GtkWidget *dialog = audit_dialog (self, _("New Corrective Action"),
                                    _("What will put the finding right, who does it and by when."), &box);
  GObject *d = G_OBJECT (dialog);

  /* The checks that are not fully in place come first; any check can be chosen. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->checklist->items->len; i++)
      {
        MamoriNode *node = self->checklist->items->pdata[i];
        MamoriAnswer *a = answers ? g_hash_table_lookup (answers, node->ref_id) : NULL;
        MamoriFinding f = mamori_assessment_grade (self->checklist, node, a ? a->choice : -1);
        gboolean gap = f == MAMORI_FINDING_GAP || f == MAMORI_FINDING_MINOR || f == MAMORI_FINDING_NOT_ANSWERED;
        g_autofree char *text = NULL;
        if (gap != (pass == 0))
          continue;
        text = g_strdup_printf ("%s %s", node->ref_id, mamori_text_get (node->name ? node->name : node->description, lang));
        gtk_string_list_append (items, text);
      }
  label = gtk_label_new_with_mnemonic (_("_Finding"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (items)), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), drop);
  g_object_set_data (d, "items", drop);
  g_object_set_data (d, "what", mamori_labelled_entry_new (box, _("What will be _done"), NULL));
  g_object_set_data (d, "owner", mamori_labelled_entry_new (box, _("Who is _responsible"), NULL));
  g_object_set_data (d, "due", mamori_labelled_entry_new (box, _("By _when (YYYY-MM-DD)"), NULL));
  g_signal_connect (dialog, "response", G_CALLBACK (add_action_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_action_response (AdwMessageDialog        *dialog,
                       const char              *response,
                       MamoriAssessmentSummary *self)
{
  GObject *d = G_OBJECT (dialog);
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (d, "action");

  if (!g_str_equal (response, "save"))
    return;
  if (!mamori_workspace_close_corrective_action (self->workspace, id, entry_text (d, "closed"), entry_text (d, "result"), &error))
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Close the Corrective Action"), error);
  else
    {
      mamori_widget_add_toast (GTK_WIDGET (self), _("Corrective action closed"));
      show_audit (self);
    }
}

static void
action_button_clicked (GtkButton               *button,
                       MamoriAssessmentSummary *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "mamori-action");
  g_autoptr(GError) error = NULL;

  if (g_object_get_data (G_OBJECT (button), "mamori-closed") != NULL)
    {
      /* Reopening needs no questions. */
      if (!mamori_workspace_close_corrective_action (self->workspace, *id, NULL, NULL, &error))
        mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Reopen the Corrective Action"), error);
      show_audit (self);
      return;
    }
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    GtkWidget *box;
    GtkWidget *dialog = audit_dialog (self, _("Close the Corrective Action"),
                                      _("Close it once the auditor has seen that the correction works."), &box);
    GObject *d = G_OBJECT (dialog);
    g_object_set_data_full (d, "action", g_memdup2 (id, sizeof *id), g_free);
    g_object_set_data (d, "closed", mamori_labelled_entry_new (box, _("Closed _on (YYYY-MM-DD)"), today));
    g_object_set_data (d, "result", mamori_labelled_entry_new (box, _("How the correction was _confirmed"), NULL));
    adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (dialog), "save", _("C_lose Action"));
    g_signal_connect (dialog, "response", G_CALLBACK (close_action_response), self);
    gtk_window_present (GTK_WINDOW (dialog));
    gtk_widget_grab_focus (g_object_get_data (d, "result"));
  }
}

/* The audit group: shown for the certification's mandatory items, or whenever an assessment
 * has a plan or corrective actions. */
static void
show_audit (MamoriAssessmentSummary *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriAuditPlan) plan = mamori_workspace_get_audit_plan (self->workspace, self->assessment, &error);
  g_autoptr(GPtrArray) actions = error ? NULL : mamori_workspace_list_corrective_actions (self->workspace, self->assessment, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *subtitle = NULL;
  guint closed = 0;

  for (guint i = 0; i < self->action_rows->len; i++)
    adw_preferences_group_remove (self->audit_group, self->action_rows->pdata[i]);
  g_ptr_array_set_size (self->action_rows, 0);
  if (actions == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Internal Audit"), error);
      gtk_widget_set_visible (GTK_WIDGET (self->audit_group), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->audit_group),
                          mamori_audit_checklist_is_auditable (self->checklist->id) || plan != NULL || actions->len > 0);
  {
    /* The audit record: procedures in the audit and how many have what was confirmed. */
    g_autoptr(GHashTable) checks = mamori_workspace_get_audit_checks (self->workspace, self->assessment, NULL);
    const char *chapter = plan ? plan->chapter : NULL;
    guint n = 0, done = 0;
    g_autofree char *record = NULL;
    for (guint i = 0; i < self->checklist->items->len; i++)
      {
        const MamoriNode *item = self->checklist->items->pdata[i];
        MamoriAuditCheck *c;
        if (!mamori_audit_in_audit (chapter, item))
          continue;
        n++;
        c = checks ? g_hash_table_lookup (checks, item->ref_id) : NULL;
        done += c != NULL && *c->confirmed;
      }
    record = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u procedure recorded: techniques used and what was confirmed",
                                           "%u of %u procedures recorded: techniques used and what was confirmed", n), done, n);
    adw_action_row_set_subtitle (self->record_row, record);
  }
  if (plan == NULL)
    subtitle = g_strdup (_("No plan yet: set the scope, the auditor, their independence and the dates."));
  else
    subtitle = g_markup_printf_escaped (_("%s · %s – %s · %s"), *plan->auditor ? plan->auditor : _("no auditor named"),
                                        *plan->starts_on ? plan->starts_on : "…", *plan->ends_on ? plan->ends_on : "…",
                                        plan->independence_confirmed ? _("independence confirmed") : _("independence not confirmed"));
  adw_action_row_set_subtitle (self->plan_row, subtitle);
  /* The officer and the auditors record internal audits; the others read them. */
  {
    const MamoriAccess *access = mamori_workspace_get_access (self->workspace);
    g_autofree char *why = mamori_access_explain (access, MAMORI_ACCESS_AUDITS);
    gboolean may = mamori_access_may_change_some (access, MAMORI_ACCESS_AUDITS);
    gboolean may_plan = may;

    /* An auditor makes an assessment an internal audit only before anyone has answered it
     * (the server's policy on audit_plan): someone's self-assessment stays theirs. */
    if (may && plan == NULL && !mamori_access_is_officer (access))
      {
        g_autoptr(GHashTable) answers = mamori_workspace_get_answers (self->workspace, self->assessment, NULL);
        gboolean answered = FALSE;
        GHashTableIter iter;
        gpointer value;

        if (answers != NULL)
          g_hash_table_iter_init (&iter, answers);
        while (answers != NULL && g_hash_table_iter_next (&iter, NULL, &value))
          answered |= ((MamoriAnswer *) value)->choice_version != MAMORI_ROW_VERSION_NONE ||
                      ((MamoriAnswer *) value)->note_version != MAMORI_ROW_VERSION_NONE;
        may_plan = mamori_access_may_plan_audit (access, FALSE, answered);
        if (!may_plan)
          {
            g_free (why);
            why = g_strdup (_("An auditor plans an internal audit on an assessment nobody has answered yet: start a new assessment for the audit."));
          }
      }
    mamori_access_ui_allow (GTK_WIDGET (self->plan_button), may_plan, why);
    mamori_access_ui_allow (GTK_WIDGET (self->record_button), may, why);
    mamori_access_ui_allow (GTK_WIDGET (self->add_action_button), may, why);
  }
  for (guint i = 0; i < actions->len; i++)
    {
      MamoriCorrectiveAction *a = actions->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (a->closed ? _("_Reopen") : _("C_lose…"));
      g_autofree char *title = g_markup_printf_escaped ("%s  %s", a->ref_id, a->what);
      g_autofree char *state = NULL;
      if (a->closed)
        state = g_markup_printf_escaped (_("Closed on %s: %s"), a->closed_on, a->result);
      else
        state = g_markup_printf_escaped (_("%s · due %s · %s"), *a->owner ? a->owner : "—", *a->due_on ? a->due_on : "—",
                                         *a->due_on && strcmp (a->due_on, today) < 0 ? _("overdue") : _("open"));
      closed += a->closed ? 1 : 0;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (a->closed ? "object-select-symbolic" : "dialog-warning-symbolic"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "mamori-action", g_memdup2 (&a->id, sizeof a->id), g_free);
      if (a->closed)
        g_object_set_data (G_OBJECT (button), "mamori-closed", GINT_TO_POINTER (1));
      g_signal_connect (button, "clicked", G_CALLBACK (action_button_clicked), self);
      gtk_widget_set_sensitive (button, gtk_widget_get_sensitive (GTK_WIDGET (self->add_action_button)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->audit_group, row);
      g_ptr_array_add (self->action_rows, row);
    }
  if (actions->len > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Internal Audit · %u of %u corrective action closed",
                                                             "Internal Audit · %u of %u corrective actions closed", actions->len),
                                                closed, actions->len);
      adw_preferences_group_set_title (self->audit_group, title);
    }
  else
    adw_preferences_group_set_title (self->audit_group, _("Internal Audit"));
}

guint
mamori_assessment_summary_get_n_actions (MamoriAssessmentSummary *self)
{
  return self->action_rows->len;
}

/* --- completing and copying ----------------------------------------------------------------------- */

gboolean
mamori_assessment_summary_complete (MamoriAssessmentSummary *self)
{
  g_autoptr(GError) error = NULL;

  if (!mamori_workspace_complete_assessment (self->workspace, self->assessment,
                                             mamori_stepup_task_for_checklist (self->checklist->id), &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Complete the Assessment"), error);
      return FALSE;
    }
  mamori_widget_add_toast (GTK_WIDGET (self), _("Assessment completed"));
  return mamori_assessment_summary_show (self, self->workspace, self->checklist, self->assessment);
}

gint64
mamori_assessment_summary_copy (MamoriAssessmentSummary *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gint64 id = mamori_workspace_copy_assessment (self->workspace, self->assessment, today, &error);

  if (id == 0)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Start the Next Round"), error);
      return 0;
    }
  mamori_widget_add_toast (GTK_WIDGET (self), _("Next round started with the previous answers"));
  g_signal_emit (self, signals[SIGNAL_OPENED], 0, id);
  return id;
}

static void
complete_clicked (GtkButton               *button,
                  MamoriAssessmentSummary *self)
{
  mamori_assessment_summary_complete (self);
}

static void
copy_clicked (GtkButton               *button,
              MamoriAssessmentSummary *self)
{
  mamori_assessment_summary_copy (self);
}

static void
review_clicked (GtkButton               *button,
                MamoriAssessmentSummary *self)
{
  g_signal_emit (self, signals[SIGNAL_REVIEW], 0);
}

static MamoriCorrectiveAction *
find_action (GPtrArray  *actions,
             const char *ref_id)
{
  for (guint i = 0; i < actions->len; i++)
    if (g_str_equal (((MamoriCorrectiveAction *) actions->pdata[i])->ref_id, ref_id))
      return actions->pdata[i];
  return NULL;
}

/* --- showing ------------------------------------------------------------------------------------- */

static void
criteria_changed (MamoriAssessmentSummary *self)
{
  if (self->workspace != NULL && self->checklist != NULL)
    mamori_assessment_summary_show (self, self->workspace, self->checklist, self->assessment);
}

gboolean
mamori_assessment_summary_show (MamoriAssessmentSummary *self,
                                MamoriWorkspace         *workspace,
                                const MamoriChecklist   *checklist,
                                gint64                   assessment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (workspace, assessment, &error);
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree MamoriScore *groups = NULL;
  g_autoptr(MamoriCriteria) criteria = NULL;
  MamoriScore total;
  const MamoriBand *band;
  const char *lang = mamori_text_user_lang ();
  guint n_groups = MAX (checklist->groups->len, 1), n_gaps = 0;
  g_autofree char *score = NULL;
  g_autofree char *meta = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  char num[G_ASCII_DTOSTR_BUF_SIZE], max[G_ASCII_DTOSTR_BUF_SIZE];

  if (a == NULL || (answers = mamori_workspace_get_answers (workspace, assessment, &error)) == NULL ||
      (actions = mamori_workspace_list_corrective_actions (workspace, assessment, &error)) == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Open the Assessment"), error);
      return FALSE;
    }
  g_set_object (&self->workspace, workspace);
  self->checklist = checklist;
  self->assessment = assessment;
  g_clear_pointer (&self->answer_note, g_free);
  mamori_access_ui_may_answer (workspace, a, &self->answer_note);

  groups = g_new0 (MamoriScore, n_groups);
  mamori_assessment_score (checklist, answers, &total, groups);

  gtk_label_set_text (self->title_label, mamori_text_get (checklist->name, lang));
  /* TRANSLATORS: date · subject · respondent · state */
  meta = g_strdup_printf ("%s%s%s%s%s · %s", a->assessed_on,
                          *a->subject ? " · " : "", a->subject,
                          *a->respondent ? " · " : "", a->respondent,
                          a->completed ? _("Completed") : _("In progress"));
  gtk_label_set_text (self->meta_label, meta);
  g_ascii_formatd (num, sizeof num, "%g", total.score);
  g_ascii_formatd (max, sizeof max, "%g", total.max);
  /* TRANSLATORS: score out of the maximum, e.g. “72 / 100” */
  score = g_strdup_printf (_("%s / %s"), num, max);
  gtk_label_set_text (self->score_label, score);
  band = mamori_checklist_band (checklist, total.score);
  if (band != NULL)
    gtk_label_set_text (self->band_label, mamori_text_get (band->description, lang));
  else
    {
      g_autofree char *text = g_strdup_printf (_("%.0f%% of the possible score. %u of %u items answered."),
                                               mamori_score_percent (&total), total.n_answered, total.n_items);
      gtk_label_set_text (self->band_label, text);
    }

  g_array_set_size (self->bars, 0);
  for (guint g = 0; g < n_groups; g++)
    {
      MamoriChartBar bar = { 0 };
      bar.label = checklist->groups->len ? mamori_text_get (((MamoriNode *) checklist->groups->pdata[g])->name, lang)
                                         : mamori_text_get (checklist->name, lang);
      bar.value = MAX (groups[g].score, 0);   /* share of the best possible; below zero draws empty */
      bar.max = groups[g].max;
      g_array_append_val (self->bars, bar);
    }
  {
    MamoriChartStyle style;
    mamori_chart_style_default (&style);
    gtk_drawing_area_set_content_height (self->chart, (int) mamori_chart_bars_height (self->bars->len, &style));
  }
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));

  /* A checklist answered by level (the certification's criteria): met against the target level,
   * the tier, the rules and records still lacking and the scope, in place of the score chart. */
  criteria = mamori_criteria_view_fill (self->criteria_box, workspace, checklist, assessment,
                                        G_CALLBACK (criteria_changed), self);
  gtk_widget_set_visible (GTK_WIDGET (self->chart), criteria == NULL);
  gtk_widget_set_visible (self->chart_heading, criteria == NULL);
  if (criteria != NULL)
    {
      guint applicable = criteria->n_items - criteria->n[MAMORI_CRITERION_NOT_APPLICABLE] - criteria->n[MAMORI_CRITERION_OUT_OF_SCOPE];
      g_autofree char *met = g_strdup_printf ("%u / %u", criteria->n[MAMORI_CRITERION_MET], applicable);
      g_autofree char *tier = g_strdup_printf ("%s %s %s", _("Procedures met, of those in scope that apply."),
                                               criteria->gold ? _("The answers support Gold.")
                                               : criteria->silver ? _("The answers support Silver.")
                                               : _("The answers support neither tier yet."),
                                               _("A procedure is met when the level reached is at least its target level."));
      gtk_label_set_text (self->score_label, met);
      gtk_label_set_text (self->band_label, tier);
    }

  for (guint i = 0; i < self->gap_rows->len; i++)
    adw_preferences_group_remove (self->gaps_group, self->gap_rows->pdata[i]);
  g_ptr_array_set_size (self->gap_rows, 0);
  for (guint i = 0; i < checklist->items->len; i++)
    {
      MamoriNode *item = checklist->items->pdata[i];
      MamoriAnswer *ans = g_hash_table_lookup (answers, item->ref_id);
      GPtrArray *choices = mamori_checklist_choices (checklist, item);
      MamoriChoice *c = ans && ans->choice >= 0 && (guint) ans->choice < choices->len ? choices->pdata[ans->choice] : NULL;
      double lo, hi = -G_MAXDOUBLE;
      MamoriCorrectiveAction *action;
      GtkWidget *row, *button;
      g_autofree char *title = NULL, *subtitle = NULL, *reached = NULL;

      for (guint k = 0; k < choices->len; k++)
        if (!((MamoriChoice *) choices->pdata[k])->not_applicable)
          hi = MAX (hi, ((MamoriChoice *) choices->pdata[k])->score);
      (void) lo;
      if (criteria != NULL)
        {
          /* By level: a gap is a procedure in scope that is not met or not answered. */
          const MamoriCriterionResult *r = &criteria->results[i];
          if (r->state != MAMORI_CRITERION_NOT_MET && r->state != MAMORI_CRITERION_NOT_ANSWERED)
            continue;
          reached = mamori_criteria_view_result_text (r);
        }
      else if (c != NULL && (c->not_applicable || c->score >= hi))
        continue;
      else
        reached = g_strdup (c ? mamori_text_get (c->name, lang) : _("Not answered"));
      n_gaps++;
      row = adw_action_row_new ();
      title = g_markup_printf_escaped ("%s  %s", item->ref_id, mamori_text_get (item->name ? item->name : item->description, lang));
      if (ans != NULL && ans->measure_what != NULL)
        {
          /* A measure past its due date is flagged, as on the review slides. */
          gboolean overdue = ans->measure_due != NULL && strcmp (ans->measure_due, today) < 0;
          subtitle = g_markup_printf_escaped (overdue ? _("%s → %s (%s, by %s) · <b>overdue</b>") : _("%s → %s (%s, by %s)"),
                                              reached,
                                              ans->measure_what, *ans->measure_owner ? ans->measure_owner : "—",
                                              ans->measure_due ? ans->measure_due : "—");
        }
      else if ((action = find_action (actions, item->ref_id)) != NULL)
        subtitle = g_markup_printf_escaped (_("%s → corrective action: %s"), reached,
                                            action->what);
      else
        subtitle = g_markup_printf_escaped (_("%s · no measure decided yet"), reached);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      /* One button per row: no mnemonic, or every row would claim the same letter. */
      button = gtk_button_new_with_label (ans && ans->measure_what ? _("Edit Measure…") : _("Decide Measure…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "mamori-ref", g_strdup (item->ref_id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (decide_clicked), self);
      mamori_access_ui_allow (button, self->answer_note == NULL, self->answer_note);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->gaps_group, row);
      g_ptr_array_add (self->gap_rows, row);
    }
  adw_preferences_group_set_description (self->gaps_group,
                                         n_gaps == 0 ? _("Every item is in place.")
                                                     : _("Items not fully in place. Decide with management what will be done, by whom and by when."));

  show_audit (self);
  gtk_button_set_label (self->review_button, a->completed || self->answer_note != NULL ? _("_Review Answers")
                                                                                      : _("Continue _Answering"));
  mamori_sheets_view_attach (GTK_WIDGET (self->review_button), self->workspace, self->checklist, self->assessment);
  /* Completing is answering: those who may not answer it see the result only. */
  gtk_widget_set_visible (GTK_WIDGET (self->complete_button), !a->completed);
  mamori_access_ui_allow (GTK_WIDGET (self->complete_button), self->answer_note == NULL, self->answer_note);
  gtk_widget_set_visible (self->ready_box, !a->completed && self->answer_note == NULL);
  if (!a->completed)
    {
      g_autofree char *ready = NULL;
      if (total.n_answered == total.n_items)
        ready = g_strdup_printf (ngettext ("The assessment is ready: its %u item is answered. Complete it to record the score; measures stay editable.",
                                           "The assessment is ready: all %u items are answered. Complete it to record the score; measures stay editable.",
                                           total.n_items), total.n_items);
      else
        ready = g_strdup_printf (_("%u of %u items are answered; the others count as not done if you complete it now."),
                                 total.n_answered, total.n_items);
      gtk_label_set_text (self->ready_label, ready);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->copy_button), a->completed);
  {
    /* The next round copies the answers into a new assessment: the officer's (an auditor's
     * copy would have no audit plan, so the server would refuse its answers). */
    g_autofree char *why = mamori_access_ui_officer_only (workspace);
    mamori_access_ui_allow (GTK_WIDGET (self->copy_button), mamori_access_ui_is_officer (workspace), why);
  }
  return TRUE;
}

void
mamori_assessment_summary_clear (MamoriAssessmentSummary *self)
{
  self->checklist = NULL;
  g_array_set_size (self->bars, 0);
  g_clear_object (&self->workspace);
}

static void
mamori_assessment_summary_dispose (GObject *object)
{
  MamoriAssessmentSummary *self = MAMORI_ASSESSMENT_SUMMARY (object);

  g_clear_weak_pointer (&self->plan_dialog);
  g_clear_pointer (&self->plan_error, g_free);
  g_clear_pointer (&self->answer_note, g_free);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_ASSESSMENT_SUMMARY);
  G_OBJECT_CLASS (mamori_assessment_summary_parent_class)->dispose (object);
}

static void
mamori_assessment_summary_finalize (GObject *object)
{
  MamoriAssessmentSummary *self = MAMORI_ASSESSMENT_SUMMARY (object);

  g_array_unref (self->bars);
  g_ptr_array_unref (self->gap_rows);
  g_ptr_array_unref (self->action_rows);
  G_OBJECT_CLASS (mamori_assessment_summary_parent_class)->finalize (object);
}

static void
mamori_assessment_summary_class_init (MamoriAssessmentSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_assessment_summary_dispose;
  object_class->finalize = mamori_assessment_summary_finalize;

  signals[SIGNAL_REVIEW] = g_signal_new ("review", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-assessment-summary.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MamoriAssessmentSummary, name)
  BIND (title_label);
  BIND (ready_box);
  BIND (ready_label);
  BIND (meta_label);
  BIND (score_label);
  BIND (band_label);
  BIND (chart);
  BIND (chart_heading);
  BIND (criteria_box);
  BIND (gaps_group);
  BIND (export_button);
  BIND (review_button);
  BIND (copy_button);
  BIND (complete_button);
  BIND (audit_button);
  BIND (audit_group);
  BIND (record_row);
  BIND (record_button);
  BIND (add_action_button);
  BIND (plan_row);
  BIND (plan_button);
#undef BIND
}

static void
mamori_assessment_summary_init (MamoriAssessmentSummary *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (MamoriChartBar));
  self->gap_rows = g_ptr_array_new ();
  self->action_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  g_signal_connect (self->export_button, "clicked", G_CALLBACK (export_clicked), self);
  g_signal_connect (self->review_button, "clicked", G_CALLBACK (review_clicked), self);
  g_signal_connect (self->copy_button, "clicked", G_CALLBACK (copy_clicked), self);
  g_signal_connect (self->complete_button, "clicked", G_CALLBACK (complete_clicked), self);
  g_signal_connect (self->audit_button, "clicked", G_CALLBACK (audit_clicked), self);
  g_signal_connect (self->record_button, "clicked", G_CALLBACK (record_clicked), self);
  g_signal_connect (self->plan_button, "clicked", G_CALLBACK (plan_clicked), self);
  g_signal_connect (self->add_action_button, "clicked", G_CALLBACK (add_action_clicked), self);
}
