# SPDX-License-Identifier: GPL-2.0-or-later
"""Reading and checking hemu's QAPI schema files (docs/devel/qapi.md).

A schema file is a sequence of JSON objects, one per definition, with
'#' comment lines between them.  Each definition has exactly one of the
kind keys below, whose value is the definition's name:

  {"include": "file.json"}                  read another file (relative)
  {"enum": "Name", "values": [...]}         a closed set of strings
  {"struct": "Name", "members": {...}}      a JSON object with typed members
  {"union": "Name", "base": {...}, "discriminator": "member",
   "branches": {"enum-value": "Struct", ...}}
                                            a flat discriminated union: the
                                            base members, then those of the
                                            branch the discriminator (a
                                            required enum member of the
                                            base) selects
  {"command": "name", "args": {...}, "returns": TYPE, "extra-args": BOOL,
   "allow-preconfig": BOOL}
  {"event": "NAME", "data": {...}}

Every definition may carry "doc": one paragraph, kept in the generated
comments and in introspection; a list of strings is joined with spaces so
long text can span lines.
Members are an object from member name to type; a name ending in '?' is
optional.  A type is a built-in ("str", "int", "bool", "number", "any"),
a defined enum or struct, or a one-element list ["T"] (a JSON array of T;
T must be "str", a struct or a union).  "extra-args": true lets a command accept
members beyond its "args" (object-add's flat properties); they reach the
C function as one JSON object.  "allow-preconfig": true lets a command
run before the machine is built (-preconfig); the others are refused then.

The model is plain Python objects; every error is raised as SchemaError
with "file:line: message".
"""
import json
import os
import re

BUILTINS = {
    # name: (C type, JSON type for introspection)
    'str': ('char *', 'string'),
    'int': ('int64_t', 'int'),
    'bool': ('bool', 'boolean'),
    'number': ('double', 'number'),
    'any': ('json_t *', 'value'),
}

NAME_RE = re.compile(r'^[A-Za-z][A-Za-z0-9_-]*$')


class SchemaError(Exception):
    pass


class Member:
    def __init__(self, name, typ, optional):
        self.name = name          # JSON name, e.g. "qom-type"
        self.type = typ           # a type reference string or ["T"]
        self.optional = optional

    @property
    def c_name(self):
        return c_ident(self.name)


class Definition:
    def __init__(self, kind, name, info, doc):
        self.kind = kind          # 'enum', 'struct', 'union', 'command',
        #                           'event'
        self.name = name
        self.info = info          # "file:line" for errors
        self.doc = doc


class Schema:
    def __init__(self):
        self.defs = []            # in definition order
        self.by_name = {}         # types (enum, struct) by name
        self.files = []           # every file read, for depfiles

    def types(self, kind):
        return [d for d in self.defs if d.kind == kind]


def c_ident(name):
    """A JSON name as a C identifier: dashes and dots become '_'."""
    return re.sub(r'[^A-Za-z0-9_]', '_', name)


def snake(name):
    """CamelCase or dashed-name as snake_case: VersionInfo -> version_info."""
    s = re.sub(r'([a-z0-9])([A-Z])', r'\1_\2', name)
    s = re.sub(r'([A-Z]+)([A-Z][a-z])', r'\1_\2', s)
    return c_ident(s).lower()


def _strip_comments(text):
    """Blank out '#' comment lines so JSON decoding keeps line numbers."""
    out = []
    for line in text.split('\n'):
        out.append('' if line.lstrip().startswith('#') else line)
    return '\n'.join(out)


def _no_dup_pairs(pairs):
    d = {}
    for k, v in pairs:
        if k in d:
            raise ValueError(f"duplicate key '{k}'")
        d[k] = v
    return d


