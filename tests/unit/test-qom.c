/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the object model (qom/): types and classes, interfaces,
 * casts, the instance life cycle, every property kind, text forms, the
 * composition tree and realize.  Contract: include/qom/object.h.
 *
 * The test types below: an abstract base (test-base), a device-like
 * subclass with one property of every kind (test-dev), its subclass
 * (test-subdev) and grandchild (test-subsub), an interface (test-iface)
 * implemented by test-dev and test-cpu, and test-linker with a required
 * link.  Events (init, finalize, realize) are appended to a log string so
 * the tests can check their order.  Expected values are derived by hand
 * from the definitions here.
 */
#include "hemu/osdep.h"
#include "qom/object.h"

#define TYPE_TEST_BASE "test-base"
#define TYPE_TEST_DEV "test-dev"
#define TYPE_TEST_SUBDEV "test-subdev"
#define TYPE_TEST_SUBSUB "test-subsub"
#define TYPE_TEST_IFACE "test-iface"
#define TYPE_TEST_CPU "test-cpu"
#define TYPE_TEST_LINKER "test-linker"

OBJECT_DECLARE_TYPE(TestBase, TestBaseClass, TEST_BASE)
OBJECT_DECLARE_SIMPLE_TYPE(TestDev, TEST_DEV)
OBJECT_DECLARE_SIMPLE_TYPE(TestSubDev, TEST_SUBDEV)
OBJECT_DECLARE_SIMPLE_TYPE(TestCpu, TEST_CPU)
OBJECT_DECLARE_SIMPLE_TYPE(TestLinker, TEST_LINKER)

struct TestBase {
    Object parent_obj;
    char *label;                /* "label" property; names log entries */
    bool fail_realize;          /* "fail-realize": realize returns an error */
};

struct TestBaseClass {
    ObjectClass parent_class;
    int depth;                  /* 1 in test-base, +1 per class_init below */
    int base_magic;             /* set only by test-base's class_init */
    const char *leaf;           /* name of the last class_init that ran */
};

struct TestDev {
    TestBase parent_obj;
    bool flag;
    uint8_t u8;
    uint16_t u16;
    uint32_t num_irqs;
    uint64_t u64;
    int32_t i32;
    int64_t i64;
    uint64_t ram_size;
    char *model;
    int mode;
    Object *peer;
    uint32_t knob;
    uint32_t irqs_seen_at_init; /* num_irqs when instance_init ran */
};

struct TestSubDev {
    TestDev parent_obj;
    uint16_t extra;
};

struct TestCpu {
    Object parent_obj;
};

struct TestLinker {
    Object parent_obj;
    Object *cpu;                /* required link<test-cpu> */
    Object *opt;                /* instance link<test-dev> */
};

typedef struct TestIfaceClass {
    InterfaceClass parent_class;
    int (*answer)(Object *obj);
} TestIfaceClass;

#define TEST_IFACE_GET_CLASS(obj)                                            \
    OBJECT_GET_CLASS(TestIfaceClass, obj, TYPE_TEST_IFACE)

/* ---------------------------------------------------------------------- */
/* Event log and class-init order (test-only process state)               */

static GString *test_log;
static const char *class_init_order[8];
static int class_init_count;

static void log_event(const char *fmt, ...) HEMU_PRINTF(1, 2);
static void log_event(const char *fmt, ...)
{
    va_list ap;

    if (test_log->len) {
        g_string_append_c(test_log, ' ');
    }
    va_start(ap, fmt);
    g_string_append_vprintf(test_log, fmt, ap);
    va_end(ap);
}

static void log_reset(void)
{
    g_string_truncate(test_log, 0);
}

static const char *label_of(Object *obj)
{
    const char *l = TEST_BASE(obj)->label;

    return l ? l : "?";
}

/* ---------------------------------------------------------------------- */
/* Types                                                                  */

static const char *const mode_names[] = { "off", "fifo", "dma", NULL };

static const PropDef base_props[] = {
    DEFINE_PROP_STRING("label", TestBase, label, "name used in the log"),
    DEFINE_PROP_BOOL("fail-realize", TestBase, fail_realize, false,
                     "make realize fail"),
    PROP_END
};

static const PropDef dev_props[] = {
    DEFINE_PROP_BOOL("flag", TestDev, flag, true, "a bool"),
    DEFINE_PROP_UINT8("u8", TestDev, u8, 7, "a uint8"),
    DEFINE_PROP_UINT16("u16", TestDev, u16, 0x1234, "a uint16"),
    DEFINE_PROP_UINT32_RANGE("num-irqs", TestDev, num_irqs, 64, 32, 1020,
                             "interrupt lines"),
    DEFINE_PROP_UINT64("u64", TestDev, u64, UINT64_MAX, "a uint64"),
    DEFINE_PROP_INT32("i32", TestDev, i32, -5, "an int32"),
    DEFINE_PROP_INT64("i64", TestDev, i64, INT64_MIN, "an int64"),
    DEFINE_PROP_SIZE("ram-size", TestDev, ram_size, 16 * 1024 * 1024,
                     "a size"),
    DEFINE_PROP_STRING("model", TestDev, model, "a string"),
    DEFINE_PROP_ENUM("mode", TestDev, mode, 1, "test-mode", mode_names,
                     "an enum"),
    DEFINE_PROP_LINK("peer", TestDev, peer, TYPE_TEST_DEV, "a link"),
    { .name = "knob", .kind = PROP_KIND_UINT, .type_name = "uint32",
      .offset = offsetof(TestDev, knob), .size = sizeof(uint32_t),
      .description = "runtime knob", .has_default = true, .def_u = 3,
      .flags = PROP_F_CONFIG | PROP_F_RUNTIME, .umax = UINT32_MAX },
    PROP_END
};

static const PropDef subdev_props[] = {
    DEFINE_PROP_UINT16("extra", TestSubDev, extra, 9, "a subclass field"),
    PROP_END
};

static const PropDef linker_props[] = {
    DEFINE_PROP_LINK_REQUIRED("cpu", TestLinker, cpu, TYPE_TEST_CPU,
                              "the CPU"),
    PROP_END
};

static bool base_realize(Object *obj, Error **errp)
{
    if (TEST_BASE(obj)->fail_realize) {
        error_setg(errp, "%s refuses to realize", label_of(obj));
        return false;
    }
    log_event("realize:%s", label_of(obj));
    return true;
}

static void base_unrealize(Object *obj)
{
    log_event("unrealize:%s", label_of(obj));
}

