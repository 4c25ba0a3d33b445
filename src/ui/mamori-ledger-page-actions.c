/* mamori-ledger-page-actions.c — the ledger's actions: undo and redo, adding, duplicating,
 * deleting, bulk edits, splitting, import and export */
#include "config.h"

#include "core/mamori-calendar.h"
#include "store/mamori-reviews.h"

#include <glib/gi18n.h>

#include "core/mamori-classification.h"
#include "mamori-classification-rows.h"
#include "mamori-connect-dialog.h"
#include "mamori-ledger-page-private.h"
#include "store/mamori-roles.h"
#include "mamori-threat-catalogue-window.h"
#include "mamori-widget-util.h"

/* One undoable step: every change to the ledger made on this page. The page's MamoriUndoStack
 * keeps the steps and their descriptions ("adding 1 asset": what undo and redo name in their
 * toast); apply_edit() applies one either way. */
typedef enum {
  EDIT_UPDATE,   /* a cell edit, or a bulk edit: before and after of every asset touched */
  EDIT_ADD,      /* adding, duplicating, splitting, importing: after holds the new assets */
  EDIT_DELETE,   /* before holds the deleted assets */
} EditKind;

typedef struct {
  EditKind kind;
  GPtrArray *before;   /* MamoriAsset*, or NULL */
  GPtrArray *after;
} Edit;

static void
edit_free (Edit *e)
{
  g_clear_pointer (&e->before, g_ptr_array_unref);
  g_clear_pointer (&e->after, g_ptr_array_unref);
  g_free (e);
}

/* --- editing ------------------------------------------------------------------------------ */

typedef struct {
  MamoriLedgerModel *model;
  GtkSelectionModel *selection;
  gint64 id;
  gboolean redraw;   /* bound again as it was read, not read again (the server is away) */
} RowRefresh;

static void
row_refresh_cb (gpointer data)
{
  RowRefresh *r = data;
  guint position = mamori_ledger_model_find (r->model, r->id);
  /* The selection forgets a changed row; an edited row stays selected. */
  gboolean selected = position != G_MAXUINT && gtk_selection_model_is_selected (r->selection, position);

  position = r->redraw ? mamori_ledger_model_row_redraw (r->model, r->id) : mamori_ledger_model_row_changed (r->model, r->id);
  if (selected && position != G_MAXUINT)
    gtk_selection_model_select_item (r->selection, position, FALSE);
  g_object_unref (r->model);
  g_object_unref (r->selection);
  g_free (r);
}

/* The edit came from a cell's own signal: rebinding that cell now would pull the widget out
 * from under GTK, so the row is read again from an idle. */
static void
schedule_row_refresh (MamoriLedgerPage *self,
                      gint64            id,
                      gboolean          redraw)
{
  RowRefresh *r = g_new0 (RowRefresh, 1);
  r->model = g_object_ref (self->model);
  r->selection = g_object_ref (GTK_SELECTION_MODEL (self->selection));
  r->id = id;
  r->redraw = redraw;
  g_idle_add_once (row_refresh_cb, r);
}

static void
schedule_row_changed (MamoriLedgerPage *self,
                      gint64            id)
{
  schedule_row_refresh (self, id, FALSE);
}

static gboolean
save_assets (MamoriLedgerPage *self,
             GPtrArray        *assets)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->saving = TRUE;
  ok = mamori_workspace_update_assets (self->workspace, assets, &error);
  self->saving = FALSE;
  if (!ok)
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Asset"), error);
  for (guint i = 0; i < assets->len; i++)
    schedule_row_changed (self, ((MamoriAsset *) assets->pdata[i])->id);
  if (ok)
    _mamori_ledger_page_recount (self);
  return ok;
}

/* Records a step (taking before, after and what) and forgets what was undone. Returns the
 * step's id in the undo stack. */
static guint
push_edit (MamoriLedgerPage *self,
           EditKind          kind,
           GPtrArray        *before,
           GPtrArray        *after,
           char             *what)
{
  g_autofree char *description = what;
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = kind;
  edit->before = before;
  edit->after = after;
  return mamori_undo_stack_push (self->undo, description, edit, (GDestroyNotify) edit_free);
}

/* Copies of assets (MamoriAsset*), for an undo step to keep. */
static GPtrArray *
copy_assets (GPtrArray *assets)
{
  GPtrArray *out = g_ptr_array_new_full (assets->len, (GDestroyNotify) mamori_asset_free);

  for (guint i = 0; i < assets->len; i++)
    g_ptr_array_add (out, mamori_asset_copy (assets->pdata[i]));
  return out;
}

