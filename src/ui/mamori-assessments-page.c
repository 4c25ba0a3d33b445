/* mamori-assessments-page.c — the Assessments page */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/mamori-catalog.h"
#include "mamori-access-ui.h"
#include "mamori-assessment-summary.h"
#include "mamori-assessment-wizard.h"
#include "mamori-assessments-page.h"
#include "mamori-assessments-page-private.h"
#include "mamori-scope-dialog.h"
#include "mamori-widget-util.h"
#include "ops/mamori-worker.h"
#include "report/mamori-chart.h"
#include "store/mamori-assessments.h"
#include "store/mamori-reviews.h"
#include "store/mamori-roles.h"
#include "store/mamori-scopes.h"

struct _MamoriAssessmentsPage {
  AdwBin parent_instance;

  GtkStack *stack;

  GtkButton *import_button;
  GtkButton *import_answers_button;
  GtkBox *groups_box;
  MamoriAssessmentWizard *wizard;
  MamoriAssessmentSummary *summary;
  GtkBox *summary_box;
  GtkBox *compare_box;

  MamoriWorkspace *workspace;
  MamoriCatalog *catalog;
  GPtrArray *pinned;       /* MamoriChecklist*: earlier library versions that assessments use */
  gulong changed_id;
  guint load_idle;
  gint64 current;          /* the assessment shown in the wizard or summary */
  GtkNativeDialog *chooser;
  MamoriWorker *importer;  /* imports of libraries and answers, off the main thread */
  GPtrArray *trends;       /* TrendData*, alive while the list shows them */
};

G_DEFINE_FINAL_TYPE (MamoriAssessmentsPage, mamori_assessments_page, ADW_TYPE_BIN)

static void build_list (MamoriAssessmentsPage *self);

enum { PROP_0, PROP_CAN_GO_BACK, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char *
lang (void)
{
  return mamori_text_user_lang ();
}

/* --- what the user's role allows ------------------------------------------------------------- */

/* Starting an assessment: the officer; an auditor starts internal audits. */
static gboolean
may_start (MamoriAssessmentsPage *self,
           char                 **why)
{
  const MamoriAccess *access = mamori_workspace_get_access (self->workspace);

  if (mamori_access_may_start_assessment (access))
    return TRUE;
  if (why != NULL)
    *why = access->read_only != NULL ? mamori_access_explain (access, MAMORI_ACCESS_ASSESSMENTS)
                                     : g_strdup (_("Only the officer and the auditors start assessments"));
  return FALSE;
}

/* The page's own buttons: importing checklists (the catalogue is the workspace's settings) and
 * answers (they make a new assessment, with no audit plan) are the officer's. */
static void
update_access (MamoriAssessmentsPage *self)
{
  g_autofree char *why = NULL;
  gboolean officer = mamori_access_ui_is_officer (self->workspace);

  if (!officer)
    why = mamori_access_ui_officer_only (self->workspace);
  mamori_access_ui_allow (GTK_WIDGET (self->import_button), officer, why);
  mamori_access_ui_allow (GTK_WIDGET (self->import_answers_button), officer, why);
}

/* An auditor's new assessment is an internal audit: it gets its plan (to fill in on the
 * summary) at once, so the auditor may answer it (the server lets auditors change only
 * assessments with a plan). */
static gboolean
make_audit (MamoriAssessmentsPage *self,
            gint64                 id,
            GError               **error)
{
  const MamoriAccess *access = mamori_workspace_get_access (self->workspace);
  MamoriAuditPlan plan = { .assessment = id };

  if (mamori_access_is_officer (access) || access->role != MAMORI_ROLE_AUDITOR)
    return TRUE;
  return mamori_workspace_set_audit_plan (self->workspace, &plan, error);
}

/* A new assessment starts with the items that do not apply by default answered so, with the
 * library's reason (the government clauses that only make sense inside the government). */
static void
apply_defaults (MamoriAssessmentsPage *self,
                const char            *checklist,
                gint64                 id)
{
  g_autoptr(GError) error = NULL;
  const MamoriChecklist *cl = self->catalog != NULL ? mamori_catalog_find (self->catalog, checklist) : NULL;

  if (!make_audit (self, id, &error))
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Start the Assessment"), error);
  else if (cl != NULL && !mamori_workspace_apply_default_not_applicable (self->workspace, id, cl, mamori_text_user_lang (), &error))
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Start the Assessment"), error);
}

/* --- loading the catalogue ------------------------------------------------------------------- */

MamoriCatalog *
mamori_assessments_page_get_catalog (MamoriAssessmentsPage *self)
{
  return mamori_assessments_page_ensure_loaded (self) ? self->catalog : NULL;
}

gboolean
mamori_assessments_page_ensure_loaded (MamoriAssessmentsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriCatalog) catalog = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  g_clear_handle_id (&self->load_idle, g_source_remove);
  if (self->catalog != NULL)
    return TRUE;
  if (self->workspace == NULL)
    return FALSE;
  catalog = mamori_catalog_new ();
  if (!mamori_catalog_load_builtin (catalog, &error) ||
      !mamori_workspace_load_catalog (self->workspace, catalog, &warnings, &error))
    {
      
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Checklists"), error);
      return FALSE;
    }
  for (guint i = 0; i < warnings->len; i++)
    {
      g_autoptr(GError) w = g_error_new_literal (MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CORRUPT, warnings->pdata[i]);
      mamori_widget_show_error (GTK_WIDGET (self), _("An Imported Checklist Is Left Out"), w);
    }
  self->catalog = g_steal_pointer (&catalog);
  