static void base_class_init(ObjectClass *oc, const void *data)
{
    TestBaseClass *bc = TEST_BASE_CLASS(oc);

    class_init_order[class_init_count++] = "base";
    bc->depth = 1;
    bc->base_magic = 42;
    bc->leaf = "base";
    oc->realize = base_realize;
    oc->unrealize = base_unrealize;
    object_class_add_field_props(oc, base_props);
}

static void base_init(Object *obj)
{
    log_event("init-base");
}

static void base_post_init(Object *obj)
{
    log_event("post-base");
}

static void base_finalize(Object *obj)
{
    log_event("fin-base:%s", label_of(obj));
}

static int iface_default_answer(Object *obj)
{
    return -1;
}

static int dev_answer(Object *obj)
{
    return 42;
}

static int subdev_answer(Object *obj)
{
    return 43;
}

static void iface_class_init(ObjectClass *oc, const void *data)
{
    ((TestIfaceClass *)oc)->answer = iface_default_answer;
}

static void dev_class_init(ObjectClass *oc, const void *data)
{
    TestBaseClass *bc = TEST_BASE_CLASS(oc);
    TestIfaceClass *ic = OBJECT_CLASS_CHECK(TestIfaceClass, oc,
                                            TYPE_TEST_IFACE);

    class_init_order[class_init_count++] = "dev";
    bc->depth++;
    bc->leaf = "dev";
    ic->answer = dev_answer;
    object_class_add_field_props(oc, dev_props);
}

static void dev_init(Object *obj)
{
    TEST_DEV(obj)->irqs_seen_at_init = TEST_DEV(obj)->num_irqs;
    log_event("init-dev");
}

static void dev_post_init(Object *obj)
{
    log_event("post-dev");
}

static void dev_finalize(Object *obj)
{
    log_event("fin-dev:%s", label_of(obj));
}

static void subdev_class_init(ObjectClass *oc, const void *data)
{
    TestBaseClass *bc = TEST_BASE_CLASS(oc);

    class_init_order[class_init_count++] = "subdev";
    bc->depth++;
    bc->leaf = "subdev";
    OBJECT_CLASS_CHECK(TestIfaceClass, oc, TYPE_TEST_IFACE)->answer =
        subdev_answer;
    object_class_add_field_props(oc, subdev_props);
}

static void subdev_init(Object *obj)
{
    log_event("init-subdev");
}

static void subdev_finalize(Object *obj)
{
    log_event("fin-subdev:%s", label_of(obj));
}

static void linker_class_init(ObjectClass *oc, const void *data)
{
    object_class_add_field_props(oc, linker_props);
}

static void linker_init(Object *obj)
{
    TestLinker *l = TEST_LINKER(obj);

    object_property_add_link(obj, "opt", TYPE_TEST_DEV, &l->opt,
                             PROP_F_CONFIG, "optional instance link",
                             &error_abort);
}

static int lazy_class_inits;     /* class_init calls of test-lazy */

static void lazy_class_init(ObjectClass *oc, const void *data)
{
    /* Widen the window in which another thread could build it too. */
    g_usleep(20000);
    __atomic_fetch_add(&lazy_class_inits, 1, __ATOMIC_SEQ_CST);
}

static const TypeInfo test_types[] = {
    {
        .name = "test-lazy",
        .parent = TYPE_OBJECT,
        .class_init = lazy_class_init,
    },
    {
        .name = TYPE_TEST_IFACE,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(TestIfaceClass),
        .class_init = iface_class_init,
    },
    {
        .name = TYPE_TEST_BASE,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .instance_size = sizeof(TestBase),
        .class_size = sizeof(TestBaseClass),
        .class_init = base_class_init,
        .instance_init = base_init,
        .instance_post_init = base_post_init,
        .instance_finalize = base_finalize,
    },
    {
        .name = TYPE_TEST_DEV,
        .parent = TYPE_TEST_BASE,
        .description = "a test device",
        .instance_size = sizeof(TestDev),
        .class_init = dev_class_init,
        .instance_init = dev_init,
        .instance_post_init = dev_post_init,
        .instance_finalize = dev_finalize,
        .interfaces = (const InterfaceInfo[]){ { TYPE_TEST_IFACE }, { NULL } },
    },
    {
        .name = TYPE_TEST_SUBDEV,
        .parent = TYPE_TEST_DEV,
        .instance_size = sizeof(TestSubDev),
        .class_init = subdev_class_init,
        .instance_init = subdev_init,
        .instance_finalize = subdev_finalize,
    },
    {
        .name = TYPE_TEST_SUBSUB,
        .parent = TYPE_TEST_SUBDEV,
    },
    {
        .name = TYPE_TEST_CPU,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TestCpu),
        .interfaces = (const InterfaceInfo[]){ { TYPE_TEST_IFACE }, { NULL } },
    },
    {
        .name = TYPE_TEST_LINKER,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TestLinker),
        .class_init = linker_class_init,
        .instance_init = linker_init,
    },
};

DEFINE_TYPES(test_types)

/* A labelled test-dev (or subtype) added as @name under @parent. */
static Object *new_dev(Object *parent, const char *name, const char *type)
{
    Object *obj = object_new(type);

    object_property_set_str(obj, "label", name, &error_abort);
    if (parent) {
        object_property_add_child(parent, name, obj, &error_abort);
        object_unref(obj);
    }
    return obj;
}

/* root (container) -> machine (container); returns root. */
static Object *new_machine_root(Object **machine)
{
    Object *root = object_new(TYPE_CONTAINER);

    *machine = object_new_child(root, "machine", TYPE_CONTAINER,
                                &error_abort);
    return root;
}

/* Expect @ok false and *errp containing @want; free it, reset *errp. */
static void expect_error(bool ok, Error **errp, const char *want)
{
    g_assert_false(ok);
    g_assert_nonnull(*errp);
    if (!strstr(error_get_pretty(*errp), want)) {
        g_error("error '%s' does not contain '%s'", error_get_pretty(*errp),
                want);
    }
    error_free(*errp);
    *errp = NULL;
}

/* ---------------------------------------------------------------------- */
/* Types, classes, interfaces, casts                                      */