/* Gives each asset of to the row version of the asset with its id in from. */
static void
copy_versions (GPtrArray *from,
               GPtrArray *to)
{
  for (guint i = 0; i < to->len; i++)
    for (guint j = 0; j < from->len; j++)
      if (((MamoriAsset *) from->pdata[j])->id == ((MamoriAsset *) to->pdata[i])->id)
        ((MamoriAsset *) to->pdata[i])->row_version = ((MamoriAsset *) from->pdata[j])->row_version;
}

static gboolean
delete_assets (MamoriLedgerPage *self,
               GPtrArray        *assets)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < assets->len; i++)
    g_array_append_val (ids, ((MamoriAsset *) assets->pdata[i])->id);
  if (!mamori_workspace_delete_assets (self->workspace, ids, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Delete the Assets"), error);
      return FALSE;
    }
  return TRUE;
}

/* Adds assets back (they get new ids, kept in the step for the next undo or redo). */
static gboolean
restore_assets (MamoriLedgerPage *self,
                GPtrArray        *assets)
{
  g_autoptr(GError) error = NULL;

  if (!mamori_workspace_add_assets (self->workspace, assets, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Restore the Assets"), error);
      return FALSE;
    }
  return TRUE;
}

/* Undoes (or redoes) one step and says so in a toast (a MamoriUndoApplyFunc: data is an Edit,
 * user_data the page). */
static gboolean
apply_edit (gpointer    data,
            const char *what,
            gboolean    undo,
            gpointer    user_data)
{
  MamoriLedgerPage *self = user_data;
  Edit *e = data;
  gboolean ok = FALSE;

  if (self->workspace == NULL)
    return FALSE;
  _mamori_ledger_page_close_editor (self);
  switch (e->kind)
    {
    case EDIT_UPDATE:
      /* The rows are saved over the versions the other half of the step left. */
      copy_versions (undo ? e->after : e->before, undo ? e->before : e->after);
      ok = save_assets (self, undo ? e->before : e->after);
      break;
    case EDIT_ADD:
      ok = undo ? delete_assets (self, e->after) : restore_assets (self, e->after);
      break;
    case EDIT_DELETE:
      ok = undo ? restore_assets (self, e->before) : delete_assets (self, e->before);
      break;
    default:
      break;
    }
  if (ok)
    {
      g_autofree char *title = g_markup_printf_escaped (undo ? _("Undid: %s") : _("Redid: %s"), what);
      /* Each Ctrl+Z replaces the last one's toast at once instead of queueing behind it. */
      AdwToast *toast = adw_toast_new (title);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      mamori_widget_add_toast_object (GTK_WIDGET (self), toast);
    }
  return ok;
}

/* Says why, when the role may not change one of assets (TRUE: refused). */
static gboolean
refuse_any (MamoriLedgerPage *self,
            GPtrArray        *assets)
{
  for (guint i = 0; i < assets->len; i++)
    if (_mamori_ledger_page_refuse (self, assets->pdata[i]))
      return TRUE;
  return FALSE;
}

/* The rows an edit of row applies to: every selected row when row is one of several selected
 * (a bulk edit), otherwise row alone; rows the role may not change are left out, and said. */
static GPtrArray *
edit_targets (MamoriLedgerPage *self,
              MamoriLedgerRow  *row)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  const MamoriAsset *clicked = mamori_ledger_row_get_asset (row);
  g_autoptr(GtkBitset) set = self->selection
    ? gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection)) : NULL;
  gboolean in_selection = FALSE;

  if (set != NULL && gtk_bitset_get_size (set) > 1)
    {
      GtkBitsetIter iter;
      guint pos;
      for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &pos); ok; ok = gtk_bitset_iter_next (&iter, &pos))
        {
          g_autoptr(MamoriLedgerRow) r = g_list_model_get_item (G_LIST_MODEL (self->model), pos);
          if (r == NULL)
            continue;
          in_selection |= mamori_ledger_row_get_asset (r)->id == clicked->id;
          g_ptr_array_add (out, mamori_asset_copy (mamori_ledger_row_get_asset (r)));
        }
    }
  if (!in_selection)
    {
      g_ptr_array_set_size (out, 0);
      g_ptr_array_add (out, mamori_asset_copy (clicked));
    }
  else
    {
      guint left = 0;
      for (guint i = out->len; i-- > 0;)
        if (!_mamori_ledger_page_may_edit (self, out->pdata[i]))
          {
            g_ptr_array_remove_index (out, i);
            left++;
          }
      if (left > 0)
        {
          g_autofree char *said = g_strdup_printf (ngettext ("%u selected asset of another department was left as it was",
                                                             "%u selected assets of other departments were left as they were", left), left);
          mamori_widget_add_toast (GTK_WIDGET (self), said);
        }
    }
  return out;
}

