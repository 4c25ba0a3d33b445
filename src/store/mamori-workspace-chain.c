/* mamori-workspace-chain.c — the hash-chained change log and the table digests.
 *
 * A row's hash is SHA-256 over its table, rowid and values in a canonical text form (numbers
 * that are whole are written as integers, so 3 and 3.0 hash alike). A table's digest is the
 * lane-wise sum modulo 2^64 of its rows' hashes: adding a row adds its hash, deleting one
 * subtracts it, so the pre-update hook keeps it current at one hash per changed row. */
#include "config.h"

/* The pre-update hook's declarations are behind this macro in sqlite3.h; meson.build checks
 * that the library has the functions. */
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mamori-workspace-chain.h"
#include "mamori-workspace-internal.h"

#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct {
  guint64 lane[4];
} Lanes;

typedef struct {
  guint8 *data;
  gsize len, size;
} RowBuf;

typedef struct {
  char *entity;
  char *action;
  char *summary;
  char *at;
} Entry;

typedef struct {
  GHashTable *delta;   /* table name → Lanes* (added minus removed) */
  GPtrArray *entries;  /* Entry* queued for the change log */
} Level;

struct _MamoriChain {
  sqlite3 *db;
  RowBuf row;          /* reused: the hook runs for every changed row */
  GPtrArray *levels;   /* Level*, outermost first */
};

static void
entry_free (Entry *e)
{
  g_free (e->entity);
  g_free (e->action);
  g_free (e->summary);
  g_free (e->at);
  g_free (e);
}

static Level *
level_new (void)
{
  Level *l = g_new0 (Level, 1);
  l->delta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  l->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  return l;
}

static void
level_free (Level *l)
{
  g_hash_table_unref (l->delta);
  g_ptr_array_unref (l->entries);
  g_free (l);
}

static gboolean
table_is_followed (const char *name)
{
  return !g_str_has_prefix (name, "sqlite_") && strcmp (name, "change_log") != 0 &&
         strcmp (name, "table_digest") != 0;
}

/* --- hashing ----------------------------------------------------------------------------
 * The hook runs for every row of a bulk import, so a row's hash must cost a few hundred
 * instructions, not the ~15,000 of SHA-256 in GLib: a row is encoded into one buffer
 * (without printf) and mixed eight bytes at a time into four 64-bit lanes, each with its own
 * multiplier. This reveals edits made outside Mamori; it is not a cryptographic commitment
 * (nothing without a secret key could be), which is what the SHA-256 chain over the log and
 * the head hash printed in reports are for. */

static inline void
buf_reserve (RowBuf *b,
             gsize   extra)
{
  if (b->len + extra > b->size)
    {
      b->size = MAX (b->size * 2, b->len + extra + 64);
      b->data = g_realloc (b->data, b->size);
    }
}

static inline void
buf_put (RowBuf     *b,
         const void *data,
         gsize       len)
{
  buf_reserve (b, len);
  memcpy (b->data + b->len, data, len);
  b->len += len;
}

/* Values are written in binary: a tag byte, then 8 little-endian bytes for a number or a
 * 4-byte length and the bytes for a text or blob. */
static inline void
put_tagged (RowBuf *b,
            char    tag,
            guint64 bits)
{
  buf_reserve (b, 9);
  b->data[b->len++] = (guint8) tag;
  bits = GUINT64_TO_LE (bits);
  memcpy (b->data + b->len, &bits, 8);
  b->len += 8;
}

static void
hash_value (RowBuf        *b,
            sqlite3_value *v)
{
  int type = sqlite3_value_type (v);

  switch (type)
    {
    case SQLITE_INTEGER:
      put_tagged (b, 'I', (guint64) sqlite3_value_int64 (v));
      break;
    case SQLITE_FLOAT:
      {
        /* Whole numbers as integers, so 3 and 3.0 (as SQLite may store a REAL) hash alike. */
        double d = sqlite3_value_double (v);
        if (d == floor (d) && fabs (d) < 9007199254740992.0)
          put_tagged (b, 'I', (guint64) (gint64) d);
        else
          {
            guint64 bits;
            memcpy (&bits, &d, 8);
            put_tagged (b, 'F', bits);
          }
      }
      break;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      {
        /* _blob gives a text's bytes as they are; _text would copy it to add a NUL. The
         * workspace is UTF-8, so these are the UTF-8 bytes. */
        const void *data = sqlite3_value_blob (v);
        guint32 len = (guint32) sqlite3_value_bytes (v);
        guint32 le = GUINT32_TO_LE (len);
        buf_reserve (b, 5 + (gsize) len);
        b->data[b->len++] = type == SQLITE_TEXT ? 'T' : 'B';
        memcpy (b->data + b->len, &le, 4);
        b->len += 4;
        if (len > 0)
          memcpy (b->data + b->len, data, len);
        b->len += len;
      }
      break;
    default:
      buf_reserve (b, 1);
      b->data[b->len++] = 'N';
      break;
    }
}