static void test_class_init_order(void)
{
    TestBaseClass *sub = TEST_BASE_CLASS(object_class_by_name(
        TYPE_TEST_SUBSUB));
    TestBaseClass *dev = TEST_BASE_CLASS(object_class_by_name(TYPE_TEST_DEV));
    int ib = -1, id = -1, is = -1;

    /* Each class_init ran once, parents before children. */
    g_assert_cmpint(class_init_count, ==, 3);
    for (int i = 0; i < class_init_count; i++) {
        ib = !strcmp(class_init_order[i], "base") ? i : ib;
        id = !strcmp(class_init_order[i], "dev") ? i : id;
        is = !strcmp(class_init_order[i], "subdev") ? i : is;
    }
    g_assert_cmpint(ib, >=, 0);
    g_assert_cmpint(ib, <, id);
    g_assert_cmpint(id, <, is);
    /* Copied from the parent, then incremented: 1, 2, 3; subsub copies 3. */
    g_assert_cmpint(dev->depth, ==, 2);
    g_assert_cmpint(sub->depth, ==, 3);
    g_assert_cmpint(sub->base_magic, ==, 42);
    g_assert_cmpstr(sub->leaf, ==, "subdev");
    g_assert_cmpstr(dev->leaf, ==, "dev");
    g_assert_true(OBJECT_CLASS(dev) ==
                  object_class_get_parent(object_class_by_name(
                      TYPE_TEST_SUBDEV)));
    g_assert_cmpstr(object_class_get_description(OBJECT_CLASS(dev)), ==,
                    "a test device");
    g_assert_true(object_class_is_abstract(
        object_class_by_name(TYPE_TEST_BASE)));
    g_assert_false(object_class_is_abstract(OBJECT_CLASS(dev)));
    g_assert_null(object_class_by_name("no-such-type"));
}

static void test_interfaces(void)
{
    Object *dev = object_new(TYPE_TEST_DEV);
    Object *sub = object_new(TYPE_TEST_SUBSUB);
    Object *cpu = object_new(TYPE_TEST_CPU);
    ObjectClass *oc = object_get_class(dev);
    InterfaceClass *ic;
    g_auto(GStrv) names = NULL;

    /* object -> interface: the object itself. */
    g_assert_true(object_dynamic_cast(dev, TYPE_TEST_IFACE) == dev);
    g_assert_true(object_dynamic_cast(sub, TYPE_TEST_IFACE) == sub);
    g_assert_true(object_dynamic_cast(cpu, TYPE_TEST_IFACE) == cpu);
    /* class -> interface: a per-class InterfaceClass pointing back. */
    ic = (InterfaceClass *)object_class_dynamic_cast(oc, TYPE_TEST_IFACE);
    g_assert_nonnull(ic);
    g_assert_true((ObjectClass *)ic != oc);
    g_assert_true(ic->concrete_class == oc);
    g_assert_cmpstr(object_class_get_name(OBJECT_CLASS(ic)), ==,
                    TYPE_TEST_IFACE);
    /* interface class -> its own and parent interface types. */
    g_assert_true(object_class_dynamic_cast(OBJECT_CLASS(ic),
                                            TYPE_INTERFACE) ==
                  OBJECT_CLASS(ic));
    /* Methods: dev overrides, subdev overrides again, subsub inherits
       subdev's, cpu keeps the interface default. */
    g_assert_cmpint(TEST_IFACE_GET_CLASS(dev)->answer(dev), ==, 42);
    g_assert_cmpint(TEST_IFACE_GET_CLASS(sub)->answer(sub), ==, 43);
    g_assert_cmpint(TEST_IFACE_GET_CLASS(cpu)->answer(cpu), ==, -1);
    g_assert_true(((InterfaceClass *)TEST_IFACE_GET_CLASS(sub))
                      ->concrete_class == object_get_class(sub));
    /* The abstract base does not implement it. */
    g_assert_null(object_class_dynamic_cast(
        object_class_by_name(TYPE_TEST_BASE), TYPE_TEST_IFACE));
    names = object_class_get_interface_names(object_get_class(sub));
    g_assert_cmpuint(g_strv_length(names), ==, 1);
    g_assert_cmpstr(names[0], ==, TYPE_TEST_IFACE);
    object_unref(dev);
    object_unref(sub);
    object_unref(cpu);
}

static void test_failed_casts(void)
{
    Object *dev = object_new(TYPE_TEST_DEV);

    g_assert_null(object_dynamic_cast(dev, TYPE_TEST_CPU));
    g_assert_null(object_dynamic_cast(dev, TYPE_TEST_SUBDEV));
    g_assert_null(object_dynamic_cast(dev, "no-such-type"));
    g_assert_null(object_dynamic_cast(NULL, TYPE_TEST_DEV));
    g_assert_true(object_dynamic_cast(dev, TYPE_TEST_BASE) == dev);
    g_assert_true(object_dynamic_cast(dev, TYPE_OBJECT) == dev);
    g_assert_null(object_class_dynamic_cast(object_get_class(dev),
                                            TYPE_USER_CREATABLE));
    g_assert_true(TEST_DEV(NULL) == NULL);
    object_unref(dev);
}

