/* mamori-workspace-chain.h — the tamper-evident change log (store-internal).
 *
 * Every change-log row stores a SHA-256 hash over the previous row's hash and its own
 * content (when, who, what, and the digests of the tables the change touched). Each table
 * has a digest: the sum, lane by lane modulo 2^64, of SHA-256 hashes of its rows (a multiset
 * hash), kept up to date from SQLite's pre-update hook, so a write costs one hash per changed
 * row and never a scan. `check` recomputes every digest from the rows and walks the chain. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _MamoriChain MamoriChain;

/* Starts following the writes of db (a read-write connection). */
MamoriChain *mamori_chain_new          (sqlite3     *db);
void         mamori_chain_free         (MamoriChain *chain);

/* Transaction levels: begin opens one (BEGIN or a savepoint), release merges a nested one
 * into the one around it, rollback forgets the innermost one. */
void         mamori_chain_begin        (MamoriChain *chain);
void         mamori_chain_release      (MamoriChain *chain);
void         mamori_chain_rollback     (MamoriChain *chain);

/* Queues a change-log line in the innermost level; it is written at the outermost commit. */
void         mamori_chain_log          (MamoriChain *chain,
                                        const char  *entity,
                                        const char  *action,
                                        const char  *summary);

/* Before the outermost COMMIT: stores the new table digests and appends the queued lines to
 * the chain, in the same transaction. Returns an sqlite result code. */
int          mamori_chain_flush        (MamoriChain *chain,
                                        sqlite3     *db);

/* Used by the migrations, inside their transaction: the first time, seals the rows written
 * before the chain existed as one block; then recomputes every table digest from scratch
 * (a migration may add columns, which changes every row). Returns an sqlite result code. */
int          mamori_chain_after_migration (sqlite3  *db);

/* Walks the chain, the approved-version trigger and every table digest; one line per problem,
 * the first failing change-log row named. Returns an sqlite result code. */
int          mamori_chain_verify       (sqlite3    *db,
                                        GPtrArray  *problems);

/* The newest row's hash (64 hex digits) and id; FALSE when the chain is empty. */
gboolean     mamori_chain_head         (sqlite3    *db,
                                        char      **hash,
                                        gint64     *id);

/* A server's change log (mamori-workspace-pg.c): each line's hash covers the line before it and
 * its own fields, hex SHA-256. Lines are appended under the advisory lock MAMORI_CHAIN_LOCK_KEY. */
#define MAMORI_CHAIN_LOCK_KEY "7310591220"
char        *mamori_chain_line_hash    (const char *prev_hash,
                                        gint64      id,
                                        const char *at,
                                        const char *user,
                                        const char *entity,
                                        const char *action,
                                        const char *summary);

G_END_DECLS