static void
hash_row_start (RowBuf     *b,
                const char *table,
                gint64      rowid)
{
  b->len = 0;
  buf_put (b, table, strlen (table) + 1);
  put_tagged (b, 'R', (guint64) rowid);
}

static const guint64 lane_k[4] = {
  G_GUINT64_CONSTANT (0x9E3779B97F4A7C15), G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F),
  G_GUINT64_CONSTANT (0x165667B19E3779F9), G_GUINT64_CONSTANT (0xD6E8FEB86659FD93),
};

static inline guint64
lane_mix (guint64 h,
          guint64 k)
{
  h ^= h >> 31;
  h *= k;
  h ^= h >> 29;
  return h;
}

static void
hash_row_finish (RowBuf *b,
                 Lanes  *out)
{
  guint64 h[4] = { lane_k[1], lane_k[2], lane_k[3], lane_k[0] };
  gsize i = 0;

  for (; i + 8 <= b->len; i += 8)
    {
      guint64 w;
      memcpy (&w, b->data + i, 8);
      w = GUINT64_FROM_LE (w);
      for (int l = 0; l < 4; l++)
        h[l] = lane_mix (h[l] ^ w, lane_k[l]);
    }
  if (i < b->len)
    {
      guint64 w = 0;
      for (gsize k = 0; i + k < b->len; k++)
        w |= (guint64) b->data[i + k] << (8 * k);
      for (int l = 0; l < 4; l++)
        h[l] = lane_mix (h[l] ^ w, lane_k[l]);
    }
  for (int l = 0; l < 4; l++)
    out->lane[l] = lane_mix (lane_mix (h[l] ^ (guint64) b->len, lane_k[(l + 1) % 4]), lane_k[l]);
}

static void
lanes_add (Lanes       *acc,
           const Lanes *x,
           gboolean     subtract)
{
  for (int i = 0; i < 4; i++)
    acc->lane[i] = subtract ? acc->lane[i] - x->lane[i] : acc->lane[i] + x->lane[i];
}

static char *
lanes_to_hex (const Lanes *l)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER
                          "x%016" G_GINT64_MODIFIER "x",
                          l->lane[0], l->lane[1], l->lane[2], l->lane[3]);
}

static gboolean
lanes_from_hex (const char *hex,
                Lanes      *out)
{
  if (hex == NULL || strlen (hex) != 64)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      char part[17];
      char *end = NULL;
      memcpy (part, hex + i * 16, 16);
      part[16] = '\0';
      out->lane[i] = g_ascii_strtoull (part, &end, 16);
      if (end != part + 16)
        return FALSE;
    }
  return TRUE;
}

/* SHA-256 over the previous hash and the row's fields, each length-prefixed so that no
 * field can borrow text from its neighbour. */
static char *
chain_hash (const char  *prev,
            gint64       id,
            const char  *at,
            const char  *os_user,
            const char  *entity,
            const char  *action,
            const char  *summary,
            const char  *digests)
{
  g_autoptr(GChecksum) ck = g_checksum_new (G_CHECKSUM_SHA256);
  const char *fields[] = { prev, at, os_user, entity, action, summary, digests };
  char buf[32];
  int n = g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT ";", id);

  g_checksum_update (ck, (const guchar *) buf, n);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *f = fields[i] ? fields[i] : "";
      gsize len = strlen (f);
      n = g_snprintf (buf, sizeof buf, "%" G_GSIZE_FORMAT ":", len);
      g_checksum_update (ck, (const guchar *) buf, n);
      g_checksum_update (ck, (const guchar *) f, len);
    }
  return g_strdup (g_checksum_get_string (ck));
}

/* --- following the writes --------------------------------------------------------------- */

