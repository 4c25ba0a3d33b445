/* mamori-migrate-mandatory.c — migration 10: tech-info-mandatory version 1 → version 2
 *
 * Version 1 asked each of the 12 mandatory items three ways with Mamori's own numbers X-1
 * (defined), X-2 (carried out), X-3 (confirmed by the responsible person). Version 2 follows
 * the audit guideline's own procedures: items 1–7 keep a defined / carried out / confirmed
 * pattern with the guideline's numbers (3-4, 3-5, 4-2-1, 4-2-2, 5-2-1, 5-2-2, 5-4), items 8–12
 * ask for the concrete measures (8-1…8-7, 9-1…9-4, 10-1…10-7, 11-1, 12-1).
 *
 * An answer moves where the old check asks the same question as a new one:
 * - 1-x, 2-x, 6-x, 7-x, 3-1, 3-2, 4-1, 4-3, 5-1: the same number, the same question;
 * - 4-2 → 4-2-1 and 5-2 → 5-2-1: the old "carried out" check was answered from the
 *   documents and the site, which is the first of the two new procedures; the second (the
 *   interview of staff, 4-2-2 and 5-2-2) stays unanswered;
 * - 5-3 → 5-4: the guideline numbers the responsible person's confirmation 5-4;
 * - 11-2 → 11-1 and 12-2 → 12-1: items 11 and 12 have one requirement each, the item itself,
 *   so "carried out" is that requirement being met.
 * Kept only as a note ("v1:OLD"): 3-3 (version 2 asks the executive, not the responsible
 * person, to confirm: an old "done" says nothing about that), 8-x, 9-x and 10-x (the new
 * checks are distinct measures; no old check matches one of them), and the "defined" and
 * "confirmed" checks of 11 and 12. Renaming them is needed anyway: 8-1, 9-3, 10-2, 12-1… are
 * new checks of another meaning.
 *
 * Only assessments answered against the built-in text are touched (library_rev IS NULL: an
 * imported library cannot take a built-in's id). Nothing is written to the change log here:
 * the chained log accepts no unhashed rows, and the migration recomputes every table digest
 * afterwards (mamori_chain_after_migration). */
#include "config.h"

#include <string.h>

#include "mamori-migrate-mandatory.h"
#include "mamori-migrate-mandatory-private.h"
#include "mamori-statement.h"

#define SCOPE \
  "assessment IN (SELECT id FROM assessment WHERE checklist = 'tech-info-mandatory' AND library_rev IS NULL)"

typedef struct {
  const char *old_ref;
  const char *new_ref;   /* "v1:…": kept as a note only */
} RefMove;

/* Every version 1 check whose number changes; the others keep theirs. */
static const RefMove moves[] = {
  { "3-3", "v1:3-3" },
  { "4-2", "4-2-1" },
  { "5-2", "5-2-1" },
  { "5-3", "5-4" },
  { "8-1", "v1:8-1" },
  { "8-2", "v1:8-2" },
  { "8-3", "v1:8-3" },
  { "9-1", "v1:9-1" },
  { "9-2", "v1:9-2" },
  { "9-3", "v1:9-3" },
  { "10-1", "v1:10-1" },
  { "10-2", "v1:10-2" },
  { "10-3", "v1:10-3" },
  { "11-1", "v1:11-1" },
  { "11-2", "11-1" },
  { "11-3", "v1:11-3" },
  { "12-1", "v1:12-1" },
  { "12-2", "12-1" },
  { "12-3", "v1:12-3" },
};

/* Version 1 checks that keep their number. */
static const char *const kept[] = {
  "1-1", "1-2", "1-3", "2-1", "2-2", "2-3", "3-1", "3-2", "4-1", "4-3", "5-1",
  "6-1", "6-2", "6-3", "7-1", "7-2", "7-3",
};

const char *
mamori_migrate_mandatory_new_ref (const char *old_ref)
{
  if (old_ref == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    if (strcmp (moves[i].old_ref, old_ref) == 0)
      return moves[i].new_ref;
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (strcmp (kept[i], old_ref) == 0)
      return kept[i];
  return NULL;
}

/* Runs sql with ?1 = old ref_id, ?2 = new ref_id for every move. */
static gboolean
for_each_move (MamoriWorkspace  *self,
               const char       *doing,
               GError          **error,
               const char       *sql,
               gboolean          retired_only)
{
  g_autoptr(MamoriStatement) stmt = mamori_statement_new (self, doing, error, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      if (retired_only && !g_str_has_prefix (moves[i].new_ref, "v1:"))
        continue;
      if (!mamori_statement_execute (stmt, error, "tt", moves[i].old_ref, moves[i].new_ref))
        return FALSE;
    }
  return TRUE;
}

gboolean
mamori_migrate_mandatory_refs (MamoriWorkspace  *self,
                               const char       *doing,
                               GError          **error)
{
  /* Tables whose rows name a check (assessment, ref_id). */
  static const char *const tables[] = { "note", "evidence", "measure", "corrective_action", "answer" };

  /* 1. Every moving row goes to "#NEW" first: a target such as 12-1 is also an old check
   *    that moves away, and (assessment, ref_id) is unique in answer, note and measure. The
   *    "#" names are empty before, so no step collides. Notes move before answers, so that
   *    a retired answer can join its note. */
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = NULL;

      if (g_str_equal (tables[t], "answer"))
        {
          /* A retired answer becomes the first line of its note. */
          if (!for_each_move (self, doing, error,
                              "INSERT INTO note (assessment, ref_id, text) "
                              "SELECT assessment, '#' || ?2, '改訂前の回答（v1）: ' || "
                              "  CASE choice WHEN 0 THEN '実施している' WHEN 1 THEN '実施していない' ELSE choice END || "
                              "  ' / Answer before the revision (v1): ' || "
                              "  CASE choice WHEN 0 THEN 'Done' WHEN 1 THEN 'Not done' ELSE choice END "
                              "FROM answer WHERE ref_id = ?1 AND " SCOPE " "
                              "ON CONFLICT (assessment, ref_id) DO UPDATE SET text = excluded.text || char (10) || note.text",
                              TRUE) ||
              !for_each_move (self, doing, error, "DELETE FROM answer WHERE ref_id = ?1 AND ?2 LIKE 'v1:%' AND " SCOPE, TRUE))
            return FALSE;
        }
      sql = g_strdup_printf ("UPDATE %s SET ref_id = '#' || ?2 WHERE ref_id = ?1 AND " SCOPE, tables[t]);
      if (!for_each_move (self, doing, error, sql, FALSE))
        return FALSE;
    }

  /* 2. Drop the "#". */
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET ref_id = substr (ref_id, 2) "
                                              "WHERE substr (ref_id, 1, 1) = '#' AND " SCOPE, tables[t]);
      if (!mamori_statement_run (self, doing, error, sql, NULL))
        return FALSE;
    }

  /* 3. Where the wizard stopped: the moved check, or the start for a retired one. */
  return for_each_move (self, doing, error,
                        "UPDATE assessment SET current_item = CASE WHEN ?2 LIKE 'v1:%' THEN NULL ELSE ?2 END "
                        "WHERE current_item = ?1 AND checklist = 'tech-info-mandatory' AND library_rev IS NULL",
                        FALSE);
}
