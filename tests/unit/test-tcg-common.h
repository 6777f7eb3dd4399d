/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared fixture of the TCG unit tests: a fake CPU state with a few
 * globals, a host-memory scratch area, a softmmu TLB over a small guest
 * memory, and one TCGContext per backend available on this host.
 */
#ifndef TEST_TCG_COMMON_H
#define TEST_TCG_COMMON_H

#include "tcg/tcg.h"
#include "tcg/tcg-op.h"

#define T_NG 8              /* globals of each width */
#define T_PAGE_BITS 12
#define T_TLB_SIZE 16
#define T_GUEST_PAGES 4     /* guest pages at 0x10000.. */
#define T_GUEST_BASE 0x10000u

typedef struct TestEnv {
    uint64_t g64[T_NG];
    uint32_t g32[T_NG];
    uint8_t scratch[64];    /* for host ld/st tests */
    TLBDesc tlb[2];
    TLBEntry table[2][T_TLB_SIZE];
    /* guest memory, reached through the TLB or the slow path */
    uint8_t guest[T_GUEST_PAGES << T_PAGE_BITS];
    unsigned slow_loads, slow_stores;
    uintptr_t last_retaddr;
} TestEnv;

typedef struct TestCtx {
    TCGContext *s;
    TCGBackendKind kind;
    TCGv_i64 g64[T_NG];
    TCGv_i32 g32[T_NG];
} TestCtx;

/* Slow paths: plain little/big-endian access to env->guest. */
static inline uint64_t test_guest_read(TestEnv *env, uint64_t va, MemOp op)
{
    unsigned size = memop_size(op);
    uint64_t v = 0;

    for (unsigned i = 0; i < size; i++) {
        uint64_t a = va + i - T_GUEST_BASE;
        uint8_t b = a < sizeof(env->guest) ? env->guest[a] : 0xee;
        unsigned sh = memop_is_be(op) ? (size - 1 - i) * 8 : i * 8;

        v |= (uint64_t)b << sh;
    }
    if (memop_is_signed(op) && size < 8) {
        unsigned bits = 64 - size * 8;

        v = (uint64_t)((int64_t)(v << bits) >> bits);
    }
    return v;
}

static inline void test_guest_write(TestEnv *env, uint64_t va, uint64_t v,
                                    MemOp op)
{
    unsigned size = memop_size(op);

    for (unsigned i = 0; i < size; i++) {
        uint64_t a = va + i - T_GUEST_BASE;
        unsigned sh = memop_is_be(op) ? (size - 1 - i) * 8 : i * 8;

        if (a < sizeof(env->guest)) {
            env->guest[a] = v >> sh;
        }
    }
}

static inline uint64_t test_ld_slow(void *e, uint64_t va, TCGMemOpIdx oi,
                                    uintptr_t ra)
{
    TestEnv *env = e;

    env->slow_loads++;
    env->last_retaddr = ra;
    return test_guest_read(env, va, tcg_oi_memop(oi));
}

static inline void test_st_slow(void *e, uint64_t va, uint64_t v,
                                TCGMemOpIdx oi, uintptr_t ra)
{
    TestEnv *env = e;

    env->slow_stores++;
    env->last_retaddr = ra;
    test_guest_write(env, va, v, tcg_oi_memop(oi));
}

/*
 * Point the TLB at this env (after a memcpy of another env).
 * TLB: mmu 0 maps guest pages 0 and 1 (and page 2 read-only); page 3 is
 * absent (slow path).  mmu 1 is empty.
 */
static inline void test_env_init_tlb_only(TestEnv *env)
{
    env->slow_loads = env->slow_stores = 0;
    for (int m = 0; m < 2; m++) {
        env->tlb[m].table = env->table[m];
        env->tlb[m].mask = T_TLB_SIZE - 1;
        for (int i = 0; i < T_TLB_SIZE; i++) {
            env->table[m][i].addr_read = 1u << TCG_TLB_FLAG_SHIFT;
            env->table[m][i].addr_write = 1u << TCG_TLB_FLAG_SHIFT;
        }
    }
    for (unsigned p = 0; p < 3; p++) {
        uint64_t va = T_GUEST_BASE + ((uint64_t)p << T_PAGE_BITS);
        TLBEntry *e = &env->table[0][(va >> T_PAGE_BITS) & (T_TLB_SIZE - 1)];

        e->addr_read = va;
        e->addr_write = p == 2 ? va | (1u << TCG_TLB_FLAG_SHIFT) : va;
        e->addend = (uintptr_t)env->guest + ((uint64_t)p << T_PAGE_BITS) - va;
    }
}

/* Zero the state, then set up the TLB over env->guest. */
static inline void test_env_init(TestEnv *env)
{
    memset(env, 0, sizeof(*env));
    test_env_init_tlb_only(env);
}

static inline TestCtx *test_ctx_new(TCGBackendKind kind)
{
    static const char *const n64[T_NG] = {
        "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7" };
    static const char *const n32[T_NG] = {
        "w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7" };
    TCGContextConfig cfg = {
        .backend = kind,
        .code_size = 1u << 20,
        .page_bits = T_PAGE_BITS,
        .tlb_offset = offsetof(TestEnv, tlb),
        .nb_mmu_idx = 2,
        .ld_slow = test_ld_slow,
        .st_slow = test_st_slow,
        .insn_start_words = 2,
    };
    TestCtx *t = g_new0(TestCtx, 1);

    t->kind = kind;
    t->s = tcg_context_new(&cfg, &error_abort);
    for (int i = 0; i < T_NG; i++) {
        t->g64[i] = tcg_global_mem_new_i64(t->s,
            offsetof(TestEnv, g64) + i * 8, n64[i]);
        t->g32[i] = tcg_global_mem_new_i32(t->s,
            offsetof(TestEnv, g32) + i * 4, n32[i]);
    }
    return t;
}

static inline void test_ctx_free(TestCtx *t)
{
    tcg_context_free(t->s);
    g_free(t);
}

/* Translate the current ops and run them; asserts success. */
static inline uintptr_t test_run(TestCtx *t, TestEnv *env, bool optimize,
                                 TCGTranslation *tr_out)
{
    TCGTranslation tr;

    g_assert_cmpint(tcg_gen_code(t->s, optimize, &tr), ==, TCG_GEN_OK);
    if (tr_out) {
        *tr_out = tr;
    }
    return tcg_exec(t->s, env, tr.code);
}

/*
 * The backends to test on this host: all available ones, or only the one
 * named by HEMU_TCG_TEST_BACKEND (jit, interp).
 */
static inline unsigned test_backends(TCGBackendKind kinds[2])
{
    const char *only = g_getenv("HEMU_TCG_TEST_BACKEND");
    unsigned n = 0;

    if (!only || !strcmp(only, "interp")) {
        kinds[n++] = TCG_BACKEND_INTERP;
    }
    if ((!only || !strcmp(only, "jit")) &&
        tcg_backend_available(TCG_BACKEND_JIT)) {
        kinds[n++] = TCG_BACKEND_JIT;
    }
    return n;
}

#endif
