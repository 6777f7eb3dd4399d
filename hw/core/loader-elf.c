/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ELF loader (include/hw/loader.h): PT_LOAD segments of ELF32/ELF64, little
 * or big endian, into an address space.
 *
 * The file is never accessed through casted structs: every field is read
 * with an explicit size and byte order from a bounds-checked offset, so
 * any input (truncated, hostile, misaligned) is safe.  Everything is
 * validated first (headers, then every segment: file range, sizes,
 * address range, translation, backing memory), and only then written.
 * Constants come from glibc's <elf.h>.  Spec: System V ABI, "Object
 * Files": ELF header (e_ident, e_type, e_machine, e_entry, e_phoff,
 * e_phentsize, e_phnum) and program header (p_type, p_offset, p_vaddr,
 * p_paddr, p_filesz, p_memsz).  load_elf_entry_paddr() maps e_entry to
 * where it was loaded, for boards that start a CPU at a physical address.
 */
#include "hemu/osdep.h"
#include <elf.h>
#include "hw/loader.h"
#include "system/memory.h"
#include "internal.h"

/* The header fields we use, whatever the class and byte order. */
typedef struct ElfInfo {
    const uint8_t *data;        /* the whole file */
    size_t size;                /* bytes in @data */
    const char *name;           /* for messages */
    bool is64;
    bool big_endian;
    uint16_t type, machine;
    uint32_t flags;
    uint64_t entry, phoff;
    uint16_t phentsize, phnum;
} ElfInfo;

/* One PT_LOAD segment, validated and placed. */
typedef struct ElfSeg {
    unsigned index;             /* in the program header table */
    uint64_t offset, filesz, memsz;
    hwaddr dest;                /* where it lands in the address space */
} ElfSeg;

static uint64_t elf_rd(const ElfInfo *e, uint64_t off, unsigned size)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < size; i++) {
        unsigned shift = e->big_endian ? 8 * (size - 1 - i) : 8 * i;

        v |= (uint64_t)e->data[off + i] << shift;
    }
    return v;
}

static bool elf_parse_ident(ElfInfo *e, Error **errp)
{
    if (e->size < EI_NIDENT || memcmp(e->data, ELFMAG, SELFMAG) != 0) {
        error_setg(errp, "%s: not an ELF file (bad magic)", e->name);
        return false;
    }
    switch (e->data[EI_CLASS]) {
    case ELFCLASS32:
        e->is64 = false;
        break;
    case ELFCLASS64:
        e->is64 = true;
        break;
    default:
        error_setg(errp, "%s: unknown ELF class %u (accepted: 1 for ELF32, "
                   "2 for ELF64)", e->name, e->data[EI_CLASS]);
        return false;
    }
    switch (e->data[EI_DATA]) {
    case ELFDATA2LSB:
        e->big_endian = false;
        break;
    case ELFDATA2MSB:
        e->big_endian = true;
        break;
    default:
        error_setg(errp, "%s: unknown ELF data encoding %u (accepted: 1 "
                   "little endian, 2 big endian)", e->name,
                   e->data[EI_DATA]);
        return false;
    }
    if (e->data[EI_VERSION] != EV_CURRENT) {
        error_setg(errp, "%s: unsupported ELF version %u (accepted: 1)",
                   e->name, e->data[EI_VERSION]);
        return false;
    }
    return true;
}

static bool elf_parse_header(ElfInfo *e, Error **errp)
{
    size_t ehsize = e->is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
    unsigned w = e->is64 ? 8 : 4;   /* size of addresses and offsets */

    if (e->size < ehsize) {
        error_setg(errp, "%s: truncated ELF header (%zu bytes, need %zu)",
                   e->name, e->size, ehsize);
        return false;
    }
    /* Field offsets from the ELF header layout of the spec. */
    e->type = elf_rd(e, 16, 2);
    e->machine = elf_rd(e, 18, 2);
    e->entry = elf_rd(e, 24, w);
    e->phoff = elf_rd(e, 24 + w, w);
    e->flags = elf_rd(e, 24 + 3 * w, 4);
    e->phentsize = elf_rd(e, 24 + 3 * w + 6, 2);
    e->phnum = elf_rd(e, 24 + 3 * w + 8, 2);
    return true;
}

