/* mamori-scope.c — a checklist's scope (see mamori-scope.h). Pure C + GLib. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "mamori-scope.h"

static void
entry_free (MamoriScopeEntry *e)
{
  g_free (e->ref);
  g_free (e->reason);
  g_free (e);
}

MamoriScope *
mamori_scope_new (const char *checklist)
{
  MamoriScope *s = g_new0 (MamoriScope, 1);

  s->checklist = g_strdup (checklist);
  s->decided_on = g_strdup ("");
  s->decided_by = g_strdup ("");
  s->note = g_strdup ("");
  s->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  return s;
}

void
mamori_scope_free (MamoriScope *s)
{
  if (s == NULL)
    return;
  g_free (s->checklist);
  g_free (s->decided_on);
  g_free (s->decided_by);
  g_free (s->note);
  g_free (s->created_at);
  g_ptr_array_unref (s->entries);
  g_free (s);
}

void
mamori_scope_add (MamoriScope     *scope,
                  MamoriScopeKind  kind,
                  const char      *ref,
                  const char      *reason)
{
  MamoriScopeEntry *e = g_new0 (MamoriScopeEntry, 1);

  e->kind = kind;
  e->ref = g_strdup (ref != NULL ? ref : "");
  e->reason = g_strdup (reason != NULL ? reason : "");
  g_ptr_array_add (scope->entries, e);
}

const MamoriScopeEntry *
mamori_scope_find (const MamoriScope *scope,
                   MamoriScopeKind    kind,
                   const char        *ref)
{
  if (scope == NULL || ref == NULL)
    return NULL;
  for (guint i = 0; i < scope->entries->len; i++)
    {
      const MamoriScopeEntry *e = scope->entries->pdata[i];
      if (e->kind == kind && g_str_equal (e->ref, ref))
        return e;
    }
  return NULL;
}

char **
mamori_scope_groups (const MamoriScope *scope)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  guint n = 0;

  if (scope == NULL)
    return NULL;
  for (guint i = 0; i < scope->entries->len; i++)
    {
      const MamoriScopeEntry *e = scope->entries->pdata[i];
      if (e->kind == MAMORI_SCOPE_GROUP)
        {
          g_strv_builder_add (b, e->ref);
          n++;
        }
    }
  return n > 0 ? g_strv_builder_end (b) : NULL;
}

gboolean
mamori_scope_includes (const MamoriScope *scope,
                       const MamoriNode  *item)
{
  g_auto(GStrv) groups = NULL;

  if (scope == NULL)
    return TRUE;
  if (mamori_scope_find (scope, MAMORI_SCOPE_EXCLUDED, item->ref_id) != NULL)
    return FALSE;
  groups = mamori_scope_groups (scope);
  return mamori_checklist_in_scope (item, (const char * const *) groups);
}

/* Blank: nothing but ASCII and full-width spaces, tabs and line breaks. */
static gboolean
blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x3000)
        return FALSE;
    }
  return TRUE;
}

static gboolean
valid_date (const char *date)
{
  int y, m, d;
  char end;

  return date != NULL && strlen (date) == 10 &&
         sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 &&
         g_date_valid_dmy (d, m, y);
}

gboolean
mamori_scope_validate (const MamoriScope      *scope,
                       const MamoriChecklist  *checklist,
                       GError                **error)
{
  if (!g_str_equal (scope->checklist, checklist->id))
    {
      g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_INVALID,
                   _("The scope is for the checklist “%s”, not “%s”."), scope->checklist, checklist->id);
      return FALSE;
    }
  if (!valid_date (scope->decided_on))
    {
      g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_INVALID,
                   _("The scope’s decision date “%s” is not a date (YYYY-MM-DD)."), scope->decided_on);
      return FALSE;
    }
  for (guint i = 0; i < scope->entries->len; i++)
    {
      const MamoriScopeEntry *e = scope->entries->pdata[i];
      if (e->kind == MAMORI_SCOPE_EXCLUDED)
        {
          const MamoriNode *item = mamori_checklist_find_item (checklist, e->ref);
          if (item == NULL)
            {
              g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_INVALID,
                           _("The checklist has no item %s to leave out of the scope."), e->ref);
              return FALSE;
            }
          if (!mamori_node_is_optional (item))
            {
              g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_INVALID,
                           _("Item %s is always required and cannot be left out of the scope."), e->ref);
              return FALSE;
            }
          if (blank (e->reason))
            {
              g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_INVALID,
                           _("Item %s is left out of the scope without a reason. Say why the measure is not needed."),
                           e->ref);
              return FALSE;
            }
        }
      else if (mamori_checklist_find_group (checklist, e->ref) == NULL)
        {
          g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_INVALID,
                       _("The checklist has no implementation group “%s”."), e->ref);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        {
          const MamoriScopeEntry *f = scope->entries->pdata[j];
          if (f->kind == e->kind && g_str_equal (f->ref, e->ref))
            {
              g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_INVALID,
                           _("“%s” appears twice in the scope."), e->ref);
              return FALSE;
            }
        }
    }
  return TRUE;
}
