/* mamori-cli.c — command dispatcher for the display-free face of Mamori: arguments, exit
 * codes, printing.
 *
 * A capability adds a command by adding one row to `commands`. Exports, imports and the demo
 * are operations (src/ops/): one row there appears here and in the window. */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>

#include "mamori-cli.h"
#include "core/mamori-calendar.h"
#include "core/mamori-catalog.h"
#include "core/mamori-csv.h"
#include "core/mamori-stepup.h"
#include "ops/mamori-ops.h"
#include "store/mamori-assessments.h"
#include "store/mamori-documents.h"
#include "store/mamori-reviews.h"
#include "store/mamori-roles.h"
#include "store/mamori-scopes.h"
#include "store/mamori-workspace.h"

typedef struct {
  const char *workspace_path;
  MamoriWorkspace *workspace;
  MamoriCatalog *catalog;  /* loaded on first use */
} MamoriCliContext;

typedef int (*MamoriCliFunc) (MamoriCliContext *ctx, int argc, char **argv);

typedef enum {
  CLI_READS,     /* never writes: works in a read-only folder, on a full disk, on a damaged file */
  CLI_WRITES,    /* refused (nothing changed) when the file is damaged or someone else edits it */
  CLI_EXPORTS,   /* writes when it can (a review is recorded), else reads */
} MamoriCliAccess;

typedef struct {
  const char *name;
  const char *args;        /* usage of the arguments, untranslated placeholders */
  const char *summary;     /* N_() */
  gboolean creates;        /* may create the workspace file when it is missing */
  MamoriCliAccess access;  /* how it opens the workspace */
  int min_args, max_args;  /* after the command name */
  MamoriCliFunc run;
} MamoriCliCommand;

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

/* Results on stdout are tab-separated lines. Every field is escaped (mamori_tsv_row: \t, \n,
 * \r, \\ and \xNN), so a tab or line break inside a subject or name cannot forge a field or
 * a row. */
static void
print_row (const char * const *fields,
           gsize               n_fields)
{
  g_autofree char *line = mamori_tsv_row (fields, n_fields);

  fputs (line, stdout);
}

static int
exit_for_error (const GError *error)
{
  message ("%s", error->message);
  return mamori_op_error_is_bad_input (error) ? MAMORI_EXIT_BAD_INPUT : MAMORI_EXIT_FAILURE;
}

/* --- the checklist catalogue ------------------------------------------------------------- */

static MamoriCatalog *
get_catalog (MamoriCliContext *ctx,
             GError          **error)
{
  g_autoptr(MamoriCatalog) catalog = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  if (ctx->catalog != NULL)
    return ctx->catalog;
  catalog = mamori_catalog_new ();
  if (!mamori_catalog_load_builtin (catalog, error) ||
      !mamori_workspace_load_catalog (ctx->workspace, catalog, &warnings, error))
    return NULL;
  for (guint i = 0; i < warnings->len; i++)
    message (_("An imported checklist could not be read and is left out: %s"), (char *) warnings->pdata[i]);
  ctx->catalog = g_steal_pointer (&catalog);
  return ctx->catalog;
}

static char *
format_score (double score)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%g", score));
}

/* --- operations: demo, export, import ------------------------------------------------------ */

/* Runs an operation on the open workspace and prints what it said; the exit status. */
static int
run_op (MamoriCliContext      *ctx,
        const MamoriOp        *op,
        const MamoriOpRequest *request,
        MamoriOpResult       **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriOpResult) result = NULL;
  gboolean ok = mamori_op_run (op, ctx->workspace, ctx->catalog, request, &result, &error);

  for (guint i = 0; i < result->warnings->len; i++)
    message ("%s", (char *) result->warnings->pdata[i]);
  if (!ok)
    {
      int status = exit_for_error (error);
      for (guint i = 0; i < result->problems->len; i++)
        fprintf (stderr, "  %s\n", (char *) result->problems->pdata[i]);
      return status;
    }
  if (out != NULL)
    *out = g_steal_pointer (&result);
  return MAMORI_EXIT_OK;
}