static bool elf_check_header(const ElfInfo *e, const LoadElfOptions *opts,
                             Error **errp)
{
    size_t phsize = e->is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);

    if (e->type != ET_EXEC && e->type != ET_DYN) {
        error_setg(errp, "%s: ELF type %u is not loadable (accepted: "
                   "ET_EXEC, ET_DYN)", e->name, e->type);
        return false;
    }
    if (opts->machine && e->machine != opts->machine) {
        error_setg(errp, "%s: ELF machine %u (e_machine) does not match the "
                   "CPU's %u", e->name, e->machine, opts->machine);
        return false;
    }
    if (e->phnum == 0 || e->phnum == PN_XNUM) {
        error_setg(errp, "%s: %s program headers (e_phnum %u)", e->name,
                   e->phnum ? "extended numbering of" : "no", e->phnum);
        return false;
    }
    if (e->phentsize < phsize) {
        error_setg(errp, "%s: program header size %u is smaller than %zu",
                   e->name, e->phentsize, phsize);
        return false;
    }
    if (e->phoff > e->size ||
        (uint64_t)e->phnum * e->phentsize > e->size - e->phoff) {
        error_setg(errp, "%s: program headers at offset 0x%" PRIx64 " (%u x "
                   "%u bytes) extend beyond the end of the file (%zu bytes)",
                   e->name, e->phoff, e->phnum, e->phentsize, e->size);
        return false;
    }
    return true;
}

/* Read program header @i into @seg; false if it is not a PT_LOAD. */
static bool elf_read_phdr(const ElfInfo *e, unsigned i, ElfSeg *seg,
                          uint64_t *addr, const LoadElfOptions *opts)
{
    uint64_t ph = e->phoff + (uint64_t)i * e->phentsize;
    uint64_t vaddr, paddr;

    if (elf_rd(e, ph, 4) != PT_LOAD) {
        return false;
    }
    seg->index = i;
    if (e->is64) {
        seg->offset = elf_rd(e, ph + 8, 8);
        vaddr = elf_rd(e, ph + 16, 8);
        paddr = elf_rd(e, ph + 24, 8);
        seg->filesz = elf_rd(e, ph + 32, 8);
        seg->memsz = elf_rd(e, ph + 40, 8);
    } else {
        seg->offset = elf_rd(e, ph + 4, 4);
        vaddr = elf_rd(e, ph + 8, 4);
        paddr = elf_rd(e, ph + 12, 4);
        seg->filesz = elf_rd(e, ph + 16, 4);
        seg->memsz = elf_rd(e, ph + 20, 4);
    }
    *addr = opts->use_vaddr ? vaddr : paddr;
    return true;
}

/* Validate segment @seg whose image address is @addr and place it. */
static bool elf_check_segment(const ElfInfo *e, ElfSeg *seg, uint64_t addr,
                              AddressSpace *as, const LoadElfOptions *opts,
                              Error **errp)
{
    uint64_t limit = e->is64 ? UINT64_MAX : UINT32_MAX;
    g_autofree char *what = g_strdup_printf("segment %u", seg->index);

    if (seg->filesz > seg->memsz) {
        error_setg(errp, "%s: %s: file size 0x%" PRIx64 " is larger than "
                   "its memory size 0x%" PRIx64, e->name, what, seg->filesz,
                   seg->memsz);
        return false;
    }
    if (seg->offset > e->size || seg->filesz > e->size - seg->offset) {
        error_setg(errp, "%s: %s: file data at offset 0x%" PRIx64 " (0x%"
                   PRIx64 " bytes) extends beyond the end of the file (%zu "
                   "bytes)", e->name, what, seg->offset, seg->filesz,
                   e->size);
        return false;
    }
    if (seg->memsz && seg->memsz - 1 > limit - addr) {
        error_setg(errp, "%s: %s at 0x%" PRIx64 " (0x%" PRIx64 " bytes) "
                   "runs past the end of the %d-bit address space", e->name,
                   what, addr, seg->memsz, e->is64 ? 64 : 32);
        return false;
    }
    seg->dest = addr;
    if (opts->translate &&
        !opts->translate(opts->translate_opaque, addr, &seg->dest)) {
        error_setg(errp, "%s: %s at 0x%" PRIx64 " is outside the memory "
                   "this machine can load into", e->name, what, addr);
        return false;
    }
    if (seg->memsz && seg->memsz - 1 > HWADDR_MAX - seg->dest) {
        error_setg(errp, "%s: %s translated to 0x%" HWADDR_PRIx " (0x%"
                   PRIx64 " bytes) runs past the end of the address space",
                   e->name, what, seg->dest, seg->memsz);
        return false;
    }
    return !seg->memsz ||
           loader_check_backed(e->name, what, as, seg->dest, seg->memsz,
                               errp);
}

