/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the code qapigen.py generates, compiled from the test
 * schema good.json (prefix "test-"), together with the runtime helpers
 * (system/qmp-json.c) and the dispatcher (system/qmp-dispatch.c).
 *
 * Checks the C side of the visitors (a JSON value converted to C and
 * back is the same value), the error messages users see for each kind of
 * bad input (naming the member, with its path, and the expected type),
 * a flat union and its branch selection, the marshallers and dispatch
 * table through qmp_dispatch(), the event
 * emitters and the introspection data.  Expected values are written out
 * by hand from the schema.
 */
#include "hemu/osdep.h"

#include "test-qapi-commands.h"
#include "test-qapi-events.h"

/* ---- the commands of good.json ---- */

bool qmp_test_echo(Outer *value, Outer **ret, QmpSession *s, Error **errp)
{
    json_t *j = qapi_outer_to_json(value);

    *ret = qapi_outer_from_json(j, "copy", errp);
    json_decref(j);
    return *ret != NULL;
}

bool qmp_test_shapes(GPtrArray *shapes, GPtrArray **ret, QmpSession *s,
                     Error **errp)
{
    json_t *j = qapi_shape_list_to_json(shapes);

    *ret = qapi_shape_list_from_json(j, "copy", errp);
    json_decref(j);
    return *ret != NULL;
}

bool qmp_test_add(int64_t a, bool has_b, int64_t b, int64_t *ret,
                  QmpSession *s, Error **errp)
{
    *ret = a + (has_b ? b : 0);
    return true;
}

bool qmp_test_flat(const char *id, json_t *extra, json_t **ret,
                   QmpSession *s, Error **errp)
{
    *ret = json_pack("{s:s, s:O}", "id", id, "extra", extra);
    return true;
}

bool qmp_test_void(QmpSession *s, Error **errp)
{
    error_set(errp, ERROR_CLASS_DEVICE_NOT_ACTIVE, "void is empty");
    return false;
}

bool qmp_test_list(GPtrArray **ret, QmpSession *s, Error **errp)
{
    Sub *sub = g_new0(Sub, 1);

    sub->s = g_strdup("x");
    *ret = qapi_sub_list_new();
    g_ptr_array_add(*ret, sub);
    return true;
}

/* The last event "broadcast" (the real one lives in monitor-qmp.c). */
static char *last_event;
static json_t *last_data;

void qmp_event_broadcast(Object *root, const char *name, json_t *data)
{
    g_free(last_event);
    json_decref(last_data);
    last_event = g_strdup(name);
    last_data = data;
}

/* ---- helpers ---- */

static json_t *parse(const char *text)
{
    json_error_t jerr;
    json_t *j = json_loads(text, 0, &jerr);

    g_assert_nonnull(j);
    return j;
}

/* Dispatch @request (JSON text) negotiated; return the reply as text. */
static char *call(const char *request)
{
    QmpSession s = { .negotiated = true };
    json_t *req = parse(request);
    json_t *reply = qmp_dispatch(&s, req);
    char *text = json_dumps(reply, JSON_COMPACT | JSON_SORT_KEYS);

    json_decref(req);
    json_decref(reply);
    return text;
}

#define OUTER_FULL                                                           \
    "{\"name\": \"n\", \"colour\": \"light-blue\", "                         \
    "\"inner\": {\"n\": -3, \"flag\": true}, \"tags\": [\"a\", \"b\"], "     \
    "\"items\": [{\"n\": 1}, {\"n\": 2, \"flag\": false}], "                 \
    "\"ratio\": 0.5, \"blob\": {\"k\": [null]}, \"maybe-colour\": \"red\"}"

