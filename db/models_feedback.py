"""Citizen feedback: ratings per dossier and complaints/suggestions (issue: reports).

DOMAIN.md §8. Both tables are replicated to the upstream office through the change log, so
they are keyed by values that mean the same on every station: a rating by its dossier's code
(the receipt's QR code carries it), a complaint by its uuid. ``unit_code`` and
``procedure_code`` are copied in so that the periodic report groups them without a join, on
the commune's SQLite and on the upstream office's PostgreSQL alike (where the dossier itself
may not have arrived yet).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, Dossier


class Rating(Base):
    """One citizen's rating of one dossier: an overall level and per-criterion levels.

    Levels: 1 không hài lòng, 2 hài lòng, 3 rất hài lòng. A second rating of the same
    dossier replaces the first (the change log keeps both after-images)."""

    __tablename__ = "ratings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    dossier_code: Mapped[str] = mapped_column(String(80), unique=True)
    unit_code: Mapped[str] = mapped_column(String(40))
    procedure_code: Mapped[str] = mapped_column(String(60))
    level: Mapped[int] = mapped_column(Integer)
    criteria: Mapped[dict] = mapped_column(JSON, default=dict)  # criterion code -> level
    comment: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(20), default="desk")  # desk | qr | online | phone
    rated_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (Index("ix_ratings_rated_at", "rated_at"),)


class Complaint(Base):
    """A complaint (phản ánh) or suggestion (kiến nghị), Decree 20/2008, about a dossier or a
    procedure, with its handling: received -> processing -> resolved."""

    __tablename__ = "complaints"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # complaint | suggestion
    unit_code: Mapped[str] = mapped_column(String(40))
    dossier_code: Mapped[str | None] = mapped_column(String(80), nullable=True)
    procedure_code: Mapped[str] = mapped_column(String(60))
    content: Mapped[str] = mapped_column(Text)
    submitter_name: Mapped[str] = mapped_column(String(200), default="")
    submitter_phone: Mapped[str] = mapped_column(String(20), default="")
    channel: Mapped[str] = mapped_column(String(20), default="direct")  # direct | phone | online | mail
    status: Mapped[str] = mapped_column(String(20), default="received")  # received | processing | resolved
    received_at: Mapped[datetime] = mapped_column(DateTime)
    processing_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")  # handling note (processing)
    result: Mapped[str] = mapped_column(Text, default="")  # the answer given (resolved)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    handled_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (
        Index("ix_complaints_received_at", "received_at"),
        Index("ix_complaints_status", "status"),
        Index("ix_complaints_dossier_code", "dossier_code"),
    )


# The periodic report finds the dossiers still open at a period's start (carried over) and
# those finished inside it by this index, instead of reading every dossier ever received
# (300,000 rows are ~400 MB: seconds from a commune PC's disk). Declared here, beside the
# report's own tables, so the model and migration 0002 agree; it belongs to ``dossiers``.
Index("ix_dossiers_finished_at", Dossier.__table__.c.finished_at)
