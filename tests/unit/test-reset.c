/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the reset tree (include/hw/resettable.h): phase order
 * across a three-level tree (every enter before any hold, every hold
 * before any exit), transparent walking through non-resettable
 * containers, the reset type reaching the hooks, held resets with counts,
 * resettable_is_in_reset during each phase, and DeviceClass hook
 * inheritance in a subclass.
 *
 * Hooks append "E:name", "H:name", "X:name" to a log owned by the test;
 * each device holds a pointer to it (no global state).
 */
#include "hemu/osdep.h"
#include "hw/qdev.h"

#define TYPE_RESET_REC "reset-rec"
OBJECT_DECLARE_SIMPLE_TYPE(ResetRec, RESET_REC)
#define TYPE_RESET_REC_SUB "reset-rec-sub"

struct ResetRec {
    DeviceState parent_obj;
    GString *log;               /* set by the test; not owned */
    ResetType last_type;
    bool in_reset_seen[3];      /* resettable_is_in_reset in E, H, X */
    int sub_hold_calls;         /* reset-rec-sub's own hold */
};

static void rec_log(Object *obj, const char *phase)
{
    ResetRec *s = RESET_REC(obj);

    if (s->log) {
        g_string_append_printf(s->log, "%s:%s ", phase,
                               object_get_name(obj));
    }
}

static void rec_enter(Object *obj, ResetType type)
{
    RESET_REC(obj)->last_type = type;
    RESET_REC(obj)->in_reset_seen[0] = resettable_is_in_reset(obj);
    rec_log(obj, "E");
}

static void rec_hold(Object *obj, ResetType type)
{
    RESET_REC(obj)->in_reset_seen[1] = resettable_is_in_reset(obj);
    rec_log(obj, "H");
}

static void rec_exit(Object *obj, ResetType type)
{
    RESET_REC(obj)->in_reset_seen[2] = resettable_is_in_reset(obj);
    rec_log(obj, "X");
}

static void rec_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->reset_enter = rec_enter;
    dc->reset_hold = rec_hold;
    dc->reset_exit = rec_exit;
}

/* The subclass overrides hold and chains to the parent's. */
typedef struct ResetRecSubClass {
    DeviceClass parent_class;
    ResettablePhase *parent_hold;
} ResetRecSubClass;

static void rec_sub_hold(Object *obj, ResetType type)
{
    ResetRecSubClass *k = (ResetRecSubClass *)object_get_class(obj);

    RESET_REC(obj)->sub_hold_calls++;
    k->parent_hold(obj, type);
}

static void rec_sub_class_init(ObjectClass *oc, const void *data)
{
    ResetRecSubClass *k = (ResetRecSubClass *)oc;

    k->parent_hold = k->parent_class.reset_hold;
    k->parent_class.reset_hold = rec_sub_hold;
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_RESET_REC,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(ResetRec),
        .class_init = rec_class_init,
    },
    {
        .name = TYPE_RESET_REC_SUB,
        .parent = TYPE_RESET_REC,
        .class_size = sizeof(ResetRecSubClass),
        .class_init = rec_sub_class_init,
    },
};

DEFINE_TYPES(test_types)

static ResetRec *add_rec(Object *parent, const char *name, const char *type,
                         GString *log)
{
    ResetRec *s = RESET_REC(qdev_new_child(parent, name, type,
                                           &error_abort));

    s->log = log;
    return s;
}

/*
 * root (container)
 *   a            (reset-rec)
 *     b          (reset-rec)
 *       c        (reset-rec-sub)
 *     d          (reset-rec)
 *   box          (container: not resettable, walked through)
 *     e          (reset-rec)
 */
typedef struct Tree {
    Object *root;
    ResetRec *a, *b, *c, *d, *e;
    GString *log;
} Tree;

static void tree_build(Tree *t)
{
    Object *box;

    t->log = g_string_new(NULL);
    t->root = object_new(TYPE_CONTAINER);
    t->a = add_rec(t->root, "a", TYPE_RESET_REC, t->log);
    t->b = add_rec(OBJECT(t->a), "b", TYPE_RESET_REC, t->log);
    t->c = add_rec(OBJECT(t->b), "c", TYPE_RESET_REC_SUB, t->log);
    t->d = add_rec(OBJECT(t->a), "d", TYPE_RESET_REC, t->log);
    box = object_new_child(t->root, "box", TYPE_CONTAINER, &error_abort);
    t->e = add_rec(box, "e", TYPE_RESET_REC, t->log);
}

