/* test-roles-ui-pages.c — part of test-roles-ui (roles-ui.h) */
#include "config.h"

#include <string.h>

#include "roles-ui.h"

void
roles_ui_add_pages_tests (void)
{
}
