/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Booting the virt machine: -kernel, -initrd and the Linux arm64 boot
 * protocol (the kernel's Documentation/arch/arm64/booting.rst).
 *
 * -kernel is read whole; a gzip file (magic 1f 8b) is decompressed first
 * (zlib), then:
 *  - an ELF file (AArch64) is loaded by its program headers and entered
 *    at e_entry with every register 0 (the bare-metal tests rely on it);
 *  - a Linux arm64 Image (magic "ARM\x64" at byte 56 of its 64-byte
 *    header) is loaded at RAM + text_offset, or at RAM + 2 MiB +
 *    text_offset when text_offset is below 4 KiB (the first page holds
 *    the boot stub; QEMU does the same for text_offset 0); a header with
 *    image_size 0 (kernels before 3.17) means text_offset 0x80000.  The
 *    -initrd file follows at the next 2 MiB boundary after the kernel's
 *    image_size, and the DTB at the next 2 MiB boundary after that (or
 *    after the kernel): booting.rst asks for an 8-byte aligned DTB of at
 *    most 2 MiB that shares no 2 MiB block with the kernel.  cpu[0] starts
 *    in the boot stub at RAM + 0, which sets x0 = the DTB address, x1-x3 =
 *    0 and branches to the kernel; the CPU is still in its reset state
 *    (EL1, or EL2 with virtualization=on; MMU and caches off; DAIF
 *    masked), as booting.rst requires;
 *  - anything else is a raw image at the start of RAM, entered at its
 *    first byte.
 * Invariant: nothing is written to guest memory before every placement is
 * checked against the RAM size.
 */
#include "virt.h"

#include "hemu/osdep.h"
#include "hw/loader.h"
#include "system/memory.h"
#include "util/bitops.h"
#include "util/cutils.h"

#include <libfdt.h>
#include <zlib.h>

#define VIRT_EM_AARCH64 183                 /* ELF e_machine */
#define VIRT_IMAGE_OLD_OFFSET 0x80000ull    /* Image with image_size 0 */
#define VIRT_ALIGN_2M 0x200000ull
#define VIRT_STUB_ROOM 0x1000ull            /* the stub's page */
#define VIRT_DTB_MAX 0x200000ull            /* booting.rst: at most 2 MiB */
#define VIRT_IMAGE_HDR 64
#define VIRT_IMAGE_FLAG_BE 1ull             /* header flags bit 0 */

/*
 * The boot stub (A64, little endian), at RAM + 0:
 *   ldr x0, dtb; mov x1, xzr; mov x2, xzr; mov x3, xzr; ldr x4, entry;
 *   br x4; dtb: .quad; entry: .quad
 * Encodings from the Arm ARM (LDR literal 0x58000000 | imm19 << 5 | Rt,
 * ORR shifted register, BR), checked with llvm-mc.
 */
static const uint32_t virt_stub_code[6] = {
    0x580000c0, 0xaa1f03e1, 0xaa1f03e2, 0xaa1f03e3, 0x58000084, 0xd61f0080,
};
#define VIRT_STUB_DTB 24                    /* byte offset of .quad dtb */
#define VIRT_STUB_ENTRY 32
#define VIRT_STUB_SIZE 40

/*
 * dumpdtb's program: w0 = 0x84000008 (PSCI SYSTEM_OFF: movz w0, #8;
 * movk w0, #0x8400, lsl #16), then HVC #0 or SMC #0, then b . forever.
 */
#define VIRT_INSN_HVC 0xd4000002u
#define VIRT_INSN_SMC 0xd4000003u

/* ---------------------------------------------------------------------- */
/* Reading -kernel                                                        */

/* Decompress the gzip data @in into *@out, at most @max bytes. */
static bool virt_gunzip(const char *path, const uint8_t *in, size_t len,
                        uint64_t max, GByteArray **out, Error **errp)
{
    z_stream zs = { .next_in = (Bytef *)in, .avail_in = len };
    g_autoptr(GByteArray) buf = g_byte_array_new();
    uint8_t chunk[65536];
    int rc = inflateInit2(&zs, 16 + MAX_WBITS);   /* 16: gzip framing */

    if (rc != Z_OK) {
        error_setg(errp, "machine virt: -kernel %s: zlib: %s", path,
                   zs.msg ? zs.msg : "cannot initialise");
        return false;
    }
    do {
        zs.next_out = chunk;
        zs.avail_out = sizeof(chunk);
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            error_setg(errp, "machine virt: -kernel %s: bad gzip data (%s)",
                       path, zs.msg ? zs.msg : "truncated");
            inflateEnd(&zs);
            return false;
        }
        g_byte_array_append(buf, chunk, sizeof(chunk) - zs.avail_out);
        if (buf->len > max) {
            g_autofree char *ram = size_to_str(max);

            error_setg(errp, "machine virt: -kernel %s: decompressed image "
                       "is larger than the %s of RAM (raise -m)", path, ram);
            inflateEnd(&zs);
            return false;
        }
    } while (rc != Z_STREAM_END);
    inflateEnd(&zs);
    *out = g_steal_pointer(&buf);
    return true;
}

