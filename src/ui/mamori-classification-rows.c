/* mamori-classification-rows.c — choosing a classification (see the header) */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-classification-rows.h"

typedef struct {
  char *lang;               /* documents: the language the label is written in; NULL for assets */
  gboolean government;
  AdwComboRow *simple;      /* simple: the level */
  char *custom;             /* simple: a stored text that is neither scheme's, kept as a 4th choice */
  AdwComboRow *levels[3];   /* government: none, 1 … max */
  AdwEntryRow *handling;
} Rows;

static void
rows_free (Rows *r)
{
  g_free (r->lang);
  g_free (r->custom);
  g_free (r);
}

/* A restriction picked from the catalogue is appended to the entry (its parameter, if it takes
 * one, is typed after the colon). */
static void
restriction_picked (GtkButton   *button,
                    AdwEntryRow *entry)
{
  const MamoriHandlingRestriction *r = g_object_get_data (G_OBJECT (button), "mamori-restriction");
  const char *now = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *text = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (now));

  text = g_strdup_printf ("%s%s%s%s", trimmed, *trimmed && !g_str_has_suffix (trimmed, ";") ? ";" : "", r->ja,
                          r->param != MAMORI_HANDLING_PARAM_NONE ? "：" : "");
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

static GtkWidget *
catalogue_button (AdwEntryRow *entry)
{
  const char *axis_titles[] = { N_("Confidentiality"), N_("Integrity"), N_("Availability") };
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  guint n;
  const MamoriHandlingRestriction *list = mamori_handling_catalogue (&n);
  int axis = -1;

  for (guint k = 0; k < n; k++)
    {
      GtkWidget *item;
      g_autofree char *label = NULL;
      if ((int) list[k].axis != axis)
        {
          GtkWidget *heading = gtk_label_new (_(axis_titles[list[k].axis]));
          axis = (int) list[k].axis;
          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "heading");
          gtk_widget_set_margin_top (heading, k > 0 ? 12 : 0);
          gtk_widget_set_margin_start (heading, 6);
          gtk_box_append (GTK_BOX (box), heading);
        }
      label = list[k].param != MAMORI_HANDLING_PARAM_NONE
        ? g_strdup_printf ("%s：… (%s)", list[k].ja, mamori_handling_param_label (list[k].param))
        : g_strdup (list[k].ja);
      item = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (item, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (item))), 0);
      gtk_widget_set_tooltip_text (item, _(list[k].en));
      g_object_set_data (G_OBJECT (item), "mamori-restriction", (gpointer) &list[k]);
      g_signal_connect (item, "clicked", G_CALLBACK (restriction_picked), entry);
      gtk_box_append (GTK_BOX (box), item);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "list-add-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Add a restriction from the catalogue"));
  return button;
}

static void
add_government (GtkWidget  *group,
                Rows       *r,
                const int   levels[3],
                const char *handling)
{
  const char *titles[] = { N_("Confidentiality"), N_("Integrity"), N_("Availability") };
  g_autofree char *shown = mamori_handling_to_lang (handling, "ja");

  r->government = TRUE;
  for (guint x = 0; x < 3; x++)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      gtk_string_list_append (names, C_("classification", "Not classified"));
      for (int l = 1; l <= mamori_class_axis_max (x); l++)
        {
          g_autofree char *level = g_strdup_printf ("%d", l);
          gtk_string_list_append (names, level);
        }
      r->levels[x] = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->levels[x]), _(titles[x]));
      adw_combo_row_set_model (r->levels[x], G_LIST_MODEL (names));
      adw_combo_row_set_selected (r->levels[x], (guint) CLAMP (levels[x], 0, mamori_class_axis_max (x)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (r->levels[x]));
    }
  r->handling = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->handling), _("Handling restrictions"));
  gtk_editable_set_text (GTK_EDITABLE (r->handling), shown);
  adw_entry_row_add_suffix (r->handling, catalogue_button (r->handling));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (r->handling));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Government classification (confidentiality 1–3, integrity and availability "
                                           "1–2). Separate restrictions with “;” and give a parameter after “：”, "
                                           "e.g. 複製禁止;配布先限定：経理部."));
}

static GtkWidget *
group_new (Rows *r)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Classification"));
  g_object_set_data_full (G_OBJECT (group), "mamori-classification-rows", r, (GDestroyNotify) rows_free);
  return group;
}