static void tree_free(Tree *t)
{
    object_unref(t->root);
    g_string_free(t->log, true);
}

static void test_phase_order(void)
{
    Tree t;

    tree_build(&t);
    resettable_reset(t.root, RESET_TYPE_COLD);
    /* Pre-order, insertion order, one whole phase at a time. */
    g_assert_cmpstr(t.log->str, ==,
                    "E:a E:b E:c E:d E:e "
                    "H:a H:b H:c H:d H:e "
                    "X:a X:b X:c X:d X:e ");
    g_assert_cmpint(t.c->sub_hold_calls, ==, 1);
    g_assert_true(t.a->in_reset_seen[0]);
    g_assert_true(t.c->in_reset_seen[1]);
    g_assert_true(t.e->in_reset_seen[2]);   /* still in reset during exit */
    g_assert_false(resettable_is_in_reset(OBJECT(t.a)));
    g_assert_false(resettable_is_in_reset(OBJECT(t.e)));
    /* A container is not resettable, hence never "in reset". */
    g_assert_false(resettable_is_in_reset(t.root));
    tree_free(&t);
}

static void test_subtree_and_type(void)
{
    Tree t;

    tree_build(&t);
    resettable_reset(OBJECT(t.b), RESET_TYPE_WARM);
    g_assert_cmpstr(t.log->str, ==, "E:b E:c H:b H:c X:b X:c ");
    g_assert_cmpint(t.b->last_type, ==, RESET_TYPE_WARM);
    g_assert_cmpint(t.c->last_type, ==, RESET_TYPE_WARM);
    g_assert_cmpstr(reset_type_name(RESET_TYPE_WARM), ==, "warm");
    g_assert_cmpstr(reset_type_name(RESET_TYPE_COLD), ==, "cold");
    tree_free(&t);
}

static void test_assert_release(void)
{
    Tree t;

    tree_build(&t);
    /* Hold b's subtree (a DSP held until released). */
    resettable_assert_reset(OBJECT(t.b), RESET_TYPE_COLD);
    g_assert_cmpstr(t.log->str, ==, "E:b E:c H:b H:c ");
    g_assert_true(resettable_is_in_reset(OBJECT(t.b)));
    g_assert_true(resettable_is_in_reset(OBJECT(t.c)));
    g_assert_false(resettable_is_in_reset(OBJECT(t.a)));

    /* A whole-tree reset meanwhile leaves b and c alone and in reset. */
    g_string_truncate(t.log, 0);
    resettable_reset(t.root, RESET_TYPE_COLD);
    g_assert_cmpstr(t.log->str, ==,
                    "E:a E:d E:e H:a H:d H:e X:a X:d X:e ");
    g_assert_true(resettable_is_in_reset(OBJECT(t.c)));

    /* Nested assertion: two asserts need two releases. */
    g_string_truncate(t.log, 0);
    resettable_assert_reset(OBJECT(t.b), RESET_TYPE_COLD);
    resettable_release_reset(OBJECT(t.b), RESET_TYPE_COLD);
    g_assert_cmpstr(t.log->str, ==, "");
    g_assert_true(resettable_is_in_reset(OBJECT(t.b)));

    resettable_release_reset(OBJECT(t.b), RESET_TYPE_COLD);
    g_assert_cmpstr(t.log->str, ==, "X:b X:c ");
    g_assert_false(resettable_is_in_reset(OBJECT(t.b)));
    g_assert_false(resettable_is_in_reset(OBJECT(t.c)));
    tree_free(&t);
}

static void test_interface(void)
{
    ObjectClass *oc = object_class_by_name(TYPE_RESET_REC_SUB);
    ResettableClass *rc = resettable_class(oc);

    /* Devices implement the interface; containers do not. */
    g_assert_nonnull(rc);
    g_assert_nonnull(rc->get_state);
    g_assert_nonnull(rc->phases.enter);
    g_assert_null(resettable_class(object_class_by_name(TYPE_CONTAINER)));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/reset/phase-order", test_phase_order);
    g_test_add_func("/reset/subtree-and-type", test_subtree_and_type);
    g_test_add_func("/reset/assert-release", test_assert_release);
    g_test_add_func("/reset/interface", test_interface);
    return g_test_run();
}
