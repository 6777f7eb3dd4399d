/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The test-only frontend "testarch" (ISA and MMU in testarch.h): its
 * TargetArch table, CPU QOM type, translator (through the real IR),
 * helpers, MMU and exception delivery.  Built into the accel unit tests,
 * the benchmark and, as libhemu-target-testarch.so, to test module
 * loading.  Never part of hemu.
 */
#include "testarch.h"
#include "exec/cputlb.h"
#include "exec/translator.h"

typedef struct TAGlobals {
    TCGv_i32 regs[16];
    TCGv_i32 pc;
} TAGlobals;

static const char *const ta_reg_names[16] = {
    "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
    "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
};

static void *ta_tcg_init(TCGContext *s)
{
    TAGlobals *g = g_new0(TAGlobals, 1);

    for (int i = 0; i < 16; i++) {
        g->regs[i] = tcg_global_mem_new_i32(s, offsetof(TestArchEnv, regs[i]),
                                            ta_reg_names[i]);
    }
    g->pc = tcg_global_mem_new_i32(s, offsetof(TestArchEnv, pc), "pc");
    return g;
}

static void ta_tcg_free(void *g)
{
    g_free(g);
}

static TestArchEnv *env_of(void *env)
{
    return env;
}

static CPUState *cpu_of(void *env)
{
    return env_cpu(env, &testarch_arch);
}

/* Helpers: each restores the exact pc from its return address. */
static void helper_raise(void *env, uint32_t cause)
{
    CPUState *cpu = cpu_of(env);

    env_of(env)->cause = cause;
    cpu_raise_exception(cpu, 0, GETPC());
}

static void helper_wfi(void *env)
{
    CPUState *cpu = cpu_of(env);

    cpu_restore_state(cpu, GETPC(), true);
    env_of(env)->pc += 4;
    g_atomic_int_set(&cpu->halted, 1);
    cpu->exception_index = EXCP_HLT;
    cpu_loop_exit(cpu);
}

static void helper_halt(void *env)
{
    CPUState *cpu = cpu_of(env);

    cpu_restore_state(cpu, GETPC(), true);
    env_of(env)->pc += 4;
    env_of(env)->stopped = 1;
    g_atomic_int_set(&cpu->halted, 1);
    cpu->exception_index = EXCP_HLT;
    cpu_loop_exit(cpu);
}

/* CAS: one atomic compare-and-swap through the vCPU's MMU. */
static uint32_t helper_cas(void *env, uint32_t addr, uint32_t cmp,
                           uint32_t newv)
{
    CPUState *cpu = cpu_of(env);

    return (uint32_t)cpu_atomic_cmpxchg(cpu, addr, cmp, newv,
                                        MO_LEUL | MO_ALIGN,
                                        env_of(env)->user & 1, GETPC());
}

static const TCGHelperInfo ta_helper_cas = {
    .func = (const void *)helper_cas, .name = "cas",
    .flags = TCG_CALL_MAY_RAISE | TCG_CALL_NO_WRITE_GLOBALS, .nb_args = 4,
    .ret = TCG_CALL_I32,
    .args = { TCG_CALL_PTR, TCG_CALL_I32, TCG_CALL_I32, TCG_CALL_I32 },
};

static const TCGHelperInfo ta_helper_raise = {
    .func = (const void *)helper_raise, .name = "raise",
    .flags = TCG_CALL_MAY_RAISE, .nb_args = 2, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR, TCG_CALL_I32 },
};
static const TCGHelperInfo ta_helper_wfi = {
    .func = (const void *)helper_wfi, .name = "wfi",
    .flags = TCG_CALL_MAY_RAISE, .nb_args = 1, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR },
};
static const TCGHelperInfo ta_helper_halt = {
    .func = (const void *)helper_halt, .name = "halt",
    .flags = TCG_CALL_MAY_RAISE, .nb_args = 1, .ret = TCG_CALL_VOID,
    .args = { TCG_CALL_PTR },
};

