/* mamori-remind.h — reminders of what is due as desktop notifications (GIO, no GTK): which
 * items (core/mamori-reminders.c decides), the notifications, and the switch that runs
 * `mamori --remind` at login (an autostart entry, or the Background portal inside Flatpak) */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Opens the workspace at path read-only on its own connection (any thread), lists what is due
 * as of today, and returns the items to notify now (MamoriDueItem, owned), recording them in
 * the per-user record (mamori_reminders_state_path(); never the workspace, so no change-log
 * line). NULL with error when the workspace cannot be read. */
GPtrArray *mamori_remind_collect (const char  *path,
                                  const char  *today,
                                  GError     **error);

/* Sends one notification per item (id "due-" + key, so a new one replaces the last one of the
 * same item), or one summary ("due-summary") for more than MAMORI_REMINDER_MAX_SEPARATE. Each
 * opens the app's Overview ("app.show-due"). app must be registered. Returns how many it sent. */
guint      mamori_remind_send (GApplication *app,
                               GPtrArray    *items,
                               const char   *today);

/* collect in a worker thread, then send on the calling thread's main context; errors go to the
 * debug log (a reminder never interrupts with a dialog). */
void       mamori_remind_check_async (GApplication *app,
                                      const char   *path);

/* The workspace the window opens: the last one when "reopen-last" is set and it exists, else
 * the default. settings may be NULL (the schema is not installed): the default. */
char      *mamori_remind_workspace_path (GSettings *settings);

/* $XDG_CONFIG_HOME/autostart/io.github.mamori.Mamori.Reminders.desktop */
char      *mamori_remind_autostart_path (void);
/* Runs `mamori --remind` at login (enabled) or no longer: writes or removes the autostart
 * entry; inside Flatpak asks the Background portal instead (its answer is not awaited). */
gboolean   mamori_remind_set_background (gboolean   enabled,
                                         GError   **error);

G_END_DECLS