/* The -kernel file, decompressed if it is gzip. */
static GByteArray *virt_read_kernel(MachineState *ms, Error **errp)
{
    gchar *data = NULL;
    gsize len = 0;
    GError *gerr = NULL;
    GByteArray *out = NULL;

    if (!g_file_get_contents(ms->kernel, &data, &len, &gerr)) {
        error_setg(errp, "machine virt: -kernel %s: %s", ms->kernel,
                   gerr->message);
        g_error_free(gerr);
        return NULL;
    }
    if (len >= 2 && (uint8_t)data[0] == 0x1f && (uint8_t)data[1] == 0x8b) {
        virt_gunzip(ms->kernel, (const uint8_t *)data, len, ms->ram_size,
                    &out, errp);
        g_free(data);
        return out;
    }
    return g_byte_array_new_take((guint8 *)data, len);
}

/* ---------------------------------------------------------------------- */
/* Placement                                                              */

static void virt_put_le(uint8_t *p, uint64_t v, unsigned bytes)
{
    for (unsigned i = 0; i < bytes; i++) {
        p[i] = v >> (8 * i);
    }
}

static uint64_t virt_le64(const uint8_t *p)
{
    uint64_t v = 0;

    for (int i = 7; i >= 0; i--) {
        v = v << 8 | p[i];
    }
    return v;
}

/* The end of the RAM the boot may use: below any top carveout. */
static uint64_t virt_boot_ram_end(MachineState *ms)
{
    return VIRT_RAM_BASE + ms->ram_size - VIRT_MACHINE(ms)->carveout_size;
}

/* [@addr, @addr + @len) inside RAM?  Else an error naming @what. */
static bool virt_fits(MachineState *ms, const char *what, const char *file,
                      uint64_t addr, uint64_t len, Error **errp)
{
    uint64_t end = virt_boot_ram_end(ms);
    g_autofree char *ram = NULL;

    if (addr >= VIRT_RAM_BASE && addr <= end && len <= end - addr) {
        return true;
    }
    ram = size_to_str(ms->ram_size);
    error_setg(errp, "machine virt: %s%s%s: %" PRIu64 " bytes at 0x%" PRIx64
               " do not fit in %s of RAM at 0x%llx (raise -m)", what,
               file ? " " : "", file ? file : "", len, addr, ram,
               VIRT_RAM_BASE);
    return false;
}

/*
 * Parse the Image header of @k; false if @k is no Image.  Sets the load
 * address, the entry and the end of the kernel's footprint.
 */
