; Một Cửa Desk - the Windows installer (Inno Setup 6).
;
; Build the one-folder app first (dist\DeskApp), then, from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\deskapp.iss
; Output: dist\installer\DeskApp-<version>-setup.exe
;
; What it does, for an IT officer installing on a commune PC (as an administrator):
; * the program in C:\Program Files\MotCua\DeskApp (per machine, 64-bit);
; * ONE data folder for every clerk's Windows account: C:\ProgramData\MotCua\DeskApp, where
;   the group Users may modify (create and change the database, its -wal/-shm files, backups,
;   logs, printed PDFs: the rights are inherited by everything created inside);
; * DESK_APP_HOME set to that folder for all users (so the window and the command line
;   DeskApp-debug.exe use the same database), and the shortcut also passes --data-dir;
; * Start-menu entries (the window; "check this installation" = the smoke test), an optional
;   desktop icon;
; * the uninstaller removes the program and DESK_APP_HOME but KEEPS the data folder: a
;   commune's dossiers are never deleted by uninstalling or upgrading.
; The file is UTF-8 (with a BOM, for Inno Setup 6 before 6.3).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Một Cửa Desk"
#define AppExe "DeskApp.exe"
#define DebugExe "DeskApp-debug.exe"
#define Publisher "MotCua"
#define DataDir "{commonappdata}\MotCua\DeskApp"
#define Root "..\.."

[Setup]
; AppId identifies the product for upgrades and the uninstaller: never change it.
AppId={{7C1F3E52-5A0B-4C44-9D3E-6B2F1D8A4E91}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#Publisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\MotCua\DeskApp
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 1809 or later
MinVersion=10.0.17763
OutputDir={#Root}\dist\installer
OutputBaseFilename=DeskApp-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\deskapp.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/ultra64
SolidCompression=yes
LZMAUseSeparateProcess=yes
WizardStyle=modern
; DESK_APP_HOME: tell running programs (Explorer) that the environment changed
ChangesEnvironment=yes
; close a running DeskApp before replacing its files (Restart Manager)
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle: no module of the old version may linger next to the
; new one. (The data folder is elsewhere and is not touched.)
Type: filesandordirs; Name: "{app}\_internal"

[Dirs]
; The shared data folder: Users get Modify, inherited by every file and folder created inside
; (Inno Setup grants directory permissions with object and container inheritance).
; uninsneveruninstall: the uninstaller leaves it, with the database, backups and logs.
Name: "{#DataDir}"; Permissions: users-modify; Flags: uninsneveruninstall

[Files]
Source: "{#Root}\dist\DeskApp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Registry]
; DESK_APP_HOME for all users; removed by the uninstaller (the folder itself stays).
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; \
    ValueType: expandsz; ValueName: "DESK_APP_HOME"; ValueData: "{#DataDir}"; Flags: uninsdeletevalue

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "--data-dir ""{#DataDir}"""; \
    WorkingDir: "{#DataDir}"; Comment: "Bộ phận Một cửa: tiếp nhận và trả kết quả hồ sơ"
Name: "{group}\Kiểm tra cài đặt (Check this installation)"; Filename: "{cmd}"; \
    Parameters: "/k """"{app}\{#DebugExe}"" --smoke-test"""; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"; \
    Comment: "Runs the built-in smoke test on a temporary folder; the desk's data is not touched"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "--data-dir ""{#DataDir}"""; \
    WorkingDir: "{#DataDir}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Parameters: "--data-dir ""{#DataDir}"""; WorkingDir: "{#DataDir}"; \
    Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser
