"""The application core: domain types, visit workflow, checks, storage, outbox, command line.

Never imports Qt, bleak, pyserial or httpx (an import-linter contract enforces it).
"""
