/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Machine files, loading: read a YAML file with libyaml, turn it into a
 * tree of MachineFileNode (include/system/machine-file.h) that remembers
 * where each node came from, follow the "include:" chain and merge.
 *
 * Merging (docs/user/machine-files.md): mappings merge key by key, the
 * including file winning; in lists, an entry whose "id" matches an
 * earlier entry replaces it in place, others are appended; anything else
 * is overridden.  Includes are relative to the including file; a file
 * that includes itself through the chain is an error naming the chain.
 *
 * Limits keep hostile input harmless: nesting depth and node count (YAML
 * aliases can multiply a small file) are bounded.
 */
#include "system/machine-file.h"

#include <yaml.h>

#define MF_MAX_DEPTH 64         /* nesting of mappings and lists */
#define MF_MAX_NODES 100000     /* nodes of one load, aliases expanded */
#define MF_MAX_INCLUDE_DEPTH 16

typedef struct MfLoader {
    MachineFileDoc *doc;
    GPtrArray *chain;           /* char *: files being loaded, outermost
                                   first (for cycle errors) */
} MfLoader;

const char *machine_file_kind_name(MachineFileNodeKind kind)
{
    switch (kind) {
    case MF_SCALAR:
        return "a scalar";
    case MF_MAPPING:
        return "a mapping";
    case MF_SEQUENCE:
        return "a list";
    }
    return "?";
}

char *machine_file_where(const MachineFileNode *n)
{
    return g_strdup_printf("%s:%u:%u", n->file, n->line, n->col);
}

MachineFileNode *machine_file_lookup(MachineFileNode *map, const char *key)
{
    if (!map || map->kind != MF_MAPPING) {
        return NULL;
    }
    for (guint i = 0; i < map->keys->len; i++) {
        MachineFileNode *k = map->keys->pdata[i];

        if (!strcmp(k->scalar, key)) {
            return map->items->pdata[i];
        }
    }
    return NULL;
}

static void mf_node_free(gpointer p)
{
    MachineFileNode *n = p;

    g_free(n->scalar);
    if (n->keys) {
        g_ptr_array_free(n->keys, true);
    }
    if (n->items) {
        g_ptr_array_free(n->items, true);
    }
    g_free(n);
}

void machine_file_doc_free(MachineFileDoc *doc)
{
    if (!doc) {
        return;
    }
    g_ptr_array_free(doc->nodes, true);
    g_ptr_array_free(doc->strings, true);
    g_free(doc);
}

static MachineFileNode *mf_node_new(MachineFileDoc *doc,
                                    MachineFileNodeKind kind,
                                    const char *file, unsigned line,
                                    unsigned col)
{
    MachineFileNode *n = g_new0(MachineFileNode, 1);

    n->kind = kind;
    n->file = file;
    n->line = line;
    n->col = col;
    if (kind == MF_MAPPING) {
        n->keys = g_ptr_array_new();
    }
    if (kind != MF_SCALAR) {
        n->items = g_ptr_array_new();
    }
    g_ptr_array_add(doc->nodes, n);
    return n;
}

/* Convert libyaml node @yn (of @ydoc) read from @file. */
static MachineFileNode *mf_convert(MachineFileDoc *doc, yaml_document_t *ydoc,
                                   yaml_node_t *yn, const char *file,
                                   unsigned depth, Error **errp)
{
    unsigned line = yn->start_mark.line + 1, col = yn->start_mark.column + 1;
    MachineFileNode *n;

    if (depth > MF_MAX_DEPTH || doc->nodes->len >= MF_MAX_NODES) {
        error_setg(errp, "%s:%u:%u: document too large (at most %d levels "
                   "of nesting and %d nodes, aliases expanded)", file, line,
                   col, MF_MAX_DEPTH, MF_MAX_NODES);
        return NULL;
    }
    switch (yn->type) {
    case YAML_SCALAR_NODE:
        n = mf_node_new(doc, MF_SCALAR, file, line, col);
        n->scalar = g_strndup((const char *)yn->data.scalar.value,
                              yn->data.scalar.length);
        if (strlen(n->scalar) != yn->data.scalar.length) {
            error_setg(errp, "%s:%u:%u: NUL character in a scalar", file,
                       line, col);
            return NULL;
        }
        return n;
    case YAML_SEQUENCE_NODE:
        n = mf_node_new(doc, MF_SEQUENCE, file, line, col);
        for (yaml_node_item_t *it = yn->data.sequence.items.start;
             it < yn->data.sequence.items.top; it++) {
            MachineFileNode *c = mf_convert(doc, ydoc,
                                            yaml_document_get_node(ydoc, *it),
                                            file, depth + 1, errp);
            if (!c) {
                return NULL;
            }
            g_ptr_array_add(n->items, c);
        }
        return n;
    case YAML_MAPPING_NODE:
        n = mf_node_new(doc, MF_MAPPING, file, line, col);
        for (yaml_node_pair_t *p = yn->data.mapping.pairs.start;
             p < yn->data.mapping.pairs.top; p++) {
            MachineFileNode *k, *v;

            k = mf_convert(doc, ydoc, yaml_document_get_node(ydoc, p->key),
                           file, depth + 1, errp);
            if (!k) {
                return NULL;
            }
            if (k->kind != MF_SCALAR) {
                error_setg(errp, "%s:%u:%u: a mapping key must be a scalar, "
                           "not %s", file, k->line, k->col,
                           machine_file_kind_name(k->kind));
                return NULL;
            }
            if (machine_file_lookup(n, k->scalar)) {
                error_setg(errp, "%s:%u:%u: duplicate key '%s' in this "
                           "mapping", file, k->line, k->col, k->scalar);
                return NULL;
            }
            v = mf_convert(doc, ydoc, yaml_document_get_node(ydoc, p->value),
                           file, depth + 1, errp);
            if (!v) {
                return NULL;
            }
            g_ptr_array_add(n->keys, k);
            g_ptr_array_add(n->items, v);
        }
        return n;
    default:
        error_setg(errp, "%s:%u:%u: empty YAML node", file, line, col);
        return NULL;
    }
}