static void keep_unsaved (MamoriLedgerPage *self,
                          GPtrArray        *before,
                          GPtrArray        *after,
                          MamoriAssetField  field,
                          const char       *reason);

/* Applies text to one field of the row's asset (of every selected row's asset, when the row
 * is part of a multiple selection); one undo step. TRUE when the step was recorded. */
gboolean
_mamori_ledger_page_commit (MamoriLedgerPage *self,
                            MamoriLedgerRow  *row,
                            MamoriAssetField  field,
                            const char       *text)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint n;

  gboolean ok;

  if (self->binding || row == NULL || _mamori_ledger_page_refuse (self, mamori_ledger_row_get_asset (row)))
    return FALSE;
  before = edit_targets (self, row);
  after = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  for (guint i = 0; i < before->len; i++)
    {
      /* An asset with edits the server has not taken yet is edited on top of them. */
      Unsaved *u = g_hash_table_lookup (self->unsaved, &((MamoriAsset *) before->pdata[i])->id);
      g_autoptr(MamoriAsset) copy = mamori_asset_copy (u != NULL ? u->asset : before->pdata[i]);
      g_autofree char *old = mamori_asset_get_field_text (copy, field);
      g_autofree char *reason = NULL;

      if (g_strcmp0 (old, text) == 0)
        continue;
      if (!mamori_asset_set_field_text (copy, field, text, &reason))
        {
          const char *title = mamori_asset_field_key (field);
          g_autoptr(GError) error = NULL;

          for (guint c = 0; c < N_COLUMNS; c++)
            {
              const ColumnSpec *spec = &_mamori_ledger_page_columns[c];
              if (spec->field == (int) field && spec->kind != COL_COMPUTED && spec->kind != COL_BAND)
                title = _(spec->title);
            }
          error = g_error_new (MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, "%s: %s", title, reason);
          mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Asset"), error);
          schedule_row_changed (self, copy->id);
          return FALSE;
        }
      g_ptr_array_add (after, g_steal_pointer (&copy));
    }
  if (after->len == 0)
    return FALSE;
  /* Keep only the rows that change, in both halves of the step. */
  for (guint i = before->len; i-- > 0;)
    {
      gboolean kept = FALSE;
      for (guint j = 0; j < after->len && !kept; j++)
        kept = ((MamoriAsset *) after->pdata[j])->id == ((MamoriAsset *) before->pdata[i])->id;
      if (!kept)
        g_ptr_array_remove_index (before, i);
    }
  {
    g_autoptr(GError) error = NULL;

    self->saving = TRUE;
    ok = mamori_workspace_update_assets (self->workspace, after, &error);
    self->saving = FALSE;
    for (guint i = 0; i < after->len; i++)
      schedule_row_refresh (self, ((MamoriAsset *) after->pdata[i])->id, !ok && mamori_workspace_error_is_disconnected (error));
    if (!ok && mamori_workspace_error_is_disconnected (error))
      {
        g_autofree char *server = mamori_server_uri_label (mamori_workspace_get_path (self->workspace));
        g_autofree char *reason = g_strdup_printf (_("The server cannot be reached (%s)."), server);

        /* The server went away: what was typed stays in its cells, marked, and is saved
         * when the server answers again. */
        keep_unsaved (self, before, after, field, reason);
        gtk_widget_activate_action (GTK_WIDGET (self), "win.server-lost", NULL);
        mamori_widget_add_toast (GTK_WIDGET (self), _("Not saved yet: the server cannot be reached. The edit stays in its cell and is saved when the server answers again."));
        return FALSE;
      }
    if (!ok)
      {
        mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Asset"), error);
        return FALSE;
      }
  }
  for (guint i = 0; i < after->len; i++)
    g_hash_table_remove (self->unsaved, &((MamoriAsset *) after->pdata[i])->id);
  _mamori_ledger_page_recount (self);
  n = after->len;
  push_edit (self, EDIT_UPDATE, g_steal_pointer (&before), g_steal_pointer (&after),
             g_strdup_printf (ngettext ("editing %u asset", "editing %u assets", n), n));
  return TRUE;
}