/* Jump to @dest through goto_tb slot @n when allowed. */
static void gen_goto(TranslatorCtx *ctx, unsigned n, uint32_t dest)
{
    TCGContext *s = ctx->tcg;
    TAGlobals *g = ctx->globals;

    if (translator_use_goto_tb(ctx, dest)) {
        tcg_gen_goto_tb(s, n);
        tcg_gen_movi_i32(s, g->pc, (int32_t)dest);
        translator_exit_tb(ctx, n);
    } else {
        tcg_gen_movi_i32(s, g->pc, (int32_t)dest);
        translator_lookup_and_goto_ptr(ctx);
    }
}

static TCGv_i64 gen_addr(TranslatorCtx *ctx, unsigned b, int imm)
{
    TCGContext *s = ctx->tcg;
    TAGlobals *g = ctx->globals;
    TCGv_i32 t = tcg_temp_new_i32(s);
    TCGv_i64 a = tcg_temp_new_i64(s);

    tcg_gen_addi_i32(s, t, g->regs[b], imm);
    tcg_gen_extu_i32_i64(s, a, t);
    tcg_temp_free_i32(s, t);
    return a;
}

static void gen_helper_env(TranslatorCtx *ctx, const TCGHelperInfo *h,
                           TCGv_i32 arg)
{
    TCGArg args[2] = { tcgv_ptr_arg(tcg_env(ctx->tcg)),
                       arg ? tcgv_i32_arg(arg) : 0 };

    tcg_gen_callN(ctx->tcg, h, 0, args);
}

static void gen_branch(TranslatorCtx *ctx, TCGCond cond, unsigned a,
                       unsigned b, int imm, uint32_t pc)
{
    TCGContext *s = ctx->tcg;
    TAGlobals *g = ctx->globals;
    TCGLabel *taken = gen_new_label(s);

    tcg_gen_brcond_i32(s, cond, g->regs[a], g->regs[b], taken);
    gen_goto(ctx, 0, pc + 4);
    gen_set_label(s, taken);
    gen_goto(ctx, 1, pc + 4 + (uint32_t)imm * 4);
}

/* Translate one instruction; true if it ended the block. */
static bool ta_translate_one(TranslatorCtx *ctx, uint32_t insn, uint32_t pc)
{
    TCGContext *s = ctx->tcg;
    TAGlobals *g = ctx->globals;
    unsigned op = insn >> 26, a = (insn >> 22) & 15, b = (insn >> 18) & 15;
    unsigned c = (insn >> 14) & 15;
    int imm = (int)((insn & 0x3fff) ^ 0x2000) - 0x2000;
    unsigned mmu = (unsigned)(ctx->key.flags & 1);
    TCGv_i64 addr;

    switch (op) {
    case TA_ADDI:
        tcg_gen_addi_i32(s, g->regs[a], g->regs[b], imm);
        return false;
    case TA_ADD:
        tcg_gen_add_i32(s, g->regs[a], g->regs[b], g->regs[c]);
        return false;
    case TA_SUB:
        tcg_gen_sub_i32(s, g->regs[a], g->regs[b], g->regs[c]);
        return false;
    case TA_AND:
        tcg_gen_and_i32(s, g->regs[a], g->regs[b], g->regs[c]);
        return false;
    case TA_ORI:
        tcg_gen_ori_i32(s, g->regs[a], g->regs[b], (int32_t)(insn & 0x3fff));
        return false;
    case TA_SHLI:
        tcg_gen_shli_i32(s, g->regs[a], g->regs[b], imm & 31);
        return false;
    case TA_LD:
    case TA_ST:
    case TA_STB:
        addr = gen_addr(ctx, b, imm);
        if (op == TA_LD) {
            tcg_gen_qemu_ld_i32(s, g->regs[a], addr, mmu, MO_LEUL);
        } else {
            tcg_gen_qemu_st_i32(s, g->regs[a], addr, mmu,
                                op == TA_ST ? MO_LEUL : MO_UB);
        }
        tcg_temp_free_i64(s, addr);
        return false;
    case TA_CAS: {
        TCGArg args[4] = { tcgv_ptr_arg(tcg_env(s)), tcgv_i32_arg(g->regs[b]),
                           tcgv_i32_arg(g->regs[a]),
                           tcgv_i32_arg(g->regs[c]) };

        tcg_gen_callN(s, &ta_helper_cas, tcgv_i32_arg(g->regs[a]), args);
        return false;
    }
    case TA_BNE:
    case TA_BEQ:
        gen_branch(ctx, op == TA_BNE ? TCG_COND_NE : TCG_COND_EQ, a, b, imm,
                   pc);
        return true;
    case TA_JR:
        tcg_gen_mov_i32(s, g->pc, g->regs[b]);
        translator_lookup_and_goto_ptr(ctx);
        return true;
    case TA_HALT:
    case TA_WFI:
        tcg_gen_movi_i32(s, g->pc, (int32_t)pc);
        gen_helper_env(ctx, op == TA_HALT ? &ta_helper_halt : &ta_helper_wfi,
                       NULL);
        translator_exit_tb_nochain(ctx);
        return true;
    case TA_ERET:
        tcg_gen_ld_i32(s, g->pc, tcg_env(s), offsetof(TestArchEnv, epc));
        tcg_gen_st_i32(s, tcg_constant_i32(s, 1), tcg_env(s),
                       offsetof(TestArchEnv, ie));
        translator_exit_tb_nochain(ctx);
        return true;
    case TA_RAISE:
        gen_helper_env(ctx, &ta_helper_raise,
                       tcg_constant_i32(s, TA_EXCP_RAISE_BASE + (imm & 0xff)));
        translator_exit_tb_nochain(ctx);
        return true;
    default:
        gen_helper_env(ctx, &ta_helper_raise,
                       tcg_constant_i32(s, TA_EXCP_UNDEF));
        translator_exit_tb_nochain(ctx);
        return true;
    }
}