  build_list (self);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "loading"))
    gtk_stack_set_visible_child_name (self->stack, "list");
  return TRUE;
}

static gboolean
load_idle_cb (gpointer user_data)
{
  MamoriAssessmentsPage *self = user_data;
  self->load_idle = 0;
  mamori_assessments_page_ensure_loaded (self);
  return G_SOURCE_REMOVE;
}

static void
page_mapped (GtkWidget             *widget,
             MamoriAssessmentsPage *self)
{
  /* The catalogue is read after the page has been drawn once, never before the first frame. */
  if (self->catalog == NULL && self->load_idle == 0 && self->workspace != NULL)
    {
      
      self->load_idle = g_idle_add_full (G_PRIORITY_LOW, load_idle_cb, self, NULL);
    }
}

/* --- the list --------------------------------------------------------------------------------- */

typedef struct {
  GArray *values;
  GPtrArray *labels;
  double min, max;
} TrendData;

static void
trend_free (TrendData *t)
{
  g_array_unref (t->values);
  g_ptr_array_unref (t->labels);
  g_free (t);
}

static void
draw_trend (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  TrendData *t = user_data;
  MamoriChartStyle style;
  GdkRGBA fg;

  mamori_chart_style_default (&style);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  style.fg[0] = fg.red;
  style.fg[1] = fg.green;
  style.fg[2] = fg.blue;
  style.track[3] = 0.4;
  mamori_chart_draw_trend (cr, width, height, (double *) t->values->data, (const char * const *) t->labels->pdata,
                           t->values->len, t->min, t->max, &style);
}

static void
assessment_activated (AdwActionRow          *row,
                      MamoriAssessmentsPage *self)
{
  mamori_assessments_page_open (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "mamori-id")));
}

static void
delete_response (AdwMessageDialog      *dialog,
                 const char            *response,
                 MamoriAssessmentsPage *self)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "mamori-id"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!mamori_workspace_delete_assessment (self->workspace, id, &error))
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Delete the Assessment"), error);
  else
    mamori_widget_add_toast (GTK_WIDGET (self), _("Assessment deleted"));
}

static void
delete_clicked (GtkButton             *button,
                MamoriAssessmentsPage *self)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "mamori-id"));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Delete This Assessment?"),
                                              _("Its answers, notes, evidence files and measures are deleted with it. This cannot be undone; a copy of the workspace made earlier keeps them."));

  g_object_set_data (G_OBJECT (dialog), "mamori-id", GINT_TO_POINTER ((int) id));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* New assessment: ask date, respondent and (for a cloud service) the subject. */
typedef struct {
  MamoriAssessmentsPage *self;
  char *checklist;
  GtkWidget *date, *respondent, *subject;
} NewDialog;

static void
scope_decided (GtkWidget             *dialog,
               MamoriAssessmentsPage *self)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "mamori-assessment"));
  mamori_assessments_page_open (self, id);
}

/* A checklist with optional items or implementation groups: the new assessment is answered in
 * the latest scope version, and the scope dialog opens (to confirm it or save a new one) before
 * the wizard. FALSE when the checklist has nothing to scope. */