static void
preupdate (void          *data,
           sqlite3       *db,
           int            op,
           const char    *db_name,
           const char    *table,
           sqlite3_int64  key_old,
           sqlite3_int64  key_new)
{
  MamoriChain *chain = data;
  Level *level;
  Lanes *acc;
  int n = sqlite3_preupdate_count (db);

  if (strcmp (db_name, "main") != 0 || !table_is_followed (table))
    return;
  if (chain->levels->len == 0)
    {
      /* A write outside mamori_workspace_begin(): nothing would store its digest, so check
       * will report the table. Every store write goes through begin(). */
      g_debug ("chain: write to %s outside a transaction", table);
      return;
    }
  level = g_ptr_array_index (chain->levels, chain->levels->len - 1);
  acc = g_hash_table_lookup (level->delta, table);
  if (acc == NULL)
    {
      acc = g_new0 (Lanes, 1);
      g_hash_table_insert (level->delta, g_strdup (table), acc);
    }

  if (op == SQLITE_DELETE || op == SQLITE_UPDATE)
    {
      Lanes row;
      hash_row_start (&chain->row, table, key_old);
      for (int i = 0; i < n; i++)
        {
          sqlite3_value *v = NULL;
          if (sqlite3_preupdate_old (db, i, &v) == SQLITE_OK)
            hash_value (&chain->row, v);
        }
      hash_row_finish (&chain->row, &row);
      lanes_add (acc, &row, TRUE);
    }
  if (op == SQLITE_INSERT || op == SQLITE_UPDATE)
    {
      Lanes row;
      hash_row_start (&chain->row, table, key_new);
      for (int i = 0; i < n; i++)
        {
          sqlite3_value *v = NULL;
          if (sqlite3_preupdate_new (db, i, &v) == SQLITE_OK)
            hash_value (&chain->row, v);
        }
      hash_row_finish (&chain->row, &row);
      lanes_add (acc, &row, FALSE);
    }
}

MamoriChain *
mamori_chain_new (sqlite3 *db)
{
  MamoriChain *chain = g_new0 (MamoriChain, 1);

  chain->db = db;
  chain->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) level_free);
  sqlite3_preupdate_hook (db, preupdate, chain);
  return chain;
}

void
mamori_chain_free (MamoriChain *chain)
{
  if (chain == NULL)
    return;
  if (chain->db != NULL)
    sqlite3_preupdate_hook (chain->db, NULL, NULL);
  g_free (chain->row.data);
  g_ptr_array_unref (chain->levels);
  g_free (chain);
}

void
mamori_chain_begin (MamoriChain *chain)
{
  g_ptr_array_add (chain->levels, level_new ());
}

void
mamori_chain_rollback (MamoriChain *chain)
{
  if (chain->levels->len > 0)
    g_ptr_array_remove_index (chain->levels, chain->levels->len - 1);
}

void
mamori_chain_release (MamoriChain *chain)
{
  Level *inner, *outer;
  GHashTableIter iter;
  gpointer key, value;

  if (chain->levels->len < 2)
    return;
  inner = g_ptr_array_steal_index (chain->levels, chain->levels->len - 1);
  outer = g_ptr_array_index (chain->levels, chain->levels->len - 1);
  g_hash_table_iter_init (&iter, inner->delta);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Lanes *acc = g_hash_table_lookup (outer->delta, key);
      if (acc == NULL)
        {
          acc = g_new0 (Lanes, 1);
          g_hash_table_insert (outer->delta, g_strdup (key), acc);
        }
      lanes_add (acc, value, FALSE);
    }
  while (inner->entries->len > 0)
    g_ptr_array_add (outer->entries, g_ptr_array_steal_index (inner->entries, 0));
  level_free (inner);
}

void
mamori_chain_log (MamoriChain *chain,
                  const char  *entity,
                  const char  *action,
                  const char  *summary)
{
  Entry *e;

  if (chain->levels->len == 0)
    mamori_chain_begin (chain);
  e = g_new0 (Entry, 1);
  e->entity = g_strdup (entity);
  e->action = g_strdup (action);
  e->summary = g_strdup (summary);
  e->at = mamori_workspace_now ();
  g_ptr_array_add (((Level *) g_ptr_array_index (chain->levels, chain->levels->len - 1))->entries, e);
}

/* --- writing ---------------------------------------------------------------------------- */

