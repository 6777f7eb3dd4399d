/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Machine files: a board described in YAML (docs/user/machine-files.md)
 * and built through the same calls C machines use (machine_new, objects
 * under /objects, devices as children of the machine, GPIO wiring,
 * memory mappings, machine_build).
 *
 * The loader (machine-file-load.c) turns a file and its includes into one
 * merged tree of MachineFileNode; the builder (machine-file.c) walks it.
 * Every node remembers the file, line and column (1-based) it came from,
 * so that every error names file:line:column.
 */
#ifndef SYSTEM_MACHINE_FILE_H
#define SYSTEM_MACHINE_FILE_H

#include "hemu/osdep.h"
#include "hw/boards.h"
#include "qom/object.h"
#include "util/error.h"

/*
 * Build the machine described by the YAML file @path (and the files it
 * includes) at /machine of @root, its objects at /objects/<id>.  Returns
 * the built (realized, not started) machine, or NULL with an error that
 * names file:line:column; on error nothing is left in @root.
 */
MachineState *machine_file_create(Object *root, const char *path,
                                  Error **errp);

/* ---------------------------------------------------------------------- */
/* Internal to system/machine-file*.c: the loaded document.               */

typedef enum MachineFileNodeKind {
    MF_SCALAR,
    MF_MAPPING,
    MF_SEQUENCE,
} MachineFileNodeKind;

typedef struct MachineFileNode MachineFileNode;
struct MachineFileNode {
    MachineFileNodeKind kind;
    const char *file;           /* path as given (owned by the loader) */
    unsigned line, col;         /* 1-based position of the node's start */
    char *scalar;               /* MF_SCALAR: the text, never NULL */
    GPtrArray *keys;            /* MF_MAPPING: MachineFileNode * scalars */
    GPtrArray *items;           /* MF_MAPPING: values, parallel to keys;
                                   MF_SEQUENCE: the entries */
};

/* Owns every node and file name of one load. */
typedef struct MachineFileDoc {
    GPtrArray *nodes;           /* every MachineFileNode, freed together */
    GPtrArray *strings;         /* file names */
    MachineFileNode *root;      /* the merged top-level mapping */
} MachineFileDoc;

/*
 * Load @path and its includes, merged (the including file's keys win).
 * Returns NULL with a file:line:column error.  Free with
 * machine_file_doc_free.
 */
MachineFileDoc *machine_file_load(const char *path, Error **errp);
void machine_file_doc_free(MachineFileDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MachineFileDoc, machine_file_doc_free)

/* The value of @key in mapping @map, or NULL. */
MachineFileNode *machine_file_lookup(MachineFileNode *map, const char *key);
/* "file:line:col" of @n; g_free it. */
char *machine_file_where(const MachineFileNode *n);
/* Name of a node kind for messages ("a mapping"). */
const char *machine_file_kind_name(MachineFileNodeKind kind);

#endif