static gboolean
ask_scope (MamoriAssessmentsPage *self,
           const char            *checklist,
           gint64                 assessment)
{
  const MamoriChecklist *cl = mamori_catalog_find (self->catalog, checklist);
  g_autoptr(MamoriScope) latest = NULL;
  MamoriScopeDialog *dialog;

  if (cl == NULL || !mamori_scope_dialog_applies (cl))
    return FALSE;
  latest = mamori_workspace_latest_scope (self->workspace, cl->id, NULL);
  if (latest != NULL)
    mamori_workspace_set_assessment_scope (self->workspace, assessment, latest->id, NULL);
  dialog = mamori_scope_dialog_new (self->workspace, cl, assessment);
  g_object_set_data (G_OBJECT (dialog), "mamori-assessment", GINT_TO_POINTER ((int) assessment));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (scope_decided), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
new_response (AdwMessageDialog *dialog,
              const char       *response,
              NewDialog        *d)
{
  if (g_str_equal (response, "start"))
    {
      g_autoptr(GError) error = NULL;
      const char *subject = d->subject ? gtk_editable_get_text (GTK_EDITABLE (d->subject)) : "";
      gint64 id;

      if (d->subject != NULL && *subject == '\0')
        {
          g_set_error (&error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                       _("Name the cloud service this assessment is about."));
          mamori_widget_show_error (GTK_WIDGET (d->self), _("Could Not Start the Assessment"), error);
        }
      else
        {
          id = mamori_workspace_create_assessment (d->self->workspace, d->checklist, subject,
                                                   gtk_editable_get_text (GTK_EDITABLE (d->date)),
                                                   gtk_editable_get_text (GTK_EDITABLE (d->respondent)), &error);
          if (id != 0)
            apply_defaults (d->self, d->checklist, id);
          if (id == 0)
            mamori_widget_show_error (GTK_WIDGET (d->self), _("Could Not Start the Assessment"), error);
          else if (!ask_scope (d->self, d->checklist, id))
            mamori_assessments_page_open (d->self, id);
        }
    }
  g_free (d->checklist);
  g_free (d);
}

static void
new_clicked (GtkButton             *button,
             MamoriAssessmentsPage *self)
{
  const MamoriChecklist *cl = mamori_catalog_find (self->catalog, g_object_get_data (G_OBJECT (button), "mamori-checklist"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(MamoriProfile) profile = mamori_workspace_get_profile (self->workspace, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  NewDialog *d = g_new0 (NewDialog, 1);
  GtkWidget *dialog;

  if (cl == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("New Assessment"),
                                   mamori_text_get (cl->name, lang ()));
  d->self = self;
  d->checklist = g_strdup (cl->id);
  if (g_str_equal (cl->subject_kind, "cloud_service"))
    d->subject = mamori_labelled_entry_new (box, _("_Cloud service"), NULL);
  d->date = mamori_labelled_entry_new (box, _("_Date (YYYY-MM-DD)"), today);
  d->respondent = mamori_labelled_entry_new (box, _("_Respondent"), profile ? profile->security_officer : NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "start", _("_Start"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "start");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (new_response), d);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (d->subject ? d->subject : d->respondent);
}

/* --- comparing two rounds -------------------------------------------------------------------- */

static void
show_compare (MamoriAssessmentsPage *self,
              const char            *checklist_id,
              gint64                 older,
              gint64                 newer)
{
  const MamoriChecklist *cl = mamori_catalog_find (self->catalog, checklist_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (self->workspace, older, &error);
  g_autoptr(MamoriAssessment) b = a ? mamori_workspace_get_assessment (self->workspace, newer, &error) : NULL;
  g_autoptr(GHashTable) ans_a = b ? mamori_workspace_get_answers (self->workspace, older, &error) : NULL;
  g_autoptr(GHashTable) ans_b = ans_a ? mamori_workspace_get_answers (self->workspace, newer, &error) : NULL;
  GtkWidget *child, *title, *group;
  g_autofree char *heading = NULL;
  guint changed = 0;

  if (cl == NULL || ans_b == NULL)
    {
      if (error)
        mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Compare the Assessments"), error);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->compare_box))) != NULL)
    gtk_box_remove (self->compare_box, child);

  heading = g_strdup_printf ("%s: %s → %s", mamori_text_get (cl->name, lang ()), a->assessed_on, b->assessed_on);
  title = gtk_label_new (heading);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (self->compare_box, title);

  group = adw_preferences_group_new ();
  for (guint i = 0; i < cl->items->len; i++)
    {
      MamoriNode *item = cl->items->pdata[i];
      MamoriAnswer *x = g_hash_table_lookup (ans_a, item->ref_id);
      MamoriAnswer *y = g_hash_table_lookup (ans_b, item->ref_id);
      int cx = x ? x->choice : -1, cy = y ? y->choice : -1;
      GPtrArray *choices = mamori_checklist_choices (cl, item);
      GtkWidget *row;
      g_autofree char *t = NULL, *sub = NULL;

      if (cx == cy)
        continue;
      changed++;
      row = adw_action_row_new ();
      t = g_markup_printf_escaped ("%s  %s", item->ref_id, mamori_text_get (item->name ? item->name : item->description, lang ()));
      sub = g_markup_printf_escaped ("%s → %s",
                                     cx >= 0 ? mamori_text_get (((MamoriChoice *) choices->pdata[cx])->name, lang ()) : _("Not answered"),
                                     cy >= 0 ? mamori_text_get (((MamoriChoice *) choices->pdata[cy])->name, lang ()) : _("Not answered"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  {
    char sa[G_ASCII_DTOSTR_BUF_SIZE], sb[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *desc = g_strdup_printf (ngettext ("Score %s → %s. %u item’s answer changed.",
                                                       "Score %s → %s. %u items’ answers changed.", changed),
                                             g_ascii_formatd (sa, sizeof sa, "%g", a->score),
                                             g_ascii_formatd (sb, sizeof sb, "%g", b->score), changed);
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), desc);
  }
  gtk_box_append (self->compare_box, group);
  gtk_stack_set_visible_child_name (self->stack, "compare");
}

static void
compare_activated (AdwActionRow          *row,
                   MamoriAssessmentsPage *self)
{
  show_compare (self, g_object_get_data (G_OBJECT (row), "mamori-checklist"),
                GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "mamori-older")),
                GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "mamori-newer")));
}

static void
build_list (MamoriAssessmentsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *start_why = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  g_ptr_array_set_size (self->trends, 0);
  if (self->catalog == NULL || self->workspace == NULL)
    return;
  all = mamori_workspace_list_assessments (self->workspace, NULL, &error);
  if (all == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Assessments"), error);
      return;
    }
  may_start (self, &start_why);
  update_access (self);

  for (guint c = 0; c < mamori_catalog_get_n (self->catalog); c++)
    {
      const MamoriChecklist *cl = mamori_catalog_get (self->catalog, c);
      GtkWidget *group = adw_preferences_group_new ();
      /* Short, and without a mnemonic: every checklist group has one, and it must fit a narrow
       * window beside the group's title. */
      GtkWidget *new_button = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();
      g_autofree char *title = g_markup_escape_text (mamori_text_get (cl->name, lang ()), -1);
      g_autofree char *desc = NULL;
      g_autoptr(GPtrArray) completed = g_ptr_array_new ();
      guint n_rows = 0;

      {
        g_autofree char *count = g_strdup_printf (ngettext ("%u item", "%u items", cl->items->len), cl->items->len);
        const char *d = mamori_text_get (cl->description, lang ());
        desc = g_markup_printf_escaped ("%s%s%s", d ? d : "", d ? " · " : "", count);
      }
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), desc);
      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), C_("assessment", "New"));
      gtk_button_set_child (GTK_BUTTON (new_button), content);
      gtk_widget_set_tooltip_text (new_button, _("Start a New Assessment of This Checklist"));
      gtk_widget_set_valign (new_button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (new_button), "mamori-checklist", g_strdup (cl->id), g_free);
      g_signal_connect (new_button, "clicked", G_CALLBACK (new_clicked), self);
      mamori_access_ui_allow (new_button, start_why == NULL, start_why);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), new_button);

      for (guint i = all->len; i > 0; i--)
        {
          MamoriAssessment *a = all->pdata[i - 1];
          GtkWidget *row, *del, *arrow;
          g_autofree char *row_title = NULL, *subtitle = NULL;
          char score[G_ASCII_DTOSTR_BUF_SIZE];

          if (!g_str_equal (a->checklist, cl->id))
            continue;
          if (a->completed)
            g_ptr_array_insert (completed, 0, a);
          n_rows++;
          row = adw_action_row_new ();
          row_title = g_markup_printf_escaped ("%s%s%s", a->assessed_on, *a->subject ? " · " : "", a->subject);
          g_ascii_formatd (score, sizeof score, "%g", a->score);
          if (a->completed)
            subtitle = g_strdup_printf (_("Completed · score %s"), score);
          else
            subtitle = g_strdup_printf (_("In progress · %u of %u answered"), a->n_answered, cl->items->len);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data (G_OBJECT (row), "mamori-id", GINT_TO_POINTER ((int) a->id));
          g_signal_connect (row, "activated", G_CALLBACK (assessment_activated), self);
          del = gtk_button_new_from_icon_name ("user-trash-symbolic");
          gtk_widget_set_valign (del, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (del, "flat");
          gtk_widget_set_tooltip_text (del, _("Delete this assessment"));
          g_object_set_data (G_OBJECT (del), "mamori-id", GINT_TO_POINTER ((int) a->id));
          g_signal_connect (del, "clicked", G_CALLBACK (delete_clicked), self);
          /* Deleting: the officer; an auditor the internal audits. Hidden for the others. */
          gtk_widget_set_visible (del, mamori_access_ui_may_delete (self->workspace, a));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), del);
          arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }

      if (completed->len >= 2)
        {
          TrendData *t = g_new0 (TrendData, 1);
          GtkWidget *row = gtk_list_box_row_new ();
          GtkWidget *area = gtk_drawing_area_new ();
          GtkWidget *cmp = adw_action_row_new ();
          MamoriAssessment *older = completed->pdata[completed->len - 2];
          MamoriAssessment *newer = completed->pdata[completed->len - 1];
          g_autofree char *cmp_sub = g_strdup_printf ("%s → %s", older->assessed_on, newer->assessed_on);
          double lo = 0, hi = 0;

          t->values = g_array_new (FALSE, FALSE, sizeof (double));
          t->labels = g_ptr_array_new_with_free_func (g_free);
          for (guint k = 0; k < completed->len; k++)
            {
              MamoriAssessment *a = completed->pdata[k];
              g_array_append_val (t->values, a->score);
              g_ptr_array_add (t->labels, g_strdup (a->assessed_on));
              hi = MAX (hi, a->score);
              lo = MIN (lo, a->score);
            }
          /* The scale's own range, so that a trend does not exaggerate small changes. */
          {
            g_autofree int *none = g_new (int, cl->items->len);
            MamoriScore s;
            for (guint k = 0; k < cl->items->len; k++)
              none[k] = -1;
            mamori_checklist_score (cl, none, &s, NULL);
            t->max = MAX (s.max, hi);
            t->min = MIN (s.min < 0 ? s.min : 0, lo);
          }
          g_ptr_array_add (self->trends, t);
          gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 130);
          gtk_widget_set_margin_top (area, 8);
          gtk_widget_set_margin_bottom (area, 8);
          gtk_widget_set_margin_start (area, 8);
          gtk_widget_set_margin_end (area, 8);
          gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_trend, t, NULL);
          gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Score trend"), -1);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), area);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (cmp), _("Compare the Last Two Rounds"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (cmp), cmp_sub);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (cmp), TRUE);
          g_object_set_data_full (G_OBJECT (cmp), "mamori-checklist", g_strdup (cl->id), g_free);
          g_object_set_data (G_OBJECT (cmp), "mamori-older", GINT_TO_POINTER ((int) older->id));
          g_object_set_data (G_OBJECT (cmp), "mamori-newer", GINT_TO_POINTER ((int) newer->id));
          g_signal_connect (cmp, "activated", G_CALLBACK (compare_activated), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (cmp), gtk_image_new_from_icon_name ("go-next-symbolic"));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), cmp);
        }
      (void) n_rows;
      gtk_box_append (self->groups_box, group);
    }
}

