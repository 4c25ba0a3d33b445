/* fuzz-common.h — shared by the libFuzzer targets in tests/fuzz (see HACKING.md, “Fuzzing”) */
#pragma once

#include <glib.h>
#include <locale.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* Criticals (a g_return_if_fail that fails) are bugs: they abort, so libFuzzer keeps the input. */
static inline void
mamori_fuzz_init (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_FATAL_MASK);
}
