"""Read queries that Django compiles to SQL once per process, then runs with new values.

Django turns a queryset into SQL each time it is evaluated: on an uncached article page,
building and compiling its queries was a third of the request (cProfile, SQLite, 2,000
stories), far more than the database's own work. A reader page asks the same few questions
with different values (this slug, that article's section, the time now), so a prepared query
is built once per process, database and shape (its `key`: a language, say) with stand-ins
for the values that change, compiled once, and from then on run with the request's values
in the stand-ins' places among the query's parameters. Django still executes it on the
routed database and builds the model instances (select_related, annotations and
prefetch_related included); only the building and compiling are skipped.

A stand-in is recognised among the compiled parameters by its value after the field's
preparation for the database: a text stays itself, a number is a number, and a time is
adapted the way the backend adapts times (a string on SQLite). A stand-in the compiled
query does not carry, or a shape that compiles to no SQL, is a programming error: it is
refused when the query is first prepared, never silently run without the value.

The compiled SQL and the compiler's description of its columns are read-only and shared;
each run gets its own compiler and queryset, so threads may share a prepared query.
"""

import itertools
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router

# What the compiler works out while compiling and its iteration reads afterwards: the
# selected columns, the models they fill and the annotations' positions.
_COMPILER_STATE = ("select", "klass_info", "annotation_col_map", "col_count", "has_extra_select")

# Far from any real id or time: a stand-in must not equal a constant in the query.
_FIRST_NUMBER = -(2**52)
_FIRST_TIME = datetime(1901, 2, 3, 4, 5, 6, tzinfo=UTC)


@dataclass(frozen=True)
class Param:
    """A stand-in for a value that changes from run to run: `kind` is "text", "number"
    or "time" (an aware datetime)."""

    name: str
    kind: str


def text(name: str) -> Param:
    return Param(name, "text")


def number(name: str) -> Param:
    return Param(name, "number")


def time(name: str) -> Param:
    return Param(name, "time")


@dataclass(frozen=True)
class _Compiled:
    queryset: object  # built with the stand-ins; cloned for each run
    sql: str
    params: tuple
    slots: dict  # name -> (kind, positions in params)
    state: dict  # _COMPILER_STATE
    # The columns' converters (text to time, say), made by each connection's backend.
    converters: weakref.WeakKeyDictionary = field(default_factory=weakref.WeakKeyDictionary)


class PreparedQuery:
    """A read query prepared once per process, database and key.

    `build(key, **stand_ins)` returns the queryset (sliced when it should be: Django writes
    a slice's bounds into the SQL, so they belong in the key); it gets one stand-in (a value
    of the right type, recognisable in the compiled parameters) per name in `params`.
    `run(key, **values)` returns the list of results for those values.
    """

    def __init__(self, model, build, *params: Param, max_keys: int = 64):
        self.model = model
        self.build = build
        self.params = params
        # The least recently run keys are forgotten past max_keys (a listing's deep pages,
        # each its own key, are then compiled again when asked for).
        self.max_keys = max_keys
        self._compiled = OrderedDict()
        self._lock = threading.Lock()

    def run(self, key, **values) -> list:
        if set(values) != {p.name for p in self.params}:
            raise TypeError(f"expected values for {sorted(p.name for p in self.params)}")
        # The database a read of this model goes to (a replica, for a reader's page).
        alias = router.db_for_read(self.model)
        compiled = self._prepared(key, alias)
        queryset = compiled.queryset.using(alias)
        connection = connections[alias]
        params = list(compiled.params)
        for name, (kind, positions) in compiled.slots.items():
            value = _for_database(kind, values[name], connection)
            for position in positions:
                params[position] = value
        query = queryset.query
        compiler = query.get_compiler(using=alias)
        compiler.__dict__.update(compiled.state)
        sql, params = compiled.sql, tuple(params)
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        converters = compiled.converters.get(connection)
        if converters is None:
            columns = [column for column, *_ in compiler.select[: compiler.col_count]]
            converters = compiled.converters[connection] = compiler.get_converters(columns)
        compiler.get_converters = lambda expressions: converters
        # This run's query (a clone) answers its iteration with this compiler.
        query.get_compiler = lambda *args, **kwargs: compiler
        return list(queryset)

    def _prepared(self, key, alias) -> _Compiled:
        with self._lock:
            compiled = self._compiled.get((key, alias))
            if compiled is not None:
                self._compiled.move_to_end((key, alias))
                return compiled
        compiled = self._compile(key, alias)
        with self._lock:
            self._compiled[(key, alias)] = compiled
            while len(self._compiled) > self.max_keys:
                self._compiled.popitem(last=False)
        return compiled

    def _stand_ins(self) -> dict:
        numbers = itertools.count(_FIRST_NUMBER)
        stand_ins = {}
        for i, param in enumerate(self.params):
            if param.kind == "text":
                stand_ins[param.name] = f"\x00prepared:{param.name}\x00"
            elif param.kind == "number":
                stand_ins[param.name] = next(numbers)
            elif param.kind == "time":
                stand_ins[param.name] = _FIRST_TIME + timedelta(microseconds=i + 1)
            else:
                raise ImproperlyConfigured(f"Unknown kind of prepared parameter: {param.kind}")
        return stand_ins

    def _compile(self, key, alias) -> _Compiled:
        stand_ins = self._stand_ins()
        queryset = self.build(key, **stand_ins)
        connection = connections[alias]
        compiler = queryset.query.chain().get_compiler(using=alias)
        sql, params = compiler.as_sql()
        if not sql:
            raise ImproperlyConfigured(f"{self.build.__qualname__} compiles to no SQL.")
        slots = {}
        for param in self.params:
            target = _for_database(param.kind, stand_ins[param.name], connection)
            positions = tuple(i for i, value in enumerate(params) if _same(value, target))
            if not positions:
                raise ImproperlyConfigured(
                    f"{self.build.__qualname__}: the value of {param.name!r} is not among "
                    "the compiled query's parameters."
                )
            slots[param.name] = (param.kind, positions)
        state = {name: getattr(compiler, name) for name in _COMPILER_STATE}
        return _Compiled(queryset, sql, tuple(params), slots, state)


def _for_database(kind, value, connection):
    if kind == "time":
        return connection.ops.adapt_datetimefield_value(value)
    if kind == "number":
        return int(value)
    return str(value)


def _same(value, target) -> bool:
    return type(value) is type(target) and value == target


def keep_as_prefetched(instance, name: str, objects: list) -> None:
    """Makes `instance.<name>.all()` answer `objects` without a query, as
    prefetch_related(name) would have: for related rows read by a prepared query."""
    queryset = getattr(instance, name).model._default_manager.all()
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