static void ta_translate(TranslatorCtx *ctx)
{
    for (;;) {
        uint32_t pc = (uint32_t)ctx->pc_next;
        uint32_t insn = (uint32_t)translator_ld(ctx, pc, MO_LEUL);

        translator_insn_start(ctx, pc, 0, 0);
        ctx->pc_next = pc + 4;
        if (ta_translate_one(ctx, insn, pc)) {
            return;
        }
        if (translator_should_stop(ctx)) {
            gen_goto(ctx, 0, (uint32_t)ctx->pc_next);
            return;
        }
    }
}

static void ta_get_tb_key(CPUState *cpu, TBKey *key)
{
    TestArchEnv *env = ta_env(cpu);

    key->pc = env->pc;
    key->flags = (env->user & 1) | ((env->mmu_on & 1) << 1);
    key->extra = 0;
}

static unsigned ta_mmu_index(CPUState *cpu, bool ifetch)
{
    return ta_env(cpu)->user & 1;
}

static void ta_restore_state(CPUState *cpu, const uint64_t *data)
{
    ta_env(cpu)->pc = (uint32_t)data[0];
}

static void ta_enter_exception(TestArchEnv *env, uint32_t cause)
{
    env->epc = env->pc;
    env->cause = cause;
    env->ie = 0;
    env->pc = env->vector;
    env->nb_exceptions++;
}

static bool ta_exec_interrupt(CPUState *cpu, uint32_t req)
{
    TestArchEnv *env = ta_env(cpu);

    if ((req & CPU_INTERRUPT_HARD) && env->ie) {
        ta_enter_exception(env, TA_EXCP_IRQ);
        return true;
    }
    return false;
}

static void ta_do_exception(CPUState *cpu)
{
    TestArchEnv *env = ta_env(cpu);

    ta_enter_exception(env, env->cause);
}

static bool ta_tlb_fill(CPUState *cpu, vaddr addr, unsigned size,
                        MMUAccessType access, unsigned mmu_idx, bool probe,
                        uintptr_t retaddr)
{
    TestArchEnv *env = ta_env(cpu);
    unsigned pb = cpu->cluster->page_bits;
    uint32_t pte;

    addr &= UINT32_MAX;
    if (!env->mmu_on) {
        tlb_set_page(cpu, addr, addr, MEMTXATTRS_UNSPECIFIED,
                     PAGE_READ | PAGE_WRITE | PAGE_EXEC, mmu_idx);
        return true;
    }
    pte = (uint32_t)address_space_ld(&cpu->cluster->as,
                                     env->ptbase + 4 * (addr >> pb), MO_LEUL,
                                     MEMTXATTRS_UNSPECIFIED, NULL);
    if ((pte & 1) && (access != MMU_DATA_STORE || (pte & 2))) {
        tlb_set_page(cpu, addr, pte & ~((UINT32_C(1) << pb) - 1),
                     MEMTXATTRS_UNSPECIFIED,
                     PAGE_READ | PAGE_EXEC | ((pte & 2) ? PAGE_WRITE : 0),
                     mmu_idx);
        return true;
    }
    if (probe) {
        return false;
    }
    env->cause = TA_EXCP_PAGEFAULT;
    env->badaddr = (uint32_t)addr;
    cpu_raise_exception(cpu, 0, retaddr);
}

