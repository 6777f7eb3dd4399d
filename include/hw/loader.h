/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Loading guest images into an address space: ELF executables and raw
 * binaries.
 *
 * Images are written with address_space_write_rom(), so they land in RAM
 * and ROM alike, and every byte must be backed: a segment that falls on
 * MMIO or on nothing is an error, as is anything malformed in the file.
 * Errors name the file and say what is wrong; no input makes the loader
 * crash, read outside the file, or write partially before validating (all
 * headers and segments are checked before the first byte is written).
 *
 * ELF: ELF32 and ELF64, little and big endian, executable (ET_EXEC) or
 * position-independent (ET_DYN, loaded as linked) files; PT_LOAD segments
 * are placed by physical address (p_paddr) unless use_vaddr is set, and
 * p_memsz - p_filesz bytes after the file data are zeroed.  Spec: System V
 * ABI, "Object Files" (ELF header, program header).
 *
 * Design: docs/devel/device-core.md ("Loaders").
 */
#ifndef HW_LOADER_H
#define HW_LOADER_H

#include "hemu/osdep.h"
#include "util/error.h"

typedef struct AddressSpace AddressSpace;

/*
 * Map an address of the image (p_paddr or p_vaddr) to where it lands in
 * the address space, e.g. for a cluster that sees DRAM at another address
 * than the one the image was linked for.  Applied to the first byte of
 * each segment; the segment stays contiguous.  Return false when @addr
 * cannot be mapped (the loader then fails, naming the segment).
 */
typedef bool LoadElfTranslate(void *opaque, hwaddr addr, hwaddr *out);

typedef struct LoadElfOptions {
    uint16_t machine;           /* required e_machine (EM_*); 0: any */
    bool use_vaddr;             /* place segments by p_vaddr, not p_paddr */
    LoadElfTranslate *translate; /* NULL: addresses as in the file */
    void *translate_opaque;
} LoadElfOptions;

typedef struct LoadElfResult {
    uint64_t entry;             /* e_entry, untranslated (the CPU's view) */
    uint64_t entry_paddr;       /* e_entry as the physical address it was
                                   loaded at (load_elf_entry_paddr) */
    hwaddr lowest;              /* first byte written, after translation */
    hwaddr highest;             /* last byte written (inclusive), after
                                   translation; lowest > highest when no
                                   segment has bytes */
    uint16_t machine;           /* e_machine */
    uint32_t flags;             /* e_flags */
    int elf_class;              /* 32 or 64 */
    bool big_endian;            /* ELFDATA2MSB */
} LoadElfResult;

/*
 * Load the ELF file @path into @as.  @opts may be NULL (defaults above),
 * @res may be NULL.  Returns false with an error naming @path on any
 * malformed input, a wrong machine, or a segment not backed by RAM or ROM
 * in @as.
 */
bool load_elf_as(const char *path, AddressSpace *as,
                 const LoadElfOptions *opts, LoadElfResult *res,
                 Error **errp);

/*
 * As load_elf_as for an image already in memory; @name is used in error
 * messages in place of a path.
 */
bool load_elf_buffer_as(const void *data, size_t size, const char *name,
                        AddressSpace *as, const LoadElfOptions *opts,
                        LoadElfResult *res, Error **errp);

/*
 * Load the raw file @path at @addr in @as.  Errors: unreadable file, file
 * larger than @max_size bytes, range overflowing the address space or not
 * backed by RAM or ROM.  On success *@size (if non-NULL) is the byte count.
 */
bool load_image_as(const char *path, hwaddr addr, AddressSpace *as,
                   uint64_t max_size, uint64_t *size, Error **errp);

/*
 * The entry point @entry (e_entry: an address in the CPU's view, p_vaddr)
 * of the ELF image @data (@size bytes, already loaded) as the physical
 * address it was loaded at: entry - p_vaddr + p_paddr of the first
 * PT_LOAD segment whose [p_vaddr, p_vaddr + p_memsz) holds it, truncated
 * to 32 bits for ELF32.  For boards that start a CPU at a physical
 * address when images are linked with p_vaddr != p_paddr (hexagonMVM's
 * 0xffff0000 -> 0xd0000000).  @entry unchanged when no segment holds it
 * or the image is malformed.
 */
uint64_t load_elf_entry_paddr(const void *data, size_t size, uint64_t entry);

/* ---------------------------------------------------------------------- */
/* The generic loader device (-device loader, hw/core/generic-loader.c)   */

/*
 * TYPE_GENERIC_LOADER ("loader"): loads a file (ELF at its physical
 * addresses, or raw at addr=) or writes a value (data=, data-len=) into
 * the memory map of the machine, or of the cpu-cluster named by
 * cluster=, when it is realized and again at every machine reset.  An
 * ELF loaded for a cluster tells the board its entry point through
 * MachineClass.set_cluster_entry.  User documentation:
 * docs/user/loader.md.
 */
#define TYPE_GENERIC_LOADER "loader"

#endif