/* The workspace is made when opened (the command creates it); a server's URI gets the schema
 * in its empty database. */
static int
cmd_init (MamoriCliContext *ctx,
          int               argc,
          char            **argv)
{
  g_autoptr(GError) error = NULL;

  /* On a server: the roles of mamori-roles.h (again after an update, for new tables). */
  if (!mamori_workspace_setup_roles (ctx->workspace, &error))
    return exit_for_error (error);
  return MAMORI_EXIT_OK;
}

static int
cmd_demo (MamoriCliContext *ctx,
          int               argc,
          char            **argv)
{
  int status = run_op (ctx, mamori_op_find (MAMORI_OP_DEMO, "demo"), NULL, NULL);

  if (status == MAMORI_EXIT_OK)
    {
      g_autofree char *name = g_filename_display_name (ctx->workspace_path);
      message (_("Filled “%s” with the sample company."), name);
    }
  return status;
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

  {
    g_autofree char *format = g_strdup_printf ("%d", mamori_workspace_get_schema_version (ctx->workspace));
    const char *workspace_row[] = { "workspace", ctx->workspace_path };
    const char *format_row[] = { "format", format };
    print_row (workspace_row, G_N_ELEMENTS (workspace_row));
    print_row (format_row, G_N_ELEMENTS (format_row));
  }
  for (guint f = 0; f < MAMORI_PROFILE_N_FIELDS; f++)
    {
      g_autofree char *value = mamori_profile_get_field (profile, f);
      const char *row[] = { mamori_profile_field_key (f), value };
      print_row (row, G_N_ELEMENTS (row));
    }
  current = mamori_stepup_compute (done, progress);
  for (guint s = 0; s < MAMORI_STEPUP_N_STEPS; s++)
    printf ("step%u\t%u/%u\n", progress[s].step, progress[s].n_done, progress[s].n_tasks);
  printf ("current_step\t%u\n", current);
  printf ("security_action\t%u\n", mamori_security_action_level (done, NULL));
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
      const char *row[] = { e->at, e->os_user, e->entity, e->action, e->summary };
      print_row (row, G_N_ELEMENTS (row));
    }
  return MAMORI_EXIT_OK;
}

/* --- export ------------------------------------------------------------------------------ */

static int
export_usage (const MamoriOp *op)
{
  if (g_str_equal (op->name, "heatmap"))
    message (_("Usage: mamori [--workspace PATH] export heatmap OUT.png|OUT.svg|OUT.pdf [--method ipa|gov5|likelihood] [--residual] [--size WxH]"));
  else
    message (_("Usage: mamori [--workspace PATH] export %s %sOUT"), op->name, (op->flags & MAMORI_OP_TAKES_ID) ? "ID " : "");
  return MAMORI_EXIT_BAD_INPUT;
}

/* export heatmap OUT [--method ipa|gov5|likelihood] [--residual] [--size WxH], and
 * export audit ID OUT [--no-annex]: the options into the request; the rest stays in args. */
static gboolean
parse_export_options (const MamoriOp  *op,
                      GPtrArray       *args,
                      MamoriOpRequest *request,
                      int              argc,
                      char           **argv)
{
  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (op->name, "audit") && g_str_equal (argv[i], "--no-annex"))
        request->no_annex = TRUE;
      else if (g_str_equal (op->name, "sheet") && g_str_equal (argv[i], "--role") && i + 1 < argc)
        request->role = argv[++i];
      else if (g_str_equal (op->name, "heatmap") && g_str_equal (argv[i], "--residual"))
        request->residual = TRUE;
      else if (g_str_equal (op->name, "heatmap") && g_str_equal (argv[i], "--method") && i + 1 < argc &&
               (g_str_equal (argv[i + 1], "ipa") || g_str_equal (argv[i + 1], "gov5") ||
                g_str_equal (argv[i + 1], "likelihood")))
        {
          i++;
          request->grid = g_str_equal (argv[i], "likelihood") ? MAMORI_OP_HEATMAP_LIKELIHOOD
                          : g_str_equal (argv[i], "gov5") ? MAMORI_OP_HEATMAP_GOV5 : MAMORI_OP_HEATMAP_IPA;
        }
      else if (g_str_equal (op->name, "heatmap") && g_str_equal (argv[i], "--size") && i + 1 < argc &&
               sscanf (argv[i + 1], "%dx%d", &request->width, &request->height) == 2)
        i++;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return FALSE;
      else
        g_ptr_array_add (args, argv[i]);
    }
  return TRUE;
}

