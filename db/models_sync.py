"""Sync: keys, enrolled stations, bundles, acknowledgements, quarantine (issue: sync)."""

from __future__ import annotations
