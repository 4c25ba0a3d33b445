/* mamori-criteria-view.c — the summary's results by level, tier, lacking rules and records,
 * and scope. */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-criteria-view.h"
#include "mamori-scope-dialog.h"
#include "mamori-widget-util.h"
#include "core/mamori-date.h"
#include "store/mamori-assessments.h"
#include "store/mamori-scopes.h"

static const char *
lang (void)
{
  return mamori_text_user_lang ();
}

char *
mamori_criteria_view_result_text (const MamoriCriterionResult *r)
{
  switch (r->state)
    {
    case MAMORI_CRITERION_MET:
    case MAMORI_CRITERION_NOT_MET:
      if (r->reached == 0)
        /* TRANSLATORS: %d is the target level (1–8) */
        return g_strdup_printf (_("Not reached; target level %d"), r->target);
      /* TRANSLATORS: the level reached of the target level, e.g. “Level 2 of 3” */
      return g_strdup_printf (_("Level %d of %d"), r->reached, r->target);
    case MAMORI_CRITERION_NOT_ANSWERED:
      return g_strdup (_("Not answered"));
    case MAMORI_CRITERION_NOT_APPLICABLE:
      return g_strdup (_("Not applicable"));
    case MAMORI_CRITERION_OUT_OF_SCOPE:
    case MAMORI_CRITERION_N_STATES:
    default:
      return g_strdup (_("Out of scope"));
    }
}

/* “12 met · 3 not met (4 levels short) · 2 not answered · 1 not applicable · 5 out of scope” */
static char *
counts_text (const guint *n,
             guint        gap_levels)
{
  g_autoptr(GString) s = g_string_new (NULL);

  /* TRANSLATORS: procedures met */
  g_string_append_printf (s, _("%u met"), n[MAMORI_CRITERION_MET]);
  if (n[MAMORI_CRITERION_NOT_MET] > 0)
    {
      g_string_append (s, " · ");
      g_string_append_printf (s, ngettext ("%u not met (%u level short)", "%u not met (%u levels short)", gap_levels),
                              n[MAMORI_CRITERION_NOT_MET], gap_levels);
    }
  if (n[MAMORI_CRITERION_NOT_ANSWERED] > 0)
    {
      g_string_append (s, " · ");
      g_string_append_printf (s, _("%u not answered"), n[MAMORI_CRITERION_NOT_ANSWERED]);
    }
  if (n[MAMORI_CRITERION_NOT_APPLICABLE] > 0)
    {
      g_string_append (s, " · ");
      g_string_append_printf (s, _("%u not applicable"), n[MAMORI_CRITERION_NOT_APPLICABLE]);
    }
  if (n[MAMORI_CRITERION_OUT_OF_SCOPE] > 0)
    {
      g_string_append (s, " · ");
      g_string_append_printf (s, _("%u out of scope"), n[MAMORI_CRITERION_OUT_OF_SCOPE]);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *t = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  if (subtitle != NULL)
    {
      g_autofree char *st = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), st);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
    }
  return row;
}

