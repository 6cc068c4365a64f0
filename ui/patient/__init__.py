"""The patient side: the patient screen's parts, the result slip and speech (issue 13)."""
