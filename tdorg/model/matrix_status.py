"""The statuses of a responsibility-matrix row (:mod:`tdorg.model.matrix`), on their own so that the colours
given to them can name them without loading the matrix."""

COVERED = "covered"
UNOWNED = "unowned"
SINGLE_PERSON = "single_person"

STATUS_LABELS = {COVERED: "", UNOWNED: "Unowned", SINGLE_PERSON: "One person"}