static int
cmd_export (MamoriCliContext *ctx,
            int               argc,
            char            **argv)
{
  const char *kind = argv[1];
  const MamoriOp *op = mamori_op_find (MAMORI_OP_EXPORT, kind);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  MamoriOpRequest request = { 0 };
  g_autofree char *base = NULL;
  const char *out;

  if (op == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);
      for (guint i = 0; (op = mamori_ops_get (i)) != NULL; i++)
        if (op->kind == MAMORI_OP_EXPORT)
          g_string_append_printf (known, "%s%s", known->len ? ", " : "", op->name);
      message (_("Unknown export “%s”. Known: %s."), kind, known->str);
      return MAMORI_EXIT_BAD_INPUT;
    }
  if (!parse_export_options (op, args, &request, argc, argv) ||
      args->len != ((op->flags & MAMORI_OP_TAKES_ID) ? 2u : 1u))
    return export_usage (op);
  out = args->pdata[args->len - 1];
  request.id = (op->flags & MAMORI_OP_TAKES_ID) ? args->pdata[0] : NULL;
  request.path = out;
  base = g_path_get_basename (out);
  if (!mamori_op_accepts_path (op, out))
    {
      message (_("Cannot export %s as “%s”: use a file name ending in %s."), kind, base, op->extensions);
      return MAMORI_EXIT_BAD_INPUT;
    }
  if (g_file_test (out, G_FILE_TEST_IS_DIR))
    {
      message (_("“%s” is a folder; give a file name to export to."), base);
      return MAMORI_EXIT_BAD_INPUT;
    }
  return run_op (ctx, op, &request, NULL);
}

/* --- checklists and assessments ------------------------------------------------------------ */

static int
cmd_documents (MamoriCliContext *ctx,
               int               argc,
               char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mamori_workspace_list_documents (ctx->workspace, &error);

  if (docs == NULL)
    return exit_for_error (error);
  for (guint i = 0; i < docs->len; i++)
    {
      MamoriDocumentInfo *d = docs->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, d->id);
      g_autofree char *latest = g_strdup_printf ("%u", d->latest);
      const char *row[] = { id, d->kind, latest, mamori_document_status_key (d->status), d->title };
      print_row (row, G_N_ELEMENTS (row));
    }
  return MAMORI_EXIT_OK;
}

static int
cmd_checklists (MamoriCliContext *ctx,
                int               argc,
                char            **argv)
{
  g_autoptr(GError) error = NULL;
  MamoriCatalog *catalog = get_catalog (ctx, &error);
  const char *lang = mamori_text_user_lang ();

  if (catalog == NULL)
    return exit_for_error (error);
  for (guint i = 0; i < mamori_catalog_get_n (catalog); i++)
    {
      const MamoriChecklist *cl = mamori_catalog_get (catalog, i);
      g_autofree char *n_items = g_strdup_printf ("%u", cl->items->len);
      const char *row[] = { cl->id, n_items, mamori_text_get (cl->name, lang) };
      print_row (row, G_N_ELEMENTS (row));
    }
  return MAMORI_EXIT_OK;
}