static void test_round_trip(void)
{
    json_t *in = parse(OUTER_FULL), *out;
    g_autoptr(Outer) o = NULL;
    Error *err = NULL;

    o = qapi_outer_from_json(in, "value", &err);
    g_assert_null(err);
    /* Hand-checked against OUTER_FULL. */
    g_assert_cmpstr(o->name, ==, "n");
    g_assert_cmpint(o->colour, ==, COLOUR_LIGHT_BLUE);
    g_assert_cmpint(o->inner->n, ==, -3);
    g_assert_true(o->inner->has_flag && o->inner->flag);
    g_assert_cmpuint(o->tags->len, ==, 2);
    g_assert_cmpstr(o->tags->pdata[1], ==, "b");
    g_assert_cmpuint(o->items->len, ==, 2);
    g_assert_false(((Inner *)o->items->pdata[0])->has_flag);
    g_assert_true(o->has_ratio && o->ratio == 0.5);
    g_assert_true(o->has_maybe_colour);
    g_assert_cmpint(o->maybe_colour, ==, COLOUR_RED);
    out = qapi_outer_to_json(o);
    g_assert_true(json_equal(in, out));
    json_decref(in);
    json_decref(out);
}

static void test_optional_absent(void)
{
    json_t *in = parse("{\"name\": \"m\", \"colour\": \"green\", "
                       "\"inner\": {\"n\": 0}}");
    g_autoptr(Outer) o = qapi_outer_from_json(in, "v", &error_abort);
    json_t *out = qapi_outer_to_json(o);

    g_assert_null(o->tags);
    g_assert_null(o->items);
    g_assert_null(o->blob);
    g_assert_false(o->has_ratio || o->has_maybe_colour || o->inner->has_flag);
    /* Absent members stay absent on output. */
    g_assert_true(json_equal(in, out));
    json_decref(in);
    json_decref(out);
}

static void check_error(const char *text, const char *message)
{
    json_t *in = parse(text);
    Error *err = NULL;
    Outer *o = qapi_outer_from_json(in, "value", &err);

    g_assert_null(o);
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, message);
    error_free(err);
    json_decref(in);
}

static void test_errors(void)
{
    check_error("{\"name\": 1}", "Parameter 'value.name' expects a string");
    check_error("{\"colour\": \"red\"}", "Parameter 'value.name' is missing");
    check_error("{\"name\": \"a\", \"colour\": \"blue\", \"inner\": {}}",
                "Parameter 'value.colour' does not accept value 'blue' "
                "(accepted: 'red', 'green', 'light-blue')");
    check_error("{\"name\": \"a\", \"colour\": \"red\", "
                "\"inner\": {\"n\": \"1\"}}",
                "Parameter 'value.inner.n' expects an integer");
    check_error("{\"name\": \"a\", \"colour\": \"red\", \"inner\": {\"n\": 1},"
                " \"tags\": [\"x\", 2]}",
                "Parameter 'value.tags[1]' expects a string");
    check_error("{\"name\": \"a\", \"colour\": \"red\", \"inner\": {\"n\": 1},"
                " \"items\": [{\"n\": true}]}",
                "Parameter 'value.items[0].n' expects an integer");
    check_error("{\"name\": \"a\", \"colour\": \"red\", \"inner\": {\"n\": 1},"
                " \"extra\": 1}", "Parameter 'value.extra' is unexpected");
    check_error("[]", "Parameter 'value' expects an object");
}

static void check_call(const char *request, const char *reply)
{
    g_autofree char *got = call(request);

    g_assert_cmpstr(got, ==, reply);
}

