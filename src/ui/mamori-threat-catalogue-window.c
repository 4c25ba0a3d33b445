/* mamori-threat-catalogue-window.c — the threats of each medium, with their frequencies.
 * Every change replaces the catalogue in one transaction; a refused change puts the window
 * back to what is stored. */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-threat-catalogue-window.h"
#include "mamori-threat-catalogue-window-private.h"
#include "mamori-widget-util.h"
#include "store/mamori-assets.h"

struct _MamoriThreatCatalogueWindow {
  AdwPreferencesWindow parent_instance;

  AdwPreferencesPage *page;
  AdwPreferencesGroup *add_group;
  AdwEntryRow *new_medium_row;

  MamoriWorkspace *workspace;
  GPtrArray *entries;     /* MamoriThreatEntry*, as stored */
  GPtrArray *groups;      /* the AdwPreferencesGroup of each medium */
};

G_DEFINE_FINAL_TYPE (MamoriThreatCatalogueWindow, mamori_threat_catalogue_window, ADW_TYPE_PREFERENCES_WINDOW)

static void rebuild (MamoriThreatCatalogueWindow *self);

static void
reload (MamoriThreatCatalogueWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = mamori_workspace_list_threat_catalogue (self->workspace, &error);

  if (list == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Threat Catalogue"), error);
      return;
    }
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = list;
}

/* Saves self->entries; on failure shows why and goes back to the stored catalogue. */
static gboolean
save (MamoriThreatCatalogueWindow *self,
      gboolean                     rebuild_after)
{
  g_autoptr(GError) error = NULL;

  if (!mamori_workspace_set_threat_catalogue (self->workspace, self->entries, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Threat Catalogue"), error);
      reload (self);
      rebuild (self);
      return FALSE;
    }
  if (rebuild_after)
    rebuild (self);
  return TRUE;
}

static MamoriThreatEntry *
row_entry (MamoriThreatCatalogueWindow *self,
           GtkWidget                   *widget)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "mamori-index"));
  return index < self->entries->len ? self->entries->pdata[index] : NULL;
}

static void
threat_applied (AdwEntryRow                 *row,
                MamoriThreatCatalogueWindow *self)
{
  MamoriThreatEntry *e = row_entry (self, GTK_WIDGET (row));

  if (e == NULL)
    return;
  g_free (e->threat);
  e->threat = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  save (self, FALSE);
}

static void
frequency_changed (GtkDropDown                 *drop,
                   GParamSpec                  *pspec,
                   MamoriThreatCatalogueWindow *self)
{
  MamoriThreatEntry *e = row_entry (self, GTK_WIDGET (drop));
  int frequency = (int) gtk_drop_down_get_selected (drop) + 1;

  if (e == NULL || e->frequency == frequency)
    return;
  e->frequency = frequency;
  save (self, FALSE);
}

static void
remove_clicked (GtkButton                   *button,
                MamoriThreatCatalogueWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "mamori-index"));

  if (index >= self->entries->len)
    return;
  g_ptr_array_remove_index (self->entries, index);
  save (self, TRUE);
}

static void
add_threat_to (MamoriThreatCatalogueWindow *self,
               const char                  *medium)
{
  guint at = self->entries->len;

  /* After the medium's last threat, so it shows at the end of its group. */
  for (guint i = 0; i < self->entries->len; i++)
    if (g_str_equal (((MamoriThreatEntry *) self->entries->pdata[i])->medium, medium))
      at = i + 1;
  g_ptr_array_insert (self->entries, at, mamori_threat_entry_new (medium, _("New threat"), 2));
  save (self, TRUE);
}

static void
add_clicked (GtkButton                   *button,
             MamoriThreatCatalogueWindow *self)
{
  add_threat_to (self, g_object_get_data (G_OBJECT (button), "mamori-medium"));
}

static void
new_medium_applied (AdwEntryRow                 *row,
                    MamoriThreatCatalogueWindow *self)
{
  g_autofree char *medium = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*medium == '\0')
    return;
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  add_threat_to (self, medium);
}

