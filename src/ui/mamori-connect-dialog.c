/* mamori-connect-dialog.c — "Connect to a Server…" and the server passwords in the keyring */
#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <stdlib.h>
#include <string.h>

#include "mamori-connect-dialog.h"
#include "store/mamori-roles.h"
#include "mamori-connect-dialog-private.h"

#define DEFAULT_PORT 5432

struct _MamoriConnectDialog {
  AdwWindow parent_instance;

  /* template children */
  GtkButton *connect_button;
  GtkSpinner *spinner;
  GtkLabel *status_label;
  GtkLabel *error_label;
  GtkWidget *form;
  AdwEntryRow *host_row;
  AdwEntryRow *port_row;
  AdwEntryRow *database_row;
  AdwEntryRow *user_row;
  AdwPasswordEntryRow *password_row;
  GtkSwitch *remember_switch;
  GtkLabel *tls_label;

  char *kept;                  /* the keyring's password (mamori_connect_dialog_set_password) */
  GCancellable *cancellable;   /* the connection under way, or NULL */
  char *error;                 /* shown, or NULL */
};

G_DEFINE_FINAL_TYPE (MamoriConnectDialog, mamori_connect_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_CONNECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* --- server URIs ----------------------------------------------------------------------------- */

static gboolean
host_is_local (const char *host)
{
  return host == NULL || *host == '\0' || host[0] == '/' || g_ascii_strcasecmp (host, "localhost") == 0 ||
         strcmp (host, "127.0.0.1") == 0 || strcmp (host, "::1") == 0;
}

char *
mamori_server_uri_build (const char *host,
                         guint       port,
                         const char *database,
                         const char *user,
                         const char *password)
{
  GString *uri = g_string_new ("postgresql://");
  gboolean socket = host != NULL && host[0] == '/';
  char sep = '?';

  if (user != NULL && *user != '\0')
    {
      g_string_append_uri_escaped (uri, user, NULL, FALSE);
      g_string_append_c (uri, '@');
    }
  if (host != NULL && *host != '\0' && !socket)
    {
      if (strchr (host, ':') != NULL)
        g_string_append_printf (uri, "[%s]", host);
      else
        g_string_append_uri_escaped (uri, host, NULL, FALSE);
      if (port != 0 && port != DEFAULT_PORT)
        g_string_append_printf (uri, ":%u", port);
    }
  g_string_append_c (uri, '/');
  if (database != NULL)
    g_string_append_uri_escaped (uri, database, NULL, FALSE);
  if (socket)
    {
      g_string_append (uri, "?host=");
      g_string_append_uri_escaped (uri, host, "/", FALSE);
      sep = '&';
      if (port != 0 && port != DEFAULT_PORT)
        g_string_append_printf (uri, "&port=%u", port);
    }
  if (password != NULL && *password != '\0')
    {
      g_string_append_c (uri, sep);
      g_string_append (uri, "password=");
      g_string_append_uri_escaped (uri, password, NULL, FALSE);
    }
  return g_string_free (uri, FALSE);
}

static void
replace (char       **out,
         const char  *value)
{
  if (out != NULL)
    {
      g_free (*out);
      *out = g_strdup (value != NULL ? value : "");
    }
}

gboolean
mamori_server_uri_parse (const char  *uri,
                         char       **host,
                         guint       *port,
                         char       **database,
                         char       **user,
                         char       **password)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *path, *value;
  int n;

  if (host != NULL) *host = NULL;
  if (database != NULL) *database = NULL;
  if (user != NULL) *user = NULL;
  if (password != NULL) *password = NULL;
  if (port != NULL) *port = DEFAULT_PORT;
  if (uri == NULL || !mamori_workspace_is_server_uri (uri))
    return FALSE;
  parsed = g_uri_parse (uri, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (parsed == NULL)
    return FALSE;
  replace (host, g_uri_get_host (parsed));
  replace (user, g_uri_get_user (parsed));
  replace (password, g_uri_get_password (parsed));
  path = g_uri_get_path (parsed);
  replace (database, path != NULL && path[0] == '/' ? path + 1 : path);
  if (port != NULL && (n = g_uri_get_port (parsed)) > 0)
    *port = n;
  if (g_uri_get_query (parsed) != NULL &&
      (params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, NULL)) != NULL)
    {
      if ((value = g_hash_table_lookup (params, "host")) != NULL)
        replace (host, value);
      if ((value = g_hash_table_lookup (params, "user")) != NULL)
        replace (user, value);
      if ((value = g_hash_table_lookup (params, "password")) != NULL)
        replace (password, value);
      if ((value = g_hash_table_lookup (params, "dbname")) != NULL)
        replace (database, value);
      if (port != NULL && (value = g_hash_table_lookup (params, "port")) != NULL &&
          (n = atoi (value)) > 0 && n < 65536)
        *port = n;
    }
  return TRUE;
}

