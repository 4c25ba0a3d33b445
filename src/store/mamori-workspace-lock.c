/* mamori-workspace-lock.c — network filesystems and the editing lock. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "mamori-workspace.h"
#include "mamori-workspace-lock.h"
#include "mamori-workspace-private.h"

struct _MamoriEditLock {
  char *lock_path;
  char *content;   /* what we wrote: removed only while the file still says it */
};

/* f_type magic numbers of network filesystems (linux/magic.h and the filesystems' own). */
static const guint64 network_fs_types[] = {
  0x6969,      /* NFS */
  0x517B,      /* SMB */
  0xFF534D42,  /* CIFS */
  0xFE534D42,  /* SMB2 */
  0x65735546,  /* FUSE: sshfs and many NAS clients */
  0x01021997,  /* 9P */
  0x564c,      /* NCP */
  0x5346414F,  /* AFS */
  0x6B414653,  /* kAFS */
  0x73757245,  /* Coda */
  0x47504653,  /* GPFS */
  0x00C36400,  /* Ceph */
};

static guint64
statfs_type (const char *path)
{
  struct statfs st;
  g_autofree char *dir = NULL;

  if (statfs (path, &st) == 0)
    return (guint64) (gulong) st.f_type;
  /* The file may not exist yet: ask about its folder. */
  dir = g_path_get_dirname (path);
  if (statfs (dir, &st) == 0)
    return (guint64) (gulong) st.f_type;
  return 0;
}

static MamoriFsTypeProbe fs_type_probe = statfs_type;

void
mamori_workspace_set_fs_type_probe_for_test (MamoriFsTypeProbe probe)
{
  fs_type_probe = probe != NULL ? probe : statfs_type;
}

gboolean
mamori_workspace_on_network_fs (const char *path)
{
  guint64 type = fs_type_probe (path);

  if (g_getenv ("MAMORI_ASSUME_NETWORK_FS") != NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (network_fs_types); i++)
    if (type == network_fs_types[i])
      return TRUE;
  return FALSE;
}

char *
mamori_edit_lock_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (base, ".lock", NULL);

  return g_build_filename (dir, name, NULL);
}

/* Lines: user name, real name, host, pid, opened at (ISO 8601). */
static char *
lock_content (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format_iso8601 (now);

  return g_strdup_printf ("%s\n%s\n%s\n%d\n%s\n", g_get_user_name (), g_get_real_name (), g_get_host_name (),
                          (int) getpid (), at);
}

static char *
describe_holder (const char *content)
{
  g_auto(GStrv) f = g_strsplit (content, "\n", 6);
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = NULL;
  const char *who;

  if (g_strv_length (f) < 5)
    return g_strdup (_("Someone else has this workspace open for editing."));
  who = f[1][0] != '\0' && g_strcmp0 (f[1], "Unknown") != 0 ? f[1] : f[0];
  at = g_date_time_new_from_iso8601 (f[4], NULL);
  if (at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (at);
      gboolean today = g_date_time_get_year (local) == g_date_time_get_year (now) &&
                       g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now);
      when = g_date_time_format (local, today ? "%H:%M" : "%Y-%m-%d %H:%M");
    }
  /* TRANSLATORS: "田中 太郎 (PC-12) has this workspace open since 10:02." */
  return g_strdup_printf (_("%s (%s) has this workspace open since %s."), who, f[2], when ? when : f[4]);
}

/* A lock of this computer whose process is gone, or our own process's. */
static gboolean
lock_is_stale (const char *content,
               gboolean   *ours)
{
  g_auto(GStrv) f = g_strsplit (content, "\n", 6);
  int pid;

  *ours = FALSE;
  if (g_strv_length (f) < 5 || g_strcmp0 (f[2], g_get_host_name ()) != 0)
    return FALSE;
  pid = atoi (f[3]);
  if (pid == (int) getpid ())
    {
      *ours = TRUE;
      return FALSE;
    }
  return pid <= 0 || (kill (pid, 0) != 0 && errno == ESRCH);
}

MamoriEditLock *
mamori_edit_lock_acquire (const char  *path,
                          char       **holder,
                          GError     **error)
{
  g_autofree char *lock_path = mamori_edit_lock_path (path);
  g_autofree char *content = lock_content ();

  for (int attempt = 0; attempt < 2; attempt++)
    {
      int fd = g_open (lock_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
      if (fd >= 0)
        {
          gsize len = strlen (content);
          gboolean ok = write (fd, content, len) == (gssize) len && fsync (fd) == 0;
          int saved = errno;
          MamoriEditLock *lock;

          close (fd);
          if (!ok)
            {
              g_autofree char *name = g_filename_display_name (lock_path);
              g_unlink (lock_path);
              g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED,
                           _("Could not write the editing lock “%s”: %s."), name, g_strerror (saved));
              return NULL;
            }
          lock = g_new0 (MamoriEditLock, 1);
          lock->lock_path = g_steal_pointer (&lock_path);
          lock->content = g_steal_pointer (&content);
          return lock;
        }
      if (errno == EEXIST)
        {
          g_autofree char *theirs = NULL;
          gboolean ours = FALSE;

          if (!g_file_get_contents (lock_path, &theirs, NULL, NULL))
            theirs = g_strdup ("");
          if (lock_is_stale (theirs, &ours) && attempt == 0)
            {
              g_unlink (lock_path);
              continue;
            }
          if (ours)
            {
              /* This process has it open already (a second window on the same file): it
               * edits under the lock it holds. */
              MamoriEditLock *lock = g_new0 (MamoriEditLock, 1);
              lock->lock_path = g_steal_pointer (&lock_path);
              return lock;
            }
          *holder = describe_holder (theirs);
          return NULL;
        }
      {
        int saved = errno;
        g_autofree char *name = g_filename_display_name (lock_path);
        g_set_error (error, MAMORI_WORKSPACE_ERROR,
                     saved == EROFS || saved == EACCES || saved == EPERM ? MAMORI_WORKSPACE_ERROR_READ_ONLY
                                                                         : MAMORI_WORKSPACE_ERROR_FAILED,
                     _("Could not create the editing lock “%s”: %s."), name, g_strerror (saved));
        return NULL;
      }
    }
  *holder = g_strdup (_("Someone else has this workspace open for editing."));
  return NULL;
}

void
mamori_edit_lock_release (MamoriEditLock *lock)
{
  g_autofree char *now = NULL;

  if (lock == NULL)
    return;
  if (lock->content != NULL && g_file_get_contents (lock->lock_path, &now, NULL, NULL) &&
      g_strcmp0 (now, lock->content) == 0)
    g_unlink (lock->lock_path);
  g_free (lock->lock_path);
  g_free (lock->content);
  g_free (lock);
}
