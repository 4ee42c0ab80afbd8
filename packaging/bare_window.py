"""The floor for the desk window's start-up budget: a bare PySide6 window holding a 1,000-row
table (a ``QTableWidget``, 1,000 rows x 6 columns of short text items, ~1000x650, shown).

On the first turn of the event loop it prints ``probe: first window shown: bare`` and
``probe: memory rss_mb=X peak_mb=Y`` (this process, MiB: VmRSS / VmHWM on Linux, working set /
peak working set on Windows), then quits. ``packaging/measure.py`` times the first line's
arrival side by side with the app's start probes; frozen by ``packaging/bare_window.spec`` with
the same Qt selection as the app, or run from source (``measure.py --source``).

It imports nothing of the app: the floor must stay bare.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

ROWS, COLUMNS = 1000, 6


def memory_mb():
    """(resident, peak resident) of this process in MiB; None where unknown."""
    if sys.platform.startswith("linux"):
        found = {}
        try:
            with open("/proc/self/status", encoding="ascii", errors="replace") as f:
                for line in f:
                    key, _, value = line.partition(":")
                    if key in ("VmRSS", "VmHWM"):
                        found[key] = int(value.split()[0]) / 1024
        except (OSError, ValueError):
            pass
        return found.get("VmRSS"), found.get("VmHWM")
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        class PROCESS_MEMORY_COUNTERS(ctypes.Structure):  # noqa: N801 (Win32 name)
            _fields_ = [
                ("cb", wintypes.DWORD),
                ("PageFaultCount", wintypes.DWORD),
                ("PeakWorkingSetSize", ctypes.c_size_t),
                ("WorkingSetSize", ctypes.c_size_t),
                ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
                ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
                ("PagefileUsage", ctypes.c_size_t),
                ("PeakPagefileUsage", ctypes.c_size_t),
            ]

        counters = PROCESS_MEMORY_COUNTERS()
        counters.cb = ctypes.sizeof(counters)
        psapi = ctypes.WinDLL("psapi")
        kernel32 = ctypes.WinDLL("kernel32")
        kernel32.GetCurrentProcess.restype = wintypes.HANDLE
        psapi.GetProcessMemoryInfo.argtypes = [wintypes.HANDLE, ctypes.c_void_p, wintypes.DWORD]
        if psapi.GetProcessMemoryInfo(kernel32.GetCurrentProcess(), ctypes.byref(counters), counters.cb):
            return counters.WorkingSetSize / 2**20, counters.PeakWorkingSetSize / 2**20
    return None, None


def mb(value):
    return "unknown" if value is None else f"{value:.1f}"


def shown() -> None:
    print("probe: first window shown: bare", flush=True)
    rss, peak = memory_mb()
    print(f"probe: memory rss_mb={mb(rss)} peak_mb={mb(peak)}", flush=True)
    app.quit()


app = QApplication(sys.argv)
table = QTableWidget(ROWS, COLUMNS)
table.setWindowTitle("Một Cửa Desk")
table.setHorizontalHeaderLabels(["Mã hồ sơ", "Người nộp", "Thủ tục", "Ngày nhận", "Hẹn trả", "Trạng thái"])
for row in range(ROWS):
    for col in range(COLUMNS):
        table.setItem(row, col, QTableWidgetItem(f"{row + 1}.{col + 1}"))
table.resize(1000, 650)
table.show()
QTimer.singleShot(0, shown)
sys.exit(app.exec())