static bool elf_collect_segments(const ElfInfo *e, AddressSpace *as,
                                 const LoadElfOptions *opts, GArray *segs,
                                 Error **errp)
{
    for (unsigned i = 0; i < e->phnum; i++) {
        ElfSeg seg;
        uint64_t addr;

        if (!elf_read_phdr(e, i, &seg, &addr, opts)) {
            continue;
        }
        if (!elf_check_segment(e, &seg, addr, as, opts, errp)) {
            return false;
        }
        if (seg.memsz) {
            g_array_append_val(segs, seg);
        }
    }
    if (segs->len == 0) {
        error_setg(errp, "%s: no PT_LOAD segment with contents", e->name);
        return false;
    }
    return true;
}

static bool elf_write_segments(const ElfInfo *e, AddressSpace *as,
                               GArray *segs, LoadElfResult *res,
                               Error **errp)
{
    for (guint i = 0; i < segs->len; i++) {
        ElfSeg *s = &g_array_index(segs, ElfSeg, i);
        g_autofree char *what = g_strdup_printf("segment %u", s->index);

        if (!loader_write(e->name, what, as, s->dest, e->data + s->offset,
                          s->filesz, errp) ||
            !loader_write(e->name, what, as, s->dest + s->filesz, NULL,
                          s->memsz - s->filesz, errp)) {
            return false;
        }
        res->lowest = HEMU_MIN(res->lowest, s->dest);
        res->highest = HEMU_MAX(res->highest, s->dest + (s->memsz - 1));
    }
    return true;
}

bool load_elf_buffer_as(const void *data, size_t size, const char *name,
                        AddressSpace *as, const LoadElfOptions *opts,
                        LoadElfResult *res, Error **errp)
{
    static const LoadElfOptions no_opts;
    ElfInfo e = { .data = data, .size = size, .name = name };
    LoadElfResult r = { .lowest = HWADDR_MAX, .highest = 0 };
    g_autoptr(GArray) segs = g_array_new(false, false, sizeof(ElfSeg));

    opts = opts ? opts : &no_opts;
    if (!elf_parse_ident(&e, errp) || !elf_parse_header(&e, errp) ||
        !elf_check_header(&e, opts, errp) ||
        !elf_collect_segments(&e, as, opts, segs, errp) ||
        !elf_write_segments(&e, as, segs, &r, errp)) {
        return false;
    }
    r.entry = e.entry;
    r.entry_paddr = load_elf_entry_paddr(data, size, e.entry);
    r.machine = e.machine;
    r.flags = e.flags;
    r.elf_class = e.is64 ? 64 : 32;
    r.big_endian = e.big_endian;
    if (res) {
        *res = r;
    }
    return true;
}

/*
 * Read the PT_LOAD program header @i: its p_vaddr, p_paddr and p_memsz.
 * False when it is not PT_LOAD.  The table was bounds-checked.
 */
static bool elf_phdr_addrs(const ElfInfo *e, unsigned i, uint64_t *vaddr,
                           uint64_t *paddr, uint64_t *memsz)
{
    uint64_t ph = e->phoff + (uint64_t)i * e->phentsize;

    if (elf_rd(e, ph, 4) != PT_LOAD) {
        return false;
    }
    if (e->is64) {
        *vaddr = elf_rd(e, ph + 16, 8);
        *paddr = elf_rd(e, ph + 24, 8);
        *memsz = elf_rd(e, ph + 40, 8);
    } else {
        *vaddr = elf_rd(e, ph + 8, 4);
        *paddr = elf_rd(e, ph + 12, 4);
        *memsz = elf_rd(e, ph + 20, 4);
    }
    return true;
}

uint64_t load_elf_entry_paddr(const void *data, size_t size, uint64_t entry)
{
    static const LoadElfOptions no_opts;
    ElfInfo e = { .data = data, .size = size, .name = "" };

    if (!elf_parse_ident(&e, NULL) || !elf_parse_header(&e, NULL) ||
        !elf_check_header(&e, &no_opts, NULL)) {
        return entry;
    }
    for (unsigned i = 0; i < e.phnum; i++) {
        uint64_t vaddr, paddr, memsz;

        if (elf_phdr_addrs(&e, i, &vaddr, &paddr, &memsz) &&
            entry >= vaddr && entry - vaddr < memsz) {
            uint64_t pa = entry - vaddr + paddr;

            return e.is64 ? pa : (uint32_t)pa;
        }
    }
    return entry;
}

bool load_elf_as(const char *path, AddressSpace *as,
                 const LoadElfOptions *opts, LoadElfResult *res,
                 Error **errp)
{
    g_autoptr(GMappedFile) mf = loader_map_file(path, errp);

    if (!mf) {
        return false;
    }
    return load_elf_buffer_as(g_mapped_file_get_contents(mf),
                              g_mapped_file_get_length(mf), path, as, opts,
                              res, errp);
}