static void test_dispatch(void)
{
    /* 2 + 3 = 5; b is optional (absent: 0). */
    check_call("{\"execute\": \"test-add\", \"arguments\": {\"a\": 2, "
               "\"b\": 3}, \"id\": [7]}", "{\"id\":[7],\"return\":5}");
    check_call("{\"execute\": \"test-add\", \"arguments\": {\"a\": 2}}",
               "{\"return\":2}");
    check_call("{\"execute\": \"test-add\", \"arguments\": {\"b\": 2}}",
               "{\"error\":{\"class\":\"GenericError\",\"desc\":"
               "\"Parameter 'a' is missing\"}}");
    check_call("{\"execute\": \"test-add\", \"arguments\": {\"a\": 1.5}}",
               "{\"error\":{\"class\":\"GenericError\",\"desc\":"
               "\"Parameter 'a' expects an integer\"}}");
    check_call("{\"execute\": \"test-add\", \"arguments\": {\"a\": 1, "
               "\"c\": 1}}", "{\"error\":{\"class\":\"GenericError\","
               "\"desc\":\"Parameter 'c' is unexpected\"}}");
    check_call("{\"execute\": \"test-flat\", \"arguments\": {\"id\": \"i\", "
               "\"size\": 4, \"on\": true}}", "{\"return\":{\"extra\":{"
               "\"on\":true,\"size\":4},\"id\":\"i\"}}");
    check_call("{\"execute\": \"test-void\"}", "{\"error\":{\"class\":"
               "\"DeviceNotActive\",\"desc\":\"void is empty\"}}");
    check_call("{\"execute\": \"test-void\", \"arguments\": {\"x\": 1}}",
               "{\"error\":{\"class\":\"GenericError\",\"desc\":"
               "\"Parameter 'x' is unexpected\"}}");
    check_call("{\"execute\": \"test-list\"}",
               "{\"return\":[{\"s\":\"x\"}]}");
    check_call("{\"execute\": \"nope\"}", "{\"error\":{\"class\":"
               "\"CommandNotFound\",\"desc\":\"The command nope has not "
               "been found\"}}");
}

#define SHAPES                                                               \
    "[{\"kind\": \"circle\", \"radius\": 3}, "                             \
    "{\"kind\": \"square\", \"name\": \"n\", \"side\": 2, \"label\": \"s\"}, " \
    "{\"kind\": \"dot\"}]"

static void test_union(void)
{
    json_t *in = parse(SHAPES), *out;
    Error *err = NULL;
    GPtrArray *list = qapi_shape_list_from_json(in, "shapes", &err);
    Shape *circle, *square, *dot;

    g_assert_null(err);
    g_assert_cmpuint(list->len, ==, 3);
    circle = list->pdata[0];
    square = list->pdata[1];
    dot = list->pdata[2];
    /* Hand-checked against SHAPES. */
    g_assert_cmpint(circle->kind, ==, SHAPE_KIND_CIRCLE);
    g_assert_cmpint(circle->u.circle->radius, ==, 3);
    g_assert_null(circle->name);
    g_assert_cmpint(square->kind, ==, SHAPE_KIND_SQUARE);
    g_assert_cmpstr(square->name, ==, "n");
    g_assert_cmpint(square->u.square->side, ==, 2);
    g_assert_cmpstr(square->u.square->label, ==, "s");
    g_assert_cmpint(dot->kind, ==, SHAPE_KIND_DOT);
    out = qapi_shape_list_to_json(list);
    g_assert_true(json_equal(in, out));
    json_decref(out);
    g_ptr_array_unref(list);
    json_decref(in);
}

static void test_union_dispatch(void)
{
    g_autofree char *req = g_strdup_printf(
        "{\"execute\": \"test-shapes\", \"arguments\": {\"shapes\": %s}}",
        SHAPES);
    g_autofree char *got = call(req);
    json_t *reply = parse(got), *want = parse(SHAPES);

    g_assert_true(json_equal(json_object_get(reply, "return"), want));
    json_decref(reply);
    json_decref(want);
    check_call("{\"execute\": \"test-shapes\", \"arguments\": {\"shapes\": "
               "[{\"kind\": \"circle\", \"side\": 1}]}}",
               "{\"error\":{\"class\":\"GenericError\",\"desc\":"
               "\"Parameter 'shapes[0].side' is unexpected\"}}");
    check_call("{\"execute\": \"test-shapes\", \"arguments\": {\"shapes\": "
               "[{\"kind\": \"dot\"}, {\"kind\": \"circle\"}]}}",
               "{\"error\":{\"class\":\"GenericError\",\"desc\":"
               "\"Parameter 'shapes[1].radius' is missing\"}}");
    check_call("{\"execute\": \"test-shapes\", \"arguments\": {\"shapes\": "
               "[{\"kind\": \"dot\", \"radius\": 1}]}}",
               "{\"error\":{\"class\":\"GenericError\",\"desc\":"
               "\"Parameter 'shapes[0].radius' is unexpected\"}}");
    check_call("{\"execute\": \"test-shapes\", \"arguments\": {\"shapes\": "
               "[{\"kind\": \"oval\"}]}}",
               "{\"error\":{\"class\":\"GenericError\",\"desc\":"
               "\"Parameter 'shapes[0].kind' does not accept value 'oval' "
               "(accepted: 'circle', 'square', 'dot')\"}}");
}