/* --- edits the server could not take -------------------------------------------------------- */

const Unsaved *
_mamori_ledger_page_unsaved (MamoriLedgerPage *self,
                             gint64            id,
                             int               field)
{
  Unsaved *u = g_hash_table_lookup (self->unsaved, &id);

  for (guint i = 0; u != NULL && i < u->fields->len; i++)
    if (g_array_index (u->fields, int, i) == field)
      return u;
  return NULL;
}

/* Keeps after (the assets as edited; before: as they were) as unsaved edits of field. */
static void
keep_unsaved (MamoriLedgerPage *self,
              GPtrArray        *before,
              GPtrArray        *after,
              MamoriAssetField  field,
              const char       *reason)
{
  for (guint i = 0; i < after->len; i++)
    {
      MamoriAsset *a = after->pdata[i];
      Unsaved *u = g_hash_table_lookup (self->unsaved, &a->id);
      gboolean known = FALSE;

      if (u == NULL)
        {
          gint64 *key = g_memdup2 (&a->id, sizeof a->id);
          u = g_new0 (Unsaved, 1);
          u->fields = g_array_new (FALSE, FALSE, sizeof (int));
          for (guint j = 0; j < before->len && u->before == NULL; j++)
            if (((MamoriAsset *) before->pdata[j])->id == a->id)
              u->before = mamori_asset_copy (before->pdata[j]);
          if (u->before == NULL)
            u->before = mamori_asset_copy (a);
          g_hash_table_insert (self->unsaved, key, u);
        }
      g_clear_pointer (&u->asset, mamori_asset_free);
      u->asset = mamori_asset_copy (a);
      for (guint j = 0; j < u->fields->len; j++)
        known |= g_array_index (u->fields, int, j) == (int) field;
      if (!known)
        g_array_append_val (u->fields, field);
      g_free (u->reason);
      u->reason = g_strdup (reason);
    }
}

void
_mamori_ledger_page_retry_unsaved (MamoriLedgerPage *self)
{
  g_autoptr(GList) ids = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);

  if (self->workspace == NULL)
    return;
  ids = g_hash_table_get_keys (self->unsaved);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      gint64 id = *(gint64 *) l->data;
      Unsaved *u = g_hash_table_lookup (self->unsaved, &id);
      g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_ptr_array_add (one, mamori_asset_copy (u->asset));
      self->saving = TRUE;
      ok = mamori_workspace_update_assets (self->workspace, one, &error);
      self->saving = FALSE;
      if (!ok && mamori_workspace_error_is_disconnected (error))
        break;   /* still away: the next reconnection tries again */
      schedule_row_changed (self, id);
      if (!ok && g_error_matches (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT))
        {
          /* The connection may have gone after the save was sent: when the stored asset holds
           * the edit, it was saved after all. */
          g_autoptr(MamoriAsset) stored = mamori_workspace_get_asset (self->workspace, id, NULL);
          gboolean same = stored != NULL;

          for (guint f = 0; same && f < u->fields->len; f++)
            {
              int field = g_array_index (u->fields, int, f);
              g_autofree char *ours = mamori_asset_get_field_text (u->asset, field);
              g_autofree char *theirs = mamori_asset_get_field_text (stored, field);
              same = g_strcmp0 (ours, theirs) == 0;
            }
          if (same)
            {
              g_ptr_array_set_size (one, 0);
              g_ptr_array_add (one, g_steal_pointer (&stored));
              ok = TRUE;
            }
        }
      if (!ok)
        {
          /* Someone changed the asset meanwhile (or it went): theirs stays, and ours is said. */
          g_autofree char *heading = g_strdup_printf (_("Your Edit of “%s” Was Not Saved"), u->asset->name);
          mamori_widget_show_error (GTK_WIDGET (self), heading, error);
          g_hash_table_remove (self->unsaved, &id);
          continue;
        }
      g_ptr_array_add (before, g_steal_pointer (&u->before));
      g_ptr_array_add (after, g_ptr_array_steal_index (one, 0));
      g_hash_table_remove (self->unsaved, &id);
    }
  if (after->len > 0)
    {
      guint n = after->len;
      g_autofree char *said = g_strdup_printf (ngettext ("Saved %u asset edited while the server was away",
                                                         "Saved %u assets edited while the server was away", n), n);
      _mamori_ledger_page_recount (self);
      push_edit (self, EDIT_UPDATE, g_steal_pointer (&before), g_steal_pointer (&after),
                 g_strdup_printf (ngettext ("editing %u asset", "editing %u assets", n), n));
      mamori_widget_add_toast (GTK_WIDGET (self), said);
    }
}

