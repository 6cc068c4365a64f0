"""The PySide6 desk app: operator window, patient screen, and the bridge to the station.

The only package that imports Qt (an import-linter contract keeps the others free of it).
"""