/* items CHECKLIST: ref_id, target level (empty when none), title, in the checklist's order. */
static int
cmd_items (MamoriCliContext *ctx,
           int               argc,
           char            **argv)
{
  g_autoptr(GError) error = NULL;
  MamoriCatalog *catalog = get_catalog (ctx, &error);
  const char *lang = mamori_text_user_lang ();
  const MamoriChecklist *cl;

  if (catalog == NULL)
    return exit_for_error (error);
  cl = mamori_catalog_find (catalog, argv[1]);
  if (cl == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);
      for (guint i = 0; i < mamori_catalog_get_n (catalog); i++)
        g_string_append_printf (known, "%s%s", i ? ", " : "", mamori_catalog_get (catalog, i)->id);
      message (_("Unknown checklist “%s”. Known: %s."), argv[1], known->str);
      return MAMORI_EXIT_BAD_INPUT;
    }
  for (guint i = 0; i < cl->items->len; i++)
    {
      const MamoriNode *item = cl->items->pdata[i];
      int level = mamori_node_get_target_level (item);
      g_autofree char *target = level > 0 ? g_strdup_printf ("%d", level) : g_strdup ("");
      const char *row[] = { item->ref_id, target, mamori_node_text (item, lang) };
      print_row (row, G_N_ELEMENTS (row));
    }
  return MAMORI_EXIT_OK;
}

/* The newest scope version of a checklist: a line “version, number, decided on, decided by”,
 * then one per entry: “excluded, ref, reason” or “group, ref”. */
static int
cmd_scope (MamoriCliContext *ctx,
           int               argc,
           char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriScope) scope = NULL;
  MamoriCatalog *catalog = get_catalog (ctx, &error);
  g_autofree char *number = NULL;

  if (catalog == NULL)
    return exit_for_error (error);
  if (mamori_catalog_find (catalog, argv[1]) == NULL)
    {
      message (_("Unknown checklist “%s”."), argv[1]);
      return MAMORI_EXIT_BAD_INPUT;
    }
  scope = mamori_workspace_latest_scope (ctx->workspace, argv[1], &error);
  if (scope == NULL)
    {
      if (error != NULL)
        return exit_for_error (error);
      message (_("No scope has been decided for “%s”: every item is assessed."), argv[1]);
      return MAMORI_EXIT_OK;
    }
  number = g_strdup_printf ("%d", scope->number);
  {
    const char *row[] = { "version", number, scope->decided_on, scope->decided_by ? scope->decided_by : "" };
    print_row (row, G_N_ELEMENTS (row));
  }
  for (guint i = 0; i < scope->entries->len; i++)
    {
      const MamoriScopeEntry *e = scope->entries->pdata[i];
      const char *row[] = { e->kind == MAMORI_SCOPE_GROUP ? "group" : "excluded", e->ref, e->reason };
      print_row (row, e->kind == MAMORI_SCOPE_GROUP ? 2 : 3);
    }
  return MAMORI_EXIT_OK;
}

static int
cmd_assessments (MamoriCliContext *ctx,
                 int               argc,
                 char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mamori_workspace_list_assessments (ctx->workspace, NULL, &error);

  if (list == NULL)
    return exit_for_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      MamoriAssessment *a = list->pdata[i];
      g_autofree char *score = format_score (a->score);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
      const char *row[] = { id, a->checklist, a->subject, a->assessed_on, score };
      print_row (row, G_N_ELEMENTS (row));
    }
  return MAMORI_EXIT_OK;
}

/* calendar [DAYS]: what is due in the next DAYS days (default 30), overdue first. */
static int
cmd_calendar (MamoriCliContext *ctx,
              int               argc,
              char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *today = mamori_today ();
  guint64 days = 30;
  MamoriCatalog *catalog;

  if (argc > 1 && !g_ascii_string_to_unsigned (argv[1], 10, 0, 36600, &days, NULL))
    {
      message (_("Usage: mamori [--workspace PATH] %s %s"), "calendar", "[DAYS]");
      return MAMORI_EXIT_BAD_INPUT;
    }
  catalog = get_catalog (ctx, &error);
  items = catalog ? mamori_op_calendar_items (ctx->workspace, catalog, today, (int) days, &error) : NULL;
  if (items == NULL)
    return exit_for_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      MamoriDueItem *item = items->pdata[i];
      const char *row[] = { item->date, item->kind, item->title };
      print_row (row, G_N_ELEMENTS (row));
    }
  return MAMORI_EXIT_OK;
}