char *
mamori_server_uri_label (const char *uri)
{
  g_autofree char *host = NULL;
  g_autofree char *database = NULL;

  if (!mamori_server_uri_parse (uri, &host, NULL, &database, NULL, NULL))
    return g_strdup (uri);
  if (*database == '\0')
    {
      g_free (database);
      database = g_strdup (g_get_user_name ());
    }
  if (host_is_local (host))
    /* TRANSLATORS: a workspace on a server on this computer; %s is the database name */
    return g_strdup_printf (_("%s on this computer"), database);
  /* TRANSLATORS: a workspace on a server; the database name, then the server's host name */
  return g_strdup_printf (_("%s on %s"), database, host);
}

/* --- the keyring ----------------------------------------------------------------------------- */

static const SecretSchema *
server_schema (void)
{
  static const SecretSchema schema = {
    "io.github.mamori.Mamori.Server", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };
  return &schema;
}

/* The keyring's attributes of uri; the user is libpq's default (the login name) when the URI
 * names none. */
static GHashTable *
server_attributes (const char *uri)
{
  g_autofree char *host = NULL, *database = NULL, *user = NULL;
  guint port = DEFAULT_PORT;

  mamori_server_uri_parse (uri, &host, &port, &database, &user, NULL);
  return secret_attributes_build (server_schema (),
                                  "host", host != NULL ? host : "",
                                  "port", (int) port,
                                  "database", database != NULL ? database : "",
                                  "user", user != NULL && *user != '\0' ? user : g_get_user_name (),
                                  NULL);
}

static void
lookup_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    {
      char *copy = g_strdup (password);
      secret_password_free (password);
      g_task_return_pointer (task, copy, g_free);
    }
}

void
mamori_server_password_lookup (const char          *uri,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = server_attributes (uri);

  g_task_set_source_tag (task, mamori_server_password_lookup);
  secret_password_lookupv (server_schema (), attributes, cancellable, lookup_done, task);
}

char *
mamori_server_password_lookup_finish (GAsyncResult  *result,
                                      GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (g_task_get_task_data (task) != NULL)
    secret_password_store_finish (result, &error);
  else
    secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
mamori_server_password_store (const char          *uri,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = server_attributes (uri);

  g_task_set_source_tag (task, mamori_server_password_store);
  if (password != NULL && *password != '\0')
    {
      g_autofree char *name = mamori_server_uri_label (uri);
      /* TRANSLATORS: the password's name in the keyring; %s is “DB on HOST” */
      g_autofree char *label = g_strdup_printf (_("Mamori: %s"), name);

      g_task_set_task_data (task, GINT_TO_POINTER (1), NULL);
      secret_password_storev (server_schema (), attributes, SECRET_COLLECTION_DEFAULT, label, password,
                              cancellable, store_done, task);
    }
  else
    secret_password_clearv (server_schema (), attributes, cancellable, store_done, task);
}

gboolean
mamori_server_password_store_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- the dialog ------------------------------------------------------------------------------ */

static void
set_error (MamoriConnectDialog *self,
           const char          *error)
{
  g_free (self->error);
  self->error = g_strdup (error);
  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
set_connecting (MamoriConnectDialog *self,
                gboolean             connecting)
{
  gtk_spinner_set_spinning (self->spinner, connecting);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), connecting);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), connecting);
  gtk_widget_set_sensitive (self->form, !connecting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), !connecting);
}

