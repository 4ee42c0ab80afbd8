"""Một Cửa Desk: the commune one-stop desk application (no Qt below ui/)."""

__version__ = "0.1.0"