static void test_cast_abort(void)
{
    if (g_test_subprocess()) {
        Object *dev = object_new(TYPE_TEST_DEV);
        TEST_CPU(dev);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("hemu: *test-qom.c:*: object of type "
                              "'test-dev' is not a 'test-cpu'*");
}

static gpointer lazy_thread(gpointer data)
{
    Object *obj = object_new("test-lazy");
    ObjectClass *oc = object_get_class(obj);

    object_unref(obj);
    return oc;
}

static void test_class_threads(void)
{
    GThread *th[4];
    gpointer oc[4];

    g_assert_cmpint(lazy_class_inits, ==, 0);
    for (int i = 0; i < 4; i++) {
        th[i] = g_thread_new("qom-test", lazy_thread, NULL);
    }
    for (int i = 0; i < 4; i++) {
        oc[i] = g_thread_join(th[i]);
    }
    /* One class, built once, whichever thread came first. */
    g_assert_cmpint(lazy_class_inits, ==, 1);
    for (int i = 1; i < 4; i++) {
        g_assert_true(oc[i] == oc[0]);
    }
}

static void test_class_list(void)
{
    GSList *l = object_class_get_list(TYPE_TEST_BASE, true);
    const char *want_all[] = { "test-base", "test-dev", "test-subdev",
                               "test-subsub" };
    const char *want_iface[] = { "test-cpu", "test-dev", "test-subdev",
                                 "test-subsub" };
    guint i = 0;

    /* Sorted by name, abstract included. */
    for (GSList *e = l; e; e = e->next, i++) {
        g_assert_cmpuint(i, <, ARRAY_SIZE(want_all));
        g_assert_cmpstr(object_class_get_name(e->data), ==, want_all[i]);
    }
    g_assert_cmpuint(i, ==, ARRAY_SIZE(want_all));
    g_slist_free(l);

    /* Without abstract: test-base drops out. */
    l = object_class_get_list(TYPE_TEST_BASE, false);
    g_assert_cmpuint(g_slist_length(l), ==, 3);
    g_assert_cmpstr(object_class_get_name(l->data), ==, "test-dev");
    g_slist_free(l);

    /* By interface: the implementors, own and inherited. */
    l = object_class_get_list(TYPE_TEST_IFACE, false);
    i = 0;
    for (GSList *e = l; e; e = e->next, i++) {
        g_assert_cmpuint(i, <, ARRAY_SIZE(want_iface));
        g_assert_cmpstr(object_class_get_name(e->data), ==, want_iface[i]);
    }
    g_assert_cmpuint(i, ==, ARRAY_SIZE(want_iface));
    g_slist_free(l);
}

static void test_new_checked(void)
{
    Error *err = NULL;
    Object *obj;

    obj = object_new_checked("no-such-type", NULL, &err);
    g_assert_null(obj);
    expect_error(false, &err, "unknown type 'no-such-type'");
    err = NULL;
    obj = object_new_checked(TYPE_TEST_BASE, NULL, &err);
    expect_error(obj != NULL, &err, "type 'test-base' is abstract");
    err = NULL;
    obj = object_new_checked(TYPE_TEST_CPU, TYPE_TEST_BASE, &err);
    g_assert_null(obj);
    g_assert_nonnull(err);
    /* The accepted list names the concrete test-base types. */
    g_assert_nonnull(strstr(error_get_pretty(err),
                            "'test-cpu' is not a 'test-base'"));
    g_assert_nonnull(strstr(error_get_pretty(err),
                            "test-dev, test-subdev, test-subsub"));
    error_free(err);
    obj = object_new_checked(TYPE_TEST_SUBDEV, TYPE_TEST_BASE, &error_abort);
    g_assert_true(object_dynamic_cast(obj, TYPE_TEST_SUBDEV) == obj);
    object_unref(obj);
}

/* ---------------------------------------------------------------------- */
/* Life cycle                                                             */

static void test_init_finalize_order(void)
{
    Object *obj;

    log_reset();
    obj = object_new(TYPE_TEST_SUBDEV);
    /* instance_init root first, then post_init root first. */
    g_assert_cmpstr(test_log->str, ==,
                    "init-base init-dev init-subdev post-base post-dev");
    /* Defaults were in place before instance_init ran. */
    g_assert_cmpuint(TEST_DEV(obj)->irqs_seen_at_init, ==, 64);
    g_assert_cmpuint(obj->ref, ==, 1);
    object_property_set_str(obj, "label", "s", &error_abort);

    log_reset();
    object_ref(obj);
    g_assert_cmpuint(obj->ref, ==, 2);
    object_unref(obj);
    g_assert_cmpstr(test_log->str, ==, "");
    object_unref(obj);
    /* Finalize leaf first; the label string is still alive then. */
    g_assert_cmpstr(test_log->str, ==, "fin-subdev:s fin-dev:s fin-base:s");
}

static void test_tree_finalize_order(void)
{
    Object *machine;
    Object *root = new_machine_root(&machine);

    new_dev(machine, "a", TYPE_TEST_DEV);
    new_dev(machine, "b", TYPE_TEST_DEV);
    object_realize_tree(root, &error_abort);
    log_reset();
    object_unref(root);
    /* Children unrealized newest first, then freed newest first. */
    g_assert_cmpstr(test_log->str, ==,
                    "unrealize:b unrealize:a fin-dev:b fin-base:b "
                    "fin-dev:a fin-base:a");
}

static void test_realize(void)
{
    Object *machine;
    Object *root = new_machine_root(&machine);
    Object *a = new_dev(machine, "a", TYPE_TEST_DEV);
    Object *a1 = new_dev(a, "a1", TYPE_TEST_DEV);
    Object *b = new_dev(machine, "b", TYPE_TEST_DEV);
    Error *err = NULL;

    /* A failing realize leaves the object CREATED. */
    object_property_set_bool(b, "fail-realize", true, &error_abort);
    log_reset();
    expect_error(object_realize_tree(root, &err), &err, "b refuses");
    g_assert_cmpstr(test_log->str, ==, "realize:a realize:a1");
    g_assert_cmpint(b->state, ==, OBJECT_STATE_CREATED);
    g_assert_true(object_is_realized(a1));
    object_property_set_bool(b, "fail-realize", false, &error_abort);
    log_reset();
    object_realize_tree(root, &error_abort);
    g_assert_cmpstr(test_log->str, ==, "realize:b");

    err = NULL;
    expect_error(object_realize(a, &err), &err,
                 "'/machine/a' (test-dev) is already realized");

    /* Unrealize: children first, then the object. */
    log_reset();
    object_unrealize(a);
    g_assert_cmpstr(test_log->str, ==, "unrealize:a1 unrealize:a");
    g_assert_cmpint(a->state, ==, OBJECT_STATE_UNREALIZED);
    err = NULL;
    expect_error(object_realize(a, &err), &err, "unrealized");
    object_unref(root);
}

/* ---------------------------------------------------------------------- */
/* Properties                                                             */

static void test_prop_defaults(void)
{
    Object *obj = object_new(TYPE_TEST_SUBDEV);
    TestDev *d = TEST_DEV(obj);
    PropValue v;

    g_assert_true(d->flag);
    g_assert_cmpuint(d->u8, ==, 7);
    g_assert_cmpuint(d->u16, ==, 0x1234);
    g_assert_cmpuint(d->num_irqs, ==, 64);
    g_assert_cmpuint(d->u64, ==, UINT64_MAX);
    g_assert_cmpint(d->i32, ==, -5);
    g_assert_cmpint(d->i64, ==, INT64_MIN);
    g_assert_cmpuint(d->ram_size, ==, 16 * 1024 * 1024);
    g_assert_null(d->model);
    g_assert_cmpint(d->mode, ==, 1);
    g_assert_null(d->peer);
    g_assert_cmpuint(d->knob, ==, 3);
    g_assert_cmpuint(TEST_SUBDEV(obj)->extra, ==, 9);
    g_assert_false(TEST_BASE(obj)->fail_realize);

    g_assert_true(object_property_get_bool(obj, "flag", &error_abort));
    g_assert_cmpuint(object_property_get_uint(obj, "u16", &error_abort), ==,
                     0x1234);
    g_assert_cmpint(object_property_get_int(obj, "i32", &error_abort), ==,
                    -5);
    g_assert_null(object_property_get_str(obj, "model", &error_abort));
    g_assert_null(object_property_get_link(obj, "peer", &error_abort));
    g_assert_true(object_property_get(obj, "ram-size", &v, &error_abort));
    g_assert_cmpint(v.kind, ==, PROP_KIND_SIZE);
    g_assert_cmpuint(v.u, ==, 16 * 1024 * 1024);

    /* Defaults as text: introspection of every kind. */
    {
        const char *names[] = { "flag", "u8", "u64", "i32", "ram-size",
                                "mode", "model", "peer" };
        const char *want[] = { "on", "7", "18446744073709551615", "-5",
                               "16777216", "fifo", NULL, NULL };
        for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
            ObjectProperty *p = object_property_find(obj, names[i]);
            g_autofree char *s = object_property_default_str(p);
            g_assert_cmpstr(s, ==, want[i]);
        }
    }
    object_unref(obj);
}