static int
step_done (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* The newest hashed row; prev = ZERO_HASH and id = 0 for an empty log. */
static int
read_head (sqlite3  *db,
           char    **prev,
           gint64   *max_id)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT (SELECT hash FROM change_log WHERE hash <> '' ORDER BY id DESC LIMIT 1), "
                                   "coalesce ((SELECT max (id) FROM change_log), 0)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *h = (const char *) sqlite3_column_text (stmt, 0);
      *prev = g_strdup (h ? h : ZERO_HASH);
      *max_id = sqlite3_column_int64 (stmt, 1);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static int
append_row (sqlite3    *db,
            char      **prev,
            gint64      id,
            const char *at,
            const char *entity,
            const char *action,
            const char *summary,
            const char *digests)
{
  const char *user = g_get_user_name ();
  g_autofree char *hash = chain_hash (*prev, id, at, user, entity, action, summary, digests);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "INSERT INTO change_log (id, at, os_user, entity, action, summary, digests, hash) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, user, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, summary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, digests, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, hash, -1, SQLITE_STATIC);
  rc = step_done (stmt);
  if (rc == SQLITE_OK)
    {
      g_free (*prev);
      *prev = g_steal_pointer (&hash);
    }
  return rc;
}

static int
read_digest (sqlite3    *db,
             const char *table,
             Lanes      *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT digest FROM table_digest WHERE tbl = ?1", -1, &stmt, NULL);

  memset (out, 0, sizeof *out);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      lanes_from_hex ((const char *) sqlite3_column_text (stmt, 0), out);
      rc = SQLITE_OK;
    }
  else if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  sqlite3_finalize (stmt);
  return rc;
}

static int
write_digest (sqlite3    *db,
              const char *table,
              const char *hex,
              gint64      log_id)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO table_digest (tbl, digest, log_id) VALUES (?1, ?2, ?3)",
                               -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, hex, -1, SQLITE_STATIC);
  if (log_id > 0)
    sqlite3_bind_int64 (stmt, 3, log_id);
  else
    sqlite3_bind_null (stmt, 3);
  return step_done (stmt);
}

static int
compare_str (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
mamori_chain_flush (MamoriChain *chain,
                    sqlite3     *db)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  g_autoptr(GPtrArray) hexes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) digests = g_string_new (NULL);
  g_autofree char *prev = NULL;
  Level *level;
  GHashTableIter iter;
  gpointer key;
  gint64 id = 0, last_id = 0;
  int rc = SQLITE_OK;

  if (chain->levels->len == 0)
    return SQLITE_OK;
  level = g_ptr_array_index (chain->levels, 0);

  g_hash_table_iter_init (&iter, level->delta);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (tables, key);
  g_ptr_array_sort (tables, compare_str);

  for (guint i = 0; rc == SQLITE_OK && i < tables->len; i++)
    {
      Lanes current;
      const char *t = tables->pdata[i];
      rc = read_digest (db, t, &current);
      lanes_add (&current, g_hash_table_lookup (level->delta, t), FALSE);
      g_ptr_array_add (hexes, lanes_to_hex (&current));
      g_string_append_printf (digests, "%s%s=%s", i ? ";" : "", t, (char *) hexes->pdata[i]);
    }

  if (rc == SQLITE_OK && level->entries->len > 0)
    rc = read_head (db, &prev, &id);
  for (guint i = 0; rc == SQLITE_OK && i < level->entries->len; i++)
    {
      Entry *e = level->entries->pdata[i];
      last_id = ++id;
      rc = append_row (db, &prev, last_id, e->at, e->entity, e->action, e->summary, digests->str);
    }
  for (guint i = 0; rc == SQLITE_OK && i < tables->len; i++)
    rc = write_digest (db, tables->pdata[i], hexes->pdata[i], last_id);

  /* The level is done either way: on failure the caller rolls the transaction back. */
  g_ptr_array_set_size (chain->levels, 0);
  return rc;
}

/* --- recomputing ------------------------------------------------------------------------ */

