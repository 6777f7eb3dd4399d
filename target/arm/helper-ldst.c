/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Run-time helpers of the A64 load/store translator (translate-ldst.c):
 * store-exclusive, exclusive pairs of X registers, CAS/CASP and the LSE
 * atomic memory operations.
 *
 * The exclusive monitor is value based: LDXR records the address and the
 * value it loaded in env (exclusive_addr/_val/_high, exclusive_addr ==
 * -1 when open); STXR succeeds when the address matches and a host
 * compare-and-swap from the recorded value to the new one succeeds.  The
 * one difference from the architecture (where any store by another
 * observer to the monitored bytes clears the monitor): stores by other
 * vCPUs that leave the recorded value in place (A-B-A, or the same
 * value written back) go unnoticed and STXR succeeds.  Locks and
 * counters built from LDXR/STXR only depend on the values; a lock-free
 * list that relies on the monitor to detect A-B-A would not be safe.
 *
 * There is no 16-byte host compare-and-swap in cputlb: pairs of X
 * registers (LDXP/STXP, CASP) load, compare and store under the
 * cluster's atomic_lock.  They are atomic against each other and against
 * the locked (MMIO, misaligned) paths of cpu_atomic_*, but not against
 * plain stores or host-atomic operations of other vCPUs to the same
 * bytes.  Every fault is taken before the lock is held (an alignment
 * check and a probe access first; a 16-byte aligned pair is in one page,
 * so the accesses under the lock hit the TLB).
 * Spec: Arm ARM DDI 0487, B2.9 "Synchronization and semaphores", C6.2
 * (pseudocode of the instructions named in helper-ldst.h).
 */
#include "helper-ldst.h"
#include "exec/cputlb.h"

static MemOp desc_memop(uint32_t desc)
{
    return (MemOp)(desc & 0xff);
}

static unsigned desc_mmu_idx(uint32_t desc)
{
    return (desc >> 8) & 0xff;
}

static unsigned desc_extra(uint32_t desc)
{
    return desc >> 16;
}

/* Raise the alignment fault unless @addr is aligned to @bytes. */
static void check_aligned(CPUARMState *env, uint64_t addr, unsigned bytes,
                          MMUAccessType access, unsigned mmu_idx,
                          uintptr_t ra)
{
    if (addr & (bytes - 1)) {
        arm_cpu_do_unaligned_access(arm_env_cs(env), addr, access, mmu_idx,
                                    ra);
    }
}

static void monitor_clear(CPUARMState *env)
{
    env->exclusive_addr = UINT64_MAX;
}

static uint64_t helper_stxr(void *envp, uint64_t addr, uint64_t val,
                            uint32_t desc)
{
    CPUARMState *env = envp;
    uintptr_t ra = GETPC();
    MemOp op = desc_memop(desc);
    unsigned idx = desc_mmu_idx(desc);
    uint64_t expect = env->exclusive_val, old;

    /* AArch64.ExclusiveMonitorsPass(): alignment is checked first */
    check_aligned(env, addr, memop_size(op), MMU_DATA_STORE, idx, ra);
    if (env->exclusive_addr != addr) {
        monitor_clear(env);
        return 1;
    }
    old = cpu_atomic_cmpxchg(arm_env_cs(env), addr, expect, val, op, idx, ra);
    monitor_clear(env);
    if (memop_size(op) < 8) {
        expect &= (UINT64_C(1) << memop_bits(op)) - 1;
    }
    return old != expect;
}

const TCGHelperInfo arm_helper_stxr = {
    .func = (const void *)helper_stxr, .name = "stxr",
    .flags = TCG_CALL_MAY_RAISE, .nb_args = 4, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I64, TCG_CALL_I32 },
};

static void helper_ldxp(void *envp, uint64_t addr, uint32_t desc)
{
    CPUARMState *env = envp;
    CPUState *cs = arm_env_cs(env);
    uintptr_t ra = GETPC();
    MemOp op = desc_memop(desc) & ~MO_AMASK;
    unsigned idx = desc_mmu_idx(desc);
    uint64_t lo, hi;

    check_aligned(env, addr, 16, MMU_DATA_LOAD, idx, ra);
    cpu_ld_mmu(cs, addr, op, idx, ra);          /* fault outside the lock */
    g_mutex_lock(&cs->cluster->atomic_lock);
    cs->atomic_locked = true;
    lo = cpu_ld_mmu(cs, addr, op, idx, ra);
    hi = cpu_ld_mmu(cs, addr + 8, op, idx, ra);
    cs->atomic_locked = false;
    g_mutex_unlock(&cs->cluster->atomic_lock);
    env->exclusive_addr = addr;
    env->exclusive_val = lo;
    env->exclusive_high = hi;
}

const TCGHelperInfo arm_helper_ldxp = {
    .func = (const void *)helper_ldxp, .name = "ldxp",
    .flags = TCG_CALL_MAY_RAISE, .nb_args = 3, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I32 },
};

/*
 * Under atomic_lock: if memory at @addr holds <@cmp_lo, @cmp_hi> store
 * <@new_lo, @new_hi>.  Reports the old pair; returns true when stored.
 * The caller has checked alignment and probed for write permission.
 */