static void test_prop_set_kinds(void)
{
    Object *obj = object_new(TYPE_TEST_DEV);
    TestDev *d = TEST_DEV(obj);
    Object *peer = object_new(TYPE_TEST_SUBDEV);
    g_autofree char *s = NULL;

    object_property_set_bool(obj, "flag", false, &error_abort);
    g_assert_false(d->flag);
    object_property_set_uint(obj, "u8", 200, &error_abort);
    g_assert_cmpuint(d->u8, ==, 200);
    object_property_set_int(obj, "u16", 65535, &error_abort);
    g_assert_cmpuint(d->u16, ==, 65535);
    object_property_set_uint(obj, "u64", 0x123456789abcdef0ull, &error_abort);
    g_assert_cmpuint(d->u64, ==, 0x123456789abcdef0ull);
    object_property_set_int(obj, "i64", -7, &error_abort);
    g_assert_cmpint(d->i64, ==, -7);
    object_property_set_uint(obj, "i32", 12, &error_abort);
    g_assert_cmpint(d->i32, ==, 12);
    object_property_set_str(obj, "model", "cortex", &error_abort);
    g_assert_cmpstr(d->model, ==, "cortex");
    object_property_set_str(obj, "model", "other", &error_abort);
    s = object_property_get_str(obj, "model", &error_abort);
    g_assert_cmpstr(s, ==, "other");
    object_property_set_int(obj, "mode", 2, &error_abort);
    g_assert_cmpint(d->mode, ==, 2);

    /* A link holds a reference while set, dropped when replaced. */
    object_property_set_link(obj, "peer", peer, &error_abort);
    g_assert_true(d->peer == peer);
    g_assert_cmpuint(peer->ref, ==, 2);
    object_property_set_link(obj, "peer", NULL, &error_abort);
    g_assert_cmpuint(peer->ref, ==, 1);
    object_property_set_link(obj, "peer", peer, &error_abort);
    object_unref(obj);
    /* ... and at finalize. */
    g_assert_cmpuint(peer->ref, ==, 1);
    object_unref(peer);
}

static void test_prop_ranges(void)
{
    Object *obj = object_new(TYPE_TEST_DEV);
    TestDev *d = TEST_DEV(obj);
    Error *err = NULL;

    /* num-irqs accepts 32..1020. */
    object_property_set_uint(obj, "num-irqs", 32, &error_abort);
    g_assert_cmpuint(d->num_irqs, ==, 32);
    object_property_set_uint(obj, "num-irqs", 1020, &error_abort);
    g_assert_cmpuint(d->num_irqs, ==, 1020);
    expect_error(object_property_set_uint(obj, "num-irqs", 31, &err), &err,
                 "value 31 out of range for property 'num-irqs' of a "
                 "test-dev object (accepted: 32 to 1020)");
    err = NULL;
    expect_error(object_property_set_uint(obj, "num-irqs", 1021, &err), &err,
                 "value 1021 out of range for property 'num-irqs' of a "
                 "test-dev object (accepted: 32 to 1020)");
    g_assert_cmpuint(d->num_irqs, ==, 1020);
    err = NULL;
    expect_error(object_property_set_int(obj, "num-irqs", -1, &err), &err,
                 "value -1 out of range");

    /* uint8: 0..255 */
    object_property_set_uint(obj, "u8", 255, &error_abort);
    err = NULL;
    expect_error(object_property_set_uint(obj, "u8", 256, &err), &err,
                 "(accepted: 0 to 255)");
    g_assert_cmpuint(d->u8, ==, 255);

    /* int32: INT32_MIN..INT32_MAX */
    object_property_set_int(obj, "i32", INT32_MIN, &error_abort);
    g_assert_cmpint(d->i32, ==, INT32_MIN);
    object_property_set_int(obj, "i32", INT32_MAX, &error_abort);
    err = NULL;
    expect_error(object_property_set_int(obj, "i32", (int64_t)INT32_MIN - 1,
                                         &err),
                 &err, "value -2147483649 out of range");
    err = NULL;
    expect_error(object_property_set_int(obj, "i32", (int64_t)INT32_MAX + 1,
                                         &err),
                 &err, "value 2147483648 out of range");
    g_assert_cmpint(d->i32, ==, INT32_MAX);

    /* An unsigned value above INT64_MAX does not fit an int64. */
    err = NULL;
    expect_error(object_property_set_uint(obj, "i64", UINT64_MAX, &err), &err,
                 "value 18446744073709551615 out of range");
    object_unref(obj);
}

static void test_prop_kind_mismatch(void)
{
    Object *obj = object_new(TYPE_TEST_DEV);
    Object *cpu = object_new(TYPE_TEST_CPU);
    Error *err = NULL;

    expect_error(object_property_set_str(obj, "num-irqs", "5", &err), &err,
                 "property 'num-irqs' of a test-dev object is a uint32, "
                 "not a string");
    err = NULL;
    expect_error(object_property_set_bool(obj, "model", true, &err), &err,
                 "is a string, not a bool");
    err = NULL;
    expect_error(object_property_set_link(obj, "flag", cpu, &err), &err,
                 "is a bool, not a link");
    err = NULL;
    object_property_get_bool(obj, "u8", &err);
    expect_error(false, &err, "is a uint8, not a bool");
    object_unref(obj);
    object_unref(cpu);
}

static void test_prop_enum(void)
{
    Object *obj = object_new(TYPE_TEST_DEV);
    Error *err = NULL;
    g_autofree char *s = NULL;
    g_autofree char *list = qom_enum_list(mode_names);

    g_assert_cmpstr(list, ==, "off, fifo, dma");
    g_assert_cmpint(qom_enum_lookup(mode_names, "dma"), ==, 2);
    g_assert_cmpint(qom_enum_lookup(mode_names, "DMA"), ==, -1);

    object_property_parse(obj, "mode", "dma", &error_abort);
    g_assert_cmpint(TEST_DEV(obj)->mode, ==, 2);
    s = object_property_get_str(obj, "mode", &error_abort);
    g_assert_cmpstr(s, ==, "dma");
    object_property_parse(obj, "mode", "off", &error_abort);
    g_assert_cmpint(object_property_get_int(obj, "mode", &error_abort), ==,
                    0);
    expect_error(object_property_parse(obj, "mode", "turbo", &err), &err,
                 "invalid value 'turbo' for property 'mode' of a test-dev "
                 "object (accepted: off, fifo, dma)");
    err = NULL;
    expect_error(object_property_set_int(obj, "mode", 3, &err), &err,
                 "invalid index 3");
    g_assert_cmpint(TEST_DEV(obj)->mode, ==, 0);
    object_unref(obj);
}