gboolean
_mamori_ledger_page_commit_classification (MamoriLedgerPage *self,
                                           MamoriLedgerRow  *row,
                                           int               c,
                                           int               i,
                                           int               a,
                                           const char       *handling)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (self->binding || row == NULL)
    return FALSE;
  if (!mamori_classification_validate (c, i, a, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Asset"), error);
      return FALSE;
    }
  before = edit_targets (self, row);
  after = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  for (guint k = before->len; k-- > 0;)
    {
      const MamoriAsset *old = before->pdata[k];
      MamoriAsset *copy;

      if (old->classification_c == c && old->classification_i == i && old->classification_a == a &&
          g_strcmp0 (old->handling, handling) == 0)
        {
          g_ptr_array_remove_index (before, k);   /* unchanged: not part of the step */
          continue;
        }
      copy = mamori_asset_copy (old);
      copy->classification_c = c;
      copy->classification_i = i;
      copy->classification_a = a;
      g_free (copy->handling);
      copy->handling = g_strdup (handling ? handling : "");
      g_ptr_array_insert (after, 0, copy);
    }
  if (after->len == 0 || !save_assets (self, after))
    return FALSE;
  n = after->len;
  push_edit (self, EDIT_UPDATE, g_steal_pointer (&before), g_steal_pointer (&after),
             g_strdup_printf (ngettext ("classifying %u asset", "classifying %u assets", n), n));
  return TRUE;
}

static void
classify_response (AdwMessageDialog *dialog,
                   const char       *response,
                   MamoriLedgerPage *self)
{
  GtkWidget *group = adw_message_dialog_get_extra_child (dialog);
  MamoriLedgerRow *row = g_object_get_data (G_OBJECT (dialog), "mamori-row");
  g_autoptr(GError) error = NULL;
  g_autofree char *handling = NULL;
  int c, i, a;

  if (g_strcmp0 (response, "apply") != 0)
    return;
  if (!mamori_classification_rows_get_levels (group, &c, &i, &a, &handling, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Asset"), error);
      return;
    }
  _mamori_ledger_page_commit_classification (self, row, c, i, a, handling);
}

void
_mamori_ledger_page_classify (MamoriLedgerPage *self,
                              MamoriLedgerRow  *row)
{
  g_autoptr(GPtrArray) targets = NULL;
  const MamoriAsset *first;
  GtkWidget *dialog, *group;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;

  if (row == NULL || _mamori_ledger_page_refuse (self, mamori_ledger_row_get_asset (row)))
    return;
  targets = edit_targets (self, row);
  if (targets->len == 0)
    return;
  first = targets->pdata[0];
  heading = targets->len == 1 ? g_strdup_printf (_("Classify “%s”"), first->name)
                              : g_strdup_printf (ngettext ("Classify %u Asset", "Classify %u Assets", targets->len), targets->len);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   targets->len == 1 ? NULL
                                   : _("The classification and handling restrictions below replace those of every selected asset."));
  group = mamori_classification_rows_new_levels (first->classification_c, first->classification_i,
                                                 first->classification_a, first->handling);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), "");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "mamori-row", g_object_ref (row), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (classify_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
mamori_ledger_page_edit (MamoriLedgerPage *self,
                         guint             position,
                         MamoriAssetField  field,
                         const char       *text)
{
  g_autoptr(MamoriLedgerRow) row = self->model ? g_list_model_get_item (G_LIST_MODEL (self->model), position) : NULL;

  if (row == NULL)
    return FALSE;
  return _mamori_ledger_page_commit (self, row, field, text);
}

/* Ctrl+Z and Ctrl+Shift+Z: a step that fails (a dialog says why) is dropped. */
gboolean
mamori_ledger_page_undo (MamoriLedgerPage *self)
{
  return mamori_undo_stack_undo (self->undo, apply_edit, self);
}

gboolean
mamori_ledger_page_redo (MamoriLedgerPage *self)
{
  return mamori_undo_stack_redo (self->undo, apply_edit, self);
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  mamori_ledger_page_undo (MAMORI_LEDGER_PAGE (widget));
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  mamori_ledger_page_redo (MAMORI_LEDGER_PAGE (widget));
}

/* --- adding, duplicating, deleting, splitting ---------------------------------------------- */

gint64
mamori_ledger_page_add_asset (MamoriLedgerPage *self)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(GError) error = NULL;
  MamoriAsset *a = mamori_asset_new ();

  const MamoriAccess *access = mamori_workspace_get_access (self->workspace);

  g_free (a->name);
  a->name = g_strdup (_("New asset"));
  /* An editor's new asset is their (first) department's: the server takes no other. */
  if (!mamori_access_is_officer (access) && access->departments[0] != NULL)
    {
      g_free (a->managing_department);
      a->managing_department = g_strdup (access->departments[0]);
    }
  g_ptr_array_add (one, a);
  if (!mamori_workspace_add_assets (self->workspace, one, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Add the Asset"), error);
      return 0;
    }
  push_edit (self, EDIT_ADD, NULL, copy_assets (one), g_strdup_printf (ngettext ("adding %u asset", "adding %u assets", 1), 1));
  return a->id;
}

/* The selected rows' assets (copies), in view order. */
static GPtrArray *
selected_assets (MamoriLedgerPage *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(GtkBitset) set = NULL;
  GtkBitsetIter iter;
  guint pos;

  if (self->selection == NULL)
    return out;
  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &pos); ok; ok = gtk_bitset_iter_next (&iter, &pos))
    {
      g_autoptr(MamoriLedgerRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), pos);
      if (row != NULL)
        g_ptr_array_add (out, mamori_asset_copy (mamori_ledger_row_get_asset (row)));
    }
  return out;
}

