"""sync: keys, state, enrolled stations, bundles, replicas, procedure map, quarantine

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05

Only new tables: nothing of the first release changes, so an upgrade cannot touch a dossier.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('public_key', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('retired_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_keys')),
    sa.UniqueConstraint('key_id', name=op.f('uq_sync_keys_key_id'))
    )
    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=False),
    sa.Column('last_seq_exported', sa.Integer(), nullable=False),
    sa.Column('acked_through_change_id', sa.Integer(), nullable=False),
    sa.Column('max_acked_change_id', sa.Integer(), nullable=False),
    sa.Column('last_ack_at', sa.DateTime(), nullable=True),
    sa.Column('last_ack_seq', sa.Integer(), nullable=False),
    sa.Column('last_export_at', sa.DateTime(), nullable=True),
    sa.Column('last_bundle_sha256', sa.String(length=64), nullable=False),
    sa.Column('upstream_unit_code', sa.String(length=40), nullable=False),
    sa.Column('upstream_name', sa.String(length=200), nullable=False),
    sa.Column('upstream_key_id', sa.String(length=40), nullable=False),
    sa.Column('upstream_sign_key', sa.String(length=100), nullable=False),
    sa.Column('upstream_enc_key_id', sa.String(length=40), nullable=False),
    sa.Column('upstream_enc_key', sa.String(length=100), nullable=False),
    sa.Column('trusted_at', sa.DateTime(), nullable=True),
    sa.Column('calendar_version', sa.String(length=80), nullable=False),
    sa.Column('procedure_set_version', sa.String(length=80), nullable=False),
    sa.Column('down_seqs', sa.JSON(), nullable=False),
    sa.Column('ack_detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )
    op.create_table('sync_stations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=40), nullable=False),
    sa.Column('unit_name', sa.String(length=200), nullable=False),
    sa.Column('station_no', sa.Integer(), nullable=False),
    sa.Column('key_id', sa.String(length=40), nullable=False),
    sa.Column('sign_key', sa.String(length=100), nullable=False),
    sa.Column('enc_key', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(), nullable=False),
    sa.Column('enrolled_by', sa.String(length=100), nullable=False),
    sa.Column('applied_through', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('last_bundle_at', sa.DateTime(), nullable=True),
    sa.Column('data_as_of', sa.String(length=40), nullable=False),
    sa.Column('recipient_key_id', sa.String(length=40), nullable=False),
    sa.Column('audit_head_id', sa.Integer(), nullable=False),
    sa.Column('audit_heads', sa.JSON(), nullable=False),
    sa.Column('chain_break', sa.Text(), nullable=False),
    sa.Column('versions', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_stations')),
    sa.UniqueConstraint('station_id', name=op.f('uq_sync_stations_station_id'))
    )
    with op.batch_alter_table('sync_stations', schema=None) as batch_op:
        batch_op.create_index('ix_sync_stations_unit', ['unit_code', 'station_no'], unique=False)

    op.create_table('bundles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('bundle_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('volume_index', sa.Integer(), nullable=False),
    sa.Column('volume_of', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(length=40), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('bytes', sa.Integer(), nullable=False),
    sa.Column('from_change_id', sa.Integer(), nullable=False),
    sa.Column('to_change_id', sa.Integer(), nullable=False),
    sa.Column('change_count', sa.Integer(), nullable=False),
    sa.Column('created_at_local', sa.String(length=40), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('prev_bundle_sha256', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bundles')),
    sa.UniqueConstraint('sha256', name=op.f('uq_bundles_sha256'))
    )
    with op.batch_alter_table('bundles', schema=None) as batch_op:
        batch_op.create_index('ix_bundles_station', ['direction', 'station_id', 'status'], unique=False)

    op.create_table('sync_replicas',
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('dossier_id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=40), nullable=False),
    sa.Column('change_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], name=op.f('fk_sync_replicas_dossier_id_dossiers')),
    sa.PrimaryKeyConstraint('uuid', name=op.f('pk_sync_replicas'))
    )
    with op.batch_alter_table('sync_replicas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_replicas_dossier_id'), ['dossier_id'], unique=False)

    op.create_table('sync_procedure_map',
    sa.Column('station_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['procedure_id'], ['procedures.id'], name=op.f('fk_sync_procedure_map_procedure_id_procedures')),
    sa.PrimaryKeyConstraint('station_id', 'code', 'version', name=op.f('pk_sync_procedure_map'))
    )
    op.create_table('sync_quarantine',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=False),
    sa.Column('change_id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_key', sa.String(length=100), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('bundle_sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_quarantine')),
    sa.UniqueConstraint('station_id', 'change_id', name='uq_sync_quarantine_station_change')
    )
    with op.batch_alter_table('sync_quarantine', schema=None) as batch_op:
        batch_op.create_index('ix_sync_quarantine_open', ['station_id', 'status'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_quarantine', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_quarantine_open')
    op.drop_table('sync_quarantine')
    op.drop_table('sync_procedure_map')
    with op.batch_alter_table('sync_replicas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_replicas_dossier_id'))
    op.drop_table('sync_replicas')
    with op.batch_alter_table('bundles', schema=None) as batch_op:
        batch_op.drop_index('ix_bundles_station')
    op.drop_table('bundles')
    with op.batch_alter_table('sync_stations', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_stations_unit')
    op.drop_table('sync_stations')
    op.drop_table('sync_state')
    op.drop_table('sync_keys')