static void test_prop_size(void)
{
    Object *obj = object_new(TYPE_TEST_DEV);
    Error *err = NULL;

    object_property_parse(obj, "ram-size", "4K", &error_abort);
    g_assert_cmpuint(TEST_DEV(obj)->ram_size, ==, 4096);
    object_property_parse(obj, "ram-size", "512M", &error_abort);
    g_assert_cmpuint(TEST_DEV(obj)->ram_size, ==, 512ull << 20);
    object_property_parse(obj, "ram-size", "2G", &error_abort);
    g_assert_cmpuint(TEST_DEV(obj)->ram_size, ==, 2ull << 30);
    object_property_parse(obj, "ram-size", "100", &error_abort);
    g_assert_cmpuint(TEST_DEV(obj)->ram_size, ==, 100);
    expect_error(object_property_parse(obj, "ram-size", "4Q", &err), &err,
                 "property 'ram-size'");
    g_assert_cmpuint(TEST_DEV(obj)->ram_size, ==, 100);
    object_unref(obj);
}

static void test_parse_print(void)
{
    /* input text -> canonical printed text */
    static const char *const cases[][3] = {
        { "flag", "yes", "on" },      { "flag", "off", "off" },
        { "flag", "true", "on" },     { "u8", "0x10", "16" },
        { "u16", "010", "8" },        { "num-irqs", "100", "100" },
        { "u64", "18446744073709551615", "18446744073709551615" },
        { "i32", "-5", "-5" },        { "i64", "-0x10", "-16" },
        { "ram-size", "1M", "1048576" }, { "model", "a b", "a b" },
        { "mode", "fifo", "fifo" },   { "peer", "/machine/p", "/machine/p" },
        { "peer", "../p", "/machine/p" }, { "peer", "", "" },
    };
    Object *machine;
    Object *root = new_machine_root(&machine);
    Object *obj = new_dev(machine, "d", TYPE_TEST_DEV);
    Error *err = NULL;

    new_dev(machine, "p", TYPE_TEST_DEV);
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autofree char *out = NULL;
        object_property_parse(obj, cases[i][0], cases[i][1], &error_abort);
        out = object_property_print(obj, cases[i][0], &error_abort);
        g_assert_cmpstr(out, ==, cases[i][2]);
    }
    expect_error(object_property_parse(obj, "flag", "maybe", &err), &err,
                 "'/machine/d' (test-dev): property 'flag': 'maybe' is not "
                 "a boolean");
    err = NULL;
    expect_error(object_property_parse(obj, "u8", "12abc", &err), &err,
                 "property 'u8'");
    err = NULL;
    expect_error(object_property_parse(obj, "u8", "300", &err), &err,
                 "value 300 out of range");
    err = NULL;
    expect_error(object_property_parse(obj, "peer", "/machine/nope", &err),
                 &err, "no object at path '/machine/nope'");
    object_unref(root);
}

static void test_config_after_realize(void)
{
    Object *machine;
    Object *root = new_machine_root(&machine);
    Object *obj = new_dev(machine, "uart0", TYPE_TEST_DEV);
    Error *err = NULL;

    object_property_set_uint(obj, "num-irqs", 40, &error_abort);
    object_realize(obj, &error_abort);
    expect_error(object_property_set_uint(obj, "num-irqs", 50, &err), &err,
                 "'/machine/uart0' (test-dev): property 'num-irqs' cannot "
                 "be changed after realize");
    g_assert_cmpuint(TEST_DEV(obj)->num_irqs, ==, 40);
    /* A runtime knob may still change. */
    object_property_set_uint(obj, "knob", 8, &error_abort);
    g_assert_cmpuint(TEST_DEV(obj)->knob, ==, 8);
    /* Reading is always fine. */
    g_assert_cmpuint(object_property_get_uint(obj, "num-irqs", &error_abort),
                     ==, 40);
    object_unref(root);
}

