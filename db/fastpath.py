"""Inserts on the hot path of receive, straight to the SQLite driver.

SQLAlchemy's per-statement cost (~50 µs) is several times what SQLite spends on a one-row
insert, and receive runs seven of them. ``DriverInsert`` compiles the statement once and
converts values with SQLAlchemy's own bind processors (the same types, the same stored
formats), then calls the driver. Other databases (PostgreSQL upstream) take the ordinary Core
path: there the network round trip dominates.
"""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.orm import Session


class DriverInsert:
    def __init__(self, table: Table, *, returning: str | None = None) -> None:
        self.table = table
        self.returning = returning
        self._sqlite: tuple[str, list[str], list] | None = None
        stmt = table.insert()
        self.core = stmt.returning(table.c[returning]) if returning else stmt

    def _prepare_sqlite(self, dialect) -> tuple[str, list[str], list]:
        cols = [c.name for c in self.table.columns if not (c.primary_key and c.autoincrement is not False and c.name == "id")]
        sql = f"INSERT INTO {self.table.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        if self.returning:
            sql += f" RETURNING {self.returning}"
        # the dialect's own type (SQLite's DATETIME writes "YYYY-MM-DD HH:MM:SS.ffffff"); the
        # generic type has no processor, and sqlite3's adapter drops a zero microsecond part,
        # which breaks the text comparisons of reports and lists at exact times
        procs = [self.table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in cols]
        return sql, cols, procs

    def _params(self, row: dict, cols: list[str], procs: list) -> list:
        out = []
        for name, proc in zip(cols, procs):
            value = row.get(name)
            if value is None and name not in row:
                default = self.table.c[name].default
                if default is not None:
                    value = default.arg if default.is_scalar else default.arg(None)
            out.append(proc(value) if proc is not None and value is not None else value)
        return out

    def one(self, session: Session, row: dict):
        """Insert one row; the ``returning`` column's value, if any."""
        conn = session.connection()
        if conn.dialect.name != "sqlite":
            result = conn.execute(self.core, row)
            return result.scalar_one() if self.returning else None
        if self._sqlite is None:
            self._sqlite = self._prepare_sqlite(conn.dialect)
        sql, cols, procs = self._sqlite
        cur = conn.connection.driver_connection.execute(sql, self._params(row, cols, procs))
        return cur.fetchone()[0] if self.returning else None

    def many(self, session: Session, rows: list[dict]) -> None:
        if not rows:
            return
        conn = session.connection()
        if conn.dialect.name != "sqlite":
            conn.execute(self.table.insert(), rows)
            return
        if self._sqlite is None:
            self._sqlite = self._prepare_sqlite(conn.dialect)
        sql, cols, procs = self._sqlite
        conn.connection.driver_connection.executemany(sql, [self._params(r, cols, procs) for r in rows])


def first(session: Session, core_stmt, sqlite_sql: str, params: tuple = (), core_params: dict | None = None) -> tuple | None:
    """The first row of a simple read: the driver directly on SQLite, Core elsewhere
    (``core_stmt`` built once, with ``core_params`` for its bind parameters)."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        return conn.connection.driver_connection.execute(sqlite_sql, params).fetchone()
    row = conn.execute(core_stmt, core_params or {}).first()
    return tuple(row) if row is not None else None


def scalar(session: Session, core_stmt, sqlite_sql: str, params: tuple = (), core_params: dict | None = None):
    """One value from a simple read (see ``first``)."""
    row = first(session, core_stmt, sqlite_sql, params, core_params)
    return row[0] if row else None