def _read_file(path, schema, seen):
    real = os.path.realpath(path)
    if real in seen:
        return
    seen.add(real)
    schema.files.append(path)
    try:
        with open(path, encoding='utf-8') as f:
            text = _strip_comments(f.read())
    except OSError as e:
        raise SchemaError(f'{path}: cannot read: {e.strerror}') from None
    dec = json.JSONDecoder(object_pairs_hook=_no_dup_pairs)
    pos = 0
    while True:
        while pos < len(text) and text[pos] in ' \t\r\n':
            pos += 1
        if pos >= len(text):
            break
        line = text.count('\n', 0, pos) + 1
        info = f'{path}:{line}'
        try:
            expr, pos = dec.raw_decode(text, pos)
        except ValueError as e:
            msg = getattr(e, 'msg', str(e))
            eline = getattr(e, 'lineno', line)
            raise SchemaError(f'{path}:{eline}: invalid JSON: {msg}') \
                from None
        if not isinstance(expr, dict):
            raise SchemaError(f'{info}: a definition must be a JSON object')
        if 'include' in expr:
            if set(expr) != {'include'}:
                raise SchemaError(f'{info}: include takes no other keys')
            inc = expr['include']
            if not isinstance(inc, str):
                raise SchemaError(f'{info}: include expects a file name')
            _read_file(os.path.join(os.path.dirname(path), inc), schema,
                       seen)
            continue
        _add_definition(expr, info, schema)


KIND_KEYS = {
    'enum': {'values'},
    'struct': {'members'},
    'union': {'base', 'discriminator', 'branches'},
    'command': {'args', 'returns', 'extra-args', 'allow-preconfig'},
    'event': {'data'},
}


def _check_name(name, info, what):
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise SchemaError(f"{info}: {what} name {json.dumps(name)} is not "
                          "valid (letters, digits, '-' and '_', starting "
                          "with a letter)")


def _members(raw, info, owner):
    if raw is None:
        return []
    if not isinstance(raw, dict):
        raise SchemaError(f"{info}: '{owner}': members must be an object "
                          "from name to type")
    out = []
    for key, typ in raw.items():
        optional = key.endswith('?')
        name = key[:-1] if optional else key
        _check_name(name, info, f"'{owner}' member")
        out.append(Member(name, typ, optional))
    return out


def _add_definition(expr, info, schema):
    kinds = [k for k in KIND_KEYS if k in expr]
    if len(kinds) != 1:
        raise SchemaError(f'{info}: a definition needs exactly one of '
                          f'{", ".join(KIND_KEYS)} (found '
                          f'{", ".join(kinds) or "none"})')
    kind = kinds[0]
    name = expr[kind]
    _check_name(name, info, kind)
    allowed = KIND_KEYS[kind] | {kind, 'doc'}
    for key in expr:
        if key not in allowed:
            raise SchemaError(f"{info}: {kind} '{name}': unknown key "
                              f"'{key}' (accepted: "
                              f"{', '.join(sorted(allowed))})")
    doc = expr.get('doc')
    if isinstance(doc, list) and all(isinstance(x, str) for x in doc):
        doc = ' '.join(doc)
    elif doc is not None and not isinstance(doc, str):
        raise SchemaError(f"{info}: {kind} '{name}': 'doc' must be a string "
                          "or a list of strings (joined with spaces)")
    d = Definition(kind, name, info, doc)
    if kind == 'enum':
        vals = expr.get('values')
        if not isinstance(vals, list) or not vals:
            raise SchemaError(f"{info}: enum '{name}': 'values' must be a "
                              "non-empty list of strings")
        for v in vals:
            _check_name(v, info, f"enum '{name}' value")
        if len(set(vals)) != len(vals):
            raise SchemaError(f"{info}: enum '{name}': duplicate value")
        d.values = vals
    elif kind == 'struct':
        d.members = _members(expr.get('members'), info, name)
    elif kind == 'union':
        d.members = _members(expr.get('base'), info, name)
        d.discriminator = expr.get('discriminator')
        d.branches = expr.get('branches')
        if not isinstance(d.branches, dict) or not d.branches:
            raise SchemaError(f"{info}: union '{name}': 'branches' must be "
                              "a non-empty object from enum value to struct")
    elif kind == 'command':
        d.members = _members(expr.get('args'), info, name)
        d.returns = expr.get('returns')
        d.extra_args = expr.get('extra-args', False)
        if not isinstance(d.extra_args, bool):
            raise SchemaError(f"{info}: command '{name}': 'extra-args' "
                              "must be true or false")
        d.allow_preconfig = expr.get('allow-preconfig', False)
        if not isinstance(d.allow_preconfig, bool):
            raise SchemaError(f"{info}: command '{name}': 'allow-preconfig' "
                              "must be true or false")
    else:
        d.members = _members(expr.get('data'), info, name)
    if kind in ('enum', 'struct', 'union'):
        if name in schema.by_name or name in BUILTINS:
            raise SchemaError(f"{info}: type '{name}' is already defined")
        schema.by_name[name] = d
    elif any(o.kind == kind and o.name == name for o in schema.defs):
        raise SchemaError(f"{info}: {kind} '{name}' is already defined")
    schema.defs.append(d)