/* --- import ------------------------------------------------------------------------------------ */

/* Both imports are operations (src/ops) run in the page's worker on their own connection; the
 * page's connection then announces what they changed, so every page follows. */

static void
library_imported (gpointer              owner,
                  MamoriOpResult       *result,
                  const GError         *error)
{
  MamoriAssessmentsPage *self = owner;
  const MamoriChecklist *cl;

  if (error != NULL)
    {
      mamori_widget_show_op_error (GTK_WIDGET (self), _("Could Not Import the Checklist"), result, error);
      return;
    }
  if (self->workspace == NULL)
    return;
  if (!mamori_assessments_page_ensure_loaded (self))
    return;
  /* The checklist read by the import joins the catalogue (replacing an older version). */
  mamori_catalog_add (self->catalog, g_steal_pointer (&result->checklist));
  mamori_workspace_announce_changes (self->workspace, (const char * const *) result->changed->pdata);
  cl = mamori_catalog_find (self->catalog, result->name);
  if (result->warnings->len > 0)
    {
      g_autoptr(GError) note = g_error_new_literal (MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                                                    result->warnings->pdata[0]);
      mamori_widget_show_error (GTK_WIDGET (self), _("Checklist Imported, with Parts Left Out"), note);
    }
  else if (cl != NULL)
    {
      g_autofree char *text = g_markup_printf_escaped (_("Imported “%s”"), mamori_text_get (cl->name, lang ()));
      mamori_widget_add_toast (GTK_WIDGET (self), text);
    }
}