/* The Undo button of the "Deleted" toast: undoes the deletion while it is the last step. */
static void
undo_delete (AdwToast *toast,
             gpointer  user_data)
{
  MamoriLedgerPage *self = g_object_get_data (G_OBJECT (toast), "mamori-page");
  guint id = GPOINTER_TO_UINT (user_data);

  if (self == NULL || mamori_undo_stack_get_undo_id (self->undo) != id)
    return;
  mamori_ledger_page_undo (self);
}

guint
mamori_ledger_page_delete_selected (MamoriLedgerPage *self)
{
  g_autoptr(GPtrArray) assets = selected_assets (self);
  guint id;

  if (assets->len == 0 || refuse_any (self, assets))
    return 0;
  _mamori_ledger_page_close_editor (self);
  if (!delete_assets (self, assets))
    return 0;
  id = push_edit (self, EDIT_DELETE, g_ptr_array_ref (assets), NULL,
                  g_strdup_printf (ngettext ("deleting %u asset", "deleting %u assets", assets->len), assets->len));
  {
    g_autofree char *title = g_strdup_printf (ngettext ("Deleted %u asset", "Deleted %u assets", assets->len), assets->len);
    AdwToast *toast = adw_toast_new (title);
    adw_toast_set_button_label (toast, _("_Undo"));
    g_object_set_data (G_OBJECT (toast), "mamori-page", self);
    g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_delete), GUINT_TO_POINTER (id));
    g_signal_connect_object (self, "destroy", G_CALLBACK (adw_toast_dismiss), toast, G_CONNECT_SWAPPED);
    mamori_widget_add_toast_object (GTK_WIDGET (self), toast);
  }
  return assets->len;
}

