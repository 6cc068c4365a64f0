"""Errors of the FHIR mapping itself (the SATUSEHAT client's are in ``satusehat_errors``)."""

from __future__ import annotations

__all__ = ["MappingError"]


class MappingError(ValueError):
    """A stored visit cannot be turned into FHIR resources (the message says why).

    Retrying will not change that; a person must look. A ``ValueError`` so callers that
    treat it as bad input keep working, but catch it by this type: several unrelated errors
    of the project (``PersonError``, ``DecodeError``, ...) are ``ValueError`` too, and none of
    them means "this visit cannot be mapped".
    """