GtkWidget *
mamori_classification_rows_new_document (MamoriClassScheme  scheme,
                                         const char        *lang,
                                         const char        *stored)
{
  Rows *r = g_new0 (Rows, 1);
  GtkWidget *group = group_new (r);
  int c = 0, i = 0, a = 0;
  g_autofree char *handling = NULL;
  int simple = mamori_class_simple_find (stored);

  r->lang = g_strdup (g_strcmp0 (lang, "en") == 0 ? "en" : "ja");
  if (stored == NULL || *stored == '\0')
    simple = scheme == MAMORI_CLASS_SCHEME_SIMPLE ? 0 : -1;
  if (simple < 0 && (stored == NULL || *stored == '\0'))
    {
      /* A new document in the government scheme: 機密性2 (see the store's default). */
      const int levels[3] = { 2, 0, 0 };
      add_government (group, r, levels, "");
    }
  else if (simple < 0 && mamori_classification_label_parse (stored, &c, &i, &a, &handling) && c + i + a > 0)
    {
      const int levels[3] = { c, i, a };
      add_government (group, r, levels, handling);
    }
  else if (simple < 0 && scheme == MAMORI_CLASS_SCHEME_GOVERNMENT)
    {
      const int levels[3] = { 2, 0, 0 };
      add_government (group, r, levels, "");
    }
  else
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      for (guint l = 0; l < MAMORI_CLASS_SIMPLE_N; l++)
        gtk_string_list_append (names, mamori_class_simple_label (l, NULL));
      if (simple < 0)
        {
          r->custom = g_strdup (stored);
          gtk_string_list_append (names, stored);
        }
      r->simple = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->simple), _("Marking"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (r->simple), _("Printed on the cover and at the top of each page"));
      adw_combo_row_set_model (r->simple, G_LIST_MODEL (names));
      adw_combo_row_set_selected (r->simple, simple < 0 ? MAMORI_CLASS_SIMPLE_N : (guint) simple);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (r->simple));
    }
  return group;
}

static gboolean
read_government (Rows       *r,
                 int         levels[3],
                 char      **handling,
                 GError    **error)
{
  g_autoptr(GError) local = NULL;

  for (guint x = 0; x < 3; x++)
    levels[x] = (int) adw_combo_row_get_selected (r->levels[x]);
  *handling = mamori_handling_normalise (gtk_editable_get_text (GTK_EDITABLE (r->handling)), &local);
  if (*handling == NULL)
    {
      g_set_error (error, MAMORI_CLASSIFICATION_ERROR, 0, _("The handling restrictions cannot be read: %s"), local->message);
      return FALSE;
    }
  return TRUE;
}

char *
mamori_classification_rows_get_document (GtkWidget  *group,
                                         GError    **error)
{
  Rows *r = g_object_get_data (G_OBJECT (group), "mamori-classification-rows");
  int levels[3];
  g_autofree char *handling = NULL;
  guint selected;

  g_return_val_if_fail (r != NULL, NULL);
  if (!r->government)
    {
      selected = adw_combo_row_get_selected (r->simple);
      return g_strdup (selected < MAMORI_CLASS_SIMPLE_N ? mamori_class_simple_label (selected, r->lang)
                       : r->custom ? r->custom : "");
    }
  if (!read_government (r, levels, &handling, error))
    return NULL;
  return mamori_classification_label (levels[0], levels[1], levels[2], handling, r->lang);
}

GtkWidget *
mamori_classification_rows_new_levels (int         c,
                                       int         i,
                                       int         a,
                                       const char *handling)
{
  Rows *r = g_new0 (Rows, 1);
  GtkWidget *group = group_new (r);
  const int levels[3] = { c, i, a };

  add_government (group, r, levels, handling);
  return group;
}

gboolean
mamori_classification_rows_get_levels (GtkWidget  *group,
                                       int        *c,
                                       int        *i,
                                       int        *a,
                                       char      **handling,
                                       GError    **error)
{
  Rows *r = g_object_get_data (G_OBJECT (group), "mamori-classification-rows");
  int levels[3];

  g_return_val_if_fail (r != NULL && r->government, FALSE);
  if (!read_government (r, levels, handling, error))
    return FALSE;
  *c = levels[0];
  *i = levels[1];
  *a = levels[2];
  return TRUE;
}

void
mamori_classification_rows_connect_changed (GtkWidget *group,
                                            GCallback  callback,
                                            gpointer   data)
{
  Rows *r = g_object_get_data (G_OBJECT (group), "mamori-classification-rows");

  g_return_if_fail (r != NULL);
  if (r->simple != NULL)
    g_signal_connect_swapped (r->simple, "notify::selected", callback, data);
  for (guint x = 0; x < 3; x++)
    if (r->levels[x] != NULL)
      g_signal_connect_swapped (r->levels[x], "notify::selected", callback, data);
  if (r->handling != NULL)
    g_signal_connect_swapped (r->handling, "changed", callback, data);
}
