/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Hexagon vCPU QOM types (abstract "hexagon-cpu" and one subtype per
 * core revision, "v66-hexagon-cpu", "v67-...", "v68-..."), reset, the
 * system register file with its shared half, the TB key and MMU index,
 * and the frontend table `hexagon_arch`.
 *
 * Thread 0 of a cluster allocates the state its threads share
 * (HexagonShared) at realize; threads 1..n-1 reference it through
 * cluster->cpus[0], which the cluster realizes first.  Properties are
 * read at reset (runtime-settable): reset-pc, evb, start-powered-off,
 * cfgbase, semihosting, semihosting-root, cmdline; the "l2vic" link backs
 * the VID/VID1 system registers.
 * Spec: V6x System-Level Architecture (reset values, register masks);
 * summary in /work/shared/reference/hexagon-system.md 1.4-1.6, 1.11.
 */
#include "translate.h"
#include "disas.h"
#include "gdbstub.h"
#include "exec/cputlb.h"
#include "hw/l2vic.h"
#include "util/log.h"

static const HexagonCPUModel hex_models[] = {
    { "v66", 0xa666, "Hexagon V66 core (scalar)" },
    { "v67", 0x2667, "Hexagon V67 core (scalar)" },
    { "v68", 0x8d68, "Hexagon V68 core (scalar)" },
};

HexMode hex_mode(const CPUHexagonState *env)
{
    uint32_t ssr = env->sreg[HEX_SREG_SSR];

    if ((ssr & HEX_SSR_EX) || !(ssr & HEX_SSR_UM)) {
        return HEX_MODE_MONITOR;
    }
    return (ssr & HEX_SSR_GM) ? HEX_MODE_GUEST : HEX_MODE_USER;
}

unsigned hex_htid(CPUHexagonState *env)
{
    return env->sreg[HEX_SREG_HTID];
}

/* ------------------------------------------------------------------ */
/* System registers                                                     */

uint32_t hex_sreg_read(CPUHexagonState *env, unsigned reg)
{
    HexagonShared *sh = env->shared;
    CPUState *cs = &hex_env_cpu(env)->parent_obj;
    uint64_t cycles;

    if (reg < HEX_SREG_GLOBAL) {
        return env->sreg[reg];
    }
    switch (reg) {
    case HEX_SREG_VID:
    case HEX_SREG_VID1:
        /* the L2VIC's vectors (reference 1.3), when one is linked */
        if (hex_env_cpu(env)->l2vic) {
            return hex_l2vic_read_vid(DEVICE(hex_env_cpu(env)->l2vic),
                                      reg == HEX_SREG_VID ? HEX_L2VIC_VID
                                                          : HEX_L2VIC_VID1);
        }
        return g_atomic_int_get(&sh->sreg[reg]);
    case HEX_SREG_PCYCLELO:
    case HEX_SREG_PCYCLEHI:
    case HEX_SREG_TIMERLO:
    case HEX_SREG_TIMERHI:
        /* one cycle per packet of the core's threads */
        cycles = cpu_cluster_get_insn_count(cs->cluster);
        return (reg & 1) == (HEX_SREG_PCYCLELO & 1) ? (uint32_t)cycles
                                                    : (uint32_t)(cycles >> 32);
    default:
        return g_atomic_int_get(&sh->sreg[reg]);
    }
}

void hex_sreg_write(CPUHexagonState *env, unsigned reg, uint32_t val)
{
    HexagonShared *sh = env->shared;
    CPUState *cs = &hex_env_cpu(env)->parent_obj;
    uint32_t old;

    switch (reg) {
    case HEX_SREG_HTID:
    case HEX_SREG_REV:
    case HEX_SREG_CFGBASE:
    case HEX_SREG_PCYCLELO: case HEX_SREG_PCYCLEHI:
    case HEX_SREG_TIMERLO: case HEX_SREG_TIMERHI:
    case HEX_SREG_MODECTL:
        return;                 /* read-only */
    case HEX_SREG_SSR:
        old = env->sreg[reg];
        env->sreg[reg] = val;
        if ((old ^ val) & HEX_SSR_ASID_MASK) {
            tlb_flush(cs);
        }
        hex_kick_interrupts(env);
        return;
    case HEX_SREG_IMASK:
        env->sreg[reg] = val & 0xffff;
        hex_kick_interrupts(env);
        return;
    case HEX_SREG_EVB:
        val &= ~0xffu;          /* 256-byte aligned */
        break;
    case HEX_SREG_SYSCFG:
        g_mutex_lock(&sh->lock);
        old = sh->sreg[reg];
        /* TLBLOCK, K0LOCK and bit 31 are read-only (reference 1.5) */
        sh->sreg[reg] = (val & ~0x80001800u) | (old & 0x80001800u);
        g_mutex_unlock(&sh->lock);
        if ((old ^ val) & HEX_SYSCFG_MMUEN) {
            tlb_flush_all_cpus(cs, UINT32_MAX);
        }
        hex_kick_interrupts(env);
        return;
    case HEX_SREG_IPENDAD:
        g_atomic_int_set(&sh->sreg[reg], val);
        hex_kick_interrupts(env);
        return;
    case HEX_SREG_VID:
    case HEX_SREG_VID1:
        if (hex_env_cpu(env)->l2vic) {
            hex_l2vic_write_vid(DEVICE(hex_env_cpu(env)->l2vic),
                                reg == HEX_SREG_VID ? HEX_L2VIC_VID
                                                    : HEX_L2VIC_VID1, val);
            return;
        }
        break;
    default:
        break;
    }
    if (reg < HEX_SREG_GLOBAL) {
        env->sreg[reg] = val;
    } else {
        g_atomic_int_set(&sh->sreg[reg], val);
    }
}