static void
update_tls (MamoriConnectDialog *self)
{
  const char *host = gtk_editable_get_text (GTK_EDITABLE (self->host_row));

  gtk_label_set_text (self->tls_label,
                      host_is_local (host)
                        ? _("The server is on this computer: the connection needs no encryption.")
                        : _("The connection is encrypted (TLS is required unless the server is on this computer)."));
}

/* The server's message with a sentence first that says what to do. */
static char *
explain (const GError *error)
{
  const char *m = error->message;
  const char *hint = NULL;

  if (g_error_matches (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND))
    hint = _("This database has no Mamori workspace yet: ask the administrator to run “mamori --workspace URI init”.");
  else if (strstr (m, "password authentication failed") != NULL || strstr (m, "no password supplied") != NULL ||
           strstr (m, "fe_sendauth") != NULL || strstr (m, "authentication failed") != NULL)
    hint = _("The server did not accept the user name and password.");
  else if (strstr (m, "database \"") != NULL && strstr (m, "does not exist") != NULL)
    hint = _("The server has no database of that name.");
  else if (strstr (m, "role \"") != NULL && strstr (m, "does not exist") != NULL)
    hint = _("The server has no user of that name.");
  else if (strstr (m, "could not connect") != NULL || strstr (m, "Connection refused") != NULL ||
           strstr (m, "No such file or directory") != NULL ||
           strstr (m, "could not translate host name") != NULL || strstr (m, "timeout expired") != NULL ||
           strstr (m, "No route to host") != NULL || strstr (m, "Network is unreachable") != NULL)
    hint = _("The server cannot be reached: check the host name and the port, and the network.");
  else if (strstr (m, "SSL") != NULL)
    hint = _("The server does not offer an encrypted connection (TLS), which Mamori requires for a server on another computer.");
  return hint != NULL ? g_strdup_printf ("%s\n\n%s", hint, m) : g_strdup (m);
}

static void
connect_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  MamoriWorkspace *ws = mamori_workspace_open (data, MAMORI_WORKSPACE_OPEN_FALLBACK_READ_ONLY, &error);

  if (ws == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* What the role allows is read here, not on the main thread when the window shows it. */
  mamori_workspace_get_access (ws);
  g_task_return_pointer (task, ws, g_object_unref);
}

static void
password_stored (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!mamori_server_password_store_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not keep the password in the keyring: %s", error->message);
}

static void
connect_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  MamoriConnectDialog *self = MAMORI_CONNECT_DIALOG (source);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = g_task_propagate_pointer (G_TASK (result), &error);
  const char *password;
  g_autofree char *uri = NULL;

  if (g_cancellable_is_cancelled (cancellable))
    {
      /* Cancelled (or the dialog closed) while connecting: the connection is dropped. */
      if (ws != NULL)
        mamori_workspace_close (ws);
      return;
    }
  g_clear_object (&self->cancellable);
  set_connecting (self, FALSE);
  if (ws == NULL)
    {
      g_autofree char *text = explain (error);
      set_error (self, text);
      if (strstr (error->message, "password") != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  /* The keyring keeps the password (or forgets it when the switch is off). */
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  uri = g_strdup (mamori_workspace_get_path (ws));
  if ((*password != '\0' || !gtk_switch_get_active (self->remember_switch)) &&
      !(gtk_switch_get_active (self->remember_switch) && g_strcmp0 (password, self->kept) == 0))
    mamori_server_password_store (uri, gtk_switch_get_active (self->remember_switch) ? password : NULL,
                                  NULL, password_stored, NULL);
  g_signal_emit (self, signals[SIGNAL_CONNECTED], 0, ws);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
mamori_connect_dialog_connect (MamoriConnectDialog *self)
{
  const char *host = gtk_editable_get_text (GTK_EDITABLE (self->host_row));
  const char *port_text = gtk_editable_get_text (GTK_EDITABLE (self->port_row));
  const char *database = gtk_editable_get_text (GTK_EDITABLE (self->database_row));
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autofree char *host_clean = g_strstrip (g_strdup (host));
  g_autofree char *database_clean = g_strstrip (g_strdup (database));
  g_autofree char *user_clean = g_strstrip (g_strdup (user));
  g_autofree char *uri = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GTask) task = NULL;
  guint64 port = DEFAULT_PORT;

  if (self->cancellable != NULL)
    return;
  if (*port_text != '\0' && (!g_ascii_string_to_unsigned (port_text, 10, 1, 65535, &port, NULL)))
    {
      set_error (self, _("The port is a number from 1 to 65535 (PostgreSQL’s is usually 5432)."));
      gtk_widget_grab_focus (GTK_WIDGET (self->port_row));
      return;
    }
  if (*database_clean == '\0')
    {
      set_error (self, _("Enter the name of the workspace’s database."));
      gtk_widget_grab_focus (GTK_WIDGET (self->database_row));
      return;
    }
  set_error (self, NULL);
  uri = mamori_server_uri_build (host_clean, (guint) port, database_clean, user_clean, password);
  shown = mamori_server_uri_label (uri);
  {
    g_autofree char *status = g_strdup_printf (_("Connecting to %s…"), shown);
    gtk_label_set_text (self->status_label, status);
  }
  set_connecting (self, TRUE);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, connect_done, NULL);
  g_task_set_source_tag (task, mamori_connect_dialog_connect);
  g_task_set_task_data (task, g_steal_pointer (&uri), g_free);
  g_task_run_in_thread (task, connect_thread);
}