static MamoriWorker *
importer (MamoriAssessmentsPage *self)
{
  if (self->importer == NULL)
    self->importer = mamori_worker_new (self);
  return self->importer;
}

void
mamori_assessments_page_import_library (MamoriAssessmentsPage *self,
                                        GFile                 *file)
{
  g_autofree char *path = g_file_get_path (file);
  MamoriOpRequest request = { .path = path };

  g_return_if_fail (MAMORI_IS_ASSESSMENTS_PAGE (self));
  if (self->workspace == NULL || path == NULL || !mamori_access_ui_is_officer (self->workspace))
    return;
  mamori_worker_run_op (importer (self), mamori_op_find (MAMORI_OP_IMPORT, "library"),
                        mamori_workspace_get_path (self->workspace), &request, library_imported);
}

static void
answers_imported (gpointer              owner,
                  MamoriOpResult       *result,
                  const GError         *error)
{
  MamoriAssessmentsPage *self = owner;

  if (error != NULL)
    {
      mamori_widget_show_op_error (GTK_WIDGET (self), _("Could Not Import the Answers"), result, error);
      return;
    }
  if (self->workspace == NULL)
    return;
  mamori_workspace_announce_changes (self->workspace, (const char * const *) result->changed->pdata);
  mamori_assessments_page_open (self, result->id);
  mamori_widget_add_toast (GTK_WIDGET (self), _("Answers imported; the assessment is completed"));
}

