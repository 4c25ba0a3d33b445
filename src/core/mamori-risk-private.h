/* mamori-risk-private.h — for tests only: a built-in matrix by id and the check of a matrix */
#pragma once

#include <glib.h>

#include "mamori-risk.h"

G_BEGIN_DECLS

const MamoriRiskMatrix *mamori_risk_matrix_find  (const char             *id);
/* Checks the grid's shape and that every cell names an existing risk level. */
gboolean                mamori_risk_matrix_validate (const MamoriRiskMatrix *matrix,
                                                     GError                **error);

G_END_DECLS