static int
list_tables (sqlite3   *db,
             GPtrArray *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                               -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      if (table_is_followed (name))
        g_ptr_array_add (out, g_strdup (name));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int
compute_digest (sqlite3    *db,
                const char *table,
                Lanes      *out)
{
  RowBuf b = { 0 };
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  char *quoted = sqlite3_mprintf ("%w", table);
  int rc;

  sql = g_strdup_printf ("SELECT rowid, * FROM \"%s\"", quoted);
  sqlite3_free (quoted);
  memset (out, 0, sizeof *out);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Lanes row;
      int n = sqlite3_column_count (stmt);
      hash_row_start (&b, table, sqlite3_column_int64 (stmt, 0));
      for (int i = 1; i < n; i++)
        hash_value (&b, sqlite3_column_value (stmt, i));
      hash_row_finish (&b, &row);
      lanes_add (out, &row, FALSE);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  g_free (b.data);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The canonical text of a row written before the chain, for the seal's block hash. */
static void
hash_unsealed_row (GChecksum    *block,
                   sqlite3_stmt *stmt)
{
  g_autofree char *h = chain_hash ("", sqlite3_column_int64 (stmt, 0),
                                   (const char *) sqlite3_column_text (stmt, 1),
                                   (const char *) sqlite3_column_text (stmt, 2),
                                   (const char *) sqlite3_column_text (stmt, 3),
                                   (const char *) sqlite3_column_text (stmt, 4),
                                   (const char *) sqlite3_column_text (stmt, 5), "");
  g_checksum_update (block, (const guchar *) h, strlen (h));
}

#define LOG_COLUMNS "SELECT id, at, os_user, entity, action, summary, digests, hash FROM change_log "

static int
seal (sqlite3 *db)
{
  g_autoptr(GChecksum) block = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *prev = NULL;
  g_autofree char *at = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *digests = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 max_id = 0;
  guint n = 0;
  /* Once the chain has started, earlier rows are sealed already. */
  int rc = sqlite3_prepare_v2 (db, LOG_COLUMNS "WHERE hash = '' AND NOT EXISTS (SELECT 1 FROM change_log WHERE hash <> '') "
                                   "ORDER BY id", -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      hash_unsealed_row (block, stmt);
      n++;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rc;
  if (n == 0)
    return SQLITE_OK;
  rc = read_head (db, &prev, &max_id);
  if (rc != SQLITE_OK)
    return rc;
  at = mamori_workspace_now ();
  summary = g_strdup_printf (ngettext ("The %u change before the log was chained, sealed as one block",
                                       "The %u changes before the log was chained, sealed as one block", n), n);
  digests = g_strdup_printf ("block=%s", g_checksum_get_string (block));
  return append_row (db, &prev, max_id + 1, at, "change_log", "seal", summary, digests);
}

int
mamori_chain_after_migration (sqlite3 *db)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  int rc = seal (db);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "DELETE FROM table_digest", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = list_tables (db, tables);
  for (guint i = 0; rc == SQLITE_OK && i < tables->len; i++)
    {
      Lanes l;
      g_autofree char *hex = NULL;
      rc = compute_digest (db, tables->pdata[i], &l);
      if (rc == SQLITE_OK)
        {
          hex = lanes_to_hex (&l);
          rc = write_digest (db, tables->pdata[i], hex, 0);
        }
    }
  return rc;
}

/* --- verifying -------------------------------------------------------------------------- */

static void
add_row_problem (GPtrArray    *problems,
                 sqlite3_stmt *stmt,
                 const char   *why)
{
  g_ptr_array_add (problems,
                   g_strdup_printf (_("Change-log row %lld (%s, %s %s) does not verify: %s"),
                                    (long long) sqlite3_column_int64 (stmt, 0),
                                    (const char *) sqlite3_column_text (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 3),
                                    (const char *) sqlite3_column_text (stmt, 4), why));
}

static int
verify_log (sqlite3   *db,
            GPtrArray *problems,
            gint64    *max_id)
{
  g_autoptr(GChecksum) block = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *prev = g_strdup (ZERO_HASH);
  gboolean chained = FALSE;
  guint unsealed = 0;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, LOG_COLUMNS "ORDER BY id", -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *hash = (const char *) sqlite3_column_text (stmt, 7);
      const char *digests = (const char *) sqlite3_column_text (stmt, 6);
      g_autofree char *expected = NULL;

      rc = SQLITE_OK;
      *max_id = sqlite3_column_int64 (stmt, 0);
      if (hash == NULL || *hash == '\0')
        {
          if (chained)
            {
              add_row_problem (problems, stmt, _("it has no hash although rows before it do."));
              break;
            }
          hash_unsealed_row (block, stmt);
          unsealed++;
          continue;
        }
      if (!chained && unsealed > 0)
        {
          g_autofree char *want = g_strdup_printf ("block=%s", g_checksum_get_string (block));
          if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), "seal") != 0 ||
              g_strcmp0 (digests, want) != 0)
            {
              add_row_problem (problems, stmt, _("the rows written before the log was chained were changed or removed."));
              break;
            }
        }
      chained = TRUE;
      expected = chain_hash (prev, sqlite3_column_int64 (stmt, 0),
                             (const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2),
                             (const char *) sqlite3_column_text (stmt, 3),
                             (const char *) sqlite3_column_text (stmt, 4),
                             (const char *) sqlite3_column_text (stmt, 5), digests);
      if (strcmp (expected, hash) != 0)
        {
          add_row_problem (problems, stmt, _("its content or the row before it was changed, or a row was removed."));
          break;
        }
      g_free (prev);
      prev = g_strdup (hash);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW || rc == SQLITE_OK ? SQLITE_OK : rc;
}

