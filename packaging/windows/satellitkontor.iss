; Inno Setup 6 script for Satellitkontoret (Inno Setup 6.3 or newer: Swedish is an official
; language there, and the x64compatible architecture names are known). Saved as UTF-8 with a
; byte-order mark, so that "Umeåregionen" reaches the installer's texts intact.
;
; Built by packaging/build.py on Windows, or by hand after the PyInstaller bundle exists:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\satellitkontor.iss
;
; Defines: AppVersion (required; pyproject.toml's version), SourceDir (the onedir bundle,
; default ..\..\build\dist\satellitkontor), OutputDir (default ..\..\dist).
;
; Installs per machine (Program Files, for every user) or per user (no administrator needed,
; %LOCALAPPDATA%\Programs): the dialog asks, or /ALLUSERS and /CURRENTUSER decide. Silent:
;
;   satellitkontor-0.1.0-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS
;
; IT may write the machine-wide settings file (C:\ProgramData\satellitkontor\satellitkontor.ini)
; in the same step, per-machine installs only, each value only when given:
;   /DBURL="postgresql+psycopg://server/satellitkontor"  /UILANGUAGE=sv
;   /EXCHANGEBACKEND=graph  /EWSURL=...  /GRAPHTENANT=...  /GRAPHCLIENTID=...
;
; Uninstalling removes the program only: the user's database, settings and logs
; (%LOCALAPPDATA%\satellitkontor, %APPDATA%\Umeåregionen) and the machine-wide settings file
; stay, so a reinstall or an upgrade finds everything as it was.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=<pyproject.toml's version> satellitkontor.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\dist\satellitkontor"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "Satellitkontoret"
#define AppExe "satellitkontor.exe"

[Setup]
; The AppId never changes: it is how Windows knows an upgrade from a second program.
AppId={{BAC75611-815F-4E1D-8786-2776E21DCE12}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Umeåregionen
AppPublisherURL=https://www.umearegionen.se/
AppCopyright=Umeåregionen, EUPL-1.2
DefaultDirName={autopf}\Satellitkontoret
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
UsePreviousPrivileges=yes
OutputDir={#OutputDir}
OutputBaseFilename=satellitkontor-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\satellitkontor.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\Swedish.isl")
Name: "sv"; MessagesFile: "compiler:Languages\Swedish.isl"
#else
  #error Languages\Swedish.isl is missing: use Inno Setup 6.3 or newer
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
sv.AppComment=Boka kontorsplats eller konferensrum på Umeåregionens satellitkontor
en.AppComment=Book a desk or the conference room at Umeåregionen's satellite office

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle whole: no library of an older version is left beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[INI]
; The machine-wide settings IT passes on the command line (see the top of this file).
Filename: "{commonappdata}\satellitkontor\satellitkontor.ini"; Section: "database"; Key: "url"; String: "{param:DBURL}"; Check: Given('DBURL')
Filename: "{commonappdata}\satellitkontor\satellitkontor.ini"; Section: "ui"; Key: "language"; String: "{param:UILANGUAGE}"; Check: Given('UILANGUAGE')
Filename: "{commonappdata}\satellitkontor\satellitkontor.ini"; Section: "exchange"; Key: "backend"; String: "{param:EXCHANGEBACKEND}"; Check: Given('EXCHANGEBACKEND')
Filename: "{commonappdata}\satellitkontor\satellitkontor.ini"; Section: "exchange"; Key: "ews_url"; String: "{param:EWSURL}"; Check: Given('EWSURL')
Filename: "{commonappdata}\satellitkontor\satellitkontor.ini"; Section: "exchange"; Key: "graph_tenant"; String: "{param:GRAPHTENANT}"; Check: Given('GRAPHTENANT')
Filename: "{commonappdata}\satellitkontor\satellitkontor.ini"; Section: "exchange"; Key: "graph_client_id"; String: "{param:GRAPHCLIENTID}"; Check: Given('GRAPHCLIENTID')

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ A machine-wide setting given on the command line; only a per-machine install writes them. }
function Given(Name: String): Boolean;
begin
  Result := IsAdminInstallMode and (ExpandConstant('{param:' + Name + '|}') <> '');
end;