static bool pair_cmpxchg_locked(CPUState *cs, uint64_t addr, uint64_t cmp_lo,
                                uint64_t cmp_hi, uint64_t new_lo,
                                uint64_t new_hi, MemOp op, unsigned idx,
                                uintptr_t ra, uint64_t old[2])
{
    bool eq;

    g_mutex_lock(&cs->cluster->atomic_lock);
    cs->atomic_locked = true;
    old[0] = cpu_ld_mmu(cs, addr, op, idx, ra);
    old[1] = cpu_ld_mmu(cs, addr + 8, op, idx, ra);
    eq = old[0] == cmp_lo && old[1] == cmp_hi;
    if (eq) {
        cpu_st_mmu(cs, addr, new_lo, op, idx, ra);
        cpu_st_mmu(cs, addr + 8, new_hi, op, idx, ra);
    }
    cs->atomic_locked = false;
    g_mutex_unlock(&cs->cluster->atomic_lock);
    return eq;
}

/* Fault now, outside the lock, if the pair at @addr is not writable. */
static void probe_pair(CPUState *cs, uint64_t addr, MemOp op, unsigned idx,
                       uintptr_t ra)
{
    /* an atomic OR with 0 needs read and write permission, changes nothing */
    cpu_atomic_rmw(cs, addr, 0, ATOMIC_RMW_OR, op, idx, ra);
}

static uint64_t helper_stxp(void *envp, uint64_t addr, uint64_t first,
                            uint64_t second, uint32_t desc)
{
    CPUARMState *env = envp;
    CPUState *cs = arm_env_cs(env);
    uintptr_t ra = GETPC();
    MemOp op = desc_memop(desc) & ~MO_AMASK;
    unsigned idx = desc_mmu_idx(desc);
    uint64_t old[2];
    bool ok;

    check_aligned(env, addr, 16, MMU_DATA_STORE, idx, ra);
    if (env->exclusive_addr != addr) {
        monitor_clear(env);
        return 1;
    }
    probe_pair(cs, addr, op, idx, ra);
    ok = pair_cmpxchg_locked(cs, addr, env->exclusive_val,
                             env->exclusive_high, first, second, op, idx, ra,
                             old);
    monitor_clear(env);
    return !ok;
}

const TCGHelperInfo arm_helper_stxp = {
    .func = (const void *)helper_stxp, .name = "stxp",
    .flags = TCG_CALL_MAY_RAISE, .nb_args = 5, .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I64, TCG_CALL_I64,
              TCG_CALL_I32 },
};

static uint64_t helper_cas(void *envp, uint64_t addr, uint64_t cmp,
                           uint64_t newv, uint32_t desc)
{
    CPUARMState *env = envp;

    return cpu_atomic_cmpxchg(arm_env_cs(env), addr, cmp, newv,
                              desc_memop(desc), desc_mmu_idx(desc), GETPC());
}

const TCGHelperInfo arm_helper_cas = {
    .func = (const void *)helper_cas, .name = "cas",
    .flags = TCG_CALL_MAY_RAISE | TCG_CALL_NO_WRITE_GLOBALS, .nb_args = 5,
    .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I64, TCG_CALL_I64,
              TCG_CALL_I32 },
};

/* X@reg for CASP: 31 is XZR (xregs[31] is SP). */
static uint64_t casp_reg(CPUARMState *env, unsigned reg)
{
    return reg == 31 ? 0 : env->xregs[reg];
}

static void helper_casp(void *envp, uint64_t addr, uint32_t desc)
{
    CPUARMState *env = envp;
    CPUState *cs = arm_env_cs(env);
    uintptr_t ra = GETPC();
    MemOp op = desc_memop(desc) & ~MO_AMASK;
    unsigned idx = desc_mmu_idx(desc);
    unsigned rs = desc_extra(desc) & 31, rt = (desc_extra(desc) >> 8) & 31;
    uint64_t old[2];

    check_aligned(env, addr, 16, MMU_DATA_STORE, idx, ra);
    probe_pair(cs, addr, op, idx, ra);
    pair_cmpxchg_locked(cs, addr, casp_reg(env, rs), casp_reg(env, rs + 1),
                        casp_reg(env, rt), casp_reg(env, rt + 1), op, idx,
                        ra, old);
    /* Rs is even (the decoder checks), so Rs + 1 <= 31 */
    env->xregs[rs] = old[0];
    if (rs + 1 != 31) {
        env->xregs[rs + 1] = old[1];
    }
}

const TCGHelperInfo arm_helper_casp = {
    .func = (const void *)helper_casp, .name = "casp",
    .flags = TCG_CALL_MAY_RAISE, .nb_args = 3, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I32 },
};

static uint64_t helper_atomic(void *envp, uint64_t addr, uint64_t val,
                              uint32_t desc)
{
    CPUARMState *env = envp;

    return cpu_atomic_rmw(arm_env_cs(env), addr, val,
                          (AtomicRMWOp)desc_extra(desc), desc_memop(desc),
                          desc_mmu_idx(desc), GETPC());
}

const TCGHelperInfo arm_helper_atomic = {
    .func = (const void *)helper_atomic, .name = "atomic",
    .flags = TCG_CALL_MAY_RAISE | TCG_CALL_NO_WRITE_GLOBALS, .nb_args = 4,
    .ret = TCG_CALL_I64,
    .args = { TCG_CALL_PTR, TCG_CALL_I64, TCG_CALL_I64, TCG_CALL_I32 },
};
