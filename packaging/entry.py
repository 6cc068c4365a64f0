"""The bundle's entry point: the same ``vitals-station`` command as the installed script."""

from station.cli import main

raise SystemExit(main())