void
mamori_assessments_page_import_answers (MamoriAssessmentsPage *self,
                                        GFile                 *file,
                                        const char            *checklist,
                                        const char            *subject)
{
  g_autofree char *path = g_file_get_path (file);
  MamoriOpRequest request = { .path = path, .checklist = checklist, .subject = subject };

  g_return_if_fail (MAMORI_IS_ASSESSMENTS_PAGE (self));
  if (self->workspace == NULL || path == NULL || !mamori_access_ui_is_officer (self->workspace))
    return;
  mamori_worker_run_op (importer (self), mamori_op_find (MAMORI_OP_IMPORT, "answers"),
                        mamori_workspace_get_path (self->workspace), &request, answers_imported);
}

gboolean
mamori_assessments_page_is_importing (MamoriAssessmentsPage *self)
{
  return self->importer != NULL && mamori_worker_is_running (self->importer);
}

/* Answers from CSV: which checklist they answer (and, for the cloud checklist, which service). */
typedef struct {
  MamoriAssessmentsPage *self;
  GFile *file;
  GtkDropDown *drop;
  GtkEntry *subject;
  GPtrArray *ids;
} AnswersDialog;

static void
answers_dialog_free (gpointer data)
{
  AnswersDialog *d = data;

  g_object_unref (d->file);
  g_ptr_array_unref (d->ids);
  g_free (d);
}

static void
answers_checklist_changed (GtkDropDown   *drop,
                           GParamSpec    *pspec,
                           AnswersDialog *d)
{
  guint i = gtk_drop_down_get_selected (drop);
  const MamoriChecklist *cl = i < d->ids->len ? mamori_catalog_find (d->self->catalog, d->ids->pdata[i]) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (d->subject), cl != NULL && g_strcmp0 (cl->subject_kind, "cloud_service") == 0);
}

static void
answers_response (AdwMessageDialog *dialog,
                  const char       *response,
                  AnswersDialog    *d)
{
  guint i = gtk_drop_down_get_selected (d->drop);

  if (g_str_equal (response, "import") && i < d->ids->len)
    mamori_assessments_page_import_answers (d->self, d->file, d->ids->pdata[i],
                                            gtk_editable_get_text (GTK_EDITABLE (d->subject)));
}

static void
answers_chosen (GtkNativeDialog       *chooser,
                int                    response,
                MamoriAssessmentsPage *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file != NULL)
    mamori_assessments_page_ask_answers (self, file);
}

