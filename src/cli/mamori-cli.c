/* mamori-cli.c — command dispatcher for the display-free face of Mamori.
 *
 * A capability adds a command by adding one row to `commands`, or an export/import kind by
 * adding one row to `export_kinds` / `import_kinds`. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "mamori-cli.h"
#include "core/mamori-csv.h"
#include "core/mamori-demo.h"
#include "core/mamori-stepup.h"
#include "store/mamori-workspace.h"

typedef struct {
  const char *workspace_path;
  MamoriWorkspace *workspace;
} MamoriCliContext;

typedef int (*MamoriCliFunc) (MamoriCliContext *ctx, int argc, char **argv);

typedef struct {
  const char *name;
  const char *args;        /* usage of the arguments, untranslated placeholders */
  const char *summary;     /* N_() */
  gboolean creates;        /* may create the workspace file when it is missing */
  int min_args, max_args;  /* after the command name */
  MamoriCliFunc run;
} MamoriCliCommand;

/* An output format is chosen by the file name's extension. */
typedef struct {
  const char *kind;
  const char *extensions;  /* space-separated, with the dot */
  const char *summary;     /* N_() */
  int (*run) (MamoriCliContext *ctx, const char *out_path, const char *extension);
} MamoriCliExportKind;

static void
message (const char *format,
         ...) G_GNUC_PRINTF (1, 2);

static void
message (const char *format,
         ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "mamori: %s\n", text);
}

static int
exit_for_error (const GError *error)
{
  message ("%s", error->message);
  return mamori_workspace_error_is_bad_input (error) ? MAMORI_EXIT_BAD_INPUT : MAMORI_EXIT_FAILURE;
}

static gboolean
write_output (const char  *path,
              const char  *contents,
              gsize        length,
              GError     **error)
{
  /* g_file_set_contents_full writes a temporary file and renames it: never a partial file. */
  return g_file_set_contents_full (path, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   0644, error);
}

/* --- demo -------------------------------------------------------------------------------- */

static gboolean
demo_fill (MamoriWorkspace  *workspace,
           gpointer          user_data,
           GError          **error)
{
  g_autoptr(MamoriProfile) profile = mamori_demo_profile ();
  const char * const *tasks = mamori_demo_done_tasks ();

  if (!mamori_workspace_set_profile (workspace, profile, error))
    return FALSE;
  for (guint i = 0; tasks[i] != NULL; i++)
    if (!mamori_workspace_set_task_done (workspace, tasks[i], TRUE, error))
      return FALSE;
  /* Later capabilities append their sample data here (assets, assessments, documents). */
  return TRUE;
}

static int
cmd_demo (MamoriCliContext *ctx,
          int               argc,
          char            **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean empty = FALSE;

  if (!mamori_workspace_is_empty (ctx->workspace, &empty, &error))
    return exit_for_error (error);
  if (!empty)
    {
      g_autofree char *name = g_filename_display_name (ctx->workspace_path);
      message (_("“%s” already holds data; the demo only fills an empty workspace. Use a new file, e.g. --workspace demo.mamori."),
               name);
      return MAMORI_EXIT_FAILURE;
    }
  if (!mamori_workspace_transaction (ctx->workspace, demo_fill, NULL, &error))
    return exit_for_error (error);
  {
    g_autofree char *name = g_filename_display_name (ctx->workspace_path);
    message (_("Filled “%s” with the sample company."), name);
  }
  return MAMORI_EXIT_OK;
}

/* --- check ------------------------------------------------------------------------------- */

static int
cmd_check (MamoriCliContext *ctx,
           int               argc,
           char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (!mamori_workspace_check (ctx->workspace, &problems, &error))
    return exit_for_error (error);
  if (problems->len == 0)
    {
      printf ("ok\n");
      return MAMORI_EXIT_OK;
    }
  for (guint i = 0; i < problems->len; i++)
    printf ("%s\n", (const char *) problems->pdata[i]);
  message (ngettext ("Found %u problem.", "Found %u problems.", problems->len), problems->len);
  return MAMORI_EXIT_FAILURE;
}

/* --- info -------------------------------------------------------------------------------- */

