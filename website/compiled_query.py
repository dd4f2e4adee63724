"""A queryset compiled to SQL once per database, then run again with other values.

Building and compiling a queryset with the ORM costs more than running a simple one: on the hot
paths (a SCORM commit, a statement batch, a signed-in page) the same few querysets were built on
every request with only their values changed. ``CompiledQuery`` builds its queryset once with
stand-in values, finds them among the compiled SQL's parameters, and on each run puts the real
values in their places. Rows come back converted as the ORM converts them (JSON, UUIDs, SQLite's
dates), as model instances with their annotations, or as dicts for a ``values()`` queryset.

For querysets of one model (no ``select_related``) whose values reach the SQL as parameters as
they are (numbers, strings, UUIDs; not lists): a stand-in not found among the parameters is an error.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet
from django.db.models.signals import post_save, pre_save

_numbers = itertools.count(1)


def _stand_in(kind: type):
    """A value of ``kind`` no real query passes."""
    number = next(_numbers)
    if kind is int:
        # Within a 32-bit column's range: a value past it makes the ORM compile no query at all.
        return -7_340_119 - number
    if kind is uuid.UUID:
        return uuid.uuid4()
    if kind is str:
        return f"\x1fstand-in {number} {uuid.uuid4().hex}"
    raise TypeError(f"No stand-in for {kind!r}: numbers, strings and UUIDs only.")


@dataclass
class _Compiled:
    sql: str
    params: list
    #: Per name: the parameter positions its value goes to, and whether as a UUID's hex (SQLite).
    positions: dict[str, list[tuple[int, bool]]]
    compiler: object
    converters: dict


class CompiledQuery:
    def __init__(self, build: Callable[..., QuerySet], **kinds: type):
        self.build = build
        self.stand_ins = {name: _stand_in(kind) for name, kind in kinds.items()}
        self._compiled: dict[tuple[str, str], _Compiled] = {}

    def _compile(self, alias: str) -> _Compiled:
        queryset = self.build(**self.stand_ins).using(alias)
        compiler = queryset.query.get_compiler(alias)
        if compiler.query.select_related:
            raise ValueError("CompiledQuery takes querysets of one model, without select_related.")
        sql, params = compiler.as_sql()
        positions = {}
        for name, stand_in in self.stand_ins.items():
            # A UUID reaches SQLite's SQL as its hex, PostgreSQL's as itself.
            forms = (stand_in, stand_in.hex) if isinstance(stand_in, uuid.UUID) else (stand_in,)
            found = [
                (index, param == forms[-1] != stand_in)
                for index, param in enumerate(params)
                if param in forms
            ]
            if not found:
                raise ValueError(f"The value of {name!r} does not reach the SQL as a parameter.")
            positions[name] = found
        converters = compiler.get_converters([column[0] for column in compiler.select])
        return _Compiled(sql, list(params), positions, compiler, converters)

    def _rows(self, alias: str, values: dict) -> tuple[_Compiled, list]:
        if values.keys() != self.stand_ins.keys():
            # A value left out would leave its stand-in in the SQL: no error, only no rows.
            raise TypeError(f"CompiledQuery needs exactly {sorted(self.stand_ins)}, got {sorted(values)}.")
        connection = connections[alias]
        # Per database and per vendor's SQL (and compiled inside a caller's transaction: a locking
        # read compiles only there).
        key = (alias, connection.vendor)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(alias)
        params = list(compiled.params)
        for name, value in values.items():
            for index, as_hex in compiled.positions[name]:
                params[index] = value.hex if as_hex else value
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiled.converters:
            rows = list(compiled.compiler.apply_converters(rows, compiled.converters))
        return compiled, rows

    def instances(self, using: str = DEFAULT_DB_ALIAS, **values) -> list:
        """The model instances the queryset gives for ``values``, with their annotations."""
        compiled, rows = self._rows(using, values)
        compiler = compiled.compiler
        positions = compiler.klass_info["select_fields"]
        names = [compiler.select[position][0].target.attname for position in positions]
        first, last = positions[0], positions[-1] + 1
        model = compiler.query.model
        found = []
        for row in rows:
            instance = model.from_db(using, names, row[first:last])
            for name, position in compiler.annotation_col_map.items():
                setattr(instance, name, row[position])
            found.append(instance)
        return found

    def dicts(self, using: str = DEFAULT_DB_ALIAS, **values) -> list[dict]:
        """The rows of a ``values()`` queryset for ``values``, by column name."""
        compiled, rows = self._rows(using, values)
        query = compiled.compiler.query
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
        return [dict(zip(names, row, strict=True)) for row in rows]


class CompiledUpdate:
    """``instance.save()`` of a row that exists, as one UPDATE of its columns written once per
    database: Django builds a queryset and compiles its UPDATE on every save, about as long as the
    write takes on a commit's hot path (a SCORM commit saves two rows).

    Sends ``pre_save`` and ``post_save`` as ``save`` does. A row that is not there (not yet saved,
    or deleted meanwhile) takes ``instance.save()``, as Django would.
    """

    def __init__(self, model):
        self.model = model
        self.fields = [field for field in model._meta.concrete_fields if not field.primary_key]
        self._sql: dict[tuple[str, str], str] = {}

    def _statement(self, alias: str) -> str:
        connection = connections[alias]
        key = (alias, connection.vendor)
        if key not in self._sql:
            name = connection.ops.quote_name
            columns = ", ".join(f"{name(field.column)} = %s" for field in self.fields)
            table, pk = self.model._meta.db_table, self.model._meta.pk.column
            # Names from the model's own meta, quoted by the backend; every value is a parameter.
            self._sql[key] = f"UPDATE {name(table)} SET {columns} WHERE {name(pk)} = %s"  # noqa: S608
        return self._sql[key]

    def save(self, instance, using: str = DEFAULT_DB_ALIAS) -> None:
        if instance._state.adding or instance.pk is None:
            instance.save(using=using)
            return
        origin = type(instance)
        pre_save.send(sender=origin, instance=instance, raw=False, using=using, update_fields=None)
        connection = connections[using]
        params = [
            field.get_db_prep_save(field.pre_save(instance, False), connection) for field in self.fields
        ]
        params.append(self.model._meta.pk.get_db_prep_value(instance.pk, connection))
        with connection.cursor() as cursor:
            cursor.execute(self._statement(using), params)
            updated = cursor.rowcount
        if updated != 1:
            instance.save(using=using)
            return
        instance._state.db = using
        post_save.send(
            sender=origin, instance=instance, created=False, update_fields=None, raw=False, using=using
        )
