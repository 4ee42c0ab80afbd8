"""The periodic report (DOMAIN.md §7): periods, labels, and its XLSX and PDF documents.

The numbers come from ``desk_app.services.reports``; this package only lays them out.
No Qt here (ARCHITECTURE.md: documents live in ``desk_app``).
"""
