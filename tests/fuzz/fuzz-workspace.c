/* fuzz-workspace.c — opening a workspace file: the probe (size, header, application id,
 * version) and, for a file that passes it, sqlite's read of the schema, the migrations and the
 * table checks. The input is written to a file in a private folder and opened like a file the
 * user picked. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "store/mamori-workspace.h"
#include "fuzz-common.h"

static char *dir;
static char *path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  mamori_fuzz_init ();
  dir = g_dir_make_tmp ("mamori-fuzz-XXXXXX", NULL);
  if (dir == NULL)
    abort ();
  path = g_build_filename (dir, "fuzz.mamori", NULL);
  return 0;
}

/* Removes what the last open left (the file, its journal, a lock file). */
static void
clean (void)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
  if (d != NULL)
    g_dir_close (d);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *ws;

  clean ();
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    abort ();
  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
  if (ws != NULL)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) check_error = NULL;

      mamori_workspace_check (ws, &problems, &check_error);
      mamori_workspace_close (ws);
      g_object_unref (ws);
    }
  else if (error == NULL)
    abort ();
  clean ();
  return 0;
}
