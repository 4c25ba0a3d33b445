/* mamori-cli.h — the command-line face: `mamori [--workspace PATH] COMMAND ARGS…` */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of every command. */
enum {
  MAMORI_EXIT_OK = 0,
  MAMORI_EXIT_FAILURE = 1,   /* the work could not be done */
  MAMORI_EXIT_BAD_INPUT = 2, /* bad arguments, or a file that is not usable */
};

gboolean mamori_cli_is_command (const char *name);
void     mamori_cli_print_help (FILE *out);
/* argv[0] is the command name. Messages go to stderr, results to stdout. */
int      mamori_cli_run        (const char *workspace_path,
                                int         argc,
                                char      **argv);

G_END_DECLS