/* Parse one file into nodes (no includes followed). */
static MachineFileNode *mf_parse_file(MachineFileDoc *doc, const char *file,
                                      Error **errp)
{
    yaml_parser_t parser;
    yaml_document_t ydoc;
    yaml_node_t *yroot;
    MachineFileNode *root = NULL;
    FILE *f = fopen(file, "rb");

    if (!f) {
        error_setg_errno(errp, errno, "%s: cannot open machine file", file);
        return NULL;
    }
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, f);
    if (!yaml_parser_load(&parser, &ydoc)) {
        error_setg(errp, "%s:%zu:%zu: YAML syntax error: %s%s%s", file,
                   parser.problem_mark.line + 1,
                   parser.problem_mark.column + 1,
                   parser.problem ? parser.problem : "unknown problem",
                   parser.context ? " " : "",
                   parser.context ? parser.context : "");
        goto out_parser;
    }
    yroot = yaml_document_get_root_node(&ydoc);
    if (!yroot) {
        error_setg(errp, "%s:1:1: empty machine file (expected a mapping "
                   "with at least a 'machine:' key)", file);
        goto out_doc;
    }
    root = mf_convert(doc, &ydoc, yroot, file, 0, errp);
    if (root && root->kind != MF_MAPPING) {
        error_setg(errp, "%s:%u:%u: expected a mapping at the top level, "
                   "found %s", file, root->line, root->col,
                   machine_file_kind_name(root->kind));
        root = NULL;
    }
out_doc:
    yaml_document_delete(&ydoc);
out_parser:
    yaml_parser_delete(&parser);
    fclose(f);
    return root;
}

/* The "id" of a list entry, or NULL when it has none. */
static const char *mf_entry_id(MachineFileNode *n)
{
    MachineFileNode *id = machine_file_lookup(n, "id");

    return id && id->kind == MF_SCALAR ? id->scalar : NULL;
}

static MachineFileNode *mf_merge(MachineFileDoc *doc, MachineFileNode *base,
                                 MachineFileNode *over);

