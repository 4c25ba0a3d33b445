/* mamori-ledger-page-private.h — what the ledger page's files share: its instance, its columns
 * and the functions one part calls in another */
#pragma once

#include "mamori-ledger-model.h"
#include "mamori-ledger-page.h"
#include "mamori-ledger-row.h"
#include "mamori-undo-stack.h"
#include "ops/mamori-worker.h"

G_BEGIN_DECLS

/* The page is one type in four files:
 *   mamori-ledger-page.c          the type, the workspace, the filters and the status line
 *   mamori-ledger-page-columns.c  the columns, the header, the rows, the frozen columns
 *   mamori-ledger-page-editor.c   the cell editor and the keyboard movement between cells
 *   mamori-ledger-page-actions.c  the ledger.* actions, undo, adding and deleting, import, export */

typedef enum {
  COL_TEXT,
  COL_FLAG,
  COL_LEVEL,        /* 0–2 */
  COL_THREAT,       /* — (from the medium), 1–3 */
  COL_VULNERABILITY,/* 1–3 */
  COL_COMPUTED,
  COL_BAND,
  COL_TREATMENT,
  COL_TARGET,       /* — (unchanged), 1–3 */
  COL_RESIDUAL,     /* risk after the planned measure */
  COL_CLASS,        /* the government classification's label; edited in a dialog */
} ColumnKind;

typedef struct {
  const char *title;   /* N_() */
  ColumnKind kind;
  int field;           /* MamoriAssetField, or MAMORI_ASSET_SORT_* for computed columns */
  const char *tooltip; /* N_() or NULL */
  const char *title5;  /* N_(): the title with the 5 × 5 method, or NULL: the same */
  const char *tooltip5;
} ColumnSpec;

#define N_COLUMNS 28

/* The first columns (category and asset name) stay in view when the grid scrolls sideways, as
 * frozen panes do in a spreadsheet. */
#define N_FROZEN 2

struct _MamoriLedgerPage {
  AdwBin parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown *department_drop;
  GtkDropDown *band_drop;
  GtkDropDown *sort_drop;
  GtkToggleButton *descending_button;
  GtkLabel *count_label;
  GtkButton *add_button;
  GtkDropDown *medium_drop;
  GtkDropDown *class_drop;    /* the classification filter (MamoriAssetClassFilter order) */
  GtkStack *stack;
  GtkScrolledWindow *header_scroller;
  GtkScrolledWindow *list_scroller;
  GtkScrollbar *vertical_scrollbar;
  GtkBox *header_box;
  GtkListView *list_view;

  MamoriWorkspace *workspace;
  MamoriWorker *exporter;     /* the ledger written to a file, off the main thread */
  MamoriWorker *importer;     /* a ledger file read and stored, off the main thread */
  char *export_path;
  MamoriLedgerModel *model;
  GtkStringList *departments;
  GtkStringList *media;       /* "All media", then the media in use */
  GPtrArray *catalogue_media; /* char*: the media of the threat catalogue, for the editor */
  gboolean binding;           /* TRUE while cells are being filled in */
  gboolean saving;            /* TRUE while this page saves one row */
  gboolean what_if;           /* Risk and Band as if every planned measure were done */
  GtkWidget *editor;          /* the open cell editor (a popover on a cell), if any */
  guint anchor;               /* where a Shift+click range starts */
  gboolean filling;           /* TRUE while the filter choices are refilled: no query for each */
  MamoriRiskMethod method;    /* the workspace's risk method */
  gboolean by_cell;           /* showing one heatmap cell (from the heatmap page) */
  gboolean cell_likelihood;   /* … of the threat × vulnerability grid */
  guint cell_probability;
  guint cell_impact;
  GtkButton *cell_button;     /* says which cell; a click shows every asset again */
  char *cell_name;            /* that cell as the heatmap names it: "大 6" */
  AdwStatusPage *no_match_page;
  GtkButton *clear_filters_button;
  gint64 open_new;            /* an asset just added with +: select it and edit its name once shown */
  char *queried_text;         /* the search text of the last query */
  GtkStringList *bands;       /* the band filter's choices for that method */
  GtkToggleButton *what_if_button;
  MamoriUndoStack *undo;      /* Edit* steps (mamori-ledger-page-actions.c): before/after pairs */
  GCancellable *cancellable;
  GtkMultiSelection *selection;
  GtkNativeDialog *chooser;
  gulong changed_id;
  GHashTable *unsaved;        /* asset id (gint64*) → Unsaved*: edits the server could not take */
  guint retry_id;             /* an idle that tries the unsaved edits again */
  char *access_seen;          /* the role the rows were drawn for (mamori_access_describe) */
};

/* Edits of one asset that could not be saved because the server went away: they stay in their
 * cells (marked, with the reason) and are saved when it answers again. */
typedef struct {
  MamoriAsset *before;        /* the asset before the first unsaved edit (for undo) */
  MamoriAsset *asset;         /* the asset as edited, with the row version it was edited over */
  GArray *fields;             /* MamoriAssetField: the fields edited */
  char *reason;
} Unsaved;

