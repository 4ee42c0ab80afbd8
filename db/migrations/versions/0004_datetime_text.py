"""one text form for every SQLite date-time

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29

Rows written by the receive fast path (dossiers, their documents and events, the change log,
the audit log) stored a time with no microseconds as "YYYY-MM-DD HH:MM:SS", where SQLAlchemy
writes "YYYY-MM-DD HH:MM:SS.000000". Reports and lists compare these columns as text, so a
dossier finished at the very second of its appointment counted as late. This adds the
missing ".000000": the values themselves, and the audit chain (hashed from the values, not
the text), do not change; the append-only guards of the audit log and the dossier events are
lifted for this rewrite only and restored as they were. PostgreSQL stores real timestamps:
nothing to do there.
"""
from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# Every DateTime column at revision 0003 (fixed here: a migration must not follow later models).
DATETIME_COLUMNS = {
    'audit_log': ('at',),
    'bundles': ('recorded_at',),
    'calendar_versions': ('created_at',),
    'change_log': ('at',),
    'complaints': ('received_at', 'processing_at', 'resolved_at', 'updated_at'),
    'procedure_sets': ('imported_at',),
    'ratings': ('rated_at', 'updated_at'),
    'stations': ('created_at',),
    'sync_keys': ('created_at', 'retired_at'),
    'sync_quarantine': ('created_at', 'resolved_at'),
    'sync_state': ('last_ack_at', 'last_export_at', 'trusted_at'),
    'sync_stations': ('enrolled_at', 'last_bundle_at'),
    'users': ('locked_until', 'created_at'),
    'dossiers': ('received_at', 'original_due_at', 'due_at', 'paused_at', 'finished_at', 'returned_at', 'updated_at'),
    'dossier_events': ('at', 'recorded_at', 'due_before', 'due_after'),
    'handovers': ('at', 'step_due_at'),
}


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    for table, columns in DATETIME_COLUMNS.items():
        # audit_log and dossier_events refuse every UPDATE (append-only guards): lift the guard
        # for this one rewrite of the text form and put the very same trigger back, all in the
        # upgrade's single transaction
        guards = bind.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
            "AND sql LIKE '%BEFORE UPDATE ON%'", (table,)
        ).all()
        for name, _sql in guards:
            op.execute(f"DROP TRIGGER {name}")
        for column in columns:
            op.execute(
                f"UPDATE {table} SET {column} = {column} || '.000000' "
                f"WHERE typeof({column}) = 'text' AND length({column}) = 19"
            )
        for _name, sql in guards:
            op.execute(sql)


def downgrade() -> None:
    pass  # the longer form is what SQLAlchemy reads and writes anyway