static void test_unknown_property(void)
{
    Object *obj = object_new(TYPE_TEST_DEV);
    Error *err = NULL;

    g_assert_false(object_property_set_uint(obj, "num-irq", 1, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "a test-dev object has no property 'num-irq'");
    g_assert_nonnull(error_get_hint(err));
    g_assert_nonnull(strstr(error_get_hint(err), "'num-irqs'"));
    error_free(err);
    err = NULL;
    g_assert_null(object_property_find_err(obj, "zzzzzzzz", &err));
    g_assert_nonnull(err);
    /* No close name: the hint lists all properties. */
    g_assert_nonnull(strstr(error_get_hint(err), "label, fail-realize, "
                                                 "flag, u8"));
    error_free(err);
    g_assert_null(object_property_find(obj, "zzzzzzzz"));
    object_unref(obj);
}

static void test_required_link(void)
{
    Object *machine;
    Object *root = new_machine_root(&machine);
    Object *linker = object_new_child(machine, "linker", TYPE_TEST_LINKER,
                                      &error_abort);
    Object *cpu = object_new_child(machine, "cpu0", TYPE_TEST_CPU,
                                   &error_abort);
    Object *dev = new_dev(machine, "uart0", TYPE_TEST_DEV);
    Error *err = NULL;

    expect_error(object_realize(linker, &err), &err,
                 "'/machine/linker' (test-linker): required link 'cpu' "
                 "(link<test-cpu>) is not set");
    g_assert_false(object_is_realized(linker));
    err = NULL;
    expect_error(object_property_set_link(linker, "cpu", dev, &err), &err,
                 "'/machine/linker' (test-linker): property 'cpu' needs a "
                 "'test-cpu', not a 'test-dev'");
    err = NULL;
    expect_error(object_property_parse(linker, "cpu", "../uart0", &err), &err,
                 "needs a 'test-cpu', not a 'test-dev'");
    object_property_parse(linker, "cpu", "../cpu0", &error_abort);
    g_assert_true(TEST_LINKER(linker)->cpu == cpu);
    /* The instance link accepts subtypes and holds a reference. */
    object_property_set_link(linker, "opt", dev, &error_abort);
    g_assert_cmpuint(dev->ref, ==, 2);
    object_realize(linker, &error_abort);
    g_assert_true(object_is_realized(linker));
    /* Unparenting the linker drops what it links to. */
    object_unparent(linker);
    g_assert_cmpuint(dev->ref, ==, 1);
    g_assert_cmpuint(cpu->ref, ==, 1);
    object_unref(root);
}

static int instance_value;

static bool inst_get(Object *obj, ObjectProperty *prop, PropValue *val,
                     Error **errp)
{
    val->kind = PROP_KIND_INT;
    val->i = *(int *)prop->opaque;
    return true;
}

static bool inst_set(Object *obj, ObjectProperty *prop, const PropValue *val,
                     Error **errp)
{
    *(int *)prop->opaque = (int)val->i;
    return true;
}

static void inst_release(Object *obj, ObjectProperty *prop)
{
    log_event("release:%s", prop->name);
}

static void test_instance_props(void)
{
    Object *obj = object_new(TYPE_TEST_DEV);
    ObjectProperty *p;
    Error *err = NULL;
    g_autoptr(GPtrArray) all = NULL;

    p = object_property_add(obj, "dyn", PROP_KIND_INT, "int16", inst_get,
                            inst_set, inst_release, &instance_value,
                            "dynamic", &error_abort);
    p->min = -100;
    p->max = 100;
    object_property_set_int(obj, "dyn", -100, &error_abort);
    g_assert_cmpint(instance_value, ==, -100);
    expect_error(object_property_set_int(obj, "dyn", 101, &err), &err,
                 "(accepted: -100 to 100)");
    err = NULL;
    g_assert_null(object_property_add(obj, "u8", PROP_KIND_INT, NULL,
                                      inst_get, inst_set, NULL,
                                      &instance_value, NULL, &err));
    expect_error(false, &err, "already has a property 'u8'");
    /* Instance properties come after the class chain. */
    all = object_property_list(obj);
    g_assert_cmpstr(((ObjectProperty *)g_ptr_array_index(all, all->len - 1))
                        ->name, ==, "dyn");
    log_reset();
    object_property_del(obj, "dyn");
    g_assert_cmpstr(test_log->str, ==, "release:dyn");
    g_assert_null(object_property_find(obj, "dyn"));
    object_unref(obj);
}

static void test_class_property_list(void)
{
    g_autoptr(GPtrArray) l = object_class_property_list(
        object_class_by_name(TYPE_TEST_SUBDEV));
    const char *want[] = { "label", "fail-realize", "flag", "u8", "u16",
                           "num-irqs", "u64", "i32", "i64", "ram-size",
                           "model", "mode", "peer", "knob", "extra" };

    g_assert_cmpuint(l->len, ==, ARRAY_SIZE(want));
    for (guint i = 0; i < l->len; i++) {
        ObjectProperty *p = g_ptr_array_index(l, i);
        g_assert_cmpstr(p->name, ==, want[i]);
    }
    g_assert_cmpstr(((ObjectProperty *)g_ptr_array_index(l, 5))->type_name,
                    ==, "uint32");
    g_assert_cmpstr(((ObjectProperty *)g_ptr_array_index(l, 12))->type_name,
                    ==, "link<test-dev>");
}

/* ---------------------------------------------------------------------- */
/* Composition tree                                                       */

static void test_tree_paths(void)
{
    Object *machine;
    Object *root = new_machine_root(&machine);
    Object *uart = new_dev(machine, "uart0", TYPE_TEST_DEV);
    Object *cpu1 = object_new_child(machine, "cpu[1]", TYPE_TEST_CPU,
                                    &error_abort);
    Object *loose = object_new(TYPE_TEST_DEV);
    ObjectProperty *cp;
    g_autofree char *p_root = object_get_canonical_path(root);
    g_autofree char *p_uart = object_get_canonical_path(uart);
    g_autofree char *p_cpu = object_get_canonical_path(cpu1);
    g_autofree char *d_uart = object_describe(uart);
    g_autofree char *d_loose = object_describe(loose);

    g_assert_cmpstr(p_root, ==, "/");
    g_assert_cmpstr(p_uart, ==, "/machine/uart0");
    g_assert_cmpstr(p_cpu, ==, "/machine/cpu[1]");
    g_assert_null(object_get_canonical_path(loose));
    g_assert_cmpstr(d_uart, ==, "'/machine/uart0' (test-dev)");
    g_assert_cmpstr(d_loose, ==, "a test-dev object");
    g_assert_cmpstr(object_get_name(uart), ==, "uart0");
    g_assert_true(object_get_parent(uart) == machine);
    g_assert_true(object_get_root(uart) == root);

    g_assert_true(object_resolve_path(cpu1, "/machine/uart0") == uart);
    g_assert_true(object_resolve_path(machine, "uart0") == uart);
    g_assert_true(object_resolve_path(uart, "../cpu[1]") == cpu1);
    g_assert_true(object_resolve_path(uart, "./../../machine/./uart0") ==
                  uart);
    g_assert_true(object_resolve_path(uart, ".") == uart);
    g_assert_true(object_resolve_path(uart, "..") == machine);
    g_assert_true(object_resolve_path(uart, "/") == root);
    g_assert_null(object_resolve_path(root, ".."));
    g_assert_null(object_resolve_path(machine, "uart1"));
    g_assert_null(object_resolve_path(machine, "uart0/x"));
    g_assert_true(object_resolve_path_type(root, "/machine/cpu[1]",
                                           TYPE_TEST_IFACE,
                                           &error_abort) == cpu1);
    {
        Error *err = NULL;
        g_assert_null(object_resolve_path_type(root, "/machine/uart0",
                                               TYPE_TEST_CPU, &err));
        expect_error(false, &err, "'/machine/uart0' is a 'test-dev', not a "
                                 "'test-cpu'");
    }

    /* The child property. */
    cp = object_property_find(machine, "uart0");
    g_assert_nonnull(cp);
    g_assert_cmpint(cp->kind, ==, PROP_KIND_CHILD);
    g_assert_cmpstr(cp->type_name, ==, "child<test-dev>");
    g_assert_true(object_property_get_link(machine, "uart0",
                                           &error_abort) == uart);
    {
        Error *err = NULL;
        expect_error(object_property_set_link(machine, "uart0", NULL, &err),
                     &err, "property 'uart0' is read-only");
    }
    object_unref(loose);
    object_unref(root);
}

static void test_tree_names(void)
{
    Object *machine;
    Object *root = new_machine_root(&machine);
    Object *dev = new_dev(machine, "uart0", TYPE_TEST_DEV);
    Object *other = object_new(TYPE_TEST_CPU);
    static const char *const bad[] = { "", ".", "..", "a/b", "x[1][2]",
                                       "[3]", "x[]", "x[1]y", "sp ace" };
    Error *err = NULL;

    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        err = NULL;
        expect_error(object_property_add_child(machine, bad[i], other, &err),
                     &err, "invalid child name");
    }
    err = NULL;
    expect_error(object_property_add_child(machine, "uart0", other, &err),
                 &err, "'/machine' (container) already has a child named "
                      "'uart0'");
    err = NULL;
    expect_error(object_property_add_child(dev, "flag", other, &err), &err,
                 "already has a property named 'flag'");
    err = NULL;
    expect_error(object_property_add_child(root, "again", dev, &err), &err,
                 "already has a parent");
    err = NULL;
    expect_error(object_property_add_child(dev, "loop", root, &err), &err,
                 "ancestors");
    object_property_add_child(machine, "a.b-c_d[12]", other, &error_abort);
    object_unref(other);
    object_unref(root);
}

