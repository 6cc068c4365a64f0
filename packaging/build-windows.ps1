# Build the Windows bundle and its installer on a Windows 10/11 clinic PC or build machine.
# Not verified: this repository's CI runs on Linux only (see the README, "Windows").
#
#   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
#
# Needs Python 3.11 (python.org installer, "py" launcher) and, for the installer, Inno Setup 6
# (iscc.exe on PATH). Produces build\bundle\vitals-station\vitals-station.exe and, with Inno
# Setup, build\installer\vitals-station-setup.exe (start-menu entry; data in the user's
# profile: %LOCALAPPDATA%\vitals-station, where platformdirs puts it).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
py -3.11 -m venv .venv
.\.venv\Scripts\python -m pip install --upgrade pip
.\.venv\Scripts\python -m pip install -e ".[test]"
.\.venv\Scripts\python packaging\build_bundle.py
.\build\bundle\vitals-station\vitals-station.exe decode ble:blood-pressure "1e 78 00 50 00 5d 00 e8 07 03 0f 0e 1e 2d 48 00 01 00 00"
if (Get-Command iscc.exe -ErrorAction SilentlyContinue) {
    iscc.exe packaging\vitals-station.iss
} else {
    Write-Host "Inno Setup (iscc.exe) not found: the bundle is built, the installer is not."
}