static int
cmd_info (MamoriCliContext *ctx,
          int               argc,
          char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriProfile) profile = NULL;
  g_autoptr(GHashTable) done = NULL;
  MamoriStepProgress progress[MAMORI_STEPUP_N_STEPS];
  guint current;

  profile = mamori_workspace_get_profile (ctx->workspace, &error);
  if (profile == NULL)
    return exit_for_error (error);
  done = mamori_workspace_get_done_tasks (ctx->workspace, &error);
  if (done == NULL)
    return exit_for_error (error);

  printf ("workspace\t%s\n", ctx->workspace_path);
  printf ("format\t%d\n", mamori_workspace_get_schema_version (ctx->workspace));
  for (guint f = 0; f < MAMORI_PROFILE_N_FIELDS; f++)
    {
      g_autofree char *value = mamori_profile_get_field (profile, f);
      printf ("%s\t%s\n", mamori_profile_field_key (f), value);
    }
  current = mamori_stepup_compute (done, progress);
  for (guint s = 0; s < MAMORI_STEPUP_N_STEPS; s++)
    printf ("step%u\t%u/%u\n", progress[s].step, progress[s].n_done, progress[s].n_tasks);
  printf ("current_step\t%u\n", current);
  return MAMORI_EXIT_OK;
}

/* --- log --------------------------------------------------------------------------------- */

static int
cmd_log (MamoriCliContext *ctx,
         int               argc,
         char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint64 limit = 20;

  if (argc > 1 && !g_ascii_string_to_unsigned (argv[1], 10, 0, G_MAXUINT, &limit, NULL))
    {
      message (_("“%s” is not a number of entries."), argv[1]);
      return MAMORI_EXIT_BAD_INPUT;
    }
  entries = mamori_workspace_list_changes (ctx->workspace, (guint) limit, &error);
  if (entries == NULL)
    return exit_for_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      MamoriChangeLogEntry *e = entries->pdata[i];
      printf ("%s\t%s\t%s\t%s\t%s\n", e->at, e->os_user, e->entity, e->action, e->summary);
    }
  return MAMORI_EXIT_OK;
}

/* --- export ------------------------------------------------------------------------------ */

static int
export_log (MamoriCliContext *ctx,
            const char       *out_path,
            const char       *extension)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF"); /* BOM: Excel reads UTF-8 then */
  const char *header[] = { "id", "at", "os_user", "entity", "action", "summary" };

  entries = mamori_workspace_list_changes (ctx->workspace, 0, &error);
  if (entries == NULL)
    return exit_for_error (error);
  mamori_csv_append_row (csv, header, G_N_ELEMENTS (header));
  for (guint i = entries->len; i > 0; i--)
    {
      MamoriChangeLogEntry *e = entries->pdata[i - 1];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, e->id);
      const char *row[] = { id, e->at, e->os_user, e->entity, e->action, e->summary };
      mamori_csv_append_row (csv, row, G_N_ELEMENTS (row));
    }
  if (!write_output (out_path, csv->str, csv->len, &error))
    {
      message ("%s", error->message);
      return MAMORI_EXIT_FAILURE;
    }
  return MAMORI_EXIT_OK;
}

static const MamoriCliExportKind export_kinds[] = {
  { "log", ".csv", N_("the change log (who changed what, when)"), export_log },
};

static gboolean
extension_allowed (const char *extensions,
                   const char *extension)
{
  g_auto(GStrv) list = g_strsplit (extensions, " ", -1);
  for (guint i = 0; list[i] != NULL; i++)
    if (g_ascii_strcasecmp (list[i], extension) == 0)
      return TRUE;
  return FALSE;
}