/* The digests text of one change-log row, or NULL. */
static char *
log_digests (sqlite3 *db,
             gint64   id)
{
  sqlite3_stmt *stmt = NULL;
  char *out = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT digests FROM change_log WHERE id = ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return out;
}

static int
verify_tables (sqlite3   *db,
               GPtrArray *problems,
               gint64     max_log_id)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  int rc = list_tables (db, tables);

  for (guint i = 0; rc == SQLITE_OK && i < tables->len; i++)
    {
      const char *t = tables->pdata[i];
      sqlite3_stmt *stmt = NULL;
      g_autofree char *stored = NULL;
      g_autofree char *actual_hex = NULL;
      gint64 log_id = 0;
      Lanes actual;

      rc = sqlite3_prepare_v2 (db, "SELECT digest, log_id FROM table_digest WHERE tbl = ?1", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, t, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              stored = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
              log_id = sqlite3_column_int64 (stmt, 1);
            }
        }
      sqlite3_finalize (stmt);
      if (rc == SQLITE_OK)
        rc = compute_digest (db, t, &actual);
      if (rc != SQLITE_OK)
        break;
      actual_hex = lanes_to_hex (&actual);
      if (stored == NULL)
        stored = g_strdup (ZERO_HASH);
      if (strcmp (stored, actual_hex) != 0)
        {
          if (log_id > 0)
            g_ptr_array_add (problems, g_strdup_printf (_("The table “%s” was changed outside Mamori after change-log row %lld: its rows do not match the digest recorded there."),
                                                        t, (long long) log_id));
          else
            g_ptr_array_add (problems, g_strdup_printf (_("The table “%s” was changed outside Mamori: its rows do not match their recorded digest."), t));
          continue;
        }
      if (log_id > 0)
        {
          g_autofree char *digests = log_digests (db, log_id);
          g_autofree char *want = g_strdup_printf ("%s=%s", t, stored);
          g_auto(GStrv) parts = digests ? g_strsplit (digests, ";", -1) : NULL;

          if (log_id > max_log_id || digests == NULL)
            g_ptr_array_add (problems, g_strdup_printf (_("Change-log row %lld, the newest change of the table “%s”, is missing."),
                                                        (long long) log_id, t));
          else if (!g_strv_contains ((const char * const *) parts, want))
            g_ptr_array_add (problems, g_strdup_printf (_("Change-log row %lld does not verify: the digest it records for the table “%s” differs from the table’s."),
                                                        (long long) log_id, t));
        }
    }
  return rc;
}

static int
verify_trigger (sqlite3   *db,
                GPtrArray *problems)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1 AND tbl_name = 'document_version'",
                               -1, &stmt, NULL);
  gboolean ok = FALSE;

  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_text (stmt, 1, MAMORI_APPROVED_TRIGGER_NAME, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), MAMORI_APPROVED_TRIGGER_SQL) == 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rc;
  if (!ok)
    g_ptr_array_add (problems, g_strdup (_("The rule that keeps approved document versions final was removed or changed.")));
  return SQLITE_OK;
}

int
mamori_chain_verify (sqlite3   *db,
                     GPtrArray *problems)
{
  gint64 max_id = 0;
  int rc = verify_log (db, problems, &max_id);

  if (rc == SQLITE_OK)
    rc = verify_trigger (db, problems);
  if (rc == SQLITE_OK)
    rc = verify_tables (db, problems, max_id);
  return rc;
}

gboolean
mamori_chain_head (sqlite3  *db,
                   char    **hash,
                   gint64   *id)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT hash, id FROM change_log WHERE hash <> '' ORDER BY id DESC LIMIT 1",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *id = sqlite3_column_int64 (stmt, 1);
      found = TRUE;
    }
  sqlite3_finalize (stmt);
  return found;
}

char *
mamori_chain_line_hash (const char *prev_hash,
                        gint64      id,
                        const char *at,
                        const char *user,
                        const char *entity,
                        const char *action,
                        const char *summary)
{
  g_autofree char *text = g_strdup_printf ("%s\037%" G_GINT64_FORMAT "\037%s\037%s\037%s\037%s\037%s",
                                           prev_hash, id, at, user, entity, action, summary);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}