/* incidents, exceptions, …: a register's records, one per line (number first). */
static int
cmd_register (MamoriCliContext *ctx,
              int               argc,
              char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = mamori_op_register_rows (ctx->workspace, argv[0], &error);

  if (rows == NULL)
    return exit_for_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      print_row ((const char **) row, g_strv_length (row));
    }
  return MAMORI_EXIT_OK;
}

/* stocktaking [DATE]: the ledger was checked entry by entry on DATE (default today); the
 * calendar asks again a year later. */
static int
cmd_stocktaking (MamoriCliContext *ctx,
                 int               argc,
                 char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = argc > 1 ? g_strdup (argv[1]) : mamori_today ();

  if (!mamori_workspace_record_stocktaking (ctx->workspace, date, &error))
    return exit_for_error (error);
  return MAMORI_EXIT_OK;
}

/* --- roles on a server ------------------------------------------------------------------ */

static int
cmd_grant (MamoriCliContext *ctx,
           int               argc,
           char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) departments = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  const char *person = NULL;
  MamoriRole role;

  if (!mamori_role_parse (argv[2], &role))
    {
      message (_("Unknown role “%s”: use officer, editor, auditor or viewer."), argv[2]);
      return MAMORI_EXIT_BAD_INPUT;
    }
  for (int i = 3; i < argc; i += 2)
    {
      if (i + 1 >= argc || (strcmp (argv[i], "--department") != 0 && strcmp (argv[i], "--person") != 0))
        {
          message (_("grant takes --department NAME (again for more) and --person NAME."));
          return MAMORI_EXIT_BAD_INPUT;
        }
      if (strcmp (argv[i], "--department") == 0)
        g_strv_builder_add (departments, argv[i + 1]);
      else
        person = argv[i + 1];
    }
  list = g_strv_builder_end (departments);
  if (!mamori_workspace_grant_role (ctx->workspace, argv[1], role, (const char * const *) list, person, &error))
    return exit_for_error (error);
  return MAMORI_EXIT_OK;
}

static int
cmd_revoke (MamoriCliContext *ctx,
            int               argc,
            char            **argv)
{
  g_autoptr(GError) error = NULL;

  if (!mamori_workspace_revoke_role (ctx->workspace, argv[1], &error))
    return exit_for_error (error);
  return MAMORI_EXIT_OK;
}

static int
cmd_members (MamoriCliContext *ctx,
             int               argc,
             char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = mamori_workspace_list_members (ctx->workspace, &error);

  if (members == NULL)
    return exit_for_error (error);
  for (guint i = 0; i < members->len; i++)
    {
      MamoriMember *m = members->pdata[i];
      g_autofree char *departments = g_strjoinv (", ", m->departments);
      const char *row[] = { m->user, mamori_role_key (m->role), departments, m->person };
      print_row (row, G_N_ELEMENTS (row));
    }
  return MAMORI_EXIT_OK;
}

/* --- import ------------------------------------------------------------------------------ */