static void ta_reset(CPUState *cpu)
{
    memset(ta_env(cpu), 0, sizeof(TestArchEnv));
}

static bool ta_has_work(CPUState *cpu)
{
    return !ta_env(cpu)->stopped &&
           (g_atomic_int_get(&cpu->interrupt_request) & CPU_INTERRUPT_HARD);
}

static void ta_dump_state(CPUState *cpu, GString *out)
{
    TestArchEnv *env = ta_env(cpu);

    g_string_append_printf(out, "pc %08x ie %u cause %x\n", env->pc,
                           env->ie, env->cause);
    for (int i = 0; i < 16; i++) {
        g_string_append_printf(out, "r%-2d %08x%s", i, env->regs[i],
                               i % 4 == 3 ? "\n" : " ");
    }
}

static const char *const ta_mnemonics[] = {
    [TA_ADDI] = "addi", [TA_ADD] = "add", [TA_SUB] = "sub",
    [TA_AND] = "and", [TA_ORI] = "ori", [TA_SHLI] = "shli", [TA_LD] = "ld",
    [TA_ST] = "st", [TA_BNE] = "bne", [TA_BEQ] = "beq", [TA_JR] = "jr",
    [TA_HALT] = "halt", [TA_RAISE] = "raise", [TA_WFI] = "wfi",
    [TA_ERET] = "eret", [TA_STB] = "stb", [TA_CAS] = "cas",
};

static unsigned ta_disas(const uint8_t *code, size_t len, vaddr pc,
                         GString *out)
{
    uint32_t insn;
    unsigned op;

    if (len < 4) {
        return 0;
    }
    insn = (uint32_t)code[0] | (uint32_t)code[1] << 8 |
           (uint32_t)code[2] << 16 | (uint32_t)code[3] << 24;
    op = insn >> 26;
    g_string_append_printf(out, "%08x  %s a=r%u b=r%u c=r%u imm=%d", insn,
                           op < G_N_ELEMENTS(ta_mnemonics) && ta_mnemonics[op]
                           ? ta_mnemonics[op] : "undef",
                           (insn >> 22) & 15, (insn >> 18) & 15,
                           (insn >> 14) & 15,
                           (int)((insn & 0x3fff) ^ 0x2000) - 0x2000);
    return 4;
}

const TargetArch testarch_arch = {
    .name = "testarch",
    .description = "test-only ISA of the accel unit tests",
    .insn_align = 4,
    .min_page_bits = 10,
    .max_page_bits = 16,
    .default_page_bits = 12,
    .vaddr_bits = 32,
    .paddr_bits = 32,
    .big_endian = false,
    .mem_order = TARGET_MO_SC,
    .nb_mmu_idx = 2,
    .nb_irq_lines = 1,
    .insn_start_words = 1,
    .cpu_type = TYPE_TESTARCH_CPU,
    .env_offset = offsetof(TestArchCPU, env),
    .tcg_init = ta_tcg_init,
    .tcg_free = ta_tcg_free,
    .translate = ta_translate,
    .get_tb_key = ta_get_tb_key,
    .cpu_mmu_index = ta_mmu_index,
    .restore_state = ta_restore_state,
    .cpu_exec_interrupt = ta_exec_interrupt,
    .do_exception = ta_do_exception,
    .tlb_fill = ta_tlb_fill,
    .reset = ta_reset,
    .has_work = ta_has_work,
    .dump_state = ta_dump_state,
    .disas = ta_disas,
};

static const TypeInfo testarch_types[] = {
    {
        .name = TYPE_TESTARCH_CPU,
        .parent = TYPE_CPU,
        .description = "testarch CPU (tests only)",
        .instance_size = sizeof(TestArchCPU),
    },
};

DEFINE_TYPES(testarch_types)