static MachineFileNode *mf_merge_lists(MachineFileDoc *doc,
                                       MachineFileNode *base,
                                       MachineFileNode *over)
{
    MachineFileNode *n = mf_node_new(doc, MF_SEQUENCE, over->file,
                                     over->line, over->col);

    for (guint i = 0; i < base->items->len; i++) {
        g_ptr_array_add(n->items, base->items->pdata[i]);
    }
    for (guint i = 0; i < over->items->len; i++) {
        MachineFileNode *e = over->items->pdata[i];
        const char *id = mf_entry_id(e);
        bool replaced = false;

        for (guint j = 0; id && j < base->items->len; j++) {
            const char *bid = mf_entry_id(n->items->pdata[j]);

            if (bid && !strcmp(bid, id)) {
                n->items->pdata[j] = e;
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            g_ptr_array_add(n->items, e);
        }
    }
    return n;
}

static MachineFileNode *mf_merge_maps(MachineFileDoc *doc,
                                      MachineFileNode *base,
                                      MachineFileNode *over)
{
    MachineFileNode *n = mf_node_new(doc, MF_MAPPING, over->file,
                                     over->line, over->col);

    for (guint i = 0; i < base->keys->len; i++) {
        MachineFileNode *k = base->keys->pdata[i];
        MachineFileNode *o = machine_file_lookup(over, k->scalar);

        g_ptr_array_add(n->keys, k);
        g_ptr_array_add(n->items, o ? mf_merge(doc, base->items->pdata[i], o)
                                    : base->items->pdata[i]);
    }
    for (guint i = 0; i < over->keys->len; i++) {
        MachineFileNode *k = over->keys->pdata[i];

        if (!machine_file_lookup(base, k->scalar)) {
            g_ptr_array_add(n->keys, k);
            g_ptr_array_add(n->items, over->items->pdata[i]);
        }
    }
    return n;
}

/* @over on top of @base (a new node; the inputs are kept). */
static MachineFileNode *mf_merge(MachineFileDoc *doc, MachineFileNode *base,
                                 MachineFileNode *over)
{
    if (base->kind == MF_MAPPING && over->kind == MF_MAPPING) {
        return mf_merge_maps(doc, base, over);
    }
    if (base->kind == MF_SEQUENCE && over->kind == MF_SEQUENCE) {
        return mf_merge_lists(doc, base, over);
    }
    return over;
}

static MachineFileNode *mf_load_file(MfLoader *l, const char *file,
                                     const MachineFileNode *from,
                                     Error **errp);

/* Load include @inc (a scalar node of @file's "include:"), merge into
   *@base. */
static bool mf_load_include(MfLoader *l, MachineFileNode *inc,
                            MachineFileNode **base, Error **errp)
{
    g_autofree char *dir = NULL;
    char *path;
    MachineFileNode *n;

    if (inc->kind != MF_SCALAR || !*inc->scalar) {
        error_setg(errp, "%s:%u:%u: 'include' expects a file name or a list "
                   "of file names, found %s", inc->file, inc->line, inc->col,
                   machine_file_kind_name(inc->kind));
        return false;
    }
    dir = g_path_get_dirname(inc->file);
    path = g_path_is_absolute(inc->scalar) ? g_strdup(inc->scalar)
                                          : g_build_filename(dir, inc->scalar,
                                                             NULL);
    g_ptr_array_add(l->doc->strings, path);
    n = mf_load_file(l, path, inc, errp);
    if (!n) {
        return false;
    }
    *base = *base ? mf_merge(l->doc, *base, n) : n;
    return true;
}

/* Is @file (by identity) already on the chain?  Error naming it if so. */
static bool mf_check_cycle(MfLoader *l, const char *file,
                           const MachineFileNode *from, Error **errp)
{
    g_autofree char *real = realpath(file, NULL);
    g_autoptr(GString) chain = g_string_new(NULL);
    bool cycle = false;

    for (guint i = 0; real && i < l->chain->len; i++) {
        g_autofree char *other = realpath(l->chain->pdata[i], NULL);

        cycle |= other && !strcmp(other, real);
    }
    if (!cycle && l->chain->len < MF_MAX_INCLUDE_DEPTH) {
        return true;
    }
    for (guint i = 0; i < l->chain->len; i++) {
        g_string_append_printf(chain, "%s -> ",
                               (char *)l->chain->pdata[i]);
    }
    g_string_append(chain, file);
    error_setg(errp, "%s:%u:%u: %s: %s", from->file, from->line, from->col,
               cycle ? "include cycle" : "includes nested too deeply",
               chain->str);
    return false;
}

static MachineFileNode *mf_load_file(MfLoader *l, const char *file,
                                     const MachineFileNode *from,
                                     Error **errp)
{
    MachineFileNode *root, *inc, *base = NULL;
    bool ok = true;

    if (from && !mf_check_cycle(l, file, from, errp)) {
        return NULL;
    }
    if (from && access(file, R_OK) != 0) {
        error_setg_errno(errp, errno, "%s:%u:%u: cannot read included file "
                         "'%s'", from->file, from->line, from->col, file);
        return NULL;
    }
    root = mf_parse_file(l->doc, file, errp);
    if (!root) {
        return NULL;
    }
    inc = machine_file_lookup(root, "include");
    if (!inc) {
        return root;
    }
    g_ptr_array_add(l->chain, (char *)file);
    if (inc->kind == MF_SEQUENCE) {
        for (guint i = 0; ok && i < inc->items->len; i++) {
            ok = mf_load_include(l, inc->items->pdata[i], &base, errp);
        }
    } else {
        ok = mf_load_include(l, inc, &base, errp);
    }
    g_ptr_array_remove_index(l->chain, l->chain->len - 1);
    if (!ok) {
        return NULL;
    }
    return base ? mf_merge(l->doc, base, root) : root;
}

MachineFileDoc *machine_file_load(const char *path, Error **errp)
{
    MachineFileDoc *doc = g_new0(MachineFileDoc, 1);
    g_autoptr(GPtrArray) chain = g_ptr_array_new();
    MfLoader l = { .doc = doc, .chain = chain };
    char *file = g_strdup(path);

    doc->nodes = g_ptr_array_new_with_free_func(mf_node_free);
    doc->strings = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(doc->strings, file);
    doc->root = mf_load_file(&l, file, NULL, errp);
    if (!doc->root) {
        machine_file_doc_free(doc);
        return NULL;
    }
    return doc;
}
