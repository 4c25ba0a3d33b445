/* mamori-document-meta.h — what a printed document says besides its text: title, organisation,
 * dates, approvals, revisions. Plain data: the store fills it, the layout engine prints it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *version;    /* "1.0" */
  char *date;       /* YYYY-MM-DD */
  char *summary;
  char *approver;
} MamoriRevision;

typedef struct {
  const char *organisation;
  const char *title;
  const char *version;         /* shown on the title page, or NULL */
  const char *date;            /* YYYY-MM-DD, or NULL */
  const char *classification;  /* e.g. 社外秘; NULL: none */
  const char *approved_by;     /* the approval boxes 承認 / 確認 / 作成; NULL: empty box */
  const char *checked_by;
  const char *created_by;
  const char *lang;            /* "ja" (default) or "en": fixed words and line joining */
  const char *numbering;       /* "sections" (1, 1.1) or "articles" (第1章, 第1条) */
  GPtrArray *revisions;        /* MamoriRevision*, oldest first; NULL or empty: no table */
  gboolean table_of_contents;
  GPtrArray *figures;          /* MamoriFigure* (report/mamori-document.h) named in the Markdown; the
                                * layout keeps a reference. A figure not found prints its caption. */
  gboolean form;               /* a form to fill in by hand (PDF only): no title page or contents,
                                * unnumbered headings, the running head on every page, body rows
                                * of tables tall enough to write in, and a column left empty for
                                * writing at least a third of the width */
} MamoriDocumentMeta;

void mamori_revision_free (MamoriRevision *revision);

G_END_DECLS
