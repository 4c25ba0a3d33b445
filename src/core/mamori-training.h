/* mamori-training.h — who is trained, who is due and who must lose access: the training and
 * pledge rules of the guidelines applied to the people, training and pledge registers.
 *
 * - Everyone is trained at least once per fiscal year (gov 2.2.3(1)-2; cert ID 40): not yet
 *   this fiscal year = due by its last day.
 * - Joiners within 3 months of joining (gov 2.2.3(1)-3): a person with no session since
 *   joining is due joined_on + 3 months, overdue after it.
 * - Access holders get their own training before access and at least yearly (cert IDs 42–44):
 *   an access holder without an access-holders' session in the year before today (or ever,
 *   then due on joining) is overdue and must lose access (cert ID 45).
 * - Everyone signs a confidentiality pledge (秘密保持誓約書): missing = due on joining.
 * People who have left (left_on on or before today) are not counted. Pure C + GLib. */
#pragma once

#include "mamori-register.h"

G_BEGIN_DECLS

typedef enum {
  MAMORI_TRAINING_DONE,            /* trained this fiscal year (and, for access holders, this year) */
  MAMORI_TRAINING_DUE,             /* not yet this fiscal year: due_on is the year's last day */
  MAMORI_TRAINING_JOINER_DUE,      /* joined less than 3 months ago, not trained since */
  MAMORI_TRAINING_JOINER_OVERDUE,  /* joined over 3 months ago, not trained since */
  MAMORI_TRAINING_REVOKE,          /* an access holder who missed the yearly access-holders' session */
} MamoriTrainingState;

typedef struct {
  const MamoriRecord *person;      /* borrowed from the people given */
  MamoriTrainingState state;
  char *last_trained;              /* the latest session attended, "" for none */
  char *due_on;                    /* when the next training is due, "" when DONE */
  gboolean overdue;                /* JOINER_OVERDUE or REVOKE */
  gboolean pledge_missing;         /* no confidentiality pledge signed */
  char *pledge_signed_on;          /* the latest pledge, "" for none */
} MamoriTrainingStatus;

void       mamori_training_status_free (MamoriTrainingStatus *status);

/* The status of each person still with the organisation (MamoriTrainingStatus*, in the order
 * of people). people, trainings, attendance and pledges hold the records of those registers. */
GPtrArray *mamori_training_statuses    (GPtrArray  *people,
                                        GPtrArray  *trainings,
                                        GPtrArray  *attendance,
                                        GPtrArray  *pledges,
                                        const char *today,
                                        int         fiscal_start_month);

/* The state's name for people (translated). */
const char *mamori_training_state_label (MamoriTrainingState state);

typedef struct {
  guint people;                    /* still with the organisation */
  guint trained;                   /* DONE */
  guint overdue;                   /* JOINER_OVERDUE + REVOKE */
  guint revoke;                    /* REVOKE */
  guint pledges_missing;
} MamoriTrainingCoverage;

void       mamori_training_coverage    (GPtrArray              *statuses,
                                        MamoriTrainingCoverage *coverage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriTrainingStatus, mamori_training_status_free)

G_END_DECLS