static GtkWidget *
threat_row (MamoriThreatCatalogueWindow *self,
            guint                        index)
{
  const MamoriThreatEntry *e = self->entries->pdata[index];
  const char *levels[] = { _("1 — rarely"), _("2 — sometimes"), _("3 — normally"), NULL };
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *drop = gtk_drop_down_new_from_strings (levels);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Threat"));
  gtk_editable_set_text (GTK_EDITABLE (row), e->threat);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), (guint) CLAMP (e->frequency, 1, 3) - 1);
  gtk_widget_set_valign (drop, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (drop, 150, -1);
  gtk_widget_set_tooltip_text (drop, _("Frequency: 3 happens under normal circumstances; 2 in particular situations (a few times a year); 1 not under normal circumstances"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this threat"));
  g_object_set_data (G_OBJECT (row), "mamori-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (drop), "mamori-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (remove), "mamori-index", GUINT_TO_POINTER (index));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), drop);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_signal_connect (row, "apply", G_CALLBACK (threat_applied), self);
  g_signal_connect (drop, "notify::selected", G_CALLBACK (frequency_changed), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked), self);
  return row;
}

static void
rebuild (MamoriThreatCatalogueWindow *self)
{
  AdwPreferencesGroup *group = NULL;
  const char *medium = NULL;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, self->groups->pdata[i]);
  g_ptr_array_set_size (self->groups, 0);
  /* Entries come grouped by medium (stored order, new ones next to their medium). */
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      const MamoriThreatEntry *e = self->entries->pdata[i];
      if (group == NULL || g_strcmp0 (medium, e->medium) != 0)
        {
          int top = 0;
          g_autofree char *description = NULL;
          GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

          for (guint j = i; j < self->entries->len; j++)
            if (g_str_equal (((MamoriThreatEntry *) self->entries->pdata[j])->medium, e->medium))
              top = MAX (top, ((MamoriThreatEntry *) self->entries->pdata[j])->frequency);
          description = g_strdup_printf (_("Threat value of this medium: %d"), top);
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, e->medium);
          adw_preferences_group_set_description (group, description);
          gtk_widget_add_css_class (add, "flat");
          gtk_widget_set_tooltip_text (add, _("Add a threat to this medium"));
          g_object_set_data_full (G_OBJECT (add), "mamori-medium", g_strdup (e->medium), g_free);
          g_signal_connect (add, "clicked", G_CALLBACK (add_clicked), self);
          adw_preferences_group_set_header_suffix (group, add);
          medium = e->medium;
          g_ptr_array_add (self->groups, group);
          adw_preferences_page_add (self->page, group);
        }
      adw_preferences_group_add (group, threat_row (self, i));
    }
  /* "Add a medium" stays last. */
  g_object_ref (self->add_group);
  adw_preferences_page_remove (self->page, self->add_group);
  adw_preferences_page_add (self->page, self->add_group);
  g_object_unref (self->add_group);
}

gboolean
mamori_threat_catalogue_window_set (MamoriThreatCatalogueWindow *self,
                                    guint                        index,
                                    const char                  *threat,
                                    int                          frequency)
{
  MamoriThreatEntry *e;

  g_return_val_if_fail (index < self->entries->len, FALSE);
  e = self->entries->pdata[index];
  if (threat != NULL)
    {
      g_free (e->threat);
      e->threat = g_strdup (threat);
    }
  if (frequency != 0)
    e->frequency = frequency;
  return save (self, TRUE);
}

guint
mamori_threat_catalogue_window_get_n_groups (MamoriThreatCatalogueWindow *self)
{
  return self->groups->len;
}

static void
mamori_threat_catalogue_window_dispose (GObject *object)
{
  MamoriThreatCatalogueWindow *self = MAMORI_THREAT_CATALOGUE_WINDOW (object);

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_THREAT_CATALOGUE_WINDOW);
  G_OBJECT_CLASS (mamori_threat_catalogue_window_parent_class)->dispose (object);
}

static void
mamori_threat_catalogue_window_class_init (MamoriThreatCatalogueWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_threat_catalogue_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mamori/Mamori/ui/mamori-threat-catalogue-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriThreatCatalogueWindow, page);
  gtk_widget_class_bind_template_child (widget_class, MamoriThreatCatalogueWindow, add_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriThreatCatalogueWindow, new_medium_row);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mamori_threat_catalogue_window_init (MamoriThreatCatalogueWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  g_signal_connect (self->new_medium_row, "apply", G_CALLBACK (new_medium_applied), self);
}

MamoriThreatCatalogueWindow *
mamori_threat_catalogue_window_new (MamoriWorkspace *workspace,
                                    GtkWindow       *parent)
{
  MamoriThreatCatalogueWindow *self = g_object_new (MAMORI_TYPE_THREAT_CATALOGUE_WINDOW,
                                                    "transient-for", parent, NULL);

  self->workspace = g_object_ref (workspace);
  reload (self);
  rebuild (self);
  return self;
}