/* “10, 11, 12 and 9 more” */
static char *
refs_text (GPtrArray *refs,
           guint      limit)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < refs->len && i < limit; i++)
    {
      if (i > 0)
        g_string_append (s, _(", "));
      g_string_append (s, refs->pdata[i]);
    }
  if (refs->len > limit)
    {
      g_string_append_c (s, ' ');
      g_string_append_printf (s, ngettext ("and %u more", "and %u more", refs->len - limit), refs->len - limit);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
add_tier (GtkBox               *box,
          const MamoriCriteria *c)
{
  GtkWidget *group = adw_preferences_group_new ();
  struct { const char *name; gboolean ok; GPtrArray *missing; const char *what; } tiers[] = {
    { _("Silver (self-declaration)"), c->silver, c->silver_missing,
      _("Every always-required procedure met or not applicable") },
    { _("Gold (with an on-site audit)"), c->gold, c->gold_missing,
      _("Every procedure in scope met or not applicable") },
  };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Certification Tier"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What the answers support; the certification body decides. Not-applicable answers need a reason an auditor can check."));
  for (guint t = 0; t < G_N_ELEMENTS (tiers); t++)
    {
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *icon;

      if (tiers[t].ok)
        subtitle = g_strdup_printf (_("Supported: %s."), tiers[t].what);
      else
        {
          g_autoptr(GPtrArray) refs = g_ptr_array_new ();
          g_autofree char *list = NULL;
          for (guint i = 0; i < tiers[t].missing->len; i++)
            g_ptr_array_add (refs, ((MamoriNode *) tiers[t].missing->pdata[i])->ref_id);
          list = refs_text (refs, 12);
          subtitle = g_strdup_printf (ngettext ("Not yet: %u procedure is not met or not answered (%s).",
                                                "Not yet: %u procedures are not met or not answered (%s).",
                                                tiers[t].missing->len),
                                      tiers[t].missing->len, list);
        }
      row = text_row (tiers[t].name, subtitle);
      icon = gtk_image_new_from_icon_name (tiers[t].ok ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tiers[t].ok ? _("Supported") : _("Not yet"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (box, group);
}

static void
add_chapters (GtkBox                *box,
              const MamoriCriteria  *c)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *total = counts_text (c->n, c->gap_levels);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Results by Chapter and Section"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), total);
  for (guint i = 0; i < c->chapters->len; i++)
    {
      const MamoriCriteriaGroup *ch = c->chapters->pdata[i];
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *title = g_markup_escape_text (mamori_node_text (ch->node, lang ()), -1);
      g_autofree char *sub = counts_text (ch->n, ch->gap_levels);
      g_autofree char *sub_escaped = g_markup_escape_text (sub, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), sub_escaped);
      for (guint k = 0; k < c->sections->len; k++)
        {
          const MamoriCriteriaGroup *sec = c->sections->pdata[k];
          const MamoriNode *top = sec->node;
          g_autofree char *ssub = NULL;
          while (top->parent != NULL)
            top = top->parent;
          if (top != ch->node)
            continue;
          ssub = counts_text (sec->n, sec->gap_levels);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), text_row (mamori_node_text (sec->node, lang ()), ssub));
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }
  gtk_box_append (box, group);
}

static void
add_lacking (GtkBox               *box,
             const MamoriCriteria *c)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *expanders[2];
  guint n[2] = { 0, 0 };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Rules and Records Still to Show"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         c->lacking->len == 0 ? _("Every named rule and record of the procedures in scope has an evidence file.")
                                                              : _("Named by the procedures in scope and not yet shown by any evidence file. Attach a file to a procedure and choose which rule or record it shows."));
  for (int k = 0; k < 2; k++)
    {
      expanders[k] = adw_expander_row_new ();
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expanders[k]);
    }
  for (guint i = 0; i < c->lacking->len; i++)
    {
      const MamoriCriteriaLack *lack = c->lacking->pdata[i];
      g_autofree char *refs = refs_text (lack->refs, 10);
      g_autofree char *sub = g_strdup_printf (ngettext ("Needed for %u procedure: %s", "Needed for %u procedures: %s", lack->refs->len),
                                              lack->refs->len, refs);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expanders[lack->is_rule ? 0 : 1]), text_row (lack->name, sub));
      n[lack->is_rule ? 0 : 1]++;
    }
  for (int k = 0; k < 2; k++)
    {
      g_autofree char *title = g_strdup_printf (k == 0 ? ngettext ("%u rule", "%u rules", n[0])
                                                       : ngettext ("%u record or other object", "%u records or other objects", n[1]),
                                                n[k]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expanders[k]), title);
      gtk_widget_set_visible (expanders[k], n[k] > 0);
    }
  gtk_box_append (box, group);
}

typedef struct {
  MamoriWorkspace *workspace;
  const MamoriChecklist *checklist;
  gint64 assessment;
  GCallback changed;
  gpointer data;
} ScopeButton;

static void
scope_button_free (gpointer p)
{
  ScopeButton *b = p;
  g_object_unref (b->workspace);
  g_free (b);
}

static void
scope_saved (MamoriScopeDialog *dialog,
             gint64             id,
             ScopeButton       *b)
{
  if (b->changed != NULL)
    ((void (*) (gpointer)) b->changed) (b->data);
}

