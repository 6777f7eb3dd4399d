/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The reset tree (include/hw/resettable.h): three-phase reset over the
 * composition tree.
 *
 * Each operation is a sequence of walks over the subtree, one per phase,
 * each visiting an object before its children and children in insertion
 * order, walking through objects that do not implement the interface.
 * Per-object ResettableState keeps the assertion count, so a subtree held
 * in reset by one owner stays in reset across a reset of an ancestor:
 *   assert:  walk "enter" (count++, run enter on 0 -> 1), walk "hold";
 *   release: walk "count" (count--, mark exit on 1 -> 0), walk "exit".
 * Every object of the subtree has finished one phase before any starts
 * the next, which is the property the phases exist for.
 */
#include "hemu/osdep.h"
#include "hw/resettable.h"

typedef void ResetStep(Object *obj, ResettableClass *rc, ResettableState *s,
                       ResetType type);

typedef struct ResetWalk {
    ResetStep *step;
    ResetType type;
} ResetWalk;

const char *reset_type_name(ResetType type)
{
    switch (type) {
    case RESET_TYPE_COLD:
        return "cold";
    case RESET_TYPE_WARM:
        return "warm";
    }
    return "unknown";
}

ResettableClass *resettable_class(ObjectClass *oc)
{
    return (ResettableClass *)object_class_dynamic_cast(
        oc, TYPE_RESETTABLE_INTERFACE);
}

static ResettableState *reset_state(Object *obj, ResettableClass **rcp)
{
    ResettableClass *rc = resettable_class(object_get_class(obj));

    *rcp = rc;
    if (!rc) {
        return NULL;
    }
    assert(rc->get_state);
    return rc->get_state(obj);
}

static int reset_walk_one(Object *obj, void *opaque)
{
    ResetWalk *walk = opaque;
    ResettableClass *rc;
    ResettableState *s = reset_state(obj, &rc);

    if (s) {
        walk->step(obj, rc, s, walk->type);
    }
    object_child_foreach(obj, reset_walk_one, walk);
    return 0;
}

static void reset_walk(Object *obj, ResetStep *step, ResetType type)
{
    ResetWalk walk = { .step = step, .type = type };

    reset_walk_one(obj, &walk);
}

static void step_enter(Object *obj, ResettableClass *rc, ResettableState *s,
                       ResetType type)
{
    s->count++;
    if (s->count > 1) {
        return;                 /* already in reset: nothing to redo */
    }
    s->type = type;
    s->hold_pending = true;
    s->exit_pending = false;
    if (rc->phases.enter) {
        rc->phases.enter(obj, type);
    }
}

static void step_hold(Object *obj, ResettableClass *rc, ResettableState *s,
                      ResetType type)
{
    if (!s->hold_pending) {
        return;
    }
    s->hold_pending = false;
    if (rc->phases.hold) {
        rc->phases.hold(obj, s->type);
    }
}

static void step_count_down(Object *obj, ResettableClass *rc,
                            ResettableState *s, ResetType type)
{
    /* Releasing what was not asserted is a bug in the caller. */
    assert(s->count > 0);
    s->count--;
    if (s->count == 0) {
        s->exit_pending = true;
    }
}

static void step_exit(Object *obj, ResettableClass *rc, ResettableState *s,
                      ResetType type)
{
    if (!s->exit_pending) {
        return;
    }
    if (rc->phases.exit) {
        rc->phases.exit(obj, s->type);
    }
    s->exit_pending = false;
}

void resettable_assert_reset(Object *obj, ResetType type)
{
    object_ref(obj);
    reset_walk(obj, step_enter, type);
    reset_walk(obj, step_hold, type);
    object_unref(obj);
}

void resettable_release_reset(Object *obj, ResetType type)
{
    object_ref(obj);
    reset_walk(obj, step_count_down, type);
    reset_walk(obj, step_exit, type);
    object_unref(obj);
}

void resettable_reset(Object *obj, ResetType type)
{
    resettable_assert_reset(obj, type);
    resettable_release_reset(obj, type);
}

bool resettable_is_in_reset(Object *obj)
{
    ResettableClass *rc;
    ResettableState *s = reset_state(obj, &rc);

    return s && (s->count > 0 || s->exit_pending);
}

static const TypeInfo reset_types[] = {
    {
        .name = TYPE_RESETTABLE_INTERFACE,
        .parent = TYPE_INTERFACE,
        .description = "takes part in the three-phase reset tree",
        .class_size = sizeof(ResettableClass),
    },
};

DEFINE_TYPES(reset_types)