/* ------------------------------------------------------------------ */
/* TB key, MMU index, state                                             */

static void hex_get_tb_key(CPUState *cs, TBKey *key)
{
    HexagonCPU *cpu = HEXAGON_CPU(cs);
    CPUHexagonState *env = &cpu->env;
    uint64_t f = hex_mode(env);

    if (cpu->semihosting) {
        f |= HEX_TB_SEMIHOST;
    }
    if (env->sreg[HEX_SREG_CCR] & HEX_CCR_GRE) {
        f |= HEX_TB_GRE;
    }
    key->pc = env->pc;
    key->flags = f;
    key->extra = 0;
}

static unsigned hex_cpu_mmu_index(CPUState *cs, bool ifetch)
{
    return hex_mode(hex_env(cs));
}

static void hex_restore_state(CPUState *cs, const uint64_t *data)
{
    hex_env(cs)->pc = (uint32_t)data[0];
}

/* ------------------------------------------------------------------ */
/* Reset                                                                */

static void hex_shared_reset(HexagonCPU *cpu, HexagonShared *sh)
{
    HexagonCPUClass *hcc = HEXAGON_CPU_GET_CLASS(cpu);

    memset(sh->sreg, 0, sizeof(sh->sreg));
    memset(sh->tlb, 0, sizeof(sh->tlb));
    sh->tlblock_owner = -1;
    sh->k0lock_owner = -1;
    sh->sreg[HEX_SREG_EVB] = cpu->boot_evb & ~0xffu;
    sh->sreg[HEX_SREG_MODECTL] = 1;         /* thread 0 enabled */
    sh->sreg[HEX_SREG_CFGBASE] = (uint32_t)(cpu->cfgbase >> 16);
    sh->sreg[HEX_SREG_REV] = hcc->model ? hcc->model->rev : 0;
}

static void hex_cpu_reset(CPUState *cs)
{
    HexagonCPU *cpu = HEXAGON_CPU(cs);
    CPUHexagonState *env = &cpu->env;
    HexagonShared *sh = env->shared;
    bool off = cs->cpu_index > 0 && cpu->start_powered_off;

    memset(env->gpr, 0, sizeof(env->gpr));
    memset(env->pred, 0, sizeof(env->pred));
    memset(env->cr, 0, sizeof(env->cr));
    memset(env->sreg, 0, sizeof(env->sreg));
    memset(env->greg, 0, sizeof(env->greg));
    env->event = env->cause = env->badva = 0;
    env->llsc_addr = UINT64_MAX;
    env->llsc_val = 0;
    if (cs->cpu_index == 0 && sh) {
        hex_shared_reset(cpu, sh);
    }
    /* reset event: monitor mode, cause 0 (reference 1.11) */
    env->sreg[HEX_SREG_SSR] = HEX_SSR_EX;
    env->sreg[HEX_SREG_HTID] = cs->cpu_index;
    env->pc = sh ? sh->sreg[HEX_SREG_EVB] : cpu->boot_evb;
    if (cs->cpu_index == 0 && cpu->reset_pc != UINT32_MAX) {
        env->pc = cpu->reset_pc;
    }
    env->stopped = off;
    env->waiting = false;
    g_atomic_int_set(&env->nmi_pending, 0);
    if (sh && !off && cs->cpu_index > 0) {
        g_mutex_lock(&sh->lock);
        sh->sreg[HEX_SREG_MODECTL] |= 1u << cs->cpu_index;
        g_mutex_unlock(&sh->lock);
    }
    g_atomic_int_set(&cs->halted, off ? 1 : 0);
    cpu->exit_code = 0;
    cpu->exit_requested = false;
}