static int
cmd_export (MamoriCliContext *ctx,
            int               argc,
            char            **argv)
{
  const char *kind = argv[1];
  const char *out = argv[2];
  const char *dot = strrchr (out, '.');
  g_autofree char *base = g_path_get_basename (out);

  for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
    {
      const MamoriCliExportKind *k = &export_kinds[i];
      if (g_strcmp0 (k->kind, kind) != 0)
        continue;
      if (dot == NULL || strchr (dot, '/') != NULL || !extension_allowed (k->extensions, dot))
        {
          message (_("Cannot export %s as “%s”: use a file name ending in %s."), kind, base, k->extensions);
          return MAMORI_EXIT_BAD_INPUT;
        }
      if (g_file_test (out, G_FILE_TEST_IS_DIR))
        {
          message (_("“%s” is a folder; give a file name to export to."), base);
          return MAMORI_EXIT_BAD_INPUT;
        }
      return k->run (ctx, out, dot);
    }

  {
    g_autoptr(GString) known = g_string_new (NULL);
    for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
      g_string_append_printf (known, "%s%s", i ? ", " : "", export_kinds[i].kind);
    message (_("Unknown export “%s”. Known: %s."), kind, known->str);
  }
  return MAMORI_EXIT_BAD_INPUT;
}

/* --- dispatcher -------------------------------------------------------------------------- */

static const MamoriCliCommand commands[] = {
  { "demo", "", N_("Fill an empty workspace with a sample company"), TRUE, 0, 0, cmd_demo },
  { "check", "", N_("Check the workspace’s integrity and format; exit 0 when sound"), FALSE, 0, 0, cmd_check },
  { "info", "", N_("Show the organisation profile and step-up progress"), FALSE, 0, 0, cmd_info },
  { "log", "[N]", N_("Show the newest N changes (default 20; 0 for all)"), FALSE, 0, 1, cmd_log },
  { "export", "KIND OUT", N_("Write KIND to the file OUT; the format follows OUT’s extension"), FALSE, 2, 2, cmd_export },
};

static const MamoriCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

gboolean
mamori_cli_is_command (const char *name)
{
  return find_command (name) != NULL;
}

void
mamori_cli_print_help (FILE *out)
{
  fprintf (out, "%s\n  mamori [--workspace PATH] [COMMAND ARGS…]\n  mamori FILE.mamori\n\n",
           _("Usage:"));
  fprintf (out, "%s\n", _("Without a command, Mamori opens its window on the workspace (by default the one used last)."));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --workspace PATH  %s\n", _("The workspace file to use"));
  fprintf (out, "  --version         %s\n", _("Show the version and exit"));
  fprintf (out, "  --help            %s\n", _("Show this help and exit"));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", commands[i].name, commands[i].args);
      fprintf (out, "  %-17s %s\n", left, _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Exports:"));
  for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
    fprintf (out, "  %-17s %s (%s)\n", export_kinds[i].kind, _(export_kinds[i].summary),
             export_kinds[i].extensions);
  fprintf (out, "\n%s\n", _("Exit status: 0 success, 1 the work failed, 2 bad input."));
}

int
mamori_cli_run (const char *workspace_path,
                int         argc,
                char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  const MamoriCliCommand *command;
  MamoriCliContext ctx = { 0 };
  MamoriWorkspaceOpenFlags flags = MAMORI_WORKSPACE_OPEN_EXISTING;
  int status;

  g_return_val_if_fail (argc >= 1, MAMORI_EXIT_BAD_INPUT);

  command = find_command (argv[0]);
  if (command == NULL)
    {
      message (_("Unknown command “%s”. Run “mamori --help” for the list."), argv[0]);
      return MAMORI_EXIT_BAD_INPUT;
    }
  if (argc - 1 < command->min_args || argc - 1 > command->max_args)
    {
      message (_("Usage: mamori [--workspace PATH] %s %s"), command->name, command->args);
      return MAMORI_EXIT_BAD_INPUT;
    }

  if (workspace_path == NULL)
    {
      default_path = mamori_workspace_default_path ();
      workspace_path = default_path;
      flags = MAMORI_WORKSPACE_OPEN_CREATE; /* the default workspace always exists */
    }
  if (command->creates)
    flags = MAMORI_WORKSPACE_OPEN_CREATE;

  ctx.workspace_path = workspace_path;
  ctx.workspace = mamori_workspace_open (workspace_path, flags, &error);
  if (ctx.workspace == NULL)
    return exit_for_error (error);

  status = command->run (&ctx, argc, argv);
  mamori_workspace_close (ctx.workspace);
  g_object_unref (ctx.workspace);
  return status;
}
