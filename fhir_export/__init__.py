"""FHIR R4 mapping (fhir.resources R4B models) and, later, the SATUSEHAT client."""
