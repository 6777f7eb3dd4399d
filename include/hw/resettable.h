/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The reset tree: the "resettable" interface and three-phase reset.
 *
 * Any QOM type may implement TYPE_RESETTABLE_INTERFACE; TYPE_DEVICE does,
 * so every device takes part (devices use the reset_enter/hold/exit hooks
 * of DeviceClass, see hw/qdev.h, rather than this interface directly).
 *
 * The tree follows the composition tree.  Resetting an object resets its
 * subtree: its descendants that implement the interface, in insertion
 * order.  Objects in between that do not implement it (containers, clock
 * objects) are walked through transparently, so /machine/peripherals/uart0
 * is reset with /machine even when "peripherals" is a plain container.
 *
 * A reset is three phases, each run over the whole subtree before the next
 * one starts, every phase in the same order (an object before its
 * children, children in insertion order):
 *   enter: put the object's own state to its reset values; no side
 *          effects on other objects (no IRQ raised, no clock propagated);
 *   hold:  side effects that need every object entered (drive outputs to
 *          their reset levels);
 *   exit:  leave reset (things that only start once reset is released).
 * So no object leaves reset while another of the subtree is still
 * entering it.
 *
 * Reset can be held: resettable_assert_reset() runs enter and hold and
 * keeps the subtree in reset (a DSP held until the application processor
 * releases it); resettable_release_reset() runs exit.  Assertions nest
 * with a count per object: enter/hold run only when an object's count goes
 * from 0 to 1, exit only when it returns to 0.  resettable_reset() is an
 * assert immediately followed by a release.
 *
 * Reset runs in the thread that owns the machine (main loop or builder),
 * with the vCPUs of the affected subtree stopped; hooks must not reset
 * ancestors of the object being reset.
 *
 * Design and examples: docs/devel/device-core.md ("Reset tree").
 */
#ifndef HW_RESETTABLE_H
#define HW_RESETTABLE_H

#include "qom/object.h"

#define TYPE_RESETTABLE_INTERFACE "resettable"

typedef enum ResetType {
    RESET_TYPE_COLD,    /* power-on: everything to its reset value */
    RESET_TYPE_WARM,    /* reset line asserted with power kept: a device
                           may keep what survives a warm reset */
} ResetType;

/* Name of a reset type ("cold", "warm") for logs and errors. */
const char *reset_type_name(ResetType type);

/* One phase hook; @obj is the object being reset. */
typedef void ResettablePhase(Object *obj, ResetType type);

typedef struct ResettablePhases {
    ResettablePhase *enter;     /* each may be NULL */
    ResettablePhase *hold;
    ResettablePhase *exit;
} ResettablePhases;

/*
 * Per-object reset bookkeeping, embedded in the instance (DeviceState has
 * one) and returned by ResettableClass.get_state.  Zero-initialised means
 * "not in reset".  Private to hw/core/reset.c.
 */
typedef struct ResettableState {
    unsigned count;         /* reset assertions in effect on this object */
    bool hold_pending;      /* entered, hold phase not run yet */
    bool exit_pending;      /* count reached 0, exit phase not run yet */
    ResetType type;         /* type of the assertion that entered reset */
} ResettableState;

/*
 * The interface class.  A type implementing "resettable" sets these in its
 * class_init (through RESETTABLE_CLASS(oc)); subclasses inherit them.
 */
typedef struct ResettableClass {
    InterfaceClass parent_class;
    ResettablePhases phases;
    /* The object's ResettableState; required. */
    ResettableState *(*get_state)(Object *obj);
} ResettableClass;

/* The ResettableClass @oc implements, or NULL if it does not. */
ResettableClass *resettable_class(ObjectClass *oc);
#define RESETTABLE_CLASS(oc)                                                 \
    OBJECT_CLASS_CHECK(ResettableClass, (oc), TYPE_RESETTABLE_INTERFACE)

/*
 * Reset @obj and its subtree with @type: enter on all, then hold on all,
 * then exit on all.  @obj need not implement the interface (a machine root
 * container): its resettable descendants are reset.  Objects held in reset
 * by resettable_assert_reset() stay in reset (their count goes back to
 * where it was and they do not run enter or exit again).
 */
void resettable_reset(Object *obj, ResetType type);

/*
 * Put @obj's subtree into reset and keep it there: enter on all, then hold
 * on all; each object's count goes up by one.  Pair every call with
 * resettable_release_reset().
 */
void resettable_assert_reset(Object *obj, ResetType type);

/*
 * Undo one resettable_assert_reset() on @obj's subtree: each count goes
 * down by one, and objects whose count reaches 0 run exit (all of them
 * after all counts are updated).  Releasing an object that is not in reset
 * is a bug in hemu (asserted).
 */
void resettable_release_reset(Object *obj, ResetType type);

/*
 * True while @obj is in reset: from its enter phase until its exit phase
 * has returned.  False for objects that do not implement the interface.
 */
bool resettable_is_in_reset(Object *obj);

#endif
