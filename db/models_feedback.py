"""Citizen feedback: ratings per dossier and complaints/suggestions (issue: reports)."""

from __future__ import annotations