guint
mamori_ledger_page_duplicate_selected (MamoriLedgerPage *self)
{
  g_autoptr(GPtrArray) assets = selected_assets (self);
  g_autoptr(GError) error = NULL;

  if (assets->len == 0 || refuse_any (self, assets))
    return 0;
  if (!mamori_workspace_add_assets (self->workspace, assets, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Duplicate the Assets"), error);
      return 0;
    }
  push_edit (self, EDIT_ADD, NULL, copy_assets (assets),
             g_strdup_printf (ngettext ("duplicating %u asset", "duplicating %u assets", assets->len), assets->len));
  return assets->len;
}

guint
mamori_ledger_page_split_selected (MamoriLedgerPage *self,
                                   const char       *medium)
{
  g_autoptr(GPtrArray) assets = selected_assets (self);
  g_autoptr(GError) error = NULL;

  if (refuse_any (self, assets))
    return 0;
  for (guint i = 0; i < assets->len; i++)
    {
      MamoriAsset *a = assets->pdata[i];
      char *name = g_strdup_printf (_("%s (%s)"), a->name, medium);
      g_free (a->name);
      a->name = name;
      g_free (a->medium);
      a->medium = g_strdup (medium);
    }
  if (assets->len == 0)
    return 0;
  if (!mamori_workspace_add_assets (self->workspace, assets, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Split the Assets"), error);
      return 0;
    }
  push_edit (self, EDIT_ADD, NULL, copy_assets (assets),
             g_strdup_printf (ngettext ("splitting %u asset", "splitting %u assets", assets->len), assets->len));
  return assets->len;
}

static void
split_response (AdwMessageDialog *dialog,
                const char       *response,
                MamoriLedgerPage *self)
{
  GtkDropDown *drop = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop);

  if (g_str_equal (response, "split") && item != NULL)
    mamori_ledger_page_split_selected (self, gtk_string_object_get_string (item));
}

static void
split_action (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  MamoriLedgerPage *self = MAMORI_LEDGER_PAGE (widget);
  g_autoptr(GPtrArray) assets = selected_assets (self);
  g_autoptr(GtkStringList) media = gtk_string_list_new (NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *drop;
  g_autofree char *body = NULL;

  if (assets->len == 0)
    {
      mamori_widget_add_toast_object (widget, adw_toast_new (_("Select the assets to split first")));
      return;
    }
  for (guint i = 0; i < self->catalogue_media->len; i++)
    gtk_string_list_append (media, self->catalogue_media->pdata[i]);
  body = g_strdup_printf (ngettext ("Adds a copy of the selected asset kept on another medium — for example the "
                                    "paper print of an electronic file — so each copy gets the threats of its own medium.",
                                    "Adds a copy of each of the %u selected assets kept on another medium — for example "
                                    "the paper print of an electronic file — so each copy gets the threats of its own medium.",
                                    assets->len), assets->len);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Split by Medium"), body);
  drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (media)), NULL);
  gtk_widget_set_tooltip_text (drop, _("The medium of the copy"));
  /* Paper is the usual second copy. */
  for (guint i = 0; i < self->catalogue_media->len; i++)
    if (g_str_equal (self->catalogue_media->pdata[i], "書類"))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), i);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), drop);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "split", _("_Split"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "split", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "split");
  g_signal_connect_object (dialog, "response", G_CALLBACK (split_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  mamori_ledger_page_delete_selected (MAMORI_LEDGER_PAGE (widget));
}

/* The classification of the selected assets (the Classification column's dialog). */
static void
classify_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  MamoriLedgerPage *self = MAMORI_LEDGER_PAGE (widget);
  g_autoptr(GtkBitset) set = self->selection ? gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection)) : NULL;
  g_autoptr(MamoriLedgerRow) row = NULL;

  if (set == NULL || gtk_bitset_is_empty (set))
    {
      mamori_widget_add_toast_object (widget, adw_toast_new (_("Select the assets to classify first")));
      return;
    }
  row = g_list_model_get_item (G_LIST_MODEL (self->model), gtk_bitset_get_minimum (set));
  _mamori_ledger_page_classify (self, row);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  mamori_ledger_page_duplicate_selected (MAMORI_LEDGER_PAGE (widget));
}

/* --- import and export ---------------------------------------------------------------------- */

static void
imported (gpointer        owner,
          MamoriOpResult *result,
          const GError   *error)
{
  MamoriLedgerPage *self = owner;
  guint n;

  if (error != NULL)
    {
      mamori_widget_show_op_error (GTK_WIDGET (self), _("Could Not Import the Ledger"), result, error);
      return;
    }
  if (self->workspace == NULL)
    return;
  /* Stored through the worker's connection: this one tells the page (and the others). */
  mamori_workspace_announce_changes (self->workspace, (const char * const *) result->changed->pdata);
  n = result->assets->len;
  push_edit (self, EDIT_ADD, NULL, g_steal_pointer (&result->assets),
             g_strdup_printf (ngettext ("importing %u asset", "importing %u assets", n), n));
  {
    g_autofree char *toast = g_strdup_printf (ngettext ("Imported %u asset", "Imported %u assets", n), n);
    mamori_widget_add_toast (GTK_WIDGET (self), toast);
  }
}

/* Imports a ledger file (CSV or the IPA workbook) as one undoable step, in a worker (reading,
 * checking and storing 100,000 rows takes about a second); errors show a dialog. */