/* Asks which checklist the answers in file belong to, then imports them. */
void
mamori_assessments_page_ask_answers (MamoriAssessmentsPage *self,
                                     GFile                 *file)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AnswersDialog *d;
  GtkWidget *dialog, *box;

  if (!mamori_assessments_page_ensure_loaded (self))
    return;
  if (!mamori_access_ui_is_officer (self->workspace))
    {
      g_autofree char *why = mamori_access_ui_officer_only (self->workspace);
      g_autoptr(GError) error = g_error_new_literal (MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, why);
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Import the Answers"), error);
      return;
    }
  d = g_new0 (AnswersDialog, 1);
  d->self = self;
  d->file = g_object_ref (file);
  d->ids = g_ptr_array_new ();
  for (guint i = 0; i < mamori_catalog_get_n (self->catalog); i++)
    {
      const MamoriChecklist *cl = mamori_catalog_get (self->catalog, i);
      gtk_string_list_append (names, mamori_text_get (cl->name, lang ()));
      g_ptr_array_add (d->ids, cl->id);
    }
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Import Answers"),
                                   _("Each line of the file gives an item’s number and its answer (ref_id,answer[,note]). "
                                     "The assessment is created and completed."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  d->drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (d->drop), _("The checklist the answers belong to"));
  d->subject = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (d->subject, _("Cloud service"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->drop));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->subject));
  /* The cloud checklist is answered per service: only then is the service asked for. */
  g_signal_connect (d->drop, "notify::selected", G_CALLBACK (answers_checklist_changed), d);
  answers_checklist_changed (d->drop, NULL, d);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  g_signal_connect_data (dialog, "response", G_CALLBACK (answers_response), d, (GClosureNotify) (void (*) (void)) answers_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
library_chosen (GtkNativeDialog       *dialog,
                int                    response,
                MamoriAssessmentsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      mamori_assessments_page_import_library (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
choose_file (MamoriAssessmentsPage *self,
             const char            *title,
             const char            *filter_name,
             const char * const    *patterns,
             GCallback              chosen)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", chosen, self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
import_clicked (GtkButton             *button,
                MamoriAssessmentsPage *self)
{
  static const char * const patterns[] = { "*.yaml", "*.yml", NULL };
  choose_file (self, _("Import Checklist"), _("Checklist libraries (YAML)"), patterns, G_CALLBACK (library_chosen));
}

static void
import_answers_clicked (GtkButton             *button,
                        MamoriAssessmentsPage *self)
{
  static const char * const patterns[] = { "*.csv", "*.CSV", NULL };
  choose_file (self, _("Import Answers"), _("Answers (CSV)"), patterns, G_CALLBACK (answers_chosen));
}

/* --- navigation ---------------------------------------------------------------------------------- */

static void wizard_left (MamoriAssessmentWizard *wizard, MamoriAssessmentsPage *self);
static void wizard_finished (MamoriAssessmentWizard *wizard, MamoriAssessmentsPage *self);
static void summary_review (MamoriAssessmentSummary *summary, MamoriAssessmentsPage *self);
static void summary_opened (MamoriAssessmentSummary *summary, gint64 id, MamoriAssessmentsPage *self);

/* The wizard and the summary are built when first needed, not with the window. */
static MamoriAssessmentWizard *
ensure_wizard (MamoriAssessmentsPage *self)
{
  if (self->wizard == NULL)
    {
      self->wizard = g_object_new (MAMORI_TYPE_ASSESSMENT_WIZARD, NULL);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->wizard), "wizard");
      g_signal_connect (self->wizard, "left", G_CALLBACK (wizard_left), self);
      g_signal_connect (self->wizard, "finished", G_CALLBACK (wizard_finished), self);
    }
  return self->wizard;
}

static MamoriAssessmentSummary *
ensure_summary (MamoriAssessmentsPage *self)
{
  if (self->summary == NULL)
    {
      self->summary = g_object_new (MAMORI_TYPE_ASSESSMENT_SUMMARY, "vexpand", TRUE, NULL);
      gtk_box_append (self->summary_box, GTK_WIDGET (self->summary));
      g_signal_connect (self->summary, "review", G_CALLBACK (summary_review), self);
      g_signal_connect (self->summary, "opened", G_CALLBACK (summary_opened), self);
    }
  return self->summary;
}

static void
close_views (MamoriAssessmentsPage *self)
{
  if (self->wizard != NULL)
    mamori_assessment_wizard_close (self->wizard);
  if (self->summary != NULL)
    mamori_assessment_summary_clear (self->summary);
}

static const MamoriChecklist *
checklist_of (MamoriAssessmentsPage *self,
              gint64                 assessment,
              gboolean              *completed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (self->workspace, assessment, &error);
  MamoriChecklist *owned = NULL;
  const MamoriChecklist *cl;

  if (a == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Open the Assessment"), error);
      return NULL;
    }
  /* The version of the checklist it was answered against, which a newer import keeps. */
  cl = mamori_workspace_assessment_checklist (self->workspace, self->catalog, a, &owned, &error);
  if (cl == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Open the Assessment"), error);
      return NULL;
    }
  if (owned != NULL)
    g_ptr_array_add (self->pinned, owned);
  *completed = a->completed;
  return cl;
}

static void
show_summary (MamoriAssessmentsPage *self,
              gint64                 assessment)
{
  gboolean completed;
  const MamoriChecklist *cl = checklist_of (self, assessment, &completed);

  if (cl == NULL)
    return;
  if (self->wizard != NULL)
    mamori_assessment_wizard_close (self->wizard);
  self->current = assessment;
  if (mamori_assessment_summary_show (ensure_summary (self), self->workspace, cl, assessment))
    gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
show_wizard (MamoriAssessmentsPage *self,
             gint64                 assessment)
{
  gboolean completed;
  const MamoriChecklist *cl = checklist_of (self, assessment, &completed);

  if (cl == NULL)
    return;
  self->current = assessment;
  if (mamori_assessment_wizard_open (ensure_wizard (self), self->workspace, cl, assessment))
    gtk_stack_set_visible_child_name (self->stack, "wizard");
}

void
mamori_assessments_page_open (MamoriAssessmentsPage *self,
                              gint64                 assessment)
{
  gboolean completed = FALSE;

  if (!mamori_assessments_page_ensure_loaded (self) || checklist_of (self, assessment, &completed) == NULL)
    return;
  if (completed)
    show_summary (self, assessment);
  else
    show_wizard (self, assessment);
}

gint64
mamori_assessments_page_start (MamoriAssessmentsPage *self,
                               const char            *checklist,
                               const char            *subject,
                               const char            *respondent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gint64 id;

  if (!mamori_assessments_page_ensure_loaded (self))
    return 0;
  if (!may_start (self, NULL))
    return 0;
  id = mamori_workspace_create_assessment (self->workspace, checklist, subject, today, respondent, &error);
  if (id == 0)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Start the Assessment"), error);
      return 0;
    }
  apply_defaults (self, checklist, id);
  mamori_assessments_page_open (self, id);
  return id;
}

void
mamori_assessments_page_show_list (MamoriAssessmentsPage *self)
{
  close_views (self);
  self->current = 0;
  build_list (self);
  gtk_stack_set_visible_child_name (self->stack, self->catalog ? "list" : "loading");
}

const char *
mamori_assessments_page_get_view (MamoriAssessmentsPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
mamori_assessments_page_get_wizard (MamoriAssessmentsPage *self)
{
  return GTK_WIDGET (ensure_wizard (self));
}

GtkWidget *
mamori_assessments_page_get_summary (MamoriAssessmentsPage *self)
{
  return GTK_WIDGET (ensure_summary (self));
}

static void
wizard_left (MamoriAssessmentWizard *wizard,
             MamoriAssessmentsPage  *self)
{
  mamori_assessments_page_show_list (self);
}

static void
wizard_finished (MamoriAssessmentWizard *wizard,
                 MamoriAssessmentsPage  *self)
{
  show_summary (self, self->current);
}

static void
summary_review (MamoriAssessmentSummary *summary,
                MamoriAssessmentsPage   *self)
{
  show_wizard (self, self->current);
}

static void
summary_opened (MamoriAssessmentSummary *summary,
                gint64                   id,
                MamoriAssessmentsPage   *self)
{
  show_wizard (self, id);
}

gboolean
mamori_assessments_page_get_can_go_back (MamoriAssessmentsPage *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->stack);
  return view != NULL && !g_str_equal (view, "list") && !g_str_equal (view, "loading");
}

/* The header bar's back button: the wizard leaves as Esc does (saving the
 * note and measure being typed); the summary and the comparison return to the list. */
void
mamori_assessments_page_go_back (MamoriAssessmentsPage *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->stack);

  if (view == NULL)
    return;
  if (g_str_equal (view, "wizard") && self->wizard != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->wizard), "wizard.leave", NULL);
  else if (mamori_assessments_page_get_can_go_back (self))
    mamori_assessments_page_show_list (self);
}