def _check_type(schema, typ, info, where, allow_list=True):
    if isinstance(typ, list):
        if not allow_list or len(typ) != 1:
            raise SchemaError(f'{info}: {where}: a list type is written '
                              '["T"] with one element type')
        elem = typ[0]
        _check_type(schema, elem, info, where, allow_list=False)
        if elem != 'str' and not (elem in schema.by_name and
                                  schema.by_name[elem].kind in ('struct',
                                                                'union')):
            raise SchemaError(f"{info}: {where}: lists of '{elem}' are not "
                              "supported (only of str, structs and unions)")
        return
    if not isinstance(typ, str):
        raise SchemaError(f'{info}: {where}: a type must be a name or '
                          '["T"]')
    if typ not in BUILTINS and typ not in schema.by_name:
        raise SchemaError(f"{info}: {where}: unknown type '{typ}'")


def _check_union(schema, d):
    where = f"{d.info}: union '{d.name}'"
    tag = [m for m in d.members if m.name == d.discriminator]
    enum = schema.by_name.get(tag[0].type) if tag else None
    if not tag or tag[0].optional or not isinstance(tag[0].type, str) or \
            enum is None or enum.kind != 'enum':
        raise SchemaError(f"{where}: 'discriminator' must name a required "
                          "base member of an enum type")
    d.tag_enum = enum
    base_names = {m.name for m in d.members}
    for value, typ in d.branches.items():
        if value not in enum.values:
            raise SchemaError(f"{where}: branch '{value}' is not a value of "
                              f"enum '{enum.name}'")
        b = schema.by_name.get(typ) if isinstance(typ, str) else None
        if b is None or b.kind != 'struct':
            raise SchemaError(f"{where}: branch '{value}' must be a struct "
                              f"(got {json.dumps(typ)})")
        clash = base_names & {m.name for m in b.members}
        if clash:
            raise SchemaError(f"{where}: branch '{value}' repeats base "
                              f"member '{sorted(clash)[0]}'")


def _check(schema):
    for d in schema.defs:
        for m in getattr(d, 'members', []):
            _check_type(schema, m.type, d.info,
                        f"{d.kind} '{d.name}' member '{m.name}'")
        names = [m.c_name for m in getattr(d, 'members', [])]
        if len(set(names)) != len(names):
            raise SchemaError(f"{d.info}: {d.kind} '{d.name}': two members "
                              "have the same C name")
        if d.kind == 'command' and d.returns is not None:
            _check_type(schema, d.returns, d.info,
                        f"command '{d.name}' returns")
            if isinstance(d.returns, str) and \
                    d.returns in schema.by_name and \
                    schema.by_name[d.returns].kind == 'enum':
                raise SchemaError(f"{d.info}: command '{d.name}': returning "
                                  "an enum is not supported (wrap it in a "
                                  "struct)")
    for d in schema.types('union'):
        _check_union(schema, d)


def load(path):
    """Read the schema rooted at @path; raise SchemaError on any problem."""
    schema = Schema()
    _read_file(path, schema, set())
    _check(schema)
    return schema