/* mamori-ledger-page.c */
/* After an edit of this page: the counts follow, the rows stay where they are. */
void         _mamori_ledger_page_recount            (MamoriLedgerPage *self);

/* mamori-ledger-page-columns.c */
/* The columns, left to right: N_COLUMNS of them. */
extern const ColumnSpec *const _mamori_ledger_page_columns;
const char  *_mamori_ledger_page_column_title       (const ColumnSpec *spec,
                                                     MamoriRiskMethod  method);
const char  *_mamori_ledger_page_column_tooltip     (const ColumnSpec *spec,
                                                     MamoriRiskMethod  method);
int          _mamori_ledger_page_column_width       (const ColumnSpec *spec);
/* The width of the frozen columns together. */
int          _mamori_ledger_page_frozen_width       (void);
/* The 5 × 5 field a computed column edits with that method, or -1. */
int          _mamori_ledger_page_field5_of          (const ColumnSpec *spec,
                                                     MamoriRiskMethod  method);
/* Whether the user reads English (band names and some widths follow). */
gboolean     _mamori_ledger_page_english            (void);
const char  *_mamori_ledger_page_band_name          (MamoriRiskMethod  method,
                                                     int               band);
const char  *_mamori_ledger_page_treatment_label    (MamoriTreatment   t);
/* Fills the header and sets up the list's rows and sideways scrolling (once, from init). */
void         _mamori_ledger_page_build_columns      (MamoriLedgerPage *self);
void         _mamori_ledger_page_update_header_sort (MamoriLedgerPage *self);

/* mamori-ledger-page-editor.c */
/* Closes the cell editor at once: the rows under it are about to change. */
void         _mamori_ledger_page_close_editor       (MamoriLedgerPage *self);
/* Opens the editor for column c of row (at position) over cell; a click on a flag toggles it. */
void         _mamori_ledger_page_edit_cell          (MamoriLedgerPage *self,
                                                     MamoriLedgerRow  *row,
                                                     guint             position,
                                                     guint             c,
                                                     GtkWidget        *cell,
                                                     gboolean          keyboard);
/* Takes the editor open on (or just closed from) a cell of the row box along with it. */
void         _mamori_ledger_page_release_editor     (MamoriLedgerPage *self,
                                                     GtkWidget        *box);
/* The list view's "activate" (Enter on a row). */
void         _mamori_ledger_page_list_activated     (GtkListView      *view,
                                                     guint             position,
                                                     MamoriLedgerPage *self);

/* Whether the user's role may change asset a (its department's, for an editor). */
gboolean     _mamori_ledger_page_may_edit           (MamoriLedgerPage  *self,
                                                     const MamoriAsset *a);
/* Says in a toast why the asset cannot be changed; FALSE when it can (nothing said). */
gboolean     _mamori_ledger_page_refuse             (MamoriLedgerPage  *self,
                                                     const MamoriAsset *a);
/* The unsaved edit of field of asset id, or NULL. */
const Unsaved *_mamori_ledger_page_unsaved          (MamoriLedgerPage  *self,
                                                     gint64             id,
                                                     int                field);

/* mamori-ledger-page-actions.c */
/* Applies text to field of row's asset (of every selected asset when row is one of them) as
 * one undo step; TRUE when a step was recorded. */
gboolean     _mamori_ledger_page_commit             (MamoriLedgerPage *self,
                                                     MamoriLedgerRow  *row,
                                                     MamoriAssetField  field,
                                                     const char       *text);
/* Sets the government classification of row's asset (of every selected asset when row is one
 * of them) as one undo step; TRUE when a step was recorded. */
gboolean     _mamori_ledger_page_commit_classification (MamoriLedgerPage *self,
                                                        MamoriLedgerRow  *row,
                                                        int               c,
                                                        int               i,
                                                        int               a,
                                                        const char       *handling);
/* Tries the unsaved edits again (the server may answer again): saved ones become undo steps,
 * ones someone else's change overtook are dropped with a message. */
void         _mamori_ledger_page_retry_unsaved      (MamoriLedgerPage *self);
/* Opens the classification dialog for row (and the selection it is part of). */
void         _mamori_ledger_page_classify           (MamoriLedgerPage *self,
                                                     MamoriLedgerRow  *row);
/* Installs the ledger.* actions and their keys (from class_init). */
void         _mamori_ledger_page_class_actions_init (GtkWidgetClass   *widget_class);

/* For tests only. */
void         mamori_ledger_page_set_filter          (MamoriLedgerPage *self,
                                                     const char       *text,
                                                     int               band);
guint        mamori_ledger_page_get_n_rows          (MamoriLedgerPage *self);
GListModel  *mamori_ledger_page_get_model           (MamoriLedgerPage *self);
GtkSelectionModel *mamori_ledger_page_get_selection (MamoriLedgerPage *self);
gboolean     mamori_ledger_page_is_exporting        (MamoriLedgerPage *self);
gboolean     mamori_ledger_page_is_importing        (MamoriLedgerPage *self);

G_END_DECLS