static bool virt_image_place(MachineState *ms, const GByteArray *k,
                             VirtBootInfo *bi, Error **errp)
{
    uint64_t text_offset, image_size, flags, load;

    if (k->len < VIRT_IMAGE_HDR || memcmp(k->data + 56, "ARM\x64", 4)) {
        return false;
    }
    text_offset = virt_le64(k->data + 8);
    image_size = virt_le64(k->data + 16);
    flags = virt_le64(k->data + 24);
    if (!image_size) {
        text_offset = VIRT_IMAGE_OLD_OFFSET;
    } else if (flags & VIRT_IMAGE_FLAG_BE) {
        error_setg(errp, "machine virt: -kernel %s: a big-endian Image "
                   "(header flags 0x%" PRIx64 "); the virt machine boots "
                   "little-endian kernels only", ms->kernel, flags);
        return true;
    }
    load = VIRT_RAM_BASE + text_offset;
    if (text_offset < VIRT_STUB_ROOM) {
        load += VIRT_ALIGN_2M;
    }
    bi->linux_boot = true;
    bi->kernel_entry = load;
    bi->kernel_end = load + MAX(image_size, (uint64_t)k->len);
    bi->entry = VIRT_RAM_BASE;
    return true;
}

static bool virt_load_initrd(MachineState *ms, AddressSpace *as,
                             VirtBootInfo *bi, Error **errp)
{
    uint64_t addr = ROUND_UP(bi->kernel_end, VIRT_ALIGN_2M);
    uint64_t end = virt_boot_ram_end(ms);
    uint64_t size = 0;

    if (addr >= end) {
        return virt_fits(ms, "-initrd", ms->initrd, addr, 1, errp);
    }
    if (!load_image_as(ms->initrd, addr, as, end - addr, &size, errp)) {
        error_prepend(errp, "machine virt: -initrd (at 0x%" PRIx64 ", after "
                      "the kernel): ", addr);
        return false;
    }
    bi->initrd_start = addr;
    bi->initrd_end = addr + size;
    return true;
}

/* ---------------------------------------------------------------------- */
/* Loading                                                                */

static bool virt_write(AddressSpace *as, uint64_t addr, const void *buf,
                       uint64_t len, const char *what, Error **errp)
{
    if (address_space_write_rom(as, addr, MEMTXATTRS_UNSPECIFIED, buf, len)
        != MEMTX_OK) {
        error_setg(errp, "machine virt: cannot write %s at 0x%" PRIx64
                   " (%" PRIu64 " bytes)", what, addr, len);
        return false;
    }
    return true;
}

static bool virt_load_linux(VirtMachineState *vms, AddressSpace *as,
                            const GByteArray *k, VirtBootInfo *bi,
                            Error **errp)
{
    MachineState *ms = MACHINE(vms);
    uint64_t last;

    if (vms->secure) {
        error_setg(errp, "machine virt: -kernel %s: a Linux Image must be "
                   "entered at EL2 or EL1, but secure=on resets the CPUs "
                   "into EL3 and hemu has no EL3 boot firmware yet (use "
                   "secure=off)", ms->kernel);
        return false;
    }
    if (!virt_fits(ms, "-kernel", ms->kernel, bi->kernel_entry,
                   bi->kernel_end - bi->kernel_entry, errp) ||
        !virt_write(as, bi->kernel_entry, k->data, k->len, "the kernel",
                    errp)) {
        return false;
    }
    if (ms->initrd && !virt_load_initrd(ms, as, bi, errp)) {
        return false;
    }
    last = bi->initrd_end ? bi->initrd_end : bi->kernel_end;
    bi->dtb_addr = ROUND_UP(last, VIRT_ALIGN_2M);
    return true;
}

static bool virt_write_stub(AddressSpace *as, const VirtBootInfo *bi,
                            Error **errp)
{
    uint8_t stub[VIRT_STUB_SIZE];

    for (unsigned i = 0; i < ARRAY_SIZE(virt_stub_code); i++) {
        virt_put_le(stub + 4 * i, virt_stub_code[i], 4);
    }
    virt_put_le(stub + VIRT_STUB_DTB, bi->dtb_addr, 8);
    virt_put_le(stub + VIRT_STUB_ENTRY, bi->kernel_entry, 8);
    return virt_write(as, VIRT_RAM_BASE, stub, sizeof(stub), "the boot stub",
                      errp);
}