/* TargetArch.set_pc: the pc is 32 bits (accel checked the range). */
static void hex_cpu_set_pc(CPUState *cs, uint64_t pc)
{
    hex_env(cs)->pc = (uint32_t)pc;
}

/* ------------------------------------------------------------------ */
/* Introspection                                                        */

static void hex_dump_state(CPUState *cs, GString *out)
{
    CPUHexagonState *env = hex_env(cs);

    g_string_append_printf(out, " PC=%08x  SSR=%08x  ELR=%08x  USR=%08x\n",
                           env->pc, env->sreg[HEX_SREG_SSR],
                           env->sreg[HEX_SREG_ELR], env->cr[HEX_CR_USR]);
    for (int i = 0; i < 32; i++) {
        g_string_append_printf(out, "R%02d=%08x%s", i, env->gpr[i],
                               i % 8 == 7 ? "\n" : " ");
    }
    g_string_append_printf(out, "P0=%02x P1=%02x P2=%02x P3=%02x "
                           "LC0=%08x SA0=%08x LC1=%08x SA1=%08x\n",
                           env->pred[0], env->pred[1], env->pred[2],
                           env->pred[3], env->cr[HEX_CR_LC0],
                           env->cr[HEX_CR_SA0], env->cr[HEX_CR_LC1],
                           env->cr[HEX_CR_SA1]);
}

/* -d in_asm: the whole packet at @pc, one line per word. */
static unsigned hex_disas(const uint8_t *code, size_t len, vaddr pc,
                          GString *out)
{
    uint32_t words[HEX_MAX_PACKET_WORDS];
    int n = (int)MIN(len / 4, HEX_MAX_PACKET_WORDS);
    HexPacket pkt;

    for (int i = 0; i < n; i++) {
        words[i] = (uint32_t)code[4 * i] | (uint32_t)code[4 * i + 1] << 8 |
                   (uint32_t)code[4 * i + 2] << 16 |
                   (uint32_t)code[4 * i + 3] << 24;
    }
    if (n == 0 || !hexagon_packet_split(words, n, &pkt)) {
        if (n) {
            g_string_append_printf(out, ".word 0x%08x", words[0]);
        }
        return 4;
    }
    hexagon_disas_packet(&pkt, pc, out, NULL);
    while (out->len && out->str[out->len - 1] == '\n') {
        g_string_truncate(out, out->len - 1);
    }
    return 4 * pkt.nwords;
}

const TargetArch hexagon_arch = {
    .name = "hexagon",
    .description = "Qualcomm Hexagon DSP (V66-V68 scalar, system mode)",
    .insn_align = 4,
    .min_page_bits = 12,
    .max_page_bits = 12,
    .default_page_bits = 12,
    .vaddr_bits = 32,
    .paddr_bits = 36,
    .big_endian = false,
    .mem_order = TARGET_MO_WEAK,
    .nb_mmu_idx = HEX_MMU_COUNT,
    .nb_irq_lines = HEX_NB_IRQ,
    .insn_start_words = 1,
    .cpu_type = TYPE_HEXAGON_CPU,
    .default_cpu_model = "v68" HEXAGON_CPU_TYPE_SUFFIX,
    .env_offset = offsetof(HexagonCPU, env),
    .tcg_init = hex_tcg_init,
    .tcg_free = hex_tcg_free,
    .translate = hex_translate_block,
    .get_tb_key = hex_get_tb_key,
    .cpu_mmu_index = hex_cpu_mmu_index,
    .restore_state = hex_restore_state,
    .cpu_exec_interrupt = hex_cpu_exec_interrupt,
    .do_exception = hex_cpu_do_exception,
    .tlb_fill = hex_cpu_tlb_fill,
    .do_unaligned_access = hex_cpu_do_unaligned_access,
    .reset = hex_cpu_reset,
    .has_work = hex_cpu_has_work,
    .set_pc = hex_cpu_set_pc,
    .dump_state = hex_dump_state,
    .disas = hex_disas,
    .gdb_read_register = hex_gdb_read_register,
    .gdb_write_register = hex_gdb_write_register,
    .gdb_num_regs = HEX_GDB_NUM_REGS,
    .gdb_core_xml = hex_gdb_core_xml,
    .debug_translate = hex_gdb_debug_translate,
    .inject_nmi = hex_inject_nmi,
};

/* ------------------------------------------------------------------ */
/* QOM                                                                  */

