/* mamori-preferences-window.c — application preferences (GSettings) */
#include "config.h"

#include <glib/gi18n.h>

#include "core/mamori-date.h"
#include "store/mamori-documents.h"
#include "store/mamori-registers.h"
#include "mamori-access-ui.h"
#include "mamori-preferences-window.h"
#include "mamori-widget-util.h"
#include "ops/mamori-remind.h"

struct _MamoriPreferencesWindow {
  AdwPreferencesWindow parent_instance;

  GtkSwitch *reopen_switch;
  GtkSwitch *era_switch;
  GtkSwitch *remind_switch;
  AdwActionRow *recent_row;
  GtkButton *clear_recent_button;
  AdwActionRow *location_row;
  AdwActionRow *format_row;
  AdwComboRow *fiscal_row;
  AdwComboRow *scheme_row;
  MamoriWorkspace *workspace;   /* NULL when none is open */

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (MamoriPreferencesWindow, mamori_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_recent (MamoriPreferencesWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-workspaces");
  guint n = g_strv_length (recent);
  g_autofree char *text = g_strdup_printf (ngettext ("%u workspace remembered",
                                                     "%u workspaces remembered", n), n);

  adw_action_row_set_subtitle (self->recent_row, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_recent_button), n > 0);
}

static void
recent_changed (GSettings  *settings,
                const char *key,
                gpointer    user_data)
{
  update_recent (user_data);
}

static void
clear_recent_clicked (GtkButton *button,
                      gpointer   user_data)
{
  MamoriPreferencesWindow *self = user_data;

  g_settings_set_strv (self->settings, "recent-workspaces", NULL);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Recent workspaces forgotten")));
}

/* "Remind me of what is due": `mamori --remind` at login (the autostart entry, or the
 * Background portal inside Flatpak); the application checks while it runs. */
static void
remind_changed (GSettings  *settings,
                const char *key,
                gpointer    user_data)
{
  MamoriPreferencesWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mamori_remind_set_background (g_settings_get_boolean (settings, key), &error))
    {
      g_autofree char *title = g_markup_printf_escaped (_("Could not change the start at login: %s"), error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
    }
}

static void
era_dates_changed (GSettings  *settings,
                   const char *key,
                   gpointer    user_data)
{
  mamori_date_set_default_style (g_settings_get_boolean (settings, "era-dates") ? MAMORI_DATE_ERA : MAMORI_DATE_WESTERN);
}

void
mamori_preferences_apply_date_style (GSettings *settings)
{
  if (g_object_get_data (G_OBJECT (settings), "mamori-date-style") == NULL)
    {
      g_object_set_data (G_OBJECT (settings), "mamori-date-style", GINT_TO_POINTER (1));
      g_signal_connect (settings, "changed::era-dates", G_CALLBACK (era_dates_changed), NULL);
    }
  era_dates_changed (settings, "era-dates", NULL);
}

static void
mamori_preferences_window_dispose (GObject *object)
{
  MamoriPreferencesWindow *self = MAMORI_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (mamori_preferences_window_parent_class)->dispose (object);
}

static void
mamori_preferences_window_class_init (MamoriPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mamori/Mamori/ui/mamori-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriPreferencesWindow, reopen_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriPreferencesWindow, era_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriPreferencesWindow, remind_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriPreferencesWindow, recent_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriPreferencesWindow, clear_recent_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriPreferencesWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriPreferencesWindow, fiscal_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriPreferencesWindow, scheme_row);
}

/* The workspace's classification scheme for documents (README: Classification). */
static void
scheme_changed (AdwComboRow             *row,
                GParamSpec              *pspec,
                MamoriPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  MamoriClassScheme scheme = adw_combo_row_get_selected (row) == 1 ? MAMORI_CLASS_SCHEME_GOVERNMENT
                                                                    : MAMORI_CLASS_SCHEME_SIMPLE;

  if (!mamori_workspace_set_setting (self->workspace, "classification_scheme", mamori_class_scheme_key (scheme), &error))
    {
      g_autofree char *title = g_markup_printf_escaped (_("Could not save the classification scheme: %s"), error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
    }
}

/* The workspace's fiscal year (the training rules count per fiscal year). */
static void
fiscal_changed (AdwComboRow             *row,
                GParamSpec              *pspec,
                MamoriPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *month = g_strdup_printf ("%u", adw_combo_row_get_selected (row) + 1);

  if (!mamori_workspace_set_setting (self->workspace, "fiscal_year_start_month", month, &error))
    {
      g_autofree char *title = g_markup_printf_escaped (_("Could not save the fiscal year: %s"), error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
    }
}

static void
mamori_preferences_window_init (MamoriPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->clear_recent_button, "clicked", G_CALLBACK (clear_recent_clicked), self);
}

MamoriPreferencesWindow *
mamori_preferences_window_new (MamoriApplication *app,
                               GtkWindow         *parent,
                               MamoriWorkspace   *workspace)
{
  MamoriPreferencesWindow *self = g_object_new (MAMORI_TYPE_PREFERENCES_WINDOW,
                                                "transient-for", parent,
                                                "modal", parent != NULL,
                                                NULL);

  self->settings = g_object_ref (mamori_application_get_settings (app));
  g_settings_bind (self->settings, "reopen-last", self->reopen_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "era-dates", self->era_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "remind-in-background", self->remind_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::remind-in-background", G_CALLBACK (remind_changed), self, 0);
  mamori_preferences_apply_date_style (self->settings);
  g_signal_connect_object (self->settings, "changed::recent-workspaces", G_CALLBACK (recent_changed), self, 0);
  update_recent (self);

  if (workspace != NULL)
    {
      /* A server's URI holds '&': the subtitle is markup. */
      g_autofree char *name = g_filename_display_name (mamori_workspace_get_path (workspace));
      g_autofree char *path = g_markup_escape_text (name, -1);
      g_autofree char *format = g_strdup_printf (_("Format %d"), mamori_workspace_get_schema_version (workspace));
      adw_action_row_set_subtitle (self->location_row, path);
      adw_action_row_set_subtitle (self->format_row, format);
      self->workspace = g_object_ref (workspace);
      adw_combo_row_set_selected (self->fiscal_row, (guint) mamori_workspace_fiscal_start_month (workspace) - 1);
      g_signal_connect_object (self->fiscal_row, "notify::selected", G_CALLBACK (fiscal_changed), self, 0);
      adw_combo_row_set_selected (self->scheme_row,
                                  mamori_workspace_get_classification_scheme (workspace) == MAMORI_CLASS_SCHEME_GOVERNMENT ? 1 : 0);
      g_signal_connect_object (self->scheme_row, "notify::selected", G_CALLBACK (scheme_changed), self, 0);
      /* The workspace's settings are the officer's (and nobody's in a read-only workspace). */
      {
        gboolean officer = mamori_access_ui_is_officer (workspace);
        g_autofree char *why = officer ? NULL : mamori_access_ui_officer_only (workspace);
        mamori_access_ui_allow (GTK_WIDGET (self->fiscal_row), officer, why);
        mamori_access_ui_allow (GTK_WIDGET (self->scheme_row), officer, why);
      }
    }
  else
    {
      adw_action_row_set_subtitle (self->location_row, _("No workspace open"));
      gtk_widget_set_visible (GTK_WIDGET (self->format_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->fiscal_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->scheme_row), FALSE);
    }
  return self;
}