static void test_echo(void)
{
    g_autofree char *req = g_strdup_printf(
        "{\"execute\": \"test-echo\", \"arguments\": {\"value\": %s}}",
        OUTER_FULL);
    g_autofree char *got = call(req);
    json_t *reply = parse(got), *want = parse(OUTER_FULL);

    g_assert_true(json_equal(json_object_get(reply, "return"), want));
    json_decref(reply);
    json_decref(want);
}

static void test_events(void)
{
    json_t *want = parse("{\"colour\": \"light-blue\", \"count\": 7}");

    qapi_event_send_test_event(NULL, COLOUR_LIGHT_BLUE, true, 7);
    g_assert_cmpstr(last_event, ==, "TEST_EVENT");
    g_assert_true(json_equal(last_data, want));
    json_decref(want);
    qapi_event_send_test_event(NULL, COLOUR_RED, false, 0);
    g_assert_cmpint(json_object_size(last_data), ==, 1);
    qapi_event_send_test_bare(NULL);
    g_assert_cmpstr(last_event, ==, "TEST_BARE");
    g_assert_cmpint(json_object_size(last_data), ==, 0);
    g_clear_pointer(&last_event, g_free);
    g_clear_pointer(&last_data, json_decref);
}

static json_t *schema_entry(json_t *schema, const char *name)
{
    size_t i;
    json_t *e;

    json_array_foreach(schema, i, e) {
        if (!strcmp(json_string_value(json_object_get(e, "name")), name)) {
            return e;
        }
    }
    return NULL;
}

static void test_introspection(void)
{
    json_t *schema = parse(qapi_introspection_json);
    json_t *cmd = schema_entry(schema, "test-add"), *args, *want;

    g_assert_nonnull(cmd);
    g_assert_cmpstr(json_string_value(json_object_get(cmd, "ret-type")), ==,
                    "int");
    args = schema_entry(schema, json_string_value(json_object_get(cmd,
                                                                  "arg-type")));
    want = parse("[{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"b\", "
                 "\"type\": \"int\", \"optional\": true}]");
    g_assert_true(json_equal(json_object_get(args, "members"), want));
    json_decref(want);
    cmd = schema_entry(schema, "[Inner]");
    g_assert_cmpstr(json_string_value(json_object_get(cmd, "element-type")),
                    ==, "Inner");
    g_assert_nonnull(schema_entry(schema, "TEST_BARE"));
    g_assert_nonnull(schema_entry(schema, "Sub"));  /* from the include */
    cmd = schema_entry(schema, "Shape");
    g_assert_cmpstr(json_string_value(json_object_get(cmd, "tag")), ==,
                    "kind");
    want = parse("[{\"case\": \"circle\", \"type\": \"Circle\"}, "
                 "{\"case\": \"square\", \"type\": \"Square\"}]");
    g_assert_true(json_equal(json_object_get(cmd, "variants"), want));
    json_decref(want);
    json_decref(schema);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qapi/round-trip", test_round_trip);
    g_test_add_func("/qapi/optional-absent", test_optional_absent);
    g_test_add_func("/qapi/errors", test_errors);
    g_test_add_func("/qapi/dispatch", test_dispatch);
    g_test_add_func("/qapi/echo", test_echo);
    g_test_add_func("/qapi/union", test_union);
    g_test_add_func("/qapi/union-dispatch", test_union_dispatch);
    g_test_add_func("/qapi/events", test_events);
    g_test_add_func("/qapi/introspection", test_introspection);
    return g_test_run();
}
