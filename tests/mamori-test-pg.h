/* mamori-test-pg.h — the tests' PostgreSQL server: a new empty database per workspace.
 *
 * MAMORI_TEST_PG names a database on a server the tests may create databases on (a postgresql://
 * URI; build-aux/pg-test-cluster.sh starts a throwaway one, see HACKING.md). Without it the
 * server tests are skipped with a message, except under CI=true, where they fail. */
#pragma once

#include <glib.h>
#include <libpq-fe.h>
#include <string.h>
#include <unistd.h>

typedef enum {
  TEST_ENGINE_SQLITE,
  TEST_ENGINE_POSTGRESQL,
} TestEngine;

static GPtrArray *test_pg_databases;   /* the databases made, dropped by test_pg_cleanup */

/* TRUE when the server tests can run; otherwise skips (or, under CI, fails) the current test. */
static inline gboolean
test_pg_available (void)
{
  const char *uri = g_getenv ("MAMORI_TEST_PG");

  if (uri != NULL && *uri != '\0')
    return TRUE;
  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_test_fail_printf ("MAMORI_TEST_PG is not set, and CI=true: the PostgreSQL tests must run in CI "
                        "(.ci/run starts a cluster with build-aux/pg-test-cluster.sh)");
  else
    g_test_skip ("MAMORI_TEST_PG is not set: no PostgreSQL server to test against "
                 "(eval \"$(build-aux/pg-test-cluster.sh start)\" starts one; see HACKING.md)");
  return FALSE;
}

static inline PGconn *
test_pg_connect (const char *uri)
{
  PGconn *conn = PQconnectdb (uri);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to %s: %s", uri, PQerrorMessage (conn));
  return conn;
}

/* Runs sql on uri; returns the SQLSTATE of its error ("" when it succeeded). */
static inline char *
test_pg_exec (const char *uri,
              const char *sql)
{
  PGconn *conn = test_pg_connect (uri);
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);
  const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  char *out = g_strdup (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ? "" : state != NULL ? state : "?");

  PQclear (result);
  PQfinish (conn);
  return out;
}

/* The URI of MAMORI_TEST_PG with another database. */
static inline char *
test_pg_uri_for (const char *dbname)
{
  char *errmsg = NULL;
  PQconninfoOption *options = PQconninfoParse (g_getenv ("MAMORI_TEST_PG"), &errmsg);
  GString *uri = g_string_new ("postgresql:///");
  gboolean first = TRUE;

  g_assert_nonnull (options);
  g_string_append (uri, dbname);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      g_autofree char *value = NULL;
      if (o->val == NULL || *o->val == '\0' || strcmp (o->keyword, "dbname") == 0)
        continue;
      value = g_uri_escape_string (o->val, "/", FALSE);
      g_string_append_printf (uri, "%c%s=%s", first ? '?' : '&', o->keyword, value);
      first = FALSE;
    }
  PQconninfoFree (options);
  return g_string_free (uri, FALSE);
}

/* A new empty database on the test server; its URI. */
static inline char *
test_pg_new_database (void)
{
  static int counter;
  g_autofree char *name = g_strdup_printf ("mamori_t%d_%d", (int) getpid (), ++counter);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", name);
  /* One left by an earlier run whose process had the same id and did not finish. */
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
  g_autofree char *dropped = test_pg_exec (g_getenv ("MAMORI_TEST_PG"), drop);
  g_autofree char *state = test_pg_exec (g_getenv ("MAMORI_TEST_PG"), sql);

  g_assert_cmpstr (state, ==, "");
  if (test_pg_databases == NULL)
    test_pg_databases = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (test_pg_databases, g_strdup (name));
  return test_pg_uri_for (name);
}

/* The URI of the database at uri for another login. */
static inline char *
test_pg_uri_as (const char *uri,
                const char *user)
{
  g_autoptr(GRegex) re = g_regex_new ("user=[^&]*", 0, 0, NULL);
  g_autofree char *with = g_strdup_printf ("user=%s", user);

  return g_regex_replace_literal (re, uri, -1, 0, with, 0, NULL);
}

/* A login of the test cluster named base_PID (logins belong to the whole cluster, so the
 * process id keeps runs apart), made if it is not there yet. */
static inline char *
test_pg_new_login (const char *base)
{
  char *name = g_strdup_printf ("%s_%d", base, (int) getpid ());
  g_autofree char *sql = g_strdup_printf ("DO $$BEGIN CREATE ROLE %s LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END$$",
                                          name);
  g_autofree char *state = test_pg_exec (g_getenv ("MAMORI_TEST_PG"), sql);

  g_assert_cmpstr (state, ==, "");
  return name;
}

/* Drops the databases made (call after g_test_run). */
static inline void
test_pg_cleanup (void)
{
  for (guint i = 0; test_pg_databases != NULL && i < test_pg_databases->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)",
                                              (const char *) test_pg_databases->pdata[i]);
      g_autofree char *state = test_pg_exec (g_getenv ("MAMORI_TEST_PG"), sql);
      if (*state != '\0')
        g_printerr ("could not drop %s: %s\n", (const char *) test_pg_databases->pdata[i], state);
    }
  g_clear_pointer (&test_pg_databases, g_ptr_array_unref);
}