static const PropDef hex_cpu_props[] = {
    DEFINE_PROP_UINT32("reset-pc", HexagonCPU, reset_pc, UINT32_MAX,
                       "thread 0's first pc (default: EVB)"),
    DEFINE_PROP_UINT32("evb", HexagonCPU, boot_evb, 0,
                       "event vector base at reset (256-byte aligned)"),
    DEFINE_PROP_BOOL("start-powered-off", HexagonCPU, start_powered_off,
                     true, "threads other than 0 wait for start()"),
    DEFINE_PROP_BOOL("stop-powers-off", HexagonCPU, stop_powers_off, true,
                     "when every thread has stopped, power the machine "
                     "off (exit code: thread 0's r2); off: the threads "
                     "just idle (a DSP beside other clusters)"),
    DEFINE_PROP_UINT64("cfgbase", HexagonCPU, cfgbase, 0,
                       "physical address of the configuration table"),
    DEFINE_PROP_BOOL("semihosting", HexagonCPU, semihosting, false,
                     "trap0(#0) is a semihosting call"),
    DEFINE_PROP_STRING("semihosting-root", HexagonCPU, semihosting_root,
                       "directory semihosting OPEN paths are relative to"),
    DEFINE_PROP_STRING("cmdline", HexagonCPU, cmdline,
                       "the string semihosting GET_CMDLINE returns"),
    DEFINE_PROP_LINK("l2vic", HexagonCPU, l2vic, "l2vic",
                     "the L2VIC whose vectors system registers VID and "
                     "VID1 read (unset: plain registers)"),
    PROP_END,
};

static bool hex_cpu_realize(Object *obj, Error **errp)
{
    HexagonCPU *cpu = HEXAGON_CPU(obj);
    HexagonCPUClass *hcc = HEXAGON_CPU_GET_CLASS(obj);
    CPUState *cs = &cpu->parent_obj;

    if (hcc->parent_realize && !hcc->parent_realize(obj, errp)) {
        return false;
    }
    if (cs->cluster && cs->cluster->num_cpus > HEX_MAX_THREADS) {
        g_autofree char *path = object_get_canonical_path(obj);

        error_setg(errp, "%s: a Hexagon core has at most %d hardware "
                   "threads, not %u (num-cpus)", path, HEX_MAX_THREADS,
                   cs->cluster->num_cpus);
        return false;
    }
    if (cs->cpu_index == 0 || !cs->cluster) {
        cpu->own_shared = g_new0(HexagonShared, 1);
        g_mutex_init(&cpu->own_shared->lock);
        cpu->env.shared = cpu->own_shared;
    } else {
        cpu->env.shared = hex_env(cs->cluster->cpus[0])->shared;
    }
    qdev_init_gpio_out_named(DEVICE(obj), &cpu->ciad_out, "ciad", 1);
    hex_cpu_reset(cs);
    return true;
}

static void hex_cpu_instance_finalize(Object *obj)
{
    HexagonCPU *cpu = HEXAGON_CPU(obj);

    hex_semihosting_cleanup(cpu);
    if (cpu->own_shared) {
        g_mutex_clear(&cpu->own_shared->lock);
        g_free(cpu->own_shared);
        cpu->own_shared = NULL;
    }
}

static void hex_cpu_class_init(ObjectClass *oc, const void *data)
{
    HexagonCPUClass *hcc = HEXAGON_CPU_CLASS(oc);

    hcc->parent_realize = oc->realize;
    oc->realize = hex_cpu_realize;
    object_class_add_field_props(oc, hex_cpu_props);
    for (const PropDef *d = hex_cpu_props; d->name; d++) {
        ObjectProperty *p = object_class_property_find(oc, d->name);

        if (p) {
            p->flags |= PROP_F_RUNTIME;
        }
    }
}

static void hex_cpu_model_class_init(ObjectClass *oc, const void *data)
{
    HEXAGON_CPU_CLASS(oc)->model = data;
    DEVICE_CLASS(oc)->desc = ((const HexagonCPUModel *)data)->description;
}

static void hex_cpu_register_types(void)
{
    static const TypeInfo base = {
        .name = TYPE_HEXAGON_CPU,
        .parent = TYPE_CPU,
        .description = "Hexagon hardware thread (abstract; one subtype per "
                       "core revision)",
        .instance_size = sizeof(HexagonCPU),
        .instance_finalize = hex_cpu_instance_finalize,
        .class_size = sizeof(HexagonCPUClass),
        .class_init = hex_cpu_class_init,
        .abstract = true,
    };

    type_register_static(&base);
    for (size_t i = 0; i < G_N_ELEMENTS(hex_models); i++) {
        /* the registry keeps the TypeInfo: allocate it, once per model */
        TypeInfo *ti = g_new0(TypeInfo, 1);

        ti->name = g_strconcat(hex_models[i].name, HEXAGON_CPU_TYPE_SUFFIX,
                               NULL);
        ti->parent = TYPE_HEXAGON_CPU;
        ti->description = hex_models[i].description;
        ti->class_init = hex_cpu_model_class_init;
        ti->class_data = &hex_models[i];
        type_register_static(ti);
    }
}

type_init(hex_cpu_register_types)