static bool virt_load_other(MachineState *ms, AddressSpace *as,
                            const GByteArray *k, VirtBootInfo *bi,
                            Error **errp)
{
    const char *what = "an ELF file";

    if (k->len >= 4 && !memcmp(k->data, "\x7f" "ELF", 4)) {
        LoadElfOptions opts = { .machine = VIRT_EM_AARCH64 };
        LoadElfResult res;

        if (!load_elf_buffer_as(k->data, k->len, ms->kernel, as, &opts, &res,
                                errp)) {
            error_prepend(errp, "machine virt: -kernel: ");
            return false;
        }
        bi->entry = res.entry;
    } else {
        what = "a raw image";
        if (!virt_fits(ms, "-kernel", ms->kernel, VIRT_RAM_BASE, k->len,
                       errp) ||
            !virt_write(as, VIRT_RAM_BASE, k->data, k->len, "-kernel",
                        errp)) {
            return false;
        }
        bi->entry = VIRT_RAM_BASE;
    }
    if (ms->initrd || ms->dtb) {
        error_setg(errp, "machine virt: %s needs a Linux arm64 Image as "
                   "-kernel, and %s is %s", ms->initrd ? "-initrd" : "-dtb",
                   ms->kernel, what);
        return false;
    }
    return true;
}

bool virt_boot_load(VirtMachineState *vms, AddressSpace *as,
                    VirtBootInfo *bi, Error **errp)
{
    MachineState *ms = MACHINE(vms);
    g_autoptr(GByteArray) k = virt_read_kernel(ms, errp);
    Error *err = NULL;

    memset(bi, 0, sizeof(*bi));
    if (!k) {
        return false;
    }
    if (!virt_image_place(ms, k, bi, &err)) {
        return virt_load_other(ms, as, k, bi, errp);
    }
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return virt_load_linux(vms, as, k, bi, errp);
}

bool virt_boot_write_dtb(VirtMachineState *vms, AddressSpace *as,
                         const VirtBootInfo *bi, const void *fdt,
                         Error **errp)
{
    MachineState *ms = MACHINE(vms);
    uint64_t size = fdt_totalsize(fdt);

    if (size > VIRT_DTB_MAX) {
        error_setg(errp, "machine virt: the device tree is %" PRIu64
                   " bytes; Linux accepts at most 2 MiB", size);
        return false;
    }
    return virt_fits(ms, "the device tree", NULL, bi->dtb_addr, size,
                     errp) &&
           virt_write(as, bi->dtb_addr, fdt, size, "the device tree",
                      errp) &&
           virt_write_stub(as, bi, errp);
}

bool virt_boot_dumpdtb(VirtMachineState *vms, AddressSpace *as,
                       const void *fdt, VirtBootInfo *bi, Error **errp)
{
    GError *gerr = NULL;
    uint8_t prog[16];

    if (!g_file_set_contents(vms->dumpdtb, fdt, fdt_totalsize(fdt), &gerr)) {
        error_setg(errp, "machine virt: dumpdtb=%s: %s", vms->dumpdtb,
                   gerr->message);
        g_error_free(gerr);
        return false;
    }
    virt_put_le(prog, 0x52800100, 4);       /* movz w0, #8 */
    virt_put_le(prog + 4, 0x72b08000, 4);   /* movk w0, #0x8400, lsl #16 */
    /* the conduit virt.c gives the CPUs */
    virt_put_le(prog + 8, vms->virtualization ? VIRT_INSN_SMC
                                              : VIRT_INSN_HVC, 4);
    virt_put_le(prog + 12, 0x14000000, 4);  /* b . */
    memset(bi, 0, sizeof(*bi));
    bi->entry = VIRT_RAM_BASE;
    return virt_write(as, VIRT_RAM_BASE, prog, sizeof(prog),
                      "the power-off program", errp);
}
