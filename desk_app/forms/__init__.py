"""Printed documents: the official one-stop forms and the register (reportlab, no Qt).

- :mod:`.templates`   form templates as data, versioned by legal basis and effective date
- :mod:`.tt03_2025`   the seven forms of Thông tư 03/2025/TT-VPCP
- :mod:`.render`      a template + a :class:`~.context.FormContext` -> PDF bytes
- :mod:`.register`    the register (Sổ theo dõi hồ sơ) as PDF or XLSX
- :mod:`.barcodes`    Code 128 and QR as vector paths
- :mod:`.fonts`       the embedded Vietnamese font, registered once per process
- :mod:`.vnformat`    dates, times, money and durations as Vietnamese forms write them
- :mod:`.bench`       ``bench_receipt()``: render time against a bare-canvas floor

The database side (which dossier, which event, reprint counting, audit, atomic writes) is
:mod:`desk_app.services.printing`.
"""
