/* mamori-document-meta.c — a printed document's title-page data */
#include "config.h"

#include "mamori-document-meta.h"

void
mamori_revision_free (MamoriRevision *r)
{
  if (r == NULL)
    return;
  g_free (r->version);
  g_free (r->date);
  g_free (r->summary);
  g_free (r->approver);
  g_free (r);
}