void
mamori_ledger_page_import_file (MamoriLedgerPage *self,
                                GFile            *file)
{
  g_autofree char *path = NULL;
  MamoriOpRequest request = { 0 };

  g_return_if_fail (MAMORI_IS_LEDGER_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  if (self->workspace == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GError) error = g_error_new (MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                                             _("“%s” is not a local file; copy it to this computer first."), uri);
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Import the Ledger"), error);
      return;
    }
  request.path = path;
  if (self->importer == NULL)
    self->importer = mamori_worker_new (self);
  mamori_worker_run_op (self->importer, mamori_op_find (MAMORI_OP_IMPORT, "assets"),
                        mamori_workspace_get_path (self->workspace), &request, imported);
}

gboolean
mamori_ledger_page_is_importing (MamoriLedgerPage *self)
{
  return self->importer != NULL && mamori_worker_is_running (self->importer);
}

static void
exported (gpointer              owner,
          MamoriOpResult       *result,
          const GError         *error)
{
  MamoriLedgerPage *self = owner;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.export", TRUE);
  if (error != NULL)
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Export the Ledger"), error);
  else
    mamori_widget_add_saved_toast (GTK_WIDGET (self), self->export_path);
  g_clear_pointer (&self->export_path, g_free);
}

/* Writes the whole ledger to path (.csv or .xlsx) in a worker: a large ledger takes seconds,
 * and the window goes on meanwhile. A toast with an Open button, or an error dialog, follows. */
void
mamori_ledger_page_export_file (MamoriLedgerPage *self,
                                const char       *path)
{
  MamoriOpRequest request = { .path = path };

  g_return_if_fail (MAMORI_IS_LEDGER_PAGE (self));
  if (self->workspace == NULL)
    return;
  if (self->exporter == NULL)
    self->exporter = mamori_worker_new (self);
  g_free (self->export_path);
  self->export_path = g_strdup (path);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.export", FALSE);
  mamori_worker_run_op (self->exporter, mamori_op_find (MAMORI_OP_EXPORT, "assets"),
                        mamori_workspace_get_path (self->workspace), &request, exported);
}

gboolean
mamori_ledger_page_is_exporting (MamoriLedgerPage *self)
{
  return self->exporter != NULL && mamori_worker_is_running (self->exporter);
}

static void
chooser_response (GtkNativeDialog  *dialog,
                  int               response,
                  MamoriLedgerPage *self)
{
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (saving)
        {
          g_autofree char *path = g_file_get_path (file);
          mamori_ledger_page_export_file (self, path);
        }
      else
        mamori_ledger_page_import_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
run_chooser (MamoriLedgerPage     *self,
             GtkFileChooserAction  action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL || self->workspace == NULL)
    return;
  chooser = gtk_file_chooser_native_new (action == GTK_FILE_CHOOSER_ACTION_SAVE ? _("Export the Ledger") : _("Import a Ledger"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, action,
                                         action == GTK_FILE_CHOOSER_ACTION_SAVE ? _("_Export") : _("_Import"),
                                         _("_Cancel"));
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("asset-ledger.xlsx"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  run_chooser (MAMORI_LEDGER_PAGE (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  run_chooser (MAMORI_LEDGER_PAGE (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
threats_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  MamoriLedgerPage *self = MAMORI_LEDGER_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->workspace == NULL)
    return;
  gtk_window_present (GTK_WINDOW (mamori_threat_catalogue_window_new (self->workspace,
                                                                      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL)));
}

/* The yearly stocktaking (棚卸): every entry was checked today; the calendar asks again in a
 * year. */
static void
stocktaking_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  MamoriLedgerPage *self = MAMORI_LEDGER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = mamori_today ();

  if (self->workspace == NULL)
    return;
  if (!mamori_workspace_record_stocktaking (self->workspace, today, &error))
    {
      mamori_widget_show_error (widget, _("Could Not Record the Stocktaking"), error);
      return;
    }
  mamori_widget_add_toast (widget, _("Stocktaking recorded: the calendar asks again in a year"));
}

/* --- the actions ---------------------------------------------------------------------------- */

/* Ctrl+Z and Ctrl+Shift+Z undo and redo every change of this page. */
void
_mamori_ledger_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "ledger.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "ledger.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "ledger.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "ledger.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "ledger.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "ledger.threats", NULL, threats_action);
  gtk_widget_class_install_action (widget_class, "ledger.stocktaking", NULL, stocktaking_action);
  gtk_widget_class_install_action (widget_class, "ledger.split", NULL, split_action);
  gtk_widget_class_install_action (widget_class, "ledger.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "ledger.classify", NULL, classify_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "ledger.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "ledger.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "ledger.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "ledger.redo", NULL);
}
