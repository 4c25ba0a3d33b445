/* main.c — `mamori [--workspace PATH] [COMMAND ARGS…]`: a command runs without a display,
 * otherwise the window opens. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/mamori-cli.h"
#include "cli/mamori-cli-remind.h"
#include "core/mamori-pending.h"
#include "ui/mamori-application.h"

static void
init_i18n (void)
{
  const char *localedir = g_getenv ("MAMORI_LOCALEDIR"); /* set by `meson devenv` */

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  const char *workspace = NULL;
  gboolean remind = FALSE;
  int i = 1;

  init_i18n ();
  /* Temporary files of writes that a crash or a power cut interrupted. */
  mamori_pending_clean ();

  while (i < argc)
    {
      const char *arg = argv[i];

      if (strcmp (arg, "--version") == 0)
        {
          printf ("mamori %s\n", PACKAGE_VERSION);
          return MAMORI_EXIT_OK;
        }
      if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          mamori_cli_print_help (stdout);
          return MAMORI_EXIT_OK;
        }
      if (strcmp (arg, "--workspace") == 0)
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            {
              fprintf (stderr, "mamori: %s\n", _("--workspace needs a file name."));
              return MAMORI_EXIT_BAD_INPUT;
            }
          workspace = argv[i + 1];
          i += 2;
          continue;
        }
      if (g_str_has_prefix (arg, "--workspace="))
        {
          workspace = arg + strlen ("--workspace=");
          if (*workspace == '\0')
            {
              fprintf (stderr, "mamori: %s\n", _("--workspace needs a file name."));
              return MAMORI_EXIT_BAD_INPUT;
            }
          i++;
          continue;
        }
      if (strcmp (arg, "--remind") == 0)
        {
          remind = TRUE; /* desktop notifications of what is due, then exit */
          i++;
          continue;
        }
      if (strcmp (arg, "--") == 0)
        {
          i++;
          break;
        }
      if (arg[0] == '-')
        {
          fprintf (stderr, "mamori: ");
          fprintf (stderr, _("Unknown option “%s”. Run “mamori --help” for the options."), arg);
          fprintf (stderr, "\n");
          return MAMORI_EXIT_BAD_INPUT;
        }
      break;
    }

  if (remind)
    {
      if (i < argc)
        {
          fprintf (stderr, "mamori: %s\n", _("--remind takes no command."));
          return MAMORI_EXIT_BAD_INPUT;
        }
      return mamori_cli_remind (workspace);
    }

  if (i < argc)
    {
      if (mamori_cli_is_command (argv[i]))
        return mamori_cli_run (workspace, argc - i, argv + i);
      if (workspace == NULL && i == argc - 1 &&
          (g_str_has_suffix (argv[i], ".mamori") || g_file_test (argv[i], G_FILE_TEST_EXISTS)))
        workspace = argv[i]; /* `mamori FILE.mamori`, as a file manager calls it */
      else
        {
          fprintf (stderr, "mamori: ");
          fprintf (stderr, _("Unknown command “%s”. Run “mamori --help” for the list."), argv[i]);
          fprintf (stderr, "\n");
          return MAMORI_EXIT_BAD_INPUT;
        }
    }

  {
    g_autoptr(MamoriApplication) app = mamori_application_new ();
    char *app_argv[3] = { argv[0], (char *) workspace, NULL };
    return g_application_run (G_APPLICATION (app), workspace ? 2 : 1, app_argv);
  }
}