static int
cmd_import (MamoriCliContext *ctx,
            int               argc,
            char            **argv)
{
  const char *kind = argv[1];
  const MamoriOp *op = mamori_op_find (MAMORI_OP_IMPORT, kind);
  g_autoptr(MamoriOpResult) result = NULL;
  MamoriOpRequest request = { .path = argv[2] };
  int status;

  for (int i = 3; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--checklist") && i + 1 < argc)
        request.checklist = argv[++i];
      else if (g_str_equal (argv[i], "--subject") && i + 1 < argc)
        request.subject = argv[++i];
      else if (g_str_equal (argv[i], "--assessment") && i + 1 < argc)
        request.assessment = argv[++i];
      else
        {
          message (_("Unknown option “%s” for import."), argv[i]);
          return MAMORI_EXIT_BAD_INPUT;
        }
    }
  if (op == NULL)
    {
      message (_("Unknown import “%s”. Known: library, answers, assets."), kind);
      return MAMORI_EXIT_BAD_INPUT;
    }
  if (!(op->flags & MAMORI_OP_OPTIONS) && (request.checklist || request.subject || request.assessment))
    {
      message (g_str_equal (kind, "library") ? _("import library takes no options.") : _("import assets takes no options."));
      return MAMORI_EXIT_BAD_INPUT;
    }
  status = run_op (ctx, op, &request, &result);
  if (status != MAMORI_EXIT_OK)
    return status;
  if (g_str_equal (kind, "library"))
    {
      g_autofree char *n_items = g_strdup_printf ("%u", result->n_rows);
      const char *row[] = { result->name, n_items };
      print_row (row, G_N_ELEMENTS (row));
    }
  else if (g_str_equal (kind, "answers") && request.assessment != NULL)
    printf ("%" G_GINT64_FORMAT "\t%u\n", result->id, result->n_rows);
  else if (g_str_equal (kind, "answers"))
    {
      g_autofree char *score = format_score (result->score);
      printf ("%" G_GINT64_FORMAT "\t%s\n", result->id, score);
    }
  else
    printf ("%u\n", result->n_rows);
  return MAMORI_EXIT_OK;
}

/* --- dispatcher -------------------------------------------------------------------------- */

