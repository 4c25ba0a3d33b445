/* mamori-pending.c — see mamori-pending.h. A note is a file in
 * $XDG_STATE_HOME/mamori/pending named BOOT-PID-N that holds the temporary file's path. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "mamori-pending.h"

G_LOCK_DEFINE_STATIC (pending);
static GHashTable *notes;  /* tmp path → note path */
static guint counter;

static char *
pending_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "mamori", "pending", NULL);
}

/* Changes at every boot, so a note from before a power cut is stale whatever its pid. */
static const char *
boot_id (void)
{
  static char id[9];

  if (id[0] == '\0')
    {
      g_autofree char *text = NULL;
      if (g_file_get_contents ("/proc/sys/kernel/random/boot_id", &text, NULL, NULL) && strlen (text) >= 8)
        memcpy (id, text, 8);
      else
        memcpy (id, "00000000", 8);
    }
  return id;
}

void
mamori_pending_add (const char *tmp)
{
  g_autofree char *dir = pending_dir ();
  g_autofree char *abs = g_canonicalize_filename (tmp, NULL);
  char *note;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return; /* best effort: the write itself goes on */
  G_LOCK (pending);
  note = g_strdup_printf ("%s/%s-%d-%u", dir, boot_id (), (int) getpid (), ++counter);
  if (notes == NULL)
    notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_file_set_contents (note, abs, -1, NULL))
    g_hash_table_replace (notes, g_strdup (tmp), note);
  else
    g_free (note);
  G_UNLOCK (pending);
}

void
mamori_pending_remove (const char *tmp)
{
  G_LOCK (pending);
  if (notes != NULL)
    {
      const char *note = g_hash_table_lookup (notes, tmp);
      if (note != NULL)
        {
          g_unlink (note);
          g_hash_table_remove (notes, tmp);
        }
    }
  G_UNLOCK (pending);
}

/* Only our own temporary names are ever removed: ".NAME.XXXXXX" as mkstemp makes them. */
static gboolean
looks_temporary (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  gsize len = strlen (base);

  return g_path_is_absolute (path) && len > 8 && base[0] == '.' && base[len - 7] == '.';
}

char *
mamori_pending_begin (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"), name,
                   g_strerror (saved));
      g_free (tmp);
      return NULL;
    }
  close (fd);
  mamori_pending_add (tmp);
  return tmp;
}

gboolean
mamori_pending_commit (const char  *tmp,
                       const char  *path,
                       GError     **error)
{
  g_chmod (tmp, 0644);   /* mkstemp made it private; an export is an ordinary file */
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"), name,
                   g_strerror (saved));
      mamori_pending_abort (tmp);
      return FALSE;
    }
  mamori_pending_remove (tmp);
  return TRUE;
}

void
mamori_pending_abort (const char *tmp)
{
  g_unlink (tmp);
  mamori_pending_remove (tmp);
}

void
mamori_pending_rename_in_error (GError     *error,
                                const char *tmp,
                                const char *path)
{
  g_autofree char *tmp_name = NULL;
  g_autofree char *name = NULL;
  GString *message;

  if (error == NULL)
    return;
  tmp_name = g_filename_display_name (tmp);
  name = g_filename_display_name (path);
  message = g_string_new (error->message);
  g_string_replace (message, tmp_name, name, 0);
  g_free (error->message);
  error->message = g_string_free (message, FALSE);
}

gboolean
mamori_write_file_atomically (const char  *path,
                              const void  *data,
                              gsize        length,
                              int          mode,
                              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  g_autofree char *name = g_filename_display_name (path);
  const char *p = data;
  gsize left = length;
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, mode);
  int saved = 0;

  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"), name,
                   g_strerror (saved));
      return FALSE;
    }
  mamori_pending_add (tmp);
  while (left > 0)
    {
      gssize n = write (fd, p, left);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          saved = n < 0 ? errno : ENOSPC;
          break;
        }
      p += n;
      left -= (gsize) n;
    }
  if (saved == 0 && fsync (fd) != 0)
    saved = errno;
  if (close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved == 0)
    {
      g_chmod (tmp, mode);
      if (g_rename (tmp, path) != 0)
        saved = errno;
    }
  if (saved != 0)
    {
      g_unlink (tmp);
      mamori_pending_remove (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"), name,
                   g_strerror (saved));
      return FALSE;
    }
  mamori_pending_remove (tmp);
  return TRUE;
}

guint
mamori_pending_clean (void)
{
  g_autofree char *dir_path = pending_dir ();
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint removed = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (name, "-", 3);
      g_autofree char *note = g_build_filename (dir_path, name, NULL);
      g_autofree char *tmp = NULL;
      gboolean stale;
      int pid;

      if (g_strv_length (parts) != 3)
        continue;
      pid = atoi (parts[1]);
      stale = strcmp (parts[0], boot_id ()) != 0 ||
              (pid != (int) getpid () && (pid <= 0 || (kill (pid, 0) != 0 && errno == ESRCH)));
      if (!stale)
        continue;
      if (g_file_get_contents (note, &tmp, NULL, NULL) && looks_temporary (tmp) && g_unlink (tmp) == 0)
        removed++;
      g_unlink (note);
    }
  g_dir_close (dir);
  return removed;
}