static void test_unparent(void)
{
    Object *machine;
    Object *root = new_machine_root(&machine);
    Object *kept;

    new_dev(machine, "gone", TYPE_TEST_DEV);
    kept = new_dev(machine, "kept", TYPE_TEST_DEV);
    object_realize_tree(root, &error_abort);

    log_reset();
    object_unparent(object_resolve_path(root, "/machine/gone"));
    g_assert_cmpstr(test_log->str, ==,
                    "unrealize:gone fin-dev:gone fin-base:gone");
    g_assert_null(object_get_child(machine, "gone"));
    g_assert_null(object_property_find(machine, "gone"));

    /* A caller's reference keeps an unparented object alive. */
    object_ref(kept);
    log_reset();
    object_unparent(kept);
    g_assert_cmpstr(test_log->str, ==, "unrealize:kept");
    g_assert_null(object_get_parent(kept));
    g_assert_null(object_get_name(kept));
    object_unref(kept);
    g_assert_cmpstr(test_log->str, ==,
                    "unrealize:kept fin-dev:kept fin-base:kept");
    object_unref(root);
}

static void test_two_roots(void)
{
    Object *m1, *m2;
    Object *r1 = new_machine_root(&m1);
    Object *r2 = new_machine_root(&m2);
    Object *u1 = new_dev(m1, "uart0", TYPE_TEST_DEV);
    Object *u2 = new_dev(m2, "uart0", TYPE_TEST_DEV);
    Error *err = NULL;

    new_dev(m2, "only2", TYPE_TEST_DEV);
    g_assert_true(object_resolve_path(u1, "/machine/uart0") == u1);
    g_assert_true(object_resolve_path(u2, "/machine/uart0") == u2);
    g_assert_true(object_resolve_path(r1, "/machine/uart0") == u1);
    g_assert_null(object_resolve_path(u1, "/machine/only2"));
    g_assert_null(object_resolve_path(m1, "only2"));
    g_assert_nonnull(object_resolve_path(m2, "only2"));
    /* A link path is resolved in the object's own tree. */
    object_property_parse(u1, "peer", "/machine/uart0", &error_abort);
    g_assert_true(TEST_DEV(u1)->peer == u1);
    object_property_set_link(u1, "peer", NULL, &error_abort);
    expect_error(object_property_parse(u1, "peer", "/machine/only2", &err),
                 &err, "no object at path");
    object_unref(r1);
    object_unref(r2);
}

static int append_name(Object *child, void *opaque)
{
    g_string_append_printf(opaque, "%s ", object_get_name(child));
    return 0;
}

static int stop_at_a1(Object *child, void *opaque)
{
    g_string_append_printf(opaque, "%s ", object_get_name(child));
    return !strcmp(object_get_name(child), "a1") ? 7 : 0;
}

static void test_child_foreach(void)
{
    Object *machine;
    Object *root = new_machine_root(&machine);
    Object *a = new_dev(machine, "a", TYPE_TEST_DEV);
    GString *seen = g_string_new(NULL);

    new_dev(a, "a1", TYPE_TEST_DEV);
    new_dev(a, "a2", TYPE_TEST_DEV);
    new_dev(machine, "b", TYPE_TEST_DEV);
    object_child_foreach_recursive(root, append_name, seen);
    /* Pre-order, children in the order added. */
    g_assert_cmpstr(seen->str, ==, "machine a a1 a2 b ");
    g_string_truncate(seen, 0);
    g_assert_cmpint(object_child_foreach_recursive(root, stop_at_a1, seen),
                    ==, 7);
    g_assert_cmpstr(seen->str, ==, "machine a a1 ");
    g_string_truncate(seen, 0);
    object_child_foreach(machine, append_name, seen);
    g_assert_cmpstr(seen->str, ==, "a b ");
    g_string_free(seen, TRUE);
    object_unref(root);
}

int main(int argc, char **argv)
{
    int ret;

    test_log = g_string_new(NULL);
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qom/class-init-order", test_class_init_order);
    g_test_add_func("/qom/interfaces", test_interfaces);
    g_test_add_func("/qom/failed-casts", test_failed_casts);
    g_test_add_func("/qom/cast-abort", test_cast_abort);
    g_test_add_func("/qom/class-threads", test_class_threads);
    g_test_add_func("/qom/class-list", test_class_list);
    g_test_add_func("/qom/new-checked", test_new_checked);
    g_test_add_func("/qom/init-finalize-order", test_init_finalize_order);
    g_test_add_func("/qom/tree-finalize-order", test_tree_finalize_order);
    g_test_add_func("/qom/realize", test_realize);
    g_test_add_func("/qom/prop/defaults", test_prop_defaults);
    g_test_add_func("/qom/prop/set-kinds", test_prop_set_kinds);
    g_test_add_func("/qom/prop/ranges", test_prop_ranges);
    g_test_add_func("/qom/prop/kind-mismatch", test_prop_kind_mismatch);
    g_test_add_func("/qom/prop/enum", test_prop_enum);
    g_test_add_func("/qom/prop/size", test_prop_size);
    g_test_add_func("/qom/prop/parse-print", test_parse_print);
    g_test_add_func("/qom/prop/config-after-realize",
                    test_config_after_realize);
    g_test_add_func("/qom/prop/unknown", test_unknown_property);
    g_test_add_func("/qom/prop/required-link", test_required_link);
    g_test_add_func("/qom/prop/instance", test_instance_props);
    g_test_add_func("/qom/prop/class-list", test_class_property_list);
    g_test_add_func("/qom/tree/paths", test_tree_paths);
    g_test_add_func("/qom/tree/names", test_tree_names);
    g_test_add_func("/qom/tree/unparent", test_unparent);
    g_test_add_func("/qom/tree/two-roots", test_two_roots);
    g_test_add_func("/qom/tree/foreach", test_child_foreach);
    ret = g_test_run();
    g_string_free(test_log, TRUE);
    return ret;
}