static const MamoriCliCommand commands[] = {
  { "init", "", N_("Create the workspace: a new file, or Mamori’s tables in an empty PostgreSQL database (postgresql://…)"), TRUE, CLI_WRITES, 0, 0, cmd_init },
  { "demo", "", N_("Fill an empty workspace with a sample company"), TRUE, CLI_WRITES, 0, 0, cmd_demo },
  { "check", "", N_("Check the workspace’s integrity, format and change log; exit 0 when sound"), FALSE, CLI_READS, 0, 0, cmd_check },
  { "info", "", N_("Show the organisation profile and step-up progress"), FALSE, CLI_READS, 0, 0, cmd_info },
  { "log", "[N]", N_("Show the newest N changes (default 20; 0 for all)"), FALSE, CLI_READS, 0, 1, cmd_log },
  { "export", "KIND [ID] OUT", N_("Write KIND to the file OUT; the format follows OUT’s extension"), FALSE, CLI_EXPORTS, 2, 7, cmd_export },
  { "checklists", "", N_("List the checklists: id, number of items, title"), FALSE, CLI_READS, 0, 0, cmd_checklists },
  { "items", "CHECKLIST", N_("List a checklist’s items in order: ref_id, target level (empty when none), title"), FALSE, CLI_READS, 1, 1, cmd_items },
  { "scope", "CHECKLIST", N_("Show a checklist’s newest scope version: a line “version, number, decided on, decided by”, then each measure left out with its reason, or each group chosen"), FALSE, CLI_READS, 1, 1, cmd_scope },
  { "documents", "", N_("List the documents: id, kind, newest version, its status, title"), FALSE, CLI_READS, 0, 0, cmd_documents },
  { "assessments", "", N_("List the assessments: id, checklist, subject, date, score"), FALSE, CLI_READS, 0, 0, cmd_assessments },
  { "incidents", "", N_("List the incidents: number, when, what, category, severity, state, reported by"), FALSE, CLI_READS, 0, 0, cmd_register },
  { "exceptions", "", N_("List the exceptions: number, applicant, unit, rule, from, until, decision, approver"), FALSE, CLI_READS, 0, 0, cmd_register },
  { "acceptances", "", N_("List the accepted risks: number, risk, asset, accepted by, on, residual risk, until"), FALSE, CLI_READS, 0, 0, cmd_register },
  { "trainings", "", N_("List the training sessions: number, date, title, audience, topics"), FALSE, CLI_READS, 0, 0, cmd_register },
  { "people", "", N_("List the people: number, name, unit, joined on, access holder (1/0)"), FALSE, CLI_READS, 0, 0, cmd_register },
  { "pledges", "", N_("List the signed pledges: number, person, kind, signed on"), FALSE, CLI_READS, 0, 0, cmd_register },
  { "suppliers", "", N_("List the suppliers and cloud services: number, name, kind, what they handle, agreement, last evaluated"), FALSE, CLI_READS, 0, 0, cmd_register },
  { "stocktaking", "[DATE]", N_("Record that the ledger was checked entry by entry on DATE (default today); the calendar asks again a year later"), FALSE, CLI_WRITES, 0, 1, cmd_stocktaking },
  { "calendar", "[DAYS]", N_("List what is due in the next DAYS days (default 30), overdue first: date, kind, title"), FALSE, CLI_READS, 0, 1, cmd_calendar },
  { "grant", "USER ROLE [--department NAME]… [--person NAME]", N_("On a server workspace: give USER (a server login) the role officer, editor, auditor or viewer; an editor changes only their departments’ assets; the person is the name USER answers assessments under"), FALSE, CLI_WRITES, 2, 12, cmd_grant },
  { "revoke", "USER", N_("On a server workspace: take USER’s role back"), FALSE, CLI_WRITES, 1, 1, cmd_revoke },
  { "members", "", N_("On a server workspace: list who has which role: user, role, departments, person"), FALSE, CLI_READS, 0, 0, cmd_members },
  { "import", "KIND FILE [OPTIONS]", N_("Read FILE: “library” (a checklist in YAML), “answers” (CSV ref_id,answer[,note] with --checklist ID [--subject TEXT]), “assets” (the ledger as CSV or the IPA Excel workbook), “people” or “attendance” (CSV)"), TRUE, CLI_WRITES, 2, 6, cmd_import },
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
  const MamoriOp *op;

  fprintf (out, "%s\n  mamori [--workspace PATH] [COMMAND ARGS…]\n  mamori FILE.mamori\n\n",
           _("Usage:"));
  fprintf (out, "%s\n", _("Without a command, Mamori opens its window on the workspace (by default the one used last)."));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --workspace PATH  %s\n", _("The workspace file to use"));
  fprintf (out, "  --remind          %s\n", _("Send desktop notifications of what is due (once a day per item) and exit"));
  fprintf (out, "  --version         %s\n", _("Show the version and exit"));
  fprintf (out, "  --help            %s\n", _("Show this help and exit"));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", commands[i].name, commands[i].args);
      fprintf (out, "  %-17s %s\n", left, _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Exports:"));
  for (guint i = 0; (op = mamori_ops_get (i)) != NULL; i++)
    if (op->kind == MAMORI_OP_EXPORT)
      fprintf (out, "  %-17s %s (%s)\n", op->name, _(op->summary), op->extensions);
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
  if (command->access == CLI_READS)
    flags |= MAMORI_WORKSPACE_OPEN_READ_ONLY;
  ctx.workspace = mamori_workspace_open (workspace_path, flags, &error);
  if (ctx.workspace == NULL && command->access == CLI_EXPORTS &&
      !g_error_matches (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND) &&
      !g_error_matches (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FOREIGN) &&
      !g_error_matches (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_TOO_NEW))
    {
      /* An export only needs to read: a workspace that cannot be written now (read-only
       * folder, full disk, damaged, edited by someone else) is read as it is. */
      g_clear_error (&error);
      ctx.workspace = mamori_workspace_open (workspace_path, flags | MAMORI_WORKSPACE_OPEN_READ_ONLY, &error);
    }
  if (ctx.workspace == NULL)
    return exit_for_error (error);
  /* A server's URI is printed without the password it may hold. */
  if (mamori_workspace_is_server (ctx.workspace))
    ctx.workspace_path = mamori_workspace_get_path (ctx.workspace);

  status = command->run (&ctx, argc, argv);
  g_clear_pointer (&ctx.catalog, mamori_catalog_free);
  mamori_workspace_close (ctx.workspace);
  g_object_unref (ctx.workspace);
  return status;
}
