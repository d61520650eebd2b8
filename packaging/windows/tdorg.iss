; Windows installer of the tdorg app folder built by scripts/build-app.sh (dist\tdorg\).
; Build with Inno Setup 6:  iscc /DAppVersion=0.1.0 packaging\windows\tdorg.iss
; It installs per user (no administrator rights needed), adds a Start-menu entry
; for the windowed tdorg-gui.exe, registers .tdorg charts to open in it on
; double-click with the tdorg icon, and can put tdorg.exe (the command line) on PATH.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1B7E52-2F0A-4C4B-9E55-4D2E1B7A9F10}
AppName=tdorg
AppVersion={#AppVersion}
AppPublisher=tdorg
DefaultDirName={autopf}\tdorg
DefaultGroupName=tdorg
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ChangesEnvironment=yes
OutputDir=..\..\dist
OutputBaseFilename=tdorg-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\tdorg.ico
UninstallDisplayIcon={app}\tdorg-gui.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Tasks]
Name: "path"; Description: "Add the tdorg command line to PATH"; Flags: unchecked

[Files]
Source: "..\..\dist\tdorg\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\tdorg"; Filename: "{app}\tdorg-gui.exe"

[Registry]
; The .tdorg file type: its ProgID, description, icon and "open" command.
Root: HKA; Subkey: "Software\Classes\.tdorg"; ValueType: string; ValueName: ""; ValueData: "tdorg.Chart"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.tdorg\OpenWithProgids"; ValueType: string; ValueName: "tdorg.Chart"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\tdorg.Chart"; ValueType: string; ValueName: ""; ValueData: "tdorg chart"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\tdorg.Chart\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\tdorg-gui.exe,0"
Root: HKA; Subkey: "Software\Classes\tdorg.Chart\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\tdorg-gui.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\tdorg-gui.exe\SupportedTypes"; ValueType: string; ValueName: ".tdorg"; ValueData: ""; Flags: uninsdeletekey
; The command line on PATH, when chosen.
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: path; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\tdorg-gui.exe"; Description: "Start tdorg"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Paths) then
    Paths := '';
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;
