/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The floating-point run-time helpers (helper-fp.c) that the A64 FP and
 * Advanced SIMD translators (translate-fp.c, translate-simd.c) call from
 * generated code, and the glue between FPCR/FPSR and the per-vCPU
 * FloatStatus objects (env->fp_status for single and double precision,
 * env->fp_status_f16 for half precision) used by sysreg.c and cpu.c.
 *
 * Every FP value travels as the raw bits in a 64-bit word, zero-extended
 * from its format.  The formats are named by their log2 size in bytes,
 * `fsz`: 1 half, 2 single, 3 double (the A64 'ftype' field maps to it
 * with a64_fp_ftype_size()).  All arithmetic goes through util/softfloat:
 * results, NaNs and exception flags are the soft-float library's, which
 * follows the Arm rules selected by float_status_init_arm() and FPCR.
 * Spec: Arm ARM DDI 0487, C7.2 (FP instructions), D17.2.52 FPCR,
 * D17.2.55 FPSR, J1 shared/functions/float (FPProcessException,
 * FPCompare, FPToFixed, FixedToFP).
 */
#ifndef TARGET_ARM_HELPER_FP_H
#define TARGET_ARM_HELPER_FP_H

#include "internals.h"
#include "tcg/tcg.h"

/* FPSR cumulative exception bits (D17.2.55). */
#define ARM_FPSR_IOC   (1u << 0)
#define ARM_FPSR_DZC   (1u << 1)
#define ARM_FPSR_OFC   (1u << 2)
#define ARM_FPSR_UFC   (1u << 3)
#define ARM_FPSR_IXC   (1u << 4)
#define ARM_FPSR_IDC   (1u << 7)
#define ARM_FPSR_QC    (1u << 27)
#define ARM_FPSR_FLAGS (ARM_FPSR_IOC | ARM_FPSR_DZC | ARM_FPSR_OFC | \
                        ARM_FPSR_UFC | ARM_FPSR_IXC | ARM_FPSR_IDC)

/*
 * FPCR was written (env->cp.fpcr holds the new value): copy its modes
 * (RMode, FZ, DN, AHP, FZ16) into the two FloatStatus objects.
 */
void arm_fpcr_changed(CPUARMState *env);
/* Reset both FloatStatus objects to FPCR = 0 and no pending flags. */
void arm_fp_reset(CPUARMState *env);
/* The FPSR value a read returns: env->cp.fpsr with the sticky flags the
   soft-float operations raised since the last write merged in. */
uint64_t arm_fpsr_read(CPUARMState *env);
/* An FPSR write: store @v's NZCV and QC, and make @v's cumulative flags
   the statuses' flags. */
void arm_fpsr_write(CPUARMState *env, uint64_t v);

/* Operations of arm_helper_fp_2op: the opcode field (bits 15:12) of
   "Floating-point data-processing (2 source)". */
enum {
    ARM_FP2_MUL = 0, ARM_FP2_DIV = 1, ARM_FP2_ADD = 2, ARM_FP2_SUB = 3,
    ARM_FP2_MAX = 4, ARM_FP2_MIN = 5, ARM_FP2_MAXNM = 6, ARM_FP2_MINNM = 7,
    ARM_FP2_NMUL = 8,
};

/* Operations of arm_helper_fp_1op (bits 7:4 of its descriptor). */
enum {
    ARM_FP1_SQRT = 0,
    ARM_FP1_RINT = 1,           /* round to integral: rmode, exact */
    ARM_FP1_CVT = 2,            /* convert to format @dsz */
};

/* The rounding-mode value meaning "as FPCR.RMode says" in descriptors. */
#define ARM_FP_RMODE_FPCR 7

/*
 * Descriptors (the i32 argument) of the helpers below:
 * - fp_2op:   fsz [1:0], op [7:4]
 * - fp_1op:   fsz [1:0], op [7:4], rmode [10:8], exact [11], dsz [13:12]
 * - fp_3op:   fsz [1:0], muladd negate flags [6:4] (FLOAT_MULADD_*)
 * - fp_cmp:   fsz [1:0], signaling [4]
 * - fp_to_int: fsz [1:0], rmode [6:4], unsigned [7], 64-bit [8],
 *             scale (fraction bits) [15:9]
 * - int_to_fp: fsz [1:0], unsigned [7], 64-bit source [8], scale [15:9]
 */
#define ARM_FPD_FSZ(d)  ((d) & 3)

/* (env, i64 a, i64 b, i32 desc) -> i64: a op b. */
extern const TCGHelperInfo arm_helper_fp_2op;
/* (env, i64 a, i32 desc) -> i64: FSQRT, FRINT*, FCVT between sizes. */
extern const TCGHelperInfo arm_helper_fp_1op;
/* (env, i64 a, i64 b, i64 c, i32 desc) -> i64: fused a * b + c with the
   negations FMSUB/FNMADD/FNMSUB ask for (c is the addend). */
extern const TCGHelperInfo arm_helper_fp_3op;
/* (env, i64 a, i64 b, i32 desc) -> i64: the NZCV nibble of FCMP(E). */
extern const TCGHelperInfo arm_helper_fp_cmp;
/* (env, i64 a, i32 desc) -> i64: FCVT[NPMZA][SU], fixed point too; a
   32-bit result is zero-extended. */
extern const TCGHelperInfo arm_helper_fp_to_int;
/* (env, i64 v, i32 desc) -> i64: SCVTF/UCVTF (fixed point too). */
extern const TCGHelperInfo arm_helper_int_to_fp;

/*
 * Advanced SIMD floating point on single (fsz 2) and double (fsz 3)
 * lanes, with the descriptor of helper-simd.h (arm_simd_desc(): size =
 * fsz, op = opcode, x = the 'a' bit 23).  The *_valid() functions say
 * which (U, a, opcode, scalar) forms are implemented:
 * three same: FMAXNM FMLA FADD FCMEQ FMAX FMINNM FMLS FSUB FMIN FMAXNMP
 * FADDP FMUL FCMGE FACGE FMAXP FDIV FMINNMP FABD FCMGT FACGT FMINP (the
 * compares and FABD also scalar); two-register misc: FRINT[NMPZAXI]
 * FCVT[NMPZA][SU] [SU]CVTF FCM{GT,EQ,LT,GE,LE} #0 FABS FNEG FSQRT (the
 * conversions and compares also scalar).  (env, i32 desc) -> void.
 */
bool arm_simd_fp3_valid(bool u, bool a, unsigned op, bool scalar);
bool arm_simd_fp2misc_valid(bool u, bool a, unsigned op, bool scalar);
extern const TCGHelperInfo arm_helper_simd_fp3;
extern const TCGHelperInfo arm_helper_simd_fp2misc;

#endif
