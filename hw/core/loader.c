/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Raw image loading (include/hw/loader.h) and the helpers the loaders
 * share: mapping a file, checking that a range is RAM or ROM, writing it.
 *
 * Loaders validate a whole image before writing its first byte, so a
 * failed load leaves guest memory untouched.  Writes use
 * address_space_write_rom(), which reaches ROM as well as RAM.  The ELF
 * loader is in loader-elf.c.
 */
#include "hemu/osdep.h"
#include "hw/loader.h"
#include "system/memory.h"
#include "internal.h"

/* Zero-fill is written in chunks of this many bytes. */
#define LOADER_ZERO_CHUNK 4096

GMappedFile *loader_map_file(const char *path, Error **errp)
{
    GError *gerr = NULL;
    GMappedFile *mf = g_mapped_file_new(path, FALSE, &gerr);

    if (!mf) {
        error_setg(errp, "%s: cannot read the file: %s", path,
                   gerr->message);
        g_error_free(gerr);
    }
    return mf;
}

bool loader_check_backed(const char *file, const char *what,
                         AddressSpace *as, hwaddr addr, uint64_t len,
                         Error **errp)
{
    assert(len >= 1 && addr + (len - 1) >= addr);
    if (address_space_is_backed(as, addr, len)) {
        return true;
    }
    error_setg(errp, "%s: %s at 0x%" HWADDR_PRIx "..0x%" HWADDR_PRIx
               " is not backed by RAM or ROM in address space '%s'", file,
               what, addr, addr + (len - 1), as->name ? as->name : "");
    return false;
}

bool loader_write(const char *file, const char *what, AddressSpace *as,
                  hwaddr addr, const void *data, uint64_t len, Error **errp)
{
    static const uint8_t zeros[LOADER_ZERO_CHUNK];
    uint64_t done = 0;
    MemTxResult r = MEMTX_OK;

    if (data) {
        r = address_space_write_rom(as, addr, MEMTXATTRS_UNSPECIFIED, data,
                                    len);
        done = len;
    }
    while (r == MEMTX_OK && done < len) {
        uint64_t n = HEMU_MIN(len - done, (uint64_t)LOADER_ZERO_CHUNK);

        r = address_space_write_rom(as, addr + done, MEMTXATTRS_UNSPECIFIED,
                                    zeros, n);
        done += n;
    }
    if (r != MEMTX_OK) {
        error_setg(errp, "%s: writing %s at 0x%" HWADDR_PRIx " (%" PRIu64
                   " bytes) into address space '%s' failed", file, what,
                   addr, len, as->name ? as->name : "");
        return false;
    }
    return true;
}

bool load_image_as(const char *path, hwaddr addr, AddressSpace *as,
                   uint64_t max_size, uint64_t *size, Error **errp)
{
    g_autoptr(GMappedFile) mf = loader_map_file(path, errp);
    uint64_t len;

    if (!mf) {
        return false;
    }
    len = g_mapped_file_get_length(mf);
    if (len > max_size) {
        error_setg(errp, "%s: the image is %" PRIu64 " bytes, larger than "
                   "the %" PRIu64 " bytes allowed at 0x%" HWADDR_PRIx, path,
                   len, max_size, addr);
        return false;
    }
    if (len && addr + (len - 1) < addr) {
        error_setg(errp, "%s: %" PRIu64 " bytes at 0x%" HWADDR_PRIx
                   " run past the end of the 64-bit address space", path,
                   len, addr);
        return false;
    }
    if (len && (!loader_check_backed(path, "image", as, addr, len, errp) ||
                !loader_write(path, "image", as, addr,
                              g_mapped_file_get_contents(mf), len, errp))) {
        return false;
    }
    if (size) {
        *size = len;
    }
    return true;
}
