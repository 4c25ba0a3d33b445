/* mamori-assessment-summary.c — the result of an assessment */
#include "config.h"

#include <glib/gi18n.h>

#include "core/mamori-stepup.h"
#include "mamori-assessment-summary.h"
#include "mamori-window.h"
#include "report/mamori-chart.h"

struct _MamoriAssessmentSummary {
  AdwBin parent_instance;

  GtkLabel *title_label;
  GtkLabel *meta_label;
  GtkLabel *score_label;
  GtkLabel *band_label;
  GtkDrawingArea *chart;
  AdwPreferencesGroup *gaps_group;
  GtkButton *export_button;
  GtkButton *review_button;
  GtkButton *copy_button;
  GtkButton *complete_button;

  MamoriWorkspace *workspace;
  const MamoriChecklist *checklist;
  gint64 assessment;
  GArray *bars;          /* MamoriChartBar; labels point into the checklist */
  GPtrArray *gap_rows;
  GtkNativeDialog *chooser;
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
} MeasureDialog;

static void
measure_dialog_free (MeasureDialog *d)
{
  g_free (d->ref_id);
  g_free (d);
}

static void
measure_response (AdwMessageDialog *dialog,
                  const char       *response,
                  MeasureDialog    *d)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "save"))
    {
      if (!mamori_workspace_set_measure (d->self->workspace, d->self->assessment, d->ref_id,
                                         gtk_editable_get_text (GTK_EDITABLE (d->what)),
                                         gtk_editable_get_text (GTK_EDITABLE (d->owner)),
                                         gtk_editable_get_text (GTK_EDITABLE (d->due)), &error))
        mamori_widget_show_error (GTK_WIDGET (d->self), _("Could Not Save the Measure"), error);
      else
        {
          mamori_widget_add_toast (GTK_WIDGET (d->self), _("Measure saved"));
          mamori_assessment_summary_show (d->self, d->self->workspace, d->self->checklist, d->self->assessment);
        }
    }
  measure_dialog_free (d);
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
  d->self = self;
  d->ref_id = g_strdup (ref_id);
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
      g_autofree char *csv = mamori_assessment_to_csv (self->workspace, self->checklist, self->assessment,
                                                       mamori_text_user_lang (), &error);

      if (csv == NULL ||
          !g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
        mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Export the Assessment"), error);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = g_markup_printf_escaped (_("Exported “%s”"), name);
          mamori_widget_add_toast (GTK_WIDGET (self), text);
        }
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

/* --- showing ------------------------------------------------------------------------------------- */

gboolean
mamori_assessment_summary_show (MamoriAssessmentSummary *self,
                                MamoriWorkspace         *workspace,
                                const MamoriChecklist   *checklist,
                                gint64                   assessment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (workspace, assessment, &error);
  g_autoptr(GHashTable) answers = NULL;
  g_autofree MamoriScore *groups = NULL;
  MamoriScore total;
  const MamoriBand *band;
  const char *lang = mamori_text_user_lang ();
  guint n_groups = MAX (checklist->groups->len, 1), n_gaps = 0;
  g_autofree char *score = NULL;
  g_autofree char *meta = NULL;
  char num[G_ASCII_DTOSTR_BUF_SIZE], max[G_ASCII_DTOSTR_BUF_SIZE];

  if (a == NULL || (answers = mamori_workspace_get_answers (workspace, assessment, &error)) == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Open the Assessment"), error);
      return FALSE;
    }
  g_set_object (&self->workspace, workspace);
  self->checklist = checklist;
  self->assessment = assessment;

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
      GtkWidget *row, *button;
      g_autofree char *title = NULL, *subtitle = NULL;

      for (guint k = 0; k < choices->len; k++)
        if (!((MamoriChoice *) choices->pdata[k])->not_applicable)
          hi = MAX (hi, ((MamoriChoice *) choices->pdata[k])->score);
      (void) lo;
      if (c != NULL && (c->not_applicable || c->score >= hi))
        continue;
      n_gaps++;
      row = adw_action_row_new ();
      title = g_markup_printf_escaped ("%s  %s", item->ref_id, mamori_text_get (item->name ? item->name : item->description, lang));
      if (ans != NULL && ans->measure_what != NULL)
        subtitle = g_markup_printf_escaped (_("%s → %s (%s, by %s)"), c ? mamori_text_get (c->name, lang) : _("Not answered"),
                                            ans->measure_what, *ans->measure_owner ? ans->measure_owner : "—",
                                            ans->measure_due ? ans->measure_due : "—");
      else
        subtitle = g_markup_printf_escaped (_("%s · no measure decided yet"), c ? mamori_text_get (c->name, lang) : _("Not answered"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      button = gtk_button_new_with_mnemonic (ans && ans->measure_what ? _("_Edit Measure…") : _("_Decide Measure…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "mamori-ref", g_strdup (item->ref_id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (decide_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->gaps_group, row);
      g_ptr_array_add (self->gap_rows, row);
    }
  adw_preferences_group_set_description (self->gaps_group,
                                         n_gaps == 0 ? _("Every item is in place.")
                                                     : _("Items not fully in place. Decide with management what will be done, by whom and by when."));

  gtk_button_set_label (self->review_button, a->completed ? _("_Review Answers") : _("Continue _Answering"));
  gtk_widget_set_visible (GTK_WIDGET (self->complete_button), !a->completed);
  gtk_widget_set_visible (GTK_WIDGET (self->copy_button), a->completed);
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
  BIND (meta_label);
  BIND (score_label);
  BIND (band_label);
  BIND (chart);
  BIND (gaps_group);
  BIND (export_button);
  BIND (review_button);
  BIND (copy_button);
  BIND (complete_button);
#undef BIND
}

static void
mamori_assessment_summary_init (MamoriAssessmentSummary *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (MamoriChartBar));
  self->gap_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  g_signal_connect (self->export_button, "clicked", G_CALLBACK (export_clicked), self);
  g_signal_connect (self->review_button, "clicked", G_CALLBACK (review_clicked), self);
  g_signal_connect (self->copy_button, "clicked", G_CALLBACK (copy_clicked), self);
  g_signal_connect (self->complete_button, "clicked", G_CALLBACK (complete_clicked), self);
}
