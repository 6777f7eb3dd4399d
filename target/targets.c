/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The one list of built-in frontends, and the lookup that also loads
 * frontends built as modules (libhemu-target-<name>.so exporting
 * `hemu_target_register`, see exec/target-arch.h).  Adding a built-in
 * architecture is one line in hemu_target_list[].
 *
 * Nothing is cached: GModule keeps a loaded module's handle counted, so a
 * second lookup of the same module reopens the same library.  Modules
 * are made resident (never unloaded): their tables are used for the life
 * of the process.
 */
#include "exec/target-arch.h"
#include <gmodule.h>

extern const TargetArch aarch64_arch;
extern const TargetArch hexagon_arch;

const TargetArch *const hemu_target_list[] = {
    &aarch64_arch,
    &hexagon_arch,
    NULL
};

static bool check_range(const TargetArch *a, const char *field, unsigned v,
                        unsigned lo, unsigned hi, Error **errp)
{
    if (v < lo || v > hi) {
        error_setg(errp, "frontend '%s': %s is %u (accepted: %u..%u)",
                   a->name, field, v, lo, hi);
        return false;
    }
    return true;
}

bool target_arch_validate(const TargetArch *a, Error **errp)
{
    if (!a->name || !a->name[0]) {
        error_setg(errp, "frontend table has no name");
        return false;
    }
    if (!check_range(a, "min_page_bits", a->min_page_bits,
                     TCG_MIN_PAGE_BITS, 30, errp) ||
        !check_range(a, "max_page_bits", a->max_page_bits,
                     a->min_page_bits, 30, errp) ||
        !check_range(a, "default_page_bits", a->default_page_bits,
                     a->min_page_bits, a->max_page_bits, errp) ||
        !check_range(a, "vaddr_bits", a->vaddr_bits, 1, 64, errp) ||
        !check_range(a, "paddr_bits", a->paddr_bits, 1, 64, errp) ||
        !check_range(a, "nb_mmu_idx", a->nb_mmu_idx, 1, 16, errp) ||
        !check_range(a, "nb_irq_lines", a->nb_irq_lines, 0, 16, errp) ||
        !check_range(a, "insn_start_words", a->insn_start_words, 1, 3,
                     errp) ||
        !check_range(a, "insn_align", a->insn_align, 1, 64, errp)) {
        return false;
    }
    if (!a->cpu_type || !a->tcg_init || !a->translate || !a->get_tb_key ||
        !a->restore_state || !a->cpu_mmu_index || !a->cpu_exec_interrupt ||
        !a->do_exception || !a->tlb_fill || !a->has_work) {
        error_setg(errp, "frontend '%s': a required field is missing "
                   "(cpu_type, tcg_init, translate, get_tb_key, "
                   "restore_state, cpu_mmu_index, cpu_exec_interrupt, "
                   "do_exception, tlb_fill, has_work)", a->name);
        return false;
    }
    return true;
}

/* The module directory: $HEMU_MODULE_DIR, else the binary's. */
static char *target_module_dir(void)
{
    const char *env = g_getenv("HEMU_MODULE_DIR");
    g_autofree char *exe = NULL;

    if (env && env[0]) {
        return g_strdup(env);
    }
    exe = g_file_read_link("/proc/self/exe", NULL);
    return exe ? g_path_get_dirname(exe) : g_strdup(".");
}

const TargetArch *target_arch_load_module(const char *path, Error **errp)
{
    GModule *mod;
    gpointer sym = NULL;
    const TargetArch *arch;

    if (!g_module_supported()) {
        error_setg(errp, "cannot load frontend module '%s': this build has "
                   "no module support", path);
        return NULL;
    }
    mod = g_module_open(path, G_MODULE_BIND_LOCAL);
    if (!mod) {
        error_setg(errp, "cannot load frontend module '%s': %s", path,
                   g_module_error());
        return NULL;
    }
    if (!g_module_symbol(mod, TARGET_REGISTER_SYMBOL, &sym) || !sym) {
        error_setg(errp, "frontend module '%s' does not export '%s' (is it "
                   "a hemu frontend?)", path, TARGET_REGISTER_SYMBOL);
        g_module_close(mod);
        return NULL;
    }
    arch = ((TargetRegisterFn)sym)();
    if (!arch || !target_arch_validate(arch, errp)) {
        if (!arch) {
            error_setg(errp, "frontend module '%s' returned no table", path);
        } else {
            error_prepend(errp, "frontend module '%s': ", path);
        }
        g_module_close(mod);
        return NULL;
    }
    g_module_make_resident(mod);
    return arch;
}

static char *target_known_names(void)
{
    GString *s = g_string_new(NULL);

    for (size_t i = 0; hemu_target_list[i]; i++) {
        g_string_append_printf(s, "%s%s", i ? ", " : "",
                               hemu_target_list[i]->name);
    }
    return g_string_free(s, FALSE);
}

static bool target_name_ok(const char *name)
{
    if (!name[0]) {
        return false;
    }
    for (const char *p = name; *p; p++) {
        if (!g_ascii_isalnum(*p) && *p != '_' && *p != '-') {
            return false;
        }
    }
    return true;
}

const TargetArch *target_arch_lookup(const char *name, Error **errp)
{
    g_autofree char *dir = NULL, *file = NULL, *path = NULL, *known = NULL;
    const TargetArch *arch;
    Error *local = NULL;

    for (size_t i = 0; hemu_target_list[i]; i++) {
        if (!strcmp(hemu_target_list[i]->name, name)) {
            return hemu_target_list[i];
        }
    }
    known = target_known_names();
    if (!target_name_ok(name)) {
        error_setg(errp, "unknown target '%s' (built in: %s; see -target "
                   "help)", name, known[0] ? known : "none");
        return NULL;
    }
    dir = target_module_dir();
    file = g_strdup_printf("libhemu-target-%s.so", name);
    path = g_build_filename(dir, file, NULL);
    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        error_setg(errp, "unknown target '%s': not built in (built in: %s) "
                   "and no module %s", name, known[0] ? known : "none",
                   path);
        return NULL;
    }
    arch = target_arch_load_module(path, &local);
    if (!arch) {
        error_propagate(errp, local);
        return NULL;
    }
    if (strcmp(arch->name, name) != 0) {
        error_setg(errp, "frontend module '%s' is for target '%s', not '%s'",
                   path, arch->name, name);
        return NULL;
    }
    return arch;
}

void target_arch_print_list(FILE *out)
{
    g_autofree char *dir = target_module_dir();
    GDir *d;
    const char *ent;
    unsigned shown = 0;

    fprintf(out, "Targets (architectures of CPU clusters):\n");
    for (size_t i = 0; hemu_target_list[i]; i++, shown++) {
        fprintf(out, "  %-12s built in   %s\n", hemu_target_list[i]->name,
                hemu_target_list[i]->description ?
                hemu_target_list[i]->description : "");
    }
    d = g_dir_open(dir, 0, NULL);
    while (d && (ent = g_dir_read_name(d))) {
        size_t n = strlen(ent);
        if (g_str_has_prefix(ent, "libhemu-target-") && n > 18 &&
            g_str_has_suffix(ent, ".so")) {
            g_autofree char *name = g_strndup(ent + 15, n - 18);
            fprintf(out, "  %-12s loadable   %s/%s\n", name, dir, ent);
            shown++;
        }
    }
    if (d) {
        g_dir_close(d);
    }
    if (!shown) {
        fprintf(out, "  (none built in, and no libhemu-target-*.so in %s)\n",
                dir);
    }
}