static void
connect_clicked (MamoriConnectDialog *self)
{
  mamori_connect_dialog_connect (self);
}

static void
cancel_clicked (MamoriConnectDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

const char *
mamori_connect_dialog_get_error (MamoriConnectDialog *self)
{
  return self->error;
}

gboolean
mamori_connect_dialog_is_connecting (MamoriConnectDialog *self)
{
  return self->cancellable != NULL;
}

void
mamori_connect_dialog_set_password (MamoriConnectDialog *self,
                                    const char          *password)
{
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password != NULL ? password : "");
  g_free (self->kept);
  self->kept = g_strdup (password);
}

void
mamori_connect_dialog_fill (MamoriConnectDialog *self,
                            const char          *host,
                            const char          *port,
                            const char          *database,
                            const char          *user,
                            const char          *password,
                            gboolean             remember)
{
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), host);
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), database);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  gtk_switch_set_active (self->remember_switch, remember);
}

static gboolean
close_request (GtkWindow *window)
{
  MamoriConnectDialog *self = MAMORI_CONNECT_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (mamori_connect_dialog_parent_class)->close_request (window);
}

static void
mamori_connect_dialog_dispose (GObject *object)
{
  MamoriConnectDialog *self = MAMORI_CONNECT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->kept, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_CONNECT_DIALOG);
  G_OBJECT_CLASS (mamori_connect_dialog_parent_class)->dispose (object);
}

static void
mamori_connect_dialog_class_init (MamoriConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mamori_connect_dialog_dispose;
  window_class->close_request = close_request;

  /**
   * MamoriConnectDialog::connected:
   * @workspace: the open server workspace, for the handler to keep
   */
  signals[SIGNAL_CONNECTED] =
    g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MAMORI_TYPE_WORKSPACE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, MamoriConnectDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriConnectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriConnectDialog, form);
  gtk_widget_class_bind_template_child (widget_class, MamoriConnectDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriConnectDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriConnectDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriConnectDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriConnectDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, MamoriConnectDialog, tls_label);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, update_tls);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mamori_connect_dialog_init (MamoriConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_tls (self);
}

MamoriConnectDialog *
mamori_connect_dialog_new (GtkWindow  *parent,
                           const char *uri)
{
  MamoriConnectDialog *self = g_object_new (MAMORI_TYPE_CONNECT_DIALOG,
                                            "transient-for", parent,
                                            "modal", TRUE,
                                            NULL);
  g_autofree char *host = NULL, *database = NULL, *user = NULL, *password = NULL;
  guint port = DEFAULT_PORT;
  g_autofree char *port_text = NULL;

  if (mamori_server_uri_parse (uri, &host, &port, &database, &user, &password))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->host_row), host);
      gtk_editable_set_text (GTK_EDITABLE (self->database_row), database);
      gtk_editable_set_text (GTK_EDITABLE (self->user_row), *user != '\0' ? user : g_get_user_name ());
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->user_row), g_get_user_name ());
  port_text = g_strdup_printf ("%u", port);
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port_text);
  update_tls (self);
  return self;
}