static void
view_changed (GtkStack              *stack,
              GParamSpec            *pspec,
              MamoriAssessmentsPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

static void
mamori_assessments_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  MamoriAssessmentsPage *self = MAMORI_ASSESSMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, mamori_assessments_page_get_can_go_back (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
workspace_changed (MamoriWorkspace       *workspace,
                   const char            *entity,
                   MamoriAssessmentsPage *self)
{
  /* The list follows every change; the wizard and summary refresh themselves. */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "list"))
    build_list (self);
}

void
mamori_assessments_page_set_workspace (MamoriAssessmentsPage *self,
                                       MamoriWorkspace       *workspace)
{
  if (self->workspace == workspace)
    return;
  close_views (self);
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_set_object (&self->workspace, workspace);
  /* Imported libraries belong to a workspace: read the catalogue again for the new one. */
  g_clear_pointer (&self->catalog, mamori_catalog_free);
  g_ptr_array_set_size (self->pinned, 0);
  g_ptr_array_set_size (self->trends, 0);
  if (workspace != NULL)
    self->changed_id = g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  if (workspace != NULL)
    update_access (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    page_mapped (GTK_WIDGET (self), self);
}

static void
mamori_assessments_page_dispose (GObject *object)
{
  MamoriAssessmentsPage *self = MAMORI_ASSESSMENTS_PAGE (object);

  g_clear_handle_id (&self->load_idle, g_source_remove);
  g_clear_pointer (&self->importer, mamori_worker_free);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  close_views (self);
  self->wizard = NULL;
  self->summary = NULL;
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_clear_object (&self->workspace);
  /* stack is both a template child and the bin's child: let the bin drop it first, or
   * both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_ASSESSMENTS_PAGE);
  g_clear_pointer (&self->catalog, mamori_catalog_free);
  g_ptr_array_set_size (self->pinned, 0);
  G_OBJECT_CLASS (mamori_assessments_page_parent_class)->dispose (object);
}

static void
mamori_assessments_page_finalize (GObject *object)
{
  MamoriAssessmentsPage *self = MAMORI_ASSESSMENTS_PAGE (object);

  g_ptr_array_unref (self->trends);
  g_ptr_array_unref (self->pinned);
  G_OBJECT_CLASS (mamori_assessments_page_parent_class)->finalize (object);
}

static void
mamori_assessments_page_class_init (MamoriAssessmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_assessments_page_dispose;
  object_class->finalize = mamori_assessments_page_finalize;
  object_class->get_property = mamori_assessments_page_get_property;

  /* TRUE while the wizard, a summary or the comparison shows: the window's back button. */
  properties[PROP_CAN_GO_BACK] = g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                                                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-assessments-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MamoriAssessmentsPage, name)
  BIND (stack);

  BIND (import_button);
  BIND (import_answers_button);
  BIND (groups_box);
  BIND (summary_box);
  BIND (compare_box);
#undef BIND
}

static void
mamori_assessments_page_init (MamoriAssessmentsPage *self)
{
  self->trends = g_ptr_array_new_with_free_func ((GDestroyNotify) trend_free);
  self->pinned = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_checklist_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (page_mapped), self);
  g_signal_connect (self->stack, "notify::visible-child-name", G_CALLBACK (view_changed), self);
  g_signal_connect (self->import_button, "clicked", G_CALLBACK (import_clicked), self);
  g_signal_connect (self->import_answers_button, "clicked", G_CALLBACK (import_answers_clicked), self);
}
