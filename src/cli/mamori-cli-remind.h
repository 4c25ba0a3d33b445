/* mamori-cli-remind.h — `mamori [--workspace PATH] --remind`: desktop notifications of what is
 * due, then exit */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* workspace_path NULL: the workspace the window would open. Returns an exit status. */
int mamori_cli_remind (const char *workspace_path);

G_END_DECLS
