; Inno Setup 6 script: the Windows installer for the bundle built by build_bundle.py.
; Not verified here (no Windows machine in this repository's CI): see the README.
[Setup]
AppName=Vitals Station
AppVersion=0.1.0
DefaultDirName={autopf}\Vitals Station
DefaultGroupName=Vitals Station
OutputDir=..\build\installer
OutputBaseFilename=vitals-station-setup
PrivilegesRequired=lowest
Compression=lzma2
SolidCompression=yes

[Files]
Source: "..\build\bundle\vitals-station\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Vitals Station (desk)"; Filename: "{app}\vitals-station.exe"
Name: "{group}\Vitals Station (simulated devices)"; Filename: "{app}\vitals-station.exe"; Parameters: "--simulate"
