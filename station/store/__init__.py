"""Local storage: visits, readings with raw device bytes, findings and the upload outbox."""
