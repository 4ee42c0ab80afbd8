"""Which Qt files the frozen build keeps (shared by ``build.spec`` and the PySide6 hooks in
``packaging/pyinstaller_hooks``).

The app imports QtCore, QtGui and QtWidgets only. PyInstaller's Qt hooks collect every plugin
of the types those modules use, and with them the Qt libraries they link (the PDF image-format
plugin brings Qt6Pdf, the virtual keyboard brings Qt Quick and QML; the GTK theme plugin
brings the whole GTK stack on Linux). Filtering inside the hooks, before PyInstaller's binary
dependency analysis, keeps those dependencies out too. Plugins are kept by an allow-list;
everything else is dropped.
"""

from __future__ import annotations

#: Plugins kept, as "<type>/<file name prefix>" (Windows "qwindows.dll", Linux "libqxcb.so").
PLUGINS_KEPT = (
    "platforms/qwindows", "platforms/libqxcb", "platforms/qoffscreen", "platforms/libqoffscreen",
    "platforms/qminimal.", "platforms/libqminimal.",
    "styles/",  # qmodernwindowsstyle.dll: the Windows 10/11 look of every widget
    "imageformats/qico", "imageformats/libqico",  # .ico
    # the window icon is resources/icons/desk-app.svg (ui/app.py): SVG icon engine and image
    # format, with Qt6Svg (~0.7 MB)
    "iconengines/qsvgicon", "iconengines/libqsvgicon", "imageformats/qsvg", "imageformats/libqsvg",
    # Linux: ibus (Vietnamese typing with ibus-unikey/bamboo) and compose; NOT Windows'
    # qtvirtualkeyboardplugin (it needs Qt Quick; Windows IMEs such as Unikey need no plugin)
    "platforminputcontexts/libibusplatforminputcontextplugin",
    "platforminputcontexts/libcomposeplatforminputcontextplugin",
    "platformthemes/libqxdgdesktopportal",  # Linux file dialogs; the GTK3 one pulls in GTK
    "xcbglintegrations/",
)

#: Qt libraries (and Qt's extra DLLs) no kept code needs, by lower-case file-name prefix
#: without "lib" (Windows Qt6Pdf.dll, Linux libQt6Pdf.so.6).
LIBS_DROPPED = (
    "qt6pdf", "qt6svgwidgets", "qt6qml", "qt6quick", "qt6virtualkeyboard", "qt6network", "qt6opengl",
    "qt6websockets", "qt6webengine", "qt6webchannel", "qt6multimedia", "qt63d", "qt6charts",
    "qt6datavisualization", "qt6graphs", "qt6positioning", "qt6sql", "qt6test", "qt6designer",
    "qt6uitools", "qt6help", "qt6xml", "qt6waylandclient", "qt6wlshellintegration",
    "qt6eglfsdeviceintegration", "qt6eglfskmssupport", "qt6shadertools",
    "opengl32sw",  # Windows: the software OpenGL renderer (~20 MB); Widgets paint with the raster engine
)


def _norm(path: str) -> str:
    return str(path).replace("\\", "/").lower()


def plugin_kept(dest: str) -> bool:
    """``dest``: a destination path containing ``/plugins/<type>/<file>``."""
    d = _norm(dest)
    tail = d.split("/plugins/", 1)[1]
    return any(tail.startswith(p) for p in PLUGINS_KEPT)


def lib_dropped(name: str) -> bool:
    n = _norm(name).rsplit("/", 1)[-1]
    if n.startswith("lib"):
        n = n[3:]
    return any(n.startswith(p) for p in LIBS_DROPPED)


def dropped(dest: str) -> bool:
    """True for a collected file (by its destination path in the bundle) that we leave out."""
    d = "/" + _norm(dest)
    if "/plugins/" in d and ("/pyside6/" in d or d.startswith("/plugins/")):
        return not plugin_kept(d)
    if "/pyside6/" in d and "/translations/" in d:
        return True  # Qt's own .qm files: none is Vietnamese, our .ts translates Qt's strings
    return lib_dropped(d)


def prune(entries):
    """Filter a hook's or an Analysis' list of (src, dest) or TOC (dest, src, typecode) entries."""
    out = []
    for e in entries:
        if len(e) == 3:  # TOC: (dest_name, src_name, typecode)
            dest = e[0]
        else:  # hook tuples: (src_path, dest_dir)
            dest = f"{e[1]}/{str(e[0]).replace(chr(92), '/').rsplit('/', 1)[-1]}"
        if not dropped(dest):
            out.append(e)
    return out