static void
change_scope_clicked (GtkButton   *button,
                      ScopeButton *b)
{
  MamoriScopeDialog *dialog = mamori_scope_dialog_new (b->workspace, b->checklist, b->assessment);
  ScopeButton *copy = g_memdup2 (b, sizeof *b);

  g_object_ref (copy->workspace);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))));
  g_signal_connect_data (dialog, "saved", G_CALLBACK (scope_saved), copy, (GClosureNotify) (void (*) (void)) scope_button_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_scope (GtkBox                *box,
           MamoriWorkspace       *workspace,
           const MamoriChecklist *checklist,
           gint64                 assessment,
           const MamoriScope     *scope,
           GCallback              changed,
           gpointer               data)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Change _Scope…"));
  ScopeButton *b = g_new0 (ScopeButton, 1);
  g_autofree char *desc = NULL;
  guint n_out = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Scope and Applicability"));
  if (scope == NULL)
    desc = g_strdup (_("No scope version: every procedure is assessed."));
  else
    {
      g_autofree char *date = mamori_date_format (scope->decided_on, lang (), mamori_date_get_default_style ());
      if (scope->decided_by != NULL && *scope->decided_by)
        /* TRANSLATORS: scope version 2, decided on (date) by (person) */
        desc = g_strdup_printf (_("Scope version %d, decided on %s by %s."), scope->number, date, scope->decided_by);
      else
        desc = g_strdup_printf (_("Scope version %d, decided on %s."), scope->number, date);
      if (scope->note != NULL && *scope->note)
        {
          char *with = g_strconcat (desc, " ", scope->note, NULL);
          g_free (desc);
          desc = with;
        }
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), desc);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  b->workspace = g_object_ref (workspace);
  b->checklist = checklist;
  b->assessment = assessment;
  b->changed = changed;
  b->data = data;
  g_signal_connect_data (button, "clicked", G_CALLBACK (change_scope_clicked), b, (GClosureNotify) (void (*) (void)) scope_button_free, 0);

  if (scope != NULL)
    {
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *title = NULL;

      for (guint i = 0; i < scope->entries->len; i++)
        {
          const MamoriScopeEntry *e = scope->entries->pdata[i];
          const MamoriNode *item;
          g_autofree char *t = NULL;

          if (e->kind == MAMORI_SCOPE_GROUP)
            {
              const MamoriImplementationGroup *g = mamori_checklist_find_group (checklist, e->ref);
              t = g_strdup_printf (_("Group in scope: %s"), g ? mamori_text_get (g->name, lang ()) : e->ref);
              adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), text_row (t, NULL));
              continue;
            }
          item = mamori_checklist_find_item (checklist, e->ref);
          t = g_strdup_printf ("%s　%s", e->ref, item ? mamori_node_text (item, lang ()) : "");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), text_row (t, e->reason));
          n_out++;
        }
      if (n_out == 0 && scope->entries->len > 0)
        title = g_strdup_printf (ngettext ("%u group in scope", "%u groups in scope", scope->entries->len), scope->entries->len);
      else
        title = g_strdup_printf (ngettext ("%u optional measure left out", "%u optional measures left out", n_out), n_out);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (expander), scope->entries->len > 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }
  gtk_box_append (box, group);
}

MamoriCriteria *
mamori_criteria_view_fill (GtkBox                *box,
                           MamoriWorkspace       *workspace,
                           const MamoriChecklist *checklist,
                           gint64                 assessment,
                           GCallback              changed,
                           gpointer               data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriScope) scope = NULL;
  MamoriCriteria *c = NULL;
  GtkWidget *child;
  gboolean levels = mamori_criteria_applies (checklist);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
  gtk_widget_set_visible (GTK_WIDGET (box), levels || mamori_scope_dialog_applies (checklist));
  if (!gtk_widget_get_visible (GTK_WIDGET (box)))
    return NULL;
  c = mamori_workspace_assessment_criteria (workspace, checklist, assessment, &scope, &error);
  if (c == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (box), _("Could Not Open the Assessment"), error);
      return NULL;
    }
  if (levels)
    {
      add_tier (box, c);
      add_chapters (box, c);
      add_lacking (box, c);
    }
  add_scope (box, workspace, checklist, assessment, scope, changed, data);
  if (!levels)
    g_clear_pointer (&c, mamori_criteria_free);
  return c;
}
