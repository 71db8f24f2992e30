; Inno Setup script of the Loket installer for Windows counter PCs.
;
;   ISCC.exe /DAppVersion=0.1.0 installer\loket.iss
;
; Packs the PyInstaller bundle dist\loket (python scripts\build_frozen.py) into
; dist\installer\loket-setup-<version>.exe. The installer:
; - installs for all users of the PC (Program Files; administrator rights needed);
; - adds Start-menu shortcuts (Loket, Loket demo, Loket administration) and, by default,
;   a desktop shortcut;
; - upgrades in place: the fixed AppId below makes a newer setup replace the older
;   programme files (it closes a running Loket first);
; - never touches the branch data: each Windows user's branch database, archive,
;   backups and logs live in %LOCALAPPDATA%\Loket, and the PC's settings file in
;   %PROGRAMDATA%\Loket; upgrading and uninstalling leave both folders as they are.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Loket"
#define AppExe "loket.exe"
#define AdminExe "loket-admin.exe"

[Setup]
; Never change the AppId: it is how a newer installer finds the installed Loket.
AppId={{F1742DF4-F361-4148-9255-7C7232568186}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Loket
VersionInfoDescription=Loket - aplikasi loket kantor pelayanan PDAM
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SourceDir=..
OutputDir=dist\installer
OutputBaseFilename=loket-setup-{#AppVersion}
SetupIconFile=resources\loket.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole programme folder's libraries: no stale file of an older
; version stays behind. (The branch data is not in this folder.)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\loket\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{#AppName} (demo)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{group}\{#AppName} administration"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#AdminExe}"" --help"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the programme itself may have left in its own folder; never the data folders.
Type: filesandordirs; Name: "{app}\_internal"
